// Expected output for specs/fixtures/shapes.yml; see generator/tests/snapshots.rs.

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

// file: src/client/blobs.rs
/// Operations tagged `blobs`; from [`Client::blobs`](super::Client::blobs).
#[derive(Debug, Clone, Copy)]
pub struct BlobsApi<'a> {
    pub(super) client: &'a super::Client,
}

impl<'a> BlobsApi<'a> {
    /// `PUT /blobs/` (`put/blobs/`).
    pub fn put_blobs(self, body: impl Into<bytes::Bytes>) -> PutBlobs<'a> {
        PutBlobs {
            client: self.client,
            body: body.into(),
        }
    }
}

/// Request builder for `put/blobs/`; from [`put_blobs`](BlobsApi::put_blobs).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct PutBlobs<'a> {
    client: &'a super::Client,
    body: bytes::Bytes,
}

impl<'a> PutBlobs<'a> {
    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(
        self,
    ) -> super::transport::BoxFuture<'a, Result<bytes::Bytes, super::Error>> {
        super::transport::send(
            self.prepare("application/octet-stream"),
            |raw| match raw.status.as_u16() {
                200 => Ok(raw.body),
                _ => Err(raw.unexpected()),
            },
        )
    }

    /// Sends the request and returns the response undecoded, whatever its status.
    pub fn send_raw(
        self,
    ) -> super::transport::BoxFuture<'a, Result<super::RawResponse, super::Error>> {
        super::transport::send(self.prepare("application/octet-stream"), Ok)
    }

    /// Validates the request and builds the call, asking for `accept`.
    fn prepare(
        self,
        accept: &'static str,
    ) -> Result<(&'a super::Client, super::transport::Call), super::Error> {
        let mut call = super::transport::Call::new(
            reqwest::Method::PUT,
            "/blobs/".to_owned(),
            accept,
            &[],
        );
        call.raw(self.body, "application/octet-stream");
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for PutBlobs<'a> {
    type Output = Result<bytes::Bytes, super::Error>;

    type IntoFuture = super::transport::BoxFuture<'a, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        self.send()
    }
}

// file: src/client/items.rs
/// Operations tagged `items`; from [`Client::items`](super::Client::items).
#[derive(Debug, Clone, Copy)]
pub struct ItemsApi<'a> {
    pub(super) client: &'a super::Client,
}

impl<'a> ItemsApi<'a> {
    /// `GET /items/{item.id}/` (`get item`).
    pub fn get_item(
        self,
        item_id: impl Into<String>,
        x_request_id: uuid::Uuid,
    ) -> GetItem<'a> {
        GetItem {
            client: self.client,
            params: crate::params::GetItemParams {
                item_id: item_id.into(),
                x_request_id,
                authentik_session: None,
                r#move: None,
            },
        }
    }

    /// `POST /items/{item.id}/` (`update-item`).
    pub fn update_item(
        self,
        item_id: impl Into<String>,
        body: &'a crate::models::Form,
    ) -> UpdateItem<'a> {
        UpdateItem {
            client: self.client,
            params: crate::params::UpdateItemParams {
                item_id: item_id.into(),
            },
            body,
        }
    }
}

/// Request builder for `get item`; from [`get_item`](ItemsApi::get_item).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct GetItem<'a> {
    client: &'a super::Client,
    params: crate::params::GetItemParams,
}

impl<'a> GetItem<'a> {
    /// Sets the cookie parameter `authentik_session`.
    pub fn authentik_session(mut self, value: impl Into<String>) -> Self {
        self.params.authentik_session = Some(value.into());
        self
    }

