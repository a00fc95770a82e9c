//! Instances for the corpus sweep (`cargo xtask corpus`): for every component schema of a
//! spec, a valid instance synthesized from the raw schema and its one-value variations,
//! each with the verdict of an independent JSON Schema validator (`jsonschema`, on the
//! schemas translated by `conformance::oracle`; draft 7 for OpenAPI 3.0, 2020-12 for 3.1). Nothing here goes through akgen.
//!
//! `corpus_instances SPEC [EXTRA.jsonl]` prints JSON lines `{"schema": NAME, "instance": …, "valid": BOOL}`
//! and, on stderr, how many schemas it compared and skipped (a schema the synthesizer or the
//! oracle cannot read, such as one with a `$ref` to another file, or one whose synthesized
//! instance the oracle rejects, is skipped, not guessed). EXTRA holds hand-written
//! instances (`{"schema": NAME, "instance": …}` lines) for keywords the mutator does not
//! vary; they are judged by the same oracle, never labelled by hand.

use conformance::mutate::Mutator;
use conformance::oracle;
use conformance::synth::{Mode, Synth};
use serde_json::{Value, json};
use std::io::Write;

fn main() {
    let path = std::env::args().nth(1).expect("usage: corpus_instances SPEC");
    let spec = conformance::read_spec(&path);
    if !spec["components"]["schemas"].is_object() {
        eprintln!("0 schemas compared, 0 skipped (the spec has no component schemas)");
        return;
    }
    // The synthesizer and the oracle assert what they expect of a spec; on a foreign one a
    // schema they cannot read is skipped, quietly.
    // `CORPUS_DEBUG=1` prints why each schema is skipped.
    let debug = std::env::var_os("CORPUS_DEBUG").is_some();
    if !debug {
        std::panic::set_hook(Box::new(|_| {}));
    }
    let definitions = oracle::definitions(&spec);
    // OpenAPI 3.1's schemas are JSON Schema 2020-12: judged by that draft, the component
    // `$ref`s rewritten as for 3.0 (a JSON pointer is one in either draft).
    let draft_2020_12 = spec["openapi"].as_str().is_some_and(|v| v.starts_with("3.1."));
    let extra: Vec<Value> = std::env::args()
        .nth(2)
        .map(|path| std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}")))
        .map(|text| {
            text.lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| serde_json::from_str(l).expect("a JSON line"))
                .collect()
        })
        .unwrap_or_default();
    let synth = Synth::new(&spec);
    let mutator = Mutator::new(&spec);
    let (mut compared, mut skipped) = (0, 0);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (name, schema) in synth.components() {
        let lines = std::panic::catch_unwind(|| -> Option<Vec<Value>> {
            let skip = |why: String| {
                if debug {
                    eprintln!("{name}: skipped: {why}");
                }
            };
            let Ok(base) = synth.instance(schema, Mode::Full) else {
                skip("no instance (binary)".into());
                return None;
            };
            let mut document = oracle::schema_for(&definitions, name);
            let options = if draft_2020_12 {
                document["$schema"] = json!("https://json-schema.org/draft/2020-12/schema");
                jsonschema::draft202012::options()
            } else {
                jsonschema::draft7::options()
            };
            let judge = match options.should_validate_formats(true).build(&document) {
                Ok(judge) => judge,
                Err(e) => {
                    skip(format!("the oracle cannot read the schema: {e}"));
                    return None;
                }
            };
            // A base instance the oracle rejects is the synthesizer's failure (a pattern it
            // cannot satisfy, say), not a verdict to compare.
            if !judge.is_valid(&base) {
                skip(format!("the oracle rejects the synthesized instance {base}"));
                return None;
            }
            let mut instances = vec![base.clone()];
            instances.extend(mutator.variants(schema, &base).into_iter().map(|v| v.instance));
            instances.extend(extra.iter().filter(|e| e["schema"] == name).map(|e| e["instance"].clone()));
            Some(
                instances
                    .into_iter()
                    .map(|i| json!({"schema": name, "valid": judge.is_valid(&i), "instance": i}))
                    .collect(),
            )
        });
        match lines {
            Ok(Some(lines)) => {
                compared += 1;
                for line in lines {
                    writeln!(out, "{line}").expect("stdout");
                }
            }
            _ => skipped += 1,
        }
    }
    out.flush().expect("stdout");
    eprintln!("{compared} schemas compared, {skipped} skipped");
}
