//! [`DynamicMember`], the proxy for names that are not built-in, and [`Member`], built-in or dynamic.

use core::borrow::Borrow;
use core::cmp::Ordering;
use core::fmt;
use core::hash::{Hash, Hasher};
use core::marker::PhantomData;
use core::str::FromStr;
use std::string::String;
use std::sync::Arc;

use crate::caseless::Caseless;
use crate::error::ParseError;
use crate::name;
use crate::registry::Entry;
use crate::traits::DynamicStrEnum;

/// A member of `E` that is not built-in: a plugin's name, or a name read from a config.
///
/// It compares, hashes, orders and prints like a built-in member: ASCII case is ignored (and separators,
/// under `ignore_separators`), and the name is stored folded like the enum's built-in names. Cloning never
/// allocates: a registered name is shared with the registry, an unregistered one is reference-counted.
///
/// Get one from [`DynamicStrEnum::dynamic`], [`DynamicStrEnum::lookup`], a [`Member`], or the
/// [`Registry`](crate::Registry).
///
/// ```
/// # #[cfg(feature = "derive")] {
/// use dynenum_core::DynamicStrEnum;
///
/// #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
/// enum EndpointType {
///     OpenaiChat,
/// }
///
/// let nv = EndpointType::dynamic("NVIDIA_OPTIMIZED")?;
/// assert_eq!(nv.as_str(), "nvidia_optimized");
/// assert_eq!(nv, "Nvidia_Optimized");
/// assert!(!nv.is_registered());
/// assert_eq!(format!("{nv:?}"), r#"EndpointType::dynamic("nvidia_optimized")"#);
/// # }
/// # Ok::<(), dynenum_core::NameError>(())
/// ```
pub struct DynamicMember<E> {
    repr: Repr,
    _enum: PhantomData<fn() -> E>,
}

#[derive(Clone)]
enum Repr {
    /// Shared with the registry, which keeps every entry for the life of the program.
    Registered(&'static Entry),
    /// A name nobody registered: one allocation, shared by clones.
    Unregistered(Arc<str>),
}

impl<E: DynamicStrEnum> DynamicMember<E> {
    /// A proxy for a valid, non-built-in name that is not registered: the one allocation it makes.
    pub(crate) fn unregistered(name: &str) -> Self {
        let mut stored: Arc<str> = Arc::from(name);
        if let Some(text) = Arc::get_mut(&mut stored) {
            name::fold_in_place(text, E::__META.fold, E::__META.separators);
        }
        DynamicMember {
            repr: Repr::Unregistered(stored),
            _enum: PhantomData,
        }
    }

    pub(crate) fn registered(entry: &'static Entry) -> Self {
        DynamicMember {
            repr: Repr::Registered(entry),
            _enum: PhantomData,
        }
    }

    /// The name, folded like the enum's built-in names (for example all lower case for `snake_case`).
    pub fn as_str(&self) -> &str {
        match &self.repr {
            Repr::Registered(entry) => entry.name,
            Repr::Unregistered(name) => name,
        }
    }

    /// The name of a registered member as the registry stores it (its one allocation, whose address
    /// plugin tables index); `""` for an unregistered one, which they never hold.
    pub(crate) fn static_name(&self) -> &'static str {
        match &self.repr {
            Repr::Registered(entry) => entry.name,
            Repr::Unregistered(_) => "",
        }
    }

    /// Whether the name was in the enum's registry when this member was built.
    pub fn is_registered(&self) -> bool {
        matches!(self.repr, Repr::Registered(_))
    }

    /// The description a plugin registered with the name, if any.
    pub fn description(&self) -> Option<&str> {
        match &self.repr {
            Repr::Registered(entry) => entry.description,
            Repr::Unregistered(_) => None,
        }
    }

