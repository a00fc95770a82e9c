//! Emitter unit tests: one item of an emitter's output compared with the item written out by
//! hand (`syn::parse_quote!`), for the paths authentik's spec never reaches (an operation
//! with several success statuses, a union variant boxed because it contains its union), so a
//! change to either shows as a failing item here rather than in a snapshot alone.

use akgen::{emit, ir, load};
use syn::{Item, parse_quote};

const SPEC: &str = r##"
openapi: 3.0.3
info: {title: items, version: "1"}
paths:
  /things/:
    post:
      operationId: things_make
      tags: [things]
      responses:
        '200':
          description: the thing, as it was
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Thing'}
        '201':
          description: made
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Thing'}
        '204':
          description: nothing to say
        '400':
          description: refused
components:
  schemas:
    Thing:
      type: object
      properties:
        link: {$ref: '#/components/schemas/Link'}
    Wrapper:
      type: object
      required: [inner]
      properties:
        inner: {$ref: '#/components/schemas/Link'}
    Link:
      oneOf:
      - $ref: '#/components/schemas/Wrapper'
      - type: string
"##;

fn api() -> ir::Api {
    let spec = load::load_text("items.yml".into(), SPEC.to_owned()).unwrap();
    ir::build(&spec, ir::BuildOptions::default()).unwrap()
}

/// The item of `tokens` (a module's items) that defines `name`.
fn item(tokens: proc_macro2::TokenStream, name: &str) -> Item {
    let file: syn::File = syn::parse2(tokens).unwrap();
    let named = |item: &Item| match item {
        Item::Enum(e) => e.ident == name,
        Item::Struct(s) => s.ident == name,
        _ => false,
    };
    file.items.into_iter().find(named).unwrap_or_else(|| panic!("no item `{name}`"))
}

/// Two items are the same when they print the same (syn compares trees only with its
/// `extra-traits`, which akgen does not build; printing also evens out how a doc string
/// is quoted).
fn same(got: &Item, want: &Item) {
    let print = |item: &Item| akgen::write::format_items(quote::quote!(#item)).unwrap();
    assert_eq!(print(got), print(want));
}

#[test]
fn several_successes_are_one_enum_with_a_variant_per_status() {
    let api = api();
    let tag = api.tag("things").unwrap();
    let got = item(emit::client::tag_module(&api, tag), "MakeResponse");
    let want: Item = parse_quote! {
        /// The success responses of `things_make`.
        #[derive(Debug, Clone, PartialEq)]
        pub enum MakeResponse {
            /// the thing, as it was
            Ok(crate::models::Thing),
            /// made
            Created(crate::models::Thing),
            /// nothing to say
            NoContent,
        }
    };
    same(&got, &want);
}

#[test]
fn the_server_names_the_statuses_as_the_client_does() {
    let api = api();
    let op = &api.operations[0];
    let variants: Vec<&str> = op.responses.iter().map(|r| r.variant.as_str()).collect();
    assert_eq!(variants, ["Ok", "Created", "NoContent", "BadRequest"]);
    let tag = api.tag("things").unwrap();
    let Item::Enum(server) = item(emit::server::tag_module(&api, tag), &op.response_enum) else { panic!() };
    let names: Vec<String> = server.variants.iter().map(|v| v.ident.to_string()).collect();
    assert_eq!(names, variants);
}

#[test]
fn a_variant_that_contains_its_union_is_boxed() {
    let api = api();
    let got = item(emit::models::models(&api, emit::Gating::Off), "Link");
    let want: Item = parse_quote! {
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[serde(untagged)]
        pub enum Link {
            Wrapper(Box<Wrapper>),
            String(String),
        }
    };
    same(&got, &want);
}

/// A tuple spells its positions' types, so the models module imports what they name.
#[test]
fn a_tuple_of_uuid_and_date_time_imports_both() {
    let text = r#"
openapi: 3.1.0
info: {title: tuple, version: "1"}
paths: {}
components:
  schemas:
    Stamp:
      type: array
      prefixItems: [{type: string, format: uuid}, {type: string, format: date-time}]
      items: false
      minItems: 2
"#;
    let spec = load::load_text("tuple.yml".into(), text.to_owned()).unwrap();
    let api = ir::build(&spec, ir::BuildOptions::default()).unwrap();
    let models = akgen::write::format_items(emit::models::models(&api, emit::Gating::Off)).unwrap();
    assert!(models.contains("pub type Stamp = (Uuid, DateTime<Utc>);"), "{models}");
    assert!(models.contains("use uuid::Uuid;") && models.contains("use chrono::{DateTime, Utc};"), "{models}");
}
