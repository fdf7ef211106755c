//! The registry: idempotent registration in any case, refusals, look-ups, order, descriptions, and
//! registration from many threads at once.
//!
//! Every enum has one global registry and tests run in parallel, so each test declares its own enum.

use std::collections::HashSet;
use std::sync::Barrier;
use std::thread;

use dynenum_core::{DynamicMember, DynamicStrEnum, Member, NameError};

#[test]
fn registering_a_name_again_in_any_case_returns_the_same_shared_member() {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    enum E {
        Builtin,
    }
    let registry = E::registry();
    assert!(registry.is_empty());
    let first = registry.register("Nvidia_Optimized").unwrap();
    assert_eq!(first.as_str(), "nvidia_optimized");
    assert!(first.is_registered());
    assert_eq!(registry.len(), 1);
    for again in ["nvidia_optimized", "NVIDIA_OPTIMIZED", "nViDiA_oPtImIzEd"] {
        let member = registry.register(again).unwrap();
        assert_eq!(member, first);
        assert_eq!(
            member.as_str().as_ptr(),
            first.as_str().as_ptr(),
            "one allocation"
        );
        assert_eq!(registry.len(), 1);
    }
    let looked_up = registry.get("NVIDIA_optimized").unwrap();
    assert_eq!(looked_up.as_str().as_ptr(), first.as_str().as_ptr());
    let parsed: Member<E> = "Nvidia_OPTIMIZED".parse().unwrap();
    assert_eq!(parsed.as_str().as_ptr(), first.as_str().as_ptr());
    let dynamic = E::dynamic("NVIDIA_OPTIMIZED").unwrap();
    assert_eq!(dynamic.as_str().as_ptr(), first.as_str().as_ptr());
    assert!(!registry.is_empty());
}

#[test]
fn register_refuses_builtin_names_and_aliases_with_the_canonical_name() {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    enum E {
        OpenaiChat,
        #[dynenum(alias = "claude", alias = "anthropic")]
        AnthropicChat,
        #[dynenum(rename = "hf-tgi")]
        HuggingFaceTgi,
    }
    let registry = E::registry();
    for (text, canonical) in [
        ("openai_chat", "openai_chat"),
        ("OPENAI_CHAT", "openai_chat"),
        ("Claude", "anthropic_chat"),
        ("ANTHROPIC", "anthropic_chat"),
        ("HF-TGI", "hf-tgi"),
    ] {
        assert_eq!(registry.register(text), Err(NameError::Builtin(canonical)));
        assert_eq!(
            registry.register_with_description(text, "nope"),
            Err(NameError::Builtin(canonical))
        );
        assert!(!registry.contains(text));
    }
    assert_eq!(
        NameError::Builtin("anthropic_chat").to_string(),
        r#"name belongs to the built-in member "anthropic_chat""#
    );
    assert!(registry.is_empty());
}

#[test]
fn register_refuses_invalid_names() {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    #[dynenum(max_len = 10)]
    enum E {
        Builtin,
    }
    let registry = E::registry();
    let cases = [
        ("", NameError::Empty),
        (" lead", NameError::InvalidChar { ch: ' ', at: 0 }),
        ("trail\n", NameError::InvalidChar { ch: '\n', at: 5 }),
        ("trail ", NameError::InvalidChar { ch: ' ', at: 5 }),
        ("in\u{7}side", NameError::InvalidChar { ch: '\u{7}', at: 2 }),
        ("elevenbytes", NameError::TooLong { len: 11, max: 10 }),
    ];
    for (text, error) in cases {
        assert_eq!(registry.register(text), Err(error.clone()), "{text:?}");
        assert_eq!(
            registry.register_with_description(text, "x"),
            Err(error),
            "{text:?}"
        );
    }
    assert!(registry.is_empty());
    // Inner spaces are fine.
    assert_eq!(registry.register("in side").unwrap().as_str(), "in side");
}

#[test]
fn get_and_contains_find_registered_names_in_any_case_only() {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    enum E {
        Builtin,
    }
    let registry = E::registry();
    assert!(registry.get("plugin").is_none());
    assert!(!registry.contains("plugin"));
    let _proxy = E::dynamic("plugin").unwrap();
    let _parsed: Member<E> = "plugin".parse().unwrap();
    assert!(!registry.contains("plugin"), "parsing never registers");
    registry.register("Plugin").unwrap();
    assert!(registry.contains("PLUGIN"));
    assert_eq!(registry.get("pLuGiN").unwrap().as_str(), "plugin");
    assert!(!registry.contains("plugins"));
    assert!(!registry.contains("plugi"));
    assert!(
        !registry.contains("builtin"),
        "built-in names are not in the registry"
    );
    assert!(!registry.contains(""));
}

