// Expected output for specs/fixtures/json-schema.yml; see generator/tests/snapshots.rs.

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

// file: src/client/accounts.rs
/// Operations tagged `accounts`; from [`Client::accounts`](super::Client::accounts).
#[derive(Debug, Clone, Copy)]
pub struct AccountsApi<'a> {
    pub(super) client: &'a super::Client,
}

impl<'a> AccountsApi<'a> {
    /// `GET /accounts/{id}/` (`accounts_retrieve`).
    pub fn retrieve(self, id2: impl Into<String>) -> Retrieve<'a> {
        Retrieve {
            client: self.client,
            params: crate::params::AccountsRetrieveParams {
                id2: id2.into(),
                id: None,
                fields: None,
            },
        }
    }

    /// `POST /accounts/{id}/` (`accounts_login`).
    pub fn login(
        self,
        id: impl Into<String>,
        body: &'a crate::models::Login,
    ) -> Login<'a> {
        Login {
            client: self.client,
            params: crate::params::AccountsLoginParams {
                id: id.into(),
            },
            body,
        }
    }
}

/// Request builder for `accounts_retrieve`; from [`retrieve`](AccountsApi::retrieve).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct Retrieve<'a> {
    client: &'a super::Client,
    params: crate::params::AccountsRetrieveParams,
}

impl<'a> Retrieve<'a> {
    /// Sets the query parameter `id`.
    pub fn id(mut self, value: i64) -> Self {
        self.params.id = Some(value);
        self
    }

    /// Sets the query parameter `fields`.
    pub fn fields(mut self, value: Vec<String>) -> Self {
        self.params.fields = Some(value);
        self
    }

    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(
        self,
    ) -> super::transport::BoxFuture<'a, Result<crate::models::Account, super::Error>> {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                200 => raw.json::<crate::models::Account, super::ErrorBody>(),
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
            reqwest::Method::GET,
            format!("/accounts/{}/", super::transport::path_segment(& self.params.id2)),
            accept,
            &[],
        );
        call.query("id", &self.params.id, true);
        call.query("fields", &self.params.fields, true);
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for Retrieve<'a> {
    type Output = Result<crate::models::Account, super::Error>;

    type IntoFuture = super::transport::BoxFuture<'a, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        self.send()
    }
}

/// Request builder for `accounts_login`; from [`login`](AccountsApi::login).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct Login<'a> {
    client: &'a super::Client,
    params: crate::params::AccountsLoginParams,
    body: &'a crate::models::Login,
}

impl<'a> Login<'a> {
    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(
        self,
    ) -> super::transport::BoxFuture<'a, Result<crate::models::Event, super::Error>> {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                200 => raw.json::<crate::models::Event, super::ErrorBody>(),
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
            format!("/accounts/{}/", super::transport::path_segment(& self.params.id)),
            accept,
            &[],
        );
        self.client.check(self.body)?;
        call.json(crate::runtime::object::Prop::prop(self.body))?;
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for Login<'a> {
    type Output = Result<crate::models::Event, super::Error>;

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

/// The operations tagged `accounts`.
#[cfg(feature = "accounts")]
pub mod accounts;

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
    /// Operations tagged `accounts`.
    #[cfg(feature = "accounts")]
    pub fn accounts(&self) -> accounts::AccountsApi<'_> {
        accounts::AccountsApi {
            client: self,
        }
    }
}

// file: src/lib.rs
//! Types for the JSON Schema semantics (fixture) API, version 1.
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
#[cfg(feature = "accounts")]
use serde::{Deserialize, Serialize};

#[cfg(feature = "accounts")]
use super::runtime::Nullable;

#[cfg(feature = "accounts")]
use super::runtime::object;

#[cfg(feature = "accounts")]
use super::runtime::tagged;

#[cfg(feature = "accounts")]
use chrono::{DateTime, Utc};

#[cfg(feature = "accounts")]
#[derive(Debug, Clone, PartialEq)]
pub struct Account {
    pub id: i64,
    /// Constraints: > 0.
    pub y: f64,
    /// Constraints: matches `^[a-z]+\-[0-9]+$`.
    pub slug: Option<String>,
    /// Who owns the account.
    pub owner: Nullable<Base>,
    /// Constraints: at most 8 characters.
    pub nickname: Nullable<String>,
    pub level: Option<AccountLevel>,
    pub color: Option<AccountColor>,
    pub label: Option<AccountLabel>,
}

