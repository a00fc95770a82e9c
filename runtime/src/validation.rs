//! Checking values against the constraints the spec states.
//!
//! Every model implements [`Validate`]; `validate()` returns *all* violations, each with the
//! JSON pointer of the offending value, the JSON Schema keyword, the limit and a message.
//! The implementations (in the `validate` module) are generated; the checks they call are
//! here, written once.

use serde::Serialize;
use serde_json::Value;
use std::fmt;
use std::sync::OnceLock;

/// A value that can be checked against its schema's constraints.
pub trait Validate {
    /// Records every violation below the validator's current pointer. Types without
    /// constraints anywhere inside keep this default, which records nothing.
    fn validate_into(&self, _v: &mut Validator) {}

    /// Checks every constraint; `Err` holds all violations, in document order.
    ///
    /// (`Self: Sized` keeps it out of `dyn Validate`'s vtable, so it is compiled only for
    /// the types it is called on.)
    fn validate(&self) -> Result<(), ValidationErrors>
    where
        Self: Sized,
    {
        validate(self)
    }
}

/// [`Validate::validate`] for a value behind `dyn Validate`: compiled once, whatever the
/// type (the client checks every request body and parameter set through it).
pub fn validate(value: &dyn Validate) -> Result<(), ValidationErrors> {
    let mut v = Validator::default();
    value.validate_into(&mut v);
    v.finish()
}

/// One broken constraint.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Violation {
    /// JSON pointer (RFC 6901) of the offending value, `""` for the whole value.
    pub pointer: String,
    /// The JSON Schema keyword: `pattern`, `minLength`, `maximum`, `enum`, `format`, …
    pub keyword: &'static str,
    /// The limit the value broke: a number, a pattern, a format name or the allowed values.
    pub limit: Value,
    /// What is wrong, in the words a form would show.
    pub message: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = if self.pointer.is_empty() { "/" } else { &self.pointer };
        write!(f, "{at}: {} ({})", self.message, self.keyword)
    }
}

