//! The request mix, its ledger and its checks.
//!
//! Each worker owns one kept-alive HTTP/1.1 connection and the tokens whose identifiers
//! start with its prefix. It remembers what it last wrote to each of them (the ledger), so
//! every answer can be checked against it: a retrieve or a list that disagrees with the
//! ledger is a lost write. Only the worker touches its tokens, so on a correct server the
//! ledger and the server never disagree, however the workers interleave.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::client::conn::http1::SendRequest;
use hyper::header::{AUTHORIZATION, CONTENT_TYPE, HOST};
use hyper::{Method, Request};
use serde_json::{Value, json};

/// Where the load goes: a base URL like `http://127.0.0.1:8000/api/v3`.
#[derive(Debug, Clone)]
pub struct Target {
    pub addr: SocketAddr,
    /// `host:port`, for the `Host` header.
    pub authority: String,
    /// The path every operation path is appended to (`/api/v3`).
    pub base: String,
    pub token: String,
}

impl Target {
    /// Parses `http://HOST:PORT/BASE`; the host must resolve to a loopback address, since
    /// the load generator is for servers on this machine.
    pub fn parse(url: &str, token: &str) -> Result<Target, String> {
        let rest = url.strip_prefix("http://").ok_or_else(|| format!("{url}: only http:// URLs are supported"))?;
        let (authority, base) = rest.split_once('/').map_or((rest, ""), |(a, b)| (a, b));
        let addr = std::net::ToSocketAddrs::to_socket_addrs(authority)
            .map_err(|e| format!("{authority}: {e}"))?
            .next()
            .ok_or_else(|| format!("{authority}: no address"))?;
        if !addr.ip().is_loopback() {
            return Err(format!(
                "{url}: {} is not a loopback address; the load generator targets this machine only",
                addr.ip()
            ));
        }
        let base = format!("/{}", base.trim_matches('/'));
        Ok(Target {
            addr,
            authority: authority.to_owned(),
            base: base.trim_end_matches('/').to_owned(),
            token: token.to_owned(),
        })
    }
}

/// How one run goes.
#[derive(Debug, Clone)]
pub struct Options {
    /// Workers, each with one connection.
    pub connections: usize,
    /// Requests of the mix, over all workers (the checks and clean-up at the end come on top).
    pub requests: u64,
    /// Whether answers are checked against the ledger (off for the ceiling, whose answers
    /// are canned); statuses are checked either way.
    pub checked: bool,
    /// Whether the server holds no tokens but this run's, so the total count can be checked.
    pub exclusive: bool,
    /// Distinguishes this run's identifiers from other runs' on the same server.
    pub tag: String,
}

/// The kinds of request in the mix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    List,
    Create,
    Retrieve,
    Patch,
    Put,
    Delete,
}

impl Kind {
    pub const ALL: [Kind; 6] = [Kind::List, Kind::Create, Kind::Retrieve, Kind::Patch, Kind::Put, Kind::Delete];

    /// What the mix says, before the ledger's size bends it (a create when the worker
    /// holds [`CAP`] tokens becomes a delete; anything but a create or list on an empty
    /// ledger becomes a create).
    fn roll(percent: u64) -> Kind {
        match percent {
            0..15 => Kind::List,
            15..35 => Kind::Create,
            35..65 => Kind::Retrieve,
            65..80 => Kind::Patch,
            80..90 => Kind::Put,
            _ => Kind::Delete,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Kind::List => "list (search, intent, ordering, page_size)",
            Kind::Create => "create",
            Kind::Retrieve => "retrieve",
            Kind::Patch => "PATCH with `expires: null`",
            Kind::Put => "PUT",
            Kind::Delete => "delete",
        }
    }
}

/// The most tokens one worker holds at once, so the server's store stays bounded.
pub const CAP: usize = 16;

/// The JSON bodies the server gave, one of each kind, for the ceiling to answer with.
pub type Bodies = BTreeMap<Kind, Bytes>;

/// What a run measured and found.
#[derive(Debug, Default)]
pub struct Outcome {
    pub requests: u64,
    pub elapsed: Duration,
    /// Latency of every request of the mix, in microseconds, sorted.
    pub latencies: Vec<u32>,
    pub by_kind: BTreeMap<Kind, u64>,
    /// Answers with a status the operation should not have given.
    pub unexpected: u64,
    /// Answers that disagree with the ledger.
    pub lost: u64,
    /// The first problems, described.
    pub problems: Vec<String>,
    /// Tokens the ledgers held at the end, all of which the final check found.
    pub live: usize,
    pub bodies: Bodies,
}

