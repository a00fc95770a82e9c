// Expected output for specs/fixtures/collisions.yml; see generator/tests/snapshots.rs.

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

// file: src/client/arc.rs
/// Operations tagged `arc`; from [`Client::arc`](super::Client::arc).
#[derive(Debug, Clone, Copy)]
pub struct ArcApi<'a> {
    pub(super) client: &'a super::Client,
}

impl<'a> ArcApi<'a> {
    /// `GET /arc/operation/` (`arc_operation`).
    pub fn operation(self) -> Operation2<'a> {
        Operation2 { client: self.client }
    }

    /// `GET /arc/app/` (`arc_app`).
    pub fn app(self) -> App2<'a> {
        App2 { client: self.client }
    }
}

/// Request builder for `arc_operation`; from [`operation`](ArcApi::operation).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct Operation2<'a> {
    client: &'a super::Client,
}

impl<'a> Operation2<'a> {
    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(
        self,
    ) -> super::transport::BoxFuture<'a, Result<crate::models::Thing, super::Error>> {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                200 => raw.json::<crate::models::Thing, super::ErrorBody>(),
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
            "/arc/operation/".to_owned(),
            accept,
            &[],
        );
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for Operation2<'a> {
    type Output = Result<crate::models::Thing, super::Error>;

    type IntoFuture = super::transport::BoxFuture<'a, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        self.send()
    }
}

/// Request builder for `arc_app`; from [`app`](ArcApi::app).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct App2<'a> {
    client: &'a super::Client,
}

impl<'a> App2<'a> {
    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(
        self,
    ) -> super::transport::BoxFuture<'a, Result<crate::models::Thing, super::Error>> {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                200 => raw.json::<crate::models::Thing, super::ErrorBody>(),
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
            "/arc/app/".to_owned(),
            accept,
            &[],
        );
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for App2<'a> {
    type Output = Result<crate::models::Thing, super::Error>;

    type IntoFuture = super::transport::BoxFuture<'a, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        self.send()
    }
}

// file: src/client/build.rs
/// Operations tagged `build`; from [`Client::build`](super::Client::build).
#[derive(Debug, Clone, Copy)]
pub struct BuildApi<'a> {
    pub(super) client: &'a super::Client,
}

impl<'a> BuildApi<'a> {
    /// `GET /build/list/` (`build_list`).
    pub fn list(self) -> List<'a> {
        List { client: self.client }
    }
}

/// Request builder for `build_list`; from [`list`](BuildApi::list).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct List<'a> {
    client: &'a super::Client,
}

impl<'a> List<'a> {
    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(
        self,
    ) -> super::transport::BoxFuture<'a, Result<crate::models::Thing, super::Error>> {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                200 => raw.json::<crate::models::Thing, super::ErrorBody>(),
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
            "/build/list/".to_owned(),
            accept,
            &[],
        );
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for List<'a> {
    type Output = Result<crate::models::Thing, super::Error>;

    type IntoFuture = super::transport::BoxFuture<'a, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        self.send()
    }
}

// file: src/client/check.rs
/// Operations tagged `check`; from [`Client::check_api`](super::Client::check_api).
#[derive(Debug, Clone, Copy)]
pub struct CheckApi<'a> {
    pub(super) client: &'a super::Client,
}

impl<'a> CheckApi<'a> {
    /// `GET /check/list/` (`check_list`).
    pub fn list(self) -> List<'a> {
        List { client: self.client }
    }
}

/// Request builder for `check_list`; from [`list`](CheckApi::list).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct List<'a> {
    client: &'a super::Client,
}

impl<'a> List<'a> {
    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(
        self,
    ) -> super::transport::BoxFuture<'a, Result<crate::models::Thing, super::Error>> {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                200 => raw.json::<crate::models::Thing, super::ErrorBody>(),
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
            "/check/list/".to_owned(),
            accept,
            &[],
        );
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for List<'a> {
    type Output = Result<crate::models::Thing, super::Error>;

    type IntoFuture = super::transport::BoxFuture<'a, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        self.send()
    }
}

// file: src/client/client.rs
/// Operations tagged `client`; from [`Client::client`](super::Client::client).
#[derive(Debug, Clone, Copy)]
pub struct ClientApi<'a> {
    pub(super) client: &'a super::Client,
}

impl<'a> ClientApi<'a> {
    /// `GET /client/builder/` (`client_builder`).
    pub fn builder(self) -> Builder<'a> {
        Builder { client: self.client }
    }
}

/// Request builder for `client_builder`; from [`builder`](ClientApi::builder).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct Builder<'a> {
    client: &'a super::Client,
}

impl<'a> Builder<'a> {
    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(
        self,
    ) -> super::transport::BoxFuture<'a, Result<crate::models::Thing, super::Error>> {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                200 => raw.json::<crate::models::Thing, super::ErrorBody>(),
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
            "/client/builder/".to_owned(),
            accept,
            &[],
        );
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for Builder<'a> {
    type Output = Result<crate::models::Thing, super::Error>;

    type IntoFuture = super::transport::BoxFuture<'a, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        self.send()
    }
}

// file: src/client/crate_.rs
/// Operations tagged `crate_`; from [`Client::crate_`](super::Client::crate_).
#[derive(Debug, Clone, Copy)]
pub struct CrateApi<'a> {
    pub(super) client: &'a super::Client,
}

impl<'a> CrateApi<'a> {
    /// `GET /crate/list/` (`crate_list`).
    pub fn crate_list(self) -> CrateList<'a> {
        CrateList { client: self.client }
    }
}

/// Request builder for `crate_list`; from [`crate_list`](CrateApi::crate_list).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct CrateList<'a> {
    client: &'a super::Client,
}

impl<'a> CrateList<'a> {
    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(
        self,
    ) -> super::transport::BoxFuture<'a, Result<crate::models::Thing, super::Error>> {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                200 => raw.json::<crate::models::Thing, super::ErrorBody>(),
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
            "/crate/list/".to_owned(),
            accept,
            &[],
        );
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for CrateList<'a> {
    type Output = Result<crate::models::Thing, super::Error>;

    type IntoFuture = super::transport::BoxFuture<'a, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        self.send()
    }
}

// file: src/client/default.rs
/// Operations tagged `default`; from [`Client::default`](super::Client::default).
#[derive(Debug, Clone, Copy)]
pub struct DefaultApi<'a> {
    pub(super) client: &'a super::Client,
}

impl<'a> DefaultApi<'a> {
    /// `GET /default/list/` (`default_list`).
    pub fn list(self) -> List<'a> {
        List { client: self.client }
    }
}

/// Request builder for `default_list`; from [`list`](DefaultApi::list).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct List<'a> {
    client: &'a super::Client,
}

impl<'a> List<'a> {
    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(
        self,
    ) -> super::transport::BoxFuture<'a, Result<crate::models::Thing, super::Error>> {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                200 => raw.json::<crate::models::Thing, super::ErrorBody>(),
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
            "/default/list/".to_owned(),
            accept,
            &[],
        );
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for List<'a> {
    type Output = Result<crate::models::Thing, super::Error>;

    type IntoFuture = super::transport::BoxFuture<'a, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        self.send()
    }
}

// file: src/client/enabled_ops.rs
/// Operations tagged `enabled`; from [`Client::enabled`](super::Client::enabled).
#[derive(Debug, Clone, Copy)]
pub struct EnabledApi<'a> {
    pub(super) client: &'a super::Client,
}

impl<'a> EnabledApi<'a> {
    /// `GET /enabled/box_future/` (`enabled_box_future`).
    pub fn box_future(self) -> BoxFuture2<'a> {
        BoxFuture2 { client: self.client }
    }

    /// `GET /enabled/routes/` (`enabled_routes`).
    pub fn routes(self) -> Routes<'a> {
        Routes { client: self.client }
    }
}

/// Request builder for `enabled_box_future`; from [`box_future`](EnabledApi::box_future).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct BoxFuture2<'a> {
    client: &'a super::Client,
}

impl<'a> BoxFuture2<'a> {
    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(
        self,
    ) -> super::transport::BoxFuture<'a, Result<crate::models::Thing, super::Error>> {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                200 => raw.json::<crate::models::Thing, super::ErrorBody>(),
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
            "/enabled/box_future/".to_owned(),
            accept,
            &[],
        );
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for BoxFuture2<'a> {
    type Output = Result<crate::models::Thing, super::Error>;

    type IntoFuture = super::transport::BoxFuture<'a, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        self.send()
    }
}

/// Request builder for `enabled_routes`; from [`routes`](EnabledApi::routes).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct Routes<'a> {
    client: &'a super::Client,
}

impl<'a> Routes<'a> {
    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(
        self,
    ) -> super::transport::BoxFuture<'a, Result<crate::models::Thing, super::Error>> {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                200 => raw.json::<crate::models::Thing, super::ErrorBody>(),
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
            "/enabled/routes/".to_owned(),
            accept,
            &[],
        );
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for Routes<'a> {
    type Output = Result<crate::models::Thing, super::Error>;

    type IntoFuture = super::transport::BoxFuture<'a, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        self.send()
    }
}

// file: src/client/into.rs
/// Operations tagged `into`; from [`Client::into`](super::Client::into).
#[derive(Debug, Clone, Copy)]
pub struct IntoApi<'a> {
    pub(super) client: &'a super::Client,
}

impl<'a> IntoApi<'a> {
    /// `GET /into/result/` (`into_result`).
    pub fn result(self) -> Result2<'a> {
        Result2 { client: self.client }
    }
}

/// Request builder for `into_result`; from [`result`](IntoApi::result).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct Result2<'a> {
    client: &'a super::Client,
}

impl<'a> Result2<'a> {
    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(
        self,
    ) -> super::transport::BoxFuture<'a, Result<crate::models::Thing, super::Error>> {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                200 => raw.json::<crate::models::Thing, super::ErrorBody>(),
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
            "/into/result/".to_owned(),
            accept,
            &[],
        );
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for Result2<'a> {
    type Output = Result<crate::models::Thing, super::Error>;

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

/// The operations tagged `arc`.
#[cfg(feature = "arc")]
pub mod arc;

/// The operations tagged `build`.
#[cfg(feature = "build")]
pub mod build;

/// The operations tagged `check`.
#[cfg(feature = "check")]
pub mod check;

/// The operations tagged `client`.
#[cfg(feature = "tag-client")]
pub mod client;

/// The operations tagged `crate_`.
#[cfg(feature = "crate_")]
pub mod crate_;

