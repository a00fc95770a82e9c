//! The `akgen` command line.

use akgen::{Error, Generator};
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Most of a run is allocating and freeing syntax trees; see `tikv-jemallocator` in
/// Cargo.toml for why this allocator.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

#[derive(Parser)]
#[command(name = "akgen", version, about = "Generate a Rust crate from an OpenAPI 3.0 spec (built for authentik)")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Where the crate comes from: the options `generate` and `check` share.
#[derive(clap::Args)]
struct Source {
    /// The spec (YAML or JSON). Default: the config's `spec`, then $AKGEN_SPEC, then the
    /// pinned authentik schema.
    #[arg(long)]
    spec: Option<PathBuf>,
    /// The config file. Default: `akgen.toml` beside the spec, else in the current directory.
    #[arg(long)]
    config: Option<PathBuf>,
    /// Keep only the operations listed in FILE, one operationId per line (as authentik's
    /// `operation_ids`), and the models they reach.
    #[arg(long, value_name = "FILE")]
    operations_file: Option<PathBuf>,
    /// Output directory. Default: the config's `out`, else `generated`.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Package name of the generated crate. Default: the config's `crate.name`, else
    /// `authentik-api`.
    #[arg(long)]
    crate_name: Option<String>,
    /// Skip unsupported constructs with a warning (typed as JSON values) instead of failing.
    #[arg(long)]
    lenient: bool,
}

impl Source {
    /// The generator these options describe, and the output directory.
    fn generator(self) -> Result<(Generator, PathBuf), Error> {
        let config = match (&self.config, &self.spec) {
            (Some(config), _) => Some(config.clone()),
            (None, Some(spec)) => akgen::config::Config::beside(spec),
            (None, None) => {
                let here = PathBuf::from(akgen::config::FILE_NAME);
                here.is_file().then_some(here)
            }
        };
        let mut generator = Generator::new().lenient(self.lenient);
        if let Some(config) = config {
            generator = generator.config(config)?;
        }
        if let Some(file) = &self.operations_file {
            generator = generator.operations_file(file)?;
        }
        if let Some(name) = self.crate_name {
            generator = generator.crate_name(name);
        }
        let spec = match self.spec {
            Some(spec) => spec,
            None => match generator.configuration().spec.clone() {
                Some(spec) => spec,
                None => akgen::spec_source::resolve(None)?,
            },
        };
        let out = self.out.or_else(|| generator.configuration().out.clone()).unwrap_or_else(|| "generated".into());
        Ok((generator.spec(spec), out))
    }
}

