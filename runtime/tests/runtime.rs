//! The runtime's own behaviour, judged by the standards it implements: JSON Schema's
//! validation keywords (lengths in Unicode code points, unanchored ECMA-262 patterns whose
//! `\d` is ASCII), RFC 6901 pointers, RFC 3986 path segments, and the three states of an
//! optional nullable property on the wire.

use akgen_runtime::runtime::Nullable;
use akgen_runtime::validation::{Pattern, Validate, Validator, validate};
use serde_json::json;

/// A value whose validation is one closure, so each test states its own checks.
struct Checked<F: Fn(&mut Validator)>(F);

impl<F: Fn(&mut Validator)> Validate for Checked<F> {
    fn validate_into(&self, v: &mut Validator) {
        (self.0)(v)
    }
}

/// The (pointer, keyword) of every violation the checks find.
fn violations(check: impl Fn(&mut Validator)) -> Vec<(String, &'static str)> {
    match validate(&Checked(check)) {
        Ok(()) => Vec::new(),
        Err(errors) => errors.0.into_iter().map(|v| (v.pointer, v.keyword)).collect(),
    }
}

#[test]
fn lengths_count_code_points_not_bytes() {
    // Two code points in five UTF-8 bytes: JSON Schema counts 2.
    assert!(violations(|v| v.max_length("é🎉", 2)).is_empty());
    assert!(violations(|v| v.min_length("é🎉", 2)).is_empty());
    assert_eq!(violations(|v| v.min_length("é🎉", 3)), [(String::new(), "minLength")]);
}

#[test]
fn patterns_match_anywhere_with_ecma_classes() {
    let digits = Pattern::new(r"\d+");
    assert!(digits.is_match("abc123"), "unanchored: a match anywhere counts");
    // ECMA-262's `\d` is [0-9]; Arabic-Indic digits are not digits to it.
    assert!(!Pattern::new(r"^\d+$").is_match("١٢٣"));
    // An identity escape outside a class is valid only in non-unicode mode (Annex B).
    assert!(Pattern::non_unicode(r"^a\-b$").is_match("a-b"));
}

#[test]
fn violations_are_located_by_rfc_6901_pointers() {
    let found = violations(|v| {
        let mut field = v.field("a/b~c");
        let mut item = field.index(2);
        item.max_length("toolong", 3);
    });
    assert_eq!(found, [("/a~1b~0c/2".to_owned(), "maxLength")]);
}

#[test]
fn bounds_respect_exclusivity() {
    assert!(violations(|v| v.minimum(1.0, 1.0, false)).is_empty());
    assert_eq!(violations(|v| v.minimum(1.0, 1.0, true)), [(String::new(), "exclusiveMinimum")]);
    assert_eq!(violations(|v| v.maximum(2.5, 2.0, false)), [(String::new(), "maximum")]);
}

#[test]
fn nullable_keeps_absent_null_and_a_value_apart() {
    #[derive(serde::Serialize, serde::Deserialize)]
    struct Patch {
        #[serde(default, skip_serializing_if = "Nullable::is_absent")]
        expires: Nullable<String>,
    }
    let read = |text: &str| serde_json::from_str::<Patch>(text).unwrap().expires;
    assert_eq!(read("{}"), Nullable::Absent);
    assert_eq!(read(r#"{"expires":null}"#), Nullable::Null);
    assert_eq!(read(r#"{"expires":"soon"}"#), Nullable::Value("soon".to_owned()));
    let write = |expires| serde_json::to_value(Patch { expires }).unwrap();
    assert_eq!(write(Nullable::Absent), json!({}));
    assert_eq!(write(Nullable::Null), json!({"expires": null}));
    assert_eq!(Nullable::from(Some(1)).into_option(), Some(1));
}

#[cfg(feature = "client")]
#[test]
fn a_path_parameter_is_one_segment() {
    use akgen_runtime::client::transport::path_segment;
    // RFC 3986: `/`, `?`, `#` and `%` would end or change the segment; they are encoded.
    assert_eq!(path_segment("a/b?c#d%e"), "a%2Fb%3Fc%23d%25e");
    assert_eq!(path_segment(&42), "42");
}

#[cfg(feature = "server")]
#[test]
fn any_status_code_can_be_answered() {
    use akgen_runtime::server::support::status;
    assert_eq!(status(418).as_u16(), 418);
    // Not a status at all: the server's own failure, not a panic.
    assert_eq!(status(1000).as_u16(), 500);
}