    /// Sets the query parameter `move`.
    pub fn r#move(mut self, value: Vec<i64>) -> Self {
        self.params.r#move = Some(value);
        self
    }

    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(
        self,
    ) -> super::transport::BoxFuture<'a, Result<crate::models::Merged, super::Error>> {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                200 => raw.json::<crate::models::Merged, super::ErrorBody>(),
                _ => Err(raw.api_error(super::ErrorBody::decode_problem_body)),
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
            reqwest::Method::GET,
            format!("/items/{}/", super::transport::path_segment(& self.params.item_id)),
            accept,
            &[],
        );
        call.header("X-Request-Id", &self.params.x_request_id);
        call.cookie("authentik_session", &self.params.authentik_session);
        call.query("move", &self.params.r#move, false);
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for GetItem<'a> {
    type Output = Result<crate::models::Merged, super::Error>;

    type IntoFuture = super::transport::BoxFuture<'a, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        self.send()
    }
}

/// Request builder for `update-item`; from [`update_item`](ItemsApi::update_item).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct UpdateItem<'a> {
    client: &'a super::Client,
    params: crate::params::UpdateItemParams,
    body: &'a crate::models::Form,
}

impl<'a> UpdateItem<'a> {
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
        let mut call = super::transport::Call::new(
            reqwest::Method::POST,
            format!("/items/{}/", super::transport::path_segment(& self.params.item_id)),
            accept,
            &[],
        );
        self.client.check(self.body)?;
        call.form(crate::runtime::object::Prop::prop(self.body))?;
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for UpdateItem<'a> {
    type Output = Result<(), super::Error>;

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

/// The operations tagged `blobs`.
#[cfg(feature = "blobs")]
pub mod blobs;

/// The operations tagged `items`.
#[cfg(feature = "items")]
pub mod items;

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
    /// A `Problem` body.
    #[cfg(feature = "items")]
    Problem(crate::models::Problem),
    /// The spec documents the status without a body.
    Empty,
}

/// One decoder per body kind, shared by every operation that documents it.
impl ErrorBody {
    #[cfg(feature = "items")]
    fn decode_problem_body(body: &[u8]) -> serde_json::Result<Self> {
        serde_json::from_slice(body).map(Self::Problem)
    }
}

/// Why an operation did not return its success value.
pub type Error = ClientError<ErrorBody>;

impl Client {
    /// Operations tagged `blobs`.
    #[cfg(feature = "blobs")]
    pub fn blobs(&self) -> blobs::BlobsApi<'_> {
        blobs::BlobsApi { client: self }
    }

    /// Operations tagged `items`.
    #[cfg(feature = "items")]
    pub fn items(&self) -> items::ItemsApi<'_> {
        items::ItemsApi { client: self }
    }
}

// file: src/lib.rs
//! Types for the awkward shapes (fixture) API, version 1.
//!
//! The API is served under `/api/v3`.
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
pub const BASE_PATH: &str = "/api/v3";

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
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use super::runtime::object;
use chrono::{DateTime, Utc};

pub type Anything = BTreeMap<String, serde_json::Value>;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Closed {
    pub a: Option<String>,
}

impl object::Prop for Closed {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

impl Serialize for Closed {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([self.a.is_some()]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("Closed", written),
        );
        object.optional("a", &self.a);
        object.end()
    }
}

impl<'de> Deserialize<'de> for Closed {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

impl object::FromObject for Closed {
    const NAME: &'static str = "Closed";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut a = None;
        let mut properties = object::Properties::new(&["a"]);
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read(&mut map, &mut a),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self { a })
    }
}

pub type Counts = BTreeMap<String, i64>;

/// Schema `Double--Dash` in the spec.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DoubleDash {
    pub idp_provisioned: Option<bool>,
}

impl object::Prop for DoubleDash {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

impl Serialize for DoubleDash {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([self.idp_provisioned.is_some()]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("DoubleDash", written),
        );
        object.optional("idp:provisioned", &self.idp_provisioned);
        object.end()
    }
}

impl<'de> Deserialize<'de> for DoubleDash {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

impl object::FromObject for DoubleDash {
    const NAME: &'static str = "DoubleDash";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut idp_provisioned = None;
        let mut properties = object::Properties::new(&["idp:provisioned"]);
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => {
                    object::read(&mut map, &mut idp_provisioned)
                }
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self { idp_provisioned })
    }
}

