//! serde support (feature `serde`): every member serializes as its canonical name and deserializes from a
//! borrowed `&str` without allocating when the name is built-in or registered.

use core::fmt;
use core::marker::PhantomData;

use ::serde::de::{self, Deserialize, Deserializer, Visitor};
use ::serde::ser::{Serialize, Serializer};

use crate::error::{Gather, NameError, Quoted, Shown, Unknown};
use crate::member::{DynamicMember, Member};
use crate::name;
use crate::traits::DynamicStrEnum;

/// Writes the canonical name as a string, in every format (binary ones too: never a variant index),
/// so built-in and dynamic members share one wire form.
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<E: DynamicStrEnum> Serialize for Member<E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<E: DynamicStrEnum> Serialize for DynamicMember<E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// Accepts what the enum's `dynamic` policy accepts: built-in names, registered names, and under
/// `open` any other valid name.
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<'de, E: DynamicStrEnum> Deserialize<'de> for Member<E> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(NameVisitor::<E, Member<E>>(PhantomData))
    }
}

/// Refuses built-in names: a `DynamicMember` never holds one.
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<'de, E: DynamicStrEnum> Deserialize<'de> for DynamicMember<E> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(NameVisitor::<E, DynamicMember<E>>(PhantomData))
    }
}

/// How each target type turns a name into a value, or into an error message.
trait FromName<E>: Sized {
    const EXPECTING: &'static str;
    fn from_name(name: &str) -> Result<Self, Message<'_>>;
}

impl<E: DynamicStrEnum> FromName<E> for E {
    const EXPECTING: &'static str = "a built-in name";

    fn from_name(name: &str) -> Result<E, Message<'_>> {
        E::from_name(name).ok_or_else(|| match name::check(name, E::__META.max_len) {
            Err(error) => Message::invalid::<E>("name", name, error),
            Ok(()) => Message::Unknown(Unknown {
                input: name,
                meta: &E::__META,
                names: E::NAMES,
                registered: None,
            }),
        })
    }
}

impl<E: DynamicStrEnum> FromName<E> for Member<E> {
    const EXPECTING: &'static str = "a member name";

    fn from_name(name: &str) -> Result<Self, Message<'_>> {
        E::lookup(name).map_err(|error| match error {
            NameError::Unregistered => Message::Unknown(Unknown {
                input: name,
                meta: &E::__META,
                names: E::NAMES,
                registered: crate::__private::registered::<E>(),
            }),
            other => Message::invalid::<E>("name", name, other),
        })
    }
}

impl<E: DynamicStrEnum> FromName<E> for DynamicMember<E> {
    const EXPECTING: &'static str = "a dynamic member name";

    fn from_name(name: &str) -> Result<Self, Message<'_>> {
        E::dynamic(name).map_err(|error| Message::invalid::<E>("dynamic name", name, error))
    }
}

/// A deserialization error, written straight into serde's error (no `ParseError` built, no
/// intermediate string).
enum Message<'a> {
    /// In serde's own words (`unknown variant ..., expected one of ...`), keeping the hint; the
    /// listing capped and every name escaped, as in `ParseError`'s `Display`.
    Unknown(Unknown<'a>),
    /// A name that breaks a rule.
    Invalid {
        enum_name: &'static str,
        what: &'static str,
        input: &'a str,
        error: NameError,
    },
}

impl<'a> Message<'a> {
    fn invalid<E: DynamicStrEnum>(what: &'static str, input: &'a str, error: NameError) -> Self {
        Message::Invalid {
            enum_name: E::__META.noun,
            what,
            input,
            error,
        }
    }
}

