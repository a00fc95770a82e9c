//! An HTTP server that judges requests by the raw spec alone, for testing clients.
//!
//! For each request it finds the operation by method and path template, then checks: the
//! credentials of one of the operation's security alternatives, each carried the way its
//! `securitySchemes` entry says (a scheme named but not defined is taken to be a bearer
//! token), with the token the test gave for that scheme; every path, query and header
//! parameter decoded and typed by its schema, valid for it (an independent JSON Schema
//! validator) and equal to the value the test expected; no undeclared query parameters;
//! required parameters present; the JSON or multipart body valid for the request schema and
//! equal to the expected body. It answers the operation's success status with a body
//! synthesized from the response schema. Nothing here uses akgen or the generated code.

use std::collections::{BTreeMap, HashMap};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::{FromRequest, Multipart, Request, State};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

use crate::oracle;
use crate::synth::{Mode, Synth};

/// One operation of the spec, as the server needs it.
#[derive(Debug, Clone)]
pub struct SpecOperation {
    pub id: String,
    pub method: String,
    pub path: String,
    /// Resolved parameter objects.
    pub parameters: Vec<Value>,
    pub body: Option<Value>,
    /// Whether every security alternative names a scheme (an anonymous call is refused).
    pub needs_auth: bool,
    /// The security alternatives: each a list of scheme names, all of which must be sent.
    pub security: Vec<Vec<String>>,
    /// The success status and its response object.
    pub success: (u16, Value),
}

/// Every operation of a raw spec, with `$ref`'d parameters, bodies and responses resolved.
pub fn operations(spec: &Value) -> Vec<SpecOperation> {
    let resolve = |v: &Value| -> Value {
        match v.get("$ref").and_then(Value::as_str) {
            Some(r) => {
                let pointer = r.trim_start_matches('#');
                spec.pointer(pointer).cloned().unwrap_or_else(|| panic!("unresolved {r}"))
            }
            None => v.clone(),
        }
    };
    let global_security = spec.get("security").cloned().unwrap_or(json!([]));
    let mut ops = Vec::new();
    for (path, item) in spec["paths"].as_object().expect("paths") {
        let shared: Vec<Value> = item.get("parameters").and_then(Value::as_array).cloned().unwrap_or_default();
        for (method, op) in item.as_object().unwrap() {
            if !["get", "put", "post", "delete", "options", "head", "patch", "trace"].contains(&method.as_str()) {
                continue;
            }
            let mut parameters: Vec<Value> = shared.iter().map(resolve).collect();
            for p in op.get("parameters").and_then(Value::as_array).into_iter().flatten() {
                let p = resolve(p);
                parameters.retain(|q| !(q["name"] == p["name"] && q["in"] == p["in"]));
                parameters.push(p);
            }
            let security = op.get("security").unwrap_or(&global_security);
            let alternatives = security.as_array().cloned().unwrap_or_default();
            let needs_auth =
                !alternatives.is_empty() && alternatives.iter().all(|a| a.as_object().is_some_and(|m| !m.is_empty()));
            let security = alternatives
                .iter()
                .map(|a| a.as_object().map(|m| m.keys().cloned().collect()).unwrap_or_default())
                .collect();
            let responses = op["responses"].as_object().expect("responses");
            let (status, response) = responses
                .iter()
                .filter_map(|(k, v)| k.parse::<u16>().ok().filter(|s| (200..300).contains(s)).map(|s| (s, resolve(v))))
                .min_by_key(|(s, _)| *s)
                .expect("a success response");
            ops.push(SpecOperation {
                id: op["operationId"].as_str().expect("operationId").to_owned(),
                method: method.to_uppercase(),
                path: path.clone(),
                parameters,
                body: op.get("requestBody").map(resolve),
                needs_auth,
                security,
                success: (status, response),
            });
        }
    }
    ops
}

/// What the test expects one call to carry.
#[derive(Debug, Clone)]
pub struct Expected {
    /// Parameter name → value, for every parameter sent.
    pub params: Map<String, Value>,
    /// The JSON body (binary properties as arrays of byte values), or null.
    pub body: Value,
}

