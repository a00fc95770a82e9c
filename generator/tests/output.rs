//! Writing: deterministic bytes, no needless writes, only akgen's own files touched, and
//! a failed run leaves the previous output as it was.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_owned()
}

fn fixture() -> PathBuf {
    repo().join("specs/fixtures/tokens.yml")
}

fn akgen(spec: &Path, out: &Path, extra: &[&str]) -> (Option<i32>, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_akgen"))
        .args(["generate", "--spec"])
        .arg(spec)
        .arg("--out")
        .arg(out)
        .args(extra)
        .output()
        .unwrap();
    (output.status.code(), String::from_utf8_lossy(&output.stderr).into_owned())
}

/// Every file under `dir` with its bytes, sorted by path.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                out.push((path.strip_prefix(root).unwrap().to_owned(), fs::read(&path).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// Sets every file's mtime to one fixed instant long past and returns the files with it:
/// a file written again afterwards has a different mtime on any file system, however coarse
/// its clock (a short sleep between two runs would not tell on one with 2 s resolution).
fn backdate(dir: &Path) -> Vec<(PathBuf, std::time::SystemTime)> {
    let past = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000_000);
    snapshot(dir)
        .into_iter()
        .map(|(p, _)| {
            fs::File::options().write(true).open(dir.join(&p)).unwrap().set_modified(past).unwrap();
            (p, past)
        })
        .collect()
}

fn mtimes(dir: &Path) -> Vec<(PathBuf, std::time::SystemTime)> {
    snapshot(dir)
        .into_iter()
        .map(|(p, _)| (p.clone(), fs::metadata(dir.join(&p)).unwrap().modified().unwrap()))
        .collect()
}

#[test]
fn separate_processes_write_identical_bytes() {
    // Separate processes get different hash seeds, so any HashMap order leaking into the
    // output shows up here.
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    assert_eq!(akgen(&fixture(), &a, &[]).0, Some(0));
    assert_eq!(akgen(&fixture(), &b, &[]).0, Some(0));
    let (sa, sb) = (snapshot(&a), snapshot(&b));
    assert!(sa.len() >= 5, "{sa:?}");
    assert_eq!(sa, sb);
}

#[test]
fn rerunning_on_the_same_spec_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("crate");
    assert_eq!(akgen(&fixture(), &out, &[]).0, Some(0));
    let before = backdate(&out);
    let (code, stderr) = akgen(&fixture(), &out, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("(0 written"), "{stderr}");
    assert_eq!(mtimes(&out), before, "an unchanged spec must not touch any file");
}

#[test]
fn a_directory_akgen_did_not_make_is_refused_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("crate");
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("notes.txt"), "mine").unwrap();
    let (code, stderr) = akgen(&fixture(), &out, &[]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("--force"), "{stderr}");
    assert_eq!(snapshot(&out), vec![(PathBuf::from("notes.txt"), b"mine".to_vec())]);

    // With --force akgen writes its files and leaves the others alone, now and later.
    assert_eq!(akgen(&fixture(), &out, &["--force"]).0, Some(0));
    assert_eq!(fs::read(out.join("notes.txt")).unwrap(), b"mine");
    assert_eq!(akgen(&fixture(), &out, &[]).0, Some(0));
    assert_eq!(fs::read(out.join("notes.txt")).unwrap(), b"mine");
}

#[test]
fn files_akgen_no_longer_generates_are_removed_and_only_those() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("crate");
    assert_eq!(akgen(&fixture(), &out, &[]).0, Some(0));
    // Pretend an earlier version generated src/old.rs, and the user added src/extra.rs.
    let manifest = out.join(".akgen-manifest");
    let text = fs::read_to_string(&manifest).unwrap();
    fs::write(&manifest, format!("{text}src/old.rs\n../escape.rs\n")).unwrap();
    fs::write(out.join("src/old.rs"), "// stale").unwrap();
    fs::write(out.join("src/extra.rs"), "// mine").unwrap();
    fs::write(dir.path().join("escape.rs"), "// outside").unwrap();
    let (code, stderr) = akgen(&fixture(), &out, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!out.join("src/old.rs").exists());
    assert!(out.join("src/extra.rs").exists());
    assert!(dir.path().join("escape.rs").exists(), "a manifest entry outside the output must be ignored");
    assert_eq!(fs::read_to_string(&manifest).unwrap(), text);
}

#[test]
fn a_failed_run_leaves_the_previous_output_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("crate");
    assert_eq!(akgen(&fixture(), &out, &[]).0, Some(0));
    let before = snapshot(&out);
    let (code, _) = akgen(&repo().join("specs/errors/missing-ref.yml"), &out, &[]);
    assert_eq!(code, Some(2));
    assert_eq!(snapshot(&out), before);
    // No temporary file left anywhere under src/ (which has subdirectories).
    fn files(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() { files(&p, out) } else { out.push(p) }
        }
    }
    let mut leftovers = Vec::new();
    files(&out.join("src"), &mut leftovers);
    assert_eq!(leftovers.len(), before.iter().filter(|(p, _)| p.starts_with("src")).count(), "{leftovers:?}");
}

