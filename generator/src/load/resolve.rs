//! `$ref` resolution against `#/components/...`.
//!
//! Only local references are supported: authentik (and drf-spectacular specs generally)
//! never reference other files. A reference that leads nowhere is an error located at the
//! `$ref` itself, so the user sees which use is broken, not just which target is missing.

use openapiv3::{OpenAPI, Parameter, ReferenceOr, RequestBody, Response, Schema};

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
    api: &'a OpenAPI,
}

/// The component name a `#/components/schemas/NAME` reference points to.
pub fn schema_ref_name(reference: &str) -> Option<&str> {
    reference.strip_prefix("#/components/schemas/")
}

impl<'a> Resolver<'a> {
    pub fn new(api: &'a OpenAPI) -> Self {
        Resolver { api }
    }

    /// The schema a reference names, with its component name.
    /// A component that is only a reference is an alias: it is followed to a real schema.
    pub fn schema_ref(&self, reference: &str) -> Result<(&'a str, &'a Schema), RefError> {
        let name = component_name(reference, "schemas")?;
        let components = self.api.components.as_ref();
        let (key, mut item) = components
            .and_then(|c| c.schemas.get_key_value(name))
            .ok_or_else(|| missing(reference))?;
        for _ in 0..MAX_CHAIN {
            match item {
                ReferenceOr::Item(schema) => return Ok((key.as_str(), schema)),
                ReferenceOr::Reference { reference: next } => {
                    let name = component_name(next, "schemas")?;
                    item = components.and_then(|c| c.schemas.get(name)).ok_or_else(|| missing(next))?;
                }
            }
        }
        Err(cycle(reference))
    }

    pub fn parameter(&self, item: &'a ReferenceOr<Parameter>) -> Result<&'a Parameter, RefError> {
        self.follow(item, "parameters", |c| &c.parameters)
    }

    pub fn response(&self, item: &'a ReferenceOr<Response>) -> Result<&'a Response, RefError> {
        self.follow(item, "responses", |c| &c.responses)
    }

    pub fn request_body(&self, item: &'a ReferenceOr<RequestBody>) -> Result<&'a RequestBody, RefError> {
        self.follow(item, "requestBodies", |c| &c.request_bodies)
    }

    fn follow<T>(
        &self,
        item: &'a ReferenceOr<T>,
        kind: &str,
        map: impl Fn(&'a openapiv3::Components) -> &'a indexmap::IndexMap<String, ReferenceOr<T>>,
    ) -> Result<&'a T, RefError> {
        let mut current = item;
        for _ in 0..MAX_CHAIN {
            match current {
                ReferenceOr::Item(t) => return Ok(t),
                ReferenceOr::Reference { reference } => {
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
        let start = if let ReferenceOr::Reference { reference } = item { reference.as_str() } else { "" };
        Err(cycle(start))
    }
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