#[cfg(feature = "accounts")]
impl object::Prop for Account {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

#[cfg(feature = "accounts")]
impl Serialize for Account {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([
            true,
            true,
            self.slug.is_some(),
            !self.owner.is_absent(),
            !self.nickname.is_absent(),
            self.level.is_some(),
            self.color.is_some(),
            self.label.is_some(),
        ]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("Account", written),
        );
        object.field("id", &self.id);
        object.field("y", &self.y);
        object.optional("slug", &self.slug);
        object.nullable("owner", &self.owner);
        object.nullable("nickname", &self.nickname);
        object.optional("level", &self.level);
        object.optional("color", &self.color);
        object.optional("label", &self.label);
        object.end()
    }
}

#[cfg(feature = "accounts")]
impl<'de> Deserialize<'de> for Account {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

#[cfg(feature = "accounts")]
impl object::FromObject for Account {
    const NAME: &'static str = "Account";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut id = None;
        let mut y = None;
        let mut slug = None;
        let mut owner = Nullable::Absent;
        let mut nickname = Nullable::Absent;
        let mut level = None;
        let mut color = None;
        let mut label = None;
        let mut properties = object::Properties::new(
            &["id", "y", "slug", "owner", "nickname", "level", "color", "label"],
        );
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read_some(&mut map, &mut id),
                object::Property::Known(1) => object::read_some(&mut map, &mut y),
                object::Property::Known(2) => object::read(&mut map, &mut slug),
                object::Property::Known(3) => object::read(&mut map, &mut owner),
                object::Property::Known(4) => object::read(&mut map, &mut nickname),
                object::Property::Known(5) => object::read(&mut map, &mut level),
                object::Property::Known(6) => object::read(&mut map, &mut color),
                object::Property::Known(7) => object::read(&mut map, &mut label),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self {
            id: object::required(id, "id")?,
            y: object::required(y, "y")?,
            slug,
            owner,
            nickname,
            level,
            color,
            label,
        })
    }
}

#[cfg(feature = "accounts")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum AccountColor {
    /// `red`
    Red,
    /// `green`
    Green,
    /// A value this version of the API does not list; kept as sent.
    Unknown(String),
}

#[cfg(feature = "accounts")]
impl AccountColor {
    /// The value as it appears on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Red => "red",
            Self::Green => "green",
            Self::Unknown(value) => value,
        }
    }
}

#[cfg(feature = "accounts")]
impl From<&str> for AccountColor {
    fn from(value: &str) -> Self {
        match value {
            "red" => Self::Red,
            "green" => Self::Green,
            other => Self::Unknown(other.to_owned()),
        }
    }
}

#[cfg(feature = "accounts")]
impl std::fmt::Display for AccountColor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(feature = "accounts")]
impl Serialize for AccountColor {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(feature = "accounts")]
impl object::Prop for AccountColor {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Str(self.as_str())
    }
}

#[cfg(feature = "accounts")]
impl<'de> Deserialize<'de> for AccountColor {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        super::runtime::deserialize_open_enum(deserializer)
    }
}

#[cfg(feature = "accounts")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum AccountLabel {
    String(String),
    Int64(i64),
    List(Vec<String>),
}

#[cfg(feature = "accounts")]
impl object::Prop for AccountLabel {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

#[cfg(feature = "accounts")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "i64", into = "i64")]
pub enum AccountLevel {
    V1,
    V2,
    V3,
    /// A value this version of the API does not list; kept as sent.
    Unknown(i64),
}

#[cfg(feature = "accounts")]
impl From<i64> for AccountLevel {
    fn from(value: i64) -> Self {
        match value {
            1 => Self::V1,
            2 => Self::V2,
            3 => Self::V3,
            other => Self::Unknown(other),
        }
    }
}

#[cfg(feature = "accounts")]
impl From<AccountLevel> for i64 {
    fn from(value: AccountLevel) -> i64 {
        match value {
            AccountLevel::V1 => 1,
            AccountLevel::V2 => 2,
            AccountLevel::V3 => 3,
            AccountLevel::Unknown(other) => other,
        }
    }
}

#[cfg(feature = "accounts")]
impl object::Prop for AccountLevel {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::I64(i64::from(*self))
    }
}

