//! serde: configs holding members, in JSON and TOML; errors; map keys; no allocation when borrowing.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::collections::{BTreeMap, HashMap};

use dynenum_core::{DynamicMember, DynamicStrEnum, Member};
use serde::{Deserialize, Serialize};

/// Counts allocations (and reallocations) made by the current thread, so tests running in parallel don't disturb each other.
struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every call is forwarded to `System` unchanged; the counter only observes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        // SAFETY: the caller's contract for `alloc` is passed on as is.
        unsafe { System.alloc(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        // SAFETY: the caller's contract for `realloc` is passed on as is.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract for `dealloc` is passed on as is.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations_during<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = ALLOCATIONS.with(Cell::get);
    let out = f();
    (out, ALLOCATIONS.with(Cell::get) - before)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum EndpointType {
    OpenaiChat,
    #[dynenum(alias = "claude")]
    AnthropicChat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(dynamic = "registered")]
enum Backend {
    Postgres,
    Sqlite,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(max_len = 8)]
enum Short {
    A,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Config {
    strict: EndpointType,
    default: Member<EndpointType>,
    fallbacks: Vec<Member<EndpointType>>,
    optional: Option<Member<EndpointType>>,
    missing: Option<Member<EndpointType>>,
    timeouts: HashMap<Member<EndpointType>, u32>,
    ordered: BTreeMap<Member<EndpointType>, u32>,
}

fn example_config() -> Config {
    let nv: Member<EndpointType> = "nvidia_optimized".parse().unwrap();
    Config {
        strict: EndpointType::AnthropicChat,
        default: nv.clone(),
        fallbacks: vec![EndpointType::OpenaiChat.into(), nv.clone()],
        optional: Some(EndpointType::OpenaiChat.into()),
        missing: None,
        timeouts: HashMap::from([(EndpointType::OpenaiChat.into(), 30), (nv.clone(), 120)]),
        ordered: BTreeMap::from([(EndpointType::OpenaiChat.into(), 30), (nv, 120)]),
    }
}

#[test]
fn config_reads_mixed_case_json_and_canonicalizes() {
    let json = r#"{
        "strict": "CLAUDE",
        "default": "Nvidia_Optimized",
        "fallbacks": ["OPENAI_CHAT", "nvidia_OPTIMIZED"],
        "optional": "openai_chat",
        "missing": null,
        "timeouts": {"OpenAI_Chat": 30, "NVIDIA_OPTIMIZED": 120},
        "ordered": {"nvidia_optimized": 120, "openai_chat": 30}
    }"#;
    let config: Config = serde_json::from_str(json).unwrap();
    assert_eq!(config, example_config());
    assert_eq!(
        config.fallbacks[0],
        Member::Builtin(EndpointType::OpenaiChat)
    );
    assert!(!config.default.is_builtin());
}

#[test]
fn config_round_trips_through_json_with_canonical_names() {
    let config = example_config();
    let json = serde_json::to_string(&config).unwrap();
    assert!(json.contains(r#""strict":"anthropic_chat""#), "{json}");
    assert!(
        json.contains(r#""ordered":{"nvidia_optimized":120,"openai_chat":30}"#),
        "{json}"
    );
    let back: Config = serde_json::from_str(&json).unwrap();
    assert_eq!(back, config);
}

#[test]
fn config_round_trips_through_toml() {
    let config = example_config();
    let text = toml::to_string(&config).unwrap();
    assert!(text.contains("strict = \"anthropic_chat\""), "{text}");
    let back: Config = toml::from_str(&text).unwrap();
    assert_eq!(back, config);
    let typed: Config = toml::from_str(
        "strict = 'Claude'\ndefault = 'NVIDIA_OPTIMIZED'\nfallbacks = ['openai_chat', 'Nvidia_Optimized']\n\
         optional = 'OpenAI_Chat'\n[timeouts]\nopenai_chat = 30\nnvidia_optimized = 120\n\
         [ordered]\nOPENAI_CHAT = 30\nnvidia_optimized = 120\n",
    )
    .unwrap();
    assert_eq!(typed, config);
}

#[test]
fn strict_enum_error_reads_like_serde_with_a_hint() {
    let error = serde_json::from_str::<EndpointType>(r#""opnai_chat""#).unwrap_err();
    assert_eq!(
        error.to_string(),
        "unknown variant \"opnai_chat\", expected one of `openai_chat`, `anthropic_chat` \
         (did you mean `openai_chat`?) at line 1 column 12"
    );
    let error = serde_json::from_str::<EndpointType>(r#""nvidia""#).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("unknown variant \"nvidia\", expected one of"),
        "{error}"
    );
    assert!(!error.to_string().contains("did you mean"), "{error}");
}

/// Refuses every string with a fixed message, as a visitor does: what `serde_json` allocates for any
/// error message (its copy of the text, its error, and the error again with the position).
struct Refused;

impl<'de> Deserialize<'de> for Refused {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Refuse;
        impl serde::de::Visitor<'_> for Refuse {
            type Value = Refused;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("nothing")
            }
            fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<Refused, E> {
                Err(E::custom("refused"))
            }
        }
        deserializer.deserialize_str(Refuse)
    }
}

#[test]
fn a_failed_parse_allocates_only_what_serde_json_does_for_any_message() {
    Backend::registry().register("duckdb").unwrap();
    let (_, baseline) = allocations_during(|| serde_json::from_str::<Refused>(r#""mongo""#));
    assert!(baseline > 0);
    // A miss, a near miss (with a suggestion), a registered enum's miss, a name that breaks a rule.
    let cases = [
        allocations_during(|| serde_json::from_str::<EndpointType>(r#""nvidia""#).is_err()),
        allocations_during(|| serde_json::from_str::<EndpointType>(r#""opnai_chat""#).is_err()),
        allocations_during(|| serde_json::from_str::<Member<Backend>>(r#""mongo""#).is_err()),
        allocations_during(|| serde_json::from_str::<Member<Short>>(r#""too_long_9""#).is_err()),
    ];
    for (at, (failed, allocations)) in cases.into_iter().enumerate() {
        assert!(failed, "case {at}");
        assert_eq!(allocations, baseline, "case {at}");
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(dynamic = "registered")]
enum Wide {
    Plain,
}

#[test]
fn a_serde_message_over_a_kilobyte_is_written_whole() {
    // 31 registered names of 61 characters, one with a character that is escaped: the listing alone
    // is about 2 KiB, over what the message gathers on the stack before it goes on into a string.
    let names: Vec<String> = (0..31)
        .map(|i| {
            let filler = if i == 5 { "a\u{202E}" } else { "ab" };
            format!("{}_{i:02}", filler.repeat(29))
        })
        .collect();
    for name in &names {
        Wide::registry().register(name).unwrap();
    }
    let shown: Vec<String> = ["plain".to_owned()]
        .into_iter()
        .chain(names.iter().map(|n| n.replace('\u{202E}', r"\u{202e}")))
        .map(|n| format!("`{n}`"))
        .collect();
    let error = serde_json::from_str::<Member<Wide>>(r#""nothing""#).unwrap_err();
    let expected = format!(
        "unknown variant \"nothing\", expected one of {} at line 1 column 9",
        shown.join(", ")
    );
    assert!(expected.len() > 2_000, "{}", expected.len());
    assert_eq!(error.to_string(), expected);
    // The suggestion comes last, after the listing went on.
    let near = format!("\"{}x\"", names[7]);
    let error = serde_json::from_str::<Member<Wide>>(&near).unwrap_err();
    assert!(
        error.to_string().ends_with(&format!(
            "(did you mean `{}`?) at line 1 column 64",
            names[7]
        )),
        "{error}"
    );
}

/// Forty variants: the listing stops at 32.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum Forty {
    V0,
    V1,
    V2,
    V3,
    V4,
    V5,
    V6,
    V7,
    V8,
    V9,
    V10,
    V11,
    V12,
    V13,
    V14,
    V15,
    V16,
    V17,
    V18,
    V19,
    V20,
    V21,
    V22,
    V23,
    V24,
    V25,
    V26,
    V27,
    V28,
    V29,
    V30,
    V31,
    V32,
    V33,
    V34,
    V35,
    V36,
    V37,
    V38,
    V39,
}

/// A `#[cfg]`'d variant, gone, ahead of the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(rename_all = "kebab-case", ignore_separators)]
enum Configured {
    #[cfg(any())]
    Gone,
    FirstOne,
    #[cfg(test)]
    Kept,
}

/// Names that are shown escaped or cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum Odd {
    Plain,
    #[dynenum(rename = "back`tick")]
    Tick,
    #[dynenum(rename = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    Long,
}

/// The serde message of a miss on `E`, without its position.
fn miss<E: DynamicStrEnum + serde::de::DeserializeOwned + std::fmt::Debug>() -> String {
    let text = serde_json::from_str::<E>(r#""zzz""#)
        .unwrap_err()
        .to_string();
    text.strip_suffix(" at line 1 column 5").unwrap().to_owned()
}

#[test]
fn every_listing_shows_the_first_32_names_however_it_is_written() {
    let first: Vec<String> = (0..32).map(|i| format!("`v{i}`")).collect();
    assert_eq!(
        miss::<Forty>(),
        format!(
            "unknown variant \"zzz\", expected one of {}, and 8 more",
            first.join(", ")
        )
    );
    assert_eq!(
        miss::<Configured>(),
        "unknown variant \"zzz\", expected one of `first-one`, `kept`"
    );
    assert_eq!(
        miss::<Odd>(),
        format!(
            "unknown variant \"zzz\", expected one of `plain`, `back\\u{{60}}tick`, `{}…`",
            "a".repeat(64)
        )
    );
    // A registered enum: the built-in names, then the registered ones.
    Listed::registry().register("zz_top").unwrap();
    let text = serde_json::from_str::<Member<Listed>>(r#""zzz""#)
        .unwrap_err()
        .to_string();
    assert_eq!(
        text,
        "unknown variant \"zzz\", expected one of `first`, `second`, `zz_top` at line 1 column 5"
    );
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(dynamic = "registered")]
enum Listed {
    First,
    Second,
}

#[test]
fn registered_policy_lists_builtin_and_registered_names() {
    Backend::registry().register("duckdb").unwrap();
    let error = serde_json::from_str::<Member<Backend>>(r#""mongo""#).unwrap_err();
    assert_eq!(
        error.to_string(),
        "unknown variant \"mongo\", expected one of `postgres`, `sqlite`, `duckdb` at line 1 column 7"
    );
    let duck: Member<Backend> = serde_json::from_str(r#""DuckDB""#).unwrap();
    assert!(duck.dynamic().is_some_and(DynamicMember::is_registered));
}

#[test]
fn bad_dynamic_names_are_errors_not_panics() {
    let long = format!("\"{}\"", "x".repeat(9));
    for (json, expected) in [
        (r#""""#, "invalid Short name \"\": name is empty"),
        (
            r#"" padded""#,
            "invalid Short name \" padded\": name starts with whitespace (' ')",
        ),
        (
            r#""tab\t""#,
            "invalid Short name \"tab\\t\": name has the control character '\\t' at byte 3",
        ),
        (
            &long,
            "invalid Short name \"xxxxxxxxx\": name is 9 bytes long, over the limit of 8",
        ),
    ] {
        let error = serde_json::from_str::<Member<Short>>(json)
            .unwrap_err()
            .to_string();
        assert!(error.starts_with(expected), "{json}: {error}");
    }
    assert!(serde_json::from_str::<Member<Short>>("42").is_err());
}

#[test]
fn noun_names_the_enum_in_serde_errors() {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    #[dynenum(noun = "endpoint")]
    enum Endpoint {
        OpenaiChat,
    }
    let error = serde_json::from_str::<DynamicMember<Endpoint>>(r#""OpenAI_Chat""#).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("invalid endpoint dynamic name \"OpenAI_Chat\": "),
        "{error}"
    );
    let error = serde_json::from_str::<Member<Endpoint>>(r#""""#).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("invalid endpoint name \"\": name is empty"),
        "{error}"
    );
    // serde's own "invalid type" errors say what was expected, with the noun.
    let error = serde_json::from_str::<Member<Endpoint>>("42").unwrap_err();
    assert!(
        error
            .to_string()
            .contains("expected a member name of endpoint"),
        "{error}"
    );
    let error = serde_json::from_str::<Endpoint>("42").unwrap_err();
    assert!(
        error
            .to_string()
            .contains("expected a built-in name of endpoint"),
        "{error}"
    );
}

/// CBOR's text string: major type 3, the length, the UTF-8 bytes (lengths under 24 fit the head).
fn cbor_text(text: &str) -> Vec<u8> {
    assert!(text.len() < 24);
    let mut bytes = vec![0x60 | u8::try_from(text.len()).unwrap()];
    bytes.extend_from_slice(text.as_bytes());
    bytes
}

fn cbor<T: Serialize>(value: &T) -> Vec<u8> {
    let mut bytes = Vec::new();
    ciborium::into_writer(value, &mut bytes).unwrap();
    bytes
}

#[test]
fn binary_formats_get_the_name_as_a_string_never_a_variant_index() {
    // CBOR reports itself not human-readable, as bincode and postcard do: the name is written anyway.
    assert_eq!(
        cbor(&EndpointType::AnthropicChat),
        cbor_text("anthropic_chat")
    );
    let builtin: Member<EndpointType> = EndpointType::OpenaiChat.into();
    let dynamic: Member<EndpointType> = "NVIDIA".parse().unwrap();
    assert_eq!(cbor(&builtin), cbor_text("openai_chat"));
    assert_eq!(cbor(&dynamic), cbor_text("nvidia"));
    assert_eq!(cbor(dynamic.dynamic().unwrap()), cbor_text("nvidia"));
    // One wire form: a built-in member's bytes read back as a `Member`, and a dynamic member's
    // bytes read back whether or not the reader's enum has that name built in.
    let read: Member<EndpointType> = ciborium::from_reader(&cbor(&builtin)[..]).unwrap();
    assert_eq!(read, builtin);
    let read: Member<EndpointType> = ciborium::from_reader(&cbor_text("Nvidia")[..]).unwrap();
    assert_eq!(read, dynamic);
    let read: EndpointType = ciborium::from_reader(&cbor_text("CLAUDE")[..]).unwrap();
    assert_eq!(read, EndpointType::AnthropicChat);
}

#[test]
fn dynamic_member_refuses_builtin_names() {
    let error = serde_json::from_str::<DynamicMember<EndpointType>>(r#""Claude""#).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("invalid EndpointType dynamic name \"Claude\": name belongs to the built-in member \"anthropic_chat\""),
        "{error}"
    );
    let nv: DynamicMember<EndpointType> = serde_json::from_str(r#""NVIDIA""#).unwrap();
    assert_eq!(serde_json::to_string(&nv).unwrap(), r#""nvidia""#);
}

#[test]
fn borrowed_builtin_and_registered_names_deserialize_without_allocating() {
    EndpointType::registry().register("local_llama").unwrap();
    // Warm up the registry's lazy initialisation before counting.
    assert!(EndpointType::registry().contains("local_llama"));
    let (strict, n) =
        allocations_during(|| serde_json::from_str::<EndpointType>(r#""Anthropic_Chat""#).unwrap());
    assert_eq!((strict, n), (EndpointType::AnthropicChat, 0));
    let (builtin, n) =
        allocations_during(|| serde_json::from_str::<Member<EndpointType>>(r#""CLAUDE""#).unwrap());
    assert_eq!(
        (builtin, n),
        (Member::Builtin(EndpointType::AnthropicChat), 0)
    );
    let (registered, n) = allocations_during(|| {
        serde_json::from_str::<Member<EndpointType>>(r#""Local_Llama""#).unwrap()
    });
    assert_eq!((registered.as_str(), n), ("local_llama", 0));
    let (unknown, n) = allocations_during(|| {
        serde_json::from_str::<Member<EndpointType>>(r#""Unknown""#).unwrap()
    });
    assert_eq!(
        (unknown.as_str(), n),
        ("unknown", 1),
        "an unregistered proxy is one allocation"
    );
}
