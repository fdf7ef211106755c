//! The two errors: [`NameError`] (a name breaks a rule) and [`ParseError`] (text names no member).

use std::borrow::Cow;
use std::error::Error;
use std::fmt;
use std::sync::OnceLock;

use crate::name::{self, Meta};

/// Why a name cannot be a dynamic member.
///
/// ```
/// use dynenum_core::NameError;
///
/// assert_eq!(NameError::Empty.to_string(), "name is empty");
/// let e = NameError::TooLong { len: 300, max: 255 };
/// assert_eq!(e.to_string(), "name is 300 bytes long, over the limit of 255");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum NameError {
    /// The name is empty.
    Empty,
    /// The name is longer than the enum's `max_len`, in bytes.
    TooLong {
        /// The name's length in bytes.
        len: usize,
        /// The enum's limit in bytes.
        max: usize,
    },
    /// A control character anywhere, or whitespace at the start or the end.
    InvalidChar {
        /// The offending character.
        ch: char,
        /// Its byte offset in the name.
        at: usize,
    },
    /// The name (or an alias) of a built-in member: carries that member's canonical name.
    Builtin(&'static str),
    /// Not a built-in name, not registered, and the enum's policy is `dynamic = "registered"`.
    Unregistered,
}

impl fmt::Display for NameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            NameError::Empty => f.write_str("name is empty"),
            NameError::TooLong { len, max } => {
                write!(f, "name is {len} bytes long, over the limit of {max}")
            }
            NameError::InvalidChar { ch, at } if ch.is_control() => {
                write!(f, "name has the control character {ch:?} at byte {at}")
            }
            NameError::InvalidChar { ch, at: 0 } => {
                write!(f, "name starts with whitespace ({ch:?})")
            }
            NameError::InvalidChar { ch, at } => {
                write!(f, "name ends with whitespace ({ch:?} at byte {at})")
            }
            NameError::Builtin(name) => write!(f, "name belongs to the built-in member \"{name}\""),
            NameError::Unregistered => f.write_str("name is not registered"),
        }
    }
}

impl Error for NameError {}

/// Text that names no member: the input, the enum, the names that would have been accepted, the
/// nearest of them, and the broken rule when the input is not a valid name at all.
///
/// ```
/// # #[cfg(feature = "derive")] {
/// use dynenum_core::DynamicStrEnum;
///
/// #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
/// enum EndpointType {
///     OpenaiChat,
///     AnthropicChat,
/// }
///
/// let err = "opnai_chat".parse::<EndpointType>().unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     r#"unknown EndpointType "opnai_chat"; expected one of: openai_chat, anthropic_chat (did you mean "openai_chat"?)"#
/// );
/// assert_eq!(err.suggestion(), Some("openai_chat"));
/// # }
/// ```
#[derive(Clone)]
pub struct ParseError {
    /// Boxed: parsing returns `Result<_, ParseError>` on its fast path, which stays two words wide.
    inner: Box<Inner>,
}

#[derive(Clone)]
struct Inner {
    input: Box<str>,
    meta: &'static Meta,
    /// Borrowed from the enum when no registered name is listed: a failed parse copies no names.
    expected: Cow<'static, [&'static str]>,
    /// Where the registered names start in `expected`.
    registered_from: usize,
    /// Looked for when first asked: an error dropped unread (a fallback, an untagged alternative)
    /// never pays for the search.
    suggestion: OnceLock<Option<&'static str>>,
    source: Option<NameError>,
}

/// How many expected names `Display` lists before it says how many more there are.
const LISTED: usize = 32;
/// How many characters of the input `Display` quotes before it cuts with an ellipsis.
const QUOTED: usize = 64;

