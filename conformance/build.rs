//! Generates the models of every authentik spec version in the shared spec directory (other
//! than the pinned one, which is the `authentik-api` crate) as modules of this crate, so that
//! compiling the tests proves every version generates code that compiles. The fixture specs
//! in `specs/fixtures/` become modules too.

use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let dir = akgen::spec_source::shared_spec_dirs()
        .into_iter()
        .find(|d| d.join(akgen::spec_source::pinned_file_name()).is_file())
        .expect("the authentik specs are not in ../shared/specs/authentik; set AKGEN_SPEC_DIR to their directory");
    println!("cargo:rerun-if-changed={}", dir.display());
    println!("cargo:rerun-if-env-changed=AKGEN_SPEC_DIR");
    let mut specs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the spec directory is readable")
        .map(|e| e.expect("a readable directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yml"))
        .collect();
    specs.sort();
    let mut index = String::from("/// Every spec version generated into this crate: (file name, spec path).\npub const VERSIONS: &[(&str, &str)] = &[\n");
    let mut modules = String::new();
    for spec in &specs {
        let file = spec.file_name().unwrap().to_string_lossy().into_owned();
        let module = file.trim_start_matches("schema-").trim_end_matches(".yml").replace(['.', '-'], "_");
        let module = format!("v{module}");
        let path = out.join(format!("{module}.rs"));
        if file != akgen::spec_source::pinned_file_name() {
            akgen::Generator::new().spec(spec).write_module(&path).unwrap_or_else(|e| panic!("{e}"));
            writeln!(modules, "/// Generated from `{file}`.\npub mod {module} {{\n    include!(concat!(env!(\"OUT_DIR\"), \"/{module}.rs\"));\n}}").unwrap();
        }
        writeln!(index, "    ({file:?}, {:?}),", std::fs::canonicalize(spec).unwrap().display().to_string()).unwrap();
    }
    index.push_str("];\n");

    // The hand-written fixture specs, as `fixture_<name>` modules.
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../specs/fixtures");
    println!("cargo:rerun-if-changed={}", fixtures.display());
    let mut files: Vec<PathBuf> = std::fs::read_dir(&fixtures)
        .expect("specs/fixtures is readable")
        .map(|e| e.expect("a readable directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yml"))
        .collect();
    files.sort();
    for spec in &files {
        let stem = spec.file_stem().unwrap().to_string_lossy().replace('-', "_");
        let module = format!("fixture_{stem}");
        akgen::Generator::new().spec(spec).write_module(&out.join(format!("{module}.rs"))).unwrap_or_else(|e| panic!("{e}"));
        writeln!(modules, "/// Generated from `specs/fixtures/{}`.\npub mod {module} {{\n    include!(concat!(env!(\"OUT_DIR\"), \"/{module}.rs\"));\n}}", spec.file_name().unwrap().to_string_lossy()).unwrap();
    }
    std::fs::write(out.join("versions.rs"), format!("{index}\n{modules}")).unwrap();
}
