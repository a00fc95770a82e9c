//! How the client and the server represent bodies in Rust: the request body's type in a
//! builder, multipart uploads, the method constant. Which statuses are successes and which
//! media type is used are IR decisions ([`crate::ir::http`]), shared with `akgen diff`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::qualified_type;
pub use crate::ir::http::{
    BodyKind, RequestEncoding, body_kind, is_json, is_success, media_kind, request_content, request_encoding,
};
use crate::ir::{Api, Content, ExprKind, Primitive, StructDef, TypeKind};

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

/// How a body of the chosen media type ([`request_content`]) is represented.
pub fn request_kind(api: &Api, c: &Content) -> RequestKind {
    let ty = c.ty.as_ref().map(qualified_type).unwrap_or_else(|| quote!(serde_json::Value));
    match request_encoding(c) {
        RequestEncoding::Json => RequestKind::Json(ty),
        RequestEncoding::Multipart => {
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
            RequestKind::Multipart { ty, binary }
        }
        RequestEncoding::Form => RequestKind::Form(ty),
        RequestEncoding::Raw => RequestKind::Raw(c.media_type.clone()),
    }
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
