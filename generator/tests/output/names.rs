// Expected output for specs/fixtures/names.yml; see generator/tests/snapshots.rs.

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

/// The operations tagged `mod`.
#[cfg(feature = "mod")]
pub mod mod_ops;

/// The operations tagged `things`.
#[cfg(feature = "things")]
pub mod things;

/// The operations tagged `type`.
#[cfg(feature = "type")]
pub mod r#type;

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
    /// Operations tagged `mod`.
    #[cfg(feature = "mod")]
    pub fn r#mod(&self) -> mod_ops::ModApi<'_> {
        mod_ops::ModApi { client: self }
    }

    /// Operations tagged `things`.
    #[cfg(feature = "things")]
    pub fn things(&self) -> things::ThingsApi<'_> {
        things::ThingsApi { client: self }
    }

    /// Operations tagged `type`.
    #[cfg(feature = "type")]
    pub fn r#type(&self) -> r#type::TypeApi<'_> {
        r#type::TypeApi { client: self }
    }
}

// file: src/client/mod_ops.rs
/// Operations tagged `mod`; from [`Client::r#mod`](super::Client::r#mod).
#[derive(Debug, Clone, Copy)]
pub struct ModApi<'a> {
    pub(super) client: &'a super::Client,
}

impl<'a> ModApi<'a> {
    /// `GET /shadows/` (`shadows_retrieve`).
    pub fn shadows_retrieve(self) -> ShadowsRetrieve<'a> {
        ShadowsRetrieve {
            client: self.client,
        }
    }
}

/// Request builder for `shadows_retrieve`; from [`shadows_retrieve`](ModApi::shadows_retrieve).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct ShadowsRetrieve<'a> {
    client: &'a super::Client,
}

impl<'a> ShadowsRetrieve<'a> {
    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(
        self,
    ) -> super::transport::BoxFuture<'a, Result<crate::models::Shadows, super::Error>> {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                200 => raw.json::<crate::models::Shadows, super::ErrorBody>(),
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
        let call = super::transport::Call::new(
            reqwest::Method::GET,
            "/shadows/".to_owned(),
            accept,
            &[],
        );
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for ShadowsRetrieve<'a> {
    type Output = Result<crate::models::Shadows, super::Error>;

    type IntoFuture = super::transport::BoxFuture<'a, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        self.send()
    }
}

// file: src/client/things.rs
/// Operations tagged `things`; from [`Client::things`](super::Client::things).
#[derive(Debug, Clone, Copy)]
pub struct ThingsApi<'a> {
    pub(super) client: &'a super::Client,
}

impl<'a> ThingsApi<'a> {
    /// `GET /things/{type}/` (`things_retrieve`).
    pub fn retrieve(self, r#type: impl Into<String>) -> Retrieve<'a> {
        Retrieve {
            client: self.client,
            params: crate::params::ThingsRetrieveParams {
                r#type: r#type.into(),
                self_: None,
            },
        }
    }
}

/// Request builder for `things_retrieve`; from [`retrieve`](ThingsApi::retrieve).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct Retrieve<'a> {
    client: &'a super::Client,
    params: crate::params::ThingsRetrieveParams,
}

impl<'a> Retrieve<'a> {
    /// Sets the query parameter `self`.
    pub fn self_(mut self, value: bool) -> Self {
        self.params.self_ = Some(value);
        self
    }

    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(
        self,
    ) -> super::transport::BoxFuture<'a, Result<crate::models::Tree, super::Error>> {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                200 => raw.json::<crate::models::Tree, super::ErrorBody>(),
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
            format!("/things/{}/", super::transport::path_segment(& self.params.r#type)),
            accept,
            &[],
        );
        call.query("self", &self.params.self_, true);
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for Retrieve<'a> {
    type Output = Result<crate::models::Tree, super::Error>;

    type IntoFuture = super::transport::BoxFuture<'a, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        self.send()
    }
}

// file: src/client/type.rs
/// Operations tagged `type`; from [`Client::r#type`](super::Client::r#type).
#[derive(Debug, Clone, Copy)]
pub struct TypeApi<'a> {
    pub(super) client: &'a super::Client,
}

impl<'a> TypeApi<'a> {
    /// `GET /odd/` (`odd_retrieve`).
    pub fn odd_retrieve(self) -> OddRetrieve<'a> {
        OddRetrieve { client: self.client }
    }
}

