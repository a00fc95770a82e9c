//! Hand-written transport for the generated client: configuration, authentication,
//! middleware, parameter encoding, response handling and pagination.
//!
//! This file is copied verbatim from akgen's `templates/` into every generated crate; the
//! generated `client` module builds each operation's request description ([`Call`]) and
//! decodes the [`RawResponse`].

use std::collections::BTreeMap;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use futures_util::stream::Stream;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use reqwest::header::{self, HeaderMap, HeaderValue};
use reqwest::{Method, StatusCode};
use serde::Serialize;
use serde_json::Value;

use crate::runtime::object;
use crate::runtime::security::{Carrier, Requirements, Scheme};
use crate::validation::{Validate, ValidationErrors};

/// A boxed future, as middleware and `IntoFuture` return.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// An error from middleware or the transport under it.
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Sends a prepared request (the client and the call, or why it could not be built) and
/// decodes the response with `decode`.
///
/// Every operation sends through this one function, so an operation's own code is a plain
/// function that builds the call and a closure that decodes: no per-operation async state
/// machine for the compiler to check and generate, over a thousand times.
pub fn send<'a, T: Send + 'a, B: Send + 'a>(
    prepared: Result<(&'a Client, Call), ClientError<B>>,
    decode: fn(RawResponse) -> Result<T, ClientError<B>>,
) -> BoxFuture<'a, Result<T, ClientError<B>>> {
    // Only the decoding depends on the operation's types; the exchange itself is compiled once.
    Box::pin(Decode { exchange: exchange(prepared), decode })
}

/// The future [`send`] returns: the exchange, then `decode`. Written out rather than
/// `FutureExt::map`, whose projection code would be compiled for every result type.
struct Decode<'a, T, B> {
    exchange: BoxFuture<'a, Result<RawResponse, ClientError<B>>>,
    decode: fn(RawResponse) -> Result<T, ClientError<B>>,
}

impl<T, B> Future for Decode<'_, T, B> {
    type Output = Result<T, ClientError<B>>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut std::task::Context<'_>) -> std::task::Poll<Self::Output> {
        use std::task::Poll;
        // A plain match: `Poll::map` with a closure would add two more functions per result type.
        match self.exchange.as_mut().poll(cx) {
            Poll::Ready(Ok(raw)) => Poll::Ready((self.decode)(raw)),
            Poll::Ready(Err(error)) => Poll::Ready(Err(error)),
            Poll::Pending => Poll::Pending,
        }
    }
}

fn exchange<'a, B: Send + 'a>(
    prepared: Result<(&'a Client, Call), ClientError<B>>,
) -> BoxFuture<'a, Result<RawResponse, ClientError<B>>> {
    Box::pin(async move {
        let (client, call) = prepared?;
        client.execute(call).await
    })
}

/// A bearer token that never shows in `Debug` output or error messages.
#[derive(Clone)]
pub struct SecretToken(Arc<str>);

impl SecretToken {
    /// Wraps a token.
    pub fn new(token: impl Into<String>) -> Self {
        SecretToken(token.into().into())
    }

    /// The token itself, for middleware that must send it somewhere.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for SecretToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretToken(<redacted>)")
    }
}

/// Code that sees every request and response: custom authentication, token refresh,
/// retries, logging. Each call gets the request and a [`Next`] that runs the rest of the
/// chain and finally the HTTP client.
///
/// A retry calls `next.clone().run(request.try_clone()?)` as often as it likes.
pub trait Middleware: Send + Sync + 'static {
    /// Handles one request.
    fn handle<'a>(
        &'a self,
        request: reqwest::Request,
        next: Next<'a>,
    ) -> BoxFuture<'a, Result<reqwest::Response, BoxError>>;
}

/// The rest of the middleware chain, then the HTTP client.
#[derive(Clone)]
pub struct Next<'a> {
    http: &'a reqwest::Client,
    rest: &'a [Arc<dyn Middleware>],
}

