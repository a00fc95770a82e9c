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

/// Address space allowed to akgen on hostile input: an alias bomb that expanded or a parser
/// that recursed without bound would run out of it and abort (exit code not 2).
const MEMORY_LIMIT_KIB: u64 = 1024 * 1024;

/// [`generate`] under `ulimit -v` (`kib` KiB of address space) and coreutils' `timeout`,
/// which ends a run that never finishes (exit code 124, so the test fails instead of hanging).
fn generate_within(spec: &Path, kib: u64) -> (Option<i32>, String, tempfile::TempDir) {
    let out = tempfile::tempdir().unwrap();
    let output = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {kib} && exec timeout 300 \"$0\" generate --spec \"$1\" --out \"$2\""))
        .arg(env!("CARGO_BIN_EXE_akgen"))
        .arg(spec)
        .arg(out.path().join("crate"))
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

/// 3.2 (and anything after 3.1) is refused by its version line, naming what is read.
#[test]
fn openapi_3_2_is_refused() {
    assert_error(
        "openapi32.yml",
        "1:10",
        Some("/openapi"),
        "OpenAPI version 3.2.0 is not supported; akgen reads OpenAPI 3.0.x and 3.1.x",
    );
}

#[test]
fn a_value_of_the_wrong_type_is_located_below_untagged_enums() {
    assert_error(
        "wrong-type.yml",
        "16:27",
        Some("/paths/~1tokens~1/get/responses/200/content/application~1json/schema/required"),
        "invalid type: integer `5`, expected a list of property names",
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
    // Large enough to be parsed in two halves, the deep half on the second thread.
    let deep_large =
        format!("openapi: 3.0.3\npad: '{}'\ninfo: {}{}\n", "x".repeat(400_000), "[".repeat(5000), "]".repeat(5000));
    // Schemas nested by properties: 60 levels pass the parsers and meet the IR's depth
    // bound; 400 meet the JSON parser's recursion limit.
    let nested = |levels: usize| {
        let schema = format!(
            "{}{{\"type\":\"string\"}}{}",
            "{\"type\":\"object\",\"properties\":{\"a\":".repeat(levels),
            "}}".repeat(levels)
        );
        format!(
            "{{\"openapi\":\"3.0.3\",\"info\":{{\"title\":\"t\",\"version\":\"1\"}},\"paths\":{{}},\"components\":{{\"schemas\":{{\"A\":{schema}}}}}}}"
        )
    };
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("deep-schema.json", nested(60).into_bytes()),
        ("deeper-schema.json", nested(400).into_bytes()),
        ("empty.yml", Vec::new()),
        ("list.yml", b"- openapi: 3.0.3\n".to_vec()),
        ("no-version.yml", b"info: {title: x, version: '1'}\npaths: {}\n".to_vec()),
        ("latin1.yml", b"openapi: 3.0.3\ninfo: {title: caf\xe9}\n".to_vec()),
        ("bomb.yml", bomb.into_bytes()),
        ("deep.yml", deep.into_bytes()),
        ("deep-large.yml", deep_large.into_bytes()),
    ];
    for (name, bytes) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let (code, stderr, out) = generate_within(&path, MEMORY_LIMIT_KIB);
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

/// `spec` refused strictly with exactly the `expected` errors (place, pointer, words), in
/// one run and writing nothing; then generated with `--lenient`, where each of them and the
/// `also_warned` ones are warnings. Returns the temporary directory and the crate in it.
fn refused_then_lenient(
    spec: &Path,
    expected: &[(&str, &str, &str)],
    also_warned: &[(&str, &str, &str)],
) -> (tempfile::TempDir, PathBuf) {
    let (code, stderr, out) = generate(spec);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(!out.path().join("crate").exists(), "nothing may be written");
    let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error: ")).collect();
    assert_eq!(errors.len(), expected.len(), "{stderr}");
    for (place, pointer, words) in expected {
        let line = format!("{}:{place}: at {pointer}: ", spec.display());
        assert!(
            errors.iter().any(|e| e.contains(&line) && e.contains(words)),
            "expected `{line}… {words}` in:\n{stderr}"
        );
    }
    let target = out.path().join("crate");
    let output = Command::new(env!("CARGO_BIN_EXE_akgen"))
        .args(["generate", "--lenient", "--spec"])
        .arg(spec)
        .arg("--out")
        .arg(&target)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    let warnings: Vec<&str> = stderr.lines().filter(|l| l.starts_with("warning: ")).collect();
    assert_eq!(warnings.len(), expected.len() + also_warned.len(), "{stderr}");
    for (place, pointer, words) in expected.iter().chain(also_warned) {
        let at = format!(":{place}: at {pointer}: ");
        assert!(warnings.iter().any(|w| w.contains(&at) && w.contains(words)), "{pointer} not warned:\n{stderr}");
    }
    (out, target)
}

/// Every unsupported construct of the fixture is reported, each with its place, in one run;
/// with `--lenient` the same list comes as warnings and the crate is written. Places read
/// off `specs/fixtures/lenient-unsupported.yml` by hand.
#[test]
fn unsupported_constructs_are_all_named_and_lenient_skips_them() {
    let spec = repo().join("specs/fixtures/lenient-unsupported.yml");
    let expected = [
        ("11:5", "/paths/~1shared~1", "path items given by `$ref`"),
        ("20:11", "/paths/~1widgets~1/post/parameters/0/content", "parameters described by `content`"),
        ("44:11", "/components/schemas/Widget/properties/not_a_number", "`not` schemas"),
        ("72:9", "/components/schemas/Label/allOf/0", "allOf can only merge object schemas"),
        ("78:7", "/components/schemas/Mixed", "mixes keywords of several types"),
    ];
    // A discriminator with an inline variant that names no tag cannot select; OpenAPI calls
    // it a hint, so it is dropped with a warning in both modes and the oneOf is untagged.
    let dropped = ("61:9", "/components/schemas/Shape/discriminator", "the discriminator cannot select a variant");
    let (_out, target) = refused_then_lenient(&spec, &expected, &[dropped]);
    // The unsupported schemas fall back to JSON values; the path item is left out.
    let models = std::fs::read_to_string(target.join("src/models.rs")).unwrap();
    assert!(models.contains("#[serde(untagged)]\npub enum Shape {"), "Shape is not an untagged union:\n{models}");
    assert!(models.contains("pub not_a_number: Option<serde_json::Value>"), "not_a_number is not a JSON value");
    // The client is `mod.rs` and one file per tag.
    let client: String = std::fs::read_dir(target.join("src/client"))
        .unwrap()
        .map(|entry| std::fs::read_to_string(entry.unwrap().path()).unwrap())
        .collect();
    assert!(client.contains("\"/widgets/\"") && !client.contains("/shared/"), "the $ref'd path item must be skipped");
}

/// Templates the router cannot match or that contradict their parameters: every problem is
/// reported in one run. Places read off `specs/errors/path-templates.yml` by hand.
#[test]
fn path_templates_are_checked_against_their_parameters_and_each_other() {
    let spec = repo().join("specs/errors/path-templates.yml");
    let (code, stderr, out) = generate(&spec);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!out.path().join("crate").exists(), "nothing may be written");
    let expected = [
        ("/paths/~1files~1{name}.json", "text after its parameter"),
        ("/paths/~1users~1{pk}~1/get", "`GET /users/{pk}/` and `GET /users/{id}/` differ only in parameter names"),
        ("/paths/~1groups~1{group}~1members~1/get/parameters/0", "`member` does not appear in the path"),
        ("/paths/~1groups~1{group}~1members~1/get", "parameter `{group}` is not defined"),
    ];
    let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error: ")).collect();
    assert_eq!(errors.len(), expected.len(), "{stderr}");
    for (pointer, words) in expected {
        let at = format!("at {pointer}: ");
        assert!(errors.iter().any(|e| e.contains(&at) && e.contains(words)), "expected `{at}… {words}` in:\n{stderr}");
    }
    // DELETE on the second template is no conflict: only the same method is.
    assert!(!stderr.contains("DELETE"), "{stderr}");
}

