//! `akgen check`: each kind of drift is caught with the right exit code and listing, and
//! checking never writes. The edits are made by the test itself, so the expected report
//! is known independently of akgen.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_owned()
}

fn fixture(name: &str) -> PathBuf {
    repo().join("specs").join(name)
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn akgen(command: &str, spec: &Path, out: &Path) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_akgen"))
        .arg(command)
        .arg("--spec")
        .arg(spec)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap();
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// A freshly generated crate from the tokens fixture.
fn generated() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let run = akgen("generate", &fixture("fixtures/tokens.yml"), dir.path());
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    dir
}

fn check(dir: &Path) -> Run {
    akgen("check", &fixture("fixtures/tokens.yml"), dir)
}

#[test]
fn a_fresh_crate_passes() {
    let dir = generated();
    let run = check(dir.path());
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
}

#[test]
fn a_one_line_edit_is_caught_with_a_diff_and_the_file_is_not_touched() {
    let dir = generated();
    let models = dir.path().join("src/models.rs");
    let text = fs::read_to_string(&models).unwrap();
    let line = text.lines().find(|l| l.contains("pub identifier: String")).expect("Token has an identifier").to_owned();
    let edited = text.replacen(&line, &line.replace("identifier", "ident"), 1);
    fs::write(&models, &edited).unwrap();

    let run = check(dir.path());
    assert_eq!(run.code, Some(1), "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("changed: src/models.rs (same spec, config and akgen: the file was edited by hand)"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(&format!("-{}", line.replace("identifier", "ident"))),
        "the diff shows the edited line:\n{}",
        run.stdout
    );
    assert!(run.stdout.contains(&format!("+{line}")), "the diff shows the expected line:\n{}", run.stdout);
    assert!(!run.stdout.contains("missing:") && !run.stdout.contains("extra:"), "{}", run.stdout);
    assert_eq!(fs::read_to_string(&models).unwrap(), edited, "check writes nothing");
}

#[test]
fn a_deleted_file_is_missing() {
    let dir = generated();
    fs::remove_file(dir.path().join("src/validation.rs")).unwrap();
    let run = check(dir.path());
    assert_eq!(run.code, Some(1));
    assert!(run.stdout.contains("missing: src/validation.rs"), "{}", run.stdout);
    assert!(!run.stdout.contains("changed:"), "{}", run.stdout);
}

#[test]
fn an_extra_generated_file_is_caught_but_a_users_own_file_is_not() {
    let dir = generated();
    // A file an older akgen generated (it carries the `@generated` header) that is not generated now.
    let old = fs::read_to_string(dir.path().join("src/params.rs")).unwrap();
    fs::write(dir.path().join("src/client.rs"), &old).unwrap();
    // A file listed in the manifest (so akgen owns it) that is not generated now.
    let manifest = dir.path().join(".akgen-manifest");
    let listed = fs::read_to_string(&manifest).unwrap() + "src/legacy.rs\n";
    fs::write(&manifest, listed).unwrap();
    fs::write(dir.path().join("src/legacy.rs"), "pub struct Legacy;\n").unwrap();
    // A note the user keeps next to the crate: not akgen's business.
    fs::write(dir.path().join("NOTES.txt"), "mine\n").unwrap();
    let run = check(dir.path());
    assert_eq!(run.code, Some(1));
    assert!(run.stdout.contains("extra:   src/client.rs"), "{}", run.stdout);
    assert!(run.stdout.contains("extra:   src/legacy.rs"), "{}", run.stdout);
    assert!(!run.stdout.contains("NOTES"), "{}", run.stdout);
}

#[test]
fn a_changed_spec_is_named_as_the_cause_and_the_diff_is_bounded() {
    let dir = generated();
    // The same spec with one more schema: every Rust file's header sha changes.
    let spec = fs::read_to_string(fixture("fixtures/tokens.yml")).unwrap();
    let marker = "  schemas:\n";
    assert!(spec.contains(marker));
    let extra: String = (0..60)
        .map(|i| format!("    Extra{i}:\n      type: object\n      properties:\n        n:\n          type: integer\n"))
        .collect();
    let changed = spec.replacen(marker, &format!("{marker}{extra}"), 1);
    let spec_dir = tempfile::tempdir().unwrap();
    let new_spec = spec_dir.path().join("tokens.yml");
    fs::write(&new_spec, changed).unwrap();

    let run = akgen("check", &new_spec, dir.path());
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stdout.contains("changed: src/models.rs (the spec changed: sha256 "), "{}", run.stdout);
    let per_file: Vec<&str> = run.stdout.split("--- a/").skip(1).collect();
    assert!(!per_file.is_empty());
    for diff in per_file {
        assert!(diff.lines().count() <= 42, "diff not bounded:\n{diff}");
    }
    assert!(run.stdout.contains("more diff lines in src/models.rs"), "{}", run.stdout);
}

#[test]
fn a_bad_spec_exits_2() {
    let dir = generated();
    let run = akgen("check", &fixture("errors/missing-ref.yml"), dir.path());
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.stderr.contains("missing-ref.yml"), "{}", run.stderr);
}
