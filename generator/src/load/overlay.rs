//! OpenAPI Overlay 1.0: fixes to a spec kept in a file of their own, applied to the parsed
//! tree before it becomes a [`Document`](super::doc::Document). A maintainer whose spec is
//! wrong (a property the server sends as `null`, a schema missing a field) fixes it here
//! instead of forking the spec.
//!
//! Each action selects nodes with an RFC 9535 JSONPath `target` and either merges `update`
//! into each (objects key by key, recursively; arrays appended to) or, with `remove: true`,
//! removes each from its parent. Actions apply in order, each to the result of the last. An
//! action whose target selects nothing is an error: it is a fix that no longer fixes
//! anything (the spec changed under it), which is better said than silently dropped.

use super::{locate, parse_tree};
use crate::error::{Diagnostic, Error};
use serde_json::Value;
use serde_json_path::JsonPath;
use std::path::{Path, PathBuf};

/// A parsed overlay file, checked and ready to apply.
#[derive(Debug, Clone)]
pub struct Overlay {
    pub file: PathBuf,
    /// The file's text, to locate the actions' diagnostics.
    text: String,
    actions: Vec<Action>,
}

#[derive(Debug, Clone)]
struct Action {
    /// Index in `actions`, for the pointer of a diagnostic.
    index: usize,
    target: String,
    path: JsonPath,
    update: Option<Value>,
    remove: bool,
}

impl Overlay {
    /// Reads and checks the overlay at `path`.
    pub fn load(path: &Path) -> Result<Overlay, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Overlay::parse(path, text)
    }

    /// Parses `text` as the overlay file `file`: YAML or JSON, `overlay: 1.0.x`, `info`, and
    /// a non-empty `actions` list whose targets are JSONPath queries.
    pub fn parse(file: &Path, text: String) -> Result<Overlay, Error> {
        let fail = |pointer: &str, line_col: Option<(u64, u64)>, message: String| {
            let line_col = line_col.or_else(|| locate(&text, pointer));
            Error::Config(vec![Diagnostic { file: file.to_owned(), pointer: pointer.to_owned(), line_col, message }])
        };
        let tree = parse_tree(&text).map_err(|(at, message)| fail("", at, message))?;
        let version = tree.get("overlay").and_then(Value::as_str);
        match version {
            Some(v) if v.starts_with("1.0.") => {}
            Some(v) => return Err(fail("/overlay", None, format!("akgen applies Overlay 1.0.x documents, not {v}"))),
            None => return Err(fail("", None, "not an overlay: it has no `overlay: 1.0.x`".into())),
        }
        if !tree.get("info").is_some_and(Value::is_object) {
            return Err(fail("", None, "an overlay needs an `info` object (title, version)".into()));
        }
        let list = match tree.get("actions").and_then(Value::as_array) {
            Some(list) if !list.is_empty() => list,
            _ => return Err(fail("", None, "an overlay needs a non-empty `actions` list".into())),
        };
        let mut actions = Vec::new();
        for (index, raw) in list.iter().enumerate() {
            let at = format!("/actions/{index}");
            let Some(target) = raw.get("target").and_then(Value::as_str) else {
                return Err(fail(&at, None, "an action needs a `target` (a JSONPath query)".into()));
            };
            let path = JsonPath::parse(target)
                .map_err(|e| fail(&format!("{at}/target"), None, format!("not a JSONPath query (RFC 9535): {e}")))?;
            let remove = match raw.get("remove") {
                None => false,
                Some(Value::Bool(b)) => *b,
                Some(_) => return Err(fail(&format!("{at}/remove"), None, "`remove` is true or false".into())),
            };
            let update = raw.get("update").cloned();
            if !remove && update.is_none() {
                return Err(fail(&at, None, "an action needs `update` or `remove: true`".into()));
            }
            actions.push(Action { index, target: target.to_owned(), path, update, remove });
        }
        Ok(Overlay { file: file.to_owned(), text, actions })
    }

    /// Applies every action to `tree`, in order.
    pub fn apply(&self, tree: &mut Value) -> Result<(), Error> {
        for action in &self.actions {
            let pointers: Vec<String> =
                action.path.query_located(tree).locations().map(|l| l.to_json_pointer()).collect();
            if pointers.is_empty() {
                return Err(self.error(action, format!("the target `{}` selects nothing in the spec", action.target)));
            }
            if action.remove {
                // Last first, so that removing an array item leaves the others' indices valid.
                for pointer in pointers.iter().rev() {
                    remove(tree, pointer).map_err(|m| self.error(action, m))?;
                }
                continue;
            }
            let update = action.update.as_ref().expect("checked in parse");
            for pointer in &pointers {
                let node = tree.pointer_mut(pointer).expect("the query just found it");
                merge(node, update).map_err(|m| self.error(action, format!("{m} (at {pointer})")))?;
            }
        }
        Ok(())
    }

    fn error(&self, action: &Action, message: String) -> Error {
        let pointer = format!("/actions/{}/target", action.index);
        let line_col = locate(&self.text, &pointer);
        Error::Config(vec![Diagnostic { file: self.file.clone(), pointer, line_col, message }])
    }
}

