//! The IR of the pinned authentik schema, checked against the raw spec tree: every
//! operation and every component schema, with its parameters, bodies, responses,
//! properties and constraints. The raw tree is read with plain `serde_json::Value`
//! navigation, independent of `openapiv3` and of akgen's resolver.

use akgen::ir::{self, Api, ExprKind, ParamLocation, Status, TypeExpr, TypeKind};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::sync::OnceLock;

struct Fixture {
    raw: Value,
    api: Api,
}

fn pinned() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let path = akgen::spec_source::resolve(None).expect("the pinned spec (see README: spec resolution)");
        let text = std::fs::read_to_string(&path).unwrap();
        let raw: Value = serde_saphyr::from_str(&text).unwrap();
        let spec = akgen::load::load_file(&path).unwrap();
        let api = ir::build(&spec, ir::BuildOptions::default()).unwrap();
        Fixture { raw, api }
    })
}

/// Follows a local `$ref` in the raw tree.
fn deref<'a>(raw: &'a Value, v: &'a Value) -> &'a Value {
    match v.get("$ref").and_then(Value::as_str) {
        Some(r) => raw.pointer(r.trim_start_matches('#')).unwrap_or_else(|| panic!("dangling {r}")),
        None => v,
    }
}

const METHODS: [&str; 8] = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

#[test]
fn every_operation_is_in_the_ir_as_the_spec_states_it() {
    let Fixture { raw, api } = pinned();
    let by_id: BTreeMap<&str, &ir::Operation> = api.operations.iter().map(|o| (o.id.as_str(), o)).collect();
    assert_eq!(by_id.len(), api.operations.len(), "operation ids are unique");
    let mut seen = 0;
    for (path, item) in raw["paths"].as_object().unwrap() {
        for method in METHODS {
            let Some(op) = item.get(method) else { continue };
            seen += 1;
            let id = op["operationId"].as_str().unwrap();
            let o = by_id.get(id).unwrap_or_else(|| panic!("{id} missing from the IR"));
            assert_eq!((o.method.key(), o.path.as_str()), (method, path.as_str()), "{id}");
            let tag = op["tags"][0].as_str().unwrap();
            assert_eq!(o.tag, heck::ToSnakeCase::to_snake_case(tag), "{id}: tag");

            // Parameters, after following `$ref`s to #/components/parameters.
            let mut want = BTreeSet::new();
            for p in item.get("parameters").into_iter().chain(op.get("parameters")).flat_map(|v| v.as_array().unwrap())
            {
                let p = deref(raw, p);
                want.insert((
                    p["name"].as_str().unwrap().to_owned(),
                    p["in"].as_str().unwrap().to_owned(),
                    p["required"].as_bool().unwrap_or(false),
                ));
            }
            let got: BTreeSet<_> = o
                .parameters
                .iter()
                .map(|p| {
                    let location = match p.location {
                        ParamLocation::Path => "path",
                        ParamLocation::Query => "query",
                        ParamLocation::Header => "header",
                        ParamLocation::Cookie => "cookie",
                    };
                    (p.wire_name.clone(), location.to_owned(), p.required)
                })
                .collect();
            assert_eq!(got, want, "{id}: parameters");

            // Request body media types.
            let want: Vec<&str> = op
                .get("requestBody")
                .map(|b| deref(raw, b)["content"].as_object().unwrap().keys().map(String::as_str).collect())
                .unwrap_or_default();
            let got: Vec<&str> = o.body.iter().flat_map(|b| b.content.iter().map(|c| c.media_type.as_str())).collect();
            assert_eq!(got, want, "{id}: request body");
            if let Some(b) = op.get("requestBody") {
                assert_eq!(
                    o.body.as_ref().unwrap().required,
                    deref(raw, b)["required"].as_bool().unwrap_or(false),
                    "{id}"
                );
            }

            // Responses by status, with their media types, after following `$ref`s.
            let want: BTreeMap<String, Vec<&str>> = op["responses"]
                .as_object()
                .unwrap()
                .iter()
                .map(|(status, r)| {
                    let media = deref(raw, r)
                        .get("content")
                        .map(|c| c.as_object().unwrap().keys().map(String::as_str).collect())
                        .unwrap_or_default();
                    (status.clone(), media)
                })
                .collect();
            let got: BTreeMap<String, Vec<&str>> = o
                .responses
                .iter()
                .map(|r| {
                    let status = match r.status {
                        Status::Code(c) => c.to_string(),
                        Status::Range(d) => format!("{d}XX"),
                        Status::Default => "default".into(),
                    };
                    (status, r.content.iter().map(|c| c.media_type.as_str()).collect())
                })
                .collect();
            assert_eq!(got, want, "{id}: responses");

            // Security: the scheme names of each alternative (an empty one means anonymous).
            let security = op.get("security").or(raw.get("security"));
            let want: Vec<Vec<String>> = security
                .map(|s| {
                    s.as_array().unwrap().iter().map(|alt| alt.as_object().unwrap().keys().cloned().collect()).collect()
                })
                .unwrap_or_default();
            assert_eq!(o.security, want, "{id}: security");
        }
    }
    assert_eq!(seen, api.operations.len());
    assert!(seen > 1000, "the pinned spec has over a thousand operations, found {seen}");
}

