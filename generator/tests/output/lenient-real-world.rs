// Expected output for specs/fixtures/lenient-real-world.yml; see generator/tests/snapshots.rs.

// file: examples/validate.rs
//! Checks JSON payloads against the API's schemas.
//!
//! Reads JSON lines `{"schema": "<ComponentName>", "instance": <json>}` from stdin and
//! prints one JSON line for each: `{"valid": true|false, "errors": [{"pointer", "keyword",
//! "message"}]}`. A payload that does not even have the schema's shape is invalid with
//! keyword `required` or `type`; an unknown schema or a malformed line gets `{"error": …}`.
//!
//! ```text
//! echo '{"schema": "TokenRequest", "instance": {"identifier": "bad id!"}}' \
//!     | cargo run --example validate
//! ```

use fixture::models::visit_schema;
use fixture::runtime::SchemaVisitor;
use fixture::Validate;
use serde_json::{Value, json};
use std::io::{BufRead, Write};

/// Deserializes the instance into the schema's type, then validates it.
struct Check(Value);

impl SchemaVisitor for Check {
    type Output = Value;

    fn visit<T>(self) -> Value
    where
        T: serde::Serialize + serde::de::DeserializeOwned + std::fmt::Debug + Clone + PartialEq + Validate + 'static,
    {
        let typed: T = match serde_path_to_error::deserialize(self.0) {
            Ok(typed) => typed,
            Err(e) => {
                let message = e.inner().to_string();
                let keyword = if message.starts_with("missing field") { "required" } else { "type" };
                let error = json!({"pointer": pointer(e.path()), "keyword": keyword, "message": message});
                return json!({"valid": false, "errors": [error]});
            }
        };
        match typed.validate() {
            Ok(()) => json!({"valid": true, "errors": []}),
            Err(errors) => {
                let errors: Vec<Value> = errors
                    .0
                    .iter()
                    .map(|v| json!({"pointer": v.pointer, "keyword": v.keyword, "message": v.message}))
                    .collect();
                json!({"valid": false, "errors": errors})
            }
        }
    }
}

/// A JSON pointer from a serde path (`results[0].user_obj` → `/results/0/user_obj`).
fn pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("/{index}")),
            Segment::Map { key } => out.push_str(&format!("/{}", key.replace('~', "~0").replace('/', "~1"))),
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    out
}

fn check_line(line: &str) -> Value {
    let request: Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return json!({"error": format!("not a JSON line: {e}")}),
    };
    let (Some(schema), Some(instance)) = (request.get("schema").and_then(Value::as_str), request.get("instance")) else {
        return json!({"error": "expected {\"schema\": \"<name>\", \"instance\": <json>}"});
    };
    visit_schema(schema, Check(instance.clone())).unwrap_or_else(|| json!({"error": format!("no schema named {schema:?}")}))
}

fn main() {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for line in std::io::stdin().lock().lines() {
        let Ok(line) = line else { break };
        if line.trim().is_empty() {
            continue;
        }
        if writeln!(out, "{}", check_line(&line)).is_err() {
            break;
        }
    }
}

// file: src/client/mod.rs
//! An async client with one method for each operation, grouped by tag.
//!
//! Required parameters are arguments; optional ones are set on the returned
//! builder; `.send().await` (or just `.await`) validates the request, sends it and
//! decodes the response.
#![allow(
    deprecated,
    reason = "deprecated operations and models are still part of the API"
)]
pub mod transport;

/// The operations tagged `reports`.
#[cfg(feature = "reports")]
pub mod reports;

pub use transport::{
    BoxError, Client, ClientBuilder, ClientError, Middleware, Next, RawResponse, Retry,
    SecretToken, Upload,
};

pub use crate::BASE_PATH;

/// The security scheme [`ClientBuilder::bearer_token`] is the credential of: the
/// first the spec's operations name.
pub const DEFAULT_SCHEME: &str = "";

/// The body of an error status the spec documents (400 → `ValidationError`,
/// 403 → `GenericError`, …).
#[derive(Debug, Clone, PartialEq)]
pub enum ErrorBody {
    /// The spec documents the status without a body.
    Empty,
}

/// One decoder per body kind, shared by every operation that documents it.
impl ErrorBody {}

/// Why an operation did not return its success value.
pub type Error = ClientError<ErrorBody>;

