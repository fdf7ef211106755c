//! The perfect-hash lookups behind every generated `from_name`.
//!
//! Most enums get the specialised one, [`lookup_fixed`]: when every name and alias fits in 64 bytes,
//! there are at most 256 of them and `ignore_separators` is off, a name is read as four (up to 32
//! bytes) or eight overlapping words with no loop, its key is those words xored with the case bit of
//! every byte cleared once, one multiplication by a seed picks a one-byte slot, and one masked compare
//! of the words against the slot's entry accepts or refuses. See [`Fixed`].
//!
//! Every other enum gets the general one, [`lookup`], below.
//!
//! At compile time the derive folds every name (ASCII lower case; `-` and ` ` as `_` under
//! `ignore_separators`), picks a seed under which their hashes differ, and a small "pilot" per bucket
//! that sends each name to its own slot (one bucket, so no pilot to wait for, in small enums).
//!
//! At run time a lookup reads the input as five little-endian words, at offsets 0, 8, 16 and 24 (each
//! clamped to the last eight bytes) and the last eight bytes, which together cover any name of at most
//! 40 bytes. It hashes them with `| 0x20` in every byte, which merges upper and lower case in one
//! operation (when two names would merge too, or under `ignore_separators`, the table says so and the
//! words are folded exactly instead), with three independent 64×64→128 multiplications. It reads one
//! slot, which holds its name's five words in lower case and five masks with `0x20` in the bytes that
//! are letters, and compares all five at once: `(word | mask) == key`. No buffer, no allocation, no
//! loop, and no data-dependent branch but two on the length (under eight bytes; over forty, where the
//! words past the fortieth byte are hashed and compared one by one). Its cost hardly depends on the
//! number of names.
//!
//! `dynenum-derive/src/dispatch.rs` holds the same hash; a drift between the two would make every
//! parse fail, which the behaviour tests would show at once. The registry reads a name of up to 32
//! bytes as [`lookup_fixed`] does (after a miss in a four-word table it takes the words from the
//! lookup itself, [`Miss`]), the five-word fold for names of up to 40 bytes, and [`hash`] itself for
//! longer ones.

/// The table the derive generates for one enum. Not public API.
#[doc(hidden)]
#[derive(Debug)]
pub struct Table {
    /// Mixed into every hash; chosen so the names' hashes all differ.
    pub seed: u64,
    /// One pilot per bucket; the bucket count is a power of two (one for small enums).
    pub pilots: &'static [u16],
    /// The slots (a power of two of them): a name's five words (see `head`), folded; their masks
    /// (`0x20` in each byte that is a letter; zeros under `ignore_separators`, where words are
    /// compared folded); the name's length (zero for an empty slot); where its words past the
    /// fortieth byte start in `rest`; and the index of its variant.
    pub slots: &'static [Slot],
    /// The words of names longer than 40 bytes, past their first five (see `hash_tail`): each folded,
    /// then its mask.
    pub rest: &'static [u64],
    /// Whether the hash folds words exactly rather than setting `0x20` in every byte: set when two names
    /// would hash alike under the OR (say `a@b` and `` a`b ``, or `é` and `É` in UTF-8).
    pub exact_hash: bool,
    /// All ones over the bits a variant index uses (`0xff` for up to 256 variants): a lookup masks
    /// the index with it, which tells the compiler the index's range, so the generated `match` from
    /// index to variant compiles to arithmetic rather than a jump table.
    pub index_mask: u16,
    /// Whether `-`, `_` and ` ` are read as one character.
    pub ignore_separators: bool,
    /// The shortest and longest name: anything else is refused before hashing.
    pub min_len: usize,
    /// See `min_len`.
    pub max_len: usize,
}