/// Request builder for `odd_retrieve`; from [`odd_retrieve`](TypeApi::odd_retrieve).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct OddRetrieve<'a> {
    client: &'a super::Client,
}

impl<'a> OddRetrieve<'a> {
    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(
        self,
    ) -> super::transport::BoxFuture<'a, Result<crate::models::Odd, super::Error>> {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                200 => raw.json::<crate::models::Odd, super::ErrorBody>(),
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
        let call = super::transport::Call::new(
            reqwest::Method::GET,
            "/odd/".to_owned(),
            accept,
            &[],
        );
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for OddRetrieve<'a> {
    type Output = Result<crate::models::Odd, super::Error>;

    type IntoFuture = super::transport::BoxFuture<'a, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        self.send()
    }
}

// file: src/lib.rs
//! Types for the awkward names (fixture) API, version 1.
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
use serde::{Deserialize, Serialize};

#[cfg(feature = "mod")]
use std::collections::BTreeMap;

#[cfg(any(feature = "mod", feature = "things"))]
use super::runtime::Nullable;
use super::runtime::object;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Kind {
    /// `a-b`
    AB,
    /// `a_b`
    AB2,
    /// `A B`
    AB3,
    /// ``
    Empty,
    /// `Self`
    SelfValue,
    /// `1st`
    V1st,
    /// A value this version of the API does not list; kept as sent.
    Unknown(String),
}

impl Kind {
    /// The value as it appears on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::AB => "a-b",
            Self::AB2 => "a_b",
            Self::AB3 => "A B",
            Self::Empty => "",
            Self::SelfValue => "Self",
            Self::V1st => "1st",
            Self::Unknown(value) => value,
        }
    }
}

impl From<&str> for Kind {
    fn from(value: &str) -> Self {
        match value {
            "a-b" => Self::AB,
            "a_b" => Self::AB2,
            "A B" => Self::AB3,
            "" => Self::Empty,
            "Self" => Self::SelfValue,
            "1st" => Self::V1st,
            other => Self::Unknown(other.to_owned()),
        }
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Kind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl object::Prop for Kind {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        super::runtime::deserialize_open_enum(deserializer)
    }
}

/// A closed object that declares no properties (through allOf, which makes it a struct without fields rather than a map).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Nothing {}

impl object::Prop for Nothing {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

impl Serialize for Nothing {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([]);
        let object = object::Writer::new(
            serializer.serialize_struct("Nothing", written),
        );
        object.end()
    }
}

impl<'de> Deserialize<'de> for Nothing {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

impl object::FromObject for Nothing {
    const NAME: &'static str = "Nothing";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        while map.next_key::<serde::de::IgnoredAny>()?.is_some() {
            map.next_value::<serde::de::IgnoredAny>()?;
        }
        Ok(Self {})
    }
}

#[cfg(feature = "type")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Odd {
    pub r#type: Option<String>,
    pub r#gen: Option<i64>,
    pub self_: Option<String>,
    pub is_global2: Option<bool>,
    pub is_global: Option<bool>,
    pub x5t_s256: Option<String>,
    pub hate_threatening: Option<f64>,
    pub n2fa: Option<bool>,
    pub value: Option<String>,
}