/// The IR's type expression for a raw property: unwraps `allOf: [$ref]`.
fn check_constraints(what: &str, raw_prop: &Value, ty: &TypeExpr) {
    let c = &ty.constraints;
    let num = |k: &str| raw_prop.get(k).and_then(Value::as_f64);
    let uint = |k: &str| raw_prop.get(k).and_then(Value::as_u64);
    assert_eq!(c.pattern.as_deref(), raw_prop.get("pattern").and_then(Value::as_str), "{what}: pattern");
    assert_eq!(c.min_length, uint("minLength"), "{what}: minLength");
    assert_eq!(c.max_length, uint("maxLength"), "{what}: maxLength");
    assert_eq!(c.min_items, uint("minItems"), "{what}: minItems");
    assert_eq!(c.max_items, uint("maxItems"), "{what}: maxItems");
    assert_eq!(c.minimum.map(|b| b.value), num("minimum"), "{what}: minimum");
    assert_eq!(c.maximum.map(|b| b.value), num("maximum"), "{what}: maximum");
    let flag = |k: &str| raw_prop.get(k).and_then(Value::as_bool).unwrap_or(false);
    assert_eq!(c.read_only, flag("readOnly"), "{what}: readOnly");
    assert_eq!(c.write_only, flag("writeOnly"), "{what}: writeOnly");
    assert_eq!(c.unique_items, flag("uniqueItems"), "{what}: uniqueItems");
    assert_eq!(ty.nullable, flag("nullable"), "{what}: nullable");
    match raw_prop.get("format").and_then(Value::as_str) {
        // Formats with a Rust type of their own are in the type, not in the constraints.
        Some(f @ ("uuid" | "date-time" | "date" | "binary" | "int32" | "int64" | "float" | "double")) => {
            let p = match f {
                "uuid" => ir::Primitive::Uuid,
                "date-time" => ir::Primitive::DateTime,
                "date" => ir::Primitive::Date,
                "binary" => ir::Primitive::Binary,
                "int32" => ir::Primitive::Int32,
                "int64" => ir::Primitive::Int64,
                _ => ir::Primitive::Float64,
            };
            assert_eq!(ty.kind, ExprKind::Primitive(p), "{what}: format {f}");
        }
        Some(f) => assert_eq!(c.format.as_deref(), Some(f), "{what}: format"),
        None => {}
    }
}