/// One slot of a [`Table`]: a name's five folded words, their masks, its length, where its tail
/// words start in `rest`, and its variant's index. Not public API.
#[doc(hidden)]
pub type Slot = ([u64; 5], [u64; 5], u32, u32, u16);

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;
pub(crate) const K: [u64; 6] = [
    0xa076_1d64_78bd_642f,
    0xe703_7ed1_a0b4_28db,
    0x8ebc_6af0_9c88_c6e3,
    0x5899_65cc_7537_4cc3,
    0x1d8e_4e27_c47d_124f,
    0x9e37_79b9_7f4a_7c15,
];
const K_PILOT: u64 = 0x9e37_79b9_7f4a_7c15;
const K_SLOT: u64 = 0xff51_afd7_ed55_8ccd;

/// `0x20` in every byte.
const CASE: u64 = 0x2020_2020_2020_2020;

/// How many bytes the five head words cover.
pub(crate) const HEAD: usize = 40;

/// The byte `b` in every lane.
#[inline]
pub(crate) const fn splat(b: u8) -> u64 {
    LO * b as u64
}

/// The high bit of every lane whose byte is zero (exact: no borrow crosses lanes).
#[inline]
pub(crate) const fn zero_lanes(x: u64) -> u64 {
    !(((x & !HI).wrapping_add(!HI)) | x) & HI
}