impl Message<'_> {
    /// Writes the message into `out`.
    fn write<W: fmt::Write + ?Sized>(&self, out: &mut Gather<'_, W>) -> fmt::Result {
        match self {
            Message::Invalid {
                enum_name,
                what,
                input,
                error,
            } => fmt::Write::write_fmt(
                out,
                format_args!("invalid {enum_name} {what} {}: {error}", Quoted(input)),
            ),
            Message::Unknown(unknown) => {
                out.push("unknown variant ")?;
                out.shown(Shown::quoted(unknown.input))?;
                if unknown.count() == 0 {
                    out.push(", there are no variants")?;
                } else {
                    out.push(", expected one of ")?;
                    unknown.write_listing(Shown::ticked, unknown.meta.serde_listing, out)?;
                }
                if let Some(near) = unknown.nearest() {
                    out.push(" (did you mean ")?;
                    out.shown(Shown::ticked(near))?;
                    out.push("?)")?;
                }
                Ok(())
            }
        }
    }
}

struct NameVisitor<E, T>(PhantomData<fn() -> (E, T)>);

impl<E: DynamicStrEnum, T: FromName<E>> Visitor<'_> for NameVisitor<E, T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} of {}", T::EXPECTING, E::__META.noun)
    }

    fn visit_str<Err: de::Error>(self, name: &str) -> Result<T, Err> {
        T::from_name(name).map_err(|message| {
            // Gathered on the stack and handed to `custom` as one `&str`, which serde_json copies
            // into a string of the exact size: one allocation, where a `Display` value would make
            // it grow a string from empty, reallocating on the way. A message of over a kilobyte
            // (long or escaped names) goes on into `spill`.
            let mut spill = String::new();
            let mut text = Gather::new(&mut spill);
            // Writing into a `String` cannot fail.
            let _ = message.write(&mut text);
            if let Some(whole) = text.whole() {
                return Err::custom(whole);
            }
            let _ = text.flush();
            Err::custom(spill.as_str())
        })
    }

    fn visit_bytes<Err: de::Error>(self, bytes: &[u8]) -> Result<T, Err> {
        match core::str::from_utf8(bytes) {
            Ok(name) => self.visit_str(name),
            Err(_) => Err(Err::invalid_value(de::Unexpected::Bytes(bytes), &self)),
        }
    }
}

/// What the derive's serde impls call (through `__private`).
pub(crate) mod support {
    use super::{Deserializer, NameVisitor, PhantomData, Serializer};
    use crate::traits::DynamicStrEnum;

    /// Serializes a built-in member: its canonical name.
    ///
    /// # Errors
    ///
    /// The serializer's.
    #[inline]
    pub fn serialize_name<S: Serializer>(name: &str, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(name)
    }

    /// Deserializes a built-in member, strictly: only its names and aliases, in any ASCII case.
    ///
    /// # Errors
    ///
    /// The deserializer's, or an unknown name.
    #[inline]
    pub fn deserialize_builtin<'de, E: DynamicStrEnum, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<E, D::Error> {
        deserializer.deserialize_str(NameVisitor::<E, E>(PhantomData))
    }
}

/// The serde impls of a derived enum, expanded in the user's crate when dynenum-core has `serde`.
#[doc(hidden)]
#[macro_export]
macro_rules! __serde_impls {
    ($ty:ident) => {
        #[automatically_derived]
        impl $crate::__private::serde::Serialize for $ty {
            fn serialize<__S: $crate::__private::serde::Serializer>(
                &self,
                __serializer: __S,
            ) -> ::core::result::Result<__S::Ok, __S::Error> {
                $crate::__private::serialize_name(
                    <$ty as $crate::DynamicStrEnum>::as_str(self),
                    __serializer,
                )
            }
        }

        #[automatically_derived]
        impl<'__de> $crate::__private::serde::Deserialize<'__de> for $ty {
            fn deserialize<__D: $crate::__private::serde::Deserializer<'__de>>(
                __deserializer: __D,
            ) -> ::core::result::Result<Self, __D::Error> {
                $crate::__private::deserialize_builtin::<'__de, $ty, __D>(__deserializer)
            }
        }
    };
}