#[test]
fn every_component_schema_has_its_type_fields_and_constraints() {
    let Fixture { raw, api } = pinned();
    let schemas = raw["components"]["schemas"].as_object().unwrap();
    let by_component: BTreeMap<&str, &ir::TypeDef> =
        api.types.iter().filter_map(|t| Some((t.component.as_deref()?, t))).collect();
    assert_eq!(by_component.len(), schemas.len(), "one type per component schema");
    let mut constrained = 0;
    for (name, schema) in schemas {
        let t = by_component[name.as_str()];
        if let Some(values) = schema.get("enum") {
            let TypeKind::Enum(e) = &t.kind else { panic!("{name}: expected an enum, got {:?}", t.kind) };
            let got: Vec<&Value> = e.variants.iter().map(|v| &v.value).collect();
            let want: Vec<&Value> = values.as_array().unwrap().iter().filter(|v| !v.is_null()).collect();
            assert_eq!(got, want, "{name}: enum values");
        } else if let Some(d) = schema.get("discriminator") {
            let TypeKind::Union(u) = &t.kind else { panic!("{name}: expected a union") };
            assert_eq!(u.discriminator.as_deref(), d["propertyName"].as_str(), "{name}");
            let got: BTreeSet<&str> = u.variants.iter().flat_map(|v| v.tags.iter().map(String::as_str)).collect();
            let want: BTreeSet<&str> = d["mapping"].as_object().unwrap().keys().map(String::as_str).collect();
            assert_eq!(got, want, "{name}: discriminator tags");
        } else if let Some(props) = schema.get("properties") {
            let TypeKind::Struct(s) = &t.kind else { panic!("{name}: expected a struct") };
            let required: HashSet<&str> = schema
                .get("required")
                .map(|r| r.as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect())
                .unwrap_or_default();
            let wire: Vec<&str> = s.fields.iter().map(|f| f.wire_name.as_str()).collect();
            let want: Vec<&str> = props.as_object().unwrap().keys().map(String::as_str).collect();
            assert_eq!(wire, want, "{name}: fields in spec order");
            let mut idents = HashSet::new();
            for (f, (_, p)) in s.fields.iter().zip(props.as_object().unwrap()) {
                assert!(idents.insert(f.name.as_str()), "{name}: duplicate field name {}", f.name);
                assert_eq!(f.required, required.contains(f.wire_name.as_str()), "{name}.{}: required", f.wire_name);
                if p.get("pattern").is_some() || p.get("maxLength").is_some() || p.get("minimum").is_some() {
                    constrained += 1;
                }
                // `allOf: [$ref]` wrappers carry their own nullable/readOnly.
                check_constraints(&format!("{name}.{}", f.wire_name), p, &f.ty);
            }
        }
    }
    println!("{constrained} constrained properties checked");
    assert!(constrained > 200, "the pinned spec constrains hundreds of properties; counted {constrained}");
}

/// A plain IR name that, escaped as the emitters escape it, is one Rust identifier (syn
/// refuses keywords, so a keyword left unescaped fails here).
fn assert_ident(what: &str, name: &str) {
    assert!(!name.starts_with("r#"), "{what}: the IR holds plain names, not `{name}`");
    let spelled = ir::names::escaped(name);
    assert!(syn::parse_str::<syn::Ident>(&spelled).is_ok(), "{what}: `{spelled}` is not an identifier");
}

