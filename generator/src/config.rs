//! `akgen.toml`: what an SDK maintainer decides once and commits beside the spec (which
//! operations to keep, which sides to generate, the crate's metadata), read the same way
//! by the CLI and by build scripts ([`Generator::config`](crate::Generator::config)).
//!
//! Every path in the file is relative to the file. Every error names the file, the key
//! (as a JSON pointer) and the line and column; an unknown key says which known key it is
//! probably a typo of.

use crate::error::{Diagnostic, Error};
use crate::ir::custom::{self, Customization, Located};
use crate::ir::{Selection, Selector};
use crate::load::{Overlay, sha256_hex};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The file name akgen looks for beside the spec.
pub const FILE_NAME: &str = "akgen.toml";

/// The parsed file. Field docs are the reference (`akgen config-schema` publishes them).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "cli", schemars(title = "akgen.toml", description = "akgen's configuration file."))]
pub struct ConfigFile {
    /// The OpenAPI document, relative to this file.
    pub spec: Option<PathBuf>,
    /// Where `akgen generate` writes the crate and `akgen check` compares it, relative to
    /// this file (default: `generated`).
    pub out: Option<PathBuf>,
    /// Type unsupported constructs as JSON values, with a warning, instead of failing.
    #[serde(default)]
    pub lenient: bool,
    /// What to generate besides the models (always there): `client`, `server`, or both
    /// (the default). `[]` gives a models-only crate without reqwest, axum or tokio.
    pub sides: Option<Vec<Side>>,
    /// The generated package's manifest and README.
    #[serde(default, rename = "crate")]
    pub package: Package,
    /// Which operations the crate keeps.
    #[serde(default)]
    pub select: Select,
    /// How clients cope with servers older or newer than the spec.
    #[serde(default)]
    pub skew: Skew,
    /// OpenAPI Overlay 1.0 files, applied to the spec in order before anything else reads
    /// it: fixes to a spec you do not own, kept beside it instead of in a fork.
    #[serde(default)]
    #[cfg_attr(feature = "cli", schemars(with = "Vec<PathBuf>"))]
    pub overlays: Vec<Spanned<PathBuf>>,
    /// The Rust type of each string or integer format.
    #[serde(default)]
    pub formats: Formats,
    /// Derives and attributes added to every model type (structs, enums, unions).
    #[serde(default)]
    pub all_types: Extras,
    /// Per component schema, by its name in the spec: rename, replace, derive, and fix
    /// its properties (`[types.Token.fields.expires]`).
    #[serde(default)]
    #[cfg_attr(feature = "cli", schemars(with = "BTreeMap<String, TypeConfig>"))]
    pub types: BTreeMap<Spanned<String>, TypeConfig>,
    /// Per operation, by its operationId.
    #[serde(default)]
    #[cfg_attr(feature = "cli", schemars(with = "BTreeMap<String, OperationConfig>"))]
    pub operations: BTreeMap<Spanned<String>, OperationConfig>,
}

/// The `[formats]` table: which Rust type a format becomes, for every use of it.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
pub struct Formats {
    /// `format: date-time`: `chrono` (`chrono::DateTime<Utc>`, the default), `time`
    /// (`time::OffsetDateTime`, in the models' `rfc3339::DateTime` newtype, which keeps the
    /// offset and reads and writes RFC 3339) or `string` (a `String`, still validated as
    /// RFC 3339).
    #[serde(default)]
    pub date_time: DateTimeType,
    /// `format: date`: `chrono` (`chrono::NaiveDate`, the default) or `string` (validated).
    #[serde(default)]
    pub date: ChronoOrString,
    /// `format: uuid`: `uuid` (`uuid::Uuid`, the default) or `string` (validated).
    #[serde(default)]
    pub uuid: UuidType,
    /// `format: int64`: `i64` (the default) or `u64`, for APIs whose 64-bit integers are
    /// never negative and may exceed `i64::MAX`.
    #[serde(default)]
    pub int64: Int64Type,
}

/// The Rust type of `date-time` and `date`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
pub enum ChronoOrString {
    #[default]
    Chrono,
    String,
}

/// The Rust type of `date-time`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
pub enum DateTimeType {
    #[default]
    Chrono,
    Time,
    String,
}

/// The Rust type of `uuid`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
pub enum UuidType {
    #[default]
    Uuid,
    String,
}

