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
    changes.iter().filter(|c| kinds.contains(&c["id"].as_str().unwrap())).collect()
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
    assert_eq!(props(&["property-added", "request-property-added-required"]), added_props, "{context}");
    // Of component schemas (inline ones are compared too, but have no name in the YAML).
    let values = |kinds: &[&str]| -> BTreeSet<String> {
        of_kind(&changes, kinds)
            .iter()
            .filter(|c| old_s.contains(c["schema"].as_str().unwrap()) || new_s.contains(c["schema"].as_str().unwrap()))
            .map(|c| format!("{} {}", c["schema"].as_str().unwrap(), c["detail"].as_str().unwrap()))
            .collect()
    };
    assert_eq!(values(&["request-enum-value-removed", "response-enum-value-removed"]), removed_values, "{context}");
    assert_eq!(values(&["enum-value-added"]), added_values, "{context}");

    // Union branches by discriminator value, for unions with a mapping in both versions.
    let mut removed_branches = BTreeSet::new();
    let mut added_branches = BTreeSet::new();
    for name in old_s.intersection(&new_s) {
        let mapping =
            |spec: &Value| spec["components"]["schemas"][name]["discriminator"]["mapping"].as_object().cloned();
        if let (Some(o), Some(n)) = (mapping(&old), mapping(&new)) {
            removed_branches.extend(o.keys().filter(|k| !n.contains_key(*k)).map(|k| format!("{name} {k}")));
            added_branches.extend(n.keys().filter(|k| !o.contains_key(*k)).map(|k| format!("{name} {k}")));
        }
    }
    let union_removed = ["request-union-variant-removed", "response-union-variant-removed"];
    let union_added = ["union-variant-added", "response-union-variant-added", "response-union-variant-added-closed"];
    assert_eq!(values(&union_removed), removed_branches, "{context}");
    assert_eq!(values(&union_added), added_branches, "{context}");

    // Documented statuses of operations in both versions (by operationId).
    let statuses = |spec: &Value| -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        for item in spec["paths"].as_object().unwrap().values() {
            for op in item.as_object().unwrap().values() {
                if let (Some(id), Some(responses)) = (op["operationId"].as_str(), op["responses"].as_object()) {
                    out.extend(responses.keys().map(|s| format!("{id} {s}")));
                }
            }
        }
        out
    };
    let kept = |set: BTreeSet<String>| -> BTreeSet<String> {
        set.into_iter()
            .filter(|s| {
                old_ids.contains(s.split(' ').next().unwrap()) && new_ids.contains(s.split(' ').next().unwrap())
            })
            .collect()
    };
    let (old_st, new_st) = (kept(statuses(&old)), kept(statuses(&new)));
    let reported = |kinds: &[&str]| -> BTreeSet<String> {
        of_kind(&changes, kinds)
            .iter()
            .map(|c| format!("{} {}", c["operation"].as_str().unwrap(), c["detail"].as_str().unwrap()))
            .collect()
    };
    assert_eq!(
        reported(&["response-status-removed", "response-success-status-removed"]),
        &old_st - &new_st,
        "{context}"
    );
    assert_eq!(reported(&["response-status-added"]), &new_st - &old_st, "{context}");

    // Every change has the documented shape and points into the spec it names.
    for c in &changes {
        let id = c["id"].as_str().unwrap();
        assert!(akgen::diff::rules::find(id).is_some(), "{c}");
        assert!(["ERR", "WARN", "INFO"].contains(&c["level"].as_str().unwrap()), "{c}");
        let location: String = c["location"].as_str().unwrap().to_owned();
        assert!(location.starts_with('/'), "{c}");
        let spec = match c["spec"].as_str().unwrap() {
            "old" => &old,
            "new" => &new,
            other => panic!("spec {other}"),
        };
        // Inherited parameters and security live on the path item or the document.
        let mut parent = location.as_str();
        for inherited in ["/parameters", "/security", "/enum", "/oneOf", "/anyOf"] {
            parent = parent.trim_end_matches(inherited);
        }
        assert!(spec.pointer(parent).is_some(), "{context}: {location} is not in the spec: {c}");
        assert!(c["line"].as_u64().is_some() || parent != location, "{context}: {location} has no line: {c}");
    }
    changes
}