/// The operations tagged `default`.
#[cfg(feature = "tag-default")]
pub mod default;

/// The operations tagged `enabled`.
#[cfg(feature = "enabled")]
pub mod enabled_ops;

/// The operations tagged `into`.
#[cfg(feature = "into")]
pub mod into;

/// The operations tagged `models`.
#[cfg(feature = "models")]
pub mod models;

/// The operations tagged `new`.
#[cfg(feature = "new")]
pub mod new;

/// The operations tagged `params`.
#[cfg(feature = "params")]
pub mod params;

/// The operations tagged `request`.
#[cfg(feature = "request")]
pub mod request;

/// The operations tagged `response`.
#[cfg(feature = "response")]
pub mod response;

/// The operations tagged `runtime`.
#[cfg(feature = "runtime")]
pub mod runtime;

/// The operations tagged `self_`.
#[cfg(feature = "self_")]
pub mod self_;

/// The operations tagged `server`.
#[cfg(feature = "tag-server")]
pub mod server;

/// The operations tagged `support`.
#[cfg(feature = "support")]
pub mod support_ops;

/// The operations tagged `transport`.
#[cfg(feature = "transport")]
pub mod transport_ops;

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
    /// A `Thing` body.
    #[cfg(
        any(
            feature = "arc",
            feature = "build",
            feature = "check",
            feature = "tag-client",
            feature = "crate_",
            feature = "tag-default",
            feature = "enabled",
            feature = "into",
            feature = "models",
            feature = "new",
            feature = "params",
            feature = "request",
            feature = "response",
            feature = "runtime",
            feature = "self_",
            feature = "tag-server",
            feature = "support",
            feature = "transport"
        )
    )]
    Thing(crate::models::Thing),
    /// The spec documents the status without a body.
    Empty,
}

/// One decoder per body kind, shared by every operation that documents it.
impl ErrorBody {
    #[cfg(feature = "response")]
    fn decode_thing_body(body: &[u8]) -> serde_json::Result<Self> {
        serde_json::from_slice(body).map(Self::Thing)
    }

    #[cfg(feature = "response")]
    fn decode_empty(_body: &[u8]) -> serde_json::Result<Self> {
        Ok(Self::Empty)
    }
}

/// Why an operation did not return its success value.
pub type Error = ClientError<ErrorBody>;

impl Client {
    /// Operations tagged `arc`.
    #[cfg(feature = "arc")]
    pub fn arc(&self) -> arc::ArcApi<'_> {
        arc::ArcApi { client: self }
    }

    /// Operations tagged `build`.
    #[cfg(feature = "build")]
    pub fn build(&self) -> build::BuildApi<'_> {
        build::BuildApi { client: self }
    }

    /// Operations tagged `check`.
    #[cfg(feature = "check")]
    pub fn check_api(&self) -> check::CheckApi<'_> {
        check::CheckApi { client: self }
    }

    /// Operations tagged `client`.
    #[cfg(feature = "tag-client")]
    pub fn client(&self) -> client::ClientApi<'_> {
        client::ClientApi { client: self }
    }

    /// Operations tagged `crate_`.
    #[cfg(feature = "crate_")]
    pub fn crate_(&self) -> crate_::CrateApi<'_> {
        crate_::CrateApi { client: self }
    }

    /// Operations tagged `default`.
    #[cfg(feature = "tag-default")]
    pub fn default(&self) -> default::DefaultApi<'_> {
        default::DefaultApi {
            client: self,
        }
    }

    /// Operations tagged `enabled`.
    #[cfg(feature = "enabled")]
    pub fn enabled(&self) -> enabled_ops::EnabledApi<'_> {
        enabled_ops::EnabledApi {
            client: self,
        }
    }

    /// Operations tagged `into`.
    #[cfg(feature = "into")]
    pub fn into(&self) -> into::IntoApi<'_> {
        into::IntoApi { client: self }
    }

    /// Operations tagged `models`.
    #[cfg(feature = "models")]
    pub fn models(&self) -> models::ModelsApi<'_> {
        models::ModelsApi { client: self }
    }

    /// Operations tagged `new`.
    #[cfg(feature = "new")]
    pub fn new_api(&self) -> new::NewApi<'_> {
        new::NewApi { client: self }
    }

    /// Operations tagged `params`.
    #[cfg(feature = "params")]
    pub fn params(&self) -> params::ParamsApi<'_> {
        params::ParamsApi { client: self }
    }

    /// Operations tagged `request`.
    #[cfg(feature = "request")]
    pub fn request(&self) -> request::RequestApi<'_> {
        request::RequestApi {
            client: self,
        }
    }

    /// Operations tagged `response`.
    #[cfg(feature = "response")]
    pub fn response(&self) -> response::ResponseApi<'_> {
        response::ResponseApi {
            client: self,
        }
    }

    /// Operations tagged `runtime`.
    #[cfg(feature = "runtime")]
    pub fn runtime(&self) -> runtime::RuntimeApi<'_> {
        runtime::RuntimeApi {
            client: self,
        }
    }

    /// Operations tagged `self_`.
    #[cfg(feature = "self_")]
    pub fn self_(&self) -> self_::SelfValueApi<'_> {
        self_::SelfValueApi {
            client: self,
        }
    }

    /// Operations tagged `server`.
    #[cfg(feature = "tag-server")]
    pub fn server(&self) -> server::ServerApi<'_> {
        server::ServerApi { client: self }
    }

    /// Operations tagged `support`.
    #[cfg(feature = "support")]
    pub fn support(&self) -> support_ops::SupportApi<'_> {
        support_ops::SupportApi {
            client: self,
        }
    }

    /// Operations tagged `transport`.
    #[cfg(feature = "transport")]
    pub fn transport(&self) -> transport_ops::TransportApi<'_> {
        transport_ops::TransportApi {
            client: self,
        }
    }
}

// file: src/client/models.rs
/// Operations tagged `models`; from [`Client::models`](super::Client::models).
#[derive(Debug, Clone, Copy)]
pub struct ModelsApi<'a> {
    pub(super) client: &'a super::Client,
}

impl<'a> ModelsApi<'a> {
    /// `GET /models/value/` (`models_value`).
    pub fn value(self) -> Value2<'a> {
        Value2 { client: self.client }
    }
}

/// Request builder for `models_value`; from [`value`](ModelsApi::value).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct Value2<'a> {
    client: &'a super::Client,
}

impl<'a> Value2<'a> {
    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(
        self,
    ) -> super::transport::BoxFuture<'a, Result<crate::models::Thing, super::Error>> {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                200 => raw.json::<crate::models::Thing, super::ErrorBody>(),
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
            "/models/value/".to_owned(),
            accept,
            &[],
        );
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for Value2<'a> {
    type Output = Result<crate::models::Thing, super::Error>;

    type IntoFuture = super::transport::BoxFuture<'a, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        self.send()
    }
}

// file: src/client/new.rs
/// Operations tagged `new`; from [`Client::new_api`](super::Client::new_api).
#[derive(Debug, Clone, Copy)]
pub struct NewApi<'a> {
    pub(super) client: &'a super::Client,
}

impl<'a> NewApi<'a> {
    /// `GET /new/list/` (`new_list`).
    pub fn list(self) -> List<'a> {
        List { client: self.client }
    }
}

/// Request builder for `new_list`; from [`list`](NewApi::list).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct List<'a> {
    client: &'a super::Client,
}

impl<'a> List<'a> {
    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(
        self,
    ) -> super::transport::BoxFuture<'a, Result<crate::models::Thing, super::Error>> {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                200 => raw.json::<crate::models::Thing, super::ErrorBody>(),
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
            "/new/list/".to_owned(),
            accept,
            &[],
        );
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for List<'a> {
    type Output = Result<crate::models::Thing, super::Error>;

    type IntoFuture = super::transport::BoxFuture<'a, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        self.send()
    }
}

// file: src/client/params.rs
/// Operations tagged `params`; from [`Client::params`](super::Client::params).
#[derive(Debug, Clone, Copy)]
pub struct ParamsApi<'a> {
    pub(super) client: &'a super::Client,
}

impl<'a> ParamsApi<'a> {
    /// `GET /params/list/` (`params_list`).
    pub fn list(self) -> List<'a> {
        List { client: self.client }
    }
}

/// Request builder for `params_list`; from [`list`](ParamsApi::list).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct List<'a> {
    client: &'a super::Client,
}

impl<'a> List<'a> {
    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(
        self,
    ) -> super::transport::BoxFuture<'a, Result<crate::models::Thing, super::Error>> {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                200 => raw.json::<crate::models::Thing, super::ErrorBody>(),
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
            "/params/list/".to_owned(),
            accept,
            &[],
        );
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for List<'a> {
    type Output = Result<crate::models::Thing, super::Error>;

    type IntoFuture = super::transport::BoxFuture<'a, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        self.send()
    }
}

// file: src/client/request.rs
/// Operations tagged `request`; from [`Client::request`](super::Client::request).
#[derive(Debug, Clone, Copy)]
pub struct RequestApi<'a> {
    pub(super) client: &'a super::Client,
}

impl<'a> RequestApi<'a> {
    /// `GET /request/send/` (`request_send`).
    pub fn send(self) -> Send2<'a> {
        Send2 { client: self.client }
    }

    /// `GET /request/authenticate/` (`request_authenticate`).
    pub fn authenticate(self) -> Authenticate2<'a> {
        Authenticate2 {
            client: self.client,
        }
    }
}

/// Request builder for `request_send`; from [`send`](RequestApi::send).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct Send2<'a> {
    client: &'a super::Client,
}

impl<'a> Send2<'a> {
    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(
        self,
    ) -> super::transport::BoxFuture<'a, Result<crate::models::Thing, super::Error>> {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                200 => raw.json::<crate::models::Thing, super::ErrorBody>(),
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
            "/request/send/".to_owned(),
            accept,
            &[],
        );
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for Send2<'a> {
    type Output = Result<crate::models::Thing, super::Error>;

    type IntoFuture = super::transport::BoxFuture<'a, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        self.send()
    }
}

/// Request builder for `request_authenticate`; from [`authenticate`](RequestApi::authenticate).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct Authenticate2<'a> {
    client: &'a super::Client,
}

impl<'a> Authenticate2<'a> {
    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(
        self,
    ) -> super::transport::BoxFuture<'a, Result<crate::models::Thing, super::Error>> {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                200 => raw.json::<crate::models::Thing, super::ErrorBody>(),
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
            "/request/authenticate/".to_owned(),
            accept,
            &[],
        );
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for Authenticate2<'a> {
    type Output = Result<crate::models::Thing, super::Error>;

    type IntoFuture = super::transport::BoxFuture<'a, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        self.send()
    }
}

