//! `Member::from_str` of registered names against a naive model, on every kind of table the derive
//! builds: the four-word table (whose miss hands the registry the words it read), the eight-word
//! one, the general one (`ignore_separators`, with `_` and with `-` stored), and the styles that store
//! names upper case or as given (so the registry folds the stored words too). The registered names
//! are hostile: every length from 1 to 44 bytes around the word boundaries, letters next to the bytes
//! that differ from them only in the case bit (`@` and `` ` ``, `[` and `{`, `_` and DEL's
//! neighbours), digits, and UTF-8.

use std::collections::HashMap;
use std::str::FromStr;
use std::sync::OnceLock;

use dynenum_core::{DynamicStrEnum, Member, NameError};
use dynenum_tests::Rng;
use proptest::prelude::*;

/// Names up to 32 bytes: the four-word table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum Short {
    OpenaiChat,
    AnthropicChat,
    HfTgi,
}

/// A name of 33 to 64 bytes: the eight-word table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum Long {
    OpenaiChat,
    AnOpenaiCompatibleChatCompletionsEndpoint,
}

/// Separators ignored: the general table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(ignore_separators)]
enum Seps {
    OpenaiChat,
    AnthropicChat,
}

/// Stored upper case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(rename_all = "SCREAMING_SNAKE_CASE")]
enum Screaming {
    OpenaiChat,
    AnthropicChat,
}

/// Stored as first given (`PascalCase` keeps case).
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(rename_all = "PascalCase")]
enum Pascal {
    OpenaiChat,
    AnthropicChat,
}

/// Separators ignored and `-` the stored one: the registry folds the stored words too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(rename_all = "kebab-case", ignore_separators)]
enum Kebab {
    OpenaiChat,
    AnthropicChat,
}

/// Characters that stress a case-insensitive compare: letters, and the bytes one case bit away from
/// something else.
const ALPHABET: [&str; 20] = [
    "a", "Z", "q", "@", "`", "[", "{", "]", "}", "_", "-", " ", "0", "9", "^", "~", "é", "É", "ß",
    "日",
];

/// The corpus: names of every byte length from 1 to 44 (past both the four-word reading at 32 and
/// the five-word one at 40), several of each, none padded with whitespace.
fn corpus() -> Vec<String> {
    let mut rng = Rng::new(0x2545_f491_4f6c_dd1d);
    let mut names = Vec::new();
    for target in 1..=44 {
        for _ in 0..12 {
            let mut name = String::from("p");
            while name.len() < target {
                let piece = ALPHABET[rng.below(ALPHABET.len())];
                if name.len() + piece.len() <= target {
                    name.push_str(piece);
                } else {
                    name.push('x');
                }
            }
            let name = name.trim_end().to_owned();
            if !name.is_empty() {
                names.push(name);
            }
        }
    }
    names
}

/// How the enum's rule compares names: ASCII case ignored, and `-`, `_` and ` ` alike under
/// `ignore_separators`.
fn model_key(name: &str, ignore_separators: bool) -> String {
    name.chars()
        .map(|c| match c.to_ascii_lowercase() {
            '-' | ' ' if ignore_separators => '_',
            other => other,
        })
        .collect()
}

/// Registers the corpus once for `E` and returns the model: rule key to the registered member's name.
fn registered<E: DynamicStrEnum>(
    cell: &'static OnceLock<HashMap<String, String>>,
) -> &'static HashMap<String, String> {
    let ignore = E::__META.separators.is_some();
    cell.get_or_init(|| {
        let mut model = HashMap::new();
        for name in corpus() {
            match E::registry().register(&name) {
                Ok(member) => {
                    let previous =
                        model.insert(model_key(&name, ignore), member.as_str().to_owned());
                    if let Some(previous) = previous {
                        assert_eq!(
                            previous,
                            member.as_str(),
                            "one member per name under the rule"
                        );
                    }
                }
                Err(NameError::Builtin(_)) => {}
                Err(other) => panic!("{name:?} refused: {other}"),
            }
        }
        model
    })
}

/// Flips the ASCII case of the letters `bits` selects, and, when `flip_other`, the case bit of one
/// non-letter ASCII byte (chosen by `bits`) whose flip stays printable and not a letter: the input
/// then hashes like the name (the index's key ignores that bit) and only the compare can tell them
/// apart, wherever in the name the byte is.
fn variant_of(name: &str, bits: u64, flip_other: bool) -> String {
    let mut chars: Vec<char> = name
        .chars()
        .enumerate()
        .map(|(i, c)| {
            if c.is_ascii_alphabetic() && bits >> (i % 64) & 1 == 1 {
                char::from(c as u8 ^ 0x20)
            } else {
                c
            }
        })
        .collect();
    let flippable = |c: char| {
        let other = c as u32 ^ 0x20;
        c.is_ascii()
            && !c.is_ascii_alphabetic()
            && (0x21..0x7f).contains(&other)
            && !char::from_u32(other).is_some_and(|o| o.is_ascii_alphabetic())
    };
    let candidates: Vec<usize> = (0..chars.len()).filter(|&i| flippable(chars[i])).collect();
    if flip_other && !candidates.is_empty() {
        let at = candidates
            [usize::try_from(bits.rotate_left(17) % candidates.len() as u64).unwrap_or(0)];
        chars[at] = char::from(chars[at] as u8 ^ 0x20);
    }
    chars.into_iter().collect()
}

