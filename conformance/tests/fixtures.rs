//! The hand-written fixture specs: awkward names and recursion survive a JSON round trip
//! with the wire names the spec gives.

use conformance::fixture_names::models::{Kind, Nothing, Odd, Shadows, Tree};
use conformance::{round_trip, same_json};
use serde_json::json;

#[test]
fn awkward_property_names_keep_their_wire_names() {
    let wire = json!({
        "type": "t", "gen": 7, "self": "s", "isGlobal": true, "is_global": false,
        "x5t#S256": "thumb", "hate/threatening": 0.5, "2fa": true, "": "empty"
    });
    let back = round_trip::<Odd>(&wire).unwrap();
    assert!(same_json(&back, &wire), "{back}");
    let odd: Odd = serde_json::from_value(wire).unwrap();
    // The property already in snake_case keeps the plain name.
    assert_eq!((odd.is_global, odd.is_global2), (Some(false), Some(true)));
}

#[test]
fn enum_values_that_collide_after_case_conversion_stay_distinct() {
    for v in ["a-b", "a_b", "A B", "", "Self", "1st"] {
        let k: Kind = serde_json::from_value(json!(v)).unwrap();
        assert!(!matches!(k, Kind::Unknown(_)), "{v} is a known value");
        assert_eq!(serde_json::to_value(&k).unwrap(), json!(v));
    }
    assert_ne!(
        serde_json::from_value::<Kind>(json!("a-b")).unwrap(),
        serde_json::from_value::<Kind>(json!("a_b")).unwrap()
    );
}

#[test]
fn recursive_types_nest() {
    let wire = json!({
        "label": "root",
        "children": [{"label": "leaf", "children": [], "parent": null}],
        "parent": {"label": "up", "children": []}
    });
    let back = round_trip::<Tree>(&wire).unwrap();
    assert_eq!(back, wire);
}

mod shapes {
    //! `specs/fixtures/shapes.yml`: expectations read off that spec by hand.
    use conformance::fixture_shapes::models::{Closed, Counts, Grid, Merged, OddValues, Priority, Problem};
    use conformance::fixture_shapes::params::GetItemParams;
    use conformance::fixture_shapes::validation::Validate;
    use conformance::{round_trip, same_json};
    use serde_json::{Value, json};

    fn survives<T: serde::Serialize + serde::de::DeserializeOwned>(wire: Value) {
        let back = round_trip::<T>(&wire).unwrap_or_else(|e| panic!("{wire}: {e}"));
        assert!(same_json(&back, &wire), "{wire} came back as {back}");
    }

    #[test]
    fn all_of_merges_every_member_and_keeps_their_required_fields() {
        survives::<Merged>(json!({"name": "n", "created": "2024-07-29T15:51:28.071Z", "static": true, "ref": "r"}));
        let missing = serde_json::from_value::<Merged>(json!({"name": "n"})).unwrap_err().to_string();
        assert!(missing.contains("created"), "{missing}");
        let long: Merged =
            serde_json::from_value(json!({"name": "eleven char", "created": "2024-07-29T15:51:28Z"})).unwrap();
        let errors = long.validate().unwrap_err();
        assert_eq!(
            errors.0.iter().map(|v| (v.pointer.as_str(), v.keyword)).collect::<Vec<_>>(),
            [("/name", "maxLength")]
        );
    }

    #[test]
    fn integer_enums_any_of_nested_arrays_and_maps() {
        for v in [0, 1, 2, 10] {
            survives::<Priority>(json!(v));
        }
        survives::<Priority>(json!(7));
        let unknown: Priority = serde_json::from_value(json!(7)).unwrap();
        assert_eq!(unknown.validate().unwrap_err().0[0].keyword, "enum");
        survives::<Problem>(json!({"detail": "d", "code": "E1"}));
        survives::<Problem>(json!({"detail": "d", "code": 42}));
        survives::<Grid>(json!([[1.5, 2.0], [], [3.25]]));
        survives::<Counts>(json!({"a": 1, "b": 2}));
        survives::<Closed>(json!({"a": "x"}));
    }

    #[test]
    fn enum_values_that_are_not_identifiers() {
        for v in ["-1", "-", "a b", "a/b", "a/b ", "x"] {
            survives::<OddValues>(json!(v));
            let known: OddValues = serde_json::from_value(json!(v)).unwrap();
            assert!(known.validate().is_ok(), "{v} is listed in the spec");
        }
    }

