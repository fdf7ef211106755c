//! Builds the perfect hash behind the generated `from_name` (the lookups are `dynenum_core`'s
//! `__private::phf`). Two kinds, both pure (names in, table tokens out):
//! - `FixedTable`, for most enums (every name within 64 bytes, at most 256 names, no
//!   `ignore_separators`): an odd seed under which one multiplication sends every name's key to a
//!   one-byte slot of its own;
//! - `Table`, for every other enum: a seed under which every folded name hashes differently, and one
//!   pilot per bucket sending each name to a slot of its own.
//!
//! The words, keys and hashes below must stay bit-for-bit those in `dynenum-core/src/phf.rs`; if they
//! drifted, no name would parse, which every behaviour test would show.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// A name as parsing sees it: folded bytes, and the index of its variant.
pub(crate) struct Key {
    pub(crate) bytes: Vec<u8>,
    pub(crate) variant: u16,
}

/// The table, ready to emit.
pub(crate) struct Table {
    seed: u64,
    /// Whether the hash folds words exactly (see `for_hash`).
    exact: bool,
    pilots: Vec<u16>,
    slots: Vec<Option<usize>>,
}

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;
const K: [u64; 6] = [
    0xa076_1d64_78bd_642f,
    0xe703_7ed1_a0b4_28db,
    0x8ebc_6af0_9c88_c6e3,
    0x5899_65cc_7537_4cc3,
    0x1d8e_4e27_c47d_124f,
    0x9e37_79b9_7f4a_7c15,
];
const K_PILOT: u64 = 0x9e37_79b9_7f4a_7c15;
const K_SLOT: u64 = 0xff51_afd7_ed55_8ccd;
const HEAD: usize = 40;
const CASE: u64 = 0x2020_2020_2020_2020;

const fn splat(b: u8) -> u64 {
    LO * b as u64
}

const fn zero_lanes(x: u64) -> u64 {
    !(((x & !HI).wrapping_add(!HI)) | x) & HI
}

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

const fn mum(a: u64, b: u64) -> u64 {
    let product = (a as u128) * (b as u128);
    #[allow(clippy::cast_possible_truncation)]
    let folded = (product as u64) ^ ((product >> 64) as u64);
    folded
}

/// Up to eight bytes, zero-padded, little-endian.
fn load(bytes: &[u8]) -> u64 {
    let mut buf = [0_u8; 8];
    buf[..bytes.len()].copy_from_slice(bytes);
    u64::from_le_bytes(buf)
}

/// The five words at 0, 8, 16, 24 (clamped to `len - 8`) and `len - 8`, as they are; under eight
/// bytes, one zero-padded word and zeros.
fn head(bytes: &[u8]) -> [u64; 5] {
    let len = bytes.len();
    if len < 8 {
        return [load(bytes), 0, 0, 0, 0];
    }
    let end = len - 8;
    [0, 8.min(end), 16.min(end), 24.min(end), end].map(|at| load(&bytes[at..at + 8]))
}

/// The words at 32, 40, … before `len - 8`, for names longer than `HEAD` bytes.
fn tail(bytes: &[u8]) -> Vec<u64> {
    (HEAD - 8..bytes.len().saturating_sub(8))
        .step_by(8)
        .map(|at| load(&bytes[at..at + 8]))
        .collect()
}

/// What the hash sees of a word: folded exactly, or with `0x20` set in every byte.
const fn for_hash(w: u64, exact: bool, ignore_separators: bool) -> u64 {
    if exact || ignore_separators {
        fold(w, ignore_separators)
    } else {
        w | CASE
    }
}

/// `0x20` in each byte of a folded word that is a letter: `(word | mask) == key` then accepts either
/// case of a letter and only the byte itself elsewhere.
fn case_mask(key: u64) -> u64 {
    u64::from_le_bytes(
        key.to_le_bytes()
            .map(|b| if b.is_ascii_lowercase() { 0x20 } else { 0 }),
    )
}

/// What the hash sees of a name: its head and tail words and its length.
fn hashed(bytes: &[u8], exact: bool, ignore_separators: bool) -> (Vec<u64>, usize) {
    let words = head(bytes)
        .into_iter()
        .chain(tail(bytes))
        .map(|w| for_hash(w, exact, ignore_separators))
        .collect();
    (words, bytes.len())
}

