//! The generated server over real HTTP on 127.0.0.1, judged by the raw spec.
//!
//! Requests are built from the raw YAML alone (method, path template, parameters and bodies
//! synthesized from their schemas, encoded as OpenAPI's default styles say), never through
//! akgen or the generated client. The implementation under test keeps every trait method's
//! default, which answers 501 naming the operationId of the method it belongs to; so a 501
//! naming the spec's operationId for that method and path proves the request was
//! authenticated, its parameters and body read and validated, and the right method called.

use authentik_api::server::{self, Authenticate, Credential, Operation, ServerConfig};
use conformance::spec_server::{self, SpecOperation};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde_json::{Value, json};

const TOKEN: &str = "server-test-token";

/// Debug builds of the deepest models need more than the default 2 MiB of stack.
const STACK: usize = 64 << 20;

/// Keeps every trait method's default; accepts one token.
struct Defaults;

impl Authenticate for Defaults {
    type Principal = ();

    async fn authenticate(&self, credential: Credential<'_>, _operation: &'static Operation) -> Option<()> {
        (credential.token == TOKEN).then_some(())
    }
}

include!(concat!(env!("OUT_DIR"), "/server_impls.rs"));

fn run<F: std::future::Future<Output = ()> + Send + 'static>(test: F) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_stack_size(STACK)
        .enable_all()
        .build()
        .unwrap();
    std::thread::Builder::new().stack_size(STACK).spawn(move || runtime.block_on(test)).unwrap().join().unwrap();
}

/// Serves `router` on a free loopback port; returns its base URL.
async fn serve(router: axum::Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    url
}

#[test]
fn every_operation_reaches_its_trait_method() {
    run(async {
        let spec = conformance::read_spec(conformance::spec_path(conformance::PINNED));
        let base = format!("{}/api/v3", serve(server::router(Defaults)).await);
        let http = reqwest::Client::new();
        let ops = spec_server::operations(&spec);
        let mut failures = Vec::new();
        for op in &ops {
            let call = spec_server::expected_call(&spec, op);
            let expected = format!("Operation `{}` is not implemented by this server.", op.id);
            let (status, body) = send(&http, &base, &spec, op, &call, Some(TOKEN)).await;
            if status != 501 || body["detail"] != expected {
                failures.push(format!("{} {} ({}): {status} {body}", op.method, op.path, op.id));
            }
            // Without a token: 403 where the spec requires authentication, the method otherwise.
            let (status, body) = send(&http, &base, &spec, op, &call, None).await;
            let ok = if op.needs_auth {
                status == 403 && body["detail"] == "Authentication credentials were not provided."
            } else {
                status == 501 && body["detail"] == expected
            };
            if !ok {
                failures.push(format!("{} {} ({}) without a token: {status} {body}", op.method, op.path, op.id));
            }
        }
        assert!(failures.is_empty(), "{} of {} checks failed:\n{}", failures.len(), ops.len() * 2, failures.join("\n"));
        assert_eq!(ops.len(), 1139, "the pinned spec has 1,139 operations");
    });
}

/// Implements only the `core` tag's trait, although every tag's feature is on in this
/// crate: `RouterBuilder` must not ask for the other tags' traits (as `router` does).
struct CoreOnly;

impl Authenticate for CoreOnly {
    type Principal = ();

    async fn authenticate(&self, credential: Credential<'_>, _operation: &'static Operation) -> Option<()> {
        (credential.token == TOKEN).then_some(())
    }
}

impl server::Core for CoreOnly {}

#[test]
fn a_router_of_chosen_tags_serves_their_operations_and_no_others() {
    run(async {
        let spec = conformance::read_spec(conformance::spec_path(conformance::PINNED));
        let base = format!("{}/api/v3", serve(server::RouterBuilder::new(CoreOnly).core().build()).await);
        let http = reqwest::Client::new();
        let ops = spec_server::operations(&spec);
        let tag = |op: &SpecOperation| {
            spec["paths"][&op.path][op.method.to_lowercase()]["tags"][0].as_str().unwrap().to_owned()
        };
        let core_paths: std::collections::HashSet<&str> =
            ops.iter().filter(|op| tag(op) == "core").map(|op| op.path.as_str()).collect();
        let mut failures = Vec::new();
        let mut served = 0;
        for op in &ops {
            let call = spec_server::expected_call(&spec, op);
            let (status, body) = send(&http, &base, &spec, op, &call, Some(TOKEN)).await;
            let ok = if tag(op) == "core" {
                served += 1;
                status == 501 && body["detail"] == format!("Operation `{}` is not implemented by this server.", op.id)
            } else if core_paths.contains(op.path.as_str()) {
                // Another tag's method on a path of `core`: not allowed here.
                status == 405
            } else {
                status == 404 && body == json!({"detail": "Not found."})
            };
            if !ok {
                failures.push(format!("{} {} ({}, tagged {}): {status} {body}", op.method, op.path, op.id, tag(op)));
            }
        }
        assert!(
            failures.is_empty(),
            "{} of {} operations answered wrongly:\n{}",
            failures.len(),
            ops.len(),
            failures.join("\n")
        );
        // Both sides were exercised: operations served, and operations of other tags refused.
        assert!(served > 0 && served < ops.len(), "{served} of {} operations are tagged `core`", ops.len());
    });
}

