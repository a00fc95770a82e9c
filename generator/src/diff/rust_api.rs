//! The Rust pass: the generated crate's public items before and after, compared by Rust's
//! semver rules. Items are read off the IR, where every name the emitters use is decided,
//! so this sees the crate as it will be written without rendering it.
//!
//! Each item has an identity that survives a rename (a schema's component name, a field's
//! wire name, an operation's method and path) and a signature (its Rust type, a method's
//! arguments). A type the new spec renamed but the config keeps under its old Rust name is
//! matched by that name, so it is not a change.

use super::Change;
use super::rules::rule;
use crate::ir::{Api, ExprKind, Field, Operation, Primitive, TypeDef, TypeExpr, TypeKind};
use std::collections::{BTreeMap, BTreeSet};

/// Appends the Rust API changes from `old` to `new`.
pub(super) fn compare(old: &Api, new: &Api, out: &mut Vec<Change>) {
    let (old_items, new_items) = (surface(old), surface(new));
    let old_items = rekey_absorbed_renames(old_items, &new_items);
    for (id, o) in &old_items {
        match new_items.get(id) {
            // Members of a removed type go with it: only the type is reported.
            None if o.parent.as_ref().is_some_and(|p| !new_items.contains_key(p)) => {}
            None => out.push(o.change(o.kind.removed(), format!("`{}`", o.path)).old()),
            Some(n) => {
                if o.name != n.name {
                    out.push(n.change(n.kind.renamed(), format!("`{}` -> `{}`", o.path, n.path)));
                }
                if o.non_exhaustive != n.non_exhaustive {
                    let id = if n.non_exhaustive {
                        "rust-type-became-non-exhaustive"
                    } else {
                        "rust-type-became-exhaustive"
                    };
                    out.push(n.change(id, format!("`{}`", n.path)));
                }
                if o.signature != n.signature {
                    let detail = format!("`{}`: `{}` -> `{}`", n.path, o.signature, n.signature);
                    let alias = |i: &Item| i.kind == Kind::Type && i.signature.starts_with("type = ");
                    let id = if alias(o) && alias(n) { "rust-alias-changed" } else { n.kind.changed() };
                    out.push(n.change(id, detail));
                }
            }
        }
    }
    for (id, n) in &new_items {
        if !old_items.contains_key(id) {
            // Members of a new type come with it: only the type is reported.
            if n.parent.as_ref().is_some_and(|p| !old_items.contains_key(p)) {
                continue;
            }
            // A member added to a type the config keeps `#[non_exhaustive]` breaks nobody.
            let sealed = n.parent.as_ref().and_then(|p| new_items.get(p)).is_some_and(|p| p.non_exhaustive);
            let id = match n.kind {
                Kind::Field if sealed => "rust-field-added-non-exhaustive",
                Kind::Variant if sealed => "rust-variant-added-non-exhaustive",
                kind => kind.added(),
            };
            out.push(n.change(id, format!("`{}`", n.path)));
        }
    }
}

/// What kind of public item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Type,
    Field,
    Variant,
    Method,
    Setter,
}

impl Kind {
    fn removed(self) -> &'static str {
        match self {
            Kind::Type => "rust-type-removed",
            Kind::Field => "rust-field-removed",
            Kind::Variant => "rust-variant-removed",
            Kind::Method => "rust-method-removed",
            Kind::Setter => "rust-setter-removed",
        }
    }
    fn added(self) -> &'static str {
        match self {
            Kind::Type => "rust-type-added",
            Kind::Field => "rust-field-added",
            Kind::Variant => "rust-variant-added",
            Kind::Method => "rust-method-added",
            Kind::Setter => "rust-setter-added",
        }
    }
    fn renamed(self) -> &'static str {
        match self {
            Kind::Type => "rust-type-renamed",
            Kind::Field => "rust-field-renamed",
            Kind::Variant => "rust-variant-renamed",
            Kind::Method => "rust-method-renamed",
            // A setter is named after its parameter's wire name, which is its identity.
            Kind::Setter => "rust-setter-removed",
        }
    }
    fn changed(self) -> &'static str {
        match self {
            Kind::Type => "rust-type-kind-changed",
            Kind::Field => "rust-field-type-changed",
            Kind::Variant => "rust-variant-type-changed",
            Kind::Method => "rust-method-signature-changed",
            Kind::Setter => "rust-setter-type-changed",
        }
    }
}

