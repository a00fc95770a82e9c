//! Models: one serde type for every named type in the IR.

use super::{Gating, Need, Part, cfg, constraint_summary, doc_attrs, ident, rust_type};
use crate::ir::{Api, EnumDef, ExprKind, Field, Primitive, StructDef, TypeDef, TypeExpr, TypeKind, UnionDef};
use proc_macro2::{Literal, TokenStream};
use quote::{ToTokens as _, quote};
use std::collections::BTreeSet;

/// How many types one part of the `models` module holds: enough that a part is worth a
/// thread's turn, few enough that the parts spread evenly.
const TYPES_PER_PART: usize = 64;

/// The `models` module: every type, in name order, plus a name → type dispatcher.
pub fn models(api: &Api, gating: Gating) -> TokenStream {
    super::join(model_parts(api, gating))
}

/// [`models`] in parts: the imports, the types in runs of [`TYPES_PER_PART`], the dispatcher.
pub fn model_parts(api: &Api, gating: Gating) -> Vec<Part<'_>> {
    // Shared by the parts, which are emitted on several threads.
    let writing = std::sync::Arc::new(Writing::of(api));
    let head = Part::new(1, move || {
        let imports = Uses::scan(&api.types).imports(gating);
        let rfc3339 = api.uses_primitive(Primitive::TimeDateTime).then(rfc3339_module);
        quote! {
            //! Request and response types for every schema of the API.
            #![allow(deprecated, reason = "deprecation warns callers of the API; the models themselves must still use deprecated types and fields")]

            #imports
            #rfc3339
        }
    });
    let types = api.types.chunks(TYPES_PER_PART).map(|types| {
        let writing = writing.clone();
        Part::new(types.len(), move || {
            let items = types.iter().map(|t| type_def(t, Family::Model, gating, &writing));
            quote!(#(#items)*)
        })
    });
    let dispatch = Part::new(api.types.len() / 16, move || schema_dispatch(api, gating));
    std::iter::once(head).chain(types).chain([dispatch]).collect()
}

/// `models::rfc3339`: the runtime's RFC 3339 newtype over `time::OffsetDateTime`, for a
/// crate whose config says `date-time = "time"`. Not gated by feature: every side and tag
/// may name it, and an unused public item warns of nothing. The runtime's tests stay out.
fn rfc3339_module() -> TokenStream {
    let file: syn::File =
        syn::parse_str(super::plan::RFC3339_TEMPLATE).expect("the runtime's rfc3339.rs is valid Rust");
    let is_test = |attrs: &[syn::Attribute]| {
        attrs.iter().any(|a| a.path().is_ident("cfg") && a.meta.to_token_stream().to_string().contains("test"))
    };
    let items = file.items.iter().filter(|item| !matches!(item, syn::Item::Mod(m) if is_test(&m.attrs)));
    let attrs = &file.attrs;
    quote! {
        pub mod rfc3339 {
            #(#attrs)*
            #(#items)*
        }
    }
}

/// The `params` module: one struct per operation with parameters (path, query, header),
/// shared by the client and the server, validated like the models. `server`: whether the
/// crate has the server, the only side that deserializes them.
pub fn params(api: &Api, gating: Gating, server: bool) -> TokenStream {
    let types = &api.params;
    let mut uses = Uses::scan(types);
    // Parameter structs name `serde::Deserialize` by path: only the server derives it.
    uses.derives = Need::default();
    uses.objects = Need::default();
    let imports = uses.imports(gating);
    let derive = match (gating, server) {
        (Gating::Off, _) => ParamsDerive::Always,
        (Gating::PerTag, true) => ParamsDerive::WithServer,
        (Gating::PerTag, false) => ParamsDerive::Never,
    };
    // Parameter structs are not serialized as objects: nothing to look up.
    let writing = Writing::default();
    let items = types.iter().map(|t| type_def(t, Family::Params(derive), gating, &writing));
    fn names_a_model(e: &TypeExpr) -> bool {
        match &e.kind {
            ExprKind::Named(_) => true,
            ExprKind::List(inner) | ExprKind::Map(inner) => names_a_model(inner),
            _ => false,
        }
    }
    let mut models = Need::default();
    for t in types {
        if let TypeKind::Struct(s) = &t.kind
            && s.fields.iter().any(|f| names_a_model(&f.ty))
        {
            models.add(&t.tags);
        }
    }
    let models = models.import(gating, quote!(super::models::*));
    quote! {
        //! The parameters of each operation that has any, as one struct per operation.

        #imports
        #models
        #(#items)*
    }
}

