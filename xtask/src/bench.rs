//! `cargo xtask bench [--runs N]`: every figure BENCH.md records, measured in one run and
//! written there with a description of the machine.
//!
//! - generation phases: the criterion benchmark `generator/benches/generate.rs` (medians);
//! - the CLI end to end: `akgen generate` (release) in a process of its own, median wall
//!   time and peak resident memory over several runs;
//! - compile time of the generated crate: a debug build and a `cargo check` of the crate
//!   alone (dependencies built beforehand, untimed), for three feature sets, with rustc's
//!   peak memory; the median of `--runs` runs (3 unless told);
//! - deserialize + validate throughput: `conformance/benches/validate.rs`;
//! - openapi-generator side by side, when it is installed: its generation time and memory,
//!   and the same compile measurements of the crate it writes, with the ratios, and the
//!   throughput of its serde-derived models against the generated ones (`serde_bench`;
//!   `--serde-only` measures just that and rewrites only its section);
//! - `akgen diff` of two authentik versions against `akgen generate` of one, as processes
//!   in the same run (`--diff-only` measures just these and rewrites only their section).
//!
//! Nothing here asserts: the targets are reported as met or missed.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// The openapi-generator release the comparison is stated for (PyPI `openapi-generator-cli`).
const OPENAPI_GENERATOR: &str = "openapi-generator-cli==7.24.0";

/// Runs of the CLI end to end (each a fresh output directory).
const CLI_RUNS: usize = 15;

/// What one measured process used.
#[derive(Debug, Clone, Copy)]
struct Usage {
    wall: Duration,
    /// Peak resident set of the process or its largest descendant (rustc under cargo), KiB.
    peak_kib: u64,
}

/// The medians of several runs of one measurement.
#[derive(Debug, Clone, Copy)]
struct Measured {
    wall: Duration,
    peak_kib: u64,
}

fn median(mut runs: Vec<Usage>) -> Measured {
    runs.sort_by_key(|u| u.wall);
    let wall = runs[runs.len() / 2].wall;
    let mut peaks: Vec<u64> = runs.iter().map(|u| u.peak_kib).collect();
    peaks.sort_unstable();
    Measured { wall, peak_kib: peaks[peaks.len() / 2] }
}

/// Runs `command` to completion and reports its wall time and peak memory, which the kernel
/// keeps for a child and its waited-for descendants (`wait4`), so cargo's rustc counts.
fn measure(command: &mut Command) -> Result<Usage, String> {
    let shown = format!("{command:?}");
    let start = Instant::now();
    let child = command.spawn().map_err(|e| format!("cannot run {shown}: {e}"))?;
    let mut status = 0;
    // SAFETY: `rusage` is plain data, valid when zeroed; `wait4` fills it in for our own
    // child, which nothing else waits for (the `Child` is dropped without `wait`).
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    let wall = start.elapsed();
    if pid < 0 {
        return Err(format!("waiting for {shown}: {}", std::io::Error::last_os_error()));
    }
    if !(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0) {
        return Err(format!("{shown} failed (wait status {status})"));
    }
    Ok(Usage { wall, peak_kib: usage.ru_maxrss as u64 })
}

fn run(command: &mut Command) -> Result<(), String> {
    measure(command).map(|_| ())
}

/// A crate whose debug build and check are timed.
#[derive(Clone)]
struct CompileSubject<'a> {
    label: &'a str,
    manifest: PathBuf,
    /// Touched before each timed run, so cargo rebuilds the crate and nothing else.
    root: PathBuf,
    target_dir: PathBuf,
    features: Vec<&'a str>,
}

/// Build and check of one subject.
struct CompileFigures {
    build: Measured,
    check: Measured,
}

fn cargo_command(subject: &CompileSubject, verb: &str) -> Command {
    let mut c = Command::new(crate::cargo());
    c.arg(verb).arg("--quiet").arg("--manifest-path").arg(&subject.manifest);
    c.args(&subject.features);
    // The same settings for every subject: no incremental cache (as for any dependency a
    // user builds), and the user's RUSTFLAGS left out so dependencies are built once.
    c.env("CARGO_TARGET_DIR", &subject.target_dir).env("CARGO_INCREMENTAL", "0").env_remove("RUSTFLAGS");
    c
}