/// Synthesizes the parameters and body for an operation from its raw schemas: every
/// parameter, every property (full instances, as [`Mode::Full`] builds them).
pub fn expected_call(spec: &Value, op: &SpecOperation) -> Expected {
    let synth = Synth::new(spec);
    let mut params = Map::new();
    for p in &op.parameters {
        let value = synth.instance(&p["schema"], Mode::Full).expect("parameters are not binary");
        params.insert(p["name"].as_str().unwrap().to_owned(), value);
    }
    let body = match &op.body {
        None => Value::Null,
        Some(b) => {
            let content = b["content"].as_object().unwrap();
            let (media, c) =
                content.iter().find(|(m, _)| m.contains("json")).or_else(|| content.iter().next()).unwrap();
            let schema = &c["schema"];
            if media.starts_with("multipart/") {
                multipart_instance(spec, &synth, schema)
            } else {
                synth.instance(schema, Mode::Full).expect("JSON bodies are not binary")
            }
        }
    };
    Expected { params, body }
}

/// A multipart body's properties: `format: binary` ones as a few bytes, others synthesized.
fn multipart_instance(spec: &Value, synth: &Synth, schema: &Value) -> Value {
    let schema = resolve_schema(spec, schema);
    let mut out = Map::new();
    for (name, prop) in schema["properties"].as_object().into_iter().flatten() {
        let value = if prop["format"] == "binary" {
            json!([104, 105, 0, 255])
        } else {
            synth.instance(prop, Mode::Full).unwrap()
        };
        out.insert(name.clone(), value);
    }
    Value::Object(out)
}

fn resolve_schema<'a>(spec: &'a Value, schema: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(r) => resolve_schema(spec, spec.pointer(r.trim_start_matches('#')).expect("schema ref")),
        None => schema,
    }
}

/// What the server saw: which operations were called and every problem found.
#[derive(Debug, Default)]
pub struct Record {
    pub called: BTreeMap<String, usize>,
    pub failures: Vec<String>,
}

struct ServerState {
    spec: Value,
    definitions: Value,
    operations: Vec<SpecOperation>,
    base_path: String,
    /// Scheme name → the token the client was given for it.
    tokens: HashMap<String, String>,
    /// operationId → the call the test will make.
    expected: HashMap<String, Expected>,
    record: Mutex<Record>,
    validators: Mutex<HashMap<String, Arc<jsonschema::Validator>>>,
}

/// A running spec server.
pub struct SpecServer {
    pub addr: SocketAddr,
    state: Arc<ServerState>,
}

impl SpecServer {
    /// Starts the server on 127.0.0.1 (an ephemeral port) on the current tokio runtime.
    /// `tokens` maps each security scheme to the token the client holds for it.
    pub async fn start(
        spec: Value,
        tokens: HashMap<String, String>,
        expected: HashMap<String, Expected>,
    ) -> SpecServer {
        let base_path = spec["servers"][0]["url"].as_str().unwrap_or("").trim_end_matches('/').to_owned();
        let state = Arc::new(ServerState {
            definitions: oracle::definitions(&spec),
            operations: operations(&spec),
            spec,
            base_path,
            tokens,
            expected,
            record: Mutex::new(Record::default()),
            validators: Mutex::new(HashMap::new()),
        });
        let app = axum::Router::new().fallback(handle).with_state(state.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind 127.0.0.1");
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await.expect("serve") });
        SpecServer { addr, state }
    }

    /// `http://127.0.0.1:<port>`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// What the server has seen so far.
    pub fn take_record(&self) -> Record {
        std::mem::take(&mut *self.state.record.lock().unwrap())
    }
}

/// Whether the request carries `token` the way the spec's `securitySchemes/<scheme>` says:
/// an HTTP scheme as `Authorization: <scheme word> <token>` (the word matched without
/// regard to case, RFC 9110 §11.1), an API key in its header, query parameter or cookie. A
/// scheme operations name but the spec does not define is taken to be a bearer token.
fn carries(spec: &Value, scheme: &str, token: &str, headers: &HeaderMap, query: &str) -> bool {
    let definition = &spec["components"]["securitySchemes"][scheme];
    let authorization = |word: &str| {
        headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split_once(' '))
            .is_some_and(|(w, t)| w.eq_ignore_ascii_case(word) && t == token)
    };
    match (definition["type"].as_str(), definition["in"].as_str()) {
        (Some("http"), _) => authorization(definition["scheme"].as_str().unwrap_or("bearer")),
        (Some("apiKey"), Some("header")) => {
            headers.get(definition["name"].as_str().unwrap_or("")).is_some_and(|v| v.as_bytes() == token.as_bytes())
        }
        (Some("apiKey"), Some("query")) => url::form_urlencoded::parse(query.as_bytes())
            .any(|(k, v)| k == definition["name"].as_str().unwrap_or("") && v == token),
        (Some("apiKey"), Some("cookie")) => {
            cookie(headers, definition["name"].as_str().unwrap_or("")).is_some_and(|v| v == token)
        }
        (None, _) => authorization("bearer"),
        _ => false,
    }
}

