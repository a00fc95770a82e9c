//! Hand-written support for the generated server: authentication, reading and validating
//! parameters and bodies, error bodies, and mounting the routes.
//!
//! This file is copied verbatim from akgen's `templates/` into every generated crate. The
//! generated `server` module describes each operation (an [`Operation`]) and calls
//! [`secured`], [`optional`] or [`public`] with a closure that reads its inputs from an
//! [`Input`] and calls the implementation's trait method.

use std::borrow::Cow;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{DefaultBodyLimit, FromRequest, Multipart, RawPathParams, Request};
use axum::http::request::Parts;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodFilter, MethodRouter};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

use crate::runtime::security::{Carrier, Requirements, Scheme};
use crate::validation::{Validate, ValidationErrors, Violation};

/// The future every operation handler returns.
pub type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send + 'static>>;

/// An error an implementation wants to report as a 500 without showing it to the caller.
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Checks the credential of each request to an operation that requires authentication.
///
/// There is deliberately no default: a server that lets everyone in must say so in code.
pub trait Authenticate: Send + Sync + 'static {
    /// Who the credential belongs to; handed to every secured operation.
    type Principal: Send + 'static;

    /// The principal for `credential`, or `None` to refuse the request with 403. The
    /// credential says which of the operation's security schemes it came by (a scheme the
    /// implementation does not accept for `operation` is refused the same way).
    fn authenticate(
        &self,
        credential: Credential<'_>,
        operation: &'static Operation,
    ) -> impl Future<Output = Option<Self::Principal>> + Send;
}

/// A credential a request carries for one of its operation's security schemes.
#[derive(Debug, Clone, Copy)]
pub struct Credential<'a> {
    /// The scheme it came by: the first, in the spec's order of the operation's
    /// alternatives, whose credential the request carries (`Authorization: bearer+agent …`
    /// is `authentik_device_auth`'s, `Authorization: Bearer …` that of a bearer scheme).
    pub scheme: &'static Scheme,
    /// The credential itself: the text after the scheme word, or the API key.
    pub token: &'a str,
}

/// Where and how the routes are mounted.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// Path prefix of every operation (default: the spec's server path, `/api/v3` for
    /// authentik); `""` mounts them at the root.
    pub base_path: String,
    /// Largest request body accepted, in bytes; larger ones get 413 (default 2 MiB).
    pub body_limit: usize,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig { base_path: crate::BASE_PATH.to_owned(), body_limit: 2 << 20 }
    }
}

/// How [`serve`] treats connections.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    /// How long a client may take to send a request's line and headers, counted from when
    /// the server starts waiting for them; a connection that takes longer is closed, so
    /// clients that send half a request and wait (slowloris) cannot hold connections and
    /// their memory forever (default 30 s).
    pub header_read_timeout: std::time::Duration,
}

impl Default for ServeConfig {
    fn default() -> Self {
        ServeConfig { header_read_timeout: std::time::Duration::from_secs(30) }
    }
}

/// Serves `router` on `listener` over HTTP/1.1 with keep-alive, as `axum::serve` does,
/// but with the header-read timeout of `config`, which `axum::serve` does not set (it gives
/// hyper no timer, so hyper's own timeout never fires). Runs until the listener fails for
/// good; a connection that fails ends only that connection.
pub async fn serve(
    listener: tokio::net::TcpListener,
    router: axum::Router,
    config: ServeConfig,
) -> std::io::Result<()> {
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            // The client gave up between connecting and being accepted: its problem alone.
            Err(e) if is_connection_error(&e) => continue,
            // Out of file descriptors, say: wait for some to close rather than spin.
            Err(_) => {
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                continue;
            }
        };
        // Answers are written whole; Nagle's algorithm would only delay them.
        let _ = stream.set_nodelay(true);
        let service = hyper_util::service::TowerToHyperService::new(router.clone());
        let timeout = config.header_read_timeout;
        tokio::spawn(async move {
            let mut builder = hyper::server::conn::http1::Builder::new();
            builder.timer(hyper_util::rt::TokioTimer::new()).header_read_timeout(timeout);
            // A connection's errors (a reset, a malformed request, the timeout) close it.
            let _ = builder.serve_connection(hyper_util::rt::TokioIo::new(stream), service).await;
        });
    }
}