impl Client {
    /// Operations tagged `reports`.
    #[cfg(feature = "reports")]
    pub fn reports(&self) -> reports::ReportsApi<'_> {
        reports::ReportsApi {
            client: self,
        }
    }
}

// file: src/client/reports.rs
/// Operations tagged `reports`; from [`Client::reports`](super::Client::reports).
#[derive(Debug, Clone, Copy)]
pub struct ReportsApi<'a> {
    pub(super) client: &'a super::Client,
}

impl<'a> ReportsApi<'a> {
    /// `GET /reports/{id}.json` (`reports_retrieve`).
    pub fn retrieve(self, id: i64) -> Retrieve<'a> {
        Retrieve {
            client: self.client,
            params: crate::params::ReportsRetrieveParams {
                id,
            },
        }
    }

    /// `POST /mounts/{a}/keys/` (`mounts_a_keys`).
    pub fn mounts_a_keys(self, a: impl Into<String>) -> MountsAKeys<'a> {
        MountsAKeys {
            client: self.client,
            params: crate::params::MountsAKeysParams {
                a: a.into(),
            },
        }
    }

    /// `POST /mounts/{b}/keys/` (`mounts_b_keys`).
    pub fn mounts_b_keys(self, b: impl Into<String>) -> MountsBKeys<'a> {
        MountsBKeys {
            client: self.client,
            params: crate::params::MountsBKeysParams {
                b: b.into(),
            },
        }
    }
}

/// Request builder for `reports_retrieve`; from [`retrieve`](ReportsApi::retrieve).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct Retrieve<'a> {
    client: &'a super::Client,
    params: crate::params::ReportsRetrieveParams,
}

impl<'a> Retrieve<'a> {
    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(
        self,
    ) -> super::transport::BoxFuture<'a, Result<crate::models::Report, super::Error>> {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                200 => raw.json::<crate::models::Report, super::ErrorBody>(),
                _ => Err(raw.unexpected()),
            },
        )
    }

    /// Sends the request and returns the response undecoded, whatever its status.
    pub fn send_raw(
        self,
    ) -> super::transport::BoxFuture<'a, Result<super::RawResponse, super::Error>> {
        super::transport::send(self.prepare("application/json"), Ok)
    }

    /// Validates the request and builds the call, asking for `accept`.
    fn prepare(
        self,
        accept: &'static str,
    ) -> Result<(&'a super::Client, super::transport::Call), super::Error> {
        self.client.check(&self.params)?;
        let call = super::transport::Call::new(
            reqwest::Method::GET,
            format!(
                "/reports/{}.json", super::transport::path_segment(& self.params.id)
            ),
            accept,
            &[],
        );
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for Retrieve<'a> {
    type Output = Result<crate::models::Report, super::Error>;

    type IntoFuture = super::transport::BoxFuture<'a, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        self.send()
    }
}

/// Request builder for `mounts_a_keys`; from [`mounts_a_keys`](ReportsApi::mounts_a_keys).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct MountsAKeys<'a> {
    client: &'a super::Client,
    params: crate::params::MountsAKeysParams,
}

impl<'a> MountsAKeys<'a> {
    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(self) -> super::transport::BoxFuture<'a, Result<(), super::Error>> {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                204 => Ok(()),
                _ => Err(raw.unexpected()),
            },
        )
    }

    /// Sends the request and returns the response undecoded, whatever its status.
    pub fn send_raw(
        self,
    ) -> super::transport::BoxFuture<'a, Result<super::RawResponse, super::Error>> {
        super::transport::send(self.prepare("application/json"), Ok)
    }

    /// Validates the request and builds the call, asking for `accept`.
    fn prepare(
        self,
        accept: &'static str,
    ) -> Result<(&'a super::Client, super::transport::Call), super::Error> {
        self.client.check(&self.params)?;
        let call = super::transport::Call::new(
            reqwest::Method::POST,
            format!("/mounts/{}/keys/", super::transport::path_segment(& self.params.a)),
            accept,
            &[],
        );
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for MountsAKeys<'a> {
    type Output = Result<(), super::Error>;

    type IntoFuture = super::transport::BoxFuture<'a, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        self.send()
    }
}

/// Request builder for `mounts_b_keys`; from [`mounts_b_keys`](ReportsApi::mounts_b_keys).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct MountsBKeys<'a> {
    client: &'a super::Client,
    params: crate::params::MountsBKeysParams,
}

