//! How operations carry bodies over HTTP: which statuses are successes, which media types
//! are JSON or text, which request media type a call uses and how a response body is read.
//! Decided here, once, for the client and server emitters (so what one sends the other
//! reads) and for `akgen diff`'s model of the generated API.

use super::{Content, ExprKind, Operation, Primitive, Status, TypeExpr};

/// A 2xx status or the `2XX` range; `default` is not (it is the error fallback).
pub fn is_success(s: Status) -> bool {
    match s {
        Status::Code(c) => (200..300).contains(&c),
        Status::Range(d) => d == 2,
        Status::Default => false,
    }
}

/// `application/json` and the `+json` suffixes (`application/problem+json`), parameters ignored.
pub fn is_json(media: &str) -> bool {
    let m = media.split(';').next().unwrap_or("").trim();
    m == "application/json" || m.ends_with("+json")
}

/// Media types read as a `String`: `text/*`, XML and YAML.
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

/// A body that is not JSON: text when [`is_text`], bytes otherwise.
pub fn media_kind(media: &str) -> BodyKind<'_> {
    if is_text(media) { BodyKind::Text(media) } else { BodyKind::Bytes(media) }
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

/// How a request body of the chosen media type ([`request_content`]) is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestEncoding {
    Json,
    Multipart,
    Form,
    /// Any other media type, or a `format: binary` schema: bytes sent as they are.
    Raw,
}

/// The encoding of a request body: the client's builder and the server's extractor follow
/// it, and `akgen diff` reads the argument type off it.
pub fn request_encoding(c: &Content) -> RequestEncoding {
    let binary = c.ty.as_ref().is_some_and(|t| t.kind == ExprKind::Primitive(Primitive::Binary));
    if is_json(&c.media_type) && !binary {
        RequestEncoding::Json
    } else if c.media_type.starts_with("multipart/form-data") {
        RequestEncoding::Multipart
    } else if c.media_type.starts_with("application/x-www-form-urlencoded") {
        RequestEncoding::Form
    } else {
        RequestEncoding::Raw
    }
}