fn is_connection_error(e: &std::io::Error) -> bool {
    use std::io::ErrorKind::{ConnectionAborted, ConnectionRefused, ConnectionReset};
    matches!(e.kind(), ConnectionRefused | ConnectionAborted | ConnectionReset)
}

/// Why an operation did not produce one of its documented responses.
#[derive(Debug)]
pub enum ServerError {
    /// The implementation does not provide this operation: 501, naming it. (The trait
    /// methods' defaults use [`ServerError::not_implemented`], which names the method's
    /// own operation.)
    NotImplemented,
    /// Inputs that break the spec's constraints (or the implementation's own rules): 400
    /// with authentik's `ValidationError` body.
    Invalid(ValidationErrors),
    /// Any other status, with a `{"detail": …}` body as authentik sends (404 for an unknown
    /// object, for example, which the spec does not list).
    Status { status: StatusCode, detail: String },
    /// A failure inside the implementation: 500; the error itself is not sent.
    Internal(BoxError),
}

impl ServerError {
    /// 501 naming `operation` (an operationId): what every trait method answers by default.
    pub fn not_implemented(operation: &str) -> Self {
        ServerError::Status {
            status: StatusCode::NOT_IMPLEMENTED,
            detail: format!("Operation `{operation}` is not implemented by this server."),
        }
    }

    /// 404 with authentik's `{"detail": "Not found."}`.
    pub fn not_found() -> Self {
        ServerError::Status { status: StatusCode::NOT_FOUND, detail: "Not found.".to_owned() }
    }

    /// A status with a `detail` message.
    pub fn status(status: StatusCode, detail: impl Into<String>) -> Self {
        ServerError::Status { status, detail: detail.into() }
    }

    /// One message for one field (a JSON pointer such as `/identifier`), as a 400.
    pub fn invalid(pointer: &str, message: impl Into<String>) -> Self {
        ServerError::Invalid(ValidationErrors(vec![violation(pointer, "custom", Value::Null, message.into())]))
    }

    /// A failure inside the implementation, answered with 500.
    pub fn internal(error: impl Into<BoxError>) -> Self {
        ServerError::Internal(error.into())
    }

    fn into_response_for(self, operation: &Operation) -> Response {
        match self {
            ServerError::NotImplemented => ServerError::not_implemented(operation.id).into_response_for(operation),
            ServerError::Invalid(errors) => json(StatusCode::BAD_REQUEST, &errors.to_body()),
            ServerError::Status { status, detail: message } => detail(status, &message),
            ServerError::Internal(_) => detail(StatusCode::INTERNAL_SERVER_ERROR, "Internal server error."),
        }
    }
}

impl fmt::Display for ServerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ServerError::NotImplemented => f.write_str("not implemented"),
            ServerError::Invalid(errors) => write!(f, "{errors}"),
            ServerError::Status { status, detail } => write!(f, "{status}: {detail}"),
            ServerError::Internal(e) => write!(f, "internal error: {e}"),
        }
    }
}

impl std::error::Error for ServerError {}

impl From<ValidationErrors> for ServerError {
    fn from(errors: ValidationErrors) -> Self {
        ServerError::Invalid(errors)
    }
}

/// One operation as the router sees it.
#[derive(Debug)]
pub struct Operation {
    /// The spec's operationId.
    pub id: &'static str,
    pub method: &'static str,
    /// The path template, relative to the base path.
    pub path: &'static str,
    /// The spec's security alternatives, each the schemes it requires together; an empty
    /// alternative means anonymous calls are allowed.
    pub security: Requirements,
    /// Path parameters first, in template order, then the others.
    pub params: &'static [Param],
}

/// One parameter: where it is read from and how its text becomes a typed value.
#[derive(Debug)]
pub struct Param {
    pub name: &'static str,
    /// Its key in the parameter set: the name, unless another location has the same one.
    pub key: &'static str,
    pub location: Location,
    pub shape: Shape,
    pub required: bool,
    /// Arrays as repeated keys (`true`) or one comma-separated value.
    pub explode: bool,
}

