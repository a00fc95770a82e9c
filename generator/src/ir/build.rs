//! Builds the [`Api`] from a loaded spec: resolves references, names every type, and keeps
//! every constraint. Problems are collected rather than stopping at the first, so one run
//! reports everything that needs fixing.
//!
//! Schemas are read as JSON Schema validation reads them ([`Builder::lower`]): a keyword
//! constrains only the instance types it is defined for; `type` beside `allOf`/`oneOf`/
//! `anyOf` constrains the composition rather than conflicting with it; a schema without
//! `type` takes it from its keywords (`properties`, `items`) or its `enum` values; an
//! `allOf` with a union among its members is the union of the members merged with each of
//! its branches; a `null` branch of a union makes the use nullable. What has no Rust form
//! still falls back to a JSON value, with a warning (`--lenient`) or an error naming it.

use super::names::{self, RESERVED_TYPE_NAMES};
use super::select::{RawOperation, Selecting, prune};
use super::*;
use crate::error::{Diagnostic, Error, escape_pointer_segment as esc};
use crate::load::Spec;
use crate::load::doc::{self, Exclusive, Schema};
use crate::load::resolve::{RefError, Resolver, schema_ref_name};
use indexmap::IndexMap;
use std::collections::{BTreeMap, HashMap, HashSet};

/// How to treat constructs akgen cannot represent faithfully, and what to keep.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BuildOptions {
    /// Replace unsupported schemas by a JSON value (with a warning) instead of failing.
    pub lenient: bool,
    /// The operations to keep (and, unless told otherwise, only the types they reach);
    /// `None` keeps everything.
    pub selection: Option<Selection>,
    /// Decode the required, non-nullable properties of response-only types as `Option`
    /// (the config's `responses = "tolerant"`; see `ir::skew`).
    pub tolerant_responses: bool,
    /// The config's renames, fixes, replacements, formats and derives.
    pub custom: super::Customization,
}

/// Builds the IR, or returns every problem found.
pub fn build(spec: &Spec, options: BuildOptions) -> Result<Api, Error> {
    let mut b = Builder {
        spec,
        resolver: Resolver::new(&spec.api),
        lenient: options.lenient,
        component_names: HashMap::new(),
        taken: RESERVED_TYPE_NAMES.iter().map(|s| s.to_string()).collect(),
        types: Vec::new(),
        errors: Vec::new(),
        warnings: Vec::new(),
        merging: Vec::new(),
        enclosing: Vec::new(),
        def_names: HashMap::new(),
        custom: &options.custom,
        config_errors: Vec::new(),
    };
    b.check_dialect();
    b.name_components();
    b.build_components();
    let mut selecting = options.selection.as_ref().map(Selecting::new);
    let mut operations = b.build_operations(selecting.as_mut());
    if let Some(unmatched) = selecting.map(|s| s.unmatched())
        && !unmatched.is_empty()
    {
        return Err(Error::Config(unmatched));
    }
    let all_ids: HashSet<String> = spec
        .api
        .paths
        .iter()
        .flat_map(|(path, item)| {
            item.operations()
                .map(move |(m, op)| op.operation_id.clone().unwrap_or_else(|| format!("{}{path}", m.key())))
        })
        .collect();
    let mut config_errors = std::mem::take(&mut b.config_errors);
    config_errors.extend(options.custom.apply_to_operations(&mut operations, &all_ids));
    config_errors.extend(options.custom.apply_to_types(&mut b.types));
    if !config_errors.is_empty() {
        return Err(Error::Config(config_errors));
    }
    b.build_webhooks();
    b.break_alias_cycles();
    // A schema merged into another is read once for each (and a runaway once per round),
    // and would say the same thing several times.
    let mut seen = HashSet::new();
    b.errors.retain(|e| seen.insert((e.pointer.clone(), e.message.clone())));
    if !b.errors.is_empty() {
        spec.locate(&mut b.errors);
        return Err(Error::Spec(b.errors));
    }
    // A schema merged into another (an allOf member's property) is read once for each, and
    // would say the same thing twice.
    let mut seen = HashSet::new();
    b.warnings.retain(|w| seen.insert((w.pointer.clone(), w.message.clone())));
    spec.locate(&mut b.warnings);
    let mut types = b.types;
    types.sort_by(|a, c| a.name.cmp(&c.name));
    if options.selection.as_ref().is_some_and(|s| !s.keep_unused_models) {
        types = prune(types, &operations);
    } else if options.custom.types.iter().any(|t| t.replace.is_some()) {
        // What only a replaced type held (its inline parts) goes with it; every component stays.
        let roots: Vec<&TypeExpr> = types
            .iter()
            .filter(|t| t.component.is_some())
            .flat_map(TypeDef::exprs)
            .chain(operations.iter().flat_map(Operation::exprs))
            .collect();
        let reached = super::reach(&types, roots);
        types = types.into_iter().zip(reached).filter_map(|(t, r)| (r || t.component.is_some()).then_some(t)).collect();
    }
    if options.tolerant_responses {
        super::skew::tolerate_responses(&mut types, &operations);
    }
    box_recursive_uses(&mut types);
    super::usage::assign_tags(&mut types, &operations);
    let api = &spec.api;
    let params = operations.iter().filter_map(Operation::params_struct).collect();
    let security_schemes = security_schemes(api, &operations);
    let mut out = Api {
        title: api.info.title.clone(),
        version: api.info.version.clone(),
        description: api.info.description.clone(),
        base_path: base_path(api),
        types,
        operations,
        tags: Vec::new(),
        params,
        security_schemes,
        warnings: b.warnings,
    };
    super::naming::name_items(&mut out);
    Ok(out)
}

struct Builder<'a> {
    spec: &'a Spec,
    resolver: Resolver<'a>,
    /// [`BuildOptions::lenient`].
    lenient: bool,
    /// Component schema name → Rust type name.
    component_names: HashMap<String, String>,
    /// Every type name given out so far.
    taken: HashSet<String>,
    types: Vec<TypeDef>,
    errors: Vec<Diagnostic>,
    /// The `$ref`s whose allOf parts are being merged, outermost first: a cycle among them
    /// would merge forever.
    merging: Vec<String>,
    /// The pointers of the inline schemas that enclose the one being built, outermost first.
    enclosing: Vec<String>,
    warnings: Vec<Diagnostic>,
    /// `$ref`s into a component's `$defs` → the Rust type made for each (OpenAPI 3.1).
    def_names: HashMap<String, String>,
    /// [`BuildOptions::custom`].
    custom: &'a super::Customization,
    /// Problems with the config found while building (a rename that clashes).
    config_errors: Vec<Diagnostic>,
}

/// Real specs nest inline schemas a few levels deep; more than this is a cycle that makes a
/// new type at every level (allOf merges copy the schema that contains them).
const MAX_INLINE_DEPTH: usize = 48;

/// An allOf whose union has more branches than this is not distributed (each branch
/// becomes a struct of its own).
const MAX_DISTRIBUTED_BRANCHES: usize = 64;

fn docs(s: &Schema) -> Docs {
    Docs { title: s.title.clone(), description: s.description.clone().filter(|d| !d.trim().is_empty()) }
}

/// What a schema lowers to: an expression usable as it is, or a definition that needs a
/// name (a struct, an enum, a union).
enum Lowered {
    Expr(TypeExpr),
    /// `nullable`: the uses are nullable (a `null` branch of a union); a component's own
    /// nullability is not carried to its `$ref`s.
    Def(TypeKind, bool),
}

/// The members of an allOf, flattened: objects to merge, and at most one union whose
/// branches each merge with all the objects.
#[derive(Default)]
struct Flattened<'s> {
    objects: Vec<(Schema, String)>,
    union: Option<UnionSource<'s>>,
}

/// A `oneOf`/`anyOf` met inside an allOf.
#[derive(Clone)]
struct UnionSource<'s> {
    branches: &'s [Schema],
    discriminator: Option<&'s doc::Discriminator>,
    keyword: &'static str,
    pointer: String,
    /// The union schema's own `nullable`.
    nullable: bool,
}

impl<'a> Builder<'a> {
    fn error(&mut self, pointer: &str, message: impl Into<String>) {
        let d = self.spec.unlocated(pointer, message);
        self.errors.push(d);
    }

    fn warning(&mut self, pointer: &str, message: impl Into<String>) {
        let d = self.spec.unlocated(pointer, message);
        self.warnings.push(d);
    }

    /// A `$ref` that cannot be followed: an error, or with `lenient` a warning (the use
    /// becomes a JSON value, or the parameter or response is left out).
    fn ref_error(&mut self, pointer: &str, e: RefError) {
        let message = if e.unsupported || !self.lenient {
            e.message
        } else {
            format!("{}; typed as a JSON value (--lenient)", e.message)
        };
        self.unsupported(pointer, message);
    }

    /// An unsupported construct: an error, or with `lenient` a warning and a JSON value.
    fn unsupported(&mut self, pointer: &str, message: String) -> TypeExpr {
        let d = self.spec.unlocated(pointer, message);
        if self.lenient {
            self.warnings.push(d);
        } else {
            self.errors.push(d);
        }
        TypeExpr::new(ExprKind::Any)
    }

    /// An operation the server's router cannot route: an error (a server is generated), or
    /// with `lenient` a warning, the operation kept for the models and the client.
    fn unroutable(&mut self, pointer: &str, problem: &str) {
        if self.lenient {
            self.warning(
                pointer,
                format!("{problem}; the client has its operations, the server leaves them out (--lenient)"),
            );
        } else {
            self.error(pointer, format!("{problem}; the generated server cannot route it (--lenient generates the models and the client and leaves it out of the server)"));
        }
    }

