//! `akgen-load`: a bounded, checked load on authentik's tokens endpoints.
//!
//! ```text
//! akgen-load run --url http://127.0.0.1:8000/api/v3 --token SECRET [--requests N] [--connections C] [--exclusive]
//! akgen-load compare --server PATH [--requests N] [--connections C] [--rounds R] [--markdown FILE]
//! akgen-load ceiling            (bodies as JSON on standard input)
//! ```
//!
//! `run` drives any server of the tokens API on this machine and exits 1 when a check
//! fails. `compare` starts the tokens-server example (PATH) and the bare-axum [`ceiling`],
//! runs the same load against each in turn, checks the server's memory and writes the
//! figures as Markdown (`cargo xtask load` puts them into BENCH.md).

mod ceiling;
mod mix;

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, Command, ExitCode, Stdio};
use std::time::Duration;

use mix::{Kind, Options, Outcome, Target};

/// The token the `compare` command gives the server it starts.
const TOKEN: &str = "akgen-load-token";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("a tokio runtime");
    let result = match args.first().map(String::as_str) {
        Some("run") => runtime.block_on(run(&args[1..])),
        Some("compare") => runtime.block_on(compare(&args[1..])),
        Some("ceiling") => runtime.block_on(serve_ceiling()),
        _ => Err("usage: akgen-load run --url URL --token T [--requests N] [--connections C] [--exclusive] | \
                  compare --server PATH [--requests N] [--connections C] [--rounds R] [--markdown FILE] | ceiling"
            .into()),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("akgen-load: {e}");
            ExitCode::from(2)
        }
    }
}

/// The flags of a command: `--name value` pairs and bare `--name` switches.
struct Flags<'a>(&'a [String]);

impl Flags<'_> {
    fn value(&self, name: &str) -> Option<&str> {
        self.0.iter().position(|a| a == name).and_then(|i| self.0.get(i + 1)).map(String::as_str)
    }

    fn number(&self, name: &str, default: u64) -> Result<u64, String> {
        self.value(name).map_or(Ok(default), |v| v.parse().map_err(|_| format!("{name} {v}: not a number")))
    }

    fn has(&self, name: &str) -> bool {
        self.0.iter().any(|a| a == name)
    }
}

fn options(flags: &Flags, tag: &str) -> Result<Options, String> {
    let connections = flags.number("--connections", 64)? as usize;
    if connections == 0 {
        return Err("--connections must be at least 1".into());
    }
    Ok(Options {
        connections,
        requests: flags.number("--requests", 100_000)?,
        checked: true,
        exclusive: flags.has("--exclusive"),
        tag: tag.to_owned(),
    })
}

/// A tag for identifiers that differs between runs, so runs on one server do not collide.
fn fresh_tag() -> String {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    format!("{:x}", now.as_millis() % 0xFFFF_FFFF)
}

async fn run(args: &[String]) -> Result<bool, String> {
    let flags = Flags(args);
    let url = flags.value("--url").ok_or("--url is required")?;
    let token = flags.value("--token").map(str::to_owned).or_else(|| std::env::var("AUTHENTIK_TOKEN").ok());
    let target = Target::parse(url, &token.ok_or("--token (or AUTHENTIK_TOKEN) is required")?)?;
    let options = options(&flags, &fresh_tag())?;
    let outcome = mix::run(&target, &options).await?;
    println!("{}", table(&[("server", &outcome)]));
    println!("{}", checks(&outcome));
    Ok(outcome.passed())
}

/// A child process that is killed when dropped, on every path out.
struct Server {
    child: Child,
    url: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Starts `command`, writes `input` to its standard input, and waits for the line
    /// on standard error that names its URL (`… on http://…`).
    fn start(mut command: Command, input: &str) -> Result<Server, String> {
        let mut child = command
            .stdin(Stdio::piped())
            .stderr(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start {command:?}: {e}"))?;
        let mut stdin = child.stdin.take().expect("piped");
        stdin.write_all(input.as_bytes()).map_err(|e| e.to_string())?;
        drop(stdin);
        let mut lines = BufReader::new(child.stderr.take().expect("piped")).lines();
        let mut server = Server { child, url: String::new() };
        let line = lines.next().and_then(Result::ok).ok_or_else(|| format!("{command:?} said nothing and ended"))?;
        server.url =
            line.split_once(" on ").map(|(_, url)| url.trim().to_owned()).ok_or(format!("unexpected: {line}"))?;
        // Keep reading what it says, so a full pipe never blocks it.
        std::thread::spawn(move || lines.for_each(|l| eprintln!("server: {}", l.unwrap_or_default())));
        Ok(server)
    }

    fn pid(&self) -> u32 {
        self.child.id()
    }
}

/// `VmRSS` and `VmHWM` (the peak) of a process, in KiB, from `/proc`.
fn memory(pid: u32) -> Result<(u64, u64), String> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).map_err(|e| format!("/proc/{pid}: {e}"))?;
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
    };
    Ok((field("VmRSS:").ok_or("no VmRSS")?, field("VmHWM:").ok_or("no VmHWM")?))
}

/// The bound on the tokens server's resident memory after the load: its resident memory
/// after warm-up, plus a quarter, plus 8 MiB. The store is bounded (every run cleans up),
/// so growth past allocator slack means something is kept per request.
fn memory_bound(after_warm_up: u64) -> u64 {
    after_warm_up + after_warm_up / 4 + 8 * 1024
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n % 2 == 1 { values[n / 2] } else { (values[n / 2 - 1] + values[n / 2]) / 2.0 }
}

