//! The repository's tasks: `cargo xtask codegen | check | bench`.
//!
//! - `codegen [--spec PATH]` regenerates `generated/` from the pinned spec (or PATH);
//! - `check` fails when `generated/` is not what akgen makes of the pinned spec today;
//! - `bench [--runs N] [--install-openapi-generator]` measures generation, compile times and
//!   throughput (beside openapi-generator when installed) and writes BENCH.md;
//! - `test` runs every test: `cargo test --workspace`, feature subsets of the generated
//!   crate (`cargo check`), its documentation (`cargo doc`, warnings denied), the smaller
//!   corpus crates (`corpus --ci`), `schemathesis`, then `load --ci`;
//! - `schemathesis` runs schemathesis against the tokens-server example;
//! - `corpus [--only NAME,…] [--no-validate] [--ci]` generates, compiles and validates every
//!   spec of the real-world corpus and writes CORPUS.md (`--ci`: the smaller ones, compiled);
//! - `load [--ci] [--requests N] [--rounds R]` runs the load test (`akgen-load compare`)
//!   against the tokens-server example and a bare-axum ceiling, and writes BENCH.md's
//!   load section (`--ci`: one smaller round, checks only);
//! - `semver [--install]` checks `akgen diff`'s Rust pass against cargo-semver-checks on
//!   three pairs of authentik versions and writes SEMVER.md.

mod bench;
mod corpus;
mod load;
mod semver;
mod serde_bench;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("codegen") => codegen(&args[1..]),
        Some("check") => check(),
        Some("bench") => bench::bench(&args[1..]),
        Some("test") => test(),
        Some("schemathesis") => schemathesis(),
        Some("corpus") => corpus::corpus(&args[1..]),
        Some("semver") => semver::semver(&args[1..]),
        Some("load") => load::load(&args[1..]),
        _ => Err("usage: cargo xtask codegen [--spec PATH] | check | bench [--runs N] [--install-openapi-generator] | test | schemathesis | corpus [--only NAME,…] [--no-validate] [--ci] | semver [--install] | load [--ci] [--requests N] [--rounds R]".into()),
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
    let explicit = match args {
        [] => None,
        [flag, path] if flag == "--spec" => Some(PathBuf::from(path)),
        _ => return Err(format!("unexpected arguments {args:?}")),
    };
    let spec = akgen::spec_source::resolve(explicit.as_deref()).map_err(|e| e.to_string())?;
    let generator = akgen::Generator::new().spec(spec);
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
    let spec = akgen::spec_source::resolve(None).map_err(|e| e.to_string())?;
    let (rendered, drift) = akgen::Generator::new().spec(spec).check_crate(&out).map_err(|e| e.to_string())?;
    if !drift.is_clean() {
        print!("{}", drift.report());
        return Err("generated/ is stale; run `cargo xtask codegen`".into());
    }
    eprintln!("check: generated/ is up to date ({} files)", rendered.files.len() + 1);
    // The other committed crates: those of the example configs that name an `out`.
    for config in COMMITTED_CONFIGS {
        let path = repo().join(config);
        let generator = akgen::Generator::new().config(&path).map_err(|e| e.to_string())?;
        let out = generator.configuration().out.clone().ok_or(format!("{config} names no `out`"))?;
        let (_, drift) = generator.check_crate(&out).map_err(|e| e.to_string())?;
        if !drift.is_clean() {
            print!("{}", drift.report());
            return Err(format!("{} is stale; run `akgen generate --config {config}`", out.display()));
        }
        eprintln!("check: {} is up to date", out.display());
    }
    Ok(())
}

/// Example configs whose crates are committed (and compiled by the workspace).
const COMMITTED_CONFIGS: &[&str] = &["specs/configs/device-auth/akgen.toml"];

/// Every test: the workspace's, then schemathesis against the example server.
fn test() -> Result<(), String> {
    check()?;
    format_check()?;
    lint()?;
    cargo_in_repo(&["test", "--locked", "--workspace"], "cargo test --workspace failed")?;
    feature_subsets()?;
    docs()?;
    corpus::corpus(&["--ci".to_owned()])?;
    schemathesis()?;
    load::load(&["--ci".to_owned()])
}

/// Runs cargo with `args` in the repository; `failure` is the error when it fails.
fn cargo_in_repo(args: &[&str], failure: &str) -> Result<(), String> {
    let status = std::process::Command::new(cargo())
        .args(args)
        .current_dir(repo())
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if status.success() { Ok(()) } else { Err(failure.to_owned()) }
}

/// The hand-written crates, as `rustfmt.toml` formats them. Not `generated/`, which akgen
/// formats (prettyplease) and `cargo xtask check` compares byte for byte.
const HAND_WRITTEN: &[&str] = &[
    "akgen",
    "akgen-runtime",
    "conformance",
    "xtask",
    "build-script-example",
    "tokens-server",
    "token-owner",
    "akgen-load",
];

fn format_check() -> Result<(), String> {
    eprintln!("xtask: cargo fmt --check on {}", HAND_WRITTEN.join(", "));
    let mut args = vec!["fmt", "--check"];
    for package in HAND_WRITTEN {
        args.extend(["-p", package]);
    }
    let fix = HAND_WRITTEN.iter().map(|p| format!(" -p {p}")).collect::<String>();
    cargo_in_repo(&args, &format!("cargo fmt --check: run `cargo fmt{fix}`"))
}

