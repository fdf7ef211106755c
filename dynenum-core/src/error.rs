//! The two errors: [`NameError`] (a name breaks a rule) and [`ParseError`] (text names no member).

use std::error::Error;
use std::fmt;
use std::sync::OnceLock;

pub(crate) use crate::escape::{Quoted, Shown};
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
        let mut buf = [0; 4];
        match *self {
            NameError::Empty => f.write_str("name is empty"),
            NameError::TooLong { len, max } => {
                write!(f, "name is {len} bytes long, over the limit of {max}")
            }
            NameError::InvalidChar { ch, at } if ch.is_control() => {
                let ch = Shown::char(ch.encode_utf8(&mut buf));
                write!(f, "name has the control character {ch} at byte {at}")
            }
            NameError::InvalidChar { ch, at: 0 } => {
                let ch = Shown::char(ch.encode_utf8(&mut buf));
                write!(f, "name starts with whitespace ({ch})")
            }
            NameError::InvalidChar { ch, at } => {
                let ch = Shown::char(ch.encode_utf8(&mut buf));
                write!(f, "name ends with whitespace ({ch} at byte {at})")
            }
            NameError::Builtin(name) => {
                write!(f, "name belongs to the built-in member {}", Quoted(name))
            }
            NameError::Unregistered => f.write_str("name is not registered"),
        }
    }
}

impl Error for NameError {}

/// Text that names no member: the input, the enum, the names that would have been accepted, the
/// nearest of them, and the broken rule when the input is not a valid name at all.
///
/// The texts are safe to show whatever the input and the registered names hold: `Display`, `Debug`
/// and the serde and clap messages escape every character that could hide or disguise text
/// (controls, format characters such as the right-to-left override U+202E or the zero-width space
/// U+200B, line and paragraph separators, default-ignorable characters, whitespace other than the
/// space, `"` and `\`), cut each name after 64 characters, and list at most 32 names followed by
/// "and N more". A failed parse copies no names: under `dynamic = "registered"` the registered
/// names are read from the registry when the error is shown, so the parse costs the same with ten
/// thousand registered names as with none.
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
///
/// // A right-to-left override would show this input as "adminexe.html": it is escaped instead.
/// let spoof = "admin\u{202E}lmth.exe".parse::<EndpointType>().unwrap_err();
/// assert!(spoof.to_string().starts_with(r#"unknown EndpointType "admin\u{202e}lmth.exe";"#));
/// assert_eq!(spoof.input(), "admin\u{202E}lmth.exe");
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
    /// The enum's canonical names, borrowed: a failed parse copies no names.
    names: &'static [&'static str],
    /// The registry of a `registered` enum, read only when the error is shown or asked for its
    /// names, so a failed parse costs the same whatever the registry holds.
    registered: Option<&'static dyn Registered>,
    /// Looked for when first asked: an error dropped unread (a fallback, an untagged alternative)
    /// never pays for the search.
    suggestion: OnceLock<Option<&'static str>>,
    source: Option<NameError>,
}

/// The names an enum's registry holds, as errors read them: not generic, so that [`ParseError`]
/// stays one type for every enum.
pub(crate) trait Registered: Send + Sync {
    /// How many names are registered now.
    fn count(&self) -> usize;
    /// The registered names in the registry's order (at least [`count`](Self::count) of them,
    /// more if some were registered since).
    fn names(&self) -> Box<dyn Iterator<Item = &'static str> + '_>;
    /// Calls `each` on the first `limit` registered names, without allocating.
    fn first(&self, limit: usize, each: &mut dyn FnMut(&'static str));
}

/// How many names every listing (`Display`, `Debug`, serde's message, clap's valid values) shows
/// before it says how many more there are. Fixed, so an error's text is bounded whatever the enum
/// and its registry hold.
pub(crate) const LISTED: usize = 32;
/// How many registered names the suggestion is looked for among (besides every built-in name and
/// alias): the first ones in the registry's order. A cap, so that showing an error costs the same
/// with ten thousand registered names as with none.
const SUGGESTED_REGISTERED: usize = 64;

impl ParseError {
    /// The error for `input`: `names` are the enum's canonical names; `registered` is the registry
    /// of an enum whose policy also accepts registered names.
    pub(crate) fn new(
        input: &str,
        meta: &'static Meta,
        names: &'static [&'static str],
        registered: Option<&'static dyn Registered>,
        source: Option<NameError>,
    ) -> Self {
        ParseError {
            inner: Box::new(Inner {
                input: input.into(),
                meta,
                names,
                registered,
                suggestion: OnceLock::new(),
                source,
            }),
        }
    }

    /// The text that failed to parse.
    pub fn input(&self) -> &str {
        &self.inner.input
    }

    /// The name of the enum that was parsed (its Rust identifier).
    pub fn enum_name(&self) -> &'static str {
        self.inner.meta.name
    }