#[cfg(feature = "accounts")]
#[derive(Debug, Clone, PartialEq)]
pub struct Base {
    pub id: i64,
}

#[cfg(feature = "accounts")]
impl object::Prop for Base {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

#[cfg(feature = "accounts")]
impl Serialize for Base {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([true]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("Base", written),
        );
        object.field("id", &self.id);
        object.end()
    }
}

#[cfg(feature = "accounts")]
impl<'de> Deserialize<'de> for Base {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

#[cfg(feature = "accounts")]
impl object::FromObject for Base {
    const NAME: &'static str = "Base";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut id = None;
        let mut properties = object::Properties::new(&["id"]);
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read_some(&mut map, &mut id),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self {
            id: object::required(id, "id")?,
        })
    }
}

#[cfg(feature = "accounts")]
///
#[doc = concat!(
    " The variant is chosen by the `", "kind",
    "` property, which is written exactly once when serializing."
)]
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// Selected by `created`.
    EventCreated(EventCreated),
    /// Selected by `moved`.
    EventMoved(EventMoved),
    /// A `kind` this version does not list (a newer server's), kept as it came.
    Unknown(serde_json::Map<String, serde_json::Value>),
}

#[cfg(feature = "accounts")]
impl Serialize for Event {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::EventCreated(value) => {
                tagged::serialize(serializer, "kind", "created", value, true)
            }
            Self::EventMoved(value) => {
                tagged::serialize(serializer, "kind", "moved", value, true)
            }
            Self::Unknown(object) => object.serialize(serializer),
        }
    }
}

#[cfg(feature = "accounts")]
impl object::Prop for Event {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

#[cfg(feature = "accounts")]
impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        tagged::deserialize(deserializer)
    }
}

#[cfg(feature = "accounts")]
impl tagged::Union for Event {
    const PROPERTY: &'static str = "kind";

    fn variant<'de, A: serde::de::MapAccess<'de>>(
        tag: &str,
        object: tagged::Object<'de, A>,
    ) -> Result<Self, A::Error> {
        match tag {
            "created" => Deserialize::deserialize(object).map(Self::EventCreated),
            "moved" => Deserialize::deserialize(object).map(Self::EventMoved),
            _ => Deserialize::deserialize(object).map(Self::Unknown),
        }
    }
}

#[cfg(feature = "accounts")]
#[derive(Debug, Clone, PartialEq)]
pub struct EventCreated {
    pub kind: EventCreatedKind,
    pub at: DateTime<Utc>,
}

#[cfg(feature = "accounts")]
impl object::Prop for EventCreated {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

#[cfg(feature = "accounts")]
impl Serialize for EventCreated {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([true, true]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("EventCreated", written),
        );
        object.field("kind", &self.kind);
        object.field("at", &self.at);
        object.end()
    }
}

#[cfg(feature = "accounts")]
impl<'de> Deserialize<'de> for EventCreated {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

#[cfg(feature = "accounts")]
impl object::FromObject for EventCreated {
    const NAME: &'static str = "EventCreated";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut kind = None;
        let mut at = None;
        let mut properties = object::Properties::new(&["kind", "at"]);
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read_some(&mut map, &mut kind),
                object::Property::Known(1) => object::read_some(&mut map, &mut at),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self {
            kind: object::required(kind, "kind")?,
            at: object::required(at, "at")?,
        })
    }
}

#[cfg(feature = "accounts")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum EventCreatedKind {
    /// `created`
    Created,
    /// A value this version of the API does not list; kept as sent.
    Unknown(String),
}

#[cfg(feature = "accounts")]
impl EventCreatedKind {
    /// The value as it appears on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Created => "created",
            Self::Unknown(value) => value,
        }
    }
}

#[cfg(feature = "accounts")]
impl From<&str> for EventCreatedKind {
    fn from(value: &str) -> Self {
        match value {
            "created" => Self::Created,
            other => Self::Unknown(other.to_owned()),
        }
    }
}

#[cfg(feature = "accounts")]
impl std::fmt::Display for EventCreatedKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(feature = "accounts")]
impl Serialize for EventCreatedKind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(feature = "accounts")]
impl object::Prop for EventCreatedKind {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Str(self.as_str())
    }
}

