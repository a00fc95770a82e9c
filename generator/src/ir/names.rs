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

/// A name without the `r#` [`escape_keyword`] may have given it: for where the name is not
/// Rust syntax (file names, Cargo features, docs, the base of a longer identifier).
pub fn unraw(name: &str) -> &str {
    name.strip_prefix("r#").unwrap_or(name)
}

/// Escapes a keyword: `type` → `r#type`, `self` → `self_`.
pub fn escape_keyword(name: String) -> String {
    if NOT_RAW.contains(&name.as_str()) {
        format!("{name}_")
    } else if KEYWORDS.contains(&name.as_str()) {
        format!("r#{name}")
    } else {
        name
    }
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
    escape_keyword(s)
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
    // Raw identifiers cannot take a suffix inside the `r#`; drop it (`type2` is no keyword).
    let base = unraw(&candidate).to_owned();
    (2..).map(|n| format!("{base}{n}")).find(|c| taken.insert(c.clone())).expect("an unused suffix exists")
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
    fn keywords_are_escaped() {
        assert_eq!(snake("type"), "r#type");
        assert_eq!(snake("gen"), "r#gen");
        assert_eq!(snake("self"), "self_");
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
        assert_eq!(unique(&mut taken, snake("type")), "r#type");
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
