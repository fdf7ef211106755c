//! `#[dynenum(ignore_separators)]`: `-`, `_` and ` ` are one character for parsing, comparison, order
//! and hashing; names are stored with the style's separator, and `Caseless` finds that spelling.

use std::cmp::Ordering;
use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{Hash, Hasher};

use dynenum_core::{Caseless, DynamicStrEnum, Member, NameError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(ignore_separators)]
enum Snake {
    OpenaiChat,
    #[dynenum(rename = "hf tgi", alias = "text-generation inference")]
    HuggingFaceTgi,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(rename_all = "kebab-case", ignore_separators)]
enum Kebab {
    OpenaiChat,
    #[dynenum(rename = "hf_tgi", alias = "text generation_inference")]
    HuggingFaceTgi,
}

const SPELLINGS: [&str; 6] = [
    "nvidia-optimized",
    "NVIDIA_OPTIMIZED",
    "Nvidia Optimized",
    "nvidia_optimized",
    "NVIDIA-optimized",
    "nvidia optimized",
];

fn hash_of<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

#[test]
fn separator_spellings_name_one_dynamic_member_of_a_snake_enum() {
    let members: Vec<Member<Snake>> = SPELLINGS.iter().map(|s| s.parse().unwrap()).collect();
    for m in &members {
        assert_eq!(m, &members[0]);
        assert_eq!(m.as_str(), "nvidia_optimized");
        assert_eq!(m.to_string(), "nvidia_optimized");
        assert_eq!(hash_of(m), hash_of(&members[0]));
        assert_eq!(m.cmp(&members[0]), Ordering::Equal);
        for text in SPELLINGS {
            assert!(*m == text, "{m:?} vs {text:?}");
            assert!(text == *m, "{m:?} vs {text:?}");
        }
    }
    let dynamic = Snake::dynamic("Nvidia-Optimized").unwrap();
    assert_eq!(dynamic.as_str(), "nvidia_optimized");
    assert_eq!(Member::Dynamic(dynamic), members[0]);
}

#[test]
fn separator_spellings_name_one_dynamic_member_of_a_kebab_enum() {
    let members: Vec<Member<Kebab>> = SPELLINGS.iter().map(|s| s.parse().unwrap()).collect();
    for m in &members {
        assert_eq!(m, &members[0]);
        assert_eq!(m.as_str(), "nvidia-optimized");
        assert_eq!(hash_of(m), hash_of(&members[0]));
        assert_eq!(m.cmp(&members[0]), Ordering::Equal);
        for text in SPELLINGS {
            assert!(*m == text, "{m:?} vs {text:?}");
            assert!(text == *m, "{m:?} vs {text:?}");
        }
    }
    let set: HashSet<Member<Kebab>> = members.into_iter().collect();
    assert_eq!(set.len(), 1);
}

#[test]
fn a_separator_is_one_character_runs_are_not_collapsed() {
    let one: Member<Snake> = "nvidia_optimized".parse().unwrap();
    let two: Member<Snake> = "nvidia__optimized".parse().unwrap();
    let none: Member<Snake> = "nvidiaoptimized".parse().unwrap();
    assert_ne!(one, two);
    assert_ne!(one, none);
    assert_ne!(one, "nvidia- optimized");
    assert_eq!(two, "nvidia- optimized");
    assert_eq!(two.as_str(), "nvidia__optimized");
}

#[test]
fn builtin_names_parse_and_compare_with_any_separator() {
    for text in ["openai_chat", "openai-chat", "OPENAI CHAT", "Openai-Chat"] {
        assert_eq!(
            text.parse::<Snake>().unwrap(),
            Snake::OpenaiChat,
            "{text:?}"
        );
        assert_eq!(Snake::from_name(text), Some(Snake::OpenaiChat));
        assert_eq!(
            text.parse::<Kebab>().unwrap(),
            Kebab::OpenaiChat,
            "{text:?}"
        );
        assert_eq!(
            text.parse::<Member<Kebab>>().unwrap(),
            Member::Builtin(Kebab::OpenaiChat)
        );
        assert!(Snake::OpenaiChat == text);
        assert!(text == Snake::OpenaiChat);
        assert!(Kebab::OpenaiChat == text);
        assert!(text == Kebab::OpenaiChat);
        assert_eq!(
            hash_of(&Snake::OpenaiChat),
            hash_of(&text.parse::<Member<Snake>>().unwrap())
        );
    }
    for text in ["hf-tgi", "HF_TGI", "hf tgi", "TEXT_GENERATION-INFERENCE"] {
        assert_eq!(
            text.parse::<Snake>().unwrap(),
            Snake::HuggingFaceTgi,
            "{text:?}"
        );
        assert_eq!(
            text.parse::<Kebab>().unwrap(),
            Kebab::HuggingFaceTgi,
            "{text:?}"
        );
    }
    assert_eq!("openaichat".parse::<Snake>().ok(), None);
    assert_eq!("openai__chat".parse::<Snake>().ok(), None);
    assert_eq!("openai.chat".parse::<Snake>().ok(), None);
}