#[test]
fn names_lists_registrations_in_call_order() {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    enum E {
        Builtin,
    }
    let registry = E::registry();
    for name in ["zeta", "Alpha", "mid", "ALPHA", "beta", "Zeta"] {
        registry.register(name).unwrap();
    }
    let names: Vec<String> = registry.names().iter().map(ToString::to_string).collect();
    assert_eq!(names, ["zeta", "alpha", "mid", "beta"]);
    assert_eq!(registry.len(), 4);
    assert!(registry.names().iter().all(DynamicMember::is_registered));
    let debug = format!("{registry:?}");
    assert!(
        debug.starts_with(r#"Registry { enum: "E", names: ["#),
        "{debug}"
    );
    assert!(debug.contains(r#"E::dynamic("alpha")"#), "{debug}");
}

#[test]
fn the_first_description_given_for_a_name_wins() {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    enum E {
        Builtin,
    }
    let registry = E::registry();
    let bare = registry.register("plain").unwrap();
    assert_eq!(bare.description(), None);
    let described = registry
        .register_with_description("PLAIN", "added later")
        .unwrap();
    assert_eq!(described.description(), Some("added later"));
    assert_eq!(described, bare);
    assert_eq!(
        described.as_str().as_ptr(),
        bare.as_str().as_ptr(),
        "one name"
    );
    let second = registry
        .register_with_description("Plain", "second description")
        .unwrap();
    assert_eq!(second.description(), Some("added later"));
    assert_eq!(registry.len(), 1);

    let owned = registry
        .register_with_description("owned", String::from("an owned description"))
        .unwrap();
    assert_eq!(owned.description(), Some("an owned description"));
    // Registering without a description keeps the one it has.
    assert_eq!(
        registry.register("OWNED").unwrap().description(),
        Some("an owned description")
    );
    let parsed: Member<E> = "owned".parse().unwrap();
    assert_eq!(parsed.description(), Some("an owned description"));
    // Members built after the description carry it.
    assert_eq!(
        registry.get("plain").unwrap().description(),
        Some("added later")
    );
    assert_eq!(
        E::dynamic("PLAIN").unwrap().description(),
        Some("added later")
    );
    assert_eq!(registry.names().len(), 2);
}

#[test]
fn many_names_stay_findable_as_the_registry_grows() {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    enum E {
        Builtin,
    }
    let registry = E::registry();
    let members: Vec<DynamicMember<E>> = (0..2000)
        .map(|i| registry.register(&format!("Name{i}")).unwrap())
        .collect();
    assert_eq!(registry.len(), 2000);
    for (i, member) in members.iter().enumerate() {
        let found = registry.get(&format!("NAME{i}")).unwrap();
        assert_eq!(found.as_str().as_ptr(), member.as_str().as_ptr());
    }
    let names = registry.names();
    for (i, member) in names.iter().enumerate() {
        assert_eq!(member.as_str(), format!("name{i}"));
    }
}

#[test]
fn names_of_every_length_and_separator_spelling_stay_findable_as_the_registry_grows() {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    #[dynenum(rename_all = "kebab-case", ignore_separators)]
    enum E {
        Builtin,
    }
    // Up to 120 bytes: short names, names the index key holds whole, and longer ones that share
    // their first bytes and differ only near the end; all spelled with separators.
    let name = |i: usize| {
        let middle = format!("{i}-x");
        let pad = (i % 120).saturating_sub(middle.len());
        format!("{}{middle}", &"p_q".repeat(pad)[..pad])
    };
    let registry = E::registry();
    let names: Vec<String> = (0..3000).map(name).collect();
    let members: Vec<DynamicMember<E>> = names
        .iter()
        .map(|n| registry.register(n).unwrap())
        .collect();
    let distinct: HashSet<&str> = members.iter().map(DynamicMember::as_str).collect();
    assert_eq!(registry.len(), distinct.len());
    for (n, member) in names.iter().zip(&members) {
        // Another case and other separators name the same entry.
        let respelled: String = n
            .chars()
            .map(|c| match c {
                '_' => ' ',
                '-' => '_',
                c => c.to_ascii_uppercase(),
            })
            .collect();
        let found = registry.get(&respelled).unwrap();
        assert_eq!(found.as_str().as_ptr(), member.as_str().as_ptr(), "{n}");
        assert_eq!(registry.register(&respelled).unwrap(), *member);
        // One byte more or less is another name.
        assert!(registry.get(&format!("{n}z")).is_none());
        assert!(n.len() < 2 || registry.get(&n[1..]).map_or(true, |m| m != *member));
    }
    let listed: Vec<String> = registry.names().iter().map(ToString::to_string).collect();
    let mut seen = HashSet::new();
    let expected: Vec<String> = members
        .iter()
        .map(ToString::to_string)
        .filter(|n| seen.insert(n.clone()))
        .collect();
    assert_eq!(listed, expected);
}

/// A name in thread `t`'s case: each thread spells the shared names differently.
fn spelled(name: &str, t: usize) -> String {
    name.chars()
        .enumerate()
        .map(|(i, c)| {
            if (i + t) % 2 == 0 {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

#[test]
fn threads_registering_overlapping_names_in_mixed_case_get_one_entry_each() {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    enum E {
        Builtin,
    }
    const THREADS: usize = 8;
    /// Each thread registers this many names of its own, and as many shared ones, alternately.
    const EACH: usize = 50;
    let registry = E::registry();
    let shared: Vec<String> = (0..EACH).map(|i| format!("shared_{i}")).collect();
    let barrier = Barrier::new(THREADS + 2);

    // What each thread registered, in its call order (folded names), and the members it was given.
    let results: Vec<Vec<(String, DynamicMember<E>)>> = thread::scope(|scope| {
        let registrars: Vec<_> = (0..THREADS)
            .map(|t| {
                let shared = &shared;
                let barrier = &barrier;
                scope.spawn(move || {
                    barrier.wait();
                    let mut done = Vec::new();
                    for (i, shared_name) in shared.iter().enumerate() {
                        let own = format!("Thread{t}_Own{i}");
                        let member = registry.register(&own).unwrap();
                        assert!(registry.contains(&own), "just registered {own}");
                        done.push((own.to_ascii_lowercase(), member));

                        let name = spelled(shared_name, t);
                        let member = registry.register(&name).unwrap();
                        assert_eq!(registry.get(&name).unwrap(), member);
                        done.push((shared_name.clone(), member));
                    }
                    done
                })
            })
            .collect();
        // Readers: every snapshot of `names()` is a prefix of the final order.
        let readers: Vec<_> = (0..2)
            .map(|_| {
                let barrier = &barrier;
                scope.spawn(move || {
                    barrier.wait();
                    let mut snapshots = Vec::new();
                    for _ in 0..200 {
                        let names: Vec<String> =
                            registry.names().iter().map(ToString::to_string).collect();
                        snapshots.push(names);
                        thread::yield_now();
                    }
                    snapshots
                })
            })
            .collect();
        let results = registrars
            .into_iter()
            .map(|handle| handle.join().unwrap())
            .collect();
        let final_names: Vec<String> = registry.names().iter().map(ToString::to_string).collect();
        for reader in readers {
            for snapshot in reader.join().unwrap() {
                assert_eq!(snapshot[..], final_names[..snapshot.len()]);
            }
        }
        results
    });

    let names: Vec<String> = registry.names().iter().map(ToString::to_string).collect();
    // One entry per distinct name, none lost.
    assert_eq!(names.len(), EACH + THREADS * EACH);
    assert_eq!(registry.len(), names.len());
    let distinct: HashSet<&String> = names.iter().collect();
    assert_eq!(distinct.len(), names.len());
    let position = |name: &str| names.iter().position(|n| n == name).unwrap();

    for done in &results {
        for (name, member) in done {
            // Every thread got the one shared member, stored folded.
            let stored = registry.get(name).unwrap();
            assert_eq!(member.as_str(), name);
            assert_eq!(member.as_str().as_ptr(), stored.as_str().as_ptr());
        }
        // A thread's registration order is kept: whatever it registered before a name it was the
        // first to register (its own names) comes earlier in `names()`.
        for (later, (name, _)) in done.iter().enumerate() {
            if !name.starts_with("thread") {
                continue;
            }
            for (earlier, _) in &done[..later] {
                assert!(
                    position(earlier) < position(name),
                    "{earlier} before {name}"
                );
            }
        }
    }
    // Every thread registered the shared names in the same order, so `names()` keeps it too.
    let shared_positions: Vec<usize> = shared.iter().map(|name| position(name)).collect();
    assert!(shared_positions.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn threads_registering_one_name_with_descriptions_agree_on_one_of_them() {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    enum E {
        Builtin,
    }
    let barrier = Barrier::new(8);
    let seen: Vec<Option<String>> = thread::scope(|scope| {
        let handles: Vec<_> = (0..8)
            .map(|t| {
                let barrier = &barrier;
                scope.spawn(move || {
                    barrier.wait();
                    let member = E::registry()
                        .register_with_description(&spelled("contended", t), format!("from {t}"))
                        .unwrap();
                    member.description().map(str::to_owned)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let winner = E::registry().get("CONTENDED").unwrap();
    let winner = winner.description().unwrap();
    assert!(
        seen.iter().all(|d| d.as_deref() == Some(winner)),
        "{seen:?}"
    );
    assert_eq!(E::registry().len(), 1);
}

#[test]
fn an_empty_owned_description_as_the_first_thing_registered_is_kept() {
    // The registry's arena is empty until this call, and the description is copied into it first:
    // a zero-byte copy must still get a real address (debug builds check `from_raw_parts`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    enum E {
        Builtin,
    }
    let duck = E::registry()
        .register_with_description("duck", String::new())
        .unwrap();
    assert_eq!(duck.description(), Some(""));
    assert_eq!(E::registry().get("DUCK").unwrap().description(), Some(""));
}
