//! What an SDK maintainer changes in the IR without forking the spec (the config's
//! `[types]`, `[operations]`, `[formats]` and `[all-types]`): renames that keep the
//! generated API stable across spec versions, fixes to a property's nullability or
//! requiredness, existing Rust types in place of generated ones, and extra derives.
//!
//! Each entry keeps where it was written, so that one naming a schema, property or
//! operation the spec does not have is an error at its line, with the nearest name.

use super::{ExprKind, Operation, TypeDef, TypeExpr, TypeKind, names};
use crate::error::Diagnostic;
use std::collections::{BTreeMap, HashSet};

/// A value and where the config wrote it.
#[derive(Debug, Clone, PartialEq)]
pub struct Located<T> {
    pub value: T,
    /// File, pointer and line:column; its `message` is replaced when it is reported.
    pub origin: Diagnostic,
}

impl<T> Located<T> {
    /// The diagnostic for a problem with this entry.
    pub fn error(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic { message: message.into(), ..self.origin.clone() }
    }
}

/// Every customization, as the config states it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Customization {
    pub formats: Formats,
    /// Derives and attributes of every model type.
    pub all: Extras,
    pub types: Vec<TypeCustom>,
    pub operations: Vec<OperationCustom>,
}

/// The Rust type of each format that has a choice; `false` everywhere is akgen's default.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Formats {
    /// `date-time` as a validated `String` instead of `chrono::DateTime<Utc>`.
    pub date_time_as_string: bool,
    /// `date-time` as `time::OffsetDateTime` (in the models' RFC 3339 newtype).
    pub date_time_as_time: bool,
    /// `date` as a validated `String` instead of `chrono::NaiveDate`.
    pub date_as_string: bool,
    /// `uuid` as a validated `String` instead of `uuid::Uuid`.
    pub uuid_as_string: bool,
    /// `int64` as `u64` instead of `i64`.
    pub int64_unsigned: bool,
}

/// Derives and attributes, as Rust source the config has checked parses.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extras {
    pub derive: Vec<Located<String>>,
    pub attributes: Vec<Located<String>>,
}

/// One `[types.NAME]` table.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeCustom {
    /// The component schema's name in the spec.
    pub schema: Located<String>,
    pub rename: Option<Located<String>>,
    /// A Rust path to use instead of a generated type.
    pub replace: Option<Located<String>>,
    /// The traits the replacement has besides those akgen requires.
    pub traits: Vec<String>,
    pub extras: Extras,
    pub fields: Vec<FieldCustom>,
}

/// One `[types.NAME.fields.PROPERTY]` table.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldCustom {
    /// The property's name on the wire.
    pub property: Located<String>,
    pub rename: Option<Located<String>>,
    pub nullable: Option<bool>,
    pub required: Option<bool>,
}

/// One `[operations.ID]` table.
#[derive(Debug, Clone, PartialEq)]
pub struct OperationCustom {
    pub id: Located<String>,
    pub rename: Option<Located<String>>,
}

/// What akgen's own code needs of a type that replaces a generated one: the structs that
/// hold it derive `Debug`, `Clone`, `PartialEq` and are (de)serialized through it.
pub const REQUIRED_TRAITS: &[&str] = &["Debug", "Clone", "PartialEq", "Serialize", "Deserialize"];

/// A trait path's last segment (`schemars::JsonSchema` → `JsonSchema`): what two spellings
/// of one derive have in common.
pub fn trait_name(path: &str) -> &str {
    path.rsplit("::").next().unwrap_or(path).trim()
}

impl Customization {
    /// The Rust name the config gives a component schema, if it renames it.
    pub(super) fn type_rename(&self, schema: &str) -> Option<&Located<String>> {
        self.types.iter().find(|t| t.schema.value == schema).and_then(|t| t.rename.as_ref())
    }