    /// Where the name was registered: by `register!` in a given module, or at run time. `None` when
    /// the member is not registered.
    ///
    /// ```
    /// # #[cfg(all(feature = "derive", feature = "register"))] {
    /// use dynenum_core::{DynamicStrEnum, Origin};
    ///
    /// #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    /// enum EndpointType {
    ///     OpenaiChat,
    /// }
    ///
    /// // Usually in a plugin crate:
    /// dynenum_core::register!(EndpointType, "nvidia_optimized");
    ///
    /// let nv = EndpointType::dynamic("nvidia_optimized")?;
    /// assert_eq!(nv.origin(), Some(Origin::Link(module_path!())));
    /// assert_eq!(nv.origin().and_then(Origin::crate_name), module_path!().split("::").next());
    ///
    /// let local = EndpointType::registry().register("local")?;
    /// assert_eq!(local.origin(), Some(Origin::RunTime));
    /// assert_eq!(EndpointType::dynamic("other")?.origin(), None);
    /// # }
    /// # Ok::<(), dynenum_core::NameError>(())
    /// ```
    pub fn origin(&self) -> Option<Origin> {
        match &self.repr {
            Repr::Registered(entry) => Some(entry.origin()),
            Repr::Unregistered(_) => None,
        }
    }
}

/// Where a registered name came from, so a listing can show which crate provides each name.
///
/// A name registered more than once keeps the origin of its first registration; link-time names are
/// registered before any run-time registration, and when two `register!` calls name one name, the
/// same one wins on every run.
///
/// `Display` shows the module path, or `run time`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Origin {
    /// Registered by [`register!`](crate::register!): the `module_path!()` of the call, whose first
    /// segment is the crate's name.
    Link(&'static str),
    /// Registered at run time, by [`Registry::register`](crate::Registry::register) or
    /// [`Registry::register_with_description`](crate::Registry::register_with_description).
    RunTime,
}

impl Origin {
    /// The crate that registered the name (the module path's first segment), for a link-time name.
    #[must_use]
    pub fn crate_name(self) -> Option<&'static str> {
        match self {
            Origin::Link(module) => module.split("::").next(),
            Origin::RunTime => None,
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Link(module) => f.pad(module),
            Origin::RunTime => f.pad("run time"),
        }
    }
}

impl<E> Clone for DynamicMember<E> {
    fn clone(&self) -> Self {
        DynamicMember {
            repr: self.repr.clone(),
            _enum: PhantomData,
        }
    }
}

impl<E: DynamicStrEnum> PartialEq for DynamicMember<E> {
    fn eq(&self, other: &Self) -> bool {
        match (&self.repr, &other.repr) {
            // One name, one allocation: equal pointers settle it without reading the names.
            (Repr::Registered(a), Repr::Registered(b)) if core::ptr::eq(a.name, b.name) => true,
            _ => name::eq(self.as_str(), other.as_str(), E::__META.separators),
        }
    }
}

impl<E: DynamicStrEnum> Eq for DynamicMember<E> {}

impl<E: DynamicStrEnum> Hash for DynamicMember<E> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        name::hash(self.as_str(), E::__META.separators, state);
    }
}

impl<E: DynamicStrEnum> PartialOrd for DynamicMember<E> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<E: DynamicStrEnum> Ord for DynamicMember<E> {
    fn cmp(&self, other: &Self) -> Ordering {
        name::cmp(self.as_str(), other.as_str(), E::__META.separators)
    }
}

impl<E: DynamicStrEnum> fmt::Debug for DynamicMember<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}::dynamic({:?})", E::__META.name, self.as_str())
    }
}

impl<E: DynamicStrEnum> fmt::Display for DynamicMember<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl<E: DynamicStrEnum> AsRef<str> for DynamicMember<E> {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl<E: DynamicStrEnum> Borrow<Caseless> for DynamicMember<E> {
    fn borrow(&self) -> &Caseless {
        Caseless::new(self.as_str())
    }
}

/// A member of `E`: built-in, or dynamic. The type to put in configs and APIs.
///
/// Every way of building one canonicalizes: a built-in name (or alias) always gives [`Member::Builtin`].
/// Parsing follows the enum's `dynamic` policy.
///
/// ```
/// # #[cfg(feature = "derive")] {
/// use dynenum_core::{DynamicStrEnum, Member};
///
/// #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
/// enum EndpointType {
///     OpenaiChat,
///     AnthropicChat,
/// }
///
/// let builtin: Member<EndpointType> = "OPENAI_CHAT".parse()?;
/// assert_eq!(builtin, EndpointType::OpenaiChat);
/// let plugin: Member<EndpointType> = "Nvidia_Optimized".parse()?;
/// assert!(!plugin.is_builtin());
/// assert_eq!(plugin.to_string(), "nvidia_optimized");
/// # }
/// # Ok::<(), dynenum_core::ParseError>(())
/// ```
#[derive(Clone)]
pub enum Member<E: DynamicStrEnum> {
    /// One of the enum's variants.
    Builtin(E),
    /// Any other name.
    Dynamic(DynamicMember<E>),
}

impl<E: DynamicStrEnum> Member<E> {
    /// The canonical name.
    pub fn as_str(&self) -> &str {
        match self {
            Member::Builtin(builtin) => builtin.as_str(),
            Member::Dynamic(dynamic) => dynamic.as_str(),
        }
    }

