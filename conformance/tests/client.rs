//! The generated client over real HTTP on 127.0.0.1.
//!
//! `every_operation_against_the_spec_server` calls each operation of the pinned spec once
//! against a server that judges requests by the raw spec alone (`conformance::spec_server`).
//! The other tests use small axum servers that answer what the case needs and record what
//! they received.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use authentik_api::Nullable;
use authentik_api::client::{Client, ClientError, ErrorBody, Middleware, Next};
use authentik_api::models::{IntentEnum, PatchedTokenRequest, TokenRequest};
use axum::body::Bytes;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use conformance::spec_server::{self, SpecServer};
use futures_util::TryStreamExt;
use serde_json::{Value, json};

include!(concat!(env!("OUT_DIR"), "/client_calls.rs"));

const TOKEN: &str = "s3cret-token-value";

/// Debug builds of the deepest models (deserializing, synthesizing and validating nested
/// unions) need more than the default 2 MiB of stack.
const STACK: usize = 64 << 20;

#[test]
fn every_operation_against_the_spec_server() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_stack_size(STACK)
        .enable_all()
        .build()
        .unwrap();
    std::thread::Builder::new()
        .stack_size(STACK)
        .spawn(move || runtime.block_on(call_every_operation()))
        .unwrap()
        .join()
        .unwrap();
}

async fn call_every_operation() {
    let spec = conformance::read_spec(conformance::spec_path(conformance::PINNED));
    let ops = spec_server::operations(&spec);
    let expected: HashMap<_, _> = ops.iter().map(|op| (op.id.clone(), spec_server::expected_call(&spec, op))).collect();
    // A different token for each scheme, so a credential sent for the wrong scheme fails.
    let schemes = [
        (&authentik_api::security::AUTHENTIK, TOKEN),
        (&authentik_api::security::AUTHENTIK_DEVICE_AUTH, "device-auth-token"),
        (&authentik_api::security::AUTHENTIK_DEVICE_FEDERATION, "device-federation-token"),
        (&authentik_api::security::AUTHENTIK_DEVICE_ENROLL, "device-enroll-token"),
    ];
    let named: std::collections::BTreeSet<&str> =
        ops.iter().flat_map(|op| op.security.iter().flatten()).map(String::as_str).collect();
    assert_eq!(named, schemes.iter().map(|(s, _)| s.name).collect(), "the schemes the spec's operations name");
    let tokens = schemes.iter().map(|(s, t)| (s.name.to_owned(), (*t).to_owned())).collect();
    let server = SpecServer::start(spec.clone(), tokens, expected.clone()).await;
    let client = schemes.iter().fold(Client::builder(&server.url()), |b, (s, t)| b.credential(s.name, *t)).build();

    let mut client_errors = Vec::new();
    for op in &ops {
        let call = &expected[&op.id];
        if let Err(e) = call_operation(&client, &op.id, Value::Object(call.params.clone()), call.body.clone()).await {
            client_errors.push(format!("{}: {e}", op.id));
        }
    }
    let record = server.take_record();
    let uncalled: Vec<&str> =
        ops.iter().map(|o| o.id.as_str()).filter(|id| record.called.get(*id) != Some(&1)).collect();
    assert!(
        record.failures.is_empty(),
        "{} requests broke the spec:\n{}",
        record.failures.len(),
        record.failures.join("\n")
    );
    assert!(
        client_errors.is_empty(),
        "{} calls failed in the client:\n{}",
        client_errors.len(),
        client_errors.join("\n")
    );
    assert!(uncalled.is_empty(), "operations not called exactly once: {uncalled:?}");
    assert_eq!(record.called.len(), 1139, "the pinned spec has 1,139 operations");
}

/// What a test server received.
#[derive(Debug, Clone)]
struct Seen {
    method: String,
    path_and_query: String,
    headers: axum::http::HeaderMap,
    body: Bytes,
}

