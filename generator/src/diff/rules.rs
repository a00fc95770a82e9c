//! The catalog of diff rules: every change `akgen diff` reports names one of these, by an id
//! that stays stable across releases, so that CI configuration (`--levels`, `--ignore`) and
//! release tooling can key on it.
//!
//! A rule's level says what the change does to a client built against the old spec (and,
//! for the `rust` area, to Rust code compiled against the old generated crate):
//! `ERR` breaks it, `WARN` may break some, `INFO` is safe. Levels are judged for akgen's
//! generated code where that differs from a generic client: its enums are open, its
//! discriminated unions keep a catch-all variant, its client validates requests only.

use serde::Serialize;

/// How much a change can hurt an existing caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
pub enum Level {
    /// Safe for every caller.
    #[serde(rename = "INFO")]
    Info,
    /// May break some callers (those relying on a detail the spec did not promise).
    #[serde(rename = "WARN")]
    Warn,
    /// Breaks callers written against the old version.
    #[serde(rename = "ERR")]
    Err,
}

impl Level {
    /// `ERR`, `WARN` or `INFO`, as written in reports and in levels files.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Err => "ERR",
            Level::Warn => "WARN",
            Level::Info => "INFO",
        }
    }

    /// Reads `ERR`, `WARN` or `INFO` (any case).
    pub fn parse(text: &str) -> Option<Level> {
        match text.to_ascii_uppercase().as_str() {
            "ERR" | "ERROR" => Some(Level::Err),
            "WARN" | "WARNING" => Some(Level::Warn),
            "INFO" => Some(Level::Info),
            _ => None,
        }
    }
}

/// The part of the spec (or of the generated crate) a rule is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
pub enum Area {
    Paths,
    Parameters,
    RequestBody,
    Responses,
    Schemas,
    Security,
    /// The generated crate's public Rust API, judged by Rust's semver rules.
    Rust,
}

/// Which messages a rule concerns: what the client sends, what it receives, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
pub enum Direction {
    Request,
    Response,
    Both,
    /// Not about messages: the Rust API.
    None,
}

/// The version bump a change needs in the regenerated crate, by Rust's semver rules
/// (as cargo and cargo-semver-checks apply them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
pub enum Bump {
    /// Nothing changed.
    None,
    /// Behaviour or documentation changed, the API did not (validators, wire details).
    Patch,
    /// The API grew in a compatible way.
    Minor,
    /// Code compiled against the old crate can fail to compile against the new one.
    Major,
}

impl Bump {
    pub fn as_str(self) -> &'static str {
        match self {
            Bump::None => "none",
            Bump::Patch => "patch",
            Bump::Minor => "minor",
            Bump::Major => "major",
        }
    }
}

/// One rule of the catalog.
#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    /// Stable kebab-case id.
    pub id: &'static str,
    pub level: Level,
    pub area: Area,
    pub direction: Direction,
    /// What the regenerated crate needs.
    pub bump: Bump,
    /// A one-line example of the change.
    pub example: &'static str,
    /// Why the rule has its level.
    pub why: &'static str,
}

macro_rules! rules {
    ($($id:literal $level:ident $area:ident $direction:ident $bump:ident $example:literal $why:literal;)*) => {
        /// Every rule, in the order the README lists them.
        pub static RULES: &[Rule] = &[$(Rule {
            id: $id,
            level: Level::$level,
            area: Area::$area,
            direction: Direction::$direction,
            bump: Bump::$bump,
            example: $example,
            why: $why,
        }),*];
    };
}