impl<'a> Next<'a> {
    /// Passes the request on.
    pub fn run(self, request: reqwest::Request) -> BoxFuture<'a, Result<reqwest::Response, BoxError>> {
        match self.rest.split_first() {
            Some((first, rest)) => first.handle(request, Next { http: self.http, rest }),
            None => {
                let http = self.http;
                Box::pin(async move { http.execute(request).await.map_err(BoxError::from) })
            }
        }
    }
}

/// Middleware that retries what may succeed later: a connection that failed or broke, and
/// the statuses 429, 502, 503 and 504. Only idempotent methods are retried by default
/// (GET, HEAD, OPTIONS, PUT, DELETE; RFC 9110 §9.2.2), since a POST that failed after the
/// server acted on it must not be repeated blindly.
///
/// Before retry `n` (from 0) it waits `base · 2ⁿ`, at most `max_delay`, less a random part
/// of up to half ("equal jitter", so that clients failed together do not retry together).
/// A `Retry-After` header (seconds, or an HTTP date) is waited for instead; one longer than
/// `max_delay` ends the retries, and the response is returned.
#[derive(Debug, Clone)]
pub struct Retry {
    max_retries: u32,
    base: Duration,
    max_delay: Duration,
    all_methods: bool,
}

impl Default for Retry {
    /// Three retries, from 200 ms, waiting at most 10 s.
    fn default() -> Self {
        Retry {
            max_retries: 3,
            base: Duration::from_millis(200),
            max_delay: Duration::from_secs(10),
            all_methods: false,
        }
    }
}

impl Retry {
    /// How many times a request is sent again at most.
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.max_retries = retries;
        self
    }

    /// The wait before the first retry, doubled for each one after.
    pub fn base_delay(mut self, base: Duration) -> Self {
        self.base = base;
        self
    }

    /// The longest wait between two attempts.
    pub fn max_delay(mut self, max: Duration) -> Self {
        self.max_delay = max;
        self
    }

    /// Retries POST and PATCH too: for APIs whose writes are idempotent (or carry keys).
    pub fn all_methods(mut self) -> Self {
        self.all_methods = true;
        self
    }

    /// The wait before retry `n` without `Retry-After`, given a random `fraction` in [0, 1):
    /// between half of `base · 2ⁿ` (capped) and all of it.
    pub fn backoff(&self, n: u32, fraction: f64) -> Duration {
        let full = self.base.saturating_mul(2u32.saturating_pow(n)).min(self.max_delay);
        full.mul_f64(1.0 - fraction.clamp(0.0, 1.0) / 2.0)
    }

    fn retries_method(&self, method: &Method) -> bool {
        self.all_methods
            || matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS | Method::PUT | Method::DELETE)
    }
}

/// A uniform random number in [0, 1), from the standard library's randomly keyed hasher:
/// enough for jitter, without a dependency.
fn random_fraction() -> f64 {
    use std::hash::{BuildHasher, Hasher};
    let bits = std::collections::hash_map::RandomState::new().build_hasher().finish();
    (bits >> 11) as f64 / (1u64 << 53) as f64
}

/// The wait a `Retry-After` header asks for: delay-seconds or an HTTP date (RFC 9110 §10.2.3).
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(header::RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).ok()?;
    Some(Duration::from_secs(u64::try_from(date.timestamp()).ok()?.saturating_sub(now.as_secs())))
}

