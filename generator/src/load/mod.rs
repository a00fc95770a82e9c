//! Stage 1: read a spec file, parse YAML or JSON, check the OpenAPI version, and deserialize
//! it into `openapiv3` types. `$ref` resolution lives in [`resolve`].

mod locate;
pub mod resolve;

pub use locate::{locate, locate_all};

use crate::error::{Diagnostic, Error, escape_pointer_segment};
use openapiv3::OpenAPI;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// A parsed spec with what later stages need to report errors and stamp output.
pub struct Spec {
    /// Where the spec came from, for error messages.
    pub file: PathBuf,
    /// The original text, kept so that errors found later can be given a line number.
    pub text: String,
    /// Lower-case hex sha256 of the text: recorded in every generated file's header.
    pub sha256: String,
    /// The spec as `openapiv3` types; `$ref`s are still unresolved.
    pub api: OpenAPI,
}

impl Spec {
    /// A diagnostic for `pointer` in this spec, with its line and column.
    pub fn diagnostic(&self, pointer: &str, message: impl Into<String>) -> Diagnostic {
        let mut d = self.unlocated(pointer, message);
        self.locate(std::slice::from_mut(&mut d));
        d
    }

    /// A diagnostic for `pointer` without its line and column yet: a stage that reports
    /// several collects them and calls [`Spec::locate`] once, which reads the text once.
    pub fn unlocated(&self, pointer: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic { file: self.file.clone(), pointer: pointer.to_owned(), line_col: None, message: message.into() }
    }

    /// Fills in the line and column of every diagnostic that lacks them.
    pub fn locate(&self, diagnostics: &mut [Diagnostic]) {
        let pending: Vec<&mut Diagnostic> = diagnostics.iter_mut().filter(|d| d.line_col.is_none()).collect();
        if pending.is_empty() {
            return;
        }
        let pointers: Vec<&str> = pending.iter().map(|d| d.pointer.as_str()).collect();
        let places = locate_all(&self.text, &pointers);
        for (d, place) in pending.into_iter().zip(places) {
            d.line_col = place;
        }
    }
}

/// Reads and parses the spec at `path`.
pub fn load_file(path: &Path) -> Result<Spec, Error> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        Error::Spec(vec![Diagnostic {
            file: path.to_owned(),
            pointer: String::new(),
            line_col: None,
            message: format!("the file is not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to()),
        }])
    })?;
    load_text(path.to_owned(), text)
}

/// Parses spec text; `file` names it in error messages.
pub fn load_text(file: PathBuf, text: String) -> Result<Spec, Error> {
    let fail = |pointer: String, line_col: Option<(u64, u64)>, message: String| {
        Error::Spec(vec![Diagnostic { file: file.clone(), pointer, line_col, message }])
    };
    let value = parse_tree(&text).map_err(|(line_col, message)| fail(String::new(), line_col, message))?;
    check_version(&value).map_err(|(pointer, message)| {
        let line_col = locate(&text, &pointer);
        fail(pointer, line_col, message)
    })?;
    let api: OpenAPI = serde_path_to_error::deserialize(value).map_err(|e| {
        let pointer = path_to_pointer(e.path());
        let message = e.inner().to_string();
        // Untagged enums (`$ref` or value) hide the path below them; the error path is
        // re-parsed here, off the hot path, to find the offending value.
        let pointer = match parse_tree(&text) {
            Ok(tree) => narrow_pointer(&tree, pointer, &message),
            Err(_) => pointer,
        };
        let line_col = locate(&text, &pointer);
        fail(pointer, line_col, format!("not a valid OpenAPI 3.0 document: {message}"))
    })?;
    let sha256 = Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
    Ok(Spec { file, text, sha256, api })
}

