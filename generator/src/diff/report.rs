//! The diff's reports: text for a terminal, JSON for tools (with a published schema),
//! Markdown for a release note or a pull-request comment, and GitHub Actions workflow
//! commands that annotate the new spec's lines.

use super::Change;
use super::rules::{Area, Bump, Direction, Level};
use crate::ir::Api;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// What a report says besides the changes themselves.
pub struct Context<'a> {
    /// The two specs as the user named them (a path, or `REV:path`).
    pub old_name: &'a str,
    pub new_name: &'a str,
    /// Their texts, to give locations line numbers.
    pub old_text: &'a str,
    pub new_text: &'a str,
    /// `info.version` of each.
    pub old_version: &'a str,
    pub new_version: &'a str,
    /// operationId → `METHOD /path`, from both sides.
    pub routes: BTreeMap<String, String>,
    /// Changes an ignore file silenced.
    pub ignored: usize,
    /// The crate's current version (`--current-version`), for the next one.
    pub current_version: Option<&'a str>,
    /// The bump of the whole diff, when the changes reported are a part of it (`--scope`,
    /// an ignore file): the regenerated crate needs it all the same.
    pub bump: Option<Bump>,
}

impl<'a> Context<'a> {
    /// The context of a diff of `old` and `new`, read from those texts.
    pub fn new(old: (&'a str, &'a str, &'a Api), new: (&'a str, &'a str, &'a Api)) -> Context<'a> {
        let mut routes = BTreeMap::new();
        for api in [old.2, new.2] {
            for op in &api.operations {
                routes.insert(op.id.clone(), format!("{} {}", op.method, op.path));
            }
        }
        Context {
            old_name: old.0,
            new_name: new.0,
            old_text: old.1,
            new_text: new.1,
            old_version: &old.2.version,
            new_version: &new.2.version,
            routes,
            ignored: 0,
            current_version: None,
            bump: None,
        }
    }
}

/// The whole report as JSON: what `--format json` prints and `--json-schema` describes.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
pub struct JsonReport {
    pub summary: Summary,
    pub changes: Vec<JsonChange>,
}

/// Counts per level and the version the regenerated crate needs.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
pub struct Summary {
    #[serde(rename = "ERR")]
    pub err: usize,
    #[serde(rename = "WARN")]
    pub warn: usize,
    #[serde(rename = "INFO")]
    pub info: usize,
    /// Changes an ignore file silenced (not counted above).
    pub ignored: usize,
    /// The semver bump of the generated crate.
    pub bump: Bump,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_version: Option<String>,
    /// `current_version` bumped; present with it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_version: Option<String>,
}

/// Which spec a location points into.
#[derive(Debug, Serialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
pub enum Side {
    Old,
    New,
}

/// One change in a JSON report.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
pub struct JsonChange {
    /// The rule's stable id.
    pub id: &'static str,
    pub level: Level,
    pub area: Area,
    pub direction: Direction,
    /// The bump this change alone needs.
    pub bump: Bump,
    /// JSON pointer into the spec `spec` names.
    pub location: String,
    pub spec: Side,
    /// 1-based line and column of `location`, where the text has it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operation: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub property: Option<String>,
    pub detail: String,
}

fn count(changes: &[Change], level: Level) -> usize {
    changes.iter().filter(|c| c.level == level).count()
}

fn summary(changes: &[Change], cx: &Context) -> Summary {
    let bump = cx.bump.unwrap_or_else(|| super::bump(changes));
    Summary {
        err: count(changes, Level::Err),
        warn: count(changes, Level::Warn),
        info: count(changes, Level::Info),
        ignored: cx.ignored,
        bump,
        current_version: cx.current_version.map(str::to_owned),
        next_version: cx.current_version.and_then(|v| super::next_version(v, bump)),
    }
}

/// `(line, column)` of each change's location in the spec it points into.
fn places(changes: &[Change], cx: &Context) -> Vec<Option<(u64, u64)>> {
    let mut out = vec![None; changes.len()];
    for (old, text) in [(true, cx.old_text), (false, cx.new_text)] {
        let picked: Vec<usize> = (0..changes.len()).filter(|&i| changes[i].in_old == old).collect();
        let pointers: Vec<&str> = picked.iter().map(|&i| changes[i].location.as_str()).collect();
        for (i, place) in picked.into_iter().zip(crate::load::locate::locate_all(text, &pointers)) {
            out[i] = place;
        }
    }
    out
}