/// The Rust type of `int64`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
pub enum Int64Type {
    #[default]
    I64,
    U64,
}

/// Derives and attributes to add to generated types.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
pub struct Extras {
    /// Trait paths to derive besides akgen's own (`Hash`, `Eq`, `schemars::JsonSchema`).
    #[serde(default)]
    #[cfg_attr(feature = "cli", schemars(with = "Vec<String>"))]
    pub derive: Vec<Spanned<String>>,
    /// Outer attributes, written as in Rust (`#[non_exhaustive]`).
    #[serde(default)]
    #[cfg_attr(feature = "cli", schemars(with = "Vec<String>"))]
    pub attributes: Vec<Spanned<String>>,
}

/// A `[types.NAME]` table.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
pub struct TypeConfig {
    /// The Rust name of the type (default: the schema's name in UpperCamelCase). Keeps the
    /// generated API stable when a new spec version renames the schema.
    #[cfg_attr(feature = "cli", schemars(with = "Option<String>"))]
    pub rename: Option<Spanned<String>>,
    /// A Rust type to use instead of generating one (`my_crate::FlowSet`): the crate
    /// gets `pub type NAME = PATH;`, and the schema's own parts are not generated. It must
    /// implement `Serialize`, `Deserialize`, `Debug`, `Clone` and `PartialEq`, which the
    /// types that hold it derive or implement; its values are not validated.
    #[cfg_attr(feature = "cli", schemars(with = "Option<String>"))]
    pub replace: Option<Spanned<String>>,
    /// With `replace`: further traits the replacement implements (`Eq`, `Hash`, …), so
    /// that types holding it may derive them; deriving one it lacks is a config error.
    #[serde(default)]
    pub traits: Vec<String>,
    /// Trait paths to derive for this type, besides `[all-types]`'s.
    #[serde(default)]
    #[cfg_attr(feature = "cli", schemars(with = "Vec<String>"))]
    pub derive: Vec<Spanned<String>>,
    /// Outer attributes for this type, besides `[all-types]`'s.
    #[serde(default)]
    #[cfg_attr(feature = "cli", schemars(with = "Vec<String>"))]
    pub attributes: Vec<Spanned<String>>,
    /// Per property, by its name on the wire.
    #[serde(default)]
    #[cfg_attr(feature = "cli", schemars(with = "BTreeMap<String, FieldConfig>"))]
    pub fields: BTreeMap<Spanned<String>, FieldConfig>,
}

/// A `[types.NAME.fields.PROPERTY]` table: fixes to the spec for one property.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
pub struct FieldConfig {
    /// The Rust field name (default: the property in snake_case).
    #[cfg_attr(feature = "cli", schemars(with = "Option<String>"))]
    pub rename: Option<Spanned<String>>,
    /// Whether `null` is a value of the property, over what the spec says.
    pub nullable: Option<bool>,
    /// Whether the property is required, over the schema's `required` list.
    pub required: Option<bool>,
}

/// An `[operations.ID]` table.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
pub struct OperationConfig {
    /// The Rust method name (default: the operationId without its tag's prefix).
    #[cfg_attr(feature = "cli", schemars(with = "Option<String>"))]
    pub rename: Option<Spanned<String>>,
}

/// The `[skew]` table.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
pub struct Skew {
    /// `strict` (default): a response must have every property the spec requires, non-null
    /// where it says so. `tolerant`: those of types only responses use decode as `Option`.
    #[serde(default)]
    pub responses: Responses,
}

/// How strictly responses are read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
pub enum Responses {
    /// As the spec says: a missing required property fails the body, naming it.
    #[default]
    Strict,
    /// Required properties of response-only types may be absent: non-nullable ones are
    /// `Option` (absent or `null` decodes to `None`), nullable ones read a missing value as
    /// `None`. Requests and the server stay strict.
    Tolerant,
}

/// A part of the generated crate besides its models.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
pub enum Side {
    /// The async reqwest client (`client` feature).
    Client,
    /// The axum server stubs (`server` feature).
    Server,
}

