//! The perfect-hash lookup behind every generated `from_name`.
//!
//! At compile time the derive folds every name (ASCII lower case; `-` and ` ` as `_` under
//! `ignore_separators`), picks a seed under which their hashes differ, and a small "pilot" per bucket
//! that sends each name to its own slot. At run time a lookup hashes the input eight bytes at a time,
//! folding case with a few bit operations per word (no buffer, no allocation), reads one slot and
//! compares the input with that slot's name, again a word at a time. Its cost hardly depends on the
//! number of names, and it has no data-dependent branch to mispredict but the input's length.
//!
//! `dynenum-derive/src/dispatch.rs` holds the same hash; a drift between the two would make every
//! parse fail, which the behaviour tests would show at once.

/// The table the derive generates for one enum. Not public API.
#[doc(hidden)]
#[derive(Debug)]
pub struct Table {
    /// Mixed into every hash; chosen so the names' hashes all differ.
    pub seed: u64,
    /// One pilot per bucket; the bucket count is a power of two.
    pub pilots: &'static [u16],
    /// The slots (a power of two of them): a folded name and the index of its variant, or `b""`.
    pub slots: &'static [(&'static [u8], u16)],
    /// Whether `-`, `_` and ` ` are read as one character.
    pub ignore_separators: bool,
    /// The shortest and longest name: anything else is refused before hashing.
    pub min_len: usize,
    /// See `min_len`.
    pub max_len: usize,
}

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;
const K_WORD: u64 = 0x517c_c1b7_2722_0a95;
const K_PILOT: u64 = 0x9e37_79b9_7f4a_7c15;
const K_SLOT: u64 = 0xff51_afd7_ed55_8ccd;

/// The byte `b` in every lane.
#[inline]
const fn splat(b: u8) -> u64 {
    LO * b as u64
}

/// The high bit of every lane whose byte is zero (exact: no borrow crosses lanes).
#[inline]
const fn zero_lanes(x: u64) -> u64 {
    !(((x & !HI).wrapping_add(!HI)) | x) & HI
}

/// Folds eight bytes at once: `A`-`Z` to lower case, and under `ignore_separators` `-` and ` ` to `_`.
#[inline]
const fn fold(w: u64, ignore_separators: bool) -> u64 {
    let low7 = w & !HI;
    let at_least_a = low7.wrapping_add(splat(0x80 - b'A'));
    let past_z = low7.wrapping_add(splat(0x80 - b'Z' - 1));
    let upper = at_least_a & !past_z & !w & HI;
    let w = w | (upper >> 2);
    if !ignore_separators {
        return w;
    }
    let separators = (zero_lanes(w ^ splat(b'-')) | zero_lanes(w ^ splat(b' '))) >> 7;
    let lanes = separators * 0xff;
    (w & !lanes) | (splat(b'_') & lanes)
}

/// Eight bytes from `at`, little-endian.
#[inline]
fn word(bytes: &[u8], at: usize) -> u64 {
    let mut buf = [0_u8; 8];
    buf.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(buf)
}

/// Fewer than eight bytes, zero-padded.
#[inline]
fn short(bytes: &[u8]) -> u64 {
    let mut buf = [0_u8; 8];
    buf[..bytes.len()].copy_from_slice(bytes);
    u64::from_le_bytes(buf)
}

/// Calls `each` with the folded words that cover `bytes`: whole words from the start, then the last
/// eight bytes (overlapping) when the length is not a multiple of eight; one padded word under eight.
#[inline]
fn for_each_word(bytes: &[u8], ignore_separators: bool, mut each: impl FnMut(u64) -> bool) -> bool {
    let len = bytes.len();
    if len < 8 {
        return each(fold(short(bytes), ignore_separators));
    }
    let mut at = 0;
    while at + 8 <= len {
        if !each(fold(word(bytes, at), ignore_separators)) {
            return false;
        }
        at += 8;
    }
    at == len || each(fold(word(bytes, len - 8), ignore_separators))
}

/// The hash of a name's folded bytes (also the registry's index hash).
#[inline]
pub(crate) fn hash(bytes: &[u8], seed: u64, ignore_separators: bool) -> u64 {
    let mut h = seed ^ (bytes.len() as u64).wrapping_mul(K_WORD);
    for_each_word(bytes, ignore_separators, |w| {
        h = (h.rotate_left(5) ^ w).wrapping_mul(K_WORD);
        true
    });
    h ^= h >> 33;
    h = h.wrapping_mul(K_SLOT);
    h ^ (h >> 33)
}

/// The slot of a hash, given its bucket's pilot.
#[inline]
fn slot(h: u64, pilot: u16, slots: usize) -> usize {
    // Truncation is intended: only the low bits are kept.
    #[allow(clippy::cast_possible_truncation)]
    let mixed = ((h ^ u64::from(pilot).wrapping_mul(K_PILOT)).wrapping_mul(K_SLOT) >> 32) as usize;
    mixed & (slots - 1)
}

/// The variant index of the name `input` stands for, ignoring ASCII case, or `None`.
#[inline]
#[must_use]
pub fn lookup(table: &Table, input: &[u8]) -> Option<u16> {
    if input.len() < table.min_len || input.len() > table.max_len {
        return None;
    }
    let h = hash(input, table.seed, table.ignore_separators);
    #[allow(clippy::cast_possible_truncation)]
    let bucket = (h >> 40) as usize & (table.pilots.len() - 1);
    let (key, value) = table.slots[slot(h, table.pilots[bucket], table.slots.len())];
    if key.len() != input.len() {
        return None;
    }
    // The key is stored folded, so its words are compared as they are.
    let mut key_at = 0;
    let len = key.len();
    let same = for_each_word(input, table.ignore_separators, |w| {
        let k = if len < 8 {
            short(key)
        } else if key_at + 8 <= len {
            word(key, key_at)
        } else {
            word(key, len - 8)
        };
        key_at += 8;
        w == k
    });
    same.then_some(value)
}

#[cfg(test)]
mod tests {
    use super::{fold, splat};

    #[test]
    fn fold_lowercases_ascii_letters_only() {
        for b in 0..=255_u8 {
            let folded = fold(splat(b), false).to_le_bytes()[0];
            assert_eq!(folded, b.to_ascii_lowercase(), "byte {b:#x}");
            let expected = match b.to_ascii_lowercase() {
                b'-' | b' ' => b'_',
                other => other,
            };
            assert_eq!(
                fold(splat(b), true).to_le_bytes()[0],
                expected,
                "byte {b:#x}"
            );
        }
        let mixed = u64::from_le_bytes(*b"Ab-Z_ z@");
        assert_eq!(fold(mixed, true).to_le_bytes(), *b"ab_z__z@");
    }
}