impl<'a> MountsBKeys<'a> {
    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(self) -> super::transport::BoxFuture<'a, Result<(), super::Error>> {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                204 => Ok(()),
                _ => Err(raw.unexpected()),
            },
        )
    }

    /// Sends the request and returns the response undecoded, whatever its status.
    pub fn send_raw(
        self,
    ) -> super::transport::BoxFuture<'a, Result<super::RawResponse, super::Error>> {
        super::transport::send(self.prepare("application/json"), Ok)
    }

    /// Validates the request and builds the call, asking for `accept`.
    fn prepare(
        self,
        accept: &'static str,
    ) -> Result<(&'a super::Client, super::transport::Call), super::Error> {
        self.client.check(&self.params)?;
        let call = super::transport::Call::new(
            reqwest::Method::POST,
            format!("/mounts/{}/keys/", super::transport::path_segment(& self.params.b)),
            accept,
            &[],
        );
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for MountsBKeys<'a> {
    type Output = Result<(), super::Error>;

    type IntoFuture = super::transport::BoxFuture<'a, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        self.send()
    }
}

// file: src/lib.rs
//! Types for the real-world refusals (fixture) API, version 1.
//!
//! The API is served under `/`.
//!
//! Generated by akgen; see the crate README.
#![allow(
    clippy::result_large_err,
    reason = "errors keep the whole response (status, headers, body) for the caller to inspect; they are rare, a box would cost every call"
)]
#![allow(
    clippy::large_enum_variant,
    reason = "response enums and unions hold their models by value, as serde types do; boxes would change the API whenever a model grows"
)]
#[cfg(feature = "client")]
pub mod client;

pub mod models;

pub mod params;

pub mod runtime;

#[cfg(feature = "server")]
pub mod server;

pub mod validation;

mod validate;

/// The path of the spec's server, which operation paths are relative to.
pub const BASE_PATH: &str = "";

/// The spec's security schemes: what `ClientBuilder::credential` and the server's
/// `Credential` name, and how each credential travels.
pub mod security {
    #[allow(unused_imports, reason = "a spec without schemes uses neither")]
    use crate::runtime::security::{Carrier, Scheme};
}

pub use runtime::Nullable;

pub use validation::{Validate, ValidationErrors, Violation};

/// The README's examples, compiled and run by `cargo test` so they stay true.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

// file: src/models.rs
//! Request and response types for every schema of the API.
#![allow(
    deprecated,
    reason = "deprecation warns callers of the API; the models themselves must still use deprecated types and fields"
)]
#[cfg(feature = "reports")]
use serde::{Deserialize, Serialize};

#[cfg(feature = "reports")]
use super::runtime::object;

#[cfg(feature = "reports")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    /// Constraints: should match `(?i)^[0-9a-f]{12}$` (not checked: no ECMA-262 mode accepts the pattern).
    pub mac: Option<String>,
    pub owner: Option<serde_json::Value>,
}

#[cfg(feature = "reports")]
impl object::Prop for Report {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

#[cfg(feature = "reports")]
impl Serialize for Report {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([self.mac.is_some(), self.owner.is_some()]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("Report", written),
        );
        object.optional("mac", &self.mac);
        object.optional("owner", &self.owner);
        object.end()
    }
}

#[cfg(feature = "reports")]
impl<'de> Deserialize<'de> for Report {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

#[cfg(feature = "reports")]
impl object::FromObject for Report {
    const NAME: &'static str = "Report";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut mac = None;
        let mut owner = None;
        let mut properties = object::Properties::new(&["mac", "owner"]);
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read(&mut map, &mut mac),
                object::Property::Known(1) => object::read(&mut map, &mut owner),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self { mac, owner })
    }
}

