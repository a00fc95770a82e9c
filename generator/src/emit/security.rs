//! The spec's security schemes as Rust: one `Scheme` constant each in the crate root's
//! `security` module, and each operation's alternatives as a list of references to them,
//! which the client's `Call` and the server's `Operation` carry.

use super::{doc_attrs, ident};
use crate::ir::{Api, Docs, Operation, ParamLocation, SchemeKind, SecurityScheme};
use proc_macro2::TokenStream;
use quote::quote;

/// The crate root's `security` module: a constant per scheme, documented with how its
/// credential travels.
pub fn module(api: &Api) -> TokenStream {
    let consts = api.security_schemes.iter().map(|scheme| {
        let name = ident(&scheme.const_name);
        let wire = &scheme.name;
        let carrier = carrier(scheme);
        let docs = Docs { title: Some(format!("`{wire}`: {}.", how(scheme))), description: scheme.description.clone() };
        let doc = doc_attrs(&docs, &[]);
        quote! {
            #doc
            pub const #name: Scheme = Scheme { name: #wire, carrier: #carrier };
        }
    });
    quote! {
        /// The spec's security schemes: what `ClientBuilder::credential` and the server's
        /// `Credential` name, and how each credential travels.
        pub mod security {
            #[allow(unused_imports, reason = "a spec without schemes uses neither")]
            use crate::runtime::security::{Carrier, Scheme};
            #(#consts)*
        }
    }
}

/// `&[&[&crate::security::A], &[]]`: the operation's alternatives, in the spec's order.
pub fn requirements(api: &Api, op: &Operation) -> TokenStream {
    let alternatives = op.security.iter().map(|alternative| {
        let schemes = alternative.iter().map(|name| {
            let scheme = api.scheme(name).expect("the IR defines every scheme an operation names");
            let name = ident(&scheme.const_name);
            quote!(&crate::security::#name)
        });
        quote!(&[#(#schemes),*])
    });
    quote!(&[#(#alternatives),*])
}

/// The operation's schemes for its docs: "`a` or `b`", "`a` and `b`", "none or `a`".
pub fn summary(op: &Operation) -> Option<String> {
    if op.security.iter().all(Vec::is_empty) {
        return None;
    }
    let alternatives: Vec<String> = op
        .security
        .iter()
        .map(|alt| match alt.as_slice() {
            [] => "none".to_owned(),
            schemes => schemes.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(" and "),
        })
        .collect();
    Some(alternatives.join(" or "))
}

fn carrier(scheme: &SecurityScheme) -> TokenStream {
    match &scheme.kind {
        SchemeKind::Http { scheme, .. } => quote!(Carrier::Authorization(#scheme)),
        SchemeKind::OAuth2 { .. } | SchemeKind::OpenIdConnect { .. } | SchemeKind::Undefined => {
            quote!(Carrier::Authorization("bearer"))
        }
        SchemeKind::ApiKey { location, name } => match location {
            ParamLocation::Query => quote!(Carrier::Query(#name)),
            ParamLocation::Cookie => quote!(Carrier::Cookie(#name)),
            ParamLocation::Header | ParamLocation::Path => quote!(Carrier::Header(#name)),
        },
        SchemeKind::MutualTls | SchemeKind::Other(_) => quote!(Carrier::Unsent),
    }
}

fn how(scheme: &SecurityScheme) -> String {
    match &scheme.kind {
        SchemeKind::Http { scheme, .. } => format!("`Authorization: {scheme} …`"),
        SchemeKind::OAuth2 { .. } => "an OAuth 2 access token, `Authorization: Bearer …`".to_owned(),
        SchemeKind::OpenIdConnect { .. } => "an OpenID Connect token, `Authorization: Bearer …`".to_owned(),
        SchemeKind::Undefined => {
            "named by operations but not defined in the spec; sent as `Authorization: Bearer …`".to_owned()
        }
        SchemeKind::ApiKey { location, name } => {
            let place = match location {
                ParamLocation::Query => "query parameter",
                ParamLocation::Cookie => "cookie",
                ParamLocation::Header | ParamLocation::Path => "header",
            };
            format!("an API key in the `{name}` {place}")
        }
        SchemeKind::MutualTls => "mutual TLS, set up on the HTTP client".to_owned(),
        SchemeKind::Other(kind) => format!("type `{kind}`, which OpenAPI does not define; not sent"),
    }
}
