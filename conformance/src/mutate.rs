//! Boundary and violating variants of a valid instance, one constraint site at a time
//! (a required property left out counts as one).
//!
//! The walk follows the raw schema and the instance together (through `$ref`s, `allOf`
//! wrappers, discriminated unions, list items and map values), so violations are also made
//! deep inside lists and nested objects. Each variant changes one value; whether it is
//! valid is for the oracle to say, not for this module.

use serde_json::{Value, json};

/// One changed instance.
#[derive(Debug, Clone)]
pub struct Variant {
    /// JSON pointer of the changed value.
    pub pointer: String,
    /// What was done, for failure messages.
    pub what: String,
    pub instance: Value,
}

/// Strings tried against every pattern: ASCII, punctuation, spaces, non-ASCII letters
/// (which Python's `\w` accepts and ECMA's does not), slashes, the empty string.
const PATTERN_PROBES: &[&str] =
    &["abc", "a-b_c9", "bad id!", "a b", "ünïcödé", "名前", "a/b", "user@example.com", "a.b+c", ""];
const EMAIL_PROBES: &[&str] =
    &["user@example.com", "not-an-email", "@example.com", "a@b", "first.last@sub.example.org"];
const URI_PROBES: &[&str] =
    &["https://example.com/x?y=1", "not a uri", "/relative/path", "mailto:a@example.com", "urn:isbn:0451450523"];

pub struct Mutator<'a> {
    spec: &'a Value,
}

const MAX_DEPTH: usize = 8;

impl<'a> Mutator<'a> {
    pub fn new(spec: &'a Value) -> Self {
        Mutator { spec }
    }

    fn resolve(&self, schema: &'a Value) -> &'a Value {
        match schema.get("$ref").and_then(Value::as_str) {
            Some(r) => self.resolve_ref(r),
            None => schema,
        }
    }

    fn resolve_ref(&self, reference: &str) -> &'a Value {
        let name = reference.strip_prefix("#/components/schemas/").expect("local schema ref");
        self.resolve(&self.spec["components"]["schemas"][name])
    }

    /// Every variant of `instance` (valid for `schema`) that changes one constrained value.
    pub fn variants(&self, schema: &'a Value, instance: &Value) -> Vec<Variant> {
        let mut out = Vec::new();
        self.walk(schema, instance, instance, String::new(), 0, &mut out);
        out
    }