impl Param {
    /// A path parameter (always required).
    pub const fn path(name: &'static str, shape: Shape) -> Self {
        Param { name, key: name, location: Location::Path, shape, required: true, explode: false }
    }

    /// An optional query parameter, arrays as repeated keys (the `form` style's default).
    pub const fn query(name: &'static str, shape: Shape) -> Self {
        Param { name, key: name, location: Location::Query, shape, required: false, explode: true }
    }

    /// An optional header parameter, arrays comma-separated.
    pub const fn header(name: &'static str, shape: Shape) -> Self {
        Param { name, key: name, location: Location::Header, shape, required: false, explode: false }
    }

    /// An optional cookie parameter.
    pub const fn cookie(name: &'static str, shape: Shape) -> Self {
        Param { name, key: name, location: Location::Cookie, shape, required: false, explode: true }
    }

    /// The same parameter under another key (`query:asn` beside a path parameter `asn`).
    pub const fn key(self, key: &'static str) -> Self {
        Param { key, ..self }
    }

    /// The same parameter, required.
    pub const fn required(self) -> Self {
        Param { required: true, ..self }
    }

    /// The same parameter, with arrays repeated (`true`) or comma-separated (`false`).
    pub const fn explode(self, explode: bool) -> Self {
        Param { explode, ..self }
    }
}

/// Where a parameter is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    Path,
    Query,
    Header,
    Cookie,
}

/// The JSON shape a parameter's or form field's text is read as.
#[derive(Debug)]
pub enum Shape {
    String,
    Integer,
    Number,
    Boolean,
    /// Items, comma-separated or repeated.
    Array(&'static Shape),
    /// Bytes of a file part (multipart only).
    Binary,
    /// JSON text (objects, free-form values).
    Json,
}

/// What is checked of a JSON body before it is typed.
#[derive(Debug)]
pub struct JsonBody {
    /// The body must be a JSON object (its schema is an object).
    pub object: bool,
    /// Properties that must be present.
    pub required: &'static [&'static str],
    /// Optional properties that may not be `null` (serde alone would read it as absent).
    pub not_null: &'static [&'static str],
}