impl Outcome {
    pub fn per_second(&self) -> f64 {
        self.requests as f64 / self.elapsed.as_secs_f64()
    }

    /// The latency at quantile `q` (0..=1), in microseconds.
    pub fn quantile(&self, q: f64) -> u32 {
        let n = self.latencies.len();
        if n == 0 {
            return 0;
        }
        let rank = ((q * n as f64).ceil() as usize).clamp(1, n);
        self.latencies[rank - 1]
    }

    pub fn passed(&self) -> bool {
        self.unexpected == 0 && self.lost == 0
    }

    fn note(&mut self, problem: Problem) {
        match &problem {
            Problem::Status(_) => self.unexpected += 1,
            Problem::Lost(_) => self.lost += 1,
        }
        if self.problems.len() < 20 {
            self.problems.push(match problem {
                Problem::Status(m) => format!("unexpected status: {m}"),
                Problem::Lost(m) => format!("lost write: {m}"),
            });
        }
    }
}

enum Problem {
    Status(String),
    Lost(String),
}

/// What the worker last wrote to one token.
#[derive(Debug, Clone)]
struct Written {
    description: String,
    expires: Option<String>,
}

/// One kept-alive HTTP/1.1 connection.
struct Connection {
    sender: SendRequest<Full<Bytes>>,
    target: Arc<Target>,
}

impl Connection {
    async fn open(target: Arc<Target>) -> Result<Connection, String> {
        let stream =
            tokio::net::TcpStream::connect(target.addr).await.map_err(|e| format!("connect {}: {e}", target.addr))?;
        stream.set_nodelay(true).map_err(|e| e.to_string())?;
        let (sender, connection) = hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(stream))
            .await
            .map_err(|e| format!("handshake: {e}"))?;
        tokio::spawn(connection);
        Ok(Connection { sender, target })
    }

    /// Sends one request and reads the whole answer. A failure here (the server closed the
    /// connection, or answered something that is not HTTP) ends the run.
    async fn send(&mut self, method: Method, path: &str, body: Option<Value>) -> Result<(u16, Bytes), String> {
        self.sender.ready().await.map_err(|e| format!("{method} {path}: connection lost: {e}"))?;
        let uri = format!("{}{path}", self.target.base);
        let mut request = Request::builder()
            .method(method.clone())
            .uri(&uri)
            .header(HOST, &self.target.authority)
            .header(AUTHORIZATION, format!("Bearer {}", self.target.token));
        let bytes = match body {
            Some(body) => {
                request = request.header(CONTENT_TYPE, "application/json");
                Bytes::from(body.to_string())
            }
            None => Bytes::new(),
        };
        let request = request.body(Full::new(bytes)).map_err(|e| e.to_string())?;
        let response = self.sender.send_request(request).await.map_err(|e| format!("{method} {uri}: {e}"))?;
        let status = response.status().as_u16();
        let body = response.into_body().collect().await.map_err(|e| format!("{method} {uri}: body: {e}"))?;
        Ok((status, body.to_bytes()))
    }
}

/// A small deterministic generator (xorshift64*), so a run's mix is the same every time.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 32) % n
    }
}

/// `expires` as written or read, in one spelling: RFC 3339 with `Z` and no zero fraction.
fn instant(value: &Value) -> Option<String> {
    let text = value.as_str()?;
    let text = text.strip_suffix("+00:00").map_or_else(|| text.trim_end_matches('Z').to_owned(), str::to_owned);
    let text = text.split_once('.').map_or(text.clone(), |(whole, fraction)| {
        if fraction.bytes().all(|b| b == b'0') { whole.to_owned() } else { text.clone() }
    });
    Some(format!("{text}Z"))
}

struct Worker {
    connection: Connection,
    prefix: String,
    ledger: BTreeMap<String, Written>,
    rng: Rng,
    made: u64,
    checked: bool,
    outcome: Outcome,
}

impl Worker {
    fn expect(&mut self, what: &str, status: u16, want: u16) -> bool {
        if status != want {
            self.outcome.note(Problem::Status(format!("{what}: {status}, expected {want}")));
        }
        status == want
    }