// file: src/client/response.rs
/// Operations tagged `response`; from [`Client::response`](super::Client::response).
#[derive(Debug, Clone, Copy)]
pub struct ResponseApi<'a> {
    pub(super) client: &'a super::Client,
}

impl<'a> ResponseApi<'a> {
    /// `GET /response/into/{id}/` (`response_into`).
    pub fn into(self, id: i64) -> Into2<'a> {
        Into2 {
            client: self.client,
            params: crate::params::ResponseIntoParams {
                id,
                send: None,
                set_send: None,
                stream: None,
                r#type: None,
            },
        }
    }

    /// `GET /response/status_code/` (`response_status_code`).
    pub fn status_code(self) -> StatusCode2<'a> {
        StatusCode2 { client: self.client }
    }
}

/// Request builder for `response_into`; from [`into`](ResponseApi::into).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct Into2<'a> {
    client: &'a super::Client,
    params: crate::params::ResponseIntoParams,
}

/// The success responses of `response_into`.
#[derive(Debug, Clone, PartialEq)]
pub enum Into2Response {
    /// the thing
    Ok(crate::models::Thing),
    /// made
    Created(crate::models::Thing),
    /// another success
    Status2XX,
}

impl<'a> Into2<'a> {
    /// Sets the query parameter `send`.
    pub fn set_send2(mut self, value: impl Into<String>) -> Self {
        self.params.send = Some(value.into());
        self
    }

    /// Sets the query parameter `set_send`.
    pub fn set_send(mut self, value: impl Into<String>) -> Self {
        self.params.set_send = Some(value.into());
        self
    }

    /// Sets the query parameter `stream`.
    pub fn set_stream(mut self, value: bool) -> Self {
        self.params.stream = Some(value);
        self
    }

    /// Sets the query parameter `type`.
    pub fn r#type(mut self, value: impl Into<String>) -> Self {
        self.params.r#type = Some(value.into());
        self
    }

    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(
        self,
    ) -> super::transport::BoxFuture<'a, Result<Into2Response, super::Error>> {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                200 => {
                    raw.json::<crate::models::Thing, super::ErrorBody>()
                        .map(Into2Response::Ok)
                }
                201 => {
                    raw.json::<crate::models::Thing, super::ErrorBody>()
                        .map(Into2Response::Created)
                }
                200..=299 => Ok(Into2Response::Status2XX),
                418 => Err(raw.api_error(super::ErrorBody::decode_thing_body)),
                _ => Err(raw.api_error(super::ErrorBody::decode_empty)),
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
            format!(
                "/response/into/{}/", super::transport::path_segment(& self.params.id)
            ),
            accept,
            &[],
        );
        call.query("send", &self.params.send, true);
        call.query("set_send", &self.params.set_send, true);
        call.query("stream", &self.params.stream, true);
        call.query("type", &self.params.r#type, true);
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for Into2<'a> {
    type Output = Result<Into2Response, super::Error>;

    type IntoFuture = super::transport::BoxFuture<'a, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        self.send()
    }
}

/// Request builder for `response_status_code`; from [`status_code`](ResponseApi::status_code).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct StatusCode2<'a> {
    client: &'a super::Client,
}

impl<'a> StatusCode2<'a> {
    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(
        self,
    ) -> super::transport::BoxFuture<'a, Result<crate::models::Thing, super::Error>> {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                200 => raw.json::<crate::models::Thing, super::ErrorBody>(),
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
            "/response/status_code/".to_owned(),
            accept,
            &[],
        );
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for StatusCode2<'a> {
    type Output = Result<crate::models::Thing, super::Error>;

    type IntoFuture = super::transport::BoxFuture<'a, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        self.send()
    }
}

// file: src/client/runtime.rs
/// Operations tagged `runtime`; from [`Client::runtime`](super::Client::runtime).
#[derive(Debug, Clone, Copy)]
pub struct RuntimeApi<'a> {
    pub(super) client: &'a super::Client,
}

impl<'a> RuntimeApi<'a> {
    /// `GET /runtime/list/` (`runtime_list`).
    pub fn list(self) -> List<'a> {
        List { client: self.client }
    }
}

/// Request builder for `runtime_list`; from [`list`](RuntimeApi::list).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct List<'a> {
    client: &'a super::Client,
}

impl<'a> List<'a> {
    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(
        self,
    ) -> super::transport::BoxFuture<'a, Result<crate::models::Thing, super::Error>> {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                200 => raw.json::<crate::models::Thing, super::ErrorBody>(),
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
            "/runtime/list/".to_owned(),
            accept,
            &[],
        );
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for List<'a> {
    type Output = Result<crate::models::Thing, super::Error>;

    type IntoFuture = super::transport::BoxFuture<'a, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        self.send()
    }
}

// file: src/client/self_.rs
/// Operations tagged `self_`; from [`Client::self_`](super::Client::self_).
#[derive(Debug, Clone, Copy)]
pub struct SelfValueApi<'a> {
    pub(super) client: &'a super::Client,
}

impl<'a> SelfValueApi<'a> {
    /// `GET /self/list/` (`self_list`).
    pub fn self_list(self) -> SelfList<'a> {
        SelfList { client: self.client }
    }
}

/// Request builder for `self_list`; from [`self_list`](SelfValueApi::self_list).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct SelfList<'a> {
    client: &'a super::Client,
}

impl<'a> SelfList<'a> {
    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(
        self,
    ) -> super::transport::BoxFuture<'a, Result<crate::models::Thing, super::Error>> {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                200 => raw.json::<crate::models::Thing, super::ErrorBody>(),
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
            "/self/list/".to_owned(),
            accept,
            &[],
        );
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for SelfList<'a> {
    type Output = Result<crate::models::Thing, super::Error>;

    type IntoFuture = super::transport::BoxFuture<'a, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        self.send()
    }
}

// file: src/client/server.rs
/// Operations tagged `server`; from [`Client::server`](super::Client::server).
#[derive(Debug, Clone, Copy)]
pub struct ServerApi<'a> {
    pub(super) client: &'a super::Client,
}

impl<'a> ServerApi<'a> {
    /// `GET /server/router/` (`server_router`).
    pub fn router(self) -> Router<'a> {
        Router { client: self.client }
    }
}

/// Request builder for `server_router`; from [`router`](ServerApi::router).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct Router<'a> {
    client: &'a super::Client,
}

impl<'a> Router<'a> {
    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(
        self,
    ) -> super::transport::BoxFuture<'a, Result<crate::models::Thing, super::Error>> {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                200 => raw.json::<crate::models::Thing, super::ErrorBody>(),
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
            "/server/router/".to_owned(),
            accept,
            &[],
        );
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for Router<'a> {
    type Output = Result<crate::models::Thing, super::Error>;

    type IntoFuture = super::transport::BoxFuture<'a, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        self.send()
    }
}

// file: src/client/support_ops.rs
/// Operations tagged `support`; from [`Client::support`](super::Client::support).
#[derive(Debug, Clone, Copy)]
pub struct SupportApi<'a> {
    pub(super) client: &'a super::Client,
}

impl<'a> SupportApi<'a> {
    /// `GET /support/list/` (`support_list`).
    pub fn list(self) -> List<'a> {
        List { client: self.client }
    }
}

/// Request builder for `support_list`; from [`list`](SupportApi::list).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct List<'a> {
    client: &'a super::Client,
}

impl<'a> List<'a> {
    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(
        self,
    ) -> super::transport::BoxFuture<'a, Result<crate::models::Thing, super::Error>> {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                200 => raw.json::<crate::models::Thing, super::ErrorBody>(),
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
            "/support/list/".to_owned(),
            accept,
            &[],
        );
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for List<'a> {
    type Output = Result<crate::models::Thing, super::Error>;

    type IntoFuture = super::transport::BoxFuture<'a, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        self.send()
    }
}

// file: src/client/transport_ops.rs
/// Operations tagged `transport`; from [`Client::transport`](super::Client::transport).
#[derive(Debug, Clone, Copy)]
pub struct TransportApi<'a> {
    pub(super) client: &'a super::Client,
}

impl<'a> TransportApi<'a> {
    /// `GET /transport/list/` (`transport_list`).
    pub fn list(self) -> List<'a> {
        List { client: self.client }
    }
}

/// Request builder for `transport_list`; from [`list`](TransportApi::list).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct List<'a> {
    client: &'a super::Client,
}

impl<'a> List<'a> {
    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(
        self,
    ) -> super::transport::BoxFuture<'a, Result<crate::models::Thing, super::Error>> {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                200 => raw.json::<crate::models::Thing, super::ErrorBody>(),
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
            "/transport/list/".to_owned(),
            accept,
            &[],
        );
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for List<'a> {
    type Output = Result<crate::models::Thing, super::Error>;

    type IntoFuture = super::transport::BoxFuture<'a, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        self.send()
    }
}

// file: src/lib.rs
//! Types for the colliding names (fixture) API, version 1.
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
#[cfg(
    any(
        feature = "arc",
        feature = "build",
        feature = "check",
        feature = "tag-client",
        feature = "crate_",
        feature = "tag-default",
        feature = "enabled",
        feature = "into",
        feature = "models",
        feature = "new",
        feature = "params",
        feature = "request",
        feature = "response",
        feature = "runtime",
        feature = "self_",
        feature = "tag-server",
        feature = "support",
        feature = "transport"
    )
)]
use serde::{Deserialize, Serialize};

#[cfg(
    any(
        feature = "arc",
        feature = "build",
        feature = "check",
        feature = "tag-client",
        feature = "crate_",
        feature = "tag-default",
        feature = "enabled",
        feature = "into",
        feature = "models",
        feature = "new",
        feature = "params",
        feature = "request",
        feature = "response",
        feature = "runtime",
        feature = "self_",
        feature = "tag-server",
        feature = "support",
        feature = "transport"
    )
)]
use super::runtime::object;

#[cfg(
    any(
        feature = "arc",
        feature = "build",
        feature = "check",
        feature = "tag-client",
        feature = "crate_",
        feature = "tag-default",
        feature = "enabled",
        feature = "into",
        feature = "models",
        feature = "new",
        feature = "params",
        feature = "request",
        feature = "response",
        feature = "runtime",
        feature = "self_",
        feature = "tag-server",
        feature = "support",
        feature = "transport"
    )
)]
#[derive(Debug, Clone, PartialEq)]
pub struct Thing {
    pub id: i64,
    pub r#type: Option<String>,
}