/// The `[crate]` table: the generated `Cargo.toml`'s `[package]` and the README's top.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
pub struct Package {
    /// Package name (default `authentik-api`).
    pub name: Option<String>,
    /// Package version (default: the spec's `info.version` when it is semver, else 0.0.0).
    pub version: Option<String>,
    /// Package description (default: one naming the API and its version).
    pub description: Option<String>,
    /// SPDX license expression (default `MIT OR Apache-2.0`).
    pub license: Option<String>,
    pub repository: Option<String>,
    pub homepage: Option<String>,
    /// Where the crate's API documentation is (`documentation` in the manifest).
    pub documentation: Option<String>,
    pub authors: Option<Vec<String>>,
    /// Rust edition (default `2024`).
    pub edition: Option<String>,
    /// Minimum supported Rust version (default `1.89`).
    pub rust_version: Option<String>,
    /// The README's first heading (default: the package name).
    pub readme_title: Option<String>,
    /// A paragraph under the README's heading, before the generated text.
    pub readme_intro: Option<String>,
    /// Dependencies added to the manifest, as Cargo writes them (`my-types = { path =
    /// "../my-types" }`): the crates of the types `[types.X] replace` names.
    #[serde(default)]
    #[cfg_attr(feature = "cli", schemars(with = "BTreeMap<String, serde_json::Value>"))]
    pub dependencies: BTreeMap<String, toml::Value>,
}

/// The `[select]` table.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
pub struct Select {
    /// Keep only the operations one of these matches (all when empty): an operationId,
    /// `tag:NAME`, or `METHOD /path` (`*` for any method); `*` and `?` are globs.
    #[serde(default)]
    #[cfg_attr(feature = "cli", schemars(with = "Vec<String>"))]
    pub include: Vec<Spanned<String>>,
    /// Leave out the operations one of these matches, as `include` reads them.
    #[serde(default)]
    #[cfg_attr(feature = "cli", schemars(with = "Vec<String>"))]
    pub exclude: Vec<Spanned<String>>,
    /// A file of operationIds to include, one per line (`#` starts a comment): the format
    /// of authentik's `packages/client-rust/operation_ids`.
    #[cfg_attr(feature = "cli", schemars(with = "Option<PathBuf>"))]
    pub operations_file: Option<Spanned<PathBuf>>,
    /// Keep every model, not only those the kept operations reach.
    #[serde(default)]
    pub keep_unused_models: bool,
}

/// A configuration as the generator uses it: the file's settings with its paths resolved,
/// and the hash of what it was read from for the `@generated` stamp.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file it was read from (`None`: built in code, no file).
    pub path: Option<PathBuf>,
    pub file: ConfigFile,
    /// The spec, resolved against the file's directory.
    pub spec: Option<PathBuf>,
    /// The output directory, resolved against the file's directory.
    pub out: Option<PathBuf>,
    /// The selection, with the operations files' ids added to `include`.
    pub selection: Option<Selection>,
    /// The overlays to apply to the spec, read and checked.
    pub overlays: Vec<Overlay>,
    /// The `[types]`, `[operations]`, `[formats]` and `[all-types]` tables, checked and
    /// located, for the IR builder.
    pub custom: Customization,
    /// The files read (the config, operations files, overlays): what a build script reruns on.
    pub inputs: Vec<PathBuf>,
    /// sha256 of the inputs' bytes (of their hashes, when there are several), so that a
    /// changed config shows in every generated file's header; `None` without inputs.
    pub sha256: Option<String>,
    input_hashes: Vec<String>,
}

