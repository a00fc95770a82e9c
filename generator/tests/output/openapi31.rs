// Expected output for specs/fixtures/openapi31.yml; see generator/tests/snapshots.rs.

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

// file: src/client/jobs.rs
/// Operations tagged `jobs`; from [`Client::jobs`](super::Client::jobs).
#[derive(Debug, Clone, Copy)]
pub struct JobsApi<'a> {
    pub(super) client: &'a super::Client,
}

impl<'a> JobsApi<'a> {
    /// `GET /jobs/{id}/` (`jobs_retrieve`).
    pub fn retrieve(self, id: i64) -> Retrieve<'a> {
        Retrieve {
            client: self.client,
            params: crate::params::JobsRetrieveParams {
                id,
            },
        }
    }
}

/// Request builder for `jobs_retrieve`; from [`retrieve`](JobsApi::retrieve).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct Retrieve<'a> {
    client: &'a super::Client,
    params: crate::params::JobsRetrieveParams,
}

impl<'a> Retrieve<'a> {
    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(
        self,
    ) -> super::transport::BoxFuture<'a, Result<crate::models::Job, super::Error>> {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                200 => raw.json::<crate::models::Job, super::ErrorBody>(),
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
            format!("/jobs/{}/", super::transport::path_segment(& self.params.id)),
            accept,
            &[],
        );
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for Retrieve<'a> {
    type Output = Result<crate::models::Job, super::Error>;

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

/// The operations tagged `jobs`.
#[cfg(feature = "jobs")]
pub mod jobs;

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
    /// Operations tagged `jobs`.
    #[cfg(feature = "jobs")]
    pub fn jobs(&self) -> jobs::JobsApi<'_> {
        jobs::JobsApi { client: self }
    }
}

// file: src/lib.rs
//! Types for the OpenAPI 3.1 (fixture) API, version 1.
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
use std::collections::BTreeMap;
use super::runtime::Nullable;
use super::runtime::object;
use super::runtime::tagged;
use chrono::{DateTime, Utc};

#[derive(Debug, Clone, PartialEq)]
pub struct Deleted {
    pub kind: DeletedKind,
    pub reason: Option<String>,
}

impl object::Prop for Deleted {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

impl Serialize for Deleted {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([true, self.reason.is_some()]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("Deleted", written),
        );
        object.field("kind", &self.kind);
        object.optional("reason", &self.reason);
        object.end()
    }
}

impl<'de> Deserialize<'de> for Deleted {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

impl object::FromObject for Deleted {
    const NAME: &'static str = "Deleted";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut kind = None;
        let mut reason = None;
        let mut properties = object::Properties::new(&["kind", "reason"]);
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read_some(&mut map, &mut kind),
                object::Property::Known(1) => object::read(&mut map, &mut reason),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self {
            kind: object::required(kind, "kind")?,
            reason,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DeletedKind {
    /// `deleted`
    Deleted,
    /// A value this version of the API does not list; kept as sent.
    Unknown(String),
}

impl DeletedKind {
    /// The value as it appears on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Deleted => "deleted",
            Self::Unknown(value) => value,
        }
    }
}

impl From<&str> for DeletedKind {
    fn from(value: &str) -> Self {
        match value {
            "deleted" => Self::Deleted,
            other => Self::Unknown(other.to_owned()),
        }
    }
}

impl std::fmt::Display for DeletedKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for DeletedKind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl object::Prop for DeletedKind {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for DeletedKind {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        super::runtime::deserialize_open_enum(deserializer)
    }
}

///
#[doc = concat!(
    " The variant is chosen by the `", "kind",
    "` property, which is written exactly once when serializing."
)]
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// Selected by `created`.
    EventCreated(EventCreated),
    /// Selected by `deleted`.
    Deleted(Deleted),
    /// A `kind` this version does not list (a newer server's), kept as it came.
    Unknown(serde_json::Map<String, serde_json::Value>),
}

impl Serialize for Event {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::EventCreated(value) => {
                tagged::serialize(serializer, "kind", "created", value, true)
            }
            Self::Deleted(value) => {
                tagged::serialize(serializer, "kind", "deleted", value, true)
            }
            Self::Unknown(object) => object.serialize(serializer),
        }
    }
}

impl object::Prop for Event {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        tagged::deserialize(deserializer)
    }
}

impl tagged::Union for Event {
    const PROPERTY: &'static str = "kind";