fn hash(bytes: &[u8], seed: u64, exact: bool, ignore_separators: bool) -> u64 {
    let w = head(bytes).map(|w| for_hash(w, exact, ignore_separators));
    let mut h = mum(w[0] ^ seed, w[1] ^ K[0])
        ^ mum(w[2] ^ K[1], w[3] ^ K[2])
        ^ mum(
            w[4] ^ K[3],
            (bytes.len() as u64) ^ seed.rotate_left(32) ^ K[4],
        );
    for w in tail(bytes) {
        h = mum(h ^ for_hash(w, exact, ignore_separators), K[5]);
    }
    h
}

fn slot(h: u64, pilot: u16, slots: usize) -> usize {
    #[allow(clippy::cast_possible_truncation)]
    let mixed = mum(h ^ u64::from(pilot).wrapping_mul(K_PILOT), K_SLOT) as usize;
    mixed & (slots - 1)
}

fn bucket(h: u64, buckets: usize) -> usize {
    #[allow(clippy::cast_possible_truncation)]
    let high = (h >> 32) as usize;
    high & (buckets - 1)
}

impl Table {
    /// Searches seeds until one gives every name its own slot. `None` only if none of many thousands
    /// of seeds works, which distinct names make practically impossible.
    pub(crate) fn build(keys: &[Key], ignore_separators: bool) -> Option<Table> {
        let n = keys.len().max(1);
        // Small enums: one bucket, so a lookup waits for no pilot, and four slots per name, so one
        // pilot in a few sends every name to a slot of its own. Larger ones: two names per bucket and
        // the fewest slots a power of two allows (one per name at 256 names: 24 KiB, inside the
        // first-level cache), or twice that should none of the first 64 seeds work.
        let sizes = if n <= 16 {
            vec![((4 * n).next_power_of_two(), 1, 10_000)]
        } else {
            let buckets = (n / 2).next_power_of_two();
            vec![
                (n.next_power_of_two(), buckets, 64),
                (2 * n.next_power_of_two(), buckets, 10_000),
            ]
        };
        // Setting 0x20 in every byte merges a few pairs besides the letters (`@` and `` ` ``, the UTF-8
        // bytes of `é` and `É`...): if that makes two names hash alike whatever the seed, fold exactly.
        let mut distinct = std::collections::HashSet::new();
        let exact = !ignore_separators
            && !keys
                .iter()
                .all(|key| distinct.insert(hashed(&key.bytes, false, false)));
        sizes.into_iter().find_map(|(slots, buckets, attempts)| {
            (0..attempts).find_map(|attempt: u64| {
                let seed = attempt.wrapping_mul(K_PILOT) ^ 0x6479_6e65_6e75_6d00;
                Table::with_seed(keys, ignore_separators, exact, seed, slots, buckets)
            })
        })
    }

    fn with_seed(
        keys: &[Key],
        ignore_separators: bool,
        exact: bool,
        seed: u64,
        slots: usize,
        buckets: usize,
    ) -> Option<Table> {
        let hashes: Vec<u64> = keys
            .iter()
            .map(|key| hash(&key.bytes, seed, exact, ignore_separators))
            .collect();
        // Two equal hashes can't be told apart by any pilot: try the next seed at once.
        let mut sorted = hashes.clone();
        sorted.sort_unstable();
        if sorted.windows(2).any(|pair| pair[0] == pair[1]) {
            return None;
        }
        let mut by_bucket: Vec<Vec<usize>> = vec![Vec::new(); buckets];
        for (at, &h) in hashes.iter().enumerate() {
            by_bucket[bucket(h, buckets)].push(at);
        }
        // Fullest buckets first, while the table is emptiest.
        let mut order: Vec<usize> = (0..buckets).collect();
        order.sort_by_key(|&b| std::cmp::Reverse(by_bucket[b].len()));
        let mut pilots = vec![0_u16; buckets];
        let mut table: Vec<Option<usize>> = vec![None; slots];
        for b in order {
            let members = &by_bucket[b];
            if members.is_empty() {
                continue;
            }
            let pilot = (0..=u16::MAX).find(|&pilot| {
                let mut taken: Vec<usize> = Vec::with_capacity(members.len());
                members.iter().all(|&at| {
                    let s = slot(hashes[at], pilot, slots);
                    let free = table[s].is_none() && !taken.contains(&s);
                    taken.push(s);
                    free
                })
            })?;
            pilots[b] = pilot;
            for &at in members {
                table[slot(hashes[at], pilot, slots)] = Some(at);
            }
        }
        Some(Table {
            seed,
            exact,
            pilots,
            slots: table,
        })
    }