async fn handle(State(state): State<Arc<ServerState>>, request: Request) -> Response {
    let method = request.method().clone();
    let uri = request.uri().clone();
    let headers = request.headers().clone();
    let path = uri.path().to_owned();
    let Some(rel) = path.strip_prefix(&state.base_path).filter(|r| r.starts_with('/')) else {
        return fail(&state, format!("{method} {path}: outside the base path {}", state.base_path));
    };
    let Some((op, path_values)) = match_operation(&state.operations, &method, rel) else {
        return fail(&state, format!("{method} {rel}: no operation has this method and path"));
    };
    let mut problems = Vec::new();
    let expected = state.expected.get(&op.id);

    if op.needs_auth {
        let satisfied = op.security.iter().any(|alternative| {
            alternative.iter().all(|scheme| {
                let token = state.tokens.get(scheme);
                token.is_some_and(|t| carries(&state.spec, scheme, t, &headers, uri.query().unwrap_or("")))
            })
        });
        if !satisfied {
            let sent = headers.get("authorization").and_then(|v| v.to_str().ok());
            problems
                .push(format!("no security alternative of {:?} is satisfied (Authorization: {sent:?})", op.security));
        }
    }

    // Parameters.
    let mut query: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (k, v) in url::form_urlencoded::parse(uri.query().unwrap_or("").as_bytes()) {
        query.entry(k.into_owned()).or_default().push(v.into_owned());
    }
    for p in &op.parameters {
        let name = p["name"].as_str().unwrap();
        let schema = &p["schema"];
        let raw: Option<Vec<String>> = match p["in"].as_str().unwrap() {
            "path" => path_values.get(name).map(|v| vec![v.clone()]),
            "query" => query.remove(name),
            "header" => headers.get(name).and_then(|v| v.to_str().ok()).map(|v| vec![v.to_owned()]),
            "cookie" => cookie(&headers, name).map(|v| vec![v]),
            other => {
                problems.push(format!("parameter {name}: unknown location {other}"));
                continue;
            }
        };
        let Some(raw) = raw else {
            if p["required"] == true || expected.is_some_and(|e| e.params.contains_key(name)) {
                problems.push(format!("parameter {name} ({}) missing", p["in"]));
            }
            continue;
        };
        let explode = p.get("explode").and_then(Value::as_bool).unwrap_or(p["in"] == "query" || p["in"] == "cookie");
        let value = match typed(&state.spec, schema, &raw, explode) {
            Ok(v) => v,
            Err(e) => {
                problems.push(format!("parameter {name}: {e}"));
                continue;
            }
        };
        if let Err(e) = check(&state, &format!("{}#param:{name}", op.id), schema, &value) {
            problems.push(format!("parameter {name} = {value}: {e}"));
        }
        if let Some(want) = expected.and_then(|e| e.params.get(name))
            && !same_value(want, &value)
        {
            problems.push(format!("parameter {name}: sent {value}, expected {want}"));
        }
    }
    let schemes = &state.spec["components"]["securitySchemes"];
    let api_key_in_query =
        |name: &str| op.security.iter().flatten().any(|s| schemes[s]["in"] == "query" && schemes[s]["name"] == name);
    for name in query.keys().filter(|n| !api_key_in_query(n)) {
        problems.push(format!("query parameter {name} is not declared"));
    }

    // Body.
    let content_type = headers.get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    let body_value = if content_type.starts_with("multipart/form-data") {
        match Multipart::from_request(request, &()).await {
            Ok(mut form) => {
                let mut fields = Map::new();
                loop {
                    match form.next_field().await {
                        Ok(Some(field)) => {
                            let name = field.name().unwrap_or("").to_owned();
                            match field.bytes().await {
                                Ok(bytes) => {
                                    fields.insert(name, Value::Array(bytes.iter().map(|b| json!(b)).collect()));
                                }
                                Err(e) => problems.push(format!("multipart part {name}: {e}")),
                            }
                        }
                        Ok(None) => break,
                        Err(e) => {
                            problems.push(format!("multipart: {e}"));
                            break;
                        }
                    }
                }
                Some(("multipart/form-data".to_owned(), Value::Object(fields)))
            }
            Err(e) => {
                problems.push(format!("multipart: {e}"));
                None
            }
        }
    } else {
        let bytes = match Bytes::from_request(request, &()).await {
            Ok(b) => b,
            Err(e) => return fail(&state, format!("{}: body: {e}", op.id)),
        };
        if bytes.is_empty() {
            None
        } else if content_type.starts_with("application/json") {
            match serde_json::from_slice::<Value>(&bytes) {
                Ok(v) => Some(("application/json".to_owned(), v)),
                Err(e) => {
                    problems.push(format!("body is not JSON: {e}"));
                    None
                }
            }
        } else {
            problems.push(format!("body with unexpected Content-Type {content_type:?}"));
            None
        }
    };
    match (&op.body, body_value) {
        (Some(b), None) if b["required"] == true => problems.push("required body missing".into()),
        (None, Some(_)) => problems.push("a body where the spec has none".into()),
        (Some(b), Some((media, value))) => match b["content"].get(&media) {
            None => problems.push(format!("body sent as {media}, which the operation does not accept")),
            Some(c) => {
                let value = if media == "multipart/form-data" {
                    multipart_typed(&state.spec, &c["schema"], value)
                } else {
                    value
                };
                let want = expected.map(|e| &e.body).filter(|b| !b.is_null());
                if media == "multipart/form-data" {
                    // Binary parts are compared, not validated: JSON Schema has no bytes.
                    if let Some(want) = want
                        && !same_value(want, &value)
                    {
                        problems.push(format!("multipart body {value} differs from the expected {want}"));
                    }
                } else {
                    if let Err(e) = check(&state, &format!("{}#body", op.id), &c["schema"], &value) {
                        problems.push(format!("body invalid: {e}"));
                    }
                    if let Some(want) = want
                        && !same_value(want, &value)
                    {
                        problems.push(format!("body {value} differs from the expected {want}"));
                    }
                }
            }
        },
        _ => {}
    }

    {
        let mut record = state.record.lock().unwrap();
        *record.called.entry(op.id.clone()).or_default() += 1;
        record.failures.extend(problems.iter().map(|p| format!("{}: {p}", op.id)));
    }
    if !problems.is_empty() {
        return (StatusCode::IM_A_TEAPOT, problems.join("\n")).into_response();
    }
    respond(&state.spec, op)
}

