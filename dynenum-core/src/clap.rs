//! clap 4 support (feature `clap`): a derived enum or a `Member<E>` is a typed argument as it stands,
//! `#[arg(long)] endpoint: EndpointType`, with ASCII case ignored, aliases accepted but hidden, the
//! names and descriptions in `--help`, and clap's own error format with the "did you mean" tip.

use core::marker::PhantomData;
use std::ffi::OsStr;

use ::clap::builder::{PossibleValue, TypedValueParser, ValueParserFactory};
use ::clap::error::{ContextKind, ContextValue, ErrorKind};
use ::clap::{Arg, Command, Error};

use crate::error::{ParseError, Shown, LISTED};
use crate::member::Member;
use crate::traits::DynamicStrEnum;

/// The clap value parser of a derived enum: built-in names and aliases only, in any ASCII case.
///
/// `clap::value_parser!(E)` and a plain `#[arg(long)] x: E` pick it (through the derive's
/// `ValueParserFactory` impl); naming it is rarely needed. `--help` lists the canonical names with
/// their descriptions; aliases parse but are not listed.
pub struct BuiltinParser<E>(PhantomData<fn() -> E>);

/// The clap value parser of [`Member<E>`]: built-in names, registered names, and under
/// `dynamic = "open"` any other valid name, in any ASCII case.
///
/// `clap::value_parser!(Member<E>)` and a plain `#[arg(long)] x: Member<E>` pick it; `--help` lists
/// the built-in and registered names with their descriptions.
pub struct MemberParser<E>(PhantomData<fn() -> E>);

impl<E> BuiltinParser<E> {
    /// The parser; what the derive's `ValueParserFactory` returns.
    #[must_use]
    pub const fn new() -> Self {
        BuiltinParser(PhantomData)
    }
}

impl<E> Default for BuiltinParser<E> {
    fn default() -> Self {
        Self::new()
    }
}

impl<E> Clone for BuiltinParser<E> {
    fn clone(&self) -> Self {
        Self::new()
    }
}

impl<E> core::fmt::Debug for BuiltinParser<E> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("BuiltinParser")
    }
}

impl<E> Clone for MemberParser<E> {
    fn clone(&self) -> Self {
        MemberParser(PhantomData)
    }
}

impl<E> core::fmt::Debug for MemberParser<E> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("MemberParser")
    }
}

/// A built-in member as clap shows it: the canonical name, the description as help, aliases hidden.
#[must_use]
pub fn possible_value<E: DynamicStrEnum>(member: E) -> PossibleValue {
    PossibleValue::new(member.as_str())
        .help(member.description())
        .aliases(member.aliases().iter().copied())
}

impl<E: DynamicStrEnum> TypedValueParser for BuiltinParser<E> {
    type Value = E;

    fn parse_ref(&self, cmd: &Command, arg: Option<&Arg>, value: &OsStr) -> Result<E, Error> {
        parse(cmd, arg, value, |text| {
            E::from_name(text).ok_or_else(|| crate::__private::parse_error::<E>(text))
        })
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(E::iter().map(possible_value)))
    }
}

impl<E: DynamicStrEnum> TypedValueParser for MemberParser<E> {
    type Value = Member<E>;

    fn parse_ref(
        &self,
        cmd: &Command,
        arg: Option<&Arg>,
        value: &OsStr,
    ) -> Result<Member<E>, Error> {
        parse(cmd, arg, value, str::parse::<Member<E>>)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        let registered = E::registry()
            .entries()
            .map(|entry| PossibleValue::new(entry.name).help(entry.description));
        Some(Box::new(E::iter().map(possible_value).chain(registered)))
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "clap")))]
impl<E: DynamicStrEnum> ValueParserFactory for Member<E> {
    type Parser = MemberParser<E>;

    fn value_parser() -> MemberParser<E> {
        MemberParser(PhantomData)
    }
}

/// Parses with `parse` and turns its error into clap's: an unknown name is clap's "invalid value"
/// error (valid values and a tip), a name that breaks a rule a validation error that says which.
fn parse<T: Clone + Send + Sync + 'static>(
    cmd: &Command,
    arg: Option<&Arg>,
    value: &OsStr,
    parse: impl FnOnce(&str) -> Result<T, ParseError>,
) -> Result<T, Error> {
    let text = value.to_string_lossy();
    let error = match value.to_str().map(parse) {
        Some(Ok(parsed)) => return Ok(parsed),
        Some(Err(error)) => error,
        None => return Err(invalid_value(cmd, arg, &text, Vec::new(), None)),
    };
    if let Some(name_error) = error.name_error().cloned() {
        // clap sets a validation error's cause only for errors its closure parsers return. It
        // prints the value it is given as it is, so it is given the escaped text.
        let reject = move |_: &str| Err::<T, _>(name_error.clone());
        let shown = Shown::bare(&text).to_string();
        return reject.parse_ref(cmd, arg, OsStr::new(&shown));
    }
    let (total, listed) = error.unknown().listed();
    let suggestion = error.suggestion().map(|near| Shown::bare(near).to_string());
    Err(invalid_value(
        cmd,
        arg,
        &text,
        shown(total, listed),
        suggestion,
    ))
}

/// The valid names as clap lists them: every name escaped and the list capped, as in `ParseError`'s
/// `Display` (clap prints these strings as they are). `names` yields at most the first [`LISTED`] of
/// `total`.
pub(crate) fn shown<'a>(total: usize, names: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut expected: Vec<String> = names
        .take(LISTED)
        .map(|name| Shown::bare(name).to_string())
        .collect();
    if total > expected.len() {
        expected.push(format!("and {} more", total - expected.len()));
    }
    expected
}

pub(crate) fn invalid_value(
    cmd: &Command,
    arg: Option<&Arg>,
    text: &str,
    expected: Vec<String>,
    suggestion: Option<String>,
) -> Error {
    let mut error = Error::new(ErrorKind::InvalidValue).with_cmd(cmd);
    let arg = arg.map_or_else(|| "...".to_owned(), ToString::to_string);
    error.insert(ContextKind::InvalidArg, ContextValue::String(arg));
    error.insert(
        ContextKind::InvalidValue,
        ContextValue::String(Shown::bare(text).to_string()),
    );
    error.insert(ContextKind::ValidValue, ContextValue::Strings(expected));
    if let Some(near) = suggestion {
        error.insert(ContextKind::SuggestedValue, ContextValue::String(near));
    }
    error
}

/// The clap impl of a derived enum, expanded in the user's crate when dynenum-core has `clap`.
///
/// Deliberately no `ValueEnum`: `clap::value_parser!` ranks `ValueEnum` above `ValueParserFactory`
/// (its autoref probe reaches the `ValueEnum` impl first), and clap's enum parser compares case-
/// sensitively unless the argument sets `ignore_case`, so implementing it would make a plain
/// `#[arg(long)] x: E` reject `OPENAI_CHAT`.
#[doc(hidden)]
#[macro_export]
macro_rules! __clap_impls {
    ($ty:ident) => {
        #[automatically_derived]
        impl $crate::__private::clap::builder::ValueParserFactory for $ty {
            type Parser = $crate::__private::clap_support::BuiltinParser<$ty>;

            fn value_parser() -> Self::Parser {
                $crate::__private::clap_support::BuiltinParser::new()
            }
        }
    };
}