    /// The `__private::phf::Table` literal.
    pub(crate) fn emit(
        &self,
        keys: &[Key],
        krate: &syn::Path,
        ignore_separators: bool,
    ) -> TokenStream {
        let seed = Literal::u64_suffixed(self.seed);
        let exact = self.exact;
        let pilots = self.pilots.iter().map(|&p| Literal::u16_suffixed(p));
        let mut rest: Vec<u64> = Vec::new();
        let slots: Vec<TokenStream> = self
            .slots
            .iter()
            .map(|slot| {
                slot.map_or_else(
                    || quote!(([0; 5], [0; 5], 0, 0, 0)),
                    |at| {
                        let bytes = &keys[at].bytes;
                        let folded = head(bytes).map(|w| fold(w, ignore_separators));
                        let words = folded.map(Literal::u64_unsuffixed);
                        // Under `ignore_separators` words are compared folded, with no mask.
                        let masks = if ignore_separators {
                            quote!([0; 5])
                        } else {
                            let masks = folded.map(|w| Literal::u64_unsuffixed(case_mask(w)));
                            quote!([#(#masks),*])
                        };
                        let len = Literal::usize_unsuffixed(bytes.len());
                        let rest_at = Literal::usize_unsuffixed(rest.len());
                        for w in tail(bytes) {
                            let w = fold(w, ignore_separators);
                            rest.push(w);
                            rest.push(if ignore_separators { 0 } else { case_mask(w) });
                        }
                        let variant = Literal::u16_unsuffixed(keys[at].variant);
                        quote!(([#(#words),*], #masks, #len, #rest_at, #variant))
                    },
                )
            })
            .collect();
        let rest = rest.into_iter().map(Literal::u64_unsuffixed);
        let index_mask = index_mask(keys);
        let min_len =
            Literal::usize_suffixed(keys.iter().map(|key| key.bytes.len()).min().unwrap_or(0));
        let max_len =
            Literal::usize_suffixed(keys.iter().map(|key| key.bytes.len()).max().unwrap_or(0));
        quote! {
            #krate::__private::phf::Table {
                seed: #seed,
                pilots: &[#(#pilots),*],
                slots: &[#(#slots),*],
                rest: &[#(#rest),*],
                index_mask: #index_mask,
                exact_hash: #exact,
                ignore_separators: #ignore_separators,
                min_len: #min_len,
                max_len: #max_len,
            }
        }
    }
}

/// The largest fixed-word table: `2^16` one-byte slots.
const FIXED_MAX_BITS: u32 = 16;
/// Seeds tried per table size before doubling it.
const FIXED_SEEDS: u64 = 4096;

/// The `words` words of a name of at most `8 * words` bytes, as `fixed_words` in the core reads them.
fn fixed_words(bytes: &[u8], words: usize) -> Vec<u64> {
    let len = bytes.len();
    let mut w = vec![0; words];
    if len >= 8 {
        let end = len - 8;
        for (i, w) in w.iter_mut().enumerate().take(words - 1) {
            *w = load(&bytes[(8 * i).min(end)..][..8]);
        }
        w[words - 1] = load(&bytes[end..]);
    } else if len >= 4 {
        w[0] = load(&bytes[..4]);
        w[1] = load(&bytes[len - 4..]);
    } else if len > 0 {
        w[0] = u64::from(bytes[0])
            | (u64::from(bytes[len / 2]) << 8)
            | (u64::from(bytes[len - 1]) << 16);
    }
    w
}

/// The key of a name, as `fixed_key` in the core computes it.
fn fixed_key(bytes: &[u8], words: usize) -> u64 {
    let mut x = 0;
    for (i, w) in fixed_words(bytes, words).into_iter().enumerate() {
        let by = u32::try_from((16 * i + 8 * (i / 4)) % 64).unwrap_or(0);
        x ^= w.rotate_left(by);
    }
    (x & !CASE) ^ bytes.len() as u64
}

/// The specialised table for enums whose names all fit in 32 bytes (four words) or 64 (eight): one
/// multiplication by a seed sends each name's key to a one-byte slot of its own, which holds the
/// index of the name's entry.
pub(crate) struct FixedTable {
    /// 4 or 8.
    words: usize,
    seed: u64,
    bits: u32,
    slots: Vec<u8>,
}

impl FixedTable {
    /// A seed under which every key has a slot of its own, in the fewest slots (at least four per name)
    /// that a few thousand seeds manage. `None` (then the general table serves) under
    /// `ignore_separators`, over 256 names, with a name over 64 bytes, when two names share a key
    /// (no seed can part them), or when no seed works up to `2^FIXED_MAX_BITS` slots.
    pub(crate) fn build(keys: &[Key], ignore_separators: bool) -> Option<FixedTable> {
        let longest = keys.iter().map(|key| key.bytes.len()).max()?;
        let words = if longest <= 32 { 4 } else { 8 };
        if ignore_separators
            || longest > 64
            || keys.len() > 256
            || keys.iter().any(|key| u8::try_from(key.variant).is_err())
        {
            return None;
        }
        let hashed: Vec<u64> = keys
            .iter()
            .map(|key| fixed_key(&key.bytes, words))
            .collect();
        let mut sorted = hashed.clone();
        sorted.sort_unstable();
        if sorted.windows(2).any(|pair| pair[0] == pair[1]) {
            return None;
        }
        let least = (4 * keys.len()).next_power_of_two().trailing_zeros().max(1);
        // `taken[s] == attempt` marks slot `s` as taken by this attempt: no clearing between seeds.
        let mut taken: Vec<u32> = vec![0; 1 << FIXED_MAX_BITS];
        let mut attempt = 0_u32;
        for bits in least..=FIXED_MAX_BITS {
            for n in 0..FIXED_SEEDS {
                attempt += 1;
                let seed = (n.wrapping_add(u64::from(bits) << 32).wrapping_mul(K_PILOT) ^ K[4]) | 1;
                let slot = |key: u64| {
                    usize::try_from(key.wrapping_mul(seed) >> (64 - bits)).unwrap_or(usize::MAX)
                };
                let parted = hashed.iter().all(|&key| match taken.get_mut(slot(key)) {
                    Some(mark) if *mark != attempt => {
                        *mark = attempt;
                        true
                    }
                    _ => false,
                });
                if parted {
                    let mut slots = vec![0_u8; 1 << bits];
                    for (at, &key) in hashed.iter().enumerate() {
                        slots[slot(key)] = u8::try_from(at).ok()?;
                    }
                    return Some(FixedTable {
                        words,
                        seed,
                        bits,
                        slots,
                    });
                }
            }
        }
        None
    }

    /// How many words a name is read as: 4 (names up to 32 bytes) or 8.
    pub(crate) fn words(&self) -> usize {
        self.words
    }

    /// The `__private::phf::Fixed` literal, slots and entries as two byte strings (one token each,
    /// cheap to compile whatever the size), and its number of words.
    pub(crate) fn emit(&self, keys: &[Key], krate: &syn::Path) -> (TokenStream, Literal) {
        let mut entries = Vec::with_capacity(keys.len() * (16 * self.words + 2));
        for key in keys {
            let words = fixed_words(&key.bytes, self.words);
            for w in &words {
                entries.extend_from_slice(&w.to_le_bytes());
            }
            for &w in &words {
                entries.extend_from_slice(&case_mask(w).to_le_bytes());
            }
            // Both fit: `build` checked the length and the variant.
            entries.push(u8::try_from(key.bytes.len()).unwrap_or(u8::MAX));
            entries.push(u8::try_from(key.variant).unwrap_or(u8::MAX));
        }
        let seed = Literal::u64_suffixed(self.seed);
        let shift = Literal::u32_suffixed(64 - self.bits);
        let slots = Literal::byte_string(&self.slots);
        let entries = Literal::byte_string(&entries);
        let index_mask = index_mask(keys);
        let table = quote! {
            #krate::__private::phf::Fixed {
                seed: #seed,
                shift: #shift,
                slots: #slots,
                entries: #entries,
                index_mask: #index_mask,
            }
        };
        (table, Literal::usize_unsuffixed(self.words))
    }
}

/// The smallest `2^k - 1` at least the largest variant index.
fn index_mask(keys: &[Key]) -> Literal {
    let largest = keys.iter().map(|key| key.variant).max().unwrap_or(0);
    Literal::u16_unsuffixed(u16::MAX.checked_shr(largest.leading_zeros()).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::{bucket, fixed_key, hash, slot, FixedTable, Key, Table};

    fn keys(names: &[&str]) -> Vec<Key> {
        names
            .iter()
            .zip(0..)
            .map(|(name, variant)| Key {
                bytes: crate::validate::key(name, false),
                variant,
            })
            .collect()
    }

    fn place(table: &Table, name: &[u8]) -> usize {
        let h = hash(name, table.seed, table.exact, false);
        slot(
            h,
            table.pilots[bucket(h, table.pilots.len())],
            table.slots.len(),
        )
    }

    #[test]
    fn every_name_gets_its_own_slot() {
        let names: Vec<String> = (0..300)
            .map(|i| format!("openai_chat_completions_{i}"))
            .collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let keys = keys(&names);
        let table = Table::build(&keys, false).expect("a perfect hash for 300 names");
        for (at, key) in keys.iter().enumerate() {
            assert_eq!(table.slots[place(&table, &key.bytes)], Some(at));
        }
    }

    #[test]
    fn hashing_ignores_ascii_case_and_separators_when_asked() {
        for exact in [false, true] {
            assert_eq!(
                hash(b"OpenAI_Chat_Completions", 7, exact, false),
                hash(b"openai_chat_completions", 7, exact, false)
            );
            assert_ne!(
                hash(b"openai-chat", 7, exact, false),
                hash(b"openai_chat", 7, exact, false)
            );
            assert_eq!(
                hash(b"openai-chat", 7, exact, true),
                hash(b"openai_chat", 7, exact, true)
            );
            assert_eq!(
                hash(b"Open AI", 7, exact, true),
                hash(b"open_ai", 7, exact, true)
            );
        }
    }

    #[test]
    fn names_that_or_0x20_merges_get_an_exact_hash() {
        let plain = keys(&["openai_chat", "anthropic"]);
        assert!(!Table::build(&plain, false).expect("a table").exact);
        let merged = keys(&["caf\u{e9}", "caf\u{c9}", "a@b", "a`b"]);
        let table = Table::build(&merged, false).expect("a table");
        assert!(table.exact);
        for (at, key) in merged.iter().enumerate() {
            assert_eq!(table.slots[place(&table, &key.bytes)], Some(at));
        }
    }

    /// Where a name lands in a fixed-word table, as the core's `lookup_fixed` computes it.
    fn fixed_place(table: &FixedTable, name: &[u8]) -> usize {
        usize::try_from(fixed_key(name, table.words).wrapping_mul(table.seed) >> (64 - table.bits))
            .unwrap()
    }

    #[test]
    fn fixed_tables_give_every_name_its_own_slot_in_at_least_four_per_name() {
        for (n, pad, words) in [
            (1_usize, 0, 4),
            (3, 0, 4),
            (16, 0, 4),
            (64, 0, 4),
            (256, 0, 4),
            (4, 30, 8),
            (64, 30, 8),
            (256, 30, 8),
        ] {
            let names: Vec<String> = (0..n)
                .map(|i| {
                    let vendor = ["openai", "azure", "groq"][i % 3];
                    format!("{vendor}_{}chat_{i}", "x".repeat(pad))
                })
                .collect();
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            let keys = keys(&names);
            let table = FixedTable::build(&keys, false).expect("a fixed-word table");
            assert_eq!(table.words, words, "{n} names");
            assert!(table.slots.len() >= 4 * n, "{n} names");
            assert_eq!(table.slots.len(), 1 << table.bits);
            assert_eq!(table.seed % 2, 1);
            for (at, key) in keys.iter().enumerate() {
                let upper = key.bytes.to_ascii_uppercase();
                assert_eq!(fixed_place(&table, &upper), fixed_place(&table, &key.bytes));
                assert_eq!(
                    usize::from(table.slots[fixed_place(&table, &key.bytes)]),
                    at
                );
            }
        }
    }

    #[test]
    fn fixed_tables_refuse_what_they_cannot_hold() {
        let build = |names: &[&str]| FixedTable::build(&keys(names), false).map(|t| t.words);
        let (a32, a33, a64, a65) = (
            "a".repeat(32),
            "a".repeat(33),
            "a".repeat(64),
            "a".repeat(65),
        );
        assert_eq!(build(&[&a32, "b"]), Some(4));
        assert_eq!(build(&[&a33, "b"]), Some(8));
        assert_eq!(build(&[&a64, "b"]), Some(8));
        assert_eq!(build(&[&a65, "b"]), None);
        assert!(FixedTable::build(&keys(&["a", "b"]), true).is_none());
        assert_eq!(build(&[]), None);
        let many: Vec<String> = (0..257).map(|i| format!("n{i}")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(build(&many[..256]), Some(4));
        assert_eq!(build(&many), None);
        // `@` and `` ` `` differ only in the bit the key clears: no seed parts them.
        assert_eq!(build(&["a@b", "a`b"]), None);
        // A variant index over 255 does not fit in an entry's byte.
        let mut variant = keys(&["openai_chat", "groq"]);
        variant[1].variant = 300;
        assert!(FixedTable::build(&variant, false).is_none());
    }
}