/// A field of a form or multipart body: its name and shape.
pub type FormField = (&'static str, Shape);

/// The request after routing and authentication, read on demand by the generated code.
pub struct Input {
    operation: &'static Operation,
    parts: Parts,
    body: Body,
    body_limit: usize,
}

impl Input {
    /// The operation's path, query, header and cookie parameters, typed and validated.
    pub fn params<P: DeserializeOwned + Validate>(&self) -> Result<P, ServerError> {
        let mut object = Map::new();
        let mut errors = Vec::new();
        let path: Vec<String> = self.parts.extensions.get::<PathValues>().map(|p| p.0.clone()).unwrap_or_default();
        let query: Vec<(String, String)> =
            url::form_urlencoded::parse(self.parts.uri.query().unwrap_or("").as_bytes()).into_owned().collect();
        let mut path_values = path.into_iter();
        for param in self.operation.params {
            let raw: Vec<String> = match param.location {
                Location::Path => path_values.next().into_iter().collect(),
                Location::Query => query.iter().filter(|(k, _)| k == param.name).map(|(_, v)| v.clone()).collect(),
                Location::Header => self
                    .parts
                    .headers
                    .get_all(param.name)
                    .iter()
                    .filter_map(|v| v.to_str().ok().map(str::to_owned))
                    .collect(),
                Location::Cookie => cookie(&self.parts, param.name).map(str::to_owned).into_iter().collect(),
            };
            if raw.is_empty() {
                if param.required {
                    errors.push(violation(
                        &pointer(param.key),
                        "required",
                        Value::Null,
                        "This field is required.".into(),
                    ));
                }
                continue;
            }
            let items = match (&param.shape, param.explode) {
                (Shape::Array(_), false) => raw.iter().flat_map(|v| v.split(',')).map(str::to_owned).collect(),
                _ => raw,
            };
            match coerce_all(&param.shape, &items) {
                Ok(value) => {
                    object.insert(param.key.to_owned(), value);
                }
                Err(message) => errors.push(violation(&pointer(param.key), "type", Value::Null, message)),
            }
        }
        if !errors.is_empty() {
            return Err(ServerError::Invalid(ValidationErrors(errors)));
        }
        typed(Value::Object(object))
    }

    /// A required JSON body: parsed, checked against `shape`, typed, validated.
    pub async fn json<B: DeserializeOwned + Validate>(self, shape: &JsonBody) -> Result<B, ServerError> {
        match self.optional_json(shape).await? {
            Some(body) => Ok(body),
            None => Err(ServerError::invalid("", "No data provided.")),
        }
    }

    /// A JSON body the spec makes optional: `None` when the request has none.
    pub async fn optional_json<B: DeserializeOwned + Validate>(
        self,
        shape: &JsonBody,
    ) -> Result<Option<B>, ServerError> {
        expect_media(&self.parts, "application/json", |m| m == "application/json" || m.ends_with("+json"))?;
        let bytes = self.bytes().await?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(None);
        }
        let value: Value = serde_json::from_slice(&bytes)
            .map_err(|e| ServerError::status(StatusCode::BAD_REQUEST, format!("JSON parse error - {e}")))?;
        if shape.object && !value.is_object() {
            // serde's derived structs would also take an array of the fields in order.
            return Err(ServerError::invalid("", "Invalid data. Expected a dictionary."));
        }
        if let Value::Object(map) = &value {
            let missing = missing_required(map, shape.required);
            let null = shape
                .not_null
                .iter()
                .filter(|name| map.get(**name).is_some_and(Value::is_null))
                .map(|name| violation(&pointer(name), "type", Value::Null, "This field may not be null.".into()));
            let problems: Vec<Violation> = missing.chain(null).collect();
            if !problems.is_empty() {
                return Err(ServerError::Invalid(ValidationErrors(problems)));
            }
        }
        typed(value).map(Some)
    }

    /// A `multipart/form-data` body: text parts read by their field's shape, file parts as
    /// bytes; then typed and validated like JSON.
    pub async fn multipart<B: DeserializeOwned + Validate>(
        self,
        fields: &[FormField],
        required: &[&str],
    ) -> Result<B, ServerError> {
        expect_media(&self.parts, "multipart/form-data", |m| m == "multipart/form-data")?;
        let limit = self.body_limit;
        announced_within(&self.parts, limit)?;
        let request = Request::from_parts(self.parts, self.body);
        let mut multipart = Multipart::from_request(request, &()).await.map_err(|e| {
            ServerError::status(StatusCode::BAD_REQUEST, format!("Multipart form parse error - {}", e.body_text()))
        })?;
        let mut texts: Vec<(String, String)> = Vec::new();
        let mut files = Map::new();
        let mut total = 0usize;
        while let Some(field) = multipart.next_field().await.map_err(|e| multipart_error(e.status(), e.body_text()))? {
            let name = field.name().unwrap_or_default().to_owned();
            let is_file = fields.iter().any(|(n, s)| *n == name && matches!(s, Shape::Binary));
            let data = field.bytes().await.map_err(|e| multipart_error(e.status(), e.body_text()))?;
            total += data.len();
            if total > limit {
                return Err(too_large(limit));
            }
            if is_file {
                files.insert(name, Value::Array(data.iter().map(|b| Value::from(*b)).collect()));
            } else {
                texts.push((name, String::from_utf8_lossy(&data).into_owned()));
            }
        }
        let mut object = form_object(fields, &texts)?;
        object.extend(files);
        required_present(&object, required)?;
        typed(Value::Object(object))
    }

    /// An `application/x-www-form-urlencoded` body, read like query parameters.
    pub async fn form<B: DeserializeOwned + Validate>(
        self,
        fields: &[FormField],
        required: &[&str],
    ) -> Result<B, ServerError> {
        expect_media(&self.parts, "application/x-www-form-urlencoded", |m| m == "application/x-www-form-urlencoded")?;
        let bytes = self.bytes().await?;
        let pairs: Vec<(String, String)> = url::form_urlencoded::parse(&bytes).into_owned().collect();
        let object = form_object(fields, &pairs)?;
        required_present(&object, required)?;
        typed(Value::Object(object))
    }

    /// The body as it came, for media types the server does not interpret.
    pub async fn bytes(self) -> Result<Bytes, ServerError> {
        let limit = self.body_limit;
        announced_within(&self.parts, limit)?;
        axum::body::to_bytes(self.body, limit).await.map_err(|e| body_error(e, limit))
    }
}

