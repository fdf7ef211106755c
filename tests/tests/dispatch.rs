//! The perfect-hash dispatch behind `from_name`. Enums whose names all fit in 64 bytes take the
//! specialised path (four words up to 32 bytes, eight up to 64; one multiplication, one compare);
//! longer names take the general one (five overlapping words, then words past the fortieth byte one by
//! one). Both on names of every length, including names that share everything but one byte; and on
//! the benchmarked enums, where `from_name` must agree with the core's own comparison
//! (`__private::eq_name`) on every name and on 10,000 random misses.

use dynenum_core::DynamicStrEnum;
use dynenum_tests::Rng;
use proptest::prelude::*;

// The benchmarked enums (`tests/benches/support/enums.rs`), with our derive only.
macro_rules! peers {
    ($($variant:ident = $name:literal,)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, dynenum_core::DynamicStrEnum)]
        pub enum Ours { $($variant,)* }
    };
}
macro_rules! registries {
    ($($variant:ident,)*) => {};
}
#[allow(dead_code)]
#[path = "../benches/support/enums.rs"]
mod enums;

/// What `from_name` must return: the variant one of whose names the core's comparison finds equal to
/// `input`, by a linear scan.
fn reference<E: DynamicStrEnum>(input: &str) -> Option<E> {
    E::VARIANTS.iter().copied().find(|variant| {
        std::iter::once(variant.as_str())
            .chain(variant.aliases().iter().copied())
            .any(|name| dynenum_core::__private::eq_name::<E>(name, input))
    })
}

/// A random input near the names: a name with one byte changed, inserted or removed, its case bits
/// flipped on a non-letter, cut or extended, or random bytes of a name's length.
fn near(names: &[&str], rng: &mut Rng) -> Vec<u8> {
    const ODD: &[u8] = b"_-. @`[{0aZz\x7f\0\xc3\xa9";
    let mut bytes = names[rng.below(names.len())].as_bytes().to_vec();
    let at = rng.below(bytes.len());
    match rng.below(6) {
        0 => bytes[at] = ODD[rng.below(ODD.len())],
        1 => bytes.insert(at, ODD[rng.below(ODD.len())]),
        2 => {
            bytes.remove(at);
        }
        3 => bytes[at] ^= 0x20,
        4 => bytes.truncate(at),
        _ => {
            let len = bytes.len() + rng.below(3);
            bytes = (0..len)
                .map(|_| b"abcdefghijklmnopqrstuvwxyz_0123456789"[rng.below(37)])
                .collect();
        }
    }
    bytes
}

/// Every name parses, in any case, to its variant, as the core's comparison says; and 10,000 random
/// near misses (and the near hits drawn on the way) parse exactly as the comparison finds a name.
fn agrees_with_the_core<E: DynamicStrEnum + PartialEq + std::fmt::Debug>(seed: u64) {
    for (&variant, &name) in E::VARIANTS.iter().zip(E::NAMES) {
        for input in [
            name.to_owned(),
            name.to_ascii_uppercase(),
            name.char_indices()
                .map(|(at, c)| {
                    if at % 2 == 0 {
                        c.to_ascii_uppercase()
                    } else {
                        c
                    }
                })
                .collect(),
        ] {
            assert_eq!(E::from_name(&input), Some(variant), "{input}");
            assert_eq!(reference::<E>(&input), Some(variant), "{input}");
        }
    }
    let mut rng = Rng::new(seed);
    let mut misses = 0;
    while misses < 10_000 {
        let bytes = near(E::NAMES, &mut rng);
        let input = String::from_utf8_lossy(&bytes);
        let expected = reference::<E>(&input);
        misses += usize::from(expected.is_none());
        assert_eq!(E::from_name(&input), expected, "{input:?}");
    }
}

#[test]
fn bench_enums_agree_with_the_core_on_every_name_and_10k_misses() {
    use enums::{long, n16, n256, n4, n64};
    agrees_with_the_core::<n4::Ours>(4);
    agrees_with_the_core::<n16::Ours>(16);
    agrees_with_the_core::<n64::Ours>(64);
    agrees_with_the_core::<n256::Ours>(256);
    agrees_with_the_core::<long::Ours>(33);
}

proptest! {
    #[test]
    fn any_input_parses_as_the_core_compares(input in "[a-zA-Z_ @`-]{0,40}|\\PC{0,70}") {
        prop_assert_eq!(
            enums::n64::Ours::from_name(&input),
            reference::<enums::n64::Ours>(&input)
        );
        prop_assert_eq!(
            enums::long::Ours::from_name(&input),
            reference::<enums::long::Ours>(&input)
        );
        prop_assert_eq!(Short::from_name(&input), reference::<Short>(&input));
    }
}