#[cfg(feature = "accounts")]
impl<'de> Deserialize<'de> for EventCreatedKind {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        super::runtime::deserialize_open_enum(deserializer)
    }
}

#[cfg(feature = "accounts")]
#[derive(Debug, Clone, PartialEq)]
pub struct EventMoved {
    pub kind: EventMovedKind,
    pub to: Point,
}

#[cfg(feature = "accounts")]
impl object::Prop for EventMoved {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

#[cfg(feature = "accounts")]
impl Serialize for EventMoved {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([true, true]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("EventMoved", written),
        );
        object.field("kind", &self.kind);
        object.field("to", &self.to);
        object.end()
    }
}

#[cfg(feature = "accounts")]
impl<'de> Deserialize<'de> for EventMoved {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

#[cfg(feature = "accounts")]
impl object::FromObject for EventMoved {
    const NAME: &'static str = "EventMoved";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut kind = None;
        let mut to = None;
        let mut properties = object::Properties::new(&["kind", "to"]);
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read_some(&mut map, &mut kind),
                object::Property::Known(1) => object::read_some(&mut map, &mut to),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self {
            kind: object::required(kind, "kind")?,
            to: object::required(to, "to")?,
        })
    }
}

#[cfg(feature = "accounts")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum EventMovedKind {
    /// `moved`
    Moved,
    /// A value this version of the API does not list; kept as sent.
    Unknown(String),
}

#[cfg(feature = "accounts")]
impl EventMovedKind {
    /// The value as it appears on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Moved => "moved",
            Self::Unknown(value) => value,
        }
    }
}

#[cfg(feature = "accounts")]
impl From<&str> for EventMovedKind {
    fn from(value: &str) -> Self {
        match value {
            "moved" => Self::Moved,
            other => Self::Unknown(other.to_owned()),
        }
    }
}

#[cfg(feature = "accounts")]
impl std::fmt::Display for EventMovedKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(feature = "accounts")]
impl Serialize for EventMovedKind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(feature = "accounts")]
impl object::Prop for EventMovedKind {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Str(self.as_str())
    }
}

#[cfg(feature = "accounts")]
impl<'de> Deserialize<'de> for EventMovedKind {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        super::runtime::deserialize_open_enum(deserializer)
    }
}

#[cfg(feature = "accounts")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Login {
    Variant1(LoginVariant1),
    Variant2(LoginVariant2),
}

#[cfg(feature = "accounts")]
impl object::Prop for Login {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

#[cfg(feature = "accounts")]
#[derive(Debug, Clone, PartialEq)]
pub struct LoginVariant1 {
    /// Constraints: at least 8 characters.
    pub password: String,
    pub username: String,
}

#[cfg(feature = "accounts")]
impl object::Prop for LoginVariant1 {
    #[inline]
    fn fields<'a>(&'a self, out: &mut object::Out<'a>) {
        out.list(
            "LoginVariant1",
            &["password", "username"],
            &[object::value(&self.password), object::value(&self.username)],
            None,
        )
    }
}

#[cfg(feature = "accounts")]
impl Serialize for LoginVariant1 {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([true, true]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("LoginVariant1", written),
        );
        object.field("password", &self.password);
        object.field("username", &self.username);
        object.end()
    }
}

#[cfg(feature = "accounts")]
impl<'de> Deserialize<'de> for LoginVariant1 {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

#[cfg(feature = "accounts")]
impl object::FromObject for LoginVariant1 {
    const NAME: &'static str = "LoginVariant1";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut password = None;
        let mut username = None;
        let mut properties = object::Properties::new(&["password", "username"]);
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read_some(&mut map, &mut password),
                object::Property::Known(1) => object::read_some(&mut map, &mut username),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self {
            password: object::required(password, "password")?,
            username: object::required(username, "username")?,
        })
    }
}

#[cfg(feature = "accounts")]
#[derive(Debug, Clone, PartialEq)]
pub struct LoginVariant2 {
    /// Constraints: at least 8 characters.
    pub password: String,
    /// Constraints: format `email`.
    pub email: String,
}

#[cfg(feature = "accounts")]
impl object::Prop for LoginVariant2 {
    #[inline]
    fn fields<'a>(&'a self, out: &mut object::Out<'a>) {
        out.list(
            "LoginVariant2",
            &["password", "email"],
            &[object::value(&self.password), object::value(&self.email)],
            None,
        )
    }
}

