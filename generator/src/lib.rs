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

pub use emit::plan::{PlannedFile, RustModule, header, plan_files};
pub use error::{Diagnostic, Error};
pub use write::GeneratedFile;
pub use write::render::render_files;

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

    /// The spec to read. Required: the library reads only the spec it is given (the CLI and
    /// this repository's tools find the pinned one with [`spec_source::resolve`]).
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

    /// Loads the spec given with [`Generator::spec`].
    pub fn load(&self) -> Result<load::Spec, Error> {
        load::load_file(self.spec.as_deref().ok_or(Error::NoSpec)?)
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
        let (runtime, validation) = (template(emit::plan::RUNTIME_TEMPLATE), template(emit::plan::VALIDATION_TEMPLATE));
        let models = emit::models::models(&api, emit::Gating::Off);
        let params = emit::models::params(&api, emit::Gating::Off);
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
        write::format_rust(tokens, &header("//", &spec.sha256)).map_err(Error::Internal)
    }

    /// For build scripts: renders the module and writes it to `path` only when it changed
    /// (so cargo rebuilds nothing for an unchanged spec), and tells cargo to rerun when the
    /// spec changes. Returns whether the file was written.
    pub fn write_module(&self, path: &Path) -> Result<bool, Error> {
        let spec_path = self.spec.as_deref().ok_or(Error::NoSpec)?;
        println!("cargo:rerun-if-changed={}", spec_path.display());
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
