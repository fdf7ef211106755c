//! `NameError` exactly for the names the design forbids, `Ok` for all others: a property over names
//! mixing ASCII, multi-byte characters, whitespace and control characters, at and around `max_len`.

use dynenum_core::{DynamicStrEnum, NameError};
use proptest::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(max_len = 16)]
enum Short {
    Builtin,
}

/// The rules, written plainly from DESIGN.md, as the reference.
fn reference(name: &str) -> Result<(), NameError> {
    if name.is_empty() {
        return Err(NameError::Empty);
    }
    if name.len() > 16 {
        return Err(NameError::TooLong {
            len: name.len(),
            max: 16,
        });
    }
    let last = name.char_indices().last().map(|(at, _)| at);
    for (at, ch) in name.char_indices() {
        if ch.is_control() || (ch.is_whitespace() && (at == 0 || Some(at) == last)) {
            return Err(NameError::InvalidChar { ch, at });
        }
    }
    Ok(())
}

fn piece() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => proptest::char::range('a', 'z'),
        1 => Just('_'),
        1 => Just(' '),
        1 => proptest::sample::select(vec!['é', 'ß', '€', '日', '😀', '\u{301}', '\u{a0}', '\u{3000}']),
        1 => proptest::sample::select(vec!['\t', '\n', '\0', '\u{7f}', '\u{85}', '\u{9f}']),
    ]
}

/// Names of 0 to 20 characters: with multi-byte characters, 16 bytes falls anywhere in there.
fn name() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..20).prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

    #[test]
    fn name_errors_are_exactly_the_forbidden_names(name in name()) {
        let expected = reference(&name);
        let got = Short::dynamic(&name).map(|_| ());
        prop_assert_eq!(&got, &expected);
        if let Err(NameError::InvalidChar { ch, at }) = got {
            // The offset is a character boundary and names the character reported.
            prop_assert!(name.is_char_boundary(at));
            prop_assert_eq!(name[at..].chars().next(), Some(ch));
        }
    }

    #[test]
    fn parse_errors_quote_every_name_without_splitting_characters(name in name()) {
        if let Err(error) = name.parse::<dynenum_core::Member<Short>>() {
            let text = error.to_string();
            prop_assert!(text.starts_with("invalid Short name \""), "{}", text);
            prop_assert_eq!(error.input(), name.as_str());
            prop_assert!(!text.chars().any(char::is_control), "controls are escaped: {:?}", text);
        }
    }
}

#[test]
fn long_non_ascii_names_report_their_byte_length() {
    // 6 characters, 18 bytes: over the 16-byte limit although short in characters.
    let error = Short::dynamic("日本語日本語").unwrap_err();
    assert_eq!(error, NameError::TooLong { len: 18, max: 16 });
    assert_eq!(
        error.to_string(),
        "name is 18 bytes long, over the limit of 16"
    );
    // Exactly 16 bytes is fine.
    assert!(Short::dynamic("日本語日本a").is_ok());
}