/// The round whose throughput is the median of `rounds` (the lower middle of an even count).
fn middle(rounds: &[Outcome]) -> &Outcome {
    let mut order: Vec<&Outcome> = rounds.iter().collect();
    order.sort_by(|a, b| a.per_second().total_cmp(&b.per_second()));
    order[(order.len() - 1) / 2]
}

fn millis(micros: u32) -> String {
    format!("{:.2} ms", f64::from(micros) / 1000.0)
}

fn table(rows: &[(&str, &Outcome)]) -> String {
    let mut out = String::from("| server | requests/s | p50 | p99 | p99.9 |\n|---|---:|---:|---:|---:|\n");
    for (name, o) in rows {
        out += &format!(
            "| {name} | {:.0} | {} | {} | {} |\n",
            o.per_second(),
            millis(o.quantile(0.5)),
            millis(o.quantile(0.99)),
            millis(o.quantile(0.999))
        );
    }
    out
}

fn checks(o: &Outcome) -> String {
    let mix: Vec<String> =
        Kind::ALL.iter().map(|k| format!("{} {}", o.by_kind.get(k).unwrap_or(&0), k.label())).collect();
    let mut out = format!(
        "{} requests: {}. Unexpected statuses: {}. Lost writes: {}. Tokens held at the end: {} (each listed as last written).\n",
        o.requests,
        mix.join(", "),
        o.unexpected,
        o.lost,
        o.live
    );
    for p in &o.problems {
        out += &format!("- {p}\n");
    }
    out
}

async fn compare(args: &[String]) -> Result<bool, String> {
    let flags = Flags(args);
    let binary = flags.value("--server").ok_or("--server PATH (the tokens-server binary) is required")?;
    let rounds = flags.number("--rounds", 3)?.max(1);
    let measured = options(&flags, "")?;
    let warm_up = Options { requests: (measured.requests / 10).max(2_000), exclusive: true, ..measured.clone() };

    let mut command = Command::new(binary);
    command.args(["--port", "0", "--token", TOKEN]);
    let server = Server::start(command, "")?;
    let target = Target::parse(&server.url, TOKEN)?;
    let warm = mix::run(&target, &Options { tag: "warm".into(), ..warm_up.clone() }).await?;
    let mut passed = warm.passed();
    // The server's own answers are what the ceiling answers with.
    let mut command = Command::new(std::env::current_exe().map_err(|e| e.to_string())?);
    command.arg("ceiling");
    let ceiling = Server::start(command, &ceiling::encode(&warm.bodies))?;
    let ceiling_target = Target::parse(&ceiling.url, TOKEN)?;
    mix::run(&ceiling_target, &Options { checked: false, tag: "warm".into(), ..warm_up.clone() }).await?;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let (after_warm_up, _) = memory(server.pid())?;

    let (mut real, mut bare) = (Vec::new(), Vec::new());
    for round in 0..rounds {
        let options = Options { exclusive: true, tag: format!("r{round}"), ..measured.clone() };
        let outcome = mix::run(&target, &options).await?;
        eprintln!("round {round}: tokens-server {:.0}/s", outcome.per_second());
        passed &= outcome.passed();
        real.push(outcome);
        let outcome = mix::run(&ceiling_target, &Options { checked: false, ..options }).await?;
        eprintln!("round {round}: ceiling {:.0}/s", outcome.per_second());
        passed &= outcome.unexpected == 0;
        bare.push(outcome);
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let (after, peak) = memory(server.pid())?;
    let bound = memory_bound(after_warm_up);
    passed &= after <= bound;

    let ratio = median(real.iter().zip(&bare).map(|(r, b)| r.per_second() / b.per_second()).collect());
    let mib = |kib: u64| format!("{:.1} MiB", kib as f64 / 1024.0);
    let mut text = format!(
        "{} keep-alive HTTP/1.1 connections on loopback; {rounds} round(s) of {} requests against each server, \
         alternating; the round of median throughput is shown. The load generator shares the machine with the server.\n\n",
        measured.connections, measured.requests
    );
    text += &table(&[
        ("tokens-server example (generated server, `core` tag)", middle(&real)),
        ("bare axum handler, same JSON (ceiling)", middle(&bare)),
    ]);
    text += &format!("\nThroughput: **{ratio:.2}×** the ceiling (median of the rounds' ratios; target ≥ 0.5×).\n\n");
    for (i, o) in real.iter().enumerate() {
        text += &format!("Round {i}: {}", checks(o));
    }
    text += &format!(
        "\nResident memory of the tokens server: {} after warm-up ({} requests), {} after the last round \
         (bound: {}, the warm-up figure + 25% + 8 MiB: {}), peak {}.\n",
        mib(after_warm_up),
        warm_up.requests,
        mib(after),
        mib(bound),
        if after <= bound { "within" } else { "**exceeded**" },
        mib(peak)
    );
    if !warm.passed() {
        text += &format!("\nWarm-up: {}", checks(&warm));
    }
    print!("{text}");
    if let Some(path) = flags.value("--markdown") {
        std::fs::write(path, &text).map_err(|e| format!("{path}: {e}"))?;
    }
    drop(ceiling);
    drop(server);
    Ok(passed)
}

async fn serve_ceiling() -> Result<bool, String> {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).map_err(|e| e.to_string())?;
    let bodies = ceiling::decode(&input)?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.map_err(|e| e.to_string())?;
    let base = "/api/v3";
    eprintln!("ceiling on http://{}{base}", listener.local_addr().map_err(|e| e.to_string())?);
    axum::serve(listener, ceiling::router(base, bodies)).await.map_err(|e| e.to_string())?;
    Ok(true)
}
