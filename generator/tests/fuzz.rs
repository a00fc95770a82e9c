//! Fuzzing: spec text → load → IR → emit → format must never panic, and must never emit
//! Rust that `syn` cannot parse (akgen reports that as "akgen emitted invalid Rust", which
//! is a bug, not a spec error). Any other error is a fine answer to a broken spec.
//!
//! Two targets, run by `cargo test` with a bounded number of cases (`PROPTEST_CASES`
//! overrides it for longer runs, e.g. `PROPTEST_CASES=20000 cargo test --release -p akgen
//! --test fuzz`):
//! - `random_specs`: OpenAPI documents built from a grammar of what real specs contain
//!   (every schema keyword akgen reads, awkward names, dangling and cyclic `$ref`s, path
//!   templates, parameters, bodies of many media types, responses);
//! - `mutated_specs`: the committed corpus (`tests/fuzz-corpus/`) and the fixture specs,
//!   with bytes, lines and YAML tokens inserted, deleted and duplicated.
//!
//! The cases come from a fixed seed (see `cases`), so CI is reproducible.
//! Failing inputs proptest finds are shrunk and their seeds kept in
//! `fuzz.proptest-regressions` beside this file, committed and replayed first on every run.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use serde_json::{Map, Value, json};

/// Loads and renders `text`; panics (failing the case) only on a bug.
fn generate(text: String, lenient: bool) {
    let Ok(spec) = akgen::load::load_text(PathBuf::from("fuzz.yml"), text) else { return };
    if let Err(e) = akgen::Generator::new().lenient(lenient).render_crate_from(&spec) {
        assert!(!matches!(e, akgen::Error::Internal(_)), "{e}");
    }
}

/// `default` cases from a fixed seed, so that CI runs the same cases every time and a red
/// run is reproducible; `PROPTEST_RNG_SEED` (a number, or `random`) explores others.
fn cases(default: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default);
    let rng_seed = match std::env::var("PROPTEST_RNG_SEED").ok().as_deref() {
        Some("random") => prop::test_runner::RngSeed::Random,
        Some(n) => n.parse().map(prop::test_runner::RngSeed::Fixed).unwrap_or(prop::test_runner::RngSeed::Random),
        None => prop::test_runner::RngSeed::Fixed(0x616b_67656e),
    };
    ProptestConfig { cases, max_shrink_iters: 2000, rng_seed, ..ProptestConfig::default() }
}

// ---- random_specs: a grammar of OpenAPI 3.0 documents ----

/// Names real specs use and generators trip over, and plain ones.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-z][a-zA-Z0-9_]{0,7}",
        2 => prop::sample::select(vec![
            "type", "self", "Self", "gen", "ref", "move", "static", "crate", "super", "async", "r#type", "",
            "_", "__", "a-b", "a_b", "A B", "x5t#S256", "hate/threatening", "idp:provisioned", "isGlobal",
            "is_global", "1st", "ä", "Option", "Result", "String", "Box", "Vec", "Value", "None", "Some",
            "Unknown", "client", "server", "models", "validation", "runtime", "params", "Default", "Client",
            "a.b", "a--b", "~1", "{id}", "%20", "Error",
        ])
        .prop_map(str::to_owned),
    ]
}

/// A component schema name from a small pool, so `$ref`s often hit (and sometimes miss).
fn component() -> impl Strategy<Value = String> {
    prop::sample::select(COMPONENTS).prop_map(str::to_owned)
}

const COMPONENTS: &[&str] = &["A", "B", "C", "Self", "a", "Node", "Missing", "My.Type", "Enum"];

fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (-1e6f64..1e6).prop_map(Value::from),
        name().prop_map(Value::from),
    ]
}

fn number() -> impl Strategy<Value = Value> {
    prop_oneof![any::<i64>().prop_map(Value::from), (-1e6f64..1e6).prop_map(Value::from), Just(json!(1e300))]
}

