//! `format: date-time` as the `time` crate's `OffsetDateTime` (`[formats] date-time = "time"`).
//!
//! `time::OffsetDateTime`'s own `Serialize` writes a tuple of its fields, not RFC 3339 text,
//! and `#[serde(with = …)]` reaches only a field's outer type, not a `Vec` or `Option` of it.
//! So the models hold this newtype, whose serde form is the RFC 3339 text OpenAPI specifies,
//! wherever the format appears. It derefs to the `time` value and converts both ways.

use std::fmt;
use std::ops::Deref;
use std::str::FromStr;

use time::format_description::well_known::Rfc3339;

/// An RFC 3339 date-time, kept with the offset it was sent with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateTime(pub time::OffsetDateTime);

impl Deref for DateTime {
    type Target = time::OffsetDateTime;

    fn deref(&self) -> &time::OffsetDateTime {
        &self.0
    }
}

impl From<time::OffsetDateTime> for DateTime {
    fn from(value: time::OffsetDateTime) -> Self {
        DateTime(value)
    }
}

impl From<DateTime> for time::OffsetDateTime {
    fn from(value: DateTime) -> Self {
        value.0
    }
}

/// RFC 3339 text; an error for a year RFC 3339 cannot write (before 0000 or after 9999).
impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.format(&Rfc3339).map_err(|_| fmt::Error)?)
    }
}

impl FromStr for DateTime {
    type Err = time::error::Parse;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        time::OffsetDateTime::parse(text, &Rfc3339).map(DateTime)
    }
}

impl serde::Serialize for DateTime {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let text = self.0.format(&Rfc3339).map_err(serde::ser::Error::custom)?;
        serializer.serialize_str(&text)
    }
}

impl<'de> serde::Deserialize<'de> for DateTime {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Text;
        impl serde::de::Visitor<'_> for Text {
            type Value = DateTime;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an RFC 3339 date-time")
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<DateTime, E> {
                text.parse().map_err(|e| E::custom(format_args!("{e}: {text:?} is not an RFC 3339 date-time")))
            }
        }
        deserializer.deserialize_str(Text)
    }
}

#[cfg(test)]
mod tests {
    use super::DateTime;

    #[test]
    fn rfc3339_text_round_trips_with_its_offset() {
        for text in ["2024-08-29T09:21:52.318000Z", "2026-12-02T04:00:49+02:00", "1999-01-01T00:00:00-00:30"] {
            let json = serde_json::Value::String(text.into());
            let parsed: DateTime = serde_json::from_value(json.clone()).unwrap();
            // The instant and the offset survive; `time` writes the same RFC 3339 text
            // except for trailing zeros of the fraction.
            let again: DateTime = serde_json::from_value(serde_json::to_value(parsed).unwrap()).unwrap();
            assert_eq!(again, parsed, "{text}");
            assert_eq!(parsed.0, time::OffsetDateTime::parse(text, &super::Rfc3339).unwrap());
        }
        assert_eq!(serde_json::to_value(DateTime(time::OffsetDateTime::UNIX_EPOCH)).unwrap(), "1970-01-01T00:00:00Z");
    }

    #[test]
    fn what_rfc3339_does_not_allow_is_refused() {
        // (A space for the `T` is allowed: RFC 3339, 5.6, lets applications use one.)
        for text in ["2024-08-29", "2024-08-29T09:21:52", "yesterday", "2024-13-01T00:00:00Z", "2024-02-30T00:00:00Z"] {
            let error = serde_json::from_value::<DateTime>(serde_json::Value::String(text.into())).unwrap_err();
            assert!(error.to_string().contains("is not an RFC 3339 date-time"), "{text}: {error}");
        }
        assert!(serde_json::from_value::<DateTime>(serde_json::json!(1700000000)).is_err());
    }
}