    /// Compares a token the server returned with what the ledger says of it.
    fn agrees(&mut self, what: &str, token: &Value, identifier: &str) {
        if !self.checked {
            return;
        }
        let Some(written) = self.ledger.get(identifier) else {
            self.outcome.note(Problem::Lost(format!("{what}: {identifier} is not in the ledger")));
            return;
        };
        let description = token["description"].as_str().unwrap_or_default();
        let expires = instant(&token["expires"]);
        if token["identifier"] != identifier || description != written.description || expires != written.expires {
            let message = format!(
                "{what}: {identifier} has description {description:?}, expires {expires:?}; the ledger has {:?}, {:?}",
                written.description, written.expires
            );
            self.outcome.note(Problem::Lost(message));
        }
    }

    fn pick(&mut self) -> String {
        let n = self.rng.below(self.ledger.len() as u64) as usize;
        self.ledger.keys().nth(n).cloned().expect("a ledger entry")
    }

    fn path(identifier: &str) -> String {
        format!("/core/tokens/{identifier}/")
    }

    /// Sends a write (create, PATCH or PUT) and, when it gets the expected status, records
    /// what it wrote in the ledger and checks that the answer says the same.
    async fn write(
        &mut self,
        (what, method, want): (&str, Method, u16),
        path: &str,
        identifier: String,
        written: Written,
        request: Value,
    ) -> Result<Option<Bytes>, String> {
        let (status, body) = self.connection.send(method, path, Some(request)).await?;
        if self.expect(what, status, want) {
            self.ledger.insert(identifier.clone(), written);
            self.agrees(what, &serde_json::from_slice(&body).unwrap_or_default(), &identifier);
        }
        Ok(Some(body))
    }

    async fn step(&mut self, kind: Kind) -> Result<Option<Bytes>, String> {
        let n = self.made;
        self.made += 1;
        match kind {
            Kind::List => {
                let query = format!("search={}&intent=api&ordering=-expires&page_size=100", self.prefix);
                let (status, body) = self.connection.send(Method::GET, &format!("/core/tokens/?{query}"), None).await?;
                if self.expect("list", status, 200) {
                    self.matches_ledger("list", &body);
                }
                Ok(Some(body))
            }
            Kind::Create => {
                let identifier = format!("{}{n}", self.prefix);
                let written =
                    Written { description: format!("created {n}"), expires: Some("2031-01-01T00:00:00Z".into()) };
                let request = json!({"identifier": identifier, "intent": "api", "description": written.description,
                                     "expiring": true, "expires": written.expires});
                self.write(("create", Method::POST, 201), "/core/tokens/", identifier, written, request).await
            }
            Kind::Retrieve => {
                let identifier = self.pick();
                let (status, body) = self.connection.send(Method::GET, &Self::path(&identifier), None).await?;
                if self.expect("retrieve", status, 200) {
                    self.agrees("retrieve", &serde_json::from_slice(&body).unwrap_or_default(), &identifier);
                }
                Ok(Some(body))
            }
            Kind::Patch => {
                let identifier = self.pick();
                let written = Written { description: format!("patched {n}"), expires: None };
                let request = json!({"description": written.description, "expires": null});
                let path = Self::path(&identifier);
                self.write(("PATCH", Method::PATCH, 200), &path, identifier, written, request).await
            }
            Kind::Put => {
                let identifier = self.pick();
                let written = Written { description: format!("put {n}"), expires: Some("2032-06-01T12:00:00Z".into()) };
                let request = json!({"identifier": identifier, "intent": "api", "description": written.description,
                                     "expiring": true, "expires": written.expires});
                let path = Self::path(&identifier);
                self.write(("PUT", Method::PUT, 200), &path, identifier, written, request).await
            }
            Kind::Delete => {
                let identifier = self.pick();
                let (status, _) = self.connection.send(Method::DELETE, &Self::path(&identifier), None).await?;
                if self.expect("delete", status, 204) {
                    self.ledger.remove(&identifier);
                }
                Ok(None)
            }
        }
    }

    /// A list answer names exactly the ledger's tokens, each as last written.
    fn matches_ledger(&mut self, what: &str, body: &Bytes) {
        // Parsed whether or not it is checked, as every other answer is, so the load
        // generator does the same work against the ceiling as against the server.
        let page: Value = serde_json::from_slice(body).unwrap_or_default();
        if !self.checked {
            std::hint::black_box(page);
            return;
        }
        let results = page["results"].as_array().cloned().unwrap_or_default();
        let count = page["pagination"]["count"].as_f64().unwrap_or(-1.0);
        if count != self.ledger.len() as f64 || results.len() != self.ledger.len() {
            let message = format!(
                "{what} {}: count {count}, {} results; the ledger holds {}",
                self.prefix,
                results.len(),
                self.ledger.len()
            );
            self.outcome.note(Problem::Lost(message));
        }
        for token in &results {
            let identifier = token["identifier"].as_str().unwrap_or_default().to_owned();
            self.agrees(what, token, &identifier);
        }
    }
}

