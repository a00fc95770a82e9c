//! The binary built from the include!d module accepts the seed page's token body and
//! rejects the violations the fixture spec states (pattern and maxLength of `identifier`).

use std::io::Write as _;
use std::process::{Command, Stdio};

fn run(input: &str) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_build-script-example"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    (out.status.code(), String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn valid_and_invalid_bodies() {
    let (code, out) = run(r#"{"identifier": "ci-token", "intent": "api", "expiring": true}"#);
    assert_eq!((code, out.trim()), (Some(0), "valid"));
    let long = "a".repeat(256);
    let (code, out) = run(&format!(r#"{{"identifier": "{long}"}}"#));
    assert_eq!(code, Some(1));
    assert!(out.contains("/identifier") && out.to_lowercase().contains("255"), "{out}");
    let (code, out) = run(r#"{"identifier": "has space"}"#);
    assert_eq!(code, Some(1));
    assert!(out.contains("/identifier"), "{out}");
}
