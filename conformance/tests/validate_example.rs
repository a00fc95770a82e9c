//! The generated crate's `validate` example, run as users run it: JSON lines in, verdicts
//! out. Verdicts are checked against the JSON Schema oracle.

use conformance::{PINNED, oracle, read_spec, spec_path};
use serde_json::{Value, json};
use std::io::Write;
use std::process::{Command, Stdio};

fn run_example(input: &str) -> Vec<Value> {
    let mut child = Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--package", "authentik-api", "--example", "validate"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("cargo runs");
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "the example exits cleanly");
    String::from_utf8(output.stdout).unwrap().lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect()
}

#[test]
fn validate_example_reports_like_the_oracle() {
    let cases = [
        json!({"schema": "TokenRequest", "instance": {"identifier": "my-token", "intent": "api"}}),
        json!({"schema": "TokenRequest", "instance": {"identifier": "bad id!", "intent": "api", "description": "x"}}),
        json!({"schema": "TokenRequest", "instance": {"identifier": "a", "managed": ""}}),
        json!({"schema": "GroupRequest", "instance": {"name": "n", "attributes": {}, "users": "nope"}}),
        json!({"schema": "TokenRequest", "instance": {"intent": "api"}}),
    ];
    let mut input: String = cases.iter().map(|c| format!("{c}\n")).collect();
    input.push_str("this is not json\n{\"schema\": \"NoSuchSchema\", \"instance\": {}}\n\n{\"instance\": 1}\n");
    let out = run_example(&input);
    assert_eq!(out.len(), cases.len() + 3, "one line per non-empty input line: {out:?}");

    let spec = read_spec(spec_path(PINNED));
    let definitions = oracle::definitions(&spec);
    for (case, verdict) in cases.iter().zip(&out) {
        let document = oracle::schema_for(&definitions, case["schema"].as_str().unwrap());
        let judge = jsonschema::draft7::options().should_validate_formats(true).build(&document).unwrap();
        let expected: Vec<String> =
            judge.iter_errors(&case["instance"]).map(|e| e.instance_path().to_string()).collect();
        assert_eq!(verdict["valid"], json!(expected.is_empty()), "{case} -> {verdict}");
        let pointers: Vec<&str> =
            verdict["errors"].as_array().unwrap().iter().map(|e| e["pointer"].as_str().unwrap()).collect();
        assert_eq!(pointers.is_empty(), expected.is_empty(), "{case}");
        for p in &pointers {
            assert!(expected.iter().any(|e| e == p), "{case}: {p} not among the oracle's {expected:?}");
        }
    }
    assert_eq!(out[3]["errors"][0]["keyword"], "type");
    assert_eq!(out[4]["errors"][0]["keyword"], "required");
    assert_eq!(out[1]["errors"][0]["keyword"], "pattern");
    for line in &out[cases.len()..] {
        assert!(line["error"].is_string(), "{line}");
    }
}
