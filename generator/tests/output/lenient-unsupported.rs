// Expected output for specs/fixtures/lenient-unsupported.yml; see generator/tests/snapshots.rs.

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

/// The operations tagged `widgets`.
#[cfg(feature = "widgets")]
pub mod widgets;

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
    /// Operations tagged `widgets`.
    #[cfg(feature = "widgets")]
    pub fn widgets(&self) -> widgets::WidgetsApi<'_> {
        widgets::WidgetsApi {
            client: self,
        }
    }
}

// file: src/client/widgets.rs
/// Operations tagged `widgets`; from [`Client::widgets`](super::Client::widgets).
#[derive(Debug, Clone, Copy)]
pub struct WidgetsApi<'a> {
    pub(super) client: &'a super::Client,
}

impl<'a> WidgetsApi<'a> {
    /// `POST /widgets/` (`widgets_create`).
    pub fn create(self, body: &'a crate::models::Widget) -> Create<'a> {
        Create {
            client: self.client,
            params: crate::params::WidgetsCreateParams {
                filter: None,
            },
            body,
        }
    }
}

/// Request builder for `widgets_create`; from [`create`](WidgetsApi::create).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct Create<'a> {
    client: &'a super::Client,
    params: crate::params::WidgetsCreateParams,
    body: &'a crate::models::Widget,
}

impl<'a> Create<'a> {
    /// Sets the query parameter `filter`.
    pub fn filter(mut self, value: serde_json::Value) -> Self {
        self.params.filter = Some(value);
        self
    }

    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(
        self,
    ) -> super::transport::BoxFuture<'a, Result<crate::models::Widget, super::Error>> {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                201 => raw.json::<crate::models::Widget, super::ErrorBody>(),
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
        let mut call = super::transport::Call::new(
            reqwest::Method::POST,
            "/widgets/".to_owned(),
            accept,
            &[],
        );
        call.query("filter", &self.params.filter, true);
        self.client.check(self.body)?;
        call.json(crate::runtime::object::Prop::prop(self.body))?;
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for Create<'a> {
    type Output = Result<crate::models::Widget, super::Error>;

    type IntoFuture = super::transport::BoxFuture<'a, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        self.send()
    }
}

// file: src/lib.rs
//! Types for the unsupported constructs (fixture) API, version 1.
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
#[cfg(feature = "widgets")]
use serde::{Deserialize, Serialize};

#[cfg(feature = "widgets")]
use super::runtime::object;

#[cfg(feature = "widgets")]
#[derive(Debug, Clone, PartialEq)]
pub struct Circle {
    pub kind: String,
    pub radius: Option<f64>,
}

#[cfg(feature = "widgets")]
impl object::Prop for Circle {
    #[inline]
    fn fields<'a>(&'a self, out: &mut object::Out<'a>) {
        out.list(
            "Circle",
            &["kind", "radius"],
            &[object::value(&self.kind), object::optional(&self.radius)],
            None,
        )
    }
}

#[cfg(feature = "widgets")]
impl Serialize for Circle {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([true, self.radius.is_some()]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("Circle", written),
        );
        object.field("kind", &self.kind);
        object.optional("radius", &self.radius);
        object.end()
    }
}

#[cfg(feature = "widgets")]
impl<'de> Deserialize<'de> for Circle {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

#[cfg(feature = "widgets")]
impl object::FromObject for Circle {
    const NAME: &'static str = "Circle";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut kind = None;
        let mut radius = None;
        let mut properties = object::Properties::new(&["kind", "radius"]);
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read_some(&mut map, &mut kind),
                object::Property::Known(1) => object::read(&mut map, &mut radius),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self {
            kind: object::required(kind, "kind")?,
            radius,
        })
    }
}

#[cfg(feature = "widgets")]
pub type Label = serde_json::Value;

#[cfg(feature = "widgets")]
pub type Mixed = serde_json::Value;

#[cfg(feature = "widgets")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Shape {
    Circle(Circle),
    ShapeVariant2(ShapeVariant2),
}

#[cfg(feature = "widgets")]
impl object::Prop for Shape {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

#[cfg(feature = "widgets")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ShapeVariant2 {
    pub kind: Option<String>,
}