/// Every length the specialised path reads differently (one word under four bytes, two `u32`s under
/// eight, overlapping words up to 32 bytes), with aliases and names that differ in one byte only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum Short {
    #[dynenum(rename = "a", alias = "b")]
    L1,
    #[dynenum(rename = "ab")]
    L2,
    #[dynenum(rename = "abc", alias = "a_c")]
    L3,
    #[dynenum(rename = "abcd")]
    L4,
    #[dynenum(rename = "abcdefg")]
    L7,
    #[dynenum(rename = "abcdefgh")]
    L8,
    #[dynenum(rename = "abcdefghi")]
    L9,
    #[dynenum(rename = "abcdefghijklmnop")]
    L16,
    #[dynenum(rename = "abcdefghijklmnopq")]
    L17,
    #[dynenum(rename = "openai_chat_completions_stream_")]
    L31,
    #[dynenum(
        rename = "openai_chat_completions_stream_1",
        alias = "openai_chat_completions_stream_2"
    )]
    L32,
}

/// Names of 33 to 64 bytes: the eight-word specialised path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum Medium {
    #[dynenum(rename = "x")]
    L1,
    #[dynenum(rename = "abcdefghijklmnopqrstuvwxyz_abcdefg")]
    L33,
    #[dynenum(rename = "abcdefghijklmnopqrstuvwxyz_abcdefghijklmnopqrstuvwxyz_abcdefghi")]
    L63,
    #[dynenum(rename = "abcdefghijklmnopqrstuvwxyz_abcdefghijklmnopqrstuvwxyz_abcdefghij")]
    L64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum Lengths {
    #[dynenum(rename = "a")]
    L1,
    #[dynenum(rename = "ab")]
    L2,
    #[dynenum(rename = "abc")]
    L3,
    #[dynenum(rename = "abcd")]
    L4,
    #[dynenum(rename = "abcdefg")]
    L7,
    #[dynenum(rename = "abcdefgh")]
    L8,
    #[dynenum(rename = "abcdefghi")]
    L9,
    #[dynenum(rename = "openai_chat_completions")]
    L23,
    #[dynenum(rename = "azure_openai_chat_completions_stream_v1")]
    L39,
    #[dynenum(rename = "azure_openai_chat_completions_stream_v12")]
    L40,
    #[dynenum(rename = "azure_openai_chat_completions_stream_v123")]
    L41,
    #[dynenum(rename = "google_vertex_ai_generative_language_chat_completions_v1beta")]
    Long1,
    #[dynenum(rename = "google_vertex_ai_generative_language_text_completions_v1beta")]
    Long2,
    #[dynenum(
        rename = "a_very_long_endpoint_name_that_goes_on_and_on_well_past_one_hundred_bytes_to_test_the_tail_words"
    )]
    Long3,
}

#[test]
fn every_name_parses_in_every_case_and_every_changed_byte_misses() {
    every_changed_byte_misses::<Short>();
    every_changed_byte_misses::<Medium>();
    every_changed_byte_misses::<Lengths>();
    assert_eq!(Short::from_name("B"), Some(Short::L1));
    assert_eq!(Short::from_name("A_C"), Some(Short::L3));
    assert_eq!(Short::from_name("a-c"), None);
    assert_eq!(
        Short::from_name("OPENAI_CHAT_COMPLETIONS_STREAM_2"),
        Some(Short::L32)
    );
    assert_eq!(Short::from_name("openai_chat_completions_stream_3"), None);
}

fn every_changed_byte_misses<E: DynamicStrEnum + PartialEq + std::fmt::Debug>() {
    for (&variant, &name) in E::VARIANTS.iter().zip(E::NAMES) {
        assert_eq!(E::from_name(name), Some(variant), "{name}");
        assert_eq!(
            E::from_name(&name.to_ascii_uppercase()),
            Some(variant),
            "{name}"
        );
        let mut bytes = name.as_bytes().to_vec();
        for at in 0..bytes.len() {
            let original = bytes[at];
            for replacement in [b'#', b'\0', original ^ 0x20, original.wrapping_add(1)] {
                if replacement.eq_ignore_ascii_case(&original) {
                    continue;
                }
                bytes[at] = replacement;
                let changed = String::from_utf8_lossy(&bytes).into_owned();
                // A miss, unless it makes another name (`a` → `b`, an alias, in `Short`).
                assert_eq!(
                    E::from_name(&changed),
                    reference::<E>(&changed),
                    "{changed:?}"
                );
            }
            bytes[at] = original;
        }
        // One byte more or less.
        assert_eq!(E::from_name(&format!("{name}\0")), None);
        assert_eq!(E::from_name(&format!("{name}s")), None);
        let shorter = &name[..name.len() - 1];
        assert_eq!(E::from_name(shorter), reference::<E>(shorter), "{shorter}");
    }
    assert_eq!(E::from_name(""), None);
}

