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
    /// `PascalCase`, `camelCase`, `Train-Case` and `Title Case`: kept as first given.
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
    /// The enum's identifier, for messages to developers (`Debug`).
    pub name: &'static str,
    /// What error texts for end users call the enum: `#[dynenum(noun = "...")]`, else its identifier.
    pub noun: &'static str,
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
    /// The first 32 canonical names as serde's message lists them, each in backticks, separated by
    /// `", "`, when every one of them shows as it is (printable ASCII without `` ` ``, `"` or `\`,
    /// at most 64 bytes) and no variant is `#[cfg]`'d; empty otherwise. A failed serde parse then
    /// copies its listing in one piece instead of checking and writing each name.
    pub serde_listing: &'static str,
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
    // The dispatch's fold reads every separator as `_`; kebab styles read them as `-`.
    let folded = fold(word, separators.is_some());
    match separators {
        Some(sep) if sep != b'_' => {
            let lanes = (zero_lanes(folded ^ splat(b'_')) >> 7) * 0xff;
            (folded & !lanes) | (splat(sep) & lanes)
        }
        _ => folded,
    }
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
    // The derive only ever gives one of the three; the filter keeps a hand-written `Meta` from breaking
    // UTF-8 below.
    if let Some(sep) = separators.filter(|sep| matches!(sep, b'-' | b'_' | b' ')) {
        // SAFETY: only the ASCII bytes `-`, `_` and ` ` are replaced, by the ASCII byte `sep`, one of
        // them; an ASCII byte is never part of a multi-byte character, so the string stays valid UTF-8.
        for b in unsafe { name.as_bytes_mut() } {
            if matches!(*b, b'-' | b'_' | b' ') {
                *b = sep;
            }
        }
    }
}

/// Inputs longer than this many characters get no suggestion: the search keeps one machine word per
/// input, so a failed parse costs a few operations per character of each candidate, whatever the input.
pub(crate) const SUGGESTED_UP_TO: usize = 64;

