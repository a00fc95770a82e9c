//! Behaviour of the generated models that the spec implies but round trips do not show.

use authentik_api::Nullable;
use authentik_api::models::{ChallengeTypes, IntentEnum, PatchedTokenRequest};
use serde_json::{Value, json};

#[test]
fn patch_fields_distinguish_absent_null_and_value() {
    let cases = [json!({}), json!({"expires": null}), json!({"expires": "2024-07-29T15:51:28.071Z"})];
    let parsed: Vec<PatchedTokenRequest> = cases.iter().map(|c| serde_json::from_value(c.clone()).unwrap()).collect();
    assert_eq!(parsed[0].expires, Nullable::Absent);
    assert_eq!(parsed[1].expires, Nullable::Null);
    assert!(matches!(parsed[2].expires, Nullable::Value(t) if t.to_rfc3339() == "2024-07-29T15:51:28.071+00:00"));
    assert_ne!(parsed[0], parsed[1]);
    assert_ne!(parsed[1], parsed[2]);
    for (case, model) in cases.iter().zip(&parsed) {
        assert_eq!(&serde_json::to_value(model).unwrap(), case);
    }
}

#[test]
fn unknown_enum_values_survive() {
    let intent: IntentEnum = serde_json::from_value(json!("future_intent")).unwrap();
    assert_eq!(intent, IntentEnum::Unknown("future_intent".into()));
    assert_eq!(serde_json::to_value(&intent).unwrap(), json!("future_intent"));
    let known: IntentEnum = serde_json::from_value(json!("app_password")).unwrap();
    assert_eq!(known, IntentEnum::AppPassword);
    assert_eq!(known.as_str(), "app_password");
}

#[test]
fn discriminator_is_written_exactly_once() {
    let input = json!({"component": "ak-stage-access-denied", "pending_user": "u", "pending_user_avatar": "a"});
    let challenge: ChallengeTypes = serde_json::from_value(input.clone()).unwrap();
    assert!(matches!(challenge, ChallengeTypes::AccessDeniedChallenge(_)));
    let text = serde_json::to_string(&challenge).unwrap();
    assert_eq!(text.matches("\"component\"").count(), 1, "{text}");
    assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), input);
}

#[test]
fn unknown_discriminator_is_a_clear_error() {
    let err = serde_json::from_value::<ChallengeTypes>(json!({"component": "ak-stage-from-the-future"})).unwrap_err();
    let msg = err.to_string();
    assert!(msg.contains("ak-stage-from-the-future") && msg.contains("component"), "{msg}");
}
