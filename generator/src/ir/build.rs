//! Builds the [`Api`] from a loaded spec: resolves references, names every type, and keeps
//! every constraint. Problems are collected rather than stopping at the first, so one run
//! reports everything that needs fixing.

use super::names::{self, RESERVED_TYPE_NAMES};
use super::*;
use crate::error::{Diagnostic, Error, escape_pointer_segment as esc};
use crate::load::Spec;
use crate::load::resolve::{Resolver, schema_ref_name};
use openapiv3::{
    AdditionalProperties, ObjectType, ParameterSchemaOrContent, ReferenceOr, Schema, SchemaData, SchemaKind,
    StatusCode, StringFormat, Type, VariantOrUnknownOrEmpty,
};
use std::borrow::Borrow;
use std::collections::{BTreeMap, HashMap, HashSet};

/// How to treat constructs akgen cannot represent faithfully.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BuildOptions {
    /// Replace unsupported schemas by a JSON value (with a warning) instead of failing.
    pub lenient: bool,
}

/// Builds the IR, or returns every problem found.
pub fn build(spec: &Spec, options: BuildOptions) -> Result<Api, Error> {
    let mut b = Builder {
        spec,
        resolver: Resolver::new(&spec.api),
        options,
        component_names: HashMap::new(),
        taken: RESERVED_TYPE_NAMES.iter().map(|s| s.to_string()).collect(),
        types: Vec::new(),
        errors: Vec::new(),
        warnings: Vec::new(),
        merging: Vec::new(),
        depth: 0,
    };
    b.name_components();
    b.build_components();
    let operations = b.build_operations();
    b.break_alias_cycles();
    if !b.errors.is_empty() {
        spec.locate(&mut b.errors);
        return Err(Error::Spec(b.errors));
    }
    spec.locate(&mut b.warnings);
    let mut types = b.types;
    types.sort_by(|a, c| a.name.cmp(&c.name));
    box_recursive_uses(&mut types);
    super::usage::assign_tags(&mut types, &operations);
    let api = &spec.api;
    Ok(Api {
        title: api.info.title.clone(),
        version: api.info.version.clone(),
        description: api.info.description.clone(),
        base_path: base_path(api),
        types,
        operations,
        warnings: b.warnings,
    })
}

struct Builder<'a> {
    spec: &'a Spec,
    resolver: Resolver<'a>,
    options: BuildOptions,
    /// Component schema name → Rust type name.
    component_names: HashMap<String, String>,
    /// Every type name given out so far.
    taken: HashSet<String>,
    types: Vec<TypeDef>,
    errors: Vec<Diagnostic>,
    /// The `$ref`s whose allOf parts are being merged, outermost first: a cycle among them
    /// would merge forever.
    merging: Vec<String>,
    /// How many inline schemas enclose the one being built.
    depth: usize,
    warnings: Vec<Diagnostic>,
}

/// Real specs nest inline schemas a few levels deep; more than this is a cycle that makes a
/// new type at every level (allOf merges copy the schema that contains them).
const MAX_INLINE_DEPTH: usize = 48;

fn docs(data: &SchemaData) -> Docs {
    Docs { title: data.title.clone(), description: data.description.clone().filter(|d| !d.trim().is_empty()) }
}

impl<'a> Builder<'a> {
    fn error(&mut self, pointer: &str, message: impl Into<String>) {
        let d = self.spec.unlocated(pointer, message);
        self.errors.push(d);
    }

    /// A `$ref` that cannot be followed: a broken one is an error; one akgen does not follow
    /// (another file) is an unsupported construct.
    fn ref_error(&mut self, pointer: &str, e: crate::load::resolve::RefError) {
        if e.unsupported {
            self.unsupported(pointer, e.message);
        } else {
            self.error(pointer, e.message);
        }
    }

    /// An unsupported construct: an error, or with `lenient` a warning and a JSON value.
    fn unsupported(&mut self, pointer: &str, message: String) -> TypeExpr {
        let d = self.spec.unlocated(pointer, message);
        if self.options.lenient {
            self.warnings.push(d);
        } else {
            self.errors.push(d);
        }
        TypeExpr::new(ExprKind::Any)
    }