    /// A type alias that contains itself (`B = Vec<Vec<B>>`, directly or through other
    /// aliases) has no Rust form: reported as unsupported, and with `lenient` a JSON value.
    fn break_alias_cycles(&mut self) {
        // Through constraints too: the validator checks an alias's constraints where it is
        // used, so an alias its own `contains` names would be checked without end.
        fn named<'e>(expr: &'e TypeExpr, out: &mut Vec<&'e str>) {
            expr.for_each_named(&mut |n| out.push(n));
        }
        let aliases: HashMap<&str, &TypeExpr> = self
            .types
            .iter()
            .filter_map(|t| if let TypeKind::Alias(e) = &t.kind { Some((t.name.as_str(), e)) } else { None })
            .collect();
        let mut cyclic = Vec::new();
        for (i, t) in self.types.iter().enumerate() {
            let TypeKind::Alias(expr) = &t.kind else { continue };
            let (mut stack, mut seen) = (Vec::new(), HashSet::new());
            named(expr, &mut stack);
            while let Some(n) = stack.pop() {
                if n == t.name {
                    cyclic.push(i);
                    break;
                }
                if seen.insert(n)
                    && let Some(e) = aliases.get(n)
                {
                    named(e, &mut stack);
                }
            }
        }
        for i in cyclic {
            let pointer = self.types[i].pointer.clone();
            let message =
                "this schema is an array or map of itself (through aliases), which a Rust type alias cannot express"
                    .to_owned();
            let any = self.unsupported(&pointer, message);
            self.types[i].kind = TypeKind::Alias(any);
        }
    }

    /// Names are given in sorted component order, so adding a schema never renames another.
    fn name_components(&mut self) {
        let schemas = self.spec.api.components.as_ref().map(|c| c.schemas.keys());
        self.config_errors.extend(self.custom.unknown_schemas(schemas.into_iter().flatten()));
        let Some(components) = &self.spec.api.components else { return };
        let mut names: Vec<&String> = components.schemas.keys().collect();
        names.sort();
        // Renamed types take their names first; a name the config gives twice, or one that
        // akgen reserves, is the config's error.
        let natural: HashMap<String, &String> =
            names.iter().filter(|n| self.custom.type_rename(n).is_none()).map(|n| (names::camel(n), *n)).collect();
        for name in &names {
            if let Some(rename) = self.custom.type_rename(name) {
                if let Some(other) = natural.get(&rename.value) {
                    self.config_errors.push(rename.error(format!(
                        "`{}` is the name of the schema `{other}`'s type; rename that one too, or choose another",
                        rename.value
                    )));
                } else if !self.taken.insert(rename.value.clone()) {
                    self.config_errors.push(rename.error(format!(
                        "`{}` is already the name of another type (or one the generated crate reserves)",
                        rename.value
                    )));
                }
                self.component_names.insert((*name).clone(), rename.value.clone());
            }
        }
        for name in names {
            if self.component_names.contains_key(name) {
                continue;
            }
            let candidate = names::camel(name);
            let rust = if self.taken.contains(&candidate) {
                names::unique(&mut self.taken, format!("{candidate}Model"))
            } else {
                names::unique(&mut self.taken, candidate)
            };
            self.component_names.insert(name.clone(), rust);
        }
    }

    fn build_components(&mut self) {
        let Some(components) = &self.spec.api.components else { return };
        for (name, schema) in &components.schemas {
            let rust = self.component_names[name].clone();
            let pointer = format!("/components/schemas/{}", esc(name));
            let (kind, docs, deprecated) = if is_plain_ref(schema) {
                let reference = schema.reference.as_deref().unwrap_or_default();
                (TypeKind::Alias(self.reference(reference, &pointer)), Docs::default(), false)
            } else {
                (self.type_kind(schema, &rust, &pointer), docs(schema), schema.deprecated)
            };
            self.types.push(TypeDef {
                name: rust,
                component: Some(name.clone()),
                pointer,
                docs,
                deprecated,
                kind,
                tags: Default::default(),
                extras: Default::default(),
            });
        }
    }

    /// The definition for a schema that gets a name of its own (a component).
    fn type_kind(&mut self, schema: &Schema, name: &str, pointer: &str) -> TypeKind {
        match self.lower(schema, name, pointer) {
            Lowered::Def(kind, _) => kind,
            Lowered::Expr(mut expr) => {
                // Nullability belongs to each use, not to the alias.
                expr.nullable = false;
                TypeKind::Alias(expr)
            }
        }
    }

    fn reference(&mut self, reference: &str, pointer: &str) -> TypeExpr {
        if Resolver::is_defs_ref(reference) {
            return self.defs_type(reference, pointer);
        }
        match self.resolver.schema_ref(reference) {
            Ok((name, _)) => TypeExpr::new(ExprKind::Named(self.component_names[name].clone())),
            Err(e) => {
                self.ref_error(&format!("{pointer}/$ref"), e);
                TypeExpr::new(ExprKind::Any)
            }
        }
    }

    /// The type made for a schema in a component's `$defs`, named after the component and
    /// the definition (`#/components/schemas/Tool/$defs/Function` → `ToolFunction`), once.
    fn defs_type(&mut self, reference: &str, pointer: &str) -> TypeExpr {
        if let Some(name) = self.def_names.get(reference) {
            return TypeExpr::new(ExprKind::Named(name.clone()));
        }
        let schema = match self.resolver.schema_at(reference) {
            Ok(schema) => schema,
            Err(e) => {
                self.ref_error(&format!("{pointer}/$ref"), e);
                return TypeExpr::new(ExprKind::Any);
            }
        };
        let hint: String = reference
            .trim_start_matches("#/components/schemas/")
            .split('/')
            .filter(|s| *s != "$defs")
            .map(names::camel)
            .collect();
        let name = names::unique(&mut self.taken, names::camel(&hint));
        self.def_names.insert(reference.to_owned(), name.clone());
        let at = reference.trim_start_matches('#').to_owned();
        let kind = self.type_kind(schema, &name, &at);
        self.types.push(TypeDef {
            name: name.clone(),
            component: None,
            pointer: at,
            docs: docs(schema),
            deprecated: schema.deprecated,
            kind,
            tags: Default::default(),
            extras: Default::default(),
        });
        TypeExpr::new(ExprKind::Named(name))
    }

    /// A `jsonSchemaDialect` other than OpenAPI 3.1's own changes what every keyword means.
    fn check_dialect(&mut self) {
        const OAS_DIALECT: &str = "https://spec.openapis.org/oas/3.1/dialect/base";
        if let Some(dialect) = self.spec.api.json_schema_dialect.clone()
            && dialect != OAS_DIALECT
            && !dialect.starts_with("https://json-schema.org/draft/2020-12/schema")
        {
            self.unsupported(
                "/jsonSchemaDialect",
                format!("the JSON Schema dialect `{dialect}` is not supported (akgen reads {OAS_DIALECT} and 2020-12)"),
            );
        }
    }

    /// OpenAPI 3.1 webhooks: the types of their bodies are generated (a component is
    /// anyway), their operations are not yet; one warning says so.
    fn build_webhooks(&mut self) {
        let webhooks = &self.spec.api.webhooks;
        if webhooks.is_empty() {
            return;
        }
        let mut count = 0;
        for (name, item) in webhooks {
            for (method, op) in item.operations() {
                count += 1;
                let pointer = format!("/webhooks/{}/{}", esc(name), method.key());
                let hint = format!("{}Webhook", names::camel(op.operation_id.as_deref().unwrap_or(name)));
                if let Some(body) = &op.request_body
                    && let Ok(body) = self.resolver.request_body(body)
                {
                    self.contents(&body.content, &format!("{hint}Body"), &format!("{pointer}/requestBody/content"));
                }
            }
        }
        let names: Vec<&str> = webhooks.keys().map(String::as_str).take(5).collect();
        let more = if webhooks.len() > names.len() { ", …" } else { "" };
        self.warning(
            "/webhooks",
            format!(
                "{count} webhook operation{} ({}{more}) {} not generated yet; the types of their bodies are",
                if count == 1 { "" } else { "s" },
                names.join(", "),
                if count == 1 { "is" } else { "are" }
            ),
        );
    }

    /// The type expression for a schema use; inline objects, enums and unions get a type
    /// named after `hint` (their position: `TokenUserObj`, `CoreTokensListIntent`).
    fn expr(&mut self, schema: &Schema, hint: &str, pointer: &str) -> TypeExpr {
        if is_plain_ref(schema) {
            let mut expr = self.reference(schema.reference.as_deref().unwrap_or_default(), pointer);
            // Siblings of a `$ref` that say something about this use (3.1 allows them; 3.0
            // specs write them anyway and mean them).
            expr.nullable |= schema.nullable;
            expr.constraints.read_only |= schema.read_only;
            expr.constraints.write_only |= schema.write_only;
            return expr;
        }
        // A schema lowered inside itself is an allOf that includes a schema containing it:
        // each round copies it again (and with a oneOf beside it, doubles it), so it never
        // ends. Once is allowed (flattening passes a schema on at its own pointer).
        if self.enclosing.iter().filter(|p| *p == pointer).count() >= 2 {
            return self.unsupported(
                pointer,
                "this schema contains itself through an allOf, so its inline types never end; give the recursive part a component of its own".into(),
            );
        }
        if self.enclosing.len() >= MAX_INLINE_DEPTH {
            return self.unsupported(
                pointer,
                format!(
                    "inline schemas nest more than {MAX_INLINE_DEPTH} levels deep here; an allOf that includes its own schema keeps producing new ones"
                ),
            );
        }
        self.enclosing.push(pointer.to_owned());
        let lowered = self.lower(schema, hint, pointer);
        self.enclosing.pop();
        match lowered {
            Lowered::Expr(expr) => expr,
            Lowered::Def(kind, nullable) => {
                let name = names::unique(&mut self.taken, names::camel(hint));
                self.types.push(TypeDef {
                    name: name.clone(),
                    component: None,
                    pointer: pointer.to_owned(),
                    docs: docs(schema),
                    deprecated: schema.deprecated,
                    kind,
                    tags: Default::default(),
                    extras: Default::default(),
                });
                let mut expr = TypeExpr::new(ExprKind::Named(name));
                expr.nullable = nullable || schema.nullable || enum_allows_null(schema);
                expr.constraints.read_only = schema.read_only;
                expr.constraints.write_only = schema.write_only;
                expr
            }
        }
    }

    /// A schema as JSON Schema reads it: a composition, one type (or several: a union), or
    /// anything.
    fn lower(&mut self, schema: &Schema, hint: &str, pointer: &str) -> Lowered {
        if let Some(keyword) = schema.unrepresentable.first() {
            let message = format!("`{keyword}` is not supported (no Rust type expresses it)");
            return Lowered::Expr(self.unsupported(&format!("{pointer}/{}", esc(keyword)), message));
        }
        if schema.composes() || schema.reference.is_some() {
            return self.compose(schema, hint, pointer);
        }
        // `false` (or `not: {}`): no value is valid, so a property of it must be absent. A
        // JSON value the validator refuses whenever there is one.
        if schema.is_false() || schema.not.as_deref().is_some_and(|n| *n == Schema::default()) {
            let mut never = TypeExpr::new(ExprKind::Any);
            never.constraints.never = true;
            // Nullable, so that a property sent as `null` is told from an absent one.
            never.nullable = true;
            return Lowered::Expr(never);
        }
        if schema.not.is_some() {
            return Lowered::Expr(
                self.unsupported(pointer, "`not` schemas are not supported (no Rust type expresses them)".into()),
            );
        }
        let (types, null) = self.instance_types(schema, pointer);
        let mut lowered = match types.as_slice() {
            [] => {
                let mut any = TypeExpr::new(ExprKind::Any);
                any.nullable = null;
                Lowered::Expr(any)
            }
            [one] => self.typed(schema, one, hint, pointer),
            several => {
                // `type: [string, integer]`: one variant per type, each with the keywords
                // that apply to it.
                let branches: Vec<Schema> = several
                    .iter()
                    .map(|t| Schema { types: Some(vec![t.clone()]), nullable: false, ..schema.clone() })
                    .collect();
                let union = self.union_def(&branches, None, hint, pointer, "type", None);
                Lowered::Def(union.map_or(TypeKind::Alias(TypeExpr::new(ExprKind::Any)), TypeKind::Union), false)
            }
        };
        match &mut lowered {
            Lowered::Expr(expr) => {
                expr.nullable |= schema.nullable || null;
                expr.constraints.read_only |= schema.read_only;
                expr.constraints.write_only |= schema.write_only;
            }
            // `type: [object, 'null']`: the uses are nullable.
            Lowered::Def(_, nullable) => *nullable |= null,
        }
        lowered
    }

    /// The instance types a schema admits, `null` apart: its `type`, or the type its
    /// keywords or `enum` values imply. Empty: any value.
    fn instance_types(&mut self, schema: &Schema, pointer: &str) -> (Vec<String>, bool) {
        if let Some(types) = &schema.types {
            let null = types.iter().any(|t| t == "null");
            let rest: Vec<String> = types.iter().filter(|t| *t != "null").cloned().collect();
            if rest.is_empty() && null {
                return (Vec::new(), true);
            }
            return (rest, null);
        }
        let groups = schema.keyword_groups();
        let values: Vec<&Value> = schema.enumeration.iter().flatten().chain(&schema.constant).collect();
        let null = values.iter().any(|v| v.is_null());
        let inferred = if groups.object && groups.array {
            // JSON Schema would check each keyword against its own type; no Rust type says
            // "an object like this, or an array like that".
            self.unsupported(
                pointer,
                "schema mixes keywords of several types (`properties` and `items`) without a `type`".into(),
            );
            return (Vec::new(), false);
        } else if groups.object {
            "object"
        } else if groups.array {
            "array"
        } else if !values.is_empty()
            && values.iter().all(|v| v.is_string() || v.is_null())
            && values.iter().any(|v| v.is_string())
        {
            "string"
        } else if !values.is_empty() && values.iter().all(|v| v.is_i64() || v.is_u64() || v.is_null()) && !null {
            "integer"
        } else if !values.is_empty() && values.iter().all(|v| v.is_boolean()) {
            "boolean"
        } else if !values.is_empty() && values.iter().all(|v| v.is_number()) {
            "number"
        } else {
            return (Vec::new(), null);
        };
        (vec![inferred.to_owned()], null)
    }

    /// A schema of one instance type; keywords of other types are ignored, as JSON Schema
    /// ignores them, with a warning where the spec probably meant something else.
    fn typed(&mut self, s: &Schema, ty: &str, hint: &str, pointer: &str) -> Lowered {
        let groups = s.keyword_groups();
        let ignored: Vec<&str> = [
            ("string", groups.string, "`minLength`/`maxLength`/`pattern`"),
            ("number", groups.number && ty != "integer", "`minimum`/`maximum`/`multipleOf`"),
            ("array", groups.array, "`items`/`minItems`/`maxItems`/`uniqueItems`"),
            ("object", groups.object, "`properties`/`required`/`additionalProperties`"),
        ]
        .into_iter()
        .filter(|(group, present, _)| *present && *group != ty && !(ty == "integer" && *group == "number"))
        .map(|(_, _, keywords)| keywords)
        .collect();
        if !ignored.is_empty() && s.types.is_some() {
            self.warning(
                pointer,
                format!(
                    "{} do not apply to a schema of type `{ty}` and are ignored (JSON Schema)",
                    ignored.join(" and ")
                ),
            );
        }
        let values = || s.enumeration.iter().flatten().chain(&s.constant);
        match ty {
            "string" if values().any(Value::is_string) => {
                Lowered::Def(TypeKind::Enum(enum_def(values().filter(|v| v.is_string()).cloned().collect())), false)
            }
            "string" => {
                let mut c = Constraints { min_length: s.min_length, max_length: s.max_length, ..Default::default() };
                self.set_pattern(&mut c, s.pattern.as_deref(), pointer);
                // OpenAPI 3.1 says raw bytes with `contentMediaType` (and base64 with
                // `contentEncoding`) where 3.0 said `format: binary` / `byte`.
                let format = match (s.format.as_deref(), s.content_encoding.as_deref(), s.content_media_type.as_deref())
                {
                    (Some(f), ..) => Some(f),
                    (None, Some("base64" | "base64url"), _) => Some("byte"),
                    (None, None, Some(media)) if !media.starts_with("text/") && !media.contains("json") => {
                        Some("binary")
                    }
                    _ => None,
                };
                let as_string = match format {
                    Some("date-time") => self.custom.formats.date_time_as_string,
                    Some("date") => self.custom.formats.date_as_string,
                    Some("uuid") => self.custom.formats.uuid_as_string,
                    _ => false,
                };
                let prim = match format {
                    // The config's choice of a validated `String` for these.
                    Some(f) if as_string => {
                        c.format = Some(f.to_owned());
                        Primitive::String
                    }
                    Some("date-time") if self.custom.formats.date_time_as_time => Primitive::TimeDateTime,
                    Some("date-time") => Primitive::DateTime,
                    Some("date") => Primitive::Date,
                    Some("binary") => Primitive::Binary,
                    Some("byte") => {
                        c.format = Some("byte".into());
                        Primitive::String
                    }
                    Some("password") | None => Primitive::String,
                    Some("uuid") => Primitive::Uuid,
                    Some(f) => {
                        c.format = Some(f.to_owned());
                        Primitive::String
                    }
                };
                Lowered::Expr(TypeExpr { kind: ExprKind::Primitive(prim), nullable: false, constraints: c })
            }
            "integer" if values().any(|v| v.is_i64() || v.is_u64()) => Lowered::Def(
                TypeKind::Enum(enum_def(values().filter(|v| v.is_i64() || v.is_u64()).cloned().collect())),
                false,
            ),
            "integer" => {
                let fits32 = |v: Option<f64>| {
                    v.is_some_and(|v| v.fract() == 0.0 && v >= i32::MIN as f64 && v <= i32::MAX as f64)
                };
                let (minimum, maximum) = bounds(s);
                let prim = match s.format.as_deref() {
                    Some("int32") => Primitive::Int32,
                    Some("int64") if self.custom.formats.int64_unsigned => Primitive::Uint64,
                    Some("int64") => Primitive::Int64,
                    // No format: only bounds that fit 32 bits on both sides prove it cannot overflow.
                    _ if fits32(minimum.map(|b| b.value)) && fits32(maximum.map(|b| b.value)) => Primitive::Int32,
                    _ => Primitive::Int64,
                };
                let c = Constraints { minimum, maximum, multiple_of: s.multiple_of, ..Default::default() };
                Lowered::Expr(TypeExpr { kind: ExprKind::Primitive(prim), nullable: false, constraints: c })
            }
            "number" => {
                let (minimum, maximum) = bounds(s);
                let c = Constraints { minimum, maximum, multiple_of: s.multiple_of, ..Default::default() };
                Lowered::Expr(TypeExpr {
                    kind: ExprKind::Primitive(Primitive::Float64),
                    nullable: false,
                    constraints: c,
                })
            }
            "boolean" => Lowered::Expr(TypeExpr::new(ExprKind::Primitive(Primitive::Bool))),
            "object" if !s.properties.is_empty() => {
                Lowered::Def(TypeKind::Struct(self.struct_def(s, hint, pointer)), false)
            }
            "object" => Lowered::Expr(self.map_expr(s, hint, pointer)),
            "array" => Lowered::Expr(self.array_expr(s, hint, pointer)),
            other => Lowered::Expr(
                self.unsupported(&format!("{pointer}/type"), format!("`type: {other}` is not a JSON Schema type")),
            ),
        }
    }

    /// Keeps a pattern the generated crate can compile: ECMA-262 in unicode mode, else in
    /// ECMA-262's non-unicode mode (Annex B, which allows identity escapes such as `\-`
    /// that Python and PCRE patterns use). A pattern neither accepts is an error, or with
    /// `lenient` a warning, and the check is left out (the field's docs say so).
    fn set_pattern(&mut self, c: &mut Constraints, pattern: Option<&str>, pointer: &str) {
        let Some(pattern) = pattern else { return };
        match self.ecma_pattern(pattern, &format!("{pointer}/pattern")) {
            Some(non_unicode) => {
                c.pattern = Some(pattern.to_owned());
                c.pattern_non_unicode = non_unicode;
            }
            None => c.unchecked_pattern = Some(pattern.to_owned()),
        }
    }

    /// Whether `pattern` compiles in ECMA-262's unicode mode (`Some(false)`) or only in its
    /// non-unicode mode (`Some(true)`); `None` after reporting it at `at` when neither
    /// accepts it (an error, or with `lenient` a warning: the check is then left out).
    fn ecma_pattern(&mut self, pattern: &str, at: &str) -> Option<bool> {
        if regress::Regex::with_flags(pattern, "u").is_ok() {
            return Some(false);
        }
        if regress::Regex::with_flags(pattern, "").is_ok() {
            return Some(true);
        }
        let e = regress::Regex::with_flags(pattern, "u").err().map(|e| e.to_string()).unwrap_or_default();
        let message = format!("pattern `{pattern}` is not a valid ECMA-262 regular expression: {e}");
        if self.lenient {
            self.warning(at, format!("{message}; the pattern is not checked (--lenient)"));
        } else {
            self.error(at, message);
        }
        None
    }

    /// An object without `properties`: a map from its keys to one value type, with what
    /// JSON Schema says of the keys (`patternProperties`, `propertyNames`,
    /// `dependentRequired`) kept for the validator.
    fn map_expr(&mut self, s: &Schema, hint: &str, pointer: &str) -> TypeExpr {
        let extra = s.additional_properties.as_deref();
        let closed = extra.is_some_and(Schema::is_false);
        let mut value = match extra {
            Some(extra) if extra.boolean.is_none() => {
                Some(self.expr(extra, &format!("{hint}Value"), &format!("{pointer}/additionalProperties")))
            }
            _ => None,
        };
        let mut c = Constraints::default();
        let several = s.pattern_properties.len() > 1;
        for (i, (pattern, schema)) in s.pattern_properties.iter().enumerate() {
            // A key that matches gets this schema, one that does not gets
            // `additionalProperties`: when the two are one schema, the pattern adds nothing.
            if value.is_some() && extra == Some(schema) {
                continue;
            }
            let at = format!("{pointer}/patternProperties/{}", esc(pattern));
            let Some(non_unicode) = self.ecma_pattern(pattern, &at) else { continue };
            let name = if several { format!("{hint}Pattern{}", i + 1) } else { format!("{hint}Value") };
            let ty = self.expr(schema, &name, &at);
            c.pattern_properties.push(PatternProperty { pattern: pattern.clone(), non_unicode, ty });
        }
        // Closed to keys of one pattern: the map's values are that pattern's.
        c.keys_match_patterns = closed && !s.pattern_properties.is_empty();
        if let ([only], true) = (c.pattern_properties.as_slice(), c.keys_match_patterns) {
            value = Some(only.ty.clone());
        }
        let value = value.unwrap_or_else(|| TypeExpr::new(ExprKind::Any));
        // A pattern whose values are the map's own type needs no check of its own (and,
        // unless it limits the keys, no compiled pattern).
        if !c.keys_match_patterns {
            c.pattern_properties.retain(|p| p.ty != value);
        }
        if let Some(names) = s.property_names.as_deref() {
            c.property_names =
                Some(Box::new(self.expr(names, &format!("{hint}Key"), &format!("{pointer}/propertyNames"))));
        }
        c.dependent_required = s.dependent_required.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        TypeExpr { kind: ExprKind::Map(Box::new(value)), nullable: false, constraints: c }
    }

    /// An array: a list of one item type; a Rust tuple when `prefixItems` fixes the length
    /// (pydantic's `tuple[int, str]`); else a list of JSON values whose positions the
    /// validator checks.
    fn array_expr(&mut self, s: &Schema, hint: &str, pointer: &str) -> TypeExpr {
        let items = s.items.as_deref();
        let mut c = Constraints {
            min_items: s.min_items,
            max_items: s.max_items,
            unique_items: s.unique_items,
            ..Default::default()
        };
        if let Some(contains) = s.contains.as_deref() {
            c.contains =
                Some(Box::new(self.expr(contains, &format!("{hint}Contains"), &format!("{pointer}/contains"))));
            c.min_contains = s.min_contains;
            c.max_contains = s.max_contains;
        }
        let Some(prefix) = &s.prefix_items else {
            let item = match items {
                Some(items) if items.boolean.is_none() => {
                    self.expr(items, &format!("{hint}Item"), &format!("{pointer}/items"))
                }
                // `items: false` without `prefixItems`: only the empty array.
                Some(items) if items.is_false() => {
                    c.max_items = Some(0);
                    TypeExpr::new(ExprKind::Any)
                }
                _ => TypeExpr::new(ExprKind::Any),
            };
            return TypeExpr { kind: ExprKind::List(Box::new(item)), nullable: false, constraints: c };
        };
        let positions: Vec<TypeExpr> = prefix
            .iter()
            .enumerate()
            .map(|(i, p)| self.expr(p, &format!("{hint}Item{}", i + 1), &format!("{pointer}/prefixItems/{i}")))
            .collect();
        let len = positions.len() as u64;
        if items.is_some_and(Schema::is_false) {
            c.max_items = Some(c.max_items.map_or(len, |max| max.min(len)));
        }
        let exact = c.min_items.is_some_and(|min| min == len) && c.max_items == Some(len);
        if exact && len > 0 && !c.unique_items && c.contains.is_none() {
            return TypeExpr::new(ExprKind::Tuple(positions));
        }
        c.prefix_items = positions;
        if let Some(rest) = items.filter(|i| i.boolean.is_none()) {
            c.rest_items = Some(Box::new(self.expr(rest, &format!("{hint}Item"), &format!("{pointer}/items"))));
        }
        TypeExpr { kind: ExprKind::List(Box::new(TypeExpr::new(ExprKind::Any))), nullable: false, constraints: c }
    }

    /// A schema with `allOf`, `oneOf`, `anyOf`, or a `$ref` beside keywords that constrain.
    fn compose(&mut self, schema: &Schema, hint: &str, pointer: &str) -> Lowered {
        let unions: Vec<(&[Schema], &'static str)> = [(&schema.one_of, "oneOf"), (&schema.any_of, "anyOf")]
            .into_iter()
            .filter_map(|(list, keyword)| list.as_deref().map(|l| (l, keyword)))
            .collect();
        if unions.len() > 1 {
            return Lowered::Expr(
                self.unsupported(pointer, "a schema with both `oneOf` and `anyOf` is not supported".into()),
            );
        }
        let own = own_keywords(schema);
        // The members of the conjunction: a `$ref` beside keywords is one (JSON Schema 2019+
        // and OpenAPI 3.1 read it so), then the allOf members.
        let ref_part = schema.reference.as_ref().map(|r| Schema { reference: Some(r.clone()), ..Schema::default() });
        // Each with where it is written. Members that only annotate (`- example: USD`,
        // `- description: …`) constrain nothing and are left out.
        let members: Vec<(&Schema, String)> = ref_part
            .iter()
            .map(|r| (r, pointer.to_owned()))
            .chain(
                schema
                    .all_of
                    .iter()
                    .flatten()
                    .enumerate()
                    .filter(|(_, m)| !annotates_only(m))
                    .map(|(i, m)| (m, format!("{pointer}/allOf/{i}"))),
            )
            .collect();
        let all_of: Vec<&Schema> = members.iter().map(|(m, _)| *m).collect();
        let all_of_pointer = |i: usize| members[i].1.clone();

        if let [(branches, keyword)] = unions.as_slice()
            && all_of.is_empty()
            && !own.keyword_groups().object
        {
            // Keywords of other types beside the union (`type: string`) hold for every
            // branch; the branches state their own.
            let disc = schema.discriminator.as_ref();
            return self.plain_union(schema, branches, disc, keyword, hint, pointer, schema.nullable);
        }
        if unions.is_empty() {
            match all_of.as_slice() {
                // No members: the schema's own keywords alone.
                [] => return self.lower(&own, hint, pointer),
                // drf-spectacular wraps a `$ref` in allOf to attach readOnly/nullable/default
                // to one use, and sometimes a string constraint beside it.
                [one] if !own.keyword_groups().object && !own.keyword_groups().array && own.enumeration.is_none() => {
                    let mut inner = self.expr(one, hint, &all_of_pointer(0));
                    inner.nullable |= schema.nullable;
                    let c = &mut inner.constraints;
                    if c.pattern.is_none() && c.unchecked_pattern.is_none() {
                        let mut own_c = Constraints::default();
                        self.set_pattern(&mut own_c, own.pattern.as_deref(), pointer);
                        let c = &mut inner.constraints;
                        c.pattern = own_c.pattern;
                        c.pattern_non_unicode = own_c.pattern_non_unicode;
                        c.unchecked_pattern = own_c.unchecked_pattern;
                    }
                    let (minimum, maximum) = bounds(&own);
                    let c = &mut inner.constraints;
                    c.min_length = c.min_length.or(own.min_length);
                    c.max_length = c.max_length.or(own.max_length);
                    c.min_items = c.min_items.or(own.min_items);
                    c.max_items = c.max_items.or(own.max_items);
                    c.minimum = c.minimum.or(minimum);
                    c.maximum = c.maximum.or(maximum);
                    c.read_only |= schema.read_only;
                    c.write_only |= schema.write_only;
                    return Lowered::Expr(inner);
                }
                _ => {}
            }
        }

        // A conjunction to merge: the allOf members, the schema's own object keywords, and
        // at most one union, whose branches each take all the rest.
        let mut flat = Flattened::default();
        let is_component = pointer.strip_prefix("/components/schemas/").is_some_and(|name| !name.contains('/'));
        let outermost = self.merging.is_empty() && is_component;
        if outermost {
            self.merging.push(format!("#{pointer}"));
        }
        let mut ok = true;
        for (i, member) in all_of.iter().enumerate() {
            ok &= self.flatten(member, &all_of_pointer(i), &mut flat);
            if !ok {
                break;
            }
        }
        if outermost {
            self.merging.pop();
        }
        if !ok {
            return Lowered::Expr(TypeExpr::new(ExprKind::Any));
        }
        if own.keyword_groups().object || !own.properties.is_empty() {
            flat.objects.push((own.clone(), pointer.to_owned()));
        }
        if let [(branches, keyword)] = unions.as_slice() {
            if flat.union.is_some() {
                return Lowered::Expr(
                    self.unsupported(pointer, "an allOf that contains more than one union is not supported".into()),
                );
            }
            flat.union = Some(UnionSource {
                branches,
                discriminator: schema.discriminator.as_ref(),
                keyword,
                pointer: pointer.to_owned(),
                nullable: false,
            });
        }
        let merged = merge_objects(&flat.objects);
        match flat.union {
            None => Lowered::Def(TypeKind::Struct(self.struct_def(&merged, hint, pointer)), false),
            // Nothing to merge into the branches: the union as it is.
            Some(u) if flat.objects.is_empty() => self.plain_union(
                schema,
                u.branches,
                u.discriminator,
                u.keyword,
                hint,
                &u.pointer,
                schema.nullable || u.nullable,
            ),
            Some(union) => self.distribute(&merged, union, schema, hint, pointer),
        }
    }

    /// `oneOf`/`anyOf` alone (with at most `type` and annotations beside it): a union, or
    /// the one branch left once `null` branches have made the use nullable.
    #[allow(clippy::too_many_arguments)]
    fn plain_union(
        &mut self,
        schema: &Schema,
        branches: &[Schema],
        discriminator: Option<&doc::Discriminator>,
        keyword: &'static str,
        hint: &str,
        pointer: &str,
        nullable: bool,
    ) -> Lowered {
        let (rest, null): (Vec<(usize, &Schema)>, Vec<_>) =
            branches.iter().enumerate().partition(|(_, b)| !is_null_branch(b));
        let nullable = nullable || !null.is_empty();
        if let [(i, one)] = rest.as_slice()
            && discriminator.is_none()
            && (!null.is_empty() || branches.len() == 1)
        {
            let mut expr = self.expr(one, hint, &format!("{pointer}/{keyword}/{i}"));
            expr.nullable |= nullable;
            expr.constraints.read_only |= schema.read_only;
            expr.constraints.write_only |= schema.write_only;
            return Lowered::Expr(expr);
        }
        let indexed: Vec<(usize, Schema)> = rest.iter().map(|(i, b)| (*i, (*b).clone())).collect();
        let branches: Vec<Schema> = indexed.iter().map(|(_, b)| b.clone()).collect();
        let positions: Vec<usize> = indexed.iter().map(|(i, _)| *i).collect();
        let implied = discriminator.is_none().then(|| self.implied_discriminator(&branches)).flatten();
        let discriminator = discriminator.or(implied.as_ref());
        let union = self.union_def(&branches, discriminator, hint, pointer, keyword, Some(&positions));
        match union {
            Some(u) => Lowered::Def(TypeKind::Union(u), nullable),
            None => Lowered::Expr(TypeExpr::new(ExprKind::Any)),
        }
    }

    /// The discriminator a union states without the keyword: a property every variant
    /// requires and gives one string value (`const: start`, or an `enum` of one), a
    /// different one each (pydantic and JSON Schema write tagged unions so). The variants'
    /// `$ref`s map from their values. `None` unless there is such a property.
    fn implied_discriminator(&self, branches: &[Schema]) -> Option<doc::Discriminator> {
        if branches.len() < 2 {
            return None;
        }
        let resolved: Vec<&Schema> = branches
            .iter()
            .map(|b| match &b.reference {
                Some(r) if is_plain_ref(b) => self.resolver.schema_at(r).ok(),
                _ => Some(b),
            })
            .collect::<Option<_>>()?;
        let first = resolved[0];
        first.properties.keys().find_map(|property| {
            let d = doc::Discriminator { property_name: property.clone(), mapping: IndexMap::new() };
            let mut seen = HashSet::new();
            let mut mapping = IndexMap::new();
            for (branch, target) in branches.iter().zip(&resolved) {
                let tag = inline_tag(&d, target).filter(|_| target.required.contains(property))?;
                if !seen.insert(tag.clone()) {
                    return None;
                }
                if let Some(r) = branch.reference.as_ref().filter(|_| is_plain_ref(branch)) {
                    mapping.insert(tag, r.clone());
                }
            }
            Some(doc::Discriminator { mapping, ..d })
        })
    }

    /// Adds one allOf member to the conjunction: a `$ref`'s target, an object's keywords,
    /// the members of a nested allOf, or a union (at most one in all). `false` when the
    /// member cannot be merged (reported).
    fn flatten<'s>(&mut self, schema: &'s Schema, pointer: &str, out: &mut Flattened<'s>) -> bool
    where
        'a: 's,
    {
        if let Some(reference) = &schema.reference {
            let target = match self.resolver.schema_at(reference) {
                Ok(target) => target,
                Err(e) => {
                    self.ref_error(&format!("{pointer}/$ref"), e);
                    return false;
                }
            };
            if self.merging.iter().any(|m| m == reference) {
                self.error(
                    &format!("{pointer}/$ref"),
                    format!(
                        "allOf includes `{reference}`, which is being merged already: the object would contain itself"
                    ),
                );
                return false;
            }
            // The referenced schema's parts are located where they are written.
            self.merging.push(reference.clone());
            let located = reference.trim_start_matches('#').to_owned();
            let ok = self.flatten(target, &located, out);
            self.merging.pop();
            if !ok {
                return false;
            }
        }
        for (i, member) in schema.all_of.iter().flatten().enumerate() {
            if !self.flatten(member, &format!("{pointer}/allOf/{i}"), out) {
                return false;
            }
        }
        let union = [(&schema.one_of, "oneOf"), (&schema.any_of, "anyOf")]
            .into_iter()
            .find_map(|(list, keyword)| list.as_deref().map(|l| (l, keyword)));
        if let Some((branches, keyword)) = union {
            if schema.one_of.is_some() && schema.any_of.is_some() || out.union.is_some() {
                self.unsupported(pointer, "an allOf that contains more than one union is not supported".into());
                return false;
            }
            out.union = Some(UnionSource {
                branches,
                discriminator: schema.discriminator.as_ref(),
                keyword,
                pointer: pointer.to_owned(),
                nullable: schema.nullable,
            });
        }
        let own = own_keywords(schema);
        let non_object = own.types.iter().flatten().any(|t| t != "object" && t != "null");
        let g = own.keyword_groups();
        if non_object || (g.string || g.number || g.array) && !g.object {
            self.unsupported(pointer, "allOf can only merge object schemas".into());
            return false;
        }
        if g.object {
            out.objects.push((own, pointer.to_owned()));
        }
        true
    }

    /// allOf with a union among its members: a union whose every branch is the merged
    /// object keywords plus that branch, each a struct of its own.
    fn distribute(
        &mut self,
        common: &Schema,
        union: UnionSource<'_>,
        schema: &Schema,
        hint: &str,
        pointer: &str,
    ) -> Lowered {
        let (rest, null): (Vec<(usize, &Schema)>, Vec<_>) =
            union.branches.iter().enumerate().partition(|(_, b)| !is_null_branch(b));
        if rest.len() > MAX_DISTRIBUTED_BRANCHES {
            return Lowered::Expr(self.unsupported(
                pointer,
                format!("an allOf with a union of more than {MAX_DISTRIBUTED_BRANCHES} branches is not supported"),
            ));
        }
        let mut merged_branches = Vec::new();
        for (i, branch) in &rest {
            let branch_pointer = format!("{}/{}/{i}", union.pointer, union.keyword);
            let mut flat = Flattened::default();
            if !self.flatten(branch, &branch_pointer, &mut flat) {
                return Lowered::Expr(TypeExpr::new(ExprKind::Any));
            }
            if flat.union.is_some() {
                return Lowered::Expr(self.unsupported(
                    &branch_pointer,
                    "a union nested in a union inside an allOf is not supported".into(),
                ));
            }
            let mut objects = vec![(common.clone(), pointer.to_owned())];
            objects.extend(flat.objects);
            merged_branches.push(merge_objects(&objects));
        }
        // Each merged branch keeps the branch's `$ref` for its discriminator tag.
        let positions: Vec<usize> = rest.iter().map(|(i, _)| *i).collect();
        let originals: Vec<Schema> = rest.iter().map(|(_, b)| (*b).clone()).collect();
        let union_def = self.union_of_merged(
            &originals,
            &merged_branches,
            union.discriminator,
            hint,
            &union.pointer,
            union.keyword,
            &positions,
        );
        let nullable = schema.nullable || union.nullable || !null.is_empty();
        match union_def {
            Some(u) => Lowered::Def(TypeKind::Union(u), nullable),
            None => Lowered::Expr(TypeExpr::new(ExprKind::Any)),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn union_of_merged(
        &mut self,
        originals: &[Schema],
        merged: &[Schema],
        discriminator: Option<&doc::Discriminator>,
        name: &str,
        pointer: &str,
        keyword: &str,
        positions: &[usize],
    ) -> Option<UnionDef> {
        let mut supported = true;
        let mut taken = HashSet::new();
        let mut variants = Vec::new();
        for ((original, merged), position) in originals.iter().zip(merged).zip(positions) {
            let item_pointer = format!("{pointer}/{keyword}/{position}");
            let base = match original.reference.as_deref().and_then(|r| self.resolver.schema_ref(r).ok()) {
                Some((component, _)) => self.component_names[component].clone(),
                None => format!("Variant{}", position + 1),
            };
            let variant_hint = format!("{name}{}", &base);
            let ty = self.expr(merged, &variant_hint, &item_pointer);
            let tags = match discriminator {
                Some(d) => {
                    let mut tags = discriminator_tags(d, original, &self.resolver);
                    if tags.is_empty() {
                        tags.extend(inline_tag(d, merged));
                    }
                    supported &= !tags.is_empty();
                    if tags.is_empty() {
                        self.unsupported(&item_pointer, "a discriminated union's variants must be `$ref`s".into());
                    }
                    tags
                }
                None => Vec::new(),
            };
            variants.push(UnionVariant { name: names::unique(&mut taken, base), tags, ty, boxed: false });
        }
        let other = discriminator.map(|_| names::unique(&mut taken, "Unknown".into()));
        supported.then(|| UnionDef { discriminator: discriminator.map(|d| d.property_name.clone()), variants, other })
    }

    fn struct_def(&mut self, obj: &Schema, type_name: &str, pointer: &str) -> StructDef {
        // A property already in snake_case keeps its name; the others (`isGlobal` beside
        // `is_global`) get a suffix on collision.
        let mut taken: HashSet<String> = obj.properties.keys().filter(|w| names::snake(w) == **w).cloned().collect();
        let mut fields = Vec::new();
        for (wire, item) in &obj.properties {
            let field_pointer =
                item.written_at.clone().unwrap_or_else(|| format!("{pointer}/properties/{}", esc(wire)));
            let hint = format!("{type_name}{}", names::camel(wire));
            let ty = self.expr(item, &hint, &field_pointer);
            fields.push(Field {
                wire_name: wire.clone(),
                name: if names::snake(wire) == *wire {
                    wire.clone()
                } else {
                    names::unique(&mut taken, names::snake(wire))
                },
                ty,
                required: obj.required.contains(wire),
                docs: docs(item),
                deprecated: item.deprecated,
                default: item.default.clone(),
                boxed: false,
                absent_as_null: false,
            });
        }
        let additional = match obj.additional_properties.as_deref() {
            Some(extra) if extra.is_false() => None,
            Some(extra) if extra.boolean == Some(true) => Some(TypeExpr::new(ExprKind::Any)),
            Some(extra) => {
                Some(self.expr(extra, &format!("{type_name}Value"), &format!("{pointer}/additionalProperties")))
            }
            None => None,
        };
        // Keys beside known properties: checked on maps, not (yet) on structs.
        let redundant = |pattern: &str, schema: &Schema| {
            obj.additional_properties.as_deref() == Some(schema)
                && regress::Regex::new(pattern).is_ok_and(|r| obj.properties.keys().all(|k| r.find(k).is_none()))
        };
        for (pattern, schema) in &obj.pattern_properties {
            if !redundant(pattern, schema) {
                let at = format!("{pointer}/patternProperties/{}", esc(pattern));
                self.warning(&at, "`patternProperties` beside `properties` is not checked");
            }
        }
        if obj.property_names.is_some() {
            self.warning(&format!("{pointer}/propertyNames"), "`propertyNames` beside `properties` is not checked");
        }
        let dependent_required = obj.dependent_required.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        StructDef { fields, additional, dependent_required }
    }

    /// The variants of a union of `branches` (the spec's `oneOf`/`anyOf` items, or one
    /// schema per type of a type list); `None` when one is unsupported (`lenient`).
    /// `positions` are the branches' indexes in the spec, where `null` branches were
    /// taken out.
    fn union_def(
        &mut self,
        branches: &[Schema],
        disc: Option<&doc::Discriminator>,
        name: &str,
        pointer: &str,
        keyword: &str,
        positions: Option<&[usize]>,
    ) -> Option<UnionDef> {
        let mut supported = true;
        let mut taken = HashSet::new();
        let mut variants = Vec::new();
        // A discriminator only helps when every inline variant names its tag and no tag
        // selects two variants; OpenAPI calls it a hint, and `oneOf` alone still says what
        // the value is, so an unusable one is dropped and the variants are tried in order.
        let disc = disc.filter(|d| {
            let tags: Vec<Option<String>> =
                branches.iter().map(|b| if is_plain_ref(b) { Some(String::new()) } else { inline_tag(d, b) }).collect();
            let mut seen = HashSet::new();
            let clash = tags.iter().flatten().filter(|t| !t.is_empty()).find(|t| !seen.insert(*t)).cloned();
            let untagged = tags.iter().position(Option::is_none);
            let why = match (clash, untagged) {
                (Some(tag), _) => format!("two variants have the tag `{tag}`"),
                (None, Some(i)) => format!(
                    "variant {i} is inline and does not give `{}` a single value (`enum` of one, or `const`)",
                    d.property_name
                ),
                (None, None) => return true,
            };
            self.warning(
                &format!("{pointer}/discriminator"),
                format!("the discriminator cannot select a variant ({why}); it is ignored and the variants are tried in order"),
            );
            false
        });
        for (i, item) in branches.iter().enumerate() {
            let position = positions.map_or(i, |p| p[i]);
            let item_pointer =
                if keyword == "type" { pointer.to_owned() } else { format!("{pointer}/{keyword}/{position}") };
            // An inline variant of a discriminated union names itself by its tag.
            let inline_tag = disc.filter(|_| !is_plain_ref(item)).and_then(|d| inline_tag(d, item));
            let hint = match &inline_tag {
                Some(tag) => format!("{name}{}", names::camel(tag)),
                None => format!("{name}Variant{}", i + 1),
            };
            let ty = self.expr(item, &hint, &item_pointer);
            let variant_name = match &ty.kind {
                ExprKind::Named(n) => n.clone(),
                ExprKind::Primitive(p) => format!("{p:?}"),
                ExprKind::List(_) => "List".into(),
                ExprKind::Map(_) => "Map".into(),
                ExprKind::Tuple(_) => "Tuple".into(),
                ExprKind::Any => "Value".into(),
                ExprKind::External(_) => "External".into(),
            };
            let mut tags = Vec::new();
            if let Some(d) = disc {
                if is_plain_ref(item) {
                    tags = discriminator_tags(d, item, &self.resolver);
                    // A `$ref` outside the components has no name to be its tag (and was
                    // reported as unsupported when it was resolved).
                    supported &= !tags.is_empty();
                } else if let Some(tag) = inline_tag {
                    tags = vec![tag];
                } else {
                    self.unsupported(
                        &item_pointer,
                        format!("a discriminated union's variants must be `$ref`s, or give `{}` a single value (`enum` of one, or `const`)", d.property_name),
                    );
                    supported = false;
                }
            }
            variants.push(UnionVariant { name: names::unique(&mut taken, variant_name), tags, ty, boxed: false });
        }
        if let Some(d) = disc {
            for (tag, target) in &d.mapping {
                if !variants.iter().any(|v| v.tags.contains(tag)) {
                    self.error(
                        &format!("{pointer}/discriminator/mapping/{}", esc(tag)),
                        format!(
                            "discriminator value `{tag}` maps to `{target}`, which is not one of the {keyword} variants"
                        ),
                    );
                }
            }
        }
        let other = disc.map(|_| names::unique(&mut taken, "Unknown".into()));
        supported.then(|| UnionDef { discriminator: disc.map(|d| d.property_name.clone()), variants, other })
    }

    fn build_operations(&mut self, mut selecting: Option<&mut Selecting<'_>>) -> Vec<Operation> {
        let api = &self.spec.api;
        let defined_schemes: HashSet<&String> =
            api.components.as_ref().map(|c| c.security_schemes.keys().collect()).unwrap_or_default();
        let mut ops = Vec::new();
        let mut names_per_tag: BTreeMap<String, HashSet<String>> = BTreeMap::new();
        let mut ids = HashSet::new();
        let mut params_types: HashSet<String> = HashSet::new();
        // (method, template with unnamed parameters) → the first path with it.
        let mut routes: HashMap<(Method, String), String> = HashMap::new();
        for (path, item) in &api.paths {
            let path_pointer = format!("/paths/{}", esc(path));
            // What the selection leaves out is never built, so its problems stop nothing.
            let kept: Vec<_> = item
                .operations()
                .filter(|(method, op)| {
                    let raw =
                        RawOperation { id: op.operation_id.as_deref(), method: method.key(), path, tags: &op.tags };
                    selecting.as_deref_mut().is_none_or(|s| s.keeps(&raw))
                })
                .collect();
            if kept.is_empty() && selecting.is_some() {
                continue;
            }
            if item.reference.is_some() {
                self.unsupported(&path_pointer, "path items given by `$ref` are not supported".into());
                continue;
            }
            let mut path_unroutable = None;
            match template_problem(path) {
                Some(TemplateProblem::Broken(problem)) => {
                    self.unsupported(&path_pointer, problem);
                    continue;
                }
                Some(TemplateProblem::Unroutable(problem)) => {
                    self.unroutable(&path_pointer, &problem);
                    path_unroutable = Some(problem);
                }
                None => {}
            }
            let template = path_params(path);
            // Routes compare templates with their parameters unnamed: `/a/{id}/` is `/a/{}/`.
            let route: String =
                path_parts(path).into_iter().map(|p| if let PathPart::Literal(t) = p { t } else { "{}" }).collect();
            for (method, op) in kept {
                let pointer = format!("{path_pointer}/{}", method.key());
                let raw_id = op.operation_id.clone().unwrap_or_else(|| format!("{}{path}", method.key()));
                let id = names::unique(&mut ids, raw_id);
                let tag = op.tags.first().map(|t| names::snake(t)).unwrap_or_else(|| "default".into());
                let short = names::without_prefix(&names::snake(&id), &tag);
                let name = names::unique(names_per_tag.entry(tag.clone()).or_default(), short);
                let type_hint = names::camel(&id);

                // Path-level parameters apply unless the operation redefines them.
                let mut params = Vec::new();
                let mut seen = HashSet::new();
                let mut taken = HashSet::new();
                let op_params = op.parameters.iter().enumerate().map(|(i, p)| (p, format!("{pointer}/parameters/{i}")));
                let path_params =
                    item.parameters.iter().enumerate().map(|(i, p)| (p, format!("{path_pointer}/parameters/{i}")));
                for (p, p_pointer) in op_params.chain(path_params) {
                    let param = match self.resolver.parameter(p) {
                        Ok(p) => p,
                        Err(e) => {
                            self.ref_error(&format!("{p_pointer}/$ref"), e);
                            continue;
                        }
                    };
                    let data = param;
                    let style = |default: &str| param.style.clone().unwrap_or_else(|| default.to_owned());
                    let Some(location) = ParamLocation::from_spec(&param.location) else {
                        self.error(
                            &format!("{p_pointer}/in"),
                            format!("parameter location `{}` is none of path, query, header, cookie", param.location),
                        );
                        continue;
                    };
                    let (explode, style) = match location {
                        ParamLocation::Path => (false, style("simple")),
                        ParamLocation::Query => {
                            let default = param.style.as_deref().is_none_or(|s| s == "form");
                            (param.explode.unwrap_or(default), style("form"))
                        }
                        ParamLocation::Header => (param.explode.unwrap_or(false), style("simple")),
                        ParamLocation::Cookie => (param.explode.unwrap_or(true), style("form")),
                    };
                    if !seen.insert((location, data.name.clone())) {
                        continue;
                    }
                    if location == ParamLocation::Path && !template.contains(&data.name.as_str()) {
                        // No request can fill it in; with `--lenient` it is left out.
                        self.unsupported(
                            &p_pointer,
                            format!("path parameter `{}` does not appear in the path `{path}`", data.name),
                        );
                        continue;
                    }
                    let hint = format!("{type_hint}{}", names::camel(&data.name));
                    let ty = match (&data.schema, &data.content) {
                        (Some(s), _) => self.expr(s, &hint, &format!("{p_pointer}/schema")),
                        (None, Some(_)) => self.unsupported(
                            &format!("{p_pointer}/content"),
                            "parameters described by `content` are not supported".into(),
                        ),
                        // No schema: any value, which a parameter sends as text.
                        (None, None) => TypeExpr::new(ExprKind::Primitive(Primitive::String)),
                    };
                    params.push(Parameter {
                        wire_name: data.name.clone(),
                        key: data.name.clone(),
                        name: names::unique(&mut taken, names::snake(&data.name)),
                        // Named with the operation's other items (`naming`).
                        setter: String::new(),
                        location,
                        required: data.required || location == ParamLocation::Path,
                        ty,
                        docs: Docs { title: None, description: data.description.clone() },
                        deprecated: data.deprecated,
                        explode,
                        style,
                    });
                }

                let shared: Vec<bool> =
                    params.iter().map(|p| params.iter().filter(|q| q.wire_name == p.wire_name).count() > 1).collect();
                for (p, shared) in params.iter_mut().zip(shared) {
                    if shared {
                        p.key = format!("{}:{}", p.location.as_str(), p.wire_name);
                    }
                }

                let body = op.request_body.as_ref().and_then(|b| match self.resolver.request_body(b) {
                    Ok(body) => {
                        let content = self.contents(
                            &body.content,
                            &format!("{type_hint}Body"),
                            &format!("{pointer}/requestBody/content"),
                        );
                        Some(RequestBody { required: body.required, content })
                    }
                    Err(e) => {
                        self.ref_error(&format!("{pointer}/requestBody/$ref"), e);
                        None
                    }
                });

                let mut responses = Vec::new();
                let mut statuses = Vec::new();
                for (key, r) in &op.responses {
                    match parse_status(key) {
                        Some(status) => statuses.push((status, key, r)),
                        None => self.error(
                            &format!("{pointer}/responses/{}", esc(key)),
                            format!("`{key}` is not a response status (a code such as `200`, a range such as `2XX`, or `default`)"),
                        ),
                    }
                }
                // `default` comes after the statuses, wherever the spec writes it.
                statuses.sort_by_key(|(status, ..)| matches!(status, Status::Default));
                for (status, key, r) in statuses {
                    let r_pointer = format!("{pointer}/responses/{}", esc(key));
                    let key = match status {
                        Status::Range(digit) => format!("{digit}XX"),
                        _ => key.clone(),
                    };
                    match self.resolver.response(r) {
                        Ok(resp) => {
                            let content = self.contents(
                                &resp.content,
                                &format!("{type_hint}Response{}", names::camel(&key)),
                                &format!("{r_pointer}/content"),
                            );
                            let headers = self.headers(&resp.headers, &format!("{r_pointer}/headers"));
                            responses.push(Response {
                                status,
                                variant: String::new(),
                                description: resp.description.clone(),
                                content,
                                headers,
                            });
                        }
                        Err(e) => self.ref_error(&format!("{r_pointer}/$ref"), e),
                    }
                }

                for name in &template {
                    if !params.iter().any(|p| p.location == ParamLocation::Path && p.wire_name == *name) {
                        self.error(
                            &pointer,
                            format!("the path's parameter `{{{name}}}` is not defined (`in: path`) for this operation"),
                        );
                    }
                }
                let mut unroutable = path_unroutable.clone();
                match routes.get(&(method, route.clone())) {
                    Some(other) if other != path && unroutable.is_none() => {
                        let m = method;
                        let problem = format!(
                            "`{m} {path}` and `{m} {other}` differ only in parameter names, so the server's router cannot tell them apart"
                        );
                        self.unroutable(&pointer, &problem);
                        unroutable = Some(problem);
                    }
                    _ if unroutable.is_none() => {
                        routes.insert((method, route.clone()), path.clone());
                    }
                    _ => {}
                }

                let requirements = op.security.as_ref().or(api.security.as_ref());
                let security: Vec<Vec<String>> = requirements
                    .map(|reqs| reqs.iter().map(|r| r.keys().cloned().collect()).collect())
                    .unwrap_or_default();
                for scheme in security.iter().flatten() {
                    if !defined_schemes.contains(scheme) {
                        let d = self.spec.unlocated(
                            &format!("{pointer}/security"),
                            format!("security scheme `{scheme}` is not defined in components/securitySchemes"),
                        );
                        self.warnings.push(d);
                    }
                }

                let params_type = if params.is_empty() {
                    None
                } else {
                    Some(names::unique(&mut params_types, format!("{}Params", names::camel(&id))))
                };
                ops.push(Operation {
                    id,
                    name,
                    params_type,
                    method,
                    path: path.clone(),
                    tag,
                    docs: Docs { title: op.summary.clone(), description: op.description.clone() },
                    deprecated: op.deprecated,
                    parameters: params,
                    body,
                    responses,
                    security,
                    pointer,
                    unroutable,
                    // Named once every operation of the tag is known (`naming`).
                    builder: String::new(),
                    response_enum: String::new(),
                    descriptor: String::new(),
                });
            }
        }
        ops
    }

    /// A response's headers. No generated code reads them, so a schema that would need a
    /// type of its own (an inline enum or object, `content`) is not lowered: it reads as
    /// any value, and makes no type.
    fn headers(&mut self, headers: &IndexMap<String, doc::Header>, pointer: &str) -> Vec<ResponseHeader> {
        let simple = |s: &Schema| {
            s.reference.is_none()
                && !s.composes()
                && s.enumeration.is_none()
                && s.constant.is_none()
                && s.not.is_none()
                && s.properties.is_empty()
                && s.additional_properties.is_none()
                && s.unrepresentable.is_empty()
        };
        let mut out = Vec::new();
        for (name, h) in headers {
            let at = format!("{pointer}/{}", esc(name));
            let h = match self.resolver.header(h) {
                Ok(h) => h,
                Err(e) => {
                    self.ref_error(&format!("{at}/$ref"), e);
                    continue;
                }
            };
            let ty = match &h.schema {
                Some(s)
                    if is_plain_ref(s)
                        || (simple(s) && s.items.as_deref().is_none_or(|i| is_plain_ref(i) || simple(i))) =>
                {
                    self.expr(s, "", &format!("{at}/schema"))
                }
                _ => TypeExpr::new(ExprKind::Any),
            };
            out.push(ResponseHeader { name: name.clone(), required: h.required, deprecated: h.deprecated, ty });
        }
        out
    }

    fn contents(&mut self, content: &IndexMap<String, doc::MediaType>, hint: &str, pointer: &str) -> Vec<Content> {
        content
            .iter()
            .map(|(media_type, m)| Content {
                media_type: media_type.clone(),
                ty: m.schema.as_ref().map(|s| self.expr(s, hint, &format!("{pointer}/{}/schema", esc(media_type)))),
            })
            .collect()
    }
}

/// The schemes of `components/securitySchemes`, then those operations name without a
/// definition. Read leniently: a field missing or of the wrong type reads as empty, since
/// a scheme the client cannot use should not stop generation.
fn security_schemes(api: &doc::Document, operations: &[Operation]) -> Vec<SecurityScheme> {
    let empty = IndexMap::new();
    let defined = api.components.as_ref().map_or(&empty, |c| &c.security_schemes);
    let text = |v: &serde_json::Value, key: &str| v.get(key).and_then(|x| x.as_str()).map(str::to_owned);
    let mut consts = HashSet::new();
    let mut const_name = |name: &str| {
        let upper = names::snake(name).to_ascii_uppercase();
        let upper =
            if upper.starts_with(|c: char| c.is_ascii_alphabetic()) { upper } else { format!("SCHEME_{upper}") };
        names::unique(&mut consts, upper)
    };
    let mut schemes: Vec<SecurityScheme> = defined
        .iter()
        .map(|(name, v)| {
            let kind = match text(v, "type").unwrap_or_default().as_str() {
                "apiKey" => SchemeKind::ApiKey {
                    // An API key goes in a header unless its `in` says query or cookie.
                    location: match text(v, "in").as_deref().and_then(ParamLocation::from_spec) {
                        Some(location @ (ParamLocation::Query | ParamLocation::Cookie)) => location,
                        _ => ParamLocation::Header,
                    },
                    name: text(v, "name").unwrap_or_default(),
                },
                "http" => SchemeKind::Http {
                    scheme: text(v, "scheme").unwrap_or_default().to_ascii_lowercase(),
                    bearer_format: text(v, "bearerFormat"),
                },
                "oauth2" => {
                    let flows = v.get("flows").and_then(|f| f.as_object());
                    let flows = flows.into_iter().flatten().map(|(kind, f)| {
                        let mut scopes: Vec<String> = f
                            .get("scopes")
                            .and_then(|s| s.as_object())
                            .map(|s| s.keys().cloned().collect())
                            .unwrap_or_default();
                        scopes.sort();
                        OAuthFlow {
                            kind: kind.clone(),
                            authorization_url: text(f, "authorizationUrl"),
                            token_url: text(f, "tokenUrl"),
                            refresh_url: text(f, "refreshUrl"),
                            scopes,
                        }
                    });
                    SchemeKind::OAuth2 { flows: flows.collect() }
                }
                "openIdConnect" => SchemeKind::OpenIdConnect { url: text(v, "openIdConnectUrl").unwrap_or_default() },
                "mutualTLS" => SchemeKind::MutualTls,
                other => SchemeKind::Other(other.to_owned()),
            };
            SecurityScheme {
                name: name.clone(),
                const_name: const_name(name),
                pointer: format!("/components/securitySchemes/{}", esc(name)),
                kind,
                description: text(v, "description"),
            }
        })
        .collect();
    for op in operations {
        for name in op.security.iter().flatten() {
            if !schemes.iter().any(|s| s.name == *name) {
                schemes.push(SecurityScheme {
                    name: name.clone(),
                    const_name: const_name(name),
                    pointer: format!("{}/security", op.pointer),
                    kind: SchemeKind::Undefined,
                    description: None,
                });
            }
        }
    }
    schemes
}

/// A `$ref` with nothing beside it but annotations (docs, `nullable`, `readOnly`,
/// `default`): the referenced type itself, at this use.
fn is_plain_ref(s: &Schema) -> bool {
    s.reference.is_some()
        && s.types.is_none()
        && !s.composes()
        && s.keyword_groups() == doc::KeywordGroups::default()
        && s.enumeration.is_none()
        && s.constant.is_none()
        && s.not.is_none()
        && s.format.is_none()
        && s.boolean.is_none()
}

/// A schema of annotations alone (docs, `default`, `deprecated`, `readOnly`/`writeOnly`;
/// `example` is not read at all): as an allOf member it constrains nothing.
fn annotates_only(s: &Schema) -> bool {
    let bare = Schema {
        title: None,
        description: None,
        default: None,
        deprecated: false,
        read_only: false,
        write_only: false,
        written_at: None,
        ..s.clone()
    };
    bare == Schema::default()
}

/// The schema's keywords without its compositions and its `$ref`.
fn own_keywords(s: &Schema) -> Schema {
    Schema { reference: None, all_of: None, one_of: None, any_of: None, discriminator: None, ..s.clone() }
}

/// A union branch that only admits `null` (`{type: 'null'}`, `{enum: [null]}`, or OpenAPI
/// 3.0's `{nullable: true}` with nothing else): it makes the use nullable.
fn is_null_branch(s: &Schema) -> bool {
    let only_null_type = s.types.as_deref().is_some_and(|t| !t.is_empty() && t.iter().all(|t| t == "null"));
    let only_null_enum = s.enumeration.as_deref().is_some_and(|v| !v.is_empty() && v.iter().all(Value::is_null))
        || s.constant.as_ref().is_some_and(Value::is_null);
    let bare =
        Schema { nullable: false, description: None, title: None, written_at: None, ..s.clone() } == Schema::default();
    only_null_type || only_null_enum || (s.nullable && bare)
}

/// The discriminator values that select a `$ref` branch: its mapping entries, else (as
/// OpenAPI says) the component's name.
/// A schema in a component's `$defs` has no such name: its tag is the one value it gives
/// the discriminator property (`const: start`).
fn discriminator_tags(d: &doc::Discriminator, branch: &Schema, resolver: &Resolver<'_>) -> Vec<String> {
    let Some(reference) = &branch.reference else { return Vec::new() };
    let mut tags: Vec<String> = d.mapping.iter().filter(|(_, r)| *r == reference).map(|(t, _)| t.clone()).collect();
    if tags.is_empty() {
        if Resolver::is_defs_ref(reference) {
            tags.extend(resolver.schema_at(reference).ok().and_then(|target| inline_tag(d, target)));
        } else {
            tags.extend(schema_ref_name(reference).map(str::to_owned));
        }
    }
    tags
}

/// The tag of an inline variant of a discriminated union: the one value its discriminator
/// property allows (`enum: [json]`, or `const: json`).
/// The variant may state it in an inline allOf member.
fn inline_tag(d: &doc::Discriminator, variant: &Schema) -> Option<String> {
    let single = |property: &Schema| -> Option<String> {
        let values: Vec<&Value> = property.enumeration.iter().flatten().chain(&property.constant).collect();
        match values.as_slice() {
            [Value::String(one)] => Some(one.clone()),
            [Value::String(a), Value::String(b)] if a == b => Some(a.clone()),
            _ => None,
        }
    };
    variant
        .properties
        .get(&d.property_name)
        .and_then(single)
        .or_else(|| variant.all_of.iter().flatten().filter(|m| m.reference.is_none()).find_map(|m| inline_tag(d, m)))
}

/// allOf members merged into one object: properties in order (a later one replaces an
/// earlier one of the same name), `required` united, the last `additionalProperties`.
fn merge_objects(objects: &[(Schema, String)]) -> Schema {
    let mut merged = Schema { types: Some(vec!["object".to_owned()]), ..Schema::default() };
    for (o, at) in objects {
        for (k, v) in &o.properties {
            let written_at = v.written_at.clone().unwrap_or_else(|| format!("{at}/properties/{}", esc(k)));
            merged.properties.insert(k.clone(), Schema { written_at: Some(written_at), ..v.clone() });
        }
        for r in &o.required {
            if !merged.required.contains(r) {
                merged.required.push(r.clone());
            }
        }
        if o.additional_properties.is_some() {
            merged.additional_properties = o.additional_properties.clone();
        }
    }
    merged
}

/// `minimum`/`maximum` with their exclusive forms, in either spelling: the 3.0 flag on the
/// bound, or the 3.1 (draft 6) bound of its own, the stricter one kept when both are given.
fn bounds(s: &Schema) -> (Option<Bound>, Option<Bound>) {
    let side = |inclusive: Option<f64>, exclusive: Option<Exclusive>, lower: bool| -> Option<Bound> {
        match (inclusive, exclusive) {
            (Some(v), Some(Exclusive::Flag(e))) => Some(Bound { value: v, exclusive: e }),
            (Some(v), None) => Some(Bound { value: v, exclusive: false }),
            (None, Some(Exclusive::Limit(x))) => Some(Bound { value: x, exclusive: true }),
            (Some(v), Some(Exclusive::Limit(x))) => {
                let exclusive_is_stricter = if lower { x >= v } else { x <= v };
                Some(if exclusive_is_stricter {
                    Bound { value: x, exclusive: true }
                } else {
                    Bound { value: v, exclusive: false }
                })
            }
            (None, Some(Exclusive::Flag(_)) | None) => None,
        }
    };
    (side(s.minimum, s.exclusive_minimum, true), side(s.maximum, s.exclusive_maximum, false))
}

/// `enum: [a, b, null]` makes the use nullable.
fn enum_allows_null(s: &Schema) -> bool {
    s.enumeration.iter().flatten().any(Value::is_null) && s.enumeration.iter().flatten().any(|v| !v.is_null())
}

/// A response key: a code, a range (`2XX`, any case) or `default`.
fn parse_status(key: &str) -> Option<Status> {
    if key == "default" {
        return Some(Status::Default);
    }
    if let Ok(code) = key.parse::<u16>() {
        return (100..600).contains(&code).then_some(Status::Code(code));
    }
    match key.as_bytes() {
        [d @ b'1'..=b'5', x, y] if x.eq_ignore_ascii_case(&b'x') && y.eq_ignore_ascii_case(&b'x') => {
            Some(Status::Range(d - b'0'))
        }
        _ => None,
    }
}

/// What is wrong with a path template, if anything.
enum TemplateProblem {
    /// A `{` or `}` that does not pair up, or a parameter without a name: no request can
    /// be built from it.
    Broken(String),
    /// Well-formed, but the server's router matches a parameter up to the next `/` only:
    /// text after a parameter in its segment (`/{id}.json`) or two parameters in one
    /// (`/{a}.{b}`). The client fills such templates in as they are.
    Unroutable(String),
}

/// Reads each segment of a path template: `{name}` parameters and text between them.
fn template_problem(path: &str) -> Option<TemplateProblem> {
    for segment in path.split('/') {
        let mut params = 0;
        let mut rest = segment;
        let mut text_after_param = false;
        while !rest.is_empty() {
            match (rest.find('{'), rest.find('}')) {
                (None, None) => {
                    text_after_param |= params > 0;
                    break;
                }
                (Some(open), Some(close)) if open < close => {
                    let name = &rest[open + 1..close];
                    if name.contains('{') {
                        return Some(TemplateProblem::Broken(format!(
                            "path segment `{segment}` is not a well-formed template (a `{{` inside a parameter)"
                        )));
                    }
                    if name.is_empty() {
                        return Some(TemplateProblem::Broken(format!(
                            "path segment `{segment}` has a parameter without a name"
                        )));
                    }
                    text_after_param |= params > 0 && open > 0;
                    params += 1;
                    rest = &rest[close + 1..];
                }
                _ => {
                    return Some(TemplateProblem::Broken(format!(
                        "path segment `{segment}` is not a well-formed template (a `{{` or `}}` that does not pair up)"
                    )));
                }
            }
        }
        if params > 1 {
            return Some(TemplateProblem::Unroutable(format!(
                "path segment `{segment}` has {params} parameters, which the server's router cannot tell apart (it matches one parameter per segment)"
            )));
        }
        if text_after_param || (params == 1 && !segment.ends_with('}')) {
            return Some(TemplateProblem::Unroutable(format!(
                "path segment `{segment}` has text after its parameter, which the server's router cannot match"
            )));
        }
    }
    None
}

fn enum_def(mut values: Vec<Value>) -> EnumDef {
    // A value listed twice (mistral repeats a UUID) is one variant.
    let mut seen = HashSet::new();
    values.retain(|v| seen.insert(v.to_string()));
    let texts: Vec<String> = values.iter().map(|v| v.as_str().map(str::to_owned).unwrap_or(v.to_string())).collect();
    let names = names::enum_variant_names(&texts);
    let other = ["Unknown", "UnknownValue", "OtherValue"]
        .into_iter()
        .find(|c| !names.iter().any(|n| n == c))
        .unwrap_or("UnlistedValue")
        .to_owned();
    EnumDef {
        variants: values.into_iter().zip(names).map(|(value, name)| EnumVariant { value, name }).collect(),
        other,
    }
}

fn base_path(api: &doc::Document) -> String {
    let Some(server) = api.servers.first() else { return String::new() };
    let mut url = server.url.clone();
    for (k, v) in &server.variables {
        url = url.replace(&format!("{{{k}}}"), &v.default);
    }

    let path = match url.split_once("://") {
        Some((_, rest)) => rest.find('/').map(|i| rest[i..].to_owned()).unwrap_or_default(),
        None => url,
    };
    path.trim_end_matches('/').to_owned()
}

/// Marks struct fields and union variants that must be boxed: those whose type contains,
/// by value (not through a list or map), the type that holds them. `types` are sorted by name.
fn box_recursive_uses(types: &mut [TypeDef]) {
    let edges: Vec<Vec<usize>> =
        types.iter().map(|t| by_value_targets(t).iter().filter_map(|n| position(types, n)).collect()).collect();
    let reaches = |from: usize, to: usize| -> bool {
        let mut stack = vec![from];
        let mut seen = HashSet::new();
        while let Some(n) = stack.pop() {
            if n == to {
                return true;
            }
            if seen.insert(n) {
                stack.extend(&edges[n]);
            }
        }
        false
    };
    let mut to_box: Vec<(usize, usize)> = Vec::new();
    for (i, t) in types.iter().enumerate() {
        let targets: Vec<Vec<&str>> = match &t.kind {
            TypeKind::Struct(s) => s.fields.iter().map(|f| by_value_named(&f.ty)).collect(),
            TypeKind::Union(u) => u.variants.iter().map(|v| by_value_named(&v.ty)).collect(),
            _ => continue,
        };
        for (slot, names) in targets.iter().enumerate() {
            if names.iter().filter_map(|n| position(types, n)).any(|j| reaches(j, i)) {
                to_box.push((i, slot));
            }
        }
    }
    for (i, slot) in to_box {
        match &mut types[i].kind {
            TypeKind::Struct(s) => s.fields[slot].boxed = true,
            TypeKind::Union(u) => u.variants[slot].boxed = true,
            _ => {}
        }
    }
}

/// The types a value of `expr` holds by value (not behind a `Vec` or map): a named type,
/// or those of a tuple's positions.
fn by_value_named(expr: &TypeExpr) -> Vec<&str> {
    match &expr.kind {
        ExprKind::Named(n) => vec![n],
        ExprKind::Tuple(items) => items.iter().flat_map(by_value_named).collect(),
        _ => Vec::new(),
    }
}

fn by_value_targets(t: &TypeDef) -> Vec<&str> {
    t.exprs().into_iter().flat_map(by_value_named).collect()
}
