//! `specs/fixtures/json-schema.yml`: each construct real specs write, read as JSON Schema
//! validation defines it. The expectations are read off the fixture by hand (its comments
//! say what each schema means); fixture_crates.rs compiles the crate.

use akgen::ir::{Api, ExprKind, ParamLocation, Primitive, TypeDef, TypeKind};
use std::path::Path;

fn api() -> Api {
    let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs/fixtures/json-schema.yml");
    akgen::Generator::new().spec(spec).build_ir().expect("strict mode generates every construct")
}

fn named<'a>(api: &'a Api, name: &str) -> &'a TypeDef {
    api.type_named(name).unwrap_or_else(|| panic!("no type {name}"))
}

fn fields(t: &TypeDef) -> Vec<(&str, bool)> {
    let TypeKind::Struct(s) = &t.kind else { panic!("{} is not a struct", t.name) };
    s.fields.iter().map(|f| (f.wire_name.as_str(), f.required)).collect()
}

#[test]
fn compositions_types_and_keywords_mean_what_json_schema_says() {
    let api = api();
    // `type: object` beside allOf, with own properties: one struct, Base's fields first.
    let account = named(&api, "Account");
    assert_eq!(
        fields(account),
        [
            ("id", true),
            ("y", true),
            ("slug", false),
            ("owner", false),
            ("nickname", false),
            ("level", false),
            ("color", false),
            ("label", false)
        ]
    );
    let TypeKind::Struct(s) = &account.kind else { unreachable!() };
    let field = |name: &str| s.fields.iter().find(|f| f.wire_name == name).unwrap();
    // A numeric exclusiveMinimum is an exclusive bound of its own.
    let y = &field("y").ty;
    assert_eq!(
        (y.kind.clone(), y.constraints.minimum.map(|b| (b.value, b.exclusive))),
        (ExprKind::Primitive(Primitive::Float64), Some((0.0, true)))
    );
    // Annex B only: kept, and run in non-unicode mode.
    let slug = &field("slug").ty.constraints;
    assert_eq!((slug.pattern.as_deref(), slug.pattern_non_unicode), (Some(r"^[a-z]+\-[0-9]+$"), true));
    // `$ref` + nullable + description: a nullable use of Base, documented.
    let owner = field("owner");
    assert_eq!((&owner.ty.kind, owner.ty.nullable), (&ExprKind::Named("Base".into()), true));
    assert_eq!(owner.docs.description.as_deref(), Some("Who owns the account."));
    // oneOf [string, null]: a nullable string, its constraint kept.
    let nickname = &field("nickname").ty;
    assert_eq!(
        (&nickname.kind, nickname.nullable, nickname.constraints.max_length),
        (&ExprKind::Primitive(Primitive::String), true, Some(8))
    );
    // enum without type: integers, strings.
    let TypeKind::Enum(level) = &named(&api, "AccountLevel").kind else { panic!("level") };
    assert!(level.variants.iter().all(|v| v.value.is_i64()) && level.variants.len() == 3);
    let TypeKind::Enum(color) = &named(&api, "AccountColor").kind else { panic!("color") };
    assert!(color.variants.iter().all(|v| v.value.is_string()) && color.variants.len() == 2);
    // A union of primitives and an array.
    let TypeKind::Union(label) = &named(&api, "AccountLabel").kind else { panic!("label") };
    let kinds: Vec<&ExprKind> = label.variants.iter().map(|v| &v.ty.kind).collect();
    assert!(
        matches!(
            kinds.as_slice(),
            [ExprKind::Primitive(Primitive::String), ExprKind::Primitive(Primitive::Int64), ExprKind::List(_)]
        ),
        "{kinds:?}"
    );

    // allOf [object, anyOf [a, b]]: a union of the merged objects.
    let TypeKind::Union(login) = &named(&api, "Login").kind else { panic!("Login is not a union") };
    let branches: Vec<Vec<(&str, bool)>> = login
        .variants
        .iter()
        .map(|v| match &v.ty.kind {
            ExprKind::Named(n) => fields(named(&api, n)),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(branches, [vec![("password", true), ("username", true)], vec![("password", true), ("email", true)]]);

    // properties without type: an object.
    assert_eq!(fields(named(&api, "Point")), [("x", true), ("y", true)]);

    // Inline variants tagged by a one-value enum: a discriminated union.
    let TypeKind::Union(event) = &named(&api, "Event").kind else { panic!("Event is not a union") };
    assert_eq!(event.discriminator.as_deref(), Some("kind"));
    let tags: Vec<&[String]> = event.variants.iter().map(|v| v.tags.as_slice()).collect();
    assert_eq!(tags, [&["created".to_owned()][..], &["moved".to_owned()][..]]);
}

#[test]
fn parameters_of_one_name_in_two_places_keep_apart_and_stray_keywords_warn() {
    let api = api();
    let op = api.operations.iter().find(|o| o.id == "accounts_retrieve").unwrap();
    let keys: Vec<(ParamLocation, &str, &str)> =
        op.parameters.iter().map(|p| (p.location, p.wire_name.as_str(), p.key.as_str())).collect();
    assert_eq!(
        keys,
        [
            (ParamLocation::Query, "id", "query:id"),
            (ParamLocation::Query, "fields", "fields"),
            (ParamLocation::Path, "id", "path:id")
        ]
    );
    // minLength/maxLength on the array are ignored with one warning; nothing else warns.
    let warnings: Vec<(&str, &str)> = api.warnings.iter().map(|w| (w.pointer.as_str(), w.message.as_str())).collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].0, "/paths/~1accounts~1{id}~1/get/parameters/1/schema");
    assert!(warnings[0].1.contains("do not apply to a schema of type `array`"), "{}", warnings[0].1);
}
