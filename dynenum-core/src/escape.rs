//! How error texts show a name: every character that could hide, reorder or disguise text is
//! escaped, and long names are cut. Every name an error shows (the input, the expected names, the
//! suggestion) goes through [`Shown`], so the rule lives in one place.

use core::cmp::Ordering;
use core::fmt::{self, Write as _};

use crate::escape_table::ESCAPED;

/// How many characters of a name an error text shows before it cuts with an ellipsis.
pub(crate) const SHOWN_CHARS: usize = 64;

/// Whether error texts escape `ch`: a control, format or line/paragraph separator character
/// (general categories Cc, Cf, Zl, Zp), a default-ignorable code point (invisible by definition:
/// zero-width characters, variation selectors, tag characters, fillers like U+3164), whitespace
/// other than the space, `"` or `\`. The table is generated from the Unicode data and checked
/// against it code point by code point (`tests/tests/escape_table.rs`).
#[inline]
#[must_use]
pub fn needs_escape(ch: char) -> bool {
    let code = u32::from(ch);
    if code < 0x80 {
        // The table's ASCII part, without the search: controls, `"` and `\`.
        return code < 0x20 || code == 0x7f || ch == '"' || ch == '\\';
    }
    ESCAPED
        .binary_search_by(|&(start, end)| {
            if end < code {
                Ordering::Less
            } else if start > code {
                Ordering::Greater
            } else {
                Ordering::Equal
            }
        })
        .is_ok()
}

/// A name as error texts show it: between `quote`s (none for a listing), each escaped character
/// written as Rust writes it in a literal (`\t`, `\"`, `\u{202e}`), the quote character itself
/// escaped too, cut after [`SHOWN_CHARS`] characters with `…`: `admin`, U+202E, `lmth.exe` shows as
/// `"admin\u{202e}lmth.exe"`. The one way error texts write names, for every error type of the
/// crate (`PluginError` included): call it, never format a name directly.
#[derive(Clone, Copy)]
pub(crate) struct Shown<'a> {
    text: &'a str,
    quote: Option<char>,
}

impl<'a> Shown<'a> {
    /// In double quotes: the input and the suggestion in `Display`.
    pub(crate) const fn quoted(text: &'a str) -> Self {
        Shown {
            text,
            quote: Some('"'),
        }
    }

    /// In backticks, serde's style.
    #[cfg(any(feature = "serde", test))]
    pub(crate) const fn ticked(text: &'a str) -> Self {
        Shown {
            text,
            quote: Some('`'),
        }
    }

    /// In single quotes, like a Rust `char`: the character a [`NameError`](crate::NameError) names.
    pub(crate) const fn char(text: &'a str) -> Self {
        Shown {
            text,
            quote: Some('\''),
        }
    }

    /// Without quotes: a name in a comma-separated listing.
    pub(crate) const fn bare(text: &'a str) -> Self {
        Shown { text, quote: None }
    }
}

impl Shown<'_> {
    /// Writes the name as `Display` shows it into the start of `buf` and returns how many bytes, when
    /// that is the name itself between its quotes: at most [`SHOWN_CHARS`] bytes of printable ASCII
    /// (so the bytes written are UTF-8), none of them escaped, and room for it. `None` otherwise,
    /// having written nothing useful. Lets a
    /// listing of dozens of names gather them in one buffer instead of writing each through the
    /// formatter.
    pub(crate) fn write_plain(&self, buf: &mut [u8]) -> Option<usize> {
        let Shown { text, quote } = *self;
        let quote = match quote {
            None => None,
            Some(q) => Some(u8::try_from(q).ok().filter(u8::is_ascii)?),
        };
        // `"` is never plain: without a quote, it stands for none.
        if text.len() > SHOWN_CHARS || !plain_bytes(text.as_bytes(), quote.unwrap_or(b'"')) {
            return None;
        }
        let (open, end) = match quote {
            Some(_) => (1, text.len() + 2),
            None => (0, text.len()),
        };
        let out = buf.get_mut(..end)?;
        if let Some(q) = quote {
            out[0] = q;
            out[end - 1] = q;
        }
        out[open..open + text.len()].copy_from_slice(text.as_bytes());
        Some(end)
    }
}

