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
    use serde_json::Value;

    /// Serializes `value` as an object whose `property` is `tag`.
    pub fn serialize<S: Serializer, T: Serialize>(
        serializer: S,
        property: &str,
        tag: &str,
        value: &T,
    ) -> Result<S::Ok, S::Error> {
        let mut json = serde_json::to_value(value).map_err(serde::ser::Error::custom)?;
        let Value::Object(map) = &mut json else {
            return Err(serde::ser::Error::custom(format!(
                "variant `{tag}` does not serialize to an object, so `{property}` cannot be added"
            )));
        };
        map.insert(property.to_owned(), Value::String(tag.to_owned()));
        json.serialize(serializer)
    }

    /// The discriminator value of an incoming object.
    pub fn tag_of<'v, E: de::Error>(value: &'v Value, property: &str) -> Result<&'v str, E> {
        match value.get(property) {
            Some(Value::String(tag)) => Ok(tag),
            Some(other) => Err(E::custom(format!("discriminator `{property}` must be a string, found {other}"))),
            None => Err(E::custom(format!("missing discriminator property `{property}`"))),
        }
    }

    /// Deserializes the variant's type from the buffered object.
    pub fn from_value<T: DeserializeOwned, E: de::Error>(value: Value) -> Result<T, E> {
        serde_json::from_value(value).map_err(E::custom)
    }

    /// The properties of an object whose discriminator value the spec does not list, for
    /// the union's catch-all variant ([`tag_of`] found the value, so it is an object).
    pub fn into_object(value: Value) -> serde_json::Map<String, Value> {
        match value {
            Value::Object(map) => map,
            _ => serde_json::Map::new(),
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
