//! The repository's tasks: `cargo xtask codegen | check | bench`.
//!
//! - `codegen [--spec PATH]` regenerates `generated/` from the pinned spec (or PATH);
//! - `check` fails when `generated/` is not what akgen makes of the pinned spec today.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("codegen") => codegen(&args[1..]),
        Some("check") => check(),
        _ => Err("usage: cargo xtask codegen [--spec PATH] | check".into()),
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
    let rendered = akgen::Generator::new().render_crate().map_err(|e| e.to_string())?;
    let mut stale = Vec::new();
    for file in &rendered.files {
        if std::fs::read_to_string(out.join(&file.path)).ok().as_deref() != Some(file.contents.as_str()) {
            stale.push(file.path.display().to_string());
        }
    }
    if stale.is_empty() {
        eprintln!("check: generated/ is up to date ({} files)", rendered.files.len());
        Ok(())
    } else {
        Err(format!("generated/ is stale: {}; run `cargo xtask codegen`", stale.join(", ")))
    }
}