/// Whether every byte is printable ASCII (`' '..='~'`) other than `"`, `\\` and `quote` (an ASCII
/// byte), tested eight bytes at a time: this runs for each name an error lists.
fn plain_bytes(bytes: &[u8], quote: u8) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Some lane of `x` is zero exactly when this is not (a borrow may also mark lanes above a zero
    // lane, which changes nothing).
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    // The high bit of every lane that is not plain (and maybe of others, when one is not).
    let bad = |word: u64| {
        // Without its high bit a lane plus 0x60 stays under 0x100, and reaches 0x80 exactly when
        // the lane is at least 0x20.
        let below_space = !((word & !HIGH) + ONES * 0x60) & HIGH;
        (word & HIGH)
            | below_space
            | zero(word ^ (ONES * 0x7f))
            | zero(word ^ (ONES * u64::from(b'"')))
            | zero(word ^ (ONES * u64::from(b'\\')))
            | zero(word ^ (ONES * u64::from(quote)))
    };
    let word = |chunk: &[u8]| {
        let mut lanes = [b'a'; 8];
        lanes[..chunk.len()].copy_from_slice(chunk);
        u64::from_le_bytes(lanes)
    };
    if bytes.len() < 8 {
        return bad(word(bytes)) == 0;
    }
    // Whole words, then the last eight bytes (overlapping the words already read, which is harmless).
    let chunks = bytes.chunks_exact(8);
    let last = &bytes[bytes.len() - 8..];
    chunks.fold(bad(word(last)), |all, chunk| all | bad(word(chunk))) == 0
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Shown { text, quote } = *self;
        // The common case, a short name of printable ASCII: one write.
        let mut buf = [0_u8; SHOWN_CHARS + 2];
        if let Some(end) = self.write_plain(&mut buf) {
            return f.write_str(core::str::from_utf8(&buf[..end]).map_err(|_| fmt::Error)?);
        }
        if let Some(q) = quote {
            f.write_char(q)?;
        }
        // Runs of characters that need no escape are written in one piece. Bytewise: an ASCII
        // byte is a character of its own, a lead byte starts one, a continuation byte never does.
        let bytes = text.as_bytes();
        let (mut run, mut end, mut cut, mut chars) = (0, text.len(), false, 0);
        let mut at = 0;
        while at < bytes.len() {
            let b = bytes[at];
            if b & 0xc0 == 0x80 {
                at += 1;
                continue;
            }
            if chars == SHOWN_CHARS {
                (end, cut) = (at, true);
                break;
            }
            chars += 1;
            let plain = (b.is_ascii_graphic() && !matches!(b, b'"' | b'\\')) || b == b' ';
            if plain && quote != Some(char::from(b)) {
                at += 1;
                continue;
            }
            let Some(ch) = text[at..].chars().next() else {
                break;
            };
            if needs_escape(ch) || Some(ch) == quote {
                f.write_str(&text[run..at])?;
                if matches!(ch, '\t' | '\n' | '\r' | '"' | '\'' | '\\') {
                    write!(f, "{}", ch.escape_default())?;
                } else {
                    write!(f, "{}", ch.escape_unicode())?;
                }
                run = at + ch.len_utf8();
            }
            at += ch.len_utf8();
        }
        f.write_str(&text[run..end])?;
        if cut {
            f.write_str("…")?;
        }
        if let Some(q) = quote {
            f.write_char(q)?;
        }
        Ok(())
    }
}