/// clippy over the whole workspace, warnings denied: the hand-written crates, the generated
/// crate (its `lib.rs` allows two lints, each with a reason) and the generated modules the
/// conformance and build-script crates include.
fn lint() -> Result<(), String> {
    eprintln!("xtask: cargo clippy --workspace --all-targets (warnings denied)");
    let args = ["clippy", "--locked", "--quiet", "--workspace", "--all-targets", "--", "-D", "warnings"];
    cargo_in_repo(&args, "cargo clippy reports findings")
}

/// rustdoc over the generated crate with every feature, warnings denied: spec text in doc
/// comments must not break links or read as HTML.
fn docs() -> Result<(), String> {
    eprintln!("xtask: cargo doc -p authentik-api --no-deps --all-features (warnings denied)");
    let flags = format!("{} -D warnings", std::env::var("RUSTDOCFLAGS").unwrap_or_default());
    let status = std::process::Command::new(cargo())
        .args(["doc", "--locked", "--quiet", "--package", "authentik-api", "--no-deps", "--all-features"])
        .env("RUSTDOCFLAGS", flags.trim())
        .current_dir(repo())
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if status.success() { Ok(()) } else { Err("rustdoc reports problems in authentik-api's documentation".into()) }
}

/// Feature sets of the generated crate besides the default and `--all-features` (which the
/// tests build): a few tags alone, with the client or the server, and no tag at all. Each
/// must compile on its own; with CI's `-D warnings`, without an unused item either.
const FEATURE_SUBSETS: &[&str] = &["client,core", "server,flows", "client,server,providers,sources", "client", ""];

fn feature_subsets() -> Result<(), String> {
    for features in FEATURE_SUBSETS {
        eprintln!("xtask: cargo check -p authentik-api --no-default-features --features {features:?}");
        let status = std::process::Command::new(cargo())
            .args([
                "check",
                "--locked",
                "--quiet",
                "--package",
                "authentik-api",
                "--lib",
                "--no-default-features",
                "--features",
                features,
            ])
            .current_dir(repo())
            .status()
            .map_err(|e| format!("cannot run cargo: {e}"))?;
        if !status.success() {
            return Err(format!("authentik-api does not compile with only the features {features:?}"));
        }
    }
    Ok(())
}

fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".into())
}

/// The schemathesis version the configuration in `conformance/schemathesis/` is written for.
const SCHEMATHESIS: &str = "schemathesis==4.32.5";

/// How many cases schemathesis generates per operation and phase: enough to find the
/// problems it found while this was written, bounded so the run takes seconds.
const MAX_EXAMPLES: &str = "50";

/// Runs schemathesis (installed into `target/schemathesis-venv` on first use) against the
/// tokens-server example on a free loopback port, over the tokens endpoints.
fn schemathesis() -> Result<(), String> {
    let venv = repo().join("target/schemathesis-venv");
    let st = venv.join("bin/st");
    let run = |program: &std::path::Path, args: &[&str]| -> Result<(), String> {
        let status = std::process::Command::new(program)
            .args(args)
            .status()
            .map_err(|e| format!("cannot run {}: {e}", program.display()))?;
        if status.success() { Ok(()) } else { Err(format!("{} {args:?} failed", program.display())) }
    };
    if !st.is_file() {
        eprintln!("schemathesis: installing {SCHEMATHESIS} into {}", venv.display());
        run(std::path::Path::new("python3"), &["-m", "venv", &venv.to_string_lossy()])?;
        run(&venv.join("bin/pip"), &["install", "--quiet", SCHEMATHESIS])?;
    }
    run(std::path::Path::new(&cargo()), &["build", "--locked", "--quiet", "--package", "tokens-server"])?;
    let spec = akgen::spec_source::resolve(None).map_err(|e| e.to_string())?;
    // schemathesis runs in its configuration's folder, so the path must not be relative.
    let spec = std::fs::canonicalize(&spec).map_err(|e| format!("{}: {e}", spec.display()))?;
    let port =
        std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map_err(|e| e.to_string())?.port();
    let token = format!("xtask-{}", std::process::id());
    let mut server = std::process::Command::new(repo().join("target/debug/tokens-server"))
        .args(["--port", &port.to_string(), "--token", &token])
        .spawn()
        .map_err(|e| format!("cannot start the tokens-server example: {e}"))?;
    let result = (|| {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            if std::time::Instant::now() > deadline {
                return Err("the tokens-server example did not start listening within 30 s".to_owned());
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        let status = std::process::Command::new(&st)
            .args(["--config-file", "schemathesis.toml", "run", &spec.to_string_lossy()])
            .args(["--url", &format!("http://127.0.0.1:{port}/api/v3")])
            .args(["--include-path-regex", r"^/core/tokens/(\{identifier\}/)?$"])
            .args(["--header", &format!("Authorization: Bearer {token}")])
            .args(["--max-examples", MAX_EXAMPLES, "--seed", "1", "--no-color"])
            .current_dir(repo().join("conformance/schemathesis"))
            .status()
            .map_err(|e| format!("cannot run schemathesis: {e}"))?;
        if status.success() { Ok(()) } else { Err("schemathesis found failures".to_owned()) }
    })();
    let _ = server.kill();
    let _ = server.wait();
    result
}
