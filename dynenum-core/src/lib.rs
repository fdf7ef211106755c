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
//! # The pieces
//!
//! - [`macro@DynamicStrEnum`], the derive, turns a fieldless enum into a case-insensitive string enum:
//!   parsing (with "did you mean" errors), display, hashing, comparison with strings, iteration over the
//!   variants. Its attributes set the naming style, renames, aliases and what dynamic names are allowed.
//! - [`DynamicStrEnum`], the trait it implements: `VARIANTS`, `NAMES`, `from_name`, `dynamic`, `lookup`.
//! - [`DynamicMember<E>`]: the proxy for a name that is not built-in. It compares, hashes, orders and
//!   prints like a variant, and never allocates to clone.
//! - [`Member<E>`]: built-in or dynamic, the type to keep in configs and APIs.
//! - [`Registry<E>`]: the names plugins add, at run time or at link time with [`register!`]; each
//!   registered member knows its [`Origin`] (the module of the `register!` call, or run time).
//! - [`Plugins<E, V>`]: a plugin table, a value of the application's own type on every name (a
//!   factory, metadata): built-in values from an exhaustive `match`, plugin values from
//!   [`plugin!`] in any linked crate or [`Plugins::register`] at run time, priorities and origins
//!   ([`PluginRef`], [`Conflict`]), errors naming the table's category ([`PluginError`]), and the
//!   object-safe [`Category`] trait ([`EntryInfo`]) to list tables of different value types together.
//! - [`Caseless`]: look up a `HashMap<Member<E>, V>` by any ASCII case of a name, without allocating.
//! - [`ParseError`] and [`NameError`]: what went wrong, with the valid names and the nearest one.
//! - With the `clap` feature, `BuiltinParser<E>` and `MemberParser<E>`: the clap value parsers that
//!   `clap::value_parser!` picks for a derived enum and for `Member<E>` (no attribute needed).
//!
//! Names compare ignoring ASCII case only: `é` and `É` are different names. Every name, built-in or
//! dynamic, is non-empty, at most `max_len` bytes (255 by default), has no control character and no
//! leading or trailing whitespace.
//!
//! # Features
//!
//! | feature | default | what it adds |
//! |---|---|---|
//! | `derive` | yes | `#[derive(DynamicStrEnum)]`, re-exported here |
//! | `register` | yes | [`register!`] and [`plugin!`]: link-time plugin names and values (through `inventory`) |
//! | `serde` | no | `Serialize`/`Deserialize` for derived enums, `Member` and `DynamicMember`: always the name, as a string |
//! | `clap` | no | derived enums and `Member` as typed clap 4 arguments, case-insensitive; `Plugins::value_parser` |
//! | `schemars` | no | `JsonSchema` (schemars 1) for derived enums and `Member` |
//!
//! The integrations need no attribute on the enum: the derive's output switches them on when this
//! crate is built with the feature.
//!
//! With `serde`, every member is written as its canonical name, a string, in every format, binary
//! ones (bincode, postcard, CBOR) included. serde's own derive writes a variant's index in binary
//! formats; dynenum never does, so stored data stays readable when variants are added or reordered,
//! and built-in and dynamic members share one wire form.
//!
//! ```
//! # #[cfg(all(feature = "derive", feature = "serde"))] {
//! use dynenum_core::{DynamicStrEnum, Member};
//!
//! #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
//! enum Backend {
//!     Postgres,
//!     Sqlite,
//! }
//!
//! #[derive(serde::Deserialize)]
//! struct Config {
//!     backend: Member<Backend>,
//! }
//!
//! let config: Config = serde_json::from_str(r#"{ "backend": "DuckDB" }"#)?;
//! assert_eq!(config.backend.to_string(), "duckdb");
//! # }
//! # Ok::<(), serde_json::Error>(())
//! ```

#![deny(missing_docs)]
// Every public type must be nameable from the crate root, so users can find and name it.
#![warn(unnameable_types)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod caseless;
#[cfg(feature = "clap")]
mod clap;
mod error;
mod escape;
#[rustfmt::skip]
mod escape_table;
mod integrations;
#[cfg(feature = "register")]
mod link;
mod member;
mod name;
mod phf;
mod plugins;
#[cfg(feature = "clap")]
mod plugins_clap;
mod plugins_error;
mod plugins_link;
mod plugins_ref;
mod plugins_table;
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
#[cfg(feature = "clap")]
#[cfg_attr(docsrs, doc(cfg(feature = "clap")))]
pub use clap::{BuiltinParser, MemberParser};
pub use error::{NameError, ParseError};
pub use member::{DynamicMember, Member, Origin};
pub use plugins::{PluginKey, Plugins};
#[cfg(feature = "clap")]
pub use plugins_clap::PluginParser;
pub use plugins_error::PluginError;
pub use plugins_ref::{Category, Conflict, EntryInfo, PluginRef};
pub use registry::Registry;
pub use traits::DynamicStrEnum;