impl Middleware for Retry {
    fn handle<'a>(
        &'a self,
        request: reqwest::Request,
        next: Next<'a>,
    ) -> BoxFuture<'a, Result<reqwest::Response, BoxError>> {
        Box::pin(async move {
            // A streamed body cannot be sent twice: such a request goes once.
            let retryable = self.retries_method(request.method());
            let mut spare = if retryable { request.try_clone() } else { None };
            let mut result = next.clone().run(request).await;
            for n in 0..self.max_retries {
                let Some(again) = spare.take() else { break };
                let wait = match &result {
                    Ok(response) if matches!(response.status().as_u16(), 429 | 502 | 503 | 504) => {
                        match retry_after(response.headers()) {
                            Some(asked) if asked > self.max_delay => break,
                            Some(asked) => asked,
                            None => self.backoff(n, random_fraction()),
                        }
                    }
                    Ok(_) => break,
                    // Connection refused or reset, a timeout: the transport's errors.
                    Err(error) if error.downcast_ref::<reqwest::Error>().is_some() => {
                        self.backoff(n, random_fraction())
                    }
                    Err(_) => break,
                };
                spare = again.try_clone();
                tokio::time::sleep(wait).await;
                result = next.clone().run(again).await;
            }
            result
        })
    }
}

/// Settings for a [`Client`].
pub struct ClientBuilder {
    base_url: String,
    http: Option<reqwest::Client>,
    credentials: BTreeMap<String, SecretToken>,
    timeout: Option<Duration>,
    validate_requests: bool,
    middleware: Vec<Arc<dyn Middleware>>,
}

impl ClientBuilder {
    /// Sends requests through this `reqwest::Client` (its TLS, proxy and pool settings)
    /// instead of a new one.
    pub fn http_client(mut self, http: reqwest::Client) -> Self {
        self.http = Some(http);
        self
    }

    /// The credential of the spec's main security scheme ([`super::DEFAULT_SCHEME`]):
    /// `Authorization: Bearer <token>` for the operations that accept it.
    pub fn bearer_token(self, token: impl Into<String>) -> Self {
        self.credential(super::DEFAULT_SCHEME, token)
    }

    /// The credential of the security scheme `scheme` (its name in the spec, as in
    /// `crate::security`): sent, the way the scheme says, to every operation that accepts
    /// the scheme. Of an operation's alternatives, the first whose schemes all have a
    /// credential is used; with none, the request goes without.
    pub fn credential(mut self, scheme: &str, credential: impl Into<String>) -> Self {
        self.credentials.insert(scheme.to_owned(), SecretToken::new(credential));
        self
    }

    /// Gives up on a request (connect, send and read) after this long.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Whether parameters and bodies are checked with the generated validators before
    /// anything is sent (default: yes). Turn it off to let the server judge.
    pub fn validate_requests(mut self, validate: bool) -> Self {
        self.validate_requests = validate;
        self
    }

    /// Adds middleware; the first added sees the request first.
    pub fn middleware(mut self, middleware: impl Middleware) -> Self {
        self.middleware.push(Arc::new(middleware));
        self
    }

    /// The client.
    pub fn build(self) -> Client {
        Client {
            inner: Arc::new(Inner {
                base_url: self.base_url.trim_end_matches('/').to_owned(),
                http: self.http.unwrap_or_default(),
                credentials: self.credentials,
                timeout: self.timeout,
                validate_requests: self.validate_requests,
                middleware: self.middleware,
            }),
        }
    }
}

struct Inner {
    base_url: String,
    http: reqwest::Client,
    credentials: BTreeMap<String, SecretToken>,
    timeout: Option<Duration>,
    validate_requests: bool,
    middleware: Vec<Arc<dyn Middleware>>,
}

/// A connection to one server: cheap to clone, shareable across tasks.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base_url)
            .field("credentials", &self.inner.credentials)
            .field("timeout", &self.inner.timeout)
            .field("validate_requests", &self.inner.validate_requests)
            .field("middleware", &self.inner.middleware.len())
            .finish()
    }
}

impl Client {
    /// A client for the server at `host` (`https://authentik.example.com`), with the
    /// spec's base path appended.
    pub fn new(host: &str) -> Self {
        Self::builder(host).build()
    }

    /// Settings for a client of the server at `host`; the spec's base path is appended.
    pub fn builder(host: &str) -> ClientBuilder {
        Self::builder_for_base_url(&format!("{}{}", host.trim_end_matches('/'), super::BASE_PATH))
    }

