//! Stage 2: the intermediate representation.
//!
//! Everything the emitters need, named and checked, and nothing that is Rust syntax. Every
//! identifier an emitter writes is chosen here, once, unique in its namespace (types,
//! fields and variants by [`build`], the client's and server's items by `naming`), so the
//! emitters and test harnesses agree on them. Names are plain (`type`, not `r#type`):
//! [`names::escaped`] spells them as Rust where tokens are made. No tokens live here, and
//! emitters read only this, never the spec.

mod build;
pub mod custom;
pub mod http;
pub mod names;
pub mod naming;
pub mod select;
mod skew;
mod usage;

pub use crate::load::doc::Method;
pub use build::{BuildOptions, build};
pub use custom::Customization;
pub use select::{Selection, Selector};

use serde_json::Value;
use std::collections::BTreeSet;

/// The whole API: every type and every operation.
#[derive(Debug, Clone, PartialEq)]
pub struct Api {
    pub title: String,
    pub version: String,
    pub description: Option<String>,
    /// Path prefix of the first server (`/api/v3` for authentik), without a trailing `/`.
    pub base_path: String,
    /// All named types, sorted by name so output order never depends on spec order.
    pub types: Vec<TypeDef>,
    /// All operations, in spec order (path, then method).
    pub operations: Vec<Operation>,
    /// Every tag an operation has, sorted, with the names its items get.
    pub tags: Vec<Tag>,
    /// Each operation's parameters as a struct type, named [`Operation::params_type`]: the
    /// `params` module, which the models and validators emitters treat like any objects.
    pub params: Vec<TypeDef>,
    /// The security schemes `components/securitySchemes` defines, in spec order, then
    /// those operations name without a definition ([`SchemeKind::Undefined`]).
    pub security_schemes: Vec<SecurityScheme>,
    /// Problems that did not stop generation (e.g. an undefined security scheme).
    pub warnings: Vec<crate::Diagnostic>,
}

impl Api {
    /// The scheme an operation's [`Operation::security`] names: every name there has one.
    pub fn scheme(&self, name: &str) -> Option<&SecurityScheme> {
        self.security_schemes.iter().find(|s| s.name == name)
    }

    /// The scheme a client's single bearer token is for: the first that the spec's
    /// operations name, in the order they name them (authentik's `authentik`).
    pub fn default_scheme(&self) -> Option<&SecurityScheme> {
        let first = self.operations.iter().flat_map(|op| op.security.iter().flatten()).next()?;
        self.scheme(first)
    }

    /// Whether any type, parameter or body holds `primitive`, anywhere inside it: emission
    /// writes a support type (the `time` newtype) only for a crate that uses it.
    pub fn uses_primitive(&self, primitive: Primitive) -> bool {
        let defs = self.types.iter().chain(&self.params).flat_map(TypeDef::exprs);
        let mut found = false;
        for expr in defs.chain(self.operations.iter().flat_map(Operation::exprs)) {
            expr.walk(&mut |e| found |= e.kind == ExprKind::Primitive(primitive));
        }
        found
    }

    /// The type with this Rust name.
    pub fn type_named(&self, name: &str) -> Option<&TypeDef> {
        position(&self.types, name).map(|i| &self.types[i])
    }

    /// The tag an operation carries ([`Operation::tag`]).
    pub fn tag(&self, name: &str) -> Option<&Tag> {
        self.tags.binary_search_by(|t| t.name.as_str().cmp(name)).ok().map(|i| &self.tags[i])
    }

    /// The operations of one tag, in spec order.
    pub fn tag_operations<'a>(&'a self, tag: &'a str) -> impl Iterator<Item = &'a Operation> + 'a {
        self.operations.iter().filter(move |op| op.tag == tag)
    }
}

/// Which of `types` (sorted by name) the expressions reach, through fields, items,
/// variants and aliases, transitively: the walk pruning and the skew policy share.
pub(crate) fn reach<'a>(types: &[TypeDef], exprs: impl IntoIterator<Item = &'a TypeExpr>) -> Vec<bool> {
    let mut reached = vec![false; types.len()];
    let mut stack = Vec::new();
    for e in exprs {
        e.for_each_named(&mut |n| stack.extend(position(types, n)));
    }
    while let Some(i) = stack.pop() {
        if !std::mem::replace(&mut reached[i], true) {
            for e in types[i].exprs() {
                e.for_each_named(&mut |n| stack.extend(position(types, n)));
            }
        }
    }
    reached
}

