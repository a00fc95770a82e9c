//! The async client: one request builder per operation, grouped by tag.
//!
//! `client.core().tokens_list().page_size(50).send().await` — the tag method returns an
//! accessor, the operation method takes the required parameters and the body and returns a
//! builder with a setter per optional parameter. `send()` validates, encodes, sends through
//! the hand-written transport (`runtime/src/client/transport.rs`) and decodes each documented status
//! into its type. Everything the generated code names is path-qualified, so no operation
//! or tag name can clash with a model's.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::http::{
    BodyKind, RequestKind, body_kind, is_json, is_success, media_kind, method_constant, request_content, request_kind,
};
use super::models::Opaque;
use super::{Gating, Need, cfg, doc_attrs, ident, qualified_type, tag_cfg};
use crate::ir::{
    Api, Content, ExprKind, Operation, ParamLocation, PathPart, Primitive, Status, Tag, TypeExpr, TypeKind, names,
    path_parts,
};

/// The `client` module (`src/client/mod.rs`): the error body type, an accessor per tag and
/// the `Page` impls. Each tag's operations are a module of their own ([`tag_module`]) in a
/// sibling file; the transport is one too.
pub fn client(api: &Api) -> TokenStream {
    let error_bodies = ErrorBodies::scan(api);
    let error_enum = error_bodies.enum_tokens(api);
    let tag_items = api.tags.iter().map(|tag| {
        let method = ident(&tag.client_accessor);
        let module = ident(&tag.module);
        let api_type = ident(&tag.client_type);
        let accessor_doc = format!(" Operations tagged `{}`.", tag.name);
        let module_doc = format!(" The operations tagged `{}`.", tag.name);
        let cfg = tag_cfg(&tag.name);
        let accessor = quote! {
            #[doc = #accessor_doc]
            #cfg
            pub fn #method(&self) -> #module::#api_type<'_> {
                #module::#api_type { client: self }
            }
        };
        (accessor, quote!(#[doc = #module_doc] #cfg pub mod #module;))
    });
    let (accessors, modules): (Vec<_>, Vec<_>) = tag_items.unzip();
    // One `Page` impl per list type, however many operations return it.
    let pagings: BTreeMap<&str, Paging> =
        api.operations.iter().filter_map(|op| paging(api, op)).map(|p| (p.list, p)).collect();
    let page_impls = pagings.values().map(Paging::page_impl);
    let default_scheme = api.default_scheme().map_or("", |s| s.name.as_str());
    quote! {
        //! An async client with one method for each operation, grouped by tag.
        //!
        //! Required parameters are arguments; optional ones are set on the returned
        //! builder; `.send().await` (or just `.await`) validates the request, sends it and
        //! decodes the response.

        #![allow(deprecated, reason = "deprecated operations and models are still part of the API")]

        pub mod transport;
        #(#modules)*

        pub use transport::{BoxError, Client, ClientBuilder, ClientError, Middleware, Next, RawResponse, Retry, SecretToken, Upload};

        pub use crate::BASE_PATH;

        /// The security scheme [`ClientBuilder::bearer_token`] is the credential of: the
        /// first the spec's operations name.
        pub const DEFAULT_SCHEME: &str = #default_scheme;

        #error_enum

        /// Why an operation did not return its success value.
        pub type Error = ClientError<ErrorBody>;

        impl Client {
            #(#accessors)*
        }

        #(#page_impls)*
    }
}

/// How the body of a documented error status is decoded: one `ErrorBody` variant and one
/// decoder function each.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum ErrorDecoder {
    /// A named model: `ErrorBody::<Name>`.
    Named(String),
    /// A JSON body of another shape: `ErrorBody::Json`.
    Json,
    /// A body that is not JSON: `ErrorBody::Text`.
    Text,
    /// No body: `ErrorBody::Empty`.
    Empty,
}

