//! schemars 1 support (feature `schemars`): JSON schemas for derived enums and `Member<E>`.

use std::borrow::Cow;

use ::schemars::{JsonSchema, Schema, SchemaGenerator};
use ::serde_json::{json, Map, Value};

use crate::member::Member;
use crate::name::Policy;
use crate::traits::DynamicStrEnum;

/// A string that is one of `names`; with descriptions, each name is a `const` carrying its own.
fn one_of(names: impl Iterator<Item = (String, Option<String>)>) -> Schema {
    let names: Vec<(String, Option<String>)> = names.collect();
    let mut schema = Map::new();
    schema.insert("type".into(), "string".into());
    if names.iter().any(|(_, description)| description.is_some()) {
        let choices = names
            .into_iter()
            .map(|(name, description)| match description {
                Some(description) => json!({ "const": name, "description": description }),
                None => json!({ "const": name }),
            })
            .collect();
        schema.insert("oneOf".into(), Value::Array(choices));
    } else {
        let names = names
            .into_iter()
            .map(|(name, _)| Value::String(name))
            .collect();
        schema.insert("enum".into(), Value::Array(names));
    }
    Schema::from(schema)
}

/// The schema of a derived enum: a string enum of its canonical names, with descriptions.
#[must_use]
pub fn builtin_schema<E: DynamicStrEnum>() -> Schema {
    one_of(E::iter().map(|member| {
        (
            member.as_str().to_owned(),
            member.description().map(str::to_owned),
        )
    }))
}

/// Under `open`, any valid name (examples: the built-in names); under `registered`, the built-in and
/// registered names at the time the schema is generated.
#[cfg_attr(docsrs, doc(cfg(feature = "schemars")))]
impl<E: DynamicStrEnum> JsonSchema for Member<E> {
    fn schema_name() -> Cow<'static, str> {
        Cow::Owned(format!("Member_for_{}", E::__META.name))
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Owned(format!(
            "dynenum_core::Member<{}>",
            core::any::type_name::<E>()
        ))
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        match E::__META.policy {
            Policy::Registered => one_of(Member::<E>::all().map(|member| {
                (
                    member.as_str().to_owned(),
                    member.description().map(str::to_owned),
                )
            })),
            Policy::Open => Schema::try_from(json!({
                "type": "string",
                "minLength": 1,
                "maxLength": E::__META.max_len,
                "examples": E::NAMES,
            }))
            .unwrap_or_default(),
        }
    }
}

/// The schemars impl of a derived enum, expanded in the user's crate when dynenum-core has `schemars`.
#[doc(hidden)]
#[macro_export]
macro_rules! __schemars_impls {
    ($ty:ident) => {
        #[automatically_derived]
        impl $crate::__private::schemars::JsonSchema for $ty {
            fn schema_name() -> $crate::__private::Cow<'static, ::core::primitive::str> {
                $crate::__private::Cow::Borrowed(<$ty as $crate::DynamicStrEnum>::__META.name)
            }

            fn schema_id() -> $crate::__private::Cow<'static, ::core::primitive::str> {
                $crate::__private::Cow::Borrowed(::core::any::type_name::<$ty>())
            }

            fn json_schema(
                _: &mut $crate::__private::schemars::SchemaGenerator,
            ) -> $crate::__private::schemars::Schema {
                $crate::__private::schemars_support::builtin_schema::<$ty>()
            }
        }
    };
}
