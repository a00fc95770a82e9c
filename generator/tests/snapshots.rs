//! Expected output, one file per fixture spec: `generator/tests/output/<fixture>.rs` holds
//! every Rust module akgen emits for `specs/fixtures/<fixture>.yml` (the hand-written
//! runtime files it copies are left out), one after another under a `// file:` line.
//!
//! The files are reviewed like code: a change to the emitters shows here as a small diff
//! per fixture instead of a hunt through the 300k lines of `generated/`. After a deliberate
//! change, `AKGEN_BLESS=1 cargo test -p akgen --test snapshots` rewrites them; read the diff
//! before committing it. `fixture_crates.rs` compiles the same output.

use std::fs;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_owned()
}

/// Files akgen copies from `templates/` unchanged: not emitter output.
const COPIED: &[&str] = &["src/client/transport.rs", "src/server/support.rs", "src/runtime.rs", "src/validation.rs"];

/// The emitted Rust of one fixture, as the expected file holds it.
fn emitted(spec: &Path, lenient: bool) -> String {
    let rendered = akgen::Generator::new()
        .spec(spec)
        .crate_name("fixture")
        .lenient(lenient)
        .render_crate()
        .unwrap_or_else(|e| panic!("{}: {e}", spec.display()));
    let mut out = format!(
        "// Expected output for specs/fixtures/{}; see generator/tests/snapshots.rs.\n",
        spec.file_name().unwrap().to_string_lossy()
    );
    for file in &rendered.files {
        let path = file.path.to_string_lossy().replace('\\', "/");
        if !path.ends_with(".rs") || COPIED.contains(&path.as_str()) {
            continue;
        }
        // The header names akgen's version and the spec's hash, which say nothing about
        // the emitters.
        let body = file.contents.split_once('\n').map_or("", |(_, rest)| rest);
        out.push_str(&format!("\n// file: {path}\n{body}"));
    }
    out
}

#[test]
fn every_fixture_emits_its_expected_output() {
    let bless = std::env::var_os("AKGEN_BLESS").is_some();
    let expected_dir = repo().join("generator/tests/output");
    let mut specs: Vec<PathBuf> = fs::read_dir(repo().join("specs/fixtures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yml"))
        .collect();
    specs.sort();
    assert!(specs.len() >= 10, "the fixtures are in specs/fixtures/");
    let mut failures = Vec::new();
    let mut wanted = Vec::new();
    for spec in &specs {
        let stem = spec.file_stem().unwrap().to_string_lossy().into_owned();
        let path = expected_dir.join(format!("{stem}.rs"));
        wanted.push(path.clone());
        let actual = emitted(spec, stem.starts_with("lenient"));
        if bless {
            fs::create_dir_all(&expected_dir).unwrap();
            fs::write(&path, &actual).unwrap();
            continue;
        }
        let expected = fs::read_to_string(&path).unwrap_or_default();
        if expected != actual {
            let line = expected.lines().zip(actual.lines()).position(|(a, b)| a != b);
            let line = line.unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
            let shown = |text: &str| text.lines().nth(line).unwrap_or("<end of file>").to_owned();
            failures.push(format!(
                "{}: differs from line {}\n  expected: {}\n  emitted:  {}",
                path.display(),
                line + 1,
                shown(&expected),
                shown(&actual)
            ));
        }
    }
    // An expected file without its fixture is stale.
    for entry in fs::read_dir(&expected_dir).unwrap() {
        let path = entry.unwrap().path();
        if !wanted.contains(&path) {
            failures.push(format!("{}: no fixture spec has this name", path.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n(after a deliberate change: AKGEN_BLESS=1 cargo test -p akgen --test snapshots, then review the diff)",
        failures.join("\n")
    );
}