/// One public item of the generated crate.
#[derive(Debug, Clone)]
struct Item {
    kind: Kind,
    /// Its Rust path as a user writes it (`models::Token::expires`).
    path: String,
    /// Its own Rust name (the last part of the path), compared for renames.
    name: String,
    /// What must stay the same for code using it to compile: a type's kind, a field's
    /// type, a method's arguments.
    signature: String,
    /// The identity of the type or builder it belongs to.
    parent: Option<String>,
    /// Where the spec defines it.
    pointer: String,
    operation: Option<String>,
    schema: Option<String>,
    property: Option<String>,
    /// A type the config marks `#[non_exhaustive]` (each side has its own config, so this
    /// can change too).
    non_exhaustive: bool,
}

impl Item {
    fn change(&self, id: &str, detail: String) -> Change {
        let mut c = Change::new(rule(id), &self.pointer, detail);
        c.operation = self.operation.clone();
        c.schema = self.schema.clone();
        c.property = self.property.clone();
        c
    }
}

/// Identity → item, for every public item the IR gives rise to.
fn surface(api: &Api) -> BTreeMap<String, Item> {
    let mut items = BTreeMap::new();
    for t in &api.types {
        type_items(t, "models", &mut items);
    }
    for t in &api.params {
        type_items(t, "params", &mut items);
    }
    for tag in &api.tags {
        let path = format!("client::{}::{}", tag.module, tag.client_type);
        // A tag's API type is placed at its first operation.
        let first = api.operations.iter().find(|o| o.tag == tag.name).map(|o| o.pointer.clone());
        let item = Item {
            kind: Kind::Type,
            name: tag.client_type.clone(),
            signature: "struct".into(),
            parent: None,
            pointer: first.unwrap_or_else(|| "/paths".into()),
            operation: None,
            schema: None,
            property: None,
            non_exhaustive: false,
            path,
        };
        items.insert(format!("tag {}", tag.name), item);
    }
    error_body_items(api, &mut items);
    let tags: BTreeMap<&str, &crate::ir::Tag> = api.tags.iter().map(|t| (t.name.as_str(), t)).collect();
    for op in &api.operations {
        if let Some(tag) = tags.get(op.tag.as_str()) {
            operation_items(op, tag, &mut items);
        }
    }
    items
}

fn type_identity(t: &TypeDef) -> String {
    match &t.component {
        Some(c) => format!("schema {c}"),
        None => format!("type {}", t.name),
    }
}

fn type_items(t: &TypeDef, module: &str, items: &mut BTreeMap<String, Item>) {
    let id = type_identity(t);
    let base = Item {
        kind: Kind::Type,
        path: format!("{module}::{}", t.name),
        name: t.name.clone(),
        signature: String::new(),
        parent: None,
        pointer: t.pointer.clone(),
        operation: None,
        schema: Some(t.component.clone().unwrap_or_else(|| t.name.clone())),
        property: None,
        non_exhaustive: false,
    };
    let member = |kind, name: &str, signature: String, pointer: String, property: Option<&str>| Item {
        kind,
        path: format!("{}::{name}", base.path),
        name: name.to_owned(),
        signature,
        parent: Some(id.clone()),
        pointer,
        property: property.map(str::to_owned),
        ..base.clone()
    };
    let mut members = Vec::new();
    let signature = match &t.kind {
        TypeKind::Struct(s) => {
            for f in &s.fields {
                // A parameters struct's fields are the operation's parameters.
                let pointer = if module == "params" {
                    format!("{}/parameters", t.pointer)
                } else {
                    format!("{}/properties/{}", t.pointer, crate::error::escape_pointer_segment(&f.wire_name))
                };
                let item = member(Kind::Field, &f.name, field_type(f), pointer, Some(&f.wire_name));
                members.push((format!("{id}.{}", f.wire_name), item));
            }
            if let Some(extra) = &s.additional {
                let item = member(Kind::Field, "extra", format!("Map<{}>", rust_type(extra)), t.pointer.clone(), None);
                members.push((format!("{id}.*additional"), item));
            }
            "struct".to_owned()
        }
        TypeKind::Enum(e) => {
            for v in &e.variants {
                let item = member(Kind::Variant, &v.name, String::new(), format!("{}/enum", t.pointer), None);
                members.push((format!("{id}#{}", v.value), item));
            }
            let item = member(Kind::Variant, &e.other, "String".into(), format!("{}/enum", t.pointer), None);
            members.push((format!("{id}#*other"), item));
            "enum".to_owned()
        }
        TypeKind::Union(u) => {
            for v in &u.variants {
                let key = v.tags.first().cloned().unwrap_or_else(|| v.name.clone());
                let mut ty = rust_type(&v.ty);
                if v.boxed {
                    ty = format!("Box<{ty}>");
                }
                members.push((format!("{id}#{key}"), member(Kind::Variant, &v.name, ty, t.pointer.clone(), None)));
            }
            if let Some(other) = &u.other {
                let item = member(Kind::Variant, other, "Map".into(), t.pointer.clone(), None);
                members.push((format!("{id}#*other"), item));
            }
            "enum".to_owned()
        }
        TypeKind::Alias(a) => format!("type = {}", rust_type(a)),
    };
    let non_exhaustive = t.extras.non_exhaustive() && !matches!(t.kind, TypeKind::Alias(_));
    items.insert(id, Item { signature, non_exhaustive, ..base });
    items.extend(members);
}

