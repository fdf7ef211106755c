//! The name rules shared by every type: how names fold, compare, hash and order, and which names are valid.
//!
//! Everything here works on bytes and is length-preserving: ASCII letters fold to lower case and, when an
//! enum ignores separators, `-`, `_` and ` ` all become the enum's separator. Every other byte (including
//! every byte of a non-ASCII character) compares exactly, so folding never breaks UTF-8.

use core::cmp::Ordering;
use core::hash::Hasher;

use crate::error::NameError;

/// How dynamic names are stored and displayed: folded like the enum's built-in names.
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fold {
    /// `lowercase`, `snake_case` and `kebab-case`.
    Lower,
    /// `UPPERCASE`, `SCREAMING_SNAKE_CASE` and `SCREAMING-KEBAB-CASE`.
    Upper,
    /// `PascalCase` and `camelCase`: kept as first given.
    Keep,
}

/// What parsing accepts for a name that is not built-in.
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Policy {
    /// Any valid name.
    Open,
    /// Only names in the registry.
    Registered,
}

/// What the derive tells the core about an enum; not part of the public contract.
#[doc(hidden)]
#[derive(Debug)]
pub struct Meta {
    /// The enum's identifier, for messages.
    pub name: &'static str,
    /// How dynamic names are folded for storage and display.
    pub fold: Fold,
    /// `Some(separator)` under `ignore_separators`: `-`, `_` and ` ` then all read as that byte.
    pub separators: Option<u8>,
    /// What parsing accepts for non-built-in names.
    pub policy: Policy,
    /// The longest dynamic name accepted, in bytes.
    pub max_len: usize,
    /// Every canonical name and alias, in declaration order (for suggestions and `register!` checks).
    pub all_names: &'static [&'static str],
}

/// The byte a name's byte stands for when names are compared, hashed or ordered.
#[inline]
#[must_use]
pub(crate) const fn key(b: u8, separators: Option<u8>) -> u8 {
    match separators {
        Some(sep) if b == b'-' || b == b'_' || b == b' ' => sep,
        _ => b.to_ascii_lowercase(),
    }
}

/// Whether two names are equal under the rule.
#[inline]
#[must_use]
pub(crate) fn eq(a: &str, b: &str, separators: Option<u8>) -> bool {
    match separators {
        None => a.eq_ignore_ascii_case(b),
        Some(_) => {
            a.len() == b.len()
                && a.bytes()
                    .zip(b.bytes())
                    .all(|(x, y)| key(x, separators) == key(y, separators))
        }
    }
}

/// Orders two names by their folded bytes: consistent with [`eq`].
#[must_use]
pub(crate) fn cmp(a: &str, b: &str, separators: Option<u8>) -> Ordering {
    a.bytes()
        .map(|b| key(b, separators))
        .cmp(b.bytes().map(|b| key(b, separators)))
}

/// Feeds a name's folded bytes to a hasher. Every type hashes names through this one function, in the
/// same chunks, so equal names hash equally with any `Hasher`, whatever type holds them.
#[inline]
pub(crate) fn hash<H: Hasher>(name: &str, separators: Option<u8>, state: &mut H) {
    const CHUNK: usize = 32;
    let mut buf = [0_u8; CHUNK];
    for chunk in name.as_bytes().chunks(CHUNK) {
        let folded = &mut buf[..chunk.len()];
        fold_into(chunk, folded, separators);
        state.write(folded);
    }
    // Like `str`'s own `Hash`: a terminator keeps ("ab", "c") and ("a", "bc") apart in tuples.
    state.write_u8(0xff);
}

/// Writes `key` of each byte of `from` into `to` (of the same length), eight bytes at a time.
#[inline]
fn fold_into(from: &[u8], to: &mut [u8], separators: Option<u8>) {
    let mut words = from.chunks_exact(8);
    let mut out = to.chunks_exact_mut(8);
    for (word, out) in (&mut words).zip(&mut out) {
        let mut bytes = [0; 8];
        bytes.copy_from_slice(word);
        out.copy_from_slice(&fold_word(u64::from_le_bytes(bytes), separators).to_le_bytes());
    }
    for (&b, out) in words.remainder().iter().zip(out.into_remainder()) {
        *out = key(b, separators);
    }
}

