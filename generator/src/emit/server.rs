//! Server stubs: one trait per tag with a method per operation, typed response enums, and
//! an axum router that authenticates, reads and validates each request before calling the
//! implementation.
//!
//! Each trait method has a default answering 501, so an implementation provides only what
//! it serves. The per-operation handlers are plain functions of one type
//! (`support::Handler<S>`), so axum's generic routing code is instantiated once per
//! implementation rather than once per operation; reading, authenticating and error bodies
//! live in the hand-written support module (`runtime/src/server/support.rs`).

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::http::{BodyKind, RequestKind, body_kind, body_struct, method_constant, request_content, request_kind};
use super::{doc_attrs, ident, qualified_type, tag_cfg};
use crate::ir::{
    Api, ExprKind, Operation, ParamLocation, PathPart, Primitive, Response, Status, Tag, TypeExpr, TypeKind, names,
    path_params, path_parts,
};

/// The `server` module (`src/server/mod.rs`): the `Api` trait and the router. Each tag's
/// trait is a module of its own ([`tag_module`]) in a sibling file; the support code is one
/// too.
pub fn server(api: &Api) -> TokenStream {
    let traits: Vec<(&Tag, Ident)> = api.tags.iter().map(|tag| (tag, ident(&tag.server_trait))).collect();
    let modules = traits.iter().map(|(tag, trait_ident)| {
        let module = ident(&tag.module);
        let doc = format!(" The operations tagged `{}`: the [`{trait_ident}`] trait and its response types.", tag.name);
        let cfg = tag_cfg(&tag.name);
        quote!(#[doc = #doc] #cfg pub mod #module;)
    });
    let reexports = traits.iter().map(|(tag, trait_ident)| {
        let module = ident(&tag.module);
        let cfg = tag_cfg(&tag.name);
        quote!(#cfg pub use self::#module::#trait_ident;)
    });
    let trait_idents: Vec<&Ident> = traits.iter().map(|(_, t)| t).collect();
    let (api_bounds, api_doc) = if trait_idents.is_empty() {
        (
            quote!(Authenticate),
            " The implementation of the API: here only authentication, as the spec has no operations.",
        )
    } else {
        (
            quote!(Authenticate #(+ enabled::#trait_idents)*),
            " The trait of every tag whose feature is on: what [`router`] needs. Implemented for any type that implements them all; give an empty `impl` for a tag you do not serve, and its operations answer 501.",
        )
    };
    let enabled = (!traits.is_empty()).then(|| {
        let items = traits.iter().map(|(tag, trait_ident)| {
            let feature = &tag.feature;
            quote! {
                #[cfg(feature = #feature)]
                pub use super::#trait_ident;
                #[cfg(not(feature = #feature))]
                pub trait #trait_ident {}
                #[cfg(not(feature = #feature))]
                impl<T: ?Sized> #trait_ident for T {}
            }
        });
        quote! {
            /// Each tag's trait when the tag's feature is on, and a trait every type has when
            /// it is off, so [`Api`] asks for exactly the enabled tags.
            #[doc(hidden)]
            pub mod enabled {
                #(#items)*
            }
        }
    });
    let adders = traits.iter().map(|(tag, trait_ident)| {
        let method = ident(&tag.router_method);
        let module = ident(&tag.module);
        let cfg = tag_cfg(&tag.name);
        let doc = format!(" Adds the operations tagged `{}`.", tag.name);
        let routes = ident(&tag.routes_fn);
        quote! {
            #[doc = #doc]
            #cfg
            pub fn #method(self) -> Self
            where
                S: #trait_ident,
            {
                RouterBuilder { routes: self.routes.mount(#module::#routes::<S>()) }
            }
        }
    });
    let add_all = traits.iter().map(|(tag, _)| {
        let method = ident(&tag.router_method);
        let cfg = tag_cfg(&tag.name);
        quote!(#cfg let builder = builder.#method();)
    });
    quote! {
        //! Server stubs: a trait per tag with one async method per operation, and [`router`],
        //! which mounts every operation, authenticates bearer tokens, reads and validates the
        //! parameters and body, calls the method and writes its typed response.
        //!
        //! Every method has a default that answers 501, so an implementation provides only
        //! the operations it serves.

        #![allow(deprecated, reason = "deprecated operations and models are still part of the API")]

        pub mod support;
        #(#modules)*

        pub use support::{serve, Authenticate, BoxError, Credential, Operation, ServeConfig, ServerConfig, ServerError};
        #(#reexports)*

        #[doc = #api_doc]
        pub trait Api: #api_bounds {}

        impl<T: #api_bounds> Api for T {}

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
            #(#add_all)*
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
                RouterBuilder { routes: support::Routes::new(server, config) }
            }

            #(#adders)*

            /// The router: unknown paths get 404, other methods on a known path 405.
            pub fn build(self) -> axum::Router {
                self.routes.build()
            }
        }

        #enabled
    }
}

/// The path template with its parameters named by position: `/core/tokens/{p0}/`.
fn route_template(path: &str) -> String {
    let mut n = 0;
    path_parts(path)
        .into_iter()
        .map(|part| match part {
            PathPart::Literal(text) => text.to_owned(),
            PathPart::Param(_) => {
                n += 1;
                format!("{{p{}}}", n - 1)
            }
        })
        .collect()
}

/// The module of one tag's operations (`src/server/<tag>.rs`): the tag's trait, each
/// operation's response type and its handler.
pub fn tag_module(api: &Api, tag: &Tag) -> TokenStream {
    let trait_ident = ident(&tag.server_trait);
    let mut methods = Vec::new();
    let mut items = Vec::new();
    for op in api.tag_operations(&tag.name) {
        let (method, item) = operation(api, op, &trait_ident);
        methods.push(method);
        items.push(item);
    }
    let trait_doc = format!(
        " The operations tagged `{}`. Each method has a default answering 501; implement the ones you serve.",
        tag.name
    );
    let routes_fn = ident(&tag.routes_fn);
    let routes = api.tag_operations(&tag.name).filter(|op| op.unroutable.is_none()).map(|op| {
        let template = route_template(&op.path);
        let method = method_constant(op.method);
        let handler = ident(&op.name);
        quote!((#template, axum::http::Method::#method, #handler::<S> as support::Handler<S>))
    });
    // Handlers are written only for routed operations; a tag with none imports less.
    let routed = api.tag_operations(&tag.name).any(|op| op.unroutable.is_none());
    let handler_imports = routed.then(|| {
        quote! {
            use std::sync::Arc;

            use axum::extract::Request;
        }
    });
    let support_imports = if routed {
        quote!(
            use super::support::{self, App, BoxFuture};
        )
    } else {
        quote!(
            use super::support;
        )
    };
    quote! {
        #handler_imports
        use axum::http::StatusCode;
        use axum::response::{IntoResponse, Response};

        #support_imports
        use super::{Authenticate, Operation, ServerError};

        #[doc = #trait_doc]
        pub trait #trait_ident: Authenticate {
            #(#methods)*
        }

        /// The tag's operations, for [`super::RouterBuilder`].
        pub(super) fn #routes_fn<S: #trait_ident>() -> Vec<support::Route<S>> {
            Vec::from([#(#routes),*])
        }

        #(#items)*
    }
}

/// How an operation is authenticated: the spec's security alternatives decide.
#[derive(Clone, Copy, PartialEq)]
enum Auth {
    Required,
    Optional,
    None,
}

fn auth(op: &Operation) -> Auth {
    if op.security.is_empty() {
        Auth::None
    } else if op.security.iter().any(Vec::is_empty) {
        Auth::Optional
    } else {
        Auth::Required
    }
}

/// The trait method, and the operation's descriptor, response enum and handler.
fn operation(api: &Api, op: &Operation, trait_ident: &Ident) -> (TokenStream, TokenStream) {
    let name = ident(&op.name);
    let response = &ident(&op.response_enum);
    let descriptor = ident(&op.descriptor);
    let auth = auth(op);

    // Inputs, in the order the method takes them.
    let mut args = Vec::new();
    let mut reads = Vec::new();
    let mut passes = Vec::new();
    match auth {
        Auth::Required => {
            args.push(quote!(principal: Self::Principal));
            passes.push(quote!(principal));
        }
        Auth::Optional => {
            args.push(quote!(principal: Option<Self::Principal>));
            passes.push(quote!(principal));
        }
        Auth::None => {}
    }
    if let Some(p) = &op.params_type {
        let p = ident(p);
        args.push(quote!(params: crate::params::#p));
        reads.push(quote!(let params = input.params()?;));
        passes.push(quote!(params));
    }
    let body_doc;
    if let Some(content) = request_content(op) {
        let kind = request_kind(api, content);
        let fields = body_struct(api, content).map(|s| s.fields.as_slice()).unwrap_or_default();
        let required: Vec<&str> = fields.iter().filter(|f| f.required).map(|f| f.wire_name.as_str()).collect();
        // Optional properties that may not be null: serde would read `null` as absent.
        let not_null: Vec<&str> =
            fields.iter().filter(|f| !f.required && !f.ty.nullable).map(|f| f.wire_name.as_str()).collect();
        let shapes = || -> TokenStream {
            let shapes = fields.iter().map(|f| {
                let wire = &f.wire_name;
                let shape = shape(api, &f.ty, 0);
                quote!((#wire, #shape))
            });
            quote!(&[#(#shapes),*])
        };
        let body_required = op.body.as_ref().is_some_and(|b| b.required);
        let (ty, read) = match &kind {
            RequestKind::Json(t) => {
                let object = body_struct(api, content).is_some();
                let shape = quote!(&support::JsonBody { object: #object, required: &[#(#required),*], not_null: &[#(#not_null),*] });
                if body_required {
                    (t.clone(), quote!(input.json(#shape).await?))
                } else {
                    (quote!(Option<#t>), quote!(input.optional_json(#shape).await?))
                }
            }
            RequestKind::Multipart { ty, .. } => {
                let shapes = shapes();
                (ty.clone(), quote!(input.multipart(#shapes, &[#(#required),*]).await?))
            }
            RequestKind::Form(t) => {
                let shapes = shapes();
                (t.clone(), quote!(input.form(#shapes, &[#(#required),*]).await?))
            }
            RequestKind::Raw(_) => (quote!(axum::body::Bytes), quote!(input.bytes().await?)),
        };
        body_doc = Some(format!("The body arrives as `{}`, already validated.", content.media_type));
        args.push(quote!(body: #ty));
        reads.push(quote!(let body = #read;));
        passes.push(quote!(body));
    } else {
        body_doc = None;
    }

    // The trait method, whose default answers 501.
    let mut extra = vec![format!("`{} {}` (`{}`).", op.method, op.path, op.id)];
    extra.push(match auth {
        Auth::Required => "Called only with a valid bearer token; `principal` is who it belongs to.".to_owned(),
        Auth::Optional => {
            "Anonymous calls are allowed; `principal` is set when a valid bearer token was sent.".to_owned()
        }
        Auth::None => "No authentication.".to_owned(),
    });
    extra.extend(body_doc);
    if let Some(problem) = &op.unroutable {
        extra.push(format!("**Not routed** by the generated router: {problem}."));
    }
    let method_doc = doc_attrs(&op.docs, &extra);
    let deprecated = op.deprecated.then(|| quote!(#[deprecated]));
    // The default ignores its inputs.
    let ignore = match passes.as_slice() {
        [] => None,
        [one] => Some(quote!(let _ = #one;)),
        many => Some(quote!(let _ = (#(#many),*);)),
    };
    let id = &op.id;
    let method = quote! {
        #method_doc
        #deprecated
        fn #name(&self, #(#args),*) -> impl Future<Output = Result<#response, ServerError>> + Send {
            #ignore
            async { Err(ServerError::not_implemented(#id)) }
        }
    };

    // The descriptor the support code reads parameters and authenticates by.
    let (method_str, path) = (op.method.as_str(), &op.path);
    let security = super::security::requirements(api, op);
    let path_order = path_params(&op.path);
    let mut params: Vec<_> = op.parameters.iter().collect();
    params.sort_by_key(|p| match p.location {
        ParamLocation::Path => (0, path_order.iter().position(|n| *n == p.wire_name).unwrap_or(usize::MAX)),
        _ => (1, 0),
    });
    let params = params.iter().map(|p| {
        let wire = &p.wire_name;
        let (constructor, default_explode) = match p.location {
            ParamLocation::Path => (quote!(path), false),
            ParamLocation::Query => (quote!(query), true),
            ParamLocation::Header => (quote!(header), false),
            ParamLocation::Cookie => (quote!(cookie), true),
        };
        let shape = shape(api, &p.ty, 0);
        // Path parameters are always required; the others say so when they are.
        let required = (p.required && p.location != ParamLocation::Path).then(|| quote!(.required()));
        let explode = (p.explode != default_explode).then(|| {
            let explode = p.explode;
            quote!(.explode(#explode))
        });
        let key = (p.key != p.wire_name).then(|| {
            let key = &p.key;
            quote!(.key(#key))
        });
        quote!(support::Param::#constructor(#wire, #shape) #required #explode #key)
    });
    let descriptor_doc = format!(" `{}`: how requests to it are read.", op.id);

    // The handler: authenticate, read, call.
    let call = quote!(<S as super::#trait_ident>::#name(&app.server, #(#passes),*).await);
    let input = if reads.is_empty() { quote!(_input) } else { quote!(input) };
    let dispatch = match auth {
        Auth::Required => {
            quote!(support::secured(app, request, &#descriptor, |app, principal, #input| async move { #(#reads)* #call }))
        }
        Auth::Optional => {
            quote!(support::optional(app, request, &#descriptor, |app, principal, #input| async move { #(#reads)* #call }))
        }
        Auth::None => {
            quote!(support::public(app, request, &#descriptor, |app, #input| async move { #(#reads)* #call }))
        }
    };

    let response_item = response_enum(op, response);
    let item = quote! {
        #[doc = #descriptor_doc]
        pub static #descriptor: Operation = Operation {
            id: #id,
            method: #method_str,
            path: #path,
            security: #security,
            params: &[#(#params),*],
        };

        #response_item
    };
    // An operation the router leaves out has no handler to mount.
    let handler = op.unroutable.is_none().then(|| {
        quote! {
            pub(super) fn #name<S: super::#trait_ident>(app: Arc<App<S>>, request: Request) -> BoxFuture<Response> {
                #dispatch
            }
        }
    });
    let item = quote!(#item #handler);
    (method, item)
}

/// The JSON shape a parameter's or form field's text is read as.
fn shape(api: &Api, e: &TypeExpr, depth: usize) -> TokenStream {
    match &e.kind {
        ExprKind::Primitive(Primitive::Int32 | Primitive::Int64 | Primitive::Uint64) => quote!(support::Shape::Integer),
        ExprKind::Primitive(Primitive::Float64) => quote!(support::Shape::Number),
        ExprKind::Primitive(Primitive::Bool) => quote!(support::Shape::Boolean),
        ExprKind::Primitive(Primitive::Binary) => quote!(support::Shape::Binary),
        ExprKind::Primitive(_) => quote!(support::Shape::String),
        ExprKind::List(item) => {
            let inner = shape(api, item, depth + 1);
            quote!(support::Shape::Array(&#inner))
        }
        ExprKind::Map(_) | ExprKind::Tuple(_) | ExprKind::Any | ExprKind::External(_) => quote!(support::Shape::Json),
        // Aliases cannot be cyclic (the type would be infinite); the depth bound is a guard.
        ExprKind::Named(n) if depth < 16 => match api.type_named(n).map(|t| &t.kind) {
            Some(TypeKind::Enum(e)) if e.variants.iter().all(|v| v.value.is_string()) => quote!(support::Shape::String),
            Some(TypeKind::Enum(_)) => quote!(support::Shape::Integer),
            Some(TypeKind::Alias(target)) => shape(api, target, depth + 1),
            _ => quote!(support::Shape::Json),
        },
        ExprKind::Named(_) => quote!(support::Shape::Json),
    }
}

/// `StatusCode::OK` for codes the `http` crate names (those with a reason phrase of their
/// own), else a lookup by number.
fn status_tokens(code: u16) -> TokenStream {
    match names::reason_phrase(code) {
        Some(phrase) => {
            let constant = format_ident!("{}", heck::ToShoutySnakeCase::to_shouty_snake_case(phrase));
            quote!(StatusCode::#constant)
        }
        None => {
            let code = proc_macro2::Literal::u16_unsuffixed(code);
            quote!(support::status(#code))
        }
    }
}

/// One variant per documented status, and how each is written.
fn response_enum(op: &Operation, name: &Ident) -> TokenStream {
    let mut responses: Vec<&Response> = op.responses.iter().collect();
    responses.sort_by_key(|r| r.status);
    let mut variants = Vec::new();
    let mut arms = Vec::new();
    for r in responses {
        let variant = ident(&r.variant);
        let kind = body_kind(&r.content);
        let ty = match &kind {
            BodyKind::Empty => None,
            BodyKind::Json(Some(t)) => Some(qualified_type(t)),
            BodyKind::Json(None) => Some(quote!(serde_json::Value)),
            BodyKind::Text(_) => Some(quote!(String)),
            BodyKind::Bytes(_) => Some(quote!(axum::body::Bytes)),
        };
        let write = |status: TokenStream| match &kind {
            BodyKind::Empty => quote!(support::empty(#status)),
            BodyKind::Json(_) => quote!(support::json(#status, &body)),
            BodyKind::Text(media) | BodyKind::Bytes(media) => quote!(support::raw(#status, #media, body)),
        };
        let description = r.description.trim();
        let status_text = match r.status {
            Status::Code(c) => c.to_string(),
            Status::Range(d) => format!("{d}XX"),
            Status::Default => "Any other status".to_owned(),
        };
        let doc =
            if description.is_empty() { format!(" {status_text}.") } else { format!(" {status_text}: {description}") };
        match (r.status, ty) {
            (Status::Code(c), Some(ty)) => {
                variants.push(quote!(#[doc = #doc] #variant(#ty),));
                let write = write(status_tokens(c));
                arms.push(quote!(Self::#variant(body) => #write,));
            }
            (Status::Code(c), None) => {
                variants.push(quote!(#[doc = #doc] #variant,));
                let write = write(status_tokens(c));
                arms.push(quote!(Self::#variant => #write,));
            }
            (_, Some(ty)) => {
                variants.push(quote!(#[doc = #doc] #variant(StatusCode, #ty),));
                let write = write(quote!(status));
                arms.push(quote!(Self::#variant(status, body) => #write,));
            }
            (_, None) => {
                variants.push(quote!(#[doc = #doc] #variant(StatusCode),));
                let write = write(quote!(status));
                arms.push(quote!(Self::#variant(status) => #write,));
            }
        }
    }
    let doc = format!(" The responses `{}` documents.", op.id);
    quote! {
        #[doc = #doc]
        #[derive(Debug, Clone, PartialEq)]
        pub enum #name {
            #(#variants)*
        }

        impl IntoResponse for #name {
            fn into_response(self) -> Response {
                match self {
                    #(#arms)*
                }
            }
        }
    }
}
