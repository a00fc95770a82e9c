//! Hand-written support code that generated modules build on.
//!
//! This file is copied verbatim from akgen's `templates/` into every generated crate.

use serde::de::{self, DeserializeOwned};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A property that is optional *and* nullable: absent, explicitly `null`, or a value.
///
/// PATCH bodies need all three: leaving `expires` out keeps the stored expiry, sending
/// `"expires": null` clears it. `Option<Option<T>>` can express this too, but reads badly
/// and serde collapses it unless every field carries extra attributes.
///
/// Generated structs leave an `Absent` field out ([`object::nullable`]) and write `Null`
/// as `null`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Nullable<T> {
    /// Not sent; the server keeps (or defaults) the value.
    #[default]
    Absent,
    /// Sent as `null`.
    Null,
    /// Sent as the value.
    Value(T),
}

impl<T> Nullable<T> {
    /// True when the property is left out.
    pub fn is_absent(&self) -> bool {
        matches!(self, Nullable::Absent)
    }

    /// The value, if there is one.
    pub fn as_ref(&self) -> Option<&T> {
        match self {
            Nullable::Value(v) => Some(v),
            _ => None,
        }
    }

    /// The value, if there is one; absent and null both give `None`.
    pub fn into_option(self) -> Option<T> {
        match self {
            Nullable::Value(v) => Some(v),
            _ => None,
        }
    }
}

impl<T> From<Option<T>> for Nullable<T> {
    /// `None` becomes an explicit `null`.
    fn from(value: Option<T>) -> Self {
        match value {
            Some(v) => Nullable::Value(v),
            None => Nullable::Null,
        }
    }
}

impl<T: Serialize> Serialize for Nullable<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            // Only reached outside a struct field (which skips it): there is nothing else to write.
            Nullable::Absent | Nullable::Null => serializer.serialize_none(),
            Nullable::Value(v) => v.serialize(serializer),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Nullable<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A missing field never gets here: `#[serde(default)]` makes it `Absent`.
        Ok(Option::<T>::deserialize(deserializer)?.into())
    }
}

/// The `Deserialize` body of every open string enum: the string as the input holds it
/// (borrowed when it can be) goes to the enum's `From<&str>`, which keeps an unknown value.
/// Reading a `String` first would copy every known value only to drop it.
pub fn deserialize_open_enum<'de, D: Deserializer<'de>, T: for<'a> From<&'a str>>(
    deserializer: D,
) -> Result<T, D::Error> {
    struct StrVisitor<T>(std::marker::PhantomData<T>);

    impl<T: for<'a> From<&'a str>> de::Visitor<'_> for StrVisitor<T> {
        type Value = T;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a string")
        }

        fn visit_str<E: de::Error>(self, value: &str) -> Result<T, E> {
            Ok(T::from(value))
        }
    }

    deserializer.deserialize_str(StrVisitor(std::marker::PhantomData))
}

/// The spec's security schemes as the client sends and the server reads them. The
/// generated `security` module has one [`Scheme`](security::Scheme) constant per scheme; each
/// operation lists its alternatives as [`Requirements`](security::Requirements).
pub mod security {
    /// One scheme of `components/securitySchemes`.
    #[derive(Debug, PartialEq, Eq)]
    pub struct Scheme {
        /// Its name in the spec, which `ClientBuilder::credential` and the server's
        /// `Credential` use.
        pub name: &'static str,
        pub carrier: Carrier,
    }

