//! The registry under concurrent use: threads register overlapping names in mixed case while others
//! look them up and list them. No name is lost or doubled, each thread's registrations keep their
//! order, and everything finishes (the harness's timeout would catch a deadlock).
//!
//! loom does not fit here: the registry publishes leaked tables through `std` atomics in a `static`,
//! which loom's model can't replace. CI runs this in debug builds; `cargo test --release -p
//! dynenum-tests --test stress` runs it with more interleavings per second.

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

use dynenum_core::{DynamicMember, DynamicStrEnum, Member};

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum Plugin {
    Core,
}

const WRITERS: usize = 4;
const PER_WRITER: usize = 2_000;

/// Writer `w` registers names `0..PER_WRITER` of a shared pool in an order of its own, half of
/// them in upper case, so writers collide on every name.
fn pool_name(i: usize, w: usize) -> String {
    let name = format!("plugin_{i}");
    if (i + w) % 2 == 0 {
        name.to_ascii_uppercase()
    } else {
        name
    }
}

#[test]
fn concurrent_registration_loses_and_doubles_nothing() {
    let registry = Plugin::registry();
    let done = AtomicBool::new(false);
    let orders: Vec<Vec<DynamicMember<Plugin>>> = thread::scope(|scope| {
        let readers: Vec<_> = (0..2)
            .map(|r| {
                let done = &done;
                scope.spawn(move || {
                    let mut rounds = 0_usize;
                    while !done.load(Ordering::Acquire) {
                        let names = registry.names();
                        let distinct: HashSet<&str> =
                            names.iter().map(DynamicMember::as_str).collect();
                        assert_eq!(distinct.len(), names.len(), "a name listed twice");
                        let all = Member::<Plugin>::all().count();
                        assert!(all > names.len(), "built-ins come first in all()");
                        for member in &names {
                            let upper = member.as_str().to_ascii_uppercase();
                            assert_eq!(registry.get(&upper).as_ref(), Some(member));
                        }
                        rounds += 1;
                        assert!(r < 2);
                    }
                    rounds
                })
            })
            .collect();
        let writers: Vec<_> = (0..WRITERS)
            .map(|w| {
                scope.spawn(move || {
                    (0..PER_WRITER)
                        .map(|k| {
                            // Each writer walks the shared pool with its own stride, and between
                            // two shared names registers one only it knows.
                            let i = (k * (2 * w + 1)) % PER_WRITER;
                            registry.register(&pool_name(i, w)).unwrap();
                            registry.register(&format!("Writer{w}_Own_{k}")).unwrap()
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let orders = writers.into_iter().map(|h| h.join().unwrap()).collect();
        done.store(true, Ordering::Release);
        for reader in readers {
            assert!(
                reader.join().unwrap() > 0,
                "each reader made at least one round"
            );
        }
        orders
    });

    let names = registry.names();
    assert_eq!(
        names.len(),
        PER_WRITER * (WRITERS + 1),
        "every name exactly once"
    );
    let distinct: HashSet<&str> = names.iter().map(DynamicMember::as_str).collect();
    assert_eq!(distinct.len(), names.len());
    for i in 0..PER_WRITER {
        assert!(registry.contains(&pool_name(i, 0)), "pool name {i} lost");
    }
    let position: std::collections::HashMap<&str, usize> = names
        .iter()
        .enumerate()
        .map(|(at, member)| (member.as_str(), at))
        .collect();
    for (w, own) in orders.iter().enumerate() {
        let at: Vec<usize> = own.iter().map(|member| position[member.as_str()]).collect();
        assert!(
            at.windows(2).all(|pair| pair[0] < pair[1]),
            "writer {w}'s names out of order"
        );
        for (k, member) in own.iter().enumerate() {
            assert_eq!(member.as_str(), format!("writer{w}_own_{k}"));
            assert_eq!(registry.get(member.as_str()).as_ref(), Some(member));
        }
    }
}
