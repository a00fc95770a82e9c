//! Stage 4: format the emitted tokens and write files safely.
//!
//! Rendering happens fully in memory first, so a spec error never leaves half an output.
//! Changed files are then staged as temporary files and renamed into place (atomic on one
//! file system) only once all are written, and only when their content changed, so an unchanged spec leaves every mtime as
//! it was and cargo rebuilds nothing. akgen records what it wrote in a manifest and only
//! ever replaces or removes files listed there.

pub mod drift;
pub mod render;

use crate::error::Error;
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// Name of the file listing what akgen generated in an output directory.
pub const MANIFEST: &str = ".akgen-manifest";

/// One output file, with its path relative to the output directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    pub path: PathBuf,
    pub contents: String,
}

/// Formats a token stream as a Rust source file (via `syn` and `prettyplease`), under a
/// header line.
pub fn format_rust(tokens: proc_macro2::TokenStream, header: &str) -> Result<String, String> {
    Ok(format!("{header}\n{}", format_items(tokens)?))
}

/// Formats a token stream of items (a file, or a run of a file's items) as Rust source.
pub fn format_items(tokens: proc_macro2::TokenStream) -> Result<String, String> {
    let file: syn::File = syn::parse2(tokens).map_err(|e| format!("akgen emitted invalid Rust: {e}"))?;
    Ok(separate_items(&prettyplease::unparse(&file)))
}

/// prettyplease puts items right after each other; a blank line after each one makes the
/// file read like hand-written code. At column 0 an item ends with a closing `}` or a
/// one-line `...;`; inside an `impl`, a trait or a module (indented once) with a closing
/// `}` or an associated `type`/`const`, when an item (its docs, attributes or signature)
/// follows at the same depth.
fn separate_items(text: &str) -> String {
    /// How an item inside a block (indented once) begins: statements of a function body
    /// at that depth never start so.
    fn starts_inner_item(line: &str) -> bool {
        let Some(rest) = line.strip_prefix("    ") else { return false };
        ["///", "#[", "pub ", "fn ", "async fn ", "type ", "const ", "unsafe fn "].iter().any(|p| rest.starts_with(p))
    }
    let mut out = String::with_capacity(text.len() + text.len() / 20);
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        out.push_str(line);
        out.push('\n');
        let ends_item = line == "}"
            || line.starts_with("#![")
            || (line.ends_with("{}") && !line.starts_with([' ', '/', '#']))
            || (line.ends_with(';') && !line.starts_with([' ', '/', '#']));
        let next_is_item = lines.peek().is_some_and(|n| !n.is_empty() && !n.starts_with(' ') && !n.starts_with('}'));
        let ends_imports = line.starts_with("use ") && lines.peek().is_some_and(|n| n.starts_with("use "));
        let one_line_inner =
            ["    type ", "    const ", "    pub type ", "    pub const ", "    static ", "    pub static "];
        let ends_inner_item =
            line == "    }" || (line.ends_with(';') && one_line_inner.iter().any(|p| line.starts_with(p)));
        let next_is_inner_item = lines.peek().is_some_and(|n| starts_inner_item(n));
        if (ends_item && next_is_item && !ends_imports) || (ends_inner_item && next_is_inner_item) {
            out.push('\n');
        }
    }
    out
}

/// What [`write_files`] did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct WriteReport {
    pub written: Vec<PathBuf>,
    pub unchanged: Vec<PathBuf>,
    pub removed: Vec<PathBuf>,
}

/// Writes `files` under `out`, replacing only files akgen owns.
///
/// Refuses a non-empty directory without a manifest unless `force` (it may hold someone's
/// work), and, with a manifest, refuses to overwrite a file it does not list. Files listed
/// in the previous manifest but not generated now are removed.
///
/// Changed files are first all written to temporary siblings; only when every one is on
/// disk are they renamed over the old ones. A failure (or a kill) before that point leaves
/// the previous output as it was; temporaries a killed run left behind are removed by the
/// next one.
pub fn write_files(out: &Path, files: &[GeneratedFile], force: bool) -> Result<WriteReport, Error> {
    write_files_with(out, files, force, &|_| Ok(()))
}