    /// What the message calls the enum: its `#[dynenum(noun = "...")]`, else its identifier.
    pub fn noun(&self) -> &'static str {
        self.inner.meta.noun
    }

    /// The names that would have been accepted: canonical built-in names, then registered names when the
    /// enum's policy is `registered`. Registered names are read from the registry when this is
    /// called (not when the parse failed), so they include names registered since.
    pub fn expected(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        let inner = &*self.inner;
        Expected {
            left: inner.names.len() + inner.registered.map_or(0, Registered::count),
            names: inner.names.iter(),
            registry: inner.registered,
            registered: None,
        }
    }

    /// The accepted name (canonical or alias) nearest to the input, when one is close enough: at most
    /// `max(1, len / 3)` edits away (counted in characters, `len` being the input's), ties going to
    /// the earliest declared. Inputs over 64 characters get none, which keeps a failed parse cheap
    /// whatever the input. Every built-in name and alias is a candidate, and the first 64 registered
    /// names (link-time names, then registrations in order), which keeps showing an error cheap
    /// whatever the registry holds. Looked for on the first call (or the first `Display`) and kept:
    /// a parse whose error is dropped unread never searches.
    pub fn suggestion(&self) -> Option<&str> {
        let inner = &*self.inner;
        if inner.source.is_some() {
            return None;
        }
        *inner.suggestion.get_or_init(|| self.unknown().nearest())
    }

    /// The rule the input breaks, when it is not a valid name at all.
    pub fn name_error(&self) -> Option<&NameError> {
        self.inner.source.as_ref()
    }

    /// The failure as the error texts read it.
    pub(crate) fn unknown(&self) -> Unknown<'_> {
        let inner = &*self.inner;
        Unknown {
            input: &inner.input,
            meta: inner.meta,
            names: inner.names,
            registered: inner.registered,
        }
    }
}

/// A failed parse as the error texts read it, borrowed: what a [`ParseError`] holds, and what
/// serde's message is written from without building one (no box, no copy of the input).
#[derive(Clone, Copy)]
pub(crate) struct Unknown<'a> {
    pub(crate) input: &'a str,
    pub(crate) meta: &'static Meta,
    /// The enum's canonical names.
    pub(crate) names: &'static [&'static str],
    /// The registry, when the enum's policy also accepts registered names.
    pub(crate) registered: Option<&'static dyn Registered>,
}

impl<'a> Unknown<'a> {
    /// How many names would have been accepted.
    pub(crate) fn count(&self) -> usize {
        self.names.len() + self.registered.map_or(0, Registered::count)
    }

