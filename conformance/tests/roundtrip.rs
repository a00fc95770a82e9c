//! Every component schema of the pinned spec: an instance synthesized from the raw YAML
//! round-trips through the generated type to equal JSON.

use authentik_api::models::{SCHEMA_NAMES, visit_schema};
use conformance::synth::{Mode, Skip, Synth};
use conformance::{PINNED, RoundTrip, read_spec, same_json, spec_path};

#[test]
fn every_component_schema_round_trips() {
    let spec = read_spec(spec_path(PINNED));
    let synth = Synth::new(&spec);
    let components = synth.components();
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut skipped = Vec::new();
    for (name, schema) in &components {
        let mut any = false;
        for mode in [Mode::Full, Mode::Minimal] {
            let instance = match synth.instance(schema, mode) {
                Ok(i) => i,
                Err(Skip::Binary) => continue,
            };
            any = true;
            match visit_schema(name, RoundTrip(&instance)) {
                None => failures.push(format!("{name}: no generated type")),
                Some(Err(e)) => failures.push(format!("{name} ({mode:?}): {e}\n  instance: {instance}")),
                Some(Ok(back)) if !same_json(&back, &instance) => {
                    failures.push(format!("{name} ({mode:?}): changed\n  sent: {instance}\n  got:  {back}"))
                }
                Some(Ok(_)) => {}
            }
        }
        if any { checked += 1 } else { skipped.push(*name) }
    }
    println!(
        "round-trip: {checked} of {} component schemas checked (full and minimal instances); skipped (binary only): {skipped:?}",
        components.len()
    );
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
    // Binary-only request schemas are multipart bodies; nothing else may be skipped.
    assert!(skipped.len() <= 3, "too many skipped: {skipped:?}");
    assert_eq!(SCHEMA_NAMES.len(), components.len(), "one generated type per component schema");
}

#[test]
fn a_wrong_instance_is_rejected() {
    // The oracle itself can fail: a required field missing must not round-trip.
    let spec = read_spec(spec_path(PINNED));
    let synth = Synth::new(&spec);
    let token = synth.components().into_iter().find(|(n, _)| *n == "Token").unwrap().1;
    let mut instance = synth.instance(token, Mode::Full).unwrap();
    instance.as_object_mut().unwrap().remove("identifier");
    let err = visit_schema("Token", RoundTrip(&instance)).unwrap().unwrap_err();
    assert!(err.contains("identifier"), "{err}");
}

/// The throughput benchmarks' payloads are what they claim: every `ChallengeTypes` variant
/// the discriminator maps, each decoding to its own variant, and a 1,000-token page, both
/// round-tripping to equal JSON.
#[test]
fn the_benchmark_payloads_cover_every_challenge_and_round_trip() {
    use authentik_api::models::{ChallengeTypes, PaginatedTokenList};
    let spec = read_spec(spec_path(PINNED));
    let challenges = conformance::payloads::challenge_page(&spec, 2);
    let mapped = spec["components"]["schemas"]["ChallengeTypes"]["discriminator"]["mapping"].as_object().unwrap().len();
    assert_eq!(challenges.as_array().unwrap().len(), 2 * mapped);
    let decoded: Vec<ChallengeTypes> = serde_json::from_value(challenges.clone()).unwrap();
    let variants: std::collections::BTreeSet<String> =
        decoded.iter().map(|c| format!("{:?}", std::mem::discriminant(c))).collect();
    assert_eq!(variants.len(), mapped, "each tag decodes to a variant of its own");
    assert!(same_json(&serde_json::to_value(&decoded).unwrap(), &challenges));

    let page = conformance::payloads::token_page(&spec, 1000);
    let decoded: PaginatedTokenList = serde_json::from_value(page.clone()).unwrap();
    assert_eq!(decoded.results.len(), 1000);
    assert!(same_json(&serde_json::to_value(&decoded).unwrap(), &page));
}
