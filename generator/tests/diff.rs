//! `akgen diff`: the changes it reports between real authentik versions are checked against
//! set differences computed here from the raw YAML (not through akgen's IR), and direction
//! rules against small edits of a fixture spec.

use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

fn specs_dir() -> PathBuf {
    std::env::var_os("AKGEN_SPEC_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/specs/authentik"))
}

fn raw(path: &Path) -> Value {
    serde_saphyr::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

struct Run {
    code: Option<i32>,
    stdout: String,
}

fn akgen_diff(old: &Path, new: &Path, extra: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_akgen")).arg("diff").arg(old).arg(new).args(extra).output().unwrap();
    assert!(output.status.code() != Some(2), "{}", String::from_utf8_lossy(&output.stderr));
    Run { code: output.status.code(), stdout: String::from_utf8_lossy(&output.stdout).into_owned() }
}

fn changes(old: &Path, new: &Path) -> Vec<Value> {
    let run = akgen_diff(old, new, &["--format", "json"]);
    assert_eq!(run.code, Some(0));
    let v: Value = serde_json::from_str(&run.stdout).expect("JSON output");
    v["changes"].as_array().expect("{\"changes\": [...]}").clone()
}

fn of_kind<'a>(changes: &'a [Value], kinds: &[&str]) -> Vec<&'a Value> {
    changes.iter().filter(|c| kinds.contains(&c["kind"].as_str().unwrap())).collect()
}

fn field(changes: &[&Value], key: &str) -> BTreeSet<String> {
    changes.iter().map(|c| c[key].as_str().unwrap_or_else(|| panic!("no {key} in {c}")).to_owned()).collect()
}

/// operationId → (method, path) from the raw spec.
fn operations(spec: &Value) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for (path, item) in spec["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            if let Some(id) = op.get("operationId").and_then(Value::as_str) {
                out.push((id.to_owned(), method.to_uppercase(), path.clone()));
            }
        }
    }
    out
}

fn schema_names(spec: &Value) -> BTreeSet<String> {
    spec["components"]["schemas"].as_object().unwrap().keys().cloned().collect()
}

fn check_pair(old_file: &str, new_file: &str) -> Vec<Value> {
    let (old_path, new_path) = (specs_dir().join(old_file), specs_dir().join(new_file));
    let (old, new) = (raw(&old_path), raw(&new_path));
    let changes = changes(&old_path, &new_path);
    let context = format!("{old_file} -> {new_file}");

    // Operations: an operationId that disappears is removed, or renamed where its route stays.
    let (old_ops, new_ops) = (operations(&old), operations(&new));
    let ids = |ops: &[(String, String, String)]| ops.iter().map(|o| o.0.clone()).collect::<BTreeSet<_>>();
    let routes =
        |ops: &[(String, String, String)]| ops.iter().map(|o| (o.1.clone(), o.2.clone())).collect::<BTreeSet<_>>();
    let (old_ids, new_ids, old_routes, new_routes) = (ids(&old_ops), ids(&new_ops), routes(&old_ops), routes(&new_ops));
    let gone: Vec<_> = old_ops.iter().filter(|o| !new_ids.contains(&o.0)).collect();
    let removed: BTreeSet<String> =
        gone.iter().filter(|o| !new_routes.contains(&(o.1.clone(), o.2.clone()))).map(|o| o.0.clone()).collect();
    let renamed: BTreeSet<String> =
        gone.iter().filter(|o| new_routes.contains(&(o.1.clone(), o.2.clone()))).map(|o| o.0.clone()).collect();
    let added: BTreeSet<String> = new_ops
        .iter()
        .filter(|o| !old_ids.contains(&o.0) && !old_routes.contains(&(o.1.clone(), o.2.clone())))
        .map(|o| o.0.clone())
        .collect();
    assert_eq!(field(&of_kind(&changes, &["operation-removed"]), "operation"), removed, "{context}");
    assert_eq!(field(&of_kind(&changes, &["operation-id-changed"]), "operation"), renamed, "{context}");
    assert_eq!(field(&of_kind(&changes, &["operation-added"]), "operation"), added, "{context}");

    // Schemas.
    let (old_s, new_s) = (schema_names(&old), schema_names(&new));
    assert_eq!(field(&of_kind(&changes, &["schema-removed"]), "schema"), &old_s - &new_s, "{context}");
    assert_eq!(field(&of_kind(&changes, &["schema-added"]), "schema"), &new_s - &old_s, "{context}");

    // Properties of plain object schemas (no allOf, which the IR flattens) in both versions.
    let mut removed_props = BTreeSet::new();
    let mut added_props = BTreeSet::new();
    let mut removed_values = BTreeSet::new();
    let mut added_values = BTreeSet::new();
    let mut plain = BTreeSet::new();
    for name in old_s.intersection(&new_s) {
        let (o, n) = (&old["components"]["schemas"][name], &new["components"]["schemas"][name]);
        if let (Some(op), Some(np), None, None) =
            (o["properties"].as_object(), n["properties"].as_object(), o.get("allOf"), n.get("allOf"))
        {
            plain.insert(name.clone());
            for k in op.keys().filter(|k| !np.contains_key(*k)) {
                removed_props.insert(format!("{name}.{k}"));
            }
            for k in np.keys().filter(|k| !op.contains_key(*k)) {
                added_props.insert(format!("{name}.{k}"));
            }
        }
        if let (Some(oe), Some(ne)) = (o["enum"].as_array(), n["enum"].as_array()) {
            for v in oe.iter().filter(|v| !v.is_null() && !ne.contains(v)) {
                removed_values.insert(format!("{name} {v}"));
            }
            for v in ne.iter().filter(|v| !v.is_null() && !oe.contains(v)) {
                added_values.insert(format!("{name} {v}"));
            }
        }
    }
    let props = |kinds: &[&str]| -> BTreeSet<String> {
        of_kind(&changes, kinds)
            .iter()
            .filter(|c| plain.contains(c["schema"].as_str().unwrap()))
            .map(|c| format!("{}.{}", c["schema"].as_str().unwrap(), c["property"].as_str().unwrap()))
            .collect()
    };
    assert_eq!(props(&["property-removed", "response-property-removed"]), removed_props, "{context}");
    assert_eq!(props(&["property-added"]), added_props, "{context}");
    let values = |kind: &str| -> BTreeSet<String> {
        of_kind(&changes, &[kind])
            .iter()
            .map(|c| format!("{} {}", c["schema"].as_str().unwrap(), c["detail"].as_str().unwrap()))
            .collect()
    };
    assert_eq!(values("enum-value-removed"), removed_values, "{context}");
    assert_eq!(values("enum-value-added"), added_values, "{context}");

    // Every change has the documented shape.
    for c in &changes {
        let kind = c["kind"].as_str().unwrap();
        assert!(kind.chars().all(|ch| ch.is_ascii_lowercase() || ch == '-'), "{c}");
        assert!(c["breaking"].is_boolean(), "{c}");
        assert!(c["location"].as_str().unwrap().starts_with('/'), "{c}");
        let location: String = c["location"].as_str().unwrap().to_owned();
        let spec = if kind.ends_with("-removed") && !kind.starts_with("enum") { &old } else { &new };
        let parent = location.trim_end_matches("/parameters").trim_end_matches("/enum");
        assert!(spec.pointer(parent).is_some(), "{context}: {location} is not in the spec: {c}");
    }
    changes
}