fn touch(path: &Path) -> Result<(), String> {
    std::fs::File::options()
        .write(true)
        .open(path)
        .and_then(|f| f.set_modified(std::time::SystemTime::now()))
        .map_err(|e| format!("{}: {e}", path.display()))
}

fn compile(subject: &CompileSubject, runs: usize) -> Result<CompileFigures, String> {
    let mut figures = Vec::new();
    for verb in ["build", "check"] {
        eprintln!("bench: {verb} {} ({runs} runs after a warm-up)", subject.label);
        // The warm-up builds the dependencies (and the crate once, untimed).
        run(&mut cargo_command(subject, verb))?;
        let mut usages = Vec::new();
        for _ in 0..runs {
            touch(&subject.root)?;
            usages.push(measure(&mut cargo_command(subject, verb))?);
        }
        figures.push(median(usages));
    }
    Ok(CompileFigures { build: figures[0], check: figures[1] })
}

/// Criterion's median estimate for one benchmark, in nanoseconds.
fn criterion_median(group: &str, function: &str) -> Result<f64, String> {
    let path = crate::repo().join("target/criterion").join(group).join(function).join("new/estimates.json");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    value["median"]["point_estimate"].as_f64().ok_or_else(|| format!("{}: no median", path.display()))
}

/// The bytes per iteration a criterion benchmark declared.
fn criterion_bytes(group: &str, function: &str) -> Result<u64, String> {
    let path = crate::repo().join("target/criterion").join(group).join(function).join("new/benchmark.json");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    value["throughput"]["Bytes"].as_u64().ok_or_else(|| format!("{}: no byte throughput", path.display()))
}

/// openapi-generator's CLI: `$OPENAPI_GENERATOR_CLI`, the one on `PATH`, or the one
/// `--install-openapi-generator` put under `target/bench-tools`.
fn find_openapi_generator(install: bool) -> Result<Option<PathBuf>, String> {
    if let Some(p) = std::env::var_os("OPENAPI_GENERATOR_CLI") {
        return Ok(Some(PathBuf::from(p)));
    }
    let venv = crate::repo().join("target/bench-tools/venv");
    let local = venv.join("bin/openapi-generator-cli");
    if local.is_file() {
        return Ok(Some(local));
    }
    if let Some(found) = std::env::var_os("PATH")
        .and_then(|paths| std::env::split_paths(&paths).map(|d| d.join("openapi-generator-cli")).find(|p| p.is_file()))
    {
        return Ok(Some(found));
    }
    if !install {
        return Ok(None);
    }
    eprintln!("bench: installing {OPENAPI_GENERATOR} into {}", venv.display());
    run(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
    run(Command::new(venv.join("bin/pip")).args(["install", "--quiet", OPENAPI_GENERATOR]))?;
    Ok(Some(local))
}

/// Generates openapi-generator's `rust` crate into `out`, measured, then makes it build:
/// its own workspace (it sits under ours) and one known fix, `models::models::` paths it
/// writes for enum parameters (the official authentik client applies the same fix).
fn openapi_generator_crate(cli: &Path, spec: &Path, out: &Path) -> Result<Usage, String> {
    let _ = std::fs::remove_dir_all(out);
    let usage = measure(
        Command::new(cli)
            .args(["generate", "-g", "rust", "--package-name", "authentik-client", "-i"])
            .arg(spec)
            .arg("-o")
            .arg(out)
            .stdout(std::process::Stdio::null()),
    )?;
    let manifest = out.join("Cargo.toml");
    let text = std::fs::read_to_string(&manifest).map_err(|e| format!("{}: {e}", manifest.display()))?;
    std::fs::write(&manifest, format!("{text}\n[workspace]\n")).map_err(|e| format!("{}: {e}", manifest.display()))?;
    let mut stack = vec![out.join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))? {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
                if text.contains("models::models::") {
                    std::fs::write(&path, text.replace("models::models::", "models::")).map_err(|e| e.to_string())?;
                }
            }
        }
    }
    Ok(usage)
}