#[cfg(feature = "type")]
impl object::Prop for Odd {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

#[cfg(feature = "type")]
impl Serialize for Odd {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([
            self.r#type.is_some(),
            self.r#gen.is_some(),
            self.self_.is_some(),
            self.is_global2.is_some(),
            self.is_global.is_some(),
            self.x5t_s256.is_some(),
            self.hate_threatening.is_some(),
            self.n2fa.is_some(),
            self.value.is_some(),
        ]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("Odd", written),
        );
        object.optional("type", &self.r#type);
        object.optional("gen", &self.r#gen);
        object.optional("self", &self.self_);
        object.optional("isGlobal", &self.is_global2);
        object.optional("is_global", &self.is_global);
        object.optional("x5t#S256", &self.x5t_s256);
        object.optional("hate/threatening", &self.hate_threatening);
        object.optional("2fa", &self.n2fa);
        object.optional("", &self.value);
        object.end()
    }
}

#[cfg(feature = "type")]
impl<'de> Deserialize<'de> for Odd {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

#[cfg(feature = "type")]
impl object::FromObject for Odd {
    const NAME: &'static str = "Odd";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut r#type = None;
        let mut r#gen = None;
        let mut self_ = None;
        let mut is_global2 = None;
        let mut is_global = None;
        let mut x5t_s256 = None;
        let mut hate_threatening = None;
        let mut n2fa = None;
        let mut value = None;
        let mut properties = object::Properties::new(
            &[
                "type",
                "gen",
                "self",
                "isGlobal",
                "is_global",
                "x5t#S256",
                "hate/threatening",
                "2fa",
                "",
            ],
        );
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read(&mut map, &mut r#type),
                object::Property::Known(1) => object::read(&mut map, &mut r#gen),
                object::Property::Known(2) => object::read(&mut map, &mut self_),
                object::Property::Known(3) => object::read(&mut map, &mut is_global2),
                object::Property::Known(4) => object::read(&mut map, &mut is_global),
                object::Property::Known(5) => object::read(&mut map, &mut x5t_s256),
                object::Property::Known(6) => {
                    object::read(&mut map, &mut hate_threatening)
                }
                object::Property::Known(7) => object::read(&mut map, &mut n2fa),
                object::Property::Known(8) => object::read(&mut map, &mut value),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self {
            r#type,
            r#gen,
            self_,
            is_global2,
            is_global,
            x5t_s256,
            hate_threatening,
            n2fa,
            value,
        })
    }
}

/// Same name as `Odd` after case conversion.
///
/// Schema `odd` in the spec.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OddModel {
    pub value: Option<String>,
}

impl object::Prop for OddModel {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

impl Serialize for OddModel {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([self.value.is_some()]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("OddModel", written),
        );
        object.optional("value", &self.value);
        object.end()
    }
}

impl<'de> Deserialize<'de> for OddModel {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

impl object::FromObject for OddModel {
    const NAME: &'static str = "OddModel";

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

/// Shadows a prelude name.
///
/// Schema `Option` in the spec.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OptionModel {
    pub some: Option<String>,
}

impl object::Prop for OptionModel {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

impl Serialize for OptionModel {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([self.some.is_some()]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("OptionModel", written),
        );
        object.optional("some", &self.some);
        object.end()
    }
}

impl<'de> Deserialize<'de> for OptionModel {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

impl object::FromObject for OptionModel {
    const NAME: &'static str = "OptionModel";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut some = None;
        let mut properties = object::Properties::new(&["some"]);
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read(&mut map, &mut some),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self { some })
    }
}

/// Properties named like the generated deserializer's own locals, and additional properties beside declared ones.
#[cfg(feature = "mod")]
#[derive(Debug, Clone, PartialEq)]
pub struct Shadows {
    pub map: String,
    pub property: Option<i64>,
    pub name: Nullable<String>,
    /// Properties not listed in the schema.
    pub additional_properties: BTreeMap<String, String>,
}

#[cfg(feature = "mod")]
impl object::Prop for Shadows {
    #[inline]
    fn fields<'a>(&'a self, out: &mut object::Out<'a>) {
        out.list(
            "Shadows",
            &["map", "property", "name"],
            &[
                object::value(&self.map),
                object::optional(&self.property),
                object::nullable(&self.name),
            ],
            Some(&self.additional_properties),
        )
    }
}

#[cfg(feature = "mod")]
impl Serialize for Shadows {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        object::serialize(serializer, self)
    }
}

#[cfg(feature = "mod")]
impl<'de> Deserialize<'de> for Shadows {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

#[cfg(feature = "mod")]
impl object::FromObject for Shadows {
    const NAME: &'static str = "Shadows";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map_: A,
    ) -> Result<Self, A::Error> {
        let mut map = None;
        let mut property = None;
        let mut name = Nullable::Absent;
        let mut additional_properties = BTreeMap::new();
        let mut properties = object::Properties::new(&["map", "property", "name"]);
        while let Some(property_) = map_.next_key_seed(&mut properties)? {
            match property_ {
                object::Property::Known(0) => object::read_some(&mut map_, &mut map),
                object::Property::Known(1) => object::read(&mut map_, &mut property),
                object::Property::Known(2) => object::read(&mut map_, &mut name),
                object::Property::Other(name) => {
                    object::read_additional(&mut map_, &mut additional_properties, name)
                }
                object::Property::Known(_) => object::skip(&mut map_),
            }?;
        }
        Ok(Self {
            map: object::required(map, "map")?,
            property,
            name,
            additional_properties,
        })
    }
}