impl Config {
    /// Reads and checks `path`.
    pub fn load(path: &Path) -> Result<Config, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Config::parse(path, &text)
    }

    /// Parses `text` as the config file at `path` (which only locates relative paths).
    pub fn parse(path: &Path, text: &str) -> Result<Config, Error> {
        let file: ConfigFile = parse_toml(path, text)?;
        let dir = path.parent().unwrap_or(Path::new(""));
        let select = &file.select;
        let selectors = |list: &[Spanned<String>], key: &str| -> Vec<Selector> {
            list.iter()
                .enumerate()
                .map(|(i, s)| {
                    let at = line_col(text, s.span().start);
                    Selector::new(s.get_ref().clone(), path, format!("/select/{key}/{i}"), Some(at))
                })
                .collect()
        };
        let selection = (!select.include.is_empty() || !select.exclude.is_empty()).then(|| Selection {
            include: selectors(&select.include, "include"),
            exclude: selectors(&select.exclude, "exclude"),
            keep_unused_models: false,
        });
        let mut config = Config {
            path: Some(path.to_owned()),
            spec: file.spec.as_ref().map(|p| dir.join(p)),
            out: file.out.as_ref().map(|p| dir.join(p)),
            selection,
            ..Config::default()
        };
        config.hash_input(path, text);
        if let Some(ops) = &select.operations_file {
            config.add_operations_file(&dir.join(ops.get_ref())).map_err(|e| match e {
                Error::Io { path: ops_path, source } => Error::Config(vec![Diagnostic {
                    file: path.to_owned(),
                    pointer: "/select/operations-file".into(),
                    line_col: Some(line_col(text, ops.span().start)),
                    message: format!("cannot read the operations file {}: {source}", ops_path.display()),
                }]),
                other => other,
            })?;
        }
        for (i, overlay) in file.overlays.iter().enumerate() {
            let overlay_path = dir.join(overlay.get_ref());
            let text = std::fs::read_to_string(&overlay_path).map_err(|e| {
                Error::Config(vec![Diagnostic {
                    file: path.to_owned(),
                    pointer: format!("/overlays/{i}"),
                    line_col: Some(line_col(text, overlay.span().start)),
                    message: format!("cannot read the overlay {}: {e}", overlay_path.display()),
                }])
            })?;
            config.hash_input(&overlay_path, &text);
            config.overlays.push(Overlay::parse(&overlay_path, text)?);
        }
        config.custom = customization(path, text, &file)?;
        // Set once the operations file may have made the selection.
        if let Some(selection) = &mut config.selection {
            selection.keep_unused_models = select.keep_unused_models;
        }
        config.file = file;
        Ok(config)
    }

    /// Adds the operationIds listed in `path` (one per line) to the selection's `include`.
    pub fn add_operations_file(&mut self, path: &Path) -> Result<(), Error> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        let ids = operations_file(path, &text);
        if ids.is_empty() {
            return Err(Error::Config(vec![Diagnostic {
                file: path.to_owned(),
                pointer: String::new(),
                line_col: None,
                message: "the operations file lists no operationId (one per line; `#` starts a comment)".into(),
            }]));
        }
        self.selection.get_or_insert_with(Selection::default).include.extend(ids);
        self.hash_input(path, &text);
        Ok(())
    }

    fn hash_input(&mut self, path: &Path, text: &str) {
        self.inputs.push(path.to_owned());
        self.input_hashes.push(sha256_hex(text.as_bytes()));
        self.sha256 = Some(match self.input_hashes.as_slice() {
            [one] => one.clone(),
            many => sha256_hex(many.join("\n").as_bytes()),
        });
    }

    /// The config file beside `spec`, when there is one.
    pub fn beside(spec: &Path) -> Option<PathBuf> {
        let candidate = spec.parent().unwrap_or(Path::new("")).join(FILE_NAME);
        candidate.is_file().then_some(candidate)
    }

    /// Whether the crate has the client.
    pub fn client(&self) -> bool {
        self.file.sides.as_ref().is_none_or(|s| s.contains(&Side::Client))
    }

    /// Whether the crate has the server stubs.
    pub fn server(&self) -> bool {
        self.file.sides.as_ref().is_none_or(|s| s.contains(&Side::Server))
    }
}