/// A line of the machine description.
fn machine() -> Vec<String> {
    let read = |p: &str| std::fs::read_to_string(p).unwrap_or_default();
    let cpuinfo = read("/proc/cpuinfo");
    let cpu = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name").map(|v| v.trim_start_matches([' ', '\t', ':']).to_owned()));
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0);
    let mem_kib: u64 = read("/proc/meminfo")
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0);
    let output = |program: &str, args: &[&str]| {
        Command::new(program)
            .args(args)
            .output()
            .ok()
            .map(|o| {
                let text = if o.stdout.is_empty() { o.stderr } else { o.stdout };
                String::from_utf8_lossy(&text).lines().next().unwrap_or("").trim().to_owned()
            })
            .unwrap_or_default()
    };
    vec![
        format!("CPU: {} ({cores} cores available)", cpu.unwrap_or_else(|| "unknown".into())),
        format!("memory: {:.1} GiB", mem_kib as f64 / 1024.0 / 1024.0),
        format!("kernel: Linux {}", read("/proc/sys/kernel/osrelease").trim()),
        format!("toolchain: {}", output("rustc", &["--version"])),
        format!("date: {}", output("date", &["-u", "+%Y-%m-%d"])),
    ]
}

/// The heading of the diff's section of BENCH.md.
const DIFF_HEADING: &str = "## `akgen diff` of two authentik versions";

/// `akgen diff` of the version before the pinned one against the pinned one, and `akgen
/// generate` of the pinned one, as processes, alternated so that both see the same machine.
fn diff_section(akgen: &Path, pinned: &Path) -> Result<String, String> {
    let old = pinned.with_file_name("schema-2026.2.6.yml");
    let scratch = crate::repo().join("target/bench-scratch-diff");
    let (mut generate, mut diff) = (Vec::new(), Vec::new());
    for i in 0..CLI_RUNS {
        let out = scratch.join(format!("akgen-{i}"));
        let _ = std::fs::remove_dir_all(&out);
        generate.push(measure(
            Command::new(akgen)
                .args(["generate", "--spec"])
                .arg(pinned)
                .arg("--out")
                .arg(&out)
                .stderr(std::process::Stdio::null()),
        )?);
        diff.push(measure(
            Command::new(akgen)
                .arg("diff")
                .arg(&old)
                .arg(pinned)
                .args(["--format", "json"])
                .stdout(std::process::Stdio::null()),
        )?);
    }
    let _ = std::fs::remove_dir_all(&scratch);
    let (generate, diff) = (median(generate), median(diff));
    let ratio = diff.wall.as_secs_f64() / generate.wall.as_secs_f64();
    let ms = |d: Duration| format!("{:.0} ms", d.as_secs_f64() * 1e3);
    Ok(format!(
        "\n{DIFF_HEADING}\n\n`akgen diff schema-2026.2.6.yml schema-2026.5.6.yml --format json` (release, {CLI_RUNS} runs, \
         alternated with `akgen generate` of the pinned spec): **{}** wall, **{}** peak; `akgen generate`: {} wall, {} peak. \
         The diff (both specs parsed, both IRs built, both passes, the report) takes {ratio:.2}× the time of generating one \
         crate (target ≤ 1×: {}).\n",
        ms(diff.wall),
        mib(diff.peak_kib),
        ms(generate.wall),
        mib(generate.peak_kib),
        verdict(ratio <= 1.0)
    ))
}

/// `text` with the section under `heading` (up to the next `## ` heading) replaced by
/// `section`, or `section` appended when there is none.
pub fn replace_section(text: &str, heading: &str, section: &str) -> String {
    match section_range(text, heading) {
        Some((start, end)) => format!("{}{section}{}", &text[..start], &text[end..]),
        None => format!("{text}{section}"),
    }
}

/// Where the section under `heading` lies in `text`: from the newline before the heading
/// up to the next `## ` heading or the end.
fn section_range(text: &str, heading: &str) -> Option<(usize, usize)> {
    let start = text.find(&format!("\n{heading}\n"))?;
    let after = start + 1 + heading.len();
    Some((start, text[after..].find("\n## ").map_or(text.len(), |i| after + i)))
}

/// The section under `heading` in `text` (up to the next `## ` heading), or nothing.
fn section_of(text: &str, heading: &str) -> String {
    section_range(text, heading).map_or_else(String::new, |(start, end)| text[start..end].to_owned())
}