/// Parses JSON (when the text starts with `{`) or YAML into a JSON value tree.
///
/// YAML goes through serde-saphyr with a budget, which stops alias bombs and runaway
/// nesting with an error instead of exhausting memory.
fn parse_tree(text: &str) -> Result<serde_json::Value, (Option<(u64, u64)>, String)> {
    if text.trim_start_matches('\u{feff}').trim_start().starts_with('{') {
        return serde_json::from_str(text).map_err(|e| {
            let line_col = (e.line() > 0).then(|| (e.line() as u64, e.column() as u64));
            (line_col, format!("invalid JSON: {e}"))
        });
    }
    let mut options = serde_saphyr::Options::default();
    options.with_snippet = false;
    // The default budget allows 250,000 nodes; authentik's largest schema has 120,785
    // (2026.11.0-rc1), too close. Raise the size limits for big specs and keep the alias
    // and depth limits, which are what stop alias bombs and stack exhaustion.
    let mut budget = serde_saphyr::budget::Budget::default();
    budget.max_nodes = 4_000_000;
    budget.max_events = 8_000_000;
    options.budget = Some(budget);
    serde_saphyr::from_str_with_options(text, options).map_err(|e| {
        let line_col = e.location().map(|l| (l.line(), l.column()));
        let msg = e.to_string();
        // The rendered message repeats the position we report separately.
        let msg = msg.trim_start_matches("error: ");
        let msg = match msg.split_once(": ") {
            Some((head, rest)) if head.starts_with("line ") => rest,
            _ => msg,
        };
        (line_col, format!("invalid YAML: {}", msg.lines().next().unwrap_or(msg)))
    })
}

/// Accepts OpenAPI 3.0.x only; other versions get a message saying what they are.
fn check_version(value: &serde_json::Value) -> Result<(), (String, String)> {
    if !value.is_object() {
        return Err((String::new(), "the document is not a mapping; an OpenAPI document starts with `openapi: 3.0.x`".into()));
    }
    if let Some(v) = value.get("swagger") {
        return Err(("/swagger".into(), format!("Swagger/OpenAPI {} is not supported; akgen reads OpenAPI 3.0.x (convert the spec first)", display_scalar(v))));
    }
    match value.get("openapi") {
        None => Err((String::new(), "missing the `openapi` field; akgen reads OpenAPI 3.0.x".into())),
        Some(serde_json::Value::String(v)) if v.starts_with("3.0.") => Ok(()),
        Some(v) => Err(("/openapi".into(), format!("OpenAPI version {} is not supported; akgen reads OpenAPI 3.0.x", display_scalar(v)))),
    }
}

/// serde stops tracking the path at an untagged enum, so `pointer` may name an ancestor
/// of the bad value. For `invalid type`/`invalid value` errors the message quotes the
/// unexpected scalar; when exactly one node below `pointer` holds it, that node is the
/// place to report.
fn narrow_pointer(tree: &serde_json::Value, pointer: String, message: &str) -> String {
    use serde_json::Value;
    let Some(unexpected) = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))
        .and_then(|rest| rest.split_once(", expected").map(|(u, _)| u))
    else {
        return pointer;
    };
    let matches = |v: &Value| match v {
        Value::String(s) => unexpected == format!("string {s:?}"),
        Value::Bool(b) => unexpected == format!("boolean `{b}`"),
        Value::Number(n) if n.is_f64() => unexpected == format!("floating point `{n}`"),
        Value::Number(n) => unexpected == format!("integer `{n}`"),
        _ => false,
    };
    fn walk(v: &Value, at: &mut String, matches: &dyn Fn(&Value) -> bool, found: &mut Vec<String>) {
        if matches(v) {
            found.push(at.clone());
        }
        let len = at.len();
        match v {
            Value::Object(map) => {
                for (k, child) in map {
                    at.push('/');
                    at.push_str(&escape_pointer_segment(k));
                    walk(child, at, matches, found);
                    at.truncate(len);
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    at.push_str(&format!("/{i}"));
                    walk(child, at, matches, found);
                    at.truncate(len);
                }
            }
            _ => {}
        }
    }
    let Some(start) = tree.pointer(&pointer) else { return pointer };
    let mut found = Vec::new();
    let mut at = pointer.clone();
    walk(start, &mut at, &matches, &mut found);
    match found.as_slice() {
        [one] => one.clone(),
        _ => pointer,
    }
}

fn display_scalar(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn path_to_pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for seg in path.iter() {
        match seg {
            Segment::Seq { index } => out.push_str(&format!("/{index}")),
            Segment::Map { key } => {
                out.push('/');
                out.push_str(&escape_pointer_segment(key));
            }
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    out
}