    /// A type alias that contains itself (`B = Vec<Vec<B>>`, directly or through other
    /// aliases) has no Rust form: reported as unsupported, and with `lenient` a JSON value.
    fn break_alias_cycles(&mut self) {
        fn named<'e>(expr: &'e TypeExpr, out: &mut Vec<&'e str>) {
            match &expr.kind {
                ExprKind::Named(n) => out.push(n),
                ExprKind::List(inner) | ExprKind::Map(inner) => named(inner, out),
                ExprKind::Primitive(_) | ExprKind::Any => {}
            }
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
                if seen.insert(n) {
                    if let Some(e) = aliases.get(n) {
                        named(e, &mut stack);
                    }
                }
            }
        }
        for i in cyclic {
            let pointer = self.types[i].pointer.clone();
            let message = "this schema is an array or map of itself (through aliases), which a Rust type alias cannot express".to_owned();
            let any = self.unsupported(&pointer, message);
            self.types[i].kind = TypeKind::Alias(any);
        }
    }

    /// Names are given in sorted component order, so adding a schema never renames another.
    fn name_components(&mut self) {
        let Some(components) = &self.spec.api.components else { return };
        let mut names: Vec<&String> = components.schemas.keys().collect();
        names.sort();
        for name in names {
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
        for (name, item) in &components.schemas {
            let rust = self.component_names[name].clone();
            let pointer = format!("/components/schemas/{}", esc(name));
            let (kind, docs, deprecated) = match item {
                ReferenceOr::Reference { reference } => {
                    (TypeKind::Alias(self.reference(reference, &pointer)), Docs::default(), false)
                }
                ReferenceOr::Item(schema) => {
                    let kind = self.type_kind(schema, &rust, &pointer);
                    (kind, docs(&schema.schema_data), schema.schema_data.deprecated)
                }
            };
            self.types.push(TypeDef { name: rust, component: Some(name.clone()), pointer, docs, deprecated, kind, tags: Default::default() });
        }
    }

    /// The definition for a schema that gets a name of its own.
    fn type_kind(&mut self, schema: &Schema, name: &str, pointer: &str) -> TypeKind {
        match &schema.schema_kind {
            SchemaKind::Type(Type::Object(obj)) if !obj.properties.is_empty() => {
                TypeKind::Struct(self.struct_def(obj, name, pointer))
            }
            SchemaKind::Type(Type::String(s)) if !s.enumeration.is_empty() => {
                let values = s.enumeration.iter().flatten().map(|v| Value::String(v.clone())).collect();
                TypeKind::Enum(enum_def(values))
            }
            SchemaKind::Type(Type::Integer(i)) if !i.enumeration.is_empty() => {
                let values = i.enumeration.iter().flatten().map(|v| Value::from(*v)).collect();
                TypeKind::Enum(enum_def(values))
            }
            SchemaKind::OneOf { one_of } => self.union_kind(one_of, schema, name, pointer, "oneOf"),
            SchemaKind::AnyOf { any_of } => self.union_kind(any_of, schema, name, pointer, "anyOf"),
            SchemaKind::AllOf { all_of } if all_of.len() > 1 => match self.merge_all_of(all_of, pointer) {
                Some(obj) => TypeKind::Struct(self.struct_def(&obj, name, pointer)),
                None => TypeKind::Alias(TypeExpr::new(ExprKind::Any)),
            },
            SchemaKind::Any(any) if is_all_of_wrapper(any) => {
                let mut expr = self.inline(schema, name, pointer);
                expr.nullable = false;
                TypeKind::Alias(expr)
            }
            SchemaKind::Any(any) if looks_structured(any) => match reinterpret_any(schema) {
                Some(fixed) => self.type_kind(&fixed, name, pointer),
                None => TypeKind::Alias(self.unsupported(pointer, "schema mixes keywords of several types".into())),
            },
            _ => {
                // Arrays, maps, primitives and allOf wrappers: an alias of the expression.
                let mut expr = self.inline(schema, name, pointer);
                // Nullability belongs to each use, not to the alias.
                expr.nullable = false;
                TypeKind::Alias(expr)
            }
        }
    }

    fn reference(&mut self, reference: &str, pointer: &str) -> TypeExpr {
        match self.resolver.schema_ref(reference) {
            Ok((name, _)) => TypeExpr::new(ExprKind::Named(self.component_names[name].clone())),
            Err(e) => {
                self.ref_error(&format!("{pointer}/$ref"), e);
                TypeExpr::new(ExprKind::Any)
            }
        }
    }

    /// The type expression for a schema use; inline objects, enums and unions get a type
    /// named after `hint` (their position: `TokenUserObj`, `CoreTokensListIntent`).
    fn expr(&mut self, item: &ReferenceOr<impl Borrow<Schema>>, hint: &str, pointer: &str) -> TypeExpr {
        match item {
            ReferenceOr::Reference { reference } => self.reference(reference, pointer),
            ReferenceOr::Item(_) if self.depth >= MAX_INLINE_DEPTH => self.unsupported(
                pointer,
                format!(
                    "inline schemas nest more than {MAX_INLINE_DEPTH} levels deep here; an allOf that includes its own schema keeps producing new ones"
                ),
            ),
            ReferenceOr::Item(schema) => {
                self.depth += 1;
                let expr = self.inline(schema.borrow(), hint, pointer);
                self.depth -= 1;
                expr
            }
        }
    }

    fn inline(&mut self, schema: &Schema, hint: &str, pointer: &str) -> TypeExpr {
        let data = &schema.schema_data;
        let mut expr = match &schema.schema_kind {
            SchemaKind::Type(Type::String(s)) if s.enumeration.is_empty() => {
                let mut c = Constraints {
                    pattern: s.pattern.clone(),
                    min_length: s.min_length.map(|v| v as u64),
                    max_length: s.max_length.map(|v| v as u64),
                    ..Default::default()
                };
                let prim = match &s.format {
                    VariantOrUnknownOrEmpty::Item(StringFormat::DateTime) => Primitive::DateTime,
                    VariantOrUnknownOrEmpty::Item(StringFormat::Date) => Primitive::Date,
                    VariantOrUnknownOrEmpty::Item(StringFormat::Binary) => Primitive::Binary,
                    VariantOrUnknownOrEmpty::Item(StringFormat::Byte) => {
                        c.format = Some("byte".into());
                        Primitive::String
                    }
                    VariantOrUnknownOrEmpty::Item(StringFormat::Password) => Primitive::String,
                    VariantOrUnknownOrEmpty::Unknown(f) if f == "uuid" => Primitive::Uuid,
                    VariantOrUnknownOrEmpty::Unknown(f) => {
                        c.format = Some(f.clone());
                        Primitive::String
                    }
                    VariantOrUnknownOrEmpty::Empty => Primitive::String,
                };
                TypeExpr { kind: ExprKind::Primitive(prim), nullable: false, constraints: c }
            }
            SchemaKind::Type(Type::Number(n)) => TypeExpr {
                kind: ExprKind::Primitive(Primitive::Float64),
                nullable: false,
                constraints: Constraints {
                    minimum: n.minimum.map(|v| Bound { value: v, exclusive: n.exclusive_minimum }),
                    maximum: n.maximum.map(|v| Bound { value: v, exclusive: n.exclusive_maximum }),
                    multiple_of: n.multiple_of,
                    ..Default::default()
                },
            },
            SchemaKind::Type(Type::Integer(i)) if i.enumeration.is_empty() => {
                let fits32 = |v: Option<i64>| v.is_some_and(|v| i32::try_from(v).is_ok());
                let prim = match &i.format {
                    VariantOrUnknownOrEmpty::Item(openapiv3::IntegerFormat::Int32) => Primitive::Int32,
                    VariantOrUnknownOrEmpty::Item(openapiv3::IntegerFormat::Int64) => Primitive::Int64,
                    // No format: only bounds that fit 32 bits on both sides prove it cannot overflow.
                    _ if fits32(i.minimum) && fits32(i.maximum) => Primitive::Int32,
                    _ => Primitive::Int64,
                };
                TypeExpr {
                    kind: ExprKind::Primitive(prim),
                    nullable: false,
                    constraints: Constraints {
                        minimum: i.minimum.map(|v| Bound { value: v as f64, exclusive: i.exclusive_minimum }),
                        maximum: i.maximum.map(|v| Bound { value: v as f64, exclusive: i.exclusive_maximum }),
                        multiple_of: i.multiple_of.map(|v| v as f64),
                        ..Default::default()
                    },
                }
            }
            SchemaKind::Type(Type::Boolean(_)) => TypeExpr::new(ExprKind::Primitive(Primitive::Bool)),
            SchemaKind::Type(Type::Object(obj)) if obj.properties.is_empty() => {
                let value = match &obj.additional_properties {
                    Some(AdditionalProperties::Schema(s)) => {
                        self.expr(s, &format!("{hint}Value"), &format!("{pointer}/additionalProperties"))
                    }
                    _ => TypeExpr::new(ExprKind::Any),
                };
                TypeExpr::new(ExprKind::Map(Box::new(value)))
            }
            SchemaKind::Type(Type::Array(a)) => {
                let items = match &a.items {
                    Some(items) => self.expr(items, &format!("{hint}Item"), &format!("{pointer}/items")),
                    None => TypeExpr::new(ExprKind::Any),
                };
                TypeExpr {
                    kind: ExprKind::List(Box::new(items)),
                    nullable: false,
                    constraints: Constraints {
                        min_items: a.min_items.map(|v| v as u64),
                        max_items: a.max_items.map(|v| v as u64),
                        unique_items: a.unique_items,
                        ..Default::default()
                    },
                }
            }
            // No parts: no constraint, any value.
            SchemaKind::AllOf { all_of } if all_of.is_empty() => TypeExpr::new(ExprKind::Any),
            SchemaKind::AllOf { all_of } if all_of.len() == 1 => {
                // drf-spectacular wraps a `$ref` in allOf to attach readOnly/nullable to one use.
                let mut inner = self.expr(&all_of[0], hint, &format!("{pointer}/allOf/0"));
                inner.nullable |= data.nullable;
                inner
            }
            SchemaKind::Any(any) if is_all_of_wrapper(any) => {
                // The same wrapper with constraints beside the allOf (`minLength`, `default`).
                let mut inner = self.expr(&any.all_of[0], hint, &format!("{pointer}/allOf/0"));
                let c = &mut inner.constraints;
                c.pattern = c.pattern.take().or(any.pattern.clone());
                c.min_length = c.min_length.or(any.min_length.map(|v| v as u64));
                c.max_length = c.max_length.or(any.max_length.map(|v| v as u64));
                c.min_items = c.min_items.or(any.min_items.map(|v| v as u64));
                c.max_items = c.max_items.or(any.max_items.map(|v| v as u64));
                c.minimum = c.minimum.or(any.minimum.map(|v| Bound { value: v, exclusive: any.exclusive_minimum.unwrap_or(false) }));
                c.maximum = c.maximum.or(any.maximum.map(|v| Bound { value: v, exclusive: any.exclusive_maximum.unwrap_or(false) }));
                inner
            }
            SchemaKind::Any(any) if !looks_structured(any) => TypeExpr::new(ExprKind::Any),
            SchemaKind::Not { .. } => {
                self.unsupported(pointer, "`not` schemas are not supported (no Rust type expresses them)".into())
            }
            _ => {
                // Objects with properties, enums, unions, allOf merges: a named type.
                let name = names::unique(&mut self.taken, names::camel(hint));
                let kind = self.type_kind(schema, &name, pointer);
                self.types.push(TypeDef {
                    name: name.clone(),
                    component: None,
                    pointer: pointer.to_owned(),
                    docs: docs(data),
                    deprecated: data.deprecated,
                    kind,
                    tags: Default::default(),
                });
                TypeExpr::new(ExprKind::Named(name))
            }
        };
        expr.nullable |= data.nullable || string_enum_allows_null(schema);
        if let Some(pattern) = &expr.constraints.pattern {
            // The generated crate compiles patterns lazily and trusts they compile: prove it now.
            if let Err(e) = regress::Regex::with_flags(pattern, "u") {
                self.error(&format!("{pointer}/pattern"), format!("pattern `{pattern}` is not a valid ECMA-262 regular expression: {e}"));
            }
        }
        expr.constraints.read_only |= data.read_only;
        expr.constraints.write_only |= data.write_only;
        expr
    }

    fn struct_def(&mut self, obj: &ObjectType, type_name: &str, pointer: &str) -> StructDef {
        // A property already in snake_case keeps its name; the others (`isGlobal` beside
        // `is_global`) get a suffix on collision.
        let mut taken: HashSet<String> =
            obj.properties.keys().filter(|w| names::snake(w) == **w).cloned().collect();
        let mut fields = Vec::new();
        for (wire, item) in &obj.properties {
            let field_pointer = format!("{pointer}/properties/{}", esc(wire));
            let hint = format!("{type_name}{}", names::camel(wire));
            let ty = self.expr(item, &hint, &field_pointer);
            let (docs, default, deprecated) = match item {
                ReferenceOr::Item(s) => {
                    (docs(&s.schema_data), s.schema_data.default.clone(), s.schema_data.deprecated)
                }
                ReferenceOr::Reference { .. } => (Docs::default(), None, false),
            };
            fields.push(Field {
                wire_name: wire.clone(),
                name: if names::snake(wire) == *wire { wire.clone() } else { names::unique(&mut taken, names::snake(wire)) },
                ty,
                required: obj.required.contains(wire),
                docs,
                deprecated,
                default,
                boxed: false,
            });
        }
        let additional = match &obj.additional_properties {
            Some(AdditionalProperties::Schema(s)) => Some(self.expr(
                s,
                &format!("{type_name}Value"),
                &format!("{pointer}/additionalProperties"),
            )),
            Some(AdditionalProperties::Any(true)) => Some(TypeExpr::new(ExprKind::Any)),
            _ => None,
        };
        StructDef { fields, additional }
    }

    /// A union, or a JSON value when one of its variants is unsupported (`lenient`).
    fn union_kind(&mut self, items: &[ReferenceOr<Schema>], schema: &Schema, name: &str, pointer: &str, keyword: &str) -> TypeKind {
        match self.union_def(items, schema, name, pointer, keyword) {
            Some(union) => TypeKind::Union(union),
            None => TypeKind::Alias(TypeExpr::new(ExprKind::Any)),
        }
    }

    fn union_def(
        &mut self,
        items: &[ReferenceOr<Schema>],
        schema: &Schema,
        name: &str,
        pointer: &str,
        keyword: &str,
    ) -> Option<UnionDef> {
        let disc = schema.schema_data.discriminator.as_ref();
        let mut supported = true;
        let mut taken = HashSet::new();
        let mut variants = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let item_pointer = format!("{pointer}/{keyword}/{i}");
            let ty = self.expr(item, &format!("{name}Variant{}", i + 1), &item_pointer);
            let variant_name = match &ty.kind {
                ExprKind::Named(n) => n.clone(),
                ExprKind::Primitive(p) => format!("{p:?}"),
                ExprKind::List(_) => "List".into(),
                ExprKind::Map(_) => "Map".into(),
                ExprKind::Any => "Value".into(),
            };
            let mut tags = Vec::new();
            if let Some(d) = disc {
                match item {
                    ReferenceOr::Reference { reference } => {
                        tags = d.mapping.iter().filter(|(_, r)| *r == reference).map(|(t, _)| t.clone()).collect();
                        if tags.is_empty() {
                            // OpenAPI: without a mapping entry, the tag is the component name.
                            tags.extend(schema_ref_name(reference).map(str::to_owned));
                        }
                        // A `$ref` outside the components has no name to be its tag (and was
                        // reported as unsupported when it was resolved).
                        supported &= !tags.is_empty();
                    }
                    ReferenceOr::Item(_) => {
                        self.unsupported(&item_pointer, "a discriminated union's variants must be `$ref`s".into());
                        supported = false;
                    }
                }
            }
            variants.push(UnionVariant { name: names::unique(&mut taken, variant_name), tags, ty, boxed: false });
        }
        if let Some(d) = disc {
            for (tag, target) in &d.mapping {
                if !variants.iter().any(|v| v.tags.contains(tag)) {
                    self.error(
                        &format!("{pointer}/discriminator/mapping/{}", esc(tag)),
                        format!("discriminator value `{tag}` maps to `{target}`, which is not one of the {keyword} variants"),
                    );
                }
            }
        }
        supported.then(|| UnionDef { discriminator: disc.map(|d| d.property_name.clone()), variants })
    }

    /// Merges `allOf` parts into one object: properties in order, `required` united.
    fn merge_all_of(&mut self, parts: &[ReferenceOr<Schema>], pointer: &str) -> Option<ObjectType> {
        // A component's own allOf is merged under its name, so a part leading back to it is
        // a cycle too.
        let outermost = self.merging.is_empty()
            && pointer.strip_prefix("/components/schemas/").is_some_and(|name| !name.contains('/'));
        if outermost {
            self.merging.push(format!("#{pointer}"));
        }
        let merged = self.merge_parts(parts, pointer);
        if outermost {
            self.merging.pop();
        }
        merged
    }

    fn merge_parts(&mut self, parts: &[ReferenceOr<Schema>], pointer: &str) -> Option<ObjectType> {
        let mut merged = ObjectType::default();
        for (i, part) in parts.iter().enumerate() {
            let part_pointer = format!("{pointer}/allOf/{i}");
            let obj = match part {
                ReferenceOr::Item(schema) => self.all_of_part(schema, &part_pointer),
                ReferenceOr::Reference { reference } => {
                    let schema = match self.resolver.schema_ref(reference) {
                        Ok((_, schema)) => schema,
                        Err(e) => {
                            self.ref_error(&format!("{part_pointer}/$ref"), e);
                            return None;
                        }
                    };
                    if self.merging.contains(reference) {
                        self.error(
                            &format!("{part_pointer}/$ref"),
                            format!("allOf includes `{reference}`, which is being merged already: the object would contain itself"),
                        );
                        return None;
                    }
                    // The referenced schema's parts are located where they are written.
                    self.merging.push(reference.clone());
                    let obj = self.all_of_part(schema, reference.trim_start_matches('#'));
                    self.merging.pop();
                    obj
                }
            }?;
            for (k, v) in obj.properties {
                merged.properties.insert(k, v);
            }
            for r in obj.required {
                if !merged.required.contains(&r) {
                    merged.required.push(r);
                }
            }
            if obj.additional_properties.is_some() {
                merged.additional_properties = obj.additional_properties;
            }
        }
        Some(merged)
    }

    /// One allOf part as an object, when it is one.
    fn all_of_part(&mut self, schema: &Schema, part_pointer: &str) -> Option<ObjectType> {
        match &schema.schema_kind {
            SchemaKind::Type(Type::Object(o)) => Some(o.clone()),
            SchemaKind::AllOf { all_of } => self.merge_all_of(all_of, part_pointer),
            SchemaKind::Any(_) => match reinterpret_any(schema).map(|s| s.schema_kind) {
                Some(SchemaKind::Type(Type::Object(o))) => Some(o),
                _ => Some(ObjectType::default()),
            },
            _ => {
                self.unsupported(part_pointer, "allOf can only merge object schemas".into());
                None
            }
        }
    }

    fn build_operations(&mut self) -> Vec<Operation> {
        let api = &self.spec.api;
        let defined_schemes: HashSet<&String> =
            api.components.as_ref().map(|c| c.security_schemes.keys().collect()).unwrap_or_default();
        let mut ops = Vec::new();
        let mut names_per_tag: BTreeMap<String, HashSet<String>> = BTreeMap::new();
        let mut ids = HashSet::new();
        let mut params_types: HashSet<String> = HashSet::new();
        // (method, template with unnamed parameters) → the first path with it.
        let mut routes: HashMap<(String, String), String> = HashMap::new();
        for (path, item) in &api.paths.paths {
            let path_pointer = format!("/paths/{}", esc(path));
            let item = match item {
                ReferenceOr::Item(i) => i,
                ReferenceOr::Reference { .. } => {
                    self.unsupported(&path_pointer, "path items given by `$ref` are not supported".into());
                    continue;
                }
            };
            if let Some(problem) = template_problem(path) {
                self.unsupported(&path_pointer, problem);
                continue;
            }
            let template = path_params(path);
            // Routes compare templates with their parameters unnamed: `/a/{id}/` is `/a/{}/`.
            let route: String = path_parts(path).into_iter().map(|p| if let PathPart::Literal(t) = p { t } else { "{}" }).collect();
            for (method, op) in item.iter() {
                let pointer = format!("{path_pointer}/{method}");
                let raw_id = op.operation_id.clone().unwrap_or_else(|| format!("{method}{path}"));
                let id = names::unique(&mut ids, raw_id);
                let tag = op.tags.first().map(|t| names::snake(t)).unwrap_or_else(|| "default".into());
                let tag_plain = names::unraw(&tag).to_owned();
                let snake_id = names::snake(&id);
                let short = snake_id
                    .strip_prefix(&format!("{tag_plain}_"))
                    .filter(|s| !s.is_empty())
                    .map(|s| names::escape_keyword(s.to_owned()))
                    .unwrap_or(snake_id.clone());
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
                    let (location, data, explode) = match param {
                        openapiv3::Parameter::Path { parameter_data, .. } => (ParamLocation::Path, parameter_data, false),
                        openapiv3::Parameter::Query { parameter_data, style, .. } => {
                            let default = matches!(style, openapiv3::QueryStyle::Form);
                            (ParamLocation::Query, parameter_data, parameter_data.explode.unwrap_or(default))
                        }
                        openapiv3::Parameter::Header { parameter_data, .. } => {
                            (ParamLocation::Header, parameter_data, parameter_data.explode.unwrap_or(false))
                        }
                        openapiv3::Parameter::Cookie { parameter_data, .. } => {
                            (ParamLocation::Cookie, parameter_data, parameter_data.explode.unwrap_or(true))
                        }
                    };
                    if !seen.insert((location, data.name.clone())) {
                        continue;
                    }
                    if location == ParamLocation::Path && !template.contains(&data.name.as_str()) {
                        self.error(&p_pointer, format!("path parameter `{}` does not appear in the path `{path}`", data.name));
                    }
                    let hint = format!("{type_hint}{}", names::camel(&data.name));
                    let ty = match &data.format {
                        ParameterSchemaOrContent::Schema(s) => self.expr(s, &hint, &format!("{p_pointer}/schema")),
                        ParameterSchemaOrContent::Content(_) => self.unsupported(
                            &format!("{p_pointer}/content"),
                            "parameters described by `content` are not supported".into(),
                        ),
                    };
                    params.push(Parameter {
                        wire_name: data.name.clone(),
                        name: names::unique(&mut taken, names::snake(&data.name)),
                        location,
                        required: data.required || location == ParamLocation::Path,
                        ty,
                        docs: Docs { title: None, description: data.description.clone() },
                        deprecated: data.deprecated.unwrap_or(false),
                        explode,
                    });
                }

                let body = op.request_body.as_ref().and_then(|b| match self.resolver.request_body(b) {
                    Ok(body) => {
                        let content = self.contents(&body.content, &format!("{type_hint}Body"), &format!("{pointer}/requestBody/content"));
                        Some(RequestBody { required: body.required, content })
                    }
                    Err(e) => {
                        self.ref_error(&format!("{pointer}/requestBody/$ref"), e);
                        None
                    }
                });

                let mut responses = Vec::new();
                let statuses = op.responses.responses.iter().map(|(code, r)| {
                    let status = match code {
                        StatusCode::Code(c) => Status::Code(*c),
                        StatusCode::Range(r) => Status::Range(*r as u8),
                    };
                    (status, code.to_string(), r)
                });
                let default = op.responses.default.iter().map(|r| (Status::Default, "default".to_string(), r));
                for (status, key, r) in statuses.chain(default) {
                    let r_pointer = format!("{pointer}/responses/{key}");
                    match self.resolver.response(r) {
                        Ok(resp) => {
                            let content = self.contents(
                                &resp.content,
                                &format!("{type_hint}Response{}", names::camel(&key)),
                                &format!("{r_pointer}/content"),
                            );
                            responses.push(Response { status, description: resp.description.clone(), content });
                        }
                        Err(e) => self.ref_error(&format!("{r_pointer}/$ref"), e),
                    }
                }

                for name in &template {
                    if !params.iter().any(|p| p.location == ParamLocation::Path && p.wire_name == *name) {
                        self.error(&pointer, format!("the path's parameter `{{{name}}}` is not defined (`in: path`) for this operation"));
                    }
                }
                match routes.get(&(method.to_owned(), route.clone())) {
                    Some(other) if other != path => self.error(
                        &pointer,
                        format!("`{} {path}` and `{} {other}` differ only in parameter names, so no request can tell them apart", method.to_uppercase(), method.to_uppercase()),
                    ),
                    _ => {
                        routes.insert((method.to_owned(), route.clone()), path.clone());
                    }
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
                    method: method.to_uppercase(),
                    path: path.clone(),
                    tag,
                    docs: Docs { title: op.summary.clone(), description: op.description.clone() },
                    deprecated: op.deprecated,
                    parameters: params,
                    body,
                    responses,
                    security,
                    pointer,
                });
            }
        }
        ops
    }

    fn contents(
        &mut self,
        content: &indexmap::IndexMap<String, openapiv3::MediaType>,
        hint: &str,
        pointer: &str,
    ) -> Vec<Content> {
        content
            .iter()
            .map(|(media_type, m)| Content {
                media_type: media_type.clone(),
                ty: m.schema.as_ref().map(|s| self.expr(s, hint, &format!("{pointer}/{}/schema", esc(media_type)))),
            })
            .collect()
    }
}