#[cfg(feature = "items")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Form {
    /// Constraints: format `markdown`.
    pub title: Option<String>,
    pub priority: Option<Priority>,
}

#[cfg(feature = "items")]
impl object::Prop for Form {
    #[inline]
    fn fields<'a>(&'a self, out: &mut object::Out<'a>) {
        out.list(
            "Form",
            &["title", "priority"],
            &[object::optional(&self.title), object::optional(&self.priority)],
            None,
        )
    }
}

#[cfg(feature = "items")]
impl Serialize for Form {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([self.title.is_some(), self.priority.is_some()]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("Form", written),
        );
        object.optional("title", &self.title);
        object.optional("priority", &self.priority);
        object.end()
    }
}

#[cfg(feature = "items")]
impl<'de> Deserialize<'de> for Form {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

#[cfg(feature = "items")]
impl object::FromObject for Form {
    const NAME: &'static str = "Form";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut title = None;
        let mut priority = None;
        let mut properties = object::Properties::new(&["title", "priority"]);
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read(&mut map, &mut title),
                object::Property::Known(1) => object::read(&mut map, &mut priority),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self { title, priority })
    }
}

pub type Grid = Vec<Vec<f64>>;

/// allOf over two objects and an inline one.
#[cfg(feature = "items")]
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    /// Constraints: at most 10 characters.
    pub name: String,
    pub created: DateTime<Utc>,
    pub r#static: Option<bool>,
    pub r#ref: Option<String>,
}

