//! `akgen diff`: what changed between two versions of a spec, how much each change can hurt
//! existing callers, and the version the regenerated crate needs.
//!
//! Works on two IRs, so it sees the spec the way the generated crate does (resolved refs,
//! flattened `allOf`, Rust names). Two passes: [`wire`] compares what goes over HTTP, judged
//! by direction (a constraint tightened on what clients send breaks them, on what the server
//! returns it does not); [`rust_api`] compares the generated crate's public items by Rust's
//! semver rules. Every change names a rule of the [`rules`] catalog; [`policy`] applies a
//! user's level overrides and ignore list; [`report`] writes text, JSON, Markdown and GitHub
//! annotations.

pub mod policy;
pub mod report;
pub mod rules;
mod rust_api;
mod wire;

use crate::ir::Api;
use rules::{Bump, Level, Rule};

/// One difference between two specs.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub rule: &'static Rule,
    /// The rule's level, unless the change was downgraded (a read-only property in a
    /// request) or a levels file overrode it.
    pub level: Level,
    /// JSON pointer into the new spec, or into the old one when [`Change::in_old`].
    pub location: String,
    /// The location is in the old spec: the thing was removed.
    pub in_old: bool,
    pub operation: Option<String>,
    pub schema: Option<String>,
    pub property: Option<String>,
    /// A short human explanation (`maxLength 150 -> 100`).
    pub detail: String,
}

impl Change {
    fn new(rule: &'static Rule, location: impl Into<String>, detail: impl Into<String>) -> Self {
        Change {
            rule,
            level: rule.level,
            location: location.into(),
            in_old: false,
            operation: None,
            schema: None,
            property: None,
            detail: detail.into(),
        }
    }
    /// The location is in the old spec.
    fn old(mut self) -> Self {
        self.in_old = true;
        self
    }
    fn op(mut self, id: &str) -> Self {
        self.operation = Some(id.to_owned());
        self
    }
    fn schema(mut self, name: &str) -> Self {
        self.schema = Some(name.to_owned());
        self
    }
    fn property(mut self, name: &str) -> Self {
        self.property = Some(name.to_owned());
        self
    }
    /// Lowers the level, saying why in the detail.
    fn downgrade(mut self, to: Level, why: &str) -> Self {
        if to < self.level {
            self.level = to;
            self.detail = if self.detail.is_empty() { why.to_owned() } else { format!("{}; {why}", self.detail) };
        }
        self
    }

    /// `operation.schema.property`, the parts that apply.
    pub fn subject(&self) -> String {
        [&self.operation, &self.schema, &self.property]
            .iter()
            .filter_map(|s| s.as_deref())
            .collect::<Vec<_>>()
            .join(".")
    }

    fn sort_key(&self) -> impl Ord + '_ {
        (std::cmp::Reverse(self.level), self.rule.id, &self.location, &self.property, &self.detail)
    }
}

/// All changes from `old` to `new`: the wire's, then the Rust API's, sorted (highest level
/// first, then by rule and location).
pub fn diff(old: &Api, new: &Api) -> Vec<Change> {
    let mut changes = Vec::new();
    wire::compare(old, new, &mut changes);
    rust_api::compare(old, new, &mut changes);
    changes.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    changes.dedup();
    changes
}

/// The bump the regenerated crate needs for these changes: the largest of their rules',
/// `none` when there are none. Ignored changes (see [`policy`]) should be left out first.
pub fn bump(changes: &[Change]) -> Bump {
    changes.iter().map(|c| c.rule.bump).max().unwrap_or(Bump::None)
}

/// The version after `current` for `bump`, by cargo's rules: before 1.0.0 the leftmost
/// non-zero part is the major one (`0.3.1` + major = `0.4.0`, + minor = `0.3.2`).
/// Pre-release and build parts are dropped. `None` when `current` is not `X.Y.Z`.
pub fn next_version(current: &str, bump: Bump) -> Option<String> {
    let core = current.split(['-', '+']).next()?;
    let parts: Vec<u64> = core.split('.').map(|p| p.parse().ok()).collect::<Option<_>>()?;
    let [major, minor, patch] = parts[..] else { return None };
    let released = !current.contains('-');
    let (major, minor, patch) = match (bump, major, minor) {
        (Bump::None, ..) => return Some(current.to_owned()),
        // A pre-release is followed by its release, which may break it.
        _ if !released => (major, minor, patch),
        (Bump::Patch, ..) => (major, minor, patch + 1),
        (Bump::Minor, 0, _) => (0, minor, patch + 1),
        (Bump::Minor, ..) => (major, minor + 1, 0),
        (Bump::Major, 0, 0) => (0, 0, patch + 1),
        (Bump::Major, 0, _) => (0, minor + 1, 0),
        (Bump::Major, ..) => (major + 1, 0, 0),
    };
    Some(format!("{major}.{minor}.{patch}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_versions_follow_cargos_rules() {
        // Cargo's caret rules: `^0.3.1` accepts 0.3.x, `^0.0.3` only 0.0.3, `^1.2.3` 1.x.
        for (current, bump, next) in [
            ("1.2.3", Bump::Major, "2.0.0"),
            ("1.2.3", Bump::Minor, "1.3.0"),
            ("1.2.3", Bump::Patch, "1.2.4"),
            ("1.2.3", Bump::None, "1.2.3"),
            ("0.3.1", Bump::Major, "0.4.0"),
            ("0.3.1", Bump::Minor, "0.3.2"),
            ("0.3.1", Bump::Patch, "0.3.2"),
            ("0.0.3", Bump::Major, "0.0.4"),
            ("0.0.3", Bump::Minor, "0.0.4"),
            ("2026.5.6", Bump::Minor, "2026.6.0"),
            ("2.0.0-rc.1", Bump::Patch, "2.0.0"),
            ("2.0.0-rc.1", Bump::Major, "2.0.0"),
            ("1.2.3+build.5", Bump::Major, "2.0.0"),
        ] {
            assert_eq!(next_version(current, bump).as_deref(), Some(next), "{current} {bump:?}");
        }
        assert_eq!(next_version("1.2", Bump::Major), None);
        assert_eq!(next_version("v1.2.3", Bump::Major), None);
    }
}
