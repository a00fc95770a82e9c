//! akgen's own model of an OpenAPI document: what the IR reads, and nothing more.
//!
//! Why not the `openapiv3` crate: it classifies every schema into one kind at parse time
//! (string, object, oneOf, …), so a schema that JSON Schema reads without trouble (`type:
//! object` beside `allOf`, `minLength` on an array, a numeric `exclusiveMinimum`, a `$ref`
//! with siblings) either fails to deserialize or lands in a catch-all that has lost the
//! distinction. Here a [`Schema`] is the flat set of keywords it was written with, and the
//! IR decides what they mean, as JSON Schema validation does: each keyword applies to the
//! instance types it is defined for and is ignored for the others.
//!
//! The structs are tolerant where real specs are: every field has a default, unknown keys
//! (`x-…`, `example`, `xml`) are ignored, a `$ref` may stand beside other keys, and the
//! scalar keywords accept both the 3.0 and the 3.1 spelling (`exclusiveMinimum: true` and
//! `exclusiveMinimum: 5`, `type: string` and `type: [string, "null"]`).

use indexmap::IndexMap;
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use std::fmt;

/// A whole OpenAPI 3.0 document.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct Document {
    pub openapi: String,
    pub info: Info,
    pub servers: Vec<Server>,
    /// Path templates in spec order; `x-` extension keys are dropped when read.
    #[serde(deserialize_with = "without_extensions")]
    pub paths: IndexMap<String, PathItem>,
    pub components: Option<Components>,
    /// The document-wide security requirements, for operations that state none.
    pub security: Option<Vec<SecurityRequirement>>,
    /// OpenAPI 3.1: operations the API calls on its users' servers.
    pub webhooks: IndexMap<String, PathItem>,
    /// OpenAPI 3.1: the JSON Schema dialect of the document's schemas.
    #[serde(rename = "jsonSchemaDialect")]
    pub json_schema_dialect: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct Info {
    pub title: String,
    pub version: String,
    pub description: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct Server {
    pub url: String,
    pub variables: IndexMap<String, ServerVariable>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct ServerVariable {
    pub default: String,
}

/// Names of security schemes, each with its scopes; all must be satisfied.
pub type SecurityRequirement = IndexMap<String, Vec<String>>;

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct Components {
    pub schemas: IndexMap<String, Schema>,
    pub parameters: IndexMap<String, Parameter>,
    #[serde(rename = "requestBodies")]
    pub request_bodies: IndexMap<String, RequestBody>,
    pub responses: IndexMap<String, Response>,
    pub headers: IndexMap<String, Header>,
    /// Kept as written: the IR reads the fields of each scheme's `type`.
    #[serde(rename = "securitySchemes")]
    pub security_schemes: IndexMap<String, Value>,
}

/// The operations of one path template.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct PathItem {
    #[serde(rename = "$ref")]
    pub reference: Option<String>,
    pub parameters: Vec<Parameter>,
    pub get: Option<Operation>,
    pub put: Option<Operation>,
    pub post: Option<Operation>,
    pub delete: Option<Operation>,
    pub options: Option<Operation>,
    pub head: Option<Operation>,
    pub patch: Option<Operation>,
    pub trace: Option<Operation>,
}

impl PathItem {
    /// The operations with their lower-case methods, in the order the OpenAPI text lists
    /// the fields (get, put, post, delete, options, head, patch, trace).
    pub fn operations(&self) -> impl Iterator<Item = (Method, &Operation)> {
        [
            (Method::Get, &self.get),
            (Method::Put, &self.put),
            (Method::Post, &self.post),
            (Method::Delete, &self.delete),
            (Method::Options, &self.options),
            (Method::Head, &self.head),
            (Method::Patch, &self.patch),
            (Method::Trace, &self.trace),
        ]
        .into_iter()
        .filter_map(|(method, op)| op.as_ref().map(|op| (method, op)))
    }
}

/// The HTTP methods a path item can hold operations for: exactly these eight in OpenAPI 3.0
/// and 3.1, so every emitter matches them exhaustively.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Method {
    Get,
    Put,
    Post,
    Delete,
    Options,
    Head,
    Patch,
    Trace,
}