#[cfg(feature = "items")]
impl object::Prop for Merged {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

#[cfg(feature = "items")]
impl Serialize for Merged {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([
            true,
            true,
            self.r#static.is_some(),
            self.r#ref.is_some(),
        ]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("Merged", written),
        );
        object.field("name", &self.name);
        object.field("created", &self.created);
        object.optional("static", &self.r#static);
        object.optional("ref", &self.r#ref);
        object.end()
    }
}

#[cfg(feature = "items")]
impl<'de> Deserialize<'de> for Merged {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

#[cfg(feature = "items")]
impl object::FromObject for Merged {
    const NAME: &'static str = "Merged";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut name = None;
        let mut created = None;
        let mut r#static = None;
        let mut r#ref = None;
        let mut properties = object::Properties::new(
            &["name", "created", "static", "ref"],
        );
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read_some(&mut map, &mut name),
                object::Property::Known(1) => object::read_some(&mut map, &mut created),
                object::Property::Known(2) => object::read(&mut map, &mut r#static),
                object::Property::Known(3) => object::read(&mut map, &mut r#ref),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self {
            name: object::required(name, "name")?,
            created: object::required(created, "created")?,
            r#static,
            r#ref,
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Named {
    /// Constraints: at most 10 characters.
    pub name: String,
}

impl object::Prop for Named {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

impl Serialize for Named {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([true]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("Named", written),
        );
        object.field("name", &self.name);
        object.end()
    }
}

impl<'de> Deserialize<'de> for Named {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

impl object::FromObject for Named {
    const NAME: &'static str = "Named";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut name = None;
        let mut properties = object::Properties::new(&["name"]);
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read_some(&mut map, &mut name),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self {
            name: object::required(name, "name")?,
        })
    }
}

/// Schema `Odd.Values` in the spec.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum OddValues {
    /// `-1`
    V1,
    /// `-`
    Empty,
    /// `a b`
    AB,
    /// `a/b`
    AB2,
    /// `a/b `
    AB3,
    /// `x`
    X,
    /// A value this version of the API does not list; kept as sent.
    Unknown(String),
}

impl OddValues {
    /// The value as it appears on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::V1 => "-1",
            Self::Empty => "-",
            Self::AB => "a b",
            Self::AB2 => "a/b",
            Self::AB3 => "a/b ",
            Self::X => "x",
            Self::Unknown(value) => value,
        }
    }
}

impl From<&str> for OddValues {
    fn from(value: &str) -> Self {
        match value {
            "-1" => Self::V1,
            "-" => Self::Empty,
            "a b" => Self::AB,
            "a/b" => Self::AB2,
            "a/b " => Self::AB3,
            "x" => Self::X,
            other => Self::Unknown(other.to_owned()),
        }
    }
}

impl std::fmt::Display for OddValues {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for OddValues {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl object::Prop for OddValues {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for OddValues {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        super::runtime::deserialize_open_enum(deserializer)
    }
}

#[cfg(feature = "items")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "i64", into = "i64")]
pub enum Priority {
    V0,
    V1,
    V2,
    V10,
    /// A value this version of the API does not list; kept as sent.
    Unknown(i64),
}

#[cfg(feature = "items")]
impl From<i64> for Priority {
    fn from(value: i64) -> Self {
        match value {
            0 => Self::V0,
            1 => Self::V1,
            2 => Self::V2,
            10 => Self::V10,
            other => Self::Unknown(other),
        }
    }
}

#[cfg(feature = "items")]
impl From<Priority> for i64 {
    fn from(value: Priority) -> i64 {
        match value {
            Priority::V0 => 0,
            Priority::V1 => 1,
            Priority::V2 => 2,
            Priority::V10 => 10,
            Priority::Unknown(other) => other,
        }
    }
}

#[cfg(feature = "items")]
impl object::Prop for Priority {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::I64(i64::from(*self))
    }
}

#[cfg(feature = "items")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Problem {
    pub detail: Option<String>,
    pub code: Option<ProblemCode>,
}

#[cfg(feature = "items")]
impl object::Prop for Problem {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

#[cfg(feature = "items")]
impl Serialize for Problem {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([self.detail.is_some(), self.code.is_some()]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("Problem", written),
        );
        object.optional("detail", &self.detail);
        object.optional("code", &self.code);
        object.end()
    }
}

#[cfg(feature = "items")]
impl<'de> Deserialize<'de> for Problem {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

#[cfg(feature = "items")]
impl object::FromObject for Problem {
    const NAME: &'static str = "Problem";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut detail = None;
        let mut code = None;
        let mut properties = object::Properties::new(&["detail", "code"]);
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read(&mut map, &mut detail),
                object::Property::Known(1) => object::read(&mut map, &mut code),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self { detail, code })
    }
}

#[cfg(feature = "items")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ProblemCode {
    String(String),
    Int64(i64),
}

#[cfg(feature = "items")]
impl object::Prop for ProblemCode {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

/// Schema `Strict.Name` in the spec.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StrictName {
    pub value: Option<String>,
}

impl object::Prop for StrictName {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

impl Serialize for StrictName {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([self.value.is_some()]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("StrictName", written),
        );
        object.optional("value", &self.value);
        object.end()
    }
}

impl<'de> Deserialize<'de> for StrictName {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

impl object::FromObject for StrictName {
    const NAME: &'static str = "StrictName";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut value = None;
        let mut properties = object::Properties::new(&["value"]);
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read(&mut map, &mut value),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self { value })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Timestamped {
    pub created: DateTime<Utc>,
}

impl object::Prop for Timestamped {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

impl Serialize for Timestamped {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([true]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("Timestamped", written),
        );
        object.field("created", &self.created);
        object.end()
    }
}

impl<'de> Deserialize<'de> for Timestamped {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

impl object::FromObject for Timestamped {
    const NAME: &'static str = "Timestamped";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut created = None;
        let mut properties = object::Properties::new(&["created"]);
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read_some(&mut map, &mut created),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self {
            created: object::required(created, "created")?,
        })
    }
}

/// The spec names of the component schemas the enabled features compile, sorted.
pub const SCHEMA_NAMES: &[&str] = &[
    "Anything",
    "Closed",
    "Counts",
    "Double--Dash",
    #[cfg(feature = "items")]
    "Form",
    "Grid",
    #[cfg(feature = "items")]
    "Merged",
    "Named",
    "Odd.Values",
    #[cfg(feature = "items")]
    "Priority",
    #[cfg(feature = "items")]
    "Problem",
    "Strict.Name",
    "Timestamped",
];