#[cfg(
    any(
        feature = "arc",
        feature = "build",
        feature = "check",
        feature = "tag-client",
        feature = "crate_",
        feature = "tag-default",
        feature = "enabled",
        feature = "into",
        feature = "models",
        feature = "new",
        feature = "params",
        feature = "request",
        feature = "response",
        feature = "runtime",
        feature = "self_",
        feature = "tag-server",
        feature = "support",
        feature = "transport"
    )
)]
impl object::Prop for Thing {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

#[cfg(
    any(
        feature = "arc",
        feature = "build",
        feature = "check",
        feature = "tag-client",
        feature = "crate_",
        feature = "tag-default",
        feature = "enabled",
        feature = "into",
        feature = "models",
        feature = "new",
        feature = "params",
        feature = "request",
        feature = "response",
        feature = "runtime",
        feature = "self_",
        feature = "tag-server",
        feature = "support",
        feature = "transport"
    )
)]
impl Serialize for Thing {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([true, self.r#type.is_some()]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("Thing", written),
        );
        object.field("id", &self.id);
        object.optional("type", &self.r#type);
        object.end()
    }
}

#[cfg(
    any(
        feature = "arc",
        feature = "build",
        feature = "check",
        feature = "tag-client",
        feature = "crate_",
        feature = "tag-default",
        feature = "enabled",
        feature = "into",
        feature = "models",
        feature = "new",
        feature = "params",
        feature = "request",
        feature = "response",
        feature = "runtime",
        feature = "self_",
        feature = "tag-server",
        feature = "support",
        feature = "transport"
    )
)]
impl<'de> Deserialize<'de> for Thing {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

#[cfg(
    any(
        feature = "arc",
        feature = "build",
        feature = "check",
        feature = "tag-client",
        feature = "crate_",
        feature = "tag-default",
        feature = "enabled",
        feature = "into",
        feature = "models",
        feature = "new",
        feature = "params",
        feature = "request",
        feature = "response",
        feature = "runtime",
        feature = "self_",
        feature = "tag-server",
        feature = "support",
        feature = "transport"
    )
)]
impl object::FromObject for Thing {
    const NAME: &'static str = "Thing";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut id = None;
        let mut r#type = None;
        let mut properties = object::Properties::new(&["id", "type"]);
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read_some(&mut map, &mut id),
                object::Property::Known(1) => object::read(&mut map, &mut r#type),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self {
            id: object::required(id, "id")?,
            r#type,
        })
    }
}

/// The spec names of the component schemas the enabled features compile, sorted.
pub const SCHEMA_NAMES: &[&str] = &[
    #[cfg(
        any(
            feature = "arc",
            feature = "build",
            feature = "check",
            feature = "tag-client",
            feature = "crate_",
            feature = "tag-default",
            feature = "enabled",
            feature = "into",
            feature = "models",
            feature = "new",
            feature = "params",
            feature = "request",
            feature = "response",
            feature = "runtime",
            feature = "self_",
            feature = "tag-server",
            feature = "support",
            feature = "transport"
        )
    )]
    "Thing",
];

/// Calls `visitor` with the type generated for the component schema `name`;
/// `None` when the spec has no such schema (or the config replaced it).
pub fn visit_schema<V: super::runtime::SchemaVisitor>(
    name: &str,
    visitor: V,
) -> Option<V::Output> {
    match name {
        #[cfg(
            any(
                feature = "arc",
                feature = "build",
                feature = "check",
                feature = "tag-client",
                feature = "crate_",
                feature = "tag-default",
                feature = "enabled",
                feature = "into",
                feature = "models",
                feature = "new",
                feature = "params",
                feature = "request",
                feature = "response",
                feature = "runtime",
                feature = "self_",
                feature = "tag-server",
                feature = "support",
                feature = "transport"
            )
        )]
        "Thing" => Some(visitor.visit::<Thing>()),
        _ => {
            let _ = visitor;
            None
        }
    }
}

// file: src/params.rs
//! The parameters of each operation that has any, as one struct per operation.
/// Parameters of `response_into` (GET `/response/into/{id}/`).
#[cfg(feature = "response")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "server", derive(serde::Deserialize))]
pub struct ResponseIntoParams {
    pub id: i64,
    #[cfg_attr(feature = "server", serde(default))]
    pub send: Option<String>,
    #[cfg_attr(feature = "server", serde(default))]
    pub set_send: Option<String>,
    #[cfg_attr(feature = "server", serde(default))]
    pub stream: Option<bool>,
    #[cfg_attr(feature = "server", serde(default))]
    pub r#type: Option<String>,
}

// file: src/server/arc.rs
use std::sync::Arc;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use super::support::{self, App, BoxFuture};
use super::{Authenticate, Operation, ServerError};

/// The operations tagged `arc`. Each method has a default answering 501; implement the ones you serve.
pub trait Arc2: Authenticate {
    /// `GET /arc/operation/` (`arc_operation`).
    ///
    /// No authentication.
    fn operation(
        &self,
    ) -> impl Future<Output = Result<Operation2Response, ServerError>> + Send {
        async { Err(ServerError::not_implemented("arc_operation")) }
    }

    /// `GET /arc/app/` (`arc_app`).
    ///
    /// No authentication.
    fn app(&self) -> impl Future<Output = Result<App2Response, ServerError>> + Send {
        async { Err(ServerError::not_implemented("arc_app")) }
    }
}

/// The tag's operations, for [`super::RouterBuilder`].
pub(super) fn routes<S: Arc2>() -> Vec<support::Route<S>> {
    Vec::from([
        (
            "/arc/operation/",
            axum::http::Method::GET,
            operation::<S> as support::Handler<S>,
        ),
        ("/arc/app/", axum::http::Method::GET, app::<S> as support::Handler<S>),
    ])
}

/// `arc_operation`: how requests to it are read.
pub static OPERATION: Operation = Operation {
    id: "arc_operation",
    method: "GET",
    path: "/arc/operation/",
    security: &[],
    params: &[],
};

/// The responses `arc_operation` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum Operation2Response {
    /// 200: the thing
    Ok(crate::models::Thing),
}

impl IntoResponse for Operation2Response {
    fn into_response(self) -> Response {
        match self {
            Self::Ok(body) => support::json(StatusCode::OK, &body),
        }
    }
}

pub(super) fn operation<S: super::Arc2>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::public(
        app,
        request,
        &OPERATION,
        |app, _input| async move { <S as super::Arc2>::operation(&app.server).await },
    )
}

/// `arc_app`: how requests to it are read.
pub static APP: Operation = Operation {
    id: "arc_app",
    method: "GET",
    path: "/arc/app/",
    security: &[],
    params: &[],
};

/// The responses `arc_app` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum App2Response {
    /// 200: the thing
    Ok(crate::models::Thing),
}

impl IntoResponse for App2Response {
    fn into_response(self) -> Response {
        match self {
            Self::Ok(body) => support::json(StatusCode::OK, &body),
        }
    }
}

pub(super) fn app<S: super::Arc2>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::public(
        app,
        request,
        &APP,
        |app, _input| async move { <S as super::Arc2>::app(&app.server).await },
    )
}

// file: src/server/build.rs
use std::sync::Arc;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use super::support::{self, App, BoxFuture};
use super::{Authenticate, Operation, ServerError};

/// The operations tagged `build`. Each method has a default answering 501; implement the ones you serve.
pub trait Build: Authenticate {
    /// `GET /build/list/` (`build_list`).
    ///
    /// No authentication.
    fn list(&self) -> impl Future<Output = Result<ListResponse, ServerError>> + Send {
        async { Err(ServerError::not_implemented("build_list")) }
    }
}

/// The tag's operations, for [`super::RouterBuilder`].
pub(super) fn routes<S: Build>() -> Vec<support::Route<S>> {
    Vec::from([
        ("/build/list/", axum::http::Method::GET, list::<S> as support::Handler<S>),
    ])
}

/// `build_list`: how requests to it are read.
pub static LIST: Operation = Operation {
    id: "build_list",
    method: "GET",
    path: "/build/list/",
    security: &[],
    params: &[],
};

/// The responses `build_list` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum ListResponse {
    /// 200: the thing
    Ok(crate::models::Thing),
}

impl IntoResponse for ListResponse {
    fn into_response(self) -> Response {
        match self {
            Self::Ok(body) => support::json(StatusCode::OK, &body),
        }
    }
}

pub(super) fn list<S: super::Build>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::public(
        app,
        request,
        &LIST,
        |app, _input| async move { <S as super::Build>::list(&app.server).await },
    )
}

// file: src/server/check.rs
use std::sync::Arc;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use super::support::{self, App, BoxFuture};
use super::{Authenticate, Operation, ServerError};

/// The operations tagged `check`. Each method has a default answering 501; implement the ones you serve.
pub trait Check: Authenticate {
    /// `GET /check/list/` (`check_list`).
    ///
    /// No authentication.
    fn list(&self) -> impl Future<Output = Result<ListResponse, ServerError>> + Send {
        async { Err(ServerError::not_implemented("check_list")) }
    }
}

/// The tag's operations, for [`super::RouterBuilder`].
pub(super) fn routes<S: Check>() -> Vec<support::Route<S>> {
    Vec::from([
        ("/check/list/", axum::http::Method::GET, list::<S> as support::Handler<S>),
    ])
}

/// `check_list`: how requests to it are read.
pub static LIST: Operation = Operation {
    id: "check_list",
    method: "GET",
    path: "/check/list/",
    security: &[],
    params: &[],
};

/// The responses `check_list` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum ListResponse {
    /// 200: the thing
    Ok(crate::models::Thing),
}

impl IntoResponse for ListResponse {
    fn into_response(self) -> Response {
        match self {
            Self::Ok(body) => support::json(StatusCode::OK, &body),
        }
    }
}

pub(super) fn list<S: super::Check>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::public(
        app,
        request,
        &LIST,
        |app, _input| async move { <S as super::Check>::list(&app.server).await },
    )
}

// file: src/server/client.rs
use std::sync::Arc;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use super::support::{self, App, BoxFuture};
use super::{Authenticate, Operation, ServerError};

/// The operations tagged `client`. Each method has a default answering 501; implement the ones you serve.
pub trait Client: Authenticate {
    /// `GET /client/builder/` (`client_builder`).
    ///
    /// No authentication.
    fn builder(
        &self,
    ) -> impl Future<Output = Result<BuilderResponse, ServerError>> + Send {
        async { Err(ServerError::not_implemented("client_builder")) }
    }
}

