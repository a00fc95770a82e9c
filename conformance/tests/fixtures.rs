//! The hand-written fixture specs: awkward names and recursion survive a JSON round trip
//! with the wire names the spec gives.

use conformance::fixture_names::models::{Kind, Odd, Tree};
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
    assert_ne!(serde_json::from_value::<Kind>(json!("a-b")).unwrap(), serde_json::from_value::<Kind>(json!("a_b")).unwrap());
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
