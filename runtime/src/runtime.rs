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
    /// variant's own properties as it writes them, less any `property` of its own.
    ///
    /// The variant writes straight into `serializer` (through `Tagged`); buffering it as a
    /// `serde_json::Value` to insert the tag made this several times slower than serde's
    /// derived internally tagged enums.
    pub fn serialize<S: Serializer, T: Serialize + ?Sized>(
        serializer: S,
        property: &'static str,
        tag: &'static str,
        value: &T,
    ) -> Result<S::Ok, S::Error> {
        value.serialize(Tagged { inner: serializer, property, tag })
    }

    /// A serializer that accepts only objects (structs and maps), writing `property: tag`
    /// before their properties; anything else is an error, since a discriminator needs an
    /// object to sit in.
    struct Tagged<S> {
        inner: S,
        property: &'static str,
        tag: &'static str,
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
            // The length is a hint: one more for the tag, and the variant's own
            // `property`, when it writes one, is left out.
            let mut object = self.inner.serialize_struct(name, len + 1)?;
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
            while let Some(key) = map.next_key_seed(object::Properties(&[U::PROPERTY]))? {
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

    /// Reads a property name and looks it up among a struct's declared names.
    pub struct Properties(pub &'static [&'static str]);

    impl Properties {
        fn index(&self, name: &str) -> Option<usize> {
            self.0.iter().position(|n| *n == name)
        }
    }

    impl<'de> DeserializeSeed<'de> for Properties {
        type Value = Property<'de>;

        fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Property<'de>, D::Error> {
            deserializer.deserialize_identifier(self)
        }
    }

    impl<'de> Visitor<'de> for Properties {
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

    /// A property to write: its name and its value, or `None` to leave it out.
    ///
    /// Structs serialize by listing their properties as type-erased values for one shared
    /// function, [`serialize`], instead of deriving `Serialize`: the derive wrote a
    /// serializer per struct, about an eighth of the memory rustc needed for the crate.
    pub type Field<'a> = (&'static str, Option<&'a dyn erased_serde::Serialize>);

    /// A property that is always written.
    pub fn value<T: Serialize>(value: &T) -> Option<&dyn erased_serde::Serialize> {
        Some(value)
    }

    /// An optional property: left out when `None`.
    pub fn optional<T: Serialize>(value: &Option<T>) -> Option<&dyn erased_serde::Serialize> {
        value.as_ref().map(|v| v as &dyn erased_serde::Serialize)
    }

    /// An optional, nullable property: left out when absent, `null` when null.
    pub fn nullable<T: Serialize>(value: &Nullable<T>) -> Option<&dyn erased_serde::Serialize> {
        (!value.is_absent()).then_some(value as &dyn erased_serde::Serialize)
    }

    /// The `Serialize` body of every generated struct: the properties given, in order,
    /// as a struct named `name`.
    pub fn serialize<S: Serializer>(
        serializer: S,
        name: &'static str,
        fields: &[Field<'_>],
    ) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut object = serializer.serialize_struct(name, fields.iter().filter(|(_, v)| v.is_some()).count())?;
        for (key, value) in fields {
            match value {
                Some(value) => object.serialize_field(key, value)?,
                None => object.skip_field(key)?,
            }
        }
        object.end()
    }

    /// [`serialize`] for a struct with additional properties: a map of the declared
    /// properties, then the additional ones.
    pub fn serialize_open<S: Serializer, V: Serialize>(
        serializer: S,
        fields: &[Field<'_>],
        additional: &std::collections::BTreeMap<String, V>,
    ) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut object = serializer.serialize_map(None)?;
        for (key, value) in fields {
            if let Some(value) = value {
                object.serialize_entry(key, value)?;
            }
        }
        for (key, value) in additional {
            object.serialize_entry(key, value)?;
        }
        object.end()
    }
}
