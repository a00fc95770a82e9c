//! `$ref` resolution against `#/components/...`.
//!
//! Only local references are supported: authentik (and drf-spectacular specs generally)
//! never reference other files. A reference that leads nowhere is an error located at the
//! `$ref` itself, so the user sees which use is broken, not just which target is missing.

use super::doc::{Components, Document, Header, Parameter, RequestBody, Response, Schema};
use indexmap::IndexMap;

/// Why a `$ref` could not be followed.
#[derive(Debug, Clone, PartialEq)]
pub struct RefError {
    pub reference: String,
    pub message: String,
    /// A reference of a kind akgen does not follow (another file, a pointer into a schema),
    /// as opposed to one that is broken; `--lenient` can step over the former.
    pub unsupported: bool,
}

/// Follows `$ref`s within one document.
pub struct Resolver<'a> {
    api: &'a Document,
}

/// The component name a `#/components/schemas/NAME` reference points to.
pub fn schema_ref_name(reference: &str) -> Option<&str> {
    reference.strip_prefix("#/components/schemas/")
}

impl<'a> Resolver<'a> {
    pub fn new(api: &'a Document) -> Self {
        Resolver { api }
    }

    /// The schema a reference names, with its component name.
    /// A component that is only a reference is an alias: it is followed to a real schema.
    pub fn schema_ref(&self, reference: &str) -> Result<(&'a str, &'a Schema), RefError> {
        let name = component_name(reference, "schemas")?;
        let components = self.api.components.as_ref();
        let (key, mut item) =
            components.and_then(|c| c.schemas.get_key_value(name)).ok_or_else(|| missing(reference))?;
        for _ in 0..MAX_CHAIN {
            match &item.reference {
                Some(next) if is_alias(item) => {
                    let name = component_name(next, "schemas")?;
                    item = components.and_then(|c| c.schemas.get(name)).ok_or_else(|| missing(next))?;
                }
                _ => return Ok((key.as_str(), item)),
            }
        }
        Err(cycle(reference))
    }

    /// The schema any local schema reference names: a component (followed as
    /// [`Resolver::schema_ref`] does) or a schema in a component's `$defs`
    /// (`#/components/schemas/A/$defs/B`, OpenAPI 3.1).
    pub fn schema_at(&self, reference: &str) -> Result<&'a Schema, RefError> {
        let Some((component, defs)) =
            reference.strip_prefix("#/components/schemas/").and_then(|r| r.split_once("/$defs/"))
        else {
            return self.schema_ref(reference).map(|(_, s)| s);
        };
        let (_, mut schema) = self.schema_ref(&format!("#/components/schemas/{component}"))?;
        for name in defs.split("/$defs/") {
            let name = name.replace("~1", "/").replace("~0", "~");
            schema = schema.defs.get(&name).ok_or_else(|| missing(reference))?;
        }
        Ok(schema)
    }

    /// Whether a reference points into a component's `$defs`.
    pub fn is_defs_ref(reference: &str) -> bool {
        reference.strip_prefix("#/components/schemas/").is_some_and(|r| r.contains("/$defs/"))
    }

    pub fn parameter(&self, item: &'a Parameter) -> Result<&'a Parameter, RefError> {
        self.follow(item, |p| p.reference.as_deref(), "parameters", |c| &c.parameters)
    }

    pub fn response(&self, item: &'a Response) -> Result<&'a Response, RefError> {
        self.follow(item, |r| r.reference.as_deref(), "responses", |c| &c.responses)
    }

    pub fn header(&self, item: &'a Header) -> Result<&'a Header, RefError> {
        self.follow(item, |h| h.reference.as_deref(), "headers", |c| &c.headers)
    }

    pub fn request_body(&self, item: &'a RequestBody) -> Result<&'a RequestBody, RefError> {
        self.follow(item, |b| b.reference.as_deref(), "requestBodies", |c| &c.request_bodies)
    }

    fn follow<T>(
        &self,
        item: &'a T,
        reference_of: impl Fn(&T) -> Option<&str>,
        kind: &str,
        map: impl Fn(&'a Components) -> &'a IndexMap<String, T>,
    ) -> Result<&'a T, RefError> {
        let mut current = item;
        for _ in 0..MAX_CHAIN {
            match reference_of(current) {
                None => return Ok(current),
                Some(reference) => {
                    let name = component_name(reference, kind)?;
                    current = self
                        .api
                        .components
                        .as_ref()
                        .and_then(|c| map(c).get(name))
                        .ok_or_else(|| missing(reference))?;
                }
            }
        }
        Err(cycle(reference_of(item).unwrap_or_default()))
    }
}

/// A schema that is a `$ref` and nothing else that constrains: another name for its target.
fn is_alias(s: &Schema) -> bool {
    Schema { reference: None, title: None, description: None, deprecated: false, written_at: None, ..s.clone() }
        == Schema::default()
}

/// Chains of references are legal; a cycle of them is not, so walks are bounded.
const MAX_CHAIN: usize = 32;

fn cycle(reference: &str) -> RefError {
    RefError {
        reference: reference.to_owned(),
        message: format!("$ref `{reference}` starts a chain of $refs that never reaches a definition (a cycle)"),
        unsupported: false,
    }
}

fn component_name<'r>(reference: &'r str, kind: &str) -> Result<&'r str, RefError> {
    let prefix = format!("#/components/{kind}/");
    reference.strip_prefix(prefix.as_str()).ok_or_else(|| RefError {
        reference: reference.to_owned(),
        message: format!("unsupported $ref `{reference}`: only local references to `{prefix}...` are supported here"),
        unsupported: true,
    })
}

fn missing(reference: &str) -> RefError {
    RefError {
        reference: reference.to_owned(),
        message: format!("$ref `{reference}` points to nothing: no such component"),
        unsupported: false,
    }
}
