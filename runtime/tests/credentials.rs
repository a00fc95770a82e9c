//! Where the client puts each kind of credential, read off the request as reqwest would
//! send it: a middleware captures the built request and stops it before the network.

use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};

use akgen_runtime::client::transport::{BoxError, BoxFuture, Call, Client, ClientError, Middleware, Next};
use akgen_runtime::runtime::security::{Carrier, Scheme};
use reqwest::Method;

const BEARER: Scheme = Scheme { name: "bearer", carrier: Carrier::Authorization("bearer") };
const AGENT: Scheme = Scheme { name: "agent", carrier: Carrier::Authorization("bearer+agent") };
const HEADER_KEY: Scheme = Scheme { name: "header_key", carrier: Carrier::Header("x-api-key") };
const QUERY_KEY: Scheme = Scheme { name: "query_key", carrier: Carrier::Query("api_key") };
const COOKIE_KEY: Scheme = Scheme { name: "cookie_key", carrier: Carrier::Cookie("session") };

/// The request the client built: its URL and headers.
#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Option<(String, reqwest::header::HeaderMap)>>>);

impl Middleware for Capture {
    fn handle<'a>(
        &'a self,
        request: reqwest::Request,
        _next: Next<'a>,
    ) -> BoxFuture<'a, Result<reqwest::Response, BoxError>> {
        *self.0.lock().unwrap() = Some((request.url().to_string(), request.headers().clone()));
        Box::pin(async { Err::<reqwest::Response, BoxError>("captured".into()) })
    }
}

/// Runs a future that finishes without waiting (the middleware answers at once).
fn now<T>(future: impl std::future::Future<Output = T>) -> T {
    let mut future = std::pin::pin!(future);
    match future.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(value) => value,
        Poll::Pending => panic!("the request did not finish at once"),
    }
}

fn sent(
    client: ClientBuilderFn,
    security: akgen_runtime::runtime::security::Requirements,
) -> (String, Vec<(String, String)>) {
    let capture = Capture::default();
    let client = client(Client::builder_for_base_url("http://127.0.0.1:9/api").middleware(capture.clone()));
    let call = Call::new(Method::GET, "/things/".into(), "application/json", security);
    let result: Result<_, ClientError<()>> = now(client.execute(call));
    assert!(matches!(result, Err(ClientError::Middleware(_))), "stopped by the capture");
    let (url, headers) = capture.0.lock().unwrap().take().unwrap();
    let mut headers: Vec<(String, String)> =
        headers.iter().map(|(k, v)| (k.as_str().to_owned(), v.to_str().unwrap().to_owned())).collect();
    headers.retain(|(k, _)| k != "accept");
    (url, headers)
}

type ClientBuilderFn = fn(akgen_runtime::client::transport::ClientBuilder) -> Client;

#[test]
fn each_carrier_puts_the_credential_where_its_scheme_says() {
    let all: ClientBuilderFn = |b| {
        b.bearer_token("main")
            .credential("agent", "a1")
            .credential("header_key", "h1")
            .credential("query_key", "q 1")
            .credential("cookie_key", "c1")
            .build()
    };
    let pair = |k: &str, v: &str| (k.to_owned(), v.to_owned());
    assert_eq!(sent(all, &[&[&BEARER]]).1, [pair("authorization", "Bearer main")]);
    assert_eq!(sent(all, &[&[&AGENT]]).1, [pair("authorization", "bearer+agent a1")]);
    assert_eq!(sent(all, &[&[&HEADER_KEY]]).1, [pair("x-api-key", "h1")]);
    let (url, headers) = sent(all, &[&[&QUERY_KEY]]);
    assert_eq!(url, "http://127.0.0.1:9/api/things/?api_key=q+1");
    assert!(headers.is_empty(), "{headers:?}");
    assert_eq!(sent(all, &[&[&COOKIE_KEY]]).1, [pair("cookie", "session=c1")]);
    // Two schemes together: both are sent.
    let both = sent(all, &[&[&BEARER, &HEADER_KEY]]).1;
    assert_eq!(both, [pair("authorization", "Bearer main"), pair("x-api-key", "h1")]);
    // Public, or anonymous allowed first: credentials still go where a scheme is met.
    assert!(sent(all, &[]).1.is_empty());
    assert_eq!(sent(all, &[&[], &[&AGENT]]).1, [pair("authorization", "bearer+agent a1")]);
}

#[test]
fn the_first_alternative_the_client_can_meet_is_used() {
    let agent_only: ClientBuilderFn = |b| b.credential("agent", "a1").build();
    let pair = |k: &str, v: &str| (k.to_owned(), v.to_owned());
    assert_eq!(sent(agent_only, &[&[&BEARER], &[&AGENT]]).1, [pair("authorization", "bearer+agent a1")]);
    // An alternative needing a credential the client lacks is not half-sent.
    assert!(sent(agent_only, &[&[&AGENT, &HEADER_KEY]]).1.is_empty());
    assert!(sent(agent_only, &[&[&BEARER]]).1.is_empty());
    // The default scheme's credential is `bearer_token`'s.
    let main: ClientBuilderFn = |b| b.bearer_token("main").build();
    assert_eq!(akgen_runtime::client::DEFAULT_SCHEME, BEARER.name, "the runtime's stand-in for the generated constant");
    assert_eq!(sent(main, &[&[&AGENT], &[&BEARER]]).1, [pair("authorization", "Bearer main")]);
}