/// The spec names of the component schemas the enabled features compile, sorted.
pub const SCHEMA_NAMES: &[&str] = &[#[cfg(feature = "reports")] "Report"];

/// Calls `visitor` with the type generated for the component schema `name`;
/// `None` when the spec has no such schema (or the config replaced it).
pub fn visit_schema<V: super::runtime::SchemaVisitor>(
    name: &str,
    visitor: V,
) -> Option<V::Output> {
    match name {
        #[cfg(feature = "reports")]
        "Report" => Some(visitor.visit::<Report>()),
        _ => {
            let _ = visitor;
            None
        }
    }
}

// file: src/params.rs
//! The parameters of each operation that has any, as one struct per operation.
/// Parameters of `reports_retrieve` (GET `/reports/{id}.json`).
#[cfg(feature = "reports")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "server", derive(serde::Deserialize))]
pub struct ReportsRetrieveParams {
    pub id: i64,
}

/// Parameters of `mounts_a_keys` (POST `/mounts/{a}/keys/`).
#[cfg(feature = "reports")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "server", derive(serde::Deserialize))]
pub struct MountsAKeysParams {
    pub a: String,
}

/// Parameters of `mounts_b_keys` (POST `/mounts/{b}/keys/`).
#[cfg(feature = "reports")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "server", derive(serde::Deserialize))]
pub struct MountsBKeysParams {
    pub b: String,
}

// file: src/server/mod.rs
//! Server stubs: a trait per tag with one async method per operation, and [`router`],
//! which mounts every operation, authenticates bearer tokens, reads and validates the
//! parameters and body, calls the method and writes its typed response.
//!
//! Every method has a default that answers 501, so an implementation provides only
//! the operations it serves.
#![allow(
    deprecated,
    reason = "deprecated operations and models are still part of the API"
)]
pub mod support;

/// The operations tagged `reports`: the [`Reports`] trait and its response types.
#[cfg(feature = "reports")]
pub mod reports;

pub use support::{
    serve, Authenticate, BoxError, Credential, Operation, ServeConfig, ServerConfig,
    ServerError,
};

#[cfg(feature = "reports")]
pub use self::reports::Reports;

/// The trait of every tag whose feature is on: what [`router`] needs. Implemented for any type that implements them all; give an empty `impl` for a tag you do not serve, and its operations answer 501.
pub trait Api: Authenticate + enabled::Reports {}

impl<T: Authenticate + enabled::Reports> Api for T {}

/// Every operation, mounted under the spec's base path ([`crate::BASE_PATH`]).
///
/// Needs the trait of every enabled tag ([`Api`]); a server that implements only
/// some tags chooses them with [`RouterBuilder`] instead.
pub fn router<S: Api>(server: S) -> axum::Router {
    router_with(server, ServerConfig::default())
}

/// Every operation, mounted as `config` says (base path, body size limit).
pub fn router_with<S: Api>(server: S, config: ServerConfig) -> axum::Router {
    let builder = RouterBuilder::with_config(server, config);
    #[cfg(feature = "reports")]
    let builder = builder.reports();
    builder.build()
}

/// A router of the tags you add, which asks only for their traits.
///
/// [`router`] needs the trait of every tag whose feature is on, and Cargo turns on
/// every feature any crate in the build asks for: when another crate turns on one
/// more tag, a server that implements only some tags stops compiling. Here, more
/// features only add methods. Operations of tags not added answer 404.
pub struct RouterBuilder<S> {
    routes: support::Routes<S>,
}

impl<S: Authenticate> RouterBuilder<S> {
    /// No operations yet; mounted under the spec's base path ([`crate::BASE_PATH`]).
    pub fn new(server: S) -> Self {
        Self::with_config(server, ServerConfig::default())
    }

    /// No operations yet; mounted as `config` says (base path, body size limit).
    pub fn with_config(server: S, config: ServerConfig) -> Self {
        RouterBuilder {
            routes: support::Routes::new(server, config),
        }
    }

    /// Adds the operations tagged `reports`.
    #[cfg(feature = "reports")]
    pub fn reports(self) -> Self
    where
        S: Reports,
    {
        RouterBuilder {
            routes: self.routes.mount(reports::routes::<S>()),
        }
    }

    /// The router: unknown paths get 404, other methods on a known path 405.
    pub fn build(self) -> axum::Router {
        self.routes.build()
    }
}

/// Each tag's trait when the tag's feature is on, and a trait every type has when
/// it is off, so [`Api`] asks for exactly the enabled tags.
#[doc(hidden)]
pub mod enabled {
    #[cfg(feature = "reports")]
    pub use super::Reports;
    #[cfg(not(feature = "reports"))]
    pub trait Reports {}
    #[cfg(not(feature = "reports"))]
    impl<T: ?Sized> Reports for T {}
}

// file: src/server/reports.rs
use std::sync::Arc;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use super::support::{self, App, BoxFuture};
use super::{Authenticate, Operation, ServerError};

