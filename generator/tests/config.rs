//! `akgen.toml`: every key changes the output as the README says, bad files get located
//! errors, and a selection keeps exactly what its operations reach. The oracles: the raw
//! YAML walked by this file's own `$ref` follower, the `toml` parser reading the generated
//! manifest back, the `jsonschema` crate holding configs to the published schema, and
//! locations read off the files in `specs/config-errors/` by hand.

use akgen::Generator;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_owned()
}

fn akgen(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_akgen")).args(args).current_dir(dir).output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The raw document, as JSON.
fn raw(spec: &Path) -> Value {
    serde_saphyr::from_str(&std::fs::read_to_string(spec).unwrap()).unwrap()
}

/// The component schemas the operations with these ids reach: every `$ref` (and
/// discriminator mapping) under the operation and its path item's parameters, followed
/// through components of every kind.
fn reached_schemas<'a>(doc: &'a Value, ids: &BTreeSet<String>) -> BTreeSet<String> {
    let mut stack: Vec<&'a Value> = Vec::new();
    for item in doc["paths"].as_object().unwrap().values() {
        for (key, op) in item.as_object().unwrap() {
            if op.get("operationId").and_then(Value::as_str).is_some_and(|id| ids.contains(id)) {
                assert_ne!(key, "parameters");
                stack.push(op);
                stack.extend(item.get("parameters"));
            }
        }
    }
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut follow = |target: &str, stack: &mut Vec<&'a Value>| {
        let target = target.strip_prefix("#/").expect("local refs");
        if seen.insert(target.to_owned()) {
            let node = target.split('/').fold(doc, |v, k| &v[k.replace("~1", "/").replace("~0", "~")]);
            assert!(!node.is_null(), "dangling {target}");
            stack.push(node);
        }
    };
    while let Some(v) = stack.pop() {
        match v {
            Value::Object(m) => {
                for (k, child) in m {
                    match (k.as_str(), child) {
                        ("$ref", Value::String(r)) => follow(r, &mut stack),
                        ("mapping", Value::Object(targets)) => {
                            targets.values().filter_map(Value::as_str).for_each(|r| follow(r, &mut stack))
                        }
                        _ => stack.push(child),
                    }
                }
            }
            Value::Array(items) => stack.extend(items),
            _ => {}
        }
    }
    seen.iter().filter_map(|t| t.strip_prefix("components/schemas/")).map(str::to_owned).collect()
}

fn components(api: &akgen::ir::Api) -> BTreeSet<String> {
    api.types.iter().filter_map(|t| t.component.clone()).collect()
}

#[test]
fn authentiks_eighteen_operations_keep_exactly_what_they_reach() {
    let config = repo().join("specs/configs/authentik-18/akgen.toml");
    let generator = Generator::new().config(&config).unwrap();
    let api = generator.build_ir().unwrap();
    let list = std::fs::read_to_string(repo().join("../shared/fixtures/authentik-client-rust-operation_ids")).unwrap();
    let ids: BTreeSet<String> = list.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect();
    assert_eq!(ids.len(), 18);
    let got: BTreeSet<String> = api.operations.iter().map(|op| op.id.clone()).collect();
    assert_eq!(got, ids);
    let expected = reached_schemas(&raw(generator.spec_path().unwrap()), &ids);
    assert_eq!(components(&api), expected, "models kept vs models the operations reach in the YAML");
    let full = Generator::new().spec(generator.spec_path().unwrap()).build_ir().unwrap();
    assert!(api.types.len() * 5 < full.types.len(), "{} of {} types kept", api.types.len(), full.types.len());
    // The tags are those of the kept operations, no more.
    let tags: BTreeSet<&str> = api.tags.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(tags, BTreeSet::from(["core", "crypto", "events", "flows", "outposts", "root"]));
}