#[test]
fn from_2026_2_to_the_pinned_version() {
    let changes = check_pair("schema-2026.2.6.yml", "schema-2026.5.6.yml");
    let gone = field(&of_kind(&changes, &["operation-removed", "operation-id-changed"]), "operation");
    assert!(gone.contains("flows_instances_import_create"), "{gone:?}");
    assert!(gone.contains("lifecycle_iterations_latest_retrieve"), "{gone:?}");
    assert!(changes.iter().all(|c| c["id"] != "operation-removed" || c["level"] == "ERR"));
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
    assert!(
        run.stdout.lines().any(|l| l.starts_with("ERR  operation-removed flows_instances_import_create /paths/")),
        "{}",
        run.stdout
    );
    assert!(run.stdout.trim_end().ends_with("the generated crate needs a major bump"), "{}", run.stdout);
    assert_eq!(akgen_diff(&a, &b, &[]).code, Some(0));
    let same = akgen_diff(&b, &b, &["--fail-on", "INFO", "--format", "json"]);
    assert_eq!(same.code, Some(0));
    assert_eq!(
        serde_json::from_str::<Value>(&same.stdout).unwrap(),
        json!({"summary": {"ERR": 0, "WARN": 0, "INFO": 0, "ignored": 0, "bump": "none"}, "changes": []})
    );
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
    let found: BTreeSet<(String, String, String, String)> = changes
        .iter()
        .map(|c| {
            let s = |k: &str| c[k].as_str().unwrap_or("").to_owned();
            (s("id"), s("level"), s("schema"), s("property"))
        })
        .collect();
    let expected: BTreeSet<(String, String, String, String)> = [
        // Sent: tightening and a new requirement break old calls.
        ("request-constraint-tightened", "ERR", "TokenRequest", "identifier"),
        ("request-property-became-required", "ERR", "TokenRequest", "description"),
        // Received: a tighter bound is safe, a lost guarantee is not.
        ("response-constraint-tightened", "INFO", "Token", "identifier"),
        ("response-property-became-optional", "ERR", "Token", "identifier"),
        ("response-property-became-nullable", "ERR", "Token", "description"),
        // The Rust fields whose types follow (`String` <-> `Option<String>`, `Nullable`).
        ("rust-field-type-changed", "ERR", "Token", "identifier"),
        ("rust-field-type-changed", "ERR", "Token", "description"),
        ("rust-field-type-changed", "ERR", "TokenRequest", "description"),
    ]
    .into_iter()
    .map(|(a, b, c, d)| (a.to_owned(), b.to_owned(), c.to_owned(), d.to_owned()))
    .collect();
    assert_eq!(found, expected, "{changes:#?}");
    let at = |id: &str, schema: &str| changes.iter().find(|c| c["id"] == id && c["schema"] == schema).unwrap();
    assert_eq!(
        at("request-constraint-tightened", "TokenRequest")["location"],
        "/components/schemas/TokenRequest/properties/identifier"
    );
    let rust = at("rust-field-type-changed", "TokenRequest");
    assert_eq!(rust["detail"], "`models::TokenRequest::description`: `Option<String>` -> `String`");
    assert_eq!(rust["bump"], "major");
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
    assert_eq!(list[0]["id"], "schema-renamed");
    assert_eq!(list[0]["level"], "INFO");
    assert_eq!(absorbed["summary"]["bump"], "patch", "the Rust API is unchanged");
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

/// The tokens fixture with one edit per kind of bump, written pretty so that locations have
/// lines of their own.
fn edited_fixture(dir: &Path, name: &str, edit: impl FnOnce(&mut Value)) -> (PathBuf, PathBuf) {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs/fixtures/tokens.yml");
    let old = raw(&fixture);
    let mut new = old.clone();
    edit(&mut new);
    let (old_path, new_path) = (dir.join(format!("{name}-old.json")), dir.join(format!("{name}-new.json")));
    std::fs::write(&old_path, serde_json::to_string_pretty(&old).unwrap()).unwrap();
    std::fs::write(&new_path, serde_json::to_string_pretty(&new).unwrap()).unwrap();
    (old_path, new_path)
}

/// The semver bump follows from what changed in the Rust API: a tightened bound changes no
/// item (patch), a new operation adds a method and types (minor), a new field in a struct
/// literal breaks (major). `--current-version` gives the next version by cargo's rules.
#[test]
fn the_bump_and_the_next_version() {
    let dir = tempfile::tempdir().unwrap();
    let patch = edited_fixture(dir.path(), "patch", |s| {
        s["components"]["schemas"]["TokenRequest"]["properties"]["identifier"]["maxLength"] = json!(100);
    });
    let minor = edited_fixture(dir.path(), "minor", |s| {
        let mut op = s["paths"]["/core/tokens/{identifier}/"]["get"].clone();
        op["operationId"] = json!("core_tokens_peek");
        s["paths"]["/core/tokens/{identifier}/peek/"] = json!({"get": op});
    });
    let major = edited_fixture(dir.path(), "major", |s| {
        s["components"]["schemas"]["Token"]["properties"]["note"] = json!({"type": "string"});
    });
    for ((old, new), bump, current, next) in [
        (&patch, "patch", "1.4.2", "1.4.3"),
        (&minor, "minor", "1.4.2", "1.5.0"),
        (&major, "major", "1.4.2", "2.0.0"),
        (&major, "major", "0.7.3", "0.8.0"),
        (&minor, "minor", "0.7.3", "0.7.4"),
    ] {
        let run = akgen_diff(old, new, &["--format", "json", "--current-version", current]);
        let report: Value = serde_json::from_str(&run.stdout).unwrap();
        assert_eq!(report["summary"]["bump"], bump, "{report:#}");
        assert_eq!(report["summary"]["next_version"], next, "{report:#}");
        // The bump is the largest of the changes' own.
        let largest = report["changes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["bump"].as_str().unwrap())
            .max_by_key(|b| ["none", "patch", "minor", "major"].iter().position(|x| x == b).unwrap());
        assert_eq!(largest, Some(bump));
    }
    let minor_changes = changes(&minor.0, &minor.1);
    let ids: BTreeSet<&str> = minor_changes.iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert!(ids.contains("rust-method-added") && ids.contains("operation-added"), "{ids:?}");
    let major_changes = changes(&major.0, &major.1);
    assert!(
        major_changes.iter().any(|c| c["id"] == "rust-field-added" && c["detail"] == "`models::Token::note`"),
        "{major_changes:#?}"
    );
    let text = akgen_diff(&major.0, &major.1, &["--current-version", "1.4.2"]).stdout;
    assert!(text.trim_end().ends_with("needs a major (1.4.2 -> 2.0.0) bump"), "{text}");
}

/// Rust's semver rules for `#[non_exhaustive]` types: a field or variant added to a type the
/// config marks so is minor (outside code can use neither a struct literal nor an
/// exhaustive `match`); on the other types, the same additions stay major.
#[test]
fn members_added_to_non_exhaustive_types_are_minor() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = edited_fixture(dir.path(), "sealed", |s| {
        s["components"]["schemas"]["Token"]["properties"]["note"] = json!({"type": "string"});
        s["components"]["schemas"]["IntentEnum"]["enum"].as_array_mut().unwrap().push(json!("device"));
    });
    let report = |config: &str| -> Value {
        let path = dir.path().join("akgen.toml");
        std::fs::write(&path, config).unwrap();
        let path = path.to_str().unwrap();
        let run =
            akgen_diff(&old, &new, &["--format", "json", "--scope", "rust", "--old-config", path, "--config", path]);
        serde_json::from_str(&run.stdout).unwrap()
    };
    let ids = |r: &Value| -> BTreeSet<(String, String)> {
        r["changes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| (c["id"].as_str().unwrap().to_owned(), c["detail"].as_str().unwrap().to_owned()))
            .collect()
    };
    let field = "`models::Token::note`".to_owned();
    let variant = "`models::IntentEnum::Device`".to_owned();
    // Without the attribute both additions break.
    let plain = report("");
    assert_eq!(plain["summary"]["bump"], "major");
    assert!(ids(&plain).contains(&("rust-field-added".into(), field.clone())), "{plain:#}");
    assert!(ids(&plain).contains(&("rust-variant-added".into(), variant.clone())), "{plain:#}");
    // With it on every type, both are minor, and nothing else changed.
    let sealed = report("[all-types]\nattributes = [\"#[non_exhaustive]\"]\n");
    assert_eq!(
        ids(&sealed),
        BTreeSet::from([
            ("rust-field-added-non-exhaustive".into(), field.clone()),
            ("rust-variant-added-non-exhaustive".into(), variant.clone()),
        ]),
        "{sealed:#}"
    );
    assert_eq!(sealed["summary"]["bump"], "minor");
    // On one type only: the other addition still breaks.
    let one = report("[types.Token]\nattributes = [\"#[non_exhaustive]\"]\n");
    assert!(ids(&one).contains(&("rust-field-added-non-exhaustive".into(), field)), "{one:#}");
    assert!(ids(&one).contains(&("rust-variant-added".into(), variant)), "{one:#}");
    assert_eq!(one["summary"]["bump"], "major");
    // The attribute itself, added by the new side's config, breaks; taken away, it does not.
    let (plain_toml, sealed_toml) = (dir.path().join("plain.toml"), dir.path().join("sealed.toml"));
    std::fs::write(&plain_toml, "").unwrap();
    std::fs::write(&sealed_toml, "[types.Token]\nattributes = [\"#[non_exhaustive]\"]\n").unwrap();
    let between = |a: &Path, b: &Path| -> Value {
        let configs = ["--old-config", a.to_str().unwrap(), "--config", b.to_str().unwrap()];
        let run = akgen_diff(&old, &old, &[&["--format", "json"][..], &configs].concat());
        serde_json::from_str(&run.stdout).unwrap()
    };
    let token = "`models::Token`".to_owned();
    let sealing = between(&plain_toml, &sealed_toml);
    assert_eq!(ids(&sealing), BTreeSet::from([("rust-type-became-non-exhaustive".into(), token.clone())]));
    assert_eq!(sealing["summary"]["bump"], "major");
    let unsealing = between(&sealed_toml, &plain_toml);
    assert_eq!(ids(&unsealing), BTreeSet::from([("rust-type-became-exhaustive".into(), token)]));
    assert_eq!(unsealing["summary"]["bump"], "minor");
}

/// Response headers (matched without case), parameter styles (an explicit default is no
/// change) and `components/securitySchemes`: each edit to the spec gives exactly the
/// change the catalog names for it, at its level, and nothing else on the wire.
#[test]
fn headers_styles_and_security_schemes() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = raw(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs/fixtures/tokens.yml"));
    let list = "/core/tokens/";
    let mut old = fixture.clone();
    old["paths"][list]["get"]["responses"]["200"]["headers"] = json!({
        "X-Total-Count": {"required": true, "schema": {"type": "integer"}},
        "X-Gone": {"schema": {"type": "string"}},
        "X-Kept": {"schema": {"type": "string"}},
        "X-Same": {"$ref": "#/components/headers/Same"},
    });
    old["components"]["headers"] = json!({"Same": {"schema": {"type": "string", "enum": ["a", "b"]}}});
    old["paths"][list]["get"]["parameters"][0]["style"] = json!("form");
    old["paths"][list]["get"]["parameters"][5]["style"] = json!("form");
    old["components"]["securitySchemes"] = json!({
        "authentik": {"type": "http", "scheme": "bearer"},
        "legacy": {"type": "apiKey", "in": "header", "name": "X-Key"},
        "moved": {"type": "apiKey", "in": "header", "name": "X-Key"},
        "retyped": {"type": "apiKey", "in": "header", "name": "X-Key"},
        "oidc": {"type": "openIdConnect", "openIdConnectUrl": "https://a.example/.well-known/openid-configuration"},
        "oauth": {"type": "oauth2", "flows": {
            "authorizationCode": {"authorizationUrl": "https://a.example/authorize", "tokenUrl": "https://a.example/token",
                                  "scopes": {"read": "", "write": ""}},
            "password": {"tokenUrl": "https://a.example/token", "scopes": {}},
        }},
    });
    let mut new = old.clone();
    new["paths"][list]["get"]["responses"]["200"]["headers"] = json!({
        "x-total-count": {"schema": {"type": "string"}},
        "X-Kept": {"deprecated": true, "schema": {"type": "string"}},
        "X-Same": {"$ref": "#/components/headers/Same"},
        "X-New": {"schema": {"type": "string"}},
    });
    // The first parameter's explicit `form` is its default: no change. The last changes.
    new["paths"][list]["get"]["parameters"][0].as_object_mut().unwrap().remove("style");
    new["paths"][list]["get"]["parameters"][5]["style"] = json!("spaceDelimited");
    new["components"]["securitySchemes"] = json!({
        "authentik": {"type": "http", "scheme": "Bearer+Agent"},
        "moved": {"type": "apiKey", "in": "query", "name": "key"},
        "retyped": {"type": "http", "scheme": "basic"},
        "oidc": {"type": "openIdConnect", "openIdConnectUrl": "https://b.example/.well-known/openid-configuration"},
        "oauth": {"type": "oauth2", "flows": {
            "authorizationCode": {"authorizationUrl": "https://a.example/authorize", "tokenUrl": "https://b.example/token",
                                  "scopes": {"read": "", "admin": ""}},
            "clientCredentials": {"tokenUrl": "https://a.example/token", "scopes": {}},
        }},
        "device": {"type": "http", "scheme": "bearer"},
    });
    let (old_path, new_path) = (dir.path().join("old.json"), dir.path().join("new.json"));
    std::fs::write(&old_path, serde_json::to_string_pretty(&old).unwrap()).unwrap();
    std::fs::write(&new_path, serde_json::to_string_pretty(&new).unwrap()).unwrap();
    let run = akgen_diff(&old_path, &new_path, &["--format", "json", "--scope", "wire"]);
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    let got: BTreeSet<(String, String, String)> = report["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let s = |k: &str| c[k].as_str().unwrap().to_owned();
            (s("id"), s("level"), s("detail"))
        })
        .collect();
    let want: BTreeSet<(String, String, String)> = [
        ("response-header-removed", "WARN", "200: X-Gone"),
        ("response-header-became-optional", "WARN", "200: x-total-count"),
        ("response-header-type-changed", "WARN", "200: x-total-count: integer -> string"),
        ("response-header-deprecated", "INFO", "200: X-Kept"),
        ("response-header-added", "INFO", "200: X-New"),
        ("parameter-style-changed", "ERR", "query user__username: style form -> spaceDelimited"),
        ("security-scheme-changed", "ERR", "authentik: HTTP scheme `bearer` -> `bearer+agent`"),
        ("security-scheme-changed", "ERR", "moved: API key `X-Key` in header -> `key` in query"),
        ("security-scheme-type-changed", "ERR", "retyped: apiKey -> http"),
        ("security-scheme-removed", "WARN", "legacy"),
        ("security-scheme-added", "INFO", "device"),
        ("security-scheme-url-changed", "WARN", "oidc: openIdConnectUrl https://a.example/.well-known/openid-configuration -> https://b.example/.well-known/openid-configuration"),
        ("security-scheme-url-changed", "WARN", "oauth: authorizationCode tokenUrl https://a.example/token -> https://b.example/token"),
        ("security-oauth-scope-removed", "WARN", "oauth: authorizationCode scope write"),
        ("security-oauth-scope-added", "INFO", "oauth: authorizationCode scope admin"),
        ("security-oauth-flow-removed", "ERR", "oauth: password"),
        ("security-oauth-flow-added", "INFO", "oauth: clientCredentials"),
    ]
    .into_iter()
    .map(|(a, b, c)| (a.to_owned(), b.to_owned(), c.to_owned()))
    .collect();
    assert_eq!(got, want, "{report:#}");
    // Every location resolves in the spec it names.
    for c in report["changes"].as_array().unwrap() {
        let spec = if c["spec"] == "old" { &old } else { &new };
        let at = c["location"].as_str().unwrap();
        assert!(spec.pointer(at).is_some(), "{c}");
    }
}

/// `--fail-on` sets the exit code by level; a levels file changes rules' levels (and so the
/// exit code); an ignore file silences exactly the changes it lists.
#[test]
fn fail_on_levels_files_and_ignore_files() {
    let dir = tempfile::tempdir().unwrap();
    // One change of each level: a required request property (ERR), a default changed
    // (WARN), an enum value added (INFO); and the Rust fields that follow.
    let (old, new) = edited_fixture(dir.path(), "levels", |s| {
        let schemas = &mut s["components"]["schemas"];
        schemas["TokenRequest"]["required"] = json!(["identifier", "description"]);
        schemas["TokenRequest"]["properties"]["expiring"]["default"] = json!(false);
        schemas["IntentEnum"]["enum"].as_array_mut().unwrap().push(json!("device"));
    });
    let code = |extra: &[&str]| akgen_diff(&old, &new, extra).code;
    let levels = |report: &str| -> Vec<String> {
        let v: Value = serde_json::from_str(report).unwrap();
        v["changes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| format!("{} {}", c["level"].as_str().unwrap(), c["id"].as_str().unwrap()))
            .collect()
    };
    let all = akgen_diff(&old, &new, &["--format", "json"]).stdout;
    assert!(levels(&all).contains(&"ERR request-property-became-required".to_owned()), "{all}");
    assert!(levels(&all).contains(&"WARN property-default-changed".to_owned()), "{all}");
    assert!(levels(&all).contains(&"INFO enum-value-added".to_owned()), "{all}");
    assert_eq!(code(&[]), Some(0));
    assert_eq!(code(&["--fail-on", "ERR"]), Some(1));
    assert_eq!(code(&["--fail-on", "WARN"]), Some(1));
    assert_eq!(code(&["--fail-on", "INFO"]), Some(1));
    // The Rust scope alone: the enum's new variant and the field that is no longer an
    // `Option` are ERR there too.
    assert_eq!(code(&["--scope", "rust", "--fail-on", "ERR"]), Some(1));
    // The wire alone still reports the bump the crate needs for all of it.
    let wire: Value =
        serde_json::from_str(&akgen_diff(&old, &new, &["--scope", "wire", "--format", "json"]).stdout).unwrap();
    assert!(wire["changes"].as_array().unwrap().iter().all(|c| c["area"] != "rust"));
    assert_eq!(wire["summary"]["bump"], "major");

    // Downgrading the ERR rules: `--fail-on ERR` passes, `--fail-on WARN` still fails.
    let file = dir.path().join("levels.txt");
    std::fs::write(
        &file,
        "# our policy\nrequest-property-became-required WARN\nrust-* INFO  # semver is checked elsewhere\n",
    )
    .unwrap();
    let with = |extra: &[&str]| {
        let mut args = vec!["--levels", file.to_str().unwrap()];
        args.extend(extra);
        code(&args)
    };
    assert_eq!(with(&["--fail-on", "ERR"]), Some(0));
    assert_eq!(with(&["--fail-on", "WARN"]), Some(1));
    std::fs::write(&file, "request-property-became-required INFO\nrust-* INFO\nproperty-default-changed INFO\n")
        .unwrap();
    assert_eq!(with(&["--fail-on", "WARN"]), Some(0));
    assert_eq!(with(&["--fail-on", "INFO"]), Some(1));

    // Ignoring the one ERR wire change removes it and nothing else.
    let before: Value = serde_json::from_str(&all).unwrap();
    let target =
        before["changes"].as_array().unwrap().iter().find(|c| c["id"] == "request-property-became-required").unwrap();
    let ignore = dir.path().join("ignore.txt");
    std::fs::write(&ignore, format!("request-property-became-required {}\n", target["location"].as_str().unwrap()))
        .unwrap();
    let after = akgen_diff(&old, &new, &["--format", "json", "--ignore", ignore.to_str().unwrap()]).stdout;
    let after: Value = serde_json::from_str(&after).unwrap();
    let mut expected = before["changes"].as_array().unwrap().clone();
    expected.retain(|c| c != target);
    assert_eq!(after["changes"].as_array().unwrap(), &expected);
    assert_eq!(after["summary"]["ignored"], 1);
    assert_eq!(after["summary"]["ERR"], before["summary"]["ERR"].as_u64().unwrap() - 1);

    // A stale ignore entry is reported; a typo in either file is a located error (exit 2).
    std::fs::write(&ignore, "enum-value-added /components/schemas/Nothing/enum\n").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_akgen"))
        .args(["diff", old.to_str().unwrap(), new.to_str().unwrap(), "--ignore", ignore.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stderr).contains("line 1 matches no change"));
    std::fs::write(&file, "# policy\n  request-property-becames-required WARN\nrust-* LOUD\n").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_akgen"))
        .args(["diff", old.to_str().unwrap(), new.to_str().unwrap(), "--levels", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!(
            "{}:2:3: `request-property-becames-required` names no diff rule; did you mean `request-property-became-required`?",
            file.display()
        )),
        "{stderr}"
    );
    assert!(stderr.contains(&format!("{}:3:1: `LOUD` is not ERR, WARN or INFO", file.display())), "{stderr}");
}

/// `REV:path` reads a side from the git repository the command runs in, as CI does to
/// compare a pull request's spec with main's without a second checkout.
#[test]
fn either_side_may_be_a_git_revision() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    let git = |args: &[&str]| {
        let out = Command::new("git").args(args).current_dir(repo).output().unwrap();
        assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    };
    git(&["init", "-q"]);
    let (old, new) = edited_fixture(repo, "spec", |s| {
        s["components"]["schemas"]["Token"]["properties"]["note"] = json!({"type": "string"});
    });
    std::fs::copy(&old, repo.join("api.json")).unwrap();
    git(&["add", "api.json"]);
    git(&["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "old"]);
    std::fs::copy(&new, repo.join("api.json")).unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_akgen")).arg("diff").args(args).current_dir(repo).output().unwrap()
    };
    let from_git = run(&["HEAD:api.json", "api.json", "--format", "json"]);
    assert_eq!(from_git.status.code(), Some(0), "{}", String::from_utf8_lossy(&from_git.stderr));
    let from_files = run(&[old.to_str().unwrap(), new.to_str().unwrap(), "--format", "json"]);
    let strip = |o: &std::process::Output| -> Value {
        let v: Value = serde_json::from_slice(&o.stdout).unwrap();
        v["changes"].clone()
    };
    assert_eq!(strip(&from_git), strip(&from_files));
    assert!(!strip(&from_git).as_array().unwrap().is_empty());
    let missing = run(&["HEAD:nothing.json", "api.json"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("HEAD:nothing.json: no such file, and git cannot read"));
}

/// The Markdown of a real pair, read back by a Markdown parser: the breaking section comes
/// first, holds exactly the ERR wire changes the JSON report lists, each marked, grouped
/// under endpoint and schema headings.
#[test]
fn markdown_report_of_a_real_pair() {
    let (a, b) = (specs_dir().join("schema-2026.2.6.yml"), specs_dir().join("schema-2026.5.6.yml"));
    let markdown = akgen_diff(&a, &b, &["--format", "markdown"]).stdout;
    let report: Value = serde_json::from_str(&akgen_diff(&a, &b, &["--format", "json"]).stdout).unwrap();
    let wire_err: Vec<&Value> =
        report["changes"].as_array().unwrap().iter().filter(|c| c["level"] == "ERR" && c["area"] != "rust").collect();
    assert!(!wire_err.is_empty());

    let sections = md_sections(&markdown);
    assert_eq!(sections[0].0, "Breaking changes (ERR)", "{:?}", sections.iter().map(|s| &s.0).collect::<Vec<_>>());
    let items: Vec<&String> = sections[0].1.iter().flat_map(|g| &g.1).collect();
    assert_eq!(items.len(), wire_err.len());
    assert!(items.iter().all(|i| i.starts_with("ERR ")), "{items:?}");
    // Every ERR change is listed under its endpoint or schema, with its rule id.
    for c in &wire_err {
        let id = c["id"].as_str().unwrap();
        let group = match (c["operation"].as_str(), c["schema"].as_str()) {
            (Some(op), _) => sections[0].1.iter().find(|g| g.0.ends_with(&format!("({op})"))),
            (None, Some(schema)) => sections[0].1.iter().find(|g| g.0 == format!("Schema {schema}")),
            _ => None,
        };
        let group = group.unwrap_or_else(|| panic!("no group for {c}"));
        assert!(group.1.iter().any(|i| i.starts_with(&format!("ERR {id}"))), "{id} not under {}", group.0);
    }
    // Endpoints come before schemas.
    let first_schema = sections[0].1.iter().position(|g| g.0.starts_with("Schema ")).unwrap_or(usize::MAX);
    assert!(sections[0].1.iter().skip(first_schema).all(|g| g.0.starts_with("Schema ")));
    // The summary names the counts and the bump.
    let summary = &report["summary"];
    let line = format!(
        "{} ERR (breaking), {} WARN, {} INFO. The generated crate needs a **major** bump.",
        summary["ERR"], summary["WARN"], summary["INFO"]
    );
    assert!(markdown.contains(&line), "{line}");
}

/// A heading and the text of the list items under it.
type MdGroup = (String, Vec<String>);

/// A Markdown report as pulldown-cmark reads it: its level-3 sections, each with its
/// level-4 groups and their list items (text and code spans, concatenated).
fn md_sections(markdown: &str) -> Vec<(String, Vec<MdGroup>)> {
    use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
    let mut sections: Vec<(String, Vec<MdGroup>)> = Vec::new();
    let (mut heading, mut in_heading, mut item, mut in_item) = (String::new(), None, String::new(), 0);
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                in_heading = Some(level);
                heading.clear();
            }
            Event::End(TagEnd::Heading(level)) => {
                in_heading = None;
                match level {
                    HeadingLevel::H3 => sections.push((heading.clone(), Vec::new())),
                    HeadingLevel::H4 => sections.last_mut().unwrap().1.push((heading.clone(), Vec::new())),
                    _ => {}
                }
            }
            Event::Start(Tag::Item) => {
                in_item += 1;
                item.clear();
            }
            Event::End(TagEnd::Item) => {
                in_item -= 1;
                if let Some(group) = sections.last_mut().and_then(|s| s.1.last_mut()) {
                    group.1.push(item.clone());
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if in_heading.is_some() {
                    heading.push_str(&t);
                } else if in_item > 0 {
                    item.push_str(&t);
                }
            }
            _ => {}
        }
    }
    sections
}

/// A report longer than `--max-bytes` (by default GitHub's 65,536-character limit on a
/// comment) lists less, down to the first breaking changes and counts per rule for the
/// rest: every breaking change is still accounted for, and the report says it is short.
#[test]
fn markdown_reports_fit_the_size_limit() {
    let (a, b) = (specs_dir().join("schema-2025.6.4.yml"), specs_dir().join("schema-2025.12.6.yml"));
    let report: Value = serde_json::from_str(&akgen_diff(&a, &b, &["--format", "json"]).stdout).unwrap();
    let wire_err = report["changes"].as_array().unwrap().iter().filter(|c| c["level"] == "ERR" && c["area"] != "rust");
    let wire_err = wire_err.count();
    let full = akgen_diff(&a, &b, &["--format", "markdown", "--max-bytes", "0"]).stdout;
    assert!(full.len() > 65_536 && !full.contains("Shortened"), "{}", full.len());
    for (args, limit) in [(&[][..], 65_536), (&["--max-bytes", "8000"][..], 8000)] {
        let markdown = akgen_diff(&a, &b, &[&["--format", "markdown"][..], args].concat()).stdout;
        assert!(markdown.len() <= limit, "{} > {limit}", markdown.len());
        assert!(markdown.contains("> Shortened to fit a GitHub comment"), "{markdown}");
        let sections = md_sections(&markdown);
        assert_eq!(sections[0].0, "Breaking changes (ERR)");
        // Listed one by one, or counted per rule under "N more breaking changes".
        let mut accounted = 0;
        for (heading, items) in &sections[0].1 {
            if heading.ends_with("more breaking changes") {
                let counted: usize =
                    items.iter().map(|i| i.rsplit(": ").next().unwrap().parse::<usize>().unwrap()).sum();
                assert_eq!(heading, &format!("{counted} more breaking changes"));
                accounted += counted;
            } else {
                assert!(items.iter().all(|i| i.starts_with("ERR ")), "{items:?}");
                accounted += items.len();
            }
        }
        assert_eq!(accounted, wire_err, "{markdown}");
    }
}

/// `--format github`: one workflow command per change, at the change's line in the new spec,
/// checked against the line found by reading the YAML text here.
#[test]
fn github_annotations_point_at_the_new_specs_lines() {
    let (a, b) = (specs_dir().join("schema-2026.2.6.yml"), specs_dir().join("schema-2026.5.6.yml"));
    let out = akgen_diff(&a, &b, &["--format", "github", "--scope", "wire"]).stdout;
    let report: Value =
        serde_json::from_str(&akgen_diff(&a, &b, &["--format", "json", "--scope", "wire"]).stdout).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    let changes = report["changes"].as_array().unwrap();
    assert_eq!(lines.len(), changes.len());
    let text = std::fs::read_to_string(&b).unwrap();
    let yaml: Vec<&str> = text.lines().collect();
    let mut checked = 0;
    for (line, c) in lines.iter().zip(changes) {
        let command = match c["level"].as_str().unwrap() {
            "ERR" => "::error ",
            "WARN" => "::warning ",
            _ => "::notice ",
        };
        assert!(line.starts_with(command), "{line}");
        let file = b.to_str().unwrap().replace(':', "%3A").replace(',', "%2C");
        assert!(line.contains(&format!("file={file},line=")), "{line}");
        assert!(line.contains(&format!(",title={}::", c["id"].as_str().unwrap())), "{line}");
        let at: usize = line.split(",line=").nth(1).unwrap().split(',').next().unwrap().parse().unwrap();
        // An added operation: its path's key, then the method's key below it.
        if c["id"] == "operation-added" {
            let pointer = c["location"].as_str().unwrap();
            let mut parts = pointer.trim_start_matches("/paths/").rsplitn(2, '/');
            let method = parts.next().unwrap();
            let path = parts.next().unwrap().replace("~1", "/").replace("~0", "~");
            let path_line = yaml.iter().position(|l| *l == format!("  {path}:")).unwrap();
            let method_line =
                path_line + yaml[path_line..].iter().position(|l| *l == format!("    {method}:")).unwrap();
            // 1-based: the method's key, or the first line of its value.
            assert!(
                at == method_line + 1 || at == method_line + 2,
                "{line}: {path} {method} is at {}",
                method_line + 1
            );
            checked += 1;
        }
    }
    assert!(checked > 0);
}

/// `--json-schema` describes what `--format json` writes: a real report validates.
#[test]
fn the_json_report_has_a_published_schema() {
    let schema = Command::new(env!("CARGO_BIN_EXE_akgen")).args(["diff", "--json-schema"]).output().unwrap();
    assert_eq!(schema.status.code(), Some(0));
    let schema: Value = serde_json::from_slice(&schema.stdout).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let (a, b) = (specs_dir().join("schema-2026.2.6.yml"), specs_dir().join("schema-2026.5.6.yml"));
    let report: Value =
        serde_json::from_str(&akgen_diff(&a, &b, &["--format", "json", "--current-version", "1.0.0"]).stdout).unwrap();
    let errors: Vec<String> =
        validator.iter_errors(&report).take(5).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // And it is strict enough to refuse a report with a level it does not define.
    let mut bad = report.clone();
    bad["changes"][0]["level"] = json!("FATAL");
    assert!(!validator.is_valid(&bad));
}

/// The README's rule table lists every rule of the catalog with its level, and no other.
#[test]
fn the_readme_lists_every_rule() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../README.md")).unwrap();
    let mut listed = std::collections::BTreeMap::new();
    for line in readme.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        if let [id, level, ..] = cells[..]
            && ["ERR", "WARN", "INFO"].contains(&level)
        {
            listed.insert(id.trim_matches('`').to_owned(), level.to_owned());
        }
    }
    let catalog: std::collections::BTreeMap<String, String> =
        akgen::diff::rules::RULES.iter().map(|r| (r.id.to_owned(), r.level.as_str().to_owned())).collect();
    assert_eq!(listed, catalog);
}