#[test]
fn unknown_paths_wrong_methods_bad_tokens_and_limits() {
    run(async {
        let config = ServerConfig { base_path: "/mounted".into(), body_limit: 1024 };
        let base = serve(server::router_with(Defaults, config)).await;
        let http = reqwest::Client::new();
        let get = |path: &str| http.get(format!("{base}{path}")).bearer_auth(TOKEN).send();

        // The configured base path replaces /api/v3.
        let r = get("/mounted/core/tokens/").await.unwrap();
        assert_eq!(r.status(), 501);
        let r = get("/api/v3/core/tokens/").await.unwrap();
        assert_eq!(r.status(), 404);
        assert_eq!(json_of(r).await, json!({"detail": "Not found."}));
        assert_eq!(get("/mounted/core/no-such-thing/").await.unwrap().status(), 404);

        // A method the spec does not list for the path: 405 with the allowed ones.
        let r = http.put(format!("{base}/mounted/core/tokens/")).bearer_auth(TOKEN).send().await.unwrap();
        assert_eq!(r.status(), 405);
        assert_eq!(r.headers()["allow"], "GET, POST");
        assert_eq!(json_of(r).await, json!({"detail": "Method \"PUT\" not allowed."}));

        // A token the authenticator refuses.
        let r = http.get(format!("{base}/mounted/core/tokens/")).bearer_auth("wrong").send().await.unwrap();
        assert_eq!(r.status(), 403);
        assert_eq!(json_of(r).await, json!({"detail": "Token invalid/expired."}));

        // Bodies: over the limit, malformed, of the wrong media type, missing fields.
        let post = |body: Vec<u8>, media: &'static str| {
            http.post(format!("{base}/mounted/core/tokens/"))
                .bearer_auth(TOKEN)
                .header("content-type", media)
                .body(body)
                .send()
        };
        let big = serde_json::to_vec(&json!({"identifier": "x".repeat(2000)})).unwrap();
        assert_eq!(post(big, "application/json").await.unwrap().status(), 413);
        let r = post(b"{\"identifier\": ".to_vec(), "application/json").await.unwrap();
        assert_eq!(r.status(), 400);
        let detail = json_of(r).await["detail"].as_str().unwrap().to_owned();
        assert!(detail.starts_with("JSON parse error"), "{detail}");
        assert_eq!(post(b"identifier=x".to_vec(), "text/plain").await.unwrap().status(), 415);
        let r = post(b"{}".to_vec(), "application/json").await.unwrap();
        assert_eq!(r.status(), 400);
        assert_eq!(json_of(r).await, json!({"identifier": ["This field is required."]}));

        // Typed parameters: a bad integer names the parameter; an unlisted enum value too.
        let r = get("/mounted/core/tokens/?page=two&intent=api").await.unwrap();
        assert_eq!(r.status(), 400);
        assert_eq!(json_of(r).await, json!({"page": ["A valid integer is required."]}));
        let r = get("/mounted/core/tokens/?intent=nonsense").await.unwrap();
        assert_eq!(r.status(), 400);
        assert!(json_of(r).await["intent"].is_array());
    });
}

/// Requests stay strict: a challenge response whose `component` the spec does not list
/// decodes (into the union's catch-all) but fails validation, so the server answers 400
/// naming the discriminator before the handler runs; a listed one reaches the handler.
#[test]
fn an_unknown_union_variant_in_a_request_is_refused() {
    run(async {
        let base = format!("{}/api/v3", serve(server::router(Defaults)).await);
        let http = reqwest::Client::new();
        let solve = |body: Value| solve_challenge(&http, &base, body);
        let r = solve(json!({"component": "ak-stage-from-the-future", "answer": 42})).await.unwrap();
        assert_eq!(r.status(), 400);
        let body = json_of(r).await;
        let message = body["component"][0].as_str().unwrap_or_default().to_owned();
        assert!(message.contains("ak-stage-from-the-future"), "{body}");
        let r = solve(json!({"component": "ak-stage-dummy"})).await.unwrap();
        assert_eq!(r.status(), 501, "a listed component reaches the handler");
    });
}

