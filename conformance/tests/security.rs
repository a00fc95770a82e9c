//! Per-scheme credentials on authentik 2026.11 (`schema-2026.11.0-rc1.yml`), whose device
//! agents authenticate with schemes of their own: `authentik_device_auth` is HTTP auth
//! with the scheme word `bearer+agent`, enrollment and federation tokens are bearer
//! schemes of their own, and `core_groups_used_by_list` takes `authentik` or the agent's.
//! The crate is `examples/device-auth-api` (specs/configs/device-auth); what each
//! operation accepts and each scheme's word are read from the raw spec.

use std::sync::{Arc, Mutex};

use axum::http::HeaderMap;
use device_auth_api::client::Client;
use device_auth_api::models::EnrollRequest;
use device_auth_api::server::{self, Authenticate, Credential, Operation};
use serde_json::Value;

const MAIN: &str = "main-token";
const AGENT: &str = "agent-token";
const ENROLL: &str = "enroll-token";
const GROUP: &str = "9c1d3c6e-6a55-4b8e-8d5f-0f6a3f5f2a10";

fn spec() -> Value {
    conformance::read_spec(conformance::spec_path("schema-2026.11.0-rc1.yml"))
}

/// The scheme word the spec gives an HTTP scheme (`bearer`, `bearer+agent`).
fn word(spec: &Value, scheme: &str) -> String {
    let defined = &spec["components"]["securitySchemes"][scheme];
    assert_eq!(defined["type"], "http", "{scheme}: {defined}");
    defined["scheme"].as_str().unwrap().to_owned()
}

/// The schemes an operation's alternatives name, in the spec's order.
fn alternatives(spec: &Value, path: &str, method: &str) -> Vec<Vec<String>> {
    let security = spec["paths"][path][method]["security"].as_array().unwrap();
    security.iter().map(|alt| alt.as_object().unwrap().keys().cloned().collect()).collect()
}

async fn serve(router: axum::Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    url
}

/// A request's path and its `Authorization` header.
type Seen = (String, Option<String>);

/// A server that records each request's path and `Authorization` header and answers 204.
async fn recorder() -> (String, Arc<Mutex<Vec<Seen>>>) {
    let seen: Arc<Mutex<Vec<Seen>>> = Arc::default();
    let log = seen.clone();
    let router = axum::Router::new().fallback(move |uri: axum::http::Uri, headers: HeaderMap| {
        let log = log.clone();
        async move {
            let auth = headers.get("authorization").map(|v| v.to_str().unwrap().to_owned());
            log.lock().unwrap().push((uri.path().to_owned(), auth));
            axum::http::StatusCode::NO_CONTENT
        }
    });
    (serve(router).await, seen)
}

/// Sends the four operations, returning the `Authorization` header of each, by path.
async fn send_all(client: &Client, seen: &Mutex<Vec<Seen>>) -> Vec<Seen> {
    seen.lock().unwrap().clear();
    let enroll = EnrollRequest { device_serial: "SN1".into(), device_name: "laptop".into() };
    client.core().groups_used_by_list(GROUP.parse().unwrap()).send_raw().await.unwrap();
    client.endpoints().agents_connectors_agent_config_retrieve().send_raw().await.unwrap();
    client.endpoints().agents_connectors_enroll_create(&enroll).send_raw().await.unwrap();
    client.endpoints().agents_connectors_auth_fed_create("device-1").send_raw().await.unwrap();
    seen.lock().unwrap().clone()
}

#[tokio::test]
async fn the_client_sends_each_operation_the_credential_of_its_scheme() {
    let spec = spec();
    let (base, seen) = recorder().await;
    let agent_word = word(&spec, "authentik_device_auth");
    assert_eq!(agent_word, "bearer+agent");
    assert_eq!(word(&spec, "authentik"), "bearer");
    assert_eq!(word(&spec, "authentik_device_enroll"), "bearer");
    assert_eq!(
        alternatives(&spec, "/core/groups/{group_uuid}/used_by/", "get"),
        [["authentik"], ["authentik_device_auth"]]
    );
    assert_eq!(alternatives(&spec, "/endpoints/agents/connectors/agent_config/", "get"), [["authentik_device_auth"]]);
    assert_eq!(
        alternatives(&spec, "/endpoints/agents/connectors/auth_fed/", "post"),
        [["authentik_device_federation"]]
    );

    // The main token, the agent's and the enrollment token: each operation gets the first
    // scheme it accepts that the client has; the federation operation, whose scheme has
    // no credential here, gets none.
    let client = Client::builder(&base)
        .bearer_token(MAIN)
        .credential("authentik_device_auth", AGENT)
        .credential("authentik_device_enroll", ENROLL)
        .build();
    let sent = send_all(&client, &seen).await;
    let header = |path: &str| sent.iter().find(|(p, _)| p.ends_with(path)).unwrap().1.clone();
    assert_eq!(header("/used_by/"), Some(format!("Bearer {MAIN}")));
    assert_eq!(header("/agent_config/"), Some(format!("{agent_word} {AGENT}")));
    assert_eq!(header("/enroll/"), Some(format!("Bearer {ENROLL}")));
    assert_eq!(header("/auth_fed/"), None);

    // The agent's token alone: the groups operation falls back to its second alternative.
    let agent = Client::builder(&base).credential("authentik_device_auth", AGENT).build();
    let sent = send_all(&agent, &seen).await;
    let header = |path: &str| sent.iter().find(|(p, _)| p.ends_with(path)).unwrap().1.clone();
    assert_eq!(header("/used_by/"), Some(format!("{agent_word} {AGENT}")));
    assert_eq!(header("/agent_config/"), Some(format!("{agent_word} {AGENT}")));
    assert_eq!(header("/enroll/"), None, "the agent's token is not the enrollment scheme's");
    // A credential never shows in `Debug` output.
    assert!(!format!("{agent:?}").contains(AGENT), "{agent:?}");
}