/// The JSON report.
pub fn json(changes: &[Change], cx: &Context) -> JsonReport {
    let places = places(changes, cx);
    let changes_json = changes
        .iter()
        .zip(places)
        .map(|(c, place)| JsonChange {
            id: c.rule.id,
            level: c.level,
            area: c.rule.area,
            direction: c.rule.direction,
            bump: c.rule.bump,
            location: c.location.clone(),
            spec: if c.in_old { Side::Old } else { Side::New },
            line: place.map(|p| p.0),
            column: place.map(|p| p.1),
            operation: c.operation.clone(),
            schema: c.schema.clone(),
            property: c.property.clone(),
            detail: c.detail.clone(),
        })
        .collect();
    JsonReport { summary: summary(changes, cx), changes: changes_json }
}

/// The bump, and the next version when the current one is known.
fn bump_line(s: &Summary) -> String {
    match (&s.current_version, &s.next_version) {
        (Some(current), Some(next)) => format!("{} ({current} -> {next})", s.bump.as_str()),
        (Some(current), None) => format!("{} ({current} is not a semver version)", s.bump.as_str()),
        _ => s.bump.as_str().to_owned(),
    }
}

/// One line per change, then the summary.
pub fn text(changes: &[Change], cx: &Context) -> String {
    let mut out = String::new();
    for c in changes {
        let detail = if c.detail.is_empty() { String::new() } else { format!(": {}", c.detail) };
        let _ = writeln!(out, "{:<4} {} {} {}{detail}", c.level.as_str(), c.rule.id, c.subject(), c.location);
    }
    let s = summary(changes, cx);
    let _ = writeln!(
        out,
        "{} changes: {} ERR, {} WARN, {} INFO{}; the generated crate needs a {} bump",
        changes.len(),
        s.err,
        s.warn,
        s.info,
        if s.ignored > 0 { format!(" ({} ignored)", s.ignored) } else { String::new() },
        bump_line(&s),
    );
    out
}

/// Text made safe inside Markdown: characters that would start markup are escaped.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        if matches!(ch, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '#' | '|' | '~' | '!') {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// Text as a Markdown code span, with a fence longer than any backtick run inside.
fn code(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') { " " } else { "" };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// Where a change belongs in the Markdown report: an endpoint, a schema, or elsewhere.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Group {
    Endpoint(String),
    Schema(String),
    Other,
}

fn group(c: &Change, cx: &Context) -> Group {
    if let Some(op) = &c.operation {
        let route = cx.routes.get(op).cloned().unwrap_or_default();
        // By path, then method, so an endpoint's operations sit together.
        let (method, path) = route.split_once(' ').unwrap_or(("", &route));
        return Group::Endpoint(format!("{path} {method} {op}"));
    }
    match &c.schema {
        Some(s) => Group::Schema(s.clone()),
        None => Group::Other,
    }
}

fn heading(g: &Group, cx: &Context) -> String {
    match g {
        Group::Endpoint(key) => {
            let op = key.rsplit(' ').next().unwrap_or_default();
            match cx.routes.get(op) {
                Some(route) => format!("{} ({})", code(route), code(op)),
                None => code(op),
            }
        }
        Group::Schema(s) => format!("Schema {}", code(s)),
        Group::Other => "Other".into(),
    }
}

fn item(c: &Change) -> String {
    let mark = match c.level {
        Level::Err => "**ERR**",
        Level::Warn => "**WARN**",
        Level::Info => "INFO",
    };
    let mut line = format!("- {mark} {}", code(c.rule.id));
    if let Some(p) = &c.property {
        let _ = write!(line, " {}", code(p));
    }
    if !c.detail.is_empty() {
        let _ = write!(line, ": {}", md(&c.detail));
    }
    line
}

/// GitHub's limit on a pull-request comment or a release body: 65,536 characters. Bytes are
/// never fewer than characters, so a report this many bytes long always fits.
pub const GITHUB_COMMENT_LIMIT: usize = 65_536;

/// How much of the report is listed item by item; each step lists less, from the safest
/// changes up, so the breaking ones are the last to be cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Detail {
    /// Everything.
    Full,
    /// The Rust API as counts per rule.
    RustCounts,
    /// Also the INFO changes as counts per rule.
    InfoCounts,
    /// Also the WARN changes.
    WarnCounts,
    /// Also the breaking changes cut after this many items.
    ErrFirst(usize),
}

