//! Validators: `Validate` for every named type, checking the constraints the IR kept.
//!
//! The checks themselves live in the generated crate's `validation` module (a template);
//! this emitter decides which to call where. Types with no constraint anywhere inside get
//! the trait's empty default, so no code runs for them.

use super::{Gating, Need, cfg, ident, type_with_models_at};
use crate::ir::{Api, Constraints, ExprKind, Field, Primitive, StructDef, TypeDef, TypeExpr, TypeKind, UnionDef};
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// The `validate` module: one `impl Validate` per named type, and one lazily compiled
/// `Pattern` per distinct pattern, each under the features of the types that use it.
pub fn validate(api: &Api, gating: Gating) -> TokenStream {
    let params = &api.params;
    let plan = Plan::new(api.types.iter().chain(params));
    let models = quote!(models);
    let impls: Vec<TokenStream> = api.types.iter().map(|t| plan.impl_for(t, &models, gating)).collect();
    let params_module = quote!(params);
    let params_impls: Vec<TokenStream> = params.iter().map(|t| plan.impl_for(t, &params_module, gating)).collect();
    let patterns = plan.patterns.iter().map(|(source, (name, users, non_unicode))| {
        let uses = users.len();
        let doc = format!(" `{source}`, used by {uses} propert{}.", if uses == 1 { "y" } else { "ies" });
        let mut need = Need::default();
        users.iter().for_each(|tags| need.add(tags));
        let cfg = need.cfg(gating);
        let constructor =
            if *non_unicode { quote!(Pattern::non_unicode(#source)) } else { quote!(Pattern::new(#source)) };
        quote! {
            #[doc = #doc]
            #cfg
            static #name: Pattern = #constructor;
        }
    });
    // Aliases get no impl (see `impl_for`); only types that can fail walk a `Validator`.
    let has_impl = |t: &&TypeDef| !matches!(t.kind, TypeKind::Alias(_));
    let (mut model_impls, mut params_impls_need, mut validator, mut pattern) =
        (Need::default(), Need::default(), Need::default(), Need::default());
    for t in api.types.iter().filter(has_impl) {
        model_impls.add(&t.tags);
    }
    for t in params.iter().filter(has_impl) {
        params_impls_need.add(&t.tags);
    }
    for t in api.types.iter().chain(params).filter(has_impl) {
        if plan.can_fail.contains(t.name.as_str()) {
            validator.add(&t.tags);
        }
    }
    for users in plan.patterns.values().flat_map(|(_, users, _)| users) {
        pattern.add(users);
    }
    let mut validate_trait = model_impls.clone();
    validate_trait.merge(&params_impls_need);
    let imports = [
        model_impls.import(gating, quote!(super::models)),
        params_impls_need.import(gating, quote!(super::params)),
        pattern.import(gating, quote!(super::validation::Pattern)),
        validate_trait.import(gating, quote!(super::validation::Validate)),
        validator.import(gating, quote!(super::validation::Validator)),
    ];
    quote! {
        //! `Validate` for every model: the constraints the spec states, as code.

        #(#imports)*

        #(#patterns)*
        #(#impls)*
        #(#params_impls)*
    }
}

/// What the emitter knows before writing: which types can fail and the pattern statics.
struct Plan<'a> {
    types: HashMap<&'a str, &'a TypeDef>,
    can_fail: HashSet<&'a str>,
    /// Pattern source → (static name, the tags of each use).
    /// By source: the static's name, the tags of the types that use it, and whether it
    /// runs in ECMA-262's non-unicode mode.
    patterns: BTreeMap<&'a str, (proc_macro2::Ident, Vec<&'a BTreeSet<String>>, bool)>,
}

/// How a checked value is reached: a field of `self`, or a `value` binding (a reference).
#[derive(Clone)]
enum Place {
    Field(proc_macro2::Ident),
    Binding(proc_macro2::Ident),
}

impl Place {
    /// A reference to the value.
    fn borrow(&self) -> TokenStream {
        match self {
            Place::Field(f) => quote!(&self.#f),
            Place::Binding(b) => quote!(#b),
        }
    }

    /// The value itself, for `Copy` numbers.
    fn read(&self) -> TokenStream {
        match self {
            Place::Field(f) => quote!(self.#f),
            Place::Binding(b) => quote!(*#b),
        }
    }

    /// A method call on the value.
    fn call(&self, method: TokenStream) -> TokenStream {
        match self {
            Place::Field(f) => quote!(self.#f.#method),
            Place::Binding(b) => quote!(#b.#method),
        }
    }
}

/// Whether the Rust type of `e` implements the runtime's `Validate`, so that the client can
/// check a request body of it: not a type the config names in place of a generated one
/// (akgen has no checks for it), nor a list, map or alias of one; nor a tuple or the `time`
/// date-time newtype, which the runtime has no impl for.
pub(super) fn implements_validate(api: &Api, e: &TypeExpr) -> bool {
    match &e.kind {
        ExprKind::External(_) | ExprKind::Tuple(_) | ExprKind::Primitive(Primitive::TimeDateTime) => false,
        ExprKind::Named(name) => match api.type_named(name).map(|t| &t.kind) {
            Some(TypeKind::Alias(inner)) => implements_validate(api, inner),
            _ => true,
        },
        ExprKind::List(inner) | ExprKind::Map(inner) => implements_validate(api, inner),
        ExprKind::Primitive(_) | ExprKind::Any => true,
    }
}

fn value_binding() -> Place {
    Place::Binding(format_ident!("value"))
}

impl<'a> Plan<'a> {
    /// Plans for the models and the parameter structs (which only the params module holds,
    /// so their names may repeat a model's: they are looked up after the models).
    fn new(all: impl Iterator<Item = &'a TypeDef>) -> Self {
        let all: Vec<&'a TypeDef> = all.collect();
        let mut types: HashMap<&str, &TypeDef> = HashMap::new();
        for t in &all {
            types.entry(t.name.as_str()).or_insert(t);
        }
        let mut plan = Plan { types, can_fail: HashSet::new(), patterns: BTreeMap::new() };
        // Least fixed point: a type can fail if something inside it can.
        loop {
            let before = plan.can_fail.len();
            for t in &all {
                if !plan.can_fail.contains(t.name.as_str()) && plan.type_can_fail(t) {
                    plan.can_fail.insert(&t.name);
                }
            }
            if plan.can_fail.len() == before {
                break;
            }
        }
        let mut users: BTreeMap<&str, (Vec<&BTreeSet<String>>, bool)> = BTreeMap::new();
        for t in &all {
            for_each_expr(t, &mut |e| {
                for (p, non_unicode) in e.constraints.patterns() {
                    let entry = users.entry(p).or_default();
                    entry.0.push(&t.tags);
                    // The mode follows from the source: the same text always compiles alike.
                    entry.1 = non_unicode;
                }
            });
        }
        // Patterns sorted by source text, so names do not depend on type order.
        for (i, (source, (users, non_unicode))) in users.into_iter().enumerate() {
            plan.patterns.insert(source, (format_ident!("PATTERN_{}", i + 1), users, non_unicode));
        }
        plan
    }

    fn type_can_fail(&self, t: &TypeDef) -> bool {
        match &t.kind {
            TypeKind::Struct(s) => {
                s.fields.iter().any(|f| self.expr_can_fail(&f.ty))
                    || s.additional.as_ref().is_some_and(|a| self.expr_can_fail(a))
                    || !s.dependent_required.is_empty()
            }
            // The catch-all variant holds values the spec does not list: a violation of `enum`.
            TypeKind::Enum(_) => true,
            // So does a discriminated union's: a variant the spec does not list.
            TypeKind::Union(u) => u.other.is_some() || u.variants.iter().any(|v| self.expr_can_fail(&v.ty)),
            TypeKind::Alias(e) => self.expr_can_fail(e),
        }
    }

    fn expr_can_fail(&self, e: &TypeExpr) -> bool {
        has_own_checks(e)
            || match &e.kind {
                ExprKind::Named(n) => self.can_fail.contains(n.as_str()),
                ExprKind::List(inner) | ExprKind::Map(inner) => self.expr_can_fail(inner),
                ExprKind::Tuple(items) => items.iter().any(|i| self.expr_can_fail(i)),
                // A replacement type is the config's own: akgen has no checks for it.
                ExprKind::Primitive(_) | ExprKind::Any | ExprKind::External(_) => false,
            }
    }

    fn impl_for(&self, t: &TypeDef, module: &TokenStream, gating: Gating) -> TokenStream {
        let name = ident(&t.name);
        let cfg = cfg(&t.tags, gating);
        if matches!(t.kind, TypeKind::Alias(_)) {
            // An alias names a list, map or primitive, which have their own impls; its
            // constraints are checked where it is used (see `checks`).
            return TokenStream::new();
        }
        if !self.can_fail.contains(t.name.as_str()) {
            let allow = t.deprecated.then(|| quote!(#[allow(deprecated)]));
            return quote!(#cfg #allow impl Validate for #module::#name {});
        }
        let body = match &t.kind {
            TypeKind::Struct(s) => self.struct_body(s),
            TypeKind::Enum(e) => {
                let other = ident(&e.other);
                if e.variants.iter().all(|v| v.value.is_string()) {
                    let allowed = e.variants.iter().filter_map(|v| v.value.as_str());
                    quote! {
                        if let Self::#other(value) = self {
                            v.unknown_value(value, &[#(#allowed),*]);
                        }
                    }
                } else {
                    let allowed = e.variants.iter().map(|v| v.value.to_string());
                    quote! {
                        if let Self::#other(value) = self {
                            v.unknown_value(value, &[#(#allowed),*]);
                        }
                    }
                }
            }
            TypeKind::Union(u) => self.union_body(u),
            TypeKind::Alias(_) => unreachable!("handled above"),
        };
        // Checking a deprecated type, or a deprecated field that has checks, is the
        // crate's own business; its users still see the deprecation.
        let reads_deprecated = t.deprecated
            || matches!(&t.kind, TypeKind::Struct(s) if s.fields.iter().any(|f| f.deprecated && self.expr_can_fail(&f.ty)));
        let allow = reads_deprecated.then(|| quote!(#[allow(deprecated)]));
        quote! {
            #cfg
            #allow
            impl Validate for #module::#name {
                fn validate_into(&self, v: &mut Validator) {
                    #body
                }
            }
        }
    }

    fn struct_body(&self, s: &StructDef) -> TokenStream {
        let fields = s.fields.iter().filter(|f| self.expr_can_fail(&f.ty)).map(|f| self.field_checks(f));
        let additional = s.additional.as_ref().filter(|a| self.expr_can_fail(a)).map(|a| {
            let inner = scoped(quote!(field(key)), self.nullable_checks(a, &value_binding()));
            quote! {
                for (key, value) in &self.additional_properties {
                    #inner
                }
            }
        });
        let dependencies = s.dependent_required.iter().flat_map(|(key, required)| {
            required.iter().filter_map(move |other| {
                let (present, _) = struct_presence(s, key)?;
                let (_, absent) = struct_presence(s, other)?;
                let condition = match (present.to_string().as_str(), absent.to_string().as_str()) {
                    (_, "false") => return None,
                    ("true", _) => absent,
                    _ => quote!(#present && #absent),
                };
                Some(quote!(if #condition { v.dependent_required(#key, #other); }))
            })
        });
        quote!(#(#fields)* #additional #(#dependencies)*)
    }

    fn field_checks(&self, f: &Field) -> TokenStream {
        let wire = &f.wire_name;
        let field = ident(&f.name);
        let step = quote!(field(#wire));
        // A property of the schema `false` must be absent: `null` is a value too.
        if f.ty.constraints.never {
            let check = quote!(v.#step.never(&self.#field););
            return if f.is_tristate() { quote!(if !self.#field.is_absent() { #check }) } else { check };
        }
        // Absent and null values have nothing to check.
        match (f.required, f.ty.nullable) {
            (true, false) => block(scoped(step, self.checks(&f.ty, &Place::Field(field)))),
            (true, true) | (false, false) => {
                let checks = scoped(step, self.checks(&f.ty, &value_binding()));
                quote!(if let Some(value) = &self.#field { #checks })
            }
            (false, true) => {
                let checks = scoped(step, self.checks(&f.ty, &value_binding()));
                quote!(if let Some(value) = self.#field.as_ref() { #checks })
            }
        }
    }

    fn union_body(&self, u: &UnionDef) -> TokenStream {
        // (pattern, body) for each variant that can fail; a body is one call or statements.
        let mut arms: Vec<(TokenStream, ArmBody)> = u
            .variants
            .iter()
            .filter(|var| self.expr_can_fail(&var.ty))
            .map(|var| {
                let name = ident(&var.name);
                let checks = self.nullable_checks(&var.ty, &value_binding());
                let body = match checks.as_slice() {
                    [Check::Call(call)] => ArmBody::Call(quote!(v.#call)),
                    _ => {
                        let stmts = checks.iter().map(Check::statement);
                        ArmBody::Block(quote!(#(#stmts)*))
                    }
                };
                (quote!(Self::#name(value)), body)
            })
            .collect();
        // The catch-all holds a discriminator value the spec does not list: `enum` fails on
        // the discriminator, as it does for a string enum's unknown value.
        if let (Some(other), Some(property)) = (u.other.as_deref(), u.discriminator.as_deref()) {
            let other = ident(other);
            let allowed = u.variants.iter().flat_map(|var| &var.tags);
            let body = quote! {
                let tag = object.get(#property).and_then(|t| t.as_str()).unwrap_or_default();
                v.field(#property).unknown_value(tag, &[#(#allowed),*]);
            };
            arms.push((quote!(Self::#other(object)), ArmBody::Block(body)));
        }
        let exhaustive = u.variants.iter().all(|var| self.expr_can_fail(&var.ty));
        match arms.as_slice() {
            // One arm and a rest that does nothing: `if let`, as clippy's `single_match` asks.
            [(pattern, body)] if !exhaustive => {
                let body = match body {
                    ArmBody::Call(call) => quote!(#call;),
                    ArmBody::Block(stmts) => stmts.clone(),
                };
                quote!(if let #pattern = self { #body })
            }
            _ => {
                let arms = arms.iter().map(|(pattern, body)| match body {
                    ArmBody::Call(call) => quote!(#pattern => #call,),
                    ArmBody::Block(stmts) => quote!(#pattern => { #stmts }),
                });
                let rest = (!exhaustive).then(|| quote!(_ => {}));
                quote! {
                    match self {
                        #(#arms)*
                        #rest
                    }
                }
            }
        }
    }

    /// Checks for a value that is `Option<T>` when the expression is nullable.
    fn nullable_checks(&self, e: &TypeExpr, place: &Place) -> Vec<Check> {
        if !e.nullable {
            return self.checks(e, place);
        }
        let checks = self.checks(e, &value_binding());
        if checks.is_empty() {
            return checks;
        }
        let borrow = place.borrow();
        let stmts = checks.iter().map(Check::statement);
        vec![Check::Stmt(quote!(if let Some(value) = #borrow { #(#stmts)* }))]
    }

    /// Every check of one (non-null) value of type `e`; empty when nothing can fail.
    fn checks(&self, e: &TypeExpr, place: &Place) -> Vec<Check> {
        let c = &e.constraints;
        let mut out = Vec::new();
        if c.never {
            let s = place.borrow();
            out.push(Check::Call(quote!(never(#s))));
        }
        match &e.kind {
            ExprKind::Primitive(Primitive::String) => {
                let s = place.borrow();
                if let Some(min) = c.min_length {
                    let min = Literal::u64_unsuffixed(min);
                    out.push(Check::Call(quote!(min_length(#s, #min))));
                }
                if let Some(max) = c.max_length {
                    let max = Literal::u64_unsuffixed(max);
                    out.push(Check::Call(quote!(max_length(#s, #max))));
                }
                if let Some(p) = &c.pattern {
                    let (name, ..) = &self.patterns[p.as_str()];
                    out.push(Check::Call(quote!(pattern(#s, &#name))));
                }
                match c.format.as_deref() {
                    Some("email") => out.push(Check::Call(quote!(email(#s)))),
                    Some("uri") => out.push(Check::Call(quote!(uri(#s)))),
                    // The config's `[formats]` made these a `String`; they are still checked.
                    Some("date-time") => out.push(Check::Call(quote!(date_time(#s)))),
                    Some("date") => out.push(Check::Call(quote!(date(#s)))),
                    Some("uuid") => out.push(Check::Call(quote!(uuid(#s)))),
                    _ => {}
                }
            }
            ExprKind::Primitive(p @ (Primitive::Int32 | Primitive::Int64 | Primitive::Uint64 | Primitive::Float64)) => {
                let read = place.read();
                let number = match p {
                    Primitive::Int32 => quote!(f64::from(#read)),
                    Primitive::Int64 | Primitive::Uint64 => quote!(#read as f64),
                    _ => read,
                };
                if let Some(b) = c.minimum {
                    let (limit, exclusive) = (Literal::f64_unsuffixed(b.value), b.exclusive);
                    out.push(Check::Call(quote!(minimum(#number, #limit, #exclusive))));
                }
                if let Some(b) = c.maximum {
                    let (limit, exclusive) = (Literal::f64_unsuffixed(b.value), b.exclusive);
                    out.push(Check::Call(quote!(maximum(#number, #limit, #exclusive))));
                }
                if let Some(m) = c.multiple_of {
                    let m = Literal::f64_unsuffixed(m);
                    out.push(Check::Call(quote!(multiple_of(#number, #m))));
                }
            }
            ExprKind::Primitive(_) | ExprKind::Any | ExprKind::External(_) => {}
            ExprKind::Tuple(items) => {
                for (i, item) in items.iter().enumerate() {
                    let checks = self.nullable_checks(item, &value_binding());
                    if checks.is_empty() {
                        continue;
                    }
                    let position = Literal::usize_unsuffixed(i);
                    let element = place.call(quote!(#position));
                    let body = scoped(quote!(index(#position)), checks);
                    out.push(Check::Stmt(quote!({
                        let value = &#element;
                        #body
                    })));
                }
            }
            ExprKind::List(item) => {
                let len = place.call(quote!(len()));
                if let Some(min) = c.min_items {
                    let min = Literal::u64_unsuffixed(min);
                    out.push(Check::Call(quote!(min_items(#len, #min))));
                }
                if let Some(max) = c.max_items {
                    let max = Literal::u64_unsuffixed(max);
                    out.push(Check::Call(quote!(max_items(#len, #max))));
                }
                if c.unique_items {
                    let s = place.borrow();
                    out.push(Check::Call(quote!(unique_items(#s))));
                }
                out.extend(self.array_checks(c, place));
                let inner = self.nullable_checks(item, &value_binding());
                if is_just_nested(&inner) {
                    let s = place.borrow();
                    out.push(Check::Call(quote!(items(#s))));
                } else if !inner.is_empty() {
                    let iter = place.call(quote!(iter()));
                    let body = scoped(quote!(index(i)), inner);
                    out.push(Check::Stmt(quote! {
                        for (i, value) in #iter.enumerate() {
                            #body
                        }
                    }));
                }
            }
            ExprKind::Map(value) => {
                out.extend(self.map_checks(c, value, place));
                let inner = self.nullable_checks(value, &value_binding());
                let map = place.borrow();
                if is_just_nested(&inner) {
                    out.push(Check::Call(quote!(values(#map))));
                } else if !inner.is_empty() {
                    let body = scoped(quote!(field(key)), inner);
                    out.push(Check::Stmt(quote! {
                        for (key, value) in #map {
                            #body
                        }
                    }));
                }
            }
            ExprKind::Named(n) => match self.types.get(n.as_str()).map(|t| &t.kind) {
                // An alias has no impl of its own: check what it stands for, here.
                Some(TypeKind::Alias(target)) => out.extend(self.nullable_checks(target, place)),
                _ if self.can_fail.contains(n.as_str()) => {
                    let s = place.borrow();
                    out.push(Check::Call(quote!(nested(#s))));
                }
                _ => {}
            },
        }
        out
    }
}

impl Plan<'_> {
    /// The checks of an array's `prefixItems` (beyond a tuple), `items` after them and
    /// `contains`: each item converted to the type the constraint names, then checked.
    fn array_checks(&self, c: &Constraints, place: &Place) -> Vec<Check> {
        let mut out = Vec::new();
        let iter = place.call(quote!(iter()));
        for (i, position) in c.prefix_items.iter().enumerate() {
            let get = if i == 0 { place.call(quote!(first())) } else { place.call(quote!(get(#i))) };
            let i = Literal::usize_unsuffixed(i);
            let body = self.conform(position, "prefixItems");
            out.push(Check::Stmt(quote! {
                if let Some(item) = #get {
                    let mut v = v.index(#i);
                    #body
                }
            }));
        }
        if let Some(rest) = &c.rest_items {
            let skip = Literal::usize_unsuffixed(c.prefix_items.len());
            let body = self.conform(rest, "items");
            out.push(Check::Stmt(quote! {
                for (i, item) in #iter.enumerate().skip(#skip) {
                    let mut v = v.index(i);
                    #body
                }
            }));
        }
        if let Some(contains) = &c.contains {
            let ty = type_with_models_at(contains, &quote!(models));
            let checks = self.nullable_checks(contains, &value_binding());
            let stmts = checks.iter().map(Check::statement);
            let min = Literal::u64_unsuffixed(c.min_contains.unwrap_or(1));
            let max = match c.max_contains {
                Some(max) => {
                    let max = Literal::u64_unsuffixed(max);
                    quote!(Some(#max))
                }
                None => quote!(None),
            };
            out.push(Check::Stmt(quote! {
                let matched = #iter.filter(|item| Validator::holds::<#ty>(item, |value, v| { #(#stmts)* })).count();
                v.contains(matched, #min, #max);
            }));
        }
        out
    }

    /// The checks of a map's keys: `propertyNames`, `patternProperties` (the values of the
    /// keys that match, when their type is not the map's own), keys no pattern allows
    /// (`additionalProperties: false`) and `dependentRequired`.
    fn map_checks(&self, c: &Constraints, value_type: &TypeExpr, place: &Place) -> Vec<Check> {
        let mut out = Vec::new();
        let map = place.borrow();
        let keys = place.call(quote!(keys()));
        if let Some(names) = &c.property_names {
            let body = self.conform(names, "propertyNames");
            out.push(Check::Stmt(quote! {
                for item in #keys {
                    let mut v = v.field(item);
                    #body
                }
            }));
        }
        let matchers: Vec<(TokenStream, &TypeExpr)> = c
            .pattern_properties
            .iter()
            .map(|p| {
                let (name, ..) = &self.patterns[p.pattern.as_str()];
                (quote!(#name.is_match(key)), &p.ty)
            })
            .collect();
        for (matches, ty) in matchers.iter().filter(|(_, ty)| *ty != value_type) {
            let body = self.conform(ty, "patternProperties");
            out.push(Check::Stmt(quote! {
                for (key, item) in #map {
                    if #matches {
                        let mut v = v.field(key);
                        #body
                    }
                }
            }));
        }
        if c.keys_match_patterns {
            let any = matchers.iter().map(|(m, _)| m);
            out.push(Check::Stmt(quote! {
                for key in #keys {
                    if !(#(#any)||*) {
                        v.field(key).additional_property();
                    }
                }
            }));
        }
        for (key, required) in &c.dependent_required {
            let has = place.call(quote!(contains_key(#key)));
            let has_missing = place.call(quote!(contains_key(missing)));
            out.push(Check::Stmt(quote! {
                if #has {
                    for missing in [#(#required),*] {
                        if !#has_missing {
                            v.dependent_required(#key, missing);
                        }
                    }
                }
            }));
        }
        out
    }

    /// `item` (a reference to any serializable value) converted to the type of `e` and
    /// checked; a value that is not one is a violation of `keyword`.
    fn conform(&self, e: &TypeExpr, keyword: &str) -> TokenStream {
        let ty = type_with_models_at(e, &quote!(models));
        let checks = self.nullable_checks(e, &value_binding());
        if checks.is_empty() {
            return quote!(v.conform::<#ty>(item, #keyword););
        }
        let stmts = checks.iter().map(Check::statement);
        quote! {
            if let Some(value) = v.conform::<#ty>(item, #keyword) {
                let value = &value;
                #(#stmts)*
            }
        }
    }
}

/// Whether the struct's property `wire` is present, and whether it is absent, as
/// expressions (`true` and `false` for a required one); `None` for a name that no field
/// nor extra property can hold.
fn struct_presence(s: &StructDef, wire: &str) -> Option<(TokenStream, TokenStream)> {
    match s.fields.iter().find(|f| f.wire_name == wire) {
        Some(f) if f.required => Some((quote!(true), quote!(false))),
        Some(f) => {
            let field = ident(&f.name);
            Some(if f.is_tristate() {
                (quote!(!self.#field.is_absent()), quote!(self.#field.is_absent()))
            } else {
                (quote!(self.#field.is_some()), quote!(self.#field.is_none()))
            })
        }
        None if s.additional.is_some() => Some((
            quote!(self.additional_properties.contains_key(#wire)),
            quote!(!self.additional_properties.contains_key(#wire)),
        )),
        None => None,
    }
}

/// One emitted check: a call on the validator (`min_length(value, 1)`, written `v.…`)
/// or a whole statement (a loop, an `if let`).
enum Check {
    Call(TokenStream),
    Stmt(TokenStream),
}

impl Check {
    fn statement(&self) -> TokenStream {
        match self {
            Check::Call(call) => quote!(v.#call;),
            Check::Stmt(stmt) => stmt.clone(),
        }
    }
}

/// Whether the checks only descend into one nested value (`nested(value)`), so a list or
/// map of it can use `items`/`values`.
fn is_just_nested(checks: &[Check]) -> bool {
    matches!(checks, [Check::Call(call)] if call.to_string().starts_with("nested (value)"))
}

/// Runs `checks` one step down (`field("name")`, `index(i)`): a single check chains on
/// the step (`v.field("name").max_length(value, 64);`), several share a shadowing `v`.
fn scoped(step: TokenStream, checks: Vec<Check>) -> TokenStream {
    match checks.as_slice() {
        [Check::Call(call)] => quote!(v.#step.#call;),
        _ => {
            let stmts = checks.iter().map(Check::statement);
            quote! {
                let mut v = v.#step;
                #(#stmts)*
            }
        }
    }
}

/// Braces around statements that introduce a binding, so it ends with them.
fn block(stmts: TokenStream) -> TokenStream {
    if stmts.to_string().starts_with("let ") { quote!({ #stmts }) } else { stmts }
}

/// Whether the expression states a check of its own (not counting what it contains).
fn has_own_checks(e: &TypeExpr) -> bool {
    let c = &e.constraints;
    c.pattern.is_some()
        || c.min_length.is_some()
        || c.max_length.is_some()
        || c.minimum.is_some()
        || c.maximum.is_some()
        || c.multiple_of.is_some()
        || c.min_items.is_some()
        || c.max_items.is_some()
        || c.unique_items
        || matches!(c.format.as_deref(), Some("email" | "uri" | "date-time" | "date" | "uuid"))
        || !c.prefix_items.is_empty()
        || c.rest_items.is_some()
        || c.contains.is_some()
        || c.property_names.is_some()
        || !c.pattern_properties.is_empty()
        || !c.dependent_required.is_empty()
        || c.never
}

/// Calls `f` on every type expression of a type, nested ones included.
fn for_each_expr<'a>(t: &'a TypeDef, f: &mut impl FnMut(&'a TypeExpr)) {
    t.exprs().into_iter().for_each(|e| e.walk(f));
}

/// What a union validator's match arm does: one call (an expression arm) or statements.
enum ArmBody {
    Call(TokenStream),
    Block(TokenStream),
}
