//! Generates the tokens API into OUT_DIR on every build where the spec changed.

fn main() {
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let spec = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../specs/fixtures/tokens.yml");
    if let Err(e) = akgen::Generator::new().spec(spec).write_module(&out.join("tokens_api.rs")) {
        // A located error (file, line, JSON pointer), shown by cargo as the build failure.
        panic!("{e}");
    }
}
