//! The spec's schemas as a JSON Schema (draft 7) document, for an independent validator.
//!
//! OpenAPI 3.0 schemas are close to JSON Schema but not equal; the translation here
//! follows the OpenAPI 3.0.3 text, not akgen:
//! - `nullable: true` adds `null` to the allowed types (or wraps the schema in `anyOf`);
//! - boolean `exclusiveMinimum`/`exclusiveMaximum` (draft 4 style) become numeric limits;
//! - `oneOf` + `discriminator` selects the variant by the tag (`if`/`then` per mapping
//!   entry, the tag limited to the mapping's keys), as OpenAPI specifies;
//! - `#/components/schemas/X` becomes `#/definitions/X`;
//! - annotations (`readOnly`, `example`, …) are left out.

use serde_json::{Map, Value, json};

/// A draft 7 document whose `definitions` are the spec's component schemas; validate
/// against `{"$ref": "#/definitions/<Name>"}` inside it (see [`schema_for`]).
pub fn definitions(spec: &Value) -> Value {
    let mut defs = Map::new();
    for (name, schema) in spec["components"]["schemas"].as_object().expect("components.schemas") {
        defs.insert(name.clone(), translate(schema));
    }
    Value::Object(defs)
}

/// The document that validates instances of component `name`.
pub fn schema_for(definitions: &Value, name: &str) -> Value {
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "definitions": definitions,
        "$ref": format!("#/definitions/{name}"),
    })
}

/// The document that validates instances of any schema inside the spec (a parameter's,
/// a request body's); the component definitions ride along only when it refers to them.
pub fn document(definitions: &Value, schema: &Value) -> Value {
    let mut doc = match translate(schema) {
        Value::Object(m) => m,
        other => return other,
    };
    doc.insert("$schema".into(), json!("http://json-schema.org/draft-07/schema#"));
    if schema.to_string().contains("#/components/schemas/") {
        doc.insert("definitions".into(), definitions.clone());
    }
    Value::Object(doc)
}

fn translate(schema: &Value) -> Value {
    let Value::Object(s) = schema else { return schema.clone() };
    if let Some(r) = s.get("$ref").and_then(Value::as_str) {
        return json!({"$ref": r.replace("#/components/schemas/", "#/definitions/")});
    }
    let mut out = Map::new();
    for (key, value) in s {
        match key.as_str() {
            "properties" => {
                let props = value.as_object().unwrap().iter().map(|(k, v)| (k.clone(), translate(v))).collect();
                out.insert(key.clone(), Value::Object(props));
            }
            "items" | "additionalProperties" | "not" => {
                out.insert(key.clone(), if value.is_object() { translate(value) } else { value.clone() });
            }
            "allOf" | "anyOf" => {
                out.insert(key.clone(), Value::Array(value.as_array().unwrap().iter().map(translate).collect()));
            }
            "oneOf" if s.contains_key("discriminator") => {}
            "oneOf" => {
                out.insert(key.clone(), Value::Array(value.as_array().unwrap().iter().map(translate).collect()));
            }
            "discriminator" => {
                let property = value["propertyName"].as_str().unwrap();
                let mapping = value["mapping"].as_object().expect("authentik's discriminators all have a mapping");
                let tags: Vec<&String> = mapping.keys().collect();
                let selectors: Vec<Value> = mapping
                    .iter()
                    .map(|(tag, target)| {
                        let target = target.as_str().unwrap().replace("#/components/schemas/", "#/definitions/");
                        json!({
                            "if": {"properties": {property: {"const": tag}}, "required": [property]},
                            "then": {"$ref": target},
                        })
                    })
                    .collect();
                out.insert("type".into(), json!("object"));
                out.insert("required".into(), json!([property]));
                out.insert("properties".into(), json!({property: {"enum": tags}}));
                out.insert("allOf".into(), Value::Array(selectors));
            }
            "exclusiveMinimum" | "exclusiveMaximum" => {
                let bound = if key == "exclusiveMinimum" { "minimum" } else { "maximum" };
                if value == &Value::Bool(true) {
                    out.insert(key.clone(), s[bound].clone());
                }
            }
            "minimum" | "maximum" => {
                let exclusive = if key == "minimum" { "exclusiveMinimum" } else { "exclusiveMaximum" };
                if s.get(exclusive) != Some(&Value::Bool(true)) {
                    out.insert(key.clone(), value.clone());
                }
            }
            "nullable" | "readOnly" | "writeOnly" | "example" | "deprecated" | "xml" | "externalDocs" | "title"
            | "description" | "default" => {}
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

fn allow_null(mut schema: Value) -> Value {
    let obj = schema.as_object_mut().unwrap();
    let has_other_keywords = obj.keys().any(|k| k != "type" && k != "enum" && k != "format" && k != "pattern"
        && k != "minLength" && k != "maxLength" && k != "minimum" && k != "maximum" && k != "items"
        && k != "properties" && k != "required" && k != "additionalProperties");
    if let Some(values) = obj.get_mut("enum").and_then(Value::as_array_mut) {
        if !values.contains(&Value::Null) {
            values.push(Value::Null);
        }
    }
    match obj.get("type").cloned() {
        Some(Value::String(t)) if !has_other_keywords => {
            obj.insert("type".into(), json!([t, "null"]));
            schema
        }
        _ => json!({"anyOf": [{"type": "null"}, schema]}),
    }
}
