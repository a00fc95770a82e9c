//! Every spec of the real-world corpus (OpenAPI 3.0 and 3.1) (`../shared/specs/corpus/`, listed in its
//! `SOURCES.tsv`) is generated on every run, strictly and, where strict mode refuses, with
//! `--lenient`: no panic, no internal error, every diagnostic located, and the outcome the
//! table below records. Compiling the crates and comparing their validators with a JSON
//! Schema validator is `cargo xtask corpus` (CORPUS.md), outside CI.

use std::path::{Path, PathBuf};

/// What strict mode does with each spec, and why it refuses where it does: the words every
/// one of its errors must contain. A spec refused strictly must generate with `--lenient`.
const EXPECTED: &[(&str, Strict)] = &[
    ("adyen-checkout-v72.json", Strict::Generates),
    ("ansible-ai-connect.yaml", Strict::Generates),
    ("clerk-backend.yaml", Strict::Generates),
    // `/admin/badges/{id}.json` and the like.
    ("discourse.json", Strict::Refuses(&["the server's router"])),
    ("frigate.yaml", Strict::Generates),
    ("fusionauth.yaml", Strict::Generates),
    ("hf-tgi.json", Strict::Generates),
    // `/v1/batches/data/export/{resource_type}.{export_format}`.
    ("karrio.yaml", Strict::Refuses(&["the server's router"])),
    // allauth's paths declare a path parameter `client` the templates do not have.
    ("kobotoolbox-kpi.yaml", Strict::Refuses(&["does not appear in the path"])),
    ("lago.yaml", Strict::Generates),
    // `#/$defs/…` from inside a response schema (the document has no `$defs`), parameters
    // given by `content`, templates such as `/v1/connectors/{connector_id}#id` (a fragment to tell
    // two operations apart).
    (
        "mistral.yaml",
        Strict::Refuses(&["only local references", "parameters described by `content`", "the server's router"]),
    ),
    // `ResourceType`: allOf of two string enums with no value in common.
    ("netbird-management.yaml", Strict::Refuses(&["allOf can only merge object schemas"])),
    ("objects-api.yaml", Strict::Generates),
    ("objecttypes-api.yaml", Strict::Generates),
    // `/api/v2/submissions/{uuid}/{filename}.pdf`-like templates with text after a parameter.
    ("open-forms.yaml", Strict::Refuses(&["the server's router"])),
    ("ory-hydra.json", Strict::Generates),
    ("ory-kratos.json", Strict::Generates),
    ("outline.yaml", Strict::Generates),
    ("overseerr.yaml", Strict::Generates),
    // Python's `(?i)` inline flag, which no ECMA-262 mode accepts.
    ("peeringdb.yaml", Strict::Refuses(&["not a valid ECMA-262 regular expression"])),
    ("prefect-server.json", Strict::Generates),
    ("pretalx.yaml", Strict::Generates),
    ("qdrant.json", Strict::Generates),
    // A path parameter `path` declared on `/`.
    ("sonarr-v5.json", Strict::Refuses(&["does not appear in the path"])),
    ("stripe.yaml", Strict::Generates),
    ("svix.json", Strict::Generates),
    // Templates such as `/Accounts/{AccountSid}/Calls/{Sid}.json`.
    ("twilio-api-v2010.json", Strict::Refuses(&["the server's router"])),
    // Mount paths: `/{transit_mount_path}/keys/{name}` beside `/{gcpkms_mount_path}/keys/{key}`.
    ("vault.json", Strict::Refuses(&["differ only in parameter names"])),
];

#[derive(Debug)]
enum Strict {
    Generates,
    /// Refused for the reasons named (any of them in each error); generates with `--lenient`.
    Refuses(&'static [&'static str]),
}

fn corpus_dir() -> PathBuf {
    std::env::var_os("AKGEN_CORPUS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/specs/corpus"))
}

/// The spec files SOURCES.tsv lists: the table must cover exactly them.
fn listed() -> Vec<String> {
    let sources = corpus_dir().join("SOURCES.tsv");
    let text = std::fs::read_to_string(&sources)
        .unwrap_or_else(|e| panic!("{}: {e} (set AKGEN_CORPUS_DIR)", sources.display()));
    let mut files: Vec<String> = text
        .lines()
        .skip(1)
        .filter_map(|l| l.split('\t').next())
        .filter(|f| !f.is_empty())
        .map(str::to_owned)
        .collect();
    files.sort();
    files
}

fn assert_located(spec: &str, diagnostics: &[akgen::Diagnostic]) {
    for d in diagnostics {
        assert!(d.line_col.is_some() && !d.pointer.is_empty(), "{spec}: a diagnostic without its place: {d}");
    }
}

#[test]
fn every_corpus_spec_generates_as_recorded() {
    let files = listed();
    let table: Vec<&str> = EXPECTED.iter().map(|(f, _)| *f).collect();
    assert_eq!(files, table, "the table must list exactly the corpus's specs");
    let mut failures = Vec::new();
    for (file, expected) in EXPECTED {
        let path = corpus_dir().join(file);
        let strict = akgen::Generator::new().spec(&path).crate_name("corpus").render_crate();
        let outcome = match (expected, strict) {
            (Strict::Generates, Ok(rendered)) => {
                assert_located(file, &rendered.api.warnings);
                Ok(())
            }
            (Strict::Refuses(words), Err(akgen::Error::Spec(diagnostics))) => {
                assert_located(file, &diagnostics);
                let unexpected: Vec<String> = diagnostics
                    .iter()
                    .filter(|d| !words.iter().any(|w| d.message.contains(w)))
                    .map(|d| d.to_string())
                    .collect();
                if unexpected.is_empty() {
                    match akgen::Generator::new().spec(&path).crate_name("corpus").lenient(true).render_crate() {
                        Ok(rendered) => {
                            assert_located(file, &rendered.api.warnings);
                            assert!(
                                rendered.api.warnings.len() >= diagnostics.len(),
                                "{file}: every strict error is a lenient warning"
                            );
                            Ok(())
                        }
                        Err(e) => Err(format!("--lenient: {e}")),
                    }
                } else {
                    Err(format!("refused for other reasons than {words:?}:\n{}", unexpected.join("\n")))
                }
            }
            (_, Err(e)) => Err(format!("expected {expected:?}, got: {e}")),
            (_, Ok(_)) => Err(format!("expected {expected:?}, but it generates")),
        };
        if let Err(why) = outcome {
            failures.push(format!("{file}: {why}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
