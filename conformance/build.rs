//! Generates the models of every authentik spec version in the shared spec directory (other
//! than the pinned one, which is the `authentik-api` crate) as modules of this crate, so that
//! compiling the tests proves every version generates code that compiles. The fixture specs
//! in `specs/fixtures/` become modules too.

use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let dir = akgen::spec_source::shared_spec_dirs()
        .into_iter()
        .find(|d| d.join(akgen::spec_source::pinned_file_name()).is_file())
        .expect("the authentik specs are not in ../shared/specs/authentik; set AKGEN_SPEC_DIR to their directory");
    println!("cargo:rerun-if-changed={}", dir.display());
    println!("cargo:rerun-if-env-changed=AKGEN_SPEC_DIR");
    let mut specs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the spec directory is readable")
        .map(|e| e.expect("a readable directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yml"))
        .collect();
    specs.sort();
    let mut index = String::from(
        "/// Every spec version generated into this crate: (file name, spec path).\npub const VERSIONS: &[(&str, &str)] = &[\n",
    );
    let mut modules = String::new();
    for spec in &specs {
        let file = spec.file_name().unwrap().to_string_lossy().into_owned();
        let module = file.trim_start_matches("schema-").trim_end_matches(".yml").replace(['.', '-'], "_");
        let module = format!("v{module}");
        let path = out.join(format!("{module}.rs"));
        if file != akgen::spec_source::pinned_file_name() {
            akgen::Generator::new().spec(spec).write_module(&path).unwrap_or_else(|e| panic!("{e}"));
            writeln!(modules, "/// Generated from `{file}`.\npub mod {module} {{\n    include!(concat!(env!(\"OUT_DIR\"), \"/{module}.rs\"));\n}}").unwrap();
        }
        writeln!(index, "    ({file:?}, {:?}),", std::fs::canonicalize(spec).unwrap().display().to_string()).unwrap();
    }
    index.push_str("];\n");

    // The hand-written fixture specs, as `fixture_<name>` modules.
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../specs/fixtures");
    println!("cargo:rerun-if-changed={}", fixtures.display());
    let mut files: Vec<PathBuf> = std::fs::read_dir(&fixtures)
        .expect("specs/fixtures is readable")
        .map(|e| e.expect("a readable directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yml"))
        .collect();
    files.sort();
    for spec in &files {
        let stem = spec.file_stem().unwrap().to_string_lossy().replace('-', "_");
        let module = format!("fixture_{stem}");
        // `lenient-*.yml` fixtures hold unsupported constructs and generate only with --lenient.
        let lenient = stem.starts_with("lenient");
        akgen::Generator::new()
            .spec(spec)
            .lenient(lenient)
            .write_module(&out.join(format!("{module}.rs")))
            .unwrap_or_else(|e| panic!("{e}"));
        writeln!(modules, "/// Generated from `specs/fixtures/{}`.\npub mod {module} {{\n    include!(concat!(env!(\"OUT_DIR\"), \"/{module}.rs\"));\n}}", spec.file_name().unwrap().to_string_lossy()).unwrap();
    }
    // The pinned spec's token list in the `tolerant` response policy (akgen.toml's
    // `[skew] responses`), for the version-skew tests.
    let config = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("build.rs");
    let text = "[select]\ninclude = [\"core_tokens_list\"]\n[skew]\nresponses = \"tolerant\"\n";
    let config = akgen::Config::parse(&config, text).unwrap_or_else(|e| panic!("{e}"));
    akgen::Generator::new()
        .with_config(config)
        .spec(dir.join(akgen::spec_source::pinned_file_name()))
        .write_module(&out.join("tolerant_tokens.rs"))
        .unwrap_or_else(|e| panic!("{e}"));
    modules.push_str("/// The pinned spec's `core_tokens_list`, with `responses = \"tolerant\"`.\npub mod tolerant_tokens {\n    include!(concat!(env!(\"OUT_DIR\"), \"/tolerant_tokens.rs\"));\n}\n");
    // The example configs' models, each a module: `module` from `specs/configs/CONFIG`.
    let mut config_module = |config: &str, module: &str, doc: &str| {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("../specs/configs/{config}/akgen.toml"));
        akgen::Generator::new()
            .config(&path)
            .and_then(|g| g.write_module(&out.join(format!("{module}.rs"))).map(|_| ()))
            .unwrap_or_else(|e| panic!("{e}"));
        writeln!(
            modules,
            "/// {doc} (`specs/configs/{config}/akgen.toml`).\npub mod {module} {{\n    include!(concat!(env!(\"OUT_DIR\"), \"/{module}.rs\"));\n}}"
        )
        .unwrap();
    };
    // An overlay, renames, formats as strings, `User` replaced by `token_owner::Owner`.
    config_module("tokens-custom", "custom_tokens", "The token endpoints as this config customizes them");
    // Server only, `date-time = "time"`.
    config_module("tokens-time", "time_tokens", "The token endpoints with `date-time = \"time\"`");
    std::fs::write(out.join("versions.rs"), format!("{index}\n{modules}")).unwrap();

    let pinned = dir.join(akgen::spec_source::pinned_file_name());
    let api = akgen::Generator::new().spec(&pinned).build_ir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(out.join("client_calls.rs"), client_calls(&api)).unwrap();
    std::fs::write(out.join("server_impls.rs"), server_impls(&api)).unwrap();
}