impl Method {
    /// Upper case, as HTTP writes it (`GET`).
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Put => "PUT",
            Method::Post => "POST",
            Method::Delete => "DELETE",
            Method::Options => "OPTIONS",
            Method::Head => "HEAD",
            Method::Patch => "PATCH",
            Method::Trace => "TRACE",
        }
    }

    /// Lower case, as the spec's path item keys write it (`get`).
    pub fn key(self) -> &'static str {
        match self {
            Method::Get => "get",
            Method::Put => "put",
            Method::Post => "post",
            Method::Delete => "delete",
            Method::Options => "options",
            Method::Head => "head",
            Method::Patch => "patch",
            Method::Trace => "trace",
        }
    }
}

impl std::fmt::Display for Method {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Operation {
    pub operation_id: Option<String>,
    pub tags: Vec<String>,
    pub summary: Option<String>,
    pub description: Option<String>,
    pub deprecated: bool,
    pub parameters: Vec<Parameter>,
    pub request_body: Option<RequestBody>,
    /// Status keys as written (`200`, `2XX`, `default`); `x-` keys are dropped when read.
    #[serde(deserialize_with = "without_extensions")]
    pub responses: IndexMap<String, Response>,
    pub security: Option<Vec<SecurityRequirement>>,
}

/// A parameter, or a `$ref` to one (then the other fields are empty).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct Parameter {
    #[serde(rename = "$ref")]
    pub reference: Option<String>,
    pub name: String,
    /// `path`, `query`, `header` or `cookie`.
    #[serde(rename = "in")]
    pub location: String,
    pub required: bool,
    pub description: Option<String>,
    pub deprecated: bool,
    pub style: Option<String>,
    pub explode: Option<bool>,
    pub schema: Option<Schema>,
    pub content: Option<IndexMap<String, MediaType>>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct RequestBody {
    #[serde(rename = "$ref")]
    pub reference: Option<String>,
    pub description: Option<String>,
    pub content: IndexMap<String, MediaType>,
    pub required: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct Response {
    #[serde(rename = "$ref")]
    pub reference: Option<String>,
    /// Required by OpenAPI; `null` (which some specs write) reads as empty.
    #[serde(deserialize_with = "string_or_null")]
    pub description: String,
    pub content: IndexMap<String, MediaType>,
    pub headers: IndexMap<String, Header>,
}

/// A response header, or a `$ref` to one: a parameter without `name` and `in`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct Header {
    #[serde(rename = "$ref")]
    pub reference: Option<String>,
    pub description: Option<String>,
    pub required: bool,
    pub deprecated: bool,
    pub schema: Option<Schema>,
    pub content: Option<IndexMap<String, MediaType>>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct MediaType {
    pub schema: Option<Schema>,
}

/// One schema, as the flat set of JSON Schema keywords it was written with.
///
/// Nothing here decides what the schema is (the IR does, keyword by keyword), so nothing a
/// JSON Schema validator accepts is refused by reading it. A boolean schema (`true`,
/// `false`, JSON Schema's "anything" and "nothing") reads as the empty schema and as
/// `not: {}`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Schema {
    pub reference: Option<String>,
    /// `type`, as one name or a list of them; `None` when absent.
    pub types: Option<Vec<String>>,
    /// OpenAPI 3.0's `nullable`.
    pub nullable: bool,
    pub format: Option<String>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub default: Option<Value>,
    pub deprecated: bool,
    pub read_only: bool,
    pub write_only: bool,
    pub enumeration: Option<Vec<Value>>,
    pub constant: Option<Value>,
    // Strings.
    pub pattern: Option<String>,
    pub min_length: Option<u64>,
    pub max_length: Option<u64>,
    // Numbers.
    pub minimum: Option<f64>,
    pub maximum: Option<f64>,
    pub exclusive_minimum: Option<Exclusive>,
    pub exclusive_maximum: Option<Exclusive>,
    pub multiple_of: Option<f64>,
    // Arrays.
    pub items: Option<Box<Schema>>,
    pub min_items: Option<u64>,
    pub max_items: Option<u64>,
    pub unique_items: bool,
    // Objects.
    pub properties: IndexMap<String, Schema>,
    pub required: Vec<String>,
    pub additional_properties: Option<Box<Schema>>,
    pub min_properties: Option<u64>,
    pub max_properties: Option<u64>,
    // Composition.
    pub all_of: Option<Vec<Schema>>,
    pub one_of: Option<Vec<Schema>>,
    pub any_of: Option<Vec<Schema>>,
    pub not: Option<Box<Schema>>,
    pub discriminator: Option<Discriminator>,
    /// `Some` for a boolean schema: `true` (anything) or `false` (nothing).
    pub boolean: Option<bool>,
    // JSON Schema 2020-12 (OpenAPI 3.1).
    /// `$defs`: schemas a `$ref` into this one can name.
    pub defs: IndexMap<String, Schema>,
    pub prefix_items: Option<Vec<Schema>>,
    pub contains: Option<Box<Schema>>,
    pub min_contains: Option<u64>,
    pub max_contains: Option<u64>,
    pub pattern_properties: IndexMap<String, Schema>,
    pub property_names: Option<Box<Schema>>,
    pub dependent_required: IndexMap<String, Vec<String>>,
    pub content_encoding: Option<String>,
    pub content_media_type: Option<String>,
    /// Keywords of 2020-12 that no Rust type expresses, by name, when present.
    pub unrepresentable: Vec<&'static str>,
    /// Where the schema is written, when the IR moved it (a property merged out of an
    /// `allOf` member): diagnostics then point at the text. Never read from the spec.
    pub written_at: Option<String>,
}

/// 2020-12 keywords akgen cannot represent: a schema using one is refused, or a JSON value
/// with `--lenient`.
pub const UNREPRESENTABLE: &[&str] = &[
    "$dynamicRef",
    "$recursiveRef",
    "if",
    "then",
    "else",
    "unevaluatedProperties",
    "unevaluatedItems",
    "dependentSchemas",
];

/// `exclusiveMinimum`/`exclusiveMaximum`: a flag on `minimum`/`maximum` (OpenAPI 3.0,
/// JSON Schema draft 4) or a limit of its own (3.1, draft 6 and later, and many 3.0 specs
/// written by tools that follow the newer drafts).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Exclusive {
    Flag(bool),
    Limit(f64),
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Discriminator {
    pub property_name: String,
    pub mapping: IndexMap<String, String>,
}

impl Schema {
    /// The schema no value satisfies (`false`, or `not: {}`).
    pub fn is_false(&self) -> bool {
        self.boolean == Some(false)
    }

