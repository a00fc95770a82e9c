//! The hand-written runtime of every crate akgen generates, as a crate of its own so that
//! rustfmt, clippy, rust-analyzer and unit tests reach it (as `progenitor-client` is for
//! progenitor).
//!
//! akgen embeds these same files, byte for byte, into each generated crate
//! (`include_str!` in `generator/src/emit/plan.rs`), at the same module paths as here:
//! `runtime`, `validation`, `client::transport` and `server::support`; `rfc3339` goes inside
//! the models module, where `[formats] date-time = "time"` asks for it. The items the files
//! use from the generated crate around them are the constants below.

#![allow(
    clippy::result_large_err,
    reason = "errors keep the whole response (status, headers, body) for the caller to inspect, as in generated crates"
)]

/// The generated crate's base path (its first server's path), which the transport and the
/// router prefix to every operation's path. Here: none.
pub const BASE_PATH: &str = "";

pub mod runtime;
pub mod validation;

#[cfg(feature = "time")]
pub mod rfc3339;

/// The generated crate's `client` module, as far as the transport needs it.
#[cfg(feature = "client")]
pub mod client {
    pub use crate::BASE_PATH;

    /// The generated crate's main security scheme, which `bearer_token` is the credential
    /// of. Here: the one the runtime's tests name.
    pub const DEFAULT_SCHEME: &str = "bearer";

    pub mod transport;
}

/// The generated crate's `server` module, as far as the support code needs it.
#[cfg(feature = "server")]
pub mod server {
    pub mod support;
}
