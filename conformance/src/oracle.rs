//! The spec's schemas as a JSON Schema document, for an independent validator.
//!
//! OpenAPI 3.0 schemas are close to JSON Schema but not equal; the translation here
//! follows the OpenAPI 3.0.3 and 3.1 texts, not akgen:
//! - `nullable: true` adds `null` to the allowed types (or wraps the schema in `anyOf`);
//!   3.1 files that still write it are read the same way;
//! - boolean `exclusiveMinimum`/`exclusiveMaximum` (draft 4 style) become numeric limits;
//! - `oneOf` + `discriminator` selects the variant by the tag (`if`/`then` per tag, the tag
//!   limited to the known ones), as OpenAPI specifies: the tags are the `mapping`'s keys
//!   and, for a `$ref` the mapping does not name, the component's name (or, for a schema
//!   in `$defs`, the one value it gives the property). A discriminator whose tags cannot
//!   all be known is left out: `oneOf` alone then judges;
//! - `#/components/schemas/X` becomes `#/definitions/X`, percent-encoded as a URI
//!   fragment must be (component names with spaces);
//! - a `$ref`'s sibling keywords are ignored in 3.0 and kept in 3.1 (2020-12 applies both);
//! - a `type` list with repeats is read as the set it names;
//! - annotations (`readOnly`, `example`, …) are left out.
//!
//! Every keyword that holds schemas (`properties`, `prefixItems`, `$defs`, `contains`, …)
//! is translated inside too.

use serde_json::{Map, Value, json};

/// A document whose `definitions` are the spec's component schemas; validate against
/// `{"$ref": "#/definitions/<Name>"}` inside it (see [`schema_for`]).
pub fn definitions(spec: &Value) -> Value {
    let t = Translator { spec, v31: spec["openapi"].as_str().is_some_and(|v| v.starts_with("3.1.")) };
    let mut defs = Map::new();
    for (name, schema) in spec["components"]["schemas"].as_object().expect("components.schemas") {
        defs.insert(name.clone(), t.translate(schema));
    }
    Value::Object(defs)
}

/// The document that validates instances of component `name`.
pub fn schema_for(definitions: &Value, name: &str) -> Value {
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "definitions": definitions,
        "$ref": format!("#/definitions/{}", fragment(&escape(name))),
    })
}

/// The document that validates instances of any schema inside an OpenAPI 3.0 spec (a
/// parameter's, a request body's); the component definitions ride along only when it
/// refers to them.
pub fn document(definitions: &Value, schema: &Value) -> Value {
    let t = Translator { spec: &Value::Null, v31: false };
    let mut doc = match t.translate(schema) {
        Value::Object(m) => m,
        other => return other,
    };
    doc.insert("$schema".into(), json!("http://json-schema.org/draft-07/schema#"));
    if schema.to_string().contains("#/components/schemas/") {
        doc.insert("definitions".into(), definitions.clone());
    }
    Value::Object(doc)
}