/// Calls `visitor` with the type generated for the component schema `name`;
/// `None` when the spec has no such schema (or the config replaced it).
pub fn visit_schema<V: super::runtime::SchemaVisitor>(
    name: &str,
    visitor: V,
) -> Option<V::Output> {
    match name {
        "Anything" => Some(visitor.visit::<Anything>()),
        "Closed" => Some(visitor.visit::<Closed>()),
        "Counts" => Some(visitor.visit::<Counts>()),
        "Double--Dash" => Some(visitor.visit::<DoubleDash>()),
        #[cfg(feature = "items")]
        "Form" => Some(visitor.visit::<Form>()),
        "Grid" => Some(visitor.visit::<Grid>()),
        #[cfg(feature = "items")]
        "Merged" => Some(visitor.visit::<Merged>()),
        "Named" => Some(visitor.visit::<Named>()),
        "Odd.Values" => Some(visitor.visit::<OddValues>()),
        #[cfg(feature = "items")]
        "Priority" => Some(visitor.visit::<Priority>()),
        #[cfg(feature = "items")]
        "Problem" => Some(visitor.visit::<Problem>()),
        "Strict.Name" => Some(visitor.visit::<StrictName>()),
        "Timestamped" => Some(visitor.visit::<Timestamped>()),
        _ => {
            let _ = visitor;
            None
        }
    }
}

// file: src/params.rs
//! The parameters of each operation that has any, as one struct per operation.
#[cfg(feature = "items")]
use uuid::Uuid;

/// Parameters of `get item` (GET `/items/{item.id}/`).
#[cfg(feature = "items")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "server", derive(serde::Deserialize))]
pub struct GetItemParams {
    #[cfg_attr(feature = "server", serde(rename = "item.id"))]
    pub item_id: String,
    #[cfg_attr(feature = "server", serde(rename = "X-Request-Id"))]
    pub x_request_id: Uuid,
    #[cfg_attr(feature = "server", serde(default))]
    pub authentik_session: Option<String>,
    #[cfg_attr(feature = "server", serde(default))]
    pub r#move: Option<Vec<i64>>,
}

/// Parameters of `update-item` (POST `/items/{item.id}/`).
#[cfg(feature = "items")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "server", derive(serde::Deserialize))]
pub struct UpdateItemParams {
    #[cfg_attr(feature = "server", serde(rename = "item.id"))]
    pub item_id: String,
}

// file: src/server/blobs.rs
use std::sync::Arc;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use super::support::{self, App, BoxFuture};
use super::{Authenticate, Operation, ServerError};

/// The operations tagged `blobs`. Each method has a default answering 501; implement the ones you serve.
pub trait Blobs: Authenticate {
    /// `PUT /blobs/` (`put/blobs/`).
    ///
    /// No authentication.
    ///
    /// The body arrives as `application/octet-stream`, already validated.
    fn put_blobs(
        &self,
        body: axum::body::Bytes,
    ) -> impl Future<Output = Result<PutBlobsResponse, ServerError>> + Send {
        let _ = body;
        async { Err(ServerError::not_implemented("put/blobs/")) }
    }
}

/// The tag's operations, for [`super::RouterBuilder`].
pub(super) fn routes<S: Blobs>() -> Vec<support::Route<S>> {
    Vec::from([
        ("/blobs/", axum::http::Method::PUT, put_blobs::<S> as support::Handler<S>),
    ])
}

/// `put/blobs/`: how requests to it are read.
pub static PUT_BLOBS: Operation = Operation {
    id: "put/blobs/",
    method: "PUT",
    path: "/blobs/",
    security: &[],
    params: &[],
};

/// The responses `put/blobs/` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum PutBlobsResponse {
    /// 200: The stored blob
    Ok(axum::body::Bytes),
}