/// The file's customizations, located, with every Rust name and path it gives checked.
fn customization(path: &Path, text: &str, file: &ConfigFile) -> Result<Customization, Error> {
    // Shared by the closures that check names and paths as they locate them.
    let errors = std::cell::RefCell::new(Vec::new());
    let located = |s: &Spanned<String>, pointer: String| Located {
        value: s.get_ref().trim().to_owned(),
        origin: Diagnostic {
            file: path.to_owned(),
            pointer,
            line_col: Some(line_col(text, s.span().start)),
            message: String::new(),
        },
    };
    let name = |s: &Spanned<String>, pointer: String, type_name: bool| {
        let l = located(s, pointer);
        if !custom::valid_identifier(&l.value, type_name) {
            let case = if type_name { "an UpperCamelCase type name" } else { "a snake_case name" };
            errors.borrow_mut().push(l.error(format!("`{}` is not {case} Rust accepts", l.value)));
        }
        l
    };
    let esc = crate::error::escape_pointer_segment;
    let mut renames = Vec::new();
    let mut types = Vec::new();
    for (schema, t) in &file.types {
        let at = format!("/types/{}", esc(schema.get_ref()));
        let rename = t.rename.as_ref().map(|r| name(r, format!("{at}/rename"), true));
        let mut fields = Vec::new();
        for (property, f) in &t.fields {
            let at = format!("{at}/fields/{}", esc(property.get_ref()));
            fields.push(custom::FieldCustom {
                property: located(property, at.clone()),
                rename: f.rename.as_ref().map(|r| name(r, format!("{at}/rename"), false)),
                nullable: f.nullable,
                required: f.required,
            });
        }
        renames.push(rename);
        types.push((schema, t, at, fields));
    }
    let operations = file
        .operations
        .iter()
        .map(|(id, o)| {
            let at = format!("/operations/{}", esc(id.get_ref()));
            custom::OperationCustom {
                id: located(id, at.clone()),
                rename: o.rename.as_ref().map(|r| name(r, format!("{at}/rename"), false)),
            }
        })
        .collect();
    let extras = |derive: &[Spanned<String>], attributes: &[Spanned<String>], at: &str| custom::Extras {
        derive: derive
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let l = located(d, format!("{at}derive/{i}"));
                if syn::parse_str::<syn::Path>(&l.value).is_err() {
                    errors.borrow_mut().push(l.error(format!("`{}` is not a trait path", l.value)));
                }
                l
            })
            .collect(),
        attributes: attributes
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let l = located(a, format!("{at}attributes/{i}"));
                if syn::parse::Parser::parse_str(syn::Attribute::parse_outer, &l.value).map_or(true, |v| v.len() != 1) {
                    errors.borrow_mut().push(l.error(format!("`{}` is not one outer attribute (`#[…]`)", l.value)));
                }
                l
            })
            .collect(),
    };
    let all = extras(&file.all_types.derive, &file.all_types.attributes, "/all-types/");
    let types = types
        .into_iter()
        .zip(renames)
        .map(|((schema, t, at, fields), rename)| custom::TypeCustom {
            schema: located(schema, at.clone()),
            rename,
            replace: t.replace.as_ref().map(|r| {
                let l = located(r, format!("{at}/replace"));
                if syn::parse_str::<syn::Path>(&l.value).is_err() {
                    errors.borrow_mut().push(l.error(format!("`{}` is not a Rust type path", l.value)));
                }
                l
            }),
            traits: t.traits.clone(),
            extras: extras(&t.derive, &t.attributes, &format!("{at}/")),
            fields,
        })
        .collect();
    let errors = errors.into_inner();
    if !errors.is_empty() {
        return Err(Error::Config(errors));
    }
    let f = &file.formats;
    let formats = custom::Formats {
        date_time_as_string: f.date_time == DateTimeType::String,
        date_time_as_time: f.date_time == DateTimeType::Time,
        date_as_string: f.date == ChronoOrString::String,
        uuid_as_string: f.uuid == UuidType::String,
        int64_unsigned: f.int64 == Int64Type::U64,
    };
    Ok(Customization { formats, all, types, operations })
}

/// The operationIds of an operations file, each a selector located at its line.
pub fn operations_file(path: &Path, text: &str) -> Vec<Selector> {
    text.lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let content = line.split('#').next().unwrap_or("");
            let id = content.trim();
            let col = content.len() - content.trim_start().len();
            (!id.is_empty()).then(|| Selector::new(id, path, String::new(), Some((i as u64 + 1, col as u64 + 1))))
        })
        .collect()
}

/// Deserializes TOML, turning the first error into a located diagnostic.
fn parse_toml<T: serde::de::DeserializeOwned>(path: &Path, text: &str) -> Result<T, Error> {
    let located = |e: &toml::de::Error, pointer: String| {
        let line_col = e.span().map(|s| line_col(text, s.start));
        Diagnostic { file: path.to_owned(), pointer, line_col, message: did_you_mean(e.message().trim()) }
    };
    let de = toml::Deserializer::parse(text).map_err(|e| Error::Config(vec![located(&e, String::new())]))?;
    serde_path_to_error::deserialize(de).map_err(|e| {
        let pointer = pointer_of(e.path());
        Error::Config(vec![located(e.inner(), pointer)])
    })
}