/// [`key`] of each of the eight bytes of a word.
#[inline]
fn fold_word(word: u64, separators: Option<u8>) -> u64 {
    use crate::phf::{fold, splat, zero_lanes};
    let lower = fold(word, false);
    let Some(sep) = separators else {
        return lower;
    };
    let high_bits = zero_lanes(lower ^ splat(b'-'))
        | zero_lanes(lower ^ splat(b'_'))
        | zero_lanes(lower ^ splat(b' '));
    let lanes = (high_bits >> 7) * 0xff;
    (lower & !lanes) | (splat(sep) & lanes)
}

/// Checks the rules every name obeys: not empty, at most `max_len` bytes, no control character, no
/// leading or trailing whitespace. A `const fn`, so `register!` checks names at compile time with the
/// very rules parsing applies at run time.
///
/// # Errors
///
/// The first rule the name breaks.
pub(crate) const fn check(name: &str, max_len: usize) -> Result<(), NameError> {
    let bytes = name.as_bytes();
    if bytes.is_empty() {
        return Err(NameError::Empty);
    }
    if bytes.len() > max_len {
        return Err(NameError::TooLong {
            len: bytes.len(),
            max: max_len,
        });
    }
    // The first character may break either rule; so may the last; between them only a control
    // character can, and one is always an ASCII byte or, for U+0080 to U+009F, `0xc2` then a byte up
    // to `0x9f`. So the middle is scanned bytewise, in order, and only the edges are decoded.
    let (first, width) = decode(bytes, 0);
    if is_control(first) || is_whitespace(first) {
        return Err(NameError::InvalidChar { ch: first, at: 0 });
    }
    let mut last_at = bytes.len() - 1;
    while bytes[last_at] & 0xc0 == 0x80 {
        last_at -= 1;
    }
    let mut at = width;
    while at < last_at {
        let b = bytes[at];
        if b < 0x20 || b == 0x7f || (b == 0xc2 && bytes[at + 1] <= 0x9f) {
            return Err(NameError::InvalidChar {
                ch: decode(bytes, at).0,
                at,
            });
        }
        at += 1;
    }
    let (last, _) = decode(bytes, last_at);
    if last_at > 0 && (is_control(last) || is_whitespace(last)) {
        return Err(NameError::InvalidChar {
            ch: last,
            at: last_at,
        });
    }
    Ok(())
}

/// The character that starts at `bytes[at]`, and its width, for bytes that are valid UTF-8.
const fn decode(bytes: &[u8], at: usize) -> (char, usize) {
    let lead = bytes[at] as u32;
    let (width, mut code) = match lead {
        0x00..=0x7f => (1, lead),
        0xc0..=0xdf => (2, lead & 0x1f),
        0xe0..=0xef => (3, lead & 0x0f),
        _ => (4, lead & 0x07),
    };
    let mut i = 1;
    while i < width {
        code = (code << 6) | (bytes[at + i] as u32 & 0x3f);
        i += 1;
    }
    match char::from_u32(code) {
        Some(ch) => (ch, width),
        None => (char::REPLACEMENT_CHARACTER, width),
    }
}

/// `char::is_control` (general category Cc), usable in `const`.
const fn is_control(ch: char) -> bool {
    matches!(ch, '\0'..='\x1f' | '\x7f'..='\u{9f}')
}

/// `char::is_whitespace` (the `White_Space` property), usable in `const`.
const fn is_whitespace(ch: char) -> bool {
    matches!(
        ch,
        '\t'..='\r'
            | ' '
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

/// Whether two names are equal under the rule, in `const` (for `register!`'s checks).
#[cfg(feature = "register")]
pub(crate) const fn eq_const(a: &str, b: &str, separators: Option<u8>) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if key(a[i], separators) != key(b[i], separators) {
            return false;
        }
        i += 1;
    }
    true
}

/// Applies the enum's storage fold to a name in place: case per [`Fold`], separators per the rule.
pub(crate) fn fold_in_place(name: &mut str, fold: Fold, separators: Option<u8>) {
    match fold {
        Fold::Lower => name.make_ascii_lowercase(),
        Fold::Upper => name.make_ascii_uppercase(),
        Fold::Keep => {}
    }
    if let Some(sep) = separators {
        // SAFETY: only the ASCII bytes `-`, `_` and ` ` are replaced, by the ASCII byte `sep`; an ASCII
        // byte is never part of a multi-byte character, so the string stays valid UTF-8.
        for b in unsafe { name.as_bytes_mut() } {
            if matches!(*b, b'-' | b'_' | b' ') {
                *b = sep;
            }
        }
    }
}