/// Every violation found in one value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ValidationErrors(pub Vec<Violation>);

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} constraint violation{}", self.0.len(), if self.0.len() == 1 { "" } else { "s" })?;
        for v in &self.0 {
            write!(f, "\n  {v}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationErrors {}

impl ValidationErrors {
    /// authentik's `ValidationError` body: messages keyed by field, nested like the value
    /// (`{"user": {"username": ["…"]}}`, lists padded with `{}` for valid items), and
    /// `non_field_errors` for violations of the value as a whole.
    pub fn to_body(&self) -> Value {
        let mut body = Value::Object(Default::default());
        for v in &self.0 {
            let segments: Vec<String> = v.pointer.split('/').skip(1).map(unescape).collect();
            insert_message(&mut body, &segments, &v.message);
        }
        body
    }
}

fn unescape(segment: &str) -> String {
    segment.replace("~1", "/").replace("~0", "~")
}

fn insert_message(node: &mut Value, segments: &[String], message: &str) {
    let Some((first, rest)) = segments.split_first() else {
        push_message(node, "non_field_errors", message);
        return;
    };
    if let (Value::Array(items), Ok(index)) = (&mut *node, first.parse::<usize>()) {
        if items.len() <= index {
            items.resize(index + 1, Value::Object(Default::default()));
        }
        return insert_message(&mut items[index], rest, message);
    }
    let Value::Object(map) = node else { return };
    if rest.is_empty() {
        push_message(node, first, message);
        return;
    }
    let child = map.entry(first.clone()).or_insert_with(|| {
        if rest[0].parse::<usize>().is_ok() { Value::Array(Vec::new()) } else { Value::Object(Default::default()) }
    });
    insert_message(child, rest, message);
}

fn push_message(node: &mut Value, key: &str, message: &str) {
    let Value::Object(map) = node else { return };
    match map.entry(key.to_owned()).or_insert_with(|| Value::Array(Vec::new())) {
        Value::Array(messages) => messages.push(Value::String(message.to_owned())),
        // A key that already holds nested messages: keep them, add ours beside them.
        other => *other = Value::Array(vec![other.take(), Value::String(message.to_owned())]),
    }
}

/// Collects violations while walking a value; tracks the current JSON pointer.
#[derive(Debug, Default)]
pub struct Validator {
    pointer: String,
    violations: Vec<Violation>,
}

impl Validator {
    /// The violations found so far, or `Ok` if there are none.
    pub fn finish(self) -> Result<(), ValidationErrors> {
        if self.violations.is_empty() { Ok(()) } else { Err(ValidationErrors(self.violations)) }
    }

    /// The validator one object key further down; the pointer comes back when the
    /// returned guard is dropped (`v.field("name").max_length(name, 64);`).
    pub fn field(&mut self, key: &str) -> Nested<'_> {
        let len = self.pointer.len();
        self.pointer.push('/');
        for c in key.chars() {
            match c {
                '~' => self.pointer.push_str("~0"),
                '/' => self.pointer.push_str("~1"),
                c => self.pointer.push(c),
            }
        }
        Nested { validator: self, len }
    }

    /// The validator one list index further down, like [`field`](Self::field).
    pub fn index(&mut self, index: usize) -> Nested<'_> {
        use std::fmt::Write as _;
        let len = self.pointer.len();
        let _ = write!(self.pointer, "/{index}");
        Nested { validator: self, len }
    }

    /// Records a violation at the current pointer.
    pub fn violation(&mut self, keyword: &'static str, limit: Value, message: String) {
        self.violations.push(Violation { pointer: self.pointer.clone(), keyword, limit, message });
    }

    /// Validates a nested value at the current pointer.
    pub fn nested<T: Validate + ?Sized>(&mut self, value: &T) {
        value.validate_into(self);
    }

    /// Validates every item of a list, each at its index.
    pub fn items<T: Validate>(&mut self, items: &[T]) {
        for (i, item) in items.iter().enumerate() {
            item.validate_into(&mut self.index(i));
        }
    }

    /// Validates every value of a map, each at its key.
    pub fn values<'a, T: Validate + 'a>(&mut self, map: impl IntoIterator<Item = (&'a String, &'a T)>) {
        for (key, value) in map {
            value.validate_into(&mut self.field(key));
        }
    }

    /// `minLength`, counted in Unicode scalar values as JSON Schema counts.
    pub fn min_length(&mut self, value: &str, min: u64) {
        if (value.chars().count() as u64) < min {
            let plural = if min == 1 { "" } else { "s" };
            self.violation("minLength", min.into(), format!("Ensure this field has at least {min} character{plural}."));
        }
    }

    /// `maxLength`, counted in Unicode scalar values.
    pub fn max_length(&mut self, value: &str, max: u64) {
        if value.chars().count() as u64 > max {
            let plural = if max == 1 { "" } else { "s" };
            self.violation(
                "maxLength",
                max.into(),
                format!("Ensure this field has no more than {max} character{plural}."),
            );
        }
    }

    /// `pattern`: the string must contain a match (ECMA-262 semantics, unanchored).
    pub fn pattern(&mut self, value: &str, pattern: &Pattern) {
        if !pattern.is_match(value) {
            self.violation(
                "pattern",
                pattern.source.into(),
                format!("Enter a value matching the pattern {}.", pattern.source),
            );
        }
    }

    /// `minimum` (or `exclusiveMinimum` when `exclusive`).
    pub fn minimum(&mut self, value: f64, min: f64, exclusive: bool) {
        if value < min || (exclusive && value == min) {
            let (keyword, relation) =
                if exclusive { ("exclusiveMinimum", "greater than") } else { ("minimum", "greater than or equal to") };
            self.violation(keyword, number(min), format!("Ensure this value is {relation} {min}."));
        }
    }

    /// `maximum` (or `exclusiveMaximum` when `exclusive`).
    pub fn maximum(&mut self, value: f64, max: f64, exclusive: bool) {
        if value > max || (exclusive && value == max) {
            let (keyword, relation) =
                if exclusive { ("exclusiveMaximum", "less than") } else { ("maximum", "less than or equal to") };
            self.violation(keyword, number(max), format!("Ensure this value is {relation} {max}."));
        }
    }

    /// `multipleOf`.
    pub fn multiple_of(&mut self, value: f64, factor: f64) {
        let quotient = value / factor;
        if quotient.fract() != 0.0 {
            self.violation("multipleOf", number(factor), format!("Ensure this value is a multiple of {factor}."));
        }
    }

    /// `minItems`.
    pub fn min_items(&mut self, len: usize, min: u64) {
        if (len as u64) < min {
            self.violation("minItems", min.into(), format!("Ensure this field has at least {min} elements."));
        }
    }

    /// `maxItems`.
    pub fn max_items(&mut self, len: usize, max: u64) {
        if len as u64 > max {
            self.violation("maxItems", max.into(), format!("Ensure this field has no more than {max} elements."));
        }
    }

    /// `uniqueItems`: no two items equal (as JSON values, so `1` and `1.0` are equal).
    pub fn unique_items<T: Serialize>(&mut self, items: &[T]) {
        let values: Vec<Value> = items.iter().map(|i| serde_json::to_value(i).unwrap_or(Value::Null)).collect();
        let duplicate = values.iter().enumerate().any(|(i, a)| values[..i].iter().any(|b| same_json(a, b)));
        if duplicate {
            self.violation("uniqueItems", true.into(), "Ensure the items of this list are unique.".into());
        }
    }

    /// `format: email`, as the `email_address` crate parses RFC 5321/5322 addresses.
    pub fn email(&mut self, value: &str) {
        if !email_address::EmailAddress::is_valid(value) {
            self.violation("format", "email".into(), "Enter a valid email address.".into());
        }
    }

    /// `format: uri`: an absolute URI (RFC 3986), as the `url` crate parses it.
    pub fn uri(&mut self, value: &str) {
        if url::Url::parse(value).is_err() {
            self.violation("format", "uri".into(), "Enter a valid URL.".into());
        }
    }

    /// `format: date-time` held as a `String` (the config's `[formats]`): RFC 3339, as
    /// chrono parses it when the field is a `DateTime`.
    pub fn date_time(&mut self, value: &str) {
        if chrono::DateTime::parse_from_rfc3339(value).is_err() {
            self.violation("format", "date-time".into(), "Enter a valid date and time (RFC 3339).".into());
        }
    }

    /// `format: date` held as a `String`: a full date (`2026-12-02`), as RFC 3339 says.
    pub fn date(&mut self, value: &str) {
        if chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").is_err() {
            self.violation("format", "date".into(), "Enter a valid date (YYYY-MM-DD).".into());
        }
    }

    /// `format: uuid` held as a `String`: RFC 9562's hyphenated form, as `uuid` parses it.
    pub fn uuid(&mut self, value: &str) {
        if value.len() != 36 || uuid::Uuid::parse_str(value).is_err() {
            self.violation("format", "uuid".into(), "Enter a valid UUID.".into());
        }
    }

    /// `value` as a `T`, for a constraint that names a type of its own (`prefixItems`,
    /// `contains`, `propertyNames`, `patternProperties`); `None` after recording a
    /// violation of `keyword` when it is not one.
    pub fn conform<T: serde::de::DeserializeOwned>(
        &mut self,
        value: &impl Serialize,
        keyword: &'static str,
    ) -> Option<T> {
        let converted = serde_json::to_value(value).and_then(serde_json::from_value);
        if converted.is_err() {
            self.violation(keyword, Value::Null, "Enter a value of the expected type.".into());
        }
        converted.ok()
    }

    /// Whether `value` is a `T` that passes `check` (for `contains`, which counts them).
    pub fn holds<T: serde::de::DeserializeOwned>(
        value: &impl Serialize,
        check: impl FnOnce(&T, &mut Validator),
    ) -> bool {
        let mut v = Validator::default();
        if let Some(t) = v.conform::<T>(value, "contains") {
            check(&t, &mut v);
        }
        v.violations.is_empty()
    }

    /// `contains` with `minContains` (1 unless stated) and `maxContains`: how many items matched.
    pub fn contains(&mut self, matched: usize, min: u64, max: Option<u64>) {
        let matched = matched as u64;
        if matched < min {
            let keyword = if min == 1 { "contains" } else { "minContains" };
            self.violation(
                keyword,
                min.into(),
                format!("Ensure at least {min} of these elements are of the expected kind."),
            );
        }
        if let Some(max) = max.filter(|max| matched > *max) {
            self.violation(
                "maxContains",
                max.into(),
                format!("Ensure no more than {max} of these elements are of the expected kind."),
            );
        }
    }

    /// `additionalProperties: false` beside `patternProperties`: a key no pattern allows.
    pub fn additional_property(&mut self) {
        self.violation("additionalProperties", false.into(), "This key is not allowed.".into());
    }

    /// `dependentRequired`: `key` is present and `missing`, which it requires, is not.
    pub fn dependent_required(&mut self, key: &str, missing: &str) {
        self.violation("dependentRequired", missing.into(), format!("{missing} is required when {key} is given."));
    }

    /// The schema `false`: whatever the value, it is not allowed.
    pub fn never(&mut self, _value: &impl Serialize) {
        self.violation("false", false.into(), "No value is allowed here.".into());
    }

    /// `enum`: a value the catch-all variant kept because this version does not know it.
    pub fn unknown_value(&mut self, value: impl fmt::Display, allowed: &[&str]) {
        let limit = Value::Array(allowed.iter().map(|a| Value::String((*a).to_owned())).collect());
        self.violation("enum", limit, format!("\"{value}\" is not a valid choice."))
    }
}