/// What `openapi-generator-cli version` prints.
fn openapi_generator_version(cli: &Path) -> String {
    Command::new(cli)
        .arg("version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default()
}

fn secs(d: Duration) -> String {
    format!("{:.1} s", d.as_secs_f64())
}

fn mib(kib: u64) -> String {
    format!("{:.0} MiB", kib as f64 / 1024.0)
}

pub(crate) fn verdict(met: bool) -> &'static str {
    if met { "met" } else { "**missed**" }
}

/// `cargo xtask bench [--runs N] [--install-openapi-generator] [--diff-only | --serde-only |
/// --compile-only]`.
pub fn bench(args: &[String]) -> Result<(), String> {
    let mut runs = 3;
    let mut install = false;
    let mut diff_only = false;
    let mut serde_only = false;
    let mut compile_only = false;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--runs" => {
                runs = rest
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|n| *n > 0)
                    .ok_or("--runs takes a positive number")?
            }
            "--install-openapi-generator" => install = true,
            "--diff-only" => diff_only = true,
            "--serde-only" => serde_only = true,
            "--compile-only" => compile_only = true,
            other => return Err(format!("unexpected argument {other:?}")),
        }
    }
    let repo = crate::repo();
    let cargo = crate::cargo();
    let spec = akgen::spec_source::resolve(None).map_err(|e| e.to_string())?;
    let spec = std::fs::canonicalize(&spec).map_err(|e| format!("{}: {e}", spec.display()))?;
    if diff_only {
        run(Command::new(&cargo).args(["build", "--release", "--quiet", "--package", "akgen"]).current_dir(&repo))?;
        let section = diff_section(&repo.join("target/release/akgen"), &spec)?;
        return write_section(&repo, DIFF_HEADING, &section);
    }

    if serde_only {
        let (cli_path, out) = required_openapi_generator_crate(&repo, &spec, install)?;
        let section = crate::serde_bench::section(&out, &openapi_generator_version(&cli_path))?;
        return write_section(&repo, crate::serde_bench::HEADING, &section);
    }

    if compile_only {
        // The compile-time section alone, against openapi-generator's crate: what a change
        // to the emitter or the runtime must not give back.
        let (_, out) = required_openapi_generator_crate(&repo, &spec, install)?;
        let subjects = compile_subjects(&repo)?;
        let compiled = subjects.iter().map(|s| compile(s, runs)).collect::<Result<Vec<_>, _>>()?;
        let theirs = compile(&openapi_generator_subject(&repo, &out), runs)?;
        return write_section(&repo, COMPILE_HEADING, &compile_section(&subjects, &compiled, Some(&theirs), runs));
    }

    // Generation, phase by phase, and deserialize + validate.
    for (package, bench) in [("akgen", "generate"), ("conformance", "validate")] {
        run(Command::new(&cargo).args(["bench", "--package", package, "--bench", bench]).current_dir(&repo))?;
    }
    let pinned = "pinned spec";
    let phases: Vec<(&str, f64)> =
        ["parse", "ir", "emit", "format", "render (emit + format, in parallel)", "write", "end to end"]
            .into_iter()
            .map(|p| criterion_median(pinned, p).map(|m| (p, m)))
            .collect::<Result<_, _>>()?;
    let page = "PaginatedTokenList(100)";
    let (deserialize, validate) = (criterion_median(page, "deserialize")?, criterion_median(page, "validate")?);
    let large = "PaginatedTokenList(1000)";
    let (large_ns, large_bytes) =
        (criterion_median(large, "deserialize + validate")?, criterion_bytes(large, "deserialize + validate")?);

    // The CLI end to end, in a process of its own.
    run(Command::new(&cargo).args(["build", "--release", "--quiet", "--package", "akgen"]).current_dir(&repo))?;
    let akgen = repo.join("target/release/akgen");
    let scratch = repo.join("target/bench-scratch");
    let mut cli = Vec::new();
    for i in 0..CLI_RUNS {
        let out = scratch.join(format!("akgen-{i}"));
        let _ = std::fs::remove_dir_all(&out);
        cli.push(measure(Command::new(&akgen).args(["generate", "--spec"]).arg(&spec).arg("--out").arg(&out))?);
    }
    let _ = std::fs::remove_dir_all(&scratch);
    let cli = median(cli);
    let diff = diff_section(&akgen, &spec)?;

    // Compile times of the generated crate.
    let subjects = compile_subjects(&repo)?;
    let compiled = subjects.iter().map(|s| compile(s, runs)).collect::<Result<Vec<_>, _>>()?;

    // openapi-generator, side by side.
    let og = match find_openapi_generator(install)? {
        None => {
            eprintln!("bench: openapi-generator not found; `--install-openapi-generator` installs {OPENAPI_GENERATOR}");
            None
        }
        Some(cli_path) => {
            let out = repo.join("target/bench-openapi-generator/crate");
            eprintln!("bench: openapi-generator generating into {}", out.display());
            let generation = openapi_generator_crate(&cli_path, &spec, &out)?;
            let version = openapi_generator_version(&cli_path);
            let figures = compile(&openapi_generator_subject(&repo, &out), runs)?;
            let serde = crate::serde_bench::section(&out, &version)?;
            Some((version, generation, figures, serde))
        }
    };

    let og_compile = og.as_ref().map(|(version, generation, figures, _)| (version, generation, figures));
    let mut text =
        report(&phases, cli, &subjects, &compiled, og_compile, (deserialize, validate), (large_ns, large_bytes), runs);
    text.push_str(&diff);
    // The load test's figures come from `cargo xtask load`, and the serde comparison's from
    // a run with openapi-generator installed: keep what this run did not measure.
    let old = std::fs::read_to_string(repo.join("BENCH.md")).unwrap_or_default();
    match &og {
        Some((.., serde)) => text.push_str(serde),
        None => text.push_str(&section_of(&old, crate::serde_bench::HEADING)),
    }
    text.push_str(&section_of(&old, crate::load::HEADING));
    std::fs::write(repo.join("BENCH.md"), &text).map_err(|e| format!("BENCH.md: {e}"))?;
    print!("{text}");
    Ok(())
}