/// Why a path template cannot be routed, if it cannot: a `{` or `}` that does not pair up,
/// an empty name, or a parameter that does not end its segment (`/{id}.json`, `/{a}-{b}`):
/// the server's router matches a parameter up to the next `/`.
fn template_problem(path: &str) -> Option<String> {
    for segment in path.split('/') {
        let (open, close) = (segment.matches('{').count(), segment.matches('}').count());
        if open == 0 && close == 0 {
            continue;
        }
        if open != 1 || close != 1 || segment.find('{') > segment.find('}') {
            return Some(format!("path segment `{segment}` is not a well-formed template (one `{{name}}` per segment)"));
        }
        if segment.ends_with("{}") {
            return Some(format!("path segment `{segment}` has a parameter without a name"));
        }
        if !segment.ends_with('}') {
            return Some(format!(
                "path segment `{segment}` has text after its parameter, which the server's router cannot match; put the parameter last in its segment"
            ));
        }
    }
    None
}

fn enum_def(values: Vec<Value>) -> EnumDef {
    let texts: Vec<String> = values.iter().map(|v| v.as_str().map(str::to_owned).unwrap_or(v.to_string())).collect();
    let names = names::enum_variant_names(&texts);
    let other = ["Unknown", "UnknownValue", "OtherValue"]
        .into_iter()
        .find(|c| !names.iter().any(|n| n == c))
        .unwrap_or("UnlistedValue")
        .to_owned();
    EnumDef { variants: values.into_iter().zip(names).map(|(value, name)| EnumVariant { value, name }).collect(), other }
}

