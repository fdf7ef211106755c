//! The floors: the fastest case-insensitive parsers we know how to write by hand for one fixed set of
//! names, built at start-up (their build cost is not measured). The generated `from_name` is measured
//! against them. They repeat the core's word reading and key (`phf::fixed_words`, `phf::fixed_key`) on
//! purpose: a floor is a peer written by hand, not a call into the code it measures.
//!
//! [`Floor`], for names of at most 32 bytes:
//! - the input is read as four overlapping little-endian words at `0`, `min(8, len - 8)`,
//!   `min(16, len - 8)` and `len - 8` (two `u32`s from four to seven bytes; the first, middle and last
//!   byte under four): no loop, no copy, and the same words serve the final compare;
//! - key = `((w0 ^ rotl(w1, 16) ^ rotl(w2, 32) ^ rotl(w3, 48)) & !0x2020…20) ^ len`: rotations by whole
//!   bytes keep every byte's case bit on a case bit, so clearing them once, after the xor, folds case;
//! - one multiplication by an odd seed searched at build time so that `key * seed >> (64 - bits)` is
//!   collision-free over `2^bits >= 4n` one-byte slots (`bits` grows until a seed is found);
//! - the slot holds an entry index; an entry holds the name's four words in lower case, their case
//!   masks (`0x20` exactly on the letters) and the length; accept iff the length matches and, per word,
//!   `(x | mask) == name` (letters in either case, every other byte exactly).
//!
//! [`LongFloor`], for names of 33 to 64 bytes: the same with eight words, at `0, 8, … 48` (each at most
//! `len - 8`) and `len - 8`, rotated by `0, 16, 32, 48, 8, 24, 40, 56` bits.

const CASE: u64 = 0x2020_2020_2020_2020;

/// A name's words (`W` of them), in lower case, with their case masks.
#[derive(Clone, Copy)]
struct Entry<const W: usize> {
    name: [u64; W],
    mask: [u64; W],
    len: u32,
    value: u32,
}

/// The table for names of `MIN` to `MAX` bytes read as `W` words.
pub struct Perfect<const W: usize, const MIN: usize, const MAX: usize> {
    seed: u64,
    shift: u32,
    slots: Vec<u8>,
    entries: Vec<Entry<W>>,
}

/// Names of at most 32 bytes.
pub type Floor = Perfect<4, 0, 32>;
/// Names of 33 to 64 bytes.
pub type LongFloor = Perfect<8, 33, 64>;

#[inline]
fn word(input: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(input[at..at + 8].try_into().unwrap())
}

/// The words of an input of `MIN..=MAX` bytes (checked by the caller).
#[inline]
fn words<const W: usize>(input: &[u8]) -> [u64; W] {
    let len = input.len();
    let mut w = [0_u64; W];
    if len >= 8 {
        let end = len - 8;
        for (i, w) in w.iter_mut().enumerate().take(W - 1) {
            *w = word(input, (8 * i).min(end));
        }
        w[W - 1] = word(input, end);
    } else if len >= 4 {
        w[0] = u64::from(u32::from_le_bytes(input[..4].try_into().unwrap()));
        w[1] = u64::from(u32::from_le_bytes(input[len - 4..].try_into().unwrap()));
    } else if len > 0 {
        w[0] = u64::from(input[0])
            | (u64::from(input[len / 2]) << 8)
            | (u64::from(input[len - 1]) << 16);
    }
    w
}

#[inline]
fn key<const W: usize>(w: &[u64; W], len: usize) -> u64 {
    let mut x = 0;
    for (i, &w) in w.iter().enumerate() {
        // 0, 16, 32, 48, then 8, 24, 40, 56: whole bytes, every lane a different rotation.
        #[allow(clippy::cast_possible_truncation)]
        let by = ((16 * i + 8 * (i / 4)) % 64) as u32;
        x ^= w.rotate_left(by);
    }
    (x & !CASE) ^ len as u64
}

impl<const W: usize, const MIN: usize, const MAX: usize> Perfect<W, MIN, MAX> {
    /// A table for `names` (`MIN` to `MAX` bytes each, distinct ignoring ASCII case).
    pub fn new(names: &[&str]) -> Self {
        assert!(names.len() <= 256, "one-byte slots");
        let lower: Vec<Vec<u8>> = names
            .iter()
            .map(|name| name.to_ascii_lowercase().into_bytes())
            .collect();
        assert!(lower.iter().all(|n| (MIN..=MAX).contains(&n.len())));
        let keys: Vec<u64> = lower.iter().map(|n| key(&words::<W>(n), n.len())).collect();
        let least = (4 * names.len())
            .next_power_of_two()
            .trailing_zeros()
            .max(1);
        for bits in least..=20 {
            let mut taken = vec![false; 1 << bits];
            for attempt in 0..4096_u64 {
                let seed = attempt
                    .wrapping_add(u64::from(bits) << 32)
                    .wrapping_mul(0x9e37_79b9_7f4a_7c15)
                    | 1;
                #[allow(clippy::cast_possible_truncation)]
                let slot = |key: u64| (key.wrapping_mul(seed) >> (64 - bits)) as usize;
                taken.fill(false);
                let parted = keys
                    .iter()
                    .all(|&key| !std::mem::replace(&mut taken[slot(key)], true));
                if !parted {
                    continue;
                }
                let mut slots = vec![0_u8; 1 << bits];
                for (at, &key) in keys.iter().enumerate() {
                    slots[slot(key)] = u8::try_from(at).unwrap();
                }
                let entries = lower
                    .iter()
                    .zip(0..)
                    .map(|(name, value)| {
                        let name_words = words::<W>(name);
                        Entry {
                            name: name_words,
                            mask: name_words.map(|w| {
                                u64::from_le_bytes(w.to_le_bytes().map(|b| {
                                    if b.is_ascii_lowercase() {
                                        0x20
                                    } else {
                                        0
                                    }
                                }))
                            }),
                            len: u32::try_from(name.len()).unwrap(),
                            value,
                        }
                    })
                    .collect();
                return Perfect {
                    seed,
                    shift: 64 - bits,
                    slots,
                    entries,
                };
            }
        }
        panic!("no seed parts these names");
    }

    /// The index of the name `input` stands for, ignoring ASCII case.
    #[inline]
    pub fn get(&self, input: &[u8]) -> Option<u16> {
        let len = input.len();
        if len < MIN || len > MAX {
            return None;
        }
        let w = words::<W>(input);
        #[allow(clippy::cast_possible_truncation)]
        let slot = (key(&w, len).wrapping_mul(self.seed) >> self.shift) as usize;
        let entry = &self.entries[usize::from(self.slots[slot])];
        let mut diff = u64::from(entry.len) ^ len as u64;
        for ((w, mask), name) in w.iter().zip(&entry.mask).zip(&entry.name) {
            diff |= (w | mask) ^ name;
        }
        // `black_box`: left alone, the optimizer splits the one test into a branch per word, which
        // mispredicts on inputs that match a stored name in some words only.
        #[allow(clippy::cast_possible_truncation)]
        (std::hint::black_box(diff) == 0).then_some(entry.value as u16)
    }
}
