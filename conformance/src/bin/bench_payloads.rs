//! Writes the payloads of the serde throughput comparison (`cargo xtask bench`) into a
//! directory: `tokens.json`, a 1,000-item `PaginatedTokenList`, and `challenges.json`,
//! rounds of flow challenges with every `ChallengeTypes` variant. Both are synthesized
//! from the pinned spec's schemas by [`conformance::payloads`], so the generated models
//! and openapi-generator's read the same bytes.
//!
//! `bench_payloads DIR`

/// Challenges per round times rounds: about as many challenges as the token page has
/// tokens.
const CHALLENGE_ROUNDS: usize = 25;

fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).expect("usage: bench_payloads DIR"));
    let spec = conformance::read_spec(conformance::spec_path(conformance::PINNED));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let payloads = [
        ("tokens.json", conformance::payloads::token_page(&spec, 1000)),
        ("challenges.json", conformance::payloads::challenge_page(&spec, CHALLENGE_ROUNDS)),
    ];
    for (name, payload) in payloads {
        let path = dir.join(name);
        std::fs::write(&path, payload.to_string()).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}