#[test]
fn names_are_unique_and_keywords_escaped() {
    let Fixture { api, .. } = pinned();
    let mut names = HashSet::new();
    let mut keyword_fields = 0;
    for t in &api.types {
        assert!(names.insert(t.name.as_str()), "duplicate type name {}", t.name);
        assert_ident(&t.name, &t.name);
        if let TypeKind::Struct(s) = &t.kind {
            let mut fields = HashSet::new();
            for f in &s.fields {
                assert_ident(&format!("{}.{}", t.name, f.wire_name), &f.name);
                assert!(fields.insert(f.name.as_str()), "{}: two fields named {}", t.name, f.name);
                if f.wire_name == "type" {
                    assert_eq!(ir::names::escaped(&f.name), "r#type");
                    keyword_fields += 1;
                }
            }
        }
    }
    assert!(keyword_fields > 10, "authentik has many `type` properties; saw {keyword_fields}");
    // Method names are per tag (`client.core().tokens_list()`), so unique within one; so
    // are the types the tag's client and server modules hold.
    let mut ops = HashSet::new();
    let mut tag_types: BTreeMap<&str, HashSet<&str>> = BTreeMap::new();
    for o in &api.operations {
        assert!(ops.insert((o.tag.as_str(), o.name.as_str())), "duplicate operation name {}::{}", o.tag, o.name);
        assert_ident(&o.id, &o.name);
        let types = tag_types.entry(&o.tag).or_default();
        for name in [&o.builder, &o.response_enum] {
            assert_ident(&o.id, name);
            assert!(types.insert(name), "{}: `{name}` is taken in its tag's modules", o.id);
        }
        let variants: HashSet<&str> = o.responses.iter().map(|r| r.variant.as_str()).collect();
        assert_eq!(variants.len(), o.responses.len(), "{}: one variant per status", o.id);
        for p in &o.parameters {
            assert_ident(&format!("{} {}", o.id, p.wire_name), &p.setter);
        }
    }
    // One entry per tag an operation has; per-tag names unique crate-wide.
    let op_tags: BTreeSet<&str> = api.operations.iter().map(|o| o.tag.as_str()).collect();
    assert_eq!(api.tags.iter().map(|t| t.name.as_str()).collect::<BTreeSet<_>>(), op_tags);
    let picks: [fn(&ir::Tag) -> &str; 4] = [|t| &t.server_trait, |t| &t.client_accessor, |t| &t.module, |t| &t.feature];
    for pick in picks {
        let all: HashSet<&str> = api.tags.iter().map(pick).collect();
        assert_eq!(all.len(), api.tags.len(), "per-tag names collide");
    }
    // A named type referenced anywhere exists.
    fn refs(e: &TypeExpr, out: &mut Vec<String>) {
        match &e.kind {
            ExprKind::Named(n) => out.push(n.clone()),
            ExprKind::List(i) | ExprKind::Map(i) => refs(i, out),
            _ => {}
        }
    }
    let mut used = Vec::new();
    for t in &api.types {
        match &t.kind {
            TypeKind::Struct(s) => s.fields.iter().for_each(|f| refs(&f.ty, &mut used)),
            TypeKind::Union(u) => u.variants.iter().for_each(|v| refs(&v.ty, &mut used)),
            TypeKind::Alias(e) => refs(e, &mut used),
            TypeKind::Enum(_) => {}
        }
    }
    for n in used {
        assert!(names.contains(n.as_str()), "{n} is used but not defined");
    }
}

/// Every `#/components/...` reference reachable from `v`, followed through the raw tree.
fn reachable_components<'a>(raw: &'a Value, v: &'a Value, seen: &mut HashSet<&'a str>) {
    match v {
        Value::Object(map) => {
            if let Some(r) = map.get("$ref").and_then(Value::as_str)
                && seen.insert(r)
            {
                reachable_components(raw, deref(raw, v), seen);
            }
            for (k, child) in map {
                if k != "$ref" {
                    reachable_components(raw, child, seen);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|i| reachable_components(raw, i, seen)),
        _ => {}
    }
}

#[test]
fn each_component_schema_belongs_to_exactly_the_tags_whose_operations_reach_it() {
    let Fixture { raw, api } = pinned();
    // Oracle: the raw tree, walking every `$ref` from each operation.
    let mut expected: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for (_, item) in raw["paths"].as_object().unwrap() {
        for method in METHODS {
            let Some(op) = item.get(method) else { continue };
            let tag = op["tags"][0].as_str().unwrap().to_owned();
            let mut seen = HashSet::new();
            reachable_components(raw, op, &mut seen);
            for r in seen {
                if let Some(name) = r.strip_prefix("#/components/schemas/") {
                    expected.entry(name).or_default().insert(tag.clone());
                }
            }
        }
    }
    let mut checked = 0;
    for t in &api.types {
        let Some(component) = t.component.as_deref() else { continue };
        let want = expected.get(component).cloned().unwrap_or_default();
        assert_eq!(t.tags, want, "tags of {component}");
        checked += 1;
    }
    assert!(checked > 800, "{checked} component schemas checked");
    // And the features matter: most schemas belong to one tag.
    let single = api.types.iter().filter(|t| t.tags.len() == 1).count();
    assert!(single * 10 > api.types.len() * 8, "{single} of {} types in one tag", api.types.len());
}
