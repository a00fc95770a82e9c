//! `cargo xtask semver [--install]`: cargo-semver-checks as an independent oracle for
//! `akgen diff`'s Rust pass, on consecutive authentik versions.
//!
//! For each pair, both crates are generated with the same config (the client of the `core`,
//! `flows` and `rbac` tags, so rustdoc stays quick), cargo-semver-checks compares them, and
//! every item it reports under a major lint must be one akgen reports at ERR, with the bump
//! `major`. The figures go to SEMVER.md. Outside CI: the three pairs build rustdoc JSON six
//! times, which takes longer than a test should.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The pinned cargo-semver-checks (`--install` puts it under `target/semver-tools`).
const TOOL_VERSION: &str = "0.51.0";
const PAIRS: [(&str, &str); 3] = [("2025.12.6", "2026.2.6"), ("2026.2.6", "2026.5.6"), ("2026.5.6", "2026.11.0-rc1")];
const TAGS: [&str; 3] = ["core", "flows", "rbac"];

fn tool(install: bool) -> Result<PathBuf, String> {
    if let Some(p) = std::env::var_os("CARGO_SEMVER_CHECKS") {
        return Ok(PathBuf::from(p));
    }
    let root = crate::repo().join("target/semver-tools");
    let local = root.join("bin/cargo-semver-checks");
    if local.is_file() {
        return Ok(local);
    }
    if !install {
        return Err(format!("cargo-semver-checks not found; `cargo xtask semver --install` installs {TOOL_VERSION}"));
    }
    let status = Command::new(crate::cargo())
        .args(["install", "--locked", "cargo-semver-checks", "--version", TOOL_VERSION, "--root"])
        .arg(&root)
        .status()
        .map_err(|e| e.to_string())?;
    if !status.success() {
        return Err("installing cargo-semver-checks failed".into());
    }
    Ok(local)
}

/// Writes the config of one side and generates its crate; returns the crate's directory.
fn side(dir: &Path, version: &str) -> Result<(akgen::ir::Api, PathBuf), String> {
    let spec = crate::repo().join(format!("../shared/specs/authentik/schema-{version}.yml"));
    let spec = std::fs::canonicalize(&spec).map_err(|e| format!("{}: {e}", spec.display()))?;
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    let include: Vec<String> = TAGS.iter().map(|t| format!("\"tag:{t}\"")).collect();
    let config = format!(
        "spec = {:?}\nsides = [\"client\"]\n\n[crate]\nname = \"authentik-subset\"\nversion = \"1.0.0\"\n\n[select]\ninclude = [{}]\n",
        spec.to_string_lossy(),
        include.join(", ")
    );
    let path = dir.join("akgen.toml");
    std::fs::write(&path, config).map_err(|e| e.to_string())?;
    let generator = akgen::Generator::new().config(&path).map_err(|e| e.to_string())?;
    let out = dir.join("crate");
    let (rendered, _) = generator.write_crate(&out, true).map_err(|e| e.to_string())?;
    let manifest = out.join("Cargo.toml");
    let text = std::fs::read_to_string(&manifest).map_err(|e| e.to_string())?;
    if !text.contains("\n[workspace]") {
        std::fs::write(&manifest, format!("{text}\n[workspace]\n")).map_err(|e| e.to_string())?;
    }
    Ok((rendered.api, out))
}

/// One item cargo-semver-checks reports, under the lint that found it.
struct Finding {
    lint: String,
    major: bool,
    line: String,
}

/// Reads cargo-semver-checks' verbose human output: the lints that failed and their levels
/// (`FAIL … major lint_name`), then each failure's `Failed in:` lines.
fn findings(output: &str) -> Vec<Finding> {
    let mut majors = std::collections::BTreeMap::new();
    for line in output.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if let Some(i) = words.iter().position(|w| *w == "FAIL") {
            // `FAIL [   0.004s]   major   enum_variant_added`
            let rest: Vec<&&str> = words[i + 1..].iter().filter(|w| !w.starts_with('[') && !w.ends_with(']')).collect();
            if let [level, lint, ..] = rest[..] {
                majors.insert(lint.to_string(), *level == "major");
            }
        }
    }
    let mut out = Vec::new();
    let mut lint = None;
    let mut listing = false;
    for line in output.lines() {
        if let Some(rest) = line.strip_prefix("--- failure ") {
            lint = rest.split(':').next().map(str::to_owned);
            listing = false;
        } else if line.trim() == "Failed in:" {
            listing = true;
        } else if listing && line.trim().is_empty() {
            listing = false;
        } else if listing && let Some(lint) = &lint {
            let major = majors.get(lint).copied().unwrap_or(true);
            out.push(Finding { lint: lint.clone(), major, line: line.trim().to_owned() });
        }
    }
    out
}

/// The Rust path a finding names, as its last two segments joined by `::` (`Token::note`
/// for `field Token.note in …`), or the last one for a top-level item.
fn key(finding: &str) -> Option<String> {
    let head = finding.split(" in ").next().unwrap_or(finding);
    let head = head.split(", previously").next().unwrap_or(head);
    // `field F of struct S`
    if let ["field", field, "of", _, owner] = head.split_whitespace().collect::<Vec<_>>()[..] {
        let owner = owner.rsplit("::").next().unwrap_or(owner);
        return Some(format!("{owner}::{field}"));
    }
    let path = head
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_'))
        .max_by_key(|w| w.matches([':', '.']).count())?;
    let segments: Vec<&str> =
        path.split([':', '.']).filter(|s| !s.is_empty()).map(|s| s.trim_end_matches(['(', ')', ','])).collect();
    match segments.as_slice() {
        [] => None,
        [one] => Some((*one).to_owned()),
        [.., a, b] => Some(format!("{a}::{b}")),
    }
}

