// Expected output for specs/fixtures/tokens.yml; see generator/tests/snapshots.rs.

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

// file: src/client/authenticators.rs
/// Operations tagged `authenticators`; from [`Client::authenticators`](super::Client::authenticators).
#[derive(Debug, Clone, Copy)]
pub struct AuthenticatorsApi<'a> {
    pub(super) client: &'a super::Client,
}

impl<'a> AuthenticatorsApi<'a> {
    /// Viewset for totp authenticator devices
    ///
    /// `PATCH /authenticators/totp/{id}/` (`authenticators_totp_partial_update`).
    ///
    /// Authentication: `authentik`.
    pub fn totp_partial_update(
        self,
        id: i64,
        body: &'a crate::models::PatchedTotpDeviceRequest,
    ) -> TotpPartialUpdate<'a> {
        TotpPartialUpdate {
            client: self.client,
            params: crate::params::AuthenticatorsTotpPartialUpdateParams {
                id,
            },
            body,
        }
    }
}

/// Request builder for `authenticators_totp_partial_update`; from [`totp_partial_update`](AuthenticatorsApi::totp_partial_update).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct TotpPartialUpdate<'a> {
    client: &'a super::Client,
    params: crate::params::AuthenticatorsTotpPartialUpdateParams,
    body: &'a crate::models::PatchedTotpDeviceRequest,
}

impl<'a> TotpPartialUpdate<'a> {
    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(
        self,
    ) -> super::transport::BoxFuture<
        'a,
        Result<crate::models::TotpDevice, super::Error>,
    > {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                200 => raw.json::<crate::models::TotpDevice, super::ErrorBody>(),
                400 => Err(raw.api_error(super::ErrorBody::decode_validation_error_body)),
                403 => Err(raw.api_error(super::ErrorBody::decode_generic_error_body)),
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
            reqwest::Method::PATCH,
            format!(
                "/authenticators/totp/{}/", super::transport::path_segment(& self.params
                .id)
            ),
            accept,
            &[&[&crate::security::AUTHENTIK]],
        );
        self.client.check(self.body)?;
        call.json(crate::runtime::object::Prop::prop(self.body))?;
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for TotpPartialUpdate<'a> {
    type Output = Result<crate::models::TotpDevice, super::Error>;

    type IntoFuture = super::transport::BoxFuture<'a, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        self.send()
    }
}

// file: src/client/core.rs
/// Operations tagged `core`; from [`Client::core`](super::Client::core).
#[derive(Debug, Clone, Copy)]
pub struct CoreApi<'a> {
    pub(super) client: &'a super::Client,
}

impl<'a> CoreApi<'a> {
    /// Token Viewset
    ///
    /// `GET /core/tokens/` (`core_tokens_list`).
    ///
    /// Authentication: `authentik`.
    pub fn tokens_list(self) -> TokensList<'a> {
        TokensList {
            client: self.client,
            params: crate::params::CoreTokensListParams {
                intent: None,
                ordering: None,
                page: None,
                page_size: None,
                search: None,
                user_username: None,
            },
        }
    }

    /// Token Viewset
    ///
    /// `POST /core/tokens/` (`core_tokens_create`).
    ///
    /// Authentication: `authentik`.
    pub fn tokens_create(
        self,
        body: &'a crate::models::TokenRequest,
    ) -> TokensCreate<'a> {
        TokensCreate {
            client: self.client,
            body,
        }
    }

    /// Token Viewset
    ///
    /// `GET /core/tokens/{identifier}/` (`core_tokens_retrieve`).
    ///
    /// Authentication: `authentik`.
    pub fn tokens_retrieve(self, identifier: impl Into<String>) -> TokensRetrieve<'a> {
        TokensRetrieve {
            client: self.client,
            params: crate::params::CoreTokensRetrieveParams {
                identifier: identifier.into(),
            },
        }
    }

    /// Token Viewset
    ///
    /// `DELETE /core/tokens/{identifier}/` (`core_tokens_destroy`).
    ///
    /// Authentication: `authentik`.
    pub fn tokens_destroy(self, identifier: impl Into<String>) -> TokensDestroy<'a> {
        TokensDestroy {
            client: self.client,
            params: crate::params::CoreTokensDestroyParams {
                identifier: identifier.into(),
            },
        }
    }

    /// Token Viewset
    ///
    /// `PATCH /core/tokens/{identifier}/` (`core_tokens_partial_update`).
    ///
    /// Authentication: `authentik`.
    pub fn tokens_partial_update(
        self,
        identifier: impl Into<String>,
        body: &'a crate::models::PatchedTokenRequest,
    ) -> TokensPartialUpdate<'a> {
        TokensPartialUpdate {
            client: self.client,
            params: crate::params::CoreTokensPartialUpdateParams {
                identifier: identifier.into(),
            },
            body,
        }
    }

    /// Upload an avatar (a multipart body with a file and a name).
    ///
    /// `POST /core/users/{id}/set_avatar/` (`core_users_set_avatar_create`).
    ///
    /// Authentication: `authentik`.
    pub fn users_set_avatar_create(
        self,
        id: i64,
        body: &'a crate::models::AvatarUploadRequest,
    ) -> UsersSetAvatarCreate<'a> {
        UsersSetAvatarCreate {
            client: self.client,
            uploads: Vec::new(),
            params: crate::params::CoreUsersSetAvatarCreateParams {
                id,
            },
            body,
        }
    }
}

/// Request builder for `core_tokens_list`; from [`tokens_list`](CoreApi::tokens_list).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct TokensList<'a> {
    client: &'a super::Client,
    params: crate::params::CoreTokensListParams,
}

impl<'a> TokensList<'a> {
    /// Sets the query parameter `intent`.
    pub fn intent(mut self, value: crate::models::CoreTokensListIntent) -> Self {
        self.params.intent = Some(value);
        self
    }

    /// Which field to use when ordering the results.
    ///
    /// Sets the query parameter `ordering`.
    pub fn ordering(mut self, value: impl Into<String>) -> Self {
        self.params.ordering = Some(value.into());
        self
    }

    /// A page number within the paginated result set.
    ///
    /// Sets the query parameter `page`.
    pub fn page(mut self, value: i64) -> Self {
        self.params.page = Some(value);
        self
    }

    /// Number of results to return per page.
    ///
    /// Constraints: >= 1; <= 1000.
    ///
    /// Sets the query parameter `page_size`.
    pub fn page_size(mut self, value: i32) -> Self {
        self.params.page_size = Some(value);
        self
    }

    /// A search term.
    ///
    /// Sets the query parameter `search`.
    pub fn search(mut self, value: impl Into<String>) -> Self {
        self.params.search = Some(value.into());
        self
    }

    /// Constraints: matches `^[\w.@+-]+$`.
    ///
    /// Sets the query parameter `user__username`.
    pub fn user_username(mut self, value: impl Into<String>) -> Self {
        self.params.user_username = Some(value.into());
        self
    }

    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(
        self,
    ) -> super::transport::BoxFuture<
        'a,
        Result<crate::models::PaginatedTokenList, super::Error>,
    > {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                200 => raw.json::<crate::models::PaginatedTokenList, super::ErrorBody>(),
                400 => Err(raw.api_error(super::ErrorBody::decode_validation_error_body)),
                403 => Err(raw.api_error(super::ErrorBody::decode_generic_error_body)),
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
            "/core/tokens/".to_owned(),
            accept,
            &[&[&crate::security::AUTHENTIK]],
        );
        call.query("intent", &self.params.intent, true);
        call.query("ordering", &self.params.ordering, true);
        call.query("page", &self.params.page, true);
        call.query("page_size", &self.params.page_size, true);
        call.query("search", &self.params.search, true);
        call.query("user__username", &self.params.user_username, true);
        Ok((self.client, call))
    }

    /// Every item of every page, from the page set on this builder (or the first)
    /// onward, following the server's `pagination.next`.
    pub fn stream(
        self,
    ) -> std::pin::Pin<
        Box<
            dyn futures_util::Stream<
                Item = Result<crate::models::Token, super::Error>,
            > + Send + 'a,
        >,
    > {
        super::transport::paginate(
            Box::new(move |page| {
                let mut request = self.clone();
                if let Some(page) = page {
                    request.params.page = Some(page);
                }
                request.send()
            }),
        )
    }
}

impl<'a> std::future::IntoFuture for TokensList<'a> {
    type Output = Result<crate::models::PaginatedTokenList, super::Error>;

    type IntoFuture = super::transport::BoxFuture<'a, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        self.send()
    }
}

/// Request builder for `core_tokens_create`; from [`tokens_create`](CoreApi::tokens_create).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct TokensCreate<'a> {
    client: &'a super::Client,
    body: &'a crate::models::TokenRequest,
}

impl<'a> TokensCreate<'a> {
    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(
        self,
    ) -> super::transport::BoxFuture<'a, Result<crate::models::Token, super::Error>> {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                201 => raw.json::<crate::models::Token, super::ErrorBody>(),
                400 => Err(raw.api_error(super::ErrorBody::decode_validation_error_body)),
                403 => Err(raw.api_error(super::ErrorBody::decode_generic_error_body)),
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
            "/core/tokens/".to_owned(),
            accept,
            &[&[&crate::security::AUTHENTIK]],
        );
        self.client.check(self.body)?;
        call.json(crate::runtime::object::Prop::prop(self.body))?;
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for TokensCreate<'a> {
    type Output = Result<crate::models::Token, super::Error>;

    type IntoFuture = super::transport::BoxFuture<'a, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        self.send()
    }
}

/// Request builder for `core_tokens_retrieve`; from [`tokens_retrieve`](CoreApi::tokens_retrieve).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct TokensRetrieve<'a> {
    client: &'a super::Client,
    params: crate::params::CoreTokensRetrieveParams,
}

impl<'a> TokensRetrieve<'a> {
    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(
        self,
    ) -> super::transport::BoxFuture<'a, Result<crate::models::Token, super::Error>> {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                200 => raw.json::<crate::models::Token, super::ErrorBody>(),
                400 => Err(raw.api_error(super::ErrorBody::decode_validation_error_body)),
                403 => Err(raw.api_error(super::ErrorBody::decode_generic_error_body)),
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
                "/core/tokens/{}/", super::transport::path_segment(& self.params
                .identifier)
            ),
            accept,
            &[&[&crate::security::AUTHENTIK]],
        );
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for TokensRetrieve<'a> {
    type Output = Result<crate::models::Token, super::Error>;

    type IntoFuture = super::transport::BoxFuture<'a, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        self.send()
    }
}

/// Request builder for `core_tokens_destroy`; from [`tokens_destroy`](CoreApi::tokens_destroy).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct TokensDestroy<'a> {
    client: &'a super::Client,
    params: crate::params::CoreTokensDestroyParams,
}

impl<'a> TokensDestroy<'a> {
    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(self) -> super::transport::BoxFuture<'a, Result<(), super::Error>> {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                204 => Ok(()),
                400 => Err(raw.api_error(super::ErrorBody::decode_validation_error_body)),
                403 => Err(raw.api_error(super::ErrorBody::decode_generic_error_body)),
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
            reqwest::Method::DELETE,
            format!(
                "/core/tokens/{}/", super::transport::path_segment(& self.params
                .identifier)
            ),
            accept,
            &[&[&crate::security::AUTHENTIK]],
        );
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for TokensDestroy<'a> {
    type Output = Result<(), super::Error>;

    type IntoFuture = super::transport::BoxFuture<'a, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        self.send()
    }
}

/// Request builder for `core_tokens_partial_update`; from [`tokens_partial_update`](CoreApi::tokens_partial_update).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct TokensPartialUpdate<'a> {
    client: &'a super::Client,
    params: crate::params::CoreTokensPartialUpdateParams,
    body: &'a crate::models::PatchedTokenRequest,
}

impl<'a> TokensPartialUpdate<'a> {
    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(
        self,
    ) -> super::transport::BoxFuture<'a, Result<crate::models::Token, super::Error>> {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                200 => raw.json::<crate::models::Token, super::ErrorBody>(),
                400 => Err(raw.api_error(super::ErrorBody::decode_validation_error_body)),
                403 => Err(raw.api_error(super::ErrorBody::decode_generic_error_body)),
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
            reqwest::Method::PATCH,
            format!(
                "/core/tokens/{}/", super::transport::path_segment(& self.params
                .identifier)
            ),
            accept,
            &[&[&crate::security::AUTHENTIK]],
        );
        self.client.check(self.body)?;
        call.json(crate::runtime::object::Prop::prop(self.body))?;
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for TokensPartialUpdate<'a> {
    type Output = Result<crate::models::Token, super::Error>;

    type IntoFuture = super::transport::BoxFuture<'a, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        self.send()
    }
}