/// The tag's operations, for [`super::RouterBuilder`].
pub(super) fn routes<S: Client>() -> Vec<support::Route<S>> {
    Vec::from([
        (
            "/client/builder/",
            axum::http::Method::GET,
            builder::<S> as support::Handler<S>,
        ),
    ])
}

/// `client_builder`: how requests to it are read.
pub static BUILDER: Operation = Operation {
    id: "client_builder",
    method: "GET",
    path: "/client/builder/",
    security: &[],
    params: &[],
};

/// The responses `client_builder` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum BuilderResponse {
    /// 200: the thing
    Ok(crate::models::Thing),
}

impl IntoResponse for BuilderResponse {
    fn into_response(self) -> Response {
        match self {
            Self::Ok(body) => support::json(StatusCode::OK, &body),
        }
    }
}

pub(super) fn builder<S: super::Client>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::public(
        app,
        request,
        &BUILDER,
        |app, _input| async move { <S as super::Client>::builder(&app.server).await },
    )
}

// file: src/server/crate_.rs
use std::sync::Arc;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use super::support::{self, App, BoxFuture};
use super::{Authenticate, Operation, ServerError};

/// The operations tagged `crate_`. Each method has a default answering 501; implement the ones you serve.
pub trait Crate: Authenticate {
    /// `GET /crate/list/` (`crate_list`).
    ///
    /// No authentication.
    fn crate_list(
        &self,
    ) -> impl Future<Output = Result<CrateListResponse, ServerError>> + Send {
        async { Err(ServerError::not_implemented("crate_list")) }
    }
}

/// The tag's operations, for [`super::RouterBuilder`].
pub(super) fn routes<S: Crate>() -> Vec<support::Route<S>> {
    Vec::from([
        ("/crate/list/", axum::http::Method::GET, crate_list::<S> as support::Handler<S>),
    ])
}

/// `crate_list`: how requests to it are read.
pub static CRATE_LIST: Operation = Operation {
    id: "crate_list",
    method: "GET",
    path: "/crate/list/",
    security: &[],
    params: &[],
};

/// The responses `crate_list` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum CrateListResponse {
    /// 200: the thing
    Ok(crate::models::Thing),
}

impl IntoResponse for CrateListResponse {
    fn into_response(self) -> Response {
        match self {
            Self::Ok(body) => support::json(StatusCode::OK, &body),
        }
    }
}

pub(super) fn crate_list<S: super::Crate>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::public(
        app,
        request,
        &CRATE_LIST,
        |app, _input| async move { <S as super::Crate>::crate_list(&app.server).await },
    )
}

// file: src/server/default.rs
use std::sync::Arc;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use super::support::{self, App, BoxFuture};
use super::{Authenticate, Operation, ServerError};

/// The operations tagged `default`. Each method has a default answering 501; implement the ones you serve.
pub trait Default2: Authenticate {
    /// `GET /default/list/` (`default_list`).
    ///
    /// No authentication.
    fn list(&self) -> impl Future<Output = Result<ListResponse, ServerError>> + Send {
        async { Err(ServerError::not_implemented("default_list")) }
    }
}

/// The tag's operations, for [`super::RouterBuilder`].
pub(super) fn routes<S: Default2>() -> Vec<support::Route<S>> {
    Vec::from([
        ("/default/list/", axum::http::Method::GET, list::<S> as support::Handler<S>),
    ])
}

/// `default_list`: how requests to it are read.
pub static LIST: Operation = Operation {
    id: "default_list",
    method: "GET",
    path: "/default/list/",
    security: &[],
    params: &[],
};

/// The responses `default_list` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum ListResponse {
    /// 200: the thing
    Ok(crate::models::Thing),
}

impl IntoResponse for ListResponse {
    fn into_response(self) -> Response {
        match self {
            Self::Ok(body) => support::json(StatusCode::OK, &body),
        }
    }
}

pub(super) fn list<S: super::Default2>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::public(
        app,
        request,
        &LIST,
        |app, _input| async move { <S as super::Default2>::list(&app.server).await },
    )
}

// file: src/server/enabled_ops.rs
use std::sync::Arc;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use super::support::{self, App, BoxFuture};
use super::{Authenticate, Operation, ServerError};

/// The operations tagged `enabled`. Each method has a default answering 501; implement the ones you serve.
pub trait Enabled: Authenticate {
    /// `GET /enabled/box_future/` (`enabled_box_future`).
    ///
    /// No authentication.
    fn box_future(
        &self,
    ) -> impl Future<Output = Result<BoxFuture2Response, ServerError>> + Send {
        async { Err(ServerError::not_implemented("enabled_box_future")) }
    }

    /// `GET /enabled/routes/` (`enabled_routes`).
    ///
    /// No authentication.
    fn routes(
        &self,
    ) -> impl Future<Output = Result<RoutesResponse, ServerError>> + Send {
        async { Err(ServerError::not_implemented("enabled_routes")) }
    }
}

/// The tag's operations, for [`super::RouterBuilder`].
pub(super) fn routes2<S: Enabled>() -> Vec<support::Route<S>> {
    Vec::from([
        (
            "/enabled/box_future/",
            axum::http::Method::GET,
            box_future::<S> as support::Handler<S>,
        ),
        ("/enabled/routes/", axum::http::Method::GET, routes::<S> as support::Handler<S>),
    ])
}

/// `enabled_box_future`: how requests to it are read.
pub static BOX_FUTURE: Operation = Operation {
    id: "enabled_box_future",
    method: "GET",
    path: "/enabled/box_future/",
    security: &[],
    params: &[],
};

/// The responses `enabled_box_future` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum BoxFuture2Response {
    /// 200: the thing
    Ok(crate::models::Thing),
}

impl IntoResponse for BoxFuture2Response {
    fn into_response(self) -> Response {
        match self {
            Self::Ok(body) => support::json(StatusCode::OK, &body),
        }
    }
}

pub(super) fn box_future<S: super::Enabled>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::public(
        app,
        request,
        &BOX_FUTURE,
        |app, _input| async move { <S as super::Enabled>::box_future(&app.server).await },
    )
}

/// `enabled_routes`: how requests to it are read.
pub static ROUTES: Operation = Operation {
    id: "enabled_routes",
    method: "GET",
    path: "/enabled/routes/",
    security: &[],
    params: &[],
};

/// The responses `enabled_routes` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum RoutesResponse {
    /// 200: the thing
    Ok(crate::models::Thing),
}

impl IntoResponse for RoutesResponse {
    fn into_response(self) -> Response {
        match self {
            Self::Ok(body) => support::json(StatusCode::OK, &body),
        }
    }
}

pub(super) fn routes<S: super::Enabled>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::public(
        app,
        request,
        &ROUTES,
        |app, _input| async move { <S as super::Enabled>::routes(&app.server).await },
    )
}

// file: src/server/into.rs
use std::sync::Arc;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use super::support::{self, App, BoxFuture};
use super::{Authenticate, Operation, ServerError};

/// The operations tagged `into`. Each method has a default answering 501; implement the ones you serve.
pub trait Into2: Authenticate {
    /// `GET /into/result/` (`into_result`).
    ///
    /// No authentication.
    fn result(
        &self,
    ) -> impl Future<Output = Result<Result2Response, ServerError>> + Send {
        async { Err(ServerError::not_implemented("into_result")) }
    }
}

/// The tag's operations, for [`super::RouterBuilder`].
pub(super) fn routes<S: Into2>() -> Vec<support::Route<S>> {
    Vec::from([
        ("/into/result/", axum::http::Method::GET, result::<S> as support::Handler<S>),
    ])
}

/// `into_result`: how requests to it are read.
pub static RESULT: Operation = Operation {
    id: "into_result",
    method: "GET",
    path: "/into/result/",
    security: &[],
    params: &[],
};

/// The responses `into_result` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum Result2Response {
    /// 200: the thing
    Ok(crate::models::Thing),
}

impl IntoResponse for Result2Response {
    fn into_response(self) -> Response {
        match self {
            Self::Ok(body) => support::json(StatusCode::OK, &body),
        }
    }
}