    /// Which of the type-specific keyword groups the schema uses, for inferring a type
    /// the spec left out and for warning about keywords its stated type ignores.
    pub fn keyword_groups(&self) -> KeywordGroups {
        KeywordGroups {
            string: self.pattern.is_some() || self.min_length.is_some() || self.max_length.is_some(),
            number: self.minimum.is_some()
                || self.maximum.is_some()
                || self.exclusive_minimum.is_some_and(|e| matches!(e, Exclusive::Limit(_) | Exclusive::Flag(true)))
                || self.exclusive_maximum.is_some_and(|e| matches!(e, Exclusive::Limit(_) | Exclusive::Flag(true)))
                || self.multiple_of.is_some(),
            array: self.items.is_some()
                || self.min_items.is_some()
                || self.max_items.is_some()
                || self.unique_items
                || self.prefix_items.is_some()
                || self.contains.is_some()
                || self.min_contains.is_some()
                || self.max_contains.is_some(),
            object: !self.properties.is_empty()
                || !self.required.is_empty()
                || self.additional_properties.is_some()
                || !self.pattern_properties.is_empty()
                || self.property_names.is_some()
                || !self.dependent_required.is_empty()
                || self.min_properties.is_some()
                || self.max_properties.is_some(),
        }
    }

    /// Whether the schema composes others (`allOf`, `oneOf`, `anyOf`).
    pub fn composes(&self) -> bool {
        self.all_of.is_some() || self.one_of.is_some() || self.any_of.is_some()
    }
}

/// Keyword groups present in a schema, by the instance type they constrain.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KeywordGroups {
    pub string: bool,
    pub number: bool,
    pub array: bool,
    pub object: bool,
}