    /// Settings for a client whose operation paths are joined to `base_url` exactly as given
    /// (for a server mounted somewhere other than the spec's base path).
    pub fn builder_for_base_url(base_url: &str) -> ClientBuilder {
        ClientBuilder {
            base_url: base_url.to_owned(),
            http: None,
            credentials: BTreeMap::new(),
            timeout: None,
            validate_requests: true,
            middleware: Vec::new(),
        }
    }

    /// The URL operation paths are joined to, without a trailing `/`.
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// Checks a request value with its generated validator, unless turned off. It takes
    /// `dyn Validate` so that it is compiled once, not once per request type.
    pub fn check<B>(&self, value: &dyn Validate) -> Result<(), ClientError<B>> {
        if self.inner.validate_requests {
            crate::validation::validate(value).map_err(ClientError::InvalidRequest)?;
        }
        Ok(())
    }

    /// Sends a request and reads the whole response, whatever its status.
    pub async fn execute<B>(&self, mut call: Call) -> Result<RawResponse, ClientError<B>> {
        let mut secret_headers = Vec::new();
        for (scheme, credential) in self.credentials_for(call.security) {
            let (name, value) = match scheme.carrier {
                Carrier::Authorization(word) => {
                    (header::AUTHORIZATION.as_str(), Carrier::authorization(word, credential.expose()))
                }
                Carrier::Header(name) => (name, credential.expose().to_owned()),
                Carrier::Query(name) => {
                    call.query.push((name.to_owned(), credential.expose().to_owned()));
                    continue;
                }
                Carrier::Cookie(name) => {
                    call.cookies.push((name.to_owned(), credential.expose().to_owned()));
                    continue;
                }
                Carrier::Unsent => continue,
            };
            let mut value = HeaderValue::from_str(&value).map_err(|_| {
                ClientError::Middleware(
                    format!("the credential of `{}` is not a valid header value", scheme.name).into(),
                )
            })?;
            value.set_sensitive(true);
            secret_headers.push((name, value));
        }
        let mut url = reqwest::Url::parse(&format!("{}{}", self.inner.base_url, call.path))
            .map_err(|e| ClientError::Middleware(format!("invalid URL for {}: {e}", call.path).into()))?;
        if !call.query.is_empty() {
            url.query_pairs_mut().extend_pairs(&call.query);
        }
        let mut request = self.inner.http.request(call.method, url).header(header::ACCEPT, call.accept);
        for (name, value) in call.headers {
            request = request.header(name, value);
        }
        if !call.cookies.is_empty() {
            let cookie: Vec<String> = call.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect();
            request = request.header(header::COOKIE, cookie.join("; "));
        }
        for (name, value) in secret_headers {
            request = request.header(name, value);
        }
        if let Some(timeout) = self.inner.timeout {
            request = request.timeout(timeout);
        }
        request = match call.body {
            RequestBody::None => request,
            RequestBody::Json(bytes) => request.header(header::CONTENT_TYPE, "application/json").body(bytes),
            RequestBody::Multipart(form) => request.multipart(form),
            RequestBody::Form(text) => {
                request.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded").body(text)
            }
            RequestBody::Raw(bytes, media_type) => request.header(header::CONTENT_TYPE, media_type).body(bytes),
        };
        let request = request.build().map_err(ClientError::Transport)?;
        let next = Next { http: &self.inner.http, rest: &self.inner.middleware };
        let response = next.run(request).await.map_err(|e| match e.downcast::<reqwest::Error>() {
            Ok(e) => ClientError::Transport(*e),
            Err(e) => ClientError::Middleware(e),
        })?;
        let status = response.status();
        let headers = response.headers().clone();
        let body = response.bytes().await.map_err(ClientError::Transport)?;
        Ok(RawResponse { status, headers, body })
    }