impl ErrorDecoder {
    fn of(content: &[Content]) -> Self {
        match body_kind(content) {
            BodyKind::Json(Some(TypeExpr { kind: ExprKind::Named(n), nullable: false, .. })) => ErrorDecoder::Named(n),
            BodyKind::Json(_) => ErrorDecoder::Json,
            BodyKind::Text(_) | BodyKind::Bytes(_) => ErrorDecoder::Text,
            BodyKind::Empty => ErrorDecoder::Empty,
        }
    }

    /// The decoder function's name.
    fn function(&self) -> proc_macro2::Ident {
        match self {
            // The `_body` suffix keeps a type named `Json`, `Text` or `Empty` apart from the others.
            ErrorDecoder::Named(n) => format_ident!("decode_{}_body", names::snake(n)),
            ErrorDecoder::Json => format_ident!("decode_json"),
            ErrorDecoder::Text => format_ident!("decode_text"),
            ErrorDecoder::Empty => format_ident!("decode_empty"),
        }
    }
}

/// The error body types the spec documents: each decoder, and the tags whose operations
/// call it, so none is compiled unused.
struct ErrorBodies {
    decoders: BTreeMap<ErrorDecoder, Need>,
}

impl ErrorBodies {
    fn scan(api: &Api) -> Self {
        let mut decoders: BTreeMap<ErrorDecoder, Need> = BTreeMap::new();
        for op in &api.operations {
            for r in op.responses.iter().filter(|r| !is_success(r.status)) {
                decoders.entry(ErrorDecoder::of(&r.content)).or_default().add(&BTreeSet::from([op.tag.clone()]));
            }
        }
        ErrorBodies { decoders }
    }