#[test]
fn from_2026_2_to_the_pinned_version() {
    let changes = check_pair("schema-2026.2.6.yml", "schema-2026.5.6.yml");
    let gone = field(&of_kind(&changes, &["operation-removed", "operation-id-changed"]), "operation");
    assert!(gone.contains("flows_instances_import_create"), "{gone:?}");
    assert!(gone.contains("lifecycle_iterations_latest_retrieve"), "{gone:?}");
    assert!(changes.iter().all(|c| c["kind"] != "operation-removed" || c["breaking"] == true));
}

#[test]
fn every_consecutive_pair_of_versions() {
    let versions = ["2024.8.3", "2024.12.5", "2025.6.4", "2025.12.6", "2026.2.6", "2026.5.6", "2026.11.0-rc1"];
    for pair in versions.windows(2) {
        check_pair(&format!("schema-{}.yml", pair[0]), &format!("schema-{}.yml", pair[1]));
    }
}

#[test]
fn direction_is_reversed_when_the_versions_are() {
    let (a, b) = (specs_dir().join("schema-2026.2.6.yml"), specs_dir().join("schema-2026.5.6.yml"));
    let forward = changes(&a, &b);
    let backward = changes(&b, &a);
    assert_eq!(
        field(&of_kind(&forward, &["operation-removed"]), "operation"),
        field(&of_kind(&backward, &["operation-added"]), "operation")
    );
    assert_eq!(
        field(&of_kind(&forward, &["schema-added"]), "schema"),
        field(&of_kind(&backward, &["schema-removed"]), "schema")
    );
}

#[test]
fn exit_codes_and_text_output() {
    let (a, b) = (specs_dir().join("schema-2026.2.6.yml"), specs_dir().join("schema-2026.5.6.yml"));
    let run = akgen_diff(&a, &b, &["--fail-on-breaking"]);
    assert_eq!(run.code, Some(1));
    assert!(run.stdout.contains("BREAKING operation-removed flows_instances_import_create"), "{}", run.stdout);
    assert_eq!(akgen_diff(&a, &b, &[]).code, Some(0));
    let same = akgen_diff(&b, &b, &["--fail-on-breaking", "--format", "json"]);
    assert_eq!(same.code, Some(0));
    assert_eq!(serde_json::from_str::<Value>(&same.stdout).unwrap(), json!({"changes": []}));
    let bad = Command::new(env!("CARGO_BIN_EXE_akgen"))
        .arg("diff")
        .arg(&b)
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs/errors/missing-ref.yml"))
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("missing-ref.yml"));
}