#[derive(Subcommand)]
enum Command {
    /// Generate the crate and write it to a directory.
    Generate {
        #[command(flatten)]
        source: Source,
        /// Write into a non-empty directory that akgen did not generate.
        #[arg(long)]
        force: bool,
    },
    /// Check that a directory is exactly what `generate` would write (exit 0), or list the
    /// changed, missing and extra files with a bounded diff (exit 1). Writes nothing.
    Check {
        #[command(flatten)]
        source: Source,
    },
    /// Write a commented starting `akgen.toml` for a spec.
    Init {
        /// The spec the config is for (written into it relative to the config's directory).
        #[arg(long)]
        spec: PathBuf,
        /// Where to write the config.
        #[arg(long, default_value = "akgen.toml")]
        config: PathBuf,
        /// Replace an existing file.
        #[arg(long)]
        force: bool,
    },
    /// Print the JSON Schema of `akgen.toml` (for editors and CI linters).
    ConfigSchema,
    /// List the changes from one version of a spec to another, each with a stable kind and
    /// whether it breaks existing callers.
    Diff {
        /// The older spec.
        old: PathBuf,
        /// The newer spec.
        new: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Exit with 1 when any change is breaking.
        #[arg(long)]
        fail_on_breaking: bool,
        /// Type unsupported constructs as JSON values instead of failing.
        #[arg(long)]
        lenient: bool,
        /// The config the newer spec is generated with (its `spec` is ignored): its
        /// selection, and its renames, which keep Rust names across a schema's rename.
        #[arg(long)]
        config: Option<PathBuf>,
        /// The config the older spec was generated with.
        #[arg(long)]
        old_config: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, Error> {
    match cli.command {
        Command::Generate { source, force } => {
            let (generator, out) = source.generator()?;
            let start = std::time::Instant::now();
            let (rendered, report) = generator.write_crate(&out, force)?;
            for w in &rendered.api.warnings {
                eprintln!("warning: {w}");
            }
            eprintln!(
                "akgen: {} types, {} operations -> {} ({} written, {} unchanged, {} removed) in {:.2?}",
                rendered.api.types.len(),
                rendered.api.operations.len(),
                out.display(),
                report.written.len(),
                report.unchanged.len(),
                report.removed.len(),
                start.elapsed()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { source } => {
            let (generator, out) = source.generator()?;
            let (rendered, drift) = generator.check_crate(&out)?;
            if drift.is_clean() {
                eprintln!("akgen check: {} is up to date ({} files)", out.display(), rendered.files.len() + 1);
                Ok(ExitCode::SUCCESS)
            } else {
                stdout(&drift.report());
                eprintln!(
                    "akgen check: {} is stale ({} changed, {} missing, {} extra); regenerate with `akgen generate`",
                    out.display(),
                    drift.changed.len(),
                    drift.missing.len(),
                    drift.extra.len()
                );
                Ok(ExitCode::from(1))
            }
        }
        Command::Init { spec, config, force } => {
            if config.exists() && !force {
                return Err(Error::Output(format!("{} exists; pass --force to replace it", config.display())));
            }
            let dir = config.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
            let relative = relative_to(&spec, dir);
            let text = akgen::config::starter(&relative.to_string_lossy().replace('\\', "/"));
            // What `init` writes must read back: a broken starter would be akgen's bug.
            akgen::config::Config::parse(&config, &text).map_err(|e| Error::Internal(e.to_string()))?;
            akgen::write::write_atomic(&config, text.as_bytes())?;
            eprintln!("akgen init: wrote {}", config.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::ConfigSchema => {
            // TOML has no null: an optional key is one that may be left out.
            let drop_null = schemars::transform::RecursiveTransform(|schema: &mut schemars::Schema| {
                if let Some(serde_json::Value::Array(types)) = schema.get_mut("type") {
                    types.retain(|t| t != "null");
                    if let [one] = types.as_slice() {
                        let one = one.clone();
                        schema.insert("type".into(), one);
                    }
                }
            });
            let settings = schemars::generate::SchemaSettings::draft2020_12().with_transform(drop_null);
            let schema = settings.into_generator().into_root_schema_for::<akgen::config::ConfigFile>();
            stdout(&format!("{}\n", serde_json::to_string_pretty(&schema).expect("a schema serializes")));
            Ok(ExitCode::SUCCESS)
        }
        Command::Diff { old, new, format, fail_on_breaking, lenient, config, old_config } => {
            let ir = |path: PathBuf, config: Option<PathBuf>| -> Result<akgen::ir::Api, Error> {
                let mut generator = Generator::new();
                if let Some(config) = config {
                    generator = generator.config(config)?;
                }
                generator.spec(path).lenient(lenient).build_ir()
            };
            let changes = akgen::diff::diff(&ir(old, old_config)?, &ir(new, config)?);
            match format {
                Format::Text => stdout(&akgen::diff::to_text(&changes)),
                Format::Json => stdout(&format!("{:#}\n", akgen::diff::to_json(&changes))),
            }
            let breaking = changes.iter().any(|c| c.breaking);
            Ok(if fail_on_breaking && breaking { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
    }
}

/// `path` relative to `dir` when both are relative or both absolute and `path` is under
/// `dir`'s parent chain; otherwise `path` made absolute.
fn relative_to(path: &std::path::Path, dir: &std::path::Path) -> PathBuf {
    let absolute = |p: &std::path::Path| std::path::absolute(p).unwrap_or_else(|_| p.to_owned());
    let (path, dir) = (absolute(path), absolute(dir));
    let common = path.components().zip(dir.components()).take_while(|(a, b)| a == b).count();
    if common == 0 {
        return path;
    }
    let mut out = PathBuf::new();
    for _ in dir.components().skip(common) {
        out.push("..");
    }
    out.extend(path.components().skip(common));
    out
}

/// Prints to stdout; a reader that went away (`akgen diff … | head`) is not an error.
fn stdout(text: &str) {
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}