    /// Entries naming a schema the spec does not have.
    pub(super) fn unknown_schemas<'a>(&self, schemas: impl Iterator<Item = &'a String> + Clone) -> Vec<Diagnostic> {
        self.types
            .iter()
            .filter(|t| !schemas.clone().any(|s| *s == t.schema.value))
            .map(|t| {
                let hint = nearest(&t.schema.value, schemas.clone().map(String::as_str));
                t.schema.error(format!("the spec has no component schema `{}`{hint}", t.schema.value))
            })
            .collect()
    }

    /// Applies the field fixes, replacements and derives to the built types (unsorted,
    /// before pruning: what a replaced type held is pruned with it when nothing else
    /// reaches it). Returns the problems found.
    pub(super) fn apply_to_types(&self, types: &mut [TypeDef]) -> Vec<Diagnostic> {
        let mut errors = Vec::new();
        for custom in &self.types {
            let Some(t) = types.iter_mut().find(|t| t.component.as_deref() == Some(custom.schema.value.as_str()))
            else {
                continue; // reported by `unknown_schemas`
            };
            t.extras.derive.extend(custom.extras.derive.iter().map(|d| d.value.clone()));
            t.extras.attributes.extend(custom.extras.attributes.iter().map(|a| a.value.clone()));
            if !custom.fields.is_empty() {
                errors.extend(apply_to_fields(t, custom));
            }
            if let Some(path) = &custom.replace {
                t.kind = TypeKind::Alias(TypeExpr::new(ExprKind::External(path.value.clone())));
            }
        }
        // A derive on a type holding a replacement needs the replacement to have the trait.
        let names: BTreeMap<String, &TypeCustom> = self
            .types
            .iter()
            .filter(|c| c.replace.is_some())
            .filter_map(|c| {
                let t = types.iter().find(|t| t.component.as_deref() == Some(c.schema.value.as_str()))?;
                Some((t.name.clone(), c))
            })
            .collect();
        for t in types.iter() {
            let derives = self.all.derive.iter().chain(
                self.types
                    .iter()
                    .filter(|c| t.component.as_deref() == Some(c.schema.value.as_str()))
                    .flat_map(|c| &c.extras.derive),
            );
            let derives: Vec<&Located<String>> = derives.collect();
            if derives.is_empty() || matches!(t.kind, TypeKind::Alias(_)) {
                continue;
            }
            let mut held = Vec::new();
            for e in t.exprs() {
                e.for_each_named(&mut |n| held.extend(names.get(n).map(|c| (n.to_owned(), *c))));
            }
            for (held_name, c) in held {
                for d in &derives {
                    let last = trait_name(&d.value);
                    if !c.traits.iter().any(|have| trait_name(have) == last) {
                        errors.push(d.error(format!(
                            "`{}` derives {last}, but its field type `{held_name}` is replaced by `{}`, whose `traits` \
                             do not list {last}",
                            t.name,
                            c.replace.as_ref().map_or("", |r| r.value.as_str())
                        )));
                    }
                }
            }
        }
        for t in types.iter_mut().filter(|t| !matches!(t.kind, TypeKind::Alias(_))) {
            t.extras.derive.extend(self.all.derive.iter().map(|d| d.value.clone()));
            t.extras.attributes.extend(self.all.attributes.iter().map(|a| a.value.clone()));
        }
        errors
    }

    /// Renames operations' methods; `None` entries named no operation.
    pub(super) fn apply_to_operations(&self, ops: &mut [Operation], all_ids: &HashSet<String>) -> Vec<Diagnostic> {
        let mut errors = Vec::new();
        for custom in &self.operations {
            let Some(op) = ops.iter_mut().find(|op| op.id == custom.id.value) else {
                if !all_ids.contains(&custom.id.value) {
                    let hint = nearest(&custom.id.value, all_ids.iter().map(String::as_str));
                    errors.push(custom.id.error(format!("the spec has no operation `{}`{hint}", custom.id.value)));
                }
                continue; // left out by the selection
            };
            if let Some(rename) = &custom.rename {
                op.name = rename.value.clone();
            }
        }
        // Two methods of one tag may not share a name.
        let mut seen: HashSet<(&str, &str)> = HashSet::new();
        for op in ops.iter() {
            if !seen.insert((&op.tag, &op.name))
                && let Some(c) = self.operations.iter().find(|c| {
                    c.rename.as_ref().is_some_and(|r| r.value == op.name)
                        && ops.iter().any(|o| o.id == c.id.value && o.tag == op.tag)
                })
            {
                let rename = c.rename.as_ref().expect("found by it");
                errors.push(rename.error(format!(
                    "the tag `{}` already has a method `{}`; an operation's name must be unique in its tag",
                    op.tag, op.name
                )));
            }
        }
        errors
    }
}

/// The property fixes of one type.
fn apply_to_fields(t: &mut TypeDef, custom: &TypeCustom) -> Vec<Diagnostic> {
    let TypeKind::Struct(s) = &mut t.kind else {
        return custom
            .fields
            .iter()
            .map(|f| f.property.error(format!("`{}` is not an object with properties", custom.schema.value)))
            .collect();
    };
    let mut errors = Vec::new();
    for fix in &custom.fields {
        let Some(field) = s.fields.iter_mut().find(|f| f.wire_name == fix.property.value) else {
            let wire: Vec<&str> = s.fields.iter().map(|f| f.wire_name.as_str()).collect();
            let hint = nearest(&fix.property.value, wire.iter().copied());
            errors.push(
                fix.property.error(format!("`{}` has no property `{}`{hint}", custom.schema.value, fix.property.value)),
            );
            continue;
        };
        if let Some(nullable) = fix.nullable {
            field.ty.nullable = nullable;
        }
        if let Some(required) = fix.required {
            field.required = required;
        }
        if let Some(rename) = &fix.rename {
            field.name = rename.value.clone();
        }
    }
    let mut names = HashSet::new();
    for f in &s.fields {
        if !names.insert(f.name.as_str())
            && let Some(fix) = custom.fields.iter().find(|c| c.rename.as_ref().is_some_and(|r| r.value == f.name))
        {
            errors.push(
                fix.rename
                    .as_ref()
                    .expect("found by it")
                    .error(format!("`{}` already has a field `{}`", custom.schema.value, f.name)),
            );
        }
    }
    errors
}

/// "; did you mean `x`?" for the nearest of `known`, when one is near enough.
pub(crate) fn nearest<'a>(unknown: &str, known: impl Iterator<Item = &'a str>) -> String {
    known
        .map(|k| (strsim::damerau_levenshtein(unknown, k), k))
        .min()
        .filter(|(distance, k)| *distance <= (k.len().max(unknown.len()) / 3).max(2))
        .map_or_else(String::new, |(_, k)| format!("; did you mean `{k}`?"))
}

/// Whether `name` can be a Rust type (`true`) or field/method (`false`) name as written.
pub fn valid_identifier(name: &str, type_name: bool) -> bool {
    let ok = syn::parse_str::<syn::Ident>(name).is_ok() && !name.starts_with("r#");
    let case = if type_name { names::camel(name) == name } else { names::snake(name) == name };
    ok && case
}
