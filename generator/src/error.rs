//! Errors that point at the place in the spec that caused them.

use std::fmt;
use std::path::PathBuf;

/// One problem found in a spec, located as precisely as the stage that found it can.
///
/// Users fix specs by hand, so every error names the file, the JSON pointer of the
/// offending node, and the line and column when the parser or the locator knows them.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// The spec file (or a label such as `<memory>` for specs given as text).
    pub file: PathBuf,
    /// JSON pointer to the offending node (`/components/schemas/Token/properties/user`).
    pub pointer: String,
    /// 1-based line and column, where known.
    pub line_col: Option<(u64, u64)>,
    /// What is wrong, in one sentence.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some((line, col)) = self.line_col {
            write!(f, ":{line}:{col}")?;
        }
        if !self.pointer.is_empty() {
            write!(f, ": at {}", self.pointer)?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Why generation stopped.
#[derive(Debug)]
pub enum Error {
    /// The spec could not be read, parsed, or turned into a crate; every problem found is listed.
    Spec(Vec<Diagnostic>),
    /// The configuration (`akgen.toml`, an operations file, the builder's options) is
    /// wrong; every problem found is listed, located in the file that has it.
    Config(Vec<Diagnostic>),
    /// Reading or writing files failed.
    Io { path: PathBuf, source: std::io::Error },
    /// The output directory is not one akgen may write into (see [`crate::write`]).
    Output(String),
    /// [`Generator`](crate::Generator) was asked to load a spec without being given one.
    NoSpec,
    /// A bug in akgen itself (it emitted tokens it cannot format, or a thread panicked):
    /// never the spec's fault, so it names no place in the spec and asks for a report.
    Internal(String),
}

impl Error {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io { path: path.into(), source }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Spec(diags) | Error::Config(diags) => {
                for (i, d) in diags.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "error: {d}")?;
                }
                Ok(())
            }
            Error::Io { path, source } => write!(f, "error: {}: {source}", path.display()),
            Error::Output(msg) => write!(f, "error: {msg}"),
            Error::NoSpec => write!(f, "error: no spec given (the library reads only the spec it is given)"),
            Error::Internal(msg) => write!(
                f,
                "error: internal error in akgen {} (a bug, not a problem in the spec; please report it): {msg}",
                crate::VERSION
            ),
        }
    }
}

impl std::error::Error for Error {}

/// Escapes one JSON pointer segment (RFC 6901: `~` → `~0`, `/` → `~1`).
pub fn escape_pointer_segment(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}
