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

#[derive(Subcommand)]
enum Command {
    /// Generate the crate and write it to a directory.
    Generate {
        /// The spec (YAML or JSON). Default: $AKGEN_SPEC, then the pinned authentik schema.
        #[arg(long)]
        spec: Option<PathBuf>,
        /// Output directory.
        #[arg(long, default_value = "generated")]
        out: PathBuf,
        /// Package name of the generated crate.
        #[arg(long, default_value = "authentik-api")]
        crate_name: String,
        /// Skip unsupported constructs with a warning (typed as JSON values) instead of failing.
        #[arg(long)]
        lenient: bool,
        /// Write into a non-empty directory that akgen did not generate.
        #[arg(long)]
        force: bool,
    },
    /// Check that a directory is exactly what `generate` would write (exit 0), or list the
    /// changed, missing and extra files with a bounded diff (exit 1). Writes nothing.
    Check {
        /// The spec (YAML or JSON). Default: $AKGEN_SPEC, then the pinned authentik schema.
        #[arg(long)]
        spec: Option<PathBuf>,
        /// The generated directory to check.
        #[arg(long, default_value = "generated")]
        out: PathBuf,
        /// Package name the crate was generated with.
        #[arg(long, default_value = "authentik-api")]
        crate_name: String,
        /// The spec was generated with --lenient.
        #[arg(long)]
        lenient: bool,
    },
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
        Command::Generate { spec, out, crate_name, lenient, force } => {
            let spec = akgen::spec_source::resolve(spec.as_deref())?;
            let generator = Generator::new().spec(spec).crate_name(crate_name).lenient(lenient);
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
        Command::Check { spec, out, crate_name, lenient } => {
            let spec = akgen::spec_source::resolve(spec.as_deref())?;
            let generator = Generator::new().spec(spec).crate_name(crate_name).lenient(lenient);
            let (rendered, drift) = generator.check_crate(&out)?;
            if drift.is_clean() {
                eprintln!("akgen check: {} is up to date ({} files)", out.display(), rendered.files.len() + 1);
                Ok(ExitCode::SUCCESS)
            } else {
                print!("{}", drift.report());
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
        Command::Diff { old, new, format, fail_on_breaking, lenient } => {
            let ir = |path: PathBuf| Generator::new().spec(path).lenient(lenient).build_ir();
            let changes = akgen::diff::diff(&ir(old)?, &ir(new)?);
            match format {
                Format::Text => print!("{}", akgen::diff::to_text(&changes)),
                Format::Json => println!("{:#}", akgen::diff::to_json(&changes)),
            }
            let breaking = changes.iter().any(|c| c.breaking);
            Ok(if fail_on_breaking && breaking { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
    }
}