fn leaf_schema() -> impl Strategy<Value = Value> {
    let string = (
        prop::option::of(prop::sample::select(vec![
            "date-time",
            "date",
            "uuid",
            "email",
            "uri",
            "binary",
            "byte",
            "password",
            "markdown",
            "ipv4",
            "",
        ])),
        prop::option::of(prop::sample::select(vec![
            "^[a-z]+$",
            "^\\d{3}$",
            "(",
            "[",
            "^(?<n>x)\\k<n>$",
            "\\p{L}+",
            "",
            "^\\d+\\-\\d+$",
            "(?i)^x$",
            "\\_",
        ])),
        prop::option::of(-2i64..300),
        prop::option::of(-2i64..300),
    )
        .prop_map(|(format, pattern, min, max)| {
            let mut s = json!({"type": "string"});
            if let Some(f) = format {
                s["format"] = json!(f);
            }
            if let Some(p) = pattern {
                s["pattern"] = json!(p);
            }
            if let Some(m) = min {
                s["minLength"] = json!(m);
            }
            if let Some(m) = max {
                s["maxLength"] = json!(m);
            }
            s
        });
    let number = (
        prop::sample::select(vec!["integer", "number"]),
        prop::option::of(prop::sample::select(vec!["int32", "int64", "float", "double", "uint8", ""])),
        prop::option::of(number()),
        prop::option::of(number()),
        any::<bool>(),
    )
        .prop_map(|(ty, format, min, max, exclusive)| {
            let mut s = json!({"type": ty});
            if let Some(f) = format {
                s["format"] = json!(f);
            }
            if let Some(m) = min {
                s["minimum"] = m;
            }
            if let Some(m) = max {
                s["maximum"] = m;
            }
            if exclusive {
                s["exclusiveMinimum"] = json!(true);
            }
            s
        });
    // OpenAPI 3.1's (JSON Schema draft 6's) spelling, which 3.0 specs write too.
    let numeric_exclusive = (self::number(), self::number())
        .prop_map(|(lo, hi)| json!({"type": "number", "exclusiveMinimum": lo, "exclusiveMaximum": hi}));
    let enumeration =
        (prop::sample::select(vec!["string", "integer", "number", "boolean"]), prop::collection::vec(scalar(), 0..6))
            .prop_map(|(ty, values)| json!({"type": ty, "enum": values}));
    // No `type`: taken from the values, or anything.
    let untyped_enum = prop::collection::vec(scalar(), 0..5).prop_map(|values| json!({"enum": values}));
    // Keywords of another type than the one stated.
    let stray = (prop::sample::select(vec!["array", "string", "integer", "object", "boolean"]), 0u64..4)
        .prop_map(|(ty, n)| json!({"type": ty, "minLength": n, "maxItems": n, "minimum": n, "required": ["x"]}));
    prop_oneof![
        3 => string,
        2 => number,
        1 => numeric_exclusive,
        2 => enumeration,
        1 => untyped_enum,
        1 => stray,
        1 => any::<bool>().prop_map(Value::from),
        1 => Just(json!({"type": "null"})),
        // OpenAPI 3.1 / 2020-12.
        1 => scalar().prop_map(|v| json!({"const": v})),
        1 => component().prop_map(|c| json!({"$ref": format!("#/components/schemas/{c}/$defs/D")})),
        1 => prop::sample::select(vec!["if", "$dynamicRef", "unevaluatedProperties", "prefixItems", "patternProperties", "contentMediaType"])
            .prop_map(|k| json!({(k): if k == "prefixItems" { json!([{"type": "string"}]) } else if k.ends_with("Type") { json!("image/png") } else if k == "patternProperties" { json!({"^a": {}}) } else { json!(true) }})),
        1 => (component(), any::<bool>()).prop_map(|(c, nullable)| json!({"$ref": format!("#/components/schemas/{c}"), "nullable": nullable, "description": "d", "maxLength": 3})),
        1 => Just(json!({"type": "boolean"})),
        1 => Just(json!({})),
        1 => Just(json!({"type": "object"})),
        3 => component().prop_map(|c| json!({"$ref": format!("#/components/schemas/{c}")})),
        1 => prop::sample::select(vec!["#/components/schemas/A/properties/x", "other.yml#/A", "#/components/parameters/A"])
            .prop_map(|r| json!({"$ref": r})),
    ]
}

/// Adds keywords any schema may carry.
fn decorate(schema: Value, nullable: bool, read_only: bool, description: Option<String>) -> Value {
    let mut s = schema;
    if let Value::Object(map) = &mut s {
        if nullable {
            map.insert("nullable".into(), json!(true));
        }
        if read_only {
            map.insert("readOnly".into(), json!(true));
        }
        if let Some(d) = description {
            map.insert("description".into(), json!(d));
        }
    }
    s
}

