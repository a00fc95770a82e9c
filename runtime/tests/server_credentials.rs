//! What the server's `Authenticate` is handed, for each carrier, when the runtime's own
//! client sends a credential over loopback: the text the caller gave the client, however the
//! carrier encodes it on the wire (reqwest form-encodes an API key in the query).

use std::sync::{Arc, Mutex};

use akgen_runtime::client::transport::{Call, Client};
use akgen_runtime::runtime::security::{Carrier, Requirements, Scheme};
use akgen_runtime::server::support::{
    App, Authenticate, BoxFuture, Credential, Operation, Routes, ServeConfig, ServerConfig, secured, serve,
};
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::Response;
use reqwest::Method;

const BEARER: Scheme = Scheme { name: "bearer", carrier: Carrier::Authorization("bearer") };
const HEADER_KEY: Scheme = Scheme { name: "header_key", carrier: Carrier::Header("x-api-key") };
const QUERY_KEY: Scheme = Scheme { name: "query_key", carrier: Carrier::Query("api_key") };
const COOKIE_KEY: Scheme = Scheme { name: "cookie_key", carrier: Carrier::Cookie("session") };

/// Any one of the four schemes will do.
const ANY: Requirements = &[&[&QUERY_KEY], &[&HEADER_KEY], &[&COOKIE_KEY], &[&BEARER]];

static THINGS: Operation = Operation { id: "things_list", method: "GET", path: "/things/", security: ANY, params: &[] };

/// Accepts every credential and keeps what it was handed: the scheme's name and the token.
#[derive(Clone, Default)]
struct Recorder(Arc<Mutex<Vec<(&'static str, String)>>>);

impl Authenticate for Recorder {
    type Principal = ();

    fn authenticate(
        &self,
        credential: Credential<'_>,
        _: &'static Operation,
    ) -> impl Future<Output = Option<()>> + Send {
        self.0.lock().unwrap().push((credential.scheme.name, credential.token.to_owned()));
        async { Some(()) }
    }
}

fn things(app: Arc<App<Recorder>>, request: Request) -> BoxFuture<Response> {
    secured(app, request, &THINGS, |_, (), _| async { Ok(StatusCode::NO_CONTENT) })
}

/// A key with what each encoding must carry through: a space, `+`, `/`, `&`, `=`, `%` and
/// a character outside ASCII.
const AWKWARD: &str = "k y+/&=%é";

#[tokio::test]
async fn every_carrier_hands_authenticate_the_credential_the_client_was_given() {
    let recorder = Recorder::default();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let config = ServerConfig { base_path: String::new(), ..ServerConfig::default() };
    let router = Routes::new(recorder.clone(), config).mount(vec![("/things/", Method::GET, things)]).build();
    let server = tokio::spawn(serve(listener, router, ServeConfig::default()));

    // Each scheme alone, through a client that holds only its credential. Header and
    // cookie values cannot hold every character, so those carry a plainer key.
    let cases: [(&str, &str, Requirements); 4] = [
        ("query_key", AWKWARD, &[&[&QUERY_KEY]]),
        ("header_key", "h-1.2_3~", &[&[&HEADER_KEY]]),
        ("cookie_key", "c1", &[&[&COOKIE_KEY]]),
        ("bearer", "b 1", &[&[&BEARER]]),
    ];
    for (scheme, token, security) in cases {
        let client = if scheme == "bearer" {
            Client::builder_for_base_url(&url).bearer_token(token).build()
        } else {
            Client::builder_for_base_url(&url).credential(scheme, token).build()
        };
        let call = Call::new(Method::GET, "/things/".into(), "application/json", security);
        let answer = client.execute::<()>(call).await;
        assert!(matches!(answer, Ok(ref raw) if raw.status == 204), "{scheme}: {answer:?}");
        let seen = recorder.0.lock().unwrap().pop();
        assert_eq!(seen, Some((scheme, token.to_owned())), "{scheme}");
    }

    // A query key that is empty once decoded counts as none: 403, not a call with "".
    let raw = reqwest::get(format!("{url}/things/?api_key=+%20")).await.unwrap();
    assert_eq!(raw.status(), 403);
    assert!(recorder.0.lock().unwrap().is_empty());
    server.abort();
}
