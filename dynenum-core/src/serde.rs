//! serde support (feature `serde`): every member serializes as its canonical name and deserializes from a
//! borrowed `&str` without allocating when the name is built-in or registered.

use core::fmt;
use core::marker::PhantomData;

use ::serde::de::{self, Deserialize, Deserializer, Visitor};
use ::serde::ser::{Serialize, Serializer};

use crate::error::{ParseError, Quoted, Shown};
use crate::member::{DynamicMember, Member};
use crate::traits::DynamicStrEnum;

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
    fn from_name(name: &str) -> Result<Self, String>;
}

impl<E: DynamicStrEnum> FromName<E> for E {
    const EXPECTING: &'static str = "a built-in name";

    fn from_name(name: &str) -> Result<E, String> {
        E::from_name(name).ok_or_else(|| serde_message(&crate::__private::parse_error::<E>(name)))
    }
}

impl<E: DynamicStrEnum> FromName<E> for Member<E> {
    const EXPECTING: &'static str = "a member name";

    fn from_name(name: &str) -> Result<Self, String> {
        E::lookup(name)
            .map_err(|error| serde_message(&crate::__private::lookup_error::<E>(name, error)))
    }
}

impl<E: DynamicStrEnum> FromName<E> for DynamicMember<E> {
    const EXPECTING: &'static str = "a dynamic member name";

    fn from_name(name: &str) -> Result<Self, String> {
        E::dynamic(name).map_err(|error| {
            format!(
                "invalid {} dynamic name {}: {error}",
                E::__META.name,
                Quoted(name)
            )
        })
    }
}

struct NameVisitor<E, T>(PhantomData<fn() -> (E, T)>);

impl<E: DynamicStrEnum, T: FromName<E>> Visitor<'_> for NameVisitor<E, T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} of {}", T::EXPECTING, E::__META.name)
    }

    fn visit_str<Err: de::Error>(self, name: &str) -> Result<T, Err> {
        T::from_name(name).map_err(Err::custom)
    }

    fn visit_bytes<Err: de::Error>(self, bytes: &[u8]) -> Result<T, Err> {
        match core::str::from_utf8(bytes) {
            Ok(name) => self.visit_str(name),
            Err(_) => Err(Err::invalid_value(de::Unexpected::Bytes(bytes), &self)),
        }
    }
}

/// The error text in serde's own words (`unknown variant ..., expected one of ...`), keeping the hint;
/// the listing capped and every name escaped, as in `ParseError`'s `Display`.
fn serde_message(error: &ParseError) -> String {
    use fmt::Write as _;

    if error.name_error().is_some() {
        return error.to_string();
    }
    let mut text = String::with_capacity(128);
    let _ = write!(text, "unknown variant {}, ", Quoted(error.input()));
    if error.expected().len() == 0 {
        text.push_str("there are no variants");
    } else {
        let _ = write!(text, "expected one of {}", error.listing(Shown::ticked));
    }
    if let Some(near) = error.suggestion() {
        let _ = write!(text, " (did you mean {}?)", Shown::ticked(near));
    }
    text
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
