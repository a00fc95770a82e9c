//! Bad input: the `akgen` binary must stop with exit code 2 and one message naming the
//! file, the JSON pointer and the line:column, without a panic and without writing.
//! The expected places were read off the fixture files by hand.

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_owned()
}

/// Runs `akgen generate` on `spec` into a fresh directory; returns (exit code, stderr, out dir).
fn generate(spec: &Path) -> (Option<i32>, String, tempfile::TempDir) {
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("crate");
    let output = Command::new(env!("CARGO_BIN_EXE_akgen"))
        .arg("generate")
        .arg("--spec")
        .arg(spec)
        .arg("--out")
        .arg(&target)
        .output()
        .unwrap();
    (output.status.code(), String::from_utf8_lossy(&output.stderr).into_owned(), out)
}

fn assert_error(fixture: &str, place: &str, pointer: Option<&str>, words: &str) {
    let spec = repo().join("specs/errors").join(fixture);
    let (code, stderr, out) = generate(&spec);
    assert_eq!(code, Some(2), "{fixture}: exit code; stderr:\n{stderr}");
    assert!(!stderr.contains("panicked"), "{fixture} panicked:\n{stderr}");
    let expected = format!("{}:{place}", spec.display());
    assert!(stderr.contains(&expected), "{fixture}: expected `{expected}` in:\n{stderr}");
    if let Some(pointer) = pointer {
        assert!(stderr.contains(&format!("at {pointer}:")), "{fixture}: expected pointer {pointer} in:\n{stderr}");
    }
    assert!(stderr.contains(words), "{fixture}: expected `{words}` in:\n{stderr}");
    assert!(!out.path().join("crate").exists(), "{fixture}: nothing may be written");
}

#[test]
fn missing_schema_ref() {
    assert_error(
        "missing-ref.yml",
        "12:17",
        Some("/components/schemas/Token/properties/user/$ref"),
        "#/components/schemas/User",
    );
}

#[test]
fn missing_parameter_ref() {
    assert_error(
        "missing-parameter-ref.yml",
        "10:17",
        Some("/paths/~1tokens~1/get/parameters/0/$ref"),
        "#/components/parameters/Page",
    );
}

#[test]
fn malformed_yaml() {
    assert_error("malformed.yml", "7:10", None, "invalid YAML");
}

#[test]
fn malformed_json() {
    assert_error("malformed.json", "3:12", None, "invalid JSON");
}

#[test]
fn swagger_2_is_refused() {
    assert_error("swagger2.yml", "1:10", Some("/swagger"), "2.0");
}

#[test]
fn openapi_3_1_is_refused() {
    assert_error("openapi31.yml", "1:10", Some("/openapi"), "3.1.0");
}

#[test]
fn a_value_of_the_wrong_type_is_located_below_untagged_enums() {
    assert_error(
        "wrong-type.yml",
        "16:27",
        Some("/paths/~1tokens~1/get/responses/200/content/application~1json/schema/required"),
        "yes-please",
    );
}

/// Inputs made on the fly: each must fail cleanly (exit 2, file named, no panic).
#[test]
fn hostile_and_degenerate_inputs_fail_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let mut bomb = String::from("openapi: 3.0.3\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..12 {
        let p = i - 1;
        bomb.push_str(&format!("a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"));
    }
    let deep = format!("openapi: 3.0.3\ninfo: {}{}\n", "[".repeat(5000), "]".repeat(5000));
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty.yml", Vec::new()),
        ("list.yml", b"- openapi: 3.0.3\n".to_vec()),
        ("no-version.yml", b"info: {title: x, version: '1'}\npaths: {}\n".to_vec()),
        ("latin1.yml", b"openapi: 3.0.3\ninfo: {title: caf\xe9}\n".to_vec()),
        ("bomb.yml", bomb.into_bytes()),
        ("deep.yml", deep.into_bytes()),
    ];
    for (name, bytes) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let (code, stderr, out) = generate(&path);
        assert_eq!(code, Some(2), "{name}: exit code; stderr:\n{stderr}");
        assert!(!stderr.contains("panicked"), "{name} panicked:\n{stderr}");
        assert!(stderr.contains(&path.display().to_string()), "{name}: file not named in:\n{stderr}");
        assert!(!out.path().join("crate").exists(), "{name}: nothing may be written");
    }
}

#[test]
fn a_missing_spec_file_is_named() {
    let (code, stderr, _out) = generate(Path::new("/nonexistent/spec.yml"));
    assert_eq!(code, Some(2));
    assert!(stderr.contains("/nonexistent/spec.yml"), "{stderr}");
}

#[test]
fn an_invalid_pattern_stops_generation() {
    assert_error(
        "bad-pattern.yml",
        "13:20",
        Some("/components/schemas/Slug/properties/slug/pattern"),
        "not a valid ECMA-262 regular expression",
    );
}