/// Serves `answer` for every request on 127.0.0.1 and records the requests.
async fn serve<F>(answer: F) -> (String, Arc<Mutex<Vec<Seen>>>)
where
    F: Fn(&Seen, usize) -> Response + Clone + Send + Sync + 'static,
{
    let seen: Arc<Mutex<Vec<Seen>>> = Arc::default();
    let log = seen.clone();
    let app = axum::Router::new().fallback(move |request: Request| {
        let (log, answer) = (log.clone(), answer.clone());
        async move {
            let (parts, body) = request.into_parts();
            let body = axum::body::to_bytes(body, usize::MAX).await.unwrap();
            let s = Seen {
                method: parts.method.to_string(),
                path_and_query: parts.uri.path_and_query().map(|p| p.to_string()).unwrap_or_default(),
                headers: parts.headers,
                body,
            };
            let n = {
                let mut log = log.lock().unwrap();
                log.push(s.clone());
                log.len() - 1
            };
            answer(&s, n)
        }
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (url, seen)
}

fn json_response(status: u16, body: Value) -> Response {
    (StatusCode::from_u16(status).unwrap(), [("content-type", "application/json")], body.to_string()).into_response()
}

/// A token synthesized from the spec's `Token` schema, with the given identifier.
fn token(identifier: &str) -> Value {
    static SPEC: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    let spec = SPEC.get_or_init(|| conformance::read_spec(conformance::spec_path(conformance::PINNED)));
    let synth = conformance::synth::Synth::new(spec);
    let mut token = synth.instance(&spec["components"]["schemas"]["Token"], conformance::synth::Mode::Full).unwrap();
    token["identifier"] = json!(identifier);
    token
}

fn page(n: u64, total: u64, ids: &[&str]) -> Value {
    json!({
        "pagination": {"next": if n < total { n + 1 } else { 0 }, "previous": n.saturating_sub(1), "count": 7,
                       "current": n, "total_pages": total, "start_index": 1, "end_index": ids.len()},
        "results": ids.iter().map(|i| token(i)).collect::<Vec<_>>(),
        "autocomplete": {}
    })
}

#[tokio::test]
async fn list_filter_encodes_query_and_stream_follows_three_pages() {
    let (url, seen) = serve(|s, _| {
        let query: HashMap<String, String> =
            url::form_urlencoded::parse(s.path_and_query.split_once('?').map(|q| q.1).unwrap_or("").as_bytes())
                .into_owned()
                .collect();
        let n: u64 = query.get("page").map(|p| p.parse().unwrap()).unwrap_or(1);
        let ids: Vec<String> = (0..if n == 3 { 1 } else { 3 }).map(|i| format!("t{n}-{i}")).collect();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        json_response(200, page(n, 3, &ids))
    })
    .await;
    let client = Client::builder(&url).bearer_token(TOKEN).build();
    let items: Vec<_> =
        client.core().tokens_list().intent(IntentEnum::Api).page_size(3).stream().try_collect().await.unwrap();
    let ids: Vec<&str> = items.iter().map(|t| t.identifier.as_str()).collect();
    assert_eq!(ids, ["t1-0", "t1-1", "t1-2", "t2-0", "t2-1", "t2-2", "t3-0"]);
    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), 3, "one request per page");
    assert_eq!(seen[0].path_and_query, "/api/v3/core/tokens/?intent=api&page_size=3");
    assert_eq!(seen[1].path_and_query, "/api/v3/core/tokens/?intent=api&page=2&page_size=3");
    assert_eq!(seen[2].path_and_query, "/api/v3/core/tokens/?intent=api&page=3&page_size=3");
    assert_eq!(seen[0].headers["authorization"], format!("Bearer {TOKEN}"));
    assert_eq!(seen[0].headers["accept"], "application/json");
}