/// The generated crates whose compile times the bench takes, in the order of the
/// section's rows (the first two have targets against openapi-generator's crate).
fn compile_subjects(repo: &Path) -> Result<Vec<CompileSubject<'static>>, String> {
    let ours = |label, features: Vec<&'static str>| CompileSubject {
        label,
        manifest: repo.join("generated/Cargo.toml"),
        root: repo.join("generated/src/lib.rs"),
        target_dir: repo.join("target/bench-compile"),
        features,
    };
    let mut subjects = vec![
        ours("client, all tags (default features)", vec![]),
        ours("client, `core` only", vec!["--no-default-features", "--features", "client,core"]),
        ours("client and server, all tags", vec!["--all-features"]),
    ];
    // authentik's own client's 18 operations (specs/configs/authentik-18), as a crate of
    // its own outside the workspace.
    let subset = repo.join("target/bench-18/crate");
    akgen::Generator::new()
        .config(repo.join("specs/configs/authentik-18/akgen.toml"))
        .and_then(|g| g.write_crate(&subset, true))
        .map_err(|e| format!("the 18-operation crate: {e}"))?;
    let manifest = subset.join("Cargo.toml");
    let text = std::fs::read_to_string(&manifest).map_err(|e| format!("{}: {e}", manifest.display()))?;
    if !text.contains("\n[workspace]") {
        std::fs::write(&manifest, format!("{text}\n[workspace]\n"))
            .map_err(|e| format!("{}: {e}", manifest.display()))?;
    }
    subjects.push(CompileSubject {
        label: "authentik's 18 operations (`specs/configs/authentik-18`), client and server",
        manifest,
        root: subset.join("src/lib.rs"),
        target_dir: repo.join("target/bench-compile"),
        features: vec!["--all-features"],
    });
    Ok(subjects)
}

/// For the sections that need openapi-generator's crate: the CLI (an error when it is
/// neither installed nor to be installed) and the crate, generated from `spec`.
fn required_openapi_generator_crate(repo: &Path, spec: &Path, install: bool) -> Result<(PathBuf, PathBuf), String> {
    let cli_path = find_openapi_generator(install)?
        .ok_or("openapi-generator is not installed; add --install-openapi-generator")?;
    let out = repo.join("target/bench-openapi-generator/crate");
    openapi_generator_crate(&cli_path, spec, &out)?;
    Ok((cli_path, out))
}