/// Request builder for `core_users_set_avatar_create`; from [`users_set_avatar_create`](CoreApi::users_set_avatar_create).
#[derive(Debug)]
#[must_use = "a request does nothing until it is sent"]
pub struct UsersSetAvatarCreate<'a> {
    client: &'a super::Client,
    params: crate::params::CoreUsersSetAvatarCreateParams,
    body: &'a crate::models::AvatarUploadRequest,
    uploads: Vec<(&'static str, super::Upload)>,
}

impl<'a> UsersSetAvatarCreate<'a> {
    /// Streams `file` from an [`Upload`](super::Upload) instead of the bytes in the body.
    pub fn file_upload(mut self, upload: super::Upload) -> Self {
        self.uploads.push(("file", upload));
        self
    }

    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(self) -> super::transport::BoxFuture<'a, Result<(), super::Error>> {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                204 => Ok(()),
                400 => Err(raw.api_error(super::ErrorBody::decode_validation_error_body)),
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
            format!(
                "/core/users/{}/set_avatar/", super::transport::path_segment(& self
                .params.id)
            ),
            accept,
            &[&[&crate::security::AUTHENTIK]],
        );
        self.client.check(self.body)?;
        call.multipart(
            crate::runtime::object::Prop::prop(self.body),
            &["file"],
            self.uploads,
        )?;
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for UsersSetAvatarCreate<'a> {
    type Output = Result<(), super::Error>;

    type IntoFuture = super::transport::BoxFuture<'a, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        self.send()
    }
}

// file: src/client/flows.rs
/// Operations tagged `flows`; from [`Client::flows`](super::Client::flows).
#[derive(Debug, Clone, Copy)]
pub struct FlowsApi<'a> {
    pub(super) client: &'a super::Client,
}

impl<'a> FlowsApi<'a> {
    /// Solve the current stage of a flow.
    ///
    /// `POST /flows/executor/{flow_slug}/` (`flows_executor_solve`).
    ///
    /// Authentication: `authentik` or none.
    pub fn executor_solve(
        self,
        flow_slug: impl Into<String>,
        body: &'a crate::models::FlowChallengeResponseRequest,
    ) -> ExecutorSolve<'a> {
        ExecutorSolve {
            client: self.client,
            params: crate::params::FlowsExecutorSolveParams {
                flow_slug: flow_slug.into(),
            },
            body,
        }
    }
}

/// Request builder for `flows_executor_solve`; from [`executor_solve`](FlowsApi::executor_solve).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct ExecutorSolve<'a> {
    client: &'a super::Client,
    params: crate::params::FlowsExecutorSolveParams,
    body: &'a crate::models::FlowChallengeResponseRequest,
}

impl<'a> ExecutorSolve<'a> {
    /// Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).
    pub fn send(
        self,
    ) -> super::transport::BoxFuture<
        'a,
        Result<crate::models::ChallengeTypes, super::Error>,
    > {
        super::transport::send(
            self.prepare("application/json"),
            |raw| match raw.status.as_u16() {
                200 => raw.json::<crate::models::ChallengeTypes, super::ErrorBody>(),
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
            format!(
                "/flows/executor/{}/", super::transport::path_segment(& self.params
                .flow_slug)
            ),
            accept,
            &[&[&crate::security::AUTHENTIK], &[]],
        );
        self.client.check(self.body)?;
        call.json(crate::runtime::object::Prop::prop(self.body))?;
        Ok((self.client, call))
    }
}

impl<'a> std::future::IntoFuture for ExecutorSolve<'a> {
    type Output = Result<crate::models::ChallengeTypes, super::Error>;

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

/// The operations tagged `authenticators`.
#[cfg(feature = "authenticators")]
pub mod authenticators;

/// The operations tagged `core`.
#[cfg(feature = "core")]
pub mod core;

/// The operations tagged `flows`.
#[cfg(feature = "flows")]
pub mod flows;

pub use transport::{
    BoxError, Client, ClientBuilder, ClientError, Middleware, Next, RawResponse, Retry,
    SecretToken, Upload,
};

pub use crate::BASE_PATH;

/// The security scheme [`ClientBuilder::bearer_token`] is the credential of: the
/// first the spec's operations name.
pub const DEFAULT_SCHEME: &str = "authentik";

/// The body of an error status the spec documents (400 → `ValidationError`,
/// 403 → `GenericError`, …).
#[derive(Debug, Clone, PartialEq)]
pub enum ErrorBody {
    /// A `GenericError` body.
    #[cfg(any(feature = "authenticators", feature = "core"))]
    GenericError(crate::models::GenericError),
    /// A `ValidationError` body.
    #[cfg(any(feature = "authenticators", feature = "core"))]
    ValidationError(crate::models::ValidationError),
    /// The spec documents the status without a body.
    Empty,
}

/// One decoder per body kind, shared by every operation that documents it.
impl ErrorBody {
    #[cfg(any(feature = "authenticators", feature = "core"))]
    fn decode_generic_error_body(body: &[u8]) -> serde_json::Result<Self> {
        serde_json::from_slice(body).map(Self::GenericError)
    }

    #[cfg(any(feature = "authenticators", feature = "core"))]
    fn decode_validation_error_body(body: &[u8]) -> serde_json::Result<Self> {
        serde_json::from_slice(body).map(Self::ValidationError)
    }
}

/// Why an operation did not return its success value.
pub type Error = ClientError<ErrorBody>;

impl Client {
    /// Operations tagged `authenticators`.
    #[cfg(feature = "authenticators")]
    pub fn authenticators(&self) -> authenticators::AuthenticatorsApi<'_> {
        authenticators::AuthenticatorsApi {
            client: self,
        }
    }

    /// Operations tagged `core`.
    #[cfg(feature = "core")]
    pub fn core(&self) -> core::CoreApi<'_> {
        core::CoreApi { client: self }
    }

    /// Operations tagged `flows`.
    #[cfg(feature = "flows")]
    pub fn flows(&self) -> flows::FlowsApi<'_> {
        flows::FlowsApi { client: self }
    }
}

#[cfg(feature = "core")]
impl transport::Page for crate::models::PaginatedTokenList {
    type Item = crate::models::Token;

    fn into_page(self) -> (Vec<crate::models::Token>, f64, f64) {
        (self.results, self.pagination.next, self.pagination.current)
    }
}

// file: src/lib.rs
//! Types for the authentik tokens (fixture) API, version 2024.8.3.
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
    /// `authentik`: `Authorization: bearer …`.
    pub const AUTHENTIK: Scheme = Scheme {
        name: "authentik",
        carrier: Carrier::Authorization("bearer"),
    };
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
#[cfg(any(feature = "authenticators", feature = "core", feature = "flows"))]
use serde::{Deserialize, Serialize};

#[cfg(any(feature = "authenticators", feature = "core"))]
use std::collections::BTreeMap;

#[cfg(any(feature = "core", feature = "flows"))]
use super::runtime::Nullable;

#[cfg(any(feature = "authenticators", feature = "core", feature = "flows"))]
use super::runtime::object;

#[cfg(feature = "flows")]
use super::runtime::tagged;

#[cfg(feature = "core")]
use uuid::Uuid;

#[cfg(feature = "core")]
use chrono::{DateTime, Utc};

#[cfg(feature = "flows")]
#[derive(Debug, Clone, PartialEq)]
pub struct AccessDeniedChallenge {
    /// Server default: `"ak-stage-access-denied"`.
    pub component: String,
    pub error_message: Option<String>,
}

#[cfg(feature = "flows")]
impl object::Prop for AccessDeniedChallenge {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

#[cfg(feature = "flows")]
impl Serialize for AccessDeniedChallenge {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([true, self.error_message.is_some()]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("AccessDeniedChallenge", written),
        );
        object.field("component", &self.component);
        object.optional("error_message", &self.error_message);
        object.end()
    }
}

#[cfg(feature = "flows")]
impl<'de> Deserialize<'de> for AccessDeniedChallenge {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

#[cfg(feature = "flows")]
impl object::FromObject for AccessDeniedChallenge {
    const NAME: &'static str = "AccessDeniedChallenge";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut component = None;
        let mut error_message = None;
        let mut properties = object::Properties::new(&["component", "error_message"]);
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read_some(&mut map, &mut component),
                object::Property::Known(1) => object::read(&mut map, &mut error_message),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self {
            component: object::required(component, "component")?,
            error_message,
        })
    }
}

#[cfg(feature = "core")]
#[derive(Debug, Clone, PartialEq)]
pub struct AvatarUploadRequest {
    pub file: Vec<u8>,
    /// Constraints: at least 1 character.
    pub name: Option<String>,
}

#[cfg(feature = "core")]
impl object::Prop for AvatarUploadRequest {
    #[inline]
    fn fields<'a>(&'a self, out: &mut object::Out<'a>) {
        out.list(
            "AvatarUploadRequest",
            &["file", "name"],
            &[object::value(&self.file), object::optional(&self.name)],
            None,
        )
    }
}

#[cfg(feature = "core")]
impl Serialize for AvatarUploadRequest {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([true, self.name.is_some()]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("AvatarUploadRequest", written),
        );
        object.field("file", &self.file);
        object.optional("name", &self.name);
        object.end()
    }
}

#[cfg(feature = "core")]
impl<'de> Deserialize<'de> for AvatarUploadRequest {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

#[cfg(feature = "core")]
impl object::FromObject for AvatarUploadRequest {
    const NAME: &'static str = "AvatarUploadRequest";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut file = None;
        let mut name = None;
        let mut properties = object::Properties::new(&["file", "name"]);
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read_some(&mut map, &mut file),
                object::Property::Known(1) => object::read(&mut map, &mut name),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self {
            file: object::required(file, "file")?,
            name,
        })
    }
}

#[cfg(feature = "flows")]
///
#[doc = concat!(
    " The variant is chosen by the `", "component",
    "` property, which is written exactly once when serializing."
)]
#[derive(Debug, Clone, PartialEq)]
pub enum ChallengeTypes {
    /// Selected by `ak-stage-access-denied`.
    AccessDeniedChallenge(AccessDeniedChallenge),
    /// Selected by `xak-flow-redirect`.
    RedirectChallenge(RedirectChallenge),
    /// A `component` this version does not list (a newer server's), kept as it came.
    Unknown(serde_json::Map<String, serde_json::Value>),
}

#[cfg(feature = "flows")]
impl Serialize for ChallengeTypes {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::AccessDeniedChallenge(value) => {
                tagged::serialize(
                    serializer,
                    "component",
                    "ak-stage-access-denied",
                    value,
                    true,
                )
            }
            Self::RedirectChallenge(value) => {
                tagged::serialize(
                    serializer,
                    "component",
                    "xak-flow-redirect",
                    value,
                    true,
                )
            }
            Self::Unknown(object) => object.serialize(serializer),
        }
    }
}

#[cfg(feature = "flows")]
impl object::Prop for ChallengeTypes {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

#[cfg(feature = "flows")]
impl<'de> Deserialize<'de> for ChallengeTypes {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        tagged::deserialize(deserializer)
    }
}

#[cfg(feature = "flows")]
impl tagged::Union for ChallengeTypes {
    const PROPERTY: &'static str = "component";

    fn variant<'de, A: serde::de::MapAccess<'de>>(
        tag: &str,
        object: tagged::Object<'de, A>,
    ) -> Result<Self, A::Error> {
        match tag {
            "ak-stage-access-denied" => {
                Deserialize::deserialize(object).map(Self::AccessDeniedChallenge)
            }
            "xak-flow-redirect" => {
                Deserialize::deserialize(object).map(Self::RedirectChallenge)
            }
            _ => Deserialize::deserialize(object).map(Self::Unknown),
        }
    }
}

#[cfg(feature = "core")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum CoreTokensListIntent {
    /// `api`
    Api,
    /// `app_password`
    AppPassword,
    /// `recovery`
    Recovery,
    /// `verification`
    Verification,
    /// A value this version of the API does not list; kept as sent.
    Unknown(String),
}

