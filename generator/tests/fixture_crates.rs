//! Every fixture spec in `specs/fixtures/` generates a whole crate (models, validators,
//! client, server, examples) that `cargo check` accepts with warnings denied, all features
//! on, and with each tag's feature alone; so does every example config in `specs/configs/`
//! (authentik's 18-operation subset, a models-only crate, a customized one with a
//! hand-written replacement type beside it). The oracle is rustc: the conformance crate compiles the fixtures' models as modules,
//! this compiles everything else akgen emits for them.
//!
//! The crates go into one workspace under `target/fixture-crates/` with their own target
//! directory (a nested cargo cannot wait for the lock the outer `cargo test` holds), seeded
//! with the repository's `Cargo.lock` so they build the dependency versions already built.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_owned()
}

/// The fixture specs, by file stem.
fn fixtures() -> Vec<(String, PathBuf)> {
    let mut specs: Vec<(String, PathBuf)> = fs::read_dir(repo().join("specs/fixtures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yml"))
        .map(|p| (p.file_stem().unwrap().to_string_lossy().into_owned(), p))
        .collect();
    specs.sort();
    specs
}

/// The example configs, `specs/configs/*/akgen.toml`.
fn configs() -> Vec<PathBuf> {
    let mut configs: Vec<PathBuf> = fs::read_dir(repo().join("specs/configs"))
        .unwrap()
        .map(|e| e.unwrap().path().join("akgen.toml"))
        .filter(|p| p.is_file())
        .collect();
    configs.sort();
    configs
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else if fs::read(&target).ok() != fs::read(&path).ok() {
            fs::copy(&path, &target).unwrap();
        }
    }
}

#[test]
fn every_fixture_generates_a_crate_that_compiles() {
    let root = repo().join("target/fixture-crates");
    let workspace = root.join("workspace");
    fs::create_dir_all(&workspace).unwrap();
    let mut members = Vec::new();
    for (stem, spec) in fixtures() {
        let name = format!("fixture-{stem}");
        let lenient = stem.starts_with("lenient");
        akgen::Generator::new()
            .spec(&spec)
            .crate_name(&name)
            .lenient(lenient)
            .write_crate(&workspace.join(&name), true)
            .unwrap_or_else(|e| panic!("{}: {e}", spec.display()));
        members.push(name);
    }
    // The crates of the example configs: subsets, metadata, models only.
    for config in configs() {
        let generator = akgen::Generator::new().config(&config).unwrap();
        let rendered = generator.render_crate().unwrap_or_else(|e| panic!("{}: {e}", config.display()));
        let manifest: toml::Table =
            toml::from_str(&rendered.files.iter().find(|f| f.path.ends_with("Cargo.toml")).unwrap().contents).unwrap();
        let name = manifest["package"]["name"].as_str().unwrap().to_owned();
        // A crate without a side has none of its HTTP stack (tokens-time: server only).
        let features = manifest["features"].as_table().unwrap();
        let dependencies = manifest["dependencies"].as_table().unwrap();
        assert_eq!(features.contains_key("client"), dependencies.contains_key("reqwest"), "{name}: client and reqwest");
        assert_eq!(features.contains_key("server"), dependencies.contains_key("axum"), "{name}: server and axum");
        generator.write_crate(&workspace.join(&name), true).unwrap();
        members.push(name);
        // Hand-written crates beside the config (the types its `replace` names) go beside
        // the generated crate, where its `[crate.dependencies]` look for them.
        for entry in fs::read_dir(config.parent().unwrap()).unwrap() {
            let dir = entry.unwrap().path();
            if dir.join("Cargo.toml").is_file() {
                let member = dir.file_name().unwrap().to_string_lossy().into_owned();
                copy_dir(&dir, &workspace.join(&member));
                members.push(member);
            }
        }
    }
    let manifest = format!(
        "# Written by generator/tests/fixture_crates.rs.\n[workspace]\nresolver = \"3\"\nmembers = {members:?}\n"
    );
    fs::write(workspace.join("Cargo.toml"), manifest).unwrap();
    if !workspace.join("Cargo.lock").exists() {
        fs::copy(repo().join("Cargo.lock"), workspace.join("Cargo.lock")).unwrap();
    }
    let check = |args: &[&str]| {
        let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            .arg("check")
            .args(args)
            .args(["--quiet", "--message-format=short"])
            .current_dir(&workspace)
            .env("CARGO_TARGET_DIR", root.join("target"))
            .env("RUSTFLAGS", "-D warnings")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        // Warnings are errors here, so a success with diagnostics would mean they were lost.
        assert!(output.status.success() && !stderr.contains("warning:"), "cargo check {args:?} failed:\n{stderr}");
    };
    check(&["--workspace", "--all-targets", "--all-features", "--keep-going"]);

    // Each tag on its own, with the client and the server: every item its operations name
    // must be compiled for it, and nothing left unused (warnings are denied). And no tag
    // at all, which must still compile cleanly.
    for (stem, spec) in fixtures() {
        let name = format!("fixture-{stem}");
        let api = akgen::Generator::new().spec(&spec).lenient(stem.starts_with("lenient")).build_ir().unwrap();
        let tags: std::collections::BTreeSet<String> = api.tags.iter().map(|t| t.feature.clone()).collect();
        let sets = std::iter::once("client,server".to_owned()).chain(tags.iter().map(|t| format!("client,server,{t}")));
        for features in sets {
            check(&["--package", &name, "--lib", "--no-default-features", "--features", &features]);
        }
    }
}