fn multipart_error(status: StatusCode, text: String) -> ServerError {
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        ServerError::status(status, text)
    } else {
        ServerError::status(StatusCode::BAD_REQUEST, format!("Multipart form parse error - {text}"))
    }
}

/// Refuses a body whose `Content-Length` is over the limit before reading any of it, so
/// a client cannot make the server wait for (or buffer) what it will refuse anyway.
fn announced_within(parts: &Parts, limit: usize) -> Result<(), ServerError> {
    let length = parts.headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    match length {
        Some(length) if length > limit as u64 => Err(too_large(limit)),
        _ => Ok(()),
    }
}

/// 413 when the body grew past the limit (http-body-util's `LengthLimitError`, which
/// axum does not re-export, among the error's sources: found by its type, not its
/// message); 400 when it broke off.
fn body_error(error: axum::Error, limit: usize) -> ServerError {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(&error);
    while let Some(c) = cause {
        if c.is::<http_body_util::LengthLimitError>() {
            return too_large(limit);
        }
        cause = c.source();
    }
    ServerError::status(StatusCode::BAD_REQUEST, format!("The request body could not be read: {error}"))
}

fn too_large(limit: usize) -> ServerError {
    ServerError::status(StatusCode::PAYLOAD_TOO_LARGE, format!("Request body is larger than {limit} bytes."))
}

/// Refuses a body whose `Content-Type` is not the operation's (415, as authentik does);
/// a request without one is read as the operation's media type.
fn expect_media(parts: &Parts, expected: &str, accepts: impl Fn(&str) -> bool) -> Result<(), ServerError> {
    let Some(value) = parts.headers.get(header::CONTENT_TYPE) else { return Ok(()) };
    let media = value.to_str().unwrap_or("").split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    if accepts(&media) {
        Ok(())
    } else {
        Err(ServerError::status(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!("Unsupported media type \"{media}\" in request; expected \"{expected}\"."),
        ))
    }
}

/// A violation for each required property the object lacks.
fn missing_required<'a>(object: &'a Map<String, Value>, required: &'a [&str]) -> impl Iterator<Item = Violation> + 'a {
    required
        .iter()
        .filter(|name| !object.contains_key(**name))
        .map(|name| violation(&pointer(name), "required", Value::Null, "This field is required.".into()))
}

fn required_present(object: &Map<String, Value>, required: &[&str]) -> Result<(), ServerError> {
    let missing: Vec<Violation> = missing_required(object, required).collect();
    if missing.is_empty() { Ok(()) } else { Err(ServerError::Invalid(ValidationErrors(missing))) }
}

/// Form pairs as a JSON object, each field read by its shape; unknown fields are dropped.
fn form_object(fields: &[FormField], pairs: &[(String, String)]) -> Result<Map<String, Value>, ServerError> {
    let mut object = Map::new();
    let mut errors = Vec::new();
    for (name, shape) in fields {
        let values: Vec<String> = pairs.iter().filter(|(k, _)| k == name).map(|(_, v)| v.clone()).collect();
        if values.is_empty() || matches!(shape, Shape::Binary) {
            continue;
        }
        match coerce_all(shape, &values) {
            Ok(value) => {
                object.insert((*name).to_owned(), value);
            }
            Err(message) => errors.push(violation(&pointer(name), "type", Value::Null, message)),
        }
    }
    if errors.is_empty() { Ok(object) } else { Err(ServerError::Invalid(ValidationErrors(errors))) }
}