/// A recursive type through a list and through an optional field.
#[cfg(feature = "things")]
#[derive(Debug, Clone, PartialEq)]
pub struct Tree {
    pub label: String,
    pub children: Vec<Tree>,
    pub parent: Nullable<Box<Tree>>,
}

#[cfg(feature = "things")]
impl object::Prop for Tree {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

#[cfg(feature = "things")]
impl Serialize for Tree {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([true, true, !self.parent.is_absent()]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("Tree", written),
        );
        object.field("label", &self.label);
        object.field("children", &self.children);
        object.nullable("parent", &self.parent);
        object.end()
    }
}

#[cfg(feature = "things")]
impl<'de> Deserialize<'de> for Tree {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

#[cfg(feature = "things")]
impl object::FromObject for Tree {
    const NAME: &'static str = "Tree";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut label = None;
        let mut children = None;
        let mut parent = Nullable::Absent;
        let mut properties = object::Properties::new(&["label", "children", "parent"]);
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read_some(&mut map, &mut label),
                object::Property::Known(1) => object::read_some(&mut map, &mut children),
                object::Property::Known(2) => object::read(&mut map, &mut parent),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self {
            label: object::required(label, "label")?,
            children: object::required(children, "children")?,
            parent,
        })
    }
}

/// Readable values, one of them `self`, which must not become `Self`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Who {
    /// `self`
    SelfValue,
    /// `other`
    Other,
    /// A value this version of the API does not list; kept as sent.
    Unknown(String),
}

impl Who {
    /// The value as it appears on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::SelfValue => "self",
            Self::Other => "other",
            Self::Unknown(value) => value,
        }
    }
}

impl From<&str> for Who {
    fn from(value: &str) -> Self {
        match value {
            "self" => Self::SelfValue,
            "other" => Self::Other,
            other => Self::Unknown(other.to_owned()),
        }
    }
}

impl std::fmt::Display for Who {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Who {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl object::Prop for Who {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Who {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        super::runtime::deserialize_open_enum(deserializer)
    }
}

/// The spec names of the component schemas the enabled features compile, sorted.
pub const SCHEMA_NAMES: &[&str] = &[
    "Kind",
    "Nothing",
    #[cfg(feature = "type")]
    "Odd",
    "Option",
    #[cfg(feature = "mod")]
    "Shadows",
    #[cfg(feature = "things")]
    "Tree",
    "Who",
    "odd",
];

/// Calls `visitor` with the type generated for the component schema `name`;
/// `None` when the spec has no such schema (or the config replaced it).
pub fn visit_schema<V: super::runtime::SchemaVisitor>(
    name: &str,
    visitor: V,
) -> Option<V::Output> {
    match name {
        "Kind" => Some(visitor.visit::<Kind>()),
        "Nothing" => Some(visitor.visit::<Nothing>()),
        #[cfg(feature = "type")]
        "Odd" => Some(visitor.visit::<Odd>()),
        "Option" => Some(visitor.visit::<OptionModel>()),
        #[cfg(feature = "mod")]
        "Shadows" => Some(visitor.visit::<Shadows>()),
        #[cfg(feature = "things")]
        "Tree" => Some(visitor.visit::<Tree>()),
        "Who" => Some(visitor.visit::<Who>()),
        "odd" => Some(visitor.visit::<OddModel>()),
        _ => {
            let _ = visitor;
            None
        }
    }
}

// file: src/params.rs
//! The parameters of each operation that has any, as one struct per operation.
/// Parameters of `things_retrieve` (GET `/things/{type}/`).
#[cfg(feature = "things")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "server", derive(serde::Deserialize))]
pub struct ThingsRetrieveParams {
    pub r#type: String,
    #[cfg_attr(feature = "server", serde(rename = "self", default))]
    pub self_: Option<bool>,
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

/// The operations tagged `mod`: the [`Mod`] trait and its response types.
#[cfg(feature = "mod")]
pub mod mod_ops;

/// The operations tagged `things`: the [`Things`] trait and its response types.
#[cfg(feature = "things")]
pub mod things;

/// The operations tagged `type`: the [`Type`] trait and its response types.
#[cfg(feature = "type")]
pub mod r#type;

pub use support::{
    serve, Authenticate, BoxError, Credential, Operation, ServeConfig, ServerConfig,
    ServerError,
};

#[cfg(feature = "mod")]
pub use self::mod_ops::Mod;

#[cfg(feature = "things")]
pub use self::things::Things;

#[cfg(feature = "type")]
pub use self::r#type::Type;

/// The trait of every tag whose feature is on: what [`router`] needs. Implemented for any type that implements them all; give an empty `impl` for a tag you do not serve, and its operations answer 501.
pub trait Api: Authenticate + enabled::Mod + enabled::Things + enabled::Type {}

impl<T: Authenticate + enabled::Mod + enabled::Things + enabled::Type> Api for T {}

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
    #[cfg(feature = "mod")]
    let builder = builder.r#mod();
    #[cfg(feature = "things")]
    let builder = builder.things();
    #[cfg(feature = "type")]
    let builder = builder.r#type();
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