/// `cargo xtask semver [--install]`.
pub fn semver(args: &[String]) -> Result<(), String> {
    let install = match args {
        [] => false,
        [flag] if flag == "--install" => true,
        _ => return Err(format!("unexpected arguments {args:?}")),
    };
    let tool = tool(install)?;
    let repo = crate::repo();
    let mut md = String::new();
    let mut failed = Vec::new();
    let _ = writeln!(md, "# akgen diff against cargo-semver-checks\n");
    let _ = writeln!(
        md,
        "Written by `cargo xtask semver` (cargo-semver-checks {TOOL_VERSION}); regenerate it rather than editing it.\n\n\
         Each pair's two crates are generated with the same config: the client of the {} tags. \
         cargo-semver-checks compares their public API; every item it reports under a major lint \
         must be one `akgen diff` reports at ERR, and akgen's bump must be `major` when it asks for one.\n",
        TAGS.iter().map(|t| format!("`{t}`")).collect::<Vec<_>>().join(", ")
    );
    let _ = writeln!(
        md,
        "| pair | its major findings | matched by an akgen ERR change | its minor findings | akgen Rust ERR changes | its verdict | akgen's bump |"
    );
    let _ = writeln!(md, "|---|---:|---:|---:|---:|---|---|");
    let mut details = String::new();
    for (old, new) in PAIRS {
        let dir = repo.join(format!("target/semver/{old}-{new}"));
        eprintln!("semver: {old} -> {new}: generating");
        let (old_api, old_crate) = side(&dir.join("old"), old)?;
        let (new_api, new_crate) = side(&dir.join("new"), new)?;
        let changes = akgen::diff::diff(&old_api, &new_api);
        let bump = akgen::diff::bump(&changes);
        let rust_err: Vec<&akgen::diff::Change> = changes
            .iter()
            .filter(|c| c.rule.area == akgen::diff::rules::Area::Rust && c.level == akgen::diff::rules::Level::Err)
            .collect();
        eprintln!("semver: {old} -> {new}: cargo-semver-checks");
        let output = Command::new(&tool)
            .args(["semver-checks", "check-release", "--verbose", "--all-features", "--manifest-path"])
            .arg(new_crate.join("Cargo.toml"))
            .arg("--baseline-root")
            .arg(&old_crate)
            .env("CARGO_TARGET_DIR", repo.join("target/semver/target"))
            .env_remove("RUSTFLAGS")
            .env("CARGO_TERM_COLOR", "never")
            .output()
            .map_err(|e| format!("{}: {e}", tool.display()))?;
        let text = format!("{}\n{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
        std::fs::write(dir.join("cargo-semver-checks.txt"), &text).map_err(|e| e.to_string())?;
        let found = findings(&text);
        let verdict = if text.contains("requires new major version") {
            "major"
        } else if text.contains("requires new minor version") {
            "minor"
        } else if text.contains("no semver update required") || output.status.success() {
            "none or patch"
        } else {
            return Err(format!("{old} -> {new}: cargo-semver-checks failed:\n{text}"));
        };
        let (major, minor): (Vec<&Finding>, Vec<&Finding>) = found.iter().partition(|f| f.major);
        let mut unmatched = Vec::new();
        for f in &major {
            let matched = key(&f.line).is_some_and(|k| {
                let needle = format!("::{k}`");
                let alone = format!("`{k}`");
                rust_err.iter().any(|c| c.detail.contains(&needle) || c.detail.contains(&alone))
            });
            if !matched {
                unmatched.push(*f);
            }
        }
        let _ = writeln!(
            md,
            "| {old} → {new} | {} | {} | {} | {} | {verdict} | {} |",
            major.len(),
            major.len() - unmatched.len(),
            minor.len(),
            rust_err.len(),
            bump.as_str()
        );
        let mut lints = std::collections::BTreeMap::<&str, usize>::new();
        for f in &major {
            *lints.entry(f.lint.as_str()).or_default() += 1;
        }
        let _ = writeln!(details, "\n### {old} → {new}\n");
        for (lint, n) in lints {
            let _ = writeln!(details, "- `{lint}`: {n}");
        }
        for f in &unmatched {
            let _ = writeln!(details, "- **not matched:** `{}`: {}", f.lint, f.line);
        }
        if !unmatched.is_empty() {
            failed.push(format!("{old} -> {new}: {} major findings without an akgen ERR change", unmatched.len()));
        }
        if verdict == "major" && bump != akgen::diff::rules::Bump::Major {
            failed.push(format!("{old} -> {new}: cargo-semver-checks says major, akgen says {}", bump.as_str()));
        }
    }
    let _ = writeln!(md, "\nMajor findings per lint:");
    md.push_str(&details);
    let _ = writeln!(
        md,
        "\nakgen reports more ERR changes than cargo-semver-checks finds: it also judges field, \
         argument and payload type changes, which cargo-semver-checks does not compare."
    );
    std::fs::write(repo.join("SEMVER.md"), &md).map_err(|e| format!("SEMVER.md: {e}"))?;
    print!("{md}");
    if failed.is_empty() { Ok(()) } else { Err(failed.join("\n")) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_name_the_item_a_finding_reports() {
        assert_eq!(key("field Token.note in /x/src/models.rs:12").as_deref(), Some("Token::note"));
        assert_eq!(key("variant IntentEnum:Device in /x/src/models.rs:3").as_deref(), Some("IntentEnum::Device"));
        assert_eq!(
            key("struct authentik_subset::models::TokenModel, previously in file /x/src/models.rs:9").as_deref(),
            Some("models::TokenModel")
        );
        assert_eq!(
            key("CoreApi::tokens_destroy, previously in file /x.rs:1").as_deref(),
            Some("CoreApi::tokens_destroy")
        );
    }
}