/// Derives [`DynamicStrEnum`](trait@DynamicStrEnum) and the string behaviour that goes with it.
///
/// Applies to a fieldless enum without generics. Derive `Clone`, `Copy`, `PartialEq` and `Eq` yourself
/// (and `Debug` if you want it); this derive implements the trait, `Hash` (deriving `Hash` as well is
/// an error), `FromStr` and `TryFrom<&str>` (with [`ParseError`]), `Display`, `AsRef<str>`,
/// `From<E>` and `From<&E>` for `&'static str`, `Borrow<Caseless>`, `PartialEq` with `str`, `&str` and `String` in both
/// directions, and `PartialEq<Member<E>>`; with this crate's features, also serde, clap and schemars
/// impls. Comparisons with text use the canonical name; aliases only parse.
///
/// # Enum attributes
///
/// | attribute | default | meaning |
/// |---|---|---|
/// | `rename_all = "..."` | `"snake_case"` | the naming style: `lowercase`, `UPPERCASE`, `PascalCase`, `camelCase`, `snake_case`, `SCREAMING_SNAKE_CASE`, `kebab-case`, `SCREAMING-KEBAB-CASE` (serde's names), `Train-Case`, `Title Case` (heck's); words split like heck: `HTTPServer` is `http_server` |
/// | `dynamic = "..."` | `"open"` | what `Member` parsing, `lookup`, serde and clap accept for a name that is not built-in: any valid name (`"open"`) or registered names only (`"registered"`); `dynamic()` ignores it |
/// | `ignore_separators` | off | `-`, `_` and ` ` count as one character in parsing, comparison and hashing; every name is stored with the style's separator (`-` for kebab styles and `Train-Case`, ` ` for `Title Case`, `_` otherwise), renames included |
/// | `max_len = N` | `255` | the longest name accepted, in bytes |
/// | `noun = "text"` | the enum's name | what error messages call the enum, for the end user who reads them: with `noun = "endpoint"`, a failed parse reads `unknown endpoint "chatt"; …` rather than `unknown EndpointType "chatt"; …` (in [`ParseError`] and serde's errors; `Debug` keeps the type's name) |
/// | `crate = "path"` | `"::dynenum_core"` | where this crate is, for crates that re-export it |
///
/// # Variant attributes
///
/// | attribute | meaning |
/// |---|---|
/// | `rename = "name"` | the variant's canonical name |
/// | `alias = "name"` | another name that parses to the variant (repeatable) |
/// | `description = "text"` | the variant's `description()`; by default the first paragraph of its doc comment, lines joined with one space, ending where Markdown ends it (a blank line, or a list item, heading, code fence, block quote or rule that follows without one) |
///
/// `#[cfg]` on variants is honoured; `#[deprecated]` variants and enums derive without warnings.
///
/// # Compile errors
///
/// Every misuse is an error pointing at the offending token, all reported together: a struct or union,
/// a variant with fields, generics, an unknown key (with the closest known one), a key given twice, an
/// unknown style or policy, a value of the wrong type, `max_len = 0`, a name that breaks the name rules,
/// and two names equal ignoring ASCII case (pointing at both).
///
/// ```
/// use dynenum_core::DynamicStrEnum;
///
/// #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
/// #[dynenum(rename_all = "kebab-case", ignore_separators)]
/// enum Ui {
///     /// A terminal UI.
///     Terminal,
///     #[dynenum(rename = "web", alias = "browser")]
///     WebApp,
/// }
///
/// assert_eq!(Ui::NAMES, ["terminal", "web"]);
/// assert_eq!("Browser".parse::<Ui>().unwrap(), Ui::WebApp);
/// assert_eq!(Ui::Terminal.description(), Some("A terminal UI."));
/// let plugin = Ui::dynamic("Voice_Assistant").unwrap();
/// assert_eq!(plugin.as_str(), "voice-assistant");
/// assert_eq!(plugin, "VOICE ASSISTANT");
/// ```
#[cfg(feature = "derive")]
#[cfg_attr(docsrs, doc(cfg(feature = "derive")))]
pub use dynenum_derive::DynamicStrEnum;
