//! The repository's tasks: `cargo xtask codegen | check | bench`.
//!
//! - `codegen [--spec PATH]` regenerates `generated/` from the pinned spec (or PATH);
//! - `check` fails when `generated/` is not what akgen makes of the pinned spec today;
//! - `bench` runs the criterion benchmarks and prints the medians and ratios BENCH.md records.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("codegen") => codegen(&args[1..]),
        Some("check") => check(),
        Some("bench") => bench(),
        _ => Err("usage: cargo xtask codegen [--spec PATH] | check | bench".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask sits in the repository").to_owned()
}

fn generator(args: &[String]) -> Result<akgen::Generator, String> {
    let mut generator = akgen::Generator::new();
    match args {
        [] => {}
        [flag, path] if flag == "--spec" => generator = generator.spec(path),
        _ => return Err(format!("unexpected arguments {args:?}")),
    }
    Ok(generator)
}

fn codegen(args: &[String]) -> Result<(), String> {
    let start = std::time::Instant::now();
    let out = repo().join("generated");
    let (rendered, report) = generator(args)?.write_crate(&out, false).map_err(|e| e.to_string())?;
    for w in &rendered.api.warnings {
        eprintln!("warning: {w}");
    }
    eprintln!(
        "codegen: {} types, {} operations -> generated/ ({} written, {} unchanged, {} removed) in {:.2?}",
        rendered.api.types.len(),
        rendered.api.operations.len(),
        report.written.len(),
        report.unchanged.len(),
        report.removed.len(),
        start.elapsed()
    );
    Ok(())
}

fn check() -> Result<(), String> {
    let out = repo().join("generated");
    let (rendered, drift) = akgen::Generator::new().check_crate(&out).map_err(|e| e.to_string())?;
    if drift.is_clean() {
        eprintln!("check: generated/ is up to date ({} files)", rendered.files.len() + 1);
        Ok(())
    } else {
        print!("{}", drift.report());
        Err("generated/ is stale; run `cargo xtask codegen`".into())
    }
}

/// Runs every criterion benchmark, then summarizes the medians (criterion's own estimates
/// in `target/criterion`), with the ratios the targets in BENCH.md are stated in.
fn bench() -> Result<(), String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    for (package, bench) in [("akgen", "generate"), ("conformance", "validate")] {
        let status = std::process::Command::new(&cargo)
            .args(["bench", "--package", package, "--bench", bench])
            .current_dir(repo())
            .status()
            .map_err(|e| format!("cannot run cargo: {e}"))?;
        if !status.success() {
            return Err(format!("cargo bench --package {package} --bench {bench} failed"));
        }
    }
    let criterion = repo().join("target/criterion");
    let median = |group: &str, function: &str| -> Result<f64, String> {
        let path = criterion.join(group).join(function).join("new/estimates.json");
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        value["median"]["point_estimate"].as_f64().ok_or_else(|| format!("{}: no median", path.display()))
    };
    // Criterion turns the group names into directory names this way.
    let (pinned, page) = ("pinned spec", "PaginatedTokenList(100)");
    let load = median(pinned, "load")?;
    let render = median(pinned, "render crate")?;
    let total = median(pinned, "load + render")?;
    let deserialize = median(page, "deserialize")?;
    let validate = median(page, "validate")?;
    println!("generation of the pinned spec (median): load {:.0} ms, render {:.0} ms, total {:.0} ms", load / 1e6, render / 1e6, total / 1e6);
    println!(
        "PaginatedTokenList, 100 items (median): deserialize {:.1} us, validate {:.1} us, validate/deserialize = {:.2}",
        deserialize / 1e3,
        validate / 1e3,
        validate / deserialize
    );
    Ok(())
}
