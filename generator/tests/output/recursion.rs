// Expected output for specs/fixtures/recursion.yml; see generator/tests/snapshots.rs.

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

// file: src/client/folders.rs
/// Operations tagged `folders`; from [`Client::folders`](super::Client::folders).
#[derive(Debug, Clone, Copy)]
pub struct FoldersApi<'a> {
    pub(super) client: &'a super::Client,
}

impl<'a> FoldersApi<'a> {
    /// `GET /folders/{id}/` (`folders_retrieve`).
    pub fn retrieve(self, id: i64) -> Retrieve<'a> {
        Retrieve {
            client: self.client,
            params: crate::params::FoldersRetrieveParams {
                id,
            },
        }
    }

    /// `PUT /folders/{id}/` (`folders_update`).
    pub fn update(self, id: i64, body: &'a crate::models::Folder) -> Update<'a> {
        Update {
            client: self.client,
            params: crate::params::FoldersUpdateParams {
                id,
            },
            body,
        }
    }
}

/// Request builder for `folders_retrieve`; from [`retrieve`](FoldersApi::retrieve).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct Retrieve<'a> {
    client: &'a super::Client,
    params: crate::params::FoldersRetrieveParams,
}

impl<'a> Retrieve<'a> {
    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(
        self,
    ) -> super::transport::BoxFuture<'a, Result<crate::models::Folder, super::Error>> {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                200 => raw.json::<crate::models::Folder, super::ErrorBody>(),
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
            format!("/folders/{}/", super::transport::path_segment(& self.params.id)),
            accept,
            &[],
        );
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for Retrieve<'a> {
    type Output = Result<crate::models::Folder, super::Error>;

    type IntoFuture = super::transport::BoxFuture<'a, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        self.send()
    }
}

/// Request builder for `folders_update`; from [`update`](FoldersApi::update).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct Update<'a> {
    client: &'a super::Client,
    params: crate::params::FoldersUpdateParams,
    body: &'a crate::models::Folder,
}

impl<'a> Update<'a> {
    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(
        self,
    ) -> super::transport::BoxFuture<'a, Result<crate::models::Folder, super::Error>> {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                200 => raw.json::<crate::models::Folder, super::ErrorBody>(),
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
            reqwest::Method::PUT,
            format!("/folders/{}/", super::transport::path_segment(& self.params.id)),
            accept,
            &[],
        );
        self.client.check(self.body)?;
        call.json(crate::runtime::object::Prop::prop(self.body))?;
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for Update<'a> {
    type Output = Result<crate::models::Folder, super::Error>;

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

/// The operations tagged `folders`.
#[cfg(feature = "folders")]
pub mod folders;

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
    /// Operations tagged `folders`.
    #[cfg(feature = "folders")]
    pub fn folders(&self) -> folders::FoldersApi<'_> {
        folders::FoldersApi {
            client: self,
        }
    }
}

// file: src/lib.rs
//! Types for the recursion (fixture) API, version 1.
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

#[cfg(feature = "folders")]
use std::collections::BTreeMap;
use super::runtime::object;

/// Holds itself directly, once required (through a nullable) and once optional.
#[derive(Debug, Clone, PartialEq)]
pub struct Chain {
    pub next: Option<Box<Chain>>,
    pub previous: Option<Box<Chain>>,
}

impl object::Prop for Chain {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

impl Serialize for Chain {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([true, self.previous.is_some()]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("Chain", written),
        );
        object.field("next", &self.next);
        object.optional("previous", &self.previous);
        object.end()
    }
}

impl<'de> Deserialize<'de> for Chain {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

impl object::FromObject for Chain {
    const NAME: &'static str = "Chain";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut next = None;
        let mut previous = None;
        let mut properties = object::Properties::new(&["next", "previous"]);
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read_some(&mut map, &mut next),
                object::Property::Known(1) => object::read(&mut map, &mut previous),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self {
            next: object::required(next, "next")?,
            previous,
        })
    }
}

#[cfg(feature = "folders")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Color {
    /// `red`
    Red,
    /// `green`
    Green,
    /// A value this version of the API does not list; kept as sent.
    Unknown(String),
}

#[cfg(feature = "folders")]
impl Color {
    /// The value as it appears on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Red => "red",
            Self::Green => "green",
            Self::Unknown(value) => value,
        }
    }
}