#[cfg(feature = "core")]
impl CoreTokensListIntent {
    /// The value as it appears on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Api => "api",
            Self::AppPassword => "app_password",
            Self::Recovery => "recovery",
            Self::Verification => "verification",
            Self::Unknown(value) => value,
        }
    }
}

#[cfg(feature = "core")]
impl From<&str> for CoreTokensListIntent {
    fn from(value: &str) -> Self {
        match value {
            "api" => Self::Api,
            "app_password" => Self::AppPassword,
            "recovery" => Self::Recovery,
            "verification" => Self::Verification,
            other => Self::Unknown(other.to_owned()),
        }
    }
}

#[cfg(feature = "core")]
impl std::fmt::Display for CoreTokensListIntent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(feature = "core")]
impl Serialize for CoreTokensListIntent {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(feature = "core")]
impl object::Prop for CoreTokensListIntent {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Str(self.as_str())
    }
}

#[cfg(feature = "core")]
impl<'de> Deserialize<'de> for CoreTokensListIntent {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        super::runtime::deserialize_open_enum(deserializer)
    }
}

#[cfg(feature = "flows")]
///
#[doc = concat!(
    " The variant is chosen by the `", "component",
    "` property, which is written exactly once when serializing."
)]
#[derive(Debug, Clone, PartialEq)]
pub enum FlowChallengeResponseRequest {
    /// Selected by `ak-stage-identification`.
    IdentificationChallengeResponseRequest(IdentificationChallengeResponseRequest),
    /// Selected by `ak-stage-password`.
    PasswordChallengeResponseRequest(PasswordChallengeResponseRequest),
    /// A `component` this version does not list (a newer server's), kept as it came.
    Unknown(serde_json::Map<String, serde_json::Value>),
}

#[cfg(feature = "flows")]
impl Serialize for FlowChallengeResponseRequest {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::IdentificationChallengeResponseRequest(value) => {
                tagged::serialize(
                    serializer,
                    "component",
                    "ak-stage-identification",
                    value,
                    value.component.is_some(),
                )
            }
            Self::PasswordChallengeResponseRequest(value) => {
                tagged::serialize(
                    serializer,
                    "component",
                    "ak-stage-password",
                    value,
                    value.component.is_some(),
                )
            }
            Self::Unknown(object) => object.serialize(serializer),
        }
    }
}

#[cfg(feature = "flows")]
impl object::Prop for FlowChallengeResponseRequest {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        match self {
            Self::IdentificationChallengeResponseRequest(value) => {
                object::Value::Tagged(
                    &object::Tag {
                        property: "component",
                        value: "ak-stage-identification",
                    },
                    value,
                )
            }
            Self::PasswordChallengeResponseRequest(value) => {
                object::Value::Tagged(
                    &object::Tag {
                        property: "component",
                        value: "ak-stage-password",
                    },
                    value,
                )
            }
            Self::Unknown(object) => object::Value::Map(object),
        }
    }
}

#[cfg(feature = "flows")]
impl<'de> Deserialize<'de> for FlowChallengeResponseRequest {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        tagged::deserialize(deserializer)
    }
}

#[cfg(feature = "flows")]
impl tagged::Union for FlowChallengeResponseRequest {
    const PROPERTY: &'static str = "component";

    fn variant<'de, A: serde::de::MapAccess<'de>>(
        tag: &str,
        object: tagged::Object<'de, A>,
    ) -> Result<Self, A::Error> {
        match tag {
            "ak-stage-identification" => {
                Deserialize::deserialize(object)
                    .map(Self::IdentificationChallengeResponseRequest)
            }
            "ak-stage-password" => {
                Deserialize::deserialize(object)
                    .map(Self::PasswordChallengeResponseRequest)
            }
            _ => Deserialize::deserialize(object).map(Self::Unknown),
        }
    }
}

/// Generic API Error
#[cfg(any(feature = "authenticators", feature = "core"))]
#[derive(Debug, Clone, PartialEq)]
pub struct GenericError {
    pub detail: String,
    pub code: Option<String>,
}

#[cfg(any(feature = "authenticators", feature = "core"))]
impl object::Prop for GenericError {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

#[cfg(any(feature = "authenticators", feature = "core"))]
impl Serialize for GenericError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([true, self.code.is_some()]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("GenericError", written),
        );
        object.field("detail", &self.detail);
        object.optional("code", &self.code);
        object.end()
    }
}

#[cfg(any(feature = "authenticators", feature = "core"))]
impl<'de> Deserialize<'de> for GenericError {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

#[cfg(any(feature = "authenticators", feature = "core"))]
impl object::FromObject for GenericError {
    const NAME: &'static str = "GenericError";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut detail = None;
        let mut code = None;
        let mut properties = object::Properties::new(&["detail", "code"]);
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read_some(&mut map, &mut detail),
                object::Property::Known(1) => object::read(&mut map, &mut code),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self {
            detail: object::required(detail, "detail")?,
            code,
        })
    }
}

#[cfg(feature = "flows")]
#[derive(Debug, Clone, PartialEq)]
pub struct IdentificationChallengeResponseRequest {
    /// Constraints: at least 1 character.
    ///
    /// Server default: `"ak-stage-identification"`.
    pub component: Option<String>,
    /// Constraints: at least 1 character.
    pub uid_field: String,
    pub password: Nullable<String>,
}

#[cfg(feature = "flows")]
impl object::Prop for IdentificationChallengeResponseRequest {
    #[inline]
    fn fields<'a>(&'a self, out: &mut object::Out<'a>) {
        out.list(
            "IdentificationChallengeResponseRequest",
            &["component", "uid_field", "password"],
            &[
                object::optional(&self.component),
                object::value(&self.uid_field),
                object::nullable(&self.password),
            ],
            None,
        )
    }
}

#[cfg(feature = "flows")]
impl Serialize for IdentificationChallengeResponseRequest {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([
            self.component.is_some(),
            true,
            !self.password.is_absent(),
        ]);
        let mut object = object::Writer::new(
            serializer
                .serialize_struct("IdentificationChallengeResponseRequest", written),
        );
        object.optional("component", &self.component);
        object.field("uid_field", &self.uid_field);
        object.nullable("password", &self.password);
        object.end()
    }
}

#[cfg(feature = "flows")]
impl<'de> Deserialize<'de> for IdentificationChallengeResponseRequest {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

#[cfg(feature = "flows")]
impl object::FromObject for IdentificationChallengeResponseRequest {
    const NAME: &'static str = "IdentificationChallengeResponseRequest";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut component = None;
        let mut uid_field = None;
        let mut password = Nullable::Absent;
        let mut properties = object::Properties::new(
            &["component", "uid_field", "password"],
        );
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read(&mut map, &mut component),
                object::Property::Known(1) => object::read_some(&mut map, &mut uid_field),
                object::Property::Known(2) => object::read(&mut map, &mut password),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self {
            component,
            uid_field: object::required(uid_field, "uid_field")?,
            password,
        })
    }
}

#[cfg(feature = "core")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum IntentEnum {
    /// `verification`
    Verification,
    /// `api`
    Api,
    /// `recovery`
    Recovery,
    /// `app_password`
    AppPassword,
    /// A value this version of the API does not list; kept as sent.
    Unknown(String),
}

#[cfg(feature = "core")]
impl IntentEnum {
    /// The value as it appears on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Verification => "verification",
            Self::Api => "api",
            Self::Recovery => "recovery",
            Self::AppPassword => "app_password",
            Self::Unknown(value) => value,
        }
    }
}

#[cfg(feature = "core")]
impl From<&str> for IntentEnum {
    fn from(value: &str) -> Self {
        match value {
            "verification" => Self::Verification,
            "api" => Self::Api,
            "recovery" => Self::Recovery,
            "app_password" => Self::AppPassword,
            other => Self::Unknown(other.to_owned()),
        }
    }
}

#[cfg(feature = "core")]
impl std::fmt::Display for IntentEnum {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(feature = "core")]
impl Serialize for IntentEnum {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(feature = "core")]
impl object::Prop for IntentEnum {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Str(self.as_str())
    }
}

#[cfg(feature = "core")]
impl<'de> Deserialize<'de> for IntentEnum {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        super::runtime::deserialize_open_enum(deserializer)
    }
}

#[cfg(feature = "core")]
#[derive(Debug, Clone, PartialEq)]
pub struct PaginatedTokenList {
    pub pagination: Pagination,
    pub results: Vec<Token>,
}

#[cfg(feature = "core")]
impl object::Prop for PaginatedTokenList {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

#[cfg(feature = "core")]
impl Serialize for PaginatedTokenList {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([true, true]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("PaginatedTokenList", written),
        );
        object.field("pagination", &self.pagination);
        object.field("results", &self.results);
        object.end()
    }
}

#[cfg(feature = "core")]
impl<'de> Deserialize<'de> for PaginatedTokenList {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

#[cfg(feature = "core")]
impl object::FromObject for PaginatedTokenList {
    const NAME: &'static str = "PaginatedTokenList";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut pagination = None;
        let mut results = None;
        let mut properties = object::Properties::new(&["pagination", "results"]);
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => {
                    object::read_some(&mut map, &mut pagination)
                }
                object::Property::Known(1) => object::read_some(&mut map, &mut results),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self {
            pagination: object::required(pagination, "pagination")?,
            results: object::required(results, "results")?,
        })
    }
}

#[cfg(feature = "core")]
#[derive(Debug, Clone, PartialEq)]
pub struct Pagination {
    pub next: f64,
    pub previous: f64,
    pub count: f64,
    pub current: f64,
    pub total_pages: f64,
    pub start_index: f64,
    pub end_index: f64,
}

#[cfg(feature = "core")]
impl object::Prop for Pagination {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

#[cfg(feature = "core")]
impl Serialize for Pagination {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([true, true, true, true, true, true, true]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("Pagination", written),
        );
        object.field("next", &self.next);
        object.field("previous", &self.previous);
        object.field("count", &self.count);
        object.field("current", &self.current);
        object.field("total_pages", &self.total_pages);
        object.field("start_index", &self.start_index);
        object.field("end_index", &self.end_index);
        object.end()
    }
}

#[cfg(feature = "core")]
impl<'de> Deserialize<'de> for Pagination {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

#[cfg(feature = "core")]
impl object::FromObject for Pagination {
    const NAME: &'static str = "Pagination";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut next = None;
        let mut previous = None;
        let mut count = None;
        let mut current = None;
        let mut total_pages = None;
        let mut start_index = None;
        let mut end_index = None;
        let mut properties = object::Properties::new(
            &[
                "next",
                "previous",
                "count",
                "current",
                "total_pages",
                "start_index",
                "end_index",
            ],
        );
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read_some(&mut map, &mut next),
                object::Property::Known(1) => object::read_some(&mut map, &mut previous),
                object::Property::Known(2) => object::read_some(&mut map, &mut count),
                object::Property::Known(3) => object::read_some(&mut map, &mut current),
                object::Property::Known(4) => {
                    object::read_some(&mut map, &mut total_pages)
                }
                object::Property::Known(5) => {
                    object::read_some(&mut map, &mut start_index)
                }
                object::Property::Known(6) => object::read_some(&mut map, &mut end_index),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self {
            next: object::required(next, "next")?,
            previous: object::required(previous, "previous")?,
            count: object::required(count, "count")?,
            current: object::required(current, "current")?,
            total_pages: object::required(total_pages, "total_pages")?,
            start_index: object::required(start_index, "start_index")?,
            end_index: object::required(end_index, "end_index")?,
        })
    }
}

#[cfg(feature = "flows")]
#[derive(Debug, Clone, PartialEq)]
pub struct PasswordChallengeResponseRequest {
    /// Constraints: at least 1 character.
    ///
    /// Server default: `"ak-stage-password"`.
    pub component: Option<String>,
    /// Constraints: at least 1 character.
    pub password: String,
}

#[cfg(feature = "flows")]
impl object::Prop for PasswordChallengeResponseRequest {
    #[inline]
    fn fields<'a>(&'a self, out: &mut object::Out<'a>) {
        out.list(
            "PasswordChallengeResponseRequest",
            &["component", "password"],
            &[object::optional(&self.component), object::value(&self.password)],
            None,
        )
    }
}

#[cfg(feature = "flows")]
impl Serialize for PasswordChallengeResponseRequest {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([self.component.is_some(), true]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("PasswordChallengeResponseRequest", written),
        );
        object.optional("component", &self.component);
        object.field("password", &self.password);
        object.end()
    }
}

