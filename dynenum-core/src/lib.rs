//! Case-insensitive string enums that plugins can extend.
//!
//! A program with plugins knows some names at compile time (its built-in backends, endpoints, UIs) and
//! learns more at run time (plugin names, values in config files). A closed Rust `enum` is fast, typed
//! and autocompleted but rejects anything new; a `String` accepts anything but is untyped, case-fragile
//! and slow to compare. `dynenum` gives both in one type.
//!
//! ```
//! # #[cfg(feature = "derive")] {
//! use dynenum_core::{DynamicStrEnum, Member};
//!
//! #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
//! enum EndpointType {
//!     /// OpenAI-compatible chat completions.
//!     OpenaiChat,
//!     #[dynenum(alias = "claude")]
//!     AnthropicChat,
//! }
//!
//! // Built-in members: an ordinary enum, with case-insensitive names.
//! assert_eq!(EndpointType::OpenaiChat, "OPENAI_CHAT");
//! assert_eq!("claude".parse::<EndpointType>()?, EndpointType::AnthropicChat);
//!
//! // Any other valid name is a dynamic member: a proxy that behaves like a variant.
//! let nv = EndpointType::dynamic("NVIDIA_OPTIMIZED")?;
//! assert_eq!(nv.to_string(), "nvidia_optimized");
//!
//! // `Member` holds either kind: the type for configs and APIs.
//! let m: Member<EndpointType> = "Nvidia_Optimized".parse()?;
//! assert_eq!(m, Member::Dynamic(nv));
//!
//! // Plugins register their names in the enum's registry.
//! EndpointType::registry().register_with_description("local_llama", "a model on this machine")?;
//! assert_eq!(Member::<EndpointType>::all().count(), 3);
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # The derive
//!
//! `#[derive(DynamicStrEnum)]` applies to a fieldless enum without generics. You derive `Clone`, `Copy`,
//! `PartialEq` and `Eq` yourself (and `Debug` if you want it); the derive implements [`DynamicStrEnum`],
//! `Hash`, `FromStr` and `TryFrom<&str>` (with [`ParseError`]), `Display`, `AsRef<str>`,
//! `From<E> for &'static str`, `Borrow<Caseless>`, and `PartialEq` with `str`, `&str`, `String` (both
//! directions) and [`Member<E>`]. Comparison with text uses the canonical name only; aliases are for
//! parsing.
//!
//! Enum attributes, `#[dynenum(...)]`:
//!
//! | attribute | meaning |
//! |---|---|
//! | `rename_all = "snake_case"` | naming style of the variants: `lowercase`, `UPPERCASE`, `PascalCase`, `camelCase`, `snake_case` (default), `SCREAMING_SNAKE_CASE`, `kebab-case`, `SCREAMING-KEBAB-CASE` |
//! | `dynamic = "open"` | what parsing accepts for names that are not built-in: any valid name (`"open"`, default) or registered names only (`"registered"`) |
//! | `ignore_separators` | `-`, `_` and ` ` count as the same character in parsing, comparison and hashing; names are stored with the style's separator |
//! | `max_len = 255` | the longest name accepted, in bytes |
//! | `crate = "path"` | where `dynenum_core` is, for crates that re-export it |
//!
//! Variant attributes: `rename = "name"`, `alias = "name"` (repeatable), `description = "text"` (else the
//! doc comment's first paragraph).
//!
//! Every name obeys the same rules: not empty, at most `max_len` bytes, no control character, no leading
//! or trailing whitespace. Two names equal ignoring ASCII case, or a name that breaks a rule, is a
//! compile error.

#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod caseless;
#[cfg(feature = "clap")]
mod clap;
mod error;
mod integrations;
#[cfg(feature = "register")]
mod link;
mod member;
mod name;
mod phf;
mod registry;
#[cfg(feature = "schemars")]
mod schemars;
#[cfg(feature = "serde")]
mod serde;
mod traits;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

pub use caseless::Caseless;
pub use error::{NameError, ParseError};
pub use member::{DynamicMember, Member};
pub use registry::Registry;
pub use traits::DynamicStrEnum;

/// Derives [`DynamicStrEnum`] and the string behaviour that goes with it; see the [crate docs](crate).
#[cfg(feature = "derive")]
pub use dynenum_derive::DynamicStrEnum;