#[cfg(feature = "widgets")]
impl object::Prop for ShapeVariant2 {
    #[inline]
    fn fields<'a>(&'a self, out: &mut object::Out<'a>) {
        out.list("ShapeVariant2", &["kind"], &[object::optional(&self.kind)], None)
    }
}

#[cfg(feature = "widgets")]
impl Serialize for ShapeVariant2 {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([self.kind.is_some()]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("ShapeVariant2", written),
        );
        object.optional("kind", &self.kind);
        object.end()
    }
}

#[cfg(feature = "widgets")]
impl<'de> Deserialize<'de> for ShapeVariant2 {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

#[cfg(feature = "widgets")]
impl object::FromObject for ShapeVariant2 {
    const NAME: &'static str = "ShapeVariant2";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut kind = None;
        let mut properties = object::Properties::new(&["kind"]);
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read(&mut map, &mut kind),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self { kind })
    }
}

#[cfg(feature = "widgets")]
#[derive(Debug, Clone, PartialEq)]
pub struct Widget {
    pub name: String,
    pub not_a_number: Option<serde_json::Value>,
    pub shape: Option<Shape>,
    pub label: Option<Label>,
    pub mixed: Option<Mixed>,
}

#[cfg(feature = "widgets")]
impl object::Prop for Widget {
    #[inline]
    fn fields<'a>(&'a self, out: &mut object::Out<'a>) {
        out.list(
            "Widget",
            &["name", "not_a_number", "shape", "label", "mixed"],
            &[
                object::value(&self.name),
                object::optional(&self.not_a_number),
                object::optional(&self.shape),
                object::optional(&self.label),
                object::optional(&self.mixed),
            ],
            None,
        )
    }
}

#[cfg(feature = "widgets")]
impl Serialize for Widget {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([
            true,
            self.not_a_number.is_some(),
            self.shape.is_some(),
            self.label.is_some(),
            self.mixed.is_some(),
        ]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("Widget", written),
        );
        object.field("name", &self.name);
        object.optional("not_a_number", &self.not_a_number);
        object.optional("shape", &self.shape);
        object.optional("label", &self.label);
        object.optional("mixed", &self.mixed);
        object.end()
    }
}

#[cfg(feature = "widgets")]
impl<'de> Deserialize<'de> for Widget {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

#[cfg(feature = "widgets")]
impl object::FromObject for Widget {
    const NAME: &'static str = "Widget";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut name = None;
        let mut not_a_number = None;
        let mut shape = None;
        let mut label = None;
        let mut mixed = None;
        let mut properties = object::Properties::new(
            &["name", "not_a_number", "shape", "label", "mixed"],
        );
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read_some(&mut map, &mut name),
                object::Property::Known(1) => object::read(&mut map, &mut not_a_number),
                object::Property::Known(2) => object::read(&mut map, &mut shape),
                object::Property::Known(3) => object::read(&mut map, &mut label),
                object::Property::Known(4) => object::read(&mut map, &mut mixed),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self {
            name: object::required(name, "name")?,
            not_a_number,
            shape,
            label,
            mixed,
        })
    }
}

/// The spec names of the component schemas the enabled features compile, sorted.
pub const SCHEMA_NAMES: &[&str] = &[
    #[cfg(feature = "widgets")]
    "Circle",
    #[cfg(feature = "widgets")]
    "Label",
    #[cfg(feature = "widgets")]
    "Mixed",
    #[cfg(feature = "widgets")]
    "Shape",
    #[cfg(feature = "widgets")]
    "Widget",
];

/// Calls `visitor` with the type generated for the component schema `name`;
/// `None` when the spec has no such schema (or the config replaced it).
pub fn visit_schema<V: super::runtime::SchemaVisitor>(
    name: &str,
    visitor: V,
) -> Option<V::Output> {
    match name {
        #[cfg(feature = "widgets")]
        "Circle" => Some(visitor.visit::<Circle>()),
        #[cfg(feature = "widgets")]
        "Label" => Some(visitor.visit::<Label>()),
        #[cfg(feature = "widgets")]
        "Mixed" => Some(visitor.visit::<Mixed>()),
        #[cfg(feature = "widgets")]
        "Shape" => Some(visitor.visit::<Shape>()),
        #[cfg(feature = "widgets")]
        "Widget" => Some(visitor.visit::<Widget>()),
        _ => {
            let _ = visitor;
            None
        }
    }
}

