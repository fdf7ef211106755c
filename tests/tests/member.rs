//! `Member<E>` and `DynamicMember<E>`: canonicalization, equality with strings and `E`, order, hashing,
//! `Caseless` lookups, clones, `Debug`, `is_registered`, folding per style, and `Member::all()`.

use std::cmp::Ordering;
use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::hash::{Hash, Hasher};

use dynenum_core::{Caseless, DynamicMember, DynamicStrEnum, Member, NameError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum EndpointType {
    OpenaiChat,
    #[dynenum(alias = "claude", alias = "anthropic")]
    AnthropicChat,
    #[dynenum(rename = "hf-tgi")]
    HuggingFaceTgi,
}

type M = Member<EndpointType>;

fn hash_of<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

fn member(text: &str) -> M {
    text.parse().unwrap()
}

#[test]
fn every_constructor_gives_builtin_for_a_builtin_name_or_alias() {
    for text in [
        "openai_chat",
        "OPENAI_CHAT",
        "Claude",
        "ANTHROPIC",
        "Hf-Tgi",
    ] {
        let want = EndpointType::from_name(text).unwrap();
        let parsed: M = text.parse().unwrap();
        assert_eq!(parsed, Member::Builtin(want));
        assert!(parsed.is_builtin());
        assert_eq!(parsed.builtin(), Some(want));
        assert!(parsed.dynamic().is_none());
        assert_eq!(M::try_from(text).unwrap(), Member::Builtin(want));
        assert_eq!(EndpointType::lookup(text).unwrap(), Member::Builtin(want));
    }
    assert_eq!(
        M::from(EndpointType::OpenaiChat),
        Member::Builtin(EndpointType::OpenaiChat)
    );
}

#[test]
fn a_dynamic_member_never_holds_a_builtin_name() {
    for text in ["openai_chat", "CLAUDE", "hf-TGI"] {
        let canonical = EndpointType::from_name(text).unwrap().as_str();
        assert_eq!(
            EndpointType::dynamic(text),
            Err(NameError::Builtin(canonical))
        );
        assert_eq!(
            EndpointType::registry().register(text),
            Err(NameError::Builtin(canonical))
        );
    }
}

#[test]
fn other_names_give_dynamic_members() {
    let nv = member("NVIDIA_OPTIMIZED");
    assert!(!nv.is_builtin());
    assert_eq!(nv.builtin(), None);
    let dynamic = nv.dynamic().unwrap();
    assert_eq!(dynamic.as_str(), "nvidia_optimized");
    assert_eq!(
        nv,
        Member::Dynamic(EndpointType::dynamic("nvidia_optimized").unwrap())
    );
    assert_eq!(M::from(dynamic.clone()), nv);
}

#[test]
fn builtin_member_equals_its_variant_in_both_directions() {
    let m = member("claude");
    assert_eq!(m, EndpointType::AnthropicChat);
    assert_eq!(EndpointType::AnthropicChat, m);
    assert_ne!(m, EndpointType::OpenaiChat);
    assert_ne!(EndpointType::OpenaiChat, m);
    let nv = member("nvidia");
    assert_ne!(nv, EndpointType::OpenaiChat);
    assert_ne!(EndpointType::OpenaiChat, nv);
}

#[test]
fn members_equal_strings_ignoring_ascii_case_in_both_directions() {
    let builtin = member("openai_chat");
    let dynamic = member("Nvidia_Optimized");
    let proxy = EndpointType::dynamic("nvidia_optimized").unwrap();
    for (text, owned) in [
        ("OPENAI_CHAT", String::from("Openai_Chat")),
        ("openai_chat", String::from("OPENAI_chat")),
    ] {
        assert!(builtin == *text);
        assert!(*text == builtin);
        assert!(builtin == text);
        assert!(text == builtin);
        assert!(builtin == owned);
        assert!(owned == builtin);
        assert!(EndpointType::OpenaiChat == *text);
        assert!(*text == EndpointType::OpenaiChat);
        assert!(EndpointType::OpenaiChat == text);
        assert!(text == EndpointType::OpenaiChat);
        assert!(EndpointType::OpenaiChat == owned);
        assert!(owned == EndpointType::OpenaiChat);
    }
    for (text, owned) in [
        ("NVIDIA_OPTIMIZED", String::from("nvidia_OPTIMIZED")),
        ("nvidia_optimized", String::from("Nvidia_Optimized")),
    ] {
        assert!(dynamic == *text);
        assert!(*text == dynamic);
        assert!(dynamic == text);
        assert!(text == dynamic);
        assert!(dynamic == owned);
        assert!(owned == dynamic);
        assert!(proxy == *text);
        assert!(*text == proxy);
        assert!(proxy == text);
        assert!(text == proxy);
        assert!(proxy == owned);
        assert!(owned == proxy);
    }
    for other in [
        "nvidia-optimized",
        "nvidia_optimised",
        "nvidia_optimized ",
        "openai_chat",
    ] {
        assert!(dynamic != other, "{other:?}");
        assert!(other != dynamic, "{other:?}");
        assert!(proxy != other, "{other:?}");
        assert!(other != proxy, "{other:?}");
    }
    assert!(builtin != "openai-chat");
    assert!("openai-chat" != builtin);
}

#[test]
fn text_equality_uses_the_canonical_name_not_aliases() {
    assert_ne!(EndpointType::AnthropicChat, "claude");
    assert_ne!(member("claude"), "claude");
    assert_eq!(member("claude"), "ANTHROPIC_CHAT");
}

#[test]
fn builtin_and_dynamic_members_are_never_equal() {
    let all = [
        member("openai_chat"),
        member("anthropic_chat"),
        member("hf-tgi"),
        member("openai_chat2"),
        member("openai-chat"),
    ];
    for (i, a) in all.iter().enumerate() {
        for (j, b) in all.iter().enumerate() {
            assert_eq!(a == b, i == j, "{a:?} vs {b:?}");
        }
    }
}

#[test]
fn order_ignores_ascii_case_and_agrees_with_equality() {
    let mut members: Vec<M> = [
        "Zeta",
        "hf-tgi",
        "alpha",
        "OPENAI_CHAT",
        "Beta",
        "claude",
        "éa",
        "Ea",
    ]
    .iter()
    .map(|text| member(text))
    .collect();
    members.sort();
    let names: Vec<&str> = members.iter().map(Member::as_str).collect();
    assert_eq!(
        names,
        [
            "alpha",
            "anthropic_chat",
            "beta",
            "ea",
            "hf-tgi",
            "openai_chat",
            "zeta",
            "éa"
        ]
    );
    for a in &members {
        for b in &members {
            assert_eq!(a.cmp(b) == Ordering::Equal, a == b, "{a:?} vs {b:?}");
            assert_eq!(a.partial_cmp(b), Some(a.cmp(b)));
            assert_eq!(a.cmp(b), b.cmp(a).reverse());
        }
    }
    let x = EndpointType::dynamic("Same_Name").unwrap();
    let y = EndpointType::dynamic("SAME_name").unwrap();
    assert_eq!(x.cmp(&y), Ordering::Equal);
    assert!(EndpointType::dynamic("a").unwrap() < EndpointType::dynamic("B").unwrap());
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(rename_all = "PascalCase")]
enum Kept {
    Alpha,
}

#[test]
fn order_ignores_case_even_when_names_keep_their_case() {
    let upper = Kept::dynamic("Beta").unwrap();
    let lower = Kept::dynamic("alpha2").unwrap();
    assert_eq!(upper.as_str(), "Beta");
    // Byte order would put "Beta" first; the order ignores ASCII case.
    assert!(lower < upper);
    assert!(Member::Builtin(Kept::Alpha) < Member::Dynamic(lower.clone()));
    assert_eq!(
        lower.cmp(&Kept::dynamic("ALPHA2").unwrap()),
        Ordering::Equal
    );
    assert_eq!(lower, Kept::dynamic("ALPHA2").unwrap());
}

#[test]
fn equal_members_hash_equally_across_types() {
    let builtin = EndpointType::OpenaiChat;
    let h = hash_of(&builtin);
    assert_eq!(hash_of(&member("OPENAI_CHAT")), h);
    assert_eq!(hash_of(Caseless::new("Openai_Chat")), h);
    assert_eq!(hash_of(Caseless::new("openai_chat")), h);

    let proxy = EndpointType::dynamic("Nvidia_Optimized").unwrap();
    let h = hash_of(&proxy);
    assert_eq!(
        hash_of(&EndpointType::dynamic("NVIDIA_OPTIMIZED").unwrap()),
        h
    );
    assert_eq!(hash_of(&member("nvidia_optimized")), h);
    assert_eq!(hash_of(&Member::Dynamic(proxy.clone())), h);
    assert_eq!(hash_of(Caseless::new("NVIDIA_optimized")), h);
}

#[test]
fn hash_map_of_members_is_queried_with_caseless_without_an_owned_key() {
    let mut ports: HashMap<M, u16> = HashMap::new();
    ports.insert(EndpointType::OpenaiChat.into(), 1);
    ports.insert(member("claude"), 2);
    ports.insert(member("Nvidia_Optimized"), 3);
    assert_eq!(ports.get(Caseless::new("OPENAI_CHAT")), Some(&1));
    assert_eq!(ports.get(Caseless::new("anthropic_chat")), Some(&2));
    assert_eq!(ports.get(Caseless::new("NVIDIA_OPTIMIZED")), Some(&3));
    assert_eq!(ports.get(Caseless::new("nvidia_optimized")), Some(&3));
    // A Caseless key finds the canonical name only: no alias, no other separator.
    assert_eq!(ports.get(Caseless::new("claude")), None);
    assert_eq!(ports.get(Caseless::new("nvidia-optimized")), None);
    // Inserting an equal key in another case replaces the value: one entry.
    ports.insert(member("NVIDIA_OPTIMIZED"), 4);
    assert_eq!(ports.len(), 3);
    assert_eq!(ports.get(&member("nvidia_optimized")), Some(&4));
}

#[test]
fn hash_set_of_variants_is_queried_with_caseless() {
    let set: HashSet<EndpointType> = EndpointType::iter().collect();
    assert!(set.contains(Caseless::new("HF-TGI")));
    assert!(set.contains(Caseless::new("Openai_Chat")));
    assert!(!set.contains(Caseless::new("claude")));
    assert!(!set.contains(Caseless::new("hf_tgi")));
    let proxies: HashSet<DynamicMember<EndpointType>> = ["a", "B", "c"]
        .iter()
        .map(|name| EndpointType::dynamic(name).unwrap())
        .collect();
    assert!(proxies.contains(Caseless::new("b")));
    assert!(proxies.contains(&EndpointType::dynamic("C").unwrap()));
    assert!(!proxies.contains(Caseless::new("d")));
}

#[test]
fn btree_map_of_members_is_queried_with_caseless() {
    let mut map: BTreeMap<M, u8> = BTreeMap::new();
    for (i, text) in ["zeta", "openai_chat", "b-x", "b_x", "b0", "ab", "hf-tgi"]
        .iter()
        .enumerate()
    {
        map.insert(member(text), u8::try_from(i).unwrap());
    }
    for (i, text) in ["ZETA", "OpenAI_Chat", "B-X", "B_X", "B0", "AB", "HF-TGI"]
        .iter()
        .enumerate()
    {
        assert_eq!(
            map.get(Caseless::new(text)),
            Some(&u8::try_from(i).unwrap()),
            "{text}"
        );
    }
    let set: BTreeSet<DynamicMember<EndpointType>> = ["b-x", "B_X", "b0", "ab"]
        .iter()
        .map(|name| EndpointType::dynamic(name).unwrap())
        .collect();
    assert_eq!(set.len(), 4);
    assert!(set.contains(Caseless::new("B_x")));
}

#[test]
fn clones_are_equal_and_share_the_name() {
    let proxy = EndpointType::dynamic("Plugin").unwrap();
    let copy = proxy.clone();
    assert_eq!(copy, proxy);
    assert_eq!(copy.as_str().as_ptr(), proxy.as_str().as_ptr());
    let m = Member::Dynamic(proxy.clone());
    let m2 = m.clone();
    assert_eq!(m2, m);
    assert_eq!(m2.as_str().as_ptr(), proxy.as_str().as_ptr());
    let b = member("claude");
    assert_eq!(b.clone(), b);
}

#[test]
fn members_registries_and_errors_can_cross_threads() {
    fn send_sync<T: Send + Sync + 'static>() {}
    send_sync::<EndpointType>();
    send_sync::<DynamicMember<EndpointType>>();
    send_sync::<M>();
    send_sync::<dynenum_core::Registry<EndpointType>>();
    send_sync::<dynenum_core::ParseError>();
    send_sync::<NameError>();
    send_sync::<&Caseless>();
    let proxy = EndpointType::dynamic("shared").unwrap();
    let copy = std::thread::spawn({
        let proxy = proxy.clone();
        move || proxy
    })
    .join()
    .unwrap();
    assert_eq!(copy, proxy);
}

#[test]
fn caseless_converts_from_str_and_gives_the_text_back() {
    let key: &Caseless = "Mixed_Case".into();
    assert_eq!(key.as_str(), "Mixed_Case");
    assert_eq!(AsRef::<str>::as_ref(key), "Mixed_Case");
    assert_eq!(key, Caseless::new("mixed_case"));
    assert_ne!(key, Caseless::new("mixed-case"));
    assert!(Caseless::new("a") < Caseless::new("B"));
    assert_eq!(format!("{key:>12}"), "  Mixed_Case");
}

#[test]
fn debug_names_the_enum_and_the_name() {
    let proxy = EndpointType::dynamic("NVIDIA_OPTIMIZED").unwrap();
    assert_eq!(
        format!("{proxy:?}"),
        r#"EndpointType::dynamic("nvidia_optimized")"#
    );
    assert_eq!(
        format!("{:?}", Member::Dynamic(proxy)),
        r#"Dynamic(EndpointType::dynamic("nvidia_optimized"))"#
    );
    assert_eq!(format!("{:?}", member("claude")), "Builtin(AnthropicChat)");
    let quoted = EndpointType::dynamic("say \"hi\"").unwrap();
    assert_eq!(
        format!("{quoted:?}"),
        r#"EndpointType::dynamic("say \"hi\"")"#
    );
    assert_eq!(format!("{:?}", Caseless::new("Ab")), r#"Caseless("Ab")"#);
    assert_eq!(Caseless::new("Ab").to_string(), "Ab");
    assert_eq!(Caseless::new("Ab").as_str(), "Ab");
}

#[test]
fn is_registered_is_fixed_when_the_member_is_built() {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    enum Local {
        Builtin,
    }
    let before = Local::dynamic("Plugin").unwrap();
    assert!(!before.is_registered());
    let registered = Local::registry().register("PLUGIN").unwrap();
    assert!(registered.is_registered());
    assert!(!before.is_registered());
    assert_eq!(before, registered);
    assert_eq!(hash_of(&before), hash_of(&registered));
    let after = Local::dynamic("plugin").unwrap();
    assert!(after.is_registered());
    let parsed: Member<Local> = "Plugin".parse().unwrap();
    assert!(parsed.dynamic().unwrap().is_registered());
    assert!(Local::lookup("plugin")
        .unwrap()
        .dynamic()
        .unwrap()
        .is_registered());
    assert!(!Local::dynamic("other").unwrap().is_registered());
}

macro_rules! fold_case {
    ($test:ident, $style:literal, $proxy:literal, $registered:literal) => {
        #[test]
        fn $test() {
            #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
            #[dynenum(rename_all = $style)]
            enum Styled {
                Builtin,
            }
            let proxy = Styled::dynamic("ÉCLAIR-Plugin_Name x").unwrap();
            assert_eq!(proxy.as_str(), $proxy);
            assert_eq!(proxy.to_string(), $proxy);
            assert_eq!(Member::Dynamic(proxy.clone()).to_string(), $proxy);
            // Only ASCII letters fold: `É` is kept, and is not equal to `é`.
            assert_eq!(proxy, "ÉCLAIR-PLUGIN_NAME X");
            assert_ne!(proxy, "éclair-plugin_name x");
            let registered = Styled::registry().register("Éclair-PLUGIN_name X").unwrap();
            assert_eq!(registered.as_str(), $registered);
            assert_eq!(registered, proxy);
            // Later registrations in another case find the stored spelling.
            let again = Styled::registry().register("ÉCLAIR-PLUGIN_NAME X").unwrap();
            assert_eq!(again.as_str(), $registered);
            assert_eq!(
                Styled::dynamic("éclair").unwrap().as_str().len(),
                "éclair".len()
            );
        }
    };
}

fold_case!(
    lowercase_folds_dynamic_names_to_lower_case,
    "lowercase",
    "Éclair-plugin_name x",
    "Éclair-plugin_name x"
);
fold_case!(
    snake_case_folds_dynamic_names_to_lower_case,
    "snake_case",
    "Éclair-plugin_name x",
    "Éclair-plugin_name x"
);
fold_case!(
    kebab_case_folds_dynamic_names_to_lower_case,
    "kebab-case",
    "Éclair-plugin_name x",
    "Éclair-plugin_name x"
);
fold_case!(
    uppercase_folds_dynamic_names_to_upper_case,
    "UPPERCASE",
    "ÉCLAIR-PLUGIN_NAME X",
    "ÉCLAIR-PLUGIN_NAME X"
);
fold_case!(
    screaming_snake_case_folds_dynamic_names_to_upper_case,
    "SCREAMING_SNAKE_CASE",
    "ÉCLAIR-PLUGIN_NAME X",
    "ÉCLAIR-PLUGIN_NAME X"
);
fold_case!(
    screaming_kebab_case_folds_dynamic_names_to_upper_case,
    "SCREAMING-KEBAB-CASE",
    "ÉCLAIR-PLUGIN_NAME X",
    "ÉCLAIR-PLUGIN_NAME X"
);
fold_case!(
    pascal_case_keeps_dynamic_names_as_first_given,
    "PascalCase",
    "ÉCLAIR-Plugin_Name x",
    "Éclair-PLUGIN_name X"
);
fold_case!(
    train_case_keeps_dynamic_names_as_first_given,
    "Train-Case",
    "ÉCLAIR-Plugin_Name x",
    "Éclair-PLUGIN_name X"
);
fold_case!(
    title_case_keeps_dynamic_names_as_first_given,
    "Title Case",
    "ÉCLAIR-Plugin_Name x",
    "Éclair-PLUGIN_name X"
);
fold_case!(
    camel_case_keeps_dynamic_names_as_first_given,
    "camelCase",
    "ÉCLAIR-Plugin_Name x",
    "Éclair-PLUGIN_name X"
);

#[test]
fn all_yields_builtins_in_order_then_registered_names_in_call_order() {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    enum Ui {
        Terminal,
        #[dynenum(alias = "gui")]
        Desktop,
    }
    let before: Vec<String> = Member::<Ui>::all().map(|m| m.to_string()).collect();
    assert_eq!(before, ["terminal", "desktop"]);
    Ui::registry().register("Web").unwrap();
    Ui::registry().register("voice").unwrap();
    Ui::registry().register("WEB").unwrap();
    let _unregistered = Ui::dynamic("phone").unwrap();
    let _parsed: Member<Ui> = "tablet".parse().unwrap();
    let all: Vec<Member<Ui>> = Member::<Ui>::all().collect();
    let names: Vec<&str> = all.iter().map(Member::as_str).collect();
    assert_eq!(names, ["terminal", "desktop", "web", "voice"]);
    assert_eq!(all[0], Ui::Terminal);
    assert!(all[2].dynamic().unwrap().is_registered());
}
