//! The names of the client's and the server's items, chosen once for every emitter.
//!
//! Types, fields and variants are named as the IR is built; what the client and server
//! make of tags, operations, parameters and statuses is named here, after. Each name is
//! made unique against everything that shares its namespace, including the items of the
//! hand-written runtime and the names the generated modules import, so no spec can make
//! the output clash with itself (`generator/tests/fixture_crates.rs` compiles a spec with
//! tags named `response`, `enabled`, `into`, …).

use super::{Api, Operation, Status, Tag, names};
use std::collections::HashSet;

/// Methods of the client's `Client` (the transport's), which a tag accessor must not take.
const CLIENT_METHODS: &[&str] =
    &["new", "builder", "builder_for_base_url", "base_url", "check", "execute", "clone", "fmt"];

/// Methods of every request builder, which a parameter setter must not take.
const BUILDER_METHODS: &[&str] = &["send", "send_raw", "prepare", "stream", "into_future", "clone", "fmt"];

/// Methods of the server's `RouterBuilder`, which a tag's method must not take.
const ROUTER_METHODS: &[&str] = &["new", "with_config", "build"];

/// What `server/mod.rs` defines or imports in the type namespace besides the tags' traits.
const SERVER_ITEMS: &[&str] = &[
    "Api",
    "Authenticate",
    "Credential",
    "ServerConfig",
    "ServerError",
    "Operation",
    "RouterBuilder",
    "BoxError",
    // The support module's own items, which its users see beside the traits.
    "Input",
    "Param",
    "Location",
    "Shape",
    "Routes",
    "Route",
    "App",
    "Handler",
    "BoxFuture",
    "FormField",
];

/// What a tag's server module imports in the type namespace, which its response enums must
/// not take (an operation `into` would otherwise emit `enum IntoResponse`).
const SERVER_TAG_IMPORTS: &[&str] = &[
    "Arc",
    "Request",
    "StatusCode",
    "IntoResponse",
    "Response",
    "Authenticate",
    "Operation",
    "ServerError",
    "App",
    "BoxFuture",
];

/// Prelude names the generated modules use unqualified, which no item may shadow.
const PRELUDE: &[&str] = &["Future", "Send", "Sync", "Sized", "Copy", "IntoFuture", "Iterator", "From", "Into"];

/// Names the tag modules' sibling files have (`mod.rs`, the client's `transport.rs`, the
/// server's `support.rs`) and the server's `enabled` module: a tag's module may not take them.
const SIBLING_MODULES: &[&str] = &["mod", "transport", "support", "enabled"];

/// The crate's own Cargo features, which a tag's feature may not take.
const CRATE_FEATURES: &[&str] = &["client", "server", "default"];

/// The Cargo feature of a tag: the tag, unless the crate has a feature of that name.
pub fn feature(tag: &str) -> String {
    if CRATE_FEATURES.contains(&tag) { format!("tag-{tag}") } else { tag.to_owned() }
}

/// The module (and file stem) of a tag's operations, in `client/` and in `server/`.
pub fn module(tag: &str) -> String {
    if SIBLING_MODULES.contains(&tag) { format!("{tag}_ops") } else { tag.to_owned() }
}

/// Names every tag, operation, parameter setter and response variant of `api`.
pub(super) fn name_items(api: &mut Api) {
    let tags: std::collections::BTreeSet<String> = api.operations.iter().map(|op| op.tag.clone()).collect();
    let accessors = avoiding(&tags, CLIENT_METHODS);
    let router_methods = avoiding(&tags, ROUTER_METHODS);
    // A trait is defined in its tag's module and re-exported beside the others.
    let mut traits: HashSet<String> = SERVER_ITEMS
        .iter()
        .chain(SERVER_TAG_IMPORTS)
        .chain(names::RESERVED_TYPE_NAMES)
        .chain(PRELUDE)
        .map(|s| s.to_string())
        .collect();
    api.tags = tags
        .into_iter()
        .zip(accessors.into_iter().zip(router_methods))
        .map(|(tag, (client_accessor, router_method))| {
            let server_trait = names::unique(&mut traits, names::camel(&tag));
            let client_type = format!("{}Api", names::camel(&tag));
            let ops: Vec<&mut Operation> = api.operations.iter_mut().filter(|op| op.tag == tag).collect();
            let routes_fn = name_operations(ops, &[&server_trait, &client_type]);
            Tag {
                feature: feature(&tag),
                module: module(&tag),
                name: tag,
                client_accessor,
                client_type,
                server_trait,
                router_method,
                routes_fn,
            }
        })
        .collect();
}

/// Each name as it is, unless `reserved` has it: then `<name>_api`, made unique.
fn avoiding(tags: &std::collections::BTreeSet<String>, reserved: &[&str]) -> Vec<String> {
    let mut taken: HashSet<String> = reserved.iter().map(|s| s.to_string()).collect();
    taken.extend(tags.iter().filter(|t| !reserved.contains(&t.as_str())).cloned());
    tags.iter()
        .map(|t| if reserved.contains(&t.as_str()) { names::unique(&mut taken, format!("{t}_api")) } else { t.clone() })
        .collect()
}

/// Names the items of one tag's operations (the tag's client and server modules share one
/// type namespace here, so an operation's builder and response enum are named alike in
/// both); returns the name of the server module's routes function.
fn name_operations(ops: Vec<&mut Operation>, tag_types: &[&str]) -> String {
    let mut types: HashSet<String> = SERVER_TAG_IMPORTS
        .iter()
        .chain(names::RESERVED_TYPE_NAMES)
        .chain(PRELUDE)
        .chain(tag_types)
        .map(|s| s.to_string())
        .collect();
    let mut values: HashSet<String> = ops.iter().map(|op| op.name.clone()).collect();
    let mut descriptors = HashSet::new();
    for op in ops {
        op.builder = names::unique(&mut types, names::camel(&op.name));
        op.response_enum = names::unique(&mut types, format!("{}Response", op.builder));
        op.descriptor = names::unique(&mut descriptors, op.name.to_uppercase());
        let mut setters: HashSet<String> = BUILDER_METHODS.iter().map(|s| s.to_string()).collect();
        setters.extend(op.parameters.iter().map(|p| p.name.clone()));
        for p in &mut op.parameters {
            p.setter = if BUILDER_METHODS.contains(&p.name.as_str()) {
                names::unique(&mut setters, format!("set_{}", p.name))
            } else {
                p.name.clone()
            };
        }
        let mut variants = HashSet::new();
        for r in &mut op.responses {
            let candidate = match r.status {
                Status::Code(code) => names::reason_phrase(code).map_or_else(|| format!("Status{code}"), str::to_owned),
                Status::Range(digit) => format!("Status{digit}XX"),
                Status::Default => "Default".to_owned(),
            };
            r.variant = names::unique(&mut variants, candidate);
        }
    }
    names::unique(&mut values, "routes".to_owned())
}