pub(super) fn result<S: super::Into2>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::public(
        app,
        request,
        &RESULT,
        |app, _input| async move { <S as super::Into2>::result(&app.server).await },
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

/// The operations tagged `arc`: the [`Arc2`] trait and its response types.
#[cfg(feature = "arc")]
pub mod arc;

/// The operations tagged `build`: the [`Build`] trait and its response types.
#[cfg(feature = "build")]
pub mod build;

/// The operations tagged `check`: the [`Check`] trait and its response types.
#[cfg(feature = "check")]
pub mod check;

/// The operations tagged `client`: the [`Client`] trait and its response types.
#[cfg(feature = "tag-client")]
pub mod client;

/// The operations tagged `crate_`: the [`Crate`] trait and its response types.
#[cfg(feature = "crate_")]
pub mod crate_;

/// The operations tagged `default`: the [`Default2`] trait and its response types.
#[cfg(feature = "tag-default")]
pub mod default;

/// The operations tagged `enabled`: the [`Enabled`] trait and its response types.
#[cfg(feature = "enabled")]
pub mod enabled_ops;

/// The operations tagged `into`: the [`Into2`] trait and its response types.
#[cfg(feature = "into")]
pub mod into;

/// The operations tagged `models`: the [`Models`] trait and its response types.
#[cfg(feature = "models")]
pub mod models;

/// The operations tagged `new`: the [`New`] trait and its response types.
#[cfg(feature = "new")]
pub mod new;

/// The operations tagged `params`: the [`Params`] trait and its response types.
#[cfg(feature = "params")]
pub mod params;

/// The operations tagged `request`: the [`Request2`] trait and its response types.
#[cfg(feature = "request")]
pub mod request;

/// The operations tagged `response`: the [`Response2`] trait and its response types.
#[cfg(feature = "response")]
pub mod response;

/// The operations tagged `runtime`: the [`Runtime`] trait and its response types.
#[cfg(feature = "runtime")]
pub mod runtime;

/// The operations tagged `self_`: the [`SelfValue`] trait and its response types.
#[cfg(feature = "self_")]
pub mod self_;

/// The operations tagged `server`: the [`Server`] trait and its response types.
#[cfg(feature = "tag-server")]
pub mod server;

/// The operations tagged `support`: the [`Support`] trait and its response types.
#[cfg(feature = "support")]
pub mod support_ops;

/// The operations tagged `transport`: the [`Transport`] trait and its response types.
#[cfg(feature = "transport")]
pub mod transport_ops;

pub use support::{
    serve, Authenticate, BoxError, Credential, Operation, ServeConfig, ServerConfig,
    ServerError,
};

#[cfg(feature = "arc")]
pub use self::arc::Arc2;

#[cfg(feature = "build")]
pub use self::build::Build;

#[cfg(feature = "check")]
pub use self::check::Check;

#[cfg(feature = "tag-client")]
pub use self::client::Client;

#[cfg(feature = "crate_")]
pub use self::crate_::Crate;

#[cfg(feature = "tag-default")]
pub use self::default::Default2;

#[cfg(feature = "enabled")]
pub use self::enabled_ops::Enabled;

#[cfg(feature = "into")]
pub use self::into::Into2;

#[cfg(feature = "models")]
pub use self::models::Models;

#[cfg(feature = "new")]
pub use self::new::New;

#[cfg(feature = "params")]
pub use self::params::Params;

#[cfg(feature = "request")]
pub use self::request::Request2;

#[cfg(feature = "response")]
pub use self::response::Response2;

#[cfg(feature = "runtime")]
pub use self::runtime::Runtime;

#[cfg(feature = "self_")]
pub use self::self_::SelfValue;

#[cfg(feature = "tag-server")]
pub use self::server::Server;

#[cfg(feature = "support")]
pub use self::support_ops::Support;

#[cfg(feature = "transport")]
pub use self::transport_ops::Transport;

/// The trait of every tag whose feature is on: what [`router`] needs. Implemented for any type that implements them all; give an empty `impl` for a tag you do not serve, and its operations answer 501.
pub trait Api: Authenticate + enabled::Arc2 + enabled::Build + enabled::Check + enabled::Client + enabled::Crate + enabled::Default2 + enabled::Enabled + enabled::Into2 + enabled::Models + enabled::New + enabled::Params + enabled::Request2 + enabled::Response2 + enabled::Runtime + enabled::SelfValue + enabled::Server + enabled::Support + enabled::Transport {}

impl<
    T: Authenticate + enabled::Arc2 + enabled::Build + enabled::Check + enabled::Client
        + enabled::Crate + enabled::Default2 + enabled::Enabled + enabled::Into2
        + enabled::Models + enabled::New + enabled::Params + enabled::Request2
        + enabled::Response2 + enabled::Runtime + enabled::SelfValue + enabled::Server
        + enabled::Support + enabled::Transport,
> Api for T {}

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
    #[cfg(feature = "arc")]
    let builder = builder.arc();
    #[cfg(feature = "build")]
    let builder = builder.build_api();
    #[cfg(feature = "check")]
    let builder = builder.check();
    #[cfg(feature = "tag-client")]
    let builder = builder.client();
    #[cfg(feature = "crate_")]
    let builder = builder.crate_();
    #[cfg(feature = "tag-default")]
    let builder = builder.default();
    #[cfg(feature = "enabled")]
    let builder = builder.enabled();
    #[cfg(feature = "into")]
    let builder = builder.into();
    #[cfg(feature = "models")]
    let builder = builder.models();
    #[cfg(feature = "new")]
    let builder = builder.new_api();
    #[cfg(feature = "params")]
    let builder = builder.params();
    #[cfg(feature = "request")]
    let builder = builder.request();
    #[cfg(feature = "response")]
    let builder = builder.response();
    #[cfg(feature = "runtime")]
    let builder = builder.runtime();
    #[cfg(feature = "self_")]
    let builder = builder.self_();
    #[cfg(feature = "tag-server")]
    let builder = builder.server();
    #[cfg(feature = "support")]
    let builder = builder.support();
    #[cfg(feature = "transport")]
    let builder = builder.transport();
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

    /// Adds the operations tagged `arc`.
    #[cfg(feature = "arc")]
    pub fn arc(self) -> Self
    where
        S: Arc2,
    {
        RouterBuilder {
            routes: self.routes.mount(arc::routes::<S>()),
        }
    }

    /// Adds the operations tagged `build`.
    #[cfg(feature = "build")]
    pub fn build_api(self) -> Self
    where
        S: Build,
    {
        RouterBuilder {
            routes: self.routes.mount(build::routes::<S>()),
        }
    }

    /// Adds the operations tagged `check`.
    #[cfg(feature = "check")]
    pub fn check(self) -> Self
    where
        S: Check,
    {
        RouterBuilder {
            routes: self.routes.mount(check::routes::<S>()),
        }
    }

    /// Adds the operations tagged `client`.
    #[cfg(feature = "tag-client")]
    pub fn client(self) -> Self
    where
        S: Client,
    {
        RouterBuilder {
            routes: self.routes.mount(client::routes::<S>()),
        }
    }

    /// Adds the operations tagged `crate_`.
    #[cfg(feature = "crate_")]
    pub fn crate_(self) -> Self
    where
        S: Crate,
    {
        RouterBuilder {
            routes: self.routes.mount(crate_::routes::<S>()),
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

    /// Adds the operations tagged `enabled`.
    #[cfg(feature = "enabled")]
    pub fn enabled(self) -> Self
    where
        S: Enabled,
    {
        RouterBuilder {
            routes: self.routes.mount(enabled_ops::routes2::<S>()),
        }
    }

    /// Adds the operations tagged `into`.
    #[cfg(feature = "into")]
    pub fn into(self) -> Self
    where
        S: Into2,
    {
        RouterBuilder {
            routes: self.routes.mount(into::routes::<S>()),
        }
    }

    /// Adds the operations tagged `models`.
    #[cfg(feature = "models")]
    pub fn models(self) -> Self
    where
        S: Models,
    {
        RouterBuilder {
            routes: self.routes.mount(models::routes::<S>()),
        }
    }

    /// Adds the operations tagged `new`.
    #[cfg(feature = "new")]
    pub fn new_api(self) -> Self
    where
        S: New,
    {
        RouterBuilder {
            routes: self.routes.mount(new::routes::<S>()),
        }
    }

    /// Adds the operations tagged `params`.
    #[cfg(feature = "params")]
    pub fn params(self) -> Self
    where
        S: Params,
    {
        RouterBuilder {
            routes: self.routes.mount(params::routes::<S>()),
        }
    }

    /// Adds the operations tagged `request`.
    #[cfg(feature = "request")]
    pub fn request(self) -> Self
    where
        S: Request2,
    {
        RouterBuilder {
            routes: self.routes.mount(request::routes::<S>()),
        }
    }

    /// Adds the operations tagged `response`.
    #[cfg(feature = "response")]
    pub fn response(self) -> Self
    where
        S: Response2,
    {
        RouterBuilder {
            routes: self.routes.mount(response::routes::<S>()),
        }
    }

    /// Adds the operations tagged `runtime`.
    #[cfg(feature = "runtime")]
    pub fn runtime(self) -> Self
    where
        S: Runtime,
    {
        RouterBuilder {
            routes: self.routes.mount(runtime::routes::<S>()),
        }
    }

    /// Adds the operations tagged `self_`.
    #[cfg(feature = "self_")]
    pub fn self_(self) -> Self
    where
        S: SelfValue,
    {
        RouterBuilder {
            routes: self.routes.mount(self_::routes::<S>()),
        }
    }

    /// Adds the operations tagged `server`.
    #[cfg(feature = "tag-server")]
    pub fn server(self) -> Self
    where
        S: Server,
    {
        RouterBuilder {
            routes: self.routes.mount(server::routes::<S>()),
        }
    }

    /// Adds the operations tagged `support`.
    #[cfg(feature = "support")]
    pub fn support(self) -> Self
    where
        S: Support,
    {
        RouterBuilder {
            routes: self.routes.mount(support_ops::routes::<S>()),
        }
    }

    /// Adds the operations tagged `transport`.
    #[cfg(feature = "transport")]
    pub fn transport(self) -> Self
    where
        S: Transport,
    {
        RouterBuilder {
            routes: self.routes.mount(transport_ops::routes::<S>()),
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
    #[cfg(feature = "arc")]
    pub use super::Arc2;
    #[cfg(not(feature = "arc"))]
    pub trait Arc2 {}
    #[cfg(not(feature = "arc"))]
    impl<T: ?Sized> Arc2 for T {}
    #[cfg(feature = "build")]
    pub use super::Build;
    #[cfg(not(feature = "build"))]
    pub trait Build {}
    #[cfg(not(feature = "build"))]
    impl<T: ?Sized> Build for T {}
    #[cfg(feature = "check")]
    pub use super::Check;
    #[cfg(not(feature = "check"))]
    pub trait Check {}
    #[cfg(not(feature = "check"))]
    impl<T: ?Sized> Check for T {}
    #[cfg(feature = "tag-client")]
    pub use super::Client;
    #[cfg(not(feature = "tag-client"))]
    pub trait Client {}
    #[cfg(not(feature = "tag-client"))]
    impl<T: ?Sized> Client for T {}
    #[cfg(feature = "crate_")]
    pub use super::Crate;
    #[cfg(not(feature = "crate_"))]
    pub trait Crate {}
    #[cfg(not(feature = "crate_"))]
    impl<T: ?Sized> Crate for T {}
    #[cfg(feature = "tag-default")]
    pub use super::Default2;
    #[cfg(not(feature = "tag-default"))]
    pub trait Default2 {}
    #[cfg(not(feature = "tag-default"))]
    impl<T: ?Sized> Default2 for T {}
    #[cfg(feature = "enabled")]
    pub use super::Enabled;
    #[cfg(not(feature = "enabled"))]
    pub trait Enabled {}
    #[cfg(not(feature = "enabled"))]
    impl<T: ?Sized> Enabled for T {}
    #[cfg(feature = "into")]
    pub use super::Into2;
    #[cfg(not(feature = "into"))]
    pub trait Into2 {}
    #[cfg(not(feature = "into"))]
    impl<T: ?Sized> Into2 for T {}
    #[cfg(feature = "models")]
    pub use super::Models;
    #[cfg(not(feature = "models"))]
    pub trait Models {}
    #[cfg(not(feature = "models"))]
    impl<T: ?Sized> Models for T {}
    #[cfg(feature = "new")]
    pub use super::New;
    #[cfg(not(feature = "new"))]
    pub trait New {}
    #[cfg(not(feature = "new"))]
    impl<T: ?Sized> New for T {}
    #[cfg(feature = "params")]
    pub use super::Params;
    #[cfg(not(feature = "params"))]
    pub trait Params {}
    #[cfg(not(feature = "params"))]
    impl<T: ?Sized> Params for T {}
    #[cfg(feature = "request")]
    pub use super::Request2;
    #[cfg(not(feature = "request"))]
    pub trait Request2 {}
    #[cfg(not(feature = "request"))]
    impl<T: ?Sized> Request2 for T {}
    #[cfg(feature = "response")]
    pub use super::Response2;
    #[cfg(not(feature = "response"))]
    pub trait Response2 {}
    #[cfg(not(feature = "response"))]
    impl<T: ?Sized> Response2 for T {}
    #[cfg(feature = "runtime")]
    pub use super::Runtime;
    #[cfg(not(feature = "runtime"))]
    pub trait Runtime {}
    #[cfg(not(feature = "runtime"))]
    impl<T: ?Sized> Runtime for T {}
    #[cfg(feature = "self_")]
    pub use super::SelfValue;
    #[cfg(not(feature = "self_"))]
    pub trait SelfValue {}
    #[cfg(not(feature = "self_"))]
    impl<T: ?Sized> SelfValue for T {}
    #[cfg(feature = "tag-server")]
    pub use super::Server;
    #[cfg(not(feature = "tag-server"))]
    pub trait Server {}
    #[cfg(not(feature = "tag-server"))]
    impl<T: ?Sized> Server for T {}
    #[cfg(feature = "support")]
    pub use super::Support;
    #[cfg(not(feature = "support"))]
    pub trait Support {}
    #[cfg(not(feature = "support"))]
    impl<T: ?Sized> Support for T {}
    #[cfg(feature = "transport")]
    pub use super::Transport;
    #[cfg(not(feature = "transport"))]
    pub trait Transport {}
    #[cfg(not(feature = "transport"))]
    impl<T: ?Sized> Transport for T {}
}

// file: src/server/models.rs
use std::sync::Arc;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use super::support::{self, App, BoxFuture};
use super::{Authenticate, Operation, ServerError};

/// The operations tagged `models`. Each method has a default answering 501; implement the ones you serve.
pub trait Models: Authenticate {
    /// `GET /models/value/` (`models_value`).
    ///
    /// No authentication.
    fn value(&self) -> impl Future<Output = Result<Value2Response, ServerError>> + Send {
        async { Err(ServerError::not_implemented("models_value")) }
    }
}

/// The tag's operations, for [`super::RouterBuilder`].
pub(super) fn routes<S: Models>() -> Vec<support::Route<S>> {
    Vec::from([
        ("/models/value/", axum::http::Method::GET, value::<S> as support::Handler<S>),
    ])
}

/// `models_value`: how requests to it are read.
pub static VALUE: Operation = Operation {
    id: "models_value",
    method: "GET",
    path: "/models/value/",
    security: &[],
    params: &[],
};

/// The responses `models_value` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum Value2Response {
    /// 200: the thing
    Ok(crate::models::Thing),
}

impl IntoResponse for Value2Response {
    fn into_response(self) -> Response {
        match self {
            Self::Ok(body) => support::json(StatusCode::OK, &body),
        }
    }
}

pub(super) fn value<S: super::Models>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::public(
        app,
        request,
        &VALUE,
        |app, _input| async move { <S as super::Models>::value(&app.server).await },
    )
}

// file: src/server/new.rs
use std::sync::Arc;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use super::support::{self, App, BoxFuture};
use super::{Authenticate, Operation, ServerError};

/// The operations tagged `new`. Each method has a default answering 501; implement the ones you serve.
pub trait New: Authenticate {
    /// `GET /new/list/` (`new_list`).
    ///
    /// No authentication.
    fn list(&self) -> impl Future<Output = Result<ListResponse, ServerError>> + Send {
        async { Err(ServerError::not_implemented("new_list")) }
    }
}

/// The tag's operations, for [`super::RouterBuilder`].
pub(super) fn routes<S: New>() -> Vec<support::Route<S>> {
    Vec::from([
        ("/new/list/", axum::http::Method::GET, list::<S> as support::Handler<S>),
    ])
}

/// `new_list`: how requests to it are read.
pub static LIST: Operation = Operation {
    id: "new_list",
    method: "GET",
    path: "/new/list/",
    security: &[],
    params: &[],
};

/// The responses `new_list` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum ListResponse {
    /// 200: the thing
    Ok(crate::models::Thing),
}

impl IntoResponse for ListResponse {
    fn into_response(self) -> Response {
        match self {
            Self::Ok(body) => support::json(StatusCode::OK, &body),
        }
    }
}

pub(super) fn list<S: super::New>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::public(
        app,
        request,
        &LIST,
        |app, _input| async move { <S as super::New>::list(&app.server).await },
    )
}