/// Deserializes the typed value, reporting a type error at its JSON pointer, then runs the
/// generated validator.
fn typed<T: DeserializeOwned + Validate>(value: Value) -> Result<T, ServerError> {
    let typed: T = serde_path_to_error::deserialize(value).map_err(|e| {
        let mut at = String::new();
        for segment in e.path().iter() {
            match segment {
                serde_path_to_error::Segment::Seq { index } => at.push_str(&format!("/{index}")),
                serde_path_to_error::Segment::Map { key } => at.push_str(&pointer(key)),
                _ => {}
            }
        }
        let message = e.inner().to_string();
        let (at, message) = match message.strip_prefix("missing field `").and_then(|m| m.split_once('`')) {
            Some((field, _)) => (format!("{at}{}", pointer(field)), "This field is required.".to_owned()),
            None if message.starts_with("invalid type: null") => (at, "This field may not be null.".to_owned()),
            None => (at, message),
        };
        ServerError::Invalid(ValidationErrors(vec![violation(&at, "type", Value::Null, message)]))
    })?;
    typed.validate()?;
    Ok(typed)
}

fn violation(pointer: &str, keyword: &'static str, limit: Value, message: String) -> Violation {
    Violation { pointer: pointer.to_owned(), keyword, limit, message }
}

/// `/name`, escaped as a JSON pointer segment.
fn pointer(name: &str) -> String {
    format!("/{}", name.replace('~', "~0").replace('/', "~1"))
}

/// One parameter's text values as JSON: a single value, or an array for array shapes.
fn coerce_all(shape: &Shape, values: &[String]) -> Result<Value, String> {
    match shape {
        Shape::Array(item) => values.iter().map(|v| coerce(item, v)).collect::<Result<Vec<_>, _>>().map(Value::Array),
        _ => coerce(shape, values.last().map(String::as_str).unwrap_or("")),
    }
}

fn coerce(shape: &Shape, text: &str) -> Result<Value, String> {
    match shape {
        Shape::String | Shape::Binary => Ok(Value::String(text.to_owned())),
        Shape::Integer => {
            text.trim().parse::<i64>().map(Value::from).map_err(|_| "A valid integer is required.".to_owned())
        }
        Shape::Number => text
            .trim()
            .parse::<f64>()
            .ok()
            .and_then(|n| serde_json::Number::from_f64(n).map(Value::Number))
            .ok_or_else(|| "A valid number is required.".to_owned()),
        Shape::Boolean => match text.trim() {
            "true" | "True" | "1" => Ok(Value::Bool(true)),
            "false" | "False" | "0" => Ok(Value::Bool(false)),
            _ => Err("Must be a valid boolean.".to_owned()),
        },
        Shape::Array(item) => text.split(',').map(|v| coerce(item, v)).collect::<Result<Vec<_>, _>>().map(Value::Array),
        Shape::Json => Ok(serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.to_owned()))),
    }
}

fn cookie<'a>(parts: &'a Parts, name: &str) -> Option<&'a str> {
    parts.headers.get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(';')).find_map(
        |pair| {
            let (k, v) = pair.trim().split_once('=')?;
            (k == name).then_some(v)
        },
    )
}

/// A `{"detail": …}` body, as authentik's `GenericError`.
pub fn detail(status: StatusCode, message: &str) -> Response {
    json(status, &json!({ "detail": message }))
}