/// A [`Validator`] moved one step down the value; see [`Validator::field`].
pub struct Nested<'a> {
    validator: &'a mut Validator,
    len: usize,
}

impl std::ops::Deref for Nested<'_> {
    type Target = Validator;
    fn deref(&self) -> &Validator {
        self.validator
    }
}

impl std::ops::DerefMut for Nested<'_> {
    fn deref_mut(&mut self) -> &mut Validator {
        self.validator
    }
}

impl Drop for Nested<'_> {
    fn drop(&mut self) {
        self.validator.pointer.truncate(self.len);
    }
}

fn number(n: f64) -> Value {
    if n.fract() == 0.0 && n.abs() < 9e15 { Value::from(n as i64) } else { Value::from(n) }
}

fn same_json(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same_json(a, b)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same_json(v, w)))
        }
        _ => a == b,
    }
}

/// A spec `pattern`, compiled on first use with ECMA-262 semantics (the `regress` crate,
/// Unicode mode, or non-unicode mode where only that accepts the pattern). Like JSON
/// Schema, it matches anywhere unless anchored; like ECMA-262, `\w` and `\d` are ASCII-only.
pub struct Pattern {
    source: &'static str,
    flags: &'static str,
    compiled: OnceLock<regress::Regex>,
}

impl Pattern {
    /// A pattern akgen already compiled once at generation time.
    pub const fn new(source: &'static str) -> Self {
        Pattern { source, flags: "u", compiled: OnceLock::new() }
    }