    fn walk(
        &self,
        schema: &'a Value,
        root: &Value,
        here: &Value,
        pointer: String,
        depth: usize,
        out: &mut Vec<Variant>,
    ) {
        if depth > MAX_DEPTH || here.is_null() {
            return;
        }
        let s = self.resolve(schema);
        if let Some(all) = s.get("allOf").and_then(Value::as_array) {
            for part in all {
                self.walk(part, root, here, pointer.clone(), depth, out);
            }
            return;
        }
        if let Some(variants) = s.get("oneOf").and_then(Value::as_array) {
            let chosen: Option<&'a Value> = match s.get("discriminator") {
                Some(d) => {
                    let tag = here.get(d["propertyName"].as_str().unwrap()).and_then(Value::as_str);
                    tag.and_then(|t| d["mapping"].get(t)).and_then(Value::as_str).map(|r| self.resolve_ref(r))
                }
                None => variants.first(),
            };
            if let Some(chosen) = chosen {
                self.walk(chosen, root, here, pointer, depth, out);
            }
            return;
        }
        let mut add = |what: String, value: Value| {
            let mut instance = root.clone();
            *instance.pointer_mut(&pointer).expect("pointer into the instance") = value;
            out.push(Variant { pointer: pointer.clone(), what, instance });
        };
        if let Some(values) = s.get("enum").and_then(Value::as_array) {
            if values.iter().any(Value::is_string) {
                add("a value the enum does not list".into(), json!("not_a_listed_value"));
            }
            return;
        }
        match here {
            Value::String(_) => {
                let format = s.get("format").and_then(Value::as_str);
                if matches!(format, Some("uuid" | "date-time" | "date" | "binary" | "byte")) {
                    return; // typed in Rust: a wrong string does not even deserialize
                }
                let min = s.get("minLength").and_then(Value::as_u64);
                let max = s.get("maxLength").and_then(Value::as_u64);
                let mut lengths: Vec<u64> = Vec::new();
                if let Some(m) = min {
                    lengths.extend([m.saturating_sub(1), m, m + 1]);
                }
                if let Some(m) = max {
                    lengths.extend([m.saturating_sub(1), m, m + 1]);
                }
                lengths.sort();
                lengths.dedup();
                for n in lengths {
                    add(format!("{n} ASCII characters"), json!("a".repeat(n as usize)));
                    // Two bytes each in UTF-8, one scalar value: lengths count characters.
                    add(format!("{n} characters 'é'"), json!("é".repeat(n as usize)));
                }
                if s.get("pattern").is_some() {
                    for probe in PATTERN_PROBES {
                        add(format!("pattern probe {probe:?}"), json!(probe));
                    }
                }
                match format {
                    Some("email") => EMAIL_PROBES.iter().for_each(|p| add(format!("email probe {p:?}"), json!(p))),
                    Some("uri") => URI_PROBES.iter().for_each(|p| add(format!("uri probe {p:?}"), json!(p))),
                    _ => {}
                }
            }
            Value::Number(_) => {
                // `type: integer`, or 3.1's `type: [integer, 'null']`.
                let integer = match s.get("type") {
                    Some(Value::Array(types)) => types.contains(&json!("integer")),
                    t => t.and_then(Value::as_str) == Some("integer"),
                };
                let step = if integer { 1.0 } else { 0.5 };
                for key in ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"] {
                    // A number (draft 6 and later); 3.0's boolean flag moves `minimum`'s meaning.
                    let Some(limit) = s.get(key).and_then(Value::as_f64) else { continue };
                    for probe in [limit - step, limit, limit + step] {
                        let value = if integer { json!(probe as i64) } else { json!(probe) };
                        add(format!("{key} {limit}: {probe}"), value);
                    }
                }
            }
            Value::Array(items) => {
                let item_schema = s.get("items");
                if let (Some(first), Some(_)) = (items.first(), item_schema) {
                    for key in ["minItems", "maxItems"] {
                        let Some(limit) = s.get(key).and_then(Value::as_u64) else { continue };
                        for n in [limit.saturating_sub(1), limit, limit + 1] {
                            add(format!("{key} {limit}: {n} items"), Value::Array(vec![first.clone(); n as usize]));
                        }
                    }
                    if s.get("uniqueItems") == Some(&Value::Bool(true)) {
                        add("a duplicated item".into(), Value::Array(vec![first.clone(), first.clone()]));
                    }
                }
                if let Some(item_schema) = item_schema {
                    // Violations inside the first and the last item.
                    let mut indexes = vec![0];
                    if items.len() > 1 {
                        indexes.push(items.len() - 1);
                    }
                    for i in indexes {
                        if let Some(item) = items.get(i) {
                            self.walk(item_schema, root, item, format!("{pointer}/{i}"), depth + 1, out);
                        }
                    }
                }
            }
            Value::Object(map) => {
                // Each required property left out, nullable ones too: `required` asks for
                // presence, whatever the value may be.
                let required = s.get("required").and_then(Value::as_array).into_iter().flatten();
                for name in required.filter_map(Value::as_str).filter(|name| map.contains_key(*name)) {
                    let mut instance = root.clone();
                    let object = instance.pointer_mut(&pointer).and_then(Value::as_object_mut);
                    object.expect("pointer to the object").remove(name);
                    out.push(Variant {
                        pointer: pointer.clone(),
                        what: format!("without required {name:?}"),
                        instance,
                    });
                }
                let props = s.get("properties").and_then(Value::as_object);
                for (key, value) in map {
                    let escaped = key.replace('~', "~0").replace('/', "~1");
                    let sub = props
                        .and_then(|p| p.get(key))
                        .or_else(|| s.get("additionalProperties").filter(|a| a.is_object()));
                    if let Some(sub) = sub {
                        self.walk(sub, root, value, format!("{pointer}/{escaped}"), depth + 1, out);
                    }
                }
            }
            Value::Bool(_) | Value::Null => {}
        }
    }
}
