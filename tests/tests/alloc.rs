//! Allocation counts (invariant 6 and the "never allocates" promises): a counting global allocator that
//! counts per thread, so tests running in parallel on other threads don't disturb each other.

use std::collections::hash_map::DefaultHasher;
use std::fmt::Write as _;
use std::hash::{Hash, Hasher};
use std::hint::black_box;
use std::str::FromStr;

use dynenum_core::{Caseless, DynamicStrEnum, Member};
use dynenum_tests::{Big, Small};

use dynenum_tests::counting::{allocations, assert_no_allocation, Counting};

#[global_allocator]
static GLOBAL: Counting = Counting;

#[test]
fn the_counter_sees_allocations() {
    let ((), count) = allocations(|| drop(black_box(vec![1_u8; 16])));
    assert_eq!(count, 1);
}

#[test]
fn parsing_builtin_names_allocates_nothing() {
    for text in [
        "openai_chat",
        "OPENAI_CHAT",
        "Claude",
        "anthropic",
        "HF-TGI",
    ] {
        assert_no_allocation("Small::from_str", || Small::from_str(text).unwrap());
        assert_no_allocation("Small::from_name", || Small::from_name(text).unwrap());
        assert_no_allocation("Small::try_from", || Small::try_from(text).unwrap());
        assert_no_allocation("Member::from_str", || {
            Member::<Small>::from_str(text).unwrap()
        });
        assert_no_allocation("Member::try_from", || {
            Member::<Small>::try_from(text).unwrap()
        });
        assert_no_allocation("lookup", || Small::lookup(text).unwrap());
    }
    for text in [
        "Mixed-Case name",
        "straße",
        "TCP_AGENT",
        "agent007",
        "É",
        "x",
    ] {
        assert_no_allocation("Big::from_str", || Big::from_str(text).unwrap());
        assert_no_allocation("Member<Big>::from_str", || {
            Member::<Big>::from_str(text).unwrap()
        });
    }
    // A miss that is a valid name: `from_name` alone allocates nothing either.
    assert_no_allocation("from_name miss", || Big::from_name("nvidia_optimised"));
}