/// Where the type named `name` is in `types`, which are sorted by name as [`Api::types`]
/// is: the one lookup by name every analysis shares (while the IR is built, too).
pub(crate) fn position(types: &[TypeDef], name: &str) -> Option<usize> {
    types.binary_search_by(|t| t.name.as_str().cmp(name)).ok()
}

/// A tag and the names of what the client, the server and the manifest make of it, each
/// unique among the names it sits beside (the runtime's items and the imports included).
#[derive(Debug, Clone, PartialEq)]
pub struct Tag {
    /// snake_case, as [`Operation::tag`] holds it.
    pub name: String,
    /// The Cargo feature that compiles the tag's operations.
    pub feature: String,
    /// The module (and file stem) of the tag's operations in `client/` and `server/`.
    pub module: String,
    /// The method on the client's `Client` that gives the tag's operations.
    pub client_accessor: String,
    /// The type that accessor returns, which has one method per operation.
    pub client_type: String,
    /// The server trait with one method per operation.
    pub server_trait: String,
    /// The method on the server's `RouterBuilder` that adds the tag's operations.
    pub router_method: String,
    /// The function in the tag's server module that lists its routes.
    pub routes_fn: String,
}

/// Title, description and example text copied from the spec into doc comments.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Docs {
    pub title: Option<String>,
    pub description: Option<String>,
}

/// A named type: one component schema, or an inline schema that needs a name.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeDef {
    /// Rust name (UpperCamelCase, unique in the crate).
    pub name: String,
    /// The component's name in the spec, for component schemas.
    pub component: Option<String>,
    /// JSON pointer of the schema this type was built from.
    pub pointer: String,
    pub docs: Docs,
    pub deprecated: bool,
    pub kind: TypeKind,
    /// The tags whose operations use this type, directly or through other types: the
    /// generated crate compiles it when one of their features is on. Empty for a type no
    /// operation uses.
    pub tags: BTreeSet<String>,
    /// Derives and attributes the config adds (Rust source, checked when it was read).
    pub extras: TypeExtras,
}

/// What the config adds to a type's definition, beyond what akgen generates.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TypeExtras {
    /// Trait paths to derive (`Hash`, `schemars::JsonSchema`).
    pub derive: Vec<String>,
    /// Outer attributes (`#[non_exhaustive]`).
    pub attributes: Vec<String>,
}

impl TypeExtras {
    /// Whether the config marks the type `#[non_exhaustive]`: code outside the crate can
    /// then neither build it with a literal nor match it without a `_` arm, so a field or
    /// variant added later is not a breaking change.
    pub fn non_exhaustive(&self) -> bool {
        self.attributes.iter().any(|a| {
            let a: String = a.chars().filter(|c| !c.is_whitespace()).collect();
            a == "#[non_exhaustive]"
        })
    }
}

