//! Test support that never goes through akgen: specs are read as raw YAML, instances are
//! synthesized from the raw schemas, and example payloads come from the reference pages in
//! `../shared/seeds/`. The generated code is then checked against these oracles.

pub mod mutate;
pub mod oracle;
pub mod payloads;
pub mod seeds;
pub mod spec_server;
pub mod synth;

include!(concat!(env!("OUT_DIR"), "/versions.rs"));

use serde_json::Value;
use std::path::PathBuf;

/// Reads a spec file as a plain JSON value tree.
pub fn read_spec(path: &str) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    // YAML 1.2 booleans only (`true`/`false`), as OpenAPI documents are: an enum value `y`
    // or `no` is a string.
    let mut options = serde_saphyr::Options::default();
    options.strict_booleans = true;
    let mut budget = serde_saphyr::budget::Budget::default();
    budget.max_nodes = 4_000_000;
    budget.max_events = 8_000_000;
    options.budget = Some(budget);
    serde_saphyr::from_str_with_options(&text, options).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Path of a spec version (`"schema-2024.8.3.yml"`).
pub fn spec_path(file: &str) -> &'static str {
    VERSIONS.iter().find(|(f, _)| *f == file).map(|(_, p)| *p).unwrap_or_else(|| panic!("no spec {file}"))
}

/// The pinned spec's file name.
pub const PINNED: &str = "schema-2026.5.6.yml";

/// The shared seeds directory (reference pages with example payloads).
pub fn seeds_dir() -> PathBuf {
    let spec = PathBuf::from(spec_path(PINNED));
    spec.parent()
        .and_then(|p| p.parent())
        .and_then(|p| p.parent())
        .expect("specs live in shared/specs/authentik")
        .join("seeds")
}

/// A JSON pointer from a `serde_path_to_error` path (`results[0].user_obj` → `/results/0/user_obj`).
pub fn pointer_of(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    path.iter()
        .filter_map(|s| match s {
            Segment::Seq { index } => Some(format!("/{index}")),
            Segment::Map { key } => Some(format!("/{}", key.replace('~', "~0").replace('/', "~1"))),
            _ => None,
        })
        .collect()
}

/// Deserializes into `T` (reporting the pointer of the first error) and serializes back.
pub fn round_trip<T>(instance: &Value) -> Result<Value, String>
where
    T: serde::Serialize + serde::de::DeserializeOwned,
{
    let typed: T = serde_path_to_error::deserialize(instance.clone())
        .map_err(|e| format!("deserialize at {}: {}", pointer_of(e.path()), e.inner()))?;
    serde_json::to_value(&typed).map_err(|e| format!("serialize: {e}"))
}

/// A [`SchemaVisitor`](authentik_api::runtime::SchemaVisitor) running [`round_trip`].
pub struct RoundTrip<'a>(pub &'a Value);

impl authentik_api::runtime::SchemaVisitor for RoundTrip<'_> {
    type Output = Result<Value, String>;
    fn visit<T>(self) -> Self::Output
    where
        T: serde::Serialize
            + serde::de::DeserializeOwned
            + std::fmt::Debug
            + Clone
            + PartialEq
            + authentik_api::Validate
            + 'static,
    {
        round_trip::<T>(self.0)
    }
}

/// JSON equality as a JSON reader sees it: `0` and `0.0` are the same number (a `number`
/// schema maps to `f64`, which writes `0.0`), everything else compares exactly.
pub fn same_json(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x == y || x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same_json(a, b)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same_json(v, w)))
        }
        _ => a == b,
    }
}