/// JSON pointer escaping of one segment (RFC 6901).
fn escape(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

/// A JSON pointer as a URI fragment: what RFC 3986 does not allow there, percent-encoded.
fn fragment(pointer: &str) -> String {
    let mut out = String::new();
    for b in pointer.bytes() {
        match b {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'.'
            | b'_'
            | b'~'
            | b'/'
            | b'!'
            | b'$'
            | b'&'
            | b'\''
            | b'('
            | b')'
            | b'*'
            | b'+'
            | b','
            | b';'
            | b'='
            | b':'
            | b'@' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

struct Translator<'a> {
    /// The whole spec, to read the schemas a discriminator's `$ref`s name.
    spec: &'a Value,
    v31: bool,
}

impl Translator<'_> {
    fn reference(&self, r: &str) -> Value {
        let target = match r.strip_prefix("#/components/schemas/") {
            Some(rest) => format!("#/definitions/{}", fragment(rest)),
            None => r.to_owned(),
        };
        json!({"$ref": target})
    }

    fn translate(&self, schema: &Value) -> Value {
        let Value::Object(s) = schema else { return schema.clone() };
        if let Some(r) = s.get("$ref").and_then(Value::as_str) {
            let reference = self.reference(r);
            let siblings: Map<String, Value> =
                s.iter().filter(|(k, _)| *k != "$ref").map(|(k, v)| (k.clone(), v.clone())).collect();
            if !self.v31 || siblings.is_empty() {
                return reference;
            }
            let rest = self.translate(&Value::Object(siblings));
            return json!({"allOf": [reference, rest]});
        }
        let mut out = Map::new();
        for (key, value) in s {
            match key.as_str() {
                "properties" | "patternProperties" | "$defs" | "definitions" | "dependentSchemas" => {
                    let map = value.as_object().unwrap().iter().map(|(k, v)| (k.clone(), self.translate(v))).collect();
                    out.insert(key.clone(), Value::Object(map));
                }
                "items"
                | "additionalProperties"
                | "not"
                | "contains"
                | "propertyNames"
                | "if"
                | "then"
                | "else"
                | "unevaluatedProperties"
                | "unevaluatedItems" => {
                    out.insert(key.clone(), self.translate(value));
                }
                "allOf" | "anyOf" | "prefixItems" => {
                    out.insert(
                        key.clone(),
                        Value::Array(value.as_array().unwrap().iter().map(|v| self.translate(v)).collect()),
                    );
                }
                "oneOf" if s.get("discriminator").is_some_and(|d| self.tags(d, value).is_some()) => {}
                "oneOf" => {
                    out.insert(
                        key.clone(),
                        Value::Array(value.as_array().unwrap().iter().map(|v| self.translate(v)).collect()),
                    );
                }
                "discriminator" => {
                    let Some(tags) = s.get("oneOf").and_then(|branches| self.tags(value, branches)) else { continue };
                    let property = value["propertyName"].as_str().unwrap();
                    let names: Vec<&String> = tags.iter().map(|(tag, _)| tag).collect();
                    let selectors: Vec<Value> = tags
                        .iter()
                        .map(|(tag, then)| {
                            json!({
                                "if": {"properties": {property: {"const": tag}}, "required": [property]},
                                "then": then,
                            })
                        })
                        .collect();
                    out.insert("type".into(), json!("object"));
                    out.insert("required".into(), json!([property]));
                    out.insert("properties".into(), json!({property: {"enum": names}}));
                    out.insert("allOf".into(), Value::Array(selectors));
                }
                "exclusiveMinimum" | "exclusiveMaximum" => {
                    let bound = if key == "exclusiveMinimum" { "minimum" } else { "maximum" };
                    match value {
                        Value::Bool(true) => {
                            out.insert(key.clone(), s[bound].clone());
                        }
                        Value::Bool(false) => {}
                        limit => {
                            out.insert(key.clone(), limit.clone());
                        }
                    }
                }
                "minimum" | "maximum" => {
                    let exclusive = if key == "minimum" { "exclusiveMinimum" } else { "exclusiveMaximum" };
                    if s.get(exclusive) != Some(&Value::Bool(true)) {
                        out.insert(key.clone(), value.clone());
                    }
                }
                // A type list with a repeat (kobotoolbox writes `[array, 'null', 'null']`),
                // which JSON Schema's meta-schema refuses, read as the set it names.
                "type" if value.is_array() => {
                    let mut types: Vec<Value> = Vec::new();
                    for t in value.as_array().unwrap() {
                        if !types.contains(t) {
                            types.push(t.clone());
                        }
                    }
                    out.insert(key.clone(), Value::Array(types));
                }
                // One name for `required` (some specs write it so), and OpenAPI 2's
                // `required: true` on a property, which JSON Schema has no reading of.
                "required" if value.is_string() => {
                    out.insert(key.clone(), json!([value]));
                }
                "required" if value.is_boolean() => {}
                "nullable" | "readOnly" | "writeOnly" | "example" | "examples" | "deprecated" | "xml"
                | "externalDocs" | "title" | "description" | "default" => {}
                _ => {
                    out.insert(key.clone(), value.clone());
                }
            }
        }
        let mut translated = Value::Object(out);
        if s.get("nullable") == Some(&Value::Bool(true)) {
            translated = allow_null(translated);
        }
        translated
    }

    /// Each tag of a discriminated `oneOf` with the schema it selects; `None` when a
    /// branch's tag cannot be known (an inline branch without a single value).
    fn tags(&self, discriminator: &Value, branches: &Value) -> Option<Vec<(String, Value)>> {
        let property = discriminator["propertyName"].as_str()?;
        let mapping = discriminator["mapping"].as_object();
        let mut tags: Vec<(String, Value)> = Vec::new();
        for (tag, target) in mapping.into_iter().flatten() {
            tags.push((tag.clone(), self.reference(target.as_str()?)));
        }
        for branch in branches.as_array()? {
            let named = |r: &str| mapping.is_some_and(|m| m.values().any(|t| t == r));
            match branch.get("$ref").and_then(Value::as_str) {
                Some(r) if named(r) => {}
                Some(r) => {
                    let target = self.spec.pointer(r.strip_prefix('#')?)?;
                    let tag = match r.strip_prefix("#/components/schemas/") {
                        Some(name) if !name.contains('/') => name.to_owned(),
                        _ => single_value(target, property)?,
                    };
                    tags.push((tag, self.reference(r)));
                }
                None => tags.push((single_value(branch, property)?, self.translate(branch))),
            }
        }
        Some(tags)
    }
}

/// The one string value a schema gives `property` (`const`, or an `enum` of one).
fn single_value(schema: &Value, property: &str) -> Option<String> {
    let p = &schema["properties"][property];
    match (&p["const"], p["enum"].as_array().map(Vec::as_slice)) {
        (Value::String(v), _) => Some(v.clone()),
        (_, Some([Value::String(v)])) => Some(v.clone()),
        _ => None,
    }
}

fn allow_null(mut schema: Value) -> Value {
    let obj = schema.as_object_mut().unwrap();
    let has_other_keywords = obj.keys().any(|k| {
        k != "type"
            && k != "enum"
            && k != "format"
            && k != "pattern"
            && k != "minLength"
            && k != "maxLength"
            && k != "minimum"
            && k != "maximum"
            && k != "items"
            && k != "properties"
            && k != "required"
            && k != "additionalProperties"
    });
    if let Some(values) = obj.get_mut("enum").and_then(Value::as_array_mut)
        && !values.contains(&Value::Null)
    {
        values.push(Value::Null);
    }
    match obj.get("type").cloned() {
        // 3.1 files that say it twice (`type: [array, 'null']` and `nullable: true`).
        Some(Value::Array(types)) => {
            if !types.contains(&json!("null")) {
                obj.insert("type".into(), Value::Array(types.into_iter().chain([json!("null")]).collect()));
            }
            schema
        }
        Some(Value::String(t)) if !has_other_keywords => {
            obj.insert("type".into(), json!([t, "null"]));
            schema
        }
        _ => json!({"anyOf": [{"type": "null"}, schema]}),
    }
}