fn schema() -> impl Strategy<Value = Value> {
    let leaf = leaf_schema();
    let tree = leaf.prop_recursive(4, 48, 5, |inner| {
        prop_oneof![
            3 => (
                prop::collection::btree_map(name(), inner.clone(), 0..6),
                prop::collection::vec(name(), 0..3),
                prop::option::of(prop_oneof![any::<bool>().prop_map(Value::from), inner.clone()]),
            )
                .prop_map(|(properties, required, additional)| {
                    let mut s = json!({"type": "object", "properties": properties, "required": required});
                    if let Some(a) = additional {
                        s["additionalProperties"] = a;
                    }
                    s
                }),
            2 => (inner.clone(), prop::option::of(0u64..4), prop::option::of(0u64..4)).prop_map(|(items, min, max)| {
                let mut s = json!({"type": "array", "items": items});
                if let Some(m) = min {
                    s["minItems"] = json!(m);
                }
                if let Some(m) = max {
                    s["maxItems"] = json!(m);
                }
                s
            }),
            1 => inner.clone().prop_map(|items| json!({"type": "array", "items": items, "uniqueItems": true})),
            2 => prop::collection::vec(inner.clone(), 1..4).prop_map(|parts| json!({"allOf": parts})),
            2 => (prop::collection::vec(inner.clone(), 1..4), prop::option::of(name()), any::<bool>()).prop_map(
                |(variants, discriminator, one)| {
                    let mut s = json!({(if one { "oneOf" } else { "anyOf" }): variants});
                    if let Some(d) = discriminator {
                        s["discriminator"] = json!({"propertyName": d});
                    }
                    s
                }
            ),
            1 => inner.clone().prop_map(|s| json!({"not": s})),
            // `type` beside a composition, with properties of its own.
            2 => (prop::collection::vec(inner.clone(), 1..3), prop::sample::select(vec!["allOf", "oneOf", "anyOf"]), inner.clone())
                .prop_map(|(parts, keyword, p)| json!({"type": "object", (keyword): parts, "properties": {"own": p}})),
            // allOf with a union member, and a union with a null branch.
            2 => (inner.clone(), prop::collection::vec(inner.clone(), 1..3), any::<bool>())
                .prop_map(|(common, branches, one)| json!({"allOf": [common, {(if one { "oneOf" } else { "anyOf" }): branches}]})),
            1 => inner.clone().prop_map(|s| json!({"oneOf": [s, {"type": "null"}]})),
            // A schema with `$defs` (the `$ref`s above name `…/$defs/D`).
            1 => inner.clone().prop_map(|s| json!({"type": "object", "properties": {"x": s.clone()}, "$defs": {"D": s}})),
            // Inline variants each naming their tag with a one-value enum (or sharing one).
            1 => (prop::collection::vec(name(), 1..4), inner.clone()).prop_map(|(tags, extra)| {
                let variants: Vec<Value> = tags
                    .iter()
                    .map(|t| json!({"type": "object", "properties": {"kind": {"type": "string", "enum": [t]}, "x": extra}, "required": ["kind"]}))
                    .collect();
                json!({"oneOf": variants, "discriminator": {"propertyName": "kind"}})
            }),
            1 => prop::collection::vec(prop::sample::select(vec!["string", "integer", "array", "null", "object"]), 1..4)
                .prop_map(|types| json!({"type": types, "items": {"type": "string"}})),
            1 => inner.clone().prop_map(|s| json!({"allOf": [s], "nullable": true})),
            // 2020-12's array keywords: a tuple (fixed or open) and `contains` with bounds.
            1 => (prop::collection::vec(inner.clone(), 0..3), prop::option::of(0u64..4), prop::option::of(prop_oneof![Just(json!(false)), inner.clone()]))
                .prop_map(|(positions, n, items)| {
                    let mut s = json!({"type": "array", "prefixItems": positions});
                    if let Some(n) = n {
                        s["minItems"] = json!(n);
                        s["maxItems"] = json!(n);
                    }
                    if let Some(i) = items {
                        s["items"] = i;
                    }
                    s
                }),
            1 => (inner.clone(), prop::option::of(0u64..3), prop::option::of(0u64..3))
                .prop_map(|(c, min, max)| json!({"type": "array", "items": {}, "contains": c, "minContains": min, "maxContains": max})),
            // 2020-12's object keywords on maps and on structs.
            1 => (prop::collection::btree_map(prop::sample::select(vec!["^a", "^[0-9]+$", "(", "\\d", ""]), inner.clone(), 0..3), any::<bool>(), any::<bool>())
                .prop_map(|(patterns, closed, props)| {
                    let mut s = json!({"type": "object", "patternProperties": patterns});
                    if closed {
                        s["additionalProperties"] = json!(false);
                    }
                    if props {
                        s["properties"] = json!({"a": {"type": "string"}});
                    }
                    s
                }),
            1 => (inner.clone(), prop::collection::btree_map(name(), prop::collection::vec(name(), 0..3), 0..3), any::<bool>())
                .prop_map(|(names, dependencies, props)| {
                    let mut s = json!({"type": "object", "propertyNames": names, "dependentRequired": dependencies, "additionalProperties": {"type": "integer"}});
                    if props {
                        s["properties"] = json!({"a": {"type": "string"}, "b": false});
                    }
                    s
                }),
            // A union tagged by const values without the `discriminator` keyword.
            1 => (prop::collection::vec(name(), 1..4), any::<bool>()).prop_map(|(tags, required)| {
                let variants: Vec<Value> = tags
                    .iter()
                    .map(|t| json!({"type": "object", "properties": {"kind": {"const": t}}, "required": if required { json!(["kind"]) } else { json!([]) }}))
                    .collect();
                json!({"oneOf": variants})
            }),
            1 => (inner.clone(), inner).prop_map(|(p, i)| json!({"properties": {"p": p}, "items": i})),
        ]
    });
    (
        tree,
        any::<bool>(),
        any::<bool>(),
        prop::option::of(prop::sample::select(vec!["", "a */ b", "`code`", "# H", "\\"])),
    )
        .prop_map(|(s, nullable, read_only, d)| decorate(s, nullable, read_only, d.map(str::to_owned)))
}

