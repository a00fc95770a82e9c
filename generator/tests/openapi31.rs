//! OpenAPI 3.1 lowers to the same IR as 3.0. Test code (not akgen) rewrites every authentik
//! schema in `../shared/specs/authentik/` into 3.1, the way drf-spectacular writes 3.1 with
//! `OAS_VERSION = "3.1.0"`: `nullable` becomes a `null` in the type list (or a `null`
//! branch where there is no type), boolean exclusive bounds become numbers, `example`
//! becomes `examples`. The IR of the rewrite must equal the IR of the original, and the
//! pinned spec's crate must be byte-identical to `generated/` but for the spec's hash.

use serde_json::{Map, Value, json};
use std::path::{Path, PathBuf};

fn authentik_schemas() -> Vec<PathBuf> {
    let dir = std::env::var_os("AKGEN_SPEC_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/specs/authentik"));
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "yml")).collect())
        .unwrap_or_default();
    paths.sort();
    let pinned = akgen::spec_source::resolve(None).expect("the pinned schema");
    if !paths.iter().any(|p| p.file_name() == pinned.file_name()) {
        paths.push(pinned);
    }
    paths
}

/// Annotations stay on the outer schema when a nullable one becomes a union with `null`.
const ANNOTATIONS: &[&str] =
    &["title", "description", "default", "deprecated", "readOnly", "writeOnly", "example", "examples"];

/// The 3.1 spelling of one 3.0 value, recursively.
fn rewrite(value: &Value) -> Value {
    match value {
        Value::Array(items) => Value::Array(items.iter().map(rewrite).collect()),
        Value::Object(map) => {
            let mut out: Map<String, Value> = map.iter().map(|(k, v)| (k.clone(), rewrite(v))).collect();
            if let Some(example) = out.remove("example") {
                out.insert("examples".into(), json!([example]));
            }
            for (exclusive, bound) in [("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")] {
                match out.get(exclusive) {
                    Some(Value::Bool(true)) => {
                        let limit = out.remove(bound).expect("an exclusive flag has its bound");
                        out.insert(exclusive.into(), limit);
                    }
                    Some(Value::Bool(false)) => {
                        out.remove(exclusive);
                    }
                    _ => {}
                }
            }
            if out.remove("nullable") == Some(Value::Bool(true)) {
                match out.get_mut("type") {
                    Some(Value::String(t)) => {
                        let t = std::mem::take(t);
                        out.insert("type".into(), json!([t, "null"]));
                    }
                    Some(_) => panic!("3.0 types are names"),
                    None => {
                        // `allOf: [$ref]` with `nullable`: the schema or `null`.
                        let (annotations, rest): (Map<String, Value>, Map<String, Value>) =
                            out.into_iter().partition(|(k, _)| ANNOTATIONS.contains(&k.as_str()));
                        let mut union = annotations;
                        union.insert("oneOf".into(), json!([Value::Object(rest), {"type": "null"}]));
                        return Value::Object(union);
                    }
                }
            }
            Value::Object(out)
        }
        other => other.clone(),
    }
}

fn to_31(text: &str) -> String {
    let mut tree: Value = serde_saphyr::from_str(text).expect("authentik's schema parses");
    tree = rewrite(&tree);
    tree["openapi"] = json!("3.1.0");
    serde_json::to_string(&tree).unwrap()
}