// file: src/server/params.rs
use std::sync::Arc;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use super::support::{self, App, BoxFuture};
use super::{Authenticate, Operation, ServerError};

/// The operations tagged `params`. Each method has a default answering 501; implement the ones you serve.
pub trait Params: Authenticate {
    /// `GET /params/list/` (`params_list`).
    ///
    /// No authentication.
    fn list(&self) -> impl Future<Output = Result<ListResponse, ServerError>> + Send {
        async { Err(ServerError::not_implemented("params_list")) }
    }
}

/// The tag's operations, for [`super::RouterBuilder`].
pub(super) fn routes<S: Params>() -> Vec<support::Route<S>> {
    Vec::from([
        ("/params/list/", axum::http::Method::GET, list::<S> as support::Handler<S>),
    ])
}

/// `params_list`: how requests to it are read.
pub static LIST: Operation = Operation {
    id: "params_list",
    method: "GET",
    path: "/params/list/",
    security: &[],
    params: &[],
};

/// The responses `params_list` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum ListResponse {
    /// 200: the thing
    Ok(crate::models::Thing),
}

impl IntoResponse for ListResponse {
    fn into_response(self) -> Response {
        match self {
            Self::Ok(body) => support::json(StatusCode::OK, &body),
        }
    }
}

pub(super) fn list<S: super::Params>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::public(
        app,
        request,
        &LIST,
        |app, _input| async move { <S as super::Params>::list(&app.server).await },
    )
}

// file: src/server/request.rs
use std::sync::Arc;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use super::support::{self, App, BoxFuture};
use super::{Authenticate, Operation, ServerError};

/// The operations tagged `request`. Each method has a default answering 501; implement the ones you serve.
pub trait Request2: Authenticate {
    /// `GET /request/send/` (`request_send`).
    ///
    /// No authentication.
    fn send(&self) -> impl Future<Output = Result<Send2Response, ServerError>> + Send {
        async { Err(ServerError::not_implemented("request_send")) }
    }

    /// `GET /request/authenticate/` (`request_authenticate`).
    ///
    /// No authentication.
    fn authenticate(
        &self,
    ) -> impl Future<Output = Result<Authenticate2Response, ServerError>> + Send {
        async { Err(ServerError::not_implemented("request_authenticate")) }
    }
}

/// The tag's operations, for [`super::RouterBuilder`].
pub(super) fn routes<S: Request2>() -> Vec<support::Route<S>> {
    Vec::from([
        ("/request/send/", axum::http::Method::GET, send::<S> as support::Handler<S>),
        (
            "/request/authenticate/",
            axum::http::Method::GET,
            authenticate::<S> as support::Handler<S>,
        ),
    ])
}

/// `request_send`: how requests to it are read.
pub static SEND: Operation = Operation {
    id: "request_send",
    method: "GET",
    path: "/request/send/",
    security: &[],
    params: &[],
};

/// The responses `request_send` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum Send2Response {
    /// 200: the thing
    Ok(crate::models::Thing),
}

impl IntoResponse for Send2Response {
    fn into_response(self) -> Response {
        match self {
            Self::Ok(body) => support::json(StatusCode::OK, &body),
        }
    }
}

pub(super) fn send<S: super::Request2>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::public(
        app,
        request,
        &SEND,
        |app, _input| async move { <S as super::Request2>::send(&app.server).await },
    )
}

/// `request_authenticate`: how requests to it are read.
pub static AUTHENTICATE: Operation = Operation {
    id: "request_authenticate",
    method: "GET",
    path: "/request/authenticate/",
    security: &[],
    params: &[],
};

/// The responses `request_authenticate` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum Authenticate2Response {
    /// 200: the thing
    Ok(crate::models::Thing),
}

impl IntoResponse for Authenticate2Response {
    fn into_response(self) -> Response {
        match self {
            Self::Ok(body) => support::json(StatusCode::OK, &body),
        }
    }
}

pub(super) fn authenticate<S: super::Request2>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::public(
        app,
        request,
        &AUTHENTICATE,
        |app, _input| async move {
            <S as super::Request2>::authenticate(&app.server).await
        },
    )
}

// file: src/server/response.rs
use std::sync::Arc;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use super::support::{self, App, BoxFuture};
use super::{Authenticate, Operation, ServerError};

/// The operations tagged `response`. Each method has a default answering 501; implement the ones you serve.
pub trait Response2: Authenticate {
    /// `GET /response/into/{id}/` (`response_into`).
    ///
    /// No authentication.
    fn into(
        &self,
        params: crate::params::ResponseIntoParams,
    ) -> impl Future<Output = Result<Into2Response, ServerError>> + Send {
        let _ = params;
        async { Err(ServerError::not_implemented("response_into")) }
    }

    /// `GET /response/status_code/` (`response_status_code`).
    ///
    /// No authentication.
    fn status_code(
        &self,
    ) -> impl Future<Output = Result<StatusCode2Response, ServerError>> + Send {
        async { Err(ServerError::not_implemented("response_status_code")) }
    }
}

/// The tag's operations, for [`super::RouterBuilder`].
pub(super) fn routes<S: Response2>() -> Vec<support::Route<S>> {
    Vec::from([
        (
            "/response/into/{p0}/",
            axum::http::Method::GET,
            into::<S> as support::Handler<S>,
        ),
        (
            "/response/status_code/",
            axum::http::Method::GET,
            status_code::<S> as support::Handler<S>,
        ),
    ])
}

/// `response_into`: how requests to it are read.
pub static INTO: Operation = Operation {
    id: "response_into",
    method: "GET",
    path: "/response/into/{id}/",
    security: &[],
    params: &[
        support::Param::path("id", support::Shape::Integer),
        support::Param::query("send", support::Shape::String),
        support::Param::query("set_send", support::Shape::String),
        support::Param::query("stream", support::Shape::Boolean),
        support::Param::query("type", support::Shape::String),
    ],
};

/// The responses `response_into` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum Into2Response {
    /// 200: the thing
    Ok(crate::models::Thing),
    /// 201: made
    Created(crate::models::Thing),
    /// 418: a teapot
    Status418(crate::models::Thing),
    /// 2XX: another success
    Status2XX(StatusCode),
    /// Any other status: anything else
    Default(StatusCode),
}

