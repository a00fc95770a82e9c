//! `akgen diff`: what changed between two versions of a spec, and whether it breaks callers.
//!
//! Works on two IRs, so it sees the spec the way the generated crate does (resolved refs,
//! flattened `allOf`, Rust names). Direction matters: a constraint tightened on a type the
//! client sends breaks requests that used to pass; a property that becomes optional in a
//! type the server returns breaks code that relied on it. A type's direction is found by
//! walking from the operations' request bodies and responses.

use crate::error::escape_pointer_segment as esc;
use crate::ir::{Api, Constraints, ExprKind, Operation, TypeDef, TypeExpr, TypeKind};
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};

/// One difference between two specs.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Change {
    /// Stable kebab-case kind (`operation-removed`, `property-removed`, ...).
    pub kind: &'static str,
    /// Whether code written against the old version can break against the new one.
    pub breaking: bool,
    /// JSON pointer into the new spec (into the old one for removals).
    pub location: String,
    pub operation: Option<String>,
    pub schema: Option<String>,
    pub property: Option<String>,
    /// A short human explanation (`maxLength 150 -> 100`).
    pub detail: String,
}

impl Change {
    fn new(kind: &'static str, breaking: bool, location: impl Into<String>, detail: impl Into<String>) -> Self {
        Change {
            kind,
            breaking,
            location: location.into(),
            operation: None,
            schema: None,
            property: None,
            detail: detail.into(),
        }
    }
    fn op(mut self, id: &str) -> Self {
        self.operation = Some(id.to_owned());
        self
    }
    fn schema(mut self, name: &str) -> Self {
        self.schema = Some(name.to_owned());
        self
    }
    fn property(mut self, name: &str) -> Self {
        self.property = Some(name.to_owned());
        self
    }

    /// The change as JSON, with `operation`, `schema` and `property` only where they apply.
    pub fn to_json(&self) -> Value {
        let mut v =
            json!({"kind": self.kind, "breaking": self.breaking, "location": self.location, "detail": self.detail});
        for (key, value) in [("operation", &self.operation), ("schema", &self.schema), ("property", &self.property)] {
            if let Some(value) = value {
                v[key] = json!(value);
            }
        }
        v
    }
}

/// All changes from `old` to `new`, sorted (breaking first, then by kind and location).
pub fn diff(old: &Api, new: &Api) -> Vec<Change> {
    let mut changes = Vec::new();
    let types = Types::new(old, new);
    operations(old, new, &types, &mut changes);
    schemas(old, new, &types, &mut changes);
    changes.sort_by(|a, b| {
        (!a.breaking, a.kind, &a.location, &a.property).cmp(&(!b.breaking, b.kind, &b.location, &b.property))
    });
    changes.dedup();
    changes
}

/// `{"changes": [...]}`.
pub fn to_json(changes: &[Change]) -> Value {
    json!({"changes": changes.iter().map(Change::to_json).collect::<Vec<_>>()})
}

/// One line per change.
pub fn to_text(changes: &[Change]) -> String {
    let mut out = String::new();
    for c in changes {
        let what =
            [&c.operation, &c.schema, &c.property].iter().filter_map(|s| s.as_deref()).collect::<Vec<_>>().join(".");
        out.push_str(&format!(
            "{} {} {} {}{}\n",
            if c.breaking { "BREAKING" } else { "ok      " },
            c.kind,
            what,
            c.location,
            if c.detail.is_empty() { String::new() } else { format!(": {}", c.detail) }
        ));
    }
    let breaking = changes.iter().filter(|c| c.breaking).count();
    out.push_str(&format!("{} changes, {breaking} breaking\n", changes.len()));
    out
}

