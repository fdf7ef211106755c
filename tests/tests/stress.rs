//! The registry under concurrent use: threads register overlapping names in mixed case while others
//! look them up and list them. No name is lost or doubled, each thread's registrations keep their
//! order, and everything finishes (the harness's timeout would catch a deadlock).
//!
//! The handoff tests check the memory orderings themselves. A writer tells readers what it has
//! registered through a `Relaxed` counter, which orders nothing: whatever a reader then reads of a
//! name (its entry, its bytes, its description, the registration order) is ordered after the write
//! only by the registry's own release and acquire pairs. Run under the thread sanitizer (`tests/tsan.sh`,
//! which CI runs), any of those weakened to `Relaxed` is reported as a data race; the list of such
//! mutations and whether each is caught is in `tests/tsan.sh`.
//!
//! loom does not fit here: the registry publishes leaked tables through `std` atomics in a `static`,
//! which loom's model can't replace. CI runs this in debug builds; `cargo test --release -p
//! dynenum-tests --test stress` runs it with more interleavings per second.

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum Looked {
    Builtin,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum Listed {
    Builtin,
}

/// Enough names for eight doublings of the index (it starts with room for 16).
const HANDED_OFF: usize = 3_000;

/// The `i`th name of the handoff tests, in the case the writer registers it.
fn handoff_name(i: usize) -> String {
    format!("Handed_Off_{i}")
}

/// The description the writer gives the `i`th name, some steps after registering it.
fn description(i: usize) -> String {
    format!("described after {}", handoff_name(i))
}

/// Waits until the registry shows what a `Relaxed` handoff announced: that promises no more than
/// that the write becomes visible eventually (on common hardware, at once).
fn eventually<T>(mut look: impl FnMut() -> Option<T>) -> T {
    loop {
        if let Some(found) = look() {
            return found;
        }
        std::hint::spin_loop();
    }
}

/// The writer of the handoff tests: registers `HANDED_OFF` names, announcing each in `registered`,
/// and every third step describes the name registered two steps before (an owned `String`, so
/// the registry copies it, then publishes a new entry in the name's slot), announcing it in
/// `described`. Both counters are `Relaxed`: they order nothing.
fn write_and_announce<E: DynamicStrEnum>(registered: &AtomicUsize, described: &AtomicUsize) {
    let registry = E::registry();
    for i in 0..HANDED_OFF {
        registry.register(&handoff_name(i)).unwrap();
        registered.store(i + 1, Ordering::Relaxed);
        if i % 3 == 2 {
            registry
                .register_with_description(&handoff_name(i - 2), description(i - 2))
                .unwrap();
            described.store(i - 1, Ordering::Relaxed);
        }
    }
}

// One reader per handoff test: ThreadSanitizer remembers a few accesses per word, and the reads of
// more threads could push the writer's write out of its memory before the unordered read comes.

#[test]
fn a_reader_finds_each_name_and_description_as_soon_as_registration_returns() {
    let registry = Looked::registry();
    let (registered, described) = (AtomicUsize::new(0), AtomicUsize::new(0));
    thread::scope(|scope| {
        scope.spawn(|| {
            let mut seen = 0;
            while seen < HANDED_OFF {
                let newest = registered.load(Ordering::Relaxed);
                if newest == seen {
                    std::hint::spin_loop();
                    continue;
                }
                seen = newest;
                // The newest name, often the first in a table just grown, in another case.
                let wanted = handoff_name(seen - 1).to_ascii_uppercase();
                let member = eventually(|| registry.get(&wanted));
                assert_eq!(member.as_str(), wanted.to_ascii_lowercase());
                assert!(member.is_registered());
                // Parsing reaches the index from the built-in lookup's miss: the same entry.
                let parsed: Member<Looked> = wanted.parse().unwrap();
                assert_eq!(parsed.dynamic(), Some(&member));
                // The newest description, read through a member built now.
                let done = described.load(Ordering::Relaxed);
                if done > 0 {
                    let name = handoff_name(done - 1);
                    let text = eventually(|| {
                        registry
                            .get(&name)
                            .and_then(|m| m.description().map(str::to_owned))
                    });
                    assert_eq!(text, description(done - 1));
                }
            }
        });
        scope.spawn(|| write_and_announce::<Looked>(&registered, &described));
    });
    assert_eq!(registry.len(), HANDED_OFF);
}

#[test]
fn a_reader_lists_names_and_descriptions_in_order_while_they_are_registered() {
    let registry = Listed::registry();
    let (registered, described) = (AtomicUsize::new(0), AtomicUsize::new(0));
    thread::scope(|scope| {
        scope.spawn(|| {
            // Only lists: what it reads of each entry (its name, and the description that replaced
            // it) is ordered by the count and the slots alone, never by a lookup of its own.
            loop {
                let finished = registered.load(Ordering::Relaxed) == HANDED_OFF;
                let names = registry.names();
                for (i, member) in names.iter().enumerate() {
                    assert_eq!(member.as_str(), handoff_name(i).to_ascii_lowercase());
                    if let Some(text) = member.description() {
                        assert_eq!(i % 3, 0, "{member:?} was never described");
                        assert_eq!(text, description(i));
                    }
                }
                if finished {
                    break;
                }
            }
        });
        scope.spawn(|| write_and_announce::<Listed>(&registered, &described));
    });
    let names = Listed::registry().names();
    assert_eq!(names.len(), HANDED_OFF);
    let described = names.iter().filter(|m| m.description().is_some()).count();
    assert_eq!(described, HANDED_OFF / 3);
}