fn check<E: DynamicStrEnum>(
    cell: &'static OnceLock<HashMap<String, String>>,
    pick: prop::sample::Index,
    bits: u64,
    flip_other: bool,
    cut: usize,
) -> Result<(), TestCaseError> {
    let model = registered::<E>(cell);
    let ignore = E::__META.separators.is_some();
    let names = corpus();
    let name = &names[pick.index(names.len())];
    let mut input = variant_of(name, bits, flip_other);
    // Sometimes one byte short or long: the same words, another length.
    match cut % 4 {
        1 if input.is_char_boundary(input.len() - 1) && input.len() > 1 => {
            input.pop();
        }
        2 => input.push('x'),
        _ => {}
    }
    let expected = if E::from_name(&input).is_some() {
        None
    } else {
        model.get(&model_key(&input, ignore))
    };
    let parsed = Member::<E>::from_str(&input);
    if let Some(stored) = expected {
        let member = parsed.map_err(|e| TestCaseError::fail(format!("{input:?}: {e}")))?;
        let dynamic = member
            .dynamic()
            .ok_or_else(|| TestCaseError::fail("not dynamic"))?;
        prop_assert!(dynamic.is_registered(), "{input:?} parsed unregistered");
        prop_assert_eq!(dynamic.as_str(), stored.as_str(), "{:?}", input);
        let got = E::registry().get(&input).map(|m| m.as_str().to_owned());
        prop_assert_eq!(got.as_deref(), Some(stored.as_str()));
    } else {
        if let Ok(member) = parsed {
            prop_assert!(
                member.dynamic().map_or(true, |d| !d.is_registered()),
                "{input:?} parsed as registered {:?}",
                member.as_str()
            );
        }
        prop_assert!(E::from_name(&input).is_some() || E::registry().get(&input).is_none());
    }
    Ok(())
}

static SHORT: OnceLock<HashMap<String, String>> = OnceLock::new();
static LONG: OnceLock<HashMap<String, String>> = OnceLock::new();
static SEPS: OnceLock<HashMap<String, String>> = OnceLock::new();
static SCREAMING: OnceLock<HashMap<String, String>> = OnceLock::new();
static PASCAL: OnceLock<HashMap<String, String>> = OnceLock::new();
static KEBAB: OnceLock<HashMap<String, String>> = OnceLock::new();

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    #[test]
    fn registered_parse_agrees_with_the_model_on_every_table(
        pick in any::<prop::sample::Index>(),
        bits in any::<u64>(),
        flip_other in any::<bool>(),
        cut in 0_usize..4,
    ) {
        check::<Short>(&SHORT, pick, bits, flip_other, cut)?;
        check::<Long>(&LONG, pick, bits, flip_other, cut)?;
        check::<Seps>(&SEPS, pick, bits, flip_other, cut)?;
        check::<Screaming>(&SCREAMING, pick, bits, flip_other, cut)?;
        check::<Pascal>(&PASCAL, pick, bits, flip_other, cut)?;
        check::<Kebab>(&KEBAB, pick, bits, flip_other, cut)?;
    }
}

/// Every registered name, in upper, lower and its own case, on every table: the exhaustive half of
/// the property above.
#[test]
fn every_registered_name_parses_in_any_ascii_case_on_every_table() {
    fn all<E: DynamicStrEnum>(cell: &'static OnceLock<HashMap<String, String>>) {
        let model = registered::<E>(cell);
        let ignore = E::__META.separators.is_some();
        assert!(model.len() > 300, "{} names registered", model.len());
        for name in corpus() {
            let Some(stored) = model.get(&model_key(&name, ignore)) else {
                continue;
            };
            for input in [
                name.clone(),
                name.to_ascii_uppercase(),
                name.to_ascii_lowercase(),
            ] {
                let member = Member::<E>::from_str(&input).unwrap();
                let dynamic = member.dynamic().unwrap();
                assert!(dynamic.is_registered(), "{input:?}");
                assert_eq!(dynamic.as_str(), stored, "{input:?}");
            }
        }
    }
    all::<Short>(&SHORT);
    all::<Long>(&LONG);
    all::<Seps>(&SEPS);
    all::<Screaming>(&SCREAMING);
    all::<Pascal>(&PASCAL);
    all::<Kebab>(&KEBAB);
}

/// A variant removed by `#[cfg]` leaves its name in the four-word table, where the lookup finds it
/// but no variant answers: the parse must then go on to the registry, which may hold that name.
#[test]
fn a_name_whose_variant_is_cfgd_out_parses_from_the_registry() {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    enum Cfgd {
        OpenaiChat,
        #[cfg(any())]
        Hidden,
        AnthropicChat,
    }
    assert_eq!(Cfgd::from_name("hidden"), None);
    assert!(Member::<Cfgd>::from_str("HIDDEN")
        .unwrap()
        .dynamic()
        .is_some_and(|d| !d.is_registered()));
    let registered = Cfgd::registry().register("Hidden").unwrap();
    for input in ["hidden", "HIDDEN", "hIdDeN"] {
        let member = Member::<Cfgd>::from_str(input).unwrap();
        assert_eq!(member.dynamic(), Some(&registered), "{input:?}");
        assert!(registered.is_registered());
    }
    assert_eq!(
        Member::<Cfgd>::from_str("Anthropic_Chat").unwrap(),
        Cfgd::AnthropicChat
    );
}