fn operations(old: &Api, new: &Api, types: &Types, out: &mut Vec<Change>) {
    let by_id = |api: &Api| -> BTreeMap<String, usize> {
        api.operations.iter().enumerate().map(|(i, o)| (o.id.clone(), i)).collect()
    };
    let by_route = |api: &Api| -> BTreeMap<(crate::ir::Method, String), usize> {
        api.operations.iter().enumerate().map(|(i, o)| ((o.method, o.path.clone()), i)).collect()
    };
    let (old_ids, new_ids) = (by_id(old), by_id(new));
    let new_routes = by_route(new);
    let old_routes = by_route(old);
    for (id, &i) in &old_ids {
        let o = &old.operations[i];
        match new_ids.get(id) {
            Some(&j) => operation(o, &new.operations[j], types, out),
            None => match new_routes.get(&(o.method, o.path.clone())) {
                Some(&j) => {
                    let n = &new.operations[j];
                    out.push(
                        Change::new(
                            "operation-id-changed",
                            true,
                            &n.pointer,
                            format!("{id} -> {} (the Rust method is renamed)", n.id),
                        )
                        .op(id),
                    );
                    operation(o, n, types, out);
                }
                None => out.push(
                    Change::new("operation-removed", true, &o.pointer, format!("{} {}", o.method, o.path)).op(id),
                ),
            },
        }
    }
    for (id, &j) in &new_ids {
        let n = &new.operations[j];
        if !old_ids.contains_key(id) && !old_routes.contains_key(&(n.method, n.path.clone())) {
            out.push(Change::new("operation-added", false, &n.pointer, format!("{} {}", n.method, n.path)).op(id));
        }
    }
}

fn operation(o: &Operation, n: &Operation, types: &Types, out: &mut Vec<Change>) {
    let id = n.id.as_str();
    if o.security != n.security {
        // Breaking when a way of calling that used to be accepted no longer is.
        let breaking =
            o.security.iter().any(|r| !n.security.contains(r)) || (o.security.is_empty() && !n.security.is_empty());
        out.push(
            Change::new("security-changed", breaking, &n.pointer, format!("{:?} -> {:?}", o.security, n.security))
                .op(id),
        );
    }
    let key = |p: &crate::ir::Parameter| (p.location, p.wire_name.clone());
    let old_params: BTreeMap<_, _> = o.parameters.iter().map(|p| (key(p), p)).collect();
    let new_params: BTreeMap<_, _> = n.parameters.iter().map(|p| (key(p), p)).collect();
    let at = format!("{}/parameters", n.pointer);
    for (k, p) in &old_params {
        match new_params.get(k) {
            None => out.push(
                Change::new(
                    "parameter-removed",
                    true,
                    format!("{}/parameters", o.pointer),
                    format!("{:?} {}", p.location, p.wire_name),
                )
                .op(id)
                .property(&p.wire_name),
            ),
            Some(q) => {
                if !p.required && q.required {
                    out.push(
                        Change::new(
                            "parameter-became-required",
                            true,
                            &at,
                            format!("{:?} {}", q.location, q.wire_name),
                        )
                        .op(id)
                        .property(&q.wire_name),
                    );
                }
                let kind = match compare_types(&p.ty, &q.ty, types) {
                    TypeChange::Same => None,
                    TypeChange::RustOnly => Some("rust-type-changed"),
                    TypeChange::Wire => Some("parameter-type-changed"),
                };
                if let Some(kind) = kind {
                    out.push(
                        Change::new(kind, true, &at, format!("{} -> {}", show(&p.ty), show(&q.ty)))
                            .op(id)
                            .property(&q.wire_name),
                    );
                }
                constraints(&p.ty.constraints, &q.ty.constraints, true, &at, out, |c| c.op(id).property(&q.wire_name));
            }
        }
    }
    for (k, q) in &new_params {
        if !old_params.contains_key(k) {
            let kind = if q.required { "parameter-added-required" } else { "parameter-added" };
            out.push(
                Change::new(kind, q.required, &at, format!("{:?} {}", q.location, q.wire_name))
                    .op(id)
                    .property(&q.wire_name),
            );
        }
    }
}

/// Names of the types reachable from request bodies and parameters, and from responses.
fn directions(api: &Api) -> (BTreeSet<String>, BTreeSet<String>) {
    let mut request = BTreeSet::new();
    let mut response = BTreeSet::new();
    for op in &api.operations {
        for c in op.body.iter().flat_map(|b| &b.content) {
            if let Some(ty) = &c.ty {
                reach(ty, api, &mut request);
            }
        }
        for p in &op.parameters {
            reach(&p.ty, api, &mut request);
        }
        for c in op.responses.iter().flat_map(|r| &r.content) {
            if let Some(ty) = &c.ty {
                reach(ty, api, &mut response);
            }
        }
    }
    (request, response)
}

