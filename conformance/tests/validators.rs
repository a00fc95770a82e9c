//! The generated validators against an independent JSON Schema validator (the `jsonschema`
//! crate) on the pinned spec's schemas translated to draft 7 by `conformance::oracle`.
//!
//! For every component schema, a valid instance is synthesized from the raw schema, then
//! varied one constrained value at a time (`conformance::mutate`): lengths around each
//! limit in ASCII and in two-byte characters, pattern probes with non-ASCII letters,
//! numbers around each bound, item counts, unknown enum values, deep inside lists and
//! nested objects. Both validators judge every variant; they must agree on the verdict
//! and on where the violations are.

use authentik_api::Validate;
use authentik_api::models::visit_schema;
use authentik_api::runtime::SchemaVisitor;
use conformance::mutate::Mutator;
use conformance::synth::{Mode, Synth};
use conformance::{PINNED, oracle, pointer_of, read_spec, spec_path};
use serde_json::Value;
use std::collections::BTreeSet;

/// Our verdict: `Ok` or the pointers of the violations (a value that does not deserialize
/// counts as one violation where serde stopped).
struct Verdict<'a>(&'a Value);

impl SchemaVisitor for Verdict<'_> {
    type Output = Result<(), BTreeSet<String>>;
    fn visit<T>(self) -> Self::Output
    where
        T: serde::Serialize + serde::de::DeserializeOwned + std::fmt::Debug + Clone + PartialEq + Validate + 'static,
    {
        let typed: T =
            serde_path_to_error::deserialize(self.0.clone()).map_err(|e| BTreeSet::from([pointer_of(e.path())]))?;
        typed.validate().map_err(|e| e.0.into_iter().map(|v| v.pointer).collect())
    }
}

/// Whether one pointer is the other or lies inside it.
fn related(a: &str, b: &str) -> bool {
    let inside = |inner: &str, outer: &str| inner == outer || inner.starts_with(&format!("{outer}/"));
    inside(a, b) || inside(b, a)
}

/// Both reject the instance, at places that match: each violation of one lies on the path
/// of a violation of the other. A JSON Schema validator reports a failed `anyOf` (how
/// `nullable` on a `$ref` translates) at the `anyOf`, not at the value inside that broke
/// it; serde reports where deserialization stopped.
fn same_places(ours: &BTreeSet<String>, theirs: &BTreeSet<String>) -> bool {
    ours.iter().all(|o| theirs.iter().any(|t| related(o, t)))
        && theirs.iter().all(|t| ours.iter().any(|o| related(o, t)))
}

#[test]
fn generated_validators_agree_with_a_json_schema_validator() {
    let spec = read_spec(spec_path(PINNED));
    let definitions = oracle::definitions(&spec);
    let synth = Synth::new(&spec);
    let mutator = Mutator::new(&spec);
    let (mut schemas, mut instances, mut invalid) = (0, 0, 0);
    let mut disagreements = Vec::new();
    let mut exact = 0;
    for (name, schema) in synth.components() {
        let Ok(base) = synth.instance(schema, Mode::Full) else { continue };
        let variants = mutator.variants(schema, &base);
        if variants.is_empty() {
            continue;
        }
        let document = oracle::schema_for(&definitions, name);
        let judge = jsonschema::draft7::options()
            .should_validate_formats(true)
            .build(&document)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let theirs = |instance: &Value| -> Result<(), BTreeSet<String>> {
            let errors: BTreeSet<String> = judge.iter_errors(instance).map(|e| e.instance_path().to_string()).collect();
            if errors.is_empty() { Ok(()) } else { Err(errors) }
        };
        assert_eq!(theirs(&base), Ok(()), "{name}: the synthesized instance is not valid for the oracle: {base}");
        assert_eq!(
            visit_schema(name, Verdict(&base)).unwrap(),
            Ok(()),
            "{name}: ours rejects the synthesized instance {base}"
        );
        schemas += 1;
        for variant in variants {
            instances += 1;
            let ours = visit_schema(name, Verdict(&variant.instance)).unwrap();
            let oracle = theirs(&variant.instance);
            invalid += usize::from(oracle.is_err());
            match (&ours, &oracle) {
                (a, b) if a == b => {
                    exact += 1;
                    continue;
                }
                (Err(a), Err(b)) if same_places(a, b) => continue,
                _ => {}
            }
            disagreements
                .push(format!("{name} {} ({}): ours {ours:?}, oracle {oracle:?}", variant.pointer, variant.what));
        }
    }
    println!(
        "compared {schemas} schemas, {instances} instances ({invalid} invalid per the oracle); \
         {exact} with identical verdict and pointers, the rest at related pointers"
    );
    assert!(schemas > 300 && instances > 5000, "too little compared: {schemas} schemas, {instances} instances");
    assert!(
        disagreements.is_empty(),
        "{} disagreements:\n{}",
        disagreements.len(),
        disagreements.iter().take(400).cloned().collect::<Vec<_>>().join("\n")
    );
}
