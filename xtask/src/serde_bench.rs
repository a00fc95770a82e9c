//! The serde comparison of `cargo xtask bench` (issue 25, point 6): the generated models
//! against openapi-generator's serde-derived models, deserializing and serializing the same
//! payloads in one process (`xtask/serde-bench`).
//!
//! The payloads come from `conformance::payloads` (the `bench_payloads` binary, built in the
//! dev profile that `cargo xtask test` already compiles: writing two JSON files is not what
//! is timed, and the bench profile's build of the conformance crate took ten minutes on a
//! fresh target dir); the harness is built with its own `release` profile for both crates
//! alike. Nothing here asserts: the ≥ 0.9× target is reported as met or missed.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// The heading of this section of BENCH.md.
pub const HEADING: &str = "## Models against serde's derived code (openapi-generator's crate)";

/// The throughput the generated models must reach, as a share of serde's derived code's.
const TARGET: f64 = 0.9;

/// Timed rounds per payload and crate; each round is a batch of at least 20 ms per way.
const ROUNDS: &str = "21";

/// Measures and returns the section. `og_crate` is openapi-generator's crate, already
/// generated and made to build (`bench::openapi_generator_crate`).
pub fn section(og_crate: &Path, og_version: &str) -> Result<String, String> {
    let repo = crate::repo();
    let harness = repo.join("xtask/serde-bench/Cargo.toml");
    if !og_crate.join("Cargo.toml").is_file() {
        return Err(format!("{}: openapi-generator's crate is missing", og_crate.display()));
    }
    let payloads = repo.join("target/bench-openapi-generator/payloads");
    let status = Command::new(crate::cargo())
        .args(["run", "--locked", "--quiet", "-p", "conformance", "--bin", "bench_payloads", "--"])
        .arg(&payloads)
        .current_dir(&repo)
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !status.success() {
        return Err("bench_payloads failed".into());
    }
    let target_dir = repo.join("target/bench-openapi-generator/target");
    eprintln!("bench: serde-bench (generated models against openapi-generator's), {ROUNDS} rounds");
    let output = Command::new(crate::cargo())
        .args(["run", "--release", "--quiet", "--manifest-path"])
        .arg(&harness)
        .arg("--target-dir")
        .arg(&target_dir)
        .arg("--")
        .arg(&payloads)
        .arg(ROUNDS)
        // openapi-generator's crate has warnings; the user's `-D warnings` is not for it.
        .env_remove("RUSTFLAGS")
        .current_dir(&repo)
        .stderr(std::process::Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !output.status.success() {
        return Err("serde-bench failed".into());
    }
    let rows: Value = serde_json::from_slice(&output.stdout).map_err(|e| format!("serde-bench's output: {e}"))?;
    let counts = instructions(&target_dir.join("release/serde-bench"), &payloads)?;
    Ok(render(&rows, og_version)? + &counts)
}

/// Calls of each way per instruction count: enough that the payload's one decode before
/// them is told apart by the run of none.
const REPEATS: u64 = 10;

/// The instructions each crate executes per call (callgrind), when valgrind is installed:
/// unlike the times, the same on every run and machine, so a change of a few percent shows
/// even where the timed ratio's noise (±4% between runs) hides it.
fn instructions(harness: &Path, payloads: &Path) -> Result<String, String> {
    if Command::new("valgrind").arg("--version").output().is_err() {
        return Ok("valgrind is not installed, so there are no instruction counts.\n".into());
    }
    eprintln!("bench: serde-bench under callgrind (instructions per call)");
    let count = |subject: &str, payload: &str, way: &str, n: u64| -> Result<u64, String> {
        let output = Command::new("valgrind")
            .args(["--tool=callgrind", "--callgrind-out-file=/dev/null"])
            .arg(harness)
            .arg(payloads)
            .args(["--repeat", subject, payload, way, &n.to_string()])
            .output()
            .map_err(|e| format!("cannot run valgrind: {e}"))?;
        let text = String::from_utf8_lossy(&output.stderr);
        text.lines()
            .find_map(|line| line.split_once("Collected :").and_then(|(_, n)| n.trim().parse().ok()))
            .filter(|_| output.status.success())
            .ok_or_else(|| format!("callgrind of {subject} {payload} {way}: {text}"))
    };
    let mut table = String::from(
        "| payload | way | generated models | openapi-generator's | ratio (theirs / ours) |\n|---|---|---:|---:|---:|\n",
    );
    for (payload, label) in [("tokens", "PaginatedTokenList(1000)"), ("challenges", "ChallengeTypes page")] {
        // A run of no calls decodes the payload once and does nothing else, whichever way:
        // counted once per crate.
        let subjects = ["akgen", "openapi-generator"];
        let mut none = [0u64; 2];
        for (slot, subject) in none.iter_mut().zip(subjects) {
            *slot = count(subject, payload, "serialize", 0)?;
        }
        for way in ["deserialize", "serialize"] {
            let mut per_call = [0u64; 2];
            for ((slot, subject), none) in per_call.iter_mut().zip(subjects).zip(none) {
                *slot = count(subject, payload, way, REPEATS)?.saturating_sub(none) / REPEATS;
            }
            let [ours, theirs] = per_call;
            table.push_str(&format!(
                "| {label} | {way} | {:.2} M | {:.2} M | {:.3}× |\n",
                ours as f64 / 1e6,
                theirs as f64 / 1e6,
                theirs as f64 / ours.max(1) as f64
            ));
        }
    }
    Ok(format!(
        "Instructions per call (valgrind's callgrind, {REPEATS} calls less none, same binary): the work each \
         crate does, without the machine's noise; a ratio under 1 is more work for the generated models.\n\n{table}\n"
    ))
}

/// The Markdown of the harness's JSON rows.
fn render(rows: &Value, og_version: &str) -> Result<String, String> {
    let mut table = String::from(
        "| payload | way | generated models | openapi-generator's | ratio (throughput) | target ≥ 0.9× |\n|---|---|---:|---:|---:|---|\n",
    );
    let mut notes = Vec::new();
    for row in rows.as_array().ok_or("serde-bench: not an array")? {
        let payload = row["payload"].as_str().unwrap_or_default();
        let bytes = row["bytes"].as_f64().unwrap_or_default();
        let (ours, theirs) = (&row["akgen"], &row["openapi_generator"]);
        for (label, subject) in [("the generated models", ours), ("openapi-generator's models", theirs)] {
            if let Some(error) = subject["error"].as_str() {
                notes.push(format!("{label} cannot read `{payload}`: {error}"));
            } else if subject["round_trips"] == false {
                notes.push(format!("{label} do not write `{payload}` back as the same JSON value"));
            }
        }
        for (way, key) in [("deserialize", "deserialize_ns"), ("serialize", "serialize_ns")] {
            let (Some(a), Some(b)) = (ours[key].as_f64(), theirs[key].as_f64()) else {
                table.push_str(&format!("| {payload} | {way} | – | – | – | not measured |\n"));
                continue;
            };
            let rate = |ns: f64| format!("{:.0} MB/s ({:.2} ms)", bytes / ns * 1e3, ns / 1e6);
            let ratio = b / a;
            table.push_str(&format!(
                "| {payload} ({:.0} KB) | {way} | {} | {} | {ratio:.3}× | {} |\n",
                bytes / 1e3,
                rate(a),
                rate(b),
                crate::bench::verdict(ratio >= TARGET)
            ));
        }
    }
    let notes: String = notes.iter().map(|n| format!("\n- {n}")).collect();
    Ok(format!(
        "\n{HEADING}\n\n`xtask/serde-bench` (release, {ROUNDS} rounds alternating which crate goes first, medians): the same \
         bytes through `serde_json` into the generated models (akgen's property loop) and into openapi-generator \
         {og_version}'s models (`#[derive(Deserialize, Serialize)]`), then the decoded value back to JSON. Payloads from \
         `conformance::payloads`: every property present. The ratio is the generated models' throughput over \
         openapi-generator's.\n\n{table}{notes}\n"
    ))
}
