//! Where the `akgen` CLI and this repository's tools (xtask, tests, benches, the conformance
//! build script) find the spec when none is given. Policy, not pipeline: the library's
//! [`Generator`](crate::Generator) never calls it and reads only the spec it is given.
//!
//! Order: an explicit path; the `AKGEN_SPEC` environment variable; the pinned schema in
//! `../shared/specs/authentik/` (beside this repository); finally a download of the pinned
//! authentik release's `schema.yml`, verified by sha256 and cached under `target/`.

use crate::error::{Diagnostic, Error};
use std::path::{Path, PathBuf};

/// The authentik version the committed crate is generated from.
pub const PINNED_VERSION: &str = "2026.5.6";
/// sha256 of the pinned `schema.yml`.
pub const PINNED_SHA256: &str = "d4460a399f8ad27309518ef52dcc2c15cbddfe316239b47fc3365cb75ddad3b7";
/// Where the pinned schema is published (the release tag's `schema.yml`).
pub const PINNED_URL: &str = "https://raw.githubusercontent.com/goauthentik/authentik/version/2026.5.6/schema.yml";
/// Environment variable naming the spec to use.
pub const SPEC_ENV: &str = "AKGEN_SPEC";

/// The file name of the pinned schema in the shared spec directory.
pub fn pinned_file_name() -> String {
    format!("schema-{PINNED_VERSION}.yml")
}

/// Directories that may hold the shared authentik specs, nearest first.
pub fn shared_spec_dirs() -> Vec<PathBuf> {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut dirs = vec![PathBuf::from("../shared/specs/authentik"), workspace.join("../shared/specs/authentik")];
    if let Ok(dir) = std::env::var("AKGEN_SPEC_DIR") {
        dirs.insert(0, PathBuf::from(dir));
    }
    dirs
}

/// Picks the spec to read, downloading the pinned one as a last resort.
pub fn resolve(explicit: Option<&Path>) -> Result<PathBuf, Error> {
    if let Some(p) = explicit {
        return Ok(p.to_owned());
    }
    if let Some(p) = std::env::var_os(SPEC_ENV).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    if let Some(p) = shared_spec_dirs().into_iter().map(|d| d.join(pinned_file_name())).find(|p| p.is_file()) {
        return Ok(p);
    }
    download_pinned()
}

/// Downloads the pinned schema with `curl` into `target/akgen-spec/`, verifying its sha256.
fn download_pinned() -> Result<PathBuf, Error> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/akgen-spec");
    let dest = dir.join(pinned_file_name());
    if dest.is_file() && sha256_file(&dest)? == PINNED_SHA256 {
        return Ok(dest);
    }
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    let partial = dir.join(format!("{}.part", pinned_file_name()));
    let status = std::process::Command::new("curl")
        .args(["--fail", "--silent", "--show-error", "--location", "--output"])
        .arg(&partial)
        .arg(PINNED_URL)
        .status();
    let fail = |message: String| {
        Error::Spec(vec![Diagnostic { file: dest.clone(), pointer: String::new(), line_col: None, message }])
    };
    match status {
        Ok(s) if s.success() => {}
        Ok(s) => {
            return Err(fail(format!(
                "no spec given (--spec, {SPEC_ENV}) or found, and downloading {PINNED_URL} failed ({s})"
            )));
        }
        Err(e) => {
            return Err(fail(format!(
                "no spec given (--spec, {SPEC_ENV}) or found, and curl could not run to download {PINNED_URL}: {e}"
            )));
        }
    }
    let got = sha256_file(&partial)?;
    if got != PINNED_SHA256 {
        let _ = std::fs::remove_file(&partial);
        return Err(fail(format!("downloaded {PINNED_URL} has sha256 {got}, expected {PINNED_SHA256}; not using it")));
    }
    std::fs::rename(&partial, &dest).map_err(|e| Error::io(&dest, e))?;
    Ok(dest)
}

fn sha256_file(path: &Path) -> Result<String, Error> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    Ok(crate::load::sha256_hex(&bytes))
}