/// Nullability is one thing in its three spellings (`nullable: true` in 3.0, a 3.1 type
/// array, a `null` branch): switching spellings changes nothing, dropping it is judged by
/// direction.
#[test]
fn nullability_is_the_same_in_every_spelling() {
    let spec = |version: &str, name: &str| {
        format!(
            "openapi: {version}\ninfo: {{title: t, version: '1'}}\npaths:\n  /things/:\n    get:\n      operationId: things_list\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {{$ref: '#/components/schemas/Thing'}}\n    post:\n      operationId: things_create\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema: {{$ref: '#/components/schemas/ThingRequest'}}\n      responses:\n        '201': {{description: created}}\ncomponents:\n  schemas:\n    Thing:\n      type: object\n      required: [name]\n      properties:\n        name: {name}\n    ThingRequest:\n      type: object\n      properties:\n        name: {name}\n"
        )
    };
    let dir = tempfile::tempdir().unwrap();
    let write = |file: &str, text: String| {
        let path = dir.path().join(file);
        std::fs::write(&path, text).unwrap();
        path
    };
    let nullable_30 = write("a.yml", spec("3.0.3", "{type: string, nullable: true}"));
    let array_31 = write("b.yml", spec("3.1.0", "{type: [string, 'null']}"));
    let branch_31 = write("c.yml", spec("3.1.0", "{anyOf: [{type: string}, {type: 'null'}]}"));
    let plain = write("d.yml", spec("3.0.3", "{type: string}"));
    for (a, b) in [(&nullable_30, &array_31), (&array_31, &branch_31), (&branch_31, &nullable_30)] {
        assert_eq!(changes(a, b), Vec::<Value>::new(), "{} -> {}", a.display(), b.display());
    }
    for from in [&nullable_30, &array_31, &branch_31] {
        let ids: BTreeSet<(String, String)> = changes(from, &plain)
            .iter()
            .filter(|c| c["area"] != "rust")
            .map(|c| (c["id"].as_str().unwrap().to_owned(), c["schema"].as_str().unwrap().to_owned()))
            .collect();
        // Requests may no longer send `null`; responses simply stop sending it.
        assert_eq!(
            ids,
            BTreeSet::from([("request-property-became-non-nullable".to_owned(), "ThingRequest".to_owned())])
        );
        let back: BTreeSet<String> = changes(&plain, from)
            .iter()
            .filter(|c| c["area"] != "rust")
            .map(|c| c["id"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(back, BTreeSet::from(["response-property-became-nullable".to_owned()]));
    }
}