impl TypeDef {
    /// The type expressions the definition holds directly (fields, the extra-properties
    /// value, variants, an alias's target); walk each with [`TypeExpr::walk`].
    pub fn exprs(&self) -> Vec<&TypeExpr> {
        match &self.kind {
            TypeKind::Struct(s) => s.fields.iter().map(|f| &f.ty).chain(s.additional.as_ref()).collect(),
            TypeKind::Union(u) => u.variants.iter().map(|v| &v.ty).collect(),
            TypeKind::Alias(e) => vec![e],
            TypeKind::Enum(_) => Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum TypeKind {
    /// An object with known properties.
    Struct(StructDef),
    /// A closed list of string or integer values; emitted with a catch-all for new values.
    Enum(EnumDef),
    /// `oneOf`/`anyOf`: exactly one of several types.
    Union(UnionDef),
    /// Another name for a type expression (a component that is an array, a map, a primitive).
    Alias(TypeExpr),
}

#[derive(Debug, Clone, PartialEq)]
pub struct StructDef {
    pub fields: Vec<Field>,
    /// Type of `additionalProperties` values when the object also has properties.
    pub additional: Option<TypeExpr>,
    /// `dependentRequired`, by wire name: when the first property is present, so must the
    /// others be.
    pub dependent_required: Vec<(String, Vec<String>)>,
}

/// One property of an object.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The property name on the wire.
    pub wire_name: String,
    /// snake_case Rust field name, keyword-escaped and unique within the struct.
    pub name: String,
    pub ty: TypeExpr,
    /// Listed in `required`: always present on the wire.
    pub required: bool,
    pub docs: Docs,
    pub deprecated: bool,
    /// The spec's `default`, shown in docs; absent values are left absent (the server applies it).
    pub default: Option<Value>,
    /// Held through `Box` because the field's type contains the struct itself.
    pub boxed: bool,
    /// Required and nullable, yet read as `None` when absent: the `tolerant` skew policy
    /// for response-only types. Otherwise a required property must be present, even when
    /// it may be `null` (serde alone would read a missing `Option` as `None`).
    pub absent_as_null: bool,
}

impl Field {
    /// Optional and nullable: absent, `null` and a value are three different things.
    pub fn is_tristate(&self) -> bool {
        !self.required && self.ty.nullable
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct EnumDef {
    pub variants: Vec<EnumVariant>,
    /// Name of the catch-all variant that keeps values this spec version does not list.
    pub other: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EnumVariant {
    /// The value on the wire (a string or an integer).
    pub value: Value,
    /// UpperCamelCase variant name, unique within the enum.
    pub name: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct UnionDef {
    /// Property whose value selects the variant, for `oneOf` with a `discriminator`.
    pub discriminator: Option<String>,
    pub variants: Vec<UnionVariant>,
    /// The catch-all variant of a discriminated union: an object whose discriminator value
    /// this version of the spec does not list (a newer server's new variant), kept as it
    /// came so that it is written back unchanged. `None` without a discriminator.
    pub other: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct UnionVariant {
    /// UpperCamelCase variant name.
    pub name: String,
    /// Discriminator values that select this variant; the first is the one written.
    pub tags: Vec<String>,
    pub ty: TypeExpr,
    /// Held through `Box` because the variant contains the union itself.
    pub boxed: bool,
}

/// A use of a type, with the constraints and flags the spec attaches at that use.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeExpr {
    pub kind: ExprKind,
    pub nullable: bool,
    pub constraints: Constraints,
}

impl TypeExpr {
    pub fn new(kind: ExprKind) -> Self {
        TypeExpr { kind, nullable: false, constraints: Constraints::default() }
    }

    /// The expressions the Rust type is spelled with: a list's item, a map's value, a
    /// tuple's positions. What a module must import to name the type.
    pub fn parts(&self) -> impl Iterator<Item = &TypeExpr> {
        let (one, many): (Option<&TypeExpr>, &[TypeExpr]) = match &self.kind {
            ExprKind::List(inner) | ExprKind::Map(inner) => (Some(inner), &[]),
            ExprKind::Tuple(items) => (None, items),
            ExprKind::Named(_) | ExprKind::Primitive(_) | ExprKind::Any | ExprKind::External(_) => (None, &[]),
        };
        one.into_iter().chain(many)
    }

    /// Every expression directly inside this one: its [`parts`](Self::parts), then the
    /// types its constraints check values against (`contains`, `propertyNames`, …). A
    /// type named only there must still be compiled wherever this expression is.
    pub fn children(&self) -> impl Iterator<Item = &TypeExpr> {
        self.parts().chain(self.constraints.exprs())
    }

    /// Calls `f` on this expression and on every expression below it, in
    /// [`children`](Self::children) order: the one walk every analysis of uses shares.
    pub fn walk<'a>(&'a self, f: &mut impl FnMut(&'a TypeExpr)) {
        f(self);
        for child in self.children() {
            child.walk(f);
        }
    }

    /// Calls `f` with each type name this expression or one below it mentions.
    pub fn for_each_named<'a>(&'a self, f: &mut impl FnMut(&'a str)) {
        self.walk(&mut |e| {
            if let ExprKind::Named(n) = &e.kind {
                f(n)
            }
        });
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// A [`TypeDef`] by its Rust name.
    Named(String),
    Primitive(Primitive),
    List(Box<TypeExpr>),
    /// A JSON object used as a map from string keys to values of one type.
    Map(Box<TypeExpr>),
    /// An array of exactly these items, in order (`prefixItems` with the length fixed):
    /// a Rust tuple, which serde reads and writes as a JSON array.
    Tuple(Vec<TypeExpr>),
    /// Any JSON value.
    Any,
    /// A Rust type the config names in place of a generated one (a path, as written).
    External(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Primitive {
    String,
    Bool,
    /// An integer whose bounds (or `format: int32`) prove it fits 32 bits.
    Int32,
    Int64,
    /// `format: int64` when the config says `int64 = "u64"`.
    Uint64,
    Float64,
    Uuid,
    /// `format: date-time`, as chrono's `DateTime<Utc>`.
    DateTime,
    /// `format: date-time` when the config says `date-time = "time"`: the `time` crate's
    /// `OffsetDateTime`, which keeps the offset the value was sent with.
    TimeDateTime,
    Date,
    /// Raw bytes (`format: binary`): file uploads and downloads.
    Binary,
}

/// Every constraint the spec states at one use of a type, kept for the validators.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Constraints {
    /// ECMA-262 regular expression the string must match (anywhere, unless anchored).
    pub pattern: Option<String>,
    /// The pattern compiles only in ECMA-262's non-unicode mode (Annex B: identity escapes
    /// such as `\-` outside a class), and is run in that mode.
    pub pattern_non_unicode: bool,
    /// A pattern no ECMA-262 mode accepts, kept for the docs only (`--lenient`): the value
    /// is not checked against it.
    pub unchecked_pattern: Option<String>,
    /// Length bounds in Unicode scalar values, as JSON Schema counts them.
    pub min_length: Option<u64>,
    pub max_length: Option<u64>,
    pub minimum: Option<Bound>,
    pub maximum: Option<Bound>,
    pub multiple_of: Option<f64>,
    pub min_items: Option<u64>,
    pub max_items: Option<u64>,
    pub unique_items: bool,
    /// `prefixItems` of an array whose length is not fixed (so no tuple): the item at each
    /// position must be a value of that position's type.
    pub prefix_items: Vec<TypeExpr>,
    /// `items` beside `prefixItems`: the type of every item after them.
    pub rest_items: Option<Box<TypeExpr>>,
    /// `contains`: how many items are values of this type must lie within
    /// `min_contains` (1 when unstated) and `max_contains`.
    pub contains: Option<Box<TypeExpr>>,
    pub min_contains: Option<u64>,
    pub max_contains: Option<u64>,
    /// `propertyNames`: every key of a map, as a JSON string, must be a value of this type.
    pub property_names: Option<Box<TypeExpr>>,
    /// `patternProperties` of a map: the value of each key that matches a pattern
    /// (ECMA-262, unanchored) must be a value of its type.
    pub pattern_properties: Vec<PatternProperty>,
    /// `additionalProperties: false` beside `patternProperties`: every key must match one.
    pub keys_match_patterns: bool,
    /// `dependentRequired` of a map: when the key is present, so must these be.
    pub dependent_required: Vec<(String, Vec<String>)>,
    /// The schema `false`: no value is valid (a property of it must be absent).
    pub never: bool,
    /// A string format that is not a type of its own (`email`, `uri`, or unknown ones).
    pub format: Option<String>,
    pub read_only: bool,
    pub write_only: bool,
}

impl Constraints {
    /// The type expressions the constraints check values against, in field order.
    pub fn exprs(&self) -> impl Iterator<Item = &TypeExpr> {
        self.prefix_items
            .iter()
            .chain(self.rest_items.as_deref())
            .chain(self.contains.as_deref())
            .chain(self.property_names.as_deref())
            .chain(self.pattern_properties.iter().map(|p| &p.ty))
    }

    /// Every regular expression the constraints state (`pattern`, the keys of
    /// `patternProperties`), with whether it runs in ECMA-262's non-unicode mode.
    pub fn patterns(&self) -> impl Iterator<Item = (&str, bool)> {
        let own = self.pattern.as_deref().map(|p| (p, self.pattern_non_unicode));
        own.into_iter().chain(self.pattern_properties.iter().map(|p| (p.pattern.as_str(), p.non_unicode)))
    }
}

/// One entry of `patternProperties`.
#[derive(Debug, Clone, PartialEq)]
pub struct PatternProperty {
    pub pattern: String,
    /// As [`Constraints::pattern_non_unicode`].
    pub non_unicode: bool,
    pub ty: TypeExpr,
}

/// A numeric bound; `exclusive` for `exclusiveMinimum`/`exclusiveMaximum`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bound {
    pub value: f64,
    pub exclusive: bool,
}

/// An HTTP operation.
#[derive(Debug, Clone, PartialEq)]
pub struct Operation {
    /// The spec's operationId (or one derived from method and path when it has none).
    pub id: String,
    /// snake_case method name: the operationId without its tag prefix.
    pub name: String,
    /// Name of the struct holding the path, query and header parameters (in the generated
    /// `params` module, apart from the models), when there are any.
    pub params_type: Option<String>,
    pub method: Method,
    /// Path template relative to the server (`/core/tokens/{identifier}/`).
    pub path: String,
    /// First tag, snake_case; operations without tags go to `default`.
    pub tag: String,
    pub docs: Docs,
    pub deprecated: bool,
    pub parameters: Vec<Parameter>,
    pub body: Option<RequestBody>,
    pub responses: Vec<Response>,
    /// Alternatives, each a set of scheme names that must all be satisfied; empty: no auth.
    pub security: Vec<Vec<String>>,
    /// JSON pointer of the operation.
    pub pointer: String,
    /// Why the generated server cannot route this operation, when it cannot (text after a
    /// parameter in a path segment, or a template equal to another's up to parameter
    /// names): the models and the client have it, the server's router leaves it out.
    pub unroutable: Option<String>,
    /// The client's request builder struct, in the tag's client module.
    pub builder: String,
    /// The enum of the operation's responses: in the client, of its success statuses (when
    /// there are several); in the server, of every status. One name, free in both modules.
    pub response_enum: String,
    /// The server's static descriptor of the operation (`TOKENS_LIST`).
    pub descriptor: String,
}

impl Operation {
    /// Every type expression the operation's signature holds: parameters, request bodies,
    /// responses. Where usage and pruning start their walks.
    pub fn exprs(&self) -> impl Iterator<Item = &TypeExpr> {
        self.request_exprs().chain(self.response_exprs())
    }

    /// The type expressions of what a request carries: parameters and bodies.
    pub fn request_exprs(&self) -> impl Iterator<Item = &TypeExpr> {
        let params = self.parameters.iter().map(|p| &p.ty);
        params.chain(self.body.iter().flat_map(|b| &b.content).filter_map(|c| c.ty.as_ref()))
    }

    /// The type expressions of the responses' bodies.
    pub fn response_exprs(&self) -> impl Iterator<Item = &TypeExpr> {
        self.responses.iter().flat_map(|r| &r.content).filter_map(|c| c.ty.as_ref())
    }

    /// The operation's parameters as a struct type (named [`Operation::params_type`]); built
    /// once, into [`Api::params`].
    fn params_struct(&self) -> Option<TypeDef> {
        let name = self.params_type.clone()?;
        let fields = self
            .parameters
            .iter()
            .map(|p| Field {
                wire_name: p.key.clone(),
                name: p.name.clone(),
                ty: p.ty.clone(),
                required: p.required,
                docs: p.docs.clone(),
                deprecated: p.deprecated,
                default: None,
                boxed: false,
                absent_as_null: false,
            })
            .collect();
        Some(TypeDef {
            name,
            component: None,
            pointer: self.pointer.clone(),
            docs: Docs {
                title: None,
                description: Some(format!("Parameters of `{}` ({} `{}`).", self.id, self.method, self.path)),
            },
            deprecated: false,
            kind: TypeKind::Struct(StructDef { fields, additional: None, dependent_required: Vec::new() }),
            tags: BTreeSet::from([self.tag.clone()]),
            extras: TypeExtras::default(),
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ParamLocation {
    Path,
    Query,
    Header,
    Cookie,
}

impl ParamLocation {
    /// The location a parameter's (or an API key's) `in` names.
    pub fn from_spec(word: &str) -> Option<Self> {
        match word {
            "path" => Some(ParamLocation::Path),
            "query" => Some(ParamLocation::Query),
            "header" => Some(ParamLocation::Header),
            "cookie" => Some(ParamLocation::Cookie),
            _ => None,
        }
    }

    /// The spec's word for it, the one spelling that parameter keys (`query:asn`), setter
    /// docs and diff reports all use.
    pub fn as_str(self) -> &'static str {
        match self {
            ParamLocation::Path => "path",
            ParamLocation::Query => "query",
            ParamLocation::Header => "header",
            ParamLocation::Cookie => "cookie",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Parameter {
    pub wire_name: String,
    /// The parameter's key in the operation's parameter set (its struct's field on the
    /// wire, the server's name for it): the wire name, or `location:name` when parameters
    /// in two locations share the name (`asn` in the path and in the query).
    pub key: String,
    pub name: String,
    /// The client builder's method that sets the parameter when it is optional: its name,
    /// unless one of the builder's own methods has it.
    pub setter: String,
    pub location: ParamLocation,
    pub required: bool,
    pub ty: TypeExpr,
    pub docs: Docs,
    pub deprecated: bool,
    /// Arrays as repeated keys (`true`, the form-style default) or comma-joined (`false`).
    pub explode: bool,
    /// The serialization style as the spec gives it, or its location's default (`simple`
    /// in paths and headers, `form` in queries and cookies). The client writes `form` and
    /// `simple`; the style is kept so that `akgen diff` sees it change.
    pub style: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RequestBody {
    pub required: bool,
    pub content: Vec<Content>,
}

/// One media type of a body; `ty` is `None` when the spec gives no schema.
#[derive(Debug, Clone, PartialEq)]
pub struct Content {
    pub media_type: String,
    pub ty: Option<TypeExpr>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    Code(u16),
    /// `2XX` and the like: the first digit.
    Range(u8),
    Default,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    pub status: Status,
    /// The status's variant in the operation's response enum, client and server alike:
    /// the reason phrase for common codes (`Created`), else `Status418`, `Status2XX`,
    /// `Default`.
    pub variant: String,
    pub description: String,
    pub content: Vec<Content>,
    /// The headers the spec documents, in its order. No generated code reads them (the
    /// client hands the whole `http::HeaderMap` to whoever wants one); `akgen diff` does.
    pub headers: Vec<ResponseHeader>,
}

/// A response header the spec documents.
#[derive(Debug, Clone, PartialEq)]
pub struct ResponseHeader {
    /// As the spec writes it; HTTP compares header names without case.
    pub name: String,
    pub required: bool,
    pub deprecated: bool,
    /// The schema's type: a primitive, a list of them or a referenced schema, and
    /// [`ExprKind::Any`] for what would need a type of its own (an inline enum or object,
    /// `content`), which headers never get.
    pub ty: TypeExpr,
}

/// A scheme of `components/securitySchemes`: what a client must send to be let in.
/// Operations name schemes in [`Operation::security`].
#[derive(Debug, Clone, PartialEq)]
pub struct SecurityScheme {
    /// Its key in `components/securitySchemes`.
    pub name: String,
    /// The constant of the generated `security` module that describes it
    /// (`AUTHENTIK_DEVICE_AUTH`), unique among the schemes.
    pub const_name: String,
    pub pointer: String,
    pub kind: SchemeKind,
    pub description: Option<String>,
}

/// How a credential travels, by the scheme's `type`.
#[derive(Debug, Clone, PartialEq)]
pub enum SchemeKind {
    /// A key in a header, query parameter or cookie of this name.
    ApiKey {
        location: ParamLocation,
        name: String,
    },
    /// `Authorization: <scheme> <credentials>`, with the scheme lower-cased as HTTP
    /// compares it (`bearer`, `basic`, authentik's `bearer+agent`).
    Http {
        scheme: String,
        bearer_format: Option<String>,
    },
    /// OAuth 2, one entry per flow the spec lists.
    OAuth2 {
        flows: Vec<OAuthFlow>,
    },
    OpenIdConnect {
        url: String,
    },
    MutualTls,
    /// A `type` OpenAPI does not define, kept so that a change to it is seen.
    Other(String),
    /// Named by an operation's `security` but not defined (a warning at load): read as an
    /// HTTP bearer scheme, which is what such specs mean in practice. Its pointer is the
    /// first place that names it; the diff does not compare these.
    Undefined,
}

/// One OAuth 2 flow of a scheme.
#[derive(Debug, Clone, PartialEq)]
pub struct OAuthFlow {
    /// `implicit`, `password`, `clientCredentials` or `authorizationCode`.
    pub kind: String,
    pub authorization_url: Option<String>,
    pub token_url: Option<String>,
    pub refresh_url: Option<String>,
    /// The scopes it defines, sorted.
    pub scopes: Vec<String>,
}

/// One piece of a path template: text as it is, or a `{name}` parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathPart<'a> {
    Literal(&'a str),
    Param(&'a str),
}

/// The names of a path template's parameters, in order.
pub fn path_params(path: &str) -> Vec<&str> {
    path_parts(path).into_iter().filter_map(|p| if let PathPart::Param(name) = p { Some(name) } else { None }).collect()
}

/// Splits a path template (`/core/tokens/{identifier}/`) into its pieces; an unclosed `{`
/// and what follows it stay text. The IR checks templates, the client fills the parameters
/// in and the server routes by them, all reading templates the same way.
pub fn path_parts(path: &str) -> Vec<PathPart<'_>> {
    let mut parts = Vec::new();
    let mut rest = path;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else { break };
        if start > 0 {
            parts.push(PathPart::Literal(&rest[..start]));
        }
        parts.push(PathPart::Param(&rest[start + 1..start + len]));
        rest = &rest[start + len + 1..];
    }
    if !rest.is_empty() {
        parts.push(PathPart::Literal(rest));
    }
    parts
}
