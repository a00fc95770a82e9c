//! The tokens-server example (examples/tokens-server/src/main.rs) driven over loopback by
//! the generated client: the whole lifecycle of a token, the list filters and pagination,
//! PATCH's absent/null/value, validation rejections decided by the server, and auth.

#[allow(dead_code, reason = "the example's `main` runs only in the example binary")]
#[path = "../../examples/tokens-server/src/main.rs"]
mod example;

use authentik_api::Nullable;
use authentik_api::client::{Client, ClientError, ErrorBody};
use authentik_api::models::{IntentEnum, PatchedTokenRequest, Token, TokenRequest};
use futures_util::TryStreamExt;
use serde_json::Value;

const TOKEN: &str = "lifecycle-secret";

async fn start() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let app = example::router(example::TokensServer::new(TOKEN));
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    url
}

fn request(identifier: &str, intent: IntentEnum, description: &str) -> TokenRequest {
    TokenRequest {
        managed: Nullable::Absent,
        identifier: identifier.to_owned(),
        intent: Some(intent),
        user: None,
        description: Some(description.to_owned()),
        expires: Nullable::Value("2030-01-02T03:04:05Z".parse().unwrap()),
        expiring: Some(true),
    }
}

/// The field → messages map of a 400 the server sent.
fn field_errors(error: ClientError<ErrorBody>) -> serde_json::Map<String, Value> {
    match error {
        ClientError::Api { status, body: ErrorBody::ValidationError(body), .. } => {
            assert_eq!(status, 400);
            body.additional_properties.into_iter().collect()
        }
        other => panic!("expected a 400 ValidationError, got {other:?}"),
    }
}

#[tokio::test]
async fn a_token_from_creation_to_deletion() {
    let url = start().await;
    let client = Client::builder(&url).bearer_token(TOKEN).build();
    let core = client.core();

    let created: Token = core.tokens_create(&request("ci-token", IntentEnum::Api, "first")).await.unwrap();
    assert_eq!(created.identifier, "ci-token");
    assert_eq!(created.intent, Some(IntentEnum::Api));
    assert_eq!(created.user_obj.username, "akadmin");
    assert_eq!(core.tokens_retrieve("ci-token").await.unwrap(), created);

    // PATCH: an absent field stays, null clears, a value sets.
    let cleared = core
        .tokens_partial_update("ci-token", &PatchedTokenRequest { expires: Nullable::Null, ..Default::default() })
        .await
        .unwrap();
    assert_eq!(cleared.expires, Nullable::Null);
    assert_eq!(cleared.description.as_deref(), Some("first"), "an absent description is left alone");
    let described = core
        .tokens_partial_update(
            "ci-token",
            &PatchedTokenRequest { description: Some("second".into()), ..Default::default() },
        )
        .await
        .unwrap();
    assert_eq!(described.description.as_deref(), Some("second"));
    assert_eq!(described.expires, Nullable::Null, "an absent expiry stays cleared");

    // PUT replaces the token, renaming it.
    let renamed = core.tokens_update("ci-token", &request("ci-token-2", IntentEnum::Recovery, "third")).await.unwrap();
    assert_eq!((renamed.identifier.as_str(), renamed.pk), ("ci-token-2", created.pk));
    assert_eq!(core.tokens_retrieve("ci-token").await.unwrap_err().status().map(|s| s.as_u16()), Some(404));

    core.tokens_destroy("ci-token-2").await.unwrap();
    match core.tokens_retrieve("ci-token-2").await.unwrap_err() {
        ClientError::UnexpectedStatus { status, body, .. } => {
            assert_eq!(status, 404);
            assert_eq!(serde_json::from_slice::<Value>(&body).unwrap(), serde_json::json!({"detail": "Not found."}));
        }
        other => panic!("expected 404, got {other:?}"),
    }
    // A deleted token is gone for every method, not only GET.
    fn status<B>(e: ClientError<B>) -> Option<u16> {
        e.status().map(|s| s.as_u16())
    }
    let patch = PatchedTokenRequest { description: Some("back?".into()), ..Default::default() };
    assert_eq!(core.tokens_partial_update("ci-token-2", &patch).await.map_err(status).unwrap_err(), Some(404));
    let put = request("ci-token-2", IntentEnum::Api, "back?");
    assert_eq!(core.tokens_update("ci-token-2", &put).await.map_err(status).unwrap_err(), Some(404));
    assert_eq!(core.tokens_destroy("ci-token-2").await.map_err(status).unwrap_err(), Some(404));

    // The identifier is the token's key and a writable field, so renaming another token to a
    // deleted identifier makes it answer again (what schemathesis's use_after_free reports).
    core.tokens_create(&request("other", IntentEnum::Api, "")).await.unwrap();
    let moved = PatchedTokenRequest { identifier: Some("ci-token-2".into()), ..Default::default() };
    core.tokens_partial_update("other", &moved).await.unwrap();
    assert_eq!(core.tokens_retrieve("ci-token-2").await.unwrap().description.as_deref(), Some(""));
    assert_eq!(core.tokens_retrieve("other").await.map_err(status).unwrap_err(), Some(404));
}