rules! {
    "operation-removed" Err Paths Both Patch
        "`DELETE /core/tokens/{identifier}/` is gone"
        "callers of it get 404 or 405";
    "operation-added" Info Paths Both Patch
        "`GET /core/tokens/{identifier}/view_key/` is new"
        "nothing called it before";
    "operation-id-changed" Warn Paths Both Patch
        "`core_tokens_list` is now `core_tokens_all`, same method and path"
        "the HTTP call is unchanged, but tools that name code after operation ids rename it (akgen's method rename is reported in the `rust` area)";
    "operation-deprecated" Info Paths Both Patch
        "`core_tokens_view_key_retrieve` gains `deprecated: true`"
        "it still works; callers are told to move away";
    "operation-security-tightened" Err Security Request Patch
        "`security: []` becomes `[{authentik: []}]`"
        "a way of authenticating that was accepted no longer is";
    "operation-security-loosened" Info Security Request Patch
        "an operation also accepts anonymous calls"
        "every call that was accepted still is";
    "parameter-removed" Warn Parameters Request Patch
        "the query parameter `ordering` of `core_tokens_list` is gone"
        "a server may ignore the parameter or refuse it";
    "parameter-added" Info Parameters Request Patch
        "an optional query parameter `managed__isnull`"
        "old calls do not send it and need not";
    "parameter-added-required" Err Parameters Request Patch
        "a required header `X-Tenant`"
        "old calls do not send it";
    "parameter-became-required" Err Parameters Request Patch
        "the query parameter `page` becomes required"
        "old calls may not send it";
    "parameter-became-optional" Info Parameters Request Patch
        "the query parameter `page` becomes optional"
        "old calls send it anyway";
    "parameter-type-changed" Err Parameters Request Patch
        "`page` changes from integer to string"
        "old calls send the old type";
    "parameter-explode-changed" Err Parameters Request Patch
        "`explode` of an array query parameter becomes false"
        "old calls serialize the value the other way";
    "parameter-style-changed" Err Parameters Request Patch
        "`style` of the array query parameter `ids` changes from `form` to `pipeDelimited`"
        "old calls serialize the value in the old style";
    "parameter-deprecated" Info Parameters Request Patch
        "the query parameter `user__username` is deprecated"
        "it still works";
    "request-constraint-tightened" Err Schemas Request Patch
        "`maxLength 150 -> 100` on a property clients send"
        "values that were valid are refused";
    "request-constraint-loosened" Info Schemas Request Patch
        "`maxLength 100 -> 150` on a property clients send"
        "every value that was valid still is; akgen's client validates with the new bound once regenerated";
    "response-constraint-tightened" Info Schemas Response Patch
        "`maxLength 150 -> 100` on a property the server returns"
        "the server returns fewer values than before, all of which the client accepted";
    "response-constraint-loosened" Warn Schemas Response Patch
        "`maxLength 100 -> 150` on a property the server returns"
        "akgen's client does not validate responses, but code relying on the old bound (a column size) may break";
    "request-body-added-required" Err RequestBody Request Patch
        "an operation without a body now requires one"
        "old calls send none";
    "request-body-removed" Warn RequestBody Request Patch
        "an operation no longer takes a body"
        "a server may ignore or refuse the body old calls send";
    "request-body-became-required" Err RequestBody Request Patch
        "an optional body becomes required"
        "old calls may not send it";
    "request-media-type-removed" Err RequestBody Request Patch
        "`multipart/form-data` is no longer accepted"
        "old calls send it";
    "request-media-type-added" Info RequestBody Request Patch
        "`application/x-www-form-urlencoded` is also accepted"
        "old calls use a type still accepted";
    "response-media-type-removed" Warn Responses Response Patch
        "a response is no longer offered as `text/csv`"
        "callers that asked for it get another type or 406";
    "response-media-type-added" Info Responses Response Patch
        "a response is also offered as `application/yaml`"
        "the server answers in the type the client accepts";
    "response-success-status-removed" Err Responses Response Patch
        "`201` is no longer documented for a create"
        "callers expecting it get another status";
    "response-status-removed" Info Responses Response Patch
        "`403` is no longer documented"
        "the server sends that status less, not in new places";
    "response-status-added" Info Responses Response Patch
        "`429` is newly documented"
        "akgen's client already reports an undocumented status as an error with its body";
    "response-header-removed" Warn Responses Response Patch
        "the `X-Total-Count` header of `core_tokens_list`'s 200 is no longer documented"
        "akgen's client reads no headers, but code that reads this one from the response's `HeaderMap` may find it missing";
    "response-header-became-optional" Warn Responses Response Patch
        "the `Location` header of a 201 becomes optional"
        "code that reads it from the `HeaderMap` may find it missing";
    "response-header-type-changed" Warn Responses Response Patch
        "`X-Total-Count` changes from integer to string"
        "code that parses it as the old type may fail";
    "response-header-added" Info Responses Response Patch
        "a 429 documents `Retry-After`"
        "old code does not read it";
    "response-header-deprecated" Info Responses Response Patch
        "`X-Authentik-Version` gains `deprecated: true`"
        "it is still sent";
    "security-scheme-added" Info Security Request Patch
        "`components/securitySchemes` gains `authentik_device_auth`"
        "no operation that old clients call requires it unless that operation's own security changed (reported apart)";
    "security-scheme-removed" Warn Security Request Patch
        "`components/securitySchemes/ak_legacy` is gone"
        "operations that required it report their own change; a client configured with it sends a credential nobody reads";
    "security-scheme-type-changed" Err Security Request Patch
        "`authentik` changes from `apiKey` to `http`"
        "clients send the credential the old way";
    "security-scheme-changed" Err Security Request Patch
        "`authentik`'s HTTP scheme changes from `bearer` to `bearer+agent`, or an API key moves from a header to the query"
        "clients send the old auth-scheme word, or the key in the old place or under the old name";
    "security-scheme-url-changed" Warn Security Request Patch
        "an OAuth 2 flow's `tokenUrl`, or an `openIdConnectUrl`, changes"
        "clients that fetch tokens from the old URL may stop getting them";
    "security-oauth-flow-removed" Err Security Request Patch
        "the `password` flow of `oauth` is gone"
        "clients that got tokens through it no longer can";
    "security-oauth-flow-added" Info Security Request Patch
        "`oauth` gains the `clientCredentials` flow"
        "the old flows still work";
    "security-oauth-scope-removed" Warn Security Request Patch
        "the scope `goauthentik.io/api` of `oauth`'s `authorizationCode` flow is gone"
        "clients that ask for it may be refused a token";
    "security-oauth-scope-added" Info Security Request Patch
        "`oauth`'s `authorizationCode` flow gains the scope `offline_access`"
        "clients need not ask for it";
    "schema-removed" Warn Schemas Both Patch
        "the component schema `TokenModel` is gone"
        "wire changes of its uses are reported where they are used; code that names the schema breaks (the `rust` area says how)";
    "schema-added" Info Schemas Both Patch
        "the component schema `TokenView` is new"
        "nothing used it before";
    "schema-renamed" Info Schemas Both Patch
        "`Token` is renamed `AuthToken` in the spec and `akgen.toml` keeps the Rust name"
        "the config's rename keeps the generated API; the wire is unchanged";
    "schema-type-changed" Err Schemas Both Patch
        "`Token` changes from an object to a string"
        "the JSON has another shape";
    "schema-deprecated" Info Schemas Both Patch
        "`Token` gains `deprecated: true`"
        "it still works";
    "property-removed" Warn Schemas Request Patch
        "`description` is gone from a schema clients send"
        "a server may ignore the property or refuse it";
    "response-property-removed" Err Schemas Response Patch
        "`expires` is gone from a schema the server returns"
        "callers reading it find nothing";
    "property-added" Info Schemas Both Patch
        "an optional `expiring` in a request, or any new property in a response"
        "akgen's models ignore unknown properties when reading and need not send optional ones";
    "request-property-added-required" Err Schemas Request Patch
        "a new required `intent` in a schema clients send"
        "old calls do not send it";
    "request-property-became-required" Err Schemas Request Patch
        "`expires` becomes required in a schema clients send"
        "old calls may omit it";
    "response-property-became-optional" Err Schemas Response Patch
        "`user` becomes optional in a schema the server returns"
        "callers that relied on it being there find nothing";
    "response-property-became-nullable" Err Schemas Response Patch
        "`expires` becomes nullable in a schema the server returns"
        "callers that relied on a value get `null`";
    "request-property-became-non-nullable" Err Schemas Request Patch
        "`expires` is no longer nullable in a schema clients send"
        "old calls that sent `null` are refused";
    "request-property-type-changed" Err Schemas Request Patch
        "`user` changes from integer to string in a schema clients send"
        "old calls send the old type";
    "response-property-type-changed" Err Schemas Response Patch
        "`user` changes from integer to string in a schema the server returns"
        "callers read the old type";
    "property-type-changed" Err Schemas Both Patch
        "a property of a schema used both ways changes type"
        "both old calls and old readers break";
    "property-default-changed" Warn Schemas Both Patch
        "`intent` defaults to `api` instead of `verification`"
        "a caller that omits it gets another behaviour";
    "property-deprecated" Info Schemas Both Patch
        "`expiring` gains `deprecated: true`"
        "it still works";
    "request-enum-value-removed" Err Schemas Request Patch
        "`app_password` is no longer a value of `IntentEnum`, which clients send"
        "old calls may send it";
    "response-enum-value-removed" Info Schemas Response Patch
        "`app_password` is no longer a value of an enum the server returns"
        "old readers simply never see it";
    "enum-value-added" Info Schemas Both Patch
        "`IntentEnum` gains `device`"
        "akgen's enums are open: an unknown value is kept as the catch-all variant, not an error";
    "request-union-variant-removed" Err Schemas Request Patch
        "`oneOf` branch `PasswordChallengeResponseRequest` is gone from a union clients send"
        "old calls may send it";
    "response-union-variant-removed" Info Schemas Response Patch
        "a branch of a union the server returns is gone"
        "old readers simply never see it";
    "union-variant-added" Info Schemas Request Patch
        "a branch is added to a union only clients send"
        "old calls send a branch that is still accepted";
    "response-union-variant-added" Warn Schemas Response Patch
        "`ChallengeTypes` gains `ak-stage-new`"
        "the union has a catch-all variant, so old readers decode it as unknown rather than fail; they cannot act on it";
    "response-union-variant-added-closed" Err Schemas Response Patch
        "a union without a discriminator gains a branch the server returns"
        "the union has no catch-all: old readers fail to decode the new branch";
    "union-discriminator-changed" Err Schemas Both Patch
        "`ChallengeTypes` switches its discriminator from `component` to `type`"
        "old code reads and writes the old tag";
    "rust-type-removed" Err Rust None Major
        "`models::TokenModel` is gone"
        "code that names it no longer compiles";
    "rust-type-added" Info Rust None Minor
        "`models::TokenView` is new"
        "a new public item is a minor change";
    "rust-type-renamed" Err Rust None Major
        "`models::TokenModel` is now `models::Token`"
        "code that names the old name no longer compiles (a rename in `akgen.toml` keeps it)";
    "rust-type-kind-changed" Err Rust None Major
        "`models::Token` changes from a struct to an enum"
        "code that builds or matches it no longer compiles";
    "rust-type-became-non-exhaustive" Err Rust None Major
        "the new side's config marks `models::Token` `#[non_exhaustive]`"
        "struct literals and exhaustive matches written outside the crate no longer compile";
    "rust-type-became-exhaustive" Info Rust None Minor
        "the new side's config no longer marks `models::Token` `#[non_exhaustive]`"
        "everything outside code could write before still compiles";
    "rust-alias-changed" Err Rust None Major
        "`models::Identifier` changes from `String` to `i64`"
        "code using the alias sees another type";
    "rust-field-removed" Err Rust None Major
        "`Token::expires` is gone"
        "code that reads or sets it no longer compiles";
    "rust-field-added-non-exhaustive" Info Rust None Minor
        "`Token::expiring` is new; the config marks `Token` `#[non_exhaustive]`"
        "code outside the crate cannot build the struct with a literal or destructure it without `..`, so a new field is a minor change";
    "rust-field-added" Err Rust None Major
        "`Token::expiring` is new"
        "the struct's fields are all public and it is not `#[non_exhaustive]`, so struct literals written against the old crate no longer compile";
    "rust-field-renamed" Err Rust None Major
        "`Token::type_` is now `Token::r#type`"
        "code that names the old field no longer compiles";
    "rust-field-type-changed" Err Rust None Major
        "`Token::user` changes from `i64` to `Option<i64>`"
        "code that reads or sets it sees another type";
    "rust-variant-removed" Err Rust None Major
        "`IntentEnum::AppPassword` is gone"
        "code that names the variant no longer compiles";
    "rust-variant-renamed" Err Rust None Major
        "`IntentEnum::AppPassword` is now `IntentEnum::AppPasswordToken` (same value)"
        "code that names the old variant no longer compiles";
    "rust-variant-added-non-exhaustive" Info Rust None Minor
        "`IntentEnum::Device` is new; the config marks `IntentEnum` `#[non_exhaustive]`"
        "code outside the crate already needs a `_` arm to match it, so a new variant is a minor change";
    "rust-variant-added" Err Rust None Major
        "`IntentEnum::Device` is new"
        "the enum is not `#[non_exhaustive]`, so a `match` that listed every variant no longer compiles";
    "rust-variant-type-changed" Err Rust None Major
        "`ChallengeTypes::Password` now holds another type"
        "code that matches it sees another payload";
    "rust-method-removed" Err Rust None Major
        "`CoreApi::tokens_destroy` is gone"
        "code that calls it no longer compiles";
    "rust-method-renamed" Err Rust None Major
        "`CoreApi::tokens_list` is now `CoreApi::tokens_all` (its operation id changed)"
        "calls of the old name no longer compile";
    "rust-method-added" Info Rust None Minor
        "`CoreApi::tokens_view_key_retrieve` is new"
        "a new inherent method (or a server trait method with a default body) is a minor change";
    "rust-method-signature-changed" Err Rust None Major
        "`CoreApi::tokens_retrieve` takes another argument"
        "calls written against the old crate no longer compile";
    "rust-setter-removed" Err Rust None Major
        "the builder `TokensList` loses `ordering`"
        "code that calls the setter no longer compiles";
    "rust-setter-added" Info Rust None Minor
        "the builder `TokensList` gains `managed_isnull`"
        "a new inherent method is a minor change";
    "rust-setter-type-changed" Err Rust None Major
        "the setter `TokensList::page` takes another type"
        "calls written against the old crate no longer compile";
}

