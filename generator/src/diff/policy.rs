//! A team's own judgement over the catalog's: a levels file changes the level of rules, an
//! ignore file silences known changes, so that `--fail-on` fails on what the team cares
//! about and nothing it already accepted.
//!
//! Both are plain text, one entry per line, `#` starting a comment:
//! - levels: `RULE LEVEL`, where `RULE` is a rule id or a glob of ids (`rust-*`) and `LEVEL`
//!   is `ERR`, `WARN` or `INFO`; a later line wins over an earlier one;
//! - ignore: `RULE LOCATION`, the rule id and the JSON pointer a report prints for the
//!   change (`LOCATION` may be a glob too).

use super::Change;
use super::rules::{self, Level};
use crate::error::{Diagnostic, Error};
use crate::ir::select::glob;
use std::path::Path;

/// Level overrides read from a levels file.
#[derive(Debug, Default)]
pub struct Levels {
    overrides: Vec<(String, Level)>,
}

/// Changes to silence, read from an ignore file.
#[derive(Debug, Default)]
pub struct Ignore {
    entries: Vec<IgnoreEntry>,
}

#[derive(Debug)]
struct IgnoreEntry {
    rule: String,
    location: String,
    line: u64,
}

/// The lines of a policy file that hold an entry: (1-based line, column of the first
/// word, the words).
fn entries(text: &str) -> impl Iterator<Item = (u64, u64, Vec<&str>)> {
    text.lines().enumerate().filter_map(|(i, line)| {
        let content = line.split('#').next().unwrap_or("");
        let words: Vec<&str> = content.split_whitespace().collect();
        let column = content.len() - content.trim_start().len() + 1;
        (!words.is_empty()).then_some((i as u64 + 1, column as u64, words))
    })
}

fn problem(path: &Path, line: u64, column: u64, message: String) -> Diagnostic {
    Diagnostic { file: path.to_owned(), pointer: String::new(), line_col: Some((line, column)), message }
}

/// A rule id or glob that names no rule of the catalog is a typo: said so, with the nearest.
fn check_rule(pattern: &str) -> Result<(), String> {
    if rules::RULES.iter().any(|r| glob(pattern, r.id)) {
        return Ok(());
    }
    let nearest = rules::RULES.iter().map(|r| (strsim::levenshtein(pattern, r.id), r.id)).min().map(|(_, id)| id);
    Err(match nearest {
        Some(id) => format!("`{pattern}` names no diff rule; did you mean `{id}`?"),
        None => format!("`{pattern}` names no diff rule"),
    })
}

/// A policy file's `RULE SECOND` entries as (line, rule, what `second` makes of the second
/// word). The rule is checked against the catalog; every bad line is reported, located,
/// and none is used unless all are good.
fn rule_entries<T>(
    path: &Path,
    text: &str,
    shape: &str,
    mut second: impl FnMut(&str) -> Result<T, String>,
) -> Result<Vec<(u64, String, T)>, Error> {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (line, column, words) in entries(text) {
        let [rule, word] = words[..] else {
            problems.push(problem(path, line, column, format!("expected `{shape}`")));
            continue;
        };
        match check_rule(rule).and_then(|()| second(word)) {
            Ok(value) => out.push((line, rule.to_owned(), value)),
            Err(message) => problems.push(problem(path, line, column, message)),
        }
    }
    if problems.is_empty() { Ok(out) } else { Err(Error::Config(problems)) }
}

fn read(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|e| Error::io(path, e))
}

impl Levels {
    /// Reads a levels file; every bad line is reported, located.
    pub fn read(path: &Path) -> Result<Levels, Error> {
        Levels::parse(path, &read(path)?)
    }

    /// Parses a levels file's text; `path` names it in errors.
    pub fn parse(path: &Path, text: &str) -> Result<Levels, Error> {
        let level = |word: &str| Level::parse(word).ok_or_else(|| format!("`{word}` is not ERR, WARN or INFO"));
        let entries = rule_entries(path, text, "RULE LEVEL", level)?;
        Ok(Levels { overrides: entries.into_iter().map(|(_, rule, level)| (rule, level)).collect() })
    }

    /// Sets each change's level to the last override whose pattern matches its rule.
    pub fn apply(&self, changes: &mut [Change]) {
        for c in changes {
            if let Some((_, level)) = self.overrides.iter().rev().find(|(p, _)| glob(p, c.rule.id)) {
                c.level = *level;
            }
        }
    }
}

impl Ignore {
    /// Reads an ignore file; every bad line is reported, located.
    pub fn read(path: &Path) -> Result<Ignore, Error> {
        Ignore::parse(path, &read(path)?)
    }

    /// Parses an ignore file's text; `path` names it in errors.
    pub fn parse(path: &Path, text: &str) -> Result<Ignore, Error> {
        let entries = rule_entries(path, text, "RULE LOCATION", |word| Ok(word.to_owned()))?;
        let entries = entries.into_iter().map(|(line, rule, location)| IgnoreEntry { rule, location, line });
        Ok(Ignore { entries: entries.collect() })
    }

    /// Removes the changes an entry names; returns how many were removed and the lines of
    /// the entries that named none (stale entries, worth deleting).
    pub fn apply(&self, changes: &mut Vec<Change>) -> (usize, Vec<u64>) {
        let mut used = vec![false; self.entries.len()];
        let before = changes.len();
        changes.retain(|c| {
            let mut keep = true;
            for (i, e) in self.entries.iter().enumerate() {
                if glob(&e.rule, c.rule.id) && glob(&e.location, &c.location) {
                    used[i] = true;
                    keep = false;
                }
            }
            keep
        });
        let stale = self.entries.iter().zip(used).filter(|(_, used)| !used).map(|(e, _)| e.line).collect();
        (before - changes.len(), stale)
    }
}
