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

pub mod config;
pub mod diff;
pub mod emit;
pub mod error;
pub mod ir;
pub mod load;
pub mod spec_source;
pub mod write;

pub use config::Config;
pub use emit::plan::{CrateSettings, PlannedFile, RustModule, Stamp, header, plan_files};
pub use error::{Diagnostic, Error};
pub use write::GeneratedFile;
pub use write::render::render_files;

use proc_macro2::TokenStream;
use std::path::{Path, PathBuf};

/// akgen's version, stamped into every generated file.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// What to generate and how; see [`Generator::render_crate`].
#[derive(Debug, Clone, Default)]
pub struct Generator {
    spec: Option<PathBuf>,
    crate_name: Option<String>,
    lenient: bool,
    config: Config,
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

    /// The spec to read (over the config's `spec`). The library reads only the spec it is
    /// given (the CLI and this repository's tools find the pinned one with
    /// [`spec_source::resolve`]).
    pub fn spec(mut self, path: impl Into<PathBuf>) -> Self {
        self.spec = Some(path.into());
        self
    }

    /// Reads `akgen.toml` (or any file of its format): build scripts and the CLI share it.
    /// Its `spec` is used unless [`Generator::spec`] gives one.
    pub fn config(mut self, path: impl AsRef<Path>) -> Result<Self, Error> {
        self.config = Config::load(path.as_ref())?;
        Ok(self)
    }

    /// Uses a configuration built or read elsewhere.
    pub fn with_config(mut self, config: Config) -> Self {
        self.config = config;
        self
    }

    /// Keeps only the operations listed in `path`, one operationId per line (authentik's
    /// `operation_ids` format), besides what the config selects.
    pub fn operations_file(mut self, path: impl AsRef<Path>) -> Result<Self, Error> {
        self.config.add_operations_file(path.as_ref())?;
        Ok(self)
    }

    /// The configuration in use.
    pub fn configuration(&self) -> &Config {
        &self.config
    }

    /// The generated package's name (over the config's `crate.name`; default `authentik-api`).
    pub fn crate_name(mut self, name: impl Into<String>) -> Self {
        self.crate_name = Some(name.into());
        self
    }

    /// Replace unsupported schemas by JSON values with a warning instead of failing (also
    /// on when the config says `lenient = true`).
    pub fn lenient(mut self, lenient: bool) -> Self {
        self.lenient = lenient;
        self
    }

    /// The spec given with [`Generator::spec`], else the config's.
    pub fn spec_path(&self) -> Option<&Path> {
        self.spec.as_deref().or(self.config.spec.as_deref())
    }

    /// Loads the spec.
    pub fn load(&self) -> Result<load::Spec, Error> {
        load::load_file_with(self.spec_path().ok_or(Error::NoSpec)?, &self.config.overlays)
    }

    fn build_options(&self) -> ir::BuildOptions {
        ir::BuildOptions {
            lenient: self.lenient || self.config.file.lenient,
            selection: self.config.selection.clone(),
            tolerant_responses: self.config.file.skew.responses == config::Responses::Tolerant,
            custom: self.config.custom.clone(),
        }
    }

    /// The crate's manifest, stamp and sides, for a spec with this hash.
    fn settings(&self, spec_sha256: &str) -> CrateSettings {
        let mut package = self.config.file.package.clone();
        if let Some(name) = &self.crate_name {
            package.name = Some(name.clone());
        }
        CrateSettings {
            stamp: Stamp { spec_sha256: spec_sha256.to_owned(), config_sha256: self.config.sha256.clone() },
            package,
            client: self.config.client(),
            server: self.config.server(),
        }
    }

    /// Loads the spec and builds its IR: what `akgen diff` compares.
    pub fn build_ir(&self) -> Result<ir::Api, Error> {
        let spec = self.load()?;
        ir::build(&spec, self.build_options())
    }

    /// Parses a spec given as text (`name` labels it in errors), with the config's
    /// overlays: for specs that are not files, such as `akgen diff`'s `REV:path`.
    pub fn load_text(&self, name: impl Into<PathBuf>, text: String) -> Result<load::Spec, Error> {
        load::load_text_with(name.into(), text, &self.config.overlays)
    }

    /// Builds the IR of an already loaded spec.
    pub fn build_ir_from(&self, spec: &load::Spec) -> Result<ir::Api, Error> {
        ir::build(spec, self.build_options())
    }

    /// Renders the whole crate in memory.
    pub fn render_crate(&self) -> Result<RenderedCrate, Error> {
        let spec = self.load()?;
        self.render_crate_from(&spec)
    }

    /// Renders the crate for an already loaded spec.
    pub fn render_crate_from(&self, spec: &load::Spec) -> Result<RenderedCrate, Error> {
        let api = ir::build(spec, self.build_options())?;
        let files = render_files(&api, plan_files(&api, &self.settings(&spec.sha256))).map_err(Error::Internal)?;
        Ok(RenderedCrate { files, api, spec_sha256: spec.sha256.clone() })
    }

    /// Renders the API as one Rust file of modules (`runtime`, `models`) for `include!`
    /// from a build script, where the output cannot be a crate of its own.
    pub fn render_module(&self) -> Result<String, Error> {
        let spec = self.load()?;
        let api = ir::build(&spec, self.build_options())?;
        let template = |text: &str| -> TokenStream {
            let file: syn::File = syn::parse_str(text).expect("the templates are valid Rust");
            let (attrs, items) = (&file.attrs, &file.items);
            quote::quote!(#(#attrs)* #(#items)*)
        };
        let (runtime, validation) = (template(emit::plan::RUNTIME_TEMPLATE), template(emit::plan::VALIDATION_TEMPLATE));
        let models = emit::models::models(&api, emit::Gating::Off);
        let params = emit::models::params(&api, emit::Gating::Off, true);
        let validate = emit::validate::validate(&api, emit::Gating::Off);
        let lints = emit::crate_root::lint_allows();
        let tokens = quote::quote! {
            pub mod runtime {
                #runtime
            }
            pub mod validation {
                #validation
            }
            pub mod models {
                #lints
                #models
            }
            pub mod params {
                #params
            }
            mod validate {
                #validate
            }
        };
        write::format_rust(tokens, &header("//", &self.settings(&spec.sha256).stamp)).map_err(Error::Internal)
    }

    /// For build scripts: renders the module and writes it to `path` only when it changed
    /// (so cargo rebuilds nothing for an unchanged spec), and tells cargo to rerun when the
    /// spec changes. Returns whether the file was written.
    pub fn write_module(&self, path: &Path) -> Result<bool, Error> {
        let spec_path = self.spec_path().ok_or(Error::NoSpec)?;
        println!("cargo:rerun-if-changed={}", spec_path.display());
        for input in &self.config.inputs {
            println!("cargo:rerun-if-changed={}", input.display());
        }
        let text = self.render_module()?;
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