/// Merges `update` into `node`: an object's keys one by one (objects recursively, other
/// values replaced), an array appended to (by each item of an array update).
fn merge(node: &mut Value, update: &Value) -> Result<(), String> {
    match (node, update) {
        (Value::Object(target), Value::Object(update)) => {
            for (key, value) in update {
                match target.get_mut(key) {
                    Some(existing @ Value::Object(_)) if value.is_object() => merge(existing, value)?,
                    Some(existing @ Value::Array(_)) if value.is_array() => merge(existing, value)?,
                    _ => {
                        target.insert(key.clone(), value.clone());
                    }
                }
            }
            Ok(())
        }
        (Value::Array(items), Value::Array(more)) => {
            items.extend(more.iter().cloned());
            Ok(())
        }
        (Value::Array(items), one) => {
            items.push(one.clone());
            Ok(())
        }
        (Value::Object(_), _) => Err("an object can only be updated with an object".into()),
        _ => Err("the target is not an object or an array, which is all an update can change".into()),
    }
}

/// Removes the node at `pointer` from its parent.
fn remove(tree: &mut Value, pointer: &str) -> Result<(), String> {
    let Some((parent, last)) = pointer.rsplit_once('/') else {
        return Err("the whole document cannot be removed".into());
    };
    let key = last.replace("~1", "/").replace("~0", "~");
    match tree.pointer_mut(parent) {
        Some(Value::Object(map)) => {
            map.shift_remove(&key);
        }
        Some(Value::Array(items)) => {
            let i: usize = key.parse().map_err(|_| format!("bad array index in {pointer}"))?;
            items.remove(i);
        }
        _ => return Err(format!("{pointer} has no parent to remove it from")),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn overlay(actions: Value) -> Overlay {
        let text = json!({"overlay": "1.0.0", "info": {"title": "t", "version": "1"}, "actions": actions}).to_string();
        Overlay::parse(Path::new("o.json"), text).unwrap()
    }

    #[test]
    fn update_merges_objects_and_appends_to_arrays() {
        let mut tree = json!({"a": {"b": 1, "c": {"d": 2}}, "tags": [{"name": "x"}]});
        overlay(json!([
            {"target": "$.a", "update": {"b": 3, "c": {"e": 4}}},
            {"target": "$.tags", "update": [{"name": "y"}]},
        ]))
        .apply(&mut tree)
        .unwrap();
        assert_eq!(tree, json!({"a": {"b": 3, "c": {"d": 2, "e": 4}}, "tags": [{"name": "x"}, {"name": "y"}]}));
    }

    #[test]
    fn remove_takes_every_selected_node_out() {
        let mut tree = json!({"items": [1, 2, 3, 4], "p": {"/x": 1, "/y": 2}});
        overlay(json!([
            {"target": "$.items[?@ > 1]", "remove": true},
            {"target": "$.p['/x']", "remove": true},
        ]))
        .apply(&mut tree)
        .unwrap();
        assert_eq!(tree, json!({"items": [1], "p": {"/y": 2}}));
    }

    #[test]
    fn a_target_that_selects_nothing_is_an_error_at_its_action() {
        let mut tree = json!({"a": {}, "n": 1});
        let err = overlay(json!([{"target": "$.a", "update": {}}, {"target": "$.missing", "remove": true}]))
            .apply(&mut tree)
            .unwrap_err();
        let Error::Config(d) = err else { panic!() };
        assert_eq!(d[0].pointer, "/actions/1/target");
        assert!(d[0].message.contains("selects nothing"), "{}", d[0].message);
        // A number cannot take an update (Overlay 1.0 updates objects and arrays).
        let Err(Error::Config(d)) = overlay(json!([{"target": "$.n", "update": 2}])).apply(&mut tree) else { panic!() };
        assert!(d[0].message.contains("not an object or an array"), "{}", d[0].message);
    }

    #[test]
    fn bad_overlays_are_refused_with_their_place() {
        let bad = |text: &str| match Overlay::parse(Path::new("o.yaml"), text.to_owned()) {
            Err(Error::Config(d)) => (d[0].pointer.clone(), d[0].line_col),
            other => panic!("{other:?}"),
        };
        let head = "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions:\n";
        assert_eq!(
            bad(&format!("{head}  - target: '$[?'\n    remove: true\n")),
            ("/actions/0/target".into(), Some((4, 13)))
        );
        assert_eq!(bad(&format!("{head}  - target: $.a\n")).0, "/actions/0");
        assert_eq!(bad("overlay: 2.0.0\ninfo: {}\nactions: []\n").0, "/overlay");
    }
}