/// Folds eight bytes at once: `A`-`Z` to lower case, and under `ignore_separators` `-` and ` ` to `_`.
#[inline]
pub(crate) const fn fold(w: u64, ignore_separators: bool) -> u64 {
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

/// The 128-bit product of `a` and `b`, its halves folded together.
#[inline]
pub(crate) const fn mum(a: u64, b: u64) -> u64 {
    let product = (a as u128) * (b as u128);
    // Truncation is the point: both halves are kept, xored.
    #[allow(clippy::cast_possible_truncation)]
    let folded = (product as u64) ^ ((product >> 64) as u64);
    folded
}

/// Eight bytes from `at`, little-endian; the caller checks `at + 8 <= bytes.len()`.
#[inline]
fn word(bytes: &[u8], at: usize) -> u64 {
    let mut buf = [0_u8; 8];
    buf.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(buf)
}

/// Fewer than eight bytes, zero-padded, from two overlapping loads (no copy of a variable length).
#[inline]
fn short(bytes: &[u8]) -> u64 {
    let len = bytes.len();
    if len >= 4 {
        let mut lo = [0_u8; 4];
        let mut hi = [0_u8; 4];
        lo.copy_from_slice(&bytes[..4]);
        hi.copy_from_slice(&bytes[len - 4..]);
        u64::from(u32::from_le_bytes(lo)) | (u64::from(u32::from_le_bytes(hi)) << (8 * (len - 4)))
    } else if len > 0 {
        u64::from(bytes[0])
            | (u64::from(bytes[len / 2]) << (8 * (len / 2)))
            | (u64::from(bytes[len - 1]) << (8 * (len - 1)))
    } else {
        0
    }
}

/// The five words every lookup reads, as they are: at 0, 8, 16 and 24, each clamped to `len - 8`, and
/// at `len - 8`; together they cover the first 32 and the last 8 bytes, so all of a name of at most
/// [`HEAD`] bytes. Under eight bytes: one zero-padded word, then zeros.
#[inline]
pub(crate) fn head(bytes: &[u8]) -> [u64; 5] {
    let len = bytes.len();
    if len < 8 {
        return [short(bytes), 0, 0, 0, 0];
    }
    let end = len - 8;
    [
        word(bytes, 0),
        word(bytes, 8.min(end)),
        word(bytes, 16.min(end)),
        word(bytes, 24.min(end)),
        word(bytes, end),
    ]
}

/// Mixes the words past the head into `h`, for names longer than [`HEAD`] bytes: at 32, 40, … up to
/// the last eight bytes (which the head holds). A plain loop: it is instantiated in every crate that
/// derives, so it stays small.
#[inline]
fn hash_tail(mut h: u64, bytes: &[u8], exact: bool, ignore_separators: bool) -> u64 {
    let mut at = HEAD - 8;
    while at + 8 < bytes.len() {
        h = more(h, for_hash(word(bytes, at), exact, ignore_separators));
        at += 8;
    }
    h
}

/// Whether the words past the head equal a key's stored `(folded word, mask)` pairs.
#[inline]
fn tail_eq(bytes: &[u8], stored: &[u64], ignore_separators: bool) -> bool {
    let mut at = HEAD - 8;
    let mut pair = 0;
    while at + 8 < bytes.len() {
        let (Some(&key), Some(&mask)) = (stored.get(pair), stored.get(pair + 1)) else {
            return false;
        };
        let w = word(bytes, at);
        let same = if ignore_separators {
            fold(w, true) == key
        } else {
            (w | mask) == key
        };
        if !same {
            return false;
        }
        at += 8;
        pair += 2;
    }
    true
}

/// What the hash sees of a word: folded exactly, or with `0x20` set in every byte (one operation;
/// it merges a few pairs of bytes besides the letters, which the compare tells apart).
#[inline]
const fn for_hash(w: u64, exact: bool, ignore_separators: bool) -> u64 {
    if exact || ignore_separators {
        fold(w, ignore_separators)
    } else {
        w | CASE
    }
}

/// [`for_hash`] of each head word. Written out: `array::map` with a closure measured slower here (on
/// the parse path of both built-in and registered names).
#[inline]
const fn for_hash_all(w: &[u64; 5], exact: bool, ignore_separators: bool) -> [u64; 5] {
    [
        for_hash(w[0], exact, ignore_separators),
        for_hash(w[1], exact, ignore_separators),
        for_hash(w[2], exact, ignore_separators),
        for_hash(w[3], exact, ignore_separators),
        for_hash(w[4], exact, ignore_separators),
    ]
}

/// The hash of the head words: three independent multiplications.
#[inline]
fn mix(w: &[u64; 5], len: usize, seed: u64) -> u64 {
    mum(w[0] ^ seed, w[1] ^ K[0])
        ^ mum(w[2] ^ K[1], w[3] ^ K[2])
        ^ mum(w[4] ^ K[3], (len as u64) ^ seed.rotate_left(32) ^ K[4])
}

/// Mixes one tail word into a hash.
#[inline]
fn more(h: u64, w: u64) -> u64 {
    mum(h ^ w, K[5])
}

/// The hash of a name (also the registry's index hash for names over [`HEAD`] bytes, with seed 0):
/// names equal under the rule hash alike.
#[cfg_attr(not(debug_assertions), inline)]
pub(crate) fn hash(bytes: &[u8], seed: u64, ignore_separators: bool) -> u64 {
    let hashed = for_hash_all(&head(bytes), false, ignore_separators);
    let h = mix(&hashed, bytes.len(), seed);
    if bytes.len() > HEAD {
        hash_tail(h, bytes, false, ignore_separators)
    } else {
        h
    }
}

/// The bucket of a hash.
#[inline]
fn bucket(h: u64, buckets: usize) -> usize {
    // Truncation is intended: only the low bits are kept.
    #[allow(clippy::cast_possible_truncation)]
    let high = (h >> 32) as usize;
    high & (buckets - 1)
}

/// The slot of a hash, given its bucket's pilot.
#[inline]
fn slot(h: u64, pilot: u16, slots: usize) -> usize {
    // Truncation is intended: only the low bits are kept.
    #[allow(clippy::cast_possible_truncation)]
    let mixed = mum(h ^ u64::from(pilot).wrapping_mul(K_PILOT), K_SLOT) as usize;
    mixed & (slots - 1)
}

/// The variant index of the name `input` stands for, ignoring ASCII case, or `None`.
///
/// Inlined in optimized builds, where the table's constants (lengths, flags, sizes) fold into the
/// code; in debug builds it is compiled once here rather than in every crate that derives.
#[cfg_attr(not(debug_assertions), inline)]
#[must_use]
pub fn lookup(table: &Table, input: &[u8]) -> Option<u16> {
    let len = input.len();
    if len < table.min_len || len > table.max_len {
        return None;
    }
    // Both flags are constants of the generated table: the compiler keeps one path.
    let (exact, separators) = (table.exact_hash, table.ignore_separators);
    let w = head(input);
    let hashed = for_hash_all(&w, exact, separators);
    let long = len > HEAD;
    let mut h = mix(&hashed, len, table.seed);
    if long {
        h = hash_tail(h, input, exact, separators);
    }
    let pilot = table.pilots[bucket(h, table.pilots.len())];
    let (key, mask, key_len, rest, value) = &table.slots[slot(h, pilot, table.slots.len())];
    // One compare for the whole head. Under `ignore_separators` the hashed words are folded exactly
    // and compared as they are; otherwise `(word | mask) == key` lets each letter be of either case
    // and every other byte only itself.
    let diff = if separators {
        (hashed[0] ^ key[0])
            | (hashed[1] ^ key[1])
            | (hashed[2] ^ key[2])
            | (hashed[3] ^ key[3])
            | (hashed[4] ^ key[4])
    } else {
        ((w[0] | mask[0]) ^ key[0])
            | ((w[1] | mask[1]) ^ key[1])
            | ((w[2] | mask[2]) ^ key[2])
            | ((w[3] | mask[3]) ^ key[3])
            | ((w[4] | mask[4]) ^ key[4])
    };
    if diff | (*key_len as usize ^ len) as u64 != 0 {
        return None;
    }
    // Same length, so the key has as many tail words as the input.
    if long && !tail_eq(input, table.rest.get(*rest as usize..)?, separators) {
        return None;
    }
    Some(*value & table.index_mask)
}

/// The table the derive generates when every name of an enum (aliases included) is at most `8 * W`
/// bytes (`W` is 4 or 8), there are at most 256 of them and `ignore_separators` is off. Not public API.
///
/// A name is read as `W` overlapping words (see [`fixed_words`]); its key is those words xored
/// together, each rotated by a different number of whole bytes, with `0x20` cleared in every byte,
/// xored with its length (see [`fixed_key`]). Its slot is the top bits of `key * seed`; the seed is
/// searched at compile time so that every name gets a slot of its own in a table of at least four
/// slots per name.
#[doc(hidden)]
#[derive(Debug)]
pub struct Fixed<const W: usize> {
    /// Odd; every name's `key * seed` differs in its top `64 - shift` bits.
    pub seed: u64,
    /// `64 - log2(slots.len())`.
    pub shift: u32,
    /// One byte per slot: the index of the entry whose name lands there (any entry for a slot no
    /// name lands on; the compare refuses it).
    pub slots: &'static [u8],
    /// The entries, `16 * W + 2` bytes each: the name's `W` words in lower case, their `W` case masks
    /// (`0x20` exactly on the letters), all little-endian, then its length and its variant's index.
    pub entries: &'static [u8],
    /// All ones over the bits a variant index uses, as in [`Table::index_mask`].
    pub index_mask: u16,
}

/// The words a name of at most `8 * W` bytes is read as: from eight bytes on, the overlapping words
/// at `0, 8, … 8 * (W - 2)` (each at most `len - 8`) and at `len - 8` (together, every byte); from
/// four to seven, the `u32`s at `0` and `len - 4`; under four, its first, middle and last bytes in one
/// word; zeros after. With the length, they tell every name apart.
#[allow(clippy::inline_always)]
#[inline(always)]
pub(crate) fn fixed_words<const W: usize>(bytes: &[u8]) -> [u64; W] {
    let len = bytes.len();
    let mut w = [0; W];
    if len >= 8 {
        let end = len - 8;
        for (i, w) in w.iter_mut().enumerate().take(W - 1) {
            *w = word(bytes, (8 * i).min(end));
        }
        w[W - 1] = word(bytes, end);
    } else if len >= 4 {
        let mut lo = [0_u8; 4];
        let mut hi = [0_u8; 4];
        lo.copy_from_slice(&bytes[..4]);
        hi.copy_from_slice(&bytes[len - 4..]);
        w[0] = u64::from(u32::from_le_bytes(lo));
        w[1] = u64::from(u32::from_le_bytes(hi));
    } else if len > 0 {
        w[0] = u64::from(bytes[0])
            | (u64::from(bytes[len / 2]) << 8)
            | (u64::from(bytes[len - 1]) << 16);
    }
    w
}

/// The key a [`Fixed`] table hashes: word `i` rotated left by `16 i + 8 (i / 4)` bits (0, 16, 32, 48,
/// then 8, 24, 40, 56), all xored, then `0x20` cleared in every byte (rotations by whole bytes keep
/// each byte's case bit on a case bit, so this one operation makes the key blind to ASCII case), then
/// the length.
#[allow(clippy::inline_always)]
#[inline(always)]
pub(crate) fn fixed_key<const W: usize>(w: &[u64; W], len: usize) -> u64 {
    let mut x = 0;
    for (i, &w) in w.iter().enumerate() {
        // At most 56.
        #[allow(clippy::cast_possible_truncation)]
        let by = ((16 * i + 8 * (i / 4)) % 64) as u32;
        x ^= w.rotate_left(by);
    }
    (x & !CASE) ^ len as u64
}

/// The variant index of the name `input` stands for, ignoring ASCII case, or `None`, in a [`Fixed`]
/// table: one multiplication, one slot, one entry, one compare of `W` words.
#[inline]
#[must_use]
pub fn lookup_fixed<const W: usize>(table: &Fixed<W>, input: &[u8]) -> Option<u16> {
    let len = input.len();
    if len > 8 * W {
        return None;
    }
    let w = fixed_words::<W>(input);
    probe_fixed(table, &w, fixed_key(&w, len), len)
}

/// [`lookup_fixed`], and on a miss what it read of the input, for the registry to look the name up
/// without reading and hashing it again.
///
/// # Errors
///
/// The [`Miss`] when no name of the table matches.
// Always: as a call, its result (too large for registers) came back through memory, and the
// member built from it was copied through memory again.
#[allow(clippy::inline_always)]
#[inline(always)]
pub fn lookup_fixed_or_miss<const W: usize>(table: &Fixed<W>, input: &[u8]) -> Result<u16, Miss> {
    let len = input.len();
    if len > 8 * W {
        return Err(Miss::NONE);
    }
    let w = fixed_words::<W>(input);
    let key = fixed_key(&w, len);
    match probe_fixed(table, &w, key, len) {
        Some(at) => Ok(at),
        None => Err(Miss::of(&w)),
    }
}

/// The slot and entry of a name whose words, key and length these are.
// Always: the pieces of the fixed lookup, which is `inline(always)` itself; left to the inliner,
// they stayed calls in some callers (the members bench's `from_name`: twice as slow), passing the
// words through memory.
#[allow(clippy::inline_always)]
#[inline(always)]
fn probe_fixed<const W: usize>(
    table: &Fixed<W>,
    w: &[u64; W],
    key: u64,
    len: usize,
) -> Option<u16> {
    // Truncation is intended: the shift leaves at most 64 - shift bits.
    #[allow(clippy::cast_possible_truncation)]
    let slot = (key.wrapping_mul(table.seed) >> table.shift) as usize;
    let size = 16 * W + 2;
    let at = usize::from(*table.slots.get(slot)?) * size;
    let entry = table.entries.get(at..at + size)?;
    let stored = |at: usize| {
        let mut buf = [0_u8; 8];
        buf.copy_from_slice(&entry[at..at + 8]);
        u64::from_le_bytes(buf)
    };
    // `(word | mask) == name`: a letter matches in either case, every other byte only itself.
    let mut diff = u64::from(entry[16 * W]) ^ len as u64;
    for (i, &w) in w.iter().enumerate() {
        diff |= (w | stored(8 * (W + i))) ^ stored(8 * i);
    }
    // Left alone, the optimizer turns the one test of `diff` back into a branch per word, which
    // mispredicts on inputs that match a stored name in some words only (near misses: up to 3x
    // slower in the parse bench). `black_box` keeps it one test of one value.
    if core::hint::black_box(diff) != 0 {
        return None;
    }
    Some(u16::from(entry[16 * W + 1]) & table.index_mask)
}

/// What a failed built-in lookup leaves for the registry: for a name of at most 32 bytes looked up
/// in a four-word [`Fixed`] table, its words as `fixed_words` reads them (unfolded), which are what
/// the registry's index reads such a name as; nothing otherwise. Not public API.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub struct Miss {
    pub(crate) words: Option<[u64; 4]>,
}