#[tokio::test]
async fn list_filters_ordering_and_pages() {
    let url = start().await;
    let client = Client::builder(&url).bearer_token(TOKEN).build();
    let core = client.core();
    for (id, intent, description) in [
        ("alpha", IntentEnum::Api, "deploy bot"),
        ("bravo", IntentEnum::Recovery, "lost password"),
        ("charlie", IntentEnum::Api, "CI runner"),
        ("delta", IntentEnum::AppPassword, "mail client"),
        ("echo", IntentEnum::Api, "backup job"),
    ] {
        core.tokens_create(&request(id, intent, description)).await.unwrap();
    }
    let ids = |tokens: &[Token]| tokens.iter().map(|t| t.identifier.clone()).collect::<Vec<_>>();

    let api = core.tokens_list().intent(IntentEnum::Api).send().await.unwrap();
    assert_eq!(ids(&api.results), ["alpha", "charlie", "echo"]);
    assert_eq!(api.pagination.count, 3.0);

    let search = core.tokens_list().search("RUNNER").send().await.unwrap();
    assert_eq!(ids(&search.results), ["charlie"], "search is case-insensitive over the description");

    let ordered = core.tokens_list().ordering("-identifier").send().await.unwrap();
    assert_eq!(ids(&ordered.results), ["echo", "delta", "charlie", "bravo", "alpha"]);

    let page = core.tokens_list().page_size(2).page(2).send().await.unwrap();
    assert_eq!(ids(&page.results), ["charlie", "delta"]);
    let p = &page.pagination;
    assert_eq!(
        (p.next, p.previous, p.count, p.current, p.total_pages, p.start_index, p.end_index),
        (3.0, 1.0, 5.0, 2.0, 3.0, 3.0, 4.0)
    );

    // The client's stream follows `pagination.next` through all three pages.
    let all: Vec<Token> = core.tokens_list().page_size(2).stream().try_collect().await.unwrap();
    assert_eq!(ids(&all), ["alpha", "bravo", "charlie", "delta", "echo"]);

    let past_the_end = core.tokens_list().page_size(2).page(4).send().await.unwrap_err();
    assert_eq!(past_the_end.status().map(|s| s.as_u16()), Some(404));
}

#[tokio::test]
async fn the_server_rejects_what_the_spec_forbids() {
    let url = start().await;
    // Client-side validation off: the server has to judge.
    let client = Client::builder(&url).bearer_token(TOKEN).validate_requests(false).build();
    let core = client.core();

    let bad = core.tokens_create(&request("bad id!", IntentEnum::Api, "")).await.unwrap_err();
    let errors = field_errors(bad);
    assert_eq!(errors.keys().collect::<Vec<_>>(), ["identifier"]);

    let long = core.tokens_create(&request(&"x".repeat(256), IntentEnum::Api, "")).await.unwrap_err();
    assert_eq!(field_errors(long).keys().collect::<Vec<_>>(), ["identifier"]);
    assert!(
        core.tokens_create(&request(&"x".repeat(255), IntentEnum::Api, "")).await.is_ok(),
        "255 characters are allowed"
    );

    core.tokens_create(&request("taken", IntentEnum::Api, "")).await.unwrap();
    let duplicate = core.tokens_create(&request("taken", IntentEnum::Api, "")).await.unwrap_err();
    assert_eq!(
        field_errors(duplicate)["identifier"],
        serde_json::json!(["Token with this identifier already exists."])
    );

    let unknown_intent = core.tokens_list().intent(IntentEnum::Unknown("sudo".into())).send().await.unwrap_err();
    assert!(field_errors(unknown_intent).contains_key("intent"));
}

#[tokio::test]
async fn tokens_are_required_and_checked() {
    let url = start().await;
    for client in [Client::new(&url), Client::builder(&url).bearer_token("not-the-token").build()] {
        match client.core().tokens_list().send().await.unwrap_err() {
            ClientError::Api { status, body: ErrorBody::GenericError(body), .. } => {
                assert_eq!(status, 403);
                assert!(!body.detail.is_empty());
            }
            other => panic!("expected 403, got {other:?}"),
        }
    }
    // The other `core` operations keep their defaults; other tags are not mounted.
    let client = Client::builder(&url).bearer_token(TOKEN).build();
    let error = client.core().users_me_retrieve().await.unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(501));
    let error = client.admin().apps_list().await.unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(404));
}