/// A JSON response.
pub fn json<T: Serialize + ?Sized>(status: StatusCode, body: &T) -> Response {
    match serde_json::to_vec(body) {
        Ok(bytes) => {
            (status, [(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], bytes).into_response()
        }
        Err(_) => detail(StatusCode::INTERNAL_SERVER_ERROR, "Internal server error."),
    }
}

/// A response whose body is sent as it is, with its media type.
pub fn raw(status: StatusCode, media_type: &str, body: impl Into<Body>) -> Response {
    let media_type = HeaderValue::from_str(media_type).unwrap_or(HeaderValue::from_static("application/octet-stream"));
    (status, [(header::CONTENT_TYPE, media_type)], body.into()).into_response()
}

/// A documented status code (the spec's codes are three digits; anything else is a 500).
pub fn status(code: u16) -> StatusCode {
    StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// A response without a body.
pub fn empty(status: StatusCode) -> Response {
    status.into_response()
}

/// The implementation and the settings the handlers share.
pub struct App<S> {
    pub(crate) server: S,
    body_limit: usize,
}

/// The decoded path parameter values, in template order, put in the request's extensions
/// by the route before the handler runs.
#[derive(Clone)]
struct PathValues(Vec<String>);

/// Runs an operation that requires a valid bearer token.
pub fn secured<S, F, Fut, R>(
    app: Arc<App<S>>,
    request: Request,
    operation: &'static Operation,
    handler: F,
) -> BoxFuture<Response>
where
    S: Authenticate,
    F: FnOnce(Arc<App<S>>, S::Principal, Input) -> Fut + Send + 'static,
    Fut: Future<Output = Result<R, ServerError>> + Send + 'static,
    R: IntoResponse,
{
    Box::pin(async move {
        let (parts, body) = request.into_parts();
        let principal = match authenticate(&app.server, &parts, operation).await {
            Ok(Some(principal)) => principal,
            Ok(None) => return detail(StatusCode::FORBIDDEN, "Authentication credentials were not provided."),
            Err(refused) => return refused,
        };
        let input = Input { operation, parts, body, body_limit: app.body_limit };
        respond(handler(app, principal, input).await, operation)
    })
}

/// Runs an operation that also allows anonymous calls: a token, when sent, must be valid.
pub fn optional<S, F, Fut, R>(
    app: Arc<App<S>>,
    request: Request,
    operation: &'static Operation,
    handler: F,
) -> BoxFuture<Response>
where
    S: Authenticate,
    F: FnOnce(Arc<App<S>>, Option<S::Principal>, Input) -> Fut + Send + 'static,
    Fut: Future<Output = Result<R, ServerError>> + Send + 'static,
    R: IntoResponse,
{
    Box::pin(async move {
        let (parts, body) = request.into_parts();
        let principal = match authenticate(&app.server, &parts, operation).await {
            Ok(principal) => principal,
            Err(refused) => return refused,
        };
        let input = Input { operation, parts, body, body_limit: app.body_limit };
        respond(handler(app, principal, input).await, operation)
    })
}

/// The principal of the request's credential: `None` without one for any of the
/// operation's schemes, a 403 response when the implementation refuses it.
async fn authenticate<S: Authenticate>(
    server: &S,
    parts: &Parts,
    operation: &'static Operation,
) -> Result<Option<S::Principal>, Response> {
    let found = operation.security.iter().flat_map(|alt| alt.iter()).find_map(|scheme| {
        let token = credential(parts, scheme)?;
        Some((*scheme, token))
    });
    match found {
        None => Ok(None),
        Some((scheme, token)) => match server.authenticate(Credential { scheme, token: &token }, operation).await {
            Some(principal) => Ok(Some(principal)),
            None => Err(detail(StatusCode::FORBIDDEN, "Token invalid/expired.")),
        },
    }
}

/// Runs an operation without authentication.
pub fn public<S, F, Fut, R>(
    app: Arc<App<S>>,
    request: Request,
    operation: &'static Operation,
    handler: F,
) -> BoxFuture<Response>
where
    S: Send + Sync + 'static,
    F: FnOnce(Arc<App<S>>, Input) -> Fut + Send + 'static,
    Fut: Future<Output = Result<R, ServerError>> + Send + 'static,
    R: IntoResponse,
{
    Box::pin(async move {
        let (parts, body) = request.into_parts();
        let input = Input { operation, parts, body, body_limit: app.body_limit };
        respond(handler(app, input).await, operation)
    })
}

fn respond<R: IntoResponse>(result: Result<R, ServerError>, operation: &Operation) -> Response {
    match result {
        Ok(response) => response.into_response(),
        Err(error) => error.into_response_for(operation),
    }
}

/// The request's credential for `scheme`, where the scheme says it travels: the text
/// after the scheme word of `Authorization` (compared without regard to case), or the API
/// key's header, query parameter or cookie. A query parameter is decoded as the other query
/// parameters are (`application/x-www-form-urlencoded`, as clients encode it), so a key
/// sent as `a+b%2F` reaches [`Authenticate`] as `a b/`. Empty credentials count as none.
fn credential<'a>(parts: &'a Parts, scheme: &Scheme) -> Option<Cow<'a, str>> {
    let token = match scheme.carrier {
        Carrier::Authorization(word) => {
            let value = parts.headers.get(header::AUTHORIZATION)?.to_str().ok()?;
            let (given, token) = value.split_once(' ')?;
            Cow::Borrowed(given.eq_ignore_ascii_case(word).then_some(token)?)
        }
        Carrier::Header(name) => Cow::Borrowed(parts.headers.get(name)?.to_str().ok()?),
        Carrier::Query(name) => url::form_urlencoded::parse(parts.uri.query()?.as_bytes())
            .find_map(|(key, value)| (key == name).then_some(value))?,
        Carrier::Cookie(name) => Cow::Borrowed(cookie(parts, name)?),
        Carrier::Unsent => return None,
    };
    let trimmed = token.trim();
    if trimmed.is_empty() {
        None
    } else if trimmed.len() == token.len() {
        Some(token)
    } else {
        Some(Cow::Owned(trimmed.to_owned()))
    }
}

