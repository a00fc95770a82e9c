//! Models: one serde type for every named type in the IR.

use super::{constraint_summary, doc_attrs, ident, rust_type};
use crate::ir::{Api, EnumDef, ExprKind, Field, Primitive, StructDef, TypeDef, TypeExpr, TypeKind, UnionDef};
use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// The `models` module: every type, in name order, plus a name → type dispatcher.
pub fn models(api: &Api) -> TokenStream {
    let uses = Uses::scan(api);
    let imports = uses.imports(api.types.iter().any(|t| !matches!(t.kind, TypeKind::Alias(_))));
    let items = api.types.iter().map(type_def);
    let dispatch = schema_dispatch(api);
    quote! {
        //! Request and response types for every schema of the API.
        #![allow(deprecated, reason = "deprecation warns callers of the API; the models themselves must still use deprecated types and fields")]

        #imports
        #(#items)*
        #dispatch
    }
}

/// The `params` module: one struct per operation with parameters (path, query, header),
/// shared by the client and the server, validated like the models.
pub fn params(api: &Api) -> TokenStream {
    let types: Vec<TypeDef> = api.operations.iter().filter_map(|o| o.params_struct()).collect();
    let uses = Uses::scan_types(&types);
    let imports = uses.imports(!types.is_empty());
    let items = types.iter().map(type_def);
    fn names_a_model(e: &TypeExpr) -> bool {
        match &e.kind {
            ExprKind::Named(_) => true,
            ExprKind::List(inner) | ExprKind::Map(inner) => names_a_model(inner),
            _ => false,
        }
    }
    let uses_models = types.iter().any(|t| match &t.kind {
        TypeKind::Struct(s) => s.fields.iter().any(|f| names_a_model(&f.ty)),
        _ => false,
    });
    let models = uses_models.then(|| quote!(use super::models::*;));
    quote! {
        //! The parameters of each operation that has any, as one struct per operation.

        #imports
        #models
        #(#items)*
    }
}

/// Which imports the module needs, so none is unused.
#[derive(Default)]
struct Uses {
    map: bool,
    nullable: bool,
    uuid: bool,
    date_time: bool,
    date: bool,
    union_runtime: bool,
}

impl Uses {
    fn scan(api: &Api) -> Self {
        Self::scan_types(&api.types)
    }

    fn scan_types(types: &[TypeDef]) -> Self {
        let mut u = Uses::default();
        fn walk(u: &mut Uses, e: &TypeExpr) {
            match &e.kind {
                ExprKind::Map(v) => {
                    u.map = true;
                    walk(u, v)
                }
                ExprKind::List(i) => walk(u, i),
                ExprKind::Primitive(Primitive::Uuid) => u.uuid = true,
                ExprKind::Primitive(Primitive::DateTime) => u.date_time = true,
                ExprKind::Primitive(Primitive::Date) => u.date = true,
                _ => {}
            }
        }
        for t in types {
            match &t.kind {
                TypeKind::Struct(s) => {
                    for f in &s.fields {
                        walk(&mut u, &f.ty);
                        u.nullable |= f.is_tristate();
                    }
                    if let Some(a) = &s.additional {
                        u.map = true;
                        walk(&mut u, a);
                    }
                }
                TypeKind::Union(un) => {
                    un.variants.iter().for_each(|v| walk(&mut u, &v.ty));
                    u.union_runtime |= un.discriminator.is_some();
                }
                TypeKind::Alias(e) => walk(&mut u, e),
                TypeKind::Enum(_) => {}
            }
        }
        u
    }