#[cfg(feature = "accounts")]
impl Serialize for LoginVariant2 {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([true, true]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("LoginVariant2", written),
        );
        object.field("password", &self.password);
        object.field("email", &self.email);
        object.end()
    }
}

#[cfg(feature = "accounts")]
impl<'de> Deserialize<'de> for LoginVariant2 {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

#[cfg(feature = "accounts")]
impl object::FromObject for LoginVariant2 {
    const NAME: &'static str = "LoginVariant2";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut password = None;
        let mut email = None;
        let mut properties = object::Properties::new(&["password", "email"]);
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read_some(&mut map, &mut password),
                object::Property::Known(1) => object::read_some(&mut map, &mut email),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self {
            password: object::required(password, "password")?,
            email: object::required(email, "email")?,
        })
    }
}

#[cfg(feature = "accounts")]
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

#[cfg(feature = "accounts")]
impl object::Prop for Point {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

#[cfg(feature = "accounts")]
impl Serialize for Point {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([true, true]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("Point", written),
        );
        object.field("x", &self.x);
        object.field("y", &self.y);
        object.end()
    }
}

#[cfg(feature = "accounts")]
impl<'de> Deserialize<'de> for Point {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

#[cfg(feature = "accounts")]
impl object::FromObject for Point {
    const NAME: &'static str = "Point";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut x = None;
        let mut y = None;
        let mut properties = object::Properties::new(&["x", "y"]);
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read_some(&mut map, &mut x),
                object::Property::Known(1) => object::read_some(&mut map, &mut y),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self {
            x: object::required(x, "x")?,
            y: object::required(y, "y")?,
        })
    }
}

/// The spec names of the component schemas the enabled features compile, sorted.
pub const SCHEMA_NAMES: &[&str] = &[
    #[cfg(feature = "accounts")]
    "Account",
    #[cfg(feature = "accounts")]
    "Base",
    #[cfg(feature = "accounts")]
    "Event",
    #[cfg(feature = "accounts")]
    "Login",
    #[cfg(feature = "accounts")]
    "Point",
];

/// Calls `visitor` with the type generated for the component schema `name`;
/// `None` when the spec has no such schema (or the config replaced it).
pub fn visit_schema<V: super::runtime::SchemaVisitor>(
    name: &str,
    visitor: V,
) -> Option<V::Output> {
    match name {
        #[cfg(feature = "accounts")]
        "Account" => Some(visitor.visit::<Account>()),
        #[cfg(feature = "accounts")]
        "Base" => Some(visitor.visit::<Base>()),
        #[cfg(feature = "accounts")]
        "Event" => Some(visitor.visit::<Event>()),
        #[cfg(feature = "accounts")]
        "Login" => Some(visitor.visit::<Login>()),
        #[cfg(feature = "accounts")]
        "Point" => Some(visitor.visit::<Point>()),
        _ => {
            let _ = visitor;
            None
        }
    }
}

// file: src/params.rs
//! The parameters of each operation that has any, as one struct per operation.
/// Parameters of `accounts_retrieve` (GET `/accounts/{id}/`).
#[cfg(feature = "accounts")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "server", derive(serde::Deserialize))]
pub struct AccountsRetrieveParams {
    #[cfg_attr(feature = "server", serde(rename = "query:id", default))]
    pub id: Option<i64>,
    #[cfg_attr(feature = "server", serde(default))]
    pub fields: Option<Vec<String>>,
    #[cfg_attr(feature = "server", serde(rename = "path:id"))]
    pub id2: String,
}

/// Parameters of `accounts_login` (POST `/accounts/{id}/`).
#[cfg(feature = "accounts")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "server", derive(serde::Deserialize))]
pub struct AccountsLoginParams {
    pub id: String,
}

// file: src/server/accounts.rs
use std::sync::Arc;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use super::support::{self, App, BoxFuture};
use super::{Authenticate, Operation, ServerError};