/// Names that are one letter repeated: every name of eight bytes or more reads as the same four
/// words, so only the length tells them apart (and any slot leads to an entry whose words match).
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum Repeats4 {
    #[dynenum(rename = "aa")]
    A2,
    #[dynenum(rename = "aaaa")]
    A4,
    #[dynenum(rename = "aaaaaa")]
    A6,
    #[dynenum(rename = "aaaaaaaa")]
    A8,
    #[dynenum(rename = "aaaaaaaaaa")]
    A10,
    #[dynenum(rename = "aaaaaaaaaaaa")]
    A12,
    #[dynenum(rename = "aaaaaaaaaaaaaa")]
    A14,
    #[dynenum(rename = "aaaaaaaaaaaaaaaa")]
    A16,
    #[dynenum(rename = "aaaaaaaaaaaaaaaaaa")]
    A18,
    #[dynenum(rename = "aaaaaaaaaaaaaaaaaaaa")]
    A20,
    #[dynenum(rename = "aaaaaaaaaaaaaaaaaaaaaa")]
    A22,
    #[dynenum(rename = "aaaaaaaaaaaaaaaaaaaaaaaa")]
    A24,
    #[dynenum(rename = "aaaaaaaaaaaaaaaaaaaaaaaaaa")]
    A26,
    #[dynenum(rename = "aaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    A28,
    #[dynenum(rename = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    A30,
    #[dynenum(rename = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    A32,
}

/// The same over 32 bytes: eight words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum Repeats8 {
    #[dynenum(rename = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    A34,
    #[dynenum(rename = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    A36,
    #[dynenum(rename = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    A38,
    #[dynenum(rename = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    A40,
    #[dynenum(rename = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    A42,
    #[dynenum(rename = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    A44,
    #[dynenum(rename = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    A46,
    #[dynenum(rename = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    A48,
    #[dynenum(rename = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    A50,
    #[dynenum(rename = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    A52,
    #[dynenum(rename = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    A54,
    #[dynenum(rename = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    A56,
    #[dynenum(rename = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    A58,
    #[dynenum(rename = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    A60,
    #[dynenum(rename = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    A62,
    #[dynenum(rename = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    A64,
}

#[test]
fn names_with_the_same_words_are_told_apart_by_their_length() {
    for len in 0..=72 {
        let input = "A".repeat(len);
        let expected4 = (len % 2 == 0 && (2..=32).contains(&len)).then_some(len);
        let expected8 = (len % 2 == 0 && (34..=64).contains(&len)).then_some(len);
        assert_eq!(
            Repeats4::from_name(&input).map(|v| v.as_str().len()),
            expected4,
            "{len}"
        );
        assert_eq!(
            Repeats8::from_name(&input).map(|v| v.as_str().len()),
            expected8,
            "{len}"
        );
    }
}

/// Over sixteen variants with default discriminants, `from_name`, `as_str`, `aliases` and
/// `description` read tables indexed by the variant's position rather than matching on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum Wide {
    V0,
    /// One.
    V1,
    #[dynenum(alias = "two", alias = "deux")]
    V2,
    V3,
    V4,
    /// Five.
    #[dynenum(rename = "five")]
    V5,
    V6,
    V7,
    V8,
    V9,
    V10,
    V11,
    V12,
    V13,
    V14,
    V15,
    V16,
    #[dynenum(alias = "seventeen")]
    V17,
    V18,
    /// Last.
    V19,
}

#[test]
fn wide_enums_map_every_name_and_value_to_its_own_variant() {
    assert_eq!(Wide::COUNT, 20);
    for (at, &variant) in Wide::VARIANTS.iter().enumerate() {
        assert_eq!(variant as usize, at);
        let name = variant.as_str();
        assert_eq!(name, Wide::NAMES[at]);
        assert_eq!(Wide::from_name(name), Some(variant));
        assert_eq!(Wide::from_name(&name.to_ascii_uppercase()), Some(variant));
        for alias in variant.aliases() {
            assert_eq!(Wide::from_name(alias), Some(variant), "{alias}");
        }
    }
    assert_eq!(Wide::V5.as_str(), "five");
    assert_eq!(Wide::V2.aliases(), ["two", "deux"]);
    assert_eq!(Wide::V17.aliases(), ["seventeen"]);
    assert!(Wide::V16.aliases().is_empty());
    assert_eq!(Wide::V1.description(), Some("One."));
    assert_eq!(Wide::V5.description(), Some("Five."));
    assert_eq!(Wide::V19.description(), Some("Last."));
    assert_eq!(Wide::V0.description(), None);
    assert_eq!(Wide::from_name("DEUX"), Some(Wide::V2));
    assert_eq!(Wide::from_name("v20"), None);
    assert_eq!(Wide::from_name("v5"), None);
}