/// `DeviceChallengeRequest.last_used` is required and nullable (the spec's only such
/// request property, inside the authenticator-validation challenge response): `null` is a
/// value, but leaving it out is a 400 that names it, as `required` says.
#[test]
fn a_required_nullable_property_must_be_present() {
    run(async {
        let base = format!("{}/api/v3", serve(server::router(Defaults)).await);
        let http = reqwest::Client::new();
        let solve = |challenge: Value| {
            let body = json!({"component": "ak-stage-authenticator-validate", "selected_challenge": challenge});
            solve_challenge(&http, &base, body)
        };
        let challenge = json!({"device_class": "totp", "device_uid": "1", "challenge": {}, "last_used": null});
        let r = solve(challenge.clone()).await.unwrap();
        assert_eq!(r.status(), 501, "null is a value: {}", json_of(r).await);
        let mut without = challenge;
        without.as_object_mut().unwrap().remove("last_used");
        let r = solve(without).await.unwrap();
        assert_eq!(r.status(), 400);
        let body = json_of(r).await;
        // Named, though not at its full pointer: the union decodes its variant from a
        // buffered value, where the path to the union is not known.
        let text = body.to_string();
        assert!(text.contains("\"last_used\"") && text.contains("This field is required."), "{body}");
    });
}

/// POSTs a challenge response to the flow executor (`flows_executor_solve`).
fn solve_challenge(
    http: &reqwest::Client,
    base: &str,
    body: Value,
) -> impl std::future::Future<Output = reqwest::Result<reqwest::Response>> {
    http.post(format!("{base}/flows/executor/default-authentication-flow/?query=next%3D%2F"))
        .bearer_auth(TOKEN)
        .header("content-type", "application/json")
        .body(serde_json::to_vec(&body).unwrap())
        .send()
}

/// Every character but RFC 3986's unreserved ones is escaped in a path segment.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// A JSON value as parameter text: strings as they are, other scalars as JSON.
fn text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Sends one call built from the raw spec; returns the status and the JSON body (null
/// when the body is not JSON).
async fn send(
    http: &reqwest::Client,
    base: &str,
    spec: &Value,
    op: &SpecOperation,
    call: &spec_server::Expected,
    token: Option<&str>,
) -> (u16, Value) {
    let mut path = op.path.clone();
    let mut query: Vec<(String, String)> = Vec::new();
    let mut cookies = Vec::new();
    let mut headers = Vec::new();
    for p in &op.parameters {
        let name = p["name"].as_str().unwrap();
        let Some(value) = call.params.get(name).filter(|v| !v.is_null()) else { continue };
        let items: Vec<String> = match value {
            Value::Array(items) => items.iter().map(text).collect(),
            other => vec![text(other)],
        };
        match p["in"].as_str().unwrap() {
            "path" => {
                path = path.replace(&format!("{{{name}}}"), &utf8_percent_encode(&items.join(","), SEGMENT).to_string())
            }
            "query" => {
                // Form style: arrays repeat the key unless `explode: false`.
                if value.is_array() && p.get("explode") != Some(&Value::Bool(false)) {
                    query.extend(items.into_iter().map(|i| (name.to_owned(), i)));
                } else {
                    query.push((name.to_owned(), items.join(",")));
                }
            }
            "header" => headers.push((name.to_owned(), items.join(","))),
            "cookie" => cookies.push(format!("{name}={}", items.join(","))),
            other => panic!("parameter location {other}"),
        }
    }
    let mut request = http.request(op.method.parse().unwrap(), format!("{base}{path}")).query(&query);
    for (name, value) in headers {
        request = request.header(name, value);
    }
    if !cookies.is_empty() {
        request = request.header("cookie", cookies.join("; "));
    }
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    if let Some(body) = &op.body {
        let content = body["content"].as_object().unwrap();
        if content.keys().any(|m| m.contains("json")) {
            request = request.header("content-type", "application/json").body(serde_json::to_vec(&call.body).unwrap());
        } else if let Some(schema) = content.get("multipart/form-data").map(|c| &c["schema"]) {
            let schema = resolve(spec, schema);
            let mut form = reqwest::multipart::Form::new();
            for (name, value) in call.body.as_object().into_iter().flatten() {
                if schema["properties"][name]["format"] == "binary" {
                    let bytes: Vec<u8> = serde_json::from_value(value.clone()).unwrap();
                    form = form.part(name.clone(), reqwest::multipart::Part::bytes(bytes).file_name("upload.bin"));
                } else if !value.is_null() {
                    form = form.text(name.clone(), text(value));
                }
            }
            request = request.multipart(form);
        } else {
            panic!("{}: a body of {:?}", op.id, content.keys().collect::<Vec<_>>());
        }
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let body = json_of(response).await;
    (status, body)
}

/// The body as JSON, or null when it is not JSON.
async fn json_of(response: reqwest::Response) -> Value {
    serde_json::from_slice(&response.bytes().await.unwrap()).unwrap_or(Value::Null)
}

fn resolve<'a>(spec: &'a Value, schema: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(r) => resolve(spec, spec.pointer(r.trim_start_matches('#')).unwrap()),
        None => schema,
    }
}