#[test]
fn builtin_names_and_aliases_are_stored_with_the_styles_separator() {
    assert_eq!(Snake::OpenaiChat.as_str(), "openai_chat");
    assert_eq!(Snake::HuggingFaceTgi.as_str(), "hf_tgi");
    assert_eq!(
        Snake::HuggingFaceTgi.aliases(),
        ["text_generation_inference"]
    );
    assert_eq!(Snake::NAMES, ["openai_chat", "hf_tgi"]);
    assert_eq!(Kebab::OpenaiChat.as_str(), "openai-chat");
    assert_eq!(Kebab::HuggingFaceTgi.to_string(), "hf-tgi");
    assert_eq!(
        Kebab::HuggingFaceTgi.aliases(),
        ["text-generation-inference"]
    );
}

#[test]
fn dynamic_and_register_refuse_builtin_names_in_any_separator_spelling() {
    assert_eq!(
        Snake::dynamic("OPENAI-CHAT"),
        Err(NameError::Builtin("openai_chat"))
    );
    assert_eq!(
        Kebab::dynamic("text generation inference"),
        Err(NameError::Builtin("hf-tgi"))
    );
    assert_eq!(
        Kebab::registry().register("openai_chat"),
        Err(NameError::Builtin("openai-chat"))
    );
}

#[test]
fn registry_finds_a_name_in_any_separator_spelling_and_stores_the_styles() {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    #[dynenum(rename_all = "kebab-case", ignore_separators)]
    enum Local {
        Builtin,
    }
    let registry = Local::registry();
    let first = registry.register("Nvidia Optimized").unwrap();
    assert_eq!(first.as_str(), "nvidia-optimized");
    for text in SPELLINGS {
        assert!(registry.contains(text), "{text:?}");
        let again = registry.register(text).unwrap();
        assert_eq!(again.as_str().as_ptr(), first.as_str().as_ptr());
        assert!(registry.get(text).unwrap().is_registered());
        let parsed: Member<Local> = text.parse().unwrap();
        assert!(parsed.dynamic().unwrap().is_registered());
    }
    assert_eq!(registry.len(), 1);
    assert!(!registry.contains("nvidia--optimized"));
}

#[test]
fn caseless_finds_the_stored_spelling_only() {
    let mut snake: HashMap<Member<Snake>, u8> = HashMap::new();
    snake.insert("Nvidia Optimized".parse().unwrap(), 1);
    snake.insert(Snake::HuggingFaceTgi.into(), 2);
    assert_eq!(snake.get(Caseless::new("NVIDIA_OPTIMIZED")), Some(&1));
    assert_eq!(snake.get(Caseless::new("nvidia-optimized")), None);
    assert_eq!(snake.get(Caseless::new("HF_TGI")), Some(&2));
    assert_eq!(snake.get(Caseless::new("hf tgi")), None);
    // The member itself finds every spelling.
    assert_eq!(
        snake.get(&"nvidia optimized".parse::<Member<Snake>>().unwrap()),
        Some(&1)
    );

    let mut kebab: BTreeMap<Member<Kebab>, u8> = BTreeMap::new();
    for (i, text) in ["Nvidia Optimized", "a_b", "a0", "a-a", "openai chat", "zz"]
        .iter()
        .enumerate()
    {
        kebab.insert(text.parse().unwrap(), u8::try_from(i).unwrap());
    }
    assert_eq!(kebab.len(), 6);
    assert_eq!(kebab.get(Caseless::new("NVIDIA-OPTIMIZED")), Some(&0));
    assert_eq!(kebab.get(Caseless::new("A-B")), Some(&1));
    assert_eq!(kebab.get(Caseless::new("a0")), Some(&2));
    assert_eq!(kebab.get(Caseless::new("A-A")), Some(&3));
    assert_eq!(kebab.get(Caseless::new("OpenAI-Chat")), Some(&4));
    assert_eq!(kebab.get(Caseless::new("nvidia_optimized")), None);

    let set: HashSet<Kebab> = Kebab::iter().collect();
    assert!(set.contains(Caseless::new("OPENAI-CHAT")));
    assert!(!set.contains(Caseless::new("openai_chat")));
}