#[cfg(feature = "folders")]
impl From<&str> for Color {
    fn from(value: &str) -> Self {
        match value {
            "red" => Self::Red,
            "green" => Self::Green,
            other => Self::Unknown(other.to_owned()),
        }
    }
}

#[cfg(feature = "folders")]
impl std::fmt::Display for Color {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(feature = "folders")]
impl Serialize for Color {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(feature = "folders")]
impl object::Prop for Color {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Str(self.as_str())
    }
}

#[cfg(feature = "folders")]
impl<'de> Deserialize<'de> for Color {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        super::runtime::deserialize_open_enum(deserializer)
    }
}

#[cfg(feature = "folders")]
#[derive(Debug, Clone, PartialEq)]
pub struct File {
    pub folder: Folder,
    pub link: Option<Box<Link>>,
}

#[cfg(feature = "folders")]
impl object::Prop for File {
    #[inline]
    fn fields<'a>(&'a self, out: &mut object::Out<'a>) {
        out.list(
            "File",
            &["folder", "link"],
            &[object::value(&self.folder), object::optional(&self.link)],
            None,
        )
    }
}

#[cfg(feature = "folders")]
impl Serialize for File {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([true, self.link.is_some()]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("File", written),
        );
        object.field("folder", &self.folder);
        object.optional("link", &self.link);
        object.end()
    }
}

#[cfg(feature = "folders")]
impl<'de> Deserialize<'de> for File {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

#[cfg(feature = "folders")]
impl object::FromObject for File {
    const NAME: &'static str = "File";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut folder = None;
        let mut link = None;
        let mut properties = object::Properties::new(&["folder", "link"]);
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read_some(&mut map, &mut folder),
                object::Property::Known(1) => object::read(&mut map, &mut link),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self {
            folder: object::required(folder, "folder")?,
            link,
        })
    }
}

/// Holds files, which point back at their folder.
#[cfg(feature = "folders")]
#[derive(Debug, Clone, PartialEq)]
pub struct Folder {
    /// Constraints: at most 20 characters.
    pub name: String,
    pub files: Vec<File>,
    pub by_name: Option<BTreeMap<String, Folder>>,
    pub color: Option<Color>,
}

#[cfg(feature = "folders")]
impl object::Prop for Folder {
    #[inline]
    fn fields<'a>(&'a self, out: &mut object::Out<'a>) {
        out.list(
            "Folder",
            &["name", "files", "by_name", "color"],
            &[
                object::value(&self.name),
                object::value(&self.files),
                object::optional(&self.by_name),
                object::optional(&self.color),
            ],
            None,
        )
    }
}

#[cfg(feature = "folders")]
impl Serialize for Folder {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([
            true,
            true,
            self.by_name.is_some(),
            self.color.is_some(),
        ]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("Folder", written),
        );
        object.field("name", &self.name);
        object.field("files", &self.files);
        object.optional("by_name", &self.by_name);
        object.optional("color", &self.color);
        object.end()
    }
}

#[cfg(feature = "folders")]
impl<'de> Deserialize<'de> for Folder {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

#[cfg(feature = "folders")]
impl object::FromObject for Folder {
    const NAME: &'static str = "Folder";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut name = None;
        let mut files = None;
        let mut by_name = None;
        let mut color = None;
        let mut properties = object::Properties::new(
            &["name", "files", "by_name", "color"],
        );
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read_some(&mut map, &mut name),
                object::Property::Known(1) => object::read_some(&mut map, &mut files),
                object::Property::Known(2) => object::read(&mut map, &mut by_name),
                object::Property::Known(3) => object::read(&mut map, &mut color),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self {
            name: object::required(name, "name")?,
            files: object::required(files, "files")?,
            by_name,
            color,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "i64", into = "i64")]
pub enum Level {
    V1,
    V2,
    /// A value this version of the API does not list; kept as sent.
    Unknown(i64),
}

impl From<i64> for Level {
    fn from(value: i64) -> Self {
        match value {
            1 => Self::V1,
            2 => Self::V2,
            other => Self::Unknown(other),
        }
    }
}

impl From<Level> for i64 {
    fn from(value: Level) -> i64 {
        match value {
            Level::V1 => 1,
            Level::V2 => 2,
            Level::Unknown(other) => other,
        }
    }
}

impl object::Prop for Level {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::I64(i64::from(*self))
    }
}