    /// Where a scheme's credential travels.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Carrier {
        /// `Authorization: <scheme> <credential>`, the scheme word lower-case as HTTP
        /// compares it: `bearer` (also OAuth 2 and OpenID Connect), `basic`, `bearer+agent`.
        Authorization(&'static str),
        /// An API key in the header of this name.
        Header(&'static str),
        /// An API key in the query parameter of this name.
        Query(&'static str),
        /// An API key in the cookie of this name.
        Cookie(&'static str),
        /// Nothing a request carries (mutual TLS, a type OpenAPI does not define).
        Unsent,
    }

    /// An operation's security alternatives, in the spec's order: any one of them lets a
    /// call in, and each lists the schemes it needs together. An empty alternative allows
    /// anonymous calls.
    pub type Requirements = &'static [&'static [&'static Scheme]];

    impl Carrier {
        /// The `Authorization` header value for `credential`: the scheme word as written
        /// (RFC 9110 compares it without regard to case), `Bearer` and `Basic` in their
        /// usual spelling.
        pub fn authorization(word: &str, credential: &str) -> String {
            let word = match word {
                "bearer" => "Bearer",
                "basic" => "Basic",
                other => other,
            };
            format!("{word} {credential}")
        }
    }
}

/// Serialization helpers for discriminated unions (`oneOf` with a `discriminator`).
///
/// The variant types usually declare the discriminator property themselves, so a plain
/// `#[serde(tag = "...")]` would write it twice. These helpers write it once, set to the
/// variant's tag, and on input pick the variant by it.
pub mod tagged {
    use super::*;
    use serde::de::{DeserializeSeed, MapAccess, Visitor};
    use serde_json::Value;
    use std::borrow::Cow;
    use std::marker::PhantomData;

    /// Serializes `value` as an object whose `property` is `tag`: the tag first, then the
    /// variant's own properties as it writes them, less any `property` of its own. `own`
    /// says whether the variant writes such a property (a generated struct that declares
    /// it, and holds a value), so that the length announced to formats that write it out
    /// counts it once; for a type akgen did not write, `false`, and the length is a hint.
    ///
    /// The variant writes straight into `serializer` (through `Tagged`); buffering it as a
    /// `serde_json::Value` to insert the tag made this several times slower than serde's
    /// derived internally tagged enums.
    pub fn serialize<S: Serializer, T: Serialize + ?Sized>(
        serializer: S,
        property: &'static str,
        tag: &'static str,
        value: &T,
        own: bool,
    ) -> Result<S::Ok, S::Error> {
        value.serialize(Tagged { inner: serializer, property, tag, own })
    }

    /// A serializer that accepts only objects (structs and maps), writing `property: tag`
    /// before their properties; anything else is an error, since a discriminator needs an
    /// object to sit in.
    struct Tagged<S> {
        inner: S,
        property: &'static str,
        tag: &'static str,
        /// The variant writes its own `property`, which is left out.
        own: bool,
    }

    impl<S: Serializer> Tagged<S> {
        fn not_an_object(&self, what: &str) -> S::Error {
            serde::ser::Error::custom(format!(
                "variant `{}` serializes to {what}, not an object, so `{}` cannot be added",
                self.tag, self.property
            ))
        }
    }

    macro_rules! refuse {
        ($($method:ident($($arg:ty),*) -> $what:literal;)*) => {
            $(fn $method(self, $(_: $arg),*) -> Result<S::Ok, S::Error> {
                Err(self.not_an_object($what))
            })*
        };
    }

    impl<S: Serializer> Serializer for Tagged<S> {
        type Ok = S::Ok;
        type Error = S::Error;
        type SerializeSeq = serde::ser::Impossible<S::Ok, S::Error>;
        type SerializeTuple = serde::ser::Impossible<S::Ok, S::Error>;
        type SerializeTupleStruct = serde::ser::Impossible<S::Ok, S::Error>;
        type SerializeTupleVariant = serde::ser::Impossible<S::Ok, S::Error>;
        type SerializeMap = TaggedMap<S::SerializeMap>;
        type SerializeStruct = TaggedStruct<S::SerializeStruct>;
        type SerializeStructVariant = serde::ser::Impossible<S::Ok, S::Error>;

        refuse! {
            serialize_bool(bool) -> "a boolean";
            serialize_i8(i8) -> "a number";
            serialize_i16(i16) -> "a number";
            serialize_i32(i32) -> "a number";
            serialize_i64(i64) -> "a number";
            serialize_u8(u8) -> "a number";
            serialize_u16(u16) -> "a number";
            serialize_u32(u32) -> "a number";
            serialize_u64(u64) -> "a number";
            serialize_f32(f32) -> "a number";
            serialize_f64(f64) -> "a number";
            serialize_char(char) -> "a string";
            serialize_str(&str) -> "a string";
            serialize_bytes(&[u8]) -> "bytes";
            serialize_none() -> "null";
            serialize_unit() -> "null";
            serialize_unit_struct(&'static str) -> "null";
            serialize_unit_variant(&'static str, u32, &'static str) -> "a string";
        }

        fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<S::Ok, S::Error> {
            value.serialize(self)
        }

        fn serialize_newtype_struct<T: Serialize + ?Sized>(
            self,
            _: &'static str,
            value: &T,
        ) -> Result<S::Ok, S::Error> {
            value.serialize(self)
        }

        fn serialize_newtype_variant<T: Serialize + ?Sized>(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: &T,
        ) -> Result<S::Ok, S::Error> {
            Err(self.not_an_object("an enum variant"))
        }

        fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, S::Error> {
            Err(self.not_an_object("an array"))
        }

        fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, S::Error> {
            Err(self.not_an_object("an array"))
        }

        fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, S::Error> {
            Err(self.not_an_object("an array"))
        }

        fn serialize_tuple_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleVariant, S::Error> {
            Err(self.not_an_object("an enum variant"))
        }

        fn serialize_map(self, len: Option<usize>) -> Result<Self::SerializeMap, S::Error> {
            use serde::ser::SerializeMap;
            let mut map = self.inner.serialize_map(len.map(|n| n + 1))?;
            map.serialize_entry(self.property, self.tag)?;
            Ok(TaggedMap { inner: map, property: self.property, skipping: false })
        }

        fn serialize_struct(self, name: &'static str, len: usize) -> Result<Self::SerializeStruct, S::Error> {
            use serde::ser::SerializeStruct;
            // One more for the tag, less the variant's own `property`, left out.
            let mut object = self.inner.serialize_struct(name, (len + 1).saturating_sub(usize::from(self.own)))?;
            object.serialize_field(self.property, self.tag)?;
            Ok(TaggedStruct { inner: object, property: self.property })
        }

        fn serialize_struct_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeStructVariant, S::Error> {
            Err(self.not_an_object("an enum variant"))
        }
    }

    /// A struct's properties after the tag, without its own copy of the tag property.
    struct TaggedStruct<S> {
        inner: S,
        property: &'static str,
    }

    impl<S: serde::ser::SerializeStruct> serde::ser::SerializeStruct for TaggedStruct<S> {
        type Ok = S::Ok;
        type Error = S::Error;

        fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), S::Error> {
            if key == self.property { Ok(()) } else { self.inner.serialize_field(key, value) }
        }

        fn skip_field(&mut self, key: &'static str) -> Result<(), S::Error> {
            self.inner.skip_field(key)
        }

        fn end(self) -> Result<S::Ok, S::Error> {
            self.inner.end()
        }
    }

    /// A map's entries (a struct with additional properties) after the tag, without an
    /// entry for the tag property.
    struct TaggedMap<M> {
        inner: M,
        property: &'static str,
        /// The last key was the tag property: its value is dropped too.
        skipping: bool,
    }

    impl<M: serde::ser::SerializeMap> serde::ser::SerializeMap for TaggedMap<M> {
        type Ok = M::Ok;
        type Error = M::Error;

        fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), M::Error> {
            self.skipping =
                matches!(key.serialize(serde_json::value::Serializer), Ok(Value::String(k)) if k == self.property);
            if self.skipping { Ok(()) } else { self.inner.serialize_key(key) }
        }

        fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), M::Error> {
            if std::mem::take(&mut self.skipping) { Ok(()) } else { self.inner.serialize_value(value) }
        }

        fn end(self) -> Result<M::Ok, M::Error> {
            self.inner.end()
        }
    }

    /// A discriminated union, read from an object: the variant its tag selects.
    pub trait Union: Sized {
        /// The discriminator property.
        const PROPERTY: &'static str;

        /// Reads the variant `tag` selects (the catch-all for a tag the union does not
        /// list) from `object`, which yields the whole object, the tag included.
        fn variant<'de, A: MapAccess<'de>>(tag: &str, object: Object<'de, A>) -> Result<Self, A::Error>;
    }

    /// The `Deserialize` body of every discriminated union.
    ///
    /// The properties before the tag are kept as JSON values; once the tag is read, the
    /// variant reads those and then the rest of the object straight from the input.
    /// Buffering the whole object first, as serde's internally tagged enums do (and as
    /// this did through `serde_json::Value`), copies every property once more.
    pub fn deserialize<'de, D: Deserializer<'de>, U: Union>(deserializer: D) -> Result<U, D::Error> {
        deserializer.deserialize_map(UnionVisitor(PhantomData))
    }

    struct UnionVisitor<U>(PhantomData<U>);

    impl<'de, U: Union> Visitor<'de> for UnionVisitor<U> {
        type Value = U;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "an object with a `{}` property", U::PROPERTY)
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<U, A::Error> {
            let mut before = Vec::new();
            let mut properties = object::Properties::new(&[U::PROPERTY]);
            while let Some(key) = map.next_key_seed(&mut properties)? {
                match key {
                    object::Property::Known(_) => {
                        let tag = match map.next_value::<Value>()? {
                            Value::String(tag) => tag,
                            other => {
                                return Err(de::Error::custom(format!(
                                    "discriminator `{}` must be a string, found {other}",
                                    U::PROPERTY
                                )));
                            }
                        };
                        before.push((Cow::Borrowed(U::PROPERTY), Value::String(tag.clone())));
                        return U::variant(&tag, Object { before: before.into_iter(), value: None, rest: map });
                    }
                    object::Property::Other(name) => {
                        let value = map.next_value::<Value>()?;
                        before.push((name, value));
                    }
                }
            }
            Err(de::Error::custom(format!("missing discriminator property `{}`", U::PROPERTY)))
        }
    }

    /// The object a union's variant is read from: the properties read before the tag (the
    /// tag among them), then the rest of the input's object.
    pub struct Object<'de, A> {
        before: std::vec::IntoIter<(Cow<'de, str>, Value)>,
        /// The value of the buffered property whose key was just read.
        value: Option<Value>,
        rest: A,
    }

    impl<'de, A: MapAccess<'de>> MapAccess<'de> for Object<'de, A> {
        type Error = A::Error;

        fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, A::Error> {
            match self.before.next() {
                Some((key, value)) => {
                    self.value = Some(value);
                    seed.deserialize(de::value::CowStrDeserializer::new(key)).map(Some)
                }
                None => self.rest.next_key_seed(seed),
            }
        }

        fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
            match self.value.take() {
                Some(value) => seed.deserialize(value).map_err(de::Error::custom),
                None => self.rest.next_value_seed(seed),
            }
        }
    }

    impl<'de, A: MapAccess<'de>> Deserializer<'de> for Object<'de, A> {
        type Error = A::Error;

        fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, A::Error> {
            visitor.visit_map(self)
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
            option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
            identifier ignored_any
        }
    }
}

/// A generic operation over model types, run with the type of a schema picked by name at
/// run time (see `models::visit_schema`).
pub trait SchemaVisitor {
    type Output;

