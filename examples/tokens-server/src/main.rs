//! An in-memory server for authentik's tokens endpoints, built on the generated server
//! stubs of the `core` tag alone ([`server::RouterBuilder`]); every other `core` operation
//! answers 501, other tags' paths 404.
//!
//! ```text
//! cargo run -p tokens-server -- --port 8000 --token SECRET
//! ```
//!
//! Listens on 127.0.0.1 (port from `--port`, else `PORT`, else 8000) and accepts the bearer
//! token given by `--token` (else `AUTHENTIK_TOKEN`). Requests are validated against the
//! spec before they reach this code; what is left here is the tokens' own logic.

use std::collections::BTreeMap;
use std::sync::Mutex;

use authentik_api::Nullable;
use authentik_api::models::{
    IntentEnum, PaginatedTokenList, Pagination, PatchedTokenRequest, Token, TokenRequest, User,
};
use authentik_api::params::{
    CoreTokensDestroyParams, CoreTokensListParams, CoreTokensPartialUpdateParams, CoreTokensRetrieveParams,
    CoreTokensUpdateParams,
};
use authentik_api::server::core::{
    TokensCreateResponse, TokensDestroyResponse, TokensListResponse, TokensPartialUpdateResponse,
    TokensRetrieveResponse, TokensUpdateResponse,
};
use authentik_api::server::{self, Authenticate, Credential, Operation, ServerError};
use chrono::{DateTime, Utc};

/// authentik's page size when the request names none, and the largest it allows.
const PAGE_SIZE: i64 = 100;

/// The tokens, keyed by identifier, and the one user the accepted bearer token belongs to.
pub struct TokensServer {
    token: String,
    user: User,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    tokens: BTreeMap<String, Token>,
    /// Source of primary keys: tokens created so far.
    created: u128,
}

impl TokensServer {
    /// A server with no tokens, accepting `token` as the bearer token of user `akadmin`.
    pub fn new(token: impl Into<String>) -> Self {
        let user = serde_json::from_value(serde_json::json!({
            "pk": 1,
            "username": "akadmin",
            "name": "authentik Default Admin",
            "is_active": true,
            "date_joined": "2024-01-01T00:00:00Z",
            "is_superuser": true,
            "groups_obj": null,
            "roles_obj": null,
            "avatar": "data:image/svg+xml;base64,",
            "uid": "akadmin",
            "uuid": "00000000-0000-4000-8000-000000000001",
            "password_change_date": "2024-01-01T00:00:00Z",
            "last_updated": "2024-01-01T00:00:00Z"
        }))
        .expect("the built-in user matches the User schema");
        TokensServer { token: token.into(), user, state: Mutex::default() }
    }

    fn state(&self) -> Result<std::sync::MutexGuard<'_, State>, ServerError> {
        self.state.lock().map_err(|_| ServerError::internal("the token store was poisoned by a panic"))
    }

    /// A token as the API returns it, from what a create or update request says.
    fn token_from(&self, pk: uuid::Uuid, request: TokenRequest) -> Token {
        let expiring = request.expiring.unwrap_or(true);
        // authentik gives expiring tokens 30 minutes unless told otherwise.
        let expires = match request.expires {
            Nullable::Absent if expiring => {
                Nullable::Value(DateTime::<Utc>::from(std::time::SystemTime::now()) + chrono::Duration::minutes(30))
            }
            other => other,
        };
        Token {
            pk,
            managed: request.managed,
            identifier: request.identifier,
            intent: Some(request.intent.unwrap_or(IntentEnum::Verification)),
            user: Some(self.user.pk),
            user_obj: self.user.clone(),
            description: Some(request.description.unwrap_or_default()),
            expires,
            expiring: Some(expiring),
        }
    }
}

impl Authenticate for TokensServer {
    type Principal = User;

    async fn authenticate(&self, credential: Credential<'_>, _operation: &'static Operation) -> Option<User> {
        // Compare every byte, so the time taken does not tell how much of a guess was right.
        let (given, expected) = (credential.token.as_bytes(), self.token.as_bytes());
        let same =
            given.len() == expected.len() && given.iter().zip(expected).fold(0, |acc, (a, b)| acc | (a ^ b)) == 0;
        same.then(|| self.user.clone())
    }
}