/// A path template from literal segments and parameters, sometimes malformed.
fn template() -> impl Strategy<Value = (String, Vec<String>)> {
    let segment = prop_oneof![
        3 => "[a-z_]{1,6}".prop_map(|s| (s, None)),
        2 => name().prop_map(|n| (format!("{{{n}}}"), Some(n))),
        1 => prop::sample::select(vec!["v{version}", "a b", "%7B", "{id}.json", "{a}-{b}", "{", "}", "{}", "{a}.{b}", "x{"])
            .prop_map(|s| (s.to_owned(), s.strip_prefix("v{").map(|_| "version".to_owned()))),
    ];
    (prop::collection::vec(segment, 0..4), any::<bool>()).prop_map(|(segments, slash)| {
        let params = segments.iter().filter_map(|(_, p)| p.clone()).collect();
        let mut path: String = segments.iter().map(|(s, _)| format!("/{s}")).collect();
        if slash || path.is_empty() {
            path.push('/');
        }
        (path, params)
    })
}

fn parameter(template_params: Vec<String>) -> impl Strategy<Value = Value> {
    // Mostly the template's own parameters; now and then one it does not have.
    let path_name = if template_params.is_empty() {
        name().boxed()
    } else {
        prop_oneof![9 => prop::sample::select(template_params), 1 => name()].boxed()
    };
    prop_oneof![
        1 => (path_name.clone(), schema()).prop_map(|(n, s)| json!({"in": "path", "name": n, "required": true, "schema": s})),
        3 => (name(), schema(), any::<bool>(), prop::option::of(any::<bool>())).prop_map(|(n, s, r, explode)| {
            let mut p = json!({"in": "query", "name": n, "required": r, "schema": s});
            if let Some(e) = explode {
                p["explode"] = json!(e);
            }
            p
        }),
        1 => (name(), schema()).prop_map(|(n, s)| json!({"in": "header", "name": n, "schema": s})),
        1 => (name(), schema()).prop_map(|(n, s)| json!({"in": "cookie", "name": n, "schema": s})),
        // The name of a path parameter again, in the query.
        1 => path_name.clone().prop_map(|n| json!({"in": "query", "name": n, "schema": {"type": "integer"}})),
        1 => name().prop_map(|n| json!({"in": "query", "name": n, "content": {"application/json": {"schema": {}}}})),
    ]
}