    /// A pattern that compiles only in ECMA-262's non-unicode mode (Annex B allows identity
    /// escapes such as `\-` outside a class, which patterns written for Python use).
    pub const fn non_unicode(source: &'static str) -> Self {
        Pattern { source, flags: "", compiled: OnceLock::new() }
    }

    /// The pattern as the spec writes it.
    pub fn source(&self) -> &'static str {
        self.source
    }

    /// Whether `value` contains a match.
    pub fn is_match(&self, value: &str) -> bool {
        self.compiled
            .get_or_init(|| {
                regress::Regex::with_flags(self.source, self.flags)
                    .expect("akgen compiled this pattern at generation time")
            })
            .find(value)
            .is_some()
    }
}

impl fmt::Debug for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Pattern").field(&self.source).finish()
    }
}

macro_rules! unconstrained {
    ($($t:ty),*) => { $(impl Validate for $t {})* };
}
unconstrained!(
    String,
    bool,
    u8,
    i32,
    i64,
    f64,
    Value,
    uuid::Uuid,
    chrono::DateTime<chrono::Utc>,
    chrono::NaiveDate,
    ()
);

impl<T: Validate> Validate for Vec<T> {
    fn validate_into(&self, v: &mut Validator) {
        v.items(self);
    }
}

impl<T: Validate> Validate for Option<T> {
    fn validate_into(&self, v: &mut Validator) {
        if let Some(value) = self {
            value.validate_into(v);
        }
    }
}

impl<T: Validate> Validate for super::runtime::Nullable<T> {
    fn validate_into(&self, v: &mut Validator) {
        if let Some(value) = self.as_ref() {
            value.validate_into(v);
        }
    }
}

impl<T: Validate + ?Sized> Validate for Box<T> {
    fn validate_into(&self, v: &mut Validator) {
        (**self).validate_into(v);
    }
}

impl<T: Validate> Validate for std::collections::BTreeMap<String, T> {
    fn validate_into(&self, v: &mut Validator) {
        v.values(self);
    }
}
