//! What generated code needs from the core. Not part of the public API: no stability promise.

use core::hash::Hasher;
pub use std::borrow::Cow;

pub use crate::name::{Fold, Meta, Policy};
pub use core::option::Option::{None, Some};
pub use std::string::String;

use crate::error::{NameError, ParseError};
use crate::name;
use crate::traits::DynamicStrEnum;

/// Hashes a built-in member's name exactly as `DynamicMember`, `Member` and `Caseless` hash theirs.
#[inline]
pub fn hash_name<E: DynamicStrEnum, H: Hasher>(name: &str, state: &mut H) {
    name::hash(name, E::__META.separators, state);
}

/// Compares a built-in member's name with text under the enum's rule.
#[inline]
#[must_use]
pub fn eq_name<E: DynamicStrEnum>(name: &str, text: &str) -> bool {
    name::eq(name, text, E::__META.separators)
}

/// The `ParseError` of `E::from_str`: no built-in member has that name.
#[cold]
#[must_use]
pub fn parse_error<E: DynamicStrEnum>(input: &str) -> ParseError {
    let source = name::check(input, E::__META.max_len).err();
    unknown(input, &E::__META, E::NAMES, Vec::new(), source)
}

/// The `ParseError` of `Member::<E>::from_str`, from the `NameError` that `lookup` returned.
#[cold]
#[must_use]
pub fn lookup_error<E: DynamicStrEnum>(input: &str, error: NameError) -> ParseError {
    let meta = &E::__META;
    let source = match error {
        NameError::Unregistered => None,
        other => Some(other),
    };
    let registered = if meta.policy == Policy::Registered {
        E::registry().entries().map(|entry| entry.name).collect()
    } else {
        Vec::new()
    };
    unknown(input, meta, E::NAMES, registered, source)
}

/// Builds the error: the names that would have been accepted (`names`, then `registered`); the
/// nearest of them or of the aliases is looked for only if asked. Not generic, so it is compiled
/// once, not once per enum.
#[inline(never)]
fn unknown(
    input: &str,
    meta: &'static Meta,
    names: &'static [&'static str],
    registered: Vec<&'static str>,
    source: Option<NameError>,
) -> ParseError {
    let registered_from = names.len();
    let expected = if registered.is_empty() {
        Cow::Borrowed(names)
    } else {
        let mut all = Vec::with_capacity(names.len() + registered.len());
        all.extend_from_slice(names);
        all.extend(registered);
        Cow::Owned(all)
    };
    ParseError::new(input, meta, expected, registered_from, source)
}

#[cfg(feature = "register")]
pub use crate::link::{problem as link_name_problem, LinkName};
#[cfg(feature = "register")]
pub use inventory;

pub use crate::plugins::Target as PluginTarget;
#[cfg(feature = "register")]
pub use crate::plugins_link::link_name as plugin_link_name;
#[cfg(feature = "register")]
pub use crate::plugins_link::{erase as erase_plugin, Submission as PluginSubmission};
pub use crate::plugins_link::{feed as feed_plugins, variant_index};
#[cfg(feature = "register")]
pub use dynenum_derive::__plugin as plugin_macro;

pub use crate::__integrations as integrations;

/// The perfect-hash lookup behind the generated `from_name`.
pub mod phf {
    pub use crate::phf::{lookup, Table};
}

#[cfg(feature = "serde")]
pub use crate::serde::support::{deserialize_builtin, serialize_name};
#[cfg(feature = "serde")]
pub use ::serde;

#[cfg(feature = "clap")]
pub use ::clap;
/// What the derive's clap impls call.
#[cfg(feature = "clap")]
pub mod clap_support {
    pub use crate::clap::{possible_value, BuiltinParser};
}

#[cfg(feature = "schemars")]
pub use ::schemars;
/// What the derive's schemars impls call.
#[cfg(feature = "schemars")]
pub mod schemars_support {
    pub use crate::schemars::builtin_schema;
}