/// The build-script mode: a second run on an unchanged spec leaves the module file (and
/// its mtime) alone, so cargo recompiles nothing; a changed spec rewrites it.
#[test]
fn write_module_rewrites_only_on_change() {
    let dir = tempfile::tempdir().unwrap();
    let module = dir.path().join("authentik.rs");
    let spec = dir.path().join("spec.yml");
    fs::copy(fixture(), &spec).unwrap();
    let generator = akgen::Generator::new().spec(&spec);
    assert!(generator.write_module(&module).unwrap(), "first run writes");
    let text = fs::read_to_string(&module).unwrap();
    assert!(
        text.contains("pub mod models") && text.contains("pub struct TokenRequest"),
        "a module of the fixture's models"
    );
    // Backdated, so a rewrite would show in the mtime on any file system.
    let past = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000_000);
    fs::File::options().write(true).open(&module).unwrap().set_modified(past).unwrap();
    assert!(!generator.write_module(&module).unwrap(), "an unchanged spec writes nothing");
    assert_eq!(fs::metadata(&module).unwrap().modified().unwrap(), past);
    let edited = fs::read_to_string(&spec).unwrap().replace("Token Serializer", "Token serializer, edited");
    fs::write(&spec, edited).unwrap();
    assert!(generator.write_module(&module).unwrap(), "a changed spec rewrites");
    assert!(fs::read_to_string(&module).unwrap().contains("Token serializer, edited"));
}

/// A disk that fails after k of the changed files were staged, for every k: the previous
/// output stays byte for byte, and no temporary file is left behind.
#[test]
fn a_failure_mid_write_leaves_the_previous_output_intact() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("crate");
    assert_eq!(akgen(&fixture(), &out, &[]).0, Some(0));
    let before = snapshot(&out);
    // Another spec changes nearly every file (and adds and removes some).
    let next = akgen::Generator::new().spec(repo().join("specs/fixtures/shapes.yml")).render_crate().unwrap();
    let changed = next
        .files
        .iter()
        .filter(|f| fs::read(out.join(&f.path)).ok().as_deref() != Some(f.contents.as_bytes()))
        .count();
    assert!(changed > 5, "the second spec must change several files, changed {changed}");
    for fail_at in 0..changed {
        let staged = std::cell::Cell::new(0);
        let fail = |path: &Path| {
            staged.set(staged.get() + 1);
            if staged.get() > fail_at {
                Err(std::io::Error::other(format!("injected failure before {}", path.display())))
            } else {
                Ok(())
            }
        };
        let error = akgen::write::write_files_with(&out, &next.files, false, &fail).unwrap_err();
        assert!(error.to_string().contains("injected failure"), "{error}");
        assert_eq!(snapshot(&out), before, "failing after {fail_at} staged files changed the output");
    }
    // The same write without a failure goes through.
    akgen::write::write_files(&out, &next.files, false).unwrap();
    assert_ne!(snapshot(&out), before);
}

/// A run killed while staging leaves `<file>.akgen-tmp-<pid>` beside generated files; the
/// next run removes those and nothing that merely looks similar.
#[test]
fn temporaries_of_a_killed_run_are_cleaned_up() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("crate");
    assert_eq!(akgen(&fixture(), &out, &[]).0, Some(0));
    let leftovers = ["src/models.rs.akgen-tmp-4242", "Cargo.toml.akgen-tmp-7"];
    let kept = ["src/mine.rs.akgen-tmp-1", "src/models.rs.akgen-tmp-x", "notes.akgen-tmp-12"];
    for name in leftovers.iter().chain(&kept) {
        fs::write(out.join(name), "half").unwrap();
    }
    let (code, stderr) = akgen(&fixture(), &out, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    for name in leftovers {
        assert!(!out.join(name).exists(), "{name} should be removed");
    }
    for name in kept {
        assert!(out.join(name).exists(), "{name} is not akgen's and must stay");
    }
}

/// With a manifest, a file akgen would write but the manifest does not list (someone's own
/// file, or one from before the manifest) is not overwritten unless `--force`.
#[test]
fn a_file_the_manifest_does_not_list_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("crate");
    assert_eq!(akgen(&fixture(), &out, &[]).0, Some(0));
    let manifest = out.join(".akgen-manifest");
    let text = fs::read_to_string(&manifest).unwrap();
    fs::write(&manifest, text.replace("README.md\n", "")).unwrap();
    fs::write(out.join("README.md"), "my own notes").unwrap();
    let before = snapshot(&out);
    let (code, stderr) = akgen(&fixture(), &out, &[]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("README.md") && stderr.contains("--force"), "{stderr}");
    assert_eq!(snapshot(&out), before);
    assert_eq!(akgen(&fixture(), &out, &["--force"]).0, Some(0));
    assert_ne!(fs::read_to_string(out.join("README.md")).unwrap(), "my own notes");
    assert_eq!(fs::read_to_string(&manifest).unwrap(), text);
}