    /// The variant, when the member is built-in.
    pub fn builtin(&self) -> Option<E> {
        match self {
            Member::Builtin(builtin) => Some(*builtin),
            Member::Dynamic(_) => None,
        }
    }

    /// The proxy, when the member is dynamic.
    pub fn dynamic(&self) -> Option<&DynamicMember<E>> {
        match self {
            Member::Builtin(_) => None,
            Member::Dynamic(dynamic) => Some(dynamic),
        }
    }

    /// Whether the member is one of the enum's variants.
    pub fn is_builtin(&self) -> bool {
        matches!(self, Member::Builtin(_))
    }

    /// The variant's description, or the one registered with a dynamic name.
    pub fn description(&self) -> Option<&str> {
        match self {
            Member::Builtin(builtin) => builtin.description(),
            Member::Dynamic(dynamic) => dynamic.description(),
        }
    }

    /// Everything a user may choose: the built-in members in declaration order, then the registered names
    /// (link-time names sorted, then run-time registrations in call order).
    ///
    /// ```
    /// # #[cfg(feature = "derive")] {
    /// use dynenum_core::{DynamicStrEnum, Member};
    ///
    /// #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    /// enum Ui {
    ///     Terminal,
    /// }
    ///
    /// Ui::registry().register("web")?;
    /// let all: Vec<String> = Member::<Ui>::all().map(|m| m.to_string()).collect();
    /// assert_eq!(all, ["terminal", "web"]);
    /// # }
    /// # Ok::<(), dynenum_core::NameError>(())
    /// ```
    pub fn all() -> impl Iterator<Item = Member<E>> {
        E::iter().map(Member::Builtin).chain(
            E::registry()
                .entries()
                .map(|entry| Member::Dynamic(DynamicMember::registered(entry))),
        )
    }
}

impl<E: DynamicStrEnum + fmt::Debug> fmt::Debug for Member<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Member::Builtin(builtin) => f.debug_tuple("Builtin").field(builtin).finish(),
            Member::Dynamic(dynamic) => f.debug_tuple("Dynamic").field(dynamic).finish(),
        }
    }
}

impl<E: DynamicStrEnum> From<E> for Member<E> {
    fn from(builtin: E) -> Self {
        Member::Builtin(builtin)
    }
}

impl<E: DynamicStrEnum> From<DynamicMember<E>> for Member<E> {
    fn from(dynamic: DynamicMember<E>) -> Self {
        Member::Dynamic(dynamic)
    }
}

impl<E: DynamicStrEnum> FromStr for Member<E> {
    type Err = ParseError;

    /// The member `input` names, as [`DynamicStrEnum::lookup`] finds it: built-in when it names one
    /// (canonical name or alias, any ASCII case), the registry's shared member when registered, else
    /// a new proxy if the enum's `dynamic` policy allows it.
    ///
    /// # Errors
    ///
    /// A [`ParseError`] with the names that would have been accepted (and the nearest one) when the
    /// policy is `registered`, or with the broken rule when `input` is not a valid name.
    // Always inlined (it is three calls and the result's construction): built by a call, the
    // result came back through memory written a byte and a word at a time, which the caller then
    // reloaded sixteen bytes at a time, a store-forwarding stall of about 5 ns (a quarter of a
    // registered parse, measured with `perf annotate`).
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn from_str(input: &str) -> Result<Self, ParseError> {
        // `lookup`'s steps, each case building its result in place: through `lookup`'s
        // `Result<_, NameError>`, a member was built in one place and copied into this larger
        // `Result`, and reloading its byte-sized stores as wide words stalled (about 4 ns of a 22 ns
        // built-in parse).
        match crate::traits::resolve::<E>(input) {
            Ok(builtin) => Ok(Member::Builtin(builtin)),
            Err(Some(entry)) => Ok(Member::Dynamic(DynamicMember::registered(entry))),
            Err(None) => parse_unknown(input),
        }
    }
}