/// `impl Trait for Defaults {}` for every tag's server trait, so every operation answers
/// with its trait method's default. Trait names come from akgen; what is routed where is
/// judged against the raw spec by the test.
fn server_impls(api: &akgen::ir::Api) -> String {
    let mut out = String::from("// Every server trait of the pinned spec, implemented by its defaults.\n");
    for tag in &api.tags {
        writeln!(out, "impl authentik_api::server::{} for Defaults {{}}", tag.server_trait).unwrap();
    }
    out
}

/// One function per operation of the pinned spec that calls it through the generated client
/// (required parameters as arguments, every optional one through its setter), taking the
/// parameters and body as JSON so the test can synthesize them from the raw spec, and a
/// dispatcher by operationId. Names come from akgen's IR, values from the test.
fn client_calls(api: &akgen::ir::Api) -> String {
    use akgen::ir::names::escaped;
    let mut out = String::from("// Calls every operation of the pinned spec through the generated client.\n\n");
    let mut arms = String::new();
    for (i, op) in api.operations.iter().enumerate() {
        let mut f = format!(
            "async fn call_{i}(client: &authentik_api::client::Client, params: serde_json::Value, body: serde_json::Value) -> Result<(), String> {{\n"
        );
        let mut args = Vec::new();
        if let Some(p) = &op.params_type {
            writeln!(f, "    let p: authentik_api::params::{p} = serde_json::from_value(params).map_err(|e| format!(\"params: {{e}}\"))?;").unwrap();
        } else {
            f.push_str("    let _ = params;\n");
        }
        for p in op.parameters.iter().filter(|p| p.required) {
            args.push(format!("p.{}", escaped(&p.name)));
        }
        // The body is always an argument of the operation method.
        let body_type = op.body.as_ref().and_then(|b| {
            let c = b.content.iter().find(|c| c.media_type.contains("json")).or_else(|| b.content.first())?;
            Some(
                c.ty.as_ref()
                    .map(|t| akgen::emit::qualified_type(t).to_string().replace("crate ::", "authentik_api ::"))
                    .unwrap_or_else(|| "serde_json::Value".into()),
            )
        });
        match &body_type {
            Some(ty) => {
                writeln!(
                    f,
                    "    let body: {ty} = serde_json::from_value(body).map_err(|e| format!(\"body: {{e}}\"))?;"
                )
                .unwrap();
                args.push("&body".into());
            }
            None => f.push_str("    let _ = body;\n"),
        }
        let accessor = &api.tag(&op.tag).expect("every operation's tag is listed").client_accessor;
        let (accessor, method) = (escaped(accessor), escaped(&op.name));
        writeln!(f, "    let b = client.{accessor}().{method}({});", args.join(", ")).unwrap();
        for p in op.parameters.iter().filter(|p| !p.required) {
            let (setter, field) = (escaped(&p.setter), escaped(&p.name));
            if p.ty.nullable {
                writeln!(f, "    let b = match p.{field} {{ authentik_api::Nullable::Absent => b, v => b.{setter}(v.into_option()) }};").unwrap();
            } else {
                writeln!(f, "    let b = match p.{field} {{ Some(v) => b.{setter}(v), None => b }};").unwrap();
            }
        }
        f.push_str("    b.send().await.map(|_| ()).map_err(|e| format!(\"{e:?}\"))\n}\n\n");
        out.push_str(&f);
        writeln!(arms, "        {:?} => Box::pin(call_{i}(client, params, body)),", op.id).unwrap();
    }
    write!(
        out,
        "/// Calls operation `id`; `params` is an object keyed by parameter name, `body` the JSON body (or null).\n\
         pub fn call_operation<'a>(client: &'a authentik_api::client::Client, id: &str, params: serde_json::Value, body: serde_json::Value) \
         -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), String>> + Send + 'a>> {{\n    match id {{\n{arms}        other => {{ let other = other.to_owned(); Box::pin(async move {{ Err(format!(\"no such operation {{other}}\")) }}) }}\n    }}\n}}\n"
    )
    .unwrap();
    out
}