/// Either a file or a folder; a cycle through a union.
#[cfg(feature = "folders")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Link {
    File(Box<File>),
    Folder(Folder),
}

#[cfg(feature = "folders")]
impl object::Prop for Link {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

/// The spec names of the component schemas the enabled features compile, sorted.
pub const SCHEMA_NAMES: &[&str] = &[
    "Chain",
    #[cfg(feature = "folders")]
    "Color",
    #[cfg(feature = "folders")]
    "File",
    #[cfg(feature = "folders")]
    "Folder",
    "Level",
    #[cfg(feature = "folders")]
    "Link",
];

/// Calls `visitor` with the type generated for the component schema `name`;
/// `None` when the spec has no such schema (or the config replaced it).
pub fn visit_schema<V: super::runtime::SchemaVisitor>(
    name: &str,
    visitor: V,
) -> Option<V::Output> {
    match name {
        "Chain" => Some(visitor.visit::<Chain>()),
        #[cfg(feature = "folders")]
        "Color" => Some(visitor.visit::<Color>()),
        #[cfg(feature = "folders")]
        "File" => Some(visitor.visit::<File>()),
        #[cfg(feature = "folders")]
        "Folder" => Some(visitor.visit::<Folder>()),
        "Level" => Some(visitor.visit::<Level>()),
        #[cfg(feature = "folders")]
        "Link" => Some(visitor.visit::<Link>()),
        _ => {
            let _ = visitor;
            None
        }
    }
}

// file: src/params.rs
//! The parameters of each operation that has any, as one struct per operation.
/// Parameters of `folders_retrieve` (GET `/folders/{id}/`).
#[cfg(feature = "folders")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "server", derive(serde::Deserialize))]
pub struct FoldersRetrieveParams {
    pub id: i64,
}

/// Parameters of `folders_update` (PUT `/folders/{id}/`).
#[cfg(feature = "folders")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "server", derive(serde::Deserialize))]
pub struct FoldersUpdateParams {
    pub id: i64,
}

// file: src/server/folders.rs
use std::sync::Arc;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use super::support::{self, App, BoxFuture};
use super::{Authenticate, Operation, ServerError};

/// The operations tagged `folders`. Each method has a default answering 501; implement the ones you serve.
pub trait Folders: Authenticate {
    /// `GET /folders/{id}/` (`folders_retrieve`).
    ///
    /// No authentication.
    fn retrieve(
        &self,
        params: crate::params::FoldersRetrieveParams,
    ) -> impl Future<Output = Result<RetrieveResponse, ServerError>> + Send {
        let _ = params;
        async { Err(ServerError::not_implemented("folders_retrieve")) }
    }

    /// `PUT /folders/{id}/` (`folders_update`).
    ///
    /// No authentication.
    ///
    /// The body arrives as `application/json`, already validated.
    fn update(
        &self,
        params: crate::params::FoldersUpdateParams,
        body: crate::models::Folder,
    ) -> impl Future<Output = Result<UpdateResponse, ServerError>> + Send {
        let _ = (params, body);
        async { Err(ServerError::not_implemented("folders_update")) }
    }
}

/// The tag's operations, for [`super::RouterBuilder`].
pub(super) fn routes<S: Folders>() -> Vec<support::Route<S>> {
    Vec::from([
        (
            "/folders/{p0}/",
            axum::http::Method::GET,
            retrieve::<S> as support::Handler<S>,
        ),
        ("/folders/{p0}/", axum::http::Method::PUT, update::<S> as support::Handler<S>),
    ])
}

/// `folders_retrieve`: how requests to it are read.
pub static RETRIEVE: Operation = Operation {
    id: "folders_retrieve",
    method: "GET",
    path: "/folders/{id}/",
    security: &[],
    params: &[support::Param::path("id", support::Shape::Integer)],
};

/// The responses `folders_retrieve` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum RetrieveResponse {
    /// 200.
    Ok(crate::models::Folder),
}

impl IntoResponse for RetrieveResponse {
    fn into_response(self) -> Response {
        match self {
            Self::Ok(body) => support::json(StatusCode::OK, &body),
        }
    }
}