fn reach(ty: &TypeExpr, api: &Api, seen: &mut BTreeSet<String>) {
    ty.for_each_named(&mut |name| {
        if seen.insert(name.to_owned())
            && let Some(t) = api.type_named(name)
        {
            t.exprs().into_iter().for_each(|e| reach(e, api, seen));
        }
    });
}

fn schemas(old: &Api, new: &Api, types: &Types, out: &mut Vec<Change>) {
    let components = |api: &Api| -> BTreeMap<String, usize> {
        api.types.iter().enumerate().filter_map(|(i, t)| t.component.clone().map(|c| (c, i))).collect()
    };
    let (old_c, new_c) = (components(old), components(new));
    let (new_req, new_resp) = directions(new);
    let (old_req, old_resp) = directions(old);
    // A schema the new spec renamed, whose Rust name the new side's config keeps (`[types.NEW]
    // rename = "Old"`): the generated API does not change, so it is compared as one schema.
    let new_by_rust: BTreeMap<&str, &str> = new_c
        .keys()
        .filter(|c| !old_c.contains_key(*c))
        .map(|c| (new.types[new_c[c]].name.as_str(), c.as_str()))
        .collect();
    let mut absorbed = BTreeSet::new();
    for (name, &i) in &old_c {
        let o = &old.types[i];
        let Some(&j) = new_c.get(name) else {
            if let Some(&renamed) = new_by_rust.get(o.name.as_str()) {
                let n = &new.types[new_c[renamed]];
                let detail = format!(
                    "{name} -> {renamed}; absorbed by the config's rename: the Rust type is still `{}`",
                    o.name
                );
                out.push(Change::new("schema-renamed", false, &n.pointer, detail).schema(renamed));
                absorbed.insert(renamed);
                let request = new_req.contains(&n.name) || old_req.contains(&o.name);
                let response = new_resp.contains(&n.name) || old_resp.contains(&o.name);
                schema(renamed, o, n, request, response, types, out);
                continue;
            }
            out.push(Change::new("schema-removed", true, &o.pointer, "").schema(name));
            continue;
        };
        let n = &new.types[j];
        if o.name != n.name {
            out.push(
                Change::new("rust-type-renamed", true, &n.pointer, format!("{} -> {}", o.name, n.name)).schema(name),
            );
        }
        let request = new_req.contains(&n.name) || old_req.contains(&o.name);
        let response = new_resp.contains(&n.name) || old_resp.contains(&o.name);
        schema(name, o, n, request, response, types, out);
    }
    for (name, &j) in &new_c {
        if !old_c.contains_key(name) && !absorbed.contains(name.as_str()) {
            out.push(Change::new("schema-added", false, &new.types[j].pointer, "").schema(name));
        }
    }
}

