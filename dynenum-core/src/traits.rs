//! The [`DynamicStrEnum`] trait, implemented by `#[derive(DynamicStrEnum)]`.

use core::hash::Hash;

use crate::error::NameError;
use crate::member::{DynamicMember, Member};
use crate::name::{self, Meta, Policy};
use crate::registry::{Entry, Registry};

/// A fieldless enum whose variants are case-insensitive names, extended at run time by dynamic names.
///
/// Implement it with `#[derive(DynamicStrEnum)]` (see the [crate docs](crate) for the attributes); the
/// derive also provides `Hash`, `FromStr`, `Display`, comparisons with strings and the rest.
///
/// ```
/// # #[cfg(feature = "derive")] {
/// use dynenum_core::{DynamicStrEnum, Member, NameError};
///
/// #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
/// enum EndpointType {
///     OpenaiChat,
///     #[dynenum(alias = "claude")]
///     AnthropicChat,
/// }
///
/// assert_eq!(EndpointType::NAMES, ["openai_chat", "anthropic_chat"]);
/// assert_eq!(EndpointType::from_name("CLAUDE"), Some(EndpointType::AnthropicChat));
/// assert_eq!(EndpointType::dynamic("Claude"), Err(NameError::Builtin("anthropic_chat")));
///
/// let nv = EndpointType::dynamic("NVIDIA_OPTIMIZED")?;
/// assert_eq!(nv, "nvidia_optimized");
/// assert_eq!(EndpointType::lookup("nvidia_optimized")?, Member::Dynamic(nv));
/// # }
/// # Ok::<(), dynenum_core::NameError>(())
/// ```
pub trait DynamicStrEnum: Copy + Eq + Hash + Send + Sync + 'static {
    /// The built-in members, in declaration order (variants disabled by `#[cfg]` are absent).
    const VARIANTS: &'static [Self];
    /// The canonical names of [`VARIANTS`](Self::VARIANTS), in the same order.
    const NAMES: &'static [&'static str];
    /// How many built-in members there are.
    const COUNT: usize;

    #[doc(hidden)]
    const __META: Meta;

    /// This member's canonical name.
    fn as_str(&self) -> &'static str;

    /// The extra names that parse to this member.
    fn aliases(&self) -> &'static [&'static str];

    /// The member's description: its doc comment's first paragraph, or `#[dynenum(description = "...")]`.
    fn description(&self) -> Option<&'static str>;

    /// The built-in member a canonical name or alias names, ignoring ASCII case. Never allocates.
    fn from_name(name: &str) -> Option<Self>;

    /// The enum's registry of plugin names.
    fn registry() -> &'static Registry<Self>;

    /// [`from_name`](Self::from_name), and on a miss what the lookup read of the name, which the
    /// registry's lookup then starts from (`Member`'s parse). Not part of the contract: the derive
    /// fills it in for enums whose names fit its four-word table.
    #[doc(hidden)]
    #[inline]
    fn __lookup(name: &str) -> Result<Self, crate::phf::Miss> {
        Self::from_name(name).ok_or(crate::phf::Miss::NONE)
    }

    /// This member's position in [`VARIANTS`](Self::VARIANTS). Not part of the contract: the derive
    /// fills it in (a cast or a `match`), and plugin tables index their built-in values with it.
    #[doc(hidden)]
    #[inline]
    fn __index(&self) -> usize {
        Self::VARIANTS
            .iter()
            .position(|v| v == self)
            .unwrap_or(usize::MAX)
    }

    /// The built-in members, in declaration order.
    fn iter() -> core::iter::Copied<core::slice::Iter<'static, Self>> {
        Self::VARIANTS.iter().copied()
    }

    /// The dynamic member for a name that is not built-in, whatever the enum's `dynamic` policy: the
    /// registry's shared member when the name is registered, else a new proxy.
    ///
    /// # Errors
    ///
    /// [`NameError::Builtin`] for a built-in name or alias, or the rule the name breaks.
    fn dynamic(name: &str) -> Result<DynamicMember<Self>, NameError> {
        match resolve::<Self>(name) {
            Ok(builtin) => return Err(NameError::Builtin(builtin.as_str())),
            Err(Some(entry)) => return Ok(DynamicMember::registered(entry)),
            Err(None) => {}
        }
        name::check(name, Self::__META.max_len)?;
        Ok(DynamicMember::unregistered(name))
    }

    /// The member a name stands for: built-in when it names one, else dynamic, as the enum's `dynamic`
    /// policy allows.
    ///
    /// # Errors
    ///
    /// The rule the name breaks, or [`NameError::Unregistered`] under `dynamic = "registered"`.
    fn lookup(name: &str) -> Result<Member<Self>, NameError> {
        match resolve::<Self>(name) {
            Ok(builtin) => return Ok(Member::Builtin(builtin)),
            Err(Some(entry)) => return Ok(Member::Dynamic(DynamicMember::registered(entry))),
            Err(None) => {}
        }
        admit::<Self>(name)?;
        Ok(Member::Dynamic(DynamicMember::unregistered(name)))
    }
}

/// The built-in member a name stands for, else its registry entry if it is registered (`Err(None)`:
/// neither). Every lookup of a name that may be either goes through here: the built-in lookup's miss
/// hands the registry the words it read (`phf::Miss`), so the name is read and hashed once.
// Always, returning in two registers: `Member::from_str` builds its result in place from it (see
// there); as a call, a result passed through memory stalled.
#[allow(clippy::inline_always)]
#[inline(always)]
pub(crate) fn resolve<E: DynamicStrEnum>(name: &str) -> Result<E, Option<&'static Entry>> {
    match E::__lookup(name) {
        Ok(builtin) => Ok(builtin),
        Err(miss) => Err(E::registry().entry_after(name, miss)),
    }
}

/// Whether [`DynamicStrEnum::lookup`] accepts a name that is neither built-in nor registered: it must
/// obey the name rules, and the enum's policy must be `open`. Callers build the proxy themselves, in
/// the result they return (building it here and moving it out cost a copy that stalled).
#[inline]
pub(crate) fn admit<E: DynamicStrEnum>(name: &str) -> Result<(), NameError> {
    name::check(name, E::__META.max_len)?;
    match E::__META.policy {
        Policy::Open => Ok(()),
        Policy::Registered => Err(NameError::Unregistered),
    }
}