/// Replaces the section under `heading` in BENCH.md with `section` and prints it: what each
/// of the `--…-only` runs ends with.
fn write_section(repo: &Path, heading: &str, section: &str) -> Result<(), String> {
    let path = repo.join("BENCH.md");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("BENCH.md: {e}"))?;
    std::fs::write(&path, replace_section(&text, heading, section)).map_err(|e| format!("BENCH.md: {e}"))?;
    print!("{section}");
    Ok(())
}

/// openapi-generator's crate (generated into `out`) as a compile subject.
fn openapi_generator_subject(repo: &Path, out: &Path) -> CompileSubject<'static> {
    CompileSubject {
        label: "openapi-generator `rust`",
        manifest: out.join("Cargo.toml"),
        root: out.join("src/lib.rs"),
        target_dir: repo.join("target/bench-openapi-generator/target"),
        // No TLS backend: the crate alone is measured, and this keeps system
        // libraries (OpenSSL) and C builds out of its dependencies.
        features: vec!["--no-default-features"],
    }
}

/// A writer of lines into `md`, each ended with a newline.
fn lines(md: &mut String) -> impl FnMut(&str) + '_ {
    |s| {
        md.push_str(s);
        md.push('\n');
    }
}

const COMPILE_HEADING: &str = "## Compiling the generated crate";

/// The compile-time section: each subject's figures and, with openapi-generator's (`og`),
/// the ratios and their targets.
fn compile_section(
    subjects: &[CompileSubject],
    compiled: &[CompileFigures],
    og: Option<&CompileFigures>,
    runs: usize,
) -> String {
    let mut md = String::new();
    let mut line = lines(&mut md);
    line("");
    line(COMPILE_HEADING);
    line("");
    let taken = if runs == 1 { "one run".to_owned() } else { format!("median of {runs} runs") };
    line(&format!(
        "Debug build and `cargo check` of the crate alone: dependencies built beforehand, the crate's root touched, \
         `CARGO_INCREMENTAL=0` (as cargo builds any dependency); {taken}. Peak is rustc's resident memory."
    ));
    line("");
    line("| crate | build | build peak | check | check peak |");
    line("|---|---|---|---|---|");
    let mut rows: Vec<(&str, &CompileFigures)> = subjects.iter().map(|s| s.label).zip(compiled).collect();
    if let Some(figures) = og {
        rows.push(("openapi-generator `rust` (its crate, no TLS feature)", figures));
    }
    for (label, f) in &rows {
        line(&format!(
            "| {label} | {} | {} | {} | {} |",
            secs(f.build.wall),
            mib(f.build.peak_kib),
            secs(f.check.wall),
            mib(f.check.peak_kib)
        ));
    }
    line("");
    match og {
        Some(theirs) => {
            line("Against openapi-generator's crate, measured in the same run:");
            line("");
            line("| akgen crate | build | check | build peak | check peak | target |");
            line("|---|---|---|---|---|---|");
            let ratio = |a: Measured, b: Measured| {
                (a.wall.as_secs_f64() / b.wall.as_secs_f64(), a.peak_kib as f64 / b.peak_kib as f64)
            };
            for (subject, f, limit) in [(&subjects[0], &compiled[0], 0.5), (&subjects[1], &compiled[1], 0.15)] {
                let (build, build_mem) = ratio(f.build, theirs.build);
                let (check, check_mem) = ratio(f.check, theirs.check);
                let met = build <= limit && check <= limit && (limit < 0.5 || (build_mem <= 0.5 && check_mem <= 0.5));
                let memory = if limit < 0.5 { String::new() } else { ", memory ≤ 0.5×".to_owned() };
                line(&format!(
                    "| {} | {build:.2}× | {check:.2}× | {build_mem:.2}× | {check_mem:.2}× | ≤ {limit}×{memory}: {} |",
                    subject.label,
                    verdict(met)
                ));
            }
        }
        None => line(
            "openapi-generator was not installed, so there are no ratios; `cargo xtask bench --install-openapi-generator` adds them.",
        ),
    }
    drop(line);
    md
}