/// Which imports the module needs, and for which features, so none is unused.
#[derive(Default)]
struct Uses {
    derives: Need,
    /// Structs, enums and unions, which read or write through `runtime::object`.
    objects: Need,
    map: Need,
    nullable: Need,
    uuid: Need,
    date_time: Need,
    date: Need,
    union_runtime: Need,
}

impl Uses {
    fn scan(types: &[TypeDef]) -> Self {
        let mut u = Uses::default();
        // What spelling the type names: the expression and its parts (a list's item, a
        // map's value, a tuple's positions), not what its constraints check against.
        fn walk(u: &mut Uses, e: &TypeExpr, tags: &BTreeSet<String>) {
            match &e.kind {
                ExprKind::Map(_) => u.map.add(tags),
                ExprKind::Primitive(Primitive::Uuid) => u.uuid.add(tags),
                ExprKind::Primitive(Primitive::DateTime) => u.date_time.add(tags),
                ExprKind::Primitive(Primitive::Date) => u.date.add(tags),
                _ => {}
            }
            e.parts().for_each(|part| walk(u, part, tags));
        }
        for t in types {
            let tags = &t.tags;
            if !matches!(t.kind, TypeKind::Alias(_)) {
                u.derives.add(tags);
                // Every struct, enum and union is an `object::Prop`.
                u.objects.add(tags);
            }
            t.exprs().into_iter().for_each(|e| walk(&mut u, e, tags));
            match &t.kind {
                TypeKind::Struct(s) => {
                    if s.fields.iter().any(|f| f.is_tristate()) {
                        u.nullable.add(tags);
                    }
                    // The extra properties are a `BTreeMap` field.
                    if s.additional.is_some() {
                        u.map.add(tags);
                    }
                }
                TypeKind::Union(un) if un.discriminator.is_some() => u.union_runtime.add(tags),
                TypeKind::Union(_) | TypeKind::Alias(_) | TypeKind::Enum(_) => {}
            }
        }
        u
    }

