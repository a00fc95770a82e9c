//! Finds the line and column of a JSON pointer in the spec text.
//!
//! Semantic errors (a `$ref` to nothing, an unsupported construct) are found long after
//! parsing, on `openapiv3` values that carry no positions. Errors are rare, so instead of
//! keeping spans for every node we parse the text a second time, only when an error needs
//! a location, into a tree that records where each node starts.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

/// A YAML/JSON node with the positions of its children.
enum Node {
    Map(Vec<(String, Spanned<Node>)>),
    Seq(Vec<Spanned<Node>>),
    Scalar,
}

/// A mapping key: any scalar, kept as text (YAML allows `200:` as well as `'200':`).
struct Key(String);

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = Key;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a scalar mapping key")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key, E> {
                Ok(Key(v.to_owned()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Key, E> {
                Ok(Key(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Key, E> {
                Ok(Key(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Key, E> {
                Ok(Key(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Key, E> {
                Ok(Key(v.to_string()))
            }
        }
        d.deserialize_any(KeyVisitor)
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct NodeVisitor;
        impl<'de> Visitor<'de> for NodeVisitor {
            type Value = Node;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any YAML node")
            }
            fn visit_bool<E>(self, _: bool) -> Result<Node, E> {
                Ok(Node::Scalar)
            }
            fn visit_i64<E>(self, _: i64) -> Result<Node, E> {
                Ok(Node::Scalar)
            }
            fn visit_u64<E>(self, _: u64) -> Result<Node, E> {
                Ok(Node::Scalar)
            }
            fn visit_f64<E>(self, _: f64) -> Result<Node, E> {
                Ok(Node::Scalar)
            }
            fn visit_str<E>(self, _: &str) -> Result<Node, E> {
                Ok(Node::Scalar)
            }
            fn visit_unit<E>(self) -> Result<Node, E> {
                Ok(Node::Scalar)
            }
            fn visit_none<E>(self) -> Result<Node, E> {
                Ok(Node::Scalar)
            }
            fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<Node, D2::Error> {
                Node::deserialize(d)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<Spanned<Node>>()? {
                    items.push(item);
                }
                Ok(Node::Seq(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
                let mut entries = Vec::new();
                while let Some((Key(k), v)) = map.next_entry::<Key, Spanned<Node>>()? {
                    entries.push((k, v));
                }
                Ok(Node::Map(entries))
            }
        }
        d.deserialize_any(NodeVisitor)
    }
}

/// The spec text parsed once more, with positions, for locating JSON pointers.
pub struct Locator {
    root: Option<Spanned<Node>>,
}

impl Locator {
    /// Parses `text`; a text that does not parse locates nothing.
    pub fn new(text: &str) -> Self {
        Locator { root: serde_saphyr::from_str(text).ok() }
    }

    /// Line and column (1-based) where the node at `pointer` starts; for a mapping entry,
    /// the position of its value. `None` when the pointer leads nowhere.
    pub fn locate(&self, pointer: &str) -> Option<(u64, u64)> {
        let mut node = self.root.as_ref()?;
        if !pointer.is_empty() {
            for raw in pointer.strip_prefix('/')?.split('/') {
                let segment = raw.replace("~1", "/").replace("~0", "~");
                node = match &node.value {
                    Node::Map(entries) => &entries.iter().find(|(k, _)| *k == segment)?.1,
                    Node::Seq(items) => items.get(segment.parse::<usize>().ok()?)?,
                    Node::Scalar => return None,
                };
            }
        }
        Some((node.referenced.line(), node.referenced.column()))
    }
}

/// Locates one pointer in `text` (parses the text; use [`Locator`] for several).
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
}