/// `enum: [a, b, null]` makes the use nullable.
fn string_enum_allows_null(schema: &Schema) -> bool {
    matches!(&schema.schema_kind, SchemaKind::Type(Type::String(s)) if s.enumeration.iter().any(Option::is_none))
}

/// `allOf: [one schema]` plus constraints or a default, which `openapiv3` cannot classify.
fn is_all_of_wrapper(any: &openapiv3::AnySchema) -> bool {
    any.all_of.len() == 1
        && any.typ.is_none()
        && any.properties.is_empty()
        && any.items.is_none()
        && any.one_of.is_empty()
        && any.any_of.is_empty()
        && any.enumeration.is_empty()
}

/// A schema without `type` that still describes something structured.
fn looks_structured(any: &openapiv3::AnySchema) -> bool {
    any.typ.is_some()
        || !any.properties.is_empty()
        || any.items.is_some()
        || !any.enumeration.is_empty()
        || !any.one_of.is_empty()
        || !any.all_of.is_empty()
        || !any.any_of.is_empty()
}

/// Re-reads a schema that `openapiv3` could not classify, with its type inferred from the
/// keywords it uses (`properties` → object, `items` → array, `enum` of strings → string).
fn reinterpret_any(schema: &Schema) -> Option<Schema> {
    let SchemaKind::Any(any) = &schema.schema_kind else { return Some(schema.clone()) };
    let mut value = serde_json::to_value(schema).ok()?;
    let obj = value.as_object_mut()?;
    if any.typ.is_none() {
        let inferred = if !any.properties.is_empty() || any.additional_properties.is_some() {
            "object"
        } else if any.items.is_some() {
            "array"
        } else if any.enumeration.iter().all(|v| v.is_string() || v.is_null()) && !any.enumeration.is_empty() {
            "string"
        } else {
            return None;
        };
        obj.insert("type".into(), inferred.into());
    }
    let fixed: Schema = serde_json::from_value(value).ok()?;
    (!matches!(fixed.schema_kind, SchemaKind::Any(_))).then_some(fixed)
}