/// Runs the mix with `options` against `target`.
pub async fn run(target: &Target, options: &Options) -> Result<Outcome, String> {
    let target = Arc::new(target.clone());
    let mut workers = Vec::new();
    for index in 0..options.connections {
        let connection = Connection::open(target.clone()).await?;
        workers.push(Worker {
            connection,
            prefix: format!("load{}w{index:02}x", options.tag),
            ledger: BTreeMap::new(),
            rng: Rng(0x9E37_79B9_7F4A_7C15u64.wrapping_mul(index as u64 + 1)),
            made: 0,
            checked: options.checked,
            outcome: Outcome::default(),
        });
    }
    let per_worker = options.requests / options.connections as u64;
    let extra = options.requests % options.connections as u64;
    let started = Instant::now();
    let tasks: Vec<_> = workers
        .into_iter()
        .enumerate()
        .map(|(index, mut worker)| {
            let quota = per_worker + u64::from((index as u64) < extra);
            tokio::spawn(async move {
                for _ in 0..quota {
                    let mut kind = Kind::roll(worker.rng.below(100));
                    if kind == Kind::Create && worker.ledger.len() >= CAP {
                        kind = Kind::Delete;
                    } else if worker.ledger.is_empty() && kind != Kind::List {
                        kind = Kind::Create;
                    }
                    let sent = Instant::now();
                    let body = worker.step(kind).await?;
                    worker.outcome.latencies.push(sent.elapsed().as_micros().min(u32::MAX as u128) as u32);
                    *worker.outcome.by_kind.entry(kind).or_default() += 1;
                    if let Some(body) = body {
                        worker.outcome.bodies.insert(kind, body);
                    }
                }
                Ok::<_, String>((worker, Instant::now()))
            })
        })
        .collect();
    let mut finished = Vec::new();
    for task in tasks {
        finished.push(task.await.map_err(|e| format!("a worker panicked: {e}"))??);
    }
    let elapsed = finished.iter().map(|(_, at)| at.duration_since(started)).max().unwrap_or_default();

    // The end: every worker's tokens, listed, equal its ledger; the server holds nothing else.
    let mut total = Outcome { elapsed, requests: options.requests, ..Outcome::default() };
    let mut connections = Vec::new();
    for (mut worker, _) in finished {
        if options.checked {
            let query = format!("search={}&page_size=100", worker.prefix);
            let (status, body) = worker.connection.send(Method::GET, &format!("/core/tokens/?{query}"), None).await?;
            if worker.expect("final list", status, 200) {
                worker.matches_ledger("final list", &body);
            }
        }
        total.live += worker.ledger.len();
        total.latencies.append(&mut worker.outcome.latencies);
        total.unexpected += worker.outcome.unexpected;
        total.lost += worker.outcome.lost;
        total.problems.extend(worker.outcome.problems.drain(..).take(20usize.saturating_sub(total.problems.len())));
        for (kind, n) in &worker.outcome.by_kind {
            *total.by_kind.entry(*kind).or_default() += n;
        }
        if total.bodies.is_empty() {
            total.bodies = std::mem::take(&mut worker.outcome.bodies);
        }
        connections.push(worker);
    }
    if options.checked && options.exclusive {
        let (status, body) = connections[0].connection.send(Method::GET, "/core/tokens/?page_size=1", None).await?;
        let count = serde_json::from_slice::<Value>(&body).unwrap_or_default()["pagination"]["count"].as_f64();
        if status != 200 || count != Some(total.live as f64) {
            total.note(Problem::Lost(format!(
                "the server counts {count:?} tokens ({status}); the ledgers hold {}",
                total.live
            )));
        }
    }
    // Clean up, so the next run starts from an empty store.
    for worker in &mut connections {
        for identifier in std::mem::take(&mut worker.ledger).into_keys() {
            let (status, _) = worker.connection.send(Method::DELETE, &Worker::path(&identifier), None).await?;
            if status != 204 {
                total.note(Problem::Status(format!("clean-up delete of {identifier}: {status}, expected 204")));
            }
        }
    }
    total.latencies.sort_unstable();
    Ok(total)
}
