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
    pub fn schema_ref(&self, reference: &str) -> Result<(&'a str, &'a Schema), RefError> {
        let name = component_name(reference, "schemas")?;
        let components = self.api.components.as_ref();
        let (key, item) = components
            .and_then(|c| c.schemas.get_key_value(name))
            .ok_or_else(|| missing(reference))?;
        match item {
            ReferenceOr::Item(schema) => Ok((key.as_str(), schema)),
            ReferenceOr::Reference { reference: next } => {
                // A component that is only a reference: an alias; follow it to a real schema.
                self.schema_ref(next).map(|(_, s)| (key.as_str(), s))
            }
        }
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
        // Chains of references are legal; a cycle of them is not, so bound the walk.
        for _ in 0..32 {
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
        Err(RefError { reference: String::new(), message: "a cycle of $refs that never reaches a definition".into() })
    }
}

fn component_name<'r>(reference: &'r str, kind: &str) -> Result<&'r str, RefError> {
    let prefix = format!("#/components/{kind}/");
    reference.strip_prefix(prefix.as_str()).ok_or_else(|| RefError {
        reference: reference.to_owned(),
        message: format!("unsupported $ref `{reference}`: only local references to `{prefix}...` are supported here"),
    })
}

fn missing(reference: &str) -> RefError {
    RefError { reference: reference.to_owned(), message: format!("$ref `{reference}` points to nothing: no such component") }
}