    /// The `use` lines; serde's derives only when a type (not an alias) is emitted.
    fn imports(&self, derives: bool) -> TokenStream {
        let mut out = TokenStream::new();
        if derives {
            out.extend(quote!(use serde::{Deserialize, Serialize};));
        }
        if self.map {
            out.extend(quote!(use std::collections::BTreeMap;));
        }
        if self.nullable {
            out.extend(quote!(use super::runtime::Nullable;));
        }
        if self.union_runtime {
            out.extend(quote!(use super::runtime::tagged;));
        }
        if self.uuid {
            out.extend(quote!(use uuid::Uuid;));
        }
        match (self.date_time, self.date) {
            (true, true) => out.extend(quote!(use chrono::{DateTime, NaiveDate, Utc};)),
            (true, false) => out.extend(quote!(use chrono::{DateTime, Utc};)),
            (false, true) => out.extend(quote!(use chrono::NaiveDate;)),
            (false, false) => {}
        }
        out
    }
}

fn type_def(t: &TypeDef) -> TokenStream {
    let mut extra = Vec::new();
    if let Some(c) = &t.component {
        if c != &t.name {
            extra.push(format!("Schema `{c}` in the spec."));
        }
    }
    let docs = doc_attrs(&t.docs, &extra);
    let deprecated = t.deprecated.then(|| quote!(#[deprecated]));
    let name = ident(&t.name);
    let body = match &t.kind {
        TypeKind::Struct(s) => struct_def(&name, s),
        TypeKind::Enum(e) => enum_def(&name, e),
        TypeKind::Union(u) => union_def(&name, u),
        TypeKind::Alias(e) => {
            let ty = rust_type(e);
            quote!(pub type #name = #ty;)
        }
    };
    quote! {
        #docs
        #deprecated
        #body
    }
}

fn struct_def(name: &proc_macro2::Ident, s: &StructDef) -> TokenStream {
    let fields = s.fields.iter().map(field);
    let additional = s.additional.as_ref().map(|a| {
        let ty = super::nullable_type(a);
        quote! {
            /// Properties not listed in the schema.
            #[serde(flatten)]
            pub additional_properties: BTreeMap<String, #ty>,
        }
    });
    // All-optional structs (every `Patched*Request`) are built with `..Default::default()`.
    let default = s.fields.iter().all(|f| !f.required).then(|| quote!(Default,));
    quote! {
        #[derive(Debug, Clone, PartialEq, #default Serialize, Deserialize)]
        pub struct #name {
            #(#fields)*
            #additional
        }
    }
}

fn field(f: &Field) -> TokenStream {
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
    let plain = f.name.strip_prefix("r#").unwrap_or(&f.name);
    let mut serde_args = Vec::new();
    if plain != f.wire_name {
        let wire = &f.wire_name;
        serde_args.push(quote!(rename = #wire));
    }
    let mut ty = rust_type(&f.ty);
    if f.boxed {
        ty = quote!(Box<#ty>);
    }
    let ty = match (f.required, f.ty.nullable) {
        (true, false) => ty,
        (true, true) => quote!(Option<#ty>),
        (false, false) => {
            serde_args.push(quote!(default, skip_serializing_if = "Option::is_none"));
            quote!(Option<#ty>)
        }
        (false, true) => {
            serde_args.push(quote!(default, skip_serializing_if = "Nullable::is_absent"));
            quote!(Nullable<#ty>)
        }
    };
    let serde = (!serde_args.is_empty()).then(|| quote!(#[serde(#(#serde_args),*)]));
    quote! {
        #docs
        #deprecated
        #serde
        pub #name: #ty,
    }
}

fn enum_def(name: &proc_macro2::Ident, e: &EnumDef) -> TokenStream {
    let other = ident(&e.other);
    let variants: Vec<_> = e.variants.iter().map(|v| ident(&v.name)).collect();
    if e.variants.iter().all(|v| v.value.is_string()) {
        let values: Vec<&str> = e.variants.iter().filter_map(|v| v.value.as_str()).collect();
        quote! {
            #[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
            pub enum #name {
                #(#[serde(rename = #values)] #variants,)*
                /// A value this version of the API does not list; kept as sent.
                #[serde(untagged)]
                #other(String),
            }

            impl #name {
                /// The value as it appears on the wire.
                pub fn as_str(&self) -> &str {
                    match self {
                        #(Self::#variants => #values,)*
                        Self::#other(value) => value,
                    }
                }
            }

            impl std::fmt::Display for #name {
                fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str(self.as_str())
                }
            }
        }
    } else {
        let values: Vec<Literal> =
            e.variants.iter().map(|v| Literal::i64_unsuffixed(v.value.as_i64().unwrap_or_default())).collect();
        quote! {
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
            #[serde(from = "i64", into = "i64")]
            pub enum #name {
                #(#variants,)*
                /// A value this version of the API does not list; kept as sent.
                #other(i64),
            }

            impl From<i64> for #name {
                fn from(value: i64) -> Self {
                    match value {
                        #(#values => Self::#variants,)*
                        other => Self::#other(other),
                    }
                }
            }

            impl From<#name> for i64 {
                fn from(value: #name) -> i64 {
                    match value {
                        #(#name::#variants => #values,)*
                        #name::#other(other) => other,
                    }
                }
            }
        }
    }
}

fn union_def(name: &proc_macro2::Ident, u: &UnionDef) -> TokenStream {
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
        return quote! {
            #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
            #[serde(untagged)]
            pub enum #name {
                #(#variant_tokens)*
            }
        };
    };
    let ser_arms = u.variants.iter().map(|v| {
        let vname = ident(&v.name);
        let tag = v.tags.first().map(String::as_str).unwrap_or(&v.name);
        quote!(Self::#vname(value) => tagged::serialize(serializer, #property, #tag, value),)
    });
    let de_arms = u.variants.iter().map(|v| {
        let vname = ident(&v.name);
        let tags = &v.tags;
        let convert = if v.boxed {
            quote!(tagged::from_value(value).map(|v| Self::#vname(Box::new(v))))
        } else {
            quote!(tagged::from_value(value).map(Self::#vname))
        };
        quote!(#(#tags)|* => #convert,)
    });
    let expected: Vec<String> = u.variants.iter().flat_map(|v| v.tags.iter().cloned()).collect();
    let expected = expected.join(", ");
    quote! {
        #[doc = ""]
        #[doc = concat!(" The variant is chosen by the `", #property, "` property, which is written exactly once when serializing.")]
        #[derive(Debug, Clone, PartialEq)]
        pub enum #name {
            #(#variant_tokens)*
        }

        impl Serialize for #name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                match self {
                    #(#ser_arms)*
                }
            }
        }

        impl<'de> Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = serde_json::Value::deserialize(deserializer)?;
                match tagged::tag_of(&value, #property)? {
                    #(#de_arms)*
                    other => Err(tagged::unknown_tag(#property, other, #expected)),
                }
            }
        }
    }
}

/// `visit_schema`: calls a generic visitor with the type of a component schema given by its
/// spec name. Tools (the `validate` example, conformance tests) use it to handle any schema
/// by name; it costs nothing for crates that never call it.
fn schema_dispatch(api: &Api) -> TokenStream {
    let mut arms: Vec<(&str, TokenStream)> = api
        .types
        .iter()
        .filter_map(|t| {
            let c = t.component.as_deref()?;
            let name = ident(&t.name);
            Some((c, quote!(#c => visitor.visit::<#name>(),)))
        })
        .collect();
    arms.sort_by(|a, b| a.0.cmp(b.0));
    let names = arms.iter().map(|(c, _)| *c);
    // A spec without component schemas still gets the function, with a body that uses
    // its arguments and has no unreachable code.
    let body = if arms.is_empty() {
        quote!(let _ = (name, visitor); None)
    } else {
        let arms = arms.iter().map(|(_, t)| t);
        quote!(Some(match name { #(#arms)* _ => return None, }))
    };
    quote! {
        /// The spec names of all component schemas, sorted.
        pub const SCHEMA_NAMES: &[&str] = &[#(#names),*];

        /// Calls `visitor` with the type generated for the component schema `name`;
        /// `None` when the spec has no such schema.
        pub fn visit_schema<V: super::runtime::SchemaVisitor>(name: &str, visitor: V) -> Option<V::Output> {
            #body
        }
    }
}