#[test]
fn selectors_read_ids_globs_routes_and_tags() {
    let tokens = repo().join("specs/fixtures/tokens.yml");
    let select = |include: &str, exclude: &str| -> BTreeSet<String> {
        let text = format!("spec = \"{}\"\n[select]\ninclude = [{include}]\nexclude = [{exclude}]\n", tokens.display());
        let config = akgen::Config::parse(Path::new("akgen.toml"), &text).unwrap();
        let api = Generator::new().with_config(config).build_ir().unwrap();
        api.operations.iter().map(|op| op.id.clone()).collect()
    };
    let set = |ids: &[&str]| ids.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
    // Read off tokens.yml by hand.
    assert_eq!(select(r#""core_tokens_list""#, ""), set(&["core_tokens_list"]));
    assert_eq!(
        select(r#""core_tokens_*""#, r#""*_destroy""#),
        set(&["core_tokens_list", "core_tokens_create", "core_tokens_retrieve", "core_tokens_partial_update"])
    );
    assert_eq!(
        select(r#""tag:flows", "tag:authenticators""#, ""),
        set(&["flows_executor_solve", "authenticators_totp_partial_update"])
    );
    assert_eq!(select(r#""PATCH /core/tokens/{identifier}/""#, ""), set(&["core_tokens_partial_update"]));
    assert_eq!(select(r#""* /core/users/*""#, ""), set(&["core_users_set_avatar_create"]));
    assert_eq!(select(r#""post /*""#, r#""tag:core""#), set(&["flows_executor_solve"]));
    // Exclude alone keeps the rest.
    let all_but = select("", r#""tag:core""#);
    assert_eq!(all_but, set(&["flows_executor_solve", "authenticators_totp_partial_update"]));
}

#[test]
fn pruning_follows_the_yaml_and_keep_unused_models_opts_out() {
    let tokens = repo().join("specs/fixtures/tokens.yml");
    let doc = raw(&tokens);
    let full = Generator::new().spec(&tokens).build_ir().unwrap();
    for include in ["core_tokens_retrieve", "authenticators_totp_partial_update", "flows_executor_solve"] {
        for keep in [false, true] {
            let text = format!(
                "spec = \"{}\"\n[select]\ninclude = [\"{include}\"]\nkeep-unused-models = {keep}\n",
                tokens.display()
            );
            let config = akgen::Config::parse(Path::new("akgen.toml"), &text).unwrap();
            let api = Generator::new().with_config(config).build_ir().unwrap();
            let expected =
                if keep { components(&full) } else { reached_schemas(&doc, &BTreeSet::from([include.to_owned()])) };
            assert_eq!(components(&api), expected, "{include}, keep-unused-models = {keep}");
        }
    }
}

#[test]
fn an_operations_file_selects_from_the_command_line_too() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ops"), "# the list\ncore_tokens_list\n\n  core_tokens_create  \n").unwrap();
    let tokens = repo().join("specs/fixtures/tokens.yml");
    let api = Generator::new().spec(&tokens).operations_file(dir.path().join("ops")).unwrap().build_ir().unwrap();
    let ids: BTreeSet<&str> = api.operations.iter().map(|op| op.id.as_str()).collect();
    assert_eq!(ids, BTreeSet::from(["core_tokens_list", "core_tokens_create"]));

    let out = dir.path().join("crate");
    let run = akgen(
        &["generate", "--spec", tokens.to_str().unwrap(), "--operations-file", "ops", "--out", out.to_str().unwrap()],
        dir.path(),
    );
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let client = std::fs::read_to_string(out.join("src/client/core.rs")).unwrap();
    assert!(client.contains("pub fn tokens_list") && client.contains("pub fn tokens_create"));
    assert!(!client.contains("pub fn tokens_retrieve") && !out.join("src/client/flows.rs").exists());
}

/// The generated `Cargo.toml`, read back by the `toml` crate.
fn manifest(files: &[akgen::GeneratedFile]) -> toml::Table {
    let text = &files.iter().find(|f| f.path == Path::new("Cargo.toml")).unwrap().contents;
    toml::from_str(text).unwrap()
}

fn file<'a>(files: &'a [akgen::GeneratedFile], path: &str) -> Option<&'a str> {
    files.iter().find(|f| f.path == Path::new(path)).map(|f| f.contents.as_str())
}

#[test]
fn crate_metadata_and_sides_shape_the_manifest() {
    let rendered =
        Generator::new().config(repo().join("specs/configs/authentik-18/akgen.toml")).unwrap().render_crate().unwrap();
    let m = manifest(&rendered.files);
    let package = m["package"].as_table().unwrap();
    assert_eq!(package["name"].as_str(), Some("authentik-client-18"));
    assert_eq!(package["version"].as_str(), Some("2026.5.6"), "info.version by default");
    assert_eq!(package["description"].as_str(), Some("The 18 operations of authentik's in-tree Rust client"));
    assert_eq!(package["license"].as_str(), Some("MIT"));
    assert_eq!(package["repository"].as_str(), Some("https://github.com/goauthentik/authentik"));
    assert_eq!(package["authors"].as_array().unwrap().len(), 1);
    let readme = file(&rendered.files, "README.md").unwrap();
    let mut lines = readme.lines().skip(1);
    assert_eq!(lines.next(), Some("# authentik client (18 operations)"));
    assert_eq!(lines.nth(1), Some("The operations authentik's own Rust client uses, and the models they reach."));
    assert!(!readme.contains("PatchedTokenRequest"), "the token examples need the token API");
    let features = m["features"].as_table().unwrap();
    assert!(features.contains_key("client") && features.contains_key("server") && features.contains_key("flows"));
    assert!(!features.contains_key("providers"), "tags without kept operations have no feature");

    let rendered =
        Generator::new().config(repo().join("specs/configs/tokens-models/akgen.toml")).unwrap().render_crate().unwrap();
    let m = manifest(&rendered.files);
    let package = m["package"].as_table().unwrap();
    assert_eq!(package["name"].as_str(), Some("tokens-models"));
    assert_eq!(package["version"].as_str(), Some("0.1.0"));
    assert_eq!(package["edition"].as_str(), Some("2024"));
    assert_eq!(package["rust-version"].as_str(), Some("1.89"));
    let deps: BTreeSet<&str> = m["dependencies"].as_table().unwrap().keys().map(String::as_str).collect();
    for http in ["reqwest", "axum", "tokio", "futures-util", "bytes"] {
        assert!(!deps.contains(http), "a models-only crate has no {http}");
    }
    let features = m["features"].as_table().unwrap();
    assert!(!features.contains_key("client") && !features.contains_key("server"));
    assert!(rendered.files.iter().all(|f| !f.path.starts_with("src/client") && !f.path.starts_with("src/server")));
    let lib = file(&rendered.files, "src/lib.rs").unwrap();
    assert!(!lib.contains("mod client") && !lib.contains("mod server"));
    assert!(!file(&rendered.files, "src/params.rs").unwrap().contains("feature = \"server\""));
    let readme = file(&rendered.files, "README.md").unwrap();
    assert!(!readme.contains("## The client") && !readme.contains("server::router"));
    // The README's feature example names only features the manifest has.
    let example = readme.split("```toml\n").nth(1).unwrap().split("```").next().unwrap();
    let example: toml::Table = toml::from_str(example).unwrap();
    for f in example["tokens-models"]["features"].as_array().unwrap() {
        assert!(features.contains_key(f.as_str().unwrap()), "{f} in the README's example is no feature");
    }
    assert!(!readme.contains("client methods") && !readme.contains("`client`"), "no client to speak of");
}

#[test]
fn the_stamp_names_the_config_and_check_blames_it() {
    let dir = tempfile::tempdir().unwrap();
    let tokens = repo().join("specs/fixtures/tokens.yml");
    let config = dir.path().join("akgen.toml");
    std::fs::write(&config, format!("spec = \"{}\"\nout = \"out\"\n", tokens.display())).unwrap();
    let run = akgen(&["generate"], dir.path());
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let lib = std::fs::read_to_string(dir.path().join("out/src/lib.rs")).unwrap();
    let text = std::fs::read(&config).unwrap();
    let sha: String = sha2::Digest::finalize(sha2::Digest::chain_update(<sha2::Sha256 as sha2::Digest>::new(), &text))
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert!(lib.lines().next().unwrap().contains(&format!("and a config with sha256 {sha}")), "{lib}");
    assert_eq!(akgen(&["check"], dir.path()).status.code(), Some(0));

    std::fs::write(&config, format!("spec = \"{}\"\nout = \"out\"\n[crate]\nname = \"renamed\"\n", tokens.display()))
        .unwrap();
    let run = akgen(&["check"], dir.path());
    assert_eq!(run.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(stdout.contains("changed: src/lib.rs (the config changed: sha256 "), "{stdout}");
    assert!(!stdout.contains("the spec changed"), "{stdout}");
}

#[test]
fn a_config_beside_the_spec_is_found() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(repo().join("specs/fixtures/tokens.yml"), dir.path().join("spec.yml")).unwrap();
    std::fs::write(dir.path().join("akgen.toml"), "[crate]\nname = \"found-beside\"\n").unwrap();
    let out = dir.path().join("crate");
    let run = akgen(&["generate", "--spec", "spec.yml", "--out", out.to_str().unwrap()], dir.path());
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let manifest: toml::Table = toml::from_str(&std::fs::read_to_string(out.join("Cargo.toml")).unwrap()).unwrap();
    assert_eq!(manifest["package"]["name"].as_str(), Some("found-beside"));
}

#[test]
fn init_writes_a_starter_that_generates() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(repo().join("specs/fixtures/tokens.yml"), dir.path().join("spec.yml")).unwrap();
    std::fs::create_dir(dir.path().join("sdk")).unwrap();
    let run = akgen(&["init", "--spec", "spec.yml", "--config", "sdk/akgen.toml"], dir.path());
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let text = std::fs::read_to_string(dir.path().join("sdk/akgen.toml")).unwrap();
    assert!(text.contains("spec = \"../spec.yml\""), "paths are relative to the config:\n{text}");
    let run = akgen(&["generate", "--config", "sdk/akgen.toml", "--out", "sdk/crate"], dir.path());
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert!(dir.path().join("sdk/crate/src/client/core.rs").exists());
    // It does not overwrite.
    let again = akgen(&["init", "--spec", "spec.yml", "--config", "sdk/akgen.toml"], dir.path());
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("exists; pass --force"), "{}", stderr(&again));
}

/// Bad configs: exit 2, one located message, nothing written. Places read off the files.
#[test]
fn bad_configs_are_located_errors() {
    let cases = [
        (
            "unknown-key.toml",
            "specs/config-errors/unknown-key.toml:4:1: at /select/inclde: unknown field `inclde`",
            "did you mean `include`?",
        ),
        (
            "wrong-type.toml",
            "specs/config-errors/wrong-type.toml:5:11: at /crate/authors: invalid type: string \"one person\", expected a sequence",
            "",
        ),
        (
            "bad-side.toml",
            "specs/config-errors/bad-side.toml:2:10: at /sides/0: unknown variant `clinet`",
            "did you mean `client`?",
        ),
        (
            "unmatched-selector.toml",
            "specs/config-errors/unmatched-selector.toml:6:5: at /select/include/1: the selector `core_tokens_lsit` matches no operation",
            "did you mean `core_tokens_list`?",
        ),
        (
            "ops-unknown-id.toml",
            "specs/config-errors/ops-unknown-id.txt:3:3: the selector `core_tokens_nope` matches no operation",
            "",
        ),
        (
            "unknown-schema.toml",
            "specs/config-errors/unknown-schema.toml:3:8: at /types/Tokn: the spec has no component schema `Tokn`",
            "did you mean `Token`?",
        ),
        (
            "unknown-field.toml",
            "specs/config-errors/unknown-field.toml:3:21: at /types/Token/fields/expirse: `Token` has no property `expirse`",
            "did you mean `expires`?",
        ),
        (
            "unknown-operation.toml",
            "specs/config-errors/unknown-operation.toml:3:13: at /operations/core_tokens_lst: the spec has no operation",
            "did you mean `core_tokens_list`?",
        ),
        (
            "rename-clash.toml",
            "specs/config-errors/rename-clash.toml:5:10: at /types/Token/rename: `User` is the name of the schema `User`'s type",
            "or choose another",
        ),
        (
            "bad-rename.toml",
            "specs/config-errors/bad-rename.toml:4:10: at /types/Token/fields/expires/rename: `Expires At` is not a snake_case name",
            "",
        ),
        (
            "derive-needs-trait.toml",
            "specs/config-errors/derive-needs-trait.toml:8:11: at /types/Token/derive/0: `Token` derives Eq, but its field type `User` is replaced by `serde_json::Value`",
            "do not list Eq",
        ),
        (
            "replace-not-a-path.toml",
            "specs/config-errors/replace-not-a-path.toml:4:11: at /types/User/replace: `not a path` is not a Rust type path",
            "",
        ),
        (
            "overlay-misses.toml",
            "specs/config-errors/overlay-misses.yaml:9:13: at /actions/1/target: the target `$.components.schemas.OldToken` selects nothing in the spec",
            "",
        ),
    ];
    for (file, place, hint) in cases {
        let out = tempfile::tempdir().unwrap();
        let target = out.path().join("crate");
        let config = format!("specs/config-errors/{file}");
        let run = akgen(&["generate", "--config", &config, "--out", target.to_str().unwrap()], &repo());
        let err = stderr(&run);
        assert_eq!(run.status.code(), Some(2), "{file}: {err}");
        assert!(err.starts_with(&format!("error: {place}")), "{file}: {err}");
        assert!(err.trim_end().ends_with(hint), "{file}: {err}");
        assert_eq!(err.lines().count(), 1, "{file}: {err}");
        assert!(!err.contains("panicked"));
        assert!(!target.exists(), "{file}: nothing is written");
    }
}

/// The schema `akgen config-schema` publishes agrees with the parser: it accepts the
/// example configs and the starter, and refuses what the parser refuses for its shape.
#[test]
fn the_published_schema_agrees_with_the_parser() {
    let run = akgen(&["config-schema"], &repo());
    assert_eq!(run.status.code(), Some(0));
    let schema: Value = serde_json::from_slice(&run.stdout).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    let as_json = |text: &str| -> Value { toml::from_str(text).unwrap() };
    let mut good: Vec<String> = ["authentik-18", "tokens-models", "tokens-custom"]
        .iter()
        .map(|c| std::fs::read_to_string(repo().join(format!("specs/configs/{c}/akgen.toml"))).unwrap())
        .collect();
    good.push(akgen::config::starter("spec.yml"));
    // The starter with every commented key turned on.
    let uncommented: String = akgen::config::starter("spec.yml")
        .lines()
        .map(|l| match l.strip_prefix("# ") {
            Some(rest) if (rest.contains(" = ") && !rest.starts_with("What")) || rest.starts_with('[') => {
                rest.split("  #").next().unwrap().to_owned()
            }
            _ => l.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    good.push(uncommented);
    for text in &good {
        let errors: Vec<String> = validator.iter_errors(&as_json(text)).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{errors:?}\n{text}");
        // The shape only: the uncommented starter names an operations file that is not there.
        toml::from_str::<akgen::config::ConfigFile>(text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    }
    for bad in ["unknown-key.toml", "wrong-type.toml", "bad-side.toml", "bad-format.toml"] {
        let text = std::fs::read_to_string(repo().join("specs/config-errors").join(bad)).unwrap();
        assert!(!validator.is_valid(&as_json(&text)), "the schema accepts {bad}");
        assert!(akgen::Config::parse(Path::new(bad), &text).is_err(), "the parser accepts {bad}");
    }
}

/// `[skew] responses = "tolerant"` loosens exactly the required, non-nullable fields of
/// types only responses reach; request types (and types both reach) keep theirs. Read off
/// the pinned spec: `Token` is a response, `TokenRequest` a request body.
#[test]
fn tolerant_responses_loosen_response_types_only() {
    let spec = akgen::spec_source::resolve(None).unwrap();
    let field = |api: &akgen::ir::Api, ty: &str, name: &str| -> bool {
        match &api.type_named(ty).unwrap().kind {
            akgen::ir::TypeKind::Struct(s) => s.fields.iter().find(|f| f.wire_name == name).unwrap().required,
            other => panic!("{ty}: {other:?}"),
        }
    };
    let text = format!("spec = \"{}\"\n[skew]\nresponses = \"tolerant\"\n", spec.display());
    let tolerant =
        Generator::new().with_config(akgen::Config::parse(Path::new("akgen.toml"), &text).unwrap()).build_ir().unwrap();
    let strict = Generator::new().spec(&spec).build_ir().unwrap();
    assert!(field(&strict, "Token", "identifier") && !field(&tolerant, "Token", "identifier"));
    assert!(field(&strict, "User", "date_joined") && !field(&tolerant, "User", "date_joined"));
    assert!(field(&tolerant, "TokenRequest", "identifier"), "request bodies stay strict");
    let loosened: usize = strict
        .types
        .iter()
        .zip(&tolerant.types)
        .map(|(a, b)| match (&a.kind, &b.kind) {
            (akgen::ir::TypeKind::Struct(a), akgen::ir::TypeKind::Struct(b)) => {
                a.fields.iter().zip(&b.fields).filter(|(x, y)| x.required != y.required).count()
            }
            _ => 0,
        })
        .sum();
    assert!(loosened > 100, "{loosened} fields loosened");
}

fn struct_field<'a>(api: &'a akgen::ir::Api, ty: &str, wire: &str) -> &'a akgen::ir::Field {
    match &api.type_named(ty).unwrap_or_else(|| panic!("no type {ty}")).kind {
        akgen::ir::TypeKind::Struct(s) => s.fields.iter().find(|f| f.wire_name == wire).unwrap(),
        other => panic!("{ty}: {other:?}"),
    }
}

/// Every key of `specs/configs/tokens-custom/akgen.toml` against the same selection without
/// them: the overlay, renames, the property fixes, the replacement (and the pruning of what
/// only it held), the formats, the derives and attributes, the extra dependency. What the
/// spec says is read from its YAML.
#[test]
fn types_operations_formats_and_overlays_change_the_output_as_documented() {
    let spec = akgen::spec_source::resolve(None).unwrap();
    let yaml = raw(&spec);
    let schemas = &yaml["components"]["schemas"];
    let custom = Generator::new().config(repo().join("specs/configs/tokens-custom/akgen.toml")).unwrap();
    let rendered = custom.render_crate().unwrap();
    let api = &rendered.api;
    let text = format!(
        "spec = \"{}\"\n[select]\ninclude = [\"core_tokens_list\", \"core_tokens_retrieve\", \"core_tokens_create\"]\n",
        spec.display()
    );
    let plain =
        Generator::new().with_config(akgen::Config::parse(Path::new("akgen.toml"), &text).unwrap()).build_ir().unwrap();

    // The overlay: the spec says `expires` is nullable; after it, it is not.
    assert_eq!(schemas["Token"]["properties"]["expires"]["nullable"], true);
    assert!(struct_field(&plain, "Token", "expires").ty.nullable);
    assert!(!struct_field(api, "Token", "expires").ty.nullable);

    // Renames of a type, a field and an operation.
    assert_eq!(api.type_named("TokenPage").unwrap().component.as_deref(), Some("PaginatedTokenList"));
    assert!(plain.type_named("TokenPage").is_none() && api.type_named("PaginatedTokenList").is_none());
    assert_eq!(struct_field(api, "Token", "description").name, "summary");
    assert_eq!(struct_field(&plain, "Token", "description").name, "description");
    let method =
        |api: &akgen::ir::Api| api.operations.iter().find(|o| o.id == "core_tokens_list").unwrap().name.clone();
    assert_eq!((method(&plain).as_str(), method(api).as_str()), ("tokens_list", "list_tokens"));
    let client = file(&rendered.files, "src/client/core.rs").unwrap();
    assert!(client.contains("pub fn list_tokens(self)") && !client.contains("pub fn tokens_list("));

    // Property fixes: `expiring` is not in the spec's `required`, `managed` is nullable.
    let request = &schemas["TokenRequest"];
    assert!(!request["required"].as_array().unwrap().iter().any(|r| r == "expiring"));
    assert_eq!(request["properties"]["managed"]["nullable"], true);
    assert!(!struct_field(&plain, "TokenRequest", "expiring").required);
    assert!(struct_field(api, "TokenRequest", "expiring").required);
    assert!(!struct_field(api, "TokenRequest", "managed").ty.nullable);

    // The replacement: `User` is the named Rust type, and what only `User` held is gone.
    let models = file(&rendered.files, "src/models.rs").unwrap();
    assert!(models.contains("pub type User = token_owner::Owner;"), "the alias");
    let group = schemas["User"]["properties"]["groups_obj"]["items"]["$ref"].as_str().unwrap();
    let group = group.rsplit('/').next().unwrap();
    assert!(plain.types.iter().any(|t| t.component.as_deref() == Some(group)), "{group} is reached through User");
    assert!(!api.types.iter().any(|t| t.component.as_deref() == Some(group)), "{group} is pruned with User");
    let names = models.split("pub const SCHEMA_NAMES").nth(1).unwrap().split("];").next().unwrap();
    assert!(names.contains("\"Token\"") && !names.contains("\"User\""), "no visitor for a replaced schema: {names}");
    // A replaced request body: the client writes it through its own `Serialize` and has no
    // checks for it (rustc, in fixture_crates.rs, holds that `NewKey` is neither a model nor
    // `Validate`), where a model body is checked and written as a model.
    assert!(models.contains("pub type TokenSetKeyRequest = token_owner::NewKey;"));
    let builder =
        |name: &str| client.split(&format!("impl<'a> {name}<'a>")).nth(1).unwrap().split("\n}\n").next().unwrap();
    let (set_key, create) = (builder("TokensSetKeyCreate"), builder("TokensCreate"));
    assert!(set_key.contains("call.json(crate::runtime::object::Value::Other(self.body))?;"), "{set_key}");
    assert!(!set_key.contains("check(self.body)"), "{set_key}");
    assert!(create.contains("self.client.check(self.body)?;"), "{create}");
    assert!(create.contains("call.json(crate::runtime::object::Prop::prop(self.body))?;"), "{create}");

    // Formats: `pk` is `format: uuid`, `expires` `date-time`; both strings now.
    assert_eq!(schemas["Token"]["properties"]["pk"]["format"], "uuid");
    let pk = |api: &akgen::ir::Api| struct_field(api, "Token", "pk").ty.kind.clone();
    use akgen::ir::{ExprKind, Primitive};
    assert_eq!(pk(&plain), ExprKind::Primitive(Primitive::Uuid));
    assert_eq!(pk(api), ExprKind::Primitive(Primitive::String));
    assert!(models.contains("pub expires: Option<String>,"), "date-time as a String");

    // Derives (one the enum already has is not repeated) and the attribute on every model.
    assert!(
        models
            .contains("#[derive(PartialOrd, Ord)]\n#[derive(Debug, Clone, PartialEq, Eq, Hash)]\npub enum IntentEnum")
    );
    let models_count = api.types.iter().filter(|t| !matches!(t.kind, akgen::ir::TypeKind::Alias(_))).count();
    assert_eq!(models.matches("/// Customized by specs/configs/tokens-custom/akgen.toml.").count(), models_count);

    // The extra dependency, as written.
    let manifest = manifest(&rendered.files);
    assert_eq!(manifest["dependencies"]["token-owner"]["path"].as_str(), Some("../token-owner"));
}

/// `[formats]` choices that the pinned spec has no use for: `int64` as `u64`, `date` as a
/// validated `String`; and `date-time` as `time`, with the newtype and the dependency it
/// needs, only where asked for. (specs/configs/tokens-time compiles and round-trips it.)
#[test]
fn int64_date_and_date_time_formats_follow_the_config() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("spec.yml"),
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Counter:\n      type: object\n      properties:\n        n: {type: integer, format: int64}\n        m: {type: integer}\n        on: {type: string, format: date}\n        at: {type: string, format: date-time}\n        seen: {type: array, items: {type: string, format: date-time}}\n",
    )
    .unwrap();
    let config = dir.path().join("akgen.toml");
    let build = |formats: &str| {
        std::fs::write(&config, format!("spec = \"spec.yml\"\nsides = []\n[formats]\n{formats}")).unwrap();
        let rendered = Generator::new().config(&config).unwrap().render_crate().unwrap();
        let manifest: toml::Table = toml::from_str(file(&rendered.files, "Cargo.toml").unwrap()).unwrap();
        (file(&rendered.files, "src/models.rs").unwrap().to_owned(), manifest)
    };
    let (default, manifest) = build("");
    assert!(default.contains("pub n: Option<i64>,") && default.contains("pub on: Option<NaiveDate>,"), "{default}");
    assert!(default.contains("pub at: Option<DateTime<Utc>>,"), "{default}");
    assert!(!default.contains("mod rfc3339") && manifest["dependencies"].get("time").is_none());
    let (chosen, _) = build("int64 = \"u64\"\ndate = \"string\"\n");
    assert!(chosen.contains("pub n: Option<u64>,"), "{chosen}");
    assert!(chosen.contains("pub m: Option<i64>,"), "an integer without `format: int64` stays i64");
    assert!(chosen.contains("pub on: Option<String>,"), "{chosen}");
    let (time, manifest) = build("date-time = \"time\"\n");
    assert!(time.contains("pub at: Option<super::models::rfc3339::DateTime>,"), "{time}");
    assert!(time.contains("pub seen: Option<Vec<super::models::rfc3339::DateTime>>,"), "{time}");
    assert!(time.contains("pub mod rfc3339 {") && time.contains("pub struct DateTime(pub time::OffsetDateTime);"));
    assert!(time.contains("pub on: Option<NaiveDate>,"), "`date` keeps chrono");
    assert!(!time.contains("fn what_rfc3339_does_not_allow_is_refused"), "the runtime's tests stay out");
    let features = manifest["dependencies"]["time"]["features"].as_array().unwrap();
    assert!(
        features.iter().any(|f| f.as_str() == Some("parsing"))
            && features.iter().any(|f| f.as_str() == Some("formatting"))
    );
}

/// An overlay is part of the config: changing it changes the stamp, and `akgen check`
/// blames the config, not the spec.
#[test]
fn a_changed_overlay_is_a_changed_config() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(repo().join("specs/fixtures/tokens.yml"), dir.path().join("spec.yml")).unwrap();
    let overlay = |nullable: bool| {
        format!(
            "overlay: 1.0.0\ninfo: {{title: t, version: '1'}}\nactions:\n  - target: $.components.schemas.Token.properties.expires\n    update: {{nullable: {nullable}}}\n"
        )
    };
    std::fs::write(dir.path().join("fix.yaml"), overlay(false)).unwrap();
    std::fs::write(dir.path().join("akgen.toml"), "spec = \"spec.yml\"\nout = \"out\"\noverlays = [\"fix.yaml\"]\n")
        .unwrap();
    let run = akgen(&["generate"], dir.path());
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let models = std::fs::read_to_string(dir.path().join("out/src/models.rs")).unwrap();
    assert!(models.contains("pub expires: Option<DateTime<Utc>>,"), "the overlay made it non-nullable");
    assert_eq!(akgen(&["check"], dir.path()).status.code(), Some(0));
    std::fs::write(dir.path().join("fix.yaml"), overlay(true)).unwrap();
    let run = akgen(&["check"], dir.path());
    assert_eq!(run.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(stdout.contains("(the config changed: sha256 "), "{stdout}");
    assert!(!stdout.contains("the spec changed"), "{stdout}");
}
