//! Inputs from the fuzz targets in `fuzz/` (see `fuzz/README.md`), pinned as tests.
//!
//! The first fuzzing runs (issue 5) found no bug in dynenum: these are the edge cases the targets push
//! hardest, kept so a regression shows up in `cargo test` without a fuzzer: bytes next to the ASCII
//! letters, Unicode letters whose case folds to ASCII, names around the perfect hash's word boundaries
//! (8, 16, 17, 40, 41 and 255 bytes), the name rules at their edges, and serde maps whose keys differ
//! only by case or separator.

use std::collections::HashMap;

use dynenum_core::{DynamicStrEnum, Member, NameError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum Edges {
    #[dynenum(rename = "x@", alias = "[x]")]
    At,
    #[dynenum(rename = "x`", alias = "{x}")]
    Backtick,
    #[dynenum(rename = "k")]
    K,
    #[dynenum(rename = "s")]
    S,
    #[dynenum(rename = "exactly8")]
    Eight,
    #[dynenum(rename = "sixteen_bytes_xx")]
    Sixteen,
    #[dynenum(rename = "seventeen_bytes_x")]
    Seventeen,
    #[dynenum(rename = "forty_bytes_forty_bytes_forty_bytes_xxxx")]
    Forty,
    #[dynenum(rename = "forty_one_bytes_forty_one_bytes_forty_xxx")]
    FortyOne,
    #[dynenum(
        rename = "LLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLL_mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm"
    )]
    Longest,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(rename_all = "kebab-case", ignore_separators)]
enum Separated {
    #[dynenum(rename = "a_b-c d")]
    Mixed,
    #[dynenum(alias = "a very-long_alias with separators past the forty-byte head")]
    Long,
    #[dynenum(rename = "_")]
    Underscore,
}

/// Every spelling that differs from `name` in one byte (an ASCII letter swapped for another one, or
/// any other byte for `#`), at every position.
fn one_byte_off(name: &str) -> Vec<String> {
    let bytes = name.as_bytes();
    (0..bytes.len())
        .filter(|&at| bytes[at].is_ascii())
        .map(|at| {
            let mut changed = bytes.to_vec();
            changed[at] = match bytes[at] {
                b'a' | b'A' => b'b',
                b'#' => b'%',
                b if b.is_ascii_alphabetic() => b'a',
                _ => b'#',
            };
            String::from_utf8(changed).expect("an ASCII byte replaced by an ASCII byte")
        })
        .collect()
}

#[test]
fn bytes_next_to_the_ascii_letters_are_not_case() {
    assert_eq!("X@".parse::<Edges>().unwrap(), Edges::At);
    assert_eq!("X`".parse::<Edges>().unwrap(), Edges::Backtick);
    assert_eq!("[X]".parse::<Edges>().unwrap(), Edges::At);
    assert_eq!("{X}".parse::<Edges>().unwrap(), Edges::Backtick);
    // `@` and `` ` ``, `[` and `{` differ by the case bit but are not letters.
    assert_ne!(Edges::At, "x`");
    assert!(Edges::from_name("{x]").is_none());
}

#[test]
fn unicode_case_folds_to_ascii_are_other_names() {
    // Kelvin sign, long s, dotted capital I: `to_lowercase` would give ASCII; ASCII case folding doesn't.
    for text in ["\u{212a}", "\u{17f}", "\u{130}"] {
        assert_eq!(Edges::from_name(text), None, "{text:?}");
        let member: Member<Edges> = text.parse().unwrap();
        assert!(!member.is_builtin(), "{text:?}");
        assert_eq!(member.as_str(), text);
    }
    let k: Member<Edges> = "K".parse().unwrap();
    assert!(k == Edges::K && k != "\u{212a}");
}

#[test]
fn names_around_the_hash_words_parse_exactly() {
    for v in Edges::iter() {
        let name = v.as_str();
        assert_eq!(name.to_ascii_uppercase().parse::<Edges>().unwrap(), v);
        for other in one_byte_off(name) {
            assert_ne!(
                Edges::from_name(&other),
                Some(v),
                "{other:?} parsed as {v:?}"
            );
        }
        let mut longer = name.to_owned();
        longer.push('x');
        assert_ne!(Edges::from_name(&longer), Some(v));
        assert_ne!(Edges::from_name(&name[..name.len() - 1]), Some(v));
    }
}

#[test]
fn separators_anywhere_in_long_names() {
    let alias = "a very-long_alias with separators past the forty-byte head";
    for sep in ["-", "_", " "] {
        let spelled = alias.replace(['-', '_', ' '], sep).to_ascii_uppercase();
        assert_eq!(
            spelled.parse::<Separated>().unwrap(),
            Separated::Long,
            "{spelled:?}"
        );
    }
    for other in one_byte_off(alias) {
        assert_eq!(Separated::from_name(&other), None, "{other:?}");
    }
    // Under `ignore_separators` a space is the separator: " " names the variant "_", though " " alone
    // breaks the name rules (built-in names are matched before the rules apply).
    assert_eq!(" ".parse::<Separated>().unwrap(), Separated::Underscore);
    assert!(" ".parse::<Member<Separated>>().unwrap() == Separated::Underscore);
    assert_eq!("-".parse::<Separated>().unwrap(), Separated::Underscore);
    assert_eq!("A-B c_D".parse::<Separated>().unwrap(), Separated::Mixed);
}

#[test]
fn name_rules_at_their_edges() {
    let at_limit = "n".repeat(255);
    assert!(!at_limit.parse::<Member<Edges>>().unwrap().is_builtin());
    let over = "n".repeat(256);
    let err = over.parse::<Member<Edges>>().unwrap_err();
    assert_eq!(
        err.name_error(),
        Some(&NameError::TooLong { len: 256, max: 255 })
    );
    // Whitespace inside a name is fine; at either end, or a control character anywhere, is not.
    assert!("a\u{a0}b".parse::<Member<Edges>>().is_ok());
    for (text, ch, at) in [
        ("\u{a0}a", '\u{a0}', 0),
        ("a\u{3000}", '\u{3000}', 1),
        ("a\u{85}b", '\u{85}', 1),
        ("ab\u{7f}", '\u{7f}', 2),
    ] {
        let err = text.parse::<Member<Edges>>().unwrap_err();
        assert_eq!(
            err.name_error(),
            Some(&NameError::InvalidChar { ch, at }),
            "{text:?}"
        );
        assert_eq!(err.suggestion(), None);
    }
    // Not whitespace, not control: valid at an end.
    assert!("\u{200b}a\u{feff}".parse::<Member<Edges>>().is_ok());
}

#[test]
fn serde_maps_merge_keys_that_name_one_member() {
    let json = r#"{"A B": 1, "a-b": 2, "x": 3, "X": 4, "A_b-C D": 5}"#;
    let map: HashMap<Member<Separated>, u32> = serde_json::from_str(json).unwrap();
    assert_eq!(map.len(), 3);
    assert_eq!(map[&Member::Builtin(Separated::Mixed)], 5);
    let again: HashMap<Member<Separated>, u32> =
        serde_json::from_str(&serde_json::to_string(&map).unwrap()).unwrap();
    assert_eq!(again, map);
    let keys: Vec<String> = {
        let mut keys: Vec<String> = map.keys().map(ToString::to_string).collect();
        keys.sort();
        keys
    };
    assert_eq!(keys, ["a-b", "a-b-c-d", "x"]);
}