    /// Called with the type generated for the requested schema.
    fn visit<T>(self) -> Self::Output
    where
        T: Serialize + DeserializeOwned + std::fmt::Debug + Clone + PartialEq + super::validation::Validate + 'static;
}

/// Deserialization of generated structs (JSON objects).
///
/// serde's derived `Deserialize` emits a field enum, a sequence visitor and a map visitor for
/// every struct; across the hundreds of models that code dominates the crate's compile time.
/// Generated structs instead implement [`object::FromObject`], one loop over the properties,
/// and share the rest from here. Behaviour matches the derive: unknown properties are
/// skipped (or kept, for structs with additional properties), a missing required property
/// is a `missing field` error. A property sent twice keeps its last value, as
/// `serde_json::Value` does.
pub mod object {
    use super::*;
    use serde::de::{DeserializeSeed, MapAccess, Visitor};
    use std::borrow::Cow;
    use std::fmt;
    use std::marker::PhantomData;
    use std::mem::MaybeUninit;

    /// A struct read from a map of properties.
    pub trait FromObject: Sized {
        /// The type's name, for "expected a `Token` object" errors.
        const NAME: &'static str;

        /// Reads the properties from `map`, keys identified by [`Properties`].
        fn from_map<'de, A: MapAccess<'de>>(map: A) -> Result<Self, A::Error>;
    }

    /// The `Deserialize` body of every generated struct.
    pub fn deserialize<'de, D: Deserializer<'de>, T: FromObject>(deserializer: D) -> Result<T, D::Error> {
        deserializer.deserialize_map(ObjectVisitor(PhantomData))
    }

    struct ObjectVisitor<T>(PhantomData<T>);