    /// The schemes of the first alternative whose every scheme has a credential, each with
    /// its credential; none when no alternative can be met (or the operation is public).
    fn credentials_for(&self, security: Requirements) -> Vec<(&'static Scheme, &SecretToken)> {
        let credentials = &self.inner.credentials;
        let met = security
            .iter()
            .filter(|alt| !alt.is_empty())
            .find(|alt| alt.iter().all(|scheme| credentials.contains_key(scheme.name)));
        met.into_iter().flat_map(|alt| alt.iter()).map(|scheme| (*scheme, &credentials[scheme.name])).collect()
    }
}

/// What a request body holds.
pub enum RequestBody {
    None,
    /// Serialized JSON.
    Json(Vec<u8>),
    Multipart(reqwest::multipart::Form),
    /// `application/x-www-form-urlencoded` text.
    Form(String),
    /// Bytes of the given media type, sent as they are.
    Raw(Bytes, &'static str),
}

/// One request, as the generated code describes it.
pub struct Call {
    pub method: Method,
    /// The path after the base URL, parameters already substituted and encoded.
    pub path: String,
    pub query: Vec<(String, String)>,
    pub headers: Vec<(String, String)>,
    pub cookies: Vec<(String, String)>,
    pub body: RequestBody,
    /// The `Accept` header.
    pub accept: &'static str,
    /// The operation's security alternatives: which credentials go with it.
    pub security: Requirements,
}

impl Call {
    /// A call without parameters or body.
    pub fn new(method: Method, path: String, accept: &'static str, security: Requirements) -> Self {
        Call {
            method,
            path,
            query: Vec::new(),
            headers: Vec::new(),
            cookies: Vec::new(),
            body: RequestBody::None,
            accept,
            security,
        }
    }

    /// Adds a query parameter in form style: `explode` repeats the key for each array
    /// item, otherwise items are comma-joined. An absent or `null` value adds nothing.
    pub fn query<T: Serialize + ?Sized>(&mut self, name: &str, value: &T, explode: bool) {
        let value = serde_json::to_value(value).unwrap_or(Value::Null);
        match value {
            Value::Null => {}
            Value::Array(items) if explode => {
                self.query.extend(items.iter().map(|item| (name.to_owned(), scalar_text(item))));
            }
            Value::Array(items) => {
                let joined: Vec<String> = items.iter().map(scalar_text).collect();
                self.query.push((name.to_owned(), joined.join(",")));
            }
            other => self.query.push((name.to_owned(), scalar_text(&other))),
        }
    }

    /// Adds a header parameter (arrays comma-joined, as the `simple` style says).
    pub fn header<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) {
        if let Some(text) = simple_text(value) {
            self.headers.push((name.to_owned(), text));
        }
    }