/// A name in double quotes, escaped and cut: `Quoted(name)` is [`Shown::quoted`]`(name)`, the form
/// most messages want, as a plain `Display` adapter (`format!("unknown {}", Quoted(input))`).
#[derive(Clone, Copy)]
pub(crate) struct Quoted<'a>(pub(crate) &'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&Shown::quoted(self.0), f)
    }
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&Shown::quoted(self.text), f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_names_are_written_whole_exactly_when_nothing_is_escaped_or_cut() {
        // Every name of up to two characters from ASCII and one non-ASCII letter, then names at
        // the cut, in every quoting.
        let chars: Vec<char> = (0..128_u8).map(char::from).chain(['é']).collect();
        let mut names: Vec<String> = chars.iter().map(char::to_string).collect();
        for &a in &chars {
            for &b in &chars {
                names.push(format!("{a}{b}"));
            }
        }
        names.extend(["a".repeat(SHOWN_CHARS), "a".repeat(SHOWN_CHARS + 1)]);
        names.push(String::new());
        let mut buf = [0_u8; SHOWN_CHARS + 2];
        for name in &names {
            for (shown, quote) in [
                (Shown::quoted(name), Some('"')),
                (Shown::ticked(name), Some('`')),
                (Shown::char(name), Some('\'')),
                (Shown::bare(name), None),
            ] {
                let expected = name.chars().count() <= SHOWN_CHARS
                    && name
                        .chars()
                        .all(|c| c.is_ascii() && !needs_escape(c) && Some(c) != quote);
                let plain = shown
                    .write_plain(&mut buf)
                    .map(|end| String::from_utf8(buf[..end].to_vec()).unwrap());
                assert_eq!(plain.is_some(), expected, "{name:?} {quote:?}");
                if let Some(plain) = plain {
                    assert_eq!(plain, shown.to_string(), "{name:?} {quote:?}");
                    let q = quote.map(String::from).unwrap_or_default();
                    assert_eq!(plain, format!("{q}{name}{q}"));
                }
            }
        }
        // No room: nothing claimed written.
        assert_eq!(Shown::quoted("abc").write_plain(&mut [0; 4]), None);
        let mut buf = [0; 5];
        assert_eq!(Shown::quoted("abc").write_plain(&mut buf), Some(5));
        assert_eq!(&buf, b"\"abc\"");
    }

    #[test]
    fn plain_bytes_tests_every_lane() {
        // One byte that is not plain among plain ones, at every position of names up to 24 bytes
        // (whole words, a partial last word, a short name), against the byte-by-byte rule.
        let odd = [0x00, 0x1f, 0x7f, 0x80, 0xc3, 0xff, b'"', b'\\', b'`', b'\''];
        let fine = [b' ', b'!', b'~', b'a', b'Z', b'0', b'_'];
        for len in 1..=24 {
            for at in 0..len {
                for &b in odd.iter().chain(&fine) {
                    let mut bytes = vec![b'x'; len];
                    bytes[at] = b;
                    for quote in [b'"', b'`', b'\''] {
                        let expected = bytes.iter().all(|&c| {
                            (b' '..=b'~').contains(&c) && c != b'"' && c != b'\\' && c != quote
                        });
                        assert_eq!(plain_bytes(&bytes, quote), expected, "{bytes:?} {quote}");
                    }
                }
            }
        }
        assert!(plain_bytes(b"", b'"'));
    }

    #[test]
    fn shown_escapes_quotes_and_cuts() {
        assert_eq!(Shown::quoted("a\"b\\c").to_string(), r#""a\"b\\c""#);
        assert_eq!(Shown::quoted("a\u{202e}b").to_string(), r#""a\u{202e}b""#);
        assert_eq!(Shown::ticked("a`b").to_string(), r"`a\u{60}b`");
        assert_eq!(Shown::bare("tab\there").to_string(), r"tab\there");
        assert_eq!(Shown::bare("日本").to_string(), "日本");
        let long = "é".repeat(SHOWN_CHARS + 1);
        let shown = Shown::quoted(&long).to_string();
        assert_eq!(shown, format!("\"{}…\"", "é".repeat(SHOWN_CHARS)));
        let exact = "x".repeat(SHOWN_CHARS);
        assert_eq!(Shown::bare(&exact).to_string(), exact);
    }

    #[test]
    fn table_is_sorted_and_disjoint() {
        for pair in ESCAPED.windows(2) {
            assert!(
                pair[0].0 <= pair[0].1 && pair[0].1 + 1 < pair[1].0,
                "{pair:?}"
            );
        }
    }
}