    fn enum_tokens(&self, api: &Api) -> TokenStream {
        let variants = self.decoders.keys().map(|d| match d {
            ErrorDecoder::Named(n) => {
                let id = ident(n);
                let doc = format!(" A `{n}` body.");
                // Present whenever its model is.
                let cfg = api.type_named(n).map(|t| cfg(&t.tags, Gating::PerTag));
                quote!(#[doc = #doc] #cfg #id(crate::models::#id),)
            }
            ErrorDecoder::Json => quote!(/// A JSON body of another shape.
                Json(serde_json::Value),),
            ErrorDecoder::Text => quote!(/// A body that is not JSON.
                Text(String),),
            // Always a variant (below).
            ErrorDecoder::Empty => quote!(),
        });
        let decoders = self.decoders.iter().map(|(decoder, need)| {
            let cfg = need.cfg(Gating::PerTag);
            let function = decoder.function();
            let (arg, body) = match decoder {
                ErrorDecoder::Named(n) => {
                    let variant = ident(n);
                    (quote!(body), quote!(serde_json::from_slice(body).map(Self::#variant)))
                }
                ErrorDecoder::Json => (quote!(body), quote!(serde_json::from_slice(body).map(Self::Json))),
                ErrorDecoder::Text => {
                    (quote!(body), quote!(Ok(Self::Text(String::from_utf8_lossy(body).into_owned()))))
                }
                ErrorDecoder::Empty => (quote!(_body), quote!(Ok(Self::Empty))),
            };
            quote! {
                #cfg
                fn #function(#arg: &[u8]) -> serde_json::Result<Self> {
                    #body
                }
            }
        });
        quote! {
            /// The body of an error status the spec documents (400 → `ValidationError`,
            /// 403 → `GenericError`, …).
            #[derive(Debug, Clone, PartialEq)]
            pub enum ErrorBody {
                #(#variants)*
                /// The spec documents the status without a body.
                Empty,
            }

            /// One decoder per body kind, shared by every operation that documents it.
            impl ErrorBody {
                #(#decoders)*
            }
        }
    }
}

/// How a response is read: its Rust type and the expression decoding `raw`.
fn read(kind: &BodyKind) -> (TokenStream, TokenStream) {
    match kind {
        BodyKind::Empty => (quote!(()), quote!(Ok(()))),
        BodyKind::Json(Some(ty)) => {
            let t = qualified_type(ty);
            (t.clone(), quote!(raw.json::<#t, super::ErrorBody>()))
        }
        BodyKind::Json(None) => (quote!(serde_json::Value), quote!(raw.json::<serde_json::Value, super::ErrorBody>())),
        BodyKind::Text(_) => (quote!(String), quote!(raw.text())),
        BodyKind::Bytes(_) => (quote!(bytes::Bytes), quote!(Ok(raw.body))),
    }
}

/// The match pattern of a status, against `raw.status.as_u16()` (so unsuffixed: `200`,
/// `400..=499`).
fn status_pattern(s: Status) -> TokenStream {
    let literal = proc_macro2::Literal::u16_unsuffixed;
    match s {
        Status::Code(c) => {
            let c = literal(c);
            quote!(#c)
        }
        Status::Range(d) => {
            let (lo, hi) = (literal(d as u16 * 100), literal(d as u16 * 100 + 99));
            quote!(#lo..=#hi)
        }
        Status::Default => quote!(_),
    }
}

/// The module of one tag's operations (`src/client/<tag>.rs`): the tag's API type, with one
/// method per operation, and each operation's request builder.
pub fn tag_module(api: &Api, tag: &Tag) -> TokenStream {
    let api_type = ident(&tag.client_type);
    let mut methods = Vec::new();
    let mut items = Vec::new();
    let opaque = Opaque::of(api);
    for op in api.tag_operations(&tag.name) {
        let stream = paging(api, op).map(|p| p.stream());
        let (method, item) = operation(api, &opaque, tag, op, stream.as_ref());
        methods.push(method);
        items.push(item);
    }
    let accessor = names::escaped(&tag.client_accessor);
    let api_doc = format!(" Operations tagged `{}`; from [`Client::{accessor}`](super::Client::{accessor}).", tag.name);
    quote! {
        #[doc = #api_doc]
        #[derive(Debug, Clone, Copy)]
        pub struct #api_type<'a> {
            pub(super) client: &'a super::Client,
        }

        impl<'a> #api_type<'a> {
            #(#methods)*
        }

        #(#items)*
    }
}

/// The accessor method and the builder (with its response enum, when it needs one).
/// `stream` is the builder's `stream()` method, for an operation that pages.
fn operation(
    api: &Api,
    opaque: &Opaque,
    tag: &Tag,
    op: &Operation,
    stream: Option<&TokenStream>,
) -> (TokenStream, TokenStream) {
    let name = ident(&op.name);
    let (builder, response_enum) = (ident(&op.builder), ident(&op.response_enum));
    let params_type = op.params_type.as_ref().map(|p| {
        let id = ident(p);
        quote!(crate::params::#id)
    });
    let request = request_content(op).map(|c| request_kind(api, c));

    // Fields of the builder.
    let mut fields = vec![quote!(client: &'a super::Client,)];
    let mut init = vec![quote!(client: self.client,)];
    if let Some(p) = &params_type {
        fields.push(quote!(params: #p,));
    }
    let body_type = match &request {
        Some(RequestKind::Json(t) | RequestKind::Multipart { ty: t, .. } | RequestKind::Form(t)) => {
            Some(quote!(&'a #t))
        }
        Some(RequestKind::Raw(_)) => Some(quote!(bytes::Bytes)),
        None => None,
    };
    // The body is always an argument, even where the spec makes it optional (PATCH
    // bodies): an empty model sends `{}`, which servers read as "change nothing".
    if let Some(t) = &body_type {
        fields.push(quote!(body: #t,));
    }
    let multipart = matches!(request, Some(RequestKind::Multipart { .. }));
    if multipart {
        fields.push(quote!(uploads: Vec<(&'static str, super::Upload)>,));
        init.push(quote!(uploads: Vec::new(),));
    }

    // Arguments: required parameters in spec order, then a required body.
    let mut args = Vec::new();
    let mut assign = Vec::new();
    let mut setters = Vec::new();
    for p in &op.parameters {
        let field = ident(&p.name);
        let ty = qualified_type(&p.ty);
        let is_string = p.ty.kind == ExprKind::Primitive(Primitive::String) && !p.ty.nullable;
        let (arg_ty, conv) =
            if is_string { (quote!(impl Into<String>), quote!(.into())) } else { (ty.clone(), quote!()) };
        let mut doc_extra = Vec::new();
        if let Some(c) = super::constraint_summary(&p.ty.constraints) {
            doc_extra.push(c);
        }
        if p.required {
            args.push(quote!(#field: #arg_ty));
            // Field-init shorthand when the argument is stored as it is.
            assign.push(if conv.is_empty() { quote!(#field,) } else { quote!(#field: #field #conv,) });
        } else {
            let setter = ident(&p.setter);
            doc_extra.push(format!("Sets the {} parameter `{}`.", p.location.as_str(), p.wire_name));
            let docs = doc_attrs(&p.docs, &doc_extra);
            let deprecated = p.deprecated.then(|| quote!(#[deprecated]));
            let store = if p.ty.nullable { quote!(crate::Nullable::from(value)) } else { quote!(Some(value #conv)) };
            setters.push(quote! {
                #docs
                #deprecated
                pub fn #setter(mut self, value: #arg_ty) -> Self {
                    self.params.#field = #store;
                    self
                }
            });
        }
    }
    if let Some(p) = &params_type {
        // Every field named: a params struct with a required field has no `Default`.
        let unset = op.parameters.iter().filter(|p| !p.required).map(|p| {
            let field = ident(&p.name);
            if p.ty.nullable { quote!(#field: crate::Nullable::Absent,) } else { quote!(#field: None,) }
        });
        init.push(quote!(params: #p { #(#assign)* #(#unset)* },));
    }
    if let Some(t) = &body_type {
        let conv = matches!(request, Some(RequestKind::Raw(_))).then(|| quote!(.into()));
        let arg = if conv.is_some() { quote!(impl Into<bytes::Bytes>) } else { t.clone() };
        args.push(quote!(body: #arg));
        init.push(match conv {
            Some(conv) => quote!(body: body #conv,),
            None => quote!(body,),
        });
    }
    if let Some(RequestKind::Multipart { binary, .. }) = &request {
        for (wire, field) in binary {
            let setter = format_ident!("{}_upload", field);
            let doc = format!(" Streams `{wire}` from an [`Upload`](super::Upload) instead of the bytes in the body.");
            setters.push(quote! {
                #[doc = #doc]
                pub fn #setter(mut self, upload: super::Upload) -> Self {
                    self.uploads.push((#wire, upload));
                    self
                }
            });
        }
    }

    // The request: validation, path, parameters, body.
    let method_tok = method_constant(op.method);
    let method_tok = quote!(reqwest::Method::#method_tok);
    let (path_fmt, path_args) = path_format(op);
    let path_expr =
        if path_args.is_empty() { quote!(#path_fmt.to_owned()) } else { quote!(format!(#path_fmt, #(#path_args),*)) };
    // Path parameters are in the path already (`path_format`).
    let encode: Vec<TokenStream> = op
        .parameters
        .iter()
        .filter_map(|p| {
            let field = ident(&p.name);
            let wire = &p.wire_name;
            match p.location {
                ParamLocation::Query => {
                    let explode = p.explode;
                    Some(quote!(call.query(#wire, &self.params.#field, #explode);))
                }
                ParamLocation::Header => Some(quote!(call.header(#wire, &self.params.#field);)),
                ParamLocation::Cookie => Some(quote!(call.cookie(#wire, &self.params.#field);)),
                ParamLocation::Path => None,
            }
        })
        .collect();
    let check_params = params_type.as_ref().map(|_| quote!(self.client.check(&self.params)?;));
    // A body the transport writes as a `runtime::object::Value`: a model as it describes
    // itself, any other type (one the config names) through its own `Serialize`; checked
    // first against the spec's constraints unless akgen has none for its type.
    let body_type = request_content(op).and_then(|c| c.ty.as_ref());
    let body_value = match body_type {
        Some(t) if !opaque.is_prop(t) => quote!(crate::runtime::object::Value::Other(self.body)),
        _ => quote!(crate::runtime::object::Prop::prop(self.body)),
    };
    let check_body = body_type
        .is_none_or(|t| super::validate::implements_validate(api, t))
        .then(|| quote!(self.client.check(self.body)?;));
    let set_body = match &request {
        None => quote!(),
        Some(RequestKind::Json(_)) => quote!(#check_body call.json(#body_value)?;),
        Some(RequestKind::Form(_)) => quote!(#check_body call.form(#body_value)?;),
        Some(RequestKind::Multipart { binary, .. }) => {
            let wires = binary.iter().map(|(w, _)| w);
            quote!(#check_body call.multipart(#body_value, &[#(#wires),*], self.uploads)?;)
        }
        Some(RequestKind::Raw(media)) => quote!(call.raw(self.body, #media);),
    };
    let call_binding = if encode.is_empty() && request.is_none() { quote!(call) } else { quote!(mut call) };
    let security = super::security::requirements(api, op);

    // Responses.
    let successes: Vec<_> = op.responses.iter().filter(|r| is_success(r.status)).collect();
    let mut error_arms = Vec::new();
    let mut has_default = false;
    let mut sorted: Vec<_> = op.responses.iter().filter(|r| !is_success(r.status)).collect();
    sorted.sort_by_key(|r| r.status);
    for r in &sorted {
        has_default |= r.status == Status::Default;
        let pat = status_pattern(r.status);
        let decode = ErrorDecoder::of(&r.content).function();
        error_arms.push(quote!(#pat => Err(raw.api_error(super::ErrorBody::#decode)),));
    }
    let fallback = (!has_default).then(|| quote!(_ => Err(raw.unexpected()),));
    let success_accept = successes
        .iter()
        .find_map(|r| match body_kind(&r.content) {
            BodyKind::Text(m) | BodyKind::Bytes(m) => Some(m.to_owned()),
            _ => None,
        })
        .unwrap_or_else(|| "application/json".to_owned());

    let mut response_item = None;
    let (success_type, success_arms) = match successes.as_slice() {
        [] => (quote!(()), vec![]),
        [one] => {
            let (t, read) = read(&body_kind(&one.content));
            let pat = status_pattern(one.status);
            (t, vec![quote!(#pat => #read,)])
        }
        many => {
            let mut variants = Vec::new();
            let mut arms = Vec::new();
            for r in many {
                let v = ident(&r.variant);
                let kind = body_kind(&r.content);
                let doc = format!(" {}", r.description.trim());
                let pat = status_pattern(r.status);
                if matches!(kind, BodyKind::Empty) {
                    // No body: a unit variant, not one holding `()`.
                    variants.push(quote!(#[doc = #doc] #v,));
                    arms.push(quote!(#pat => Ok(#response_enum::#v),));
                } else {
                    let (t, read) = read(&kind);
                    variants.push(quote!(#[doc = #doc] #v(#t),));
                    arms.push(quote!(#pat => #read.map(#response_enum::#v),));
                }
            }
            let doc = format!(" The success responses of `{}`.", op.id);
            response_item = Some(quote! {
                #[doc = #doc]
                #[derive(Debug, Clone, PartialEq)]
                pub enum #response_enum { #(#variants)* }
            });
            (quote!(#response_enum), arms)
        }
    };

    // Extra `send_<media>` methods for successes that also come as non-JSON media.
    let mut extra_sends = Vec::new();
    if let [one] = successes.as_slice()
        && matches!(body_kind(&one.content), BodyKind::Json(_))
    {
        let mut seen = HashSet::new();
        for c in one.content.iter().filter(|c| !is_json(&c.media_type)) {
            let suffix =
                names::snake(c.media_type.split(';').next().unwrap_or("").rsplit('/').next().unwrap_or("body"));
            if !seen.insert(suffix.clone()) {
                continue;
            }
            let method = format_ident!("send_{}", suffix);
            let media = &c.media_type;
            let kind = media_kind(media);
            let (t, read) = read(&kind);
            let pat = status_pattern(one.status);
            let doc = format!(" Sends the request asking for `{media}` and returns the body as it comes.");
            extra_sends.push(quote! {
                #[doc = #doc]
                pub fn #method(self) -> super::transport::BoxFuture<'a, Result<#t, super::Error>> {
                    super::transport::send(self.prepare(#media), |raw| match raw.status.as_u16() {
                        #pat => #read,
                        #(#error_arms)*
                        #fallback
                    })
                }
            });
        }
    }

    let method_doc = {
        let mut extra = vec![format!("`{} {}` (`{}`).", op.method, op.path, op.id)];
        if let Some(schemes) = super::security::summary(op) {
            extra.push(format!("Authentication: {schemes}."));
        }
        doc_attrs(&op.docs, &extra)
    };
    let deprecated = op.deprecated.then(|| quote!(#[deprecated]));
    let method_name = names::escaped(&op.name);
    let builder_doc =
        format!(" Request builder for `{}`; from [`{}`]({}::{method_name}).", op.id, op.name, tag.client_type);
    let derive_clone = (!multipart).then(|| quote!(Clone,));
    let success_doc = " Sends the request and decodes the response: `Ok` for the success status, the documented error statuses as [`ClientError::Api`](super::ClientError::Api).";

    let method = quote! {
        #method_doc
        #deprecated
        pub fn #name(self, #(#args),*) -> #builder<'a> {
            #builder { #(#init)* }
        }
    };
    let item = quote! {
        #[doc = #builder_doc]
        #[derive(Debug, #derive_clone)]
        #[must_use = "a request does nothing until it is sent"]
        pub struct #builder<'a> {
            #(#fields)*
        }

        #response_item

        impl<'a> #builder<'a> {
            #(#setters)*

            #[doc = #success_doc]
            pub fn send(self) -> super::transport::BoxFuture<'a, Result<#success_type, super::Error>> {
                super::transport::send(self.prepare(#success_accept), |raw| match raw.status.as_u16() {
                    #(#success_arms)*
                    #(#error_arms)*
                    #fallback
                })
            }

            #(#extra_sends)*

            /// Sends the request and returns the response undecoded, whatever its status.
            pub fn send_raw(self) -> super::transport::BoxFuture<'a, Result<super::RawResponse, super::Error>> {
                super::transport::send(self.prepare(#success_accept), Ok)
            }

            /// Validates the request and builds the call, asking for `accept`.
            fn prepare(self, accept: &'static str) -> Result<(&'a super::Client, super::transport::Call), super::Error> {
                #check_params
                let #call_binding = super::transport::Call::new(#method_tok, #path_expr, accept, #security);
                #(#encode)*
                #set_body
                Ok((self.client, call))
            }

            #stream
        }

        impl<'a> std::future::IntoFuture for #builder<'a> {
            type Output = Result<#success_type, super::Error>;
            type IntoFuture = super::transport::BoxFuture<'a, Self::Output>;

            fn into_future(self) -> Self::IntoFuture {
                self.send()
            }
        }
    };
    (method, item)
}

/// The path template as a `format!` string, with each `{param}` replaced by its encoded value.
fn path_format(op: &Operation) -> (String, Vec<TokenStream>) {
    let escape = |text: &str| text.replace('{', "{{").replace('}', "}}");
    let mut fmt = String::new();
    let mut args = Vec::new();
    for part in path_parts(&op.path) {
        match part {
            PathPart::Literal(text) => fmt.push_str(&escape(text)),
            PathPart::Param(wire) => {
                match op.parameters.iter().find(|p| p.location == ParamLocation::Path && p.wire_name == wire) {
                    Some(p) => {
                        let field = ident(&p.name);
                        fmt.push_str("{}");
                        args.push(quote!(super::transport::path_segment(&self.params.#field)));
                    }
                    None => fmt.push_str(&escape(&format!("{{{wire}}}"))),
                }
            }
        }
    }
    (fmt, args)
}

/// How an operation pages: it takes a `page` query parameter and answers with a struct
/// holding a `results` list and a `pagination` object with `next` and `current`.
struct Paging<'a> {
    /// The list type (`PaginatedTokenList`), which implements `transport::Page`.
    list: &'a str,
    list_tags: &'a BTreeSet<String>,
    /// The type of one result.
    item: &'a TypeExpr,
    /// The field names: the builder's `page`, the list's `results` and `pagination`, and
    /// the pagination's `next` and `current` page numbers.
    page: &'a str,
    results: &'a str,
    pagination: &'a str,
    next: &'a str,
    current: &'a str,
}

fn paging<'a>(api: &'a Api, op: &'a Operation) -> Option<Paging<'a>> {
    let page =
        op.parameters.iter().find(|p| p.location == ParamLocation::Query && p.wire_name == "page" && !p.required)?;
    if page.ty.kind != ExprKind::Primitive(Primitive::Int64) || page.ty.nullable {
        return None;
    }
    let successes: Vec<_> = op.responses.iter().filter(|r| is_success(r.status)).collect();
    let [one] = successes.as_slice() else { return None };
    let BodyKind::Json(Some(TypeExpr { kind: ExprKind::Named(list), nullable: false, .. })) = body_kind(&one.content)
    else {
        return None;
    };
    let list_def = api.type_named(&list)?;
    let TypeKind::Struct(s) = &list_def.kind else { return None };
    let results = s.fields.iter().find(|f| f.wire_name == "results" && f.required && !f.ty.nullable)?;
    let ExprKind::List(item) = &results.ty.kind else { return None };
    let pag = s.fields.iter().find(|f| f.wire_name == "pagination" && f.required && !f.ty.nullable)?;
    let ExprKind::Named(pag_name) = &pag.ty.kind else { return None };
    let TypeKind::Struct(ps) = &api.type_named(pag_name)?.kind else { return None };
    let number = |name: &str| {
        ps.fields.iter().find(|f| {
            f.wire_name == name && f.required && !f.ty.nullable && f.ty.kind == ExprKind::Primitive(Primitive::Float64)
        })
    };
    let (next, current) = (number("next")?, number("current")?);
    Some(Paging {
        list: &list_def.name,
        list_tags: &list_def.tags,
        item,
        page: &page.name,
        results: &results.name,
        pagination: &pag.name,
        next: &next.name,
        current: &current.name,
    })
}

impl Paging<'_> {
    /// `impl transport::Page` for the list type.
    fn page_impl(&self) -> TokenStream {
        let (results, pag, next, current) =
            (ident(self.results), ident(self.pagination), ident(self.next), ident(self.current));
        let item_type = qualified_type(self.item);
        let list_type = ident(self.list);
        let list_cfg = cfg(self.list_tags, Gating::PerTag);
        quote! {
            #list_cfg
            impl transport::Page for crate::models::#list_type {
                type Item = #item_type;

                fn into_page(self) -> (Vec<#item_type>, f64, f64) {
                    (self.#results, self.#pag.#next, self.#pag.#current)
                }
            }
        }
    }

    /// The operation's `stream()` method.
    fn stream(&self) -> TokenStream {
        let item_type = qualified_type(self.item);
        let page_field = ident(self.page);
        quote! {
            /// Every item of every page, from the page set on this builder (or the first)
            /// onward, following the server's `pagination.next`.
            pub fn stream(self) -> std::pin::Pin<Box<dyn futures_util::Stream<Item = Result<#item_type, super::Error>> + Send + 'a>> {
                super::transport::paginate(Box::new(move |page| {
                    let mut request = self.clone();
                    if let Some(page) = page {
                        request.params.#page_field = Some(page);
                    }
                    request.send()
                }))
            }
        }
    }
}