    /// Adds the operations tagged `mod`.
    #[cfg(feature = "mod")]
    pub fn r#mod(self) -> Self
    where
        S: Mod,
    {
        RouterBuilder {
            routes: self.routes.mount(mod_ops::routes::<S>()),
        }
    }

    /// Adds the operations tagged `things`.
    #[cfg(feature = "things")]
    pub fn things(self) -> Self
    where
        S: Things,
    {
        RouterBuilder {
            routes: self.routes.mount(things::routes::<S>()),
        }
    }

    /// Adds the operations tagged `type`.
    #[cfg(feature = "type")]
    pub fn r#type(self) -> Self
    where
        S: Type,
    {
        RouterBuilder {
            routes: self.routes.mount(r#type::routes::<S>()),
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
    #[cfg(feature = "mod")]
    pub use super::Mod;
    #[cfg(not(feature = "mod"))]
    pub trait Mod {}
    #[cfg(not(feature = "mod"))]
    impl<T: ?Sized> Mod for T {}
    #[cfg(feature = "things")]
    pub use super::Things;
    #[cfg(not(feature = "things"))]
    pub trait Things {}
    #[cfg(not(feature = "things"))]
    impl<T: ?Sized> Things for T {}
    #[cfg(feature = "type")]
    pub use super::Type;
    #[cfg(not(feature = "type"))]
    pub trait Type {}
    #[cfg(not(feature = "type"))]
    impl<T: ?Sized> Type for T {}
}

// file: src/server/mod_ops.rs
use std::sync::Arc;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use super::support::{self, App, BoxFuture};
use super::{Authenticate, Operation, ServerError};

/// The operations tagged `mod`. Each method has a default answering 501; implement the ones you serve.
pub trait Mod: Authenticate {
    /// `GET /shadows/` (`shadows_retrieve`).
    ///
    /// No authentication.
    fn shadows_retrieve(
        &self,
    ) -> impl Future<Output = Result<ShadowsRetrieveResponse, ServerError>> + Send {
        async { Err(ServerError::not_implemented("shadows_retrieve")) }
    }
}

/// The tag's operations, for [`super::RouterBuilder`].
pub(super) fn routes<S: Mod>() -> Vec<support::Route<S>> {
    Vec::from([
        (
            "/shadows/",
            axum::http::Method::GET,
            shadows_retrieve::<S> as support::Handler<S>,
        ),
    ])
}

/// `shadows_retrieve`: how requests to it are read.
pub static SHADOWS_RETRIEVE: Operation = Operation {
    id: "shadows_retrieve",
    method: "GET",
    path: "/shadows/",
    security: &[],
    params: &[],
};

/// The responses `shadows_retrieve` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum ShadowsRetrieveResponse {
    /// 200.
    Ok(crate::models::Shadows),
}

impl IntoResponse for ShadowsRetrieveResponse {
    fn into_response(self) -> Response {
        match self {
            Self::Ok(body) => support::json(StatusCode::OK, &body),
        }
    }
}

pub(super) fn shadows_retrieve<S: super::Mod>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::public(
        app,
        request,
        &SHADOWS_RETRIEVE,
        |app, _input| async move {
            <S as super::Mod>::shadows_retrieve(&app.server).await
        },
    )
}

// file: src/server/things.rs
use std::sync::Arc;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use super::support::{self, App, BoxFuture};
use super::{Authenticate, Operation, ServerError};

/// The operations tagged `things`. Each method has a default answering 501; implement the ones you serve.
pub trait Things: Authenticate {
    /// `GET /things/{type}/` (`things_retrieve`).
    ///
    /// No authentication.
    fn retrieve(
        &self,
        params: crate::params::ThingsRetrieveParams,
    ) -> impl Future<Output = Result<RetrieveResponse, ServerError>> + Send {
        let _ = params;
        async { Err(ServerError::not_implemented("things_retrieve")) }
    }
}

/// The tag's operations, for [`super::RouterBuilder`].
pub(super) fn routes<S: Things>() -> Vec<support::Route<S>> {
    Vec::from([
        ("/things/{p0}/", axum::http::Method::GET, retrieve::<S> as support::Handler<S>),
    ])
}

/// `things_retrieve`: how requests to it are read.
pub static RETRIEVE: Operation = Operation {
    id: "things_retrieve",
    method: "GET",
    path: "/things/{type}/",
    security: &[],
    params: &[
        support::Param::path("type", support::Shape::String),
        support::Param::query("self", support::Shape::Boolean),
    ],
};

/// The responses `things_retrieve` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum RetrieveResponse {
    /// 200.
    Ok(crate::models::Tree),
}

impl IntoResponse for RetrieveResponse {
    fn into_response(self) -> Response {
        match self {
            Self::Ok(body) => support::json(StatusCode::OK, &body),
        }
    }
}

pub(super) fn retrieve<S: super::Things>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::public(
        app,
        request,
        &RETRIEVE,
        |app, input| async move {
            let params = input.params()?;
            <S as super::Things>::retrieve(&app.server, params).await
        },
    )
}

// file: src/server/type.rs
use std::sync::Arc;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use super::support::{self, App, BoxFuture};
use super::{Authenticate, Operation, ServerError};

/// The operations tagged `type`. Each method has a default answering 501; implement the ones you serve.
pub trait Type: Authenticate {
    /// `GET /odd/` (`odd_retrieve`).
    ///
    /// No authentication.
    fn odd_retrieve(
        &self,
    ) -> impl Future<Output = Result<OddRetrieveResponse, ServerError>> + Send {
        async { Err(ServerError::not_implemented("odd_retrieve")) }
    }
}

/// The tag's operations, for [`super::RouterBuilder`].
pub(super) fn routes<S: Type>() -> Vec<support::Route<S>> {
    Vec::from([
        ("/odd/", axum::http::Method::GET, odd_retrieve::<S> as support::Handler<S>),
    ])
}

/// `odd_retrieve`: how requests to it are read.
pub static ODD_RETRIEVE: Operation = Operation {
    id: "odd_retrieve",
    method: "GET",
    path: "/odd/",
    security: &[],
    params: &[],
};

/// The responses `odd_retrieve` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum OddRetrieveResponse {
    /// 200.
    Ok(crate::models::Odd),
}