#[cfg(feature = "flows")]
impl<'de> Deserialize<'de> for PasswordChallengeResponseRequest {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

#[cfg(feature = "flows")]
impl object::FromObject for PasswordChallengeResponseRequest {
    const NAME: &'static str = "PasswordChallengeResponseRequest";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut component = None;
        let mut password = None;
        let mut properties = object::Properties::new(&["component", "password"]);
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read(&mut map, &mut component),
                object::Property::Known(1) => object::read_some(&mut map, &mut password),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self {
            component,
            password: object::required(password, "password")?,
        })
    }
}

/// Token Serializer
#[cfg(feature = "core")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PatchedTokenRequest {
    /// Constraints: 1 to 255 characters.
    pub managed: Nullable<String>,
    /// Constraints: matches `^[-a-zA-Z0-9_]+$`; 1 to 255 characters.
    pub identifier: Option<String>,
    pub intent: Option<IntentEnum>,
    pub user: Option<i64>,
    pub description: Option<String>,
    pub expires: Nullable<DateTime<Utc>>,
    pub expiring: Option<bool>,
}

#[cfg(feature = "core")]
impl object::Prop for PatchedTokenRequest {
    #[inline]
    fn fields<'a>(&'a self, out: &mut object::Out<'a>) {
        out.list(
            "PatchedTokenRequest",
            &[
                "managed",
                "identifier",
                "intent",
                "user",
                "description",
                "expires",
                "expiring",
            ],
            &[
                object::nullable(&self.managed),
                object::optional(&self.identifier),
                object::optional(&self.intent),
                object::optional(&self.user),
                object::optional(&self.description),
                object::nullable(&self.expires),
                object::optional(&self.expiring),
            ],
            None,
        )
    }
}

#[cfg(feature = "core")]
impl Serialize for PatchedTokenRequest {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([
            !self.managed.is_absent(),
            self.identifier.is_some(),
            self.intent.is_some(),
            self.user.is_some(),
            self.description.is_some(),
            !self.expires.is_absent(),
            self.expiring.is_some(),
        ]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("PatchedTokenRequest", written),
        );
        object.nullable("managed", &self.managed);
        object.optional("identifier", &self.identifier);
        object.optional("intent", &self.intent);
        object.optional("user", &self.user);
        object.optional("description", &self.description);
        object.nullable("expires", &self.expires);
        object.optional("expiring", &self.expiring);
        object.end()
    }
}

#[cfg(feature = "core")]
impl<'de> Deserialize<'de> for PatchedTokenRequest {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

#[cfg(feature = "core")]
impl object::FromObject for PatchedTokenRequest {
    const NAME: &'static str = "PatchedTokenRequest";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut managed = Nullable::Absent;
        let mut identifier = None;
        let mut intent = None;
        let mut user = None;
        let mut description = None;
        let mut expires = Nullable::Absent;
        let mut expiring = None;
        let mut properties = object::Properties::new(
            &[
                "managed",
                "identifier",
                "intent",
                "user",
                "description",
                "expires",
                "expiring",
            ],
        );
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read(&mut map, &mut managed),
                object::Property::Known(1) => object::read(&mut map, &mut identifier),
                object::Property::Known(2) => object::read(&mut map, &mut intent),
                object::Property::Known(3) => object::read(&mut map, &mut user),
                object::Property::Known(4) => object::read(&mut map, &mut description),
                object::Property::Known(5) => object::read(&mut map, &mut expires),
                object::Property::Known(6) => object::read(&mut map, &mut expiring),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self {
            managed,
            identifier,
            intent,
            user,
            description,
            expires,
            expiring,
        })
    }
}

/// Serializer for totp authenticator devices
///
/// Schema `PatchedTOTPDeviceRequest` in the spec.
#[cfg(feature = "authenticators")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PatchedTotpDeviceRequest {
    /// The human-readable name of this device.
    ///
    /// Constraints: 1 to 64 characters.
    pub name: Option<String>,
}

#[cfg(feature = "authenticators")]
impl object::Prop for PatchedTotpDeviceRequest {
    #[inline]
    fn fields<'a>(&'a self, out: &mut object::Out<'a>) {
        out.list(
            "PatchedTotpDeviceRequest",
            &["name"],
            &[object::optional(&self.name)],
            None,
        )
    }
}

#[cfg(feature = "authenticators")]
impl Serialize for PatchedTotpDeviceRequest {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([self.name.is_some()]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("PatchedTotpDeviceRequest", written),
        );
        object.optional("name", &self.name);
        object.end()
    }
}

#[cfg(feature = "authenticators")]
impl<'de> Deserialize<'de> for PatchedTotpDeviceRequest {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

#[cfg(feature = "authenticators")]
impl object::FromObject for PatchedTotpDeviceRequest {
    const NAME: &'static str = "PatchedTotpDeviceRequest";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut name = None;
        let mut properties = object::Properties::new(&["name"]);
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read(&mut map, &mut name),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self { name })
    }
}

#[cfg(feature = "flows")]
#[derive(Debug, Clone, PartialEq)]
pub struct RedirectChallenge {
    /// Server default: `"xak-flow-redirect"`.
    pub component: String,
    pub to: String,
}

#[cfg(feature = "flows")]
impl object::Prop for RedirectChallenge {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

#[cfg(feature = "flows")]
impl Serialize for RedirectChallenge {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([true, true]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("RedirectChallenge", written),
        );
        object.field("component", &self.component);
        object.field("to", &self.to);
        object.end()
    }
}

#[cfg(feature = "flows")]
impl<'de> Deserialize<'de> for RedirectChallenge {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

#[cfg(feature = "flows")]
impl object::FromObject for RedirectChallenge {
    const NAME: &'static str = "RedirectChallenge";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut component = None;
        let mut to = None;
        let mut properties = object::Properties::new(&["component", "to"]);
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read_some(&mut map, &mut component),
                object::Property::Known(1) => object::read_some(&mut map, &mut to),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self {
            component: object::required(component, "component")?,
            to: object::required(to, "to")?,
        })
    }
}

/// Token Serializer
#[cfg(feature = "core")]
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// Token uuid
    ///
    /// Constraints: read-only: sent by the server, ignored in requests.
    pub pk: Uuid,
    /// Managed by authentik
    ///
    /// Objects that are managed by authentik. These objects are created and updated automatically. This flag only indicates that an object can be overwritten by migrations. You can still modify the objects via the API, but expect changes to be overwritten in a later update.
    ///
    /// Constraints: at most 255 characters.
    pub managed: Nullable<String>,
    /// Constraints: matches `^[-a-zA-Z0-9_]+$`; at most 255 characters.
    pub identifier: String,
    pub intent: Option<IntentEnum>,
    pub user: Option<i64>,
    /// Constraints: read-only: sent by the server, ignored in requests.
    pub user_obj: User,
    pub description: Option<String>,
    pub expires: Nullable<DateTime<Utc>>,
    pub expiring: Option<bool>,
}

#[cfg(feature = "core")]
impl object::Prop for Token {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

#[cfg(feature = "core")]
impl Serialize for Token {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([
            true,
            !self.managed.is_absent(),
            true,
            self.intent.is_some(),
            self.user.is_some(),
            true,
            self.description.is_some(),
            !self.expires.is_absent(),
            self.expiring.is_some(),
        ]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("Token", written),
        );
        object.field("pk", &self.pk);
        object.nullable("managed", &self.managed);
        object.field("identifier", &self.identifier);
        object.optional("intent", &self.intent);
        object.optional("user", &self.user);
        object.field("user_obj", &self.user_obj);
        object.optional("description", &self.description);
        object.nullable("expires", &self.expires);
        object.optional("expiring", &self.expiring);
        object.end()
    }
}

#[cfg(feature = "core")]
impl<'de> Deserialize<'de> for Token {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

#[cfg(feature = "core")]
impl object::FromObject for Token {
    const NAME: &'static str = "Token";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut pk = None;
        let mut managed = Nullable::Absent;
        let mut identifier = None;
        let mut intent = None;
        let mut user = None;
        let mut user_obj = None;
        let mut description = None;
        let mut expires = Nullable::Absent;
        let mut expiring = None;
        let mut properties = object::Properties::new(
            &[
                "pk",
                "managed",
                "identifier",
                "intent",
                "user",
                "user_obj",
                "description",
                "expires",
                "expiring",
            ],
        );
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read_some(&mut map, &mut pk),
                object::Property::Known(1) => object::read(&mut map, &mut managed),
                object::Property::Known(2) => {
                    object::read_some(&mut map, &mut identifier)
                }
                object::Property::Known(3) => object::read(&mut map, &mut intent),
                object::Property::Known(4) => object::read(&mut map, &mut user),
                object::Property::Known(5) => object::read_some(&mut map, &mut user_obj),
                object::Property::Known(6) => object::read(&mut map, &mut description),
                object::Property::Known(7) => object::read(&mut map, &mut expires),
                object::Property::Known(8) => object::read(&mut map, &mut expiring),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self {
            pk: object::required(pk, "pk")?,
            managed,
            identifier: object::required(identifier, "identifier")?,
            intent,
            user,
            user_obj: object::required(user_obj, "user_obj")?,
            description,
            expires,
            expiring,
        })
    }
}

/// Token Serializer
#[cfg(feature = "core")]
#[derive(Debug, Clone, PartialEq)]
pub struct TokenRequest {
    /// Constraints: 1 to 255 characters.
    pub managed: Nullable<String>,
    /// Constraints: matches `^[-a-zA-Z0-9_]+$`; 1 to 255 characters.
    pub identifier: String,
    pub intent: Option<IntentEnum>,
    pub user: Option<i64>,
    pub description: Option<String>,
    pub expires: Nullable<DateTime<Utc>>,
    pub expiring: Option<bool>,
}

#[cfg(feature = "core")]
impl object::Prop for TokenRequest {
    #[inline]
    fn fields<'a>(&'a self, out: &mut object::Out<'a>) {
        out.list(
            "TokenRequest",
            &[
                "managed",
                "identifier",
                "intent",
                "user",
                "description",
                "expires",
                "expiring",
            ],
            &[
                object::nullable(&self.managed),
                object::value(&self.identifier),
                object::optional(&self.intent),
                object::optional(&self.user),
                object::optional(&self.description),
                object::nullable(&self.expires),
                object::optional(&self.expiring),
            ],
            None,
        )
    }
}

#[cfg(feature = "core")]
impl Serialize for TokenRequest {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([
            !self.managed.is_absent(),
            true,
            self.intent.is_some(),
            self.user.is_some(),
            self.description.is_some(),
            !self.expires.is_absent(),
            self.expiring.is_some(),
        ]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("TokenRequest", written),
        );
        object.nullable("managed", &self.managed);
        object.field("identifier", &self.identifier);
        object.optional("intent", &self.intent);
        object.optional("user", &self.user);
        object.optional("description", &self.description);
        object.nullable("expires", &self.expires);
        object.optional("expiring", &self.expiring);
        object.end()
    }
}

#[cfg(feature = "core")]
impl<'de> Deserialize<'de> for TokenRequest {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

#[cfg(feature = "core")]
impl object::FromObject for TokenRequest {
    const NAME: &'static str = "TokenRequest";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut managed = Nullable::Absent;
        let mut identifier = None;
        let mut intent = None;
        let mut user = None;
        let mut description = None;
        let mut expires = Nullable::Absent;
        let mut expiring = None;
        let mut properties = object::Properties::new(
            &[
                "managed",
                "identifier",
                "intent",
                "user",
                "description",
                "expires",
                "expiring",
            ],
        );
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read(&mut map, &mut managed),
                object::Property::Known(1) => {
                    object::read_some(&mut map, &mut identifier)
                }
                object::Property::Known(2) => object::read(&mut map, &mut intent),
                object::Property::Known(3) => object::read(&mut map, &mut user),
                object::Property::Known(4) => object::read(&mut map, &mut description),
                object::Property::Known(5) => object::read(&mut map, &mut expires),
                object::Property::Known(6) => object::read(&mut map, &mut expiring),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self {
            managed,
            identifier: object::required(identifier, "identifier")?,
            intent,
            user,
            description,
            expires,
            expiring,
        })
    }
}