impl ParseError {
    /// The error for `input`: `expected` holds the enum's canonical names, then from `registered_from`
    /// on the registered names a `registered` enum also accepts.
    pub(crate) fn new(
        input: &str,
        meta: &'static Meta,
        expected: Cow<'static, [&'static str]>,
        registered_from: usize,
        source: Option<NameError>,
    ) -> Self {
        ParseError {
            inner: Box::new(Inner {
                input: input.into(),
                meta,
                expected,
                registered_from,
                suggestion: OnceLock::new(),
                source,
            }),
        }
    }

    /// The text that failed to parse.
    pub fn input(&self) -> &str {
        &self.inner.input
    }

    /// The name of the enum that was parsed.
    pub fn enum_name(&self) -> &'static str {
        self.inner.meta.name
    }

    /// The names that would have been accepted: canonical built-in names, then registered names when the
    /// enum's policy is `registered`.
    pub fn expected(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.inner.expected.iter().copied()
    }

    /// The accepted name (canonical or alias) nearest to the input, when one is close enough: at most
    /// `max(1, len / 3)` edits away (counted in characters, `len` being the input's), ties going to
    /// the earliest declared. Inputs over 64 characters get none, which keeps a failed parse cheap
    /// whatever the input. Looked for on the first call (or the first `Display`) and kept: a parse
    /// whose error is dropped unread never searches.
    pub fn suggestion(&self) -> Option<&str> {
        let inner = &*self.inner;
        if inner.source.is_some() {
            return None;
        }
        *inner.suggestion.get_or_init(|| {
            let registered = &inner.expected[inner.registered_from..];
            let candidates = inner.meta.all_names.iter().chain(registered).copied();
            name::nearest(&inner.input, candidates, inner.meta.separators)
        })
    }

    /// The rule the input breaks, when it is not a valid name at all.
    pub fn name_error(&self) -> Option<&NameError> {
        self.inner.source.as_ref()
    }
}

/// Writes `text` in double quotes, cut to [`QUOTED`] characters, with what could hide or disguise
/// text escaped: control characters, `"` and `\\`, whitespace other than the space, and the invisible
/// characters that reorder or join text (bidirectional controls, zero-width characters, the BOM).
pub(crate) struct Quoted<'a>(pub(crate) &'a str);

fn needs_escape(ch: char) -> bool {
    ch.is_control()
        || (ch.is_whitespace() && ch != ' ')
        || matches!(
            ch,
            '"' | '\\' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}'
        )
}

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"")?;
        for ch in self.0.chars().take(QUOTED) {
            if needs_escape(ch) {
                write!(f, "{}", ch.escape_default())?;
            } else {
                write!(f, "{ch}")?;
            }
        }
        if self.0.chars().nth(QUOTED).is_some() {
            f.write_str("…")?;
        }
        f.write_str("\"")
    }
}

/// Writes `expected one of: ` and the names, at most [`LISTED`] of them, then how many more there are.
/// Plugin tables' errors list their names with it too.
pub(crate) fn write_expected(f: &mut fmt::Formatter<'_>, names: &[&str]) -> fmt::Result {
    f.write_str("expected one of: ")?;
    for (i, name) in names.iter().take(LISTED).enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        f.write_str(name)?;
    }
    if names.len() > LISTED {
        write!(f, ", … ({} more)", names.len() - LISTED)?;
    }
    Ok(())
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (enum_name, input) = (self.inner.meta.name, Quoted(&self.inner.input));
        if let Some(source) = &self.inner.source {
            return write!(f, "invalid {enum_name} name {input}: {source}");
        }
        write!(f, "unknown {enum_name} {input}; ")?;
        if self.inner.expected.is_empty() {
            return write!(f, "{enum_name} has no names");
        }
        write_expected(f, &self.inner.expected)?;
        if let Some(near) = self.suggestion() {
            write!(f, " (did you mean {}?)", Quoted(near))?;
        }
        Ok(())
    }
}

impl fmt::Debug for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ParseError")
            .field("input", &self.input())
            .field("enum_name", &self.enum_name())
            .field("expected", &self.inner.expected)
            .field("suggestion", &self.suggestion())
            .field("source", &self.inner.source)
            .finish()
    }
}

impl Error for ParseError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        self.inner
            .source
            .as_ref()
            .map(|e| e as &(dyn Error + 'static))
    }
}
