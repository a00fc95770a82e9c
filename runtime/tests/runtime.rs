//! The runtime's own behaviour, judged by the standards it implements: JSON Schema's
//! validation keywords (lengths in Unicode code points, unanchored ECMA-262 patterns whose
//! `\d` is ASCII), RFC 6901 pointers, RFC 3986 path segments, and the three states of an
//! optional nullable property on the wire.

use akgen_runtime::runtime::Nullable;
use akgen_runtime::validation::{Pattern, Validate, Validator, validate};
use serde_json::json;

/// A value whose validation is one closure, so each test states its own checks.
struct Checked<F: Fn(&mut Validator)>(F);

impl<F: Fn(&mut Validator)> Validate for Checked<F> {
    fn validate_into(&self, v: &mut Validator) {
        (self.0)(v)
    }
}

/// The (pointer, keyword) of every violation the checks find.
fn violations(check: impl Fn(&mut Validator)) -> Vec<(String, &'static str)> {
    match validate(&Checked(check)) {
        Ok(()) => Vec::new(),
        Err(errors) => errors.0.into_iter().map(|v| (v.pointer, v.keyword)).collect(),
    }
}

#[test]
fn lengths_count_code_points_not_bytes() {
    // Two code points in five UTF-8 bytes: JSON Schema counts 2.
    assert!(violations(|v| v.max_length("é🎉", 2)).is_empty());
    assert!(violations(|v| v.min_length("é🎉", 2)).is_empty());
    assert_eq!(violations(|v| v.min_length("é🎉", 3)), [(String::new(), "minLength")]);
}

#[test]
fn patterns_match_anywhere_with_ecma_classes() {
    let digits = Pattern::new(r"\d+");
    assert!(digits.is_match("abc123"), "unanchored: a match anywhere counts");
    // ECMA-262's `\d` is [0-9]; Arabic-Indic digits are not digits to it.
    assert!(!Pattern::new(r"^\d+$").is_match("١٢٣"));
    // An identity escape outside a class is valid only in non-unicode mode (Annex B).
    assert!(Pattern::non_unicode(r"^a\-b$").is_match("a-b"));
}

#[test]
fn violations_are_located_by_rfc_6901_pointers() {
    let found = violations(|v| {
        let mut field = v.field("a/b~c");
        let mut item = field.index(2);
        item.max_length("toolong", 3);
    });
    assert_eq!(found, [("/a~1b~0c/2".to_owned(), "maxLength")]);
}

#[test]
fn bounds_respect_exclusivity() {
    assert!(violations(|v| v.minimum(1.0, 1.0, false)).is_empty());
    assert_eq!(violations(|v| v.minimum(1.0, 1.0, true)), [(String::new(), "exclusiveMinimum")]);
    assert_eq!(violations(|v| v.maximum(2.5, 2.0, false)), [(String::new(), "maximum")]);
}