/// Serializer for totp authenticator devices
///
/// Schema `TOTPDevice` in the spec.
#[cfg(feature = "authenticators")]
#[derive(Debug, Clone, PartialEq)]
pub struct TotpDevice {
    /// The human-readable name of this device.
    ///
    /// Constraints: at most 64 characters.
    pub name: String,
    /// ID
    ///
    /// Constraints: read-only: sent by the server, ignored in requests.
    pub pk: i64,
}

#[cfg(feature = "authenticators")]
impl object::Prop for TotpDevice {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

#[cfg(feature = "authenticators")]
impl Serialize for TotpDevice {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([true, true]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("TotpDevice", written),
        );
        object.field("name", &self.name);
        object.field("pk", &self.pk);
        object.end()
    }
}

#[cfg(feature = "authenticators")]
impl<'de> Deserialize<'de> for TotpDevice {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

#[cfg(feature = "authenticators")]
impl object::FromObject for TotpDevice {
    const NAME: &'static str = "TotpDevice";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut name = None;
        let mut pk = None;
        let mut properties = object::Properties::new(&["name", "pk"]);
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read_some(&mut map, &mut name),
                object::Property::Known(1) => object::read_some(&mut map, &mut pk),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self {
            name: object::required(name, "name")?,
            pk: object::required(pk, "pk")?,
        })
    }
}

/// User Serializer
#[cfg(feature = "core")]
#[derive(Debug, Clone, PartialEq)]
pub struct User {
    /// ID
    ///
    /// Constraints: read-only: sent by the server, ignored in requests.
    pub pk: i64,
    /// Constraints: at most 150 characters.
    pub username: String,
    /// User's display name.
    pub name: String,
    /// Active
    pub is_active: Option<bool>,
    pub last_login: Nullable<DateTime<Utc>>,
    /// Constraints: read-only: sent by the server, ignored in requests.
    pub is_superuser: bool,
    pub groups: Option<Vec<Uuid>>,
    /// Constraints: read-only: sent by the server, ignored in requests.
    pub groups_obj: Option<Vec<UserGroup>>,
    /// Email address
    ///
    /// Constraints: at most 254 characters; format `email`.
    pub email: Option<String>,
    /// Constraints: read-only: sent by the server, ignored in requests.
    pub avatar: String,
    pub attributes: Option<BTreeMap<String, serde_json::Value>>,
    /// Constraints: read-only: sent by the server, ignored in requests.
    pub uid: String,
    pub path: Option<String>,
    pub r#type: Option<UserTypeEnum>,
    /// Constraints: read-only: sent by the server, ignored in requests.
    pub uuid: Uuid,
}

#[cfg(feature = "core")]
impl object::Prop for User {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

#[cfg(feature = "core")]
impl Serialize for User {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([
            true,
            true,
            true,
            self.is_active.is_some(),
            !self.last_login.is_absent(),
            true,
            self.groups.is_some(),
            true,
            self.email.is_some(),
            true,
            self.attributes.is_some(),
            true,
            self.path.is_some(),
            self.r#type.is_some(),
            true,
        ]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("User", written),
        );
        object.field("pk", &self.pk);
        object.field("username", &self.username);
        object.field("name", &self.name);
        object.optional("is_active", &self.is_active);
        object.nullable("last_login", &self.last_login);
        object.field("is_superuser", &self.is_superuser);
        object.optional("groups", &self.groups);
        object.field("groups_obj", &self.groups_obj);
        object.optional("email", &self.email);
        object.field("avatar", &self.avatar);
        object.optional("attributes", &self.attributes);
        object.field("uid", &self.uid);
        object.optional("path", &self.path);
        object.optional("type", &self.r#type);
        object.field("uuid", &self.uuid);
        object.end()
    }
}

#[cfg(feature = "core")]
impl<'de> Deserialize<'de> for User {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

#[cfg(feature = "core")]
impl object::FromObject for User {
    const NAME: &'static str = "User";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut pk = None;
        let mut username = None;
        let mut name = None;
        let mut is_active = None;
        let mut last_login = Nullable::Absent;
        let mut is_superuser = None;
        let mut groups = None;
        let mut groups_obj = None;
        let mut email = None;
        let mut avatar = None;
        let mut attributes = None;
        let mut uid = None;
        let mut path = None;
        let mut r#type = None;
        let mut uuid = None;
        let mut properties = object::Properties::new(
            &[
                "pk",
                "username",
                "name",
                "is_active",
                "last_login",
                "is_superuser",
                "groups",
                "groups_obj",
                "email",
                "avatar",
                "attributes",
                "uid",
                "path",
                "type",
                "uuid",
            ],
        );
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read_some(&mut map, &mut pk),
                object::Property::Known(1) => object::read_some(&mut map, &mut username),
                object::Property::Known(2) => object::read_some(&mut map, &mut name),
                object::Property::Known(3) => object::read(&mut map, &mut is_active),
                object::Property::Known(4) => object::read(&mut map, &mut last_login),
                object::Property::Known(5) => {
                    object::read_some(&mut map, &mut is_superuser)
                }
                object::Property::Known(6) => object::read(&mut map, &mut groups),
                object::Property::Known(7) => {
                    object::read_some(&mut map, &mut groups_obj)
                }
                object::Property::Known(8) => object::read(&mut map, &mut email),
                object::Property::Known(9) => object::read_some(&mut map, &mut avatar),
                object::Property::Known(10) => object::read(&mut map, &mut attributes),
                object::Property::Known(11) => object::read_some(&mut map, &mut uid),
                object::Property::Known(12) => object::read(&mut map, &mut path),
                object::Property::Known(13) => object::read(&mut map, &mut r#type),
                object::Property::Known(14) => object::read_some(&mut map, &mut uuid),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self {
            pk: object::required(pk, "pk")?,
            username: object::required(username, "username")?,
            name: object::required(name, "name")?,
            is_active,
            last_login,
            is_superuser: object::required(is_superuser, "is_superuser")?,
            groups,
            groups_obj: object::required(groups_obj, "groups_obj")?,
            email,
            avatar: object::required(avatar, "avatar")?,
            attributes,
            uid: object::required(uid, "uid")?,
            path,
            r#type,
            uuid: object::required(uuid, "uuid")?,
        })
    }
}

#[cfg(feature = "core")]
#[derive(Debug, Clone, PartialEq)]
pub struct UserGroup {
    /// Constraints: read-only: sent by the server, ignored in requests.
    pub pk: Uuid,
    /// Constraints: read-only: sent by the server, ignored in requests.
    pub num_pk: i64,
    /// Constraints: at most 80 characters.
    pub name: String,
    pub is_superuser: Option<bool>,
    pub parent: Option<Uuid>,
    /// Constraints: read-only: sent by the server, ignored in requests.
    pub parent_name: Option<String>,
    pub attributes: Option<BTreeMap<String, serde_json::Value>>,
}

#[cfg(feature = "core")]
impl object::Prop for UserGroup {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Other(self)
    }
}

#[cfg(feature = "core")]
impl Serialize for UserGroup {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let written = object::written([
            true,
            true,
            true,
            self.is_superuser.is_some(),
            true,
            true,
            self.attributes.is_some(),
        ]);
        let mut object = object::Writer::new(
            serializer.serialize_struct("UserGroup", written),
        );
        object.field("pk", &self.pk);
        object.field("num_pk", &self.num_pk);
        object.field("name", &self.name);
        object.optional("is_superuser", &self.is_superuser);
        object.field("parent", &self.parent);
        object.field("parent_name", &self.parent_name);
        object.optional("attributes", &self.attributes);
        object.end()
    }
}

#[cfg(feature = "core")]
impl<'de> Deserialize<'de> for UserGroup {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

#[cfg(feature = "core")]
impl object::FromObject for UserGroup {
    const NAME: &'static str = "UserGroup";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut pk = None;
        let mut num_pk = None;
        let mut name = None;
        let mut is_superuser = None;
        let mut parent = None;
        let mut parent_name = None;
        let mut attributes = None;
        let mut properties = object::Properties::new(
            &[
                "pk",
                "num_pk",
                "name",
                "is_superuser",
                "parent",
                "parent_name",
                "attributes",
            ],
        );
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => object::read_some(&mut map, &mut pk),
                object::Property::Known(1) => object::read_some(&mut map, &mut num_pk),
                object::Property::Known(2) => object::read_some(&mut map, &mut name),
                object::Property::Known(3) => object::read(&mut map, &mut is_superuser),
                object::Property::Known(4) => object::read_some(&mut map, &mut parent),
                object::Property::Known(5) => {
                    object::read_some(&mut map, &mut parent_name)
                }
                object::Property::Known(6) => object::read(&mut map, &mut attributes),
                _ => object::skip(&mut map),
            }?;
        }
        Ok(Self {
            pk: object::required(pk, "pk")?,
            num_pk: object::required(num_pk, "num_pk")?,
            name: object::required(name, "name")?,
            is_superuser,
            parent: object::required(parent, "parent")?,
            parent_name: object::required(parent_name, "parent_name")?,
            attributes,
        })
    }
}

#[cfg(feature = "core")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum UserTypeEnum {
    /// `internal`
    Internal,
    /// `external`
    External,
    /// `service_account`
    ServiceAccount,
    /// `internal_service_account`
    InternalServiceAccount,
    /// A value this version of the API does not list; kept as sent.
    Unknown(String),
}

#[cfg(feature = "core")]
impl UserTypeEnum {
    /// The value as it appears on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Internal => "internal",
            Self::External => "external",
            Self::ServiceAccount => "service_account",
            Self::InternalServiceAccount => "internal_service_account",
            Self::Unknown(value) => value,
        }
    }
}

#[cfg(feature = "core")]
impl From<&str> for UserTypeEnum {
    fn from(value: &str) -> Self {
        match value {
            "internal" => Self::Internal,
            "external" => Self::External,
            "service_account" => Self::ServiceAccount,
            "internal_service_account" => Self::InternalServiceAccount,
            other => Self::Unknown(other.to_owned()),
        }
    }
}

#[cfg(feature = "core")]
impl std::fmt::Display for UserTypeEnum {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(feature = "core")]
impl Serialize for UserTypeEnum {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(feature = "core")]
impl object::Prop for UserTypeEnum {
    #[inline]
    fn prop(&self) -> object::Value<'_> {
        object::Value::Str(self.as_str())
    }
}

#[cfg(feature = "core")]
impl<'de> Deserialize<'de> for UserTypeEnum {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        super::runtime::deserialize_open_enum(deserializer)
    }
}

/// Validation Error
#[cfg(any(feature = "authenticators", feature = "core"))]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ValidationError {
    pub non_field_errors: Option<Vec<serde_json::Value>>,
    pub code: Option<String>,
    /// Properties not listed in the schema.
    pub additional_properties: BTreeMap<String, serde_json::Value>,
}

#[cfg(any(feature = "authenticators", feature = "core"))]
impl object::Prop for ValidationError {
    #[inline]
    fn fields<'a>(&'a self, out: &mut object::Out<'a>) {
        out.list(
            "ValidationError",
            &["non_field_errors", "code"],
            &[object::optional(&self.non_field_errors), object::optional(&self.code)],
            Some(&self.additional_properties),
        )
    }
}

#[cfg(any(feature = "authenticators", feature = "core"))]
impl Serialize for ValidationError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        object::serialize(serializer, self)
    }
}

#[cfg(any(feature = "authenticators", feature = "core"))]
impl<'de> Deserialize<'de> for ValidationError {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        object::deserialize(deserializer)
    }
}

#[cfg(any(feature = "authenticators", feature = "core"))]
impl object::FromObject for ValidationError {
    const NAME: &'static str = "ValidationError";

    fn from_map<'de, A: serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> Result<Self, A::Error> {
        let mut non_field_errors = None;
        let mut code = None;
        let mut additional_properties = BTreeMap::new();
        let mut properties = object::Properties::new(&["non_field_errors", "code"]);
        while let Some(property) = map.next_key_seed(&mut properties)? {
            match property {
                object::Property::Known(0) => {
                    object::read(&mut map, &mut non_field_errors)
                }
                object::Property::Known(1) => object::read(&mut map, &mut code),
                object::Property::Other(name) => {
                    object::read_additional(&mut map, &mut additional_properties, name)
                }
                object::Property::Known(_) => object::skip(&mut map),
            }?;
        }
        Ok(Self {
            non_field_errors,
            code,
            additional_properties,
        })
    }
}