/// `$ref` cycles stop with an error at the `$ref` that closes each cycle, never a stack
/// overflow. Places read off `specs/errors/ref-cycles.yml` by hand.
#[test]
fn reference_cycles_are_errors_at_the_closing_ref() {
    let spec = repo().join("specs/errors/ref-cycles.yml");
    let (code, stderr, out) = generate(&spec);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(!out.path().join("crate").exists(), "nothing may be written");
    let expected = [
        ("8:15", "/components/schemas/A/$ref", "never reaches a definition"),
        ("9:15", "/components/schemas/B/$ref", "never reaches a definition"),
        ("10:15", "/components/schemas/C/$ref", "never reaches a definition"),
        ("15:15", "/components/schemas/S/allOf/0/$ref", "would contain itself"),
        ("20:15", "/components/schemas/T/allOf/0/$ref", "would contain itself"),
        ("26:11", "/components/schemas/Grid", "an array or map of itself"),
    ];
    let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error: ")).collect();
    assert_eq!(errors.len(), expected.len(), "{stderr}");
    for (place, pointer, words) in expected {
        let at = format!("{}:{place}: at {pointer}: ", spec.display());
        assert!(errors.iter().any(|e| e.contains(&at) && e.contains(words)), "expected `{at}… {words}` in:\n{stderr}");
    }
}

