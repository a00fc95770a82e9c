//! Finds the line and column of a JSON pointer in the spec text.
//!
//! Semantic errors and warnings (a `$ref` to nothing, an unsupported construct) are found
//! long after parsing, on `openapiv3` values that carry no positions. Rather than keep spans
//! for every node of the parsed spec, the text is read a second time, once for all of a
//! run's diagnostics, as a bare stream of YAML parser events (JSON is YAML too), into a
//! tree of keys and positions only. Reading all of it costs a third of a full parse, so the
//! reading stops as soon as every pointer is placed.

use granit_parser::{Event, Parser};
use std::collections::HashMap;

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

/// A collection being read.
struct Open<'s> {
    located: Located,
    /// In a mapping: the key read, waiting for its value.
    key: Option<String>,
    /// The pointers that go on below this collection, by their next segment.
    wanted: Wanted<'s>,
}

/// Where each of `pointers` starts in `text`: 1-based line and column, for a mapping
/// entry the position of its value; `None` where a pointer leads nowhere.
///
/// The text is read once for all of them, and only as far as needed: when every pointer
/// names a node written out in the text, reading stops at the last of them (the IR's
/// warnings point into `paths`, near the top of authentik's schema). Otherwise the whole
/// text is read into a tree of keys and positions, and the rest are looked up there, through
/// aliases and merge keys.
pub fn locate_all(text: &str, pointers: &[&str]) -> Vec<Option<(u64, u64)>> {
    let segments: Vec<Option<Vec<String>>> = pointers.iter().map(|p| split(p)).collect();
    let valid: Vec<usize> = (0..pointers.len()).filter(|&i| segments[i].is_some()).collect();
    let mut search = Search { segments: &segments, found: vec![None; pointers.len()], missing: valid.len() };
    if search.missing > 0
        && let Some(root) = read(text, &mut search, valid)
    {
        for (i, s) in segments.iter().enumerate() {
            if let (Some(s), None) = (s, search.found[i]) {
                search.found[i] = find(&root, s);
            }
        }
    }
    search.found
}

/// Locates one pointer (reads `text` each call; use [`locate_all`] for several).
pub fn locate(text: &str, pointer: &str) -> Option<(u64, u64)> {
    locate_all(text, &[pointer]).pop().flatten()
}

/// A pointer's unescaped segments; the empty pointer has none. `None` for a pointer that
/// does not start with `/` (it names nothing).
fn split(pointer: &str) -> Option<Vec<String>> {
    if pointer.is_empty() {
        return Some(Vec::new());
    }
    Some(pointer.strip_prefix('/')?.split('/').map(|s| s.replace("~1", "/").replace("~0", "~")).collect())
}

/// The pointers being placed while the text is read.
struct Search<'s> {
    segments: &'s [Option<Vec<String>>],
    found: Vec<Option<(u64, u64)>>,
    /// Pointers not yet placed.
    missing: usize,
}

/// Pointers still followed below an open collection, by the segment they take next.
type Wanted<'s> = HashMap<&'s str, Vec<usize>>;

