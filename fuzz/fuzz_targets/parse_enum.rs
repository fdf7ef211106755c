//! `FromStr`, `TryFrom<&str>` and `from_name` of derived enums on arbitrary UTF-8: never a panic, and
//! exactly the names a naive reference accepts (ASCII lower case on both sides, `-` and ` ` read as `_`
//! under `ignore_separators`, compared with every canonical name and alias). Errors carry the input,
//! the canonical names, the broken rule when there is one, and the nearest name within
//! `max(1, chars / 3)` edits.

#![no_main]

use std::error::Error as _;

use dynenum_fuzz::{
    naive_check, naive_from_name, naive_suggestion, names, pool, text_from, Big, BigSep, Empty,
    Pascal, Screaming, Small, Spec, Tiny,
};
use libfuzzer_sys::fuzz_target;

fn check<E: Spec>(text: &str) {
    let want = naive_from_name::<E>(text);
    assert_eq!(E::from_name(text), want, "from_name({text:?})");
    match text.parse::<E>() {
        Ok(found) => {
            assert_eq!(Some(found), want, "parse({text:?})");
            assert_eq!(E::try_from(text).ok(), Some(found));
            assert_eq!(found.to_string().parse::<E>().ok(), Some(found));
            assert!(found == found.as_str());
        }
        Err(err) => {
            assert_eq!(want, None, "parse({text:?}) failed: {err}");
            assert_eq!(err.input(), text);
            assert!(err.expected().eq(E::NAMES.iter().copied()));
            let shown = err.to_string();
            assert!(!shown.is_empty());
            assert_eq!(err.source().is_some(), err.name_error().is_some());
            match naive_check(text, E::MAX_LEN) {
                Err(rule) => {
                    assert_eq!(err.name_error(), Some(&rule), "{text:?}");
                    assert_eq!(err.suggestion(), None, "{text:?}");
                }
                Ok(()) => {
                    assert_eq!(err.name_error(), None, "{text:?}");
                    let candidates: Vec<&'static str> =
                        names::<E>().into_iter().map(|(n, _)| n).collect();
                    assert_eq!(
                        err.suggestion(),
                        naive_suggestion::<E, _>(text, &candidates),
                        "suggestion for {text:?}"
                    );
                }
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some(text) = text_from(data, pool()) else {
        return;
    };
    check::<Small>(&text);
    check::<Big>(&text);
    check::<BigSep>(&text);
    check::<Screaming>(&text);
    check::<Pascal>(&text);
    check::<Tiny>(&text);
    check::<Empty>(&text);
});
