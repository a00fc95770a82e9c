//! `cargo xtask load [--ci] [--requests N] [--rounds R]`: the load test of issue 25.
//!
//! Builds the tokens-server example and `akgen-load`, then runs `akgen-load compare`: the
//! same bounded, checked mix against the example and against a bare axum handler that
//! answers the same JSON. Fails when a check fails (an unexpected status, a lost write, the
//! server's memory past its bound). Without `--ci` it builds optimized (the `load`
//! profile), runs 100,000 requests per round, three rounds, and writes the figures into
//! BENCH.md; with `--ci` it reuses the debug build the tests made and runs one smaller
//! round, for the checks alone.

use std::process::Command;

/// The heading of the load test's section of BENCH.md.
pub const HEADING: &str = "## Under load: the tokens-server example";

pub fn load(args: &[String]) -> Result<(), String> {
    let ci = args.iter().any(|a| a == "--ci");
    let value = |flag: &str| args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1)).cloned();
    let requests = value("--requests").unwrap_or_else(|| if ci { "20000" } else { "100000" }.into());
    let rounds = value("--rounds").unwrap_or_else(|| if ci { "1" } else { "3" }.into());
    let (profile, dir) = if ci { ("dev", "debug") } else { ("load", "load") };
    let repo = crate::repo();
    // One package a build: built together, their dependencies' features would be unified
    // and the generated crate rebuilt instead of reusing what the tests built.
    for package in ["tokens-server", "akgen-load"] {
        let status = Command::new(crate::cargo())
            .args(["build", "--locked", "--quiet", "--profile", profile, "-p", package])
            .current_dir(&repo)
            .status()
            .map_err(|e| format!("cannot run cargo: {e}"))?;
        if !status.success() {
            return Err(format!("building {package} failed"));
        }
    }
    let bin = repo.join("target").join(dir);
    let markdown = repo.join("target/load.md");
    eprintln!("xtask: akgen-load compare, {rounds} round(s) of {requests} requests ({profile} build)");
    let status = Command::new(bin.join("akgen-load"))
        .arg("compare")
        .arg("--server")
        .arg(bin.join("tokens-server"))
        .args(["--requests", &requests, "--rounds", &rounds, "--connections", "64", "--markdown"])
        .arg(&markdown)
        .status()
        .map_err(|e| format!("cannot run akgen-load: {e}"))?;
    if !status.success() {
        return Err("the load test's checks failed (see above)".into());
    }
    if !ci {
        let figures = std::fs::read_to_string(&markdown).map_err(|e| format!("{}: {e}", markdown.display()))?;
        let section = format!(
            "\n{HEADING}\n\n`cargo xtask load` (`akgen-load compare`, optimized: the `load` profile). {figures}"
        );
        let path = repo.join("BENCH.md");
        let text = std::fs::read_to_string(&path).map_err(|e| format!("BENCH.md: {e}"))?;
        std::fs::write(&path, crate::bench::replace_section(&text, HEADING, &section))
            .map_err(|e| format!("BENCH.md: {e}"))?;
        eprintln!("xtask: BENCH.md updated");
    }
    Ok(())
}