    #[test]
    fn header_cookie_and_comma_joined_parameters_have_fields() {
        let params = GetItemParams {
            item_id: "a.b".into(),
            x_request_id: "6f2b6a0e-3a4e-4f7e-9a53-1b2c3d4e5f60".parse().unwrap(),
            authentik_session: None,
            r#move: Some(vec![1, 2]),
        };
        assert!(params.validate().is_ok());
    }
}

mod recursion {
    //! `specs/fixtures/recursion.yml`: cycles through arrays, maps, allOf, unions and
    //! nullable self references, and enums listing `null`.
    use conformance::fixture_recursion::models::{Chain, Color, Folder, Level};
    use conformance::fixture_recursion::validation::Validate;
    use conformance::round_trip;
    use serde_json::json;

    #[test]
    fn mutually_recursive_types_nest_and_validate_at_depth() {
        let wire = json!({
            "name": "root",
            "files": [{
                "folder": {"name": "inner", "files": [], "by_name": {"x": {"name": "x", "files": []}}},
                "link": {"folder": {"name": "0123456789012345678901", "files": []}}
            }],
            "color": "red"
        });
        assert_eq!(round_trip::<Folder>(&wire).unwrap(), wire);
        let folder: Folder = serde_json::from_value(wire).unwrap();
        // The only over-long name (maxLength 20) sits three levels down, inside the union.
        let errors = folder.validate().unwrap_err();
        let pointers: Vec<&str> = errors.0.iter().map(|v| v.pointer.as_str()).collect();
        assert_eq!(pointers, ["/files/0/link/folder/name"]);
    }

    #[test]
    fn a_self_reference_ends_with_null() {
        let wire = json!({"next": {"next": {"next": null}, "previous": {"next": null}}});
        assert_eq!(round_trip::<Chain>(&wire).unwrap(), wire);
    }

    #[test]
    fn null_listed_in_an_enum_reads_as_no_value() {
        let folder: Folder = serde_json::from_value(json!({"name": "n", "files": [], "color": null})).unwrap();
        assert_eq!(folder.color, None);
        assert_eq!(serde_json::from_value::<Option<Color>>(json!("green")).unwrap(), Some(Color::Green));
        assert_eq!(serde_json::from_value::<Option<Level>>(json!(null)).unwrap(), None);
        assert_eq!(serde_json::from_value::<Option<Level>>(json!(2)).unwrap(), Some(Level::V2));
    }
}

#[test]
fn properties_named_like_deserializer_locals_and_additional_properties() {
    let wire = json!({"map": "m", "property": 3, "name": null, "extra": "x", "more": "y"});
    let shadows: Shadows = serde_json::from_value(wire.clone()).unwrap();
    assert_eq!(shadows.map, "m");
    assert_eq!(shadows.property, Some(3));
    assert!(matches!(shadows.name, conformance::fixture_names::runtime::Nullable::Null));
    let extra: Vec<(&str, &str)> =
        shadows.additional_properties.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    assert_eq!(extra, [("extra", "x"), ("more", "y")], "declared properties stay out of the map");
    assert_eq!(round_trip::<Shadows>(&wire).unwrap(), wire);
    // The same from bytes, where keys are borrowed from the input.
    let from_bytes: Shadows = serde_json::from_slice(wire.to_string().as_bytes()).unwrap();
    assert_eq!(from_bytes, shadows);
}

#[test]
fn object_errors_name_the_property_or_the_type() {
    let missing = serde_json::from_value::<Shadows>(json!({"property": 1})).unwrap_err().to_string();
    assert!(missing.contains("missing field `map`"), "{missing}");
    let wrong = serde_json::from_str::<Shadows>(r#"{"map": "m", "property": "three"}"#).unwrap_err().to_string();
    assert!(wrong.contains("invalid type: string \"three\""), "{wrong}");
    let not_object = serde_json::from_str::<Shadows>("[1]").unwrap_err().to_string();
    assert!(not_object.contains("expected a `Shadows` object"), "{not_object}");
    // An additional property must be a string, per the schema.
    assert!(serde_json::from_value::<Shadows>(json!({"map": "m", "extra": 1})).is_err());
}

#[test]
fn a_closed_object_without_properties_reads_and_writes_an_empty_object() {
    let nothing: Nothing = serde_json::from_value(json!({})).unwrap();
    assert_eq!(serde_json::to_value(&nothing).unwrap(), json!({}));
    // Like every model, it skips properties a newer server might add.
    let nothing: Nothing = serde_json::from_value(json!({"a": 1, "b": [true]})).unwrap();
    assert_eq!(serde_json::to_value(&nothing).unwrap(), json!({}));
    assert!(serde_json::from_value::<Nothing>(json!("text")).is_err());
}