/// The spec names of the component schemas the enabled features compile, sorted.
pub const SCHEMA_NAMES: &[&str] = &[
    #[cfg(feature = "flows")]
    "AccessDeniedChallenge",
    #[cfg(feature = "core")]
    "AvatarUploadRequest",
    #[cfg(feature = "flows")]
    "ChallengeTypes",
    #[cfg(feature = "flows")]
    "FlowChallengeResponseRequest",
    #[cfg(any(feature = "authenticators", feature = "core"))]
    "GenericError",
    #[cfg(feature = "flows")]
    "IdentificationChallengeResponseRequest",
    #[cfg(feature = "core")]
    "IntentEnum",
    #[cfg(feature = "core")]
    "PaginatedTokenList",
    #[cfg(feature = "core")]
    "Pagination",
    #[cfg(feature = "flows")]
    "PasswordChallengeResponseRequest",
    #[cfg(feature = "authenticators")]
    "PatchedTOTPDeviceRequest",
    #[cfg(feature = "core")]
    "PatchedTokenRequest",
    #[cfg(feature = "flows")]
    "RedirectChallenge",
    #[cfg(feature = "authenticators")]
    "TOTPDevice",
    #[cfg(feature = "core")]
    "Token",
    #[cfg(feature = "core")]
    "TokenRequest",
    #[cfg(feature = "core")]
    "User",
    #[cfg(feature = "core")]
    "UserGroup",
    #[cfg(feature = "core")]
    "UserTypeEnum",
    #[cfg(any(feature = "authenticators", feature = "core"))]
    "ValidationError",
];

/// Calls `visitor` with the type generated for the component schema `name`;
/// `None` when the spec has no such schema (or the config replaced it).
pub fn visit_schema<V: super::runtime::SchemaVisitor>(
    name: &str,
    visitor: V,
) -> Option<V::Output> {
    match name {
        #[cfg(feature = "flows")]
        "AccessDeniedChallenge" => Some(visitor.visit::<AccessDeniedChallenge>()),
        #[cfg(feature = "core")]
        "AvatarUploadRequest" => Some(visitor.visit::<AvatarUploadRequest>()),
        #[cfg(feature = "flows")]
        "ChallengeTypes" => Some(visitor.visit::<ChallengeTypes>()),
        #[cfg(feature = "flows")]
        "FlowChallengeResponseRequest" => {
            Some(visitor.visit::<FlowChallengeResponseRequest>())
        }
        #[cfg(any(feature = "authenticators", feature = "core"))]
        "GenericError" => Some(visitor.visit::<GenericError>()),
        #[cfg(feature = "flows")]
        "IdentificationChallengeResponseRequest" => {
            Some(visitor.visit::<IdentificationChallengeResponseRequest>())
        }
        #[cfg(feature = "core")]
        "IntentEnum" => Some(visitor.visit::<IntentEnum>()),
        #[cfg(feature = "core")]
        "PaginatedTokenList" => Some(visitor.visit::<PaginatedTokenList>()),
        #[cfg(feature = "core")]
        "Pagination" => Some(visitor.visit::<Pagination>()),
        #[cfg(feature = "flows")]
        "PasswordChallengeResponseRequest" => {
            Some(visitor.visit::<PasswordChallengeResponseRequest>())
        }
        #[cfg(feature = "authenticators")]
        "PatchedTOTPDeviceRequest" => Some(visitor.visit::<PatchedTotpDeviceRequest>()),
        #[cfg(feature = "core")]
        "PatchedTokenRequest" => Some(visitor.visit::<PatchedTokenRequest>()),
        #[cfg(feature = "flows")]
        "RedirectChallenge" => Some(visitor.visit::<RedirectChallenge>()),
        #[cfg(feature = "authenticators")]
        "TOTPDevice" => Some(visitor.visit::<TotpDevice>()),
        #[cfg(feature = "core")]
        "Token" => Some(visitor.visit::<Token>()),
        #[cfg(feature = "core")]
        "TokenRequest" => Some(visitor.visit::<TokenRequest>()),
        #[cfg(feature = "core")]
        "User" => Some(visitor.visit::<User>()),
        #[cfg(feature = "core")]
        "UserGroup" => Some(visitor.visit::<UserGroup>()),
        #[cfg(feature = "core")]
        "UserTypeEnum" => Some(visitor.visit::<UserTypeEnum>()),
        #[cfg(any(feature = "authenticators", feature = "core"))]
        "ValidationError" => Some(visitor.visit::<ValidationError>()),
        _ => {
            let _ = visitor;
            None
        }
    }
}

// file: src/params.rs
//! The parameters of each operation that has any, as one struct per operation.
#[cfg(feature = "core")]
use super::models::*;

/// Parameters of `core_tokens_list` (GET `/core/tokens/`).
#[cfg(feature = "core")]
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "server", derive(serde::Deserialize))]
pub struct CoreTokensListParams {
    #[cfg_attr(feature = "server", serde(default))]
    pub intent: Option<CoreTokensListIntent>,
    /// Which field to use when ordering the results.
    #[cfg_attr(feature = "server", serde(default))]
    pub ordering: Option<String>,
    /// A page number within the paginated result set.
    #[cfg_attr(feature = "server", serde(default))]
    pub page: Option<i64>,
    /// Number of results to return per page.
    ///
    /// Constraints: >= 1; <= 1000.
    #[cfg_attr(feature = "server", serde(default))]
    pub page_size: Option<i32>,
    /// A search term.
    #[cfg_attr(feature = "server", serde(default))]
    pub search: Option<String>,
    /// Constraints: matches `^[\w.@+-]+$`.
    #[cfg_attr(feature = "server", serde(rename = "user__username", default))]
    pub user_username: Option<String>,
}

/// Parameters of `core_tokens_retrieve` (GET `/core/tokens/{identifier}/`).
#[cfg(feature = "core")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "server", derive(serde::Deserialize))]
pub struct CoreTokensRetrieveParams {
    pub identifier: String,
}

/// Parameters of `core_tokens_destroy` (DELETE `/core/tokens/{identifier}/`).
#[cfg(feature = "core")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "server", derive(serde::Deserialize))]
pub struct CoreTokensDestroyParams {
    pub identifier: String,
}

/// Parameters of `core_tokens_partial_update` (PATCH `/core/tokens/{identifier}/`).
#[cfg(feature = "core")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "server", derive(serde::Deserialize))]
pub struct CoreTokensPartialUpdateParams {
    pub identifier: String,
}

/// Parameters of `authenticators_totp_partial_update` (PATCH `/authenticators/totp/{id}/`).
#[cfg(feature = "authenticators")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "server", derive(serde::Deserialize))]
pub struct AuthenticatorsTotpPartialUpdateParams {
    /// A unique integer value identifying this TOTP Device.
    pub id: i64,
}

/// Parameters of `core_users_set_avatar_create` (POST `/core/users/{id}/set_avatar/`).
#[cfg(feature = "core")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "server", derive(serde::Deserialize))]
pub struct CoreUsersSetAvatarCreateParams {
    pub id: i64,
}

/// Parameters of `flows_executor_solve` (POST `/flows/executor/{flow_slug}/`).
#[cfg(feature = "flows")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "server", derive(serde::Deserialize))]
pub struct FlowsExecutorSolveParams {
    pub flow_slug: String,
}

// file: src/server/authenticators.rs
use std::sync::Arc;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use super::support::{self, App, BoxFuture};
use super::{Authenticate, Operation, ServerError};

/// The operations tagged `authenticators`. Each method has a default answering 501; implement the ones you serve.
pub trait Authenticators: Authenticate {
    /// Viewset for totp authenticator devices
    ///
    /// `PATCH /authenticators/totp/{id}/` (`authenticators_totp_partial_update`).
    ///
    /// Called only with a valid bearer token; `principal` is who it belongs to.
    ///
    /// The body arrives as `application/json`, already validated.
    fn totp_partial_update(
        &self,
        principal: Self::Principal,
        params: crate::params::AuthenticatorsTotpPartialUpdateParams,
        body: Option<crate::models::PatchedTotpDeviceRequest>,
    ) -> impl Future<Output = Result<TotpPartialUpdateResponse, ServerError>> + Send {
        let _ = (principal, params, body);
        async { Err(ServerError::not_implemented("authenticators_totp_partial_update")) }
    }
}

/// The tag's operations, for [`super::RouterBuilder`].
pub(super) fn routes<S: Authenticators>() -> Vec<support::Route<S>> {
    Vec::from([
        (
            "/authenticators/totp/{p0}/",
            axum::http::Method::PATCH,
            totp_partial_update::<S> as support::Handler<S>,
        ),
    ])
}

/// `authenticators_totp_partial_update`: how requests to it are read.
pub static TOTP_PARTIAL_UPDATE: Operation = Operation {
    id: "authenticators_totp_partial_update",
    method: "PATCH",
    path: "/authenticators/totp/{id}/",
    security: &[&[&crate::security::AUTHENTIK]],
    params: &[support::Param::path("id", support::Shape::Integer)],
};

/// The responses `authenticators_totp_partial_update` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum TotpPartialUpdateResponse {
    /// 200.
    Ok(crate::models::TotpDevice),
    /// 400.
    BadRequest(crate::models::ValidationError),
    /// 403.
    Forbidden(crate::models::GenericError),
}

impl IntoResponse for TotpPartialUpdateResponse {
    fn into_response(self) -> Response {
        match self {
            Self::Ok(body) => support::json(StatusCode::OK, &body),
            Self::BadRequest(body) => support::json(StatusCode::BAD_REQUEST, &body),
            Self::Forbidden(body) => support::json(StatusCode::FORBIDDEN, &body),
        }
    }
}

pub(super) fn totp_partial_update<S: super::Authenticators>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::secured(
        app,
        request,
        &TOTP_PARTIAL_UPDATE,
        |app, principal, input| async move {
            let params = input.params()?;
            let body = input
                .optional_json(
                    &support::JsonBody {
                        object: true,
                        required: &[],
                        not_null: &["name"],
                    },
                )
                .await?;
            <S as super::Authenticators>::totp_partial_update(
                    &app.server,
                    principal,
                    params,
                    body,
                )
                .await
        },
    )
}

// file: src/server/core.rs
use std::sync::Arc;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use super::support::{self, App, BoxFuture};
use super::{Authenticate, Operation, ServerError};

/// The operations tagged `core`. Each method has a default answering 501; implement the ones you serve.
pub trait Core: Authenticate {
    /// Token Viewset
    ///
    /// `GET /core/tokens/` (`core_tokens_list`).
    ///
    /// Called only with a valid bearer token; `principal` is who it belongs to.
    fn tokens_list(
        &self,
        principal: Self::Principal,
        params: crate::params::CoreTokensListParams,
    ) -> impl Future<Output = Result<TokensListResponse, ServerError>> + Send {
        let _ = (principal, params);
        async { Err(ServerError::not_implemented("core_tokens_list")) }
    }

    /// Token Viewset
    ///
    /// `POST /core/tokens/` (`core_tokens_create`).
    ///
    /// Called only with a valid bearer token; `principal` is who it belongs to.
    ///
    /// The body arrives as `application/json`, already validated.
    fn tokens_create(
        &self,
        principal: Self::Principal,
        body: crate::models::TokenRequest,
    ) -> impl Future<Output = Result<TokensCreateResponse, ServerError>> + Send {
        let _ = (principal, body);
        async { Err(ServerError::not_implemented("core_tokens_create")) }
    }

    /// Token Viewset
    ///
    /// `GET /core/tokens/{identifier}/` (`core_tokens_retrieve`).
    ///
    /// Called only with a valid bearer token; `principal` is who it belongs to.
    fn tokens_retrieve(
        &self,
        principal: Self::Principal,
        params: crate::params::CoreTokensRetrieveParams,
    ) -> impl Future<Output = Result<TokensRetrieveResponse, ServerError>> + Send {
        let _ = (principal, params);
        async { Err(ServerError::not_implemented("core_tokens_retrieve")) }
    }

    /// Token Viewset
    ///
    /// `DELETE /core/tokens/{identifier}/` (`core_tokens_destroy`).
    ///
    /// Called only with a valid bearer token; `principal` is who it belongs to.
    fn tokens_destroy(
        &self,
        principal: Self::Principal,
        params: crate::params::CoreTokensDestroyParams,
    ) -> impl Future<Output = Result<TokensDestroyResponse, ServerError>> + Send {
        let _ = (principal, params);
        async { Err(ServerError::not_implemented("core_tokens_destroy")) }
    }

