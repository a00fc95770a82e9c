//! Turning spec names into Rust identifiers.
//!
//! Spec names can be anything (`hate/threatening`, `x5t#S256`, `type`, `isGlobal` beside
//! `is_global`). Every name is case-converted with `heck`, made a valid identifier, escaped
//! when it is a keyword, and made unique within its scope by a numeric suffix given in a
//! fixed order, so the same spec always yields the same names.

use heck::{ToSnakeCase, ToUpperCamelCase};
use std::collections::HashSet;

/// Rust keywords of edition 2024, strict and reserved.
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern", "false", "fn",
    "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self",
    "Self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where", "while", "abstract",
    "become", "box", "do", "final", "macro", "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
];

/// Keywords that cannot be raw identifiers; they get a trailing `_` instead.
const NOT_RAW: &[&str] = &["crate", "self", "Self", "super"];

/// Names that generated code uses from the prelude or its imports; a type may not shadow them.
pub const RESERVED_TYPE_NAMES: &[&str] = &[
    "Option",
    "Result",
    "String",
    "Vec",
    "Box",
    "Some",
    "None",
    "Ok",
    "Err",
    "Default",
    "Clone",
    "Debug",
    "PartialEq",
    "Serialize",
    "Deserialize",
    "BTreeMap",
    "Nullable",
    "Value",
    "Uuid",
    "DateTime",
    "Utc",
    "NaiveDate",
    "Self",
];

/// A name as Rust source spells it: a keyword becomes a raw identifier (`type` → `r#type`).
///
/// The IR holds plain names (`type`), so file names, features, docs and longer identifiers
/// built from a name need no unescaping; this is the one place escaping happens, where a
/// name becomes an identifier (`emit::ident`, and harnesses that write Rust as text).
pub fn escaped(name: &str) -> String {
    if KEYWORDS.contains(&name) { format!("r#{name}") } else { name.to_owned() }
}

/// Whether `name` is a keyword, which a plain name may be (see [`escaped`]).
pub fn is_keyword(name: &str) -> bool {
    KEYWORDS.contains(&name)
}

/// Renames the keywords no raw identifier can spell (`self` → `self_`); other keywords stay
/// plain names and are escaped where tokens are made.
fn not_raw(name: String) -> String {
    if NOT_RAW.contains(&name.as_str()) { format!("{name}_") } else { name }
}

/// snake_case identifier for fields, parameters and methods.
pub fn snake(raw: &str) -> String {
    let mut s = raw.to_snake_case();
    if s.is_empty() {
        s = "value".into();
    }
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        s = format!("n{s}");
    }
    not_raw(s)
}

/// An operation's method name: its snake_case id without the tag's prefix, when that leaves
/// something (`core_tokens_list` tagged `core` → `tokens_list`).
pub fn without_prefix(snake_id: &str, tag: &str) -> String {
    snake_id
        .strip_prefix(tag)
        .and_then(|rest| rest.strip_prefix('_'))
        // What is left must still be an identifier: `core_1_list` keeps its prefix.
        .filter(|rest| rest.starts_with(|c: char| c.is_alphabetic() || c == '_'))
        .map(|rest| not_raw(rest.to_owned()))
        .unwrap_or_else(|| snake_id.to_owned())
}

/// UpperCamelCase identifier for types and variants.
pub fn camel(raw: &str) -> String {
    let mut s = raw.to_upper_camel_case();
    if s.is_empty() {
        s = "Empty".into();
    }
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        s = format!("V{s}");
    }
    if s == "Self" { "SelfValue".into() } else { s }
}

/// Makes `candidate` unique in `taken` by appending 2, 3, … and records it.
pub fn unique(taken: &mut HashSet<String>, candidate: String) -> String {
    if taken.insert(candidate.clone()) {
        return candidate;
    }
    (2..).map(|n| format!("{candidate}{n}")).find(|c| taken.insert(c.clone())).expect("an unused suffix exists")
}