fn operation_items(op: &Operation, tag: &crate::ir::Tag, items: &mut BTreeMap<String, Item>) {
    let id = format!("operation {} {}", op.method, op.path);
    let owner = format!("client::{}::{}", tag.module, tag.client_type);
    let item = |kind, path: String, name: &str, signature: String, pointer: String, parent: Option<String>| Item {
        kind,
        path,
        name: name.to_owned(),
        signature,
        parent,
        pointer,
        operation: Some(op.id.clone()),
        schema: None,
        property: None,
        non_exhaustive: false,
    };
    // Arguments: the required parameters in order, then the body of the media type the client
    // sends, whether or not the spec requires it (the client always takes it).
    let mut args: Vec<String> =
        op.parameters.iter().filter(|p| p.required).map(|p| format!("{}: {}", p.name, rust_type(&p.ty))).collect();
    if let Some(content) = crate::ir::http::request_content(op) {
        let ty = match &content.ty {
            _ if crate::ir::http::request_encoding(content) == crate::ir::http::RequestEncoding::Raw => {
                "impl Into<bytes::Bytes>".to_owned()
            }
            Some(t) => format!("&{}", rust_type(t)),
            None => "&serde_json::Value".to_owned(),
        };
        args.push(format!("body: {ty}"));
    }
    let method = item(
        Kind::Method,
        format!("{owner}::{}", op.name),
        &op.name,
        format!("({})", args.join(", ")),
        op.pointer.clone(),
        Some(format!("tag {}", tag.name)),
    );
    items.insert(id.clone(), method);
    // The builder the method returns, a public type of its own, and its setters, one per
    // optional parameter.
    let builder = format!("client::{}::{}", tag.module, op.builder);
    let builder_id = format!("{id} builder");
    items.insert(
        builder_id.clone(),
        item(Kind::Type, builder.clone(), &op.builder, "struct".into(), op.pointer.clone(), None),
    );
    for p in op.parameters.iter().filter(|p| !p.required) {
        let key = format!("{id} setter {:?} {}", p.location, p.wire_name);
        let pointer = format!("{}/parameters", op.pointer);
        let mut setter = item(
            Kind::Setter,
            format!("{builder}::{}", p.setter),
            &p.setter,
            rust_type(&p.ty),
            pointer,
            Some(builder_id.clone()),
        );
        setter.property = Some(p.wire_name.clone());
        items.insert(key, setter);
    }
    // What the call returns: the one success's body, or an enum of the successes (error
    // statuses go to `ErrorBody`, below).
    let successes: Vec<&crate::ir::Response> =
        op.responses.iter().filter(|r| crate::ir::http::is_success(r.status)).collect();
    let payload = |r: &crate::ir::Response| -> String {
        let types: BTreeSet<String> = r.content.iter().filter_map(|c| c.ty.as_ref()).map(rust_type).collect();
        if types.is_empty() { "()".to_owned() } else { types.into_iter().collect::<Vec<_>>().join(" | ") }
    };
    let output = match successes.as_slice() {
        [] => "()".to_owned(),
        [one] => payload(one),
        many => {
            let responses = format!("client::{}::{}", tag.module, op.response_enum);
            let responses_id = format!("{id} responses");
            let enum_item =
                item(Kind::Type, responses.clone(), &op.response_enum, "enum".into(), op.pointer.clone(), None);
            items.insert(responses_id.clone(), enum_item);
            for r in many {
                let key = format!("{id} response {}", super::wire::status_key(r.status));
                let pointer = format!("{}/responses/{}", op.pointer, super::wire::status_key(r.status));
                let variant = item(
                    Kind::Variant,
                    format!("{responses}::{}", r.variant),
                    &r.variant,
                    payload(r),
                    pointer,
                    Some(responses_id.clone()),
                );
                items.insert(key, variant);
            }
            op.response_enum.clone()
        }
    };
    if let Some(m) = items.get_mut(&id) {
        m.signature = format!("{} -> {output}", m.signature);
    }
}