/// The operations tagged `accounts`. Each method has a default answering 501; implement the ones you serve.
pub trait Accounts: Authenticate {
    /// `GET /accounts/{id}/` (`accounts_retrieve`).
    ///
    /// No authentication.
    fn retrieve(
        &self,
        params: crate::params::AccountsRetrieveParams,
    ) -> impl Future<Output = Result<RetrieveResponse, ServerError>> + Send {
        let _ = params;
        async { Err(ServerError::not_implemented("accounts_retrieve")) }
    }

    /// `POST /accounts/{id}/` (`accounts_login`).
    ///
    /// No authentication.
    ///
    /// The body arrives as `application/json`, already validated.
    fn login(
        &self,
        params: crate::params::AccountsLoginParams,
        body: crate::models::Login,
    ) -> impl Future<Output = Result<LoginResponse, ServerError>> + Send {
        let _ = (params, body);
        async { Err(ServerError::not_implemented("accounts_login")) }
    }
}

/// The tag's operations, for [`super::RouterBuilder`].
pub(super) fn routes<S: Accounts>() -> Vec<support::Route<S>> {
    Vec::from([
        (
            "/accounts/{p0}/",
            axum::http::Method::GET,
            retrieve::<S> as support::Handler<S>,
        ),
        ("/accounts/{p0}/", axum::http::Method::POST, login::<S> as support::Handler<S>),
    ])
}

/// `accounts_retrieve`: how requests to it are read.
pub static RETRIEVE: Operation = Operation {
    id: "accounts_retrieve",
    method: "GET",
    path: "/accounts/{id}/",
    security: &[],
    params: &[
        support::Param::path("id", support::Shape::String).key("path:id"),
        support::Param::query("id", support::Shape::Integer).key("query:id"),
        support::Param::query("fields", support::Shape::Array(&support::Shape::String)),
    ],
};

/// The responses `accounts_retrieve` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum RetrieveResponse {
    /// 200.
    Ok(crate::models::Account),
}

impl IntoResponse for RetrieveResponse {
    fn into_response(self) -> Response {
        match self {
            Self::Ok(body) => support::json(StatusCode::OK, &body),
        }
    }
}

pub(super) fn retrieve<S: super::Accounts>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::public(
        app,
        request,
        &RETRIEVE,
        |app, input| async move {
            let params = input.params()?;
            <S as super::Accounts>::retrieve(&app.server, params).await
        },
    )
}

/// `accounts_login`: how requests to it are read.
pub static LOGIN: Operation = Operation {
    id: "accounts_login",
    method: "POST",
    path: "/accounts/{id}/",
    security: &[],
    params: &[support::Param::path("id", support::Shape::String)],
};

/// The responses `accounts_login` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum LoginResponse {
    /// 200.
    Ok(crate::models::Event),
}

impl IntoResponse for LoginResponse {
    fn into_response(self) -> Response {
        match self {
            Self::Ok(body) => support::json(StatusCode::OK, &body),
        }
    }
}