    /// Adds a cookie parameter.
    pub fn cookie<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) {
        if let Some(text) = simple_text(value) {
            self.cookies.push((name.to_owned(), text));
        }
    }

    /// Sets a JSON body: a model as it describes itself ([`object::Prop::prop`]), or any
    /// other type as [`object::Value::Other`]. A `Value` rather than a type parameter, so that the JSON writer
    /// is compiled once, not once per body type.
    pub fn json<B>(&mut self, body: object::Value<'_>) -> Result<(), ClientError<B>> {
        let bytes = serde_json::to_vec(&body).map_err(|e| ClientError::Middleware(e.into()))?;
        self.body = RequestBody::Json(bytes);
        Ok(())
    }

    /// Sets an `application/x-www-form-urlencoded` body from a model (given as to
    /// [`json`](Call::json)): one pair per property, arrays as repeated keys.
    pub fn form<B>(&mut self, body: object::Value<'_>) -> Result<(), ClientError<B>> {
        let value = serde_json::to_value(body).map_err(|e| ClientError::Middleware(e.into()))?;
        let mut form = url::form_urlencoded::Serializer::new(String::new());
        if let Value::Object(fields) = value {
            for (name, value) in fields {
                match value {
                    Value::Null => {}
                    Value::Array(items) => items.iter().for_each(|item| {
                        form.append_pair(&name, &scalar_text(item));
                    }),
                    other => {
                        form.append_pair(&name, &scalar_text(&other));
                    }
                }
            }
        }
        self.body = RequestBody::Form(form.finish());
        Ok(())
    }

    /// Sets a body of bytes of the given media type.
    pub fn raw(&mut self, body: Bytes, media_type: &'static str) {
        self.body = RequestBody::Raw(body, media_type);
    }

    /// Sets a `multipart/form-data` body from a model (given as to [`json`](Call::json)):
    /// each property becomes a part; `binary` properties are sent as files, replaced by any
    /// [`Upload`] given for them.
    pub fn multipart<B>(
        &mut self,
        body: object::Value<'_>,
        binary: &[&str],
        uploads: Vec<(&'static str, Upload)>,
    ) -> Result<(), ClientError<B>> {
        let value = serde_json::to_value(body).map_err(|e| ClientError::Middleware(e.into()))?;
        let mut uploads = uploads;
        let mut form = reqwest::multipart::Form::new();
        if let Value::Object(fields) = value {
            for (name, value) in fields {
                if let Some(i) = uploads.iter().position(|(n, _)| *n == name) {
                    let (_, upload) = uploads.swap_remove(i);
                    form = form.part(name, upload.part);
                } else if binary.contains(&name.as_str()) {
                    let bytes: Vec<u8> =
                        serde_json::from_value(value).map_err(|e| ClientError::Middleware(e.into()))?;
                    form = form.part(name.clone(), reqwest::multipart::Part::bytes(bytes).file_name(name));
                } else if !value.is_null() {
                    form = form.text(name, scalar_text(&value));
                }
            }
        }
        for (name, upload) in uploads {
            form = form.part(name, upload.part);
        }
        self.body = RequestBody::Multipart(form);
        Ok(())
    }
}

/// A file for a multipart upload, streamed rather than held in memory when it comes from
/// a file or a stream.
pub struct Upload {
    part: reqwest::multipart::Part,
}

impl fmt::Debug for Upload {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Upload")
    }
}

impl Upload {
    /// Bytes already in memory.
    pub fn bytes(bytes: impl Into<Vec<u8>>, file_name: impl Into<String>) -> Self {
        Upload { part: reqwest::multipart::Part::bytes(bytes.into()).file_name(file_name.into()) }
    }

    /// Streams an open file.
    pub async fn file(file: tokio::fs::File, file_name: impl Into<String>) -> std::io::Result<Self> {
        let length = file.metadata().await?.len();
        let part =
            reqwest::multipart::Part::stream_with_length(reqwest::Body::from(file), length).file_name(file_name.into());
        Ok(Upload { part })
    }

    /// Streams the file at `path`, named after its last component.
    pub async fn path(path: impl AsRef<std::path::Path>) -> std::io::Result<Self> {
        let path = path.as_ref();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "file".to_owned());
        Self::file(tokio::fs::File::open(path).await?, name).await
    }

    /// Any stream of byte chunks.
    pub fn stream<S>(stream: S, file_name: impl Into<String>) -> Self
    where
        S: futures_util::TryStream + Send + 'static,
        S::Error: Into<BoxError>,
        Bytes: From<S::Ok>,
    {
        Upload {
            part: reqwest::multipart::Part::stream(reqwest::Body::wrap_stream(stream)).file_name(file_name.into()),
        }
    }

    /// Sets the part's media type (default: none, which servers read as
    /// `application/octet-stream`).
    pub fn mime(self, media_type: &str) -> Result<Self, reqwest::Error> {
        Ok(Upload { part: self.part.mime_str(media_type)? })
    }
}

/// A JSON value as the text of a parameter: strings as they are (RFC 3339 for
/// date-times, hyphenated for UUIDs: that is how they serialize), numbers and booleans
/// in JSON notation, objects as JSON text.
fn scalar_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn simple_text<T: Serialize + ?Sized>(value: &T) -> Option<String> {
    match serde_json::to_value(value).unwrap_or(Value::Null) {
        Value::Null => None,
        Value::Array(items) => Some(items.iter().map(scalar_text).collect::<Vec<_>>().join(",")),
        other => Some(scalar_text(&other)),
    }
}

