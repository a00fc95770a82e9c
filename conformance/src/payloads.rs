//! The payloads the throughput benchmarks measure, synthesized from the pinned spec's own
//! schemas (every property present, so every field is decoded and encoded): a page of
//! tokens and a page of flow challenges with every `ChallengeTypes` variant.

use serde_json::{Value, json};

use crate::synth::{Mode, Synth};

/// A `PaginatedTokenList` of `items` tokens with distinct identifiers and usernames.
pub fn token_page(spec: &Value, items: usize) -> Value {
    let synth = Synth::new(spec);
    let token = synth.instance(&spec["components"]["schemas"]["Token"], Mode::Full).expect("Token is JSON");
    let results: Vec<Value> = (0..items)
        .map(|i| {
            let mut t = token.clone();
            t["identifier"] = json!(format!("token-{i:04}"));
            t["user_obj"]["username"] = json!(format!("user.{i}@example.org"));
            t
        })
        .collect();
    let pagination = synth.instance(&spec["components"]["schemas"]["Pagination"], Mode::Full).expect("Pagination");
    json!({"pagination": pagination, "results": results, "autocomplete": {}})
}

/// An array of `copies` rounds of flow challenges, each round one of every variant the
/// `ChallengeTypes` discriminator maps, tagged with its `component`.
pub fn challenge_page(spec: &Value, copies: usize) -> Value {
    let synth = Synth::new(spec);
    let union = &spec["components"]["schemas"]["ChallengeTypes"];
    let property = union["discriminator"]["propertyName"].as_str().expect("ChallengeTypes has a discriminator");
    let mapping = union["discriminator"]["mapping"].as_object().expect("ChallengeTypes maps its variants");
    let round: Vec<Value> = mapping
        .iter()
        .map(|(tag, target)| {
            let name = target.as_str().and_then(|t| t.strip_prefix("#/components/schemas/")).expect("a component");
            let mut challenge = synth.instance(&spec["components"]["schemas"][name], Mode::Full).expect("JSON");
            challenge[property] = json!(tag);
            challenge
        })
        .collect();
    Value::Array((0..copies).flat_map(|_| round.iter().cloned()).collect())
}