pub(super) fn login<S: super::Accounts>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::public(
        app,
        request,
        &LOGIN,
        |app, input| async move {
            let params = input.params()?;
            let body = input
                .json(
                    &support::JsonBody {
                        object: false,
                        required: &[],
                        not_null: &[],
                    },
                )
                .await?;
            <S as super::Accounts>::login(&app.server, params, body).await
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

/// The operations tagged `accounts`: the [`Accounts`] trait and its response types.
#[cfg(feature = "accounts")]
pub mod accounts;

pub use support::{
    serve, Authenticate, BoxError, Credential, Operation, ServeConfig, ServerConfig,
    ServerError,
};

#[cfg(feature = "accounts")]
pub use self::accounts::Accounts;

/// The trait of every tag whose feature is on: what [`router`] needs. Implemented for any type that implements them all; give an empty `impl` for a tag you do not serve, and its operations answer 501.
pub trait Api: Authenticate + enabled::Accounts {}

impl<T: Authenticate + enabled::Accounts> Api for T {}

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
    #[cfg(feature = "accounts")]
    let builder = builder.accounts();
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

    /// Adds the operations tagged `accounts`.
    #[cfg(feature = "accounts")]
    pub fn accounts(self) -> Self
    where
        S: Accounts,
    {
        RouterBuilder {
            routes: self.routes.mount(accounts::routes::<S>()),
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
    #[cfg(feature = "accounts")]
    pub use super::Accounts;
    #[cfg(not(feature = "accounts"))]
    pub trait Accounts {}
    #[cfg(not(feature = "accounts"))]
    impl<T: ?Sized> Accounts for T {}
}

// file: src/validate.rs
//! `Validate` for every model: the constraints the spec states, as code.
#[cfg(feature = "accounts")]
use super::models;

#[cfg(feature = "accounts")]
use super::params;

#[cfg(feature = "accounts")]
use super::validation::Pattern;

#[cfg(feature = "accounts")]
use super::validation::Validate;

#[cfg(feature = "accounts")]
use super::validation::Validator;

/// `^[a-z]+\-[0-9]+$`, used by 1 property.
#[cfg(feature = "accounts")]
static PATTERN_1: Pattern = Pattern::non_unicode("^[a-z]+\\-[0-9]+$");

#[cfg(feature = "accounts")]
impl Validate for models::Account {
    fn validate_into(&self, v: &mut Validator) {
        v.field("y").minimum(self.y, 0.0, true);
        if let Some(value) = &self.slug {
            v.field("slug").pattern(value, &PATTERN_1);
        }
        if let Some(value) = self.nickname.as_ref() {
            v.field("nickname").max_length(value, 8);
        }
        if let Some(value) = &self.level {
            v.field("level").nested(value);
        }
        if let Some(value) = &self.color {
            v.field("color").nested(value);
        }
    }
}

#[cfg(feature = "accounts")]
impl Validate for models::AccountColor {
    fn validate_into(&self, v: &mut Validator) {
        if let Self::Unknown(value) = self {
            v.unknown_value(value, &["red", "green"]);
        }
    }
}

#[cfg(feature = "accounts")]
impl Validate for models::AccountLabel {}

#[cfg(feature = "accounts")]
impl Validate for models::AccountLevel {
    fn validate_into(&self, v: &mut Validator) {
        if let Self::Unknown(value) = self {
            v.unknown_value(value, &["1", "2", "3"]);
        }
    }
}

#[cfg(feature = "accounts")]
impl Validate for models::Base {}

#[cfg(feature = "accounts")]
impl Validate for models::Event {
    fn validate_into(&self, v: &mut Validator) {
        match self {
            Self::EventCreated(value) => v.nested(value),
            Self::EventMoved(value) => v.nested(value),
            Self::Unknown(object) => {
                let tag = object
                    .get("kind")
                    .and_then(|t| t.as_str())
                    .unwrap_or_default();
                v.field("kind").unknown_value(tag, &["created", "moved"]);
            }
        }
    }
}

#[cfg(feature = "accounts")]
impl Validate for models::EventCreated {
    fn validate_into(&self, v: &mut Validator) {
        v.field("kind").nested(&self.kind);
    }
}

#[cfg(feature = "accounts")]
impl Validate for models::EventCreatedKind {
    fn validate_into(&self, v: &mut Validator) {
        if let Self::Unknown(value) = self {
            v.unknown_value(value, &["created"]);
        }
    }
}

#[cfg(feature = "accounts")]
impl Validate for models::EventMoved {
    fn validate_into(&self, v: &mut Validator) {
        v.field("kind").nested(&self.kind);
    }
}

#[cfg(feature = "accounts")]
impl Validate for models::EventMovedKind {
    fn validate_into(&self, v: &mut Validator) {
        if let Self::Unknown(value) = self {
            v.unknown_value(value, &["moved"]);
        }
    }
}

#[cfg(feature = "accounts")]
impl Validate for models::Login {
    fn validate_into(&self, v: &mut Validator) {
        match self {
            Self::Variant1(value) => v.nested(value),
            Self::Variant2(value) => v.nested(value),
        }
    }
}

#[cfg(feature = "accounts")]
impl Validate for models::LoginVariant1 {
    fn validate_into(&self, v: &mut Validator) {
        v.field("password").min_length(&self.password, 8);
    }
}

#[cfg(feature = "accounts")]
impl Validate for models::LoginVariant2 {
    fn validate_into(&self, v: &mut Validator) {
        v.field("password").min_length(&self.password, 8);
        v.field("email").email(&self.email);
    }
}

#[cfg(feature = "accounts")]
impl Validate for models::Point {}

#[cfg(feature = "accounts")]
impl Validate for params::AccountsRetrieveParams {}

#[cfg(feature = "accounts")]
impl Validate for params::AccountsLoginParams {}