impl IntoResponse for PutBlobsResponse {
    fn into_response(self) -> Response {
        match self {
            Self::Ok(body) => {
                support::raw(StatusCode::OK, "application/octet-stream", body)
            }
        }
    }
}

pub(super) fn put_blobs<S: super::Blobs>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::public(
        app,
        request,
        &PUT_BLOBS,
        |app, input| async move {
            let body = input.bytes().await?;
            <S as super::Blobs>::put_blobs(&app.server, body).await
        },
    )
}

// file: src/server/items.rs
use std::sync::Arc;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use super::support::{self, App, BoxFuture};
use super::{Authenticate, Operation, ServerError};

/// The operations tagged `items`. Each method has a default answering 501; implement the ones you serve.
pub trait Items: Authenticate {
    /// `GET /items/{item.id}/` (`get item`).
    ///
    /// No authentication.
    fn get_item(
        &self,
        params: crate::params::GetItemParams,
    ) -> impl Future<Output = Result<GetItemResponse, ServerError>> + Send {
        let _ = params;
        async { Err(ServerError::not_implemented("get item")) }
    }

    /// `POST /items/{item.id}/` (`update-item`).
    ///
    /// No authentication.
    ///
    /// The body arrives as `application/x-www-form-urlencoded`, already validated.
    fn update_item(
        &self,
        params: crate::params::UpdateItemParams,
        body: crate::models::Form,
    ) -> impl Future<Output = Result<UpdateItemResponse, ServerError>> + Send {
        let _ = (params, body);
        async { Err(ServerError::not_implemented("update-item")) }
    }
}

/// The tag's operations, for [`super::RouterBuilder`].
pub(super) fn routes<S: Items>() -> Vec<support::Route<S>> {
    Vec::from([
        ("/items/{p0}/", axum::http::Method::GET, get_item::<S> as support::Handler<S>),
        (
            "/items/{p0}/",
            axum::http::Method::POST,
            update_item::<S> as support::Handler<S>,
        ),
    ])
}

/// `get item`: how requests to it are read.
pub static GET_ITEM: Operation = Operation {
    id: "get item",
    method: "GET",
    path: "/items/{item.id}/",
    security: &[],
    params: &[
        support::Param::path("item.id", support::Shape::String),
        support::Param::header("X-Request-Id", support::Shape::String).required(),
        support::Param::cookie("authentik_session", support::Shape::String),
        support::Param::query("move", support::Shape::Array(&support::Shape::Integer))
            .explode(false),
    ],
};

/// The responses `get item` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum GetItemResponse {
    /// 200.
    Ok(crate::models::Merged),
    /// Any other status: Anything else
    Default(StatusCode, crate::models::Problem),
}

impl IntoResponse for GetItemResponse {
    fn into_response(self) -> Response {
        match self {
            Self::Ok(body) => support::json(StatusCode::OK, &body),
            Self::Default(status, body) => support::json(status, &body),
        }
    }
}

pub(super) fn get_item<S: super::Items>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::public(
        app,
        request,
        &GET_ITEM,
        |app, input| async move {
            let params = input.params()?;
            <S as super::Items>::get_item(&app.server, params).await
        },
    )
}

/// `update-item`: how requests to it are read.
pub static UPDATE_ITEM: Operation = Operation {
    id: "update-item",
    method: "POST",
    path: "/items/{item.id}/",
    security: &[],
    params: &[support::Param::path("item.id", support::Shape::String)],
};

/// The responses `update-item` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum UpdateItemResponse {
    /// 204: No content
    NoContent,
}

impl IntoResponse for UpdateItemResponse {
    fn into_response(self) -> Response {
        match self {
            Self::NoContent => support::empty(StatusCode::NO_CONTENT),
        }
    }
}