/// `client::ErrorBody`: one variant per model an operation's error status returns, as the
/// client emitter decides them.
fn error_body_items(api: &Api, items: &mut BTreeMap<String, Item>) {
    use crate::ir::http::{BodyKind, body_kind, is_success};
    for op in &api.operations {
        for r in op.responses.iter().filter(|r| !is_success(r.status)) {
            if let BodyKind::Json(Some(TypeExpr { kind: ExprKind::Named(name), nullable: false, .. })) =
                body_kind(&r.content)
            {
                let pointer = format!("{}/responses/{}", op.pointer, super::wire::status_key(r.status));
                items.entry(format!("error body {name}")).or_insert_with(|| Item {
                    kind: Kind::Variant,
                    path: format!("client::ErrorBody::{name}"),
                    name: name.clone(),
                    signature: name.clone(),
                    parent: None,
                    pointer,
                    operation: None,
                    schema: Some(name.clone()),
                    property: None,
                    non_exhaustive: false,
                });
            }
        }
    }
}

/// The old side's items re-keyed where a schema the new spec renamed keeps its Rust name
/// through the config: matched by Rust name, the old identity takes the new one's.
fn rekey_absorbed_renames(old: BTreeMap<String, Item>, new: &BTreeMap<String, Item>) -> BTreeMap<String, Item> {
    let unmatched_new: BTreeMap<&str, &str> = new
        .iter()
        .filter(|(id, item)| item.kind == Kind::Type && item.parent.is_none() && !old.contains_key(*id))
        .map(|(id, item)| (item.path.as_str(), id.as_str()))
        .collect();
    let mut renamed: BTreeMap<String, String> = BTreeMap::new();
    for (id, item) in &old {
        if item.kind == Kind::Type
            && item.parent.is_none()
            && !new.contains_key(id)
            && let Some(new_id) = unmatched_new.get(item.path.as_str())
        {
            renamed.insert(id.clone(), (*new_id).to_owned());
        }
    }
    if renamed.is_empty() {
        return old;
    }
    old.into_iter()
        .map(|(id, mut item)| {
            let owner = item.parent.clone().unwrap_or_else(|| id.clone());
            match renamed.get(&owner) {
                Some(new_owner) => {
                    let id = format!("{new_owner}{}", &id[owner.len()..]);
                    if item.parent.is_some() {
                        item.parent = Some(new_owner.clone());
                    }
                    (id, item)
                }
                None => (id, item),
            }
        })
        .collect()
}

/// A field's Rust type as the models emitter writes it.
fn field_type(f: &Field) -> String {
    let mut ty = rust_type_inner(&f.ty);
    if f.boxed {
        ty = format!("Box<{ty}>");
    }
    match (f.required, f.ty.nullable) {
        (true, false) => ty,
        (true, true) | (false, false) => format!("Option<{ty}>"),
        (false, true) => format!("Nullable<{ty}>"),
    }
}

/// A type's Rust spelling, `Option` for a nullable one.
fn rust_type(t: &TypeExpr) -> String {
    let inner = rust_type_inner(t);
    if t.nullable { format!("Option<{inner}>") } else { inner }
}

fn rust_type_inner(t: &TypeExpr) -> String {
    match &t.kind {
        ExprKind::Named(n) => n.clone(),
        ExprKind::Primitive(p) => primitive(*p).to_owned(),
        ExprKind::List(i) => format!("Vec<{}>", rust_type(i)),
        ExprKind::Map(i) => format!("Map<String, {}>", rust_type(i)),
        ExprKind::Tuple(items) => format!("({})", items.iter().map(rust_type).collect::<Vec<_>>().join(", ")),
        ExprKind::Any => "Value".into(),
        ExprKind::External(path) => path.clone(),
    }
}

/// A primitive's Rust type, as the emitters spell it.
fn primitive(p: Primitive) -> &'static str {
    match p {
        Primitive::String => "String",
        Primitive::Bool => "bool",
        Primitive::Int32 => "i32",
        Primitive::Int64 => "i64",
        Primitive::Uint64 => "u64",
        Primitive::Float64 => "f64",
        Primitive::Uuid => "Uuid",
        Primitive::DateTime => "DateTime<Utc>",
        Primitive::TimeDateTime => "rfc3339::DateTime",
        Primitive::Date => "NaiveDate",
        Primitive::Binary => "Vec<u8>",
    }
}
