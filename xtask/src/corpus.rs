//! `cargo xtask corpus [--only NAME,NAME] [--no-validate] [--ci]`: akgen on the real-world
//! corpus.
//!
//! For every spec that `../shared/specs/corpus/SOURCES.tsv` lists: generate it (strict;
//! with `--lenient` where strict refuses), compile the crate (`cargo check`, all features,
//! all targets, warnings denied), and run its `validate` example on instances synthesized
//! from the raw schema by the conformance crate, comparing each verdict with the
//! `jsonschema` crate's (`conformance/src/bin/corpus_instances.rs`). Writes CORPUS.md.
//!
//! The crates go into one workspace under `target/corpus/`, seeded with the repository's
//! `Cargo.lock`, and build in the fixture-crate test's target directory, whose dependencies
//! are the same. `--ci` compiles only the smaller specs and writes no report; any crate that
//! does not compile, or validator that disagrees with the oracle, fails the command.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// One spec's results, as CORPUS.md reports them.
#[derive(Default)]
struct Row {
    file: String,
    version: String,
    mode: String,
    warnings: BTreeMap<String, usize>,
    types: usize,
    operations: usize,
    generate_ms: f64,
    compile: Option<(bool, f64)>,
    compared: Option<(usize, usize, usize)>,
    note: String,
}

/// The specs CI compiles (`--ci`): the smaller ones, a few minutes in all on CI's machine
/// once the fixture-crate test has built the dependencies (CORPUS.md has every one's time).
const CI_SPECS: &[&str] =
    &["ansible-ai-connect", "objecttypes-api", "objects-api", "hf-tgi", "ory-hydra", "ory-kratos"];

/// Fixture specs (`specs/fixtures/`) that CI (`--ci`) also generates, compiles and compares
/// with the oracle, with the hand-written instances of `<name>.instances.jsonl`: the
/// keywords no corpus spec uses and the mutator does not vary.
const CI_FIXTURES: &[&str] = &["openapi31"];

