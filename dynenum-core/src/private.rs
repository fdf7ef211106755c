//! What generated code needs from the core. Not part of the public API: no stability promise.

use core::hash::Hasher;
pub use std::borrow::Cow;

pub use crate::name::{Fold, Meta, Policy};
pub use core::option::Option::{None, Some};
pub use std::string::String;

use crate::error::{NameError, ParseError, Registered};
use crate::name;
use crate::registry::Registry;
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
    ParseError::new(input, &E::__META, E::NAMES, None, source)
}

/// The `ParseError` of `Member::<E>::from_str`, from the `NameError` that `lookup` returned. It
/// holds the registry, not a copy of its names: the names are read when the error is shown, so a
/// failed parse costs and allocates the same whatever the registry holds.
#[cold]
#[must_use]
pub fn lookup_error<E: DynamicStrEnum>(input: &str, error: NameError) -> ParseError {
    let meta = &E::__META;
    let source = match error {
        NameError::Unregistered => None,
        other => Some(other),
    };
    ParseError::new(input, meta, E::NAMES, registered::<E>(), source)
}

/// The registry whose names a failed parse of `Member<E>` lists: only under `dynamic = "registered"`.
pub(crate) fn registered<E: DynamicStrEnum>() -> Option<&'static dyn Registered> {
    (E::__META.policy == Policy::Registered).then(|| E::registry() as &'static dyn Registered)
}

impl<E: DynamicStrEnum> Registered for Registry<E> {
    fn count(&self) -> usize {
        self.len()
    }

    fn names(&self) -> Box<dyn Iterator<Item = &'static str> + '_> {
        Box::new(self.entries().map(|entry| entry.name))
    }

    fn first(&self, limit: usize, each: &mut dyn FnMut(&'static str)) {
        self.entries()
            .take(limit)
            .for_each(|entry| each(entry.name));
    }
}

/// How error texts escape names (for the test that checks the table against the Unicode data).
pub mod escape {
    pub use crate::escape::needs_escape;
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
    pub use crate::phf::{lookup, lookup_fixed, lookup_fixed_or_miss, Fixed, Miss, Table};
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
