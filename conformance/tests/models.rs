//! Behaviour of the generated models that the spec implies but round trips do not show.

use authentik_api::models::{ChallengeTypes, IntentEnum, PatchedTokenRequest};
use authentik_api::{Nullable, Validate};
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

/// A newer server's flow stage: a `component` this version does not list decodes to the
/// catch-all, keeps every property, is written back as it came, and fails validation at
/// the discriminator (so a server refuses it in a request, as it refuses unknown enums).
#[test]
fn unknown_discriminator_values_survive_and_fail_validation() {
    let input = json!({
        "component": "ak-stage-from-the-future",
        "flow_info": {"title": "Welcome", "cancel_url": "/flows/-/cancel/"},
        "pending_user": "akadmin",
        "nested": {"list": [1, 2, {"deep": null}]}
    });
    let challenge: ChallengeTypes = serde_json::from_value(input.clone()).unwrap();
    let ChallengeTypes::Unknown(object) = &challenge else { panic!("{challenge:?}") };
    assert_eq!(object.len(), 4);
    assert_eq!(serde_json::to_value(&challenge).unwrap(), input);
    let text = serde_json::to_string(&challenge).unwrap();
    assert_eq!(text.matches("\"component\"").count(), 1, "{text}");

    let errors = challenge.validate().unwrap_err();
    let violations = &errors.0;
    assert_eq!(violations.len(), 1, "{violations:?}");
    assert_eq!((violations[0].pointer.as_str(), violations[0].keyword), ("/component", "enum"));
    assert!(violations[0].message.contains("ak-stage-from-the-future"), "{}", violations[0].message);
    // A known component still picks its variant and validates.
    let known: ChallengeTypes = serde_json::from_value(
        json!({"component": "ak-stage-access-denied", "pending_user": "u", "pending_user_avatar": "a"}),
    )
    .unwrap();
    assert!(matches!(known, ChallengeTypes::AccessDeniedChallenge(_)));
    assert!(known.validate().is_ok());
    // A missing or non-string discriminator is still an error: there is nothing to keep.
    assert!(serde_json::from_value::<ChallengeTypes>(json!({"pending_user": "u"})).is_err());
    assert!(serde_json::from_value::<ChallengeTypes>(json!({"component": 7})).is_err());
}
