// Expected output for specs/fixtures/empty-compositions.yml; see generator/tests/snapshots.rs.

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

// file: src/client/default.rs
/// Operations tagged `default`; from [`Client::default`](super::Client::default).
#[derive(Debug, Clone, Copy)]
pub struct DefaultApi<'a> {
    pub(super) client: &'a super::Client,
}

impl<'a> DefaultApi<'a> {
    /// `POST /things/` (`things_create`).
    pub fn things_create(self, body: &'a crate::models::Holder) -> ThingsCreate<'a> {
        ThingsCreate {
            client: self.client,
            body,
        }
    }
}

/// Request builder for `things_create`; from [`things_create`](DefaultApi::things_create).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct ThingsCreate<'a> {
    client: &'a super::Client,
    body: &'a crate::models::Holder,
}

impl<'a> ThingsCreate<'a> {
    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(
        self,
    ) -> super::transport::BoxFuture<'a, Result<crate::models::Nothing, super::Error>> {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                200 => raw.json::<crate::models::Nothing, super::ErrorBody>(),
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
        let mut call = super::transport::Call::new(
            reqwest::Method::POST,
            "/things/".to_owned(),
            accept,
            &[],
        );
        self.client.check(self.body)?;
        call.json(crate::runtime::object::Prop::prop(self.body))?;
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for ThingsCreate<'a> {
    type Output = Result<crate::models::Nothing, super::Error>;

    type IntoFuture = super::transport::BoxFuture<'a, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        self.send()
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

/// The operations tagged `default`.
#[cfg(feature = "tag-default")]
pub mod default;

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
    /// Operations tagged `default`.
    #[cfg(feature = "tag-default")]
    pub fn default(&self) -> default::DefaultApi<'_> {
        default::DefaultApi {
            client: self,
        }
    }
}

// file: src/lib.rs
//! Types for the empty compositions (fixture) API, version 1.
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
#[cfg(feature = "tag-default")]
use serde::{Deserialize, Serialize};

#[cfg(feature = "tag-default")]
use super::runtime::object;

pub type Anything = serde_json::Value;

#[cfg(feature = "tag-default")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Holder {
    pub any: Option<serde_json::Value>,
    pub none: Option<HolderNone>,
    pub never: Option<NoneOf>,
}

#[cfg(feature = "tag-default")]
impl object::Prop for Holder {
    #[inline]
    fn fields<'a>(&'a self, out: &mut object::Out<'a>) {
        out.list(
            "Holder",
            &["any", "none", "never"],
            &[
                object::optional(&self.any),
                object::optional(&self.none),
                object::optional(&self.never),
            ],
            None,
        )
    }
}

#[cfg(feature = "tag-default")]
impl Serialize for Holder {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([
            self.any.is_some(),
            self.none.is_some(),
            self.never.is_some(),
        ]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("Holder", written),
        );
        object.optional("any", &self.any);
        object.optional("none", &self.none);
        object.optional("never", &self.never);
        object.end()
    }
}

#[cfg(feature = "tag-default")]
impl<'de> Deserialize<'de> for Holder {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

#[cfg(feature = "tag-default")]
impl object::FromObject for Holder {
    const NAME: &'static str = "Holder";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut any = None;
        let mut none = None;
        let mut never = None;
        let mut properties = object::Properties::new(&["any", "none", "never"]);
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read(&mut map, &mut any),
                object::Property::Known(1) => object::read(&mut map, &mut none),
                object::Property::Known(2) => object::read(&mut map, &mut never),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self { any, none, never })
    }
}

#[cfg(feature = "tag-default")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum HolderNone {}