    /// The `use` lines, each under the features of the types that need it.
    fn imports(&self, gating: Gating) -> TokenStream {
        let chrono_import = if self.date_time == self.date {
            self.date.import(gating, quote!(chrono::{DateTime, NaiveDate, Utc}))
        } else {
            let date_time = self.date_time.import(gating, quote!(chrono::{DateTime, Utc}));
            let date = self.date.import(gating, quote!(chrono::NaiveDate));
            Some(quote!(#date_time #date))
        };
        [
            self.derives.import(gating, quote!(serde::{Deserialize, Serialize})),
            self.map.import(gating, quote!(std::collections::BTreeMap)),
            self.nullable.import(gating, quote!(super::runtime::Nullable)),
            self.objects.import(gating, quote!(super::runtime::object)),
            self.union_runtime.import(gating, quote!(super::runtime::tagged)),
            self.uuid.import(gating, quote!(uuid::Uuid)),
            chrono_import,
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

/// Which module a type is emitted into, which decides its serde derives.
#[derive(Clone, Copy, PartialEq)]
enum Family {
    /// A model: serialized by the client, deserialized by both sides.
    Model,
    /// An operation's parameter set: the client sends each parameter on its own, so only
    /// the server (which reads them all at once) derives `Deserialize`.
    Params(ParamsDerive),
}

/// When a parameter struct derives `Deserialize`.
#[derive(Clone, Copy, PartialEq)]
enum ParamsDerive {
    /// A build script's module: whoever includes it may serve it.
    Always,
    /// With the crate's `server` feature.
    WithServer,
    /// A crate without a server.
    Never,
}

/// The named types that do not implement the runtime's `object::Prop`, so that a property
/// holding one is written through its own `Serialize` (`object::opaque`): aliases of a type
/// the config names in place of a generated one, of a tuple or of the `time` date-time
/// newtype, and aliases of those. Every other model, and every type a property holds
/// otherwise, is written through `object::Value` without type erasure. The client asks
/// too, of each request body's type.
#[derive(Default)]
pub(super) struct Opaque<'a>(BTreeSet<&'a str>);

impl<'a> Opaque<'a> {
    pub(super) fn of(api: &'a Api) -> Self {
        let mut opaque = Opaque::default();
        // Aliases of aliases: until nothing changes (each round adds one or stops).
        loop {
            let found = api.types.iter().find(
                |t| matches!(&t.kind, TypeKind::Alias(e) if !opaque.0.contains(t.name.as_str()) && !opaque.is_prop(e)),
            );
            match found {
                Some(t) => opaque.0.insert(t.name.as_str()),
                None => return opaque,
            };
        }
    }

    /// Whether the Rust type of `e` implements `object::Prop`.
    pub(super) fn is_prop(&self, e: &TypeExpr) -> bool {
        match &e.kind {
            ExprKind::Named(name) => !self.0.contains(name.as_str()),
            ExprKind::Primitive(Primitive::TimeDateTime) | ExprKind::Tuple(_) | ExprKind::External(_) => false,
            ExprKind::Primitive(_) | ExprKind::Any => true,
            ExprKind::List(inner) | ExprKind::Map(inner) => self.is_prop(inner),
        }
    }
}

/// What writing a model needs to know of the other types: which are not `object::Prop`s
/// ([`Opaque`]), which the client writes as request bodies, through `object::Value`
/// ([`Writing::through_value`]), and each type by name, for a union's variants.
#[derive(Default)]
pub(super) struct Writing<'a> {
    opaque: Opaque<'a>,
    types: &'a [TypeDef],
    /// By position in `types`: whether a request body reaches the type.
    requested: Vec<bool>,
}

impl<'a> Writing<'a> {
    fn of(api: &'a Api) -> Self {
        let bodies = api.operations.iter().filter_map(|op| crate::ir::http::request_content(op)?.ty.as_ref());
        Writing { opaque: Opaque::of(api), types: &api.types, requested: crate::ir::reach(&api.types, bodies) }
    }

    /// Whether a request body reaches the type `name` (through fields, items, map values,
    /// union variants and aliases): the client writes it through `object::Value`, which
    /// needs a struct's `object::Prop::fields`. Only these structs get it (336 of
    /// authentik's 794, with those that have additional properties): every struct's public
    /// `Serialize` is its own generic code ([`to_object`]), and `fields` for all of them
    /// beside it raised the crate's build peak by 3%.
    fn through_value(&self, name: &str) -> bool {
        crate::ir::position(self.types, name).is_some_and(|i| self.requested[i])
    }

    /// Whether the variant `v` of a union tagged by `property` writes its own `property`, as
    /// an expression over the variant's value: the tag is written in its place, and the
    /// length announced must count it once (`tagged::serialize`).
    fn own_tag(&self, v: &crate::ir::UnionVariant, property: &str) -> TokenStream {
        let ExprKind::Named(name) = &v.ty.kind else { return quote!(false) };
        let field = crate::ir::position(self.types, name).and_then(|i| match &self.types[i].kind {
            TypeKind::Struct(s) => s.fields.iter().find(|f| f.wire_name == property),
            _ => None,
        });
        field.map_or(quote!(false), |f| written(f, &quote!(value)))
    }
}

/// Whether the struct `value` writes its property `f`, as an expression: always when it is
/// required, else when it holds one.
fn written(f: &Field, value: &TokenStream) -> TokenStream {
    let name = ident(&f.name);
    match (f.required, f.is_tristate()) {
        (true, _) => quote!(true),
        (false, true) => quote!(!#value.#name.is_absent()),
        (false, false) => quote!(#value.#name.is_some()),
    }
}

fn type_def(t: &TypeDef, family: Family, gating: Gating, writing: &Writing) -> TokenStream {
    let mut extra = Vec::new();
    if let Some(c) = &t.component
        && c != &t.name
    {
        extra.push(format!("Schema `{c}` in the spec."));
    }
    let docs = doc_attrs(&t.docs, &extra);
    let deprecated = t.deprecated.then(|| quote!(#[deprecated]));
    let name = ident(&t.name);
    let cfg = cfg(&t.tags, gating);
    let (item, impls) = match &t.kind {
        TypeKind::Struct(s) => {
            let impls = if family == Family::Model {
                let (write, read) = (to_object(&name, s, &cfg, writing), from_object(&name, s, &cfg));
                quote!(#write #read)
            } else {
                TokenStream::new()
            };
            (struct_def(&name, s, family), impls)
        }
        TypeKind::Enum(e) => enum_def(&name, e, &cfg),
        TypeKind::Union(u) => union_def(&name, u, &cfg, writing),
        TypeKind::Alias(e) => {
            let ty = rust_type(e);
            (quote!(pub type #name = #ty;), TokenStream::new())
        }
    };
    let (attributes, derive) = extras(t);
    quote! {
        #docs
        #attributes
        #deprecated
        #cfg
        #derive
        #item
        #impls
    }
}

/// The config's attributes and derives for a type, leaving out a derive of a trait the
/// type already has (akgen derives or implements it), which would conflict.
fn extras(t: &TypeDef) -> (TokenStream, TokenStream) {
    let has: &[&str] = match &t.kind {
        TypeKind::Struct(s) if s.fields.iter().all(|f| !f.required) => {
            &["Debug", "Clone", "PartialEq", "Serialize", "Deserialize", "Default"]
        }
        TypeKind::Struct(_) | TypeKind::Union(_) => &["Debug", "Clone", "PartialEq", "Serialize", "Deserialize"],
        TypeKind::Enum(e) if e.variants.iter().all(|v| v.value.is_string()) => {
            &["Debug", "Clone", "PartialEq", "Eq", "Hash", "Serialize", "Deserialize"]
        }
        TypeKind::Enum(_) => &["Debug", "Clone", "Copy", "PartialEq", "Eq", "Hash", "Serialize", "Deserialize"],
        TypeKind::Alias(_) => return Default::default(),
    };
    let mut seen = std::collections::HashSet::new();
    let derives: Vec<syn::Path> = t
        .extras
        .derive
        .iter()
        .filter(|d| !has.contains(&crate::ir::custom::trait_name(d)) && seen.insert(d.as_str()))
        .map(|d| syn::parse_str(d).expect("the config checked the derive paths"))
        .collect();
    let derive = (!derives.is_empty()).then(|| quote!(#[derive(#(#derives),*)]));
    let attributes = t.extras.attributes.iter().flat_map(|a| {
        syn::parse::Parser::parse_str(syn::Attribute::parse_outer, a).expect("the config checked the attributes")
    });
    (quote!(#(#attributes)*), quote!(#derive))
}

fn struct_def(name: &proc_macro2::Ident, s: &StructDef, family: Family) -> TokenStream {
    let fields = s.fields.iter().map(|f| field(f, family));
    let additional = s.additional.as_ref().map(|a| {
        let ty = super::nullable_type(a);
        // Only models have additional properties, and they do not derive serde's traits.
        quote! {
            /// Properties not listed in the schema.
            pub additional_properties: BTreeMap<String, #ty>,
        }
    });
    // All-optional structs (every `Patched*Request`) are built with `..Default::default()`.
    let default = s.fields.iter().all(|f| !f.required).then(|| quote!(Default,));
    let derives = match family {
        Family::Model | Family::Params(ParamsDerive::Never) => quote!(#[derive(Debug, Clone, PartialEq, #default)]),
        Family::Params(ParamsDerive::WithServer) => quote! {
            #[derive(Debug, Clone, PartialEq, #default)]
            #[cfg_attr(feature = "server", derive(serde::Deserialize))]
        },
        Family::Params(ParamsDerive::Always) => quote!(#[derive(Debug, Clone, PartialEq, #default serde::Deserialize)]),
    };
    quote! {
        #derives
        pub struct #name {
            #(#fields)*
            #additional
        }
    }
}

/// `Serialize` for a model struct: the struct's own generic code, one `object::Writer` call
/// per property in the order the schema lists them (see there for why not `?` after each,
/// and why not serde's derive, which cost the crate's build peak 8%).
///
/// A struct a request body reaches also lists its properties (`object::Prop::fields`) for
/// the client, which writes request bodies through the runtime's one shared writer
/// (`object::Value`) rather than compile every request body's `Serialize`; so does a struct
/// with additional properties, whose `Serialize` is that writer. Every other struct is an
/// `object::Prop` through its `Serialize` (`Value::Other`).
///
/// `fields` and `prop` (and the other types' `prop`, [`prop_impl`]) are `#[inline]`: rustc
/// then compiles them only where a crate writes the type through `Value`, rather than every
/// model's in the generated crate itself.
fn to_object(name: &proc_macro2::Ident, s: &StructDef, cfg: &TokenStream, writing: &Writing) -> TokenStream {
    let type_name = name.to_string();
    let opaque = &writing.opaque;
    let prop = if s.additional.is_some() || writing.through_value(&type_name) {
        let names = s.fields.iter().map(|f| f.wire_name.as_str());
        let values = s.fields.iter().map(|f| {
            let field = ident(&f.name);
            let write = match (f.required, f.is_tristate(), opaque.is_prop(&f.ty)) {
                (true, _, true) => quote!(object::value),
                (true, _, false) => quote!(object::opaque),
                (false, true, true) => quote!(object::nullable),
                (false, true, false) => quote!(object::nullable_opaque),
                (false, false, true) => quote!(object::optional),
                (false, false, false) => quote!(object::optional_opaque),
            };
            quote!(#write(&self.#field))
        });
        let additional = match &s.additional {
            None => quote!(None),
            Some(a) if opaque.is_prop(a) => quote!(Some(&self.additional_properties)),
            Some(_) => quote!(Some(&object::OpaqueEntries(&self.additional_properties))),
        };
        quote! {
            #[inline]
            fn fields<'a>(&'a self, out: &mut object::Out<'a>) {
                out.list(#type_name, &[#(#names),*], &[#(#values),*], #additional)
            }
        }
    } else {
        quote! {
            #[inline]
            fn prop(&self) -> object::Value<'_> {
                object::Value::Other(self)
            }
        }
    };
    let serialize = if s.additional.is_some() {
        quote!(object::serialize(serializer, self))
    } else {
        let this = quote!(self);
        let written = s.fields.iter().map(|f| written(f, &this));
        let writes = s.fields.iter().map(|f| {
            let field = ident(&f.name);
            let wire = f.wire_name.as_str();
            match (f.required, f.is_tristate()) {
                (true, _) => quote!(object.field(#wire, &self.#field);),
                (false, true) => quote!(object.nullable(#wire, &self.#field);),
                (false, false) => quote!(object.optional(#wire, &self.#field);),
            }
        });
        // A struct without properties only ends.
        let binding = if s.fields.is_empty() { quote!(object) } else { quote!(mut object) };
        quote! {
            let written = object::written([#(#written),*]);
            let #binding = object::Writer::new(serializer.serialize_struct(#type_name, written));
            #(#writes)*
            object.end()
        }
    };
    quote! {
        #cfg
        impl object::Prop for #name {
            #prop
        }

        #cfg
        impl Serialize for #name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                #serialize
            }
        }
    }
}

/// `Deserialize` for a model struct through `runtime::object` (see there for why not derived):
/// one pass over the properties, each stored by its index in the struct's name list.
fn from_object(name: &proc_macro2::Ident, s: &StructDef, cfg: &TokenStream) -> TokenStream {
    let type_name = name.to_string();
    // The map access and the property being read must not share a name with a field's local.
    let unused = |base: &str| {
        let mut name = base.to_owned();
        while s.fields.iter().any(|f| f.name == name) {
            name.push('_');
        }
        ident(&name)
    };
    let access = unused("map");
    let property = unused("property");
    let properties = unused("properties");
    let locals = s.fields.iter().map(|f| {
        let local = ident(&f.name);
        let init = if f.is_tristate() { quote!(Nullable::Absent) } else { quote!(None) };
        quote!(let mut #local = #init;)
    });
    let wire_names = s.fields.iter().map(|f| f.wire_name.as_str());
    // A required property is held in an `Option` while reading, so that its absence is an
    // error also when its type is an `Option` itself (nullable); the rest are read as their
    // field type (`Option`/`Nullable` turn `null` into `None`/`Null`).
    let held_in_option = |f: &Field| f.required && !f.absent_as_null;
    let arms = s.fields.iter().enumerate().map(|(i, f)| {
        let local = ident(&f.name);
        let i = Literal::usize_unsuffixed(i);
        let read = if held_in_option(f) { quote!(object::read_some) } else { quote!(object::read) };
        quote!(object::Property::Known(#i) => #read(&mut #access, &mut #local),)
    });
    let values = s.fields.iter().map(|f| {
        let local = ident(&f.name);
        if held_in_option(f) {
            let wire = &f.wire_name;
            quote!(#local: object::required(#local, #wire)?,)
        } else {
            quote!(#local,)
        }
    });
    let (additional_local, other_arm, additional_value) = match &s.additional {
        Some(_) => (
            quote!(let mut additional_properties = BTreeMap::new();),
            quote! {
                object::Property::Other(name) => object::read_additional(&mut #access, &mut additional_properties, name),
            },
            quote!(additional_properties,),
        ),
        None => (TokenStream::new(), TokenStream::new(), TokenStream::new()),
    };
    let read = if s.fields.is_empty() && s.additional.is_none() {
        quote! {
            while #access.next_key::<serde::de::IgnoredAny>()?.is_some() {
                #access.next_value::<serde::de::IgnoredAny>()?;
            }
        }
    } else {
        // Unknown properties are skipped (with additional properties, only the impossible
        // out-of-range index is).
        let skipped = if s.additional.is_some() { quote!(object::Property::Known(_)) } else { quote!(_) };
        quote! {
            let mut #properties = object::Properties::new(&[#(#wire_names),*]);
            while let Some(#property) = #access.next_key_seed(&mut #properties)? {
                match #property {
                    #(#arms)*
                    #other_arm
                    #skipped => object::skip(&mut #access),
                }?;
            }
        }
    };
    quote! {
        #cfg
        impl<'de> Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                object::deserialize(deserializer)
            }
        }

        #cfg
        impl object::FromObject for #name {
            const NAME: &'static str = #type_name;

            fn from_map<'de, A: serde::de::MapAccess<'de>>(mut #access: A) -> Result<Self, A::Error> {
                #(#locals)*
                #additional_local
                #read
                Ok(Self {
                    #(#values)*
                    #additional_value
                })
            }
        }
    }
}

fn field(f: &Field, family: Family) -> TokenStream {
    let mut extra = Vec::new();
    if let Some(c) = constraint_summary(&f.ty.constraints) {
        extra.push(c);
    }
    if let Some(d) = &f.default {
        extra.push(format!("Server default: `{d}`."));
    }
    let docs = doc_attrs(&f.docs, &extra);
    let deprecated = f.deprecated.then(|| quote!(#[deprecated]));
    let name = ident(&f.name);
    let mut ty = rust_type(&f.ty);
    if f.boxed {
        ty = quote!(Box<#ty>);
    }
    let ty = match (f.required, f.ty.nullable) {
        (true, false) => ty,
        (true, true) | (false, false) => quote!(Option<#ty>),
        (false, true) => quote!(Nullable<#ty>),
    };
    // Models serialize and deserialize through `runtime::object`; only parameter structs
    // derive (`Deserialize`, for the server), so only they take serde's attributes.
    let wire = &f.wire_name;
    let rename = (f.name != *wire).then(|| quote!(rename = #wire));
    let default = (!f.required).then(|| quote!(default));
    let serde_args: Vec<TokenStream> = rename.into_iter().chain(default).collect();
    let serde = match family {
        _ if serde_args.is_empty() => None,
        Family::Model | Family::Params(ParamsDerive::Never) => None,
        Family::Params(ParamsDerive::WithServer) => {
            Some(quote!(#[cfg_attr(feature = "server", serde(#(#serde_args),*))]))
        }
        Family::Params(ParamsDerive::Always) => Some(quote!(#[serde(#(#serde_args),*)])),
    };
    quote! {
        #docs
        #deprecated
        #serde
        pub #name: #ty,
    }
}

/// A closed enum with a catch-all variant. Serde's derive would need an untagged variant
/// (buffering and retrying every value); reading the string and matching it is the same
/// behaviour for a fraction of the compile time.
fn enum_def(name: &proc_macro2::Ident, e: &EnumDef, cfg: &TokenStream) -> (TokenStream, TokenStream) {
    let other = ident(&e.other);
    let variants: Vec<_> = e.variants.iter().map(|v| ident(&v.name)).collect();
    if e.variants.iter().all(|v| v.value.is_string()) {
        let str_prop = prop_impl(name, cfg, quote!(object::Value::Str(self.as_str())));
        let values: Vec<&str> = e.variants.iter().filter_map(|v| v.value.as_str()).collect();
        let docs = values.iter().map(|v| format!(" `{v}`"));
        let item = quote! {
            #[derive(Debug, Clone, PartialEq, Eq, Hash)]
            pub enum #name {
                #(#[doc = #docs] #variants,)*
                /// A value this version of the API does not list; kept as sent.
                #other(String),
            }
        };
        let impls = quote! {
            #cfg
            impl #name {
                /// The value as it appears on the wire.
                pub fn as_str(&self) -> &str {
                    match self {
                        #(Self::#variants => #values,)*
                        Self::#other(value) => value,
                    }
                }
            }

            #cfg
            impl From<&str> for #name {
                fn from(value: &str) -> Self {
                    match value {
                        #(#values => Self::#variants,)*
                        other => Self::#other(other.to_owned()),
                    }
                }
            }

            #cfg
            impl std::fmt::Display for #name {
                fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str(self.as_str())
                }
            }

            #cfg
            impl Serialize for #name {
                fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    serializer.serialize_str(self.as_str())
                }
            }

            #str_prop

            #cfg
            impl<'de> Deserialize<'de> for #name {
                fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    super::runtime::deserialize_open_enum(deserializer)
                }
            }
        };
        (item, impls)
    } else {
        let int_prop = prop_impl(name, cfg, quote!(object::Value::I64(i64::from(*self))));
        let values: Vec<Literal> =
            e.variants.iter().map(|v| Literal::i64_unsuffixed(v.value.as_i64().unwrap_or_default())).collect();
        let item = quote! {
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
            #[serde(from = "i64", into = "i64")]
            pub enum #name {
                #(#variants,)*
                /// A value this version of the API does not list; kept as sent.
                #other(i64),
            }
        };
        let impls = quote! {
            #cfg
            impl From<i64> for #name {
                fn from(value: i64) -> Self {
                    match value {
                        #(#values => Self::#variants,)*
                        other => Self::#other(other),
                    }
                }
            }

            #cfg
            impl From<#name> for i64 {
                fn from(value: #name) -> i64 {
                    match value {
                        #(#name::#variants => #values,)*
                        #name::#other(other) => other,
                    }
                }
            }

            #int_prop
        };
        (item, impls)
    }
}

/// `object::Prop` for an enum or union: `prop` returns `value` (a struct's `Prop` lists its
/// fields instead, [`to_object`]).
fn prop_impl(name: &proc_macro2::Ident, cfg: &TokenStream, value: TokenStream) -> TokenStream {
    quote! {
        #cfg
        impl object::Prop for #name {
            #[inline]
            fn prop(&self) -> object::Value<'_> {
                #value
            }
        }
    }
}

fn union_def(
    name: &proc_macro2::Ident,
    u: &UnionDef,
    cfg: &TokenStream,
    writing: &Writing,
) -> (TokenStream, TokenStream) {
    let variant_tokens = u.variants.iter().map(|v| {
        let vname = ident(&v.name);
        let mut ty = super::nullable_type(&v.ty);
        if v.boxed {
            ty = quote!(Box<#ty>);
        }
        let doc = (!v.tags.is_empty()).then(|| {
            let tags = v.tags.iter().map(|t| format!("`{t}`")).collect::<Vec<_>>().join(", ");
            let text = format!(" Selected by {}.", tags);
            quote!(#[doc = #text])
        });
        quote!(#doc #vname(#ty),)
    });
    let Some(property) = &u.discriminator else {
        // Without a discriminator the first variant that accepts the JSON wins.
        let item = quote! {
            #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
            #[serde(untagged)]
            pub enum #name {
                #(#variant_tokens)*
            }
        };
        return (item, prop_impl(name, cfg, quote!(object::Value::Other(self))));
    };
    let other = ident(u.other.as_deref().expect("discriminated unions have a catch-all variant"));
    let tag_of = |v: &crate::ir::UnionVariant| v.tags.first().cloned().unwrap_or_else(|| v.name.clone());
    // Its `Serialize`: each variant through its own, with the tag added on the way. Its
    // `Prop`, when the client writes it through `object::Value` and every variant is a
    // `Prop`: the variant's properties with the tag; otherwise through its `Serialize`.
    let arms = u.variants.iter().map(|v| {
        let vname = ident(&v.name);
        let tag = tag_of(v);
        let own = writing.own_tag(v, property);
        quote!(Self::#vname(value) => tagged::serialize(serializer, #property, #tag, value, #own),)
    });
    let serialize = quote! {
        match self {
            #(#arms)*
            Self::#other(object) => object.serialize(serializer),
        }
    };
    let prop = if writing.through_value(&name.to_string()) && u.variants.iter().all(|v| writing.opaque.is_prop(&v.ty)) {
        let arms = u.variants.iter().map(|v| {
            let vname = ident(&v.name);
            let tag = tag_of(v);
            quote!(Self::#vname(value) => object::Value::Tagged(&object::Tag { property: #property, value: #tag }, value),)
        });
        prop_impl(
            name,
            cfg,
            quote! {
                match self {
                    #(#arms)*
                    Self::#other(object) => object::Value::Map(object),
                }
            },
        )
    } else {
        prop_impl(name, cfg, quote!(object::Value::Other(self)))
    };
    let de_arms = u.variants.iter().map(|v| {
        let vname = ident(&v.name);
        let tags = &v.tags;
        // A boxed variant reads as `Box<T>`, which serde provides.
        quote!(#(#tags)|* => Deserialize::deserialize(object).map(Self::#vname),)
    });
    let other_doc = format!(" A `{property}` this version does not list (a newer server's), kept as it came.");
    let item = quote! {
        #[doc = ""]
        #[doc = concat!(" The variant is chosen by the `", #property, "` property, which is written exactly once when serializing.")]
        #[derive(Debug, Clone, PartialEq)]
        pub enum #name {
            #(#variant_tokens)*
            #[doc = #other_doc]
            #other(serde_json::Map<String, serde_json::Value>),
        }
    };
    let impls = quote! {
        #cfg
        impl Serialize for #name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                #serialize
            }
        }

        #prop

        #cfg
        impl<'de> Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                tagged::deserialize(deserializer)
            }
        }

        #cfg
        impl tagged::Union for #name {
            const PROPERTY: &'static str = #property;

            fn variant<'de, A: serde::de::MapAccess<'de>>(
                tag: &str,
                object: tagged::Object<'de, A>,
            ) -> Result<Self, A::Error> {
                match tag {
                    #(#de_arms)*
                    _ => Deserialize::deserialize(object).map(Self::#other),
                }
            }
        }
    };
    (item, impls)
}

/// `visit_schema`: calls a generic visitor with the type of a component schema given by its
/// spec name. Tools (the `validate` example, conformance tests) use it to handle any schema
/// by name; it costs nothing for crates that never call it.
fn schema_dispatch(api: &Api, gating: Gating) -> TokenStream {
    let mut arms: Vec<(&str, TokenStream, TokenStream)> = api
        .types
        .iter()
        // A schema the config replaced by a Rust type of its own has no generated type (and
        // no validator) to visit.
        .filter(|t| !matches!(&t.kind, TypeKind::Alias(e) if matches!(e.kind, ExprKind::External(_))))
        .filter_map(|t| {
            let c = t.component.as_deref()?;
            let name = ident(&t.name);
            let cfg = cfg(&t.tags, gating);
            Some((c, cfg.clone(), quote!(#cfg #c => Some(visitor.visit::<#name>()),)))
        })
        .collect();
    arms.sort_by(|a, b| a.0.cmp(b.0));
    let names = arms.iter().map(|(c, cfg, _)| quote!(#cfg #c));
    // The fallback arm uses `visitor` too, so the function is warning-free even when no
    // schema is compiled (a spec without components, or no feature on).
    let body = if arms.is_empty() {
        quote! {
            let _ = (name, visitor);
            None
        }
    } else {
        let arms = arms.iter().map(|(_, _, t)| t);
        quote! {
            match name {
                #(#arms)*
                _ => {
                    let _ = visitor;
                    None
                }
            }
        }
    };
    quote! {
        /// The spec names of the component schemas the enabled features compile, sorted.
        pub const SCHEMA_NAMES: &[&str] = &[#(#names),*];

        /// Calls `visitor` with the type generated for the component schema `name`;
        /// `None` when the spec has no such schema (or the config replaced it).
        pub fn visit_schema<V: super::runtime::SchemaVisitor>(name: &str, visitor: V) -> Option<V::Output> {
            #body
        }
    }
}
