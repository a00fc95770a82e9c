//! Which operations a crate keeps, and the models they reach: a subset of the API for SDKs
//! that call a few endpoints (authentik's own Rust client keeps 18 of ~1,190).
//!
//! Selection happens while the IR is built: an operation left out is never built, so its
//! inline schemas make no types and its problems stop nothing. Types are pruned after, to
//! what the kept operations reach.

use super::{Operation, TypeDef, reach};
use crate::error::Diagnostic;
use std::path::PathBuf;

/// Operations to keep: those any `include` selector matches (every operation when there
/// are none), minus those an `exclude` selector matches.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Selection {
    pub include: Vec<Selector>,
    pub exclude: Vec<Selector>,
    /// Keep every type, not only those the kept operations reach.
    pub keep_unused_models: bool,
}

/// One selector, with where it was written (so one that matches nothing can be pointed at).
///
/// - `tag:NAME`: operations with the tag `NAME` (any of their tags, as the spec spells it);
/// - `METHOD /path`: by method (or `*`) and path template;
/// - anything else: an operationId.
///
/// `*` matches any run of characters (`/` included) and `?` any one, in every part.
#[derive(Debug, Clone, PartialEq)]
pub struct Selector {
    pub pattern: String,
    /// Where the selector was written: file, pointer and line:column for the error.
    pub origin: Diagnostic,
}

impl Selector {
    /// A selector and where it came from (its `message` is replaced when it is reported).
    pub fn new(
        pattern: impl Into<String>,
        file: impl Into<PathBuf>,
        pointer: String,
        line_col: Option<(u64, u64)>,
    ) -> Self {
        let origin = Diagnostic { file: file.into(), pointer, line_col, message: String::new() };
        Selector { pattern: pattern.into(), origin }
    }

    /// Whether the selector matches an operation, as the spec writes it.
    pub fn matches(&self, op: &RawOperation<'_>) -> bool {
        if let Some(tag) = self.pattern.strip_prefix("tag:") {
            return op.tags.iter().any(|t| glob(tag, t));
        }
        if let Some((method, path)) = self.pattern.split_once(' ')
            && path.starts_with('/')
        {
            return (method == "*" || glob(&method.to_ascii_lowercase(), op.method)) && glob(path.trim(), op.path);
        }
        op.id.is_some_and(|id| glob(&self.pattern, id))
    }
}

/// What a selector sees of an operation: the spec's own spelling of each part.
#[derive(Debug, Clone, Copy)]
pub struct RawOperation<'a> {
    /// The operationId, when the spec gives one.
    pub id: Option<&'a str>,
    /// Lower-case, as a path item's key.
    pub method: &'a str,
    pub path: &'a str,
    pub tags: &'a [String],
}

/// Tracks which selectors matched, to report the ones that matched nothing.
pub(super) struct Selecting<'a> {
    selection: &'a Selection,
    included: Vec<bool>,
    excluded: Vec<bool>,
    /// Every operationId seen, for "did you mean".
    ids: Vec<String>,
}

impl<'a> Selecting<'a> {
    pub(super) fn new(selection: &'a Selection) -> Self {
        Selecting {
            selection,
            included: vec![false; selection.include.len()],
            excluded: vec![false; selection.exclude.len()],
            ids: Vec::new(),
        }
    }

    /// Whether to build the operation.
    pub(super) fn keeps(&mut self, op: &RawOperation<'_>) -> bool {
        self.ids.extend(op.id.map(str::to_owned));
        let mark = |selectors: &[Selector], seen: &mut [bool]| {
            let mut any = false;
            for (s, seen) in selectors.iter().zip(seen) {
                if s.matches(op) {
                    *seen = true;
                    any = true;
                }
            }
            any
        };
        let included = self.selection.include.is_empty() || mark(&self.selection.include, &mut self.included);
        let excluded = mark(&self.selection.exclude, &mut self.excluded);
        included && !excluded
    }

    /// One error per selector that matched no operation.
    pub(super) fn unmatched(&self) -> Vec<Diagnostic> {
        let sel = self.selection;
        let include = sel.include.iter().zip(&self.included);
        let exclude = sel.exclude.iter().zip(&self.excluded);
        include
            .chain(exclude)
            .filter(|(_, seen)| !**seen)
            .map(|(s, _)| Diagnostic {
                message: format!("the selector `{}` matches no operation of the spec{}", s.pattern, self.hint(s)),
                ..s.origin.clone()
            })
            .collect()
    }

    /// "; did you mean `x`?" for an operationId selector one or two edits from a real id.
    fn hint(&self, s: &Selector) -> String {
        let p = &s.pattern;
        if p.contains(['*', '?', ' ', ':']) {
            return String::new();
        }
        let best = self.ids.iter().map(|id| (strsim::damerau_levenshtein(p, id), id)).min();
        match best {
            Some((d, id)) if d <= (p.len() / 4).max(2) => format!("; did you mean `{id}`?"),
            _ => String::new(),
        }
    }
}

/// Keeps the types the operations reach (through parameters, bodies and responses, then
/// fields, items, variants and aliases), in their order. `types` are sorted by name.
pub(super) fn prune(types: Vec<TypeDef>, operations: &[Operation]) -> Vec<TypeDef> {
    let reached = reach(&types, operations.iter().flat_map(Operation::exprs));
    types.into_iter().zip(reached).filter_map(|(t, r)| r.then_some(t)).collect()
}

/// Shell-style matching: `*` is any run of characters, `?` one character.
pub fn glob(pattern: &str, text: &str) -> bool {
    let (p, t): (Vec<char>, Vec<char>) = (pattern.chars().collect(), text.chars().collect());
    // The classic two-pointer match with one backtrack point: linear in practice.
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        match p.get(pi) {
            Some('*') => {
                star = Some((pi, ti));
                pi += 1;
            }
            Some(&c) if c == '?' || c == t[ti] => {
                pi += 1;
                ti += 1;
            }
            _ => match star {
                Some((sp, st)) => {
                    pi = sp + 1;
                    ti = st + 1;
                    star = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_match_runs_and_single_characters() {
        assert!(glob("core_*", "core_users_list"));
        assert!(glob("*_list", "core_users_list"));
        assert!(glob("core_users_???", "core_users_get"));
        assert!(!glob("core_users_???", "core_users_list"));
        assert!(glob("/core/*/", "/core/users/{id}/"));
        assert!(glob("a*b*c", "aXXbYYc"));
        assert!(!glob("a*b*c", "aXXbYY"));
        assert!(glob("*", ""));
        assert!(!glob("", "x"));
    }

    #[test]
    fn selectors_read_tags_routes_and_ids() {
        let tags = vec!["core".to_owned(), "admin".to_owned()];
        let op = RawOperation { id: Some("core_users_list"), method: "get", path: "/core/users/", tags: &tags };
        let s = |p: &str| Selector::new(p, "akgen.toml", String::new(), None);
        assert!(s("tag:admin").matches(&op));
        assert!(!s("tag:crypto").matches(&op));
        assert!(s("GET /core/users/").matches(&op));
        assert!(s("* /core/*").matches(&op));
        assert!(!s("POST /core/users/").matches(&op));
        assert!(s("core_users_*").matches(&op));
        assert!(!s("core_users").matches(&op));
        let anonymous = RawOperation { id: None, ..op };
        assert!(!s("*").matches(&anonymous), "an id selector needs an operationId");
        assert!(s("get /core/users/").matches(&anonymous));
    }
}