#[cfg(feature = "tag-default")]
impl object::Prop for HolderNone {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

#[cfg(feature = "tag-default")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum NoneOf {}

#[cfg(feature = "tag-default")]
impl object::Prop for NoneOf {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

#[cfg(feature = "tag-default")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Nothing {}

#[cfg(feature = "tag-default")]
impl object::Prop for Nothing {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

/// The spec names of the component schemas the enabled features compile, sorted.
pub const SCHEMA_NAMES: &[&str] = &[
    "Anything",
    #[cfg(feature = "tag-default")]
    "Holder",
    #[cfg(feature = "tag-default")]
    "NoneOf",
    #[cfg(feature = "tag-default")]
    "Nothing",
];

/// Calls `visitor` with the type generated for the component schema `name`;
/// `None` when the spec has no such schema (or the config replaced it).
pub fn visit_schema<V: super::runtime::SchemaVisitor>(
    name: &str,
    visitor: V,
) -> Option<V::Output> {
    match name {
        "Anything" => Some(visitor.visit::<Anything>()),
        #[cfg(feature = "tag-default")]
        "Holder" => Some(visitor.visit::<Holder>()),
        #[cfg(feature = "tag-default")]
        "NoneOf" => Some(visitor.visit::<NoneOf>()),
        #[cfg(feature = "tag-default")]
        "Nothing" => Some(visitor.visit::<Nothing>()),
        _ => {
            let _ = visitor;
            None
        }
    }
}

// file: src/params.rs
//! The parameters of each operation that has any, as one struct per operation.

// file: src/server/default.rs
use std::sync::Arc;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use super::support::{self, App, BoxFuture};
use super::{Authenticate, Operation, ServerError};

/// The operations tagged `default`. Each method has a default answering 501; implement the ones you serve.
pub trait Default2: Authenticate {
    /// `POST /things/` (`things_create`).
    ///
    /// No authentication.
    ///
    /// The body arrives as `application/json`, already validated.
    fn things_create(
        &self,
        body: Option<crate::models::Holder>,
    ) -> impl Future<Output = Result<ThingsCreateResponse, ServerError>> + Send {
        let _ = body;
        async { Err(ServerError::not_implemented("things_create")) }
    }
}

/// The tag's operations, for [`super::RouterBuilder`].
pub(super) fn routes<S: Default2>() -> Vec<support::Route<S>> {
    Vec::from([
        ("/things/", axum::http::Method::POST, things_create::<S> as support::Handler<S>),
    ])
}

/// `things_create`: how requests to it are read.
pub static THINGS_CREATE: Operation = Operation {
    id: "things_create",
    method: "POST",
    path: "/things/",
    security: &[],
    params: &[],
};

/// The responses `things_create` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum ThingsCreateResponse {
    /// 200.
    Ok(crate::models::Nothing),
}

impl IntoResponse for ThingsCreateResponse {
    fn into_response(self) -> Response {
        match self {
            Self::Ok(body) => support::json(StatusCode::OK, &body),
        }
    }
}

pub(super) fn things_create<S: super::Default2>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::public(
        app,
        request,
        &THINGS_CREATE,
        |app, input| async move {
            let body = input
                .optional_json(
                    &support::JsonBody {
                        object: true,
                        required: &[],
                        not_null: &["any", "none", "never"],
                    },
                )
                .await?;
            <S as super::Default2>::things_create(&app.server, body).await
        },
    )
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

/// The operations tagged `default`: the [`Default2`] trait and its response types.
#[cfg(feature = "tag-default")]
pub mod default;

pub use support::{
    serve, Authenticate, BoxError, Credential, Operation, ServeConfig, ServerConfig,
    ServerError,
};

#[cfg(feature = "tag-default")]
pub use self::default::Default2;

/// The trait of every tag whose feature is on: what [`router`] needs. Implemented for any type that implements them all; give an empty `impl` for a tag you do not serve, and its operations answer 501.
pub trait Api: Authenticate + enabled::Default2 {}

impl<T: Authenticate + enabled::Default2> Api for T {}

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
    #[cfg(feature = "tag-default")]
    let builder = builder.default();
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

    /// Adds the operations tagged `default`.
    #[cfg(feature = "tag-default")]
    pub fn default(self) -> Self
    where
        S: Default2,
    {
        RouterBuilder {
            routes: self.routes.mount(default::routes::<S>()),
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
    #[cfg(feature = "tag-default")]
    pub use super::Default2;
    #[cfg(not(feature = "tag-default"))]
    pub trait Default2 {}
    #[cfg(not(feature = "tag-default"))]
    impl<T: ?Sized> Default2 for T {}
}

// file: src/validate.rs
//! `Validate` for every model: the constraints the spec states, as code.
#[cfg(feature = "tag-default")]
use super::models;

#[cfg(feature = "tag-default")]
use super::validation::Validate;

#[cfg(feature = "tag-default")]
impl Validate for models::Holder {}

#[cfg(feature = "tag-default")]
impl Validate for models::HolderNone {}

#[cfg(feature = "tag-default")]
impl Validate for models::NoneOf {}

#[cfg(feature = "tag-default")]
impl Validate for models::Nothing {}
