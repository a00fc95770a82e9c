//! Synthesizes JSON instances straight from a spec's raw schemas.
//!
//! This deliberately shares nothing with akgen: it reads the YAML tree and follows the
//! OpenAPI 3.0 rules itself, so a generated type that disagrees with the spec shows up as
//! an instance that fails to round-trip.

use serde_json::{Map, Value, json};

/// Which instance to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Every property present; nullable values non-null; first enum value and variant.
    Full,
    /// Only required properties; nullable values `null`; last enum value and variant.
    Minimal,
}

/// Why no instance could be built.
#[derive(Debug, Clone, PartialEq)]
pub enum Skip {
    /// The schema has a `format: binary` property: file contents, not JSON.
    Binary,
}

pub struct Synth<'a> {
    spec: &'a Value,
}

const MAX_DEPTH: usize = 6;

impl<'a> Synth<'a> {
    pub fn new(spec: &'a Value) -> Self {
        Synth { spec }
    }

    /// The component schemas of the spec, in spec order.
    pub fn components(&self) -> Vec<(&'a str, &'a Value)> {
        self.spec["components"]["schemas"]
            .as_object()
            .map(|m| m.iter().map(|(k, v)| (k.as_str(), v)).collect())
            .unwrap_or_default()
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

    /// An instance of `schema` (a component or any schema inside the spec).
    pub fn instance(&self, schema: &'a Value, mode: Mode) -> Result<Value, Skip> {
        self.build(schema, mode, 0)
    }

    fn build(&self, schema: &'a Value, mode: Mode, depth: usize) -> Result<Value, Skip> {
        let nullable = schema.get("nullable").and_then(Value::as_bool).unwrap_or(false);
        let s = self.resolve(schema);
        if nullable && mode == Mode::Minimal {
            return Ok(Value::Null);
        }
        if let Some(all) = s.get("allOf").and_then(Value::as_array) {
            if all.len() == 1 {
                return self.build(&all[0], mode, depth);
            }
            let mut merged = Map::new();
            for part in all {
                if let Value::Object(m) = self.build(part, mode, depth)? {
                    merged.extend(m);
                }
            }
            return Ok(Value::Object(merged));
        }
        if let Some(variants) = s.get("oneOf").or_else(|| s.get("anyOf")).and_then(Value::as_array) {
            return self.union(s, variants, mode, depth);
        }
        if let Some(values) = s.get("enum").and_then(Value::as_array) {
            let values: Vec<&Value> = values.iter().filter(|v| !v.is_null()).collect();
            let pick = if mode == Mode::Full { values.first() } else { values.last() };
            return Ok(pick.map(|v| (*v).clone()).unwrap_or(Value::Null));
        }
        let ty = s.get("type").and_then(Value::as_str).unwrap_or_else(|| {
            if s.get("properties").is_some() { "object" } else if s.get("items").is_some() { "array" } else { "any" }
        });
        Ok(match ty {
            "string" => self.string(s, mode)?,
            "integer" => {
                let lo = s.get("minimum").and_then(Value::as_i64);
                let hi = s.get("maximum").and_then(Value::as_i64);
                let want = if mode == Mode::Full { 7 } else { 0 };
                json!(want.max(lo.unwrap_or(i64::MIN)).min(hi.unwrap_or(i64::MAX)))
            }
            "number" => {
                let lo = s.get("minimum").and_then(Value::as_f64).unwrap_or(f64::MIN);
                let hi = s.get("maximum").and_then(Value::as_f64).unwrap_or(f64::MAX);
                json!(1.5f64.max(lo).min(hi))
            }
            "boolean" => json!(mode == Mode::Full),
            "array" => {
                let min = s.get("minItems").and_then(Value::as_u64).unwrap_or(0) as usize;
                let count = if mode == Mode::Full && depth < MAX_DEPTH { min.max(1) } else { min };
                let items = s.get("items").unwrap_or(&Value::Null);
                let mut out = Vec::new();
                for _ in 0..count {
                    out.push(if items.is_null() { json!("item") } else { self.build(items, mode, depth + 1)? });
                }
                Value::Array(out)
            }
            "object" => self.object(s, mode, depth)?,
            _ => json!({"any": ["value", 1, true, null]}),
        })
    }

    fn string(&self, s: &Value, mode: Mode) -> Result<Value, Skip> {
        let format = s.get("format").and_then(Value::as_str).unwrap_or("");
        Ok(match format {
            "uuid" => json!("3fa85f64-5717-4562-b3fc-2c963f66afa6"),
            "date-time" => json!("2024-07-29T15:51:28.071Z"),
            "date" => json!("2024-07-29"),
            "email" => json!("user@example.com"),
            "uri" => json!("https://example.com/path"),
            "binary" => return Err(Skip::Binary),
            _ => {
                let min = s.get("minLength").and_then(Value::as_u64).unwrap_or(0) as usize;
                let max = s.get("maxLength").and_then(Value::as_u64).map(|m| m as usize).unwrap_or(usize::MAX);
                let want = if mode == Mode::Full { 5 } else { 0 };
                let plain = "x".repeat(want.max(min).min(max));
                match s.get("pattern").and_then(Value::as_str) {
                    None => json!(plain),
                    // The first of a few candidates that the pattern (ECMA-262) accepts.
                    Some(pattern) => {
                        let regex = regress::Regex::with_flags(pattern, "u").expect("a valid pattern");
                        let fits = |c: &String| regex.find(c).is_some() && (min..=max).contains(&c.chars().count());
                        let candidates = [plain, "x".repeat(min.max(1)), "abc".into(), "a-b_c".into(), "1".into()];
                        json!(candidates.into_iter().find(fits).expect("a string matching the pattern"))
                    }
                }
            }
        })
    }

    fn object(&self, s: &'a Value, mode: Mode, depth: usize) -> Result<Value, Skip> {
        let required: Vec<&str> =
            s.get("required").and_then(Value::as_array).map(|r| r.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
        let mut out = Map::new();
        if let Some(props) = s.get("properties").and_then(Value::as_object) {
            for (name, prop) in props {
                let is_required = required.contains(&name.as_str());
                if is_required || (mode == Mode::Full && depth < MAX_DEPTH) {
                    // Past the depth limit, required recursive values still need a value.
                    let m = if depth >= MAX_DEPTH { Mode::Minimal } else { mode };
                    out.insert(name.clone(), self.build(prop, m, depth + 1)?);
                }
            }
        }
        match s.get("additionalProperties") {
            Some(Value::Bool(false)) => {}
            Some(Value::Object(extra)) if mode == Mode::Full && depth < MAX_DEPTH => {
                let value = if extra.is_empty() { json!({"nested": [1, "two"]}) } else { self.build(&s["additionalProperties"], mode, depth + 1)? };
                out.insert("extra_key".into(), value);
            }
            None | Some(Value::Bool(true)) if s.get("properties").is_none() && mode == Mode::Full => {
                out.insert("free_form".into(), json!({"nested": [1, "two", null]}));
            }
            _ => {}
        }
        Ok(Value::Object(out))
    }

    fn union(&self, s: &'a Value, variants: &'a [Value], mode: Mode, depth: usize) -> Result<Value, Skip> {
        let Some(disc) = s.get("discriminator") else {
            return self.build(&variants[0], mode, depth);
        };
        let property = disc["propertyName"].as_str().expect("discriminator.propertyName");
        let mapping: Vec<(&String, &str)> = disc
            .get("mapping")
            .and_then(Value::as_object)
            .map(|m| m.iter().filter_map(|(k, v)| Some((k, v.as_str()?))).collect())
            .unwrap_or_default();
        // Try variants in order (Full) or reverse (Minimal) until one has a JSON instance.
        let mut order: Vec<&(&String, &str)> = mapping.iter().collect();
        if mode == Mode::Minimal {
            order.reverse();
        }
        let mut last = Skip::Binary;
        for (tag, target) in order {
            match self.build(self.resolve_ref(target), mode, depth) {
                Ok(Value::Object(mut m)) => {
                    m.insert(property.to_owned(), json!(tag));
                    return Ok(Value::Object(m));
                }
                Ok(other) => return Ok(other),
                Err(e) => last = e,
            }
        }
        Err(last)
    }
}