/// Everything but RFC 3986's unreserved characters is escaped in a path segment, so a
/// value with `/`, `?`, `#` or `%` stays one segment.
const PATH_SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// A path parameter's value, percent-encoded as one path segment.
pub fn path_segment<T: Serialize + ?Sized>(value: &T) -> String {
    let text = simple_text(value).unwrap_or_default();
    utf8_percent_encode(&text, PATH_SEGMENT).to_string()
}

/// A response as received: any status, the headers, the whole body.
#[derive(Debug, Clone)]
pub struct RawResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl RawResponse {
    /// The body parsed as JSON into `T`; a body that does not parse keeps its bytes.
    pub fn json<T: serde::de::DeserializeOwned, B>(self) -> Result<T, ClientError<B>> {
        match serde_json::from_slice(&self.body) {
            Ok(value) => Ok(value),
            Err(error) => Err(self.undecodable(error)),
        }
    }

    // Out of `json` so that building the error is compiled once, not once per body type;
    // `api_error` shares it.
    fn undecodable<B>(self, error: serde_json::Error) -> ClientError<B> {
        ClientError::Decode { status: self.status, headers: self.headers, body: self.body, error }
    }

    /// The body as UTF-8 text.
    pub fn text<B>(self) -> Result<String, ClientError<B>> {
        match String::from_utf8(self.body.to_vec()) {
            Ok(text) => Ok(text),
            Err(_) => Err(ClientError::NotText { status: self.status, headers: self.headers, body: self.body }),
        }
    }

    /// An error status the spec documents, with its body decoded by `decode`.
    pub fn api_error<B>(self, decode: fn(&[u8]) -> Result<B, serde_json::Error>) -> ClientError<B> {
        match decode(&self.body) {
            Ok(body) => ClientError::Api { status: self.status, headers: self.headers, body },
            Err(error) => self.undecodable(error),
        }
    }

    /// A status the spec does not list for the operation.
    pub fn unexpected<B>(self) -> ClientError<B> {
        ClientError::UnexpectedStatus { status: self.status, headers: self.headers, body: self.body }
    }
}

/// Why an operation did not return its success value. `B` is the generated `ErrorBody`:
/// one variant per error body type the spec documents.
#[derive(Debug)]
pub enum ClientError<B> {
    /// The parameters or body break the spec's constraints; nothing was sent.
    InvalidRequest(ValidationErrors),
    /// Connecting, sending or receiving failed, or the request timed out.
    Transport(reqwest::Error),
    /// Middleware failed, or the request could not be built.
    Middleware(BoxError),
    /// The server answered with an error status the spec documents for this operation.
    Api { status: StatusCode, headers: HeaderMap, body: B },
    /// The server answered with a status the spec does not list for this operation.
    UnexpectedStatus { status: StatusCode, headers: HeaderMap, body: Bytes },
    /// The body does not parse as the documented type; the bytes are kept.
    Decode { status: StatusCode, headers: HeaderMap, body: Bytes, error: serde_json::Error },
    /// A text response that is not UTF-8.
    NotText { status: StatusCode, headers: HeaderMap, body: Bytes },
}

impl<B> ClientError<B> {
    /// The response status, when the server answered.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            ClientError::Api { status, .. }
            | ClientError::UnexpectedStatus { status, .. }
            | ClientError::Decode { status, .. }
            | ClientError::NotText { status, .. } => Some(*status),
            ClientError::Transport(e) => e.status(),
            ClientError::InvalidRequest(_) | ClientError::Middleware(_) => None,
        }
    }

    /// The typed error body, for a documented error status.
    pub fn body(&self) -> Option<&B> {
        match self {
            ClientError::Api { body, .. } => Some(body),
            _ => None,
        }
    }
}

