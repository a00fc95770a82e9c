//! Stage 1: read a spec file, parse YAML or JSON, check the OpenAPI version, and deserialize
//! it into akgen's own document model ([`doc`]). `$ref` resolution lives in [`resolve`].

pub mod doc;
pub(crate) mod locate;
pub mod overlay;
pub mod resolve;

pub use locate::{locate, locate_all};
pub use overlay::Overlay;

use crate::error::{Diagnostic, Error, escape_pointer_segment};
use doc::Document;
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
    /// The spec as akgen's document model; `$ref`s are still unresolved.
    pub api: Document,
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

/// Reads a spec's text: any read error, or bytes that are not UTF-8 (named with the
/// offset of the first bad one), as an error naming the file.
pub fn read_text(path: &Path) -> Result<String, Error> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    utf8_text(path, bytes)
}

/// Spec bytes from elsewhere (`git show`) as text, with [`read_text`]'s error; `file` names
/// where they came from.
pub fn utf8_text(file: &Path, bytes: Vec<u8>) -> Result<String, Error> {
    String::from_utf8(bytes).map_err(|e| {
        Error::Spec(vec![Diagnostic {
            file: file.to_owned(),
            pointer: String::new(),
            line_col: None,
            message: format!("the file is not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to()),
        }])
    })
}

/// Reads and parses the spec at `path`.
pub fn load_file(path: &Path) -> Result<Spec, Error> {
    load_text(path.to_owned(), read_text(path)?)
}

/// Reads the spec at `path` and applies `overlays` to it, in order.
pub fn load_file_with(path: &Path, overlays: &[Overlay]) -> Result<Spec, Error> {
    load_text_with(path.to_owned(), read_text(path)?, overlays)
}

/// Parses spec text; `file` names it in error messages.
pub fn load_text(file: PathBuf, text: String) -> Result<Spec, Error> {
    load_text_with(file, text, &[])
}

/// Parses spec text and applies `overlays` to the tree before reading it as a document.
/// Diagnostics still point into the spec's own text (one about a node an overlay added has
/// no line and column).
pub fn load_text_with(file: PathBuf, text: String, overlays: &[Overlay]) -> Result<Spec, Error> {
    let fail = |pointer: String, line_col: Option<(u64, u64)>, message: String| {
        Error::Spec(vec![Diagnostic { file: file.clone(), pointer, line_col, message }])
    };
    let mut value = parse_tree(&text).map_err(|(line_col, message)| fail(String::new(), line_col, message))?;
    for overlay in overlays {
        overlay.apply(&mut value)?;
    }
    check_version(&value).map_err(|(pointer, message)| {
        let line_col = locate(&text, &pointer);
        fail(pointer, line_col, message)
    })?;
    let api: Document = to_document(value).map_err(|(pointer, message)| {
        // Untagged enums (`$ref` or value) hide the path below them; the error path is
        // re-parsed here, off the hot path, to find the offending value.
        let pointer = match parse_tree(&text) {
            Ok(mut tree) => {
                for overlay in overlays {
                    let _ = overlay.apply(&mut tree);
                }
                narrow_pointer(&tree, pointer, &message)
            }
            Err(_) => pointer,
        };
        let line_col = locate(&text, &pointer);
        fail(pointer, line_col, format!("not a valid OpenAPI document: {message}"))
    })?;
    let sha256 = sha256_hex(text.as_bytes());
    Ok(Spec { file, text, sha256, api })
}

/// Lower-case hex sha256: how specs and configs are stamped into generated files.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Deserializes the tree into the document model; on failure, the pointer to the offending
/// node and the message.
///
/// `components` goes on a second thread: it is about 40% of authentik's schema, and the
/// rest (mostly `paths`) takes as long again. When both fail, the error of the one written
/// first is returned, as a single pass through the document would find it.
fn to_document(mut value: serde_json::Value) -> Result<Document, (String, String)> {
    fn failure(e: serde_path_to_error::Error<serde_json::Error>, prefix: &str) -> (String, String) {
        (format!("{prefix}{}", path_to_pointer(e.path())), e.inner().to_string())
    }
    let Some(root) = value.as_object_mut() else {
        return serde_path_to_error::deserialize(value).map_err(|e| failure(e, ""));
    };
    // The entries written before `components`: an error in one of them comes first.
    let before: Vec<String> = root.keys().take_while(|k| *k != "components").cloned().collect();
    let Some(components) = root.shift_remove("components") else {
        return serde_path_to_error::deserialize(value).map_err(|e| failure(e, ""));
    };
    // Taken by the second thread, or by this one when no thread can be started.
    let components = std::sync::Mutex::new(Some(components));
    let read_components = || {
        let value = components.lock().map(|mut c| c.take()).ok().flatten().unwrap_or_default();
        serde_path_to_error::deserialize::<_, Option<doc::Components>>(value)
    };
    let (api, components) = std::thread::scope(|scope| {
        let apart = worker().spawn_scoped(scope, read_components);
        let api = serde_path_to_error::deserialize::<_, Document>(value);
        let components = match apart {
            Ok(thread) => thread.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            Err(_) => read_components(),
        };
        (api, components)
    });
    match (api, components) {
        (Ok(mut api), Ok(components)) => {
            api.components = components;
            Ok(api)
        }
        (Err(rest), Ok(_)) => Err(failure(rest, "")),
        (Ok(_), Err(components)) => Err(failure(components, "/components")),
        (Err(rest), Err(components)) => {
            // An error at the root itself (a missing field) is found after every entry.
            let rest_first = match rest.path().iter().next() {
                Some(serde_path_to_error::Segment::Map { key }) => before.contains(key),
                _ => false,
            };
            Err(if rest_first { failure(rest, "") } else { failure(components, "/components") })
        }
    }
}

/// Parses JSON (when the text starts with `{`) or YAML into a JSON value tree.
///
/// YAML goes through serde-saphyr with a budget, which stops alias bombs and runaway
/// nesting with an error instead of exhausting memory. A large YAML text is parsed in two
/// halves at once where it can be ([`parse_halves`]).
fn parse_tree(text: &str) -> Result<serde_json::Value, (Option<(u64, u64)>, String)> {
    if text.trim_start_matches('\u{feff}').trim_start().starts_with('{') {
        return serde_json::from_str(text).map_err(|e| {
            let line_col = (e.line() > 0).then(|| (e.line() as u64, e.column() as u64));
            (line_col, format!("invalid JSON: {e}"))
        });
    }
    if text.len() >= HALVES_FROM
        && let Some(value) = parse_halves(text)
    {
        return Ok(value);
    }
    parse_yaml(text).map_err(|e| {
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

fn parse_yaml(text: &str) -> Result<serde_json::Value, serde_saphyr::Error> {
    let mut options = serde_saphyr::Options::default();
    options.with_snippet = false;
    // OpenAPI documents are YAML 1.2, whose booleans are `true` and `false` alone: a
    // property named `y` or `no` in a `required` list is a string (YAML 1.1 read it as a
    // boolean, and PyYAML, which writes drf-spectacular's specs, leaves it unquoted).
    options.strict_booleans = true;
    // The default budget allows 250,000 nodes; authentik's largest schema has 120,785
    // (2026.11.0-rc1), too close. Raise the size limits for big specs and keep the alias
    // and depth limits, which are what stop alias bombs and stack exhaustion.
    let mut budget = serde_saphyr::budget::Budget::default();
    budget.max_nodes = 4_000_000;
    budget.max_events = 8_000_000;
    options.budget = Some(budget);
    serde_saphyr::from_str_with_options(text, options)
}

/// The threads that parse and deserialize beside the main thread. Both recurse as deep as
/// the document nests, so they get the stack a main thread has on Linux (8 MiB) instead of
/// a spawned thread's 2 MiB: a deeply nested schema must fail with an error (or load),
/// never overflow the stack.
fn worker() -> std::thread::Builder {
    std::thread::Builder::new().stack_size(8 << 20)
}

/// Below this size a second thread costs more than it saves.
const HALVES_FROM: usize = 256 * 1024;

/// Parses a YAML text in two halves on two threads, cut between two entries of the
/// top-level mapping; authentik's schema cuts at `components:`, after 57% of its text.
///
/// The halves are merged only when each parses on its own as a mapping and they share no
/// key. A cut that lands inside a quoted scalar or a flow collection leaves the first half
/// unterminated; an alias in the second half to an anchor in the first does not resolve; a
/// key written in both halves, or merged into one (`<<`) and written in the other, is
/// shared: in each case this returns `None`, and the caller parses the whole text, which
/// also gives any error its true line.
fn parse_halves(text: &str) -> Option<serde_json::Value> {
    let at = cut(text)?;
    let (first, second) = text.split_at(at);
    let (first, second) = std::thread::scope(|scope| {
        let second = worker().spawn_scoped(scope, || parse_yaml(second)).ok()?;
        Some((parse_yaml(first), second.join()))
    })?;
    let (serde_json::Value::Object(mut first), Ok(Ok(serde_json::Value::Object(second)))) = (first.ok()?, second)
    else {
        return None;
    };
    for (key, value) in second {
        if first.insert(key, value).is_some() {
            return None;
        }
    }
    Some(serde_json::Value::Object(first))
}

/// Where to cut a YAML text in two: the start of the line of a top-level entry nearest the
/// middle, not the first entry. An entry is a line at column 0 of the form `name:`, a plain
/// name then a colon at the end or before a space: a line that could only be a key, never
/// the inside of a plain scalar. `None` for a text with a directive (`%`) or document
/// markers (`---`, `...`), which the halves would not share.
fn cut(text: &str) -> Option<usize> {
    let middle = text.len() / 2;
    let mut best: Option<usize> = None;
    let mut entries = 0;
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let at = start;
        start += line.len();
        if line.starts_with('%') || line.starts_with("---") || line.starts_with("...") {
            return None;
        }
        let name_len = line.bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'_' || *b == b'-').count();
        let is_entry = line.as_bytes().first().is_some_and(|b| b.is_ascii_alphabetic() || *b == b'_')
            && line[name_len..].starts_with(':')
            && line[name_len + 1..].starts_with([' ', '\n', '\r']);
        if !is_entry {
            continue;
        }
        entries += 1;
        if entries > 1 && best.is_none_or(|b| at.abs_diff(middle) < b.abs_diff(middle)) {
            best = Some(at);
        }
    }
    best
}

/// Accepts OpenAPI 3.0.x and 3.1.x; other versions get a message saying what they are.
fn check_version(value: &serde_json::Value) -> Result<(), (String, String)> {
    const SUPPORTED: &str = "akgen reads OpenAPI 3.0.x and 3.1.x";
    if !value.is_object() {
        return Err((
            String::new(),
            "the document is not a mapping; an OpenAPI document starts with `openapi: 3.0.x` or `3.1.x`".into(),
        ));
    }
    if let Some(v) = value.get("swagger") {
        return Err((
            "/swagger".into(),
            format!("Swagger/OpenAPI {} is not supported; {SUPPORTED} (convert the spec first)", display_scalar(v)),
        ));
    }
    match value.get("openapi") {
        None => Err((String::new(), format!("missing the `openapi` field; {SUPPORTED}"))),
        Some(serde_json::Value::String(v)) if v.starts_with("3.0.") || v.starts_with("3.1.") => Ok(()),
        Some(v) => {
            Err(("/openapi".into(), format!("OpenAPI version {} is not supported; {SUPPORTED}", display_scalar(v))))
        }
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

#[cfg(test)]
mod tests {
    use super::doc::Document;
    use super::{cut, parse_halves, path_to_pointer, to_document};
    use serde_json::{Value, json};

    /// The document deserialized in one pass: the oracle for `to_openapi`.
    fn one_pass(value: Value) -> Result<Document, (String, String)> {
        serde_path_to_error::deserialize(value).map_err(|e| (path_to_pointer(e.path()), e.inner().to_string()))
    }

    fn authentik_schemas() -> Vec<std::path::PathBuf> {
        let dir = std::env::var_os("AKGEN_SPEC_DIR")
            .map(std::path::PathBuf::from)
            .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/specs/authentik"));
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .map(|d| d.map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "yml")).collect())
            .unwrap_or_default();
        // Outside this workplace the directory may be missing: the pinned schema is then
        // downloaded, and that one at least is checked.
        paths.push(crate::spec_source::resolve(None).expect("the pinned schema"));
        paths
    }

    /// `components` on its own thread gives what one pass gives, on every authentik schema.
    #[test]
    fn components_apart_deserialize_as_in_one_pass() {
        for path in authentik_schemas() {
            let tree: Value = serde_saphyr::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let api = to_document(tree.clone()).expect("the schema deserializes");
            assert!(api.components.as_ref().is_some_and(|c| c.schemas.len() > 100));
            assert_eq!(Ok(api), one_pass(tree), "{}", path.display());
        }
    }

    /// Broken documents fail with the pointer and message one pass reports: the error
    /// written first when both parts fail, a missing root field after either.
    #[test]
    fn components_apart_report_the_error_one_pass_reports() {
        let bad_schema = json!({"schemas": {"A": {"type": "object", "properties": 5}}});
        let bad_paths = json!({"/a": {"get": {"responses": {"200": {"description": 7}}}}});
        let good_paths = json!({"/a": {"get": {"responses": {"200": {"description": "ok"}}}}});
        let info = json!({"title": "t", "version": "1"});
        let docs = [
            json!({"openapi": "3.0.3", "info": info, "paths": good_paths, "components": bad_schema}),
            json!({"openapi": "3.0.3", "info": info, "paths": bad_paths, "components": bad_schema}),
            json!({"openapi": "3.0.3", "info": info, "components": bad_schema, "paths": bad_paths}),
            json!({"openapi": "3.0.3", "components": bad_schema, "paths": good_paths}),
            json!({"openapi": "3.0.3", "paths": good_paths, "components": {"schemas": {}}}),
            json!({"openapi": "3.0.3", "info": info, "paths": good_paths, "components": null}),
            json!({"openapi": "3.0.3", "info": info, "paths": bad_paths, "components": {}}),
        ];
        for doc in &docs {
            let (ours, theirs) = (to_document(doc.clone()), one_pass(doc.clone()));
            assert_eq!(ours, theirs, "{doc}");
        }
        // Where both parts fail, the one written first is reported, down to the bad value.
        assert_eq!(to_document(docs[1].clone()).unwrap_err().0, "/paths/~1a/get/responses/200/description");
        assert_eq!(to_document(docs[2].clone()).unwrap_err().0, "/components/schemas/A/properties");
    }

    /// The whole text in one piece: the oracle for the halves.
    fn whole(text: &str) -> Value {
        serde_saphyr::from_str(text).expect("the text parses")
    }

    /// Every authentik schema there is here: the halves, merged, are the whole document.
    #[test]
    fn halves_of_real_schemas_merge_into_the_whole_document() {
        for path in authentik_schemas() {
            let text = std::fs::read_to_string(&path).unwrap();
            let at = cut(&text).expect("authentik's schema has top-level entries to cut between");
            assert!(
                text[at..].starts_with("components:") || text[at..].starts_with("paths:"),
                "{}: cut at {:?}",
                path.display(),
                &text[at..at + 20]
            );
            assert_eq!(parse_halves(&text).as_ref(), Some(&whole(&text)), "{}", path.display());
        }
    }

    /// Texts the halves must not be trusted with give `None` (the whole text is then
    /// parsed), and those they can take merge into what the whole parse gives.
    #[test]
    fn halves_agree_with_the_whole_parse_or_give_way() {
        let agree = [
            "a: 1\nb:\n  - x\nc: |\n  text\nd: {k: v}\n",
            "# comment\na: &x 1\nb: *x\nc: 'quoted: yes'\nd:\ne: 2\n",
            "a:\n  k: 'one\n    two'\nb: \"x\"\nc: 3\n",
        ];
        for text in agree {
            assert!(cut(text).is_some(), "{text:?}");
            assert_eq!(parse_halves(text).as_ref(), Some(&whole(text)), "{text:?}");
        }
        let give_way = [
            // An anchor in the first half, its alias in the second.
            "a: &x {k: v}\nb: 1\nc: *x\nd: *x\n",
            // A key written in both halves.
            "a: 1\nb: 2\nc: 3\na: 4\n",
            // A flow mapping open across the cut.
            "a: {k: v,\nb: 1}\nc: 2\nd: 3\n",
            // A double-quoted scalar open across the cut.
            "a: \"one\nb: two\"\nc: 2\nd: 3\n",
            // Merged into the top level in one half, written in the other.
            "base: &b {x: 1, y: 1}\n<<: *b\nz: 3\nx: 2\n",
        ];
        for text in give_way {
            assert_eq!(parse_halves(text), None, "{text:?}");
        }
        // Document markers and directives: never cut.
        assert_eq!(cut("a: 1\n---\nb: 2\nc: 3\n"), None);
        assert_eq!(cut("%YAML 1.2\n---\na: 1\nb: 2\n"), None);
        // Lines that are not entries are never cut points.
        assert_eq!(cut("a:\n  b: 1\n  c: 2\n'd': 3\n- e\n"), None);
    }
}