impl Miss {
    /// Nothing to pass on: the registry reads the name itself.
    pub const NONE: Miss = Miss { words: None };

    #[inline]
    fn of<const W: usize>(w: &[u64; W]) -> Miss {
        if W != 4 {
            return Miss::NONE;
        }
        let mut words = [0; 4];
        words.copy_from_slice(&w[..4]);
        Miss { words: Some(words) }
    }
}

#[cfg(test)]
mod tests {
    use super::{fixed_key, fixed_words, fold, hash, head, short, splat, word, HEAD};

    /// The words past the head, as `hash_tail` and `tail_eq` read them.
    fn tail(bytes: &[u8]) -> Vec<u64> {
        (HEAD - 8..bytes.len().saturating_sub(8))
            .step_by(8)
            .map(|at| word(bytes, at))
            .collect()
    }

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

    #[test]
    fn short_words_are_zero_padded() {
        let text = b"abcdefg";
        for len in 0..8 {
            let mut padded = [0_u8; 8];
            padded[..len].copy_from_slice(&text[..len]);
            assert_eq!(
                short(&text[..len]),
                u64::from_le_bytes(padded),
                "{len} bytes"
            );
        }
    }

    #[test]
    fn head_and_tail_cover_every_byte() {
        let text: Vec<u8> = (0..100_u8).map(|i| b'a' + i % 26).collect();
        for len in 1..=text.len() {
            let mut variant = text[..len].to_vec();
            let base = (head(&variant), tail(&variant));
            for at in 0..len {
                variant[at] = b'#';
                let changed = (head(&variant), tail(&variant));
                assert_ne!(base, changed, "byte {at} of {len} unread");
                assert_ne!(hash(&variant, 7, false), hash(&text[..len], 7, false));
                variant[at] = text[at];
            }
            let upper = text[..len].to_ascii_uppercase();
            assert_eq!(hash(&upper, 7, false), hash(&text[..len], 7, false));
        }
    }

    /// Every byte of a name of at most `8 * W` bytes is in its words, and the key ignores ASCII case
    /// but nothing else that the words hold in a letter's place.
    fn fixed_words_cover_every_byte<const W: usize>() {
        let text: Vec<u8> = (0..8 * W).map(|i| b"az_09-ZA"[i % 8]).collect();
        for len in 0..=text.len() {
            let name = &text[..len];
            let base = fixed_words::<W>(name);
            let key = fixed_key(&base, len);
            let upper = name.to_ascii_uppercase();
            assert_eq!(fixed_key(&fixed_words::<W>(&upper), len), key, "{len}");
            let mut changed = name.to_vec();
            for at in 0..len {
                changed[at] ^= 0x01;
                assert_ne!(
                    fixed_words::<W>(&changed),
                    base,
                    "byte {at} of {len} unread"
                );
                changed[at] ^= 0x01;
            }
        }
    }

    #[test]
    fn fixed_words_cover_every_byte_of_four_and_eight_words() {
        fixed_words_cover_every_byte::<4>();
        fixed_words_cover_every_byte::<8>();
    }
}
