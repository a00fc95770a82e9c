//! Deserializes and serializes the same payloads with the generated models (akgen's
//! property loop) and with openapi-generator's models (serde's derived code), in one
//! process, alternating which crate goes first round by round, and prints the median time
//! of each as JSON for `cargo xtask bench`.
//!
//! `serde-bench DIR [ROUNDS]`, DIR holding `tokens.json` and `challenges.json`
//! (`bench_payloads` of the conformance crate writes them).
//!
//! `serde-bench DIR --repeat CRATE PAYLOAD WAY N` instead decodes the payload once and then
//! does one way N times, untimed, for an instruction counter to run (`cargo xtask bench`
//! runs it under callgrind): CRATE is `akgen` or `openapi-generator`, PAYLOAD `tokens` or
//! `challenges`, WAY `deserialize` or `serialize`.
//!
//! Before timing, both crates must read each payload and write it back as the same JSON
//! value; a crate that cannot is reported, not timed.

use std::hint::black_box;
use std::time::{Duration, Instant};

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

/// How long one timed batch runs at least, so the clock's resolution does not matter.
const BATCH: Duration = Duration::from_millis(20);

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().expect("usage: serde-bench DIR [ROUNDS]"));
    let read = |name: &str| std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let rounds = args.next();
    if rounds.as_deref() == Some("--repeat") {
        let mut word = || args.next().expect("usage: serde-bench DIR --repeat CRATE PAYLOAD WAY N");
        let (subject, payload, way) = (word(), word(), word());
        let n: usize = word().parse().expect("N is a number");
        let bytes = read(&format!("{payload}.json"));
        let serialize = way == "serialize";
        use authentik_api::models as a;
        use authentik_client::models as o;
        match (subject.as_str(), payload.as_str()) {
            ("akgen", "tokens") => repeat::<a::PaginatedTokenList>(&bytes, serialize, n),
            ("openapi-generator", "tokens") => repeat::<o::PaginatedTokenList>(&bytes, serialize, n),
            ("akgen", "challenges") => repeat::<Vec<a::ChallengeTypes>>(&bytes, serialize, n),
            ("openapi-generator", "challenges") => repeat::<Vec<o::ChallengeTypes>>(&bytes, serialize, n),
            other => panic!("unknown crate and payload {other:?}"),
        }
        return;
    }
    let rounds: usize = rounds.map_or(21, |r| r.parse().expect("ROUNDS is a number"));
    let (tokens, challenges) = (read("tokens.json"), read("challenges.json"));
    let rows = [
        compare::<authentik_api::models::PaginatedTokenList, authentik_client::models::PaginatedTokenList>(
            "PaginatedTokenList(1000)",
            &tokens,
            rounds,
        ),
        compare::<Vec<authentik_api::models::ChallengeTypes>, Vec<authentik_client::models::ChallengeTypes>>(
            "ChallengeTypes page",
            &challenges,
            rounds,
        ),
    ];
    println!("{}", Value::Array(rows.into_iter().collect()));
}

/// One payload through both crates: the median nanoseconds of a deserialize and of a
/// serialize for each, and whether its output equals the input as JSON.
fn compare<A: DeserializeOwned + Serialize, B: DeserializeOwned + Serialize>(
    payload: &str,
    bytes: &[u8],
    rounds: usize,
) -> Value {
    let input: Value = serde_json::from_slice(bytes).expect("the payload is JSON");
    let (akgen, og) = (Subject::<A>::new(bytes, &input), Subject::<B>::new(bytes, &input));
    let (mut a, mut b) = (Times::default(), Times::default());
    for round in 0..rounds {
        if round % 2 == 0 {
            akgen.time(bytes, &mut a);
            og.time(bytes, &mut b);
        } else {
            og.time(bytes, &mut b);
            akgen.time(bytes, &mut a);
        }
    }
    json!({
        "payload": payload,
        "bytes": bytes.len(),
        "akgen": a.report(&akgen),
        "openapi_generator": b.report(&og),
    })
}

/// A crate's decoded value of the payload, or why it has none.
struct Subject<T> {
    value: Result<T, String>,
    /// Whether serializing the decoded value gives the input back, as a JSON value.
    round_trips: bool,
}

impl<T: DeserializeOwned + Serialize> Subject<T> {
    fn new(bytes: &[u8], input: &Value) -> Self {
        let value = serde_json::from_slice::<T>(bytes).map_err(|e| e.to_string());
        let round_trips = value.as_ref().is_ok_and(|v| serde_json::to_value(v).is_ok_and(|out| &out == input));
        Subject { value, round_trips }
    }

    fn time(&self, bytes: &[u8], times: &mut Times) {
        let Ok(value) = &self.value else { return };
        times.deserialize.push(per_call(|| drop(black_box(serde_json::from_slice::<T>(black_box(bytes)).unwrap()))));
        let mut buffer = Vec::with_capacity(bytes.len() * 2);
        times.serialize.push(per_call(|| {
            buffer.clear();
            serde_json::to_writer(&mut buffer, black_box(value)).unwrap();
            black_box(&buffer);
        }));
    }
}

/// Decodes `bytes` once, then deserializes or serializes them `n` times more.
fn repeat<T: DeserializeOwned + Serialize>(bytes: &[u8], serialize: bool, n: usize) {
    let value: T = serde_json::from_slice(bytes).expect("the crate reads the payload");
    let mut buffer = Vec::with_capacity(bytes.len() * 2);
    for _ in 0..n {
        if serialize {
            buffer.clear();
            serde_json::to_writer(&mut buffer, black_box(&value)).unwrap();
            black_box(&buffer);
        } else {
            drop(black_box(serde_json::from_slice::<T>(black_box(bytes)).unwrap()));
        }
    }
}

/// Nanoseconds per call of `f`, over a batch of at least [`BATCH`].
fn per_call(mut f: impl FnMut()) -> f64 {
    let start = Instant::now();
    let mut calls = 0u32;
    while start.elapsed() < BATCH {
        f();
        calls += 1;
    }
    start.elapsed().as_nanos() as f64 / f64::from(calls)
}

#[derive(Default)]
struct Times {
    deserialize: Vec<f64>,
    serialize: Vec<f64>,
}

impl Times {
    fn report<T>(&mut self, subject: &Subject<T>) -> Value {
        match &subject.value {
            Err(error) => json!({"error": error}),
            Ok(_) => json!({
                "deserialize_ns": median(&mut self.deserialize),
                "serialize_ns": median(&mut self.serialize),
                "round_trips": subject.round_trips,
            }),
        }
    }
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}