fn schema(name: &str, o: &TypeDef, n: &TypeDef, request: bool, response: bool, types: &Types, out: &mut Vec<Change>) {
    match (&o.kind, &n.kind) {
        (TypeKind::Struct(os), TypeKind::Struct(ns)) => {
            let old_fields: BTreeMap<&str, _> = os.fields.iter().map(|f| (f.wire_name.as_str(), f)).collect();
            let new_fields: BTreeMap<&str, _> = ns.fields.iter().map(|f| (f.wire_name.as_str(), f)).collect();
            for (wire, f) in &old_fields {
                let at = format!("{}/properties/{}", n.pointer, esc(wire));
                let Some(g) = new_fields.get(wire) else {
                    let at = format!("{}/properties/{}", o.pointer, esc(wire));
                    let kind = if response { "response-property-removed" } else { "property-removed" };
                    out.push(Change::new(kind, true, &at, "").schema(name).property(wire));
                    continue;
                };
                let tag = |c: Change| c.schema(name).property(wire);
                if f.required && !g.required {
                    if response {
                        out.push(tag(Change::new("response-property-became-optional", true, &at, "")));
                    }
                    out.push(tag(Change::new(
                        "rust-field-became-optional",
                        true,
                        &at,
                        format!("`{}` is now an Option", g.name),
                    )));
                }
                if !f.required && g.required && request {
                    out.push(tag(Change::new("request-property-became-required", true, &at, "")));
                }
                if !f.ty.nullable && g.ty.nullable && response {
                    out.push(tag(Change::new("response-property-became-nullable", true, &at, "")));
                }
                let kind = match (compare_types(&f.ty, &g.ty, types), request, response) {
                    (TypeChange::Same, ..) => None,
                    (TypeChange::RustOnly, ..) => Some("rust-type-changed"),
                    (TypeChange::Wire, true, false) => Some("request-property-type-changed"),
                    (TypeChange::Wire, false, true) => Some("response-property-type-changed"),
                    (TypeChange::Wire, ..) => Some("property-type-changed"),
                };
                if let Some(kind) = kind {
                    out.push(tag(Change::new(kind, true, &at, format!("{} -> {}", show(&f.ty), show(&g.ty)))));
                }
                if f.name != g.name {
                    out.push(tag(Change::new("rust-field-renamed", true, &at, format!("{} -> {}", f.name, g.name))));
                }
                constraints(&f.ty.constraints, &g.ty.constraints, request, &at, out, tag);
            }
            for (wire, g) in &new_fields {
                if !old_fields.contains_key(wire) {
                    let at = format!("{}/properties/{}", n.pointer, esc(wire));
                    // A new required property breaks requests that do not send it.
                    out.push(Change::new("property-added", g.required && request, &at, "").schema(name).property(wire));
                }
            }
        }
        (TypeKind::Enum(oe), TypeKind::Enum(ne)) => {
            let values = |e: &crate::ir::EnumDef| -> BTreeSet<String> {
                e.variants.iter().map(|v| v.value.to_string()).collect()
            };
            let (ov, nv) = (values(oe), values(ne));
            for v in ov.difference(&nv) {
                // A client may still send it; a response no longer contains it.
                out.push(
                    Change::new("enum-value-removed", request || !response, format!("{}/enum", n.pointer), v.clone())
                        .schema(name),
                );
            }
            for v in nv.difference(&ov) {
                // A response may now carry a value old code has no case for.
                out.push(
                    Change::new("enum-value-added", response, format!("{}/enum", n.pointer), v.clone()).schema(name),
                );
            }
        }
        (TypeKind::Alias(a), TypeKind::Alias(b)) => {
            let kind = match compare_types(a, b, types) {
                TypeChange::Same => None,
                TypeChange::RustOnly => Some("rust-type-changed"),
                TypeChange::Wire => Some("schema-type-changed"),
            };
            if let Some(kind) = kind {
                out.push(Change::new(kind, true, &n.pointer, format!("{} -> {}", show(a), show(b))).schema(name));
            }
            constraints(&a.constraints, &b.constraints, request, &n.pointer, out, |c| c.schema(name));
        }
        (TypeKind::Union(_), TypeKind::Union(_)) => {}
        _ => out.push(Change::new("schema-type-changed", true, &n.pointer, "the kind of type changed").schema(name)),
    }
}

/// The two versions, whose types (by Rust name) tell wire changes from Rust-only ones.
struct Types<'a> {
    old: &'a Api,
    new: &'a Api,
}

impl<'a> Types<'a> {
    fn new(old: &'a Api, new: &'a Api) -> Self {
        Types { old, new }
    }
}

/// How two uses of a type differ.
#[derive(PartialEq)]
enum TypeChange {
    Same,
    /// Same JSON on the wire, another Rust type (an inline enum that became a component).
    RustOnly,
    Wire,
}

fn compare_types(a: &TypeExpr, b: &TypeExpr, types: &Types) -> TypeChange {
    if a.kind == b.kind {
        return TypeChange::Same;
    }
    if wire_shape(a, types.old, 0) == wire_shape(b, types.new, 0) { TypeChange::RustOnly } else { TypeChange::Wire }
}