/// The name nearest to `input` among `candidates`: at most `max(1, len / 3)` edits away (Levenshtein, in
/// characters, ignoring ASCII case, and separators under the rule, so `cafe` is one edit from `café`);
/// ties go to the first candidate.
///
/// This runs on every failed parse, so on input an attacker may choose: it allocates twice (the folded
/// input and one row), skips candidates whose length alone puts them too far, and abandons a candidate
/// as soon as every cell of a row is over the bound, which tightens with each closer name found.
pub(crate) fn nearest(
    input: &str,
    candidates: impl IntoIterator<Item = &'static str>,
    separators: Option<u8>,
) -> Option<&'static str> {
    // Sized by bytes, an upper bound of the characters: `collect` would grow it from a quarter.
    let mut folded = Vec::with_capacity(input.len());
    folded.extend(input.chars().map(|c| fold_char(c, separators)));
    let input = folded;
    let mut row = vec![0; input.len() + 1];
    let mut best: Option<(usize, &'static str)> = None;
    for candidate in candidates {
        let bound = match best {
            None => (input.len() / 3).max(1),
            Some((0, _)) => break,
            Some((found, _)) => found - 1,
        };
        if let Some(found) = bounded_distance(&input, candidate, bound, separators, &mut row) {
            best = Some((found, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

/// A character as [`nearest`] compares it: ASCII folded by [`key`], others as they are.
fn fold_char(c: char, separators: Option<u8>) -> char {
    match u8::try_from(c) {
        Ok(byte) if byte.is_ascii() => char::from(key(byte, separators)),
        _ => c,
    }
}

/// The edit distance from `input` (folded) to `candidate` if it is at most `bound`, else `None`;
/// `row` is scratch space of `input.len() + 1` cells.
fn bounded_distance(
    input: &[char],
    candidate: &str,
    bound: usize,
    separators: Option<u8>,
    row: &mut [usize],
) -> Option<usize> {
    // Each character of length difference costs one edit at least; `chars().count()` is cheap next
    // to the table.
    if candidate.chars().count().abs_diff(input.len()) > bound {
        return None;
    }
    for (j, cell) in row.iter_mut().enumerate() {
        *cell = j;
    }
    for (i, c) in candidate
        .chars()
        .map(|c| fold_char(c, separators))
        .enumerate()
    {
        let mut diagonal = row[0];
        row[0] = i + 1;
        let mut smallest = row[0];
        for (j, &a) in input.iter().enumerate() {
            let next = (diagonal + usize::from(a != c))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            diagonal = row[j + 1];
            row[j + 1] = next;
            smallest = smallest.min(next);
        }
        // No cell of the next row is below this row's smallest, so once a whole row is over the bound,
        // the distance is too.
        if smallest > bound {
            return None;
        }
    }
    Some(row[input.len()]).filter(|&found| found <= bound)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The distance with no bound (a bound as large as any distance can be).
    fn distance(a: &str, b: &'static str, separators: Option<u8>) -> usize {
        let a: Vec<char> = a.chars().map(|c| fold_char(c, separators)).collect();
        let mut row = vec![0; a.len() + 1];
        bounded_distance(&a, b, usize::MAX / 2, separators, &mut row).unwrap()
    }

    #[test]
    fn fold_word_agrees_with_key_on_every_byte() {
        for separators in [None, Some(b'_'), Some(b'-')] {
            for b in 0..=u8::MAX {
                // The byte in every lane, and beside neighbours that could carry into it.
                for word in [
                    u64::from_le_bytes([b; 8]),
                    u64::from_le_bytes([0xff, b, 0, b, 0x7f, b, b'Z', b]),
                ] {
                    let expected = word.to_le_bytes().map(|x| key(x, separators));
                    assert_eq!(
                        fold_word(word, separators).to_le_bytes(),
                        expected,
                        "{b:#x} {separators:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn distance_counts_edits_ignoring_case() {
        assert_eq!(distance("opnai_chat", "OPENAI_CHAT", None), 1);
        assert_eq!(distance("", "abc", None), 3);
        assert_eq!(distance("abc", "", None), 3);
        assert_eq!(distance("a-b", "a_b", Some(b'_')), 0);
        assert_eq!(distance("a-b", "a_b", None), 1);
        assert_eq!(distance("cafe", "CAFÉ", None), 1);
        assert_eq!(distance("ñu", "NU", None), 1);
        assert_eq!(distance("kitten", "sitting", None), 3);
    }

    #[test]
    fn bounded_distance_gives_up_past_the_bound_and_only_then() {
        let input: Vec<char> = "kitten".chars().collect();
        let mut row = vec![0; input.len() + 1];
        assert_eq!(
            bounded_distance(&input, "sitting", 3, None, &mut row),
            Some(3)
        );
        assert_eq!(bounded_distance(&input, "sitting", 2, None, &mut row), None);
        // Over the bound by length alone, and over it only at the last row.
        assert_eq!(
            bounded_distance(&input, "kittenkitten", 5, None, &mut row),
            None
        );
        assert_eq!(bounded_distance(&input, "kittex", 0, None, &mut row), None);
        assert_eq!(
            bounded_distance(&input, "KITTEN", 0, None, &mut row),
            Some(0)
        );
    }

    #[test]
    fn nearest_prefers_the_closest_then_the_first() {
        let names = ["openai_chat", "openai_chats", "anthropic_chat"];
        assert_eq!(nearest("openai_chatz", names, None), Some("openai_chat"));
        assert_eq!(nearest("openai_chatsz", names, None), Some("openai_chats"));
        assert_eq!(nearest("opena_chat", names, None), Some("openai_chat"));
        assert_eq!(nearest("zzz", names, None), None);
        // One edit is always allowed, even for short inputs; two are not.
        assert_eq!(nearest("ab", ["abc", "xyz"], None), Some("abc"));
        assert_eq!(nearest("a", ["abc"], None), None);
        assert_eq!(nearest("", ["a"], None), Some("a"));
        assert_eq!(nearest("anything", [], None), None);
    }

    #[test]
    fn check_agrees_with_std_on_every_short_name_of_tricky_characters() {
        // Bytes next to the boundaries the bytewise scan relies on: C1 controls (`0xc2 0x80..=0x9f`),
        // their neighbours (`U+A0` is `0xc2 0xa0`, `Ā` is `0xc4 0x80`), ASCII controls, whitespace.
        let chars = [
            'a', ' ', '\t', '\0', '\x1f', '\x7f', '\u{80}', '\u{85}', '\u{9f}', '\u{a0}', 'Ā',
            '\u{2028}', '\u{3000}', '日', '😀',
        ];
        let reference = |name: &str| {
            let last = name.char_indices().last().map(|(at, _)| at);
            name.char_indices()
                .find(|&(at, ch)| {
                    ch.is_control() || (ch.is_whitespace() && (at == 0 || Some(at) == last))
                })
                .map_or(Ok(()), |(at, ch)| Err(NameError::InvalidChar { ch, at }))
        };
        for &a in &chars {
            for &b in &chars {
                for &c in &chars {
                    for name in [
                        format!("{a}"),
                        format!("{a}{b}"),
                        format!("{a}{b}{c}"),
                        format!("{a}x{b}y{c}"),
                    ] {
                        assert_eq!(check(&name, 64), reference(&name), "{name:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn check_reports_the_first_broken_rule() {
        assert_eq!(check("", 5), Err(NameError::Empty));
        assert_eq!(
            check("abcdef", 5),
            Err(NameError::TooLong { len: 6, max: 5 })
        );
        assert_eq!(
            check(" a", 5),
            Err(NameError::InvalidChar { ch: ' ', at: 0 })
        );
        assert_eq!(
            check("a\u{a0}", 5),
            Err(NameError::InvalidChar {
                ch: '\u{a0}',
                at: 1
            })
        );
        assert_eq!(
            check("a\tb", 5),
            Err(NameError::InvalidChar { ch: '\t', at: 1 })
        );
        assert_eq!(check("a b", 5), Ok(()));
    }

    #[test]
    fn const_char_classes_match_std() {
        for ch in (0..=0x10_ffff).filter_map(char::from_u32) {
            assert_eq!(is_control(ch), ch.is_control(), "{ch:?}");
            assert_eq!(is_whitespace(ch), ch.is_whitespace(), "{ch:?}");
        }
    }

    #[test]
    fn decode_reads_every_width() {
        let text = "aé€😀";
        let mut at = 0;
        for expected in text.chars() {
            let (ch, width) = decode(text.as_bytes(), at);
            assert_eq!((ch, width), (expected, expected.len_utf8()));
            at += width;
        }
    }

    #[test]
    fn fold_keeps_non_ascii_and_maps_separators() {
        let mut s = String::from("Ärger-Mit Öl_X");
        fold_in_place(&mut s, Fold::Lower, Some(b'-'));
        assert_eq!(s, "Ärger-mit-Öl-x");
    }
}