/// An allOf of a schema containing itself, beside a oneOf, doubled its inline types at
/// every level until the depth bound: 2^48 of them, a run that ran out of memory (found by
/// the fuzz target). It is one located error now, within the memory limit, in strict and
/// lenient mode alike. The place was read off the file by hand.
#[test]
fn an_allof_that_contains_itself_stops_at_once() {
    let spec = repo().join("specs/errors/allof-recursion-branches.yml");
    let (code, stderr, out) = generate_within(&spec, MEMORY_LIMIT_KIB);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(!out.path().join("crate").exists(), "nothing may be written");
    let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error: ")).collect();
    let at = format!("{}:11:11: at /components/schemas/Node/properties/next: ", spec.display());
    assert_eq!(errors.len(), 1, "{stderr}");
    assert!(errors[0].contains(&at) && errors[0].contains("contains itself through an allOf"), "{stderr}");
    let lenient = akgen::Generator::new().spec(&spec).lenient(true).build_ir().expect("lenient generates");
    assert_eq!(lenient.warnings.len(), 1, "{:?}", lenient.warnings);
}

/// What strict mode refuses in real specs: a pattern no ECMA-262 mode reads, a dangling
/// `$ref`, templates the server cannot route. Each is a located error; with `--lenient` a
/// warning, the rest generates, and the unroutable operations stay in the client but not in
/// the server. Places read off `specs/fixtures/lenient-real-world.yml` by hand.
#[test]
fn real_world_refusals_are_located_and_lenient_keeps_what_it_can() {
    let spec = repo().join("specs/fixtures/lenient-real-world.yml");
    let expected = [
        ("62:20", "/components/schemas/Report/properties/mac/pattern", "not a valid ECMA-262 regular expression"),
        ("64:17", "/components/schemas/Report/properties/owner/$ref", "points to nothing"),
        ("11:5", "/paths/~1reports~1{id}.json", "text after its parameter"),
        ("43:7", "/paths/~1mounts~1{b}~1keys~1/post", "differ only in parameter names"),
    ];
    let (_out, target) = refused_then_lenient(&spec, &expected, &[]);
    let read = |path: &str| std::fs::read_to_string(target.join(path)).unwrap();
    // The dangling `$ref` is a JSON value; the unchecked pattern is documented as such.
    let models = read("src/models.rs");
    assert!(models.contains("pub owner: Option<serde_json::Value>"), "{models}");
    assert!(models.contains("not checked: no ECMA-262 mode accepts the pattern"), "{models}");
    assert!(!read("src/validate.rs").contains("(?i)"), "the unchecked pattern is not compiled");
    // The client has all three operations; the server routes only the first of the pair.
    let client = read("src/client/reports.rs");
    for id in ["reports_retrieve", "mounts_a_keys", "mounts_b_keys"] {
        assert!(client.contains(id), "the client lacks {id}");
    }
    let server = read("src/server/reports.rs");
    assert!(
        server.contains("\"/mounts/{p0}/keys/\"") && server.contains("mounts_a_keys::<S> as support::Handler<S>"),
        "{server}"
    );
    assert!(!server.contains("mounts_b_keys::<S>") && !server.contains("reports_retrieve::<S>"), "{server}");
    assert!(server.contains("**Not routed** by the generated router"), "{server}");
}