// file: src/params.rs
//! The parameters of each operation that has any, as one struct per operation.
/// Parameters of `widgets_create` (POST `/widgets/`).
#[cfg(feature = "widgets")]
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "server", derive(serde::Deserialize))]
pub struct WidgetsCreateParams {
    #[cfg_attr(feature = "server", serde(default))]
    pub filter: Option<serde_json::Value>,
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

/// The operations tagged `widgets`: the [`Widgets`] trait and its response types.
#[cfg(feature = "widgets")]
pub mod widgets;

pub use support::{
    serve, Authenticate, BoxError, Credential, Operation, ServeConfig, ServerConfig,
    ServerError,
};

#[cfg(feature = "widgets")]
pub use self::widgets::Widgets;

/// The trait of every tag whose feature is on: what [`router`] needs. Implemented for any type that implements them all; give an empty `impl` for a tag you do not serve, and its operations answer 501.
pub trait Api: Authenticate + enabled::Widgets {}

impl<T: Authenticate + enabled::Widgets> Api for T {}

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
    #[cfg(feature = "widgets")]
    let builder = builder.widgets();
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

    /// Adds the operations tagged `widgets`.
    #[cfg(feature = "widgets")]
    pub fn widgets(self) -> Self
    where
        S: Widgets,
    {
        RouterBuilder {
            routes: self.routes.mount(widgets::routes::<S>()),
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
    #[cfg(feature = "widgets")]
    pub use super::Widgets;
    #[cfg(not(feature = "widgets"))]
    pub trait Widgets {}
    #[cfg(not(feature = "widgets"))]
    impl<T: ?Sized> Widgets for T {}
}

// file: src/server/widgets.rs
use std::sync::Arc;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use super::support::{self, App, BoxFuture};
use super::{Authenticate, Operation, ServerError};

/// The operations tagged `widgets`. Each method has a default answering 501; implement the ones you serve.
pub trait Widgets: Authenticate {
    /// `POST /widgets/` (`widgets_create`).
    ///
    /// No authentication.
    ///
    /// The body arrives as `application/json`, already validated.
    fn create(
        &self,
        params: crate::params::WidgetsCreateParams,
        body: crate::models::Widget,
    ) -> impl Future<Output = Result<CreateResponse, ServerError>> + Send {
        let _ = (params, body);
        async { Err(ServerError::not_implemented("widgets_create")) }
    }
}

/// The tag's operations, for [`super::RouterBuilder`].
pub(super) fn routes<S: Widgets>() -> Vec<support::Route<S>> {
    Vec::from([
        ("/widgets/", axum::http::Method::POST, create::<S> as support::Handler<S>),
    ])
}

/// `widgets_create`: how requests to it are read.
pub static CREATE: Operation = Operation {
    id: "widgets_create",
    method: "POST",
    path: "/widgets/",
    security: &[],
    params: &[support::Param::query("filter", support::Shape::Json)],
};

/// The responses `widgets_create` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum CreateResponse {
    /// 201.
    Created(crate::models::Widget),
}

impl IntoResponse for CreateResponse {
    fn into_response(self) -> Response {
        match self {
            Self::Created(body) => support::json(StatusCode::CREATED, &body),
        }
    }
}

pub(super) fn create<S: super::Widgets>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::public(
        app,
        request,
        &CREATE,
        |app, input| async move {
            let params = input.params()?;
            let body = input
                .json(
                    &support::JsonBody {
                        object: true,
                        required: &["name"],
                        not_null: &["not_a_number", "shape", "label", "mixed"],
                    },
                )
                .await?;
            <S as super::Widgets>::create(&app.server, params, body).await
        },
    )
}

// file: src/validate.rs
//! `Validate` for every model: the constraints the spec states, as code.
#[cfg(feature = "widgets")]
use super::models;

#[cfg(feature = "widgets")]
use super::params;

#[cfg(feature = "widgets")]
use super::validation::Validate;

#[cfg(feature = "widgets")]
impl Validate for models::Circle {}

#[cfg(feature = "widgets")]
impl Validate for models::Shape {}

#[cfg(feature = "widgets")]
impl Validate for models::ShapeVariant2 {}

#[cfg(feature = "widgets")]
impl Validate for models::Widget {}

#[cfg(feature = "widgets")]
impl Validate for params::WidgetsCreateParams {}
