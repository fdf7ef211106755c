//! The priority rules of plugin tables as a property: for any set of `(name, priority, origin, line)`
//! submissions, every name's winner is the one a naive model of the rules picks, and `shadowed()`
//! holds exactly the others, highest priority first. Submissions are fed to a fresh table through a
//! hidden entry point, as `plugin!` calls would be.

use proptest::prelude::*;

use dynenum_core::{DynamicStrEnum, Plugins};

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum Num {
    #[dynenum(alias = "uno")]
    One,
    Two,
}

/// Spellings: built-in names and an alias in several cases, and plugin names in several cases.
const NAMES: &[&str] = &["one", "ONE", "uno", "two", "x", "X", "y_z", "Y_Z"];
const ORIGINS: &[&str] = &["alpha", "beta", "beta::inner", "gamma"];

/// A submission's rank key, as the model sees it: priority, origin and line.
type Key = (i32, &'static str, u32);

/// The name a spelling stands for, folded.
fn folded(name: &str) -> String {
    Num::from_name(name).map_or_else(|| name.to_ascii_lowercase(), |n| n.as_str().to_owned())
}

/// The naive model: the highest priority; at equal priority a plugin beats the built-in value;
/// between plugins, the smallest origin, then the smallest line. `None` stands for the built-in.
fn model_winner(builtin: bool, submissions: &[Key]) -> Option<Key> {
    let top = submissions
        .iter()
        .map(|k| k.0)
        .chain(builtin.then_some(0))
        .max()?;
    let best_plugin = submissions
        .iter()
        .filter(|k| k.0 == top)
        .min_by(|a, b| (a.1, a.2).cmp(&(b.1, b.2)));
    best_plugin.copied()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn the_winner_is_the_models_and_the_others_are_shadowed(
        picks in proptest::collection::vec((0..NAMES.len(), -2_i32..=2, 0..ORIGINS.len(), 1_u32..4), 0..12)
    ) {
        let submissions: Vec<(&'static str, i32, &'static str, u32)> = picks
            .iter()
            .map(|&(name, priority, origin, line)| (NAMES[name], priority, ORIGINS[origin], line))
            .collect();
        // A fresh table per case (the enum's registry is shared, which the rules don't read).
        let table: Plugins<Num, usize> = Plugins::new("num", |n| match n {
            Num::One => 1_000_000,
            Num::Two => 2_000_000,
        });
        dynenum_core::__private::feed_plugins(&table, &submissions, |i| i);

        let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
        for (i, (name, ..)) in submissions.iter().enumerate() {
            let key = folded(name);
            match groups.iter_mut().find(|(k, _)| *k == key) {
                Some((_, members)) => members.push(i),
                None => groups.push((key, vec![i])),
            }
        }
        for builtin in Num::iter() {
            if !groups.iter().any(|(k, _)| k == builtin.as_str()) {
                groups.push((builtin.as_str().to_owned(), Vec::new()));
            }
        }
        prop_assert_eq!(table.len(), groups.len());

        let key_of = |value: usize| -> Option<Key> {
            submissions.get(value).map(|&(_, p, o, l)| (p, o, l))
        };
        for (name, members) in &groups {
            let builtin = Num::from_name(name).is_some();
            let keys: Vec<Key> = members.iter().map(|&i| key_of(i).unwrap()).collect();
            let entry = table.entry(name.as_str()).unwrap();
            let expected = model_winner(builtin, &keys);
            prop_assert_eq!(key_of(*entry.value()), expected, "winner of {}", name);
            prop_assert_eq!(entry.is_builtin(), expected.is_none());
            if let Some((priority, origin, _)) = expected {
                prop_assert_eq!((entry.priority(), entry.origin()), (priority, origin));
            }

            // Everything else is shadowed, exactly once, highest priority first.
            let mut all: Vec<Option<Key>> = keys.iter().copied().map(Some).collect();
            if builtin {
                all.push(None);
            }
            let winner_at = all.iter().position(|k| *k == expected).unwrap();
            all.remove(winner_at);
            let shadowed: Vec<Option<Key>> = entry.shadowed().map(|e| key_of(*e.value())).collect();
            let priorities: Vec<i32> = entry.shadowed().map(|e| e.priority()).collect();
            prop_assert!(priorities.windows(2).all(|w| w[0] >= w[1]), "{:?}", priorities);
            let (mut got, mut want) = (shadowed, all);
            got.sort();
            want.sort();
            prop_assert_eq!(got, want);
        }
    }
}