/// The rule with this id; `None` for an id the catalog does not have.
pub fn find(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

/// The rule with this id. Only for ids written in akgen's own code; an id missing from the
/// catalog is a bug there, caught by the unit test below for every id the diff uses.
pub(crate) fn rule(id: &str) -> &'static Rule {
    find(id).unwrap_or_else(|| panic!("diff rule {id:?} is not in the catalog"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_kebab_case_and_rust_rules_follow_semver() {
        let mut seen = std::collections::BTreeSet::new();
        for r in RULES {
            assert!(seen.insert(r.id), "{} twice", r.id);
            assert!(r.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{}", r.id);
            // A change to the Rust API is ERR exactly when it needs a major version.
            if r.area == Area::Rust {
                assert_eq!(r.level == Level::Err, r.bump == Bump::Major, "{}", r.id);
                assert!(r.id.starts_with("rust-"), "{}", r.id);
            } else {
                assert_eq!(r.bump, Bump::Patch, "{}", r.id);
            }
        }
    }

    #[test]
    fn every_id_the_diff_names_is_in_the_catalog() {
        // Every kebab-case string literal in the passes' sources is a rule id.
        let mut used = 0;
        for source in [include_str!("wire.rs"), include_str!("rust_api.rs")] {
            for literal in source.split('"').skip(1).step_by(2) {
                let words: Vec<&str> = literal.split('-').collect();
                if words.len() > 1 && words.iter().all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase())) {
                    assert!(find(literal).is_some(), "{literal} is used but not in the catalog");
                    used += 1;
                }
            }
        }
        assert!(used > RULES.len(), "{used}: the scan found too few ids to be reading the sources");
        // And every rule of the catalog (and of the README's table) is one the diff reports.
        for r in RULES {
            let quoted = format!("\"{}\"", r.id);
            assert!(
                include_str!("wire.rs").contains(&quoted) || include_str!("rust_api.rs").contains(&quoted),
                "{} is in the catalog but never reported",
                r.id
            );
        }
    }
}
