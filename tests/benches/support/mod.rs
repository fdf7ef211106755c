//! What every bench shares: the generated enums (ours and every peer), shuffled input batches, the
//! hand-written perfect-hash floor, criterion's settings and the per-operation report.

// Every bench target compiles this module and uses a different part of it.
#![allow(dead_code)]

pub mod floor;
pub mod plugin_names;
pub mod report;
pub mod rounds;

use std::collections::HashMap;

use criterion::Criterion;

/// Derives, from one list of `Variant = "name"`: ours (`Ours`), strum case-sensitive (`StrumExact`,
/// which also gives the peers of `as_str`, `Display` and `Hash`), strum `ascii_case_insensitive`
/// (`StrumCaseless`), strum with `use_phf` (`StrumPhf`), a serde enum
/// (`Serde`), an exact-case `match` (`exact_match`), and the names in order (`NAMES`).
macro_rules! peers {
    ($($variant:ident = $name:literal,)*) => {
        /// Ours: case-insensitive, with a dynamic fallback.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, dynenum_core::DynamicStrEnum)]
        pub enum Ours { $($variant,)* }

        /// strum's `EnumString`, case-sensitive; `AsRefStr`, `Display` and a derived `Hash` as peers.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::EnumString, strum::AsRefStr, strum::Display)]
        #[strum(serialize_all = "snake_case")]
        pub enum StrumExact { $($variant,)* }

        /// strum's `EnumString` with `ascii_case_insensitive`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumString)]
        #[strum(serialize_all = "snake_case", ascii_case_insensitive)]
        pub enum StrumCaseless { $($variant,)* }

        /// strum's `EnumString` with `use_phf` (its `phf` feature), case-sensitive: with
        /// `ascii_case_insensitive` too, strum 0.28 puts every lower-case name in its map twice and
        /// `phf_map!` rejects the duplicate key.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumString)]
        #[strum(serialize_all = "snake_case", use_phf)]
        pub enum StrumPhf { $($variant,)* }

        /// A plain serde enum (case-sensitive).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Serde { $($variant,)* }

        /// The names, in declaration order.
        pub const NAMES: &[&str] = &[$($name,)*];

        /// An exact-case `match` on the string: what the compiler makes of it.
        #[inline(never)]
        pub fn exact_match(name: &str) -> Option<Ours> {
            match name {
                $($name => Some(Ours::$variant),)*
                _ => None,
            }
        }

        /// Checks that every peer derived the names `NAMES` lists.
        pub fn check() {
            use dynenum_core::DynamicStrEnum as _;
            assert_eq!(Ours::NAMES, NAMES);
            $(
                assert_eq!(StrumExact::$variant.as_ref(), $name);
                assert_eq!($name.parse::<StrumCaseless>().ok(), Some(StrumCaseless::$variant));
                assert_eq!($name.parse::<StrumPhf>().ok(), Some(StrumPhf::$variant));
                assert_eq!(
                    serde_json::from_str::<Serde>(concat!("\"", $name, "\"")).ok(),
                    Some(Serde::$variant)
                );
            )*
        }
    };
}

/// Two more copies of an enum, for the registry benches (a registry is per enum): one gets 10
/// registered names, the other 10,000.
macro_rules! registries {
    ($($variant:ident,)*) => {
        /// The enum whose registry holds 10 names.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, dynenum_core::DynamicStrEnum)]
        pub enum OursR10 { $($variant,)* }

        /// The enum whose registry holds 10,000 names.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, dynenum_core::DynamicStrEnum)]
        pub enum OursR10k { $($variant,)* }
    };
}

pub mod enums;

/// How many inputs one measured iteration goes through: every figure is the time of a shuffled batch
/// divided by this. The batch is long so that the branch predictor can't learn its order (it learns a
/// repeated sequence of a thousand inputs well enough to flatter branchy parsers); its inputs point
/// into a few hundred distinct strings, so they stay in cache as they would in a real parser's loop.
pub const BATCH: usize = 16_384;

/// The kinds of input each parser is measured on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The names as declared.
    Canonical,
    /// The names in UPPER case.
    Upper,
    /// The names in Title or random mixed case.
    Mixed,
    /// Names of the same lengths that are not in the enum.
    Miss,
    /// The names with the last byte changed.
    NearMiss,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Canonical,
        Kind::Upper,
        Kind::Mixed,
        Kind::Miss,
        Kind::NearMiss,
    ];

    /// Whether the input is a name of the enum.
    pub fn hit(self) -> bool {
        matches!(self, Kind::Canonical | Kind::Upper | Kind::Mixed)
    }

    pub fn label(self) -> &'static str {
        match self {
            Kind::Canonical => "canonical",
            Kind::Upper => "upper",
            Kind::Mixed => "mixed",
            Kind::Miss => "miss",
            Kind::NearMiss => "near_miss",
        }
    }
}