#[tokio::test]
async fn create_then_clear_expiry_with_explicit_null() {
    let (url, seen) = serve(|s, _| match s.method.as_str() {
        "POST" => json_response(201, token("created")),
        _ => json_response(200, token("created")),
    })
    .await;
    let client = Client::builder(&url).bearer_token(TOKEN).build();
    let expires = chrono::DateTime::parse_from_rfc3339("2026-12-01T10:30:00.5+02:00").unwrap().to_utc();
    let body = TokenRequest {
        identifier: "created".into(),
        intent: Some(IntentEnum::Api),
        expires: Some(expires).into(),
        ..serde_json::from_value(json!({"identifier": "x"})).unwrap()
    };
    let created = client.core().tokens_create(&body).await.unwrap();
    assert_eq!(created.identifier, "created");

    let clear = PatchedTokenRequest { expires: Nullable::Null, ..Default::default() };
    client.core().tokens_partial_update("created", &clear).await.unwrap();
    let keep = PatchedTokenRequest { description: Some("d".into()), ..Default::default() };
    client.core().tokens_partial_update("created", &keep).await.unwrap();

    let seen = seen.lock().unwrap();
    let sent: Value = serde_json::from_slice(&seen[0].body).unwrap();
    assert_eq!(sent["expires"], "2026-12-01T08:30:00.500Z", "RFC 3339 in UTC");
    assert!(chrono::DateTime::parse_from_rfc3339(sent["expires"].as_str().unwrap()).is_ok());
    assert_eq!((seen[1].method.as_str(), seen[1].path_and_query.as_str()), ("PATCH", "/api/v3/core/tokens/created/"));
    assert_eq!(
        serde_json::from_slice::<Value>(&seen[1].body).unwrap(),
        json!({"expires": null}),
        "null clears the expiry"
    );
    assert_eq!(serde_json::from_slice::<Value>(&seen[2].body).unwrap(), json!({"description": "d"}), "absent keeps it");
    assert_eq!(seen[1].headers["content-type"], "application/json");
}