/// The operations tagged `reports`. Each method has a default answering 501; implement the ones you serve.
pub trait Reports: Authenticate {
    /// `GET /reports/{id}.json` (`reports_retrieve`).
    ///
    /// No authentication.
    ///
    /// **Not routed** by the generated router: path segment `{id}.json` has text after its parameter, which the server's router cannot match.
    fn retrieve(
        &self,
        params: crate::params::ReportsRetrieveParams,
    ) -> impl Future<Output = Result<RetrieveResponse, ServerError>> + Send {
        let _ = params;
        async { Err(ServerError::not_implemented("reports_retrieve")) }
    }

    /// `POST /mounts/{a}/keys/` (`mounts_a_keys`).
    ///
    /// No authentication.
    fn mounts_a_keys(
        &self,
        params: crate::params::MountsAKeysParams,
    ) -> impl Future<Output = Result<MountsAKeysResponse, ServerError>> + Send {
        let _ = params;
        async { Err(ServerError::not_implemented("mounts_a_keys")) }
    }

    /// `POST /mounts/{b}/keys/` (`mounts_b_keys`).
    ///
    /// No authentication.
    ///
    /// **Not routed** by the generated router: `POST /mounts/{b}/keys/` and `POST /mounts/{a}/keys/` differ only in parameter names, so the server's router cannot tell them apart.
    fn mounts_b_keys(
        &self,
        params: crate::params::MountsBKeysParams,
    ) -> impl Future<Output = Result<MountsBKeysResponse, ServerError>> + Send {
        let _ = params;
        async { Err(ServerError::not_implemented("mounts_b_keys")) }
    }
}

/// The tag's operations, for [`super::RouterBuilder`].
pub(super) fn routes<S: Reports>() -> Vec<support::Route<S>> {
    Vec::from([
        (
            "/mounts/{p0}/keys/",
            axum::http::Method::POST,
            mounts_a_keys::<S> as support::Handler<S>,
        ),
    ])
}

/// `reports_retrieve`: how requests to it are read.
pub static RETRIEVE: Operation = Operation {
    id: "reports_retrieve",
    method: "GET",
    path: "/reports/{id}.json",
    security: &[],
    params: &[support::Param::path("id", support::Shape::Integer)],
};

/// The responses `reports_retrieve` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum RetrieveResponse {
    /// 200.
    Ok(crate::models::Report),
}

impl IntoResponse for RetrieveResponse {
    fn into_response(self) -> Response {
        match self {
            Self::Ok(body) => support::json(StatusCode::OK, &body),
        }
    }
}

/// `mounts_a_keys`: how requests to it are read.
pub static MOUNTS_A_KEYS: Operation = Operation {
    id: "mounts_a_keys",
    method: "POST",
    path: "/mounts/{a}/keys/",
    security: &[],
    params: &[support::Param::path("a", support::Shape::String)],
};

/// The responses `mounts_a_keys` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum MountsAKeysResponse {
    /// 204.
    NoContent,
}

impl IntoResponse for MountsAKeysResponse {
    fn into_response(self) -> Response {
        match self {
            Self::NoContent => support::empty(StatusCode::NO_CONTENT),
        }
    }
}

pub(super) fn mounts_a_keys<S: super::Reports>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::public(
        app,
        request,
        &MOUNTS_A_KEYS,
        |app, input| async move {
            let params = input.params()?;
            <S as super::Reports>::mounts_a_keys(&app.server, params).await
        },
    )
}

/// `mounts_b_keys`: how requests to it are read.
pub static MOUNTS_B_KEYS: Operation = Operation {
    id: "mounts_b_keys",
    method: "POST",
    path: "/mounts/{b}/keys/",
    security: &[],
    params: &[support::Param::path("b", support::Shape::String)],
};

/// The responses `mounts_b_keys` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum MountsBKeysResponse {
    /// 204.
    NoContent,
}

impl IntoResponse for MountsBKeysResponse {
    fn into_response(self) -> Response {
        match self {
            Self::NoContent => support::empty(StatusCode::NO_CONTENT),
        }
    }
}

// file: src/validate.rs
//! `Validate` for every model: the constraints the spec states, as code.
#[cfg(feature = "reports")]
use super::models;

#[cfg(feature = "reports")]
use super::params;

#[cfg(feature = "reports")]
use super::validation::Validate;

#[cfg(feature = "reports")]
impl Validate for models::Report {}

#[cfg(feature = "reports")]
impl Validate for params::ReportsRetrieveParams {}

#[cfg(feature = "reports")]
impl Validate for params::MountsAKeysParams {}

#[cfg(feature = "reports")]
impl Validate for params::MountsBKeysParams {}
