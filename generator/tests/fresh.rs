//! The committed `generated/` crate must be exactly what akgen makes of the pinned spec
//! today (run `cargo xtask codegen` to update it).

use std::path::Path;

#[test]
fn committed_crate_is_up_to_date() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let rendered = akgen::Generator::new().render_crate().expect("the pinned spec renders");
    let out = repo.join("generated");
    let mut stale = Vec::new();
    for file in &rendered.files {
        let on_disk = std::fs::read_to_string(out.join(&file.path)).unwrap_or_default();
        if on_disk != file.contents {
            stale.push(file.path.display().to_string());
        }
    }
    let manifest = std::fs::read_to_string(out.join(akgen::write::MANIFEST)).unwrap_or_default();
    if manifest != akgen::write::manifest_text(&rendered.files) {
        stale.push(akgen::write::MANIFEST.to_string());
    }
    assert!(stale.is_empty(), "generated/ is stale ({}); run `cargo xtask codegen`", stale.join(", "));
}