/// A path parameter for each of the template's (usually), then others.
fn parameters(template_params: Vec<String>) -> impl Strategy<Value = Vec<Value>> {
    let own: Vec<Value> = template_params
        .iter()
        .map(|n| json!({"in": "path", "name": n, "required": true, "schema": {"type": "string"}}))
        .collect();
    (prop::collection::vec(parameter(template_params), 0..4), prop::bool::weighted(0.9)).prop_map(
        move |(mut extra, with_own)| {
            if with_own {
                extra.splice(0..0, own.clone());
            }
            extra
        },
    )
}

fn content() -> impl Strategy<Value = Value> {
    (
        prop::sample::select(vec![
            "application/json",
            "multipart/form-data",
            "application/x-www-form-urlencoded",
            "application/octet-stream",
            "text/plain",
            "application/xml",
            "*/*",
            "application/problem+json",
            "",
        ]),
        prop::option::of(schema()),
    )
        .prop_map(|(media, schema)| {
            let mut m = Map::new();
            m.insert(media.to_owned(), schema.map(|s| json!({"schema": s})).unwrap_or(json!({})));
            Value::Object(m)
        })
}

fn operation(template_params: Vec<String>) -> impl Strategy<Value = Value> {
    (
        prop::option::of(name()),
        prop::collection::vec(name(), 0..2),
        parameters(template_params),
        prop::option::of((content(), any::<bool>())),
        prop::collection::btree_map(
            prop::sample::select(vec!["200", "201", "204", "301", "400", "403", "404", "4XX", "default", "299"]),
            prop::option::of(content()),
            0..4,
        ),
        prop::option::of(prop::sample::select(vec![
            json!([]),
            json!([{}]),
            json!([{"bearer": []}]),
            json!([{"undefined": []}]),
        ])),
        any::<bool>(),
    )
        .prop_map(|(id, tags, parameters, body, responses, security, deprecated)| {
            let responses: Map<String, Value> = responses
                .into_iter()
                .map(|(code, content)| {
                    let mut r = json!({"description": ""});
                    if let Some(c) = content {
                        r["content"] = c;
                    }
                    (code.to_owned(), r)
                })
                .collect();
            let mut op =
                json!({"tags": tags, "parameters": parameters, "responses": responses, "deprecated": deprecated});
            if let Some(id) = id {
                op["operationId"] = json!(id);
            }
            if let Some((content, required)) = body {
                op["requestBody"] = json!({"content": content, "required": required});
            }
            if let Some(s) = security {
                op["security"] = s;
            }
            op
        })
}

fn path_item() -> impl Strategy<Value = (String, Value)> {
    template().prop_flat_map(|(path, params)| {
        let methods =
            prop::sample::subsequence(vec!["get", "put", "post", "delete", "patch", "head", "options", "trace"], 1..4);
        (Just(path), methods, prop::collection::vec(operation(params), 4)).prop_map(|(path, methods, ops)| {
            let item: Map<String, Value> = methods.into_iter().zip(ops).map(|(m, op)| (m.to_owned(), op)).collect();
            (path, Value::Object(item))
        })
    })
}

fn document() -> impl Strategy<Value = Value> {
    (
        // Every pooled name but `Missing`, so most `$ref`s resolve.
        prop::collection::vec(schema(), COMPONENTS.len() - 1).prop_map(|schemas| {
            COMPONENTS
                .iter()
                .filter(|c| **c != "Missing")
                .map(|c| c.to_string())
                .zip(schemas)
                .collect::<Map<String, Value>>()
        }),
        prop::collection::vec(path_item(), 0..4),
        prop_oneof![14 => Just("3.0.3"), 2 => Just("3.0.0"), 8 => Just("3.1.0"), 1 => Just("3.2.0"), 1 => Just("2.0")],
        prop::bool::weighted(0.9),
    )
        .prop_map(|(schemas, paths, version, components)| {
            let paths: Map<String, Value> = paths.into_iter().collect();
            let mut doc = json!({"openapi": version, "info": {"title": "fuzz", "version": "1"}, "paths": paths});
            // 3.1's webhooks: operations akgen does not generate, bodies it does.
            if version == "3.1.0"
                && let Some(item) = doc["paths"].as_object().and_then(|p| p.values().next()).cloned()
            {
                doc["webhooks"] = json!({"hook": item});
            }
            if components {
                doc["components"] = json!({
                    "schemas": schemas,
                    "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}
                });
            }
            doc
        })
}