/// The value a token is ordered by for an `ordering` field name.
fn sort_key(token: &Token, field: &str) -> Option<String> {
    Some(match field {
        "identifier" => token.identifier.clone(),
        "intent" => token.intent.as_ref().map(|i| i.as_str().to_owned()).unwrap_or_default(),
        "user__username" => token.user_obj.username.clone(),
        "description" => token.description.clone().unwrap_or_default(),
        "expires" => token.expires.as_ref().map(DateTime::to_rfc3339).unwrap_or_default(),
        _ => return None,
    })
}

fn matches(token: &Token, p: &CoreTokensListParams) -> bool {
    let contains = |haystack: &str, needle: &str| haystack.to_lowercase().contains(&needle.to_lowercase());
    p.identifier.as_ref().is_none_or(|v| &token.identifier == v)
        && p.intent.as_ref().is_none_or(|v| token.intent.as_ref() == Some(v))
        && p.description.as_ref().is_none_or(|v| token.description.as_ref() == Some(v))
        && p.managed.as_ref().is_none_or(|v| token.managed.as_ref() == Some(v))
        && p.expiring.is_none_or(|v| token.expiring == Some(v))
        && p.expires.is_none_or(|v| token.expires.as_ref() == Some(&v))
        && p.user_username.as_ref().is_none_or(|v| &token.user_obj.username == v)
        && p.search.as_ref().is_none_or(|s| {
            contains(&token.identifier, s)
                || token.intent.as_ref().is_some_and(|i| contains(i.as_str(), s))
                || contains(&token.user_obj.username, s)
                || token.description.as_ref().is_some_and(|d| contains(d, s))
        })
}

impl server::Core for TokensServer {
    async fn tokens_list(&self, _user: User, params: CoreTokensListParams) -> Result<TokensListResponse, ServerError> {
        let mut tokens: Vec<Token> = self.state()?.tokens.values().filter(|t| matches(t, &params)).cloned().collect();
        // `ordering=-expires,identifier`: later fields break ties; unknown fields are ignored.
        let fields: Vec<&str> = params.ordering.as_deref().unwrap_or("identifier").split(',').map(str::trim).collect();
        tokens.sort_by(|a, b| {
            fields.iter().fold(std::cmp::Ordering::Equal, |order, field| {
                let (name, descending) = match field.strip_prefix('-') {
                    Some(name) => (name, true),
                    None => (*field, false),
                };
                let by = sort_key(a, name).cmp(&sort_key(b, name));
                order.then(if descending { by.reverse() } else { by })
            })
        });
        let page_size = params.page_size.filter(|s| *s >= 1).unwrap_or(PAGE_SIZE).min(PAGE_SIZE);
        let count = tokens.len() as i64;
        let total_pages = ((count + page_size - 1) / page_size).max(1);
        let page = params.page.unwrap_or(1);
        if page < 1 || page > total_pages {
            return Err(ServerError::status(axum::http::StatusCode::NOT_FOUND, "Invalid page."));
        }
        let start = ((page - 1) * page_size) as usize;
        let results: Vec<Token> = tokens.into_iter().skip(start).take(page_size as usize).collect();
        let shown = results.len() as f64;
        let pagination = Pagination {
            next: if page < total_pages { (page + 1) as f64 } else { 0.0 },
            previous: if page > 1 { (page - 1) as f64 } else { 0.0 },
            count: count as f64,
            current: page as f64,
            total_pages: total_pages as f64,
            start_index: if count == 0 { 0.0 } else { start as f64 + 1.0 },
            end_index: start as f64 + shown,
        };
        Ok(TokensListResponse::Ok(PaginatedTokenList { pagination, results, autocomplete: BTreeMap::new() }))
    }