/// The keywords of a schema object, as serde reads them; [`Schema`] adds boolean schemas.
#[derive(Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct SchemaObject {
    #[serde(rename = "$ref")]
    reference: Option<String>,
    #[serde(rename = "type", deserialize_with = "types")]
    types: Option<Vec<String>>,
    nullable: bool,
    format: Option<String>,
    title: Option<String>,
    description: Option<String>,
    #[serde(deserialize_with = "present")]
    default: Option<Value>,
    deprecated: bool,
    read_only: bool,
    write_only: bool,
    #[serde(rename = "enum")]
    enumeration: Option<Vec<Value>>,
    #[serde(rename = "const", deserialize_with = "present")]
    constant: Option<Value>,
    pattern: Option<String>,
    #[serde(deserialize_with = "count")]
    min_length: Option<u64>,
    #[serde(deserialize_with = "count")]
    max_length: Option<u64>,
    minimum: Option<f64>,
    maximum: Option<f64>,
    exclusive_minimum: Option<Exclusive>,
    exclusive_maximum: Option<Exclusive>,
    multiple_of: Option<f64>,
    items: Option<Box<Schema>>,
    #[serde(deserialize_with = "count")]
    min_items: Option<u64>,
    #[serde(deserialize_with = "count")]
    max_items: Option<u64>,
    unique_items: bool,
    properties: IndexMap<String, Schema>,
    #[serde(deserialize_with = "required")]
    required: Vec<String>,
    additional_properties: Option<Box<Schema>>,
    #[serde(deserialize_with = "count")]
    min_properties: Option<u64>,
    #[serde(deserialize_with = "count")]
    max_properties: Option<u64>,
    all_of: Option<Vec<Schema>>,
    one_of: Option<Vec<Schema>>,
    any_of: Option<Vec<Schema>>,
    not: Option<Box<Schema>>,
    discriminator: Option<Discriminator>,
    #[serde(rename = "$defs")]
    defs: IndexMap<String, Schema>,
    prefix_items: Option<Vec<Schema>>,
    contains: Option<Box<Schema>>,
    #[serde(deserialize_with = "count")]
    min_contains: Option<u64>,
    #[serde(deserialize_with = "count")]
    max_contains: Option<u64>,
    pattern_properties: IndexMap<String, Schema>,
    property_names: Option<Box<Schema>>,
    dependent_required: IndexMap<String, Vec<String>>,
    content_encoding: Option<String>,
    content_media_type: Option<String>,
    #[serde(rename = "$dynamicRef")]
    dynamic_ref: Option<de::IgnoredAny>,
    #[serde(rename = "$recursiveRef")]
    recursive_ref: Option<de::IgnoredAny>,
    #[serde(rename = "if")]
    if_: Option<de::IgnoredAny>,
    then: Option<de::IgnoredAny>,
    #[serde(rename = "else")]
    else_: Option<de::IgnoredAny>,
    unevaluated_properties: Option<de::IgnoredAny>,
    unevaluated_items: Option<de::IgnoredAny>,
    dependent_schemas: Option<de::IgnoredAny>,
}