/// The reason phrase of a status HTTP commonly names, in UpperCamelCase (`201` →
/// `Created`): the variant of that status in a response enum.
pub fn reason_phrase(code: u16) -> Option<&'static str> {
    Some(match code {
        200 => "Ok",
        201 => "Created",
        202 => "Accepted",
        203 => "NonAuthoritativeInformation",
        204 => "NoContent",
        205 => "ResetContent",
        206 => "PartialContent",
        301 => "MovedPermanently",
        302 => "Found",
        303 => "SeeOther",
        304 => "NotModified",
        307 => "TemporaryRedirect",
        308 => "PermanentRedirect",
        400 => "BadRequest",
        401 => "Unauthorized",
        402 => "PaymentRequired",
        403 => "Forbidden",
        404 => "NotFound",
        405 => "MethodNotAllowed",
        406 => "NotAcceptable",
        409 => "Conflict",
        410 => "Gone",
        412 => "PreconditionFailed",
        413 => "PayloadTooLarge",
        415 => "UnsupportedMediaType",
        422 => "UnprocessableEntity",
        429 => "TooManyRequests",
        500 => "InternalServerError",
        501 => "NotImplemented",
        502 => "BadGateway",
        503 => "ServiceUnavailable",
        504 => "GatewayTimeout",
        _ => return None,
    })
}

/// Readable variant names for enum values.
///
/// Values like `urn:oasis:names:tc:SAML:2.0:nameid-format:persistent` or
/// `http://www.w3.org/2001/04/xmldsig-more#rsa-sha256` share long prefixes; the variant
/// name is built from the fewest trailing segments (split at `:`, `/`, `#`, `.`) that keep
/// all names of the enum distinct and starting with a letter.
pub fn enum_variant_names(values: &[String]) -> Vec<String> {
    let split = |v: &str| -> Vec<String> {
        v.split([':', '/', '#', '.']).filter(|s| !s.is_empty()).map(str::to_owned).collect()
    };
    let segments: Vec<Vec<String>> = values.iter().map(|v| split(v)).collect();
    let max = segments.iter().map(Vec::len).max().unwrap_or(0);
    for k in 1..=max {
        let names: Vec<String> = segments
            .iter()
            .zip(values)
            .map(|(segs, v)| {
                let tail = if segs.len() <= k { v.clone() } else { segs[segs.len() - k..].join("_") };
                // `Self` is the one keyword that is upper camel case.
                Some(tail.to_upper_camel_case()).filter(|n| n != "Self").unwrap_or_else(|| "SelfValue".into())
            })
            .collect();
        let distinct: HashSet<&String> = names.iter().collect();
        let readable = names.iter().all(|n| n.starts_with(|c: char| c.is_ascii_alphabetic()));
        if distinct.len() == names.len() && readable {
            return names;
        }
    }
    let mut taken = HashSet::new();
    values.iter().map(|v| unique(&mut taken, camel(v))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_are_escaped_once() {
        assert_eq!(snake("type"), "type");
        assert_eq!(escaped(&snake("type")), "r#type");
        assert_eq!(escaped(&snake("gen")), "r#gen");
        assert_eq!(escaped("type2"), "type2");
        assert_eq!(snake("self"), "self_");
        assert_eq!(without_prefix("core_self", "core"), "self_");
        assert_eq!(without_prefix("core", "core"), "core");
        assert_eq!(without_prefix("corex_list", "core"), "corex_list");
        assert_eq!(without_prefix("core_1_list", "core"), "core_1_list", "a method name cannot start with a digit");
        assert_eq!(snake("x5t#S256"), "x5t_s256");
        assert_eq!(snake("hate/threatening"), "hate_threatening");
        assert_eq!(snake("2fa"), "n2fa");
        assert_eq!(camel("Self"), "SelfValue");
        let values = ["self".to_owned(), "other".to_owned()];
        assert_eq!(enum_variant_names(&values), ["SelfValue", "Other"]);
    }

    #[test]
    fn collisions_get_stable_suffixes() {
        let mut taken = HashSet::new();
        assert_eq!(unique(&mut taken, snake("is_global")), "is_global");
        assert_eq!(unique(&mut taken, snake("isGlobal")), "is_global2");
        assert_eq!(unique(&mut taken, snake("type")), "type");
        assert_eq!(unique(&mut taken, snake("type")), "type2");
    }

    #[test]
    fn long_enum_values_get_short_names() {
        let v = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            enum_variant_names(&v(&[
                "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress",
                "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"
            ])),
            ["EmailAddress", "Persistent"]
        );
        assert_eq!(enum_variant_names(&v(&["push", "poll", "urn:ietf:rfc:8935"])), ["Push", "Poll", "Rfc8935"]);
        assert_eq!(enum_variant_names(&v(&["6", "8"])), ["V6", "V8"]);
        assert_eq!(enum_variant_names(&v(&["", "a b", "-x"])), ["Empty", "AB", "X"]);
    }
}
