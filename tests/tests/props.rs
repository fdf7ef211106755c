//! One property per invariant of DESIGN.md ("Invariants"), on a small and a large enum, with and
//! without `ignore_separators`. Invariant 4 (compile errors) is for ui-tests; 5 (iteration honours
//! `#[cfg]`) is pinned by examples in `parse.rs` and `seed.rs`; 6's allocation half is in `alloc.rs`.

use std::cmp::Ordering;
use std::collections::hash_map::DefaultHasher;
use std::fmt::Debug;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use dynenum_core::{Caseless, DynamicMember, DynamicStrEnum, Member, NameError, ParseError};
use dynenum_tests::{all_names, naive_from_name, naive_is_valid_name, Big, Small};
use proptest::prelude::*;
use proptest::sample::Index;

/// An enum that ignores separators, in a style that stores them as `-`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(rename_all = "kebab-case", ignore_separators)]
enum Sep {
    OpenaiChat,
    #[dynenum(alias = "claude", alias = "anthropic messages")]
    AnthropicChat,
    #[dynenum(rename = "hf_tgi")]
    HuggingFaceTgi,
    A,
}

/// An enum whose dynamic names keep the case they are given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(rename_all = "PascalCase", max_len = 12)]
enum Keep {
    OpenaiChat,
    #[dynenum(alias = "Ü")]
    Uber,
}

/// Only registered names parse as members; this file's properties are the only ones that register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(dynamic = "registered")]
enum Registered {
    Postgres,
}

/// No built-in members at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum Empty {}

/// FNV-1a, 64 bits: a second `Hasher` that, unlike `SipHash`, feeds every byte straight through.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// The hashes of a value with `DefaultHasher` and with FNV.
fn hashes<T: Hash + ?Sized>(value: &T) -> (u64, u64) {
    let mut sip = DefaultHasher::new();
    value.hash(&mut sip);
    let mut fnv = Fnv::default();
    value.hash(&mut fnv);
    (sip.finish(), fnv.finish())
}

