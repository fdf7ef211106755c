//! The floor: a hand-written perfect hash over ASCII-folded names with one masked compare, the fastest
//! case-insensitive parser we know how to write for names of at most 40 bytes. It is built at start-up
//! (its build cost is not measured) and serves as the yardstick for the generated `from_name`.
//!
//! A lookup loads the input as five overlapping little-endian words with no loop (one zero-padded word
//! under eight bytes), hashes them with `0x20` set in every byte (which merges upper and lower case; the other pairs
//! it merges are told apart by the compare) with three independent multiplications, picks one slot
//! through its bucket's pilot (no pilot under 16 names), and compares all five words at once:
//! `(word | mask) == key`, where `key` holds the name in lower case and `mask` has `0x20` in the lanes
//! of letters. A slot holds everything inline. It knows its
//! names are at most 40 bytes, so it needs no length limits, tail words or flags: the generated
//! `from_name` does the same work with those and must stay close to it.

const LANES_20: u64 = 0x2020_2020_2020_2020;
const K0: u64 = 0x9e37_79b9_7f4a_7c15;
const K1: u64 = 0xa076_1d64_78bd_642f;
const K2: u64 = 0xe703_7ed1_a0b4_28db;

/// The longest name the floor handles.
pub const MAX: usize = 40;

#[derive(Clone, Copy, Default)]
struct Slot {
    key: [u64; 5],
    mask: [u64; 5],
    len: usize,
    value: u16,
}

/// The table.
pub struct Floor {
    seed: u64,
    pilots: Vec<u64>,
    slots: Vec<Slot>,
}

#[inline]
fn mum(a: u64, b: u64) -> u64 {
    let r = u128::from(a) * u128::from(b);
    // Truncation is the point: the high and low halves are folded together.
    #[allow(clippy::cast_possible_truncation)]
    let (lo, hi) = (r as u64, (r >> 64) as u64);
    lo ^ hi
}

/// The input as five words (at 0, 8, 16, 24 clamped to `len - 8`, and `len - 8`: all of a name of at
/// most 40 bytes, with no loop), or one zero-padded word. `None` when longer than `MAX`.
#[inline]
fn words(input: &[u8]) -> Option<[u64; 5]> {
    let len = input.len();
    if len == 0 || len > MAX {
        return None;
    }
    let at = |i: usize| u64::from_le_bytes(input[i..i + 8].try_into().unwrap());
    if len >= 8 {
        let end = len - 8;
        Some([
            at(0),
            at(8.min(end)),
            at(16.min(end)),
            at(24.min(end)),
            at(end),
        ])
    } else if len >= 4 {
        let lo = u64::from(u32::from_le_bytes(input[..4].try_into().unwrap()));
        let hi = u64::from(u32::from_le_bytes(input[len - 4..].try_into().unwrap()));
        Some([lo | (hi << (8 * (len - 4))), 0, 0, 0, 0])
    } else {
        let w = u64::from(input[0])
            | (u64::from(input[len / 2]) << (8 * (len / 2)))
            | (u64::from(input[len - 1]) << (8 * (len - 1)));
        Some([w, 0, 0, 0, 0])
    }
}

#[inline]
fn hash(w: &[u64; 5], len: usize, seed: u64) -> u64 {
    let f = |i: usize| w[i] | LANES_20;
    let h = mum(f(0) ^ seed, f(1) ^ K1)
        ^ mum(f(2) ^ K2, f(3) ^ K0)
        ^ mum(f(4) ^ seed ^ K1, len as u64 ^ K2);
    mum(h, K0)
}

#[inline]
fn slot(h: u64, pilot: u64, slots: usize) -> usize {
    #[allow(clippy::cast_possible_truncation)]
    let at = mum(h ^ pilot, K1) as usize;
    at & (slots - 1)
}

#[inline]
fn bucket(h: u64, buckets: usize) -> usize {
    #[allow(clippy::cast_possible_truncation)]
    let high = (h >> 32) as usize;
    high & (buckets - 1)
}

impl Floor {
    /// A table for `names` (at most `MAX` bytes each, distinct ignoring ASCII case).
    pub fn new(names: &[&str]) -> Floor {
        let n = names.len();
        let (slots, buckets) = if n <= 16 {
            ((4 * n).next_power_of_two(), 1)
        } else {
            (
                (n + n / 4 + 1).next_power_of_two(),
                (n / 2).next_power_of_two(),
            )
        };
        let keyed: Vec<[u64; 5]> = names
            .iter()
            .map(|name| words(name.as_bytes()).expect("a short name"))
            .collect();
        'seed: for seed in 1..1000_u64 {
            let seed = seed.wrapping_mul(K2);
            let hashes: Vec<u64> = keyed
                .iter()
                .zip(names)
                .map(|(w, name)| hash(w, name.len(), seed))
                .collect();
            let mut by_bucket = vec![Vec::new(); buckets];
            for (at, &h) in hashes.iter().enumerate() {
                by_bucket[bucket(h, buckets)].push(at);
            }
            let mut order: Vec<usize> = (0..buckets).collect();
            order.sort_by_key(|&b| std::cmp::Reverse(by_bucket[b].len()));
            let mut pilots = vec![0_u64; buckets];
            let mut table: Vec<Option<usize>> = vec![None; slots];
            for b in order {
                let members: &Vec<usize> = &by_bucket[b];
                let found = (0..100_000_u64).map(|p| p.wrapping_mul(K0)).find(|&pilot| {
                    let mut taken = Vec::new();
                    members.iter().all(|&at| {
                        let s = slot(hashes[at], pilot, slots);
                        let free = table[s].is_none() && !taken.contains(&s);
                        taken.push(s);
                        free
                    })
                });
                let Some(pilot) = found else { continue 'seed };
                pilots[b] = pilot;
                for &at in members {
                    table[slot(hashes[at], pilot, slots)] = Some(at);
                }
            }
            let slots = table
                .iter()
                .map(|entry| {
                    entry.map_or_else(Slot::default, |at| {
                        let key = words(names[at].to_ascii_lowercase().as_bytes()).unwrap();
                        let mask = key.map(|k| {
                            u64::from_le_bytes(k.to_le_bytes().map(|b| {
                                if b.is_ascii_lowercase() {
                                    0x20
                                } else {
                                    0
                                }
                            }))
                        });
                        Slot {
                            key,
                            mask,
                            len: names[at].len(),
                            value: u16::try_from(at).unwrap(),
                        }
                    })
                })
                .collect();
            return Floor {
                seed,
                pilots,
                slots,
            };
        }
        panic!("no perfect hash for the floor");
    }

    /// The index of the name `input` stands for, ignoring ASCII case.
    #[inline]
    pub fn get(&self, input: &[u8]) -> Option<u16> {
        let w = words(input)?;
        let h = hash(&w, input.len(), self.seed);
        let pilot = self.pilots[bucket(h, self.pilots.len())];
        let slot = &self.slots[slot(h, pilot, self.slots.len())];
        let diff = ((w[0] | slot.mask[0]) ^ slot.key[0])
            | ((w[1] | slot.mask[1]) ^ slot.key[1])
            | ((w[2] | slot.mask[2]) ^ slot.key[2])
            | ((w[3] | slot.mask[3]) ^ slot.key[3])
            | ((w[4] | slot.mask[4]) ^ slot.key[4])
            | (slot.len ^ input.len()) as u64;
        (diff == 0).then_some(slot.value)
    }
}
