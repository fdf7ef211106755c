//! `Member<E>::from_str` (and `lookup`, `dynamic`, `TryFrom`) on arbitrary UTF-8: never a panic; `Ok`
//! exactly when the name is built-in, registered, or (under `dynamic = "open"`) valid per the rules
//! (not empty, at most `max_len` bytes, no control character, no whitespace at either end); a built-in
//! name always gives `Builtin`; a dynamic name is stored folded like the built-in names; the error names
//! the first broken rule; and `to_string` then `parse` gives an equal member with an equal hash.

#![no_main]

use std::cmp::Ordering;

use dynenum_core::{Caseless, Member, NameError};
use dynenum_fuzz::{
    hash_of, naive_check, naive_fold, naive_from_name, naive_key, naive_suggestion, names, pool,
    text_from, BigSep, Closed, Empty, Pascal, Screaming, Small, Spec, Tiny,
};
use libfuzzer_sys::fuzz_target;

fn check<E: Spec>(text: &str) {
    let builtin = naive_from_name::<E>(text);
    let key = naive_key::<E>(text);
    let linked = E::LINKED
        .iter()
        .find(|(name, _)| naive_key::<E>(name) == key);
    let rule = naive_check(text, E::MAX_LEN);
    let parsed = text.parse::<Member<E>>();
    let member = match (builtin, linked, &rule) {
        (Some(v), _, _) => {
            let m = parsed.unwrap_or_else(|e| panic!("{text:?} names {v:?} but: {e}"));
            assert!(m == Member::Builtin(v), "{text:?}");
            assert_eq!(E::lookup(text).ok().and_then(|m| m.builtin()), Some(v));
            assert_eq!(E::dynamic(text).err(), Some(NameError::Builtin(v.as_str())));
            m
        }
        (None, Some(&(name, description)), _) => {
            let m = parsed.unwrap_or_else(|e| panic!("{text:?} is registered but: {e}"));
            let d = m.dynamic().expect("a registered name is dynamic");
            assert!(d.is_registered(), "{text:?}");
            assert_eq!(d.as_str(), naive_fold::<E>(name));
            assert_eq!(d.description(), description);
            assert!(E::dynamic(text).expect("registered").is_registered());
            assert!(E::lookup(text).expect("registered") == m);
            m
        }
        (None, None, Err(broken)) => {
            let err = parsed.expect_err("an invalid name parsed");
            assert_eq!(err.input(), text);
            assert_eq!(err.name_error(), Some(broken), "{text:?}");
            assert_eq!(err.suggestion(), None);
            let _ = err.to_string();
            assert_eq!(E::lookup(text).err().as_ref(), Some(broken));
            assert_eq!(E::dynamic(text).err().as_ref(), Some(broken));
            return;
        }
        (None, None, Ok(())) => {
            let dynamic = E::dynamic(text).expect("a valid non-built-in name");
            assert!(!dynamic.is_registered());
            assert_eq!(dynamic.as_str(), naive_fold::<E>(text), "dynamic({text:?})");
            if !E::OPEN {
                let err = parsed.expect_err("an unregistered name parsed under `registered`");
                assert_eq!(err.name_error(), None);
                let expected: Vec<String> = E::NAMES
                    .iter()
                    .map(|&n| n.to_owned())
                    .chain(E::LINKED.iter().map(|&(n, _)| naive_fold::<E>(n)))
                    .collect();
                assert!(err.expected().eq(expected.iter().map(String::as_str)));
                let candidates: Vec<String> = names::<E>()
                    .into_iter()
                    .map(|(n, _)| n.to_owned())
                    .chain(E::LINKED.iter().map(|&(n, _)| naive_fold::<E>(n)))
                    .collect();
                assert_eq!(
                    err.suggestion(),
                    naive_suggestion::<E, _>(text, &candidates),
                    "{text:?}"
                );
                let _ = err.to_string();
                assert_eq!(E::lookup(text).err(), Some(NameError::Unregistered));
                return;
            }
            let m = parsed.unwrap_or_else(|e| panic!("valid {text:?} refused: {e}"));
            let d = m.dynamic().expect("a non-built-in name is dynamic");
            assert!(!d.is_registered());
            assert_eq!(d.description(), None);
            assert_eq!(d.as_str(), naive_fold::<E>(text), "parse({text:?})");
            assert!(*d == dynamic);
            assert!(m == *text, "{text:?}");
            assert!(*text == m, "{text:?}");
            m
        }
    };
    assert!(Member::<E>::try_from(text).ok().as_ref() == Some(&member));
    // Display, then parse: an equal member (invariant 3), hashing and ordering equally.
    let shown = member.to_string();
    assert_eq!(shown, member.as_str());
    let back: Member<E> = shown
        .parse()
        .unwrap_or_else(|e| panic!("{shown:?} (from {text:?}) does not parse back: {e}"));
    assert!(back == member, "{shown:?} from {text:?}");
    assert_eq!(back.as_str(), member.as_str());
    assert_eq!(hash_of(&back), hash_of(&member));
    assert_eq!(back.cmp(&member), Ordering::Equal);
    // Any ASCII case of the displayed name is the same member.
    for spelling in [shown.to_ascii_uppercase(), shown.to_ascii_lowercase()] {
        let again: Member<E> = spelling.parse().expect("another case parses");
        assert!(again == member, "{spelling:?}");
        assert_eq!(hash_of(&again), hash_of(&member));
    }
    // Hash agrees with Eq across types (invariant 2), and with `Borrow<Caseless>`.
    assert_eq!(hash_of(&member), hash_of(Caseless::new(member.as_str())));
    match &member {
        Member::Builtin(v) => assert_eq!(hash_of(v), hash_of(&member)),
        Member::Dynamic(d) => assert_eq!(hash_of(d), hash_of(&member)),
    }
}

fuzz_target!(|data: &[u8]| {
    let Some(text) = text_from(data, pool()) else {
        return;
    };
    check::<Small>(&text);
    check::<BigSep>(&text);
    check::<Screaming>(&text);
    check::<Pascal>(&text);
    check::<Tiny>(&text);
    check::<Empty>(&text);
    check::<Closed>(&text);
});