    impl<'de, T: FromObject> Visitor<'de> for ObjectVisitor<T> {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            expecting_object(f, T::NAME)
        }

        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
            T::from_map(map)
        }
    }

    // Shared by every struct's visitor rather than formatted in each.
    fn expecting_object(f: &mut fmt::Formatter<'_>, name: &str) -> fmt::Result {
        write!(f, "a `{name}` object")
    }

    /// A property name: the index of a declared property, or any other name.
    pub enum Property<'de> {
        /// The position of the name in the list given to [`Properties`].
        Known(usize),
        /// A name the struct does not declare (borrowed from the input when it can be).
        Other(Cow<'de, str>),
    }

    /// Reads property names (as the seed of `MapAccess::next_key_seed`, by `&mut`) and
    /// looks each up among a struct's declared names.
    ///
    /// It tries the name after the last one found before searching: servers send an
    /// object's properties in the order of its schema, so most lookups take one comparison
    /// instead of a scan of the list.
    pub struct Properties {
        names: &'static [&'static str],
        next: usize,
    }

    impl Properties {
        /// Looks names up among `names`, a struct's declared properties in the schema's order.
        pub fn new(names: &'static [&'static str]) -> Self {
            Properties { names, next: 0 }
        }

        fn index(&mut self, name: &str) -> Option<usize> {
            let found = match self.names.get(self.next) {
                Some(expected) if *expected == name => Some(self.next),
                _ => self.names.iter().position(|n| *n == name),
            };
            if let Some(index) = found {
                self.next = index + 1;
            }
            found
        }
    }

    impl<'de> DeserializeSeed<'de> for &mut Properties {
        type Value = Property<'de>;

        fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Property<'de>, D::Error> {
            deserializer.deserialize_identifier(self)
        }
    }

    impl<'de> Visitor<'de> for &mut Properties {
        type Value = Property<'de>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a property name")
        }

        fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Property<'de>, E> {
            Ok(self.index(v).map_or(Property::Other(Cow::Borrowed(v)), Property::Known))
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<Property<'de>, E> {
            Ok(self.index(v).map_or_else(|| Property::Other(Cow::Owned(v.to_owned())), Property::Known))
        }

        fn visit_string<E: de::Error>(self, v: String) -> Result<Property<'de>, E> {
            Ok(self.index(&v).map_or(Property::Other(Cow::Owned(v)), Property::Known))
        }
    }

    // Each property is read by a call to one of the functions below rather than by inline
    // code: they are compiled once per map and value type and shared by every struct,
    // where inline reads were compiled again for each property of each struct.

    /// Reads a property's value as the type of its local (`Option` and `Nullable` take
    /// `null` as `None` and `Null`).
    pub fn read<'de, A: MapAccess<'de>, T: Deserialize<'de>>(map: &mut A, local: &mut T) -> Result<(), A::Error> {
        *local = map.next_value()?;
        Ok(())
    }

    /// Reads a required, non-nullable property into the `Option` that holds it until the
    /// struct is complete.
    pub fn read_some<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
        map: &mut A,
        local: &mut Option<T>,
    ) -> Result<(), A::Error> {
        *local = Some(map.next_value()?);
        Ok(())
    }

    /// Reads a property the struct does not declare into its additional properties.
    pub fn read_additional<'de, A: MapAccess<'de>, V: Deserialize<'de>>(
        map: &mut A,
        additional: &mut std::collections::BTreeMap<String, V>,
        name: Cow<'de, str>,
    ) -> Result<(), A::Error> {
        additional.insert(name.into_owned(), map.next_value()?);
        Ok(())
    }

    /// Skips the value of a property the struct does not declare.
    pub fn skip<'de, A: MapAccess<'de>>(map: &mut A) -> Result<(), A::Error> {
        map.next_value::<de::IgnoredAny>().map(|_| ())
    }

    /// The value of a required property, or serde's `missing field` error.
    pub fn required<T, E: de::Error>(value: Option<T>, name: &'static str) -> Result<T, E> {
        value.ok_or_else(|| E::missing_field(name))
    }

    // Writing. A generated struct's public `Serialize` is its own generic code, a call per
    // property to a [`Writer`]: as fast as serde's derive, and compiled only in a crate that
    // serializes the struct. The generated client writes request bodies another way, as a
    // tree of [`Value`]s, which one shared function per serializer walks ([`Value`]'s
    // `Serialize`): that puts no code per struct in the generated crate itself, where each
    // request body's own `Serialize` would be compiled. The designs measured (rustc's build
    // peak for the default crate; instructions to write the flow challenges page, as a share
    // of serde's derived code's speed):
    // - every model deriving `Serialize`: 0.99x, but a build peak 12% higher (8% with the
    //   derive as the public `Serialize` only), past the target of half of openapi-generator's;
    // - every struct written through `Value` only: 0.87x;
    // - a constant shape per struct, each property's name, offset and kind read in place by
    //   the writer: 0.89x, for a generated source 25% larger;
    // - a `Writer` per struct, and [`Prop::fields`] for every struct rather than for the
    //   ones a request body reaches: 0.98x, build peak 3% higher (4% with a `?` per
    //   property rather than a `Writer` that keeps the first error);
    // - each property an `erased_serde` value: a virtual call per serializer method, once
    //   more at each level of nesting: 0.4x.

    /// A value to write, as the shared writer sees it: JSON's kinds, the formats the models
    /// hold (kept apart so each writes exactly as its own `Serialize` does), and references to
    /// the generated types that write themselves by listing their parts.
    #[derive(Clone, Copy)]
    pub enum Value<'a> {
        /// `null` (`Serializer::serialize_none`, as `Option` writes it).
        Null,
        Bool(bool),
        I32(i32),
        I64(i64),
        U8(u8),
        U64(u64),
        F64(f64),
        Str(&'a str),
        Uuid(&'a uuid::Uuid),
        DateTime(&'a chrono::DateTime<chrono::Utc>),
        Date(&'a chrono::NaiveDate),
        Json(&'a serde_json::Value),
        /// A generated struct: its properties ([`Prop::fields`]), written as a struct (or,
        /// with additional properties, a map).
        Object(&'a dyn Prop),
        /// A list.
        Seq(&'a dyn Items),
        /// A map with string keys.
        Map(&'a dyn Entries),
        /// A discriminated union's variant: the variant's object with the tag written first
        /// and the variant's own copy of the tag's property left out.
        Tagged(&'static Tag, &'a dyn Prop),
        /// Any other `Serialize` type (a type the config put in place of a generated one, a
        /// tuple): written through `erased_serde`.
        Other(&'a dyn erased_serde::Serialize),
    }

    /// A type that can be written as a [`Value`]: every generated model, and the types
    /// their properties hold.
    ///
    /// A struct that a request body reaches (or that has additional properties) implements
    /// only [`fields`](Prop::fields), listing its properties; the default `prop` makes it a
    /// [`Value::Object`]. Every other type implements `prop`: another struct as
    /// [`Value::Other`], through its own `Serialize` ([`Writer`]).
    /// One trait and one method per struct rather than more: each is implemented for every
    /// model, and the fewer items, the less memory rustc needs for the crate.
    pub trait Prop: AsProp {
        /// The value to write for `self`: by default, `self` as an object.
        fn prop(&self) -> Value<'_> {
            Value::Object(self.as_prop())
        }

        /// A struct's properties: puts them in `out` ([`Out::list`]), in the order the
        /// schema lists them.
        ///
        /// Only asked of a value whose `prop` is [`Value::Object`]; the default, for every
        /// other type, lists nothing (and writing it is then an error).
        fn fields<'a>(&'a self, out: &mut Out<'a>) {
            let _ = out;
        }
    }

    /// `self` as a `dyn Prop`, which [`Prop`]'s default `prop` needs (a default method cannot
    /// coerce a `Self` that may be unsized). Implemented for every sized [`Prop`].
    pub trait AsProp {
        /// `self`, as a trait object.
        fn as_prop(&self) -> &dyn Prop;
    }

    impl<T: Prop> AsProp for T {
        fn as_prop(&self) -> &dyn Prop {
            self
        }
    }

    /// What [`Prop::fields`] lists ([`Out::list`]), as the writer reads it.
    struct Fields<'a> {
        name: &'static str,
        names: &'static [&'static str],
        values: &'a [Option<Value<'a>>],
        additional: Option<&'a dyn Entries>,
    }

    /// A list's items, by position.
    pub trait Items {
        /// How many items there are.
        fn count(&self) -> usize;
        /// The item at `index` (below [`count`](Items::count)).
        fn item(&self, index: usize) -> Value<'_>;
    }

    /// A map's entries, in order.
    pub trait Entries {
        /// How many entries there are.
        fn count(&self) -> usize;
        /// Calls `f` with each entry, in order, while it returns `true`.
        fn each(&self, f: &mut dyn FnMut(&str, Value<'_>) -> bool);
    }

    /// A discriminator value: the property that selects a union's variant and the tag a
    /// variant is written with.
    pub struct Tag {
        pub property: &'static str,
        pub value: &'static str,
    }

    /// How many property values an [`Out`] holds in place. Almost every struct has fewer
    /// (all but 8 of authentik's 794); a larger one has its values copied to the heap.
    const INLINE: usize = 32;

    /// Where [`Prop::fields`] puts a struct's properties.
    ///
    /// It lives in the frame of the writer, which is compiled once per serializer type, so
    /// the writer goes on with the properties when `fields` returns. An earlier design had
    /// `fields` call the writer back through a closure instead: that second indirect call
    /// cost a two-string struct in a list 11 ns of its 63, and the flow challenges page 5%.
    pub struct Out<'a> {
        /// How many values were listed, or [`UNLISTED`] until [`list`](Out::list) is called:
        /// the one field an `Out` is made with, so that making one costs a single store.
        len: usize,
        /// The struct's name, its properties' names and its additional properties, once
        /// listed.
        shape: MaybeUninit<(&'static str, &'static [&'static str], Option<&'a dyn Entries>)>,
        /// The values, when there are at most [`INLINE`] of them.
        inline: [MaybeUninit<Option<Value<'a>>>; INLINE],
        /// The values, when there are more: initialized exactly when `len` is over `INLINE`
        /// and not [`UNLISTED`].
        spilled: MaybeUninit<Vec<Option<Value<'a>>>>,
    }

    /// [`Out::len`] before anything is listed.
    const UNLISTED: usize = usize::MAX;

    impl<'a> Out<'a> {
        fn new() -> Self {
            Out {
                len: UNLISTED,
                shape: MaybeUninit::uninit(),
                inline: [const { MaybeUninit::uninit() }; INLINE],
                spilled: MaybeUninit::uninit(),
            }
        }

        /// The body of every generated struct's [`Prop::fields`]: the struct's `name`, its
        /// declared properties' `names` (static, so that listing an object stores only its
        /// values), each one's value in the same order (or `None` to leave it out), and its
        /// `additional` properties, written after the declared ones (`None` for a struct
        /// that has none, written as a struct rather than a map).
        ///
        /// Always inlined, with the copy: a call passes these nine words of arguments partly
        /// on the stack, and reading them back just after they were written stalled the flow
        /// challenges at 6% of the time to write them; a call to copy them cost a struct in a
        /// list 9 ns. (Grouping the name and names in one static to pass fewer words raised
        /// the crate's build peak by 1-2%.)
        #[inline(always)]
        pub fn list(
            &mut self,
            name: &'static str,
            names: &'static [&'static str],
            values: &[Option<Value<'a>>],
            additional: Option<&'a dyn Entries>,
        ) {
            self.store(values);
            self.shape = MaybeUninit::new((name, names, additional));
        }

        #[inline(always)]
        fn store(&mut self, values: &[Option<Value<'a>>]) {
            if values.len() <= INLINE {
                // SAFETY: `inline` has room for `INLINE` values, `values` is no longer, and the
                // two do not overlap (`self` is borrowed mutably). A plain copy rather than a
                // loop of `MaybeUninit::write`: inlined into every struct's `fields`, the loop
                // raised the crate's debug build peak by 2%, the copy by 0.4%.
                unsafe {
                    std::ptr::copy_nonoverlapping(values.as_ptr(), self.inline.as_mut_ptr().cast(), values.len())
                };
            } else {
                // A second `list` (no generated `fields` makes one) leaks the first spill.
                self.spilled = MaybeUninit::new(values.to_vec());
            }
            self.len = values.len();
        }

        /// What [`list`](Out::list) was given, or `None` if it was not called.
        fn fields(&self) -> Option<Fields<'_>> {
            if self.len == UNLISTED {
                return None;
            }
            // SAFETY: `list` sets `shape` whenever it sets `len`.
            let (name, names, additional) = unsafe { self.shape.assume_init() };
            let values = if self.len <= INLINE {
                // SAFETY: `store` is the only writer of `inline` and `len`, and it writes the
                // first `len` slots whenever it sets a `len` of at most `INLINE`. The values
                // are `Copy`: nothing is dropped.
                unsafe { std::slice::from_raw_parts(self.inline.as_ptr().cast::<Option<Value<'a>>>(), self.len) }
            } else {
                // SAFETY: `len` is over `INLINE` and not `UNLISTED`, so `store` put them here.
                unsafe { self.spilled.assume_init_ref() }
            };
            Some(Fields { name, names, values, additional })
        }
    }

    impl Drop for Out<'_> {
        #[inline]
        fn drop(&mut self) {
            if self.len != UNLISTED && self.len > INLINE {
                // SAFETY: as in `fields`, `spilled` holds the values.
                unsafe { self.spilled.assume_init_drop() };
            }
        }
    }

    /// The `Serialize` body of every generated struct and discriminated union: an object
    /// or a union's variant straight to its writer, rather than through `Value`'s
    /// `Serialize`, whose dispatch on every kind cost a two-string struct in a list 8 ns of
    /// its 69.
    pub fn serialize<S: Serializer, T: Prop>(serializer: S, value: &T) -> Result<S::Ok, S::Error> {
        match value.prop() {
            Value::Object(object) => write_object(serializer, object, None),
            Value::Tagged(tag, variant) => write_tagged(serializer, tag, variant),
            other => other.serialize(serializer),
        }
    }

    /// The `Serialize` body of a generated struct without additional properties: the
    /// struct's properties in order, each a call, the first error kept and returned by
    /// [`end`](Writer::end).
    ///
    /// Generic code per struct, as serde's derive writes, and as fast (the shared writer
    /// through [`Value`] reaches 0.87x of it on the flow challenges page): rustc compiles it
    /// only in a crate that serializes the struct. Without a `?` per property, whose early
    /// returns made the crate's build peak 1% higher. (The design note above `Value`.)
    pub struct Writer<S: serde::ser::SerializeStruct> {
        state: Result<S, S::Error>,
    }

    impl<S: serde::ser::SerializeStruct> Writer<S> {
        /// What `serialize_struct` returned, given the number of [`written`] properties.
        #[inline(always)]
        pub fn new(state: Result<S, S::Error>) -> Self {
            Writer { state }
        }

        /// A required property.
        #[inline(always)]
        pub fn field<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) {
            self.step(|object| object.serialize_field(name, value));
        }

        /// A property left out (`skip_field`, which some formats note).
        #[inline(always)]
        pub fn skip(&mut self, name: &'static str) {
            self.step(|object| object.skip_field(name));
        }

        /// Runs `write` unless an earlier step failed, keeping its error if it fails.
        #[inline(always)]
        fn step(&mut self, write: impl FnOnce(&mut S) -> Result<(), S::Error>) {
            if let Ok(object) = &mut self.state
                && let Err(error) = write(object)
            {
                self.state = Err(error);
            }
        }

        /// An optional property: left out when `None` (and written as the `Option`, as
        /// serde's derive writes it, when not).
        #[inline(always)]
        pub fn optional<T: Serialize>(&mut self, name: &'static str, value: &Option<T>) {
            match value {
                Some(_) => self.field(name, value),
                None => self.skip(name),
            }
        }

        /// An optional, nullable property: left out when absent, `null` when null.
        #[inline(always)]
        pub fn nullable<T: Serialize>(&mut self, name: &'static str, value: &Nullable<T>) {
            match value {
                Nullable::Absent => self.skip(name),
                Nullable::Null => self.field(name, &None::<T>),
                Nullable::Value(value) => self.field(name, value),
            }
        }

        /// Ends the struct, or returns the first error.
        #[inline(always)]
        pub fn end(self) -> Result<S::Ok, S::Error> {
            self.state?.end()
        }
    }

    /// How many of a struct's properties are written, given whether each is: the length
    /// `serialize_struct` announces ([`Writer`]).
    #[inline(always)]
    pub fn written<const N: usize>(written: [bool; N]) -> usize {
        written.iter().filter(|written| **written).count()
    }

    /// A property that is always written.
    pub fn value<T: Prop>(value: &T) -> Option<Value<'_>> {
        Some(value.prop())
    }

    /// An optional property: left out when `None`.
    pub fn optional<T: Prop>(value: &Option<T>) -> Option<Value<'_>> {
        value.as_ref().map(Prop::prop)
    }

    /// An optional, nullable property: left out when absent, `null` when null.
    pub fn nullable<T: Prop>(value: &Nullable<T>) -> Option<Value<'_>> {
        match value {
            Nullable::Absent => None,
            Nullable::Null => Some(Value::Null),
            Nullable::Value(v) => Some(v.prop()),
        }
    }

    /// [`value`] for a type that is not a [`Prop`] (a type the config names in place of a
    /// generated one, a tuple): written through its own `Serialize`.
    pub fn opaque<T: Serialize>(value: &T) -> Option<Value<'_>> {
        Some(Value::Other(value))
    }

    /// [`optional`] for a type that is not a [`Prop`].
    pub fn optional_opaque<T: Serialize>(value: &Option<T>) -> Option<Value<'_>> {
        value.as_ref().map(|v| Value::Other(v))
    }

    /// [`nullable`] for a type that is not a [`Prop`].
    pub fn nullable_opaque<T: Serialize>(value: &Nullable<T>) -> Option<Value<'_>> {
        (!value.is_absent()).then_some(Value::Other(value))
    }

    /// Additional properties whose values are not a [`Prop`]: each written through its own
    /// `Serialize`.
    pub struct OpaqueEntries<'a, V>(pub &'a std::collections::BTreeMap<String, V>);

    impl<V: Serialize> Entries for OpaqueEntries<'_, V> {
        fn count(&self) -> usize {
            self.0.len()
        }

        fn each(&self, f: &mut dyn FnMut(&str, Value<'_>) -> bool) {
            each_entry(self.0, f, |v| Value::Other(v))
        }
    }

    /// [`Entries::each`] of a map's entries, each value written as `value` makes it.
    fn each_entry<'a, V: 'a>(
        entries: impl IntoIterator<Item = (&'a String, &'a V)>,
        f: &mut dyn FnMut(&str, Value<'_>) -> bool,
        value: impl Fn(&'a V) -> Value<'a>,
    ) {
        for (key, v) in entries {
            if !f(key, value(v)) {
                break;
            }
        }
    }

    macro_rules! props {
        ($($ty:ty => |$v:ident| $value:expr;)*) => {
            $(impl Prop for $ty {
                fn prop(&self) -> Value<'_> {
                    let $v = self;
                    $value
                }
            })*
        };
    }

    props! {
        bool => |v| Value::Bool(*v);
        i32 => |v| Value::I32(*v);
        i64 => |v| Value::I64(*v);
        u8 => |v| Value::U8(*v);
        u64 => |v| Value::U64(*v);
        f64 => |v| Value::F64(*v);
        String => |v| Value::Str(v);
        uuid::Uuid => |v| Value::Uuid(v);
        chrono::DateTime<chrono::Utc> => |v| Value::DateTime(v);
        chrono::NaiveDate => |v| Value::Date(v);
        serde_json::Value => |v| Value::Json(v);
        serde_json::Map<String, serde_json::Value> => |v| Value::Map(v);
    }

    impl<T: Prop> Prop for Box<T> {
        fn prop(&self) -> Value<'_> {
            (**self).prop()
        }
    }

    /// `None` is `null` (a nullable list item or map value, a required nullable property).
    impl<T: Prop> Prop for Option<T> {
        fn prop(&self) -> Value<'_> {
            self.as_ref().map_or(Value::Null, Prop::prop)
        }
    }

    impl<T: Prop> Prop for Vec<T> {
        fn prop(&self) -> Value<'_> {
            Value::Seq(self)
        }
    }

    impl<T: Prop> Items for Vec<T> {
        fn count(&self) -> usize {
            self.len()
        }

        fn item(&self, index: usize) -> Value<'_> {
            self[index].prop()
        }
    }

    impl<V: Prop> Prop for std::collections::BTreeMap<String, V> {
        fn prop(&self) -> Value<'_> {
            Value::Map(self)
        }
    }

    impl<V: Prop> Entries for std::collections::BTreeMap<String, V> {
        fn count(&self) -> usize {
            self.len()
        }

        fn each(&self, f: &mut dyn FnMut(&str, Value<'_>) -> bool) {
            each_entry(self, f, Prop::prop)
        }
    }

    impl Entries for serde_json::Map<String, serde_json::Value> {
        fn count(&self) -> usize {
            self.len()
        }

        fn each(&self, f: &mut dyn FnMut(&str, Value<'_>) -> bool) {
            each_entry(self, f, Value::Json)
        }
    }

    // The one writer. Compiled once per serializer type, and only ever called again at the
    // types the serializer itself hands out for its elements: what would wrap the serializer
    // (a union's tag around a value that is not an object) goes through `erased_serde`, so a
    // union nested in a union does not instantiate it at ever deeper types.
    impl Serialize for Value<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            match *self {
                Value::Null => serializer.serialize_none(),
                Value::Bool(v) => serializer.serialize_bool(v),
                Value::I32(v) => serializer.serialize_i32(v),
                Value::I64(v) => serializer.serialize_i64(v),
                Value::U8(v) => serializer.serialize_u8(v),
                Value::U64(v) => serializer.serialize_u64(v),
                Value::F64(v) => serializer.serialize_f64(v),
                Value::Str(v) => serializer.serialize_str(v),
                Value::Uuid(v) => v.serialize(serializer),
                Value::DateTime(v) => v.serialize(serializer),
                Value::Date(v) => v.serialize(serializer),
                Value::Json(v) => v.serialize(serializer),
                Value::Object(object) => write_object(serializer, object, None),
                Value::Seq(items) => write_items(serializer, items),
                Value::Map(entries) => EntriesRef(entries).serialize(serializer),
                Value::Tagged(tag, variant) => write_tagged(serializer, tag, variant),
                Value::Other(v) => v.serialize(serializer),
            }
        }
    }

    // `direct!(value, |v| expr)`: `expr` with `v` bound to `value` as the type it holds, for
    // the kinds most properties are, so that the serializer's own method is called directly
    // rather than through `Value`'s `Serialize` (a call the serializer cannot inline, and a
    // second dispatch on the kind): in perf's profile of the flow challenges, the writer's
    // largest cost of its own.
    macro_rules! direct {
        ($value:expr, |$v:ident| $write:expr) => {
            match $value {
                Value::Str(text) => {
                    let $v = text;
                    $write
                }
                Value::Object(object) => {
                    let $v = &ObjectRef(object);
                    $write
                }
                Value::Seq(items) => {
                    let $v = &ItemsRef(items);
                    $write
                }
                Value::Bool(flag) => {
                    let $v = &flag;
                    $write
                }
                Value::Map(entries) => {
                    let $v = &EntriesRef(entries);
                    $write
                }
                other => {
                    let $v = &other;
                    $write
                }
            }
        };
    }

    /// A nested object, written without going through `Value`'s `Serialize` again.
    struct ObjectRef<'a>(&'a dyn Prop);

    impl Serialize for ObjectRef<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            write_object(serializer, self.0, None)
        }
    }

    /// A nested map, likewise (most often a property's additional properties, or error
    /// details by field).
    struct EntriesRef<'a>(&'a dyn Entries);

    impl Serialize for EntriesRef<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeMap;
            let mut map = serializer.serialize_map(Some(self.0.count()))?;
            write_entries(&mut map, self.0, None)?;
            map.end()
        }
    }

    /// A nested list, likewise.
    struct ItemsRef<'a>(&'a dyn Items);

    impl Serialize for ItemsRef<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            write_items(serializer, self.0)
        }
    }

    fn write_items<S: Serializer>(serializer: S, items: &dyn Items) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let count = items.count();
        let mut seq = serializer.serialize_seq(Some(count))?;
        for index in 0..count {
            direct!(items.item(index), |item| seq.serialize_element(item)?);
        }
        seq.end()
    }

    fn write_object<S: Serializer>(serializer: S, object: &dyn Prop, tag: Option<&Tag>) -> Result<S::Ok, S::Error> {
        try_object(serializer, object, tag)
            .unwrap_or_else(|_| Err(serde::ser::Error::custom("an object listed no properties")))
    }

    /// Writes `object`'s properties if it lists any ([`Prop::fields`]); otherwise hands the
    /// serializer back, unused.
    fn try_object<S: Serializer>(
        serializer: S,
        object: &dyn Prop,
        tag: Option<&Tag>,
    ) -> Result<Result<S::Ok, S::Error>, S> {
        let mut out = Out::new();
        object.fields(&mut out);
        match out.fields() {
            Some(fields) if tag.is_none() && fields.additional.is_none() => Ok(write_struct(serializer, &fields)),
            Some(fields) => Ok(write_fields(serializer, &fields, tag)),
            None => Err(serializer),
        }
    }

    /// The properties of an object with neither a tag nor additional properties, which
    /// almost every object is: [`write_fields`] without the checks for either. Kept apart,
    /// it saved 2% of the instructions to write the flow challenges (callgrind).
    fn write_struct<S: Serializer>(serializer: S, fields: &Fields<'_>) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let count = present(fields.values);
        let mut object = serializer.serialize_struct(fields.name, count)?;
        for (name, value) in fields.names.iter().zip(fields.values) {
            // Strings, most properties, first: 0.6% fewer instructions for the challenges
            // and 0.3% for the tokens page than through `direct!` alone (callgrind).
            if let Some(Value::Str(text)) = value {
                object.serialize_field(name, text)?;
                continue;
            }
            match value {
                Some(value) => direct!(*value, |v| object.serialize_field(name, v)?),
                None => object.skip_field(name)?,
            }
        }
        object.end()
    }

    /// How many of `values` are written: the length `serialize_struct` announces, which
    /// formats such as MessagePack write out. Counted two at a time: LLVM vectorized the
    /// plain count into a loop that cost more than it saved on the few properties most
    /// objects have (0.6% fewer instructions to write the flow challenges, callgrind).
    #[inline(always)]
    fn present(values: &[Option<Value<'_>>]) -> usize {
        let mut n = 0u32;
        let mut pairs = values.chunks_exact(2);
        for pair in &mut pairs {
            n += u32::from(pair[0].is_some()) + u32::from(pair[1].is_some());
        }
        if let [last] = pairs.remainder() {
            n += u32::from(last.is_some());
        }
        n as usize
    }

    /// A union's variant with its tag. Most variants are structs, so their properties are
    /// asked for first, without a call to `prop` to learn that.
    fn write_tagged<S: Serializer>(serializer: S, tag: &Tag, variant: &dyn Prop) -> Result<S::Ok, S::Error> {
        try_object(serializer, variant, Some(tag)).unwrap_or_else(|serializer| match variant.prop() {
            Value::Object(_) => Err(serde::ser::Error::custom("an object listed no properties")),
            // A map gets the tag through `tagged`'s serializer; anything else is refused
            // there, as a discriminator needs an object to sit in.
            other => {
                tagged::serialize(serializer, tag.property, tag.value, &other as &dyn erased_serde::Serialize, false)
            }
        })
    }

    /// The properties as a struct, or as a map when there are additional ones; with a tag,
    /// the tag first and the struct's own property of that name left out. Not inlined into
    /// [`try_object`], so that the common case, [`write_struct`], keeps a small frame.
    #[inline(never)]
    fn write_fields<S: Serializer>(serializer: S, fields: &Fields<'_>, tag: Option<&Tag>) -> Result<S::Ok, S::Error> {
        // The position of the variant's own copy of the tag (or `usize::MAX`), found once
        // rather than by comparing every name as it is written. The tag's property and the
        // variant's name for it are the same literal, which the compiler most often merges:
        // comparing addresses first saves comparing the text of every name before it.
        let own = tag
            .and_then(|t| {
                let names = fields.names;
                names
                    .iter()
                    .position(|name| std::ptr::eq(*name, t.property))
                    .or_else(|| names.iter().position(|name| *name == t.property))
            })
            .unwrap_or(usize::MAX);
        let listed = fields.names.iter().zip(fields.values).enumerate();
        match fields.additional {
            None => {
                use serde::ser::SerializeStruct;
                let present = present(fields.values);
                let own_present = fields.values.get(own).is_some_and(Option::is_some);
                let count = present + usize::from(tag.is_some()) - usize::from(own_present);
                let mut object = serializer.serialize_struct(fields.name, count)?;
                if let Some(tag) = tag {
                    object.serialize_field(tag.property, tag.value)?;
                }
                for (index, (name, value)) in listed {
                    match value {
                        // Strings first, as in `write_struct`: 0.5% fewer instructions here.
                        Some(Value::Str(text)) if index != own => object.serialize_field(name, text)?,
                        Some(value) if index != own => {
                            direct!(*value, |v| object.serialize_field(name, v)?)
                        }
                        _ => object.skip_field(name)?,
                    }
                }
                object.end()
            }
            Some(additional) => {
                use serde::ser::SerializeMap;
                let mut map = serializer.serialize_map(None)?;
                if let Some(tag) = tag {
                    map.serialize_entry(tag.property, tag.value)?;
                }
                for (index, (name, value)) in listed {
                    match value {
                        Some(value) if index != own => direct!(*value, |v| map.serialize_entry(name, v)?),
                        _ => {}
                    }
                }
                write_entries(&mut map, additional, tag)?;
                map.end()
            }
        }
    }

    fn write_entries<M: serde::ser::SerializeMap>(
        map: &mut M,
        entries: &dyn Entries,
        tag: Option<&Tag>,
    ) -> Result<(), M::Error> {
        // The first error, kept apart rather than as a `Result` assigned after every entry,
        // which dropped the previous `Ok` each time (a call per entry in callgrind's count).
        let mut failed = None;
        entries.each(&mut |key, value| {
            if tag.is_some_and(|t| t.property == key) {
                return true;
            }
            match direct!(value, |v| map.serialize_entry(key, v)) {
                Ok(()) => true,
                Err(error) => {
                    failed = Some(error);
                    false
                }
            }
        });
        failed.map_or(Ok(()), Err)
    }
}
