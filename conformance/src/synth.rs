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
        if let Some(name) = reference.strip_prefix("#/components/schemas/").filter(|n| !n.contains('/')) {
            return self.resolve(&self.spec["components"]["schemas"][name]);
        }
        // Any other place in the document (a component's `$defs`, OpenAPI 3.1).
        let pointer = reference.strip_prefix('#').expect("local schema ref");
        self.resolve(self.spec.pointer(pointer).expect("a $ref to a place in the spec"))
    }

    /// An instance of `schema` (a component or any schema inside the spec).
    pub fn instance(&self, schema: &'a Value, mode: Mode) -> Result<Value, Skip> {
        self.build(schema, mode, 0)
    }

    fn build(&self, schema: &'a Value, mode: Mode, depth: usize) -> Result<Value, Skip> {
        let s = self.resolve(schema);
        // 3.1 writes `type: [T, 'null']` where 3.0 wrote `nullable: true`.
        let null_type = s.get("type").and_then(Value::as_array).is_some_and(|t| t.contains(&json!("null")));
        let nullable = schema.get("nullable").and_then(Value::as_bool).unwrap_or(false) || null_type;
        if let Some(value) = s.get("const") {
            return Ok(value.clone());
        }
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
            let variant = self.union(s, variants, mode, depth)?;
            // Properties beside the union (svix) apply to every variant.
            if let (Value::Object(mut v), true) = (variant.clone(), s.get("properties").is_some()) {
                if let Value::Object(outer) = self.object(s, mode, depth)? {
                    for (k, value) in outer {
                        v.entry(k).or_insert(value);
                    }
                }
                return Ok(Value::Object(v));
            }
            return Ok(variant);
        }
        if let Some(values) = s.get("enum").and_then(Value::as_array) {
            let values: Vec<&Value> = values.iter().filter(|v| !v.is_null()).collect();
            let pick = if mode == Mode::Full { values.first() } else { values.last() };
            return Ok(pick.map(|v| (*v).clone()).unwrap_or(Value::Null));
        }
        let listed = s
            .get("type")
            .and_then(Value::as_array)
            .and_then(|t| t.iter().filter_map(Value::as_str).find(|t| *t != "null"));
        // OpenAPI 3.1's raw bytes: file contents, not JSON.
        let media = s.get("contentMediaType").and_then(Value::as_str);
        if media.is_some_and(|m| !m.starts_with("text/") && !m.contains("json")) && s.get("contentEncoding").is_none() {
            return Err(Skip::Binary);
        }
        let ty = s.get("type").and_then(Value::as_str).or(listed).unwrap_or_else(|| {
            if s.get("properties").is_some() {
                "object"
            } else if s.get("items").is_some() {
                "array"
            } else {
                "any"
            }
        });
        Ok(match ty {
            "string" => self.string(s, mode)?,
            "integer" => {
                // A numeric `exclusiveMinimum`/`exclusiveMaximum` (draft 6 and later).
                let lo = s
                    .get("minimum")
                    .and_then(Value::as_i64)
                    .or_else(|| s.get("exclusiveMinimum").and_then(Value::as_i64).map(|l| l + 1));
                let hi = s
                    .get("maximum")
                    .and_then(Value::as_i64)
                    .or_else(|| s.get("exclusiveMaximum").and_then(Value::as_i64).map(|l| l - 1));
                let want = if mode == Mode::Full { 7 } else { 0 };
                json!(want.max(lo.unwrap_or(i64::MIN)).min(hi.unwrap_or(i64::MAX)))
            }
            "number" => {
                let lo = s
                    .get("minimum")
                    .and_then(Value::as_f64)
                    .or_else(|| s.get("exclusiveMinimum").and_then(Value::as_f64).map(|l| l + 0.5))
                    .unwrap_or(f64::MIN);
                let hi = s
                    .get("maximum")
                    .and_then(Value::as_f64)
                    .or_else(|| s.get("exclusiveMaximum").and_then(Value::as_f64).map(|l| l - 0.5))
                    .unwrap_or(f64::MAX);
                json!(1.5f64.max(lo).min(hi))
            }
            "boolean" => json!(mode == Mode::Full),
            "array" => {
                let min = s.get("minItems").and_then(Value::as_u64).unwrap_or(0) as usize;
                let count = if mode == Mode::Full && depth < MAX_DEPTH { min.max(1) } else { min };
                let items = s.get("items").filter(|i| i.is_object()).unwrap_or(&Value::Null);
                let mut out = Vec::new();
                // 3.1's `prefixItems`: each position its own schema, then `items`.
                for position in s.get("prefixItems").and_then(Value::as_array).into_iter().flatten() {
                    out.push(self.build(position, mode, depth + 1)?);
                }
                // `contains`: one item of its kind (what `minContains` asks beyond 1 is
                // left to the oracle, which then skips the schema).
                if let Some(contains) = s.get("contains") {
                    out.push(self.build(contains, mode, depth + 1)?);
                }
                for _ in out.len()..count {
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
                        let found =
                            candidates.into_iter().find(fits).or_else(|| generated(pattern).into_iter().find(fits));
                        json!(found.expect("a string matching the pattern"))
                    }
                }
            }
        })
    }

    fn object(&self, s: &'a Value, mode: Mode, depth: usize) -> Result<Value, Skip> {
        let required: Vec<&str> = s
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let mut out = Map::new();
        if let Some(props) = s.get("properties").and_then(Value::as_object) {
            for (name, prop) in props {
                // `false`: no value is allowed, so the property is left out.
                if prop == &Value::Bool(false) {
                    continue;
                }
                let is_required = required.contains(&name.as_str());
                if is_required || (mode == Mode::Full && depth < MAX_DEPTH) {
                    // Past the depth limit, required recursive values still need a value.
                    let m = if depth >= MAX_DEPTH { Mode::Minimal } else { mode };
                    out.insert(name.clone(), self.build(prop, m, depth + 1)?);
                }
            }
        }
        // `propertyNames`: the extra key must be one of the names it allows.
        let key = |default: &str| -> Result<String, Skip> {
            Ok(match s.get("propertyNames") {
                Some(names) => self.build(names, Mode::Full, depth + 1)?.as_str().unwrap_or(default).to_owned(),
                None => default.to_owned(),
            })
        };
        match s.get("additionalProperties") {
            Some(Value::Bool(false)) => {}
            Some(Value::Object(extra)) if mode == Mode::Full && depth < MAX_DEPTH => {
                let value = if extra.is_empty() {
                    json!({"nested": [1, "two"]})
                } else {
                    self.build(&s["additionalProperties"], mode, depth + 1)?
                };
                out.insert(key("extra_key")?, value);
            }
            None | Some(Value::Bool(true)) if s.get("properties").is_none() && mode == Mode::Full => {
                out.insert(key("free_form")?, json!({"nested": [1, "two", null]}));
            }
            _ => {}
        }
        Ok(Value::Object(out))
    }

    fn union(&self, s: &'a Value, variants: &'a [Value], mode: Mode, depth: usize) -> Result<Value, Skip> {
        let Some(disc) = s.get("discriminator") else {
            // The first variant that is not just `null`.
            let is_null = |v: &Value| self.resolve(v).get("type") == Some(&json!("null"));
            let first = variants.iter().find(|v| !is_null(v)).unwrap_or(&variants[0]);
            return self.build(first, mode, depth);
        };
        let property = disc["propertyName"].as_str().expect("discriminator.propertyName");
        let mut mapping: Vec<(String, &str)> = disc
            .get("mapping")
            .and_then(Value::as_object)
            .map(|m| m.iter().filter_map(|(k, v)| Some((k.clone(), v.as_str()?))).collect())
            .unwrap_or_default();
        // A `$ref` variant the mapping does not name has its component's name as its tag
        // (OpenAPI), or the one value a `$defs` schema gives the property.
        for variant in variants {
            let Some(r) = variant.get("$ref").and_then(Value::as_str) else { continue };
            if mapping.iter().any(|(_, t)| *t == r) {
                continue;
            }
            let tag = match r.strip_prefix("#/components/schemas/").filter(|n| !n.contains('/')) {
                Some(name) => Some(name.to_owned()),
                None => self.resolve_ref(r)["properties"][property]["const"].as_str().map(str::to_owned),
            };
            mapping.extend(tag.map(|t| (t, r)));
        }
        // Try variants in order (Full) or reverse (Minimal) until one has a JSON instance.
        let mut order: Vec<&(String, &str)> = mapping.iter().collect();
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

/// Strings generated from `pattern` (read as the `regex` crate reads it, anchors dropped:
/// a whole generated string matches either way), the same ones on every run; empty when
/// the pattern is not one that reader has (lookarounds). The caller checks each with
/// ECMA-262.
fn generated(pattern: &str) -> Vec<String> {
    use proptest::strategy::{Strategy, ValueTree};
    let bare = pattern.strip_prefix('^').unwrap_or(pattern);
    let bare = bare.strip_suffix('$').filter(|b| !b.ends_with('\\')).unwrap_or(bare);
    let Ok(strategy) = proptest::string::string_regex(bare) else { return Vec::new() };
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    (0..32).filter_map(|_| strategy.new_tree(&mut runner).ok().map(|t| t.current())).collect()
}