proptest! {
    #![proptest_config(cases(192))]

    #[test]
    fn random_specs(doc in document(), lenient in prop::bool::weighted(0.75)) {
        generate(doc.to_string(), lenient);
    }
}

// ---- mutated_specs: the corpus, mutated ----

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_owned()
}

/// The committed corpus, then the fixture and error specs.
fn corpus() -> Vec<Vec<u8>> {
    let mut files = Vec::new();
    for dir in ["generator/tests/fuzz-corpus", "specs/fixtures", "specs/errors"] {
        let mut entries: Vec<PathBuf> =
            std::fs::read_dir(repo().join(dir)).unwrap().map(|e| e.unwrap().path()).collect();
        entries.sort();
        files.extend(entries.into_iter().map(|p| std::fs::read(p).unwrap()));
    }
    files
}

/// Pieces of YAML and OpenAPI that change a document's meaning when spliced in.
const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ":",
    ": ",
    "- ",
    "\n",
    "\n  ",
    "'",
    "\"",
    "&a ",
    "*a",
    "<<: *a\n",
    "!!str ",
    "? ",
    "|\n",
    "#",
    "$ref: '#/components/schemas/A'",
    "$ref: '#/'",
    "nullable: true",
    "type: object",
    "type: array",
    "items: {}",
    "allOf: [",
    "oneOf: [",
    "enum: [null, '', '-']",
    "required: [",
    "additionalProperties: false",
    "pattern: '('",
    "maxLength: -1",
    "minimum: 1e400",
    "{id}",
    "~1",
    "\u{0}",
    "\u{feff}",
    "\t",
];

#[derive(Debug, Clone)]
enum Mutation {
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Duplicate(usize, usize),
    DropLine(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), prop::sample::select(TOKENS).prop_map(|t| t.as_bytes().to_vec()))
            .prop_map(|(at, t)| Mutation::Insert(at, t)),
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..4)).prop_map(|(at, b)| Mutation::Insert(at, b)),
        (any::<usize>(), 1usize..40).prop_map(|(at, n)| Mutation::Delete(at, n)),
        (any::<usize>(), 1usize..200).prop_map(|(at, n)| Mutation::Duplicate(at, n)),
        any::<usize>().prop_map(Mutation::DropLine),
    ]
}

fn apply(mut text: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let len = text.len().max(1);
        match m {
            Mutation::Insert(at, bytes) => {
                let at = at % (text.len() + 1);
                text.splice(at..at, bytes.iter().copied());
            }
            Mutation::Delete(at, n) => {
                let at = at % len;
                let end = (at + n).min(text.len());
                text.drain(at.min(end)..end);
            }
            Mutation::Duplicate(at, n) => {
                let at = at % len;
                let end = (at + n).min(text.len());
                let piece: Vec<u8> = text[at.min(end)..end].to_vec();
                text.splice(end..end, piece);
            }
            Mutation::DropLine(n) => {
                let lines: Vec<&[u8]> = text.split(|b| *b == b'\n').collect();
                let skip = n % lines.len();
                text = lines
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i != skip)
                    .map(|(_, l)| *l)
                    .collect::<Vec<_>>()
                    .join(&b'\n');
            }
        }
    }
    text
}

proptest! {
    #![proptest_config(cases(192))]

    #[test]
    fn mutated_specs(seed in any::<prop::sample::Index>(), mutations in prop::collection::vec(mutation(), 1..6), lenient in any::<bool>()) {
        let corpus = corpus();
        let text = apply(corpus[seed.index(corpus.len())].clone(), &mutations);
        // load_file's UTF-8 check comes before load_text; invalid bytes end there.
        if let Ok(text) = String::from_utf8(text) {
            generate(text, lenient);
        }
    }
}