pub fn corpus(args: &[String]) -> Result<(), String> {
    let mut only: Option<Vec<String>> = None;
    let (mut validate, mut report, mut fixtures) = (true, true, false);
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--only" => only = Some(rest.next().ok_or("--only takes names")?.split(',').map(str::to_owned).collect()),
            "--no-validate" => validate = false,
            // CI: compile the smaller crates, compare nothing, write no report.
            "--ci" => {
                only = Some(CI_SPECS.iter().map(|s| s.to_string()).collect());
                (validate, report, fixtures) = (false, false, true);
            }
            other => return Err(format!("unexpected argument {other:?}")),
        }
    }
    let dir = std::env::var_os("AKGEN_CORPUS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| crate::repo().join("../shared/specs/corpus"));
    let sources = std::fs::read_to_string(dir.join("SOURCES.tsv"))
        .map_err(|e| format!("{}: {e}", dir.join("SOURCES.tsv").display()))?;
    let root = crate::repo().join("target/corpus");
    let workspace = root.join("ws");
    std::fs::create_dir_all(&workspace).map_err(|e| e.to_string())?;
    let mut rows = Vec::new();
    let fixture_lines: Vec<String> = CI_FIXTURES
        .iter()
        .filter(|_| fixtures)
        .map(|f| format!("{}\t\t\t\tfixture", crate::repo().join(format!("specs/fixtures/{f}.yml")).display()))
        .collect();
    for line in sources.lines().skip(1).chain(fixture_lines.iter().map(String::as_str)) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (Some(file), Some(version)) = (cols.first(), cols.get(4)) else { continue };
        let fixture = *version == "fixture";
        let stem = Path::new(file).file_stem().and_then(|s| s.to_str()).unwrap_or(file).to_owned();
        if !fixture && only.as_ref().is_some_and(|o| !o.contains(&stem)) {
            continue;
        }
        let mut row = Row { file: file.to_string(), version: version.to_string(), ..Row::default() };
        let spec = dir.join(file);
        let out = workspace.join(&stem);
        let start = Instant::now();
        let strict = akgen::Generator::new().spec(&spec).crate_name(format!("corpus-{stem}")).render_crate();
        let rendered = match strict {
            Ok(r) => {
                row.mode = "strict".into();
                Some(r)
            }
            Err(_) => match akgen::Generator::new()
                .spec(&spec)
                .crate_name(format!("corpus-{stem}"))
                .lenient(true)
                .render_crate()
            {
                Ok(r) => {
                    row.mode = "lenient".into();
                    Some(r)
                }
                Err(e) => {
                    row.mode = "refused".into();
                    row.note = e
                        .to_string()
                        .lines()
                        .next()
                        .unwrap_or_default()
                        .rsplit(": ")
                        .next()
                        .unwrap_or_default()
                        .to_owned();
                    None
                }
            },
        };
        row.generate_ms = start.elapsed().as_secs_f64() * 1000.0;
        eprintln!("corpus: {file}: {} in {:.0} ms", row.mode, row.generate_ms);
        if let Some(rendered) = rendered {
            row.types = rendered.api.types.len();
            row.operations = rendered.api.operations.len();
            for w in &rendered.api.warnings {
                *row.warnings.entry(warning_kind(&w.message)).or_default() += 1;
            }
            akgen::write::write_files(&out, &rendered.files, true).map_err(|e| e.to_string())?;
        }
        rows.push((stem, row));
    }
    let members: Vec<&str> = rows.iter().filter(|(_, r)| r.mode != "refused").map(|(s, _)| s.as_str()).collect();
    let manifest =
        format!("# Written by `cargo xtask corpus`.\n[workspace]\nresolver = \"3\"\nmembers = {members:?}\n");
    std::fs::write(workspace.join("Cargo.toml"), manifest).map_err(|e| e.to_string())?;
    if !workspace.join("Cargo.lock").exists() {
        std::fs::copy(crate::repo().join("Cargo.lock"), workspace.join("Cargo.lock")).map_err(|e| e.to_string())?;
    }
    // The fixture-crate test's target directory: the same dependencies, already built.
    let target = crate::repo().join("target/fixture-crates/target");
    let cargo_in_workspace = |args: &[&str]| {
        let mut c = Command::new(crate::cargo());
        c.args(args).current_dir(&workspace).env("CARGO_TARGET_DIR", &target).env("RUSTFLAGS", "-D warnings");
        c
    };
    if validate || fixtures {
        let status = Command::new(crate::cargo())
            .args(["build", "--quiet", "--package", "conformance", "--bin", "corpus_instances"])
            .current_dir(crate::repo())
            .status()
            .map_err(|e| e.to_string())?;
        if !status.success() {
            return Err("cannot build conformance's corpus_instances".into());
        }
    }
    for (stem, row) in rows.iter_mut().filter(|(_, r)| r.mode != "refused") {
        let package = format!("corpus-{stem}");
        let start = Instant::now();
        let output = cargo_in_workspace(&[
            "check",
            "--quiet",
            "--package",
            &package,
            "--all-features",
            "--all-targets",
            "--message-format=short",
        ])
        .output()
        .map_err(|e| e.to_string())?;
        let ok = output.status.success() && !String::from_utf8_lossy(&output.stderr).contains("warning:");
        row.compile = Some((ok, start.elapsed().as_secs_f64()));
        eprintln!(
            "corpus: {stem}: cargo check {} in {:.1} s",
            if ok { "ok" } else { "FAILED" },
            start.elapsed().as_secs_f64()
        );
        if !ok {
            eprintln!("{}", String::from_utf8_lossy(&output.stderr));
            continue;
        }
        if row.version == "fixture" {
            let spec = PathBuf::from(&row.file);
            row.compared =
                Some(compare(stem, &spec, Some(&spec.with_extension("instances.jsonl")), &cargo_in_workspace)?);
        } else if validate {
            row.compared = Some(compare(stem, &dir.join(&row.file), None, &cargo_in_workspace)?);
        }
    }
    let failed: Vec<String> = rows
        .iter()
        .filter(|(_, r)| r.compile.is_some_and(|(ok, _)| !ok) || r.compared.is_some_and(|(_, _, d)| d > 0))
        .map(|(stem, _)| stem.clone())
        .collect();
    if report {
        let path = crate::repo().join("CORPUS.md");
        let rows: Vec<Row> = rows.into_iter().map(|(_, r)| r).collect();
        let files: Vec<String> =
            sources.lines().skip(1).filter_map(|l| l.split('\t').next()).map(str::to_owned).collect();
        // With `--only`, the other specs keep their rows from the last full run.
        let previous = if only.is_some() { std::fs::read_to_string(&path).unwrap_or_default() } else { String::new() };
        std::fs::write(&path, render(&rows, &files, &previous)).map_err(|e| e.to_string())?;
        eprintln!("corpus: wrote CORPUS.md");
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!("failed to compile, or disagree with the oracle: {}", failed.join(", ")))
    }
}

