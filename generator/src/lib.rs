//! akgen: an OpenAPI 3.0 → Rust generator, built for the authentik API.
//!
//! The pipeline has four stages, one module each, every stage testable on its own:
//!
//! 1. [`load`]: parse YAML/JSON into `openapiv3` types, check the version, resolve `$ref`s;
//! 2. [`ir`]: build the intermediate representation: named types and operations;
//! 3. [`emit`]: IR → `TokenStream`, one emitter per output kind;
//! 4. [`write`]: format, compare with what is on disk, write atomically.
//!
//! [`Generator`] runs them all; build scripts use it with `default-features = false`.

pub mod diff;
pub mod emit;
pub mod error;
pub mod ir;
pub mod load;
pub mod spec_source;
pub mod write;

pub use error::{Diagnostic, Error};
pub use write::GeneratedFile;

use proc_macro2::TokenStream;
use std::path::{Path, PathBuf};

/// akgen's version, stamped into every generated file.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// What to generate and how; see [`Generator::render_crate`].
#[derive(Debug, Clone)]
pub struct Generator {
    spec: Option<PathBuf>,
    crate_name: String,
    lenient: bool,
}

impl Default for Generator {
    fn default() -> Self {
        Generator { spec: None, crate_name: "authentik-api".into(), lenient: false }
    }
}

/// A rendered crate, not yet written.
#[derive(Debug, Clone)]
pub struct RenderedCrate {
    pub files: Vec<GeneratedFile>,
    /// The IR the files were emitted from.
    pub api: ir::Api,
    /// The spec's sha256.
    pub spec_sha256: String,
}

impl Generator {
    pub fn new() -> Self {
        Self::default()
    }

    /// The spec to read; without one, [`spec_source::resolve`] finds the pinned spec.
    pub fn spec(mut self, path: impl Into<PathBuf>) -> Self {
        self.spec = Some(path.into());
        self
    }

    /// The generated package's name (default `authentik-api`).
    pub fn crate_name(mut self, name: impl Into<String>) -> Self {
        self.crate_name = name.into();
        self
    }

    /// Replace unsupported schemas by JSON values with a warning instead of failing.
    pub fn lenient(mut self, lenient: bool) -> Self {
        self.lenient = lenient;
        self
    }

    /// Loads the spec: the one given, or the pinned one.
    pub fn load(&self) -> Result<load::Spec, Error> {
        let path = spec_source::resolve(self.spec.as_deref())?;
        load::load_file(&path)
    }

    /// Loads the spec and builds its IR: what `akgen diff` compares.
    pub fn build_ir(&self) -> Result<ir::Api, Error> {
        let spec = self.load()?;
        ir::build(&spec, ir::BuildOptions { lenient: self.lenient })
    }

    /// Renders the whole crate in memory.
    pub fn render_crate(&self) -> Result<RenderedCrate, Error> {
        let spec = self.load()?;
        self.render_crate_from(&spec)
    }

    /// Renders the crate for an already loaded spec.
    pub fn render_crate_from(&self, spec: &load::Spec) -> Result<RenderedCrate, Error> {
        let api = ir::build(spec, ir::BuildOptions { lenient: self.lenient })?;
        let files = render_files(&api, plan_files(&api, &spec.sha256, &self.crate_name)).map_err(Error::Internal)?;
        Ok(RenderedCrate { files, api, spec_sha256: spec.sha256.clone() })
    }