    /// Token Viewset
    ///
    /// `PATCH /core/tokens/{identifier}/` (`core_tokens_partial_update`).
    ///
    /// Called only with a valid bearer token; `principal` is who it belongs to.
    ///
    /// The body arrives as `application/json`, already validated.
    fn tokens_partial_update(
        &self,
        principal: Self::Principal,
        params: crate::params::CoreTokensPartialUpdateParams,
        body: Option<crate::models::PatchedTokenRequest>,
    ) -> impl Future<Output = Result<TokensPartialUpdateResponse, ServerError>> + Send {
        let _ = (principal, params, body);
        async { Err(ServerError::not_implemented("core_tokens_partial_update")) }
    }

    /// Upload an avatar (a multipart body with a file and a name).
    ///
    /// `POST /core/users/{id}/set_avatar/` (`core_users_set_avatar_create`).
    ///
    /// Called only with a valid bearer token; `principal` is who it belongs to.
    ///
    /// The body arrives as `multipart/form-data`, already validated.
    fn users_set_avatar_create(
        &self,
        principal: Self::Principal,
        params: crate::params::CoreUsersSetAvatarCreateParams,
        body: crate::models::AvatarUploadRequest,
    ) -> impl Future<Output = Result<UsersSetAvatarCreateResponse, ServerError>> + Send {
        let _ = (principal, params, body);
        async { Err(ServerError::not_implemented("core_users_set_avatar_create")) }
    }
}

/// The tag's operations, for [`super::RouterBuilder`].
pub(super) fn routes<S: Core>() -> Vec<support::Route<S>> {
    Vec::from([
        (
            "/core/tokens/",
            axum::http::Method::GET,
            tokens_list::<S> as support::Handler<S>,
        ),
        (
            "/core/tokens/",
            axum::http::Method::POST,
            tokens_create::<S> as support::Handler<S>,
        ),
        (
            "/core/tokens/{p0}/",
            axum::http::Method::GET,
            tokens_retrieve::<S> as support::Handler<S>,
        ),
        (
            "/core/tokens/{p0}/",
            axum::http::Method::DELETE,
            tokens_destroy::<S> as support::Handler<S>,
        ),
        (
            "/core/tokens/{p0}/",
            axum::http::Method::PATCH,
            tokens_partial_update::<S> as support::Handler<S>,
        ),
        (
            "/core/users/{p0}/set_avatar/",
            axum::http::Method::POST,
            users_set_avatar_create::<S> as support::Handler<S>,
        ),
    ])
}

/// `core_tokens_list`: how requests to it are read.
pub static TOKENS_LIST: Operation = Operation {
    id: "core_tokens_list",
    method: "GET",
    path: "/core/tokens/",
    security: &[&[&crate::security::AUTHENTIK]],
    params: &[
        support::Param::query("intent", support::Shape::String),
        support::Param::query("ordering", support::Shape::String),
        support::Param::query("page", support::Shape::Integer),
        support::Param::query("page_size", support::Shape::Integer),
        support::Param::query("search", support::Shape::String),
        support::Param::query("user__username", support::Shape::String),
    ],
};

/// The responses `core_tokens_list` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum TokensListResponse {
    /// 200.
    Ok(crate::models::PaginatedTokenList),
    /// 400.
    BadRequest(crate::models::ValidationError),
    /// 403.
    Forbidden(crate::models::GenericError),
}

impl IntoResponse for TokensListResponse {
    fn into_response(self) -> Response {
        match self {
            Self::Ok(body) => support::json(StatusCode::OK, &body),
            Self::BadRequest(body) => support::json(StatusCode::BAD_REQUEST, &body),
            Self::Forbidden(body) => support::json(StatusCode::FORBIDDEN, &body),
        }
    }
}

pub(super) fn tokens_list<S: super::Core>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::secured(
        app,
        request,
        &TOKENS_LIST,
        |app, principal, input| async move {
            let params = input.params()?;
            <S as super::Core>::tokens_list(&app.server, principal, params).await
        },
    )
}

/// `core_tokens_create`: how requests to it are read.
pub static TOKENS_CREATE: Operation = Operation {
    id: "core_tokens_create",
    method: "POST",
    path: "/core/tokens/",
    security: &[&[&crate::security::AUTHENTIK]],
    params: &[],
};

/// The responses `core_tokens_create` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum TokensCreateResponse {
    /// 201.
    Created(crate::models::Token),
    /// 400.
    BadRequest(crate::models::ValidationError),
    /// 403.
    Forbidden(crate::models::GenericError),
}

impl IntoResponse for TokensCreateResponse {
    fn into_response(self) -> Response {
        match self {
            Self::Created(body) => support::json(StatusCode::CREATED, &body),
            Self::BadRequest(body) => support::json(StatusCode::BAD_REQUEST, &body),
            Self::Forbidden(body) => support::json(StatusCode::FORBIDDEN, &body),
        }
    }
}

pub(super) fn tokens_create<S: super::Core>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::secured(
        app,
        request,
        &TOKENS_CREATE,
        |app, principal, input| async move {
            let body = input
                .json(
                    &support::JsonBody {
                        object: true,
                        required: &["identifier"],
                        not_null: &["intent", "user", "description", "expiring"],
                    },
                )
                .await?;
            <S as super::Core>::tokens_create(&app.server, principal, body).await
        },
    )
}

/// `core_tokens_retrieve`: how requests to it are read.
pub static TOKENS_RETRIEVE: Operation = Operation {
    id: "core_tokens_retrieve",
    method: "GET",
    path: "/core/tokens/{identifier}/",
    security: &[&[&crate::security::AUTHENTIK]],
    params: &[support::Param::path("identifier", support::Shape::String)],
};

/// The responses `core_tokens_retrieve` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum TokensRetrieveResponse {
    /// 200.
    Ok(crate::models::Token),
    /// 400.
    BadRequest(crate::models::ValidationError),
    /// 403.
    Forbidden(crate::models::GenericError),
}

impl IntoResponse for TokensRetrieveResponse {
    fn into_response(self) -> Response {
        match self {
            Self::Ok(body) => support::json(StatusCode::OK, &body),
            Self::BadRequest(body) => support::json(StatusCode::BAD_REQUEST, &body),
            Self::Forbidden(body) => support::json(StatusCode::FORBIDDEN, &body),
        }
    }
}

pub(super) fn tokens_retrieve<S: super::Core>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::secured(
        app,
        request,
        &TOKENS_RETRIEVE,
        |app, principal, input| async move {
            let params = input.params()?;
            <S as super::Core>::tokens_retrieve(&app.server, principal, params).await
        },
    )
}

/// `core_tokens_destroy`: how requests to it are read.
pub static TOKENS_DESTROY: Operation = Operation {
    id: "core_tokens_destroy",
    method: "DELETE",
    path: "/core/tokens/{identifier}/",
    security: &[&[&crate::security::AUTHENTIK]],
    params: &[support::Param::path("identifier", support::Shape::String)],
};

/// The responses `core_tokens_destroy` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum TokensDestroyResponse {
    /// 204: No response body
    NoContent,
    /// 400.
    BadRequest(crate::models::ValidationError),
    /// 403.
    Forbidden(crate::models::GenericError),
}

impl IntoResponse for TokensDestroyResponse {
    fn into_response(self) -> Response {
        match self {
            Self::NoContent => support::empty(StatusCode::NO_CONTENT),
            Self::BadRequest(body) => support::json(StatusCode::BAD_REQUEST, &body),
            Self::Forbidden(body) => support::json(StatusCode::FORBIDDEN, &body),
        }
    }
}

pub(super) fn tokens_destroy<S: super::Core>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::secured(
        app,
        request,
        &TOKENS_DESTROY,
        |app, principal, input| async move {
            let params = input.params()?;
            <S as super::Core>::tokens_destroy(&app.server, principal, params).await
        },
    )
}

/// `core_tokens_partial_update`: how requests to it are read.
pub static TOKENS_PARTIAL_UPDATE: Operation = Operation {
    id: "core_tokens_partial_update",
    method: "PATCH",
    path: "/core/tokens/{identifier}/",
    security: &[&[&crate::security::AUTHENTIK]],
    params: &[support::Param::path("identifier", support::Shape::String)],
};

/// The responses `core_tokens_partial_update` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum TokensPartialUpdateResponse {
    /// 200.
    Ok(crate::models::Token),
    /// 400.
    BadRequest(crate::models::ValidationError),
    /// 403.
    Forbidden(crate::models::GenericError),
}

impl IntoResponse for TokensPartialUpdateResponse {
    fn into_response(self) -> Response {
        match self {
            Self::Ok(body) => support::json(StatusCode::OK, &body),
            Self::BadRequest(body) => support::json(StatusCode::BAD_REQUEST, &body),
            Self::Forbidden(body) => support::json(StatusCode::FORBIDDEN, &body),
        }
    }
}

pub(super) fn tokens_partial_update<S: super::Core>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::secured(
        app,
        request,
        &TOKENS_PARTIAL_UPDATE,
        |app, principal, input| async move {
            let params = input.params()?;
            let body = input
                .optional_json(
                    &support::JsonBody {
                        object: true,
                        required: &[],
                        not_null: &[
                            "identifier",
                            "intent",
                            "user",
                            "description",
                            "expiring",
                        ],
                    },
                )
                .await?;
            <S as super::Core>::tokens_partial_update(
                    &app.server,
                    principal,
                    params,
                    body,
                )
                .await
        },
    )
}

/// `core_users_set_avatar_create`: how requests to it are read.
pub static USERS_SET_AVATAR_CREATE: Operation = Operation {
    id: "core_users_set_avatar_create",
    method: "POST",
    path: "/core/users/{id}/set_avatar/",
    security: &[&[&crate::security::AUTHENTIK]],
    params: &[support::Param::path("id", support::Shape::Integer)],
};

/// The responses `core_users_set_avatar_create` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum UsersSetAvatarCreateResponse {
    /// 204: Uploaded
    NoContent,
    /// 400.
    BadRequest(crate::models::ValidationError),
}

impl IntoResponse for UsersSetAvatarCreateResponse {
    fn into_response(self) -> Response {
        match self {
            Self::NoContent => support::empty(StatusCode::NO_CONTENT),
            Self::BadRequest(body) => support::json(StatusCode::BAD_REQUEST, &body),
        }
    }
}

pub(super) fn users_set_avatar_create<S: super::Core>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::secured(
        app,
        request,
        &USERS_SET_AVATAR_CREATE,
        |app, principal, input| async move {
            let params = input.params()?;
            let body = input
                .multipart(
                    &[
                        ("file", support::Shape::Binary),
                        ("name", support::Shape::String),
                    ],
                    &["file"],
                )
                .await?;
            <S as super::Core>::users_set_avatar_create(
                    &app.server,
                    principal,
                    params,
                    body,
                )
                .await
        },
    )
}

// file: src/server/flows.rs
use std::sync::Arc;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use super::support::{self, App, BoxFuture};
use super::{Authenticate, Operation, ServerError};

/// The operations tagged `flows`. Each method has a default answering 501; implement the ones you serve.
pub trait Flows: Authenticate {
    /// Solve the current stage of a flow.
    ///
    /// `POST /flows/executor/{flow_slug}/` (`flows_executor_solve`).
    ///
    /// Anonymous calls are allowed; `principal` is set when a valid bearer token was sent.
    ///
    /// The body arrives as `application/json`, already validated.
    fn executor_solve(
        &self,
        principal: Option<Self::Principal>,
        params: crate::params::FlowsExecutorSolveParams,
        body: Option<crate::models::FlowChallengeResponseRequest>,
    ) -> impl Future<Output = Result<ExecutorSolveResponse, ServerError>> + Send {
        let _ = (principal, params, body);
        async { Err(ServerError::not_implemented("flows_executor_solve")) }
    }
}

/// The tag's operations, for [`super::RouterBuilder`].
pub(super) fn routes<S: Flows>() -> Vec<support::Route<S>> {
    Vec::from([
        (
            "/flows/executor/{p0}/",
            axum::http::Method::POST,
            executor_solve::<S> as support::Handler<S>,
        ),
    ])
}