impl<'s> Search<'s> {
    /// A node starts at `position`, `depth` levels down, as the first entry `pointers` (the
    /// ones that led here) take: those that end here are placed, the others are returned by
    /// their next segment, to follow into the node if it is a collection.
    fn arrive(&mut self, pointers: Vec<usize>, depth: usize, position: (u64, u64)) -> Wanted<'s> {
        let mut below = Wanted::new();
        let segments: &'s [Option<Vec<String>>] = self.segments;
        for i in pointers {
            let Some(s) = &segments[i] else { continue };
            match s.get(depth) {
                None => {
                    self.found[i] = Some(position);
                    self.missing -= 1;
                }
                Some(next) => below.entry(next.as_str()).or_default().push(i),
            }
        }
        below
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

/// Reads the first document into a tree, placing pointers on the way. Returns `None` when
/// every pointer was placed before the end (the tree is then incomplete), and when the text
/// does not parse or nests too deep.
fn read<'s>(text: &str, search: &mut Search<'s>, pointers: Vec<usize>) -> Option<Located> {
    let mut open: Vec<Open<'s>> = Vec::new();
    // Every pointer starts at the root, the first node.
    let mut root = Some(pointers);
    for event in Parser::new_from_str(text) {
        let (event, span) = event.ok()?;
        let (line, column) = (span.start.line() as u64, span.start.col() as u64 + 1);
        // The pointers that reach this node, if it starts a value (not a key, not an end).
        let starts = matches!(
            event,
            Event::Scalar(..)
                | Event::Alias(_)
                | Event::UnresolvedAlias(_)
                | Event::MappingStart(..)
                | Event::SequenceStart(..)
        );
        let mut wanted = Wanted::new();
        if starts {
            let arriving = match open.last_mut() {
                None => root.take().unwrap_or_default(),
                Some(Open { located: Located { node: Node::Map(_), .. }, key: None, .. }) => Vec::new(),
                Some(Open { located: Located { node: Node::Map(_), .. }, key: Some(key), wanted, .. }) => {
                    // Removed, so that a repeated key does not count: the first entry wins.
                    wanted.remove(key.as_str()).unwrap_or_default()
                }
                Some(Open { located: Located { node: Node::Seq(items), .. }, wanted, .. }) if !wanted.is_empty() => {
                    wanted.remove(items.len().to_string().as_str()).unwrap_or_default()
                }
                Some(_) => Vec::new(),
            };
            if !arriving.is_empty() {
                wanted = search.arrive(arriving, open.len(), (line, column));
                if search.missing == 0 {
                    return None;
                }
            }
        }
        let done = match event {
            Event::Scalar(value, ..) => {
                // A mapping key: remembered until its value comes.
                if let Some(map @ Open { located: Located { node: Node::Map(_), .. }, key: None, .. }) = open.last_mut()
                {
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
                let node = if matches!(event, Event::MappingStart(..)) {
                    Node::Map(Vec::new())
                } else {
                    Node::Seq(Vec::new())
                };
                open.push(Open { located: Located { line, column, node }, key: None, wanted });
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

#[cfg(test)]
mod tests {
    use super::{Located, Node, Search, locate, locate_all, read};

    /// The whole text as a tree, the way pointers the early stop cannot place are looked up.
    fn tree(text: &str) -> Located {
        let mut search = Search { segments: &[], found: Vec::new(), missing: 0 };
        read(text, &mut search, Vec::new()).expect("the text parses")
    }

    /// The pointer of every node in the tree, in document order.
    fn every_pointer(at: &Located, pointer: String, out: &mut Vec<String>) {
        out.push(pointer.clone());
        match &at.node {
            Node::Map(entries) => {
                for (key, value) in entries {
                    every_pointer(value, format!("{pointer}/{}", crate::error::escape_pointer_segment(key)), out);
                }
            }
            Node::Seq(items) => {
                for (i, item) in items.iter().enumerate() {
                    every_pointer(item, format!("{pointer}/{i}"), out);
                }
            }
            Node::Scalar | Node::Alias => {}
        }
    }

    /// Reading stops at the last pointer only when each is written out, so placing pointers
    /// together, one by one, or in the tree of the whole text must give the same answers:
    /// for every node of the fixture specs, and for pointers beside them that lead nowhere,
    /// through aliases, merge keys or repeated keys.
    #[test]
    fn stopping_early_places_pointers_where_the_whole_tree_does() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../specs/fixtures");
        let mut texts: Vec<String> =
            std::fs::read_dir(dir).unwrap().map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap()).collect();
        texts.push(
            "base: &b\n  type: object\nuse: *b\ncopy:\n  <<: *b\n  own: 1\ninline:\n  <<: {k: v}\n  k: w\n".to_owned(),
        );
        texts.push("a: {x: 1}\na: {y: 2}\nb: [1, [2, 3]]\n".to_owned());
        assert!(texts.len() > 5);
        for text in &texts {
            let root = tree(text);
            let mut pointers = Vec::new();
            every_pointer(&root, String::new(), &mut pointers);
            let beside: Vec<String> =
                pointers.iter().flat_map(|p| [format!("{p}/nope"), format!("{p}/0"), format!("{p}/type")]).collect();
            pointers.extend(beside);
            let all: Vec<&str> = pointers.iter().map(String::as_str).collect();
            let together = locate_all(text, &all);
            for (i, pointer) in all.iter().enumerate() {
                let segments = super::split(pointer).unwrap();
                let whole = super::find(&root, &segments);
                assert_eq!(together[i], whole, "{pointer} placed together");
                assert_eq!(locate(text, pointer), whole, "{pointer} placed alone");
            }
        }
    }

    #[test]
    fn reading_stops_once_every_pointer_is_placed() {
        // Broken text after the pointers: reading never gets there.
        let text = "a: 1\nb:\n  c: [2]\nd: [unclosed\n";
        assert_eq!(locate_all(text, &["/b/c/0", "/a"]), vec![Some((3, 7)), Some((1, 4))]);
        // A pointer to something not written out needs the whole text, which does not parse.
        assert_eq!(locate_all(text, &["/a", "/a/x"]), vec![Some((1, 4)), None]);
        // The first of two repeated keys is the one placed.
        assert_eq!(locate("a: 1\na: 2\n", "/a"), Some((1, 4)));
        assert_eq!(locate("a: {x: 1}\na: {y: 2}\n", "/a/y"), None);
    }

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
        // The node starts before the text breaks; what is below it cannot be read.
        assert_eq!(locate("a: [unclosed\n", "/a"), Some((1, 4)));
        assert_eq!(locate("a: [unclosed\n", "/a/5"), None);
    }
}