    fn variant<'de, A: serde::de::MapAccess<'de>>(
        tag: &str,
        object: tagged::Object<'de, A>,
    ) -> Result<Self, A::Error> {
        match tag {
            "created" => Deserialize::deserialize(object).map(Self::EventCreated),
            "deleted" => Deserialize::deserialize(object).map(Self::Deleted),
            _ => Deserialize::deserialize(object).map(Self::Unknown),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct EventCreated {
    pub kind: EventCreatedKind,
    pub id: i64,
}

impl object::Prop for EventCreated {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

impl Serialize for EventCreated {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([true, true]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("EventCreated", written),
        );
        object.field("kind", &self.kind);
        object.field("id", &self.id);
        object.end()
    }
}

impl<'de> Deserialize<'de> for EventCreated {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

impl object::FromObject for EventCreated {
    const NAME: &'static str = "EventCreated";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut kind = None;
        let mut id = None;
        let mut properties = object::Properties::new(&["kind", "id"]);
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read_some(&mut map, &mut kind),
                object::Property::Known(1) => object::read_some(&mut map, &mut id),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self {
            kind: object::required(kind, "kind")?,
            id: object::required(id, "id")?,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum EventCreatedKind {
    /// `created`
    Created,
    /// A value this version of the API does not list; kept as sent.
    Unknown(String),
}

impl EventCreatedKind {
    /// The value as it appears on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Created => "created",
            Self::Unknown(value) => value,
        }
    }
}

impl From<&str> for EventCreatedKind {
    fn from(value: &str) -> Self {
        match value {
            "created" => Self::Created,
            other => Self::Unknown(other.to_owned()),
        }
    }
}

impl std::fmt::Display for EventCreatedKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for EventCreatedKind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl object::Prop for EventCreatedKind {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for EventCreatedKind {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        super::runtime::deserialize_open_enum(deserializer)
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Frozen {
    pub id: Option<i64>,
    pub secret: Nullable<serde_json::Value>,
}

impl object::Prop for Frozen {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

impl Serialize for Frozen {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([self.id.is_some(), !self.secret.is_absent()]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("Frozen", written),
        );
        object.optional("id", &self.id);
        object.nullable("secret", &self.secret);
        object.end()
    }
}

impl<'de> Deserialize<'de> for Frozen {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

impl object::FromObject for Frozen {
    const NAME: &'static str = "Frozen";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut id = None;
        let mut secret = Nullable::Absent;
        let mut properties = object::Properties::new(&["id", "secret"]);
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read(&mut map, &mut id),
                object::Property::Known(1) => object::read(&mut map, &mut secret),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self { id, secret })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    /// Constraints: at most 20 characters.
    pub name: Option<String>,
    pub size: Option<JobSize>,
    pub kind: JobKind,
    /// The job this one belongs to.
    pub parent: Option<Box<Job>>,
    pub step: Nullable<Step>,
    pub labels: Option<BTreeMap<String, serde_json::Value>>,
    pub scores: Option<BTreeMap<String, i64>>,
    pub titles: Option<BTreeMap<String, String>>,
    pub limits: Option<BTreeMap<String, i64>>,
    pub point: Option<(f64, f64)>,
    pub command: Option<Vec<serde_json::Value>>,
    pub tags: Option<Vec<String>>,
    /// Constraints: format `byte`.
    pub checksum: Option<String>,
    pub extra: Option<serde_json::Value>,
    pub examples: Option<Vec<String>>,
}

impl object::Prop for Job {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

impl Serialize for Job {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([
            true,
            self.size.is_some(),
            true,
            self.parent.is_some(),
            !self.step.is_absent(),
            self.labels.is_some(),
            self.scores.is_some(),
            self.titles.is_some(),
            self.limits.is_some(),
            self.point.is_some(),
            self.command.is_some(),
            self.tags.is_some(),
            self.checksum.is_some(),
            self.extra.is_some(),
            self.examples.is_some(),
        ]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("Job", written),
        );
        object.field("name", &self.name);
        object.optional("size", &self.size);
        object.field("kind", &self.kind);
        object.optional("parent", &self.parent);
        object.nullable("step", &self.step);
        object.optional("labels", &self.labels);
        object.optional("scores", &self.scores);
        object.optional("titles", &self.titles);
        object.optional("limits", &self.limits);
        object.optional("point", &self.point);
        object.optional("command", &self.command);
        object.optional("tags", &self.tags);
        object.optional("checksum", &self.checksum);
        object.optional("extra", &self.extra);
        object.optional("examples", &self.examples);
        object.end()
    }
}

impl<'de> Deserialize<'de> for Job {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

impl object::FromObject for Job {
    const NAME: &'static str = "Job";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut name = None;
        let mut size = None;
        let mut kind = None;
        let mut parent = None;
        let mut step = Nullable::Absent;
        let mut labels = None;
        let mut scores = None;
        let mut titles = None;
        let mut limits = None;
        let mut point = None;
        let mut command = None;
        let mut tags = None;
        let mut checksum = None;
        let mut extra = None;
        let mut examples = None;
        let mut properties = object::Properties::new(
            &[
                "name",
                "size",
                "kind",
                "parent",
                "step",
                "labels",
                "scores",
                "titles",
                "limits",
                "point",
                "command",
                "tags",
                "checksum",
                "extra",
                "examples",
            ],
        );
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read_some(&mut map, &mut name),
                object::Property::Known(1) => object::read(&mut map, &mut size),
                object::Property::Known(2) => object::read_some(&mut map, &mut kind),
                object::Property::Known(3) => object::read(&mut map, &mut parent),
                object::Property::Known(4) => object::read(&mut map, &mut step),
                object::Property::Known(5) => object::read(&mut map, &mut labels),
                object::Property::Known(6) => object::read(&mut map, &mut scores),
                object::Property::Known(7) => object::read(&mut map, &mut titles),
                object::Property::Known(8) => object::read(&mut map, &mut limits),
                object::Property::Known(9) => object::read(&mut map, &mut point),
                object::Property::Known(10) => object::read(&mut map, &mut command),
                object::Property::Known(11) => object::read(&mut map, &mut tags),
                object::Property::Known(12) => object::read(&mut map, &mut checksum),
                object::Property::Known(13) => object::read(&mut map, &mut extra),
                object::Property::Known(14) => object::read(&mut map, &mut examples),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self {
            name: object::required(name, "name")?,
            size,
            kind: object::required(kind, "kind")?,
            parent,
            step,
            labels,
            scores,
            titles,
            limits,
            point,
            command,
            tags,
            checksum,
            extra,
            examples,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum JobCommandItem1 {
    /// `run`
    Run,
    /// `stop`
    Stop,
    /// A value this version of the API does not list; kept as sent.
    Unknown(String),
}

impl JobCommandItem1 {
    /// The value as it appears on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Run => "run",
            Self::Stop => "stop",
            Self::Unknown(value) => value,
        }
    }
}

impl From<&str> for JobCommandItem1 {
    fn from(value: &str) -> Self {
        match value {
            "run" => Self::Run,
            "stop" => Self::Stop,
            other => Self::Unknown(other.to_owned()),
        }
    }
}

impl std::fmt::Display for JobCommandItem1 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for JobCommandItem1 {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl object::Prop for JobCommandItem1 {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for JobCommandItem1 {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        super::runtime::deserialize_open_enum(deserializer)
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct JobFinishedWebhookBody {
    pub job: Option<Job>,
}

impl object::Prop for JobFinishedWebhookBody {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

impl Serialize for JobFinishedWebhookBody {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([self.job.is_some()]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("JobFinishedWebhookBody", written),
        );
        object.optional("job", &self.job);
        object.end()
    }
}

impl<'de> Deserialize<'de> for JobFinishedWebhookBody {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

impl object::FromObject for JobFinishedWebhookBody {
    const NAME: &'static str = "JobFinishedWebhookBody";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut job = None;
        let mut properties = object::Properties::new(&["job"]);
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read(&mut map, &mut job),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self { job })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum JobKind {
    /// `job`
    Job,
    /// A value this version of the API does not list; kept as sent.
    Unknown(String),
}

impl JobKind {
    /// The value as it appears on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Job => "job",
            Self::Unknown(value) => value,
        }
    }
}

impl From<&str> for JobKind {
    fn from(value: &str) -> Self {
        match value {
            "job" => Self::Job,
            other => Self::Unknown(other.to_owned()),
        }
    }
}

impl std::fmt::Display for JobKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for JobKind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl object::Prop for JobKind {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for JobKind {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        super::runtime::deserialize_open_enum(deserializer)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum JobSize {
    Int64(i64),
    String(String),
}

impl object::Prop for JobSize {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum JobTagsContains {
    /// `urgent`
    Urgent,
    /// A value this version of the API does not list; kept as sent.
    Unknown(String),
}

impl JobTagsContains {
    /// The value as it appears on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Urgent => "urgent",
            Self::Unknown(value) => value,
        }
    }
}

impl From<&str> for JobTagsContains {
    fn from(value: &str) -> Self {
        match value {
            "urgent" => Self::Urgent,
            other => Self::Unknown(other.to_owned()),
        }
    }
}

impl std::fmt::Display for JobTagsContains {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for JobTagsContains {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl object::Prop for JobTagsContains {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for JobTagsContains {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        super::runtime::deserialize_open_enum(deserializer)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Language {
    /// `en`
    En,
    /// `de`
    De,
    /// A value this version of the API does not list; kept as sent.
    Unknown(String),
}

impl Language {
    /// The value as it appears on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::En => "en",
            Self::De => "de",
            Self::Unknown(value) => value,
        }
    }
}

impl From<&str> for Language {
    fn from(value: &str) -> Self {
        match value {
            "en" => Self::En,
            "de" => Self::De,
            other => Self::Unknown(other.to_owned()),
        }
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Language {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl object::Prop for Language {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Language {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        super::runtime::deserialize_open_enum(deserializer)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Locale {
    pub names: BTreeMap<String, String>,
    pub codes: BTreeMap<String, i64>,
    pub ranks: Vec<i64>,
    pub pair: Vec<serde_json::Value>,
}

impl object::Prop for Locale {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

impl Serialize for Locale {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([true, true, true, true]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("Locale", written),
        );
        object.field("names", &self.names);
        object.field("codes", &self.codes);
        object.field("ranks", &self.ranks);
        object.field("pair", &self.pair);
        object.end()
    }
}

impl<'de> Deserialize<'de> for Locale {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

impl object::FromObject for Locale {
    const NAME: &'static str = "Locale";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut names = None;
        let mut codes = None;
        let mut ranks = None;
        let mut pair = None;
        let mut properties = object::Properties::new(
            &["names", "codes", "ranks", "pair"],
        );
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read_some(&mut map, &mut names),
                object::Property::Known(1) => object::read_some(&mut map, &mut codes),
                object::Property::Known(2) => object::read_some(&mut map, &mut ranks),
                object::Property::Known(3) => object::read_some(&mut map, &mut pair),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self {
            names: object::required(names, "names")?,
            codes: object::required(codes, "codes")?,
            ranks: object::required(ranks, "ranks")?,
            pair: object::required(pair, "pair")?,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "i64", into = "i64")]
pub enum LocaleRanksContains {
    V1,
    /// A value this version of the API does not list; kept as sent.
    Unknown(i64),
}

impl From<i64> for LocaleRanksContains {
    fn from(value: i64) -> Self {
        match value {
            1 => Self::V1,
            other => Self::Unknown(other),
        }
    }
}

impl From<LocaleRanksContains> for i64 {
    fn from(value: LocaleRanksContains) -> i64 {
        match value {
            LocaleRanksContains::V1 => 1,
            LocaleRanksContains::Unknown(other) => other,
        }
    }
}

impl object::Prop for LocaleRanksContains {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::I64(i64::from(*self))
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Pair {
    /// Constraints: at most 3 characters.
    pub label: Option<String>,
    pub next: Option<Box<(i64, Pair)>>,
}

impl object::Prop for Pair {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

impl Serialize for Pair {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([self.label.is_some(), self.next.is_some()]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("Pair", written),
        );
        object.optional("label", &self.label);
        object.optional("next", &self.next);
        object.end()
    }
}

impl<'de> Deserialize<'de> for Pair {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

impl object::FromObject for Pair {
    const NAME: &'static str = "Pair";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut label = None;
        let mut next = None;
        let mut properties = object::Properties::new(&["label", "next"]);
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read(&mut map, &mut label),
                object::Property::Known(1) => object::read(&mut map, &mut next),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self { label, next })
    }
}

///
#[doc = concat!(
    " The variant is chosen by the `", "type",
    "` property, which is written exactly once when serializing."
)]
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// Selected by `start`.
    StepStart(StepStart),
    /// Selected by `stop`.
    StepStop(StepStop),
    /// A `type` this version does not list (a newer server's), kept as it came.
    Unknown(serde_json::Map<String, serde_json::Value>),
}

impl Serialize for Step {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::StepStart(value) => {
                tagged::serialize(serializer, "type", "start", value, true)
            }
            Self::StepStop(value) => {
                tagged::serialize(serializer, "type", "stop", value, true)
            }
            Self::Unknown(object) => object.serialize(serializer),
        }
    }
}

impl object::Prop for Step {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

impl<'de> Deserialize<'de> for Step {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        tagged::deserialize(deserializer)
    }
}

impl tagged::Union for Step {
    const PROPERTY: &'static str = "type";

    fn variant<'de, A: serde::de::MapAccess<'de>>(
        tag: &str,
        object: tagged::Object<'de, A>,
    ) -> Result<Self, A::Error> {
        match tag {
            "start" => Deserialize::deserialize(object).map(Self::StepStart),
            "stop" => Deserialize::deserialize(object).map(Self::StepStop),
            _ => Deserialize::deserialize(object).map(Self::Unknown),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct StepStart {
    pub r#type: StepStartType,
    pub at: Option<DateTime<Utc>>,
}

impl object::Prop for StepStart {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

impl Serialize for StepStart {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([true, self.at.is_some()]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("StepStart", written),
        );
        object.field("type", &self.r#type);
        object.optional("at", &self.at);
        object.end()
    }
}

impl<'de> Deserialize<'de> for StepStart {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

impl object::FromObject for StepStart {
    const NAME: &'static str = "StepStart";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut r#type = None;
        let mut at = None;
        let mut properties = object::Properties::new(&["type", "at"]);
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read_some(&mut map, &mut r#type),
                object::Property::Known(1) => object::read(&mut map, &mut at),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self {
            r#type: object::required(r#type, "type")?,
            at,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum StepStartType {
    /// `start`
    Start,
    /// A value this version of the API does not list; kept as sent.
    Unknown(String),
}

impl StepStartType {
    /// The value as it appears on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Start => "start",
            Self::Unknown(value) => value,
        }
    }
}

impl From<&str> for StepStartType {
    fn from(value: &str) -> Self {
        match value {
            "start" => Self::Start,
            other => Self::Unknown(other.to_owned()),
        }
    }
}

impl std::fmt::Display for StepStartType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for StepStartType {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl object::Prop for StepStartType {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for StepStartType {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        super::runtime::deserialize_open_enum(deserializer)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct StepStop {
    pub r#type: StepStopType,
}

impl object::Prop for StepStop {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

impl Serialize for StepStop {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([true]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("StepStop", written),
        );
        object.field("type", &self.r#type);
        object.end()
    }
}

impl<'de> Deserialize<'de> for StepStop {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

impl object::FromObject for StepStop {
    const NAME: &'static str = "StepStop";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut r#type = None;
        let mut properties = object::Properties::new(&["type"]);
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read_some(&mut map, &mut r#type),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self {
            r#type: object::required(r#type, "type")?,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum StepStopType {
    /// `stop`
    Stop,
    /// A value this version of the API does not list; kept as sent.
    Unknown(String),
}

impl StepStopType {
    /// The value as it appears on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Stop => "stop",
            Self::Unknown(value) => value,
        }
    }
}

impl From<&str> for StepStopType {
    fn from(value: &str) -> Self {
        match value {
            "stop" => Self::Stop,
            other => Self::Unknown(other.to_owned()),
        }
    }
}

impl std::fmt::Display for StepStopType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for StepStopType {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl object::Prop for StepStopType {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for StepStopType {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        super::runtime::deserialize_open_enum(deserializer)
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Upload {
    pub log: Option<Vec<u8>>,
}

impl object::Prop for Upload {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

impl Serialize for Upload {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([self.log.is_some()]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("Upload", written),
        );
        object.optional("log", &self.log);
        object.end()
    }
}

impl<'de> Deserialize<'de> for Upload {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

impl object::FromObject for Upload {
    const NAME: &'static str = "Upload";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut log = None;
        let mut properties = object::Properties::new(&["log"]);
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read(&mut map, &mut log),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self { log })
    }
}

/// The spec names of the component schemas the enabled features compile, sorted.
pub const SCHEMA_NAMES: &[&str] = &[
    "Deleted",
    "Event",
    "Frozen",
    "Job",
    "Language",
    "Locale",
    "Pair",
    "Step",
    "Upload",
];

/// Calls `visitor` with the type generated for the component schema `name`;
/// `None` when the spec has no such schema (or the config replaced it).
pub fn visit_schema<V: super::runtime::SchemaVisitor>(
    name: &str,
    visitor: V,
) -> Option<V::Output> {
    match name {
        "Deleted" => Some(visitor.visit::<Deleted>()),
        "Event" => Some(visitor.visit::<Event>()),
        "Frozen" => Some(visitor.visit::<Frozen>()),
        "Job" => Some(visitor.visit::<Job>()),
        "Language" => Some(visitor.visit::<Language>()),
        "Locale" => Some(visitor.visit::<Locale>()),
        "Pair" => Some(visitor.visit::<Pair>()),
        "Step" => Some(visitor.visit::<Step>()),
        "Upload" => Some(visitor.visit::<Upload>()),
        _ => {
            let _ = visitor;
            None
        }
    }
}

// file: src/params.rs
//! The parameters of each operation that has any, as one struct per operation.
/// Parameters of `jobs_retrieve` (GET `/jobs/{id}/`).
#[cfg(feature = "jobs")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "server", derive(serde::Deserialize))]
pub struct JobsRetrieveParams {
    /// Constraints: > 0.
    pub id: i64,
}

// file: src/server/jobs.rs
use std::sync::Arc;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use super::support::{self, App, BoxFuture};
use super::{Authenticate, Operation, ServerError};

/// The operations tagged `jobs`. Each method has a default answering 501; implement the ones you serve.
pub trait Jobs: Authenticate {
    /// `GET /jobs/{id}/` (`jobs_retrieve`).
    ///
    /// No authentication.
    fn retrieve(
        &self,
        params: crate::params::JobsRetrieveParams,
    ) -> impl Future<Output = Result<RetrieveResponse, ServerError>> + Send {
        let _ = params;
        async { Err(ServerError::not_implemented("jobs_retrieve")) }
    }
}

/// The tag's operations, for [`super::RouterBuilder`].
pub(super) fn routes<S: Jobs>() -> Vec<support::Route<S>> {
    Vec::from([
        ("/jobs/{p0}/", axum::http::Method::GET, retrieve::<S> as support::Handler<S>),
    ])
}

/// `jobs_retrieve`: how requests to it are read.
pub static RETRIEVE: Operation = Operation {
    id: "jobs_retrieve",
    method: "GET",
    path: "/jobs/{id}/",
    security: &[],
    params: &[support::Param::path("id", support::Shape::Integer)],
};

/// The responses `jobs_retrieve` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum RetrieveResponse {
    /// 200.
    Ok(crate::models::Job),
}

impl IntoResponse for RetrieveResponse {
    fn into_response(self) -> Response {
        match self {
            Self::Ok(body) => support::json(StatusCode::OK, &body),
        }
    }
}

pub(super) fn retrieve<S: super::Jobs>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::public(
        app,
        request,
        &RETRIEVE,
        |app, input| async move {
            let params = input.params()?;
            <S as super::Jobs>::retrieve(&app.server, params).await
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

/// The operations tagged `jobs`: the [`Jobs`] trait and its response types.
#[cfg(feature = "jobs")]
pub mod jobs;

pub use support::{
    serve, Authenticate, BoxError, Credential, Operation, ServeConfig, ServerConfig,
    ServerError,
};

#[cfg(feature = "jobs")]
pub use self::jobs::Jobs;

/// The trait of every tag whose feature is on: what [`router`] needs. Implemented for any type that implements them all; give an empty `impl` for a tag you do not serve, and its operations answer 501.
pub trait Api: Authenticate + enabled::Jobs {}

impl<T: Authenticate + enabled::Jobs> Api for T {}

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
    #[cfg(feature = "jobs")]
    let builder = builder.jobs();
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

    /// Adds the operations tagged `jobs`.
    #[cfg(feature = "jobs")]
    pub fn jobs(self) -> Self
    where
        S: Jobs,
    {
        RouterBuilder {
            routes: self.routes.mount(jobs::routes::<S>()),
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
    #[cfg(feature = "jobs")]
    pub use super::Jobs;
    #[cfg(not(feature = "jobs"))]
    pub trait Jobs {}
    #[cfg(not(feature = "jobs"))]
    impl<T: ?Sized> Jobs for T {}
}

// file: src/validate.rs
//! `Validate` for every model: the constraints the spec states, as code.
use super::models;

#[cfg(feature = "jobs")]
use super::params;
use super::validation::Pattern;
use super::validation::Validate;
use super::validation::Validator;

/// `^[A-Z]{2}$`, used by 1 property.
static PATTERN_1: Pattern = Pattern::new("^[A-Z]{2}$");

/// `^[a-z]+$`, used by 1 property.
static PATTERN_2: Pattern = Pattern::new("^[a-z]+$");

/// `^s[0-9]+$`, used by 1 property.
static PATTERN_3: Pattern = Pattern::new("^s[0-9]+$");

impl Validate for models::Deleted {
    fn validate_into(&self, v: &mut Validator) {
        v.field("kind").nested(&self.kind);
    }
}

impl Validate for models::DeletedKind {
    fn validate_into(&self, v: &mut Validator) {
        if let Self::Unknown(value) = self {
            v.unknown_value(value, &["deleted"]);
        }
    }
}

impl Validate for models::Event {
    fn validate_into(&self, v: &mut Validator) {
        match self {
            Self::EventCreated(value) => v.nested(value),
            Self::Deleted(value) => v.nested(value),
            Self::Unknown(object) => {
                let tag = object
                    .get("kind")
                    .and_then(|t| t.as_str())
                    .unwrap_or_default();
                v.field("kind").unknown_value(tag, &["created", "deleted"]);
            }
        }
    }
}

impl Validate for models::EventCreated {
    fn validate_into(&self, v: &mut Validator) {
        v.field("kind").nested(&self.kind);
    }
}

impl Validate for models::EventCreatedKind {
    fn validate_into(&self, v: &mut Validator) {
        if let Self::Unknown(value) = self {
            v.unknown_value(value, &["created"]);
        }
    }
}

impl Validate for models::Frozen {
    fn validate_into(&self, v: &mut Validator) {
        if !self.secret.is_absent() {
            v.field("secret").never(&self.secret);
        }
    }
}

impl Validate for models::Job {
    fn validate_into(&self, v: &mut Validator) {
        if let Some(value) = &self.name {
            v.field("name").max_length(value, 20);
        }
        v.field("kind").nested(&self.kind);
        if let Some(value) = &self.parent {
            v.field("parent").nested(value);
        }
        if let Some(value) = self.step.as_ref() {
            v.field("step").nested(value);
        }
        if let Some(value) = &self.labels {
            let mut v = v.field("labels");
            for (key, item) in value {
                if PATTERN_2.is_match(key) {
                    let mut v = v.field(key);
                    v.conform::<String>(item, "patternProperties");
                }
            }
        }
        if let Some(value) = &self.scores {
            let mut v = v.field("scores");
            for key in value.keys() {
                if !(PATTERN_3.is_match(key)) {
                    v.field(key).additional_property();
                }
            }
            for (key, value) in value {
                v.field(key).minimum(*value as f64, 0.0, false);
            }
        }
        if let Some(value) = &self.titles {
            let mut v = v.field("titles");
            for item in value.keys() {
                let mut v = v.field(item);
                if let Some(value) = v.conform::<models::Language>(item, "propertyNames")
                {
                    let value = &value;
                    v.nested(value);
                }
            }
        }
        if let Some(value) = &self.limits {
            let mut v = v.field("limits");
            if value.contains_key("max") {
                for missing in ["min"] {
                    if !value.contains_key(missing) {
                        v.dependent_required("max", missing);
                    }
                }
            }
        }
        if let Some(value) = &self.point {
            let mut v = v.field("point");
            {
                let value = &value.1;
                v.index(1).maximum(*value, 10.0, false);
            }
        }
        if let Some(value) = &self.command {
            let mut v = v.field("command");
            if let Some(item) = value.first() {
                let mut v = v.index(0);
                if let Some(value) = v
                    .conform::<models::JobCommandItem1>(item, "prefixItems")
                {
                    let value = &value;
                    v.nested(value);
                }
            }
            for (i, item) in value.iter().enumerate().skip(1) {
                let mut v = v.index(i);
                if let Some(value) = v.conform::<i64>(item, "items") {
                    let value = &value;
                    v.minimum(*value as f64, 0.0, true);
                }
            }
        }
        if let Some(value) = &self.tags {
            let mut v = v.field("tags");
            let matched = value
                .iter()
                .filter(|item| Validator::holds::<
                    models::JobTagsContains,
                >(
                    item,
                    |value, v| {
                        v.nested(value);
                    },
                ))
                .count();
            v.contains(matched, 1, Some(2));
        }
        if self.checksum.is_some() && self.extra.is_none() {
            v.dependent_required("checksum", "extra");
        }
    }
}

impl Validate for models::JobCommandItem1 {
    fn validate_into(&self, v: &mut Validator) {
        if let Self::Unknown(value) = self {
            v.unknown_value(value, &["run", "stop"]);
        }
    }
}

impl Validate for models::JobFinishedWebhookBody {
    fn validate_into(&self, v: &mut Validator) {
        if let Some(value) = &self.job {
            v.field("job").nested(value);
        }
    }
}

impl Validate for models::JobKind {
    fn validate_into(&self, v: &mut Validator) {
        if let Self::Unknown(value) = self {
            v.unknown_value(value, &["job"]);
        }
    }
}

impl Validate for models::JobSize {}

impl Validate for models::JobTagsContains {
    fn validate_into(&self, v: &mut Validator) {
        if let Self::Unknown(value) = self {
            v.unknown_value(value, &["urgent"]);
        }
    }
}

impl Validate for models::Language {
    fn validate_into(&self, v: &mut Validator) {
        if let Self::Unknown(value) = self {
            v.unknown_value(value, &["en", "de"]);
        }
    }
}

impl Validate for models::Locale {
    fn validate_into(&self, v: &mut Validator) {
        {
            let mut v = v.field("names");
            for item in self.names.keys() {
                let mut v = v.field(item);
                if let Some(value) = v.conform::<models::Language>(item, "propertyNames")
                {
                    let value = &value;
                    v.nested(value);
                }
            }
            if self.names.contains_key("de") {
                for missing in ["en"] {
                    if !self.names.contains_key(missing) {
                        v.dependent_required("de", missing);
                    }
                }
            }
        }
        {
            let mut v = v.field("codes");
            for key in self.codes.keys() {
                if !(PATTERN_1.is_match(key)) {
                    v.field(key).additional_property();
                }
            }
        }
        {
            let mut v = v.field("ranks");
            let matched = self
                .ranks
                .iter()
                .filter(|item| Validator::holds::<
                    models::LocaleRanksContains,
                >(
                    item,
                    |value, v| {
                        v.nested(value);
                    },
                ))
                .count();
            v.contains(matched, 1, None);
        }
        {
            let mut v = v.field("pair");
            if let Some(item) = self.pair.first() {
                let mut v = v.index(0);
                if let Some(value) = v.conform::<String>(item, "prefixItems") {
                    let value = &value;
                    v.max_length(value, 1);
                }
            }
            if let Some(item) = self.pair.get(1usize) {
                let mut v = v.index(1);
                v.conform::<i64>(item, "prefixItems");
            }
        }
    }
}

impl Validate for models::LocaleRanksContains {
    fn validate_into(&self, v: &mut Validator) {
        if let Self::Unknown(value) = self {
            v.unknown_value(value, &["1"]);
        }
    }
}

impl Validate for models::Pair {
    fn validate_into(&self, v: &mut Validator) {
        if let Some(value) = &self.label {
            v.field("label").max_length(value, 3);
        }
        if let Some(value) = &self.next {
            let mut v = v.field("next");
            {
                let value = &value.1;
                v.index(1).nested(value);
            }
        }
    }
}

impl Validate for models::Step {
    fn validate_into(&self, v: &mut Validator) {
        match self {
            Self::StepStart(value) => v.nested(value),
            Self::StepStop(value) => v.nested(value),
            Self::Unknown(object) => {
                let tag = object
                    .get("type")
                    .and_then(|t| t.as_str())
                    .unwrap_or_default();
                v.field("type").unknown_value(tag, &["start", "stop"]);
            }
        }
    }
}

impl Validate for models::StepStart {
    fn validate_into(&self, v: &mut Validator) {
        v.field("type").nested(&self.r#type);
    }
}

impl Validate for models::StepStartType {
    fn validate_into(&self, v: &mut Validator) {
        if let Self::Unknown(value) = self {
            v.unknown_value(value, &["start"]);
        }
    }
}

impl Validate for models::StepStop {
    fn validate_into(&self, v: &mut Validator) {
        v.field("type").nested(&self.r#type);
    }
}

impl Validate for models::StepStopType {
    fn validate_into(&self, v: &mut Validator) {
        if let Self::Unknown(value) = self {
            v.unknown_value(value, &["stop"]);
        }
    }
}

impl Validate for models::Upload {}

#[cfg(feature = "jobs")]
impl Validate for params::JobsRetrieveParams {
    fn validate_into(&self, v: &mut Validator) {
        v.field("id").minimum(self.id as f64, 0.0, true);
    }
}