    /// The nearest accepted name (see [`ParseError::suggestion`]), looked for now.
    pub(crate) fn nearest(&self) -> Option<&'static str> {
        let candidates = self.meta.all_names.iter().copied();
        let Some(r) = self.registered else {
            return name::nearest(self.input, candidates, self.meta.separators);
        };
        let mut registered = [""; SUGGESTED_REGISTERED];
        let mut found = 0;
        r.first(SUGGESTED_REGISTERED, &mut |name| {
            if let Some(slot) = registered.get_mut(found) {
                *slot = name;
                found += 1;
            }
        });
        let candidates = candidates.chain(registered[..found].iter().copied());
        name::nearest(self.input, candidates, self.meta.separators)
    }

    /// The expected names as every listing shows them: at most [`LISTED`], each through `show`,
    /// separated by `", "`, then `", and N more"`.
    pub(crate) fn listing(self, show: fn(&'static str) -> Shown<'static>) -> Listing<'a> {
        Listing {
            unknown: self,
            show,
        }
    }

    /// How many names are expected, and the first [`LISTED`] of them (built-in names first).
    pub(crate) fn listed(&self) -> (usize, impl Iterator<Item = &'static str>) {
        let registered = self.registered.map_or(0, Registered::count);
        let mut first = [""; LISTED];
        let mut found = 0;
        for (slot, &name) in first.iter_mut().zip(self.names) {
            *slot = name;
            found += 1;
        }
        if let Some(r) = self.registered {
            let room = (LISTED - found).min(registered);
            r.first(room, &mut |name| {
                if let Some(slot) = first.get_mut(found) {
                    *slot = name;
                    found += 1;
                }
            });
        }
        (self.names.len() + registered, first.into_iter().take(found))
    }
}

/// [`ParseError::expected`]'s iterator: built-in names, then as many registered names as there were
/// when it was made (read from the registry only once the built-in names are through).
struct Expected<'a> {
    names: core::slice::Iter<'static, &'static str>,
    registry: Option<&'static dyn Registered>,
    registered: Option<Box<dyn Iterator<Item = &'static str> + 'a>>,
    left: usize,
}

impl<'a> Iterator for Expected<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        if self.left == 0 {
            return None;
        }
        let next = if let Some(&name) = self.names.next() {
            Some(name)
        } else {
            let registry = self.registry?;
            self.registered
                .get_or_insert_with(|| registry.names())
                .next()
        };
        // The registry only grows, so it yields at least the names it counted.
        self.left -= 1;
        next
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl ExactSizeIterator for Expected<'_> {}

/// A capped listing of an error's expected names (see [`Unknown::listing`]).
pub(crate) struct Listing<'a> {
    unknown: Unknown<'a>,
    show: fn(&'static str) -> Shown<'static>,
}

impl fmt::Display for Listing<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = Gather::new(f);
        self.unknown.write_listing(self.show, "", &mut out)?;
        out.flush()
    }
}

impl Unknown<'_> {
    /// Writes the listing (see [`Unknown::listing`]) into `out`. `prelisted` is empty, or the first
    /// built-in names (at most [`LISTED`]) already shown and separated as `show` would write them,
    /// which is then copied as it is.
    pub(crate) fn write_listing<W: fmt::Write + ?Sized>(
        &self,
        show: fn(&'static str) -> Shown<'static>,
        prelisted: &str,
        out: &mut Gather<'_, W>,
    ) -> fmt::Result {
        let builtin = &self.names[..self.names.len().min(LISTED)];
        let mut shown = 0;
        if !prelisted.is_empty() {
            out.push(prelisted)?;
            shown = builtin.len();
        }
        let mut list = |out: &mut Gather<'_, W>, names: &[&'static str]| {
            for &name in names {
                if shown > 0 {
                    out.push(", ")?;
                }
                out.shown(show(name))?;
                shown += 1;
            }
            Ok(())
        };
        if prelisted.is_empty() {
            list(out, builtin)?;
        }
        let mut total = self.names.len();
        if let Some(r) = self.registered {
            let count = r.count();
            total += count;
            let room = (LISTED - builtin.len()).min(count);
            if room > 0 {
                let mut first = [""; LISTED];
                let mut found = 0;
                r.first(room, &mut |name| {
                    if let Some(slot) = first.get_mut(found) {
                        *slot = name;
                        found += 1;
                    }
                });
                list(out, &first[..found])?;
            }
        }
        if total > shown {
            fmt::Write::write_fmt(out, format_args!(", and {} more", total - shown))?;
        }
        Ok(())
    }
}

/// How many bytes [`Gather`] holds before it hands them on.
const GATHERED: usize = 1024;

/// Text gathered in a buffer on the stack and handed on to `out` a kilobyte at a time. Error texts
/// are written in dozens of small pieces (up to [`LISTED`] names, their quotes and separators), and
/// each write through a formatter, or into a string that grows, costs more than copying the piece;
/// a short text is gathered whole and can be handed on as one `&str` (see [`Gather::whole`]).
pub(crate) struct Gather<'w, W: ?Sized> {
    buf: [u8; GATHERED],
    used: usize,
    /// Whether some of the text was handed on already.
    flushed: bool,
    out: &'w mut W,
}