    /// Renders the API as one Rust file of modules (`runtime`, `models`) for `include!`
    /// from a build script, where the output cannot be a crate of its own.
    pub fn render_module(&self) -> Result<String, Error> {
        let spec = self.load()?;
        let api = ir::build(&spec, ir::BuildOptions { lenient: self.lenient })?;
        let template = |text: &str| -> TokenStream {
            let file: syn::File = syn::parse_str(text).expect("the templates are valid Rust");
            let (attrs, items) = (&file.attrs, &file.items);
            quote::quote!(#(#attrs)* #(#items)*)
        };
        let (runtime, validation) = (template(RUNTIME_TEMPLATE), template(VALIDATION_TEMPLATE));
        let models = emit::models::models(&api, emit::Gating::Off);
        let params = emit::models::params(&api, emit::Gating::Off);
        let validate = emit::validate::validate(&api, emit::Gating::Off);
        let tokens = quote::quote! {
            pub mod runtime {
                #runtime
            }
            pub mod validation {
                #validation
            }
            pub mod models {
                #models
            }
            pub mod params {
                #params
            }
            mod validate {
                #validate
            }
        };
        write::format_rust(tokens, &header("//", &spec.sha256)).map_err(Error::Internal)
    }

    /// For build scripts: renders the module and writes it to `path` only when it changed
    /// (so cargo rebuilds nothing for an unchanged spec), and tells cargo to rerun when the
    /// spec changes. Returns whether the file was written.
    pub fn write_module(&self, path: &Path) -> Result<bool, Error> {
        let spec_path = spec_source::resolve(self.spec.as_deref())?;
        println!("cargo:rerun-if-changed={}", spec_path.display());
        let generator = Generator { spec: Some(spec_path), ..self.clone() };
        let text = generator.render_module()?;
        if std::fs::read(path).is_ok_and(|old| old == text.as_bytes()) {
            return Ok(false);
        }
        write::write_atomic(path, text.as_bytes())?;
        Ok(true)
    }

    /// Renders and writes the crate into `out`; see [`write::write_files`] for the rules.
    pub fn write_crate(&self, out: &Path, force: bool) -> Result<(RenderedCrate, write::WriteReport), Error> {
        let rendered = self.render_crate()?;
        let report = write::write_files(out, &rendered.files, force)?;
        Ok((rendered, report))
    }

    /// Renders the crate in memory and compares it with `out`, writing nothing: the drift
    /// check for CI (`akgen check`, `cargo xtask check`).
    pub fn check_crate(&self, out: &Path) -> Result<(RenderedCrate, write::drift::Drift), Error> {
        let rendered = self.render_crate()?;
        let drift = write::drift::compare(out, &rendered.files)?;
        Ok((rendered, drift))
    }
}

/// The hand-written runtime support module copied into every generated crate.
pub const RUNTIME_TEMPLATE: &str = include_str!("../../templates/runtime.rs");
/// The hand-written checks the generated validators call.
pub const VALIDATION_TEMPLATE: &str = include_str!("../../templates/validation.rs");
/// The hand-written transport under the generated client.
pub const CLIENT_TEMPLATE: &str = include_str!("../../templates/client.rs");
/// The hand-written support code under the generated server.
pub const SERVER_TEMPLATE: &str = include_str!("../../templates/server.rs");
const CARGO_TEMPLATE: &str = include_str!("../../templates/Cargo.toml");
const VALIDATE_EXAMPLE_TEMPLATE: &str = include_str!("../../templates/examples/validate.rs");
const README_TEMPLATE: &str = include_str!("../../templates/README.md");
const TOKENS_SERVER_TEMPLATE: &str = include_str!("../../templates/examples/tokens_server.rs");

/// The operations the tokens-server example implements; it is emitted only for specs that
/// have them all (authentik's).
const TOKENS_SERVER_OPERATIONS: &[&str] = &[
    "core_tokens_list",
    "core_tokens_create",
    "core_tokens_retrieve",
    "core_tokens_update",
    "core_tokens_partial_update",
    "core_tokens_destroy",
];

/// The first line of every generated file, in the file type's comment syntax.
pub fn header(comment: &str, sha256: &str) -> String {
    format!("{comment} @generated by akgen {VERSION} from a spec with sha256 {sha256}. Do not edit; regenerate.")
}

/// A Rust file of the generated crate; [`RustModule::parts`] turns the IR into its tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RustModule {
    /// `client/mod.rs`: the error body type, the accessors, the tag modules.
    Client,
    /// `client/<tag>.rs`: one tag's request builders.
    ClientTag(String),
    /// `server/mod.rs`: the `Api` trait and the router.
    Server,
    /// `server/<tag>.rs`: one tag's trait and handlers.
    ServerTag(String),
    Models,
    Validate,
    Params,
    CrateRoot,
}