/// A Markdown report: the wire changes by level (breaking first), each level's grouped by
/// endpoint then by schema; then the generated crate's API changes, folded.
///
/// With `max_bytes`, a report that would be longer lists less (the Rust API, then the
/// safe changes, then the WARN ones as counts per rule, and at last only the first
/// breaking changes), saying so at the top, so it fits a GitHub comment or release body.
pub fn markdown(changes: &[Change], cx: &Context, max_bytes: Option<usize>) -> String {
    let full = render_markdown(changes, cx, Detail::Full);
    let Some(max) = max_bytes else { return full };
    if full.len() <= max {
        return full;
    }
    for detail in [Detail::RustCounts, Detail::InfoCounts, Detail::WarnCounts] {
        let out = render_markdown(changes, cx, detail);
        if out.len() <= max {
            return out;
        }
    }
    // The most breaking changes that fit, found by bisection (the length grows with them).
    let errs = changes.iter().filter(|c| c.rule.area != Area::Rust && c.level == Level::Err).count();
    let (mut lo, mut hi) = (0, errs);
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if render_markdown(changes, cx, Detail::ErrFirst(mid)).len() <= max { lo = mid } else { hi = mid - 1 }
    }
    render_markdown(changes, cx, Detail::ErrFirst(lo))
}

fn render_markdown(changes: &[Change], cx: &Context, detail: Detail) -> String {
    let s = summary(changes, cx);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "## API changes: {} → {}\n",
        md(&format!("{} ({})", cx.old_name, cx.old_version)),
        md(&format!("{} ({})", cx.new_name, cx.new_version))
    );
    let _ = writeln!(
        out,
        "**{} changes:** {} ERR (breaking), {} WARN, {} INFO{}. The generated crate needs a **{}** bump.\n",
        changes.len(),
        s.err,
        s.warn,
        s.info,
        if s.ignored > 0 { format!(", {} ignored", s.ignored) } else { String::new() },
        md(&bump_line(&s)),
    );
    if detail != Detail::Full {
        let what = match detail {
            Detail::Full => unreachable!(),
            Detail::RustCounts => "the Rust API changes are counted per rule",
            Detail::InfoCounts => "the Rust API and the safe changes are counted per rule",
            Detail::WarnCounts => "only the breaking changes are listed; the others are counted per rule",
            Detail::ErrFirst(n) => {
                &format!("only the first {n} breaking changes are listed; the others are counted per rule")
            }
        };
        let _ = writeln!(
            out,
            "> Shortened to fit a GitHub comment: {what}. `akgen diff --format json` lists every change.\n"
        );
    }
    let (rust, wire): (Vec<&Change>, Vec<&Change>) = changes.iter().partition(|c| c.rule.area == Area::Rust);
    for (level, title) in [
        (Level::Err, "Breaking changes (ERR)"),
        (Level::Warn, "May break some clients (WARN)"),
        (Level::Info, "Safe changes (INFO)"),
    ] {
        let mut mine: Vec<&Change> = wire.iter().copied().filter(|c| c.level == level).collect();
        if mine.is_empty() {
            continue;
        }
        let _ = writeln!(out, "### {title}\n");
        let counted = match level {
            Level::Info => detail >= Detail::InfoCounts,
            Level::Warn => detail >= Detail::WarnCounts,
            Level::Err => false,
        };
        if counted {
            counts_per_rule(&mut out, &mine);
            continue;
        }
        let mut rest = Vec::new();
        if let (Level::Err, Detail::ErrFirst(n)) = (level, detail) {
            rest = mine.split_off(n.min(mine.len()));
        }
        let mut groups: BTreeMap<Group, Vec<&Change>> = BTreeMap::new();
        for c in mine.iter().copied() {
            groups.entry(group(c, cx)).or_default().push(c);
        }
        // Safe changes can be many; they are folded so the breaking ones stay in view.
        let fold = level == Level::Info;
        if fold {
            let _ = writeln!(out, "<details><summary>{} safe changes</summary>\n", mine.len());
        }
        for (g, items) in groups {
            let _ = writeln!(out, "#### {}\n", heading(&g, cx));
            for c in items {
                let _ = writeln!(out, "{}", item(c));
            }
            out.push('\n');
        }
        if fold {
            out.push_str("</details>\n\n");
        }
        if !rest.is_empty() {
            let _ = writeln!(out, "#### {} more breaking changes\n", rest.len());
            counts_per_rule(&mut out, &rest);
        }
    }
    if !rust.is_empty() {
        let _ = writeln!(out, "### Generated Rust API (semver: {})\n", s.bump.as_str());
        if detail >= Detail::RustCounts {
            counts_per_rule(&mut out, &rust);
            return out;
        }
        let mut by_rule: BTreeMap<(std::cmp::Reverse<Level>, &str), Vec<&Change>> = BTreeMap::new();
        for c in rust {
            by_rule.entry((std::cmp::Reverse(c.level), c.rule.id)).or_default().push(c);
        }
        for ((level, id), items) in by_rule {
            let _ = writeln!(out, "<details><summary>{} {} ({})</summary>\n", level.0.as_str(), id, items.len());
            for c in items {
                let _ = writeln!(out, "- {}", md(&c.detail));
            }
            out.push_str("\n</details>\n\n");
        }
    }
    out
}

