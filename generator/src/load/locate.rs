//! Finds the line and column of a JSON pointer in the spec text.
//!
//! Semantic errors and warnings (a `$ref` to nothing, an unsupported construct) are found
//! long after parsing, on `openapiv3` values that carry no positions. Rather than keep spans
//! for every node of the parsed spec, the text is read a second time, when a diagnostic
//! first needs a place, as a bare stream of YAML parser events (JSON is YAML too), into a
//! tree of keys and positions only. That costs a third of a full parse.

use granit_parser::{Event, Parser};

/// How deep the tree may nest; deeper text locates nothing (the tree is dropped
/// recursively, and the spec parser stops such input anyway).
const MAX_DEPTH: usize = 512;

/// A node's position (1-based line and column) and, for collections, its children.
struct Located {
    line: u64,
    column: u64,
    node: Node,
}

enum Node {
    /// Entries by key text (a key that is not a scalar has the empty key).
    Map(Vec<(String, Located)>),
    Seq(Vec<Located>),
    Scalar,
    /// An alias (`*name`): anything below it is reported at the alias.
    Alias,
}

/// A collection being read, with the key of the entry it is the value of.
struct Open {
    located: Located,
    /// In a mapping: the key read, waiting for its value.
    key: Option<String>,
}

/// The spec text read once more, with positions, for locating JSON pointers.
pub struct Locator {
    root: Option<Located>,
}

impl Locator {
    /// Reads `text`; a text that does not parse locates nothing.
    pub fn new(text: &str) -> Self {
        Locator { root: read(text) }
    }

    /// Line and column (1-based) where the node at `pointer` starts; for a mapping entry,
    /// the position of its value. `None` when the pointer leads nowhere.
    pub fn locate(&self, pointer: &str) -> Option<(u64, u64)> {
        let root = self.root.as_ref()?;
        if pointer.is_empty() {
            return Some((root.line, root.column));
        }
        let segments: Vec<String> = pointer.strip_prefix('/')?.split('/').map(|s| s.replace("~1", "/").replace("~0", "~")).collect();
        find(root, &segments)
    }
}

fn find(at: &Located, segments: &[String]) -> Option<(u64, u64)> {
    let Some((segment, rest)) = segments.split_first() else { return Some((at.line, at.column)) };
    match &at.node {
        Node::Map(entries) => match entries.iter().find(|(k, _)| k == segment) {
            Some((_, value)) => find(value, rest),
            // A key merged in (`<<: *base`, `<<: [*a, *b]`) is reported at the merge; one
            // from a mapping written in place is looked up there.
            None => {
                let (_, merged) = entries.iter().find(|(k, _)| k == "<<")?;
                match merged.node {
                    Node::Map(_) => find(merged, segments),
                    _ => Some((merged.line, merged.column)),
                }
            }
        },
        Node::Seq(items) => find(items.get(segment.parse::<usize>().ok()?)?, rest),
        Node::Alias => Some((at.line, at.column)),
        Node::Scalar => None,
    }
}

/// Builds the tree of the first document from the parser's events.
fn read(text: &str) -> Option<Located> {
    let mut open: Vec<Open> = Vec::new();
    for event in Parser::new_from_str(text) {
        let (event, span) = event.ok()?;
        let (line, column) = (span.start.line() as u64, span.start.col() as u64 + 1);
        let done = match event {
            Event::Scalar(value, ..) => {
                // A mapping key: remembered until its value comes.
                if let Some(map @ Open { located: Located { node: Node::Map(_), .. }, key: None }) = open.last_mut() {
                    map.key = Some(value.into_owned());
                    continue;
                }
                Located { line, column, node: Node::Scalar }
            }
            Event::Alias(_) | Event::UnresolvedAlias(_) => Located { line, column, node: Node::Alias },
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                if open.len() == MAX_DEPTH {
                    return None;
                }
                let node = if matches!(event, Event::MappingStart(..)) { Node::Map(Vec::new()) } else { Node::Seq(Vec::new()) };
                open.push(Open { located: Located { line, column, node }, key: None });
                continue;
            }
            Event::MappingEnd | Event::SequenceEnd => open.pop()?.located,
            Event::DocumentEnd => break,
            _ => continue,
        };
        match open.last_mut() {
            None => return Some(done),
            Some(parent) => match &mut parent.located.node {
                Node::Map(entries) => match parent.key.take() {
                    Some(key) => entries.push((key, done)),
                    // A collection or alias as a key: not addressable by a pointer.
                    None => parent.key = Some(String::new()),
                },
                Node::Seq(items) => items.push(done),
                Node::Scalar | Node::Alias => return None,
            },
        }
    }
    None
}

/// Locates one pointer (parses `text` each call; use [`Locator`] for several).
pub fn locate(text: &str, pointer: &str) -> Option<(u64, u64)> {
    Locator::new(text).locate(pointer)
}

#[cfg(test)]
mod tests {
    use super::locate;

    #[test]
    fn finds_nested_keys_and_sequence_items() {
        let text = "a:\n  b:\n  - x\n  - y: 1\n    z: '2'\n'200':\n  c: d\n";
        assert_eq!(locate(text, "/a/b/1/z"), Some((5, 8)));
        assert_eq!(locate(text, "/a/b/0"), Some((3, 5)));
        assert_eq!(locate(text, "/200/c"), Some((7, 6)));
        assert_eq!(locate(text, "/a/nope"), None);
    }

    #[test]
    fn reads_json_and_flow_collections() {
        let text = "{\"paths\": {\"/a~b\": {\"get\": [1, {\"x\": true}]}}}";
        // Columns counted in the one-line text above (`true` starts at 38, `1` at 29).
        assert_eq!(locate(text, "/paths/~1a~0b/get/1/x"), Some((1, 38)));
        assert_eq!(locate(text, "/paths/~1a~0b/get/0"), Some((1, 29)));
        assert_eq!(locate(text, ""), Some((1, 1)));
    }

    #[test]
    fn aliases_and_merge_keys_report_where_the_content_is_used() {
        let text = "base: &b\n  type: object\nuse: *b\ncopy:\n  <<: *b\n  own: 1\ninline:\n  <<: {k: v}\n";
        assert_eq!(locate(text, "/use/type"), Some((3, 6)));
        assert_eq!(locate(text, "/copy/type"), Some((5, 7)));
        assert_eq!(locate(text, "/copy/own"), Some((6, 8)));
        assert_eq!(locate(text, "/inline/k"), Some((8, 11)));
        assert_eq!(locate(text, "/inline/nope"), None);
    }

    #[test]
    fn a_collection_key_is_skipped_and_deep_or_broken_text_locates_nothing() {
        let text = "? [a, b]\n: 1\nc: 2\n";
        assert_eq!(locate(text, "/c"), Some((3, 4)));
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(locate(&deep, "/0"), None);
        assert_eq!(locate("a: [unclosed\n", "/a"), None);
    }
}