#[test]
fn parsing_a_registered_name_allocates_nothing() {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    enum Open {
        Builtin,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    #[dynenum(dynamic = "registered", rename_all = "kebab-case", ignore_separators)]
    enum Closed {
        Builtin,
    }
    Open::registry().register("Plugin").unwrap();
    Closed::registry().register("my plugin").unwrap();
    for text in ["plugin", "PLUGIN", "Plugin"] {
        let member = assert_no_allocation("Member::from_str", || {
            Member::<Open>::from_str(text).unwrap()
        });
        assert!(member.dynamic().unwrap().is_registered());
        assert_no_allocation("dynamic", || Open::dynamic(text).unwrap());
        assert_no_allocation("lookup", || Open::lookup(text).unwrap());
        assert_no_allocation("get", || Open::registry().get(text).unwrap());
        assert_no_allocation("contains", || Open::registry().contains(text));
        assert_no_allocation("register again", || {
            Open::registry().register(text).unwrap()
        });
    }
    for text in ["my-plugin", "MY_PLUGIN", "My Plugin"] {
        assert_no_allocation("Member::from_str", || {
            Member::<Closed>::from_str(text).unwrap()
        });
    }
}

#[test]
fn cloning_comparing_hashing_and_displaying_members_allocates_nothing() {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    enum E {
        OpenaiChat,
    }
    E::registry().register("registered").unwrap();
    let members: Vec<Member<E>> = ["openai_chat", "registered", "unregistered"]
        .iter()
        .map(|text| text.parse().unwrap())
        .collect();
    let texts: Vec<String> = members
        .iter()
        .map(|m| m.as_str().to_ascii_uppercase())
        .collect();
    let mut out = String::with_capacity(256);
    for (member, text) in members.iter().zip(&texts) {
        let copy = assert_no_allocation("Member::clone", || member.clone());
        assert_no_allocation("eq", || assert!(copy == *member));
        assert_no_allocation("eq str", || assert!(*member == *text.as_str()));
        assert_no_allocation("eq &str", || assert!(*member == text.as_str()));
        assert_no_allocation("eq String", || assert!(*member == *text));
        assert_no_allocation("String eq", || assert!(*text == *member));
        assert_no_allocation("cmp", || member.cmp(&copy));
        assert_no_allocation("hash", || {
            let mut hasher = DefaultHasher::new();
            member.hash(&mut hasher);
            Caseless::new(text).hash(&mut hasher);
            hasher.finish()
        });
        assert_no_allocation("Caseless eq", || {
            Caseless::new(text) == Caseless::new(member.as_str())
        });
        assert_no_allocation("Display", || {
            out.clear();
            write!(out, "{member} {member:>40} {member:.3}").unwrap();
        });
        if let Some(dynamic) = member.dynamic() {
            let copy = assert_no_allocation("DynamicMember::clone", || dynamic.clone());
            assert_no_allocation("DynamicMember eq", || assert!(copy == *dynamic));
            assert_no_allocation("DynamicMember Display", || {
                out.clear();
                write!(out, "{dynamic:<30}|").unwrap();
            });
            assert_no_allocation("DynamicMember Debug", || {
                out.clear();
                write!(out, "{dynamic:?}").unwrap();
            });
        }
        if let Some(builtin) = member.builtin() {
            assert!(assert_no_allocation("E eq", || builtin == *member));
            assert!(assert_no_allocation("E eq String", || builtin == *text));
            assert_no_allocation("E Display", || {
                out.clear();
                write!(out, "{builtin:>20}").unwrap();
            });
        }
    }
}

#[test]
fn an_unregistered_dynamic_proxy_costs_exactly_one_allocation() {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    #[dynenum(rename_all = "SCREAMING-KEBAB-CASE", ignore_separators)]
    enum Loud {
        Builtin,
    }
    for text in ["nvidia_optimized", "NVIDIA OPTIMIZED", "x"] {
        let (proxy, count) = allocations(|| Small::dynamic(text).unwrap());
        assert_eq!(count, 1, "Small::dynamic({text:?})");
        let (clone, count) = allocations(|| proxy.clone());
        assert_eq!(count, 0);
        drop(clone);
        let (_, count) = allocations(|| Member::<Small>::from_str(text).unwrap());
        assert_eq!(count, 1, "Member::from_str({text:?})");
        let (_, count) = allocations(|| Small::lookup(text).unwrap());
        assert_eq!(count, 1, "lookup({text:?})");
        let (folded, count) = allocations(|| Loud::dynamic(text).unwrap());
        assert_eq!(count, 1, "Loud::dynamic({text:?})");
        assert!(!folded.as_str().contains(['_', ' ']));
    }
}

#[test]
fn the_first_dynamic_proxy_of_an_enum_costs_one_allocation_too() {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    enum Fresh {
        Builtin,
    }
    // Nothing in this binary touches `Fresh`'s registry before this call.
    let (_, count) = allocations(|| Fresh::dynamic("plugin").unwrap());
    assert_eq!(count, 1, "the first proxy cost {count} allocations");
}

#[test]
fn a_parse_error_allocates_a_few_times_whatever_the_number_of_names() {
    // The error's box and the input's copy: the names are borrowed from the enum, and the search for
    // a suggestion allocates nothing for an ASCII input.
    let (result, small) = allocations(|| Small::from_str("opnai_chat"));
    assert_eq!(result.unwrap_err().suggestion(), Some("openai_chat"));
    assert!(
        small <= 2,
        "a failed parse of Small cost {small} allocations"
    );
    let near = format!("{}x", Big::VARIANTS[Big::COUNT - 1].as_str());
    let (result, big) = allocations(|| Big::from_str(&near));
    let err = result.unwrap_err();
    assert_eq!(err.expected().len(), Big::COUNT);
    assert!(err.suggestion().is_some(), "{err}");
    assert_eq!(
        big,
        small,
        "{} names cost more than {}",
        Big::COUNT,
        Small::COUNT
    );
    // An invalid name skips the suggestion altogether.
    let (result, invalid) = allocations(|| Member::<Small>::from_str(""));
    assert!(result.is_err());
    assert!(
        invalid <= 1,
        "an empty name's error cost {invalid} allocations"
    );
}

#[test]
fn the_suggestion_is_looked_for_only_when_asked() {
    // A non-ASCII input makes the search allocate (a list for its non-ASCII characters), which shows
    // when the search runs: not while parsing, only on the first `suggestion()` or `Display`.
    let (result, parse) = allocations(|| Small::from_str("öpenai_chat"));
    let err = result.unwrap_err();
    assert_eq!(parse, 2, "the box and the input's copy");
    let (near, search) = allocations(|| err.suggestion());
    assert_eq!(near, Some("openai_chat"));
    assert_eq!(search, 1);
    let (_, again) = allocations(|| err.suggestion());
    assert_eq!(again, 0, "the answer is kept");
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum Linked {
    Builtin,
}

dynenum_core::register!(Linked, "linked_plugin", "described" => "a link-time name");

#[test]
fn a_registry_with_link_time_names_is_built_once_on_first_use() {
    // Nothing in this binary touches `Linked`'s registry before this parse: it builds the table of
    // link-time names (a one-time cost, documented on `Registry`); every later parse allocates nothing.
    let (first, count) = allocations(|| Member::<Linked>::from_str("LINKED_PLUGIN").unwrap());
    assert!(first.dynamic().unwrap().is_registered());
    assert!(count > 0, "the first use builds the table");
    let (again, count) = allocations(|| Member::<Linked>::from_str("Linked_Plugin").unwrap());
    assert_eq!((again, count), (first, 0));
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum WarmLinked {
    Builtin,
}

dynenum_core::register!(WarmLinked, "linked_plugin", "described" => "a link-time name");

#[test]
fn parsing_a_link_time_name_allocates_nothing_once_the_registry_is_built() {
    assert_eq!(WarmLinked::registry().len(), 2);
    for text in ["LINKED_PLUGIN", "Described"] {
        let member = assert_no_allocation("Member::from_str", || {
            Member::<WarmLinked>::from_str(text).unwrap()
        });
        assert!(member.dynamic().unwrap().is_registered());
    }
}

#[test]
fn listing_every_member_allocates_nothing() {
    // Built-ins, then the link-time names, read from the registry's table in place.
    let registered = Linked::registry().len();
    let (count, allocs) = allocations(|| Member::<Linked>::all().count());
    assert_eq!(count, Linked::COUNT + registered);
    assert!(registered >= 2, "both link-time names are listed");
    assert_eq!(allocs, 0, "Member::all() allocated {allocs} times");
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(dynamic = "registered")]
enum NoneRegistered {
    Postgres,
    Sqlite,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(dynamic = "registered")]
enum ManyRegistered {
    Postgres,
    Sqlite,
}

#[test]
fn a_failed_member_parse_allocates_the_same_with_10_000_registered_names_as_with_none() {
    for i in 0..10_000 {
        ManyRegistered::registry()
            .register(&format!("plugin_{i:05}"))
            .unwrap();
    }
    // Both registries started before counting (the first use of an empty one allocates nothing, but
    // keep the comparison about the failure alone).
    assert!(NoneRegistered::registry().is_empty());
    for input in [
        "mysql",
        "plugin_x",
        "pluginnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn_99999",
        "ünknown",
    ] {
        let (none, with_none) = allocations(|| Member::<NoneRegistered>::from_str(input));
        let (many, with_many) = allocations(|| Member::<ManyRegistered>::from_str(input));
        assert!(none.is_err() && many.is_err(), "{input}");
        assert_eq!(
            with_many, with_none,
            "{input:?}: 10,000 registered names cost {with_many} allocations, none {with_none}"
        );
        assert!(with_none <= 2, "{input:?}: {with_none} allocations");
        // The names are read from the registry when the error is shown.
        assert_eq!(many.unwrap_err().expected().len(), 10_002);
        assert_eq!(none.unwrap_err().expected().len(), 2);
    }
}