/// A serde path (`select.include[2]`) as a JSON pointer (`/select/include/2`).
fn pointer_of(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("/{index}")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                out.push('/');
                out.push_str(&crate::error::escape_pointer_segment(key));
            }
            Segment::Unknown => out.push_str("/?"),
        }
    }
    out
}

/// serde's "unknown field `x`, expected one of `a`, `b`" with the likeliest intended key.
fn did_you_mean(message: &str) -> String {
    let Some(rest) = message.strip_prefix("unknown field `").or_else(|| message.strip_prefix("unknown variant `"))
    else {
        return message.to_owned();
    };
    let Some((unknown, expected)) = rest.split_once('`') else { return message.to_owned() };
    let known = expected.split('`').skip(1).step_by(2);
    format!("{message}{}", custom::nearest(unknown, known))
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (u64, u64) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() as u64 + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() as u64 + 1;
    (line, col)
}

/// A commented starting file for `akgen init`, with the spec's path filled in.
pub fn starter(spec: &str) -> String {
    format!(
        r##"# akgen.toml: how akgen generates a crate from this spec. Paths are relative to this file.
# Every key is optional; the README's "Configuration" section describes each one, and
# `akgen config-schema` prints a JSON Schema of this file for editors.

spec = "{spec}"
# out = "generated"
# lenient = false
# What to generate besides the models: "client", "server", both (the default), or []
# for a models-only crate with no HTTP dependencies.
# sides = ["client", "server"]
# Overlay 1.0 files applied to the spec first (JSONPath targets; update or remove).
# overlays = ["fixes.overlay.yaml"]

[crate]
# name = "authentik-api"
# version = "1.0.0"            # default: the spec's info.version
# description = "…"
# license = "MIT OR Apache-2.0"
# repository = "https://…"
# authors = ["…"]
# edition = "2024"
# rust-version = "1.89"
# readme-title = "…"
# readme-intro = "…"

[select]
# Keep only some operations: operationIds, "tag:NAME" or "METHOD /path"; * and ? are globs.
# include = ["tag:core", "flows_executor_*", "GET /core/users/"]
# exclude = ["*_destroy"]
# operations-file = "operation_ids"   # one operationId per line
# keep-unused-models = false          # models no kept operation reaches are left out

[formats]
# date-time = "chrono"   # or "string" (validated); also `date`
# uuid = "uuid"          # or "string" (validated)
# int64 = "i64"          # or "u64"

[all-types]
# derive = ["Hash"]
# attributes = ["#[non_exhaustive]"]

# Per schema, by its name in the spec:
# [types.Token]
# rename = "ApiToken"
# replace = "my_types::Token"   # an existing type; add its crate to [crate.dependencies]
# derive = ["Eq"]
# [types.Token.fields.expires]
# nullable = false
# required = true
# rename = "expires_at"

# Per operation, by its operationId:
# [operations.core_tokens_list]
# rename = "list_tokens"

[skew]
# "strict": responses must match the spec. "tolerant": a required property of a
# response-only type that a server leaves out (or sends as null) decodes as None.
# responses = "strict"
"##
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn did_you_mean_picks_the_nearest_known_key() {
        let m = did_you_mean("unknown field `inclde`, expected one of `include`, `exclude`, `operations-file`");
        assert!(m.ends_with("did you mean `include`?"), "{m}");
        let m = did_you_mean("unknown field `zzzzzz`, expected one of `include`, `exclude`");
        assert!(!m.contains("did you mean"), "{m}");
        let m = did_you_mean("unknown variant `clinet`, expected `client` or `server`");
        assert!(m.ends_with("did you mean `client`?"), "{m}");
    }

    #[test]
    fn offsets_become_lines_and_columns() {
        assert_eq!(line_col("a\nbé c", 5), (2, 3));
        assert_eq!(line_col("abc", 0), (1, 1));
    }

    #[test]
    fn operations_files_skip_comments_and_blank_lines() {
        let ids =
            operations_file(Path::new("ops"), "# authentik\n\ncore_users_list\n  flows_executor_get # the flow\n");
        let got: Vec<_> = ids.iter().map(|s| (s.pattern.as_str(), s.origin.line_col)).collect();
        assert_eq!(got, [("core_users_list", Some((3, 1))), ("flows_executor_get", Some((4, 3)))]);
    }
}