impl IntoResponse for Into2Response {
    fn into_response(self) -> Response {
        match self {
            Self::Ok(body) => support::json(StatusCode::OK, &body),
            Self::Created(body) => support::json(StatusCode::CREATED, &body),
            Self::Status418(body) => support::json(support::status(418), &body),
            Self::Status2XX(status) => support::empty(status),
            Self::Default(status) => support::empty(status),
        }
    }
}

pub(super) fn into<S: super::Response2>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::public(
        app,
        request,
        &INTO,
        |app, input| async move {
            let params = input.params()?;
            <S as super::Response2>::into(&app.server, params).await
        },
    )
}

/// `response_status_code`: how requests to it are read.
pub static STATUS_CODE: Operation = Operation {
    id: "response_status_code",
    method: "GET",
    path: "/response/status_code/",
    security: &[],
    params: &[],
};

/// The responses `response_status_code` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum StatusCode2Response {
    /// 200: the thing
    Ok(crate::models::Thing),
}

impl IntoResponse for StatusCode2Response {
    fn into_response(self) -> Response {
        match self {
            Self::Ok(body) => support::json(StatusCode::OK, &body),
        }
    }
}

pub(super) fn status_code<S: super::Response2>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::public(
        app,
        request,
        &STATUS_CODE,
        |app, _input| async move {
            <S as super::Response2>::status_code(&app.server).await
        },
    )
}

// file: src/server/runtime.rs
use std::sync::Arc;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use super::support::{self, App, BoxFuture};
use super::{Authenticate, Operation, ServerError};

/// The operations tagged `runtime`. Each method has a default answering 501; implement the ones you serve.
pub trait Runtime: Authenticate {
    /// `GET /runtime/list/` (`runtime_list`).
    ///
    /// No authentication.
    fn list(&self) -> impl Future<Output = Result<ListResponse, ServerError>> + Send {
        async { Err(ServerError::not_implemented("runtime_list")) }
    }
}

/// The tag's operations, for [`super::RouterBuilder`].
pub(super) fn routes<S: Runtime>() -> Vec<support::Route<S>> {
    Vec::from([
        ("/runtime/list/", axum::http::Method::GET, list::<S> as support::Handler<S>),
    ])
}

/// `runtime_list`: how requests to it are read.
pub static LIST: Operation = Operation {
    id: "runtime_list",
    method: "GET",
    path: "/runtime/list/",
    security: &[],
    params: &[],
};

/// The responses `runtime_list` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum ListResponse {
    /// 200: the thing
    Ok(crate::models::Thing),
}

impl IntoResponse for ListResponse {
    fn into_response(self) -> Response {
        match self {
            Self::Ok(body) => support::json(StatusCode::OK, &body),
        }
    }
}

pub(super) fn list<S: super::Runtime>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::public(
        app,
        request,
        &LIST,
        |app, _input| async move { <S as super::Runtime>::list(&app.server).await },
    )
}

// file: src/server/self_.rs
use std::sync::Arc;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use super::support::{self, App, BoxFuture};
use super::{Authenticate, Operation, ServerError};

/// The operations tagged `self_`. Each method has a default answering 501; implement the ones you serve.
pub trait SelfValue: Authenticate {
    /// `GET /self/list/` (`self_list`).
    ///
    /// No authentication.
    fn self_list(
        &self,
    ) -> impl Future<Output = Result<SelfListResponse, ServerError>> + Send {
        async { Err(ServerError::not_implemented("self_list")) }
    }
}

/// The tag's operations, for [`super::RouterBuilder`].
pub(super) fn routes<S: SelfValue>() -> Vec<support::Route<S>> {
    Vec::from([
        ("/self/list/", axum::http::Method::GET, self_list::<S> as support::Handler<S>),
    ])
}

/// `self_list`: how requests to it are read.
pub static SELF_LIST: Operation = Operation {
    id: "self_list",
    method: "GET",
    path: "/self/list/",
    security: &[],
    params: &[],
};

/// The responses `self_list` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum SelfListResponse {
    /// 200: the thing
    Ok(crate::models::Thing),
}

impl IntoResponse for SelfListResponse {
    fn into_response(self) -> Response {
        match self {
            Self::Ok(body) => support::json(StatusCode::OK, &body),
        }
    }
}

pub(super) fn self_list<S: super::SelfValue>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::public(
        app,
        request,
        &SELF_LIST,
        |app, _input| async move {
            <S as super::SelfValue>::self_list(&app.server).await
        },
    )
}

// file: src/server/server.rs
use std::sync::Arc;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use super::support::{self, App, BoxFuture};
use super::{Authenticate, Operation, ServerError};

/// The operations tagged `server`. Each method has a default answering 501; implement the ones you serve.
pub trait Server: Authenticate {
    /// `GET /server/router/` (`server_router`).
    ///
    /// No authentication.
    fn router(
        &self,
    ) -> impl Future<Output = Result<RouterResponse, ServerError>> + Send {
        async { Err(ServerError::not_implemented("server_router")) }
    }
}

/// The tag's operations, for [`super::RouterBuilder`].
pub(super) fn routes<S: Server>() -> Vec<support::Route<S>> {
    Vec::from([
        ("/server/router/", axum::http::Method::GET, router::<S> as support::Handler<S>),
    ])
}

/// `server_router`: how requests to it are read.
pub static ROUTER: Operation = Operation {
    id: "server_router",
    method: "GET",
    path: "/server/router/",
    security: &[],
    params: &[],
};

/// The responses `server_router` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum RouterResponse {
    /// 200: the thing
    Ok(crate::models::Thing),
}

impl IntoResponse for RouterResponse {
    fn into_response(self) -> Response {
        match self {
            Self::Ok(body) => support::json(StatusCode::OK, &body),
        }
    }
}

pub(super) fn router<S: super::Server>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::public(
        app,
        request,
        &ROUTER,
        |app, _input| async move { <S as super::Server>::router(&app.server).await },
    )
}

// file: src/server/support_ops.rs
use std::sync::Arc;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use super::support::{self, App, BoxFuture};
use super::{Authenticate, Operation, ServerError};

/// The operations tagged `support`. Each method has a default answering 501; implement the ones you serve.
pub trait Support: Authenticate {
    /// `GET /support/list/` (`support_list`).
    ///
    /// No authentication.
    fn list(&self) -> impl Future<Output = Result<ListResponse, ServerError>> + Send {
        async { Err(ServerError::not_implemented("support_list")) }
    }
}

/// The tag's operations, for [`super::RouterBuilder`].
pub(super) fn routes<S: Support>() -> Vec<support::Route<S>> {
    Vec::from([
        ("/support/list/", axum::http::Method::GET, list::<S> as support::Handler<S>),
    ])
}

/// `support_list`: how requests to it are read.
pub static LIST: Operation = Operation {
    id: "support_list",
    method: "GET",
    path: "/support/list/",
    security: &[],
    params: &[],
};

/// The responses `support_list` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum ListResponse {
    /// 200: the thing
    Ok(crate::models::Thing),
}

impl IntoResponse for ListResponse {
    fn into_response(self) -> Response {
        match self {
            Self::Ok(body) => support::json(StatusCode::OK, &body),
        }
    }
}

pub(super) fn list<S: super::Support>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::public(
        app,
        request,
        &LIST,
        |app, _input| async move { <S as super::Support>::list(&app.server).await },
    )
}

// file: src/server/transport_ops.rs
use std::sync::Arc;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use super::support::{self, App, BoxFuture};
use super::{Authenticate, Operation, ServerError};

/// The operations tagged `transport`. Each method has a default answering 501; implement the ones you serve.
pub trait Transport: Authenticate {
    /// `GET /transport/list/` (`transport_list`).
    ///
    /// No authentication.
    fn list(&self) -> impl Future<Output = Result<ListResponse, ServerError>> + Send {
        async { Err(ServerError::not_implemented("transport_list")) }
    }
}

/// The tag's operations, for [`super::RouterBuilder`].
pub(super) fn routes<S: Transport>() -> Vec<support::Route<S>> {
    Vec::from([
        ("/transport/list/", axum::http::Method::GET, list::<S> as support::Handler<S>),
    ])
}

/// `transport_list`: how requests to it are read.
pub static LIST: Operation = Operation {
    id: "transport_list",
    method: "GET",
    path: "/transport/list/",
    security: &[],
    params: &[],
};

/// The responses `transport_list` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum ListResponse {
    /// 200: the thing
    Ok(crate::models::Thing),
}

impl IntoResponse for ListResponse {
    fn into_response(self) -> Response {
        match self {
            Self::Ok(body) => support::json(StatusCode::OK, &body),
        }
    }
}

pub(super) fn list<S: super::Transport>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::public(
        app,
        request,
        &LIST,
        |app, _input| async move { <S as super::Transport>::list(&app.server).await },
    )
}

// file: src/validate.rs
//! `Validate` for every model: the constraints the spec states, as code.
#[cfg(
    any(
        feature = "arc",
        feature = "build",
        feature = "check",
        feature = "tag-client",
        feature = "crate_",
        feature = "tag-default",
        feature = "enabled",
        feature = "into",
        feature = "models",
        feature = "new",
        feature = "params",
        feature = "request",
        feature = "response",
        feature = "runtime",
        feature = "self_",
        feature = "tag-server",
        feature = "support",
        feature = "transport"
    )
)]
use super::models;

#[cfg(feature = "response")]
use super::params;

#[cfg(
    any(
        feature = "arc",
        feature = "build",
        feature = "check",
        feature = "tag-client",
        feature = "crate_",
        feature = "tag-default",
        feature = "enabled",
        feature = "into",
        feature = "models",
        feature = "new",
        feature = "params",
        feature = "request",
        feature = "response",
        feature = "runtime",
        feature = "self_",
        feature = "tag-server",
        feature = "support",
        feature = "transport"
    )
)]
use super::validation::Validate;

#[cfg(
    any(
        feature = "arc",
        feature = "build",
        feature = "check",
        feature = "tag-client",
        feature = "crate_",
        feature = "tag-default",
        feature = "enabled",
        feature = "into",
        feature = "models",
        feature = "new",
        feature = "params",
        feature = "request",
        feature = "response",
        feature = "runtime",
        feature = "self_",
        feature = "tag-server",
        feature = "support",
        feature = "transport"
    )
)]
impl Validate for models::Thing {}

#[cfg(feature = "response")]
impl Validate for params::ResponseIntoParams {}
