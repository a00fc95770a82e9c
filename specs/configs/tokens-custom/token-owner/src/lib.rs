//! The owner of a token as this SDK's users want it: the primary key and username typed,
//! every other property kept as the server sent it, so that a server older or newer than
//! the spec (a user field added, one left out) never fails a token's decoding.

use serde::{Deserialize, Serialize};

/// A user, as much of it as the server sends.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Owner {
    pub pk: i64,
    pub username: String,
    /// Every other property.
    #[serde(flatten)]
    pub rest: serde_json::Map<String, serde_json::Value>,
}

/// The body that sets a token's key, as this SDK's users write it: a plain `Serialize`
/// type, so the generated client must write it through its own `Serialize` rather than
/// as one of its models.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewKey {
    pub key: String,
}