/// Accepts one token per scheme and records which scheme each request came by.
#[derive(Default, Clone)]
struct PerScheme {
    seen: Arc<Mutex<Vec<(&'static str, &'static str)>>>,
}

impl Authenticate for PerScheme {
    type Principal = &'static str;

    async fn authenticate(&self, credential: Credential<'_>, operation: &'static Operation) -> Option<&'static str> {
        let expected = match credential.scheme.name {
            "authentik" => MAIN,
            "authentik_device_auth" => AGENT,
            "authentik_device_enroll" => ENROLL,
            _ => return None,
        };
        self.seen.lock().unwrap().push((operation.id, credential.scheme.name));
        (credential.token == expected).then_some(credential.scheme.name)
    }
}

impl server::Core for PerScheme {}
impl server::Endpoints for PerScheme {}

#[tokio::test]
async fn the_server_tells_which_scheme_matched() {
    let state = PerScheme::default();
    let base = format!("{}/api/v3", serve(server::router(state.clone())).await);
    let http = reqwest::Client::new();
    let get =
        |path: &str, auth: &str| http.get(format!("{base}{path}")).header("authorization", auth.to_owned()).send();
    let used_by = format!("/core/groups/{GROUP}/used_by/");
    // 501 (the trait's default) means the request got past authentication.
    let status = |r: reqwest::Response| r.status().as_u16();
    assert_eq!(status(get(&used_by, &format!("Bearer {MAIN}")).await.unwrap()), 501);
    assert_eq!(status(get(&used_by, &format!("bearer+agent {AGENT}")).await.unwrap()), 501);
    // Scheme words are compared without regard to case (RFC 9110).
    assert_eq!(status(get(&used_by, &format!("BEARER+Agent {AGENT}")).await.unwrap()), 501);
    // The agent's token under the plain bearer word is `authentik`'s credential, refused.
    assert_eq!(status(get(&used_by, &format!("Bearer {AGENT}")).await.unwrap()), 403);

    // agent_config takes the agent's scheme only: a bearer token is no credential for it.
    let config = "/endpoints/agents/connectors/agent_config/";
    let r = get(config, &format!("Bearer {MAIN}")).await.unwrap();
    assert_eq!(r.status(), 403);
    let body: Value = serde_json::from_slice(&r.bytes().await.unwrap()).unwrap();
    assert_eq!(body["detail"], "Authentication credentials were not provided.");
    assert_eq!(status(get(config, &format!("bearer+agent {AGENT}")).await.unwrap()), 501);

    let seen = state.seen.lock().unwrap().clone();
    assert_eq!(
        seen,
        [
            ("core_groups_used_by_list", "authentik"),
            ("core_groups_used_by_list", "authentik_device_auth"),
            ("core_groups_used_by_list", "authentik_device_auth"),
            ("core_groups_used_by_list", "authentik"),
            ("endpoints_agents_connectors_agent_config_retrieve", "authentik_device_auth"),
        ]
    );

    // The generated client against the generated server: each call reaches its method.
    let client = Client::builder(base.trim_end_matches("/api/v3"))
        .bearer_token(MAIN)
        .credential("authentik_device_auth", AGENT)
        .credential("authentik_device_enroll", ENROLL)
        .build();
    let enroll = EnrollRequest { device_serial: "SN1".into(), device_name: "laptop".into() };
    let raw = client.endpoints().agents_connectors_enroll_create(&enroll).send_raw().await.unwrap();
    assert_eq!(raw.status.as_u16(), 501);
    let raw = client.endpoints().agents_connectors_agent_config_retrieve().send_raw().await.unwrap();
    assert_eq!(raw.status.as_u16(), 501);
    // Without the federation scheme's credential the call goes without one: 403.
    let raw = client.endpoints().agents_connectors_auth_fed_create("device-1").send_raw().await.unwrap();
    assert_eq!(raw.status.as_u16(), 403);
    let last: Vec<_> = state.seen.lock().unwrap().iter().skip(5).copied().collect();
    assert_eq!(
        last,
        [
            ("endpoints_agents_connectors_enroll_create", "authentik_device_enroll"),
            ("endpoints_agents_connectors_agent_config_retrieve", "authentik_device_auth"),
        ]
    );
}