impl<'w, W: fmt::Write + ?Sized> Gather<'w, W> {
    pub(crate) fn new(out: &'w mut W) -> Self {
        Gather {
            buf: [0; GATHERED],
            used: 0,
            flushed: false,
            out,
        }
    }

    /// The whole text, when none of it was handed on yet (a text of up to a kilobyte).
    #[cfg(feature = "serde")]
    pub(crate) fn whole(&self) -> Option<&str> {
        if self.flushed {
            return None;
        }
        core::str::from_utf8(&self.buf[..self.used]).ok()
    }

    /// Hands on the text gathered so far.
    pub(crate) fn flush(&mut self) -> fmt::Result {
        if self.used > 0 {
            // Whole pieces of text only are copied in, so the bytes are UTF-8.
            let text = core::str::from_utf8(&self.buf[..self.used]).map_err(|_| fmt::Error)?;
            self.out.write_str(text)?;
            self.used = 0;
            self.flushed = true;
        }
        Ok(())
    }

    /// Adds `text`.
    #[inline]
    pub(crate) fn push(&mut self, text: &str) -> fmt::Result {
        if text.len() > GATHERED - self.used {
            self.flush()?;
            if text.len() > GATHERED {
                self.flushed = true;
                return self.out.write_str(text);
            }
        }
        self.buf[self.used..self.used + text.len()].copy_from_slice(text.as_bytes());
        self.used += text.len();
        Ok(())
    }

    /// Adds a name as `shown` displays it: copied as it is when it needs no escape (most names).
    pub(crate) fn shown(&mut self, shown: Shown<'_>) -> fmt::Result {
        // Room for a plain name and its quotes.
        if GATHERED - self.used < crate::escape::SHOWN_CHARS + 2 {
            self.flush()?;
        }
        if let Some(written) = shown.write_plain(&mut self.buf[self.used..]) {
            self.used += written;
            return Ok(());
        }
        fmt::Write::write_fmt(self, format_args!("{shown}"))
    }
}

impl<W: fmt::Write + ?Sized> fmt::Write for Gather<'_, W> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        self.push(text)
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
        write!(f, "{}", Shown::bare(name))?;
    }
    if names.len() > LISTED {
        write!(f, ", and {} more", names.len() - LISTED)?;
    }
    Ok(())
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (enum_name, input) = (self.inner.meta.noun, Quoted(&self.inner.input));
        if let Some(source) = &self.inner.source {
            return write!(f, "invalid {enum_name} name {input}: {source}");
        }
        write!(f, "unknown {enum_name} {input}; ")?;
        let unknown = self.unknown();
        if unknown.count() == 0 {
            return write!(f, "{enum_name} has no names");
        }
        write!(f, "expected one of: {}", unknown.listing(Shown::bare))?;
        if let Some(near) = self.suggestion() {
            write!(f, " (did you mean {}?)", Quoted(near))?;
        }
        Ok(())
    }
}

impl fmt::Debug for ParseError {
    /// Bounded like `Display`: the input cut and escaped, at most 32 expected names.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        /// The capped listing as a `Debug` list, the count of the rest as its last item.
        struct DebugListing<'a>(&'a ParseError);
        /// `and N more`, written bare.
        struct More(usize);
        impl fmt::Debug for More {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "and {} more", self.0)
            }
        }
        impl fmt::Debug for DebugListing<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let (total, names) = self.0.unknown().listed();
                let mut list = f.debug_list();
                let mut shown = 0;
                for name in names {
                    list.entry(&Shown::quoted(name));
                    shown += 1;
                }
                if total > shown {
                    list.entry(&More(total - shown));
                }
                list.finish()
            }
        }
        f.debug_struct("ParseError")
            .field("input", &Shown::quoted(self.input()))
            .field("enum_name", &self.enum_name())
            .field("expected", &DebugListing(self))
            .field("suggestion", &self.suggestion().map(Shown::quoted))
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