/// Edits of the tokens fixture, where the expected verdicts follow from the rules.
#[test]
fn breaking_depends_on_whether_the_type_is_sent_or_received() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs/fixtures/tokens.yml");
    let old = raw(&fixture);
    let mut new = old.clone();
    let schemas = &mut new["components"]["schemas"];
    // Sent by clients only: tightening breaks requests.
    schemas["TokenRequest"]["properties"]["identifier"]["maxLength"] = json!(100);
    schemas["TokenRequest"]["required"] = json!(["identifier", "description"]);
    // Received only: tightening does not break a client; weakening a guarantee does.
    schemas["Token"]["properties"]["identifier"]["maxLength"] = json!(100);
    schemas["Token"]["required"] = json!(["pk", "user_obj"]);
    schemas["Token"]["properties"]["description"]["nullable"] = json!(true);
    let dir = tempfile::tempdir().unwrap();
    let edited = dir.path().join("edited.json");
    std::fs::write(&edited, serde_json::to_string(&new).unwrap()).unwrap();

    let changes = changes(&fixture, &edited);
    let find = |kind: &str, schema: &str, property: &str| -> &Value {
        changes
            .iter()
            .find(|c| c["kind"] == kind && c["schema"] == schema && c["property"] == property)
            .unwrap_or_else(|| panic!("no {kind} {schema}.{property} in {changes:#?}"))
    };
    assert_eq!(find("constraint-tightened", "TokenRequest", "identifier")["breaking"], true);
    assert_eq!(find("constraint-tightened", "Token", "identifier")["breaking"], false);
    assert_eq!(find("request-property-became-required", "TokenRequest", "description")["breaking"], true);
    assert_eq!(find("response-property-became-optional", "Token", "identifier")["breaking"], true);
    assert_eq!(find("rust-field-became-optional", "Token", "identifier")["breaking"], true);
    assert_eq!(find("response-property-became-nullable", "Token", "description")["breaking"], true);
    assert_eq!(
        find("constraint-tightened", "TokenRequest", "identifier")["location"],
        "/components/schemas/TokenRequest/properties/identifier"
    );
    assert_eq!(changes.len(), 6, "nothing else changed: {changes:#?}");
}

/// authentik#12756: a new spec version renames a schema. A config that keeps the old Rust
/// name (`[types.NEW] rename = "Old"`) leaves the generated crate as it was, byte for byte
/// outside the stamp, and `akgen diff --config` reports the rename as absorbed, not as a
/// removal and an addition.
#[test]
fn a_schema_rename_the_config_keeps_is_absorbed() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs/fixtures/tokens.yml");
    let text = std::fs::read_to_string(&fixture).unwrap();
    let old = dir.path().join("old.yml");
    let new = dir.path().join("new.yml");
    std::fs::write(&old, &text).unwrap();
    // The rename, as a text edit: the component's key and every reference to it.
    assert!(text.contains("\n    Token:\n"));
    let renamed = text.replace("\n    Token:\n", "\n    ApiToken:\n").replace("schemas/Token'", "schemas/ApiToken'");
    assert!(!renamed.contains("schemas/Token'"));
    std::fs::write(&new, &renamed).unwrap();
    let config = dir.path().join("akgen.toml");
    std::fs::write(&config, "[types.ApiToken]\nrename = \"Token\"\n").unwrap();

    let plain = changes(&old, &new);
    assert!(of_kind(&plain, &["schema-removed"]).iter().any(|c| c["schema"] == "Token"));
    assert!(of_kind(&plain, &["schema-added"]).iter().any(|c| c["schema"] == "ApiToken"));

    let run = akgen_diff(&old, &new, &["--format", "json", "--config", config.to_str().unwrap(), "--fail-on-breaking"]);
    assert_eq!(run.code, Some(0), "nothing breaks: {}", run.stdout);
    let absorbed: Value = serde_json::from_str(&run.stdout).unwrap();
    let list = absorbed["changes"].as_array().unwrap();
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0]["kind"], "schema-renamed");
    assert_eq!(list[0]["breaking"], false);
    assert!(list[0]["detail"].as_str().unwrap().starts_with("Token -> ApiToken; absorbed"), "{}", list[0]["detail"]);

    // The oracle for "absorbed": the two crates agree outside their stamps and the places
    // that name the schema as the spec does (its doc line, `visit_schema`'s table).
    let render = |generator: akgen::Generator| generator.render_crate().unwrap().files;
    let before = render(akgen::Generator::new().spec(&old));
    let after = render(akgen::Generator::new().config(&config).unwrap().spec(&new));
    let unstamped = |s: &str| -> String {
        s.lines()
            .filter(|l| !l.contains("sha256") && !l.contains("ApiToken") && !l.contains("\"Token\""))
            .filter(|l| !matches!(l.trim(), "///" | "#[cfg(feature = \"core\")]"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(before.len(), after.len());
    for (b, a) in before.iter().zip(&after) {
        assert_eq!(b.path, a.path);
        assert!(unstamped(&b.contents) == unstamped(&a.contents), "{} differs", b.path.display());
    }
}