/// An operation handler as the router stores it: one function type for every operation,
/// so axum's routing code is instantiated once per implementation, not once per operation.
pub type Handler<S> = fn(Arc<App<S>>, Request) -> BoxFuture<Response>;

/// One operation for [`Routes`]: its path template (parameters named `{p0}`, `{p1}`, … in
/// order, so templates that differ only in parameter names are one route), its method and
/// its handler.
pub type Route<S> = (&'static str, Method, Handler<S>);

/// Collects operations, from any number of tags, and mounts them path by path.
pub struct Routes<S> {
    app: Arc<App<S>>,
    base_path: String,
    /// Operations by path template: the methods of one path may come from several tags.
    paths: std::collections::BTreeMap<&'static str, Vec<(Method, Handler<S>)>>,
}

impl<S: Send + Sync + 'static> Routes<S> {
    /// Routes for `server`, mounted as `config` says.
    pub fn new(server: S, config: ServerConfig) -> Self {
        Routes {
            app: Arc::new(App { server, body_limit: config.body_limit }),
            base_path: config.base_path.trim_end_matches('/').to_owned(),
            paths: Default::default(),
        }
    }

    /// Adds operations (a tag's).
    pub fn mount(mut self, routes: Vec<Route<S>>) -> Self {
        for (template, method, handler) in routes {
            self.paths.entry(template).or_default().push((method, handler));
        }
        self
    }

    /// The operations of one path template; other methods on it get 405 with an `Allow`
    /// header.
    fn method_router(app: &Arc<App<S>>, operations: &[(Method, Handler<S>)]) -> MethodRouter {
        let mut route = MethodRouter::new();
        for (method, handler) in operations {
            let Ok(filter) = MethodFilter::try_from(method.clone()) else { continue };
            let (app, handler) = (app.clone(), *handler);
            route = route.on(filter, move |path: RawPathParams, mut request: Request| {
                let values = path.iter().map(|(_, value)| value.to_owned()).collect();
                request.extensions_mut().insert(PathValues(values));
                handler(app.clone(), request)
            });
        }
        let allow: Vec<&str> = operations.iter().map(|(m, _)| m.as_str()).collect();
        let allow = HeaderValue::from_str(&allow.join(", ")).unwrap_or(HeaderValue::from_static(""));
        route.fallback(move |method: Method| async move {
            let mut response = detail(StatusCode::METHOD_NOT_ALLOWED, &format!("Method \"{method}\" not allowed."));
            response.headers_mut().insert(header::ALLOW, allow.clone());
            response
        })
    }

    /// The finished router: unknown paths get 404 with `{"detail": "Not found."}`, and
    /// bodies over the configured limit are refused.
    pub fn build(self) -> axum::Router {
        let not_found = || async { detail(StatusCode::NOT_FOUND, "Not found.") };
        let mut router = axum::Router::new();
        for (template, operations) in &self.paths {
            router = router.route(template, Self::method_router(&self.app, operations));
        }
        let router = router.fallback(not_found);
        let router = if self.base_path.is_empty() {
            router
        } else {
            axum::Router::new().nest(&self.base_path, router).fallback(not_found)
        };
        router.layer(DefaultBodyLimit::max(self.app.body_limit))
    }
}