impl From<SchemaObject> for Schema {
    fn from(o: SchemaObject) -> Self {
        Schema {
            reference: o.reference,
            types: o.types,
            nullable: o.nullable,
            format: o.format,
            title: o.title,
            description: o.description,
            default: o.default,
            deprecated: o.deprecated,
            read_only: o.read_only,
            write_only: o.write_only,
            enumeration: o.enumeration,
            constant: o.constant,
            pattern: o.pattern,
            min_length: o.min_length,
            max_length: o.max_length,
            minimum: o.minimum,
            maximum: o.maximum,
            exclusive_minimum: o.exclusive_minimum,
            exclusive_maximum: o.exclusive_maximum,
            multiple_of: o.multiple_of,
            items: o.items,
            min_items: o.min_items,
            max_items: o.max_items,
            unique_items: o.unique_items,
            properties: o.properties,
            required: o.required,
            additional_properties: o.additional_properties,
            min_properties: o.min_properties,
            max_properties: o.max_properties,
            all_of: o.all_of,
            one_of: o.one_of,
            any_of: o.any_of,
            not: o.not,
            discriminator: o.discriminator,
            boolean: None,
            defs: o.defs,
            prefix_items: o.prefix_items,
            contains: o.contains,
            min_contains: o.min_contains,
            max_contains: o.max_contains,
            pattern_properties: o.pattern_properties,
            property_names: o.property_names,
            dependent_required: o.dependent_required,
            content_encoding: o.content_encoding,
            content_media_type: o.content_media_type,
            unrepresentable: [
                o.dynamic_ref.is_some(),
                o.recursive_ref.is_some(),
                o.if_.is_some(),
                o.then.is_some(),
                o.else_.is_some(),
                o.unevaluated_properties.is_some(),
                o.unevaluated_items.is_some(),
                o.dependent_schemas.is_some(),
            ]
            .into_iter()
            .zip(UNREPRESENTABLE)
            .filter_map(|(present, keyword)| present.then_some(*keyword))
            .collect(),
            written_at: None,
        }
    }
}

impl<'de> Deserialize<'de> for Schema {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SchemaVisitor;
        impl<'de> Visitor<'de> for SchemaVisitor {
            type Value = Schema;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a schema (a mapping, or `true` or `false`)")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Schema, E> {
                let not = (!v).then(|| Box::new(Schema::default()));
                Ok(Schema { boolean: Some(v), not, ..Schema::default() })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Schema, A::Error> {
                SchemaObject::deserialize(de::value::MapAccessDeserializer::new(map)).map(Schema::from)
            }
        }
        deserializer.deserialize_any(SchemaVisitor)
    }
}

impl<'de> Deserialize<'de> for Exclusive {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ExclusiveVisitor;
        impl Visitor<'_> for ExclusiveVisitor {
            type Value = Exclusive;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a boolean (OpenAPI 3.0) or a number (JSON Schema draft 6 and later)")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Exclusive, E> {
                Ok(Exclusive::Flag(v))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Exclusive, E> {
                Ok(Exclusive::Limit(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Exclusive, E> {
                Ok(Exclusive::Limit(v as f64))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Exclusive, E> {
                Ok(Exclusive::Limit(v as f64))
            }
        }
        deserializer.deserialize_any(ExclusiveVisitor)
    }
}

/// `type`: one name, or (JSON Schema, OpenAPI 3.1) a list of them.
fn types<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Vec<String>>, D::Error> {
    struct TypesVisitor;
    impl<'de> Visitor<'de> for TypesVisitor {
        type Value = Option<Vec<String>>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a type name or a list of type names")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Some(vec![v.to_owned()]))
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(name) = seq.next_element::<String>()? {
                out.push(name);
            }
            Ok(Some(out))
        }
    }
    deserializer.deserialize_any(TypesVisitor)
}

/// `required`: a list of property names. Specs also write one name alone (`required:
/// labels`), and Swagger 2's `required: true` on a property, which says nothing about the
/// object's properties; both are read for what they mean.
fn required<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    struct RequiredVisitor;
    impl<'de> Visitor<'de> for RequiredVisitor {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a list of property names")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(name) = seq.next_element::<String>()? {
                out.push(name);
            }
            Ok(out)
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(vec![v.to_owned()])
        }
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
    }
    deserializer.deserialize_any(RequiredVisitor)
}

/// A string field that a spec may leave `null`.
fn string_or_null<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    Option::<String>::deserialize(deserializer).map(Option::unwrap_or_default)
}

/// A value that may be `null` and still be present (`default: null`, `const: null`).
fn present<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Value>, D::Error> {
    Value::deserialize(deserializer).map(Some)
}