#[test]
fn nullable_keeps_absent_null_and_a_value_apart() {
    #[derive(serde::Serialize, serde::Deserialize)]
    struct Patch {
        #[serde(default, skip_serializing_if = "Nullable::is_absent")]
        expires: Nullable<String>,
    }
    let read = |text: &str| serde_json::from_str::<Patch>(text).unwrap().expires;
    assert_eq!(read("{}"), Nullable::Absent);
    assert_eq!(read(r#"{"expires":null}"#), Nullable::Null);
    assert_eq!(read(r#"{"expires":"soon"}"#), Nullable::Value("soon".to_owned()));
    let write = |expires| serde_json::to_value(Patch { expires }).unwrap();
    assert_eq!(write(Nullable::Absent), json!({}));
    assert_eq!(write(Nullable::Null), json!({"expires": null}));
    assert_eq!(Nullable::from(Some(1)).into_option(), Some(1));
}

#[cfg(feature = "client")]
#[test]
fn a_path_parameter_is_one_segment() {
    use akgen_runtime::client::transport::path_segment;
    // RFC 3986: `/`, `?`, `#` and `%` would end or change the segment; they are encoded.
    assert_eq!(path_segment("a/b?c#d%e"), "a%2Fb%3Fc%23d%25e");
    assert_eq!(path_segment(&42), "42");
}

#[cfg(feature = "server")]
#[test]
fn any_status_code_can_be_answered() {
    use akgen_runtime::server::support::status;
    assert_eq!(status(418).as_u16(), 418);
    // Not a status at all: the server's own failure, not a panic.
    assert_eq!(status(1000).as_u16(), 500);
}

/// A discriminated union's variant is written with the tag first and exactly once: the
/// union's tag wins over a variant's own copy of the property, for structs and for maps
/// (structs with additional properties), and a variant that is not an object is an error.
#[test]
fn tagged_variants_carry_the_tag_once() {
    use akgen_runtime::runtime::tagged;
    use serde::Serialize;

    #[derive(Serialize)]
    struct Stage {
        component: &'static str,
        name: &'static str,
    }
    let write = |value: &dyn erased_serde::Serialize, own: bool| {
        let mut out = Vec::new();
        let result =
            tagged::serialize(&mut serde_json::Serializer::new(&mut out), "component", "ak-stage-x", value, own);
        result.map(|()| String::from_utf8(out).unwrap())
    };
    let stage = Stage { component: "stale", name: "n" };
    assert_eq!(write(&stage, true).unwrap(), r#"{"component":"ak-stage-x","name":"n"}"#);
    let map: std::collections::BTreeMap<&str, i32> = [("a", 1), ("component", 2), ("z", 3)].into();
    assert_eq!(write(&map, false).unwrap(), r#"{"component":"ak-stage-x","a":1,"z":3}"#);
    let error = write(&"text", false).unwrap_err().to_string();
    assert!(error.contains("not an object"), "{error}");
}

/// A discriminated union reads its variant wherever the tag sits in the object, from text
/// and from a `serde_json::Value` alike; the variant sees every property, the tag among
/// them; a tag it does not list goes to the catch-all whole; a missing or non-string tag
/// is an error naming the property.
#[test]
fn tagged_unions_read_the_variant_the_tag_selects() {
    use akgen_runtime::runtime::tagged::{self, Object, Union};
    use serde::Deserialize;
    use serde::de::MapAccess;

    #[derive(Debug, PartialEq, Deserialize)]
    struct Circle {
        kind: String,
        r: f64,
    }
    #[derive(Debug, PartialEq)]
    enum Shape {
        Circle(Box<Circle>),
        Other(serde_json::Map<String, serde_json::Value>),
    }
    impl Union for Shape {
        const PROPERTY: &'static str = "kind";
        fn variant<'de, A: MapAccess<'de>>(tag: &str, object: Object<'de, A>) -> Result<Self, A::Error> {
            match tag {
                "circle" => Deserialize::deserialize(object).map(Shape::Circle),
                _ => Deserialize::deserialize(object).map(Shape::Other),
            }
        }
    }
    impl<'de> Deserialize<'de> for Shape {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            tagged::deserialize(deserializer)
        }
    }

    let circle = Shape::Circle(Box::new(Circle { kind: "circle".into(), r: 2.0 }));
    let text = r#"{"r": 2, "kind": "circle", "extra": [1, {"a": null}]}"#;
    assert_eq!(serde_json::from_str::<Shape>(text).unwrap(), circle);
    let value: serde_json::Value = serde_json::from_str(text).unwrap();
    assert_eq!(serde_json::from_value::<Shape>(value).unwrap(), circle);
    let newer = json!({"side": 3, "kind": "square"});
    let Shape::Other(object) = serde_json::from_value::<Shape>(newer.clone()).unwrap() else {
        panic!("not the catch-all")
    };
    assert_eq!(serde_json::Value::Object(object), newer);
    let missing = serde_json::from_str::<Shape>(r#"{"r": 2}"#).unwrap_err().to_string();
    assert!(missing.contains("missing discriminator property `kind`"), "{missing}");
    let number = serde_json::from_str::<Shape>(r#"{"kind": 7, "r": 2}"#).unwrap_err().to_string();
    assert!(number.contains("discriminator `kind` must be a string"), "{number}");
    // A variant's own type errors still come through, with serde's message.
    let wrong = serde_json::from_str::<Shape>(r#"{"kind": "circle", "r": "big"}"#).unwrap_err().to_string();
    assert!(wrong.contains("invalid type: string \"big\", expected f64"), "{wrong}");
}

/// Generated models write themselves through `object::Value` rather than a derived
/// `Serialize`; what they write must be what serde's derive writes for the same shape
/// (the oracle below: serde's own internally tagged enums, `skip_serializing_if`,
/// `flatten`), byte for byte in compact and pretty JSON and as a `serde_json::Value`.
mod objects {
    use akgen_runtime::runtime::Nullable;
    use akgen_runtime::runtime::object::{self, Out, Prop, Tag, Value};
    use serde::Serialize;
    use serde_json::json;
    use std::collections::BTreeMap;

    // What akgen emits for two structs and a discriminated union, written out by hand.
    struct Inner {
        name: String,
        count: Option<i64>,
        at: Nullable<chrono::DateTime<chrono::Utc>>,
    }

    impl Prop for Inner {
        fn fields<'a>(&'a self, out: &mut Out<'a>) {
            out.list(
                "Inner",
                &["name", "count", "at"],
                &[object::value(&self.name), object::optional(&self.count), object::nullable(&self.at)],
                None,
            )
        }
    }

    struct Outer {
        id: uuid::Uuid,
        inner: Box<Inner>,
        list: Vec<Inner>,
        tags: BTreeMap<String, Vec<i32>>,
        flag: Option<bool>,
        any: serde_json::Value,
        missing: Option<String>,
        ratio: f64,
        day: chrono::NaiveDate,
        pair: (u8, String),
        shapes: Vec<Shape>,
        additional_properties: BTreeMap<String, serde_json::Value>,
    }

    impl Prop for Outer {
        fn fields<'a>(&'a self, out: &mut Out<'a>) {
            out.list(
                "Outer",
                &["id", "inner", "list", "tags", "flag", "any", "missing", "ratio", "day", "pair", "shapes"],
                &[
                    object::value(&self.id),
                    object::value(&self.inner),
                    object::value(&self.list),
                    object::value(&self.tags),
                    object::optional(&self.flag),
                    object::value(&self.any),
                    object::value(&self.missing),
                    object::value(&self.ratio),
                    object::value(&self.day),
                    object::opaque(&self.pair),
                    object::value(&self.shapes),
                ],
                Some(&self.additional_properties),
            )
        }
    }

    impl Serialize for Outer {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            Value::Object(self).serialize(serializer)
        }
    }

    /// The variant keeps a stale copy of the tag, which the union's tag replaces.
    struct Circle {
        kind: String,
        r: f64,
    }

    impl Prop for Circle {
        fn fields<'a>(&'a self, out: &mut Out<'a>) {
            out.list("Circle", &["kind", "r"], &[object::value(&self.kind), object::value(&self.r)], None)
        }
    }

    enum Shape {
        Circle(Circle),
        /// A variant that is a map: it gets the tag through `tagged`'s serializer.
        Labels(BTreeMap<String, String>),
        Unknown(serde_json::Map<String, serde_json::Value>),
    }

    impl Prop for Shape {
        fn prop(&self) -> Value<'_> {
            match self {
                Shape::Circle(v) => Value::Tagged(&Tag { property: "kind", value: "circle" }, v),
                Shape::Labels(v) => Value::Tagged(&Tag { property: "kind", value: "labels" }, v),
                Shape::Unknown(v) => Value::Map(v),
            }
        }
    }

    // The oracle: the same shapes as serde derives them.
    #[derive(Serialize)]
    struct InnerTwin {
        name: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        count: Option<i64>,
        #[serde(skip_serializing_if = "Nullable::is_absent")]
        at: Nullable<chrono::DateTime<chrono::Utc>>,
    }

    #[derive(Serialize)]
    #[serde(tag = "kind", rename_all = "lowercase")]
    enum ShapeTwin {
        Circle { r: f64 },
        Labels(BTreeMap<String, String>),
    }

    #[derive(Serialize)]
    #[serde(untagged)]
    enum ShapeOrUnknown {
        Known(ShapeTwin),
        Unknown(serde_json::Map<String, serde_json::Value>),
    }

    #[derive(Serialize)]
    struct OuterTwin {
        id: uuid::Uuid,
        inner: InnerTwin,
        list: Vec<InnerTwin>,
        tags: BTreeMap<String, Vec<i32>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        flag: Option<bool>,
        any: serde_json::Value,
        missing: Option<String>,
        ratio: f64,
        day: chrono::NaiveDate,
        pair: (u8, String),
        shapes: Vec<ShapeOrUnknown>,
        #[serde(flatten)]
        additional_properties: BTreeMap<String, serde_json::Value>,
    }

    fn at(text: &str) -> chrono::DateTime<chrono::Utc> {
        text.parse().unwrap()
    }

    fn both() -> (Outer, OuterTwin) {
        let id = uuid::Uuid::from_u128(0x3fa85f64_5717_4562_b3fc_2c963f66afa6);
        let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        let stamp = at("2024-07-29T15:51:28.071Z");
        let labels: BTreeMap<String, String> = [("a".into(), "x".into()), ("kind".into(), "stale".into())].into();
        let unknown = json!({"kind": "hexagon", "side": 2}).as_object().unwrap().clone();
        let extra: BTreeMap<String, serde_json::Value> = [("zeta".into(), json!([1, {"b": null}]))].into();
        let ours = Outer {
            id,
            inner: Box::new(Inner { name: "a \"quoted\" name".into(), count: Some(-3), at: Nullable::Null }),
            list: vec![
                Inner { name: "b".into(), count: None, at: Nullable::Absent },
                Inner { name: "c".into(), count: Some(i64::MAX), at: Nullable::Value(stamp) },
            ],
            tags: [("t".into(), vec![1, -2]), ("u".into(), vec![])].into(),
            flag: None,
            any: json!({"nested": [1, "two", 3.5, false]}),
            missing: None,
            ratio: 0.1,
            day,
            pair: (7, "seven".into()),
            shapes: vec![
                Shape::Circle(Circle { kind: "stale".into(), r: 1.5 }),
                Shape::Labels(labels.clone()),
                Shape::Unknown(unknown.clone()),
            ],
            additional_properties: extra.clone(),
        };
        let twin = OuterTwin {
            id,
            inner: InnerTwin { name: "a \"quoted\" name".into(), count: Some(-3), at: Nullable::Null },
            list: vec![
                InnerTwin { name: "b".into(), count: None, at: Nullable::Absent },
                InnerTwin { name: "c".into(), count: Some(i64::MAX), at: Nullable::Value(stamp) },
            ],
            tags: [("t".into(), vec![1, -2]), ("u".into(), vec![])].into(),
            flag: None,
            any: json!({"nested": [1, "two", 3.5, false]}),
            missing: None,
            ratio: 0.1,
            day,
            pair: (7, "seven".into()),
            shapes: vec![
                ShapeOrUnknown::Known(ShapeTwin::Circle { r: 1.5 }),
                // serde writes a map variant's own `kind` after its tag; ours leaves it out.
                ShapeOrUnknown::Known(ShapeTwin::Labels([("a".into(), "x".into())].into())),
                ShapeOrUnknown::Unknown(unknown),
            ],
            additional_properties: extra,
        };
        (ours, twin)
    }

    #[test]
    fn objects_write_what_serdes_derive_writes() {
        let (ours, twin) = both();
        assert_eq!(serde_json::to_string(&ours).unwrap(), serde_json::to_string(&twin).unwrap());
        assert_eq!(serde_json::to_string_pretty(&ours).unwrap(), serde_json::to_string_pretty(&twin).unwrap());
        assert_eq!(serde_json::to_value(&ours).unwrap(), serde_json::to_value(&twin).unwrap());
        // And through a type-erased serializer, as the client writes request bodies.
        let mut out = Vec::new();
        let mut json = serde_json::Serializer::new(&mut out);
        (&ours as &dyn erased_serde::Serialize).serialize(&mut json).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(&twin).unwrap());
    }

    /// A struct of `n` optional strings `p0`, `p1`, …: more than `Out` holds in place when
    /// `n` is over 32.
    struct Wide {
        names: &'static [&'static str],
        values: Vec<Option<String>>,
    }

    impl Wide {
        /// Every third property absent.
        fn new(n: usize) -> Wide {
            let names: Vec<&'static str> = (0..n).map(|i| &*format!("p{i}").leak()).collect();
            let values = (0..n).map(|i| (i % 3 != 1).then(|| format!("v{i}"))).collect();
            Wide { names: names.leak(), values }
        }
    }

    impl Prop for Wide {
        fn fields<'a>(&'a self, out: &mut Out<'a>) {
            let values: Vec<_> = self.values.iter().map(object::optional).collect();
            out.list("Wide", self.names, &values, None)
        }
    }

    impl Serialize for Wide {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            Value::Object(self).serialize(serializer)
        }
    }

    #[test]
    fn structs_of_any_width_write_every_present_property_in_order() {
        let widths = [0, 1, 31, 32, 33, 40, 100];
        let structs: Vec<Wide> = widths.iter().map(|&n| Wide::new(n)).collect();
        // The oracle: the JSON text joined by hand.
        let expected: Vec<String> = widths
            .iter()
            .map(|&n| {
                let parts: Vec<String> = (0..n).filter(|i| i % 3 != 1).map(|i| format!("\"p{i}\":\"v{i}\"")).collect();
                format!("{{{}}}", parts.join(","))
            })
            .collect();
        for (wide, expected) in structs.iter().zip(&expected) {
            assert_eq!(serde_json::to_string(wide).unwrap(), *expected, "{} properties", wide.names.len());
        }
        // Nested in a list, wide and narrow alternating, so one writer's frame follows another's.
        assert_eq!(serde_json::to_string(&structs).unwrap(), format!("[{}]", expected.join(",")));
    }

    /// The announced length at every width and parity (the writer counts two values at a
    /// time), spilled or not: serde_test's tokens, built from the rule `Wide` is made by.
    #[test]
    fn lengths_count_the_present_properties_at_every_width() {
        use serde_test::{Token, assert_ser_tokens};
        for n in [0, 1, 2, 3, 4, 5, 6, 7, 31, 32, 33, 34] {
            let wide = Wide::new(n);
            let present: Vec<usize> = (0..n).filter(|i| i % 3 != 1).collect();
            let mut tokens = vec![Token::Struct { name: "Wide", len: present.len() }];
            for i in present {
                tokens.push(Token::Str(format!("p{i}").leak()));
                tokens.push(Token::Str(format!("v{i}").leak()));
            }
            tokens.push(Token::StructEnd);
            assert_ser_tokens(&wide, &tokens);
        }
    }

    /// What the writer tells the serializer, in serde's data model (`serde_test`'s tokens):
    /// a struct's length counts the properties it writes (absent ones not, `null` ones
    /// yes), and a tagged variant's counts the tag once, however the tag's property name is
    /// stored. serde_json ignores these lengths; formats that size their output need them.
    #[test]
    fn lengths_count_the_properties_written() {
        use serde_test::{Token, assert_ser_tokens};
        let absent = Inner { name: "b".into(), count: None, at: Nullable::Absent };
        let inner = [Token::Str("name"), Token::Str("b"), Token::StructEnd];
        assert_ser_tokens(&Value::Object(&absent), &[&[Token::Struct { name: "Inner", len: 1 }][..], &inner].concat());
        // serde's derive announces the same length.
        let twin = InnerTwin { name: "b".into(), count: None, at: Nullable::Absent };
        assert_ser_tokens(&twin, &[&[Token::Struct { name: "InnerTwin", len: 1 }][..], &inner].concat());
        let null = Inner { name: "b".into(), count: None, at: Nullable::Null };
        assert_ser_tokens(
            &Value::Object(&null),
            &[
                Token::Struct { name: "Inner", len: 2 },
                Token::Str("name"),
                Token::Str("b"),
                Token::Str("at"),
                Token::None,
                Token::StructEnd,
            ],
        );
        let circle = Circle { kind: "stale".into(), r: 1.5 };
        let tagged = [
            Token::Struct { name: "Circle", len: 2 },
            Token::Str("kind"),
            Token::Str("circle"),
            Token::Str("r"),
            Token::F64(1.5),
            Token::StructEnd,
        ];
        // The tag's property as the same literal the variant lists, and as a copy elsewhere
        // in memory: the variant's own copy is left out either way.
        let literal: &'static Tag = &Tag { property: "kind", value: "circle" };
        let copy: &'static Tag = Box::leak(Box::new(Tag { property: String::from("kind").leak(), value: "circle" }));
        for tag in [literal, copy] {
            assert_ser_tokens(&Value::Tagged(tag, &circle), &tagged);
        }
    }

    #[test]
    fn a_variant_that_is_not_an_object_cannot_carry_the_tag() {
        struct Bad;
        impl Serialize for Bad {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                Value::Tagged(&Tag { property: "kind", value: "text" }, &"just text".to_owned()).serialize(serializer)
            }
        }
        let error = serde_json::to_string(&Bad).unwrap_err().to_string();
        assert!(error.contains("not an object"), "{error}");
    }

    // What akgen emits for a struct's public `Serialize`, written out by hand: `Inner`'s
    // properties through `object::Writer`.
    struct Lean(Inner);

    impl Serialize for Lean {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let v = &self.0;
            let mut object = object::Writer::new(
                serializer.serialize_struct("InnerTwin", object::written([true, v.count.is_some(), !v.at.is_absent()])),
            );
            object.field("name", &v.name);
            object.optional("count", &v.count);
            object.nullable("at", &v.at);
            object.end()
        }
    }

    /// A struct's own `Serialize` (`object::Writer`) tells the serializer what serde's derive
    /// tells it, in serde's data model: the oracle is the derived twin's tokens, for a
    /// property absent, `null` and present.
    #[test]
    fn a_writer_writes_what_serdes_derive_writes() {
        use serde_test::{Token, assert_ser_tokens};
        let stamp = at("2024-07-29T15:51:28.071Z");
        let cases = [(None, Nullable::Absent), (Some(3), Nullable::Null), (Some(-1), Nullable::Value(stamp))];
        for (count, at) in cases {
            let lean = Lean(Inner { name: "n".into(), count, at });
            let twin = InnerTwin { name: "n".into(), count, at };
            let mut tokens = vec![Token::Struct {
                name: "InnerTwin",
                len: 1 + usize::from(count.is_some()) + usize::from(!at.is_absent()),
            }];
            tokens.extend([Token::Str("name"), Token::Str("n")]);
            if let Some(count) = count {
                tokens.extend([Token::Str("count"), Token::Some, Token::I64(count)]);
            }
            let text = stamp.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true).leak();
            match at {
                Nullable::Absent => {}
                Nullable::Null => tokens.extend([Token::Str("at"), Token::None]),
                Nullable::Value(_) => tokens.extend([Token::Str("at"), Token::Str(text)]),
            }
            tokens.push(Token::StructEnd);
            assert_ser_tokens(&twin, &tokens);
            assert_ser_tokens(&lean, &tokens);
            assert_eq!(serde_json::to_string(&lean).unwrap(), serde_json::to_string(&twin).unwrap());
        }
    }

    /// The first error a property's write returns is the struct's: nothing after it is
    /// written (a writer that fails once full).
    #[test]
    fn a_writer_stops_at_the_first_error() {
        struct Full(Vec<u8>, usize);
        impl std::io::Write for Full {
            fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
                if self.0.len() + buf.len() > self.1 {
                    return Err(std::io::Error::other("full"));
                }
                self.0.extend_from_slice(buf);
                Ok(buf.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let lean = Lean(Inner { name: "a name".into(), count: Some(1), at: Nullable::Null });
        let mut full = Full(Vec::new(), 12);
        let error = serde_json::to_writer(&mut full, &lean).unwrap_err();
        assert!(error.is_io(), "{error}");
        // The name's text did not fit; had the writer gone on, `,"` of the next property
        // would have.
        assert_eq!(String::from_utf8(full.0).unwrap(), r#"{"name":""#);
    }

    /// A union's variant written through its own `Serialize` (`tagged::serialize`)
    /// announces one property for the tag and none for its own copy, when it writes one:
    /// the length counts what is written.
    #[test]
    fn a_tagged_variant_counts_the_tag_once() {
        use akgen_runtime::runtime::tagged;
        use serde_test::{Token, assert_ser_tokens};
        struct Variant<T>(T, bool);
        impl<T: Serialize> Serialize for Variant<T> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                tagged::serialize(serializer, "kind", "circle", &self.0, self.1)
            }
        }
        #[derive(Serialize)]
        struct Circle {
            kind: &'static str,
            r: f64,
        }
        #[derive(Serialize)]
        struct Round {
            r: f64,
        }
        let tokens = |name| {
            [
                Token::Struct { name, len: 2 },
                Token::Str("kind"),
                Token::Str("circle"),
                Token::Str("r"),
                Token::F64(1.5),
                Token::StructEnd,
            ]
        };
        assert_ser_tokens(&Variant(Circle { kind: "stale", r: 1.5 }, true), &tokens("Circle"));
        assert_ser_tokens(&Variant(Round { r: 1.5 }, false), &tokens("Round"));
    }
}
