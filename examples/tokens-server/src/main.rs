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
use std::sync::{Arc, Mutex};

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
    /// Shared with every request it authenticates, rather than copied into each.
    user: Arc<User>,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    tokens: BTreeMap<String, Stored>,
    /// Source of primary keys: tokens created so far.
    created: u128,
}

/// A token and the text the list's `search` looks in, lowered once when it is written
/// rather than on every list.
struct Stored {
    token: Token,
    /// Identifier, intent, owner's username and description, in lower case.
    searched: [String; 4],
}

impl State {
    fn get(&self, identifier: &str) -> Option<&Token> {
        self.tokens.get(identifier).map(|stored| &stored.token)
    }

    fn put(&mut self, token: Token) {
        let intent = token.intent.as_ref().map_or("", |i| i.as_str());
        let searched =
            [&token.identifier, intent, &token.user_obj.username, token.description.as_deref().unwrap_or("")]
                .map(str::to_lowercase);
        self.tokens.insert(token.identifier.clone(), Stored { token, searched });
    }

    fn remove(&mut self, identifier: &str) -> Option<Token> {
        self.tokens.remove(identifier).map(|stored| stored.token)
    }
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
        TokensServer { token: token.into(), user: Arc::new(user), state: Mutex::default() }
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
            user_obj: User::clone(&self.user),
            description: Some(request.description.unwrap_or_default()),
            expires,
            expiring: Some(expiring),
        }
    }
}

impl Authenticate for TokensServer {
    type Principal = Arc<User>;

    async fn authenticate(&self, credential: Credential<'_>, _operation: &'static Operation) -> Option<Arc<User>> {
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

/// Whether a stored token passes the list's filters; `search` finds the `search`
/// parameter, lowered, in the token's lowered text (authentik's `icontains`).
fn matches(stored: &Stored, p: &CoreTokensListParams, search: Option<&memchr::memmem::Finder<'_>>) -> bool {
    let token = &stored.token;
    p.identifier.as_ref().is_none_or(|v| &token.identifier == v)
        && p.intent.as_ref().is_none_or(|v| token.intent.as_ref() == Some(v))
        && p.description.as_ref().is_none_or(|v| token.description.as_ref() == Some(v))
        && p.managed.as_ref().is_none_or(|v| token.managed.as_ref() == Some(v))
        && p.expiring.is_none_or(|v| token.expiring == Some(v))
        && p.expires.is_none_or(|v| token.expires.as_ref() == Some(&v))
        && p.user_username.as_ref().is_none_or(|v| &token.user_obj.username == v)
        && search.is_none_or(|finder| stored.searched.iter().any(|text| finder.find(text.as_bytes()).is_some()))
}

impl server::Core for TokensServer {
    async fn tokens_list(
        &self,
        _user: Arc<User>,
        params: CoreTokensListParams,
    ) -> Result<TokensListResponse, ServerError> {
        let search = params.search.as_deref().map(str::to_lowercase);
        // `ordering=-expires,identifier`: later fields break ties; unknown fields are ignored.
        let fields: Vec<(&str, bool)> = params
            .ordering
            .as_deref()
            .unwrap_or("identifier")
            .split(',')
            .map(str::trim)
            .map(|field| field.strip_prefix('-').map_or((field, false), |name| (name, true)))
            .collect();
        let finder = search.as_deref().map(memchr::memmem::Finder::new);
        let state = self.state()?;
        // Each matching token with its sort keys, computed once rather than per comparison.
        let mut keyed: Vec<(Vec<Option<String>>, &Token)> = state
            .tokens
            .values()
            .filter(|stored| matches(stored, &params, finder.as_ref()))
            .map(|Stored { token, .. }| (fields.iter().map(|(name, _)| sort_key(token, name)).collect(), token))
            .collect();
        keyed.sort_by(|(a, _), (b, _)| {
            fields.iter().zip(a.iter().zip(b)).fold(std::cmp::Ordering::Equal, |order, ((_, descending), (a, b))| {
                order.then(if *descending { b.cmp(a) } else { a.cmp(b) })
            })
        });
        let page_size = params.page_size.filter(|s| *s >= 1).unwrap_or(PAGE_SIZE).min(PAGE_SIZE);
        let count = keyed.len() as i64;
        let total_pages = ((count + page_size - 1) / page_size).max(1);
        let page = params.page.unwrap_or(1);
        if page < 1 || page > total_pages {
            return Err(ServerError::status(axum::http::StatusCode::NOT_FOUND, "Invalid page."));
        }
        let start = ((page - 1) * page_size) as usize;
        // Only the page is copied out of the store.
        let results: Vec<Token> =
            keyed.into_iter().skip(start).take(page_size as usize).map(|(_, t)| t.clone()).collect();
        drop(state);
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

    async fn tokens_create(&self, _user: Arc<User>, body: TokenRequest) -> Result<TokensCreateResponse, ServerError> {
        let mut state = self.state()?;
        if state.tokens.contains_key(&body.identifier) {
            return Err(ServerError::invalid("/identifier", "Token with this identifier already exists."));
        }
        state.created += 1;
        let token = self.token_from(uuid::Uuid::from_u128(state.created), body);
        state.put(token.clone());
        Ok(TokensCreateResponse::Created(token))
    }

    async fn tokens_retrieve(
        &self,
        _user: Arc<User>,
        params: CoreTokensRetrieveParams,
    ) -> Result<TokensRetrieveResponse, ServerError> {
        let state = self.state()?;
        let token = state.get(&params.identifier).ok_or_else(ServerError::not_found)?;
        Ok(TokensRetrieveResponse::Ok(token.clone()))
    }

    async fn tokens_update(
        &self,
        _user: Arc<User>,
        params: CoreTokensUpdateParams,
        body: TokenRequest,
    ) -> Result<TokensUpdateResponse, ServerError> {
        let mut state = self.state()?;
        let old = state.get(&params.identifier).ok_or_else(ServerError::not_found)?.clone();
        if body.identifier != old.identifier && state.tokens.contains_key(&body.identifier) {
            return Err(ServerError::invalid("/identifier", "Token with this identifier already exists."));
        }
        let token = self.token_from(old.pk, body);
        state.remove(&old.identifier);
        state.put(token.clone());
        Ok(TokensUpdateResponse::Ok(token))
    }

    async fn tokens_partial_update(
        &self,
        _user: Arc<User>,
        params: CoreTokensPartialUpdateParams,
        body: Option<PatchedTokenRequest>,
    ) -> Result<TokensPartialUpdateResponse, ServerError> {
        let body = body.unwrap_or_default();
        let mut state = self.state()?;
        let mut token = state.get(&params.identifier).ok_or_else(ServerError::not_found)?.clone();
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
        state.remove(&params.identifier);
        state.put(token.clone());
        Ok(TokensPartialUpdateResponse::Ok(token))
    }

    async fn tokens_destroy(
        &self,
        _user: Arc<User>,
        params: CoreTokensDestroyParams,
    ) -> Result<TokensDestroyResponse, ServerError> {
        self.state()?.remove(&params.identifier).ok_or_else(ServerError::not_found)?;
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
    // `server::serve` rather than `axum::serve`: it closes connections that do not send a
    // request's head within the header-read timeout (30 s).
    server::serve(listener, router(TokensServer::new(token)), server::ServeConfig::default()).await
}