#[tokio::test]
async fn documented_errors_are_typed_and_others_keep_the_raw_response() {
    let (url, _) = serve(|s, _| {
        if s.path_and_query.contains("/used_by/") {
            return (StatusCode::BAD_GATEWAY, [("x-why", "proxy")], "upstream down").into_response();
        }
        if s.path_and_query.contains("/view_key/") {
            return json_response(200, json!({"key": 5}));
        }
        match s.headers.get("authorization") {
            None => json_response(403, json!({"detail": "Authentication credentials were not provided."})),
            Some(_) => json_response(
                400,
                json!({"identifier": ["Token with this identifier already exists."], "non_field_errors": ["bad"]}),
            ),
        }
    })
    .await;
    let anonymous = Client::new(&url);
    let err = anonymous.core().tokens_retrieve("t").await.unwrap_err();
    assert_eq!(err.status(), Some(reqwest::StatusCode::FORBIDDEN));
    let Some(ErrorBody::GenericError(g)) = err.body() else { panic!("403 should decode as GenericError: {err:?}") };
    assert_eq!(g.detail, "Authentication credentials were not provided.");

    let client = Client::builder(&url).bearer_token(TOKEN).build();
    let err = client.core().tokens_retrieve("t").await.unwrap_err();
    let Some(ErrorBody::ValidationError(v)) = err.body() else {
        panic!("400 should decode as ValidationError: {err:?}")
    };
    assert_eq!(v.additional_properties["identifier"], json!(["Token with this identifier already exists."]));
    assert_eq!(v.non_field_errors.as_deref(), Some(&["bad".to_owned()][..]));

    match client.core().tokens_used_by_list("t").await.unwrap_err() {
        ClientError::UnexpectedStatus { status, headers, body } => {
            assert_eq!(status, 502);
            assert_eq!(headers["x-why"], "proxy");
            assert_eq!(&body[..], b"upstream down");
        }
        other => panic!("expected UnexpectedStatus, got {other:?}"),
    }
    match client.core().tokens_view_key_retrieve("t").await.unwrap_err() {
        ClientError::Decode { status, body, error, .. } => {
            assert_eq!(status, 200);
            assert_eq!(&body[..], br#"{"key":5}"#);
            assert!(error.to_string().contains("invalid type"), "{error}");
        }
        other => panic!("expected Decode, got {other:?}"),
    }
}

#[tokio::test]
async fn invalid_requests_are_not_sent_unless_validation_is_off() {
    let (url, seen) = serve(|_, _| json_response(201, token("bad id!"))).await;
    let body: TokenRequest = serde_json::from_value(json!({"identifier": "bad id!"})).unwrap();
    let client = Client::builder(&url).bearer_token(TOKEN).build();
    match client.core().tokens_create(&body).await.unwrap_err() {
        ClientError::InvalidRequest(errors) => {
            let pointers: Vec<&str> = errors.0.iter().map(|v| v.pointer.as_str()).collect();
            assert_eq!(pointers, ["/identifier"]);
        }
        other => panic!("expected InvalidRequest, got {other:?}"),
    }
    assert!(seen.lock().unwrap().is_empty(), "nothing was sent");
    let lenient = Client::builder(&url).bearer_token(TOKEN).validate_requests(false).build();
    lenient.core().tokens_create(&body).await.unwrap();
    assert_eq!(seen.lock().unwrap().len(), 1);
}

#[tokio::test]
async fn path_parameters_are_single_encoded_segments_and_base_urls_join_cleanly() {
    let (url, seen) = serve(|_, _| json_response(200, token("x"))).await;
    for base in [url.clone(), format!("{url}/")] {
        let client = Client::builder(&base).bearer_token(TOKEN).validate_requests(false).build();
        client.core().tokens_retrieve("a/b c?d#e%f").await.unwrap();
    }
    let client = Client::builder_for_base_url(&format!("{url}/custom/")).bearer_token(TOKEN).build();
    client.core().tokens_retrieve("t").await.unwrap();
    let seen = seen.lock().unwrap();
    assert_eq!(seen[0].path_and_query, "/api/v3/core/tokens/a%2Fb%20c%3Fd%23e%25f/");
    assert_eq!(seen[1].path_and_query, seen[0].path_and_query, "a trailing slash on the host adds no `//`");
    assert_eq!(seen[2].path_and_query, "/custom/core/tokens/t/");
}

#[tokio::test]
async fn multipart_upload_streams_a_file() {
    let (url, seen) = serve(|_, _| json_response(200, json!({}))).await;
    let dir = std::env::temp_dir().join(format!("akgen-upload-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("icon.png");
    let contents: Vec<u8> = (0..=255u8).cycle().take(70_000).collect();
    std::fs::write(&path, &contents).unwrap();

    let client = Client::builder(&url).bearer_token(TOKEN).build();
    let body: authentik_api::models::FileUploadRequest =
        serde_json::from_value(json!({"file": [], "name": "icon.png", "usage": "media"})).unwrap();
    let upload = authentik_api::client::Upload::path(&path).await.unwrap().mime("image/png").unwrap();
    let result = client.admin().file_create(&body).file_upload(upload).send_raw().await.unwrap();
    assert_eq!(result.status, 200);
    std::fs::remove_dir_all(&dir).unwrap();

    // Parse the multipart body with axum's parser, independently of reqwest.
    let s = seen.lock().unwrap()[0].clone();
    let request = axum::http::Request::builder()
        .header("content-type", s.headers["content-type"].clone())
        .body(axum::body::Body::from(s.body))
        .unwrap();
    let mut form =
        <axum::extract::Multipart as axum::extract::FromRequest<()>>::from_request(request, &()).await.unwrap();
    let mut parts = HashMap::new();
    while let Some(field) = form.next_field().await.unwrap() {
        let name = field.name().unwrap().to_owned();
        let meta = (field.file_name().map(str::to_owned), field.content_type().map(str::to_owned));
        parts.insert(name, (meta, field.bytes().await.unwrap()));
    }
    let (meta, bytes) = &parts["file"];
    assert_eq!(meta, &(Some("icon.png".to_owned()), Some("image/png".to_owned())));
    assert_eq!(&bytes[..], &contents[..], "the whole file, byte for byte");
    assert_eq!(&parts["name"].1[..], b"icon.png");
    assert_eq!(&parts["usage"].1[..], b"media");
}

/// Adds a header and retries once on 503: the hook for refresh and retry policies.
struct RetryOnce(Arc<Mutex<usize>>);

impl Middleware for RetryOnce {
    fn handle<'a>(
        &'a self,
        request: reqwest::Request,
        next: Next<'a>,
    ) -> authentik_api::client::transport::BoxFuture<'a, Result<reqwest::Response, authentik_api::client::BoxError>>
    {
        Box::pin(async move {
            let mut request = request;
            request.headers_mut().insert("x-middleware", "yes".parse().unwrap());
            let retry = request.try_clone();
            let response = next.clone().run(request).await?;
            if response.status() == 503 {
                *self.0.lock().unwrap() += 1;
                return next.run(retry.expect("a cloneable request")).await;
            }
            Ok(response)
        })
    }
}

#[tokio::test]
async fn middleware_sees_requests_and_can_retry() {
    let (url, seen) =
        serve(
            |_, n| {
                if n == 0 { StatusCode::SERVICE_UNAVAILABLE.into_response() } else { json_response(200, token("t")) }
            },
        )
        .await;
    let retries = Arc::new(Mutex::new(0));
    let client = Client::builder(&url).bearer_token(TOKEN).middleware(RetryOnce(retries.clone())).build();
    let t = client.core().tokens_retrieve("t").send().await.unwrap();
    assert_eq!(t.identifier, "t");
    assert_eq!(*retries.lock().unwrap(), 1);
    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), 2);
    assert!(seen.iter().all(|s| s.headers["x-middleware"] == "yes"));
}

