//! Example payloads from the reference pages in `../shared/seeds/`.
//!
//! The pages are documentation as rendered or as source: JSON examples appear as blocks
//! that start with a line holding only `{`, or as JSON inside string literals
//! (`StringContent("...")`, `responseExample={"..."}`).

use serde_json::Value;

/// Every JSON object example on a page, in page order.
pub fn payloads(page: &str) -> Vec<Value> {
    let mut found: Vec<(usize, Value)> = Vec::new();
    // Blocks: a line that is exactly `{` up to its balancing `}`; objects nested in a
    // block are part of it, not examples of their own.
    let mut offset = 0;
    let mut inside_until = 0;
    for line in page.split_inclusive('\n') {
        if offset >= inside_until
            && line.trim_end() == "{"
            && let Some((v, len)) = balanced_object(&page[offset..])
        {
            found.push((offset, v));
            inside_until = offset + len;
        }
        offset += line.len();
    }
    // String literals holding JSON.
    for marker in ["StringContent(\"", "responseExample={\""] {
        let mut from = 0;
        while let Some(i) = page[from..].find(marker) {
            let start = from + i + marker.len() - 1;
            if let Some(v) = string_literal_json(&page[start..]) {
                found.push((start, v));
            }
            from = start + 1;
        }
    }
    found.sort_by_key(|(at, _)| *at);
    found.into_iter().map(|(_, v)| v).collect()
}

/// Parses the JSON object at the start of `text`, which may be followed by anything;
/// returns it with the number of bytes it spans.
fn balanced_object(text: &str) -> Option<(Value, usize)> {
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<Value>();
    match stream.next() {
        Some(Ok(v @ Value::Object(_))) => Some((v, stream.byte_offset())),
        _ => None,
    }
}

/// Decodes the double-quoted string literal at the start of `text` and parses it as JSON.
fn string_literal_json(text: &str) -> Option<Value> {
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<String>();
    let literal = stream.next()?.ok()?;
    serde_json::from_str(&literal).ok()
}

/// Reads a seed page by its number prefix (`"002"`).
pub fn page(prefix: &str) -> String {
    let dir = crate::seeds_dir();
    let entry = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(prefix)))
        .unwrap_or_else(|| panic!("no seed page {prefix} in {}", dir.display()));
    std::fs::read_to_string(entry).unwrap()
}