pub(super) fn retrieve<S: super::Folders>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::public(
        app,
        request,
        &RETRIEVE,
        |app, input| async move {
            let params = input.params()?;
            <S as super::Folders>::retrieve(&app.server, params).await
        },
    )
}

/// `folders_update`: how requests to it are read.
pub static UPDATE: Operation = Operation {
    id: "folders_update",
    method: "PUT",
    path: "/folders/{id}/",
    security: &[],
    params: &[support::Param::path("id", support::Shape::Integer)],
};

/// The responses `folders_update` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum UpdateResponse {
    /// 200.
    Ok(crate::models::Folder),
}

impl IntoResponse for UpdateResponse {
    fn into_response(self) -> Response {
        match self {
            Self::Ok(body) => support::json(StatusCode::OK, &body),
        }
    }
}

pub(super) fn update<S: super::Folders>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::public(
        app,
        request,
        &UPDATE,
        |app, input| async move {
            let params = input.params()?;
            let body = input
                .json(
                    &support::JsonBody {
                        object: true,
                        required: &["name", "files"],
                        not_null: &["by_name", "color"],
                    },
                )
                .await?;
            <S as super::Folders>::update(&app.server, params, body).await
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

/// The operations tagged `folders`: the [`Folders`] trait and its response types.
#[cfg(feature = "folders")]
pub mod folders;

pub use support::{
    serve, Authenticate, BoxError, Credential, Operation, ServeConfig, ServerConfig,
    ServerError,
};

#[cfg(feature = "folders")]
pub use self::folders::Folders;

/// The trait of every tag whose feature is on: what [`router`] needs. Implemented for any type that implements them all; give an empty `impl` for a tag you do not serve, and its operations answer 501.
pub trait Api: Authenticate + enabled::Folders {}

impl<T: Authenticate + enabled::Folders> Api for T {}

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
    #[cfg(feature = "folders")]
    let builder = builder.folders();
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

    /// Adds the operations tagged `folders`.
    #[cfg(feature = "folders")]
    pub fn folders(self) -> Self
    where
        S: Folders,
    {
        RouterBuilder {
            routes: self.routes.mount(folders::routes::<S>()),
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
    #[cfg(feature = "folders")]
    pub use super::Folders;
    #[cfg(not(feature = "folders"))]
    pub trait Folders {}
    #[cfg(not(feature = "folders"))]
    impl<T: ?Sized> Folders for T {}
}

// file: src/validate.rs
//! `Validate` for every model: the constraints the spec states, as code.
use super::models;

#[cfg(feature = "folders")]
use super::params;
use super::validation::Validate;
use super::validation::Validator;

impl Validate for models::Chain {}

#[cfg(feature = "folders")]
impl Validate for models::Color {
    fn validate_into(&self, v: &mut Validator) {
        if let Self::Unknown(value) = self {
            v.unknown_value(value, &["red", "green"]);
        }
    }
}

#[cfg(feature = "folders")]
impl Validate for models::File {
    fn validate_into(&self, v: &mut Validator) {
        v.field("folder").nested(&self.folder);
        if let Some(value) = &self.link {
            v.field("link").nested(value);
        }
    }
}

#[cfg(feature = "folders")]
impl Validate for models::Folder {
    fn validate_into(&self, v: &mut Validator) {
        v.field("name").max_length(&self.name, 20);
        v.field("files").items(&self.files);
        if let Some(value) = &self.by_name {
            v.field("by_name").values(value);
        }
        if let Some(value) = &self.color {
            v.field("color").nested(value);
        }
    }
}

impl Validate for models::Level {
    fn validate_into(&self, v: &mut Validator) {
        if let Self::Unknown(value) = self {
            v.unknown_value(value, &["1", "2"]);
        }
    }
}

#[cfg(feature = "folders")]
impl Validate for models::Link {
    fn validate_into(&self, v: &mut Validator) {
        match self {
            Self::File(value) => v.nested(value),
            Self::Folder(value) => v.nested(value),
        }
    }
}

#[cfg(feature = "folders")]
impl Validate for params::FoldersRetrieveParams {}

#[cfg(feature = "folders")]
impl Validate for params::FoldersUpdateParams {}