#[tokio::test]
async fn the_token_never_shows_in_debug_or_error_text() {
    let (url, _) = serve(|_, _| json_response(400, json!({"identifier": ["no"]}))).await;
    let client = Client::builder(&url).bearer_token(TOKEN).build();
    let api_error = client.core().tokens_retrieve("t").await.unwrap_err();
    // A port nothing listens on: a transport error.
    let closed =
        Client::builder("http://127.0.0.1:9").bearer_token(TOKEN).timeout(std::time::Duration::from_secs(5)).build();
    let transport_error = closed.core().tokens_retrieve("t").await.unwrap_err();
    assert!(matches!(transport_error, ClientError::Transport(_)), "{transport_error:?}");
    let builder = client.core().tokens_list().search("x");
    for text in [
        format!("{client:?}"),
        format!("{api_error:?}"),
        api_error.to_string(),
        format!("{transport_error:?}"),
        transport_error.to_string(),
        format!("{builder:?}"),
    ] {
        assert!(!text.contains(TOKEN), "the token leaked: {text}");
    }
    assert!(format!("{client:?}").contains("redacted"));
}

#[tokio::test]
async fn non_json_responses_come_back_as_text() {
    let (url, seen) = serve(|s, _| {
        let accept = s.headers["accept"].to_str().unwrap().to_owned();
        (StatusCode::OK, [("content-type", accept.clone())], format!("served as {accept}")).into_response()
    })
    .await;
    let client = Client::builder(&url).bearer_token(TOKEN).build();
    let yaml = client.schema().retrieve().send_yaml().await.unwrap();
    assert_eq!(yaml, "served as application/yaml");
    let xml = client.providers().saml_metadata_retrieve(1).send_xml().await.unwrap();
    assert_eq!(xml, "served as application/xml");
    assert_eq!(seen.lock().unwrap().len(), 2);
}

/// Version skew over HTTP: a newer server answers `flows_executor_get` with a stage this
/// crate does not know. The response decodes (the catch-all keeps the object) instead of
/// failing the call.
#[tokio::test]
async fn a_flow_stage_from_a_newer_server_decodes() {
    let stage = serde_json::json!({
        "component": "ak-stage-added-in-2027",
        "flow_info": {"title": "Log in", "layout": "stacked", "cancel_url": "/flows/-/cancel/"},
        "new_field": [1, 2, 3]
    });
    let answer = stage.clone();
    let (url, _seen) = serve(move |_, _| json_response(200, answer.clone())).await;
    let client = Client::builder(&url).bearer_token(TOKEN).build();
    let challenge = client.flows().executor_get("default-authentication-flow", "next=/").await.unwrap();
    match &challenge {
        authentik_api::models::ChallengeTypes::Unknown(object) => {
            assert_eq!(serde_json::Value::Object(object.clone()), stage)
        }
        other => panic!("decoded as {other:?}"),
    }
    assert_eq!(serde_json::to_value(&challenge).unwrap(), stage);
}
