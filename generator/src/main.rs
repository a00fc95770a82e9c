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
    /// List the changes from one version of a spec to another, each with a stable rule id,
    /// a level (ERR breaks clients, WARN may break some, INFO is safe) and the semver bump
    /// the regenerated crate needs. Exit 0, or 1 with `--fail-on` at or above its level.
    Diff {
        /// The older spec: a file, or `REV:path` read from the git repository here.
        #[arg(required_unless_present = "json_schema")]
        old: Option<String>,
        /// The newer spec: a file, or `REV:path`.
        #[arg(required_unless_present = "json_schema")]
        new: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Exit with 1 when any change is at this level or above.
        #[arg(long, value_name = "LEVEL", value_parser = parse_level)]
        fail_on: Option<akgen::diff::rules::Level>,
        /// The same as `--fail-on ERR`.
        #[arg(long, hide = true)]
        fail_on_breaking: bool,
        /// Changes the level of rules: lines of `RULE LEVEL` (a rule id or a glob of ids).
        #[arg(long, value_name = "FILE")]
        levels: Option<PathBuf>,
        /// Silences changes: lines of `RULE LOCATION` (the pointer a report prints).
        #[arg(long, value_name = "FILE")]
        ignore: Option<PathBuf>,
        /// Which changes to report: the wire's, the generated Rust API's, or both.
        #[arg(long, value_enum, default_value = "all")]
        scope: Scope,
        /// The generated crate's current version, to print the next one.
        #[arg(long, value_name = "VERSION")]
        current_version: Option<String>,
        /// With `--format markdown`: list less (the Rust API, then the safe changes, as counts
        /// per rule) until the report is at most this many bytes; 0 for no limit. The default
        /// is GitHub's limit on a comment or release body.
        #[arg(long, value_name = "BYTES", default_value_t = akgen::diff::report::GITHUB_COMMENT_LIMIT)]
        max_bytes: usize,
        /// Print the JSON Schema of `--format json`'s output and exit.
        #[arg(long)]
        json_schema: bool,
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

fn parse_level(text: &str) -> Result<akgen::diff::rules::Level, String> {
    akgen::diff::rules::Level::parse(text).ok_or_else(|| format!("`{text}` is not ERR, WARN or INFO"))
}

#[derive(Clone, Copy, PartialEq, clap::ValueEnum)]
enum Scope {
    Wire,
    Rust,
    All,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Text,
    Json,
    Markdown,
    Github,
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
        Command::Diff {
            old,
            new,
            format,
            fail_on,
            fail_on_breaking,
            levels,
            ignore,
            scope,
            current_version,
            max_bytes,
            json_schema,
            lenient,
            config,
            old_config,
        } => {
            use akgen::diff::{policy, report, rules::Area};
            if json_schema {
                let schema = schemars::schema_for!(report::JsonReport);
                stdout(&format!("{}\n", serde_json::to_string_pretty(&schema).expect("a schema serializes")));
                return Ok(ExitCode::SUCCESS);
            }
            let (old, new) = (old.expect("clap requires it"), new.expect("clap requires it"));
            // The policy files first: a typo in them is found before the specs are read.
            let levels = levels.map(|p| policy::Levels::read(&p)).transpose()?;
            let ignore = ignore.map(|p| policy::Ignore::read(&p)).transpose()?;
            let side = |name: &str, config: Option<PathBuf>| -> Result<(akgen::load::Spec, akgen::ir::Api), Error> {
                let mut generator = Generator::new().lenient(lenient);
                if let Some(config) = config {
                    generator = generator.config(config)?;
                }
                let spec = generator.load_text(name, read_spec(name)?)?;
                let api = generator.build_ir_from(&spec)?;
                Ok((spec, api))
            };
            let (old_spec, old_api) = side(&old, old_config)?;
            let (new_spec, new_api) = side(&new, config)?;
            let mut changes = akgen::diff::diff(&old_api, &new_api);
            // The bump is a fact about the regenerated crate, whatever the report leaves out.
            let bump = akgen::diff::bump(&changes);
            changes.retain(|c| match scope {
                Scope::All => true,
                Scope::Wire => c.rule.area != Area::Rust,
                Scope::Rust => c.rule.area == Area::Rust,
            });
            if let Some(levels) = &levels {
                levels.apply(&mut changes);
            }
            let mut cx = report::Context::new(
                (old.as_str(), old_spec.text.as_str(), &old_api),
                (new.as_str(), new_spec.text.as_str(), &new_api),
            );
            if let Some(ignore) = &ignore {
                let (ignored, stale) = ignore.apply(&mut changes);
                cx.ignored = ignored;
                for line in stale {
                    eprintln!("warning: the ignore file's line {line} matches no change");
                }
            }
            cx.current_version = current_version.as_deref();
            cx.bump = Some(bump);
            match format {
                Format::Text => stdout(&report::text(&changes, &cx)),
                Format::Json => stdout(&format!("{:#}\n", serde_json::json!(report::json(&changes, &cx)))),
                Format::Markdown => stdout(&report::markdown(&changes, &cx, (max_bytes > 0).then_some(max_bytes))),
                Format::Github => stdout(&report::github(&changes, &cx)),
            }
            let fail_on = fail_on.or(fail_on_breaking.then_some(akgen::diff::rules::Level::Err));
            let failed = fail_on.is_some_and(|at| changes.iter().any(|c| c.level >= at));
            Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
    }
}

/// A spec's text: the file `name`, or, when no such file exists and `name` is `REV:path`,
/// that path at that revision of the git repository the command runs in (`git show`).
fn read_spec(name: &str) -> Result<String, Error> {
    let path = std::path::Path::new(name);
    if path.exists() {
        return akgen::load::read_text(path);
    }
    let Some((rev, file)) = name.split_once(':').filter(|(rev, file)| !rev.is_empty() && !file.is_empty()) else {
        return Err(Error::Io { path: path.to_owned(), source: std::io::ErrorKind::NotFound.into() });
    };
    let output = std::process::Command::new("git")
        .arg("show")
        .arg(format!("{rev}:{file}"))
        .output()
        .map_err(|e| Error::Output(format!("{name}: running git: {e}")))?;
    if !output.status.success() {
        let why = String::from_utf8_lossy(&output.stderr);
        return Err(Error::Output(format!(
            "{name}: no such file, and git cannot read `{file}` at `{rev}`: {}",
            why.trim()
        )));
    }
    akgen::load::utf8_text(path, output.stdout)
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
