//! Builds the perfect hash behind the generated `from_name` (the lookup is `dynenum_core`'s
//! `__private::phf`): a seed under which every folded name hashes differently, and one pilot per
//! bucket sending each name to a slot of its own. Pure: names in, table tokens out.
//!
//! The hash below must stay bit-for-bit the one in `dynenum-core/src/phf.rs`; if they drifted, no
//! name would parse, which every behaviour test would show.

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
    pilots: Vec<u16>,
    slots: Vec<Option<usize>>,
}

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;
const K_WORD: u64 = 0x517c_c1b7_2722_0a95;
const K_PILOT: u64 = 0x9e37_79b9_7f4a_7c15;
const K_SLOT: u64 = 0xff51_afd7_ed55_8ccd;

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

fn load(bytes: &[u8]) -> u64 {
    let mut buf = [0_u8; 8];
    buf[..bytes.len()].copy_from_slice(bytes);
    u64::from_le_bytes(buf)
}

fn hash(bytes: &[u8], seed: u64, ignore_separators: bool) -> u64 {
    let len = bytes.len();
    let mut words = Vec::new();
    if len < 8 {
        words.push(load(bytes));
    } else {
        let mut at = 0;
        while at + 8 <= len {
            words.push(load(&bytes[at..at + 8]));
            at += 8;
        }
        if at != len {
            words.push(load(&bytes[len - 8..]));
        }
    }
    let mut h = seed ^ (len as u64).wrapping_mul(K_WORD);
    for w in words {
        h = (h.rotate_left(5) ^ fold(w, ignore_separators)).wrapping_mul(K_WORD);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(K_SLOT);
    h ^ (h >> 33)
}

fn slot(h: u64, pilot: u16, slots: usize) -> usize {
    #[allow(clippy::cast_possible_truncation)]
    let mixed = ((h ^ u64::from(pilot).wrapping_mul(K_PILOT)).wrapping_mul(K_SLOT) >> 32) as usize;
    mixed & (slots - 1)
}

fn bucket(h: u64, buckets: usize) -> usize {
    #[allow(clippy::cast_possible_truncation)]
    let high = (h >> 40) as usize;
    high & (buckets - 1)
}

impl Table {
    /// Searches seeds until one gives every name its own slot. `None` only if none of many thousands
    /// of seeds works, which distinct names make practically impossible.
    pub(crate) fn build(keys: &[Key], ignore_separators: bool) -> Option<Table> {
        let n = keys.len().max(1);
        // About 1.25 slots per name and two names per bucket: pilots are found in a few tries.
        let slots = (n + n / 4 + 1).next_power_of_two();
        let buckets = (n / 2).max(1).next_power_of_two();
        (0..10_000_u64).find_map(|attempt| {
            let seed = attempt.wrapping_mul(K_PILOT) ^ 0x6479_6e65_6e75_6d00;
            Table::with_seed(keys, ignore_separators, seed, slots, buckets)
        })
    }

    fn with_seed(
        keys: &[Key],
        ignore_separators: bool,
        seed: u64,
        slots: usize,
        buckets: usize,
    ) -> Option<Table> {
        let hashes: Vec<u64> = keys
            .iter()
            .map(|key| hash(&key.bytes, seed, ignore_separators))
            .collect();
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
        let pilots = self.pilots.iter().map(|&p| Literal::u16_suffixed(p));
        let slots = self.slots.iter().map(|slot| {
            slot.map_or_else(
                || quote!((b"", 0u16)),
                |at| {
                    let bytes = Literal::byte_string(&keys[at].bytes);
                    let variant = Literal::u16_suffixed(keys[at].variant);
                    quote!((#bytes, #variant))
                },
            )
        });
        let min_len =
            Literal::usize_suffixed(keys.iter().map(|key| key.bytes.len()).min().unwrap_or(0));
        let max_len =
            Literal::usize_suffixed(keys.iter().map(|key| key.bytes.len()).max().unwrap_or(0));
        quote! {
            #krate::__private::phf::Table {
                seed: #seed,
                pilots: &[#(#pilots),*],
                slots: &[#(#slots),*],
                ignore_separators: #ignore_separators,
                min_len: #min_len,
                max_len: #max_len,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{bucket, hash, slot, Key, Table};

    fn keys(names: &[&str]) -> Vec<Key> {
        names
            .iter()
            .zip(0..)
            .map(|(name, variant)| Key {
                bytes: name.as_bytes().to_vec(),
                variant,
            })
            .collect()
    }

    fn place(table: &Table, name: &[u8]) -> usize {
        let h = hash(name, table.seed, false);
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
        assert_eq!(
            hash(b"OpenAI_Chat_Completions", 7, false),
            hash(b"openai_chat_completions", 7, false)
        );
        assert_ne!(
            hash(b"openai-chat", 7, false),
            hash(b"openai_chat", 7, false)
        );
        assert_eq!(hash(b"openai-chat", 7, true), hash(b"openai_chat", 7, true));
        assert_eq!(hash(b"Open AI", 7, true), hash(b"open_ai", 7, true));
    }
}
