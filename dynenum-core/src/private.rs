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
    unknown::<E>(input, source, false)
}

/// The `ParseError` of `Member::<E>::from_str`, from the `NameError` that `lookup` returned.
#[cold]
#[must_use]
pub fn lookup_error<E: DynamicStrEnum>(input: &str, error: NameError) -> ParseError {
    match error {
        NameError::Unregistered => unknown::<E>(input, None, true),
        other => unknown::<E>(input, Some(other), true),
    }
}

/// Builds the error: the names that would have been accepted, and the nearest of them.
fn unknown<E: DynamicStrEnum>(
    input: &str,
    source: Option<NameError>,
    with_registered: bool,
) -> ParseError {
    let meta = &E::__META;
    let mut expected: Vec<Cow<'static, str>> = E::NAMES.iter().map(|&n| Cow::Borrowed(n)).collect();
    let mut candidates: Vec<Cow<'static, str>> =
        meta.all_names.iter().map(|&n| Cow::Borrowed(n)).collect();
    if with_registered && meta.policy == Policy::Registered {
        for member in E::registry().names() {
            let owned: Cow<'static, str> = Cow::Owned(member.as_str().to_owned());
            expected.push(owned.clone());
            candidates.push(owned);
        }
    }
    let suggestion = if source.is_some() {
        None
    } else {
        nearest(input, &candidates, meta.separators)
    };
    ParseError::new(input, meta.name, expected, suggestion, source)
}

/// The candidate nearest to `input`, if it is at most `max(1, len / 3)` edits away; ties go to the first.
fn nearest(
    input: &str,
    candidates: &[Cow<'static, str>],
    separators: Option<u8>,
) -> Option<Cow<'static, str>> {
    let limit = (input.chars().count() / 3).max(1);
    let mut best: Option<(usize, &Cow<'static, str>)> = None;
    for candidate in candidates {
        let distance = name::distance(input, candidate, separators);
        if distance <= limit && best.map_or(true, |(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, candidate)| candidate.clone())
}

#[cfg(feature = "register")]
pub use crate::link::{problem as link_name_problem, LinkName};
#[cfg(feature = "register")]
pub use inventory;

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