pub(super) fn update_item<S: super::Items>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::public(
        app,
        request,
        &UPDATE_ITEM,
        |app, input| async move {
            let params = input.params()?;
            let body = input
                .form(
                    &[
                        ("title", support::Shape::String),
                        ("priority", support::Shape::Integer),
                    ],
                    &[],
                )
                .await?;
            <S as super::Items>::update_item(&app.server, params, body).await
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

/// The operations tagged `blobs`: the [`Blobs`] trait and its response types.
#[cfg(feature = "blobs")]
pub mod blobs;

/// The operations tagged `items`: the [`Items`] trait and its response types.
#[cfg(feature = "items")]
pub mod items;

pub use support::{
    serve, Authenticate, BoxError, Credential, Operation, ServeConfig, ServerConfig,
    ServerError,
};

#[cfg(feature = "blobs")]
pub use self::blobs::Blobs;

#[cfg(feature = "items")]
pub use self::items::Items;

/// The trait of every tag whose feature is on: what [`router`] needs. Implemented for any type that implements them all; give an empty `impl` for a tag you do not serve, and its operations answer 501.
pub trait Api: Authenticate + enabled::Blobs + enabled::Items {}

impl<T: Authenticate + enabled::Blobs + enabled::Items> Api for T {}

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
    #[cfg(feature = "blobs")]
    let builder = builder.blobs();
    #[cfg(feature = "items")]
    let builder = builder.items();
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

    /// Adds the operations tagged `blobs`.
    #[cfg(feature = "blobs")]
    pub fn blobs(self) -> Self
    where
        S: Blobs,
    {
        RouterBuilder {
            routes: self.routes.mount(blobs::routes::<S>()),
        }
    }

    /// Adds the operations tagged `items`.
    #[cfg(feature = "items")]
    pub fn items(self) -> Self
    where
        S: Items,
    {
        RouterBuilder {
            routes: self.routes.mount(items::routes::<S>()),
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
    #[cfg(feature = "blobs")]
    pub use super::Blobs;
    #[cfg(not(feature = "blobs"))]
    pub trait Blobs {}
    #[cfg(not(feature = "blobs"))]
    impl<T: ?Sized> Blobs for T {}
    #[cfg(feature = "items")]
    pub use super::Items;
    #[cfg(not(feature = "items"))]
    pub trait Items {}
    #[cfg(not(feature = "items"))]
    impl<T: ?Sized> Items for T {}
}

// file: src/validate.rs
//! `Validate` for every model: the constraints the spec states, as code.
use super::models;

#[cfg(feature = "items")]
use super::params;
use super::validation::Validate;
use super::validation::Validator;

impl Validate for models::Closed {}

impl Validate for models::DoubleDash {}

#[cfg(feature = "items")]
impl Validate for models::Form {
    fn validate_into(&self, v: &mut Validator) {
        if let Some(value) = &self.priority {
            v.field("priority").nested(value);
        }
    }
}

#[cfg(feature = "items")]
impl Validate for models::Merged {
    fn validate_into(&self, v: &mut Validator) {
        v.field("name").max_length(&self.name, 10);
    }
}

impl Validate for models::Named {
    fn validate_into(&self, v: &mut Validator) {
        v.field("name").max_length(&self.name, 10);
    }
}

impl Validate for models::OddValues {
    fn validate_into(&self, v: &mut Validator) {
        if let Self::Unknown(value) = self {
            v.unknown_value(value, &["-1", "-", "a b", "a/b", "a/b ", "x"]);
        }
    }
}

#[cfg(feature = "items")]
impl Validate for models::Priority {
    fn validate_into(&self, v: &mut Validator) {
        if let Self::Unknown(value) = self {
            v.unknown_value(value, &["0", "1", "2", "10"]);
        }
    }
}

#[cfg(feature = "items")]
impl Validate for models::Problem {}

#[cfg(feature = "items")]
impl Validate for models::ProblemCode {}

impl Validate for models::StrictName {}

impl Validate for models::Timestamped {}

#[cfg(feature = "items")]
impl Validate for params::GetItemParams {}

#[cfg(feature = "items")]
impl Validate for params::UpdateItemParams {}