impl RustModule {
    /// The module's tokens in parts (stage 3), with per-tag gating; [`render_files`]
    /// formats the parts on parallel threads.
    pub fn parts(self, api: &ir::Api) -> Vec<emit::Part<'_>> {
        use emit::{Gating, Part};
        let operations = api.operations.len();
        let tag_operations = |tag: &str| api.tag_operations(tag).count();
        let tag = |name: &str| api.tag(name).expect("modules are planned for the API's own tags");
        // Weights are rough costs in operations (or types, about the same), so the
        // biggest parts start first.
        match self {
            RustModule::Client => vec![Part::new(operations / 16, move || emit::client::client(api))],
            RustModule::ClientTag(name) => {
                let tag = tag(&name);
                vec![Part::new(tag_operations(&name), move || emit::client::tag_module(api, tag))]
            }
            RustModule::Server => vec![Part::new(operations / 16, move || emit::server::server(api))],
            RustModule::ServerTag(name) => {
                let tag = tag(&name);
                vec![Part::new(tag_operations(&name), move || emit::server::tag_module(api, tag))]
            }
            RustModule::Models => emit::models::model_parts(api, Gating::PerTag),
            RustModule::Validate => {
                vec![Part::new(api.types.len() / 4, move || emit::validate::validate(api, Gating::PerTag))]
            }
            RustModule::Params => vec![Part::new(operations / 8, move || emit::models::params(api, Gating::PerTag))],
            RustModule::CrateRoot => vec![Part::new(0, move || emit::crate_root::lib_rs(api))],
        }
    }

    /// The module's tokens as one stream.
    pub fn emit(self, api: &ir::Api) -> TokenStream {
        emit::join(self.parts(api))
    }
}

/// A file of the generated crate before rendering: a Rust module to emit and format, or
/// finished text.
pub enum PlannedFile {
    /// A Rust file: its header line and the module whose tokens `write::format_rust` lays out.
    Rust { path: PathBuf, header: String, module: RustModule },
    /// A template or manifest, already text.
    Text(GeneratedFile),
}