/// `name` with its ASCII letters in the case the bits say (cycling through the 64 bits).
fn with_case(name: &str, bits: u64) -> String {
    name.chars()
        .enumerate()
        .map(|(i, c)| {
            if bits >> (i % 64) & 1 == 1 {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// `name` with each separator replaced by the one the trits say.
fn with_separators(name: &str, mut choice: u64) -> String {
    name.chars()
        .map(|c| {
            if matches!(c, '-' | '_' | ' ') {
                let sep = ['-', '_', ' '][usize::try_from(choice % 3).unwrap()];
                choice /= 3;
                sep
            } else {
                c
            }
        })
        .collect()
}

/// How the naive reference sees a name: ASCII lower case, and separators as `_` if they are ignored.
fn naive_key(name: &str, ignore_separators: bool) -> String {
    name.chars()
        .map(|c| match c {
            '-' | ' ' if ignore_separators => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// Characters for random and mutated names: ASCII letters in both cases, separators, digits, control
/// and whitespace characters, and non-ASCII letters that Unicode (not ASCII) case-folds onto others or
/// onto ASCII (`K` Kelvin sign and `ſ` long s fold to `k` and `s`).
const ALPHABET: [char; 20] = [
    'a', 'A', 'k', 'K', 's', 'S', 'z', '_', '-', ' ', '0', '7', 'é', 'É', 'ß', 'ж', 'Ж',
    '\u{212A}', 'ſ', '\t',
];

/// Random short names from [`ALPHABET`].
fn alphabet_string(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(&ALPHABET[..]), 0..=max)
        .prop_map(|chars| chars.into_iter().collect())
}

/// A name of `E` (canonical or alias), cased at random, then edited zero to two times.
fn mutated_name<E: DynamicStrEnum>() -> impl Strategy<Value = String> {
    let names: Vec<&'static str> = all_names::<E>().into_iter().map(|(n, _)| n).collect();
    (
        any::<Index>(),
        any::<u64>(),
        prop::collection::vec(
            (0_u8..3, any::<Index>(), prop::sample::select(&ALPHABET[..])),
            0..=2,
        ),
    )
        .prop_map(move |(pick, bits, edits)| {
            let mut chars: Vec<char> = with_case(names[pick.index(names.len())], bits)
                .chars()
                .collect();
            for (op, at, c) in edits {
                match op {
                    0 if !chars.is_empty() => {
                        chars.remove(at.index(chars.len()));
                    }
                    1 => chars.insert(at.index(chars.len() + 1), c),
                    2 if !chars.is_empty() => {
                        let at = at.index(chars.len());
                        chars[at] = c;
                    }
                    _ => {}
                }
            }
            chars.into_iter().collect()
        })
}

/// Any text: arbitrary Unicode, names of `E` with edits, or short strings over [`ALPHABET`].
fn any_text<E: DynamicStrEnum>() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        mutated_name::<E>(),
        alphabet_string(8),
        "[a-zA-Z0-9_\\- ]{0,20}",
    ]
}

/// Valid names that are most likely not built-in.
fn valid_name() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9]",
        "[a-zA-Z0-9éßЖ][a-zA-Z0-9éÉßж_\\- .]{0,10}[a-zA-Z0-9éÉßж_\\-]",
        "[a-z]{1,4}[\\-_ ][a-z]{1,4}",
        // Longer than the 32-byte chunks names are hashed in.
        "[a-zA-Z][a-zA-Z_\\-]{30,80}[a-z]",
    ]
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// ---- Invariant 1: case ----------------------------------------------------------------------------

fn check_any_case_parses<E>(pick: Index, bits: u64, seps: u64, ignore_separators: bool)
where
    E: DynamicStrEnum + Debug + FromStr<Err = ParseError> + PartialEq<str> + PartialEq<String>,
    str: PartialEq<E>,
    String: PartialEq<E>,
{
    let names = all_names::<E>();
    let (name, variant) = names[pick.index(names.len())];
    let mut text = with_case(name, bits);
    if ignore_separators {
        text = with_separators(&text, seps);
    }
    assert_eq!(E::from_name(&text), Some(variant), "{text:?}");
    assert_eq!(text.parse::<E>().unwrap(), variant);
    assert_eq!(text.parse::<Member<E>>().unwrap(), Member::Builtin(variant));
    if name == variant.as_str() {
        assert!(variant == *text.as_str(), "{text:?}");
        assert!(*text.as_str() == variant, "{text:?}");
        assert!(variant == text, "{text:?}");
        assert!(text == variant, "{text:?}");
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_ascii_case_of_any_name_parses_to_its_variant(
        pick in any::<Index>(),
        bits in any::<u64>(),
        seps in any::<u64>(),
    ) {
        check_any_case_parses::<Small>(pick, bits, seps, false);
        check_any_case_parses::<Big>(pick, bits, seps, false);
        check_any_case_parses::<Keep>(pick, bits, seps, false);
        check_any_case_parses::<Sep>(pick, bits, seps, true);
    }

    #[test]
    fn any_ascii_case_of_a_dynamic_name_is_the_same_member(
        name in valid_name(),
        a in any::<u64>(),
        b in any::<u64>(),
    ) {
        let (x, y) = (with_case(&name, a), with_case(&name, b));
        prop_assume!(Big::from_name(&x).is_none());
        let mx: Member<Big> = x.parse().unwrap();
        let my: Member<Big> = y.parse().unwrap();
        prop_assert_eq!(&mx, &my);
        prop_assert!(mx == y.as_str());
        prop_assert!(y.as_str() == mx);
        prop_assert_eq!(Big::dynamic(&x).unwrap(), Big::dynamic(&y).unwrap());
        prop_assert_eq!(Caseless::new(&x), Caseless::new(&y));
        prop_assert_eq!(Caseless::new(&x).cmp(Caseless::new(&y)), Ordering::Equal);
        let kx = Keep::dynamic(&x);
        if let Ok(kx) = kx {
            prop_assert_eq!(kx.as_str(), x.as_str(), "PascalCase keeps the name as given");
            prop_assert_eq!(kx, Keep::dynamic(&y).unwrap());
        }
    }

    #[test]
    fn comparisons_ignore_ascii_case_and_nothing_else(
        a in alphabet_string(6),
        b in alphabet_string(6),
    ) {
        let same = a.eq_ignore_ascii_case(&b);
        prop_assert_eq!(Caseless::new(&a) == Caseless::new(&b), same);
        prop_assert_eq!(Caseless::new(&a).cmp(Caseless::new(&b)) == Ordering::Equal, same);
        if let (Ok(ma), Ok(mb)) = (a.parse::<Member<Small>>(), b.parse::<Member<Small>>()) {
            prop_assert_eq!(ma == mb, same, "{:?} vs {:?}", ma, mb);
            prop_assert_eq!(ma == b.as_str(), same);
            prop_assert_eq!(ma.cmp(&mb) == Ordering::Equal, same);
        }
        let same_sep = naive_key(&a, true) == naive_key(&b, true);
        if let (Ok(ma), Ok(mb)) = (a.parse::<Member<Sep>>(), b.parse::<Member<Sep>>()) {
            prop_assert_eq!(ma == mb, same_sep, "{:?} vs {:?}", ma, mb);
            prop_assert_eq!(ma == b.as_str(), same_sep);
        }
    }

    #[test]
    fn a_non_ascii_case_change_is_not_ignored(
        prefix in "[a-z]{0,4}",
        suffix in "[a-z]{0,4}",
        pair in prop::sample::select(&[
            ("é", "É"), ("ж", "Ж"), ("ß", "ẞ"), ("\u{212A}", "k"), ("\u{212A}", "K"),
            ("ſ", "s"), ("ſ", "S"), ("ı", "I"), ("İ", "i"), ("ǅ", "ǆ"),
        ][..]),
    ) {
        let x = format!("{prefix}{}{suffix}", pair.0);
        let y = format!("{prefix}{}{suffix}", pair.1);
        prop_assert_ne!(Caseless::new(&x), Caseless::new(&y));
        // Members of the large enum, where "é" and "É" are two built-in names.
        let (mx, my) = (x.parse::<Member<Big>>().unwrap(), y.parse::<Member<Big>>().unwrap());
        prop_assert_ne!(&mx, &my);
        prop_assert!(mx != y.as_str());
        prop_assert_ne!(mx.cmp(&my), Ordering::Equal);
        let (px, py) = (x.parse::<Member<Small>>().unwrap(), y.parse::<Member<Small>>().unwrap());
        prop_assert_ne!(px, py);
    }
}

#[test]
fn unicode_case_folds_onto_ascii_are_not_ascii_case() {
    // The Kelvin sign and the long s fold to `k` and `s` in Unicode; names compare bytes outside ASCII.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    enum Units {
        Kelvin,
        Seconds,
    }
    assert_eq!(Units::from_name("\u{212A}elvin"), None);
    assert_eq!(Units::from_name("ſeconds"), None);
    assert_ne!(Units::Kelvin, "\u{212A}ELVIN");
    assert!(Units::dynamic("\u{212A}elvin").is_ok());
}

// ---- Invariant 2: Hash agrees with Eq ----------------------------------------------------------------

fn check_builtin_hashes<E: DynamicStrEnum + Debug>(pick: Index, bits: u64) {
    let variant = E::VARIANTS[pick.index(E::COUNT)];
    let text = with_case(variant.as_str(), bits);
    let h = hashes(&variant);
    assert_eq!(hashes(&Member::Builtin(variant)), h);
    assert_eq!(hashes(Caseless::new(&text)), h, "{text:?}");
    assert_eq!(hashes(Caseless::new(variant.as_str())), h);
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn builtins_hash_like_their_members_and_caseless_names(pick in any::<Index>(), bits in any::<u64>()) {
        check_builtin_hashes::<Small>(pick, bits);
        check_builtin_hashes::<Big>(pick, bits);
        check_builtin_hashes::<Keep>(pick, bits);
        check_builtin_hashes::<Sep>(pick, bits);
    }

    #[test]
    fn equal_dynamic_members_hash_equally_with_any_hasher(
        name in valid_name(),
        a in any::<u64>(),
        b in any::<u64>(),
        c in any::<u64>(),
        seps in any::<u64>(),
    ) {
        let (x, y) = (with_case(&name, a), with_case(&name, b));
        if let (Ok(dx), Ok(my)) = (Big::dynamic(&x), y.parse::<Member<Big>>()) {
            prop_assert_eq!(Member::Dynamic(dx.clone()), my.clone());
            let h = hashes(&dx);
            prop_assert_eq!(hashes(&my), h);
            prop_assert_eq!(hashes(&Member::Dynamic(dx.clone())), h);
            prop_assert_eq!(hashes(Caseless::new(&with_case(dx.as_str(), c))), h);
        }
        // Under ignore_separators, any separator spelling too; `Caseless` hashes the stored spelling.
        let z = with_separators(&y, seps);
        if let (Ok(dx), Ok(mz)) = (Sep::dynamic(&x), z.parse::<Member<Sep>>()) {
            prop_assert_eq!(Member::Dynamic(dx.clone()), mz.clone());
            let h = hashes(&dx);
            prop_assert_eq!(hashes(&mz), h);
            prop_assert_eq!(hashes(Caseless::new(&with_case(dx.as_str(), c))), h);
        }
    }

    #[test]
    fn any_two_equal_values_hash_equally(a in any_text::<Small>(), b in any_text::<Small>(), bits in any::<u64>()) {
        // Half the time compare a text with a re-cased copy of itself, so that equal pairs are common.
        let b = if bits & 1 == 0 { with_case(&a, bits) } else { b };
        if Caseless::new(&a) == Caseless::new(&b) {
            prop_assert_eq!(hashes(Caseless::new(&a)), hashes(Caseless::new(&b)));
        }
        if let (Ok(ma), Ok(mb)) = (a.parse::<Member<Small>>(), b.parse::<Member<Small>>()) {
            if ma == mb {
                prop_assert_eq!(hashes(&ma), hashes(&mb));
                prop_assert_eq!(hashes(&ma), hashes(Caseless::new(mb.as_str())));
            }
        }
        if let (Ok(ma), Ok(mb)) = (a.parse::<Member<Sep>>(), b.parse::<Member<Sep>>()) {
            if ma == mb {
                prop_assert_eq!(hashes(&ma), hashes(&mb));
            }
        }
    }
}

// ---- Invariant 3: round trip ------------------------------------------------------------------------

fn check_variant_round_trip<E>(pick: Index)
where
    E: DynamicStrEnum + Debug + std::fmt::Display + FromStr<Err = ParseError>,
{
    if E::COUNT == 0 {
        return;
    }
    let variant = E::VARIANTS[pick.index(E::COUNT)];
    assert_eq!(variant.to_string().parse::<E>().unwrap(), variant);
    assert_eq!(
        Member::Builtin(variant)
            .to_string()
            .parse::<Member<E>>()
            .unwrap(),
        Member::Builtin(variant)
    );
}

fn check_member_round_trip<E>(name: &str)
where
    E: DynamicStrEnum + Debug,
{
    let Ok(member) = name.parse::<Member<E>>() else {
        return;
    };
    let again: Member<E> = member.to_string().parse().unwrap();
    assert_eq!(again, member, "{name:?}");
    assert_eq!(again.as_str(), member.as_str());
    assert_eq!(again.is_builtin(), member.is_builtin());
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn every_variant_round_trips_through_its_display(pick in any::<Index>()) {
        check_variant_round_trip::<Small>(pick);
        check_variant_round_trip::<Big>(pick);
        check_variant_round_trip::<Keep>(pick);
        check_variant_round_trip::<Sep>(pick);
        check_variant_round_trip::<Registered>(pick);
    }

    #[test]
    fn every_accepted_member_round_trips_through_its_display(
        name in prop_oneof![valid_name(), any_text::<Big>(), any_text::<Sep>()],
    ) {
        check_member_round_trip::<Small>(&name);
        check_member_round_trip::<Big>(&name);
        check_member_round_trip::<Keep>(&name);
        check_member_round_trip::<Sep>(&name);
        check_member_round_trip::<Empty>(&name);
        // Under `registered`, the policy accepts registered names.
        if Registered::registry().register(&name).is_ok() {
            check_member_round_trip::<Registered>(&name);
            let member: Member<Registered> = name.parse().unwrap();
            prop_assert!(member.dynamic().unwrap().is_registered());
        }
    }
}

// ---- Invariant 1/3 companion, and 4: order --------------------------------------------------------

fn check_order<E: DynamicStrEnum + Debug>(texts: &[String]) {
    let members: Vec<Member<E>> = texts.iter().filter_map(|t| t.parse().ok()).collect();
    for a in &members {
        for b in &members {
            let ord = a.cmp(b);
            assert_eq!(ord == Ordering::Equal, a == b, "{a:?} vs {b:?}");
            assert_eq!(ord, b.cmp(a).reverse(), "{a:?} vs {b:?}");
            assert_eq!(a.partial_cmp(b), Some(ord));
            // `Borrow<Caseless>` needs the same order as the borrowed names.
            assert_eq!(
                Caseless::new(a.as_str()).cmp(Caseless::new(b.as_str())),
                ord,
                "{a:?} vs {b:?}"
            );
            if let (Some(x), Some(y)) = (a.dynamic(), b.dynamic()) {
                assert_eq!(x.cmp(y), ord);
            }
        }
    }
    let mut sorted = members.clone();
    sorted.sort();
    for w in sorted.windows(2) {
        assert_ne!(w[0].cmp(&w[1]), Ordering::Greater);
    }
    for a in &sorted {
        for b in &sorted {
            for c in &sorted {
                if a <= b && b <= c {
                    assert!(a <= c, "{a:?} <= {b:?} <= {c:?}");
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn order_is_total_and_consistent_with_equality(
        texts in prop::collection::vec(prop_oneof![any_text::<Small>(), any_text::<Sep>()], 0..8),
        bits in any::<u64>(),
    ) {
        // Add re-cased copies so that equal members are common.
        let mut texts = texts;
        let copies: Vec<String> = texts.iter().map(|t| with_case(t, bits)).collect();
        texts.extend(copies);
        check_order::<Small>(&texts);
        check_order::<Big>(&texts);
        check_order::<Keep>(&texts);
        check_order::<Sep>(&texts);
        check_order::<Empty>(&texts);
    }
}

// ---- Invariant 6: parsing accepts exactly what the naive reference accepts, and grows nothing ------

fn check_against_reference<E>(text: &str, ignore_separators: bool, max_len: usize)
where
    E: DynamicStrEnum + Debug + FromStr<Err = ParseError>,
{
    let expected = if ignore_separators {
        let wanted = naive_key(text, true);
        all_names::<E>()
            .into_iter()
            .find(|(name, _)| naive_key(name, true) == wanted)
            .map(|(_, v)| v)
    } else {
        naive_from_name::<E>(text)
    };
    assert_eq!(E::from_name(text), expected, "{text:?}");
    match text.parse::<E>() {
        Ok(v) => assert_eq!(Some(v), expected),
        Err(err) => {
            assert_eq!(expected, None);
            assert_eq!(err.input(), text);
            // A rule is reported exactly when the text is no valid name.
            let valid = naive_is_valid_name(text, max_len);
            assert_eq!(err.name_error().is_none(), valid, "{text:?}: {err}");
            let _ = err.to_string();
        }
    }
    let valid = naive_is_valid_name(text, max_len);
    match (text.parse::<Member<E>>(), expected) {
        (Ok(member), Some(v)) => assert_eq!(member, Member::Builtin(v)),
        (Ok(member), None) => {
            assert!(valid, "{text:?} was accepted");
            assert!(!member.is_builtin());
            assert_eq!(
                member.as_str().len(),
                text.len(),
                "folding keeps the length"
            );
        }
        (Err(err), None) => {
            assert!(!valid, "{text:?} was refused: {err}");
            assert!(err.name_error().is_some());
        }
        (Err(err), Some(v)) => panic!("{text:?} names {v:?} but was refused: {err}"),
    }
    assert_eq!(E::registry().len(), 0, "parsing registered a name");
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn parsing_accepts_exactly_what_the_naive_reference_accepts(
        small in any_text::<Small>(),
        big in any_text::<Big>(),
        sep in any_text::<Sep>(),
    ) {
        for text in [&small, &big, &sep] {
            check_against_reference::<Small>(text, false, 255);
            check_against_reference::<Big>(text, false, 255);
            check_against_reference::<Keep>(text, false, 12);
            check_against_reference::<Sep>(text, true, 255);
        }
    }

    #[test]
    fn suggestions_are_names_within_the_edit_limit(text in any_text::<Big>()) {
        if let Err(err) = text.parse::<Big>() {
            if let Some(near) = err.suggestion() {
                prop_assert!(all_names::<Big>().iter().any(|(n, _)| *n == near));
                let tail = format!("(did you mean \"{near}\"?)");
                prop_assert!(err.to_string().ends_with(&tail));
            }
            prop_assert_eq!(err.expected().count(), Big::COUNT);
        }
    }
}

// ---- Invariant 7: an enum without variants ----------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    #[test]
    fn an_enum_without_variants_makes_every_valid_name_dynamic(text in any_text::<Small>()) {
        prop_assert_eq!(Empty::COUNT, 0);
        prop_assert_eq!(Empty::iter().count(), 0);
        prop_assert_eq!(Empty::from_name(&text), None);
        let err = text.parse::<Empty>().unwrap_err();
        let valid = naive_is_valid_name(&text, 255);
        if valid {
            let shown = err.to_string();
            prop_assert!(shown.starts_with("unknown Empty \""), "{}", shown);
            prop_assert!(shown.ends_with("\"; Empty has no names"), "{}", shown);
            prop_assert!(err.name_error().is_none());
            prop_assert_eq!(err.expected().count(), 0);
            prop_assert_eq!(err.suggestion(), None);
            let member: Member<Empty> = text.parse().unwrap();
            let dynamic: DynamicMember<Empty> = Empty::dynamic(&text).unwrap();
            prop_assert_eq!(member.as_str(), text.to_ascii_lowercase());
            prop_assert_eq!(Member::Dynamic(dynamic), member.clone());
            prop_assert_eq!(Empty::lookup(&text).unwrap(), member);
            prop_assert_eq!(Member::<Empty>::all().count(), 0);
        } else {
            prop_assert!(err.name_error().is_some());
            let rule = Empty::dynamic(&text).unwrap_err();
            let err = text.parse::<Member<Empty>>().unwrap_err();
            prop_assert_eq!(Some(&rule), err.name_error());
            prop_assert!(!matches!(rule, NameError::Builtin(_) | NameError::Unregistered));
        }
    }
}