/// Runs the crate's `validate` example on the synthesized instances; (schemas, instances,
/// disagreements with the oracle).
fn compare(
    stem: &str,
    spec: &Path,
    extra: Option<&Path>,
    cargo: &dyn Fn(&[&str]) -> Command,
) -> Result<(usize, usize, usize), String> {
    let instances = Command::new(crate::repo().join("target/debug/corpus_instances"))
        .arg(spec)
        .args(extra)
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| e.to_string())?;
    let lines: Vec<serde_json::Value> =
        String::from_utf8_lossy(&instances.stdout).lines().filter_map(|l| serde_json::from_str(l).ok()).collect();
    let schemas: std::collections::BTreeSet<&str> = lines.iter().filter_map(|l| l["schema"].as_str()).collect();
    let package = format!("corpus-{stem}");
    let mut child = cargo(&["run", "--quiet", "--package", &package, "--all-features", "--example", "validate"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    let input: String = lines
        .iter()
        .map(|l| format!("{}\n", serde_json::json!({"schema": l["schema"], "instance": l["instance"]})))
        .collect();
    let mut stdin = child.stdin.take().ok_or("no stdin")?;
    let writer = std::thread::spawn(move || std::io::Write::write_all(&mut stdin, input.as_bytes()));
    let output = child.wait_with_output().map_err(|e| e.to_string())?;
    writer.join().map_err(|_| "writer panicked")?.map_err(|e| e.to_string())?;
    let verdicts: Vec<serde_json::Value> =
        String::from_utf8_lossy(&output.stdout).lines().filter_map(|l| serde_json::from_str(l).ok()).collect();
    if verdicts.len() != lines.len() {
        return Err(format!("{stem}: the validate example answered {} of {} lines", verdicts.len(), lines.len()));
    }
    let mut disagreements = 0;
    for (line, verdict) in lines.iter().zip(&verdicts) {
        if verdict["valid"] != line["valid"] {
            disagreements += 1;
            if disagreements <= 5 {
                eprintln!(
                    "corpus: {stem}: {} ours {} oracle {}: {}",
                    line["schema"], verdict, line["valid"], line["instance"]
                );
            }
        }
    }
    eprintln!("corpus: {stem}: {} schemas, {} instances, {disagreements} disagreements", schemas.len(), lines.len());
    Ok((schemas.len(), lines.len(), disagreements))
}

/// A warning's kind: its message with the quoted names taken out.
fn warning_kind(message: &str) -> String {
    let mut out = String::new();
    let mut quoted = false;
    for c in message.chars() {
        if c == '`' {
            quoted = !quoted;
            if quoted {
                out.push_str("`…`");
            }
        } else if !quoted {
            out.push(c);
        }
    }
    out.split(';').next().unwrap_or_default().trim().to_owned()
}

/// The report: a row per spec of SOURCES.tsv (`files`), in its order, from `rows` where
/// this run has one, else from the `previous` report.
fn render(rows: &[Row], files: &[String], previous: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    for file in files {
        let prefix = format!("| {file} |");
        if let Some(r) = rows.iter().find(|r| &r.file == file) {
            lines.push(row_line(r));
        } else if let Some(old) = previous.lines().find(|l| l.starts_with(&prefix)) {
            lines.push(old.to_owned());
        }
    }
    let column = |line: &str, n: usize| line.split(" | ").nth(n).unwrap_or_default().trim().to_owned();
    let generated = lines.iter().filter(|l| column(l, 2) != "refused").count();
    let strict = lines.iter().filter(|l| column(l, 2) == "strict").count();
    let compiled = lines.iter().filter(|l| column(l, 6).ends_with(" s")).count();
    let compared: usize =
        lines.iter().filter_map(|l| column(l, 7).split(" / ").nth(1).and_then(|n| n.parse::<usize>().ok())).sum();
    let disagreements: usize = lines.iter().filter_map(|l| column(l, 8).parse::<usize>().ok()).sum();
    let mut md = String::from(
        "# akgen on the real-world corpus\n\nWritten by `cargo xtask corpus` from the specs in `../shared/specs/corpus/` (SOURCES.tsv names each one's repository, commit and license). \
         Each spec is generated strictly, else with `--lenient`; its crate is checked with `cargo check --all-features --all-targets` and warnings denied; \
         its `validate` example judges instances synthesized from the raw schema (the conformance crate's synthesizer and mutator, which skip schemas they cannot build a valid instance of), \
         compared with the `jsonschema` crate (draft 7 for OpenAPI 3.0, 2020-12 for 3.1, on the conformance crate's translation of the schemas). \
         Generation times are those of the xtask's debug build of akgen.\n\n",
    );
    let _ = writeln!(
        md,
        "{} specs: {generated} generate ({strict} strictly), {compiled} compile; {compared} instances compared, {disagreements} disagreements.\n",
        lines.len()
    );
    md.push_str("| spec | OpenAPI | mode | types | operations | generate | cargo check | schemas / instances compared | disagreements | warnings by kind |\n");
    md.push_str("|---|---|---|---:|---:|---:|---:|---:|---:|---|\n");
    for line in lines {
        md.push_str(&line);
        md.push('\n');
    }
    md
}

fn row_line(r: &Row) -> String {
    let compile = match r.compile {
        Some((true, s)) => format!("{s:.1} s"),
        Some((false, _)) => "**fails**".into(),
        None => "–".into(),
    };
    let (compared, disagreements) = match r.compared {
        Some((s, i, d)) => (format!("{s} / {i}"), d.to_string()),
        None => ("–".into(), "–".into()),
    };
    let warnings = if r.warnings.is_empty() {
        if r.mode == "refused" { r.note.clone() } else { "none".into() }
    } else {
        r.warnings.iter().map(|(k, n)| format!("{n}× {k}")).collect::<Vec<_>>().join("<br>")
    };
    format!(
        "| {} | {} | {} | {} | {} | {:.0} ms | {compile} | {compared} | {disagreements} | {} |",
        r.file,
        r.version,
        r.mode,
        r.types,
        r.operations,
        r.generate_ms,
        warnings.replace('|', "\\|")
    )
}