/// One formatted part of a file: (file index, part index, text).
type Formatted = (usize, usize, String);
/// Emits and formats every planned file; the files come back sorted by path.
///
/// Every part of every Rust module ([`RustModule::parts`]) is emitted and formatted on one
/// of a few threads, largest first; a file is then its header and its parts' texts in order.
/// Formatting is most of akgen's time, and parts are independent: spread this way, the
/// threads finish together and none holds a large syntax tree.
pub fn render_files(api: &ir::Api, files: Vec<PlannedFile>) -> Result<Vec<GeneratedFile>, String> {
    let mut out = Vec::new();
    let mut rust_files = Vec::new();
    let mut jobs = Vec::new();
    for file in files {
        match file {
            PlannedFile::Rust { path, header, module } => {
                jobs.extend(module.parts(api).into_iter().enumerate().map(|(part, p)| (rust_files.len(), part, p)));
                rust_files.push((path, header));
            }
            PlannedFile::Text(file) => out.push(file),
        }
    }
    jobs.sort_by_key(|(.., part)| std::cmp::Reverse(part.weight));
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, jobs.len().max(1));
    let queue = std::sync::Mutex::new(jobs.into_iter());
    let rendered: Vec<Result<Vec<Formatted>, String>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let next = queue.lock().map_err(|_| "a formatting thread failed".to_owned())?.next();
                        let Some((file, index, part)) = next else { return Ok(done) };
                        done.push((file, index, write::format_items(part.emit())?));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| {
                w.join().unwrap_or_else(|panic| Err(format!("a formatting thread panicked: {}", panic_message(&panic))))
            })
            .collect()
    });
    let mut texts: Vec<Vec<(usize, String)>> = rust_files.iter().map(|_| Vec::new()).collect();
    for parts in rendered {
        for (file, index, text) in parts? {
            texts[file].push((index, text));
        }
    }
    for ((path, header), mut parts) in rust_files.into_iter().zip(texts) {
        parts.sort_by_key(|(index, _)| *index);
        let body: Vec<String> = parts.into_iter().map(|(_, text)| text).filter(|text| !text.is_empty()).collect();
        out.push(GeneratedFile { path, contents: format!("{header}\n{}", body.join("\n")) });
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

/// The text a panic was raised with, when it was a string.
fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> &str {
    panic
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(no message)")
}

/// Every file of the generated crate: the Rust modules to emit and the filled templates
/// ([`render_files`] finishes them).
pub fn plan_files(api: &ir::Api, sha256: &str, crate_name: &str) -> Vec<PlannedFile> {
    let rust_header = header("//", sha256);
    let crate_version = semver_or_default(&api.version);
    let features: Vec<String> = api.tags.iter().map(|t| t.feature.clone()).collect();
    let default_features = std::iter::once("client".to_owned())
        .chain(features.iter().cloned())
        .map(|f| format!("\"{f}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let tag_features: String = features.iter().map(|f| format!("{f} = []\n")).collect();
    let fill = |template: &str| {
        template
            .replace("{{crate_name}}", crate_name)
            .replace("{{crate_ident}}", &crate_name.replace('-', "_"))
            .replace("{{crate_version}}", &crate_version)
            .replace("{{api_title}}", &api.title.replace('"', "'"))
            .replace("{{api_version}}", &api.version.replace('"', "'"))
            .replace("{{spec_sha256}}", sha256)
            .replace("{{default_features}}", &default_features)
            .replace("{{tag_features}}", &tag_features)
    };
    let file = |path: &str, contents: String| PlannedFile::Text(GeneratedFile { path: PathBuf::from(path), contents });
    let rust = |path: &str, module: RustModule| PlannedFile::Rust {
        path: PathBuf::from(path),
        header: rust_header.clone(),
        module,
    };
    let tokens_server =
        TOKENS_SERVER_OPERATIONS.iter().all(|id| api.operations.iter().any(|o| o.id == *id && o.tag == "core"));
    // The example implements every tag's trait, so it needs them all (the dev-dependency on
    // the crate itself turns them on for `cargo run --example`).
    let example_targets = if tokens_server {
        let required = std::iter::once("server".to_owned())
            .chain(features.iter().cloned())
            .map(|f| format!("\"{f}\""))
            .collect::<Vec<_>>()
            .join(", ");
        format!(
            "\n[[example]]\nname = \"tokens-server\"\npath = \"examples/tokens_server.rs\"\nrequired-features = [{required}]\n"
        )
    } else {
        String::new()
    };
    let cargo_toml = format!("{}\n{}{example_targets}", header("#", sha256), fill(CARGO_TEMPLATE));
    let mut files = vec![
        file("Cargo.toml", cargo_toml),
        file("README.md", format!("<!--{} -->\n{}", &header("", sha256), fill(README_TEMPLATE))),
        rust("src/client/mod.rs", RustModule::Client),
        file("src/client/transport.rs", format!("{rust_header}\n{CLIENT_TEMPLATE}")),
        rust("src/lib.rs", RustModule::CrateRoot),
        rust("src/models.rs", RustModule::Models),
        rust("src/params.rs", RustModule::Params),
        file("src/runtime.rs", format!("{rust_header}\n{RUNTIME_TEMPLATE}")),
        rust("src/server/mod.rs", RustModule::Server),
        file("src/server/support.rs", format!("{rust_header}\n{SERVER_TEMPLATE}")),
        rust("src/validate.rs", RustModule::Validate),
        file("src/validation.rs", format!("{rust_header}\n{VALIDATION_TEMPLATE}")),
        file("examples/validate.rs", format!("{rust_header}\n{}", fill(VALIDATE_EXAMPLE_TEMPLATE))),
    ];
    for tag in &api.tags {
        let stem = &tag.module;
        files.push(rust(&format!("src/client/{stem}.rs"), RustModule::ClientTag(tag.name.clone())));
        files.push(rust(&format!("src/server/{stem}.rs"), RustModule::ServerTag(tag.name.clone())));
    }
    if tokens_server {
        let other_tags: String = api
            .tags
            .iter()
            .filter(|tag| tag.name != "core")
            .map(|tag| format!("impl server::{} for TokensServer {{}}\n", tag.server_trait))
            .collect();
        let text = fill(TOKENS_SERVER_TEMPLATE).replace("{{other_tags}}\n", &other_tags);
        files.push(file("examples/tokens_server.rs", format!("{rust_header}\n{text}")));
    }
    files
}

/// Cargo wants semver; API versions usually are (`2026.5.6`, `2026.11.0-rc1`), else 0.0.0.
fn semver_or_default(v: &str) -> String {
    let core = v.split(['-', '+']).next().unwrap_or("");
    let parts: Vec<&str> = core.split('.').collect();
    let numeric =
        |p: &&str| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()) && (p.len() == 1 || !p.starts_with('0'));
    if parts.len() == 3 && parts.iter().all(numeric) { v.to_owned() } else { "0.0.0".to_owned() }
}