impl IntoResponse for OddRetrieveResponse {
    fn into_response(self) -> Response {
        match self {
            Self::Ok(body) => support::json(StatusCode::OK, &body),
        }
    }
}

pub(super) fn odd_retrieve<S: super::Type>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::public(
        app,
        request,
        &ODD_RETRIEVE,
        |app, _input| async move { <S as super::Type>::odd_retrieve(&app.server).await },
    )
}

// file: src/validate.rs
//! `Validate` for every model: the constraints the spec states, as code.
use super::models;

#[cfg(feature = "things")]
use super::params;
use super::validation::Validate;
use super::validation::Validator;

impl Validate for models::Kind {
    fn validate_into(&self, v: &mut Validator) {
        if let Self::Unknown(value) = self {
            v.unknown_value(value, &["a-b", "a_b", "A B", "", "Self", "1st"]);
        }
    }
}

impl Validate for models::Nothing {}

#[cfg(feature = "type")]
impl Validate for models::Odd {}

impl Validate for models::OddModel {}

impl Validate for models::OptionModel {}

#[cfg(feature = "mod")]
impl Validate for models::Shadows {}

#[cfg(feature = "things")]
impl Validate for models::Tree {}

impl Validate for models::Who {
    fn validate_into(&self, v: &mut Validator) {
        if let Self::Unknown(value) = self {
            v.unknown_value(value, &["self", "other"]);
        }
    }
}

#[cfg(feature = "things")]
impl Validate for params::ThingsRetrieveParams {}