/// A count (`minLength`, `maxItems`, …): a non-negative integer, also when written as a
/// float with no fraction (`1.0`), as JSON Schema allows.
fn count<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<u64>, D::Error> {
    struct CountVisitor;
    impl Visitor<'_> for CountVisitor {
        type Value = Option<u64>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a non-negative integer")
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(v))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            u64::try_from(v).map(Some).map_err(|_| E::invalid_value(de::Unexpected::Signed(v), &self))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
            if v >= 0.0 && v.fract() == 0.0 && v < u64::MAX as f64 {
                Ok(Some(v as u64))
            } else {
                Err(E::invalid_value(de::Unexpected::Float(v), &self))
            }
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
    }
    deserializer.deserialize_any(CountVisitor)
}

/// A mapping whose `x-` keys are extensions, not entries (`paths`, `responses`).
fn without_extensions<'de, D, T>(deserializer: D) -> Result<IndexMap<String, T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct EntriesVisitor<T>(std::marker::PhantomData<T>);
    impl<'de, T: Deserialize<'de>> Visitor<'de> for EntriesVisitor<T> {
        type Value = IndexMap<String, T>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a mapping")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = IndexMap::new();
            while let Some(key) = map.next_key::<String>()? {
                if key.starts_with("x-") {
                    map.next_value::<de::IgnoredAny>()?;
                } else {
                    let value = map.next_value()?;
                    out.insert(key, value);
                }
            }
            Ok(out)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(IndexMap::new())
        }
    }
    deserializer.deserialize_any(EntriesVisitor(std::marker::PhantomData))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn schema(v: Value) -> Schema {
        serde_json::from_value(v).unwrap()
    }

    #[test]
    fn schemas_keep_every_keyword_they_were_written_with() {
        let s = schema(
            json!({"type": "object", "allOf": [{"$ref": "#/components/schemas/A"}], "minLength": 2, "exclusiveMinimum": 3}),
        );
        assert_eq!(s.types.as_deref(), Some(&["object".to_owned()][..]));
        assert_eq!(s.all_of.as_ref().unwrap()[0].reference.as_deref(), Some("#/components/schemas/A"));
        assert_eq!((s.min_length, s.exclusive_minimum), (Some(2), Some(Exclusive::Limit(3.0))));
        let s = schema(json!({"type": ["string", "null"], "exclusiveMaximum": true, "maxItems": 2.0, "default": null}));
        assert_eq!(s.types.unwrap(), ["string", "null"]);
        assert_eq!(
            (s.exclusive_maximum, s.max_items, s.default),
            (Some(Exclusive::Flag(true)), Some(2), Some(Value::Null))
        );
    }

    #[test]
    fn boolean_schemas_are_anything_and_nothing() {
        let (yes, no) = (schema(json!(true)), schema(json!(false)));
        assert!(!yes.is_false() && yes.not.is_none());
        assert!(no.is_false() && no.not.is_some());
        let s = schema(json!({"additionalProperties": false}));
        assert!(s.additional_properties.unwrap().is_false());
    }

    #[test]
    fn extension_keys_are_not_paths_or_statuses() {
        let op: Operation =
            serde_json::from_value(json!({"responses": {"200": {"description": "ok"}, "x-extra": 1}})).unwrap();
        assert_eq!(op.responses.keys().collect::<Vec<_>>(), ["200"]);
    }

    #[test]
    fn required_is_read_for_what_specs_mean() {
        assert_eq!(schema(json!({"required": "labels"})).required, ["labels"]);
        assert!(schema(json!({"type": "string", "required": true})).required.is_empty());
        assert!(serde_json::from_value::<Schema>(json!({"required": [1]})).is_err());
    }

    #[test]
    fn bad_keyword_types_are_errors() {
        assert!(serde_json::from_value::<Schema>(json!({"minLength": -1})).is_err());
        assert!(serde_json::from_value::<Schema>(json!({"type": 5})).is_err());
        assert!(serde_json::from_value::<Schema>(json!("string")).is_err());
    }
}
