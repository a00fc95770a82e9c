//! Behaviour of the validation runtime that the differential test does not pin down:
//! ECMA-262 `\w`, length counting, all violations reported, the authentik error body.

use authentik_api::Validate;
use authentik_api::models::{PaginatedTokenList, PartialUser, TokenRequest};
use serde_json::json;

/// `PartialUser.username` has the spec's username pattern `^[\w.@+-]+$` and maxLength 150.
fn user(username: &str) -> PartialUser {
    serde_json::from_value(json!({"pk": 1, "username": username, "name": "N", "uid": "u"})).unwrap()
}

#[test]
fn word_class_is_ascii_only_as_in_ecma_262() {
    // The spec's username pattern is `^[\w.@+-]+$`. authentik's server (Python) reads `\w`
    // as Unicode and accepts "jürgen"; OpenAPI says patterns are ECMA-262, where `\w` is
    // [A-Za-z0-9_]. We follow the spec: the README documents the difference.
    assert_eq!(user("jane.doe+1@example.com").validate(), Ok(()));
    for name in ["jürgen", "名前", "ñ"] {
        let err = user(name).validate().unwrap_err();
        assert_eq!((err.0[0].pointer.as_str(), err.0[0].keyword), ("/username", "pattern"), "{name}");
    }
}

#[test]
fn lengths_count_characters_not_bytes() {
    let keywords = |u: PartialUser| u.validate().map_err(|e| e.0.iter().map(|v| v.keyword).collect::<Vec<_>>());
    assert_eq!(
        keywords(user(&"é".repeat(150))),
        Err(vec!["pattern"]),
        "150 characters fit maxLength 150; é is not ECMA \\w"
    );
    assert_eq!(keywords(user(&"é".repeat(151))), Err(vec!["maxLength", "pattern"]));
    let long =
        TokenRequest { identifier: "é".repeat(255), ..serde_json::from_value(json!({"identifier": "x"})).unwrap() };
    let keywords: Vec<&str> = long.validate().unwrap_err().0.iter().map(|v| v.keyword).collect();
    assert_eq!(keywords, ["pattern"], "255 characters are within maxLength 255 although they are 510 bytes");
    let longer = TokenRequest { identifier: "a".repeat(256), ..long };
    let err = longer.validate().unwrap_err();
    assert_eq!((err.0[0].keyword, &err.0[0].limit), ("maxLength", &json!(255)));
}

#[test]
fn every_violation_is_reported_with_its_pointer() {
    let token = |identifier: &str| {
        json!({
            "pk": "3fa85f64-5717-4562-b3fc-2c963f66afa6", "identifier": identifier, "intent": "api",
            "user_obj": {"pk": 1, "username": "ok", "name": "n", "is_active": true, "is_superuser": false,
                         "groups_obj": [], "roles_obj": [], "avatar": "", "uid": "u", "uuid": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
                         "date_joined": "2024-01-01T00:00:00Z", "last_updated": "2024-01-01T00:00:00Z", "password_change_date": "2024-01-01T00:00:00Z",
                         "groups": [], "roles": [], "attributes": {}, "path": "users", "type": "internal", "email": "a@example.com"}
        })
    };
    let mut results = vec![token("good"), token("bad id!"), token("fine"), token("also bad?")];
    results[2]["intent"] = json!("from_the_future");
    results[3]["user_obj"]["email"] = json!("not an address");
    let page: PaginatedTokenList = serde_json::from_value(json!({
        "pagination": {"next": 0, "previous": 0, "count": 4, "current": 1, "total_pages": 1, "start_index": 1, "end_index": 4},
        "results": results, "autocomplete": {}
    }))
    .unwrap_or_else(|e| panic!("{e}"));
    let err = page.validate().unwrap_err();
    let found: Vec<(&str, &str)> = err.0.iter().map(|v| (v.pointer.as_str(), v.keyword)).collect();
    assert_eq!(
        found,
        [
            ("/results/1/identifier", "pattern"),
            ("/results/2/intent", "enum"),
            ("/results/3/identifier", "pattern"),
            ("/results/3/user_obj/email", "format"),
        ]
    );
    let shown = err.to_string();
    assert!(shown.starts_with("4 constraint violations"), "{shown}");
    assert!(shown.contains("/results/2/intent: \"from_the_future\" is not a valid choice. (enum)"), "{shown}");

    // authentik's ValidationError body: nested like the value, lists padded with `{}`.
    let body = err.to_body();
    assert_eq!(body["results"][0], json!({}));
    assert_eq!(body["results"][1]["identifier"][0], json!("Enter a value matching the pattern ^[-a-zA-Z0-9_]+$."));
    assert_eq!(body["results"][3]["user_obj"]["email"], json!(["Enter a valid email address."]));
    // The body has the shape of the spec's ValidationError (field → list of messages).
    let parsed: authentik_api::models::ValidationError = serde_json::from_value(body).unwrap();
    assert!(parsed.non_field_errors.is_none());
}

#[test]
fn parameter_sets_are_validated_like_models() {
    use conformance::fixture_tokens::params::CoreTokensListParams;
    use conformance::fixture_tokens::validation::Validate as _;
    let ok = CoreTokensListParams { page_size: Some(1000), user_username: Some("jane".into()), ..Default::default() };
    assert_eq!(ok.validate(), Ok(()));
    let bad: CoreTokensListParams =
        serde_json::from_value(json!({"page_size": 0, "user__username": "no spaces", "intent": "later"})).unwrap();
    let found: Vec<(String, &str)> =
        bad.validate().unwrap_err().0.into_iter().map(|v| (v.pointer, v.keyword)).collect();
    assert_eq!(
        found,
        [
            ("/intent".to_string(), "enum"),
            ("/page_size".to_string(), "minimum"),
            ("/user__username".to_string(), "pattern")
        ]
    );
    // And through the pinned crate: every operation's parameter set implements Validate.
    let pinned = authentik_api::params::CoreTokensListParams { page_size: Some(5), ..Default::default() };
    assert_eq!(pinned.validate(), Ok(()));
}