/// One line per rule: its level, its id and how many of `changes` name it.
fn counts_per_rule(out: &mut String, changes: &[&Change]) {
    let mut by_rule: BTreeMap<(std::cmp::Reverse<Level>, &str), usize> = BTreeMap::new();
    for c in changes {
        *by_rule.entry((std::cmp::Reverse(c.level), c.rule.id)).or_default() += 1;
    }
    for ((level, id), n) in by_rule {
        let _ = writeln!(out, "- {} {}: {n}", level.0.as_str(), code(id));
    }
    out.push('\n');
}

/// Escapes a workflow command's message (`%`, CR, LF) or, with `property`, a property
/// value (also `:` and `,`), as GitHub Actions reads them.
fn escape(text: &str, property: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' if property => out.push_str("%3A"),
            ',' if property => out.push_str("%2C"),
            _ => out.push(ch),
        }
    }
    out
}

/// GitHub Actions annotations, one per change, on the new spec's lines: a removed thing is
/// placed at its nearest surviving parent (the path of a removed operation, the schema of
/// a removed property).
pub fn github(changes: &[Change], cx: &Context) -> String {
    // Each change's location, then its parents, looked up in the new text in one pass.
    let mut candidates: Vec<Vec<String>> = Vec::with_capacity(changes.len());
    for c in changes {
        let mut chain = vec![c.location.clone()];
        let mut p = c.location.as_str();
        while let Some(i) = p.rfind('/') {
            p = &p[..i];
            chain.push(p.to_owned());
        }
        candidates.push(chain);
    }
    let all: Vec<&str> = candidates.iter().flatten().map(String::as_str).collect();
    let found = crate::load::locate::locate_all(cx.new_text, &all);
    let mut out = String::new();
    let mut k = 0;
    for (c, chain) in changes.iter().zip(&candidates) {
        let place = found[k..k + chain.len()].iter().flatten().next().copied().unwrap_or((1, 1));
        k += chain.len();
        let command = match c.level {
            Level::Err => "error",
            Level::Warn => "warning",
            Level::Info => "notice",
        };
        let subject = c.subject();
        let mut message = if subject.is_empty() { c.rule.id.to_owned() } else { subject };
        if !c.detail.is_empty() {
            let _ = write!(message, ": {}", c.detail);
        }
        let _ = write!(message, " ({} in {})", c.location, if c.in_old { cx.old_name } else { cx.new_name });
        let _ = writeln!(
            out,
            "::{command} file={},line={},col={},title={}::{}",
            escape(cx.new_name, true),
            place.0,
            place.1,
            escape(c.rule.id, true),
            escape(&message, false)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escapes_and_code_spans_hold_any_text() {
        assert_eq!(md("a_b *c* <d> `e` -> f"), r"a\_b \*c\* \<d> \`e\` -> f");
        assert_eq!(code("plain"), "`plain`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`x"), "`` `x ``");
    }

    #[test]
    fn workflow_commands_escape_as_github_documents() {
        assert_eq!(escape("50% a\nb", false), "50%25 a%0Ab");
        assert_eq!(escape("a:b,c", true), "a%3Ab%2Cc");
        assert_eq!(escape("a:b,c", false), "a:b,c");
    }
}