/// [`write_files`], calling `before_stage` before each temporary file is written; an error
/// from it aborts the write as a failing disk would. For tests of the failure path.
#[doc(hidden)]
pub fn write_files_with(
    out: &Path,
    files: &[GeneratedFile],
    force: bool,
    before_stage: &dyn Fn(&Path) -> std::io::Result<()>,
) -> Result<WriteReport, Error> {
    let manifest_path = out.join(MANIFEST);
    let previous = read_manifest(&manifest_path)?;
    if previous.is_none() && !force && dir_has_entries(out)? {
        return Err(Error::Output(format!(
            "{} is not empty and has no {MANIFEST}, so akgen did not generate it; refusing to write there (use --force to write anyway)",
            out.display()
        )));
    }
    let owned: BTreeSet<&Path> = previous.iter().flatten().map(PathBuf::as_path).collect();
    let mut report = WriteReport::default();
    let mut changed = Vec::new();
    for file in files {
        let path = out.join(&file.path);
        match fs::read(&path) {
            Ok(old) if old == file.contents.as_bytes() => report.unchanged.push(file.path.clone()),
            Ok(_) if previous.is_some() && !force && !owned.contains(file.path.as_path()) => {
                return Err(Error::Output(format!(
                    "{} exists and is not listed in {}, so akgen did not generate it; refusing to overwrite it (use --force to write anyway)",
                    path.display(),
                    manifest_path.display()
                )));
            }
            _ => changed.push((file, path)),
        }
    }
    remove_leftover_temporaries(out, files)?;

    // Stage every changed file, then swap them in.
    let mut staged: Vec<(PathBuf, &Path, &GeneratedFile)> = Vec::new();
    for (file, path) in &changed {
        let tmp = temporary_sibling(path);
        let result = before_stage(&file.path)
            .map_err(|e| Error::io(&tmp, e))
            .and_then(|()| stage(&tmp, file.contents.as_bytes()));
        if let Err(e) = result {
            for (tmp, _, _) in &staged {
                let _ = fs::remove_file(tmp);
            }
            let _ = fs::remove_file(&tmp);
            return Err(e);
        }
        staged.push((tmp, path, file));
    }
    for (tmp, path, file) in staged {
        fs::rename(&tmp, path).map_err(|e| {
            let _ = fs::remove_file(&tmp);
            Error::io(path, e)
        })?;
        report.written.push(file.path.clone());
    }

    let now: BTreeSet<&Path> = files.iter().map(|f| f.path.as_path()).collect();
    for old in previous.unwrap_or_default() {
        if !now.contains(old.as_path()) && is_safe_relative(&old) {
            let path = out.join(&old);
            match fs::remove_file(&path) {
                Ok(()) => report.removed.push(old),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(Error::io(path, e)),
            }
        }
    }
    let manifest = manifest_text(files);
    if fs::read_to_string(&manifest_path).ok().as_deref() != Some(manifest.as_str()) {
        write_atomic(&manifest_path, manifest.as_bytes())?;
    }
    Ok(report)
}

/// The suffix of akgen's temporary files, before the process id.
const TEMPORARY: &str = ".akgen-tmp-";

fn temporary_sibling(path: &Path) -> PathBuf {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(format!("{TEMPORARY}{}", std::process::id()));
    PathBuf::from(tmp)
}

/// Writes a temporary file, creating its directory.
fn stage(tmp: &Path, contents: &[u8]) -> Result<(), Error> {
    if let Some(parent) = tmp.parent() {
        fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    }
    fs::write(tmp, contents).map_err(|e| Error::io(tmp, e))
}

/// Removes `<generated file>.akgen-tmp-<pid>` files that a killed run left beside the files
/// akgen generates; nothing else matches that name.
fn remove_leftover_temporaries(out: &Path, files: &[GeneratedFile]) -> Result<(), Error> {
    let dirs: BTreeSet<PathBuf> =
        files.iter().filter_map(|f| out.join(&f.path).parent().map(Path::to_path_buf)).collect();
    let generated: BTreeSet<PathBuf> = files.iter().map(|f| out.join(&f.path)).collect();
    for dir in dirs {
        let Ok(entries) = fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = path.to_string_lossy();
            let Some((target, pid)) = name.rsplit_once(TEMPORARY) else { continue };
            if pid.chars().all(|c| c.is_ascii_digit()) && generated.contains(Path::new(target)) {
                fs::remove_file(&path).map_err(|e| Error::io(&path, e))?;
            }
        }
    }
    Ok(())
}

/// The manifest's text for a set of files: a comment, then one path per line, sorted.
pub fn manifest_text(files: &[GeneratedFile]) -> String {
    let mut paths: Vec<String> = files.iter().map(|f| f.path.to_string_lossy().replace('\\', "/")).collect();
    paths.sort();
    let mut text = String::from("# Files generated by akgen. akgen replaces and removes only these.\n");
    for p in paths {
        text.push_str(&p);
        text.push('\n');
    }
    text
}

fn read_manifest(path: &Path) -> Result<Option<Vec<PathBuf>>, Error> {
    match fs::read_to_string(path) {
        Ok(text) => {
            Ok(Some(text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).map(PathBuf::from).collect()))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::io(path, e)),
    }
}

/// A manifest entry must stay inside the output directory, whatever the manifest says.
fn is_safe_relative(p: &Path) -> bool {
    p.components().all(|c| matches!(c, std::path::Component::Normal(_)))
}

fn dir_has_entries(dir: &Path) -> Result<bool, Error> {
    match fs::read_dir(dir) {
        Ok(mut entries) => Ok(entries.next().is_some()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(Error::io(dir, e)),
    }
}

/// Writes through a temporary sibling file and a rename, so readers never see half a file.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), Error> {
    let tmp = temporary_sibling(path);
    stage(&tmp, contents)?;
    fs::rename(&tmp, path).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        Error::io(path, e)
    })
}

#[cfg(test)]
mod tests {
    use super::format_items;

    /// Items are separated by one blank line at every depth an item can sit at; the
    /// statements of a function body are left as prettyplease writes them.
    #[test]
    fn items_are_separated_and_statements_are_not() {
        let tokens = quote::quote! {
            use a::b;
            use c::d;
            struct S;
            impl S {
                type T = u8;
                fn one(&self) {
                    if true {
                        run();
                    }
                    let x = 1;
                }
                /// Two.
                fn two(&self) {}
            }
            fn free() {}
        };
        let expected = "use a::b;\nuse c::d;\n\nstruct S;\n\nimpl S {\n    type T = u8;\n\n    fn one(&self) {\n        if true {\n            run();\n        }\n        let x = 1;\n    }\n\n    /// Two.\n    fn two(&self) {}\n}\n\nfn free() {}\n";
        assert_eq!(format_items(tokens).unwrap(), expected);
    }
}
