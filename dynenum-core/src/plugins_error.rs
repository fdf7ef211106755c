//! [`PluginError`]: a plugin table has no value for a name.

use std::error::Error;
use std::fmt;

use crate::error::{write_expected, NameError, Quoted};

/// Why a [`Plugins`](crate::Plugins) table has no value for a key: the name is unknown (with the
/// table's names and the nearest one), registered but given no value in this table, or not a valid
/// name at all (the [`NameError`] is the `source()`). Every message names the table's category.
///
/// ```
/// # #[cfg(feature = "derive")] {
/// use std::error::Error as _;
/// use dynenum_core::{DynamicStrEnum, NameError, Plugins};
///
/// #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
/// enum Endpoint {
///     OpenaiChat,
/// }
///
/// static ENDPOINTS: Plugins<Endpoint, ()> = Plugins::new("endpoint", |_| ());
/// let err = ENDPOINTS.get("opnai_chat").unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     r#"unknown endpoint "opnai_chat"; expected one of: openai_chat (did you mean "openai_chat"?)"#
/// );
/// assert_eq!((err.category(), err.input(), err.suggestion()), ("endpoint", "opnai_chat", Some("openai_chat")));
///
/// let err = ENDPOINTS.get("").unwrap_err();
/// assert_eq!(err.name_error(), Some(&NameError::Empty));
/// assert!(err.source().is_some());
/// # }
/// ```
#[derive(Clone)]
pub struct PluginError {
    /// Boxed: `get` returns `Result<&V, PluginError>` on its fast path, which stays two words wide.
    inner: Box<Inner>,
}

#[derive(Clone)]
struct Inner {
    category: &'static str,
    input: Box<str>,
    kind: Kind,
}

#[derive(Clone)]
enum Kind {
    Unknown {
        expected: &'static [&'static str],
        suggestion: Option<&'static str>,
    },
    Unprovided,
    Invalid(NameError),
}

impl PluginError {
    #[cold]
    #[inline(never)]
    pub(crate) fn unknown(
        category: &'static str,
        input: &str,
        expected: &'static [&'static str],
        suggestion: Option<&'static str>,
    ) -> Self {
        Self::new(
            category,
            input,
            Kind::Unknown {
                expected,
                suggestion,
            },
        )
    }

    #[cold]
    #[inline(never)]
    pub(crate) fn unprovided(category: &'static str, name: &str) -> Self {
        Self::new(category, name, Kind::Unprovided)
    }

    #[cold]
    #[inline(never)]
    pub(crate) fn invalid(category: &'static str, input: &str, source: NameError) -> Self {
        Self::new(category, input, Kind::Invalid(source))
    }

    #[cold]
    #[inline(never)]
    fn new(category: &'static str, input: &str, kind: Kind) -> Self {
        PluginError {
            inner: Box::new(Inner {
                category,
                input: input.into(),
                kind,
            }),
        }
    }

    /// The table's category.
    pub fn category(&self) -> &'static str {
        self.inner.category
    }

    /// The name looked up: as given for an unknown or invalid name, as stored for a registered one.
    pub fn input(&self) -> &str {
        &self.inner.input
    }

    /// Whether the name is registered in the enum's registry but has no value in this table.
    pub fn is_unprovided(&self) -> bool {
        matches!(self.inner.kind, Kind::Unprovided)
    }

    /// The table's names, for an unknown name (else empty): built-in names, then the others sorted.
    pub fn expected(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        let names: &[&str] = match &self.inner.kind {
            Kind::Unknown { expected, .. } => expected,
            _ => &[],
        };
        names.iter().copied()
    }

    /// The table's name (or built-in alias) nearest to an unknown name, when one is close enough.
    pub fn suggestion(&self) -> Option<&str> {
        match &self.inner.kind {
            Kind::Unknown { suggestion, .. } => *suggestion,
            _ => None,
        }
    }

    /// The rule the input breaks, when it is not a valid name at all.
    pub fn name_error(&self) -> Option<&NameError> {
        match &self.inner.kind {
            Kind::Invalid(source) => Some(source),
            _ => None,
        }
    }
}

impl fmt::Display for PluginError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (category, input) = (self.inner.category, Quoted(&self.inner.input));
        match &self.inner.kind {
            Kind::Invalid(source) => write!(f, "invalid {category} name {input}: {source}"),
            Kind::Unprovided => {
                write!(
                    f,
                    "{category} {input} is registered, but no plugin provides it"
                )
            }
            Kind::Unknown {
                expected,
                suggestion,
            } => {
                write!(f, "unknown {category} {input}; ")?;
                if expected.is_empty() {
                    return write!(f, "the {category} table has no names");
                }
                write_expected(f, expected)?;
                if let Some(near) = suggestion {
                    write!(f, " (did you mean {}?)", Quoted(near))?;
                }
                Ok(())
            }
        }
    }
}

impl fmt::Debug for PluginError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PluginError")
            .field("category", &self.inner.category)
            .field("input", &self.inner.input)
            .field("unprovided", &self.is_unprovided())
            .field("suggestion", &self.suggestion())
            .field("source", &self.name_error())
            .finish()
    }
}

impl Error for PluginError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        self.name_error().map(|e| e as &(dyn Error + 'static))
    }
}