/// The crate's one generator (splitmix64), so every run measures the same batches.
pub use dynenum_tests::Rng;

/// `BATCH` items: `source` repeated in order until full, then shuffled.
pub fn batch<T: Clone>(source: &[T], rng: &mut Rng) -> Vec<T> {
    let mut out: Vec<T> = source.iter().cycle().take(BATCH).cloned().collect();
    rng.shuffle(&mut out);
    out
}

/// One name in Title or random mixed case (never all lower, so a case-sensitive parser misses).
fn recase(name: &str, rng: &mut Rng) -> String {
    let cased: String = match rng.below(2) {
        0 => name
            .split('_')
            .map(|word| {
                let mut chars = word.chars();
                chars.next().map_or_else(String::new, |first| {
                    first.to_ascii_uppercase().to_string() + chars.as_str()
                })
            })
            .collect::<Vec<_>>()
            .join("_"),
        _ => name
            .chars()
            .map(|c| {
                if rng.below(2) == 0 {
                    c.to_ascii_uppercase()
                } else {
                    c
                }
            })
            .collect(),
    };
    if cased == name {
        name.to_ascii_uppercase()
    } else {
        cased
    }
}

/// The name with its last byte replaced by another letter, never a name of the enum.
fn near_miss(name: &str, names: &[&str]) -> String {
    let mut bytes = name.as_bytes().to_vec();
    let last = bytes.len() - 1;
    for candidate in b"xqzjkw".iter().copied() {
        bytes[last] = candidate;
        if bytes != name.as_bytes()
            && !names
                .iter()
                .any(|n| n.eq_ignore_ascii_case(std::str::from_utf8(&bytes).unwrap()))
        {
            return String::from_utf8(bytes).unwrap();
        }
    }
    unreachable!("some letter makes a miss")
}

/// The shuffled batch of `kind` inputs for an enum with these names and misses (leaked: they live as
/// long as the bench).
pub fn inputs(names: &[&str], misses: &[&str], kind: Kind, seed: u64) -> Vec<&'static str> {
    let mut rng = Rng::new(seed);
    let source: Vec<String> = match kind {
        Kind::Canonical => names.iter().map(|&n| n.to_owned()).collect(),
        Kind::Upper => names.iter().map(|n| n.to_ascii_uppercase()).collect(),
        Kind::Mixed => {
            // Several casings of each name.
            (0..4)
                .flat_map(|_| names.iter())
                .map(|n| recase(n, &mut rng))
                .collect()
        }
        Kind::Miss => misses.iter().map(|&n| n.to_owned()).collect(),
        Kind::NearMiss => names.iter().map(|n| near_miss(n, names)).collect(),
    };
    // At least 64 distinct allocations: with only four strings, one whose address happens to alias a
    // stack slot of the loop (same low 12 bits) slowed a whole cell by 2-3x in one binary and not in
    // the next; copies at other addresses dilute that to a fraction of the inputs.
    let copies = (64 + source.len() - 1) / source.len().max(1);
    let source: Vec<&'static str> = (0..copies)
        .flat_map(|_| source.iter().map(|s| leak(s.clone())))
        .collect();
    batch(&source, &mut rng)
}

/// A string that lives as long as the bench.
pub fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// The batch as JSON strings, for the serde benches (one string per distinct input).
pub fn json(inputs: &[&'static str]) -> Vec<&'static str> {
    let mut quoted: HashMap<&str, &'static str> = HashMap::new();
    inputs
        .iter()
        .map(|&s| *quoted.entry(s).or_insert_with(|| leak(format!("\"{s}\""))))
        .collect()
}

/// What users write by hand: a map from lower-case names.
pub fn lowercase_map<E: Copy>(names: &[&str], variants: &[E]) -> HashMap<String, E> {
    names
        .iter()
        .zip(variants)
        .map(|(n, &v)| (n.to_ascii_lowercase(), v))
        .collect()
}

/// Modest settings: the whole `cargo bench -p dynenum-tests` stays well under 15 minutes.
pub fn criterion() -> Criterion {
    Criterion::default()
        .warm_up_time(std::time::Duration::from_millis(400))
        .measurement_time(std::time::Duration::from_millis(1500))
        .sample_size(30)
        .without_plots()
        .output_directory(&report::output_dir())
        .configure_from_args()
}