#[allow(clippy::too_many_arguments)]
fn report(
    phases: &[(&str, f64)],
    cli: Measured,
    subjects: &[CompileSubject],
    compiled: &[CompileFigures],
    og: Option<(&String, &Usage, &CompileFigures)>,
    (deserialize, validate): (f64, f64),
    (large_ns, large_bytes): (f64, u64),
    runs: usize,
) -> String {
    let mut md = String::new();
    let mut line = lines(&mut md);
    line("# Benchmarks");
    line("");
    line("Written by `cargo xtask bench` (see `xtask/src/bench.rs` for how each figure is taken);");
    line("regenerate it rather than editing it. Times are medians; no test is timed.");
    line("");
    line("## Machine");
    line("");
    for m in machine() {
        line(&format!("- {m}"));
    }
    line("");
    line("## Generation of the pinned spec (`schema-2026.5.6.yml`)");
    line("");
    line("Phases, in process (criterion medians; optimized like the release build but without its LTO):");
    line("");
    line("| phase | median |");
    line("|---|---|");
    let notes = [
        ("parse", "YAML → JSON tree → akgen's document model, with the version check"),
        (
            "ir",
            "names, types and operations; `$ref`s are resolved here, as the IR follows them; warnings located in the text",
        ),
        ("emit", "IR → token streams, every part of every Rust module, one after another"),
        ("format", "syn + prettyplease, every part, one after another"),
        ("render (emit + format, in parallel)", "what akgen runs: the parts spread over the cores, largest first"),
        ("write", "staged write of the 64 files and the manifest into an empty directory"),
        ("end to end", "all of the above, and freeing it all"),
    ];
    for (phase, ns) in phases {
        let note = notes.iter().find(|(p, _)| p == phase).map(|(_, n)| *n).unwrap_or("");
        let label = phase.split(" (").next().unwrap_or(phase);
        line(&format!("| {label} ({note}) | {:.0} ms |", ns / 1e6));
    }
    line("");
    let wall_ok = cli.wall <= Duration::from_millis(500);
    let mem_ok = cli.peak_kib <= 150 * 1024;
    line(&format!(
        "`akgen generate` as a process (release, {CLI_RUNS} runs, a fresh output directory each): **{}** wall, **{}** peak resident memory.",
        format_args!("{:.0} ms", cli.wall.as_secs_f64() * 1e3),
        mib(cli.peak_kib)
    ));
    line(&format!("Targets: ≤ 0.5 s wall — {}; ≤ 150 MiB — {}.", verdict(wall_ok), verdict(mem_ok)));
    if let Some((version, generation, _)) = og {
        line("");
        line(&format!(
            "openapi-generator {version} (`-g rust`, one run): {} wall, {} peak: akgen takes {:.3}× the time and {:.2}× the memory.",
            secs(generation.wall),
            mib(generation.peak_kib),
            cli.wall.as_secs_f64() / generation.wall.as_secs_f64(),
            cli.peak_kib as f64 / generation.peak_kib as f64
        ));
    }
    for l in compile_section(subjects, compiled, og.map(|(_, _, figures)| figures), runs).lines() {
        line(l);
    }
    line("");
    line("## Deserialize and validate");
    line("");
    line(
        "Pages synthesized from the spec's `Token` schema with every property present, so every constraint of `Token` and the nested `User` runs.",
    );
    line("");
    line("| measurement | median |");
    line("|---|---|");
    line(&format!("| `PaginatedTokenList`, 100 items: deserialize | {:.1} µs |", deserialize / 1e3));
    line(&format!("| `PaginatedTokenList`, 100 items: validate | {:.1} µs |", validate / 1e3));
    line(&format!(
        "| validate / deserialize (target < 1: {}) | {:.2} |",
        if validate < deserialize { "met" } else { "**missed**" },
        validate / deserialize
    ));
    line(&format!(
        "| `PaginatedTokenList`, 1,000 items ({:.0} KiB): deserialize + validate | {:.2} ms, {:.0} MiB/s |",
        large_bytes as f64 / 1024.0,
        large_ns / 1e6,
        large_bytes as f64 / (large_ns / 1e9) / 1024.0 / 1024.0
    ));
    drop(line);
    md
}