/// `Member::from_str` for a name that is neither built-in nor registered: out of line, as the common
/// cases are small and this one allocates (a proxy or an error) anyway.
#[inline(never)]
fn parse_unknown<E: DynamicStrEnum>(input: &str) -> Result<Member<E>, ParseError> {
    match crate::traits::admit::<E>(input) {
        Ok(()) => Ok(Member::Dynamic(DynamicMember::unregistered(input))),
        Err(error) => Err(crate::__private::lookup_error::<E>(input, error)),
    }
}

impl<E: DynamicStrEnum> TryFrom<&str> for Member<E> {
    type Error = ParseError;

    fn try_from(input: &str) -> Result<Self, ParseError> {
        input.parse()
    }
}

impl<E: DynamicStrEnum> PartialEq for Member<E> {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Member::Builtin(a), Member::Builtin(b)) => a == b,
            (Member::Dynamic(a), Member::Dynamic(b)) => a == b,
            // A dynamic member never holds a built-in name.
            _ => false,
        }
    }
}

impl<E: DynamicStrEnum> Eq for Member<E> {}

impl<E: DynamicStrEnum> PartialEq<E> for Member<E> {
    fn eq(&self, other: &E) -> bool {
        matches!(self, Member::Builtin(builtin) if builtin == other)
    }
}

impl<E: DynamicStrEnum> Hash for Member<E> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        name::hash(self.as_str(), E::__META.separators, state);
    }
}

impl<E: DynamicStrEnum> PartialOrd for Member<E> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// By folded name (ASCII case ignored, and separators under `ignore_separators`), consistent with `Eq`,
/// `Hash` and [`Caseless`]: built-in and dynamic members interleave alphabetically. A
/// `#[derive(PartialOrd, Ord)]` on the enum itself orders built-in members by declaration instead; when
/// the two orders must agree, sort `Member`s.
impl<E: DynamicStrEnum> Ord for Member<E> {
    fn cmp(&self, other: &Self) -> Ordering {
        name::cmp(self.as_str(), other.as_str(), E::__META.separators)
    }
}

impl<E: DynamicStrEnum> fmt::Display for Member<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl<E: DynamicStrEnum> AsRef<str> for Member<E> {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl<E: DynamicStrEnum> Borrow<Caseless> for Member<E> {
    fn borrow(&self) -> &Caseless {
        Caseless::new(self.as_str())
    }
}

/// `PartialEq` with `str`, `&str` and `String`, in both directions, by name under the enum's rule.
macro_rules! eq_with_strings {
    ($($ty:ident),*) => {$(
        impl<E: DynamicStrEnum> PartialEq<str> for $ty<E> {
            fn eq(&self, other: &str) -> bool {
                name::eq(self.as_str(), other, E::__META.separators)
            }
        }
        impl<E: DynamicStrEnum> PartialEq<&str> for $ty<E> {
            fn eq(&self, other: &&str) -> bool {
                name::eq(self.as_str(), other, E::__META.separators)
            }
        }
        impl<E: DynamicStrEnum> PartialEq<String> for $ty<E> {
            fn eq(&self, other: &String) -> bool {
                name::eq(self.as_str(), other, E::__META.separators)
            }
        }
        impl<E: DynamicStrEnum> PartialEq<$ty<E>> for str {
            fn eq(&self, other: &$ty<E>) -> bool {
                other == self
            }
        }
        impl<E: DynamicStrEnum> PartialEq<$ty<E>> for &str {
            fn eq(&self, other: &$ty<E>) -> bool {
                other == self
            }
        }
        impl<E: DynamicStrEnum> PartialEq<$ty<E>> for String {
            fn eq(&self, other: &$ty<E>) -> bool {
                other == self
            }
        }
    )*};
}

eq_with_strings!(DynamicMember, Member);
