//! How operations carry bodies over HTTP: which statuses are successes, which media types
//! are JSON or text, and how a request or response body is represented. The client and the
//! server emitters share these decisions, so what one sends the other reads.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::qualified_type;
use crate::ir::{Api, Content, ExprKind, Operation, Primitive, Status, StructDef, TypeExpr, TypeKind};

pub fn is_success(s: Status) -> bool {
    match s {
        Status::Code(c) => (200..300).contains(&c),
        Status::Range(d) => d == 2,
        Status::Default => false,
    }
}

pub fn is_json(media: &str) -> bool {
    let m = media.split(';').next().unwrap_or("").trim();
    m == "application/json" || m.ends_with("+json")
}

pub fn is_text(media: &str) -> bool {
    let m = media.split(';').next().unwrap_or("").trim();
    m.starts_with("text/") || m.ends_with("/xml") || m.ends_with("+xml") || m.ends_with("/yaml") || m.ends_with("+yaml")
}

/// How a response body is read.
#[allow(clippy::large_enum_variant, reason = "one short-lived value per response while emitting")]
pub enum BodyKind<'a> {
    Empty,
    /// JSON, typed when the spec gives a schema.
    Json(Option<TypeExpr>),
    Text(&'a str),
    Bytes(&'a str),
}

/// JSON wins when the spec offers it; otherwise the first media type.
pub fn body_kind(content: &[Content]) -> BodyKind<'_> {
    if let Some(c) = content.iter().find(|c| is_json(&c.media_type)) {
        // `format: binary` is file content whatever the media type says.
        if c.ty.as_ref().is_some_and(|t| t.kind == ExprKind::Primitive(Primitive::Binary)) {
            return BodyKind::Bytes(&c.media_type);
        }
        return BodyKind::Json(c.ty.clone());
    }
    match content.first() {
        None => BodyKind::Empty,
        Some(c) => media_kind(&c.media_type),
    }
}

pub fn media_kind(media: &str) -> BodyKind<'_> {
    if is_text(media) { BodyKind::Text(media) } else { BodyKind::Bytes(media) }
}

/// The request body as the builder holds it.
pub enum RequestKind {
    Json(TokenStream),
    Multipart {
        ty: TokenStream,
        binary: Vec<(String, String)>,
    },
    Form(TokenStream),
    /// Any other media type: bytes sent as they are.
    Raw(String),
}

/// The request media type an operation is called with: JSON when the spec offers it, then
/// multipart, then a form, then the first listed.
pub fn request_content(op: &Operation) -> Option<&Content> {
    let content = &op.body.as_ref()?.content;
    content
        .iter()
        .find(|c| is_json(&c.media_type))
        .or_else(|| content.iter().find(|c| c.media_type.starts_with("multipart/form-data")))
        .or_else(|| content.iter().find(|c| c.media_type.starts_with("application/x-www-form-urlencoded")))
        .or_else(|| content.first())
}

/// How a body of the chosen media type ([`request_content`]) is represented.
pub fn request_kind(api: &Api, c: &Content) -> RequestKind {
    let ty = c.ty.as_ref().map(qualified_type).unwrap_or_else(|| quote!(serde_json::Value));
    let binary_schema = c.ty.as_ref().is_some_and(|t| t.kind == ExprKind::Primitive(Primitive::Binary));
    if is_json(&c.media_type) && !binary_schema {
        return RequestKind::Json(ty);
    }
    if c.media_type.starts_with("multipart/form-data") {
        // Binary properties (wire name, Rust field name) of the body's struct.
        let binary = body_struct(api, c)
            .map(|s| {
                s.fields
                    .iter()
                    .filter(|f| f.ty.kind == ExprKind::Primitive(Primitive::Binary))
                    .map(|f| (f.wire_name.clone(), f.name.clone()))
                    .collect()
            })
            .unwrap_or_default();
        return RequestKind::Multipart { ty, binary };
    }
    if c.media_type.starts_with("application/x-www-form-urlencoded") {
        return RequestKind::Form(ty);
    }
    RequestKind::Raw(c.media_type.clone())
}

/// The struct a body's schema names, if it names one.
pub fn body_struct<'a>(api: &'a Api, c: &Content) -> Option<&'a StructDef> {
    match c.ty.as_ref().map(|t| &t.kind) {
        Some(ExprKind::Named(n)) => match &api.type_named(n)?.kind {
            TypeKind::Struct(s) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

/// The `http` crate's constant for a method (`GET`), which reqwest and axum re-export.
pub fn method_constant(method: crate::ir::Method) -> proc_macro2::Ident {
    format_ident!("{}", method.as_str())
}