/// The success response with a synthesized body.
fn respond(spec: &Value, op: &SpecOperation) -> Response {
    let (status, response) = &op.success;
    let status = StatusCode::from_u16(*status).unwrap();
    let Some(content) = response.get("content").and_then(Value::as_object) else {
        return status.into_response();
    };
    let (media, c) = content.iter().find(|(m, _)| m.contains("json")).unwrap_or_else(|| content.iter().next().unwrap());
    if resolve_schema(spec, &c["schema"])["format"] == "binary" {
        return (status, [("content-type", media.clone())], b"file contents\x00\xff".to_vec()).into_response();
    }
    let body = Synth::new(spec).instance(&c["schema"], Mode::Full).unwrap_or(Value::Null);
    (status, [("content-type", media.clone())], serde_json::to_vec(&body).unwrap()).into_response()
}

fn fail(state: &ServerState, message: String) -> Response {
    state.record.lock().unwrap().failures.push(message.clone());
    (StatusCode::IM_A_TEAPOT, message).into_response()
}

/// The operation whose template matches, preferring literal segments over parameters.
fn match_operation<'a>(
    ops: &'a [SpecOperation],
    method: &Method,
    path: &str,
) -> Option<(&'a SpecOperation, HashMap<String, String>)> {
    let segments: Vec<&str> = path.split('/').collect();
    let mut best: Option<(usize, &SpecOperation, HashMap<String, String>)> = None;
    for op in ops.iter().filter(|o| o.method == method.as_str()) {
        let template: Vec<&str> = op.path.split('/').collect();
        if template.len() != segments.len() {
            continue;
        }
        let mut values = HashMap::new();
        let mut literal = 0;
        let matched = template.iter().zip(&segments).all(|(t, s)| {
            if let Some(name) = t.strip_prefix('{').and_then(|t| t.strip_suffix('}')) {
                let decoded = percent_encoding::percent_decode_str(s).decode_utf8_lossy().into_owned();
                values.insert(name.to_owned(), decoded);
                !s.is_empty()
            } else {
                literal += 1;
                t == s
            }
        });
        if matched && best.as_ref().is_none_or(|(l, _, _)| literal > *l) {
            best = Some((literal, op, values));
        }
    }
    best.map(|(_, op, values)| (op, values))
}

fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers.get_all("cookie").iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(';')).find_map(|pair| {
        let (k, v) = pair.trim().split_once('=')?;
        (k == name).then(|| v.to_owned())
    })
}

/// A parameter's text as the JSON value its schema describes.
fn typed(spec: &Value, schema: &Value, raw: &[String], explode: bool) -> Result<Value, String> {
    let schema = resolve_schema(spec, schema);
    if schema["type"] == "array" {
        let items: Vec<&str> = if explode {
            raw.iter().map(String::as_str).collect()
        } else {
            raw.iter().flat_map(|r| r.split(',')).collect()
        };
        return items
            .iter()
            .map(|i| scalar(spec, &schema["items"], i))
            .collect::<Result<Vec<_>, _>>()
            .map(Value::Array);
    }
    match raw {
        [one] => scalar(spec, schema, one),
        _ => Err(format!("{} values for a single-valued parameter", raw.len())),
    }
}

fn scalar(spec: &Value, schema: &Value, text: &str) -> Result<Value, String> {
    let schema = resolve_schema(spec, schema);
    match schema["type"].as_str() {
        Some("integer") => text.parse::<i64>().map(|n| json!(n)).map_err(|_| format!("{text:?} is not an integer")),
        Some("number") => text.parse::<f64>().map(|n| json!(n)).map_err(|_| format!("{text:?} is not a number")),
        Some("boolean") => match text {
            "true" => Ok(json!(true)),
            "false" => Ok(json!(false)),
            _ => Err(format!("{text:?} is not true or false")),
        },
        _ => Ok(json!(text)),
    }
}

/// A multipart body's text parts typed by the schema (binary parts stay bytes).
fn multipart_typed(spec: &Value, schema: &Value, value: Value) -> Value {
    let schema = resolve_schema(spec, schema);
    let Value::Object(fields) = value else { return value };
    let out = fields
        .into_iter()
        .map(|(name, bytes)| {
            let prop = &schema["properties"][&name];
            if prop["format"] == "binary" {
                return (name, bytes);
            }
            let raw: Vec<u8> = serde_json::from_value(bytes).unwrap_or_default();
            let text = String::from_utf8_lossy(&raw).into_owned();
            let typed = scalar(spec, prop, &text).unwrap_or(Value::String(text));
            (name, typed)
        })
        .collect();
    Value::Object(out)
}

/// Validates `value` against a schema of the spec, compiling each schema once.
fn check(state: &ServerState, key: &str, schema: &Value, value: &Value) -> Result<(), String> {
    let validator = {
        let mut cache = state.validators.lock().unwrap();
        match cache.get(key) {
            Some(v) => v.clone(),
            None => {
                let document = oracle::document(&state.definitions, schema);
                let v = Arc::new(
                    jsonschema::draft7::options()
                        .should_validate_formats(true)
                        .build(&document)
                        .map_err(|e| format!("schema: {e}"))?,
                );
                cache.insert(key.to_owned(), v.clone());
                v
            }
        }
    };
    let errors: Vec<String> = validator.iter_errors(value).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    if errors.is_empty() { Ok(()) } else { Err(errors.join("; ")) }
}

/// JSON equality where numbers compare by value and date-times by instant.
pub fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::String(x), Value::String(y)) => {
            x == y
                || matches!((chrono::DateTime::parse_from_rfc3339(x), chrono::DateTime::parse_from_rfc3339(y)), (Ok(p), Ok(q)) if p == q)
        }
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_value(p, q)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same_value(v, w)))
        }
        _ => a == b,
    }
}