    async fn tokens_create(&self, _user: User, body: TokenRequest) -> Result<TokensCreateResponse, ServerError> {
        let mut state = self.state()?;
        if state.tokens.contains_key(&body.identifier) {
            return Err(ServerError::invalid("/identifier", "Token with this identifier already exists."));
        }
        state.created += 1;
        let token = self.token_from(uuid::Uuid::from_u128(state.created), body);
        state.tokens.insert(token.identifier.clone(), token.clone());
        Ok(TokensCreateResponse::Created(token))
    }

    async fn tokens_retrieve(
        &self,
        _user: User,
        params: CoreTokensRetrieveParams,
    ) -> Result<TokensRetrieveResponse, ServerError> {
        let state = self.state()?;
        let token = state.tokens.get(&params.identifier).ok_or_else(ServerError::not_found)?;
        Ok(TokensRetrieveResponse::Ok(token.clone()))
    }

    async fn tokens_update(
        &self,
        _user: User,
        params: CoreTokensUpdateParams,
        body: TokenRequest,
    ) -> Result<TokensUpdateResponse, ServerError> {
        let mut state = self.state()?;
        let old = state.tokens.get(&params.identifier).ok_or_else(ServerError::not_found)?.clone();
        if body.identifier != old.identifier && state.tokens.contains_key(&body.identifier) {
            return Err(ServerError::invalid("/identifier", "Token with this identifier already exists."));
        }
        let token = self.token_from(old.pk, body);
        state.tokens.remove(&old.identifier);
        state.tokens.insert(token.identifier.clone(), token.clone());
        Ok(TokensUpdateResponse::Ok(token))
    }

    async fn tokens_partial_update(
        &self,
        _user: User,
        params: CoreTokensPartialUpdateParams,
        body: Option<PatchedTokenRequest>,
    ) -> Result<TokensPartialUpdateResponse, ServerError> {
        let body = body.unwrap_or_default();
        let mut state = self.state()?;
        let mut token = state.tokens.get(&params.identifier).ok_or_else(ServerError::not_found)?.clone();
        if let Some(identifier) = body.identifier {
            if identifier != token.identifier && state.tokens.contains_key(&identifier) {
                return Err(ServerError::invalid("/identifier", "Token with this identifier already exists."));
            }
            token.identifier = identifier;
        }
        // Absent leaves a field alone; null clears it; a value sets it.
        if !body.managed.is_absent() {
            token.managed = body.managed;
        }
        if !body.expires.is_absent() {
            token.expires = body.expires;
        }
        token.intent = body.intent.or(token.intent);
        token.description = body.description.or(token.description);
        token.expiring = body.expiring.or(token.expiring);
        state.tokens.remove(&params.identifier);
        state.tokens.insert(token.identifier.clone(), token.clone());
        Ok(TokensPartialUpdateResponse::Ok(token))
    }

    async fn tokens_destroy(
        &self,
        _user: User,
        params: CoreTokensDestroyParams,
    ) -> Result<TokensDestroyResponse, ServerError> {
        self.state()?.tokens.remove(&params.identifier).ok_or_else(ServerError::not_found)?;
        Ok(TokensDestroyResponse::NoContent)
    }
}

/// The `core` operations of `server`, under the spec's base path; other tags' paths get 404.
pub fn router(server: TokensServer) -> axum::Router {
    server::RouterBuilder::new(server).core().build()
}

/// `--name value` from the command line, else the environment variable.
fn setting(args: &[String], flag: &str, env: &str) -> Option<String> {
    args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1).cloned()).or_else(|| std::env::var(env).ok())
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let port: u16 = match setting(&args, "--port", "PORT").map(|p| p.parse()) {
        None => 8000,
        Some(Ok(port)) => port,
        Some(Err(_)) => return Err(std::io::Error::other("--port (or PORT) must be a port number")),
    };
    let Some(token) = setting(&args, "--token", "AUTHENTIK_TOKEN").filter(|t| !t.is_empty()) else {
        return Err(std::io::Error::other("give the accepted bearer token with --token SECRET (or AUTHENTIK_TOKEN)"));
    };
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    eprintln!("tokens server on http://{}{}", listener.local_addr()?, authentik_api::BASE_PATH);
    axum::serve(listener, router(TokensServer::new(token))).await
}