#[test]
fn order_treats_separators_as_one_and_agrees_with_equality() {
    let texts = ["a_b", "a-b", "a b", "a0", "a-a", "A_C", "ab", "a"];
    let members: Vec<Member<Snake>> = texts.iter().map(|t| t.parse().unwrap()).collect();
    for a in &members {
        for b in &members {
            assert_eq!(a.cmp(b) == Ordering::Equal, a == b, "{a:?} vs {b:?}");
            assert_eq!(a.cmp(b), b.cmp(a).reverse());
            if a == b {
                assert_eq!(hash_of(a), hash_of(b));
            }
        }
    }
    let mut sorted = members.clone();
    sorted.sort();
    sorted.dedup();
    let names: Vec<&str> = sorted.iter().map(Member::as_str).collect();
    assert_eq!(names, ["a", "a0", "a_a", "a_b", "a_c", "ab"]);
}

#[test]
fn suggestions_ignore_separators() {
    let err = "opnai-chat".parse::<Snake>().unwrap_err();
    assert_eq!(err.suggestion(), Some("openai_chat"));
    let err = "hf tgx".parse::<Kebab>().unwrap_err();
    assert_eq!(err.suggestion(), Some("hf-tgi"));
}

#[test]
fn other_styles_store_dynamic_names_with_their_separator() {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    #[dynenum(rename_all = "SCREAMING-KEBAB-CASE", ignore_separators)]
    enum Loud {
        OpenaiChat,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    #[dynenum(rename_all = "PascalCase", ignore_separators)]
    enum Pascal {
        OpenaiChat,
    }
    assert_eq!(
        Loud::dynamic("my_plugin name").unwrap().as_str(),
        "MY-PLUGIN-NAME"
    );
    assert_eq!(Loud::OpenaiChat, "openai chat");
    assert_eq!(
        Pascal::dynamic("My-Plugin Name").unwrap().as_str(),
        "My_Plugin_Name"
    );
    assert_eq!(Pascal::dynamic("my plugin-name").unwrap(), "MY_PLUGIN_NAME");
    assert_eq!("OpenaiChat".parse::<Pascal>().unwrap(), Pascal::OpenaiChat);
}

#[test]
fn train_and_title_case_store_names_with_their_own_separator() {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    #[dynenum(rename_all = "Train-Case", ignore_separators)]
    enum Train {
        OpenaiChat,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    #[dynenum(rename_all = "Title Case", ignore_separators)]
    enum Title {
        OpenaiChat,
    }
    assert_eq!(Train::OpenaiChat.as_str(), "Openai-Chat");
    assert_eq!("openai_chat".parse::<Train>().unwrap(), Train::OpenaiChat);
    assert_eq!(
        Train::dynamic("My_Plugin name").unwrap().as_str(),
        "My-Plugin-name"
    );
    assert_eq!(Title::OpenaiChat.as_str(), "Openai Chat");
    assert_eq!("OPENAI-CHAT".parse::<Title>().unwrap(), Title::OpenaiChat);
    assert_eq!(Title::OpenaiChat, "openai_chat");
    let plugin = Title::dynamic("My_Plugin-name").unwrap();
    assert_eq!(plugin.as_str(), "My Plugin name");
    assert_eq!(plugin, "my-plugin_NAME");
    let member: Member<Title> = "my plugin NAME".parse().unwrap();
    assert_eq!(member, Member::Dynamic(plugin));
}

#[test]
fn kebab_order_reads_separators_as_the_stored_hyphen() {
    // Names are stored as "a-b", so the order must be the stored names' order for `Caseless` keys in a
    // `BTreeMap` to work: `-` (0x2d) sorts before `0` (0x30), although `_` (0x5f) would sort after it.
    let hyphen: Member<Kebab> = "a_b".parse().unwrap();
    let digit: Member<Kebab> = "a0".parse().unwrap();
    assert_eq!(hyphen.as_str(), "a-b");
    assert!(hyphen < digit);
    assert_eq!(
        Caseless::new(hyphen.as_str()).cmp(Caseless::new(digit.as_str())),
        hyphen.cmp(&digit)
    );
    // Under a snake style the stored separator is `_`, which sorts after the digits.
    let underscore: Member<Snake> = "a-b".parse().unwrap();
    let digit: Member<Snake> = "a0".parse().unwrap();
    assert!(underscore > digit);
}