/// The name nearest to `input` among `candidates`: at most `max(1, len / 3)` edits away (Levenshtein, in
/// characters, ignoring ASCII case, and separators under the rule, so `cafe` is one edit from `café`);
/// ties go to the first candidate. `None` for an input over [`SUGGESTED_UP_TO`] characters.
///
/// This runs when an error is shown, so on input an attacker may choose: it allocates nothing for an
/// ASCII input, skips candidates whose length alone puts them too far, and computes each remaining
/// distance bit-parallel (Myers' algorithm, in Hyyrö's form for whole strings), one word operation
/// sequence per character of the candidate, giving up on a candidate as soon as the characters it
/// has left could no longer bring it within reach.
pub(crate) fn nearest(
    input: &str,
    candidates: impl IntoIterator<Item = &'static str>,
    separators: Option<u8>,
) -> Option<&'static str> {
    let mut sketch = Sketch::new(input, separators)?;
    sketch.count(input);
    // The bit masks are built once a candidate is left in reach by its length and class counts:
    // an input far from every name (most failed parses of a small enum) never pays for them.
    let mut candidates = candidates.into_iter();
    let bound = (sketch.len / 3).max(1);
    let first = candidates.find(|candidate| sketch.within(candidate, bound))?;
    let mut pattern = Pattern::empty(&sketch);
    pattern.fill(input, separators);
    let mut best = pattern
        .distance_within(first, bound)
        .map(|found| (found, first));
    for candidate in candidates {
        let bound = match best {
            None => bound,
            Some((0, _)) => break,
            Some((found, _)) => found - 1,
        };
        if !sketch.within(candidate, bound) {
            continue;
        }
        if let Some(found) = pattern.distance_within(candidate, bound) {
            best = Some((found, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

/// The separator rules the tables below have a row for, in row order.
const RULES: [Option<u8>; 4] = [None, Some(b'_'), Some(b'-'), Some(b' ')];

/// The row of [`CLASSES`] and [`FOLDED`] for a separator rule, if they have one.
#[inline]
const fn rule_row(separators: Option<u8>) -> Option<usize> {
    match separators {
        None => Some(0),
        Some(b'_') => Some(1),
        Some(b'-') => Some(2),
        Some(b' ') => Some(3),
        Some(_) => None,
    }
}

/// The class a byte counts in for [`Pattern::class_bound`], under each separator rule (`None`, `_`,
/// `-`, ` `): letters (either case), digits and the separators each have one of their own, other
/// ASCII bytes share classes, every character beyond ASCII counts as one class (63) by its lead
/// byte, and continuation bytes count nowhere (62, left out of the sum). Characters that compare
/// equal always share a class, which is all the bound needs.
const CLASSES: [[u8; 256]; 4] = {
    let mut table = [[0_u8; 256]; 4];
    let mut rule = 0;
    while rule < 4 {
        let mut b: u8 = 0;
        loop {
            table[rule][b as usize] = match b {
                byte @ 0..=0x7f => match key(byte, RULES[rule]) {
                    folded @ b'a'..=b'z' => folded - b'a',
                    folded @ b'0'..=b'9' => folded - b'0' + 26,
                    b'_' => 36,
                    b'-' => 37,
                    b' ' => 38,
                    folded => folded % 23 + 39,
                },
                0x80..=0xbf => CONTINUATION,
                _ => 63,
            };
            if b == u8::MAX {
                break;
            }
            b += 1;
        }
        rule += 1;
    }
    table
};

/// [`key`] of every ASCII byte under each separator rule (`None`, `_`, `-`, ` `): one load per byte
/// where the bit masks are built.
const FOLDED: [[u8; 128]; 4] = {
    let mut table = [[0_u8; 128]; 4];
    let mut rule = 0;
    while rule < 4 {
        let mut b: u8 = 0;
        while b < 128 {
            table[rule][b as usize] = key(b, RULES[rule]);
            b += 1;
        }
        rule += 1;
    }
    table
};

/// [`CLASSES`]' class for continuation bytes, which are not counted.
const CONTINUATION: u8 = 62;

/// A character as [`nearest`] compares it: ASCII folded by [`key`], others as they are (the
/// reference the tests check the search against; the search itself folds through its masks).
#[cfg(test)]
fn fold_char(c: char, separators: Option<u8>) -> char {
    match u8::try_from(c) {
        Ok(byte) if byte.is_ascii() => char::from(key(byte, separators)),
        _ => c,
    }
}

/// What the search knows of an input before it compares it with anything: its length in characters
/// and how many of them fall in each class of [`CLASSES`]. One pass over the input into 64 bytes:
/// the candidates these rule out cost nothing more.
struct Sketch {
    len: usize,
    /// Which row of [`CLASSES`] the separator rule reads (`None` for a separator byte only a
    /// hand-written `Meta` gives, which may compare equal to a letter: no class bound then).
    table: Option<&'static [u8; 256]>,
    /// How many of the input's characters fall in each class (continuation bytes in none).
    counts: [i8; 64],
}

impl Sketch {
    /// `None` for an input over [`SUGGESTED_UP_TO`] characters. The counts are filled in place by
    /// [`count`](Self::count).
    fn new(input: &str, separators: Option<u8>) -> Option<Sketch> {
        let len = input.bytes().filter(|&b| b & 0xc0 != 0x80).count();
        if len > SUGGESTED_UP_TO {
            return None;
        }
        let row = rule_row(separators);
        Some(Sketch {
            len,
            table: row.map(|row| &CLASSES[row]),
            counts: [0; 64],
        })
    }

    /// Counts the input's characters by class.
    fn count(&mut self, input: &str) {
        let Some(table) = self.table else {
            return;
        };
        // At most 64 characters (checked by `new`), so a class's count fits.
        for &b in input.as_bytes() {
            let class = table[usize::from(b)];
            if class != CONTINUATION {
                let count = &mut self.counts[usize::from(class)];
                *count = count.wrapping_add(1);
            }
        }
    }

    /// Whether `candidate` may be within `bound` edits, as far as its length and class counts tell.
    // Always inlined (measured: a call per candidate cost a failed parse of a 256-variant enum a
    // fifth more): most candidates of a large enum are ruled out by their length alone.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn within(&self, candidate: &str, bound: usize) -> bool {
        // Each character of length difference costs one edit at least. A name has at most as many
        // characters as bytes, so a name too short in bytes is too short in characters: that
        // rejects it without counting.
        // Only a name long in bytes, and not ASCII, needs its characters counted.
        if candidate.len() + bound < self.len
            || (candidate.len() > self.len + bound
                && (candidate.is_ascii() || candidate.chars().count() > self.len + bound))
        {
            return false;
        }
        self.class_bound(candidate.as_bytes()) <= bound
    }

    /// A lower bound on the distance to a candidate, from how many characters of each class the two
    /// have: an edit adds one character, removes one, or both, so the characters the input has in
    /// excess over the candidate, class by class, each take an edit, and so do those the candidate
    /// has in excess. With half the difference summed both ways plus the length difference, that is
    /// the larger of the two counts. A bucket per class against a dozen operations per character
    /// for the distance itself: the misses of an enum whose names share words still differ in
    /// enough letters for this to rule most candidates out, where the bound (a third of the input)
    /// is too wide for the distance to give up early.
    fn class_bound(&self, candidate: &[u8]) -> usize {
        let Some(table) = self.table else {
            return 0;
        };
        // Only candidates within reach by length come here: at most 64 + 21 characters, so the
        // counts stay within an `i8`. (Keeping the sum up to date per byte instead of summing the
        // 64 bytes at the end measured slower, at 4 names and at 256.)
        let mut diff = self.counts;
        let mut chars = 0_usize;
        for &b in candidate {
            let class = table[usize::from(b)];
            diff[usize::from(class)] = diff[usize::from(class)].wrapping_sub(1);
            chars += usize::from(class != CONTINUATION);
        }
        diff[usize::from(CONTINUATION)] = 0;
        // At most 64 + 85 characters in all (the input's, and a candidate's within reach): the sum
        // fits a byte, which lets it run many lanes at a time.
        let total = usize::from(
            diff.iter()
                .fold(0_u8, |sum, d| sum.wrapping_add(d.unsigned_abs())),
        );
        (total + self.len.abs_diff(chars)) / 2
    }
}

/// An input of at most 64 characters, as bit masks: for each character, the positions where the
/// (folded) input has it.
struct Pattern {
    /// For each ASCII byte as a candidate has it (unfolded), where the input has that byte's folded
    /// form: the fold is paid for once per input, not once per candidate character.
    ascii: [u64; 128],
    /// Characters beyond ASCII, rare in names: searched in turn.
    other: Vec<(char, u64)>,
    len: usize,
}

impl Pattern {
    #[cfg(test)]
    fn new(input: &str, separators: Option<u8>) -> Option<Pattern> {
        let mut pattern = Pattern::empty(&Sketch::new(input, separators)?);
        pattern.fill(input, separators);
        Some(pattern)
    }

    /// No positions yet, for an input whose sketch is `sketch`: see [`fill`](Self::fill).
    fn empty(sketch: &Sketch) -> Pattern {
        Pattern {
            ascii: [0_u64; 128],
            other: Vec::new(),
            len: sketch.len,
        }
    }

    /// Sets the positions of `input` (whose sketch this was made from) in an empty pattern. In
    /// place rather than returned: the table is a kilobyte, not worth a copy.
    fn fill(&mut self, input: &str, separators: Option<u8>) {
        let (ascii, other) = (&mut self.ascii, &mut self.other);
        let row = rule_row(separators);
        if let (true, Some(row)) = (input.is_ascii(), row) {
            // Each byte under its folded form (a lower-case letter, the rule's separator), then
            // every byte that folds like it reads the same positions: the fold never gives an
            // upper-case letter, nor under the rule another separator, so nothing is overwritten.
            let fold = &FOLDED[row];
            for (at, &b) in input.as_bytes().iter().enumerate() {
                // ASCII bytes, and their folds: the masks keep the indices in range.
                ascii[usize::from(fold[usize::from(b & 0x7f)] & 0x7f)] |= 1 << at;
            }
            ascii.copy_within(usize::from(b'a')..=usize::from(b'z'), usize::from(b'A'));
            if let Some(sep) = separators {
                let positions = ascii[usize::from(sep)];
                for other in [b'-', b'_', b' '] {
                    ascii[usize::from(other)] = positions;
                }
            }
        } else {
            for (at, c) in input.chars().enumerate() {
                let bit = 1 << at;
                match u8::try_from(c) {
                    // Every byte that folds like this one: both cases of a letter, all three
                    // separators under the rule. A candidate's byte then needs no folding.
                    Ok(byte) if byte.is_ascii() => match key(byte, separators) {
                        folded if folded.is_ascii_lowercase() => {
                            ascii[usize::from(folded)] |= bit;
                            ascii[usize::from(folded.to_ascii_uppercase())] |= bit;
                        }
                        folded if Some(folded) == separators => {
                            for sep in [b'-', b'_', b' '] {
                                ascii[usize::from(sep)] |= bit;
                            }
                        }
                        folded => ascii[usize::from(folded)] |= bit,
                    },
                    _ => match other.iter_mut().find(|(o, _)| *o == c) {
                        Some((_, mask)) => *mask |= bit,
                        None => other.push((c, bit)),
                    },
                }
            }
        }
    }

    /// Where the input has `c` (as read from a candidate, unfolded).
    #[inline]
    fn positions(&self, c: char) -> u64 {
        match u8::try_from(c) {
            Ok(byte) if byte.is_ascii() => self.ascii[usize::from(byte)],
            _ => self
                .other
                .iter()
                .find(|(other, _)| *other == c)
                .map_or(0, |&(_, mask)| mask),
        }
    }

    /// The edit distance from the input to `candidate`, if it is at most `bound`.
    ///
    /// Bit `i` of `plus`/`minus` says whether the distance from the input's first `i + 1` characters
    /// to the candidate's prefix read so far goes up or down by one from that of the first `i`; bits
    /// past the input's length never reach back into it (sums carry and shifts move towards higher
    /// bits only). `distance` is the whole input's distance to the prefix read; each character left
    /// lowers it by one at most, so once it exceeds `bound` by more than the characters left (counted
    /// in bytes, which is never fewer), the candidate is out of reach.
    fn distance_within(&self, candidate: &str, bound: usize) -> Option<usize> {
        if self.len == 0 {
            let d = candidate.chars().count();
            return (d <= bound).then_some(d);
        }
        if self.other.is_empty() {
            return self.ascii_distance_within(candidate.as_bytes(), bound);
        }
        let last = 1_u64 << (self.len - 1);
        let mut state = (u64::MAX, 0_u64, self.len);
        let len = candidate.len();
        for (at, c) in candidate.char_indices() {
            step(&mut state, self.positions(c), last);
            if state.2 > bound + (len - at - c.len_utf8()) {
                return None;
            }
        }
        (state.2 <= bound).then_some(state.2)
    }

    /// [`distance_within`](Self::distance_within) for an ASCII input, reading the candidate byte by
    /// byte: a non-ASCII character matches nothing in the input, so its lead byte counts as one
    /// unmatched character and its continuation bytes are skipped. The prefix and the suffix the
    /// two share are skipped first (the distance does not depend on them): names of one enum often
    /// share a vendor prefix or a suffix like `_chat`, and comparing a byte costs less than a step.
    fn ascii_distance_within(&self, bytes: &[u8], bound: usize) -> Option<usize> {
        let matches = |b: u8, at: usize| b < 0x80 && self.ascii[usize::from(b)] >> at & 1 != 0;
        let (input_len, n) = (self.len, bytes.len());
        let mut prefix = 0;
        while prefix < input_len && prefix < n && matches(bytes[prefix], prefix) {
            prefix += 1;
        }
        let mut suffix = 0;
        while suffix < input_len - prefix
            && suffix < n - prefix
            && matches(bytes[n - 1 - suffix], input_len - 1 - suffix)
        {
            suffix += 1;
        }
        let (middle, len) = (&bytes[prefix..n - suffix], input_len - prefix - suffix);
        if len == 0 {
            let chars = middle
                .iter()
                .filter(|&&b| !(0x80..0xc0).contains(&b))
                .count();
            return (chars <= bound).then_some(chars);
        }
        // Input positions `prefix..input_len - suffix` become bits `0..len`; the suffix's bits end
        // up above `len`, where they never reach back.
        if middle.is_ascii() {
            return self.ascii_diagonal(middle, prefix, len, bound);
        }
        let last = 1_u64 << (len - 1);
        let mut state = (u64::MAX, 0_u64, len);
        // Each byte left lowers the distance by one at most: out of reach once
        // `distance > bound + (middle.len() - at - 1)`.
        let limit = bound + middle.len();
        for (at, &b) in middle.iter().enumerate() {
            let eq = match b {
                0..=0x7f => self.ascii[usize::from(b)] >> prefix,
                0x80..=0xbf => continue,
                _ => 0,
            };
            step(&mut state, eq, last);
            if state.2 + at >= limit {
                return None;
            }
        }
        (state.2 <= bound).then_some(state.2)
    }

    /// The distance from input positions `prefix..prefix + len` to an ASCII `middle`, if at most
    /// `bound`, following the cells on the diagonal that ends in the final cell: along a diagonal
    /// the distance never goes down (`D[i+1][j+1]` is `D[i][j]` or one more), so as soon as one of
    /// them exceeds `bound` the candidate is out of reach. A candidate that differs from the input
    /// early is given up after a few characters, not only near its end. The diagonal's cell moves
    /// down a row and right a column per character read: by the horizontal step of its row, then
    /// the vertical step below it, both bits of the words `step` computes anyway.
    fn ascii_diagonal(
        &self,
        middle: &[u8],
        prefix: usize,
        len: usize,
        bound: usize,
    ) -> Option<usize> {
        let n = middle.len();
        // The diagonal's row before the first character: `len - n`, or above the table while the
        // first `n - len` characters are read (its first cell is then `D[0][n - len] = n - len`).
        let (mut plus, mut minus) = (u64::MAX, 0_u64);
        let mut row = len.wrapping_sub(n);
        let mut diagonal = if n <= len { row } else { n - len };
        if diagonal > bound {
            return None;
        }
        for (at, &b) in middle.iter().enumerate() {
            let eq = self.ascii[usize::from(b)] >> prefix;
            let vertical = eq | minus;
            let horizontal = ((eq & plus).wrapping_add(plus) ^ plus) | eq;
            let up = (minus | !(horizontal | plus)) << 1 | 1;
            let down = (plus & horizontal) << 1;
            plus = down | !(vertical | up);
            minus = up & vertical;
            if n <= len + at {
                // `row` is the diagonal's row in the column before this one: step right along
                // it, then down.
                let bit = |word: u64| usize::from(word >> row & 1 != 0);
                diagonal += bit(up) + bit(plus);
                diagonal -= bit(down) + bit(minus);
                if diagonal > bound {
                    return None;
                }
            }
            row = row.wrapping_add(1);
        }
        Some(diagonal)
    }

    /// The edit distance from the input to `candidate` (for the tests).
    #[cfg(test)]
    fn distance(&self, candidate: &str) -> usize {
        self.distance_within(candidate, usize::MAX / 2)
            .unwrap_or(usize::MAX)
    }
}

/// Reads one candidate character whose positions in the input are `eq`: `(plus, minus, distance)`.
#[inline]
fn step(state: &mut (u64, u64, usize), eq: u64, last: u64) {
    let (plus, minus, distance) = state;
    let vertical = eq | *minus;
    let horizontal = ((eq & *plus).wrapping_add(*plus) ^ *plus) | eq;
    let up = *minus | !(horizontal | *plus);
    let down = *plus & horizontal;
    // Without branches: which way the distance goes depends on the data, so a branch would often
    // be mispredicted. `up` and `down` never share a bit.
    *distance += usize::from(up & last != 0);
    *distance -= usize::from(down & last != 0);
    // The top row grows by one per character read: a carried-in "up".
    let up = (up << 1) | 1;
    let down = down << 1;
    *plus = down | !(vertical | up);
    *minus = up & vertical;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator for the randomized tests: `next(below)` is in `0..below`.
    fn xorshift(mut seed: u64) -> impl FnMut(usize) -> usize {
        move |below| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            usize::try_from(seed % below as u64).unwrap()
        }
    }

    /// The textbook dynamic program, as the reference.
    fn reference(a: &str, b: &str, separators: Option<u8>) -> usize {
        let a: Vec<char> = a.chars().map(|c| fold_char(c, separators)).collect();
        let mut row: Vec<usize> = (0..=a.len()).collect();
        for (i, c) in b.chars().map(|c| fold_char(c, separators)).enumerate() {
            let mut diagonal = row[0];
            row[0] = i + 1;
            for (j, &x) in a.iter().enumerate() {
                let next = (diagonal + usize::from(x != c))
                    .min(row[j] + 1)
                    .min(row[j + 1] + 1);
                diagonal = row[j + 1];
                row[j + 1] = next;
            }
        }
        row[a.len()]
    }

    fn distance(a: &str, b: &str, separators: Option<u8>) -> usize {
        Pattern::new(a, separators).unwrap().distance(b)
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
    fn bit_parallel_distance_agrees_with_the_dynamic_program() {
        // Every pair of strings over a small alphabet up to four characters, a non-ASCII one
        // included, then long strings up to the 64-character limit.
        let alphabet = ['a', 'B', 'b', 'é', '-'];
        let mut words = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = words
                .iter()
                .filter(|w| w.chars().count() == words.last().unwrap().chars().count())
                .flat_map(|w| alphabet.iter().map(move |c| format!("{w}{c}")))
                .collect();
            words.extend(longer);
        }
        for a in &words {
            for b in words.iter().step_by(7) {
                for separators in [None, Some(b'_')] {
                    let expected = reference(a, b, separators);
                    assert_eq!(distance(a, b, separators), expected, "{a:?} {b:?}");
                    // Giving up early never changes the answer within the bound.
                    let pattern = Pattern::new(a, separators).unwrap();
                    for bound in 0..5 {
                        assert_eq!(
                            pattern.distance_within(b, bound),
                            (expected <= bound).then_some(expected),
                            "{a:?} {b:?} within {bound}"
                        );
                    }
                }
            }
        }
        let long = "openai_chat_completions_".repeat(3);
        let input: String = long.chars().take(SUGGESTED_UP_TO).collect();
        for cut in [0, 1, 17, 40, 63, 64, 72] {
            let other: String = long.chars().skip(cut % 5).take(cut).collect();
            assert_eq!(
                distance(&input, &other, None),
                reference(&input, &other, None),
                "{cut}"
            );
        }
    }

    #[test]
    fn skipping_shared_prefixes_and_suffixes_keeps_the_distance() {
        // Random strings over a few characters, so that prefixes, suffixes and repeats are shared
        // often, up to 40 characters; a non-ASCII character in some candidates.
        let alphabet = ['a', 'b', 'A', '_', '-', 'é'];
        let mut next = xorshift(0x9e37_79b9_7f4a_7c15_u64);
        for _ in 0..20_000 {
            let input: String = (0..next(40)).map(|_| alphabet[next(5)]).collect();
            let candidate: String = (0..next(40)).map(|_| alphabet[next(6)]).collect();
            for separators in [None, Some(b'-')] {
                check_within(&input, &candidate, separators, |_| vec![0, 1, 3, 8, 40]);
            }
        }
    }

    /// `distance_within` at each of the bounds `bounds` picks from the true distance: that distance
    /// exactly when it is within the bound, else `None`.
    fn check_within(
        input: &str,
        candidate: &str,
        separators: Option<u8>,
        bounds: impl Fn(usize) -> Vec<usize>,
    ) {
        let expected = reference(input, candidate, separators);
        let pattern = Pattern::new(input, separators).unwrap();
        for bound in bounds(expected) {
            assert_eq!(
                pattern.distance_within(candidate, bound),
                (expected <= bound).then_some(expected),
                "{input:?} {candidate:?} within {bound}"
            );
        }
    }

    #[test]
    fn giving_up_along_the_diagonal_keeps_every_distance_within_every_bound() {
        // ASCII candidates (the diagonal path) against ASCII inputs, lengths far apart and close,
        // at every bound around the true distance: the answer is the distance exactly when it is
        // within the bound.
        let alphabet = ['a', 'b', 'c', 'd', 'B', '_', '-'];
        let mut next = xorshift(0x853c_49e6_748f_ea9b_u64);
        for _ in 0..10_000 {
            let input: String = (0..=next(24)).map(|_| alphabet[next(7)]).collect();
            let candidate: String = (0..next(30)).map(|_| alphabet[next(7)]).collect();
            for separators in [None, Some(b'_')] {
                check_within(&input, &candidate, separators, |expected| {
                    (expected.saturating_sub(3)..=expected + 3).collect()
                });
            }
        }
    }

    #[test]
    fn the_class_bound_never_exceeds_the_distance() {
        // Letters in both cases, digits, the three separators, a character that shares a class
        // with another (`%` and `|` are 37 and 124, both 14 modulo 23) and non-ASCII ones; under
        // every separator rule.
        let alphabet = ['a', 'B', 'b', '7', '_', '-', ' ', '%', '|', 'é', '日'];
        let mut next = xorshift(0x1234_5678_9abc_def1_u64);
        let mut tight = 0;
        for _ in 0..20_000 {
            let input: String = (0..next(20)).map(|_| alphabet[next(11)]).collect();
            let candidate: String = (0..next(20)).map(|_| alphabet[next(11)]).collect();
            for separators in RULES {
                let mut sketch = Sketch::new(&input, separators).unwrap();
                sketch.count(&input);
                let expected = reference(&input, &candidate, separators);
                let bound = sketch.class_bound(candidate.as_bytes());
                // Exactly half of the summed difference of the two histograms and of the lengths.
                let histogram = |text: &str| {
                    let mut counts = [0_i32; 64];
                    for c in text.chars() {
                        let row = rule_row(separators).unwrap();
                        counts[usize::from(
                            CLASSES[row][usize::from(c.to_string().as_bytes()[0])],
                        )] += 1;
                    }
                    counts
                };
                let (a, b) = (histogram(&input), histogram(&candidate));
                let summed: i32 = a.iter().zip(&b).map(|(x, y)| (x - y).abs()).sum();
                let lengths = input.chars().count().abs_diff(candidate.chars().count());
                assert_eq!(bound, (usize::try_from(summed).unwrap() + lengths) / 2);
                assert!(bound <= expected, "{input:?} {candidate:?} {separators:?}");
                tight += usize::from(bound == expected && bound > 2);
            }
        }
        // Not a bound of zero everywhere: it often is the distance.
        assert!(tight > 1_000, "{tight}");
    }

    #[test]
    fn nearest_agrees_with_the_dynamic_program_on_random_names() {
        // Few letters and short names, so that ties and exact matches are frequent: the search,
        // which narrows its bound and gives up early, must still give the first of the nearest.
        let alphabet = ['a', 'b', 'c', 'A', '_', '-', 'é'];
        let mut next = xorshift(0x2545_f491_4f6c_dd1d_u64);
        for round in 0..5_000 {
            // Mostly ASCII inputs (the bytewise search), some not.
            let letters = if round % 5 == 0 { 7 } else { 6 };
            let input: String = (0..next(9)).map(|_| alphabet[next(letters)]).collect();
            let names: Vec<&'static str> = (0..next(12))
                .map(|_| {
                    let name: String = (0..next(10)).map(|_| alphabet[next(7)]).collect();
                    &*Box::leak(name.into_boxed_str())
                })
                .collect();
            for separators in [None, Some(b'_')] {
                let len = input.chars().count();
                let expected = names
                    .iter()
                    .enumerate()
                    .map(|(at, name)| (reference(&input, name, separators), at, *name))
                    .filter(|&(d, _, _)| d <= (len / 3).max(1))
                    .min()
                    .map(|(_, _, name)| name);
                assert_eq!(
                    nearest(&input, names.iter().copied(), separators),
                    expected,
                    "{input:?} among {names:?}"
                );
            }
        }
    }

    #[test]
    fn inputs_over_the_limit_get_no_suggestion() {
        let at_limit = "a".repeat(SUGGESTED_UP_TO);
        let over = "a".repeat(SUGGESTED_UP_TO + 1);
        let name: &'static str = Box::leak(format!("{at_limit}b").into_boxed_str());
        assert_eq!(nearest(&at_limit, [name], None), Some(name));
        assert_eq!(nearest(&over, [name], None), None);
    }

    #[test]
    fn inputs_of_many_multibyte_characters_are_searched() {
        // 64 characters of four bytes: 192 continuation bytes, more than a class count holds.
        let input = "\u{1F600}".repeat(SUGGESTED_UP_TO);
        let name: &'static str =
            Box::leak("\u{1F600}".repeat(SUGGESTED_UP_TO - 1).into_boxed_str());
        assert_eq!(nearest(&input, ["x", name], None), Some(name));
        assert_eq!(nearest(&input, ["x"], Some(b'_')), None);
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
        // A separator byte that is not one of the three (only a hand-written `Meta` could give one) is
        // ignored rather than written into the string, which would break UTF-8.
        let mut s = String::from("a-b c");
        fold_in_place(&mut s, Fold::Keep, Some(0xc3));
        assert_eq!(s, "a-b c");
    }
}
