//! Every spec version in the shared directory generated code that compiled into this crate
//! (see build.rs); each generated module has exactly the spec's component schemas.

use conformance::{PINNED, VERSIONS, read_spec};

fn spec_schema_names(path: &str) -> Vec<String> {
    let spec = read_spec(path);
    let mut names: Vec<String> = spec["components"]["schemas"].as_object().unwrap().keys().cloned().collect();
    names.sort();
    names
}

macro_rules! generated_names {
    ($($module:ident),*) => {
        fn generated_names(module: &str) -> Option<&'static [&'static str]> {
            match module {
                $(stringify!($module) => Some(conformance::$module::models::SCHEMA_NAMES),)*
                _ => None,
            }
        }
    };
}

generated_names!(v2024_8_3, v2024_12_5, v2025_6_4, v2025_12_6, v2026_2_6, v2026_11_0_rc1);

#[test]
fn every_version_has_one_type_per_component_schema() {
    assert!(VERSIONS.len() >= 7, "expected the 7 shared spec versions, found {VERSIONS:?}");
    for (file, path) in VERSIONS {
        let expected = spec_schema_names(path);
        let generated: Vec<String> = if *file == PINNED {
            authentik_api::models::SCHEMA_NAMES.iter().map(|s| s.to_string()).collect()
        } else {
            let module =
                format!("v{}", file.trim_start_matches("schema-").trim_end_matches(".yml").replace(['.', '-'], "_"));
            generated_names(&module)
                .unwrap_or_else(|| panic!("{module} is not generated"))
                .iter()
                .map(|s| s.to_string())
                .collect()
        };
        assert_eq!(generated, expected, "{file}");
        println!("{file}: {} schemas", expected.len());
    }
}