fn load(name: &str, text: String) -> akgen::load::Spec {
    akgen::load::load_text(PathBuf::from(name), text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn every_authentik_schema_rewritten_into_3_1_lowers_to_the_same_ir() {
    let schemas = authentik_schemas();
    assert!(!schemas.is_empty());
    for path in schemas {
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let rewritten = to_31(&text);
        assert!(!rewritten.contains("\"nullable\""), "{name}: the rewrite left `nullable`");
        let original = akgen::ir::build(&load(&name, text), Default::default()).unwrap();
        let lowered = akgen::ir::build(&load(&name, rewritten), Default::default())
            .unwrap_or_else(|e| panic!("{name} in 3.1: {e}"));
        let warnings = |api: &akgen::ir::Api| -> Vec<(String, String)> {
            api.warnings.iter().map(|w| (w.pointer.clone(), w.message.clone())).collect()
        };
        assert_eq!(warnings(&lowered), warnings(&original), "{name}: warnings");
        let strip = |mut api: akgen::ir::Api| {
            api.warnings.clear();
            // Where an inline type was written moves with the rewrite (`/oneOf/0/allOf/0`
            // instead of `/allOf/0`): the one field that may differ, and no emitter reads it.
            for t in &mut api.types {
                t.pointer.clear();
            }
            api
        };
        let (original, lowered) = (strip(original), strip(lowered));
        assert_eq!(original.types.len(), lowered.types.len(), "{name}: type count");
        for (a, b) in original.types.iter().zip(&lowered.types) {
            assert_eq!(a, b, "{name}: type {}", a.name);
        }
        assert_eq!(original.operations, lowered.operations, "{name}: operations");
        assert_eq!(original, lowered, "{name}");
    }
}

#[test]
fn the_pinned_schema_in_3_1_generates_the_committed_crate() {
    let path = akgen::spec_source::resolve(None).expect("the pinned schema");
    let text = std::fs::read_to_string(&path).unwrap();
    let original = load("pinned.yml", text.clone());
    let spec = load("pinned-3.1.json", to_31(&text));
    let rendered = akgen::Generator::new().render_crate_from(&spec).expect("the 3.1 rewrite generates");
    let generated = Path::new(env!("CARGO_MANIFEST_DIR")).join("../generated");
    for file in &rendered.files {
        let committed = std::fs::read_to_string(generated.join(&file.path))
            .unwrap_or_else(|e| panic!("{}: {e}", file.path.display()));
        let ours = file.contents.replace(&spec.sha256, &original.sha256);
        assert!(ours == committed, "{} differs from generated/ beyond the spec's hash", file.path.display());
    }
    assert!(rendered.files.len() > 60);
}

/// `specs/fixtures/openapi31.yml`: each 3.1 keyword becomes what the fixture's comments
/// say (read off the fixture by hand).
#[test]
fn openapi_3_1_keywords_lower_to_the_ir_3_0_uses() {
    use akgen::ir::{ExprKind, Primitive, TypeKind};
    let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs/fixtures/openapi31.yml");
    let api = akgen::Generator::new().spec(spec).build_ir().expect("the 3.1 fixture generates strictly");
    let job = api.type_named("Job").unwrap();
    let TypeKind::Struct(s) = &job.kind else { panic!("Job is a struct") };
    let field = |name: &str| s.fields.iter().find(|f| f.wire_name == name).unwrap_or_else(|| panic!("no {name}"));
    let name = &field("name").ty;
    assert_eq!(
        (&name.kind, name.nullable, name.constraints.max_length),
        (&ExprKind::Primitive(Primitive::String), true, Some(20))
    );
    let ExprKind::Named(size) = &field("size").ty.kind else { panic!("size") };
    let TypeKind::Union(size) = &api.type_named(size).unwrap().kind else { panic!("size is a union") };
    let size_kinds: Vec<&ExprKind> = size.variants.iter().map(|v| &v.ty.kind).collect();
    assert_eq!(size_kinds, [&ExprKind::Primitive(Primitive::Int64), &ExprKind::Primitive(Primitive::String)]);
    let ExprKind::Named(kind) = &field("kind").ty.kind else { panic!("kind") };
    let TypeKind::Enum(kind) = &api.type_named(kind).unwrap().kind else { panic!("const is an enum") };
    assert_eq!(kind.variants.iter().map(|v| v.value.clone()).collect::<Vec<_>>(), [json!("job")]);
    let parent = field("parent");
    assert_eq!(
        (&parent.ty.kind, parent.docs.description.as_deref()),
        (&ExprKind::Named("Job".into()), Some("The job this one belongs to."))
    );
    let step = &field("step").ty;
    assert_eq!((&step.kind, step.nullable), (&ExprKind::Named("Step".into()), true));
    let TypeKind::Struct(upload) = &api.type_named("Upload").unwrap().kind else { panic!("Upload is a struct") };
    assert_eq!(upload.fields[0].ty.kind, ExprKind::Primitive(Primitive::Binary));
    let checksum = &field("checksum").ty;
    assert_eq!(
        (&checksum.kind, checksum.constraints.format.as_deref()),
        (&ExprKind::Primitive(Primitive::String), Some("byte"))
    );
    // patternProperties without additionalProperties: any value, those of matching keys checked.
    let labels = &field("labels").ty;
    assert!(matches!(&labels.kind, ExprKind::Map(v) if v.kind == ExprKind::Any));
    let [pattern] = labels.constraints.pattern_properties.as_slice() else { panic!("one pattern") };
    assert_eq!((pattern.pattern.as_str(), &pattern.ty.kind), ("^[a-z]+$", &ExprKind::Primitive(Primitive::String)));
    assert!(!labels.constraints.keys_match_patterns);
    // Closed to one pattern: a map of its values, every key checked.
    let scores = &field("scores").ty;
    assert!(matches!(&scores.kind, ExprKind::Map(v) if v.kind == ExprKind::Primitive(Primitive::Int64)));
    assert!(scores.constraints.keys_match_patterns);
    let titles = &field("titles").ty;
    assert_eq!(
        titles.constraints.property_names.as_deref().map(|k| &k.kind),
        Some(&ExprKind::Named("Language".into()))
    );
    assert_eq!(field("limits").ty.constraints.dependent_required, [("max".to_owned(), vec!["min".to_owned()])]);
    // A fixed length: a tuple. An open one: positions and the rest checked by the validator.
    let ExprKind::Tuple(point) = &field("point").ty.kind else { panic!("point is a tuple") };
    assert_eq!(point.iter().map(|p| p.constraints.maximum.map(|b| b.value)).collect::<Vec<_>>(), [None, Some(10.0)]);
    let command = &field("command").ty;
    assert!(matches!(&command.kind, ExprKind::List(v) if v.kind == ExprKind::Any));
    assert!(matches!(&command.constraints.prefix_items[..], [p] if matches!(p.kind, ExprKind::Named(_))));
    assert_eq!(
        command.constraints.rest_items.as_ref().and_then(|r| r.constraints.minimum).map(|b| (b.value, b.exclusive)),
        Some((0.0, true))
    );
    let tags = &field("tags").ty.constraints;
    assert_eq!((tags.contains.is_some(), tags.min_contains, tags.max_contains), (true, Some(1), Some(2)));
    assert_eq!(field("extra").ty.kind, ExprKind::Any);
    assert_eq!(
        s.dependent_required,
        [("checksum".to_owned(), vec!["extra".to_owned()]), ("point".to_owned(), vec!["name".to_owned()])]
    );
    // `false`: a property that must be absent.
    let TypeKind::Struct(frozen) = &api.type_named("Frozen").unwrap().kind else { panic!("Frozen is a struct") };
    assert!(frozen.fields.iter().any(|f| f.wire_name == "secret" && f.ty.constraints.never));
    // A union tagged by const properties without a `discriminator` keyword.
    let TypeKind::Union(event) = &api.type_named("Event").unwrap().kind else { panic!("Event is a union") };
    assert_eq!(event.discriminator.as_deref(), Some("kind"));
    let tags: Vec<&[String]> = event.variants.iter().map(|v| v.tags.as_slice()).collect();
    assert_eq!(tags, [&["created".to_owned()][..], &["deleted".to_owned()][..]]);
    // The id's 3.1 exclusive bound.
    let id = &api.operations[0].parameters[0].ty.constraints.minimum;
    assert_eq!(id.map(|b| (b.value, b.exclusive)), Some((0.0, true)));
    // A union over `$defs`, discriminated by const properties.
    let TypeKind::Union(step) = &api.type_named("Step").unwrap().kind else { panic!("Step is a union") };
    assert_eq!(step.discriminator.as_deref(), Some("type"));
    let variants: Vec<(&ExprKind, &[String])> = step.variants.iter().map(|v| (&v.ty.kind, v.tags.as_slice())).collect();
    assert_eq!(
        variants,
        [
            (&ExprKind::Named("StepStart".into()), &["start".to_owned()][..]),
            (&ExprKind::Named("StepStop".into()), &["stop".to_owned()][..])
        ]
    );
    // The webhook's body type exists; its operation does not, and one warning says so.
    assert!(api.type_named("JobFinishedWebhookBody").is_some());
    assert_eq!(api.operations.len(), 1);
    assert!(
        api.warnings
            .iter()
            .any(|w| w.pointer == "/webhooks"
                && w.message.contains("1 webhook operation (jobFinished) is not generated"))
    );
}

/// What 2020-12 has and no Rust type expresses: each named with its pointer; with
/// `--lenient`, JSON values and warnings.
#[test]
fn unrepresentable_2020_12_keywords_are_named_with_their_pointers() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs/errors/openapi31-unrepresentable.yml");
    let spec = akgen::load::load_file(&path).unwrap();
    let expected = [
        ("/jsonSchemaDialect", "https://example.com/my-dialect"),
        ("/components/schemas/Tree/$dynamicRef", "`$dynamicRef` is not supported"),
        ("/components/schemas/Shipping/if", "`if` is not supported"),
        ("/components/schemas/Closed/unevaluatedProperties", "`unevaluatedProperties` is not supported"),
    ];
    let Err(akgen::Error::Spec(errors)) = akgen::ir::build(&spec, Default::default()) else {
        panic!("strict mode refuses")
    };
    let got: Vec<(&str, &str)> = errors.iter().map(|e| (e.pointer.as_str(), e.message.as_str())).collect();
    assert_eq!(errors.len(), expected.len(), "{got:?}");
    for (pointer, words) in expected {
        assert!(
            errors.iter().any(|e| e.pointer == pointer && e.message.contains(words) && e.line_col.is_some()),
            "{pointer}: {got:?}"
        );
    }
    let api = akgen::ir::build(&spec, akgen::ir::BuildOptions { lenient: true, ..Default::default() })
        .expect("lenient generates");
    assert_eq!(api.warnings.len(), expected.len());
    assert!(
        matches!(&api.type_named("Tree").unwrap().kind, akgen::ir::TypeKind::Alias(e) if e.kind == akgen::ir::ExprKind::Any)
    );
}