/// What a type looks like in JSON, ignoring Rust names.
fn wire_shape(t: &TypeExpr, types: &Api, depth: usize) -> String {
    match &t.kind {
        ExprKind::Named(n) if depth < 4 => match types.type_named(n).map(|d| &d.kind) {
            Some(TypeKind::Enum(_)) => "enum".into(),
            Some(TypeKind::Alias(a)) => wire_shape(a, types, depth + 1),
            Some(TypeKind::Struct(_)) => format!("object {n}"),
            Some(TypeKind::Union(_)) => format!("union {n}"),
            None => n.clone(),
        },
        ExprKind::Named(n) => n.clone(),
        ExprKind::Primitive(p) => format!("{p:?}"),
        ExprKind::List(i) => format!("[{}]", wire_shape(i, types, depth)),
        ExprKind::Map(i) => format!("{{{}}}", wire_shape(i, types, depth)),
        ExprKind::Tuple(items) => {
            format!("({})", items.iter().map(|i| wire_shape(i, types, depth)).collect::<Vec<_>>().join(", "))
        }
        ExprKind::Any => "any".into(),
        ExprKind::External(path) => path.clone(),
    }
}

fn show(t: &TypeExpr) -> String {
    match &t.kind {
        ExprKind::Named(n) => n.clone(),
        ExprKind::Primitive(p) => format!("{p:?}"),
        ExprKind::List(i) => format!("[{}]", show(i)),
        ExprKind::Map(i) => format!("{{string: {}}}", show(i)),
        ExprKind::Tuple(items) => format!("({})", items.iter().map(show).collect::<Vec<_>>().join(", ")),
        ExprKind::Any => "any".into(),
        ExprKind::External(path) => path.clone(),
    }
}

/// Compares the constraints at one place; tightening breaks senders (`request`).
fn constraints(
    o: &Constraints,
    n: &Constraints,
    request: bool,
    at: &str,
    out: &mut Vec<Change>,
    tag: impl Fn(Change) -> Change,
) {
    let mut push = |tightened: bool, what: String| {
        let kind = if tightened { "constraint-tightened" } else { "constraint-loosened" };
        out.push(tag(Change::new(kind, tightened && request, at, what)));
    };
    // For lower limits a bigger value is tighter; for upper limits a smaller one.
    let lower = |name: &str, a: Option<f64>, b: Option<f64>, push: &mut dyn FnMut(bool, String)| match (a, b) {
        (a, b) if a == b => {}
        (None, Some(b)) => push(true, format!("{name} added: {b}")),
        (Some(a), None) => push(false, format!("{name} removed (was {a})")),
        (Some(a), Some(b)) => push(b > a, format!("{name} {a} -> {b}")),
        _ => {}
    };
    let upper = |name: &str, a: Option<f64>, b: Option<f64>, push: &mut dyn FnMut(bool, String)| match (a, b) {
        (a, b) if a == b => {}
        (None, Some(b)) => push(true, format!("{name} added: {b}")),
        (Some(a), None) => push(false, format!("{name} removed (was {a})")),
        (Some(a), Some(b)) => push(b < a, format!("{name} {a} -> {b}")),
        _ => {}
    };
    let f = |x: Option<u64>| x.map(|v| v as f64);
    lower("minLength", f(o.min_length), f(n.min_length), &mut push);
    upper("maxLength", f(o.max_length), f(n.max_length), &mut push);
    lower("minItems", f(o.min_items), f(n.min_items), &mut push);
    upper("maxItems", f(o.max_items), f(n.max_items), &mut push);
    lower("minimum", o.minimum.as_ref().map(|b| b.value), n.minimum.as_ref().map(|b| b.value), &mut push);
    upper("maximum", o.maximum.as_ref().map(|b| b.value), n.maximum.as_ref().map(|b| b.value), &mut push);
    match (&o.pattern, &n.pattern) {
        (a, b) if a == b => {}
        (None, Some(b)) => push(true, format!("pattern added: {b}")),
        (Some(a), None) => push(false, format!("pattern removed (was {a})")),
        (Some(a), Some(b)) => push(true, format!("pattern {a} -> {b}")),
        (None, None) => {}
    }
    if !o.unique_items && n.unique_items {
        push(true, "uniqueItems added".into());
    }
    if o.unique_items && !n.unique_items {
        push(false, "uniqueItems removed".into());
    }
}