fn base_path(api: &openapiv3::OpenAPI) -> String {
    let Some(server) = api.servers.first() else { return String::new() };
    let mut url = server.url.clone();
    if let Some(vars) = &server.variables {
        for (k, v) in vars {
            url = url.replace(&format!("{{{k}}}"), &v.default);
        }
    }
    let path = match url.split_once("://") {
        Some((_, rest)) => rest.find('/').map(|i| rest[i..].to_owned()).unwrap_or_default(),
        None => url,
    };
    path.trim_end_matches('/').to_owned()
}

/// Marks struct fields and union variants that must be boxed: those whose type contains,
/// by value (not through a list or map), the type that holds them.
fn box_recursive_uses(types: &mut [TypeDef]) {
    let index: HashMap<String, usize> = types.iter().enumerate().map(|(i, t)| (t.name.clone(), i)).collect();
    let edges: Vec<Vec<usize>> = types
        .iter()
        .map(|t| by_value_targets(t).iter().filter_map(|n| index.get(*n).copied()).collect())
        .collect();
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
        let targets: Vec<Option<&str>> = match &t.kind {
            TypeKind::Struct(s) => s.fields.iter().map(|f| by_value_named(&f.ty)).collect(),
            TypeKind::Union(u) => u.variants.iter().map(|v| by_value_named(&v.ty)).collect(),
            _ => continue,
        };
        for (slot, target) in targets.iter().enumerate() {
            if let Some(j) = target.and_then(|n| index.get(n)) {
                if reaches(*j, i) {
                    to_box.push((i, slot));
                }
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

fn by_value_named(expr: &TypeExpr) -> Option<&str> {
    match &expr.kind {
        ExprKind::Named(n) => Some(n),
        _ => None,
    }
}

fn by_value_targets(t: &TypeDef) -> Vec<&str> {
    match &t.kind {
        TypeKind::Struct(s) => s.fields.iter().filter_map(|f| by_value_named(&f.ty)).collect(),
        TypeKind::Union(u) => u.variants.iter().filter_map(|v| by_value_named(&v.ty)).collect(),
        TypeKind::Alias(e) => by_value_named(e).into_iter().collect(),
        TypeKind::Enum(_) => Vec::new(),
    }
}