/// `flows_executor_solve`: how requests to it are read.
pub static EXECUTOR_SOLVE: Operation = Operation {
    id: "flows_executor_solve",
    method: "POST",
    path: "/flows/executor/{flow_slug}/",
    security: &[&[&crate::security::AUTHENTIK], &[]],
    params: &[support::Param::path("flow_slug", support::Shape::String)],
};

/// The responses `flows_executor_solve` documents.
#[derive(Debug, Clone, PartialEq)]
pub enum ExecutorSolveResponse {
    /// 200.
    Ok(crate::models::ChallengeTypes),
}

impl IntoResponse for ExecutorSolveResponse {
    fn into_response(self) -> Response {
        match self {
            Self::Ok(body) => support::json(StatusCode::OK, &body),
        }
    }
}

pub(super) fn executor_solve<S: super::Flows>(
    app: Arc<App<S>>,
    request: Request,
) -> BoxFuture<Response> {
    support::optional(
        app,
        request,
        &EXECUTOR_SOLVE,
        |app, principal, input| async move {
            let params = input.params()?;
            let body = input
                .optional_json(
                    &support::JsonBody {
                        object: false,
                        required: &[],
                        not_null: &[],
                    },
                )
                .await?;
            <S as super::Flows>::executor_solve(&app.server, principal, params, body)
                .await
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

/// The operations tagged `authenticators`: the [`Authenticators`] trait and its response types.
#[cfg(feature = "authenticators")]
pub mod authenticators;

/// The operations tagged `core`: the [`Core`] trait and its response types.
#[cfg(feature = "core")]
pub mod core;

/// The operations tagged `flows`: the [`Flows`] trait and its response types.
#[cfg(feature = "flows")]
pub mod flows;

pub use support::{
    serve, Authenticate, BoxError, Credential, Operation, ServeConfig, ServerConfig,
    ServerError,
};

#[cfg(feature = "authenticators")]
pub use self::authenticators::Authenticators;

#[cfg(feature = "core")]
pub use self::core::Core;

#[cfg(feature = "flows")]
pub use self::flows::Flows;

/// The trait of every tag whose feature is on: what [`router`] needs. Implemented for any type that implements them all; give an empty `impl` for a tag you do not serve, and its operations answer 501.
pub trait Api: Authenticate + enabled::Authenticators + enabled::Core + enabled::Flows {}

impl<T: Authenticate + enabled::Authenticators + enabled::Core + enabled::Flows> Api
for T {}

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
    #[cfg(feature = "authenticators")]
    let builder = builder.authenticators();
    #[cfg(feature = "core")]
    let builder = builder.core();
    #[cfg(feature = "flows")]
    let builder = builder.flows();
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

    /// Adds the operations tagged `authenticators`.
    #[cfg(feature = "authenticators")]
    pub fn authenticators(self) -> Self
    where
        S: Authenticators,
    {
        RouterBuilder {
            routes: self.routes.mount(authenticators::routes::<S>()),
        }
    }

    /// Adds the operations tagged `core`.
    #[cfg(feature = "core")]
    pub fn core(self) -> Self
    where
        S: Core,
    {
        RouterBuilder {
            routes: self.routes.mount(core::routes::<S>()),
        }
    }

    /// Adds the operations tagged `flows`.
    #[cfg(feature = "flows")]
    pub fn flows(self) -> Self
    where
        S: Flows,
    {
        RouterBuilder {
            routes: self.routes.mount(flows::routes::<S>()),
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
    #[cfg(feature = "authenticators")]
    pub use super::Authenticators;
    #[cfg(not(feature = "authenticators"))]
    pub trait Authenticators {}
    #[cfg(not(feature = "authenticators"))]
    impl<T: ?Sized> Authenticators for T {}
    #[cfg(feature = "core")]
    pub use super::Core;
    #[cfg(not(feature = "core"))]
    pub trait Core {}
    #[cfg(not(feature = "core"))]
    impl<T: ?Sized> Core for T {}
    #[cfg(feature = "flows")]
    pub use super::Flows;
    #[cfg(not(feature = "flows"))]
    pub trait Flows {}
    #[cfg(not(feature = "flows"))]
    impl<T: ?Sized> Flows for T {}
}

// file: src/validate.rs
//! `Validate` for every model: the constraints the spec states, as code.
#[cfg(any(feature = "authenticators", feature = "core", feature = "flows"))]
use super::models;

#[cfg(any(feature = "authenticators", feature = "core", feature = "flows"))]
use super::params;

#[cfg(feature = "core")]
use super::validation::Pattern;

#[cfg(any(feature = "authenticators", feature = "core", feature = "flows"))]
use super::validation::Validate;

#[cfg(any(feature = "authenticators", feature = "core", feature = "flows"))]
use super::validation::Validator;

/// `^[-a-zA-Z0-9_]+$`, used by 3 properties.
#[cfg(feature = "core")]
static PATTERN_1: Pattern = Pattern::new("^[-a-zA-Z0-9_]+$");

/// `^[\w.@+-]+$`, used by 1 property.
#[cfg(feature = "core")]
static PATTERN_2: Pattern = Pattern::new("^[\\w.@+-]+$");

#[cfg(feature = "flows")]
impl Validate for models::AccessDeniedChallenge {}

#[cfg(feature = "core")]
impl Validate for models::AvatarUploadRequest {
    fn validate_into(&self, v: &mut Validator) {
        if let Some(value) = &self.name {
            v.field("name").min_length(value, 1);
        }
    }
}

#[cfg(feature = "flows")]
impl Validate for models::ChallengeTypes {
    fn validate_into(&self, v: &mut Validator) {
        if let Self::Unknown(object) = self {
            let tag = object
                .get("component")
                .and_then(|t| t.as_str())
                .unwrap_or_default();
            v.field("component")
                .unknown_value(tag, &["ak-stage-access-denied", "xak-flow-redirect"]);
        }
    }
}

#[cfg(feature = "core")]
impl Validate for models::CoreTokensListIntent {
    fn validate_into(&self, v: &mut Validator) {
        if let Self::Unknown(value) = self {
            v.unknown_value(value, &["api", "app_password", "recovery", "verification"]);
        }
    }
}

#[cfg(feature = "flows")]
impl Validate for models::FlowChallengeResponseRequest {
    fn validate_into(&self, v: &mut Validator) {
        match self {
            Self::IdentificationChallengeResponseRequest(value) => v.nested(value),
            Self::PasswordChallengeResponseRequest(value) => v.nested(value),
            Self::Unknown(object) => {
                let tag = object
                    .get("component")
                    .and_then(|t| t.as_str())
                    .unwrap_or_default();
                v.field("component")
                    .unknown_value(
                        tag,
                        &["ak-stage-identification", "ak-stage-password"],
                    );
            }
        }
    }
}

#[cfg(any(feature = "authenticators", feature = "core"))]
impl Validate for models::GenericError {}

#[cfg(feature = "flows")]
impl Validate for models::IdentificationChallengeResponseRequest {
    fn validate_into(&self, v: &mut Validator) {
        if let Some(value) = &self.component {
            v.field("component").min_length(value, 1);
        }
        v.field("uid_field").min_length(&self.uid_field, 1);
    }
}

#[cfg(feature = "core")]
impl Validate for models::IntentEnum {
    fn validate_into(&self, v: &mut Validator) {
        if let Self::Unknown(value) = self {
            v.unknown_value(value, &["verification", "api", "recovery", "app_password"]);
        }
    }
}

#[cfg(feature = "core")]
impl Validate for models::PaginatedTokenList {
    fn validate_into(&self, v: &mut Validator) {
        v.field("results").items(&self.results);
    }
}

#[cfg(feature = "core")]
impl Validate for models::Pagination {}

#[cfg(feature = "flows")]
impl Validate for models::PasswordChallengeResponseRequest {
    fn validate_into(&self, v: &mut Validator) {
        if let Some(value) = &self.component {
            v.field("component").min_length(value, 1);
        }
        v.field("password").min_length(&self.password, 1);
    }
}

#[cfg(feature = "core")]
impl Validate for models::PatchedTokenRequest {
    fn validate_into(&self, v: &mut Validator) {
        if let Some(value) = self.managed.as_ref() {
            let mut v = v.field("managed");
            v.min_length(value, 1);
            v.max_length(value, 255);
        }
        if let Some(value) = &self.identifier {
            let mut v = v.field("identifier");
            v.min_length(value, 1);
            v.max_length(value, 255);
            v.pattern(value, &PATTERN_1);
        }
        if let Some(value) = &self.intent {
            v.field("intent").nested(value);
        }
    }
}

#[cfg(feature = "authenticators")]
impl Validate for models::PatchedTotpDeviceRequest {
    fn validate_into(&self, v: &mut Validator) {
        if let Some(value) = &self.name {
            let mut v = v.field("name");
            v.min_length(value, 1);
            v.max_length(value, 64);
        }
    }
}

#[cfg(feature = "flows")]
impl Validate for models::RedirectChallenge {}

#[cfg(feature = "core")]
impl Validate for models::Token {
    fn validate_into(&self, v: &mut Validator) {
        if let Some(value) = self.managed.as_ref() {
            v.field("managed").max_length(value, 255);
        }
        {
            let mut v = v.field("identifier");
            v.max_length(&self.identifier, 255);
            v.pattern(&self.identifier, &PATTERN_1);
        }
        if let Some(value) = &self.intent {
            v.field("intent").nested(value);
        }
        v.field("user_obj").nested(&self.user_obj);
    }
}

#[cfg(feature = "core")]
impl Validate for models::TokenRequest {
    fn validate_into(&self, v: &mut Validator) {
        if let Some(value) = self.managed.as_ref() {
            let mut v = v.field("managed");
            v.min_length(value, 1);
            v.max_length(value, 255);
        }
        {
            let mut v = v.field("identifier");
            v.min_length(&self.identifier, 1);
            v.max_length(&self.identifier, 255);
            v.pattern(&self.identifier, &PATTERN_1);
        }
        if let Some(value) = &self.intent {
            v.field("intent").nested(value);
        }
    }
}

#[cfg(feature = "authenticators")]
impl Validate for models::TotpDevice {
    fn validate_into(&self, v: &mut Validator) {
        v.field("name").max_length(&self.name, 64);
    }
}

#[cfg(feature = "core")]
impl Validate for models::User {
    fn validate_into(&self, v: &mut Validator) {
        v.field("username").max_length(&self.username, 150);
        if let Some(value) = &self.groups_obj {
            v.field("groups_obj").items(value);
        }
        if let Some(value) = &self.email {
            let mut v = v.field("email");
            v.max_length(value, 254);
            v.email(value);
        }
        if let Some(value) = &self.r#type {
            v.field("type").nested(value);
        }
    }
}

#[cfg(feature = "core")]
impl Validate for models::UserGroup {
    fn validate_into(&self, v: &mut Validator) {
        v.field("name").max_length(&self.name, 80);
    }
}

#[cfg(feature = "core")]
impl Validate for models::UserTypeEnum {
    fn validate_into(&self, v: &mut Validator) {
        if let Self::Unknown(value) = self {
            v.unknown_value(
                value,
                &["internal", "external", "service_account", "internal_service_account"],
            );
        }
    }
}

#[cfg(any(feature = "authenticators", feature = "core"))]
impl Validate for models::ValidationError {}

#[cfg(feature = "core")]
impl Validate for params::CoreTokensListParams {
    fn validate_into(&self, v: &mut Validator) {
        if let Some(value) = &self.intent {
            v.field("intent").nested(value);
        }
        if let Some(value) = &self.page_size {
            let mut v = v.field("page_size");
            v.minimum(f64::from(*value), 1.0, false);
            v.maximum(f64::from(*value), 1000.0, false);
        }
        if let Some(value) = &self.user_username {
            v.field("user__username").pattern(value, &PATTERN_2);
        }
    }
}

#[cfg(feature = "core")]
impl Validate for params::CoreTokensRetrieveParams {}

#[cfg(feature = "core")]
impl Validate for params::CoreTokensDestroyParams {}

#[cfg(feature = "core")]
impl Validate for params::CoreTokensPartialUpdateParams {}

#[cfg(feature = "authenticators")]
impl Validate for params::AuthenticatorsTotpPartialUpdateParams {}

#[cfg(feature = "core")]
impl Validate for params::CoreUsersSetAvatarCreateParams {}

#[cfg(feature = "flows")]
impl Validate for params::FlowsExecutorSolveParams {}