impl<B: fmt::Debug> fmt::Display for ClientError<B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClientError::InvalidRequest(errors) => write!(f, "request not sent: {errors}"),
            ClientError::Transport(e) if e.is_timeout() => write!(f, "timed out waiting for the server: {e}"),
            ClientError::Transport(e) if e.is_connect() => write!(f, "could not connect to the server: {e}"),
            ClientError::Transport(e) => write!(f, "transport error: {e}"),
            ClientError::Middleware(e) => write!(f, "middleware error: {e}"),
            ClientError::Api { status, body, .. } => write!(f, "server answered {status}: {body:?}"),
            ClientError::UnexpectedStatus { status, body, .. } => {
                write!(f, "server answered {status}, which the spec does not list ({} bytes)", body.len())
            }
            ClientError::Decode { status, error, .. } => write!(f, "could not decode the {status} response: {error}"),
            ClientError::NotText { status, .. } => write!(f, "the {status} response is not UTF-8 text"),
        }
    }
}

impl<B: fmt::Debug> std::error::Error for ClientError<B> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ClientError::Transport(e) => Some(e),
            ClientError::Middleware(e) => Some(e.as_ref()),
            ClientError::Decode { error, .. } => Some(error),
            _ => None,
        }
    }
}

/// A page of a paginated list: its items and the server's page numbers.
pub trait Page {
    /// The type of the listed items.
    type Item;

    /// The items, the `next` page number and the `current` one.
    fn into_page(self) -> (Vec<Self::Item>, f64, f64);
}

/// A request for one page (`None`: the page the builder asks for).
pub type FetchPage<'a, P, E> = Box<dyn Fn(Option<i64>) -> BoxFuture<'a, Result<P, E>> + Send + 'a>;

/// Every item of every page, fetching page after page while the server's pagination
/// object names a next page; an error ends the stream after it is yielded.
pub fn paginate<'a, P, E>(fetch: FetchPage<'a, P, E>) -> Pin<Box<dyn Stream<Item = Result<P::Item, E>> + Send + 'a>>
where
    P: Page + Send + 'a,
    P::Item: Send + 'a,
    E: Send + 'a,
{
    Box::pin(Pages { fetch, pending: None, items: Vec::new().into_iter(), next: Some(None) })
}

/// The stream [`paginate`] returns, written out rather than built from stream combinators:
/// it is compiled once per list type.
struct Pages<'a, P: Page, E> {
    fetch: FetchPage<'a, P, E>,
    /// The page being fetched.
    pending: Option<BoxFuture<'a, Result<P, E>>>,
    /// The fetched page's items not yet yielded.
    items: std::vec::IntoIter<P::Item>,
    /// The page to fetch once `items` runs out; `None` after the last page.
    next: Option<Option<i64>>,
}

// Nothing is pinned in place: the pending future is boxed.
impl<P: Page, E> Unpin for Pages<'_, P, E> {}

impl<P: Page, E> Stream for Pages<'_, P, E> {
    type Item = Result<P::Item, E>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut std::task::Context<'_>) -> std::task::Poll<Option<Self::Item>> {
        use std::task::Poll;
        let this = self.get_mut();
        loop {
            if let Some(item) = this.items.next() {
                return Poll::Ready(Some(Ok(item)));
            }
            let pending = match &mut this.pending {
                Some(pending) => pending,
                None => match this.next.take() {
                    Some(page) => this.pending.insert((this.fetch)(page)),
                    None => return Poll::Ready(None),
                },
            };
            let Poll::Ready(result) = pending.as_mut().poll(cx) else { return Poll::Pending };
            this.pending = None;
            let (items, next, current) = match result {
                Ok(page) => page.into_page(),
                Err(error) => return Poll::Ready(Some(Err(error))),
            };
            this.items = items.into_iter();
            // authentik answers `next: 0` on the last page; a next page that does not move
            // forward would loop forever.
            this.next = (next > current && next.fract() == 0.0).then_some(Some(next as i64));
        }
    }
}
