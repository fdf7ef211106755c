//! Parsing: `FromStr`, `TryFrom<&str>` and `from_name` on built-in names, aliases and renames, every
//! `rename_all` style, ASCII case, exact non-ASCII bytes, misses, and what `ParseError` says.

use std::error::Error as _;

use dynenum_core::{DynamicStrEnum, Member, NameError, ParseError};
use dynenum_tests::{all_names, naive_from_name, Big};

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum EndpointType {
    OpenaiChat,
    #[dynenum(alias = "claude", alias = "anthropic")]
    AnthropicChat,
    #[dynenum(rename = "hf-tgi")]
    HuggingFaceTgi,
}

/// Every ASCII-case spelling of `name` (all `2^letters` of them, for short names).
fn every_ascii_case(name: &str) -> Vec<String> {
    let letters: Vec<usize> = name
        .char_indices()
        .filter(|(_, c)| c.is_ascii_alphabetic())
        .map(|(at, _)| at)
        .collect();
    assert!(letters.len() <= 16, "too many spellings of {name:?}");
    (0_u32..1 << letters.len())
        .map(|mask| {
            let mut bytes = name.as_bytes().to_vec();
            for (bit, &at) in letters.iter().enumerate() {
                if mask & (1 << bit) != 0 {
                    bytes[at] = bytes[at].to_ascii_uppercase();
                } else {
                    bytes[at] = bytes[at].to_ascii_lowercase();
                }
            }
            String::from_utf8(bytes).unwrap()
        })
        .collect()
}

fn parse_all_ways<E>(text: &str) -> Option<E>
where
    E: DynamicStrEnum
        + std::fmt::Debug
        + std::str::FromStr<Err = ParseError>
        + for<'a> TryFrom<&'a str, Error = ParseError>,
{
    let by_from_name = E::from_name(text);
    let by_from_str = text.parse::<E>().ok();
    let by_try_from = E::try_from(text).ok();
    assert_eq!(
        by_from_name, by_from_str,
        "from_name vs FromStr on {text:?}"
    );
    assert_eq!(
        by_from_name, by_try_from,
        "from_name vs TryFrom on {text:?}"
    );
    by_from_name
}

#[test]
fn canonical_names_parse_with_from_str_try_from_and_from_name() {
    for (text, want) in [
        ("openai_chat", EndpointType::OpenaiChat),
        ("anthropic_chat", EndpointType::AnthropicChat),
        ("hf-tgi", EndpointType::HuggingFaceTgi),
    ] {
        assert_eq!(parse_all_ways::<EndpointType>(text), Some(want));
        assert_eq!(
            text.parse::<Member<EndpointType>>().unwrap(),
            Member::Builtin(want)
        );
        assert_eq!(
            Member::<EndpointType>::try_from(text).unwrap(),
            Member::Builtin(want)
        );
    }
}

#[test]
fn alias_parses_in_any_ascii_case() {
    for alias in ["claude", "anthropic"] {
        for text in every_ascii_case(alias) {
            assert_eq!(
                parse_all_ways::<EndpointType>(&text),
                Some(EndpointType::AnthropicChat),
                "{text:?}"
            );
            assert_eq!(
                text.parse::<Member<EndpointType>>().unwrap(),
                Member::Builtin(EndpointType::AnthropicChat)
            );
        }
    }
}

#[test]
fn canonical_name_parses_in_every_ascii_case() {
    for name in EndpointType::NAMES {
        let want = EndpointType::from_name(name).unwrap();
        for text in every_ascii_case(name) {
            assert_eq!(
                parse_all_ways::<EndpointType>(&text),
                Some(want),
                "{text:?}"
            );
        }
    }
}

#[test]
fn rename_replaces_the_derived_name() {
    assert_eq!(EndpointType::HuggingFaceTgi.as_str(), "hf-tgi");
    assert_eq!(
        parse_all_ways::<EndpointType>("HF-TGI"),
        Some(EndpointType::HuggingFaceTgi)
    );
    assert_eq!(parse_all_ways::<EndpointType>("hugging_face_tgi"), None);
    assert_eq!(parse_all_ways::<EndpointType>("hf_tgi"), None);
}

#[test]
fn aliases_only_parse_they_do_not_become_the_displayed_name() {
    let parsed: EndpointType = "CLAUDE".parse().unwrap();
    assert_eq!(parsed.to_string(), "anthropic_chat");
}

macro_rules! style_enum {
    ($name:ident, $style:literal) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
        #[dynenum(rename_all = $style)]
        enum $name {
            OpenaiChat,
            HTTPServer,
            V2Api,
            X,
        }
    };
}

style_enum!(Lower, "lowercase");
style_enum!(Upper, "UPPERCASE");
style_enum!(Pascal, "PascalCase");
style_enum!(Camel, "camelCase");
style_enum!(Snake, "snake_case");
style_enum!(ScreamingSnake, "SCREAMING_SNAKE_CASE");
style_enum!(Kebab, "kebab-case");
style_enum!(ScreamingKebab, "SCREAMING-KEBAB-CASE");
style_enum!(Train, "Train-Case");
style_enum!(Title, "Title Case");

/// Checks the names of a style's enum, that each parses in any ASCII case, and that `foreign`
/// spellings (another style's, with other separators) do not.
fn check_style<E>(names: [&str; 4], foreign: &[&str])
where
    E: DynamicStrEnum
        + std::fmt::Debug
        + std::fmt::Display
        + std::str::FromStr<Err = ParseError>
        + for<'a> TryFrom<&'a str, Error = ParseError>,
{
    assert_eq!(E::NAMES, names);
    for (variant, name) in E::iter().zip(names) {
        assert_eq!(variant.as_str(), name);
        assert_eq!(variant.to_string(), name);
        for text in [
            name.to_owned(),
            name.to_ascii_lowercase(),
            name.to_ascii_uppercase(),
        ] {
            assert_eq!(parse_all_ways::<E>(&text), Some(variant), "{text:?}");
        }
    }
    for text in foreign {
        assert_eq!(parse_all_ways::<E>(text), None, "{text:?}");
    }
}

#[test]
fn lowercase_style_joins_words_in_lower_case() {
    check_style::<Lower>(
        ["openaichat", "httpserver", "v2api", "x"],
        &["openai_chat", "http-server", "OpenaiChat!"],
    );
}

#[test]
fn uppercase_style_joins_words_in_upper_case() {
    check_style::<Upper>(
        ["OPENAICHAT", "HTTPSERVER", "V2API", "X"],
        &["OPENAI_CHAT", "HTTP-SERVER"],
    );
}

#[test]
fn pascal_case_style_capitalizes_each_word() {
    check_style::<Pascal>(
        ["OpenaiChat", "HttpServer", "V2Api", "X"],
        &["openai_chat", "http_server", "v2-api"],
    );
}

#[test]
fn camel_case_style_capitalizes_words_after_the_first() {
    check_style::<Camel>(
        ["openaiChat", "httpServer", "v2Api", "x"],
        &["openai_chat", "http-server", "v2_api"],
    );
}

#[test]
fn snake_case_style_joins_lower_words_with_underscores() {
    check_style::<Snake>(
        ["openai_chat", "http_server", "v2_api", "x"],
        &["openai-chat", "openaichat", "http server", "h_t_t_p_server"],
    );
}

#[test]
fn screaming_snake_case_style_joins_upper_words_with_underscores() {
    check_style::<ScreamingSnake>(
        ["OPENAI_CHAT", "HTTP_SERVER", "V2_API", "X"],
        &["OPENAI-CHAT", "OPENAICHAT", "HTTP SERVER"],
    );
}

#[test]
fn kebab_case_style_joins_lower_words_with_hyphens() {
    check_style::<Kebab>(
        ["openai-chat", "http-server", "v2-api", "x"],
        &["openai_chat", "openaichat", "http server"],
    );
}

#[test]
fn screaming_kebab_case_style_joins_upper_words_with_hyphens() {
    check_style::<ScreamingKebab>(
        ["OPENAI-CHAT", "HTTP-SERVER", "V2-API", "X"],
        &["OPENAI_CHAT", "OPENAICHAT", "HTTP SERVER"],
    );
}

#[test]
fn train_case_style_capitalizes_words_joined_with_hyphens() {
    check_style::<Train>(
        ["Openai-Chat", "Http-Server", "V2-Api", "X"],
        &["openai_chat", "OpenaiChat", "Http Server"],
    );
}

#[test]
fn title_case_style_capitalizes_words_joined_with_spaces() {
    check_style::<Title>(
        ["Openai Chat", "Http Server", "V2 Api", "X"],
        &["openai_chat", "OpenaiChat", "Http-Server"],
    );
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum Words {
    #[dynenum(rename = "straße")]
    Street,
    #[dynenum(rename = "café", alias = "Éclair")]
    Cafe,
}

#[test]
fn non_ascii_bytes_compare_exactly_while_ascii_letters_ignore_case() {
    assert_eq!(parse_all_ways::<Words>("straße"), Some(Words::Street));
    assert_eq!(parse_all_ways::<Words>("STRAßE"), Some(Words::Street));
    assert_eq!(parse_all_ways::<Words>("StRaßE"), Some(Words::Street));
    // Same byte length as "straße", but `ß` is not `SS`.
    assert_eq!("STRASSE".len(), "straße".len());
    assert_eq!(parse_all_ways::<Words>("STRASSE"), None);
    assert_eq!(parse_all_ways::<Words>("strasse"), None);
    // The capital sharp s is another character altogether.
    assert_eq!(parse_all_ways::<Words>("STRAẞE"), None);
    assert_eq!(parse_all_ways::<Words>("CAFé"), Some(Words::Cafe));
    assert_eq!(parse_all_ways::<Words>("CAFÉ"), None);
    assert_eq!(parse_all_ways::<Words>("éCLAIR"), None);
    assert_eq!(parse_all_ways::<Words>("ÉCLAIR"), Some(Words::Cafe));
}

#[test]
fn names_differing_only_in_non_ascii_case_are_different_variants() {
    assert_eq!(parse_all_ways::<Big>("é"), Some(Big::SlowTool));
    assert_eq!(parse_all_ways::<Big>("É"), Some(Big::GrpcTool));
    assert_ne!(Big::SlowTool, "É");
    assert_eq!(Big::GrpcTool, "É");
}

#[test]
fn a_miss_of_the_same_length_does_not_parse() {
    for (text, name) in [
        ("openai_chaq", "openai_chat"),
        ("xxxxxx_xxxx", "openai_chat"),
        ("openai-chat", "openai_chat"),
        ("openai chat", "openai_chat"),
        ("hf_tgi", "hf-tgi"),
        ("claudf", "claude"),
    ] {
        assert_eq!(text.len(), name.len());
        assert_eq!(parse_all_ways::<EndpointType>(text), None, "{text:?}");
    }
    // Every ASCII name of the large enum, with any one byte replaced by a byte no name has. The loops
    // over the large enum call `from_name` only: `FromStr` is `from_name` plus the error, and thousands
    // of errors (each measuring its distance to 128 names) are slow in a debug build.
    for (name, _) in all_names::<Big>() {
        if !name.is_ascii() {
            continue;
        }
        for at in 0..name.len() {
            let mut bytes = name.as_bytes().to_vec();
            bytes[at] = if bytes[at] == b'#' { b'%' } else { b'#' };
            let text = String::from_utf8(bytes).unwrap();
            assert_eq!(Big::from_name(&text), None, "{text:?}");
        }
    }
}

#[test]
fn a_near_miss_in_the_last_byte_does_not_parse() {
    for (name, variant) in all_names::<Big>() {
        let last = name.len() - 1;
        if !name.is_char_boundary(last) {
            continue;
        }
        for replacement in (b'0'..=b'9').chain(b'a'..=b'z').chain([b'_', b'-', b' ']) {
            let mut bytes = name.as_bytes().to_vec();
            if bytes[last].eq_ignore_ascii_case(&replacement) {
                continue;
            }
            bytes[last] = replacement;
            let text = String::from_utf8(bytes).unwrap();
            let parsed = Big::from_name(&text);
            let naive = naive_from_name::<Big>(&text);
            assert_eq!(parsed, naive, "{text:?}");
            if naive.is_none() {
                assert_ne!(parsed, Some(variant), "{text:?}");
            }
        }
    }
    assert_eq!(
        parse_all_ways::<EndpointType>("openai_chaT"),
        Some(EndpointType::OpenaiChat)
    );
    assert_eq!(parse_all_ways::<EndpointType>("openai_chas"), None);
    assert_eq!(parse_all_ways::<EndpointType>("claudf"), None);
}

#[test]
fn prefixes_and_suffixes_of_real_names_do_not_parse_unless_they_are_names() {
    for text in [
        "openai_cha",
        "penai_chat",
        "o",
        "hf-tg",
        "f-tgi",
        "claud",
        "laude",
    ] {
        assert_eq!(parse_all_ways::<EndpointType>(text), None, "{text:?}");
    }
    for text in [
        "openai_chat_",
        "openai_chatx",
        "xopenai_chat",
        " claude",
        "claude ",
    ] {
        assert_eq!(parse_all_ways::<EndpointType>(text), None, "{text:?}");
    }
    // "anthropic" is both a prefix of "anthropic_chat" and an alias.
    assert_eq!(
        parse_all_ways::<EndpointType>("anthropic"),
        Some(EndpointType::AnthropicChat)
    );
    for (name, _) in all_names::<Big>() {
        for cut in (0..name.len()).filter(|&at| name.is_char_boundary(at)) {
            for text in [&name[..cut], &name[cut..]] {
                if text == name {
                    continue;
                }
                assert_eq!(
                    Big::from_name(text),
                    naive_from_name::<Big>(text),
                    "{text:?}"
                );
            }
        }
    }
    // Some of those are names themselves: "x" is a name of its own, and a suffix of none.
    assert_eq!(parse_all_ways::<Big>("X"), Some(Big::FastTool));
    assert_eq!(parse_all_ways::<Big>("nvidia_cha"), None);
}

#[test]
fn parse_error_display_lists_the_names_and_suggests_the_nearest() {
    let err = "opnai_chat".parse::<EndpointType>().unwrap_err();
    assert_eq!(
        err.to_string(),
        r#"unknown EndpointType "opnai_chat"; expected one of: openai_chat, anthropic_chat, hf-tgi (did you mean "openai_chat"?)"#
    );
    assert_eq!(err.input(), "opnai_chat");
    assert_eq!(err.enum_name(), "EndpointType");
    assert_eq!(err.suggestion(), Some("openai_chat"));
    assert!(err.name_error().is_none());
    assert!(err.source().is_none());
}

#[test]
fn noun_names_the_enum_in_every_parse_error_text() {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    #[dynenum(noun = "endpoint", dynamic = "registered")]
    enum EndpointType {
        OpenaiChat,
        AnthropicChat,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    #[dynenum(noun = "storage backend")]
    enum Nothing {}

    let err = "chatt".parse::<EndpointType>().unwrap_err();
    assert_eq!(
        err.to_string(),
        r#"unknown endpoint "chatt"; expected one of: openai_chat, anthropic_chat"#
    );
    assert_eq!(err.noun(), "endpoint");
    assert_eq!(err.enum_name(), "EndpointType");
    let err = "".parse::<Member<EndpointType>>().unwrap_err();
    assert_eq!(
        err.to_string(),
        r#"invalid endpoint name "": name is empty"#
    );
    let err = "opnai_chat".parse::<Member<EndpointType>>().unwrap_err();
    assert!(
        err.to_string()
            .starts_with(r#"unknown endpoint "opnai_chat"; "#),
        "{err}"
    );
    let err = "s3".parse::<Nothing>().unwrap_err();
    assert_eq!(
        err.to_string(),
        r#"unknown storage backend "s3"; storage backend has no names"#
    );
    // Without the attribute the enum's identifier stays the noun.
    assert_eq!("x".parse::<Words>().unwrap_err().noun(), "Words");
    // `Debug` is for developers: it keeps the Rust type's name.
    let proxy = Nothing::dynamic("s3").unwrap();
    assert_eq!(format!("{proxy:?}"), r#"Nothing::dynamic("s3")"#);
}

#[test]
fn parse_error_without_a_near_name_has_no_suggestion() {
    let err = "mistral".parse::<EndpointType>().unwrap_err();
    assert_eq!(
        err.to_string(),
        r#"unknown EndpointType "mistral"; expected one of: openai_chat, anthropic_chat, hf-tgi"#
    );
    assert_eq!(err.suggestion(), None);
}

#[test]
fn expected_lists_canonical_names_in_declaration_order_without_aliases() {
    let err = EndpointType::try_from("nope").unwrap_err();
    let expected: Vec<&str> = err.expected().collect();
    assert_eq!(expected, ["openai_chat", "anthropic_chat", "hf-tgi"]);
    assert_eq!(err.expected().len(), 3);
}

#[test]
fn suggestion_can_be_an_alias_and_ignores_ascii_case() {
    let err = "CLAUDF".parse::<EndpointType>().unwrap_err();
    assert_eq!(err.suggestion(), Some("claude"));
    let err = "HF-TGX".parse::<EndpointType>().unwrap_err();
    assert_eq!(err.suggestion(), Some("hf-tgi"));
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum Ties {
    #[dynenum(rename = "abcx")]
    First,
    #[dynenum(rename = "abcy")]
    Second,
}

#[test]
fn suggestion_ties_go_to_the_earliest_declared_name() {
    let err = "abcz".parse::<Ties>().unwrap_err();
    assert_eq!(err.suggestion(), Some("abcx"));
    let err = "ABCY!".parse::<Ties>().unwrap_err();
    assert_eq!(err.suggestion(), Some("abcy"));
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum Threshold {
    #[dynenum(rename = "ab")]
    Two,
    #[dynenum(rename = "cdefgh")]
    Six,
    #[dynenum(rename = "ijklmnopq")]
    Nine,
    #[dynenum(rename = "rstuvwxyz012")]
    Twelve,
}

fn suggestion_for(text: &str) -> Option<String> {
    text.parse::<Threshold>()
        .unwrap_err()
        .suggestion()
        .map(str::to_owned)
}

#[test]
fn did_you_mean_allows_at_least_one_edit_even_for_short_input() {
    // len / 3 is 0 for these: max(1, 0) still allows one edit.
    assert_eq!(suggestion_for("a").as_deref(), Some("ab"));
    assert_eq!(suggestion_for("az").as_deref(), Some("ab"));
    assert_eq!(suggestion_for("zz"), None);
}

#[test]
fn did_you_mean_allows_a_third_of_the_input_length_in_edits() {
    // 6 characters: 2 edits.
    assert_eq!(suggestion_for("cdef##").as_deref(), Some("cdefgh"));
    assert_eq!(suggestion_for("cde###"), None);
    // 9 characters: 3 edits.
    assert_eq!(suggestion_for("ijklmn###").as_deref(), Some("ijklmnopq"));
    assert_eq!(suggestion_for("ijklm####"), None);
    // 12 characters: 4 edits.
    assert_eq!(
        suggestion_for("rstuvwxy####").as_deref(),
        Some("rstuvwxyz012")
    );
    assert_eq!(suggestion_for("rstuvwx#####"), None);
    // ASCII case is no edit.
    assert_eq!(
        suggestion_for("RSTUVWXY####").as_deref(),
        Some("rstuvwxyz012")
    );
    assert_eq!(suggestion_for("CDEF##").as_deref(), Some("cdefgh"));
}

#[test]
fn did_you_mean_limit_grows_with_the_input_length() {
    // 18 characters allow 6 edits: six insertions into "rstuvwxyz012" still get a suggestion,
    // although that is more than a third of the suggested name's length.
    assert_eq!(
        suggestion_for("rstuvwxyz012345678").as_deref(),
        Some("rstuvwxyz012")
    );
    // 19 characters still allow 6 edits, and seven insertions are one too many.
    assert_eq!(suggestion_for("rstuvwxyz0123456789"), None);
}

#[test]
fn did_you_mean_counts_edits_in_characters_not_bytes() {
    // One character away from a name with a two-byte character: "cafe" (4 characters) allows 1 edit.
    let err = "cafe".parse::<Words>().unwrap_err();
    assert_eq!(err.suggestion(), Some("café"));
    let err = "caf".parse::<Words>().unwrap_err();
    assert_eq!(err.suggestion(), Some("café"));
}

#[test]
fn invalid_input_reports_the_broken_rule_as_source() {
    let cases: [(&str, NameError, &str); 4] = [
        (
            "",
            NameError::Empty,
            r#"invalid EndpointType name "": name is empty"#,
        ),
        (
            " claude",
            NameError::InvalidChar { ch: ' ', at: 0 },
            r#"invalid EndpointType name " claude": name starts with whitespace (' ')"#,
        ),
        (
            "claude\t",
            NameError::InvalidChar { ch: '\t', at: 6 },
            r#"invalid EndpointType name "claude\t": name has the control character '\t' at byte 6"#,
        ),
        (
            "a\nb",
            NameError::InvalidChar { ch: '\n', at: 1 },
            r#"invalid EndpointType name "a\nb": name has the control character '\n' at byte 1"#,
        ),
    ];
    for (text, rule, display) in cases {
        for err in [
            text.parse::<EndpointType>().unwrap_err(),
            text.parse::<Member<EndpointType>>().unwrap_err(),
        ] {
            assert_eq!(err.name_error(), Some(&rule), "{text:?}");
            let source = err.source().expect("a source");
            assert_eq!(source.to_string(), rule.to_string());
            assert_eq!(source.downcast_ref::<NameError>(), Some(&rule));
            assert_eq!(err.to_string(), display);
            assert_eq!(err.suggestion(), None);
        }
    }
}

#[test]
fn trailing_whitespace_is_reported_with_its_offset() {
    let err = "nvidia\u{a0}".parse::<Member<EndpointType>>().unwrap_err();
    assert_eq!(
        err.name_error(),
        Some(&NameError::InvalidChar {
            ch: '\u{a0}',
            at: 6
        })
    );
    assert_eq!(
        err.to_string(),
        r#"invalid EndpointType name "nvidia\u{a0}": name ends with whitespace ('\u{a0}' at byte 6)"#
    );
}

#[test]
fn long_input_is_quoted_cut_to_64_characters() {
    let long = "q".repeat(100);
    let err = long.parse::<EndpointType>().unwrap_err();
    let quoted = format!("\"{}…\"", "q".repeat(64));
    assert!(err.to_string().contains(&quoted), "{err}");
    assert_eq!(err.input(), long);
}

#[test]
fn display_lists_32_names_then_says_how_many_more() {
    let err = "nothing".parse::<Big>().unwrap_err();
    assert_eq!(err.expected().len(), Big::COUNT);
    let shown = err.to_string();
    let listed: Vec<&str> = Big::NAMES[..32].to_vec();
    let prefix = format!(
        "unknown Big \"nothing\"; expected one of: {}, and {} more",
        listed.join(", "),
        Big::COUNT - 32
    );
    assert!(shown.starts_with(&prefix), "{shown}");
}

#[test]
fn valid_unknown_names_parse_as_members_but_not_as_the_enum() {
    let err = "nvidia_optimized".parse::<EndpointType>().unwrap_err();
    assert!(err.name_error().is_none());
    let member: Member<EndpointType> = "nvidia_optimized".parse().unwrap();
    assert!(!member.is_builtin());
    assert_eq!(member.as_str(), "nvidia_optimized");
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(dynamic = "registered")]
enum Backend {
    Postgres,
    #[dynenum(alias = "sqlite3")]
    Sqlite,
}

#[test]
fn registered_policy_refuses_unregistered_names_listing_builtin_and_registered_names() {
    Backend::registry().register("DuckDB").unwrap();
    Backend::registry().register("clickhouse").unwrap();

    let err = "mysql".parse::<Member<Backend>>().unwrap_err();
    assert_eq!(
        err.to_string(),
        r#"unknown Backend "mysql"; expected one of: postgres, sqlite, duckdb, clickhouse"#
    );
    assert_eq!(
        err.expected().collect::<Vec<_>>(),
        ["postgres", "sqlite", "duckdb", "clickhouse"]
    );
    assert!(err.name_error().is_none());
    assert!(err.source().is_none());
    assert_eq!(Backend::lookup("mysql"), Err(NameError::Unregistered));

    // Registered names are suggested too.
    let err = "duckdv".parse::<Member<Backend>>().unwrap_err();
    assert_eq!(err.suggestion(), Some("duckdb"));

    // Built-in and registered names parse, in any case; aliases too.
    assert_eq!(
        "SQLITE3".parse::<Member<Backend>>().unwrap(),
        Backend::Sqlite
    );
    let duck: Member<Backend> = "DUCKDB".parse().unwrap();
    assert!(duck.dynamic().unwrap().is_registered());
    assert_eq!(duck.as_str(), "duckdb");

    // The enum itself lists only its built-in names, and `dynamic()` ignores the policy.
    let err = "duckdb".parse::<Backend>().unwrap_err();
    assert_eq!(err.expected().collect::<Vec<_>>(), ["postgres", "sqlite"]);
    let mysql = Backend::dynamic("MySQL").unwrap();
    assert!(!mysql.is_registered());
    assert_eq!(mysql.as_str(), "mysql");
    // An invalid name still reports its rule, not the policy.
    let err = "".parse::<Member<Backend>>().unwrap_err();
    assert_eq!(err.name_error(), Some(&NameError::Empty));
    // Parsing never registers anything.
    assert_eq!(Backend::registry().len(), 2);
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(max_len = 8)]
enum Short {
    Abc,
}

#[test]
fn max_len_limits_dynamic_names_in_bytes() {
    assert_eq!(Short::dynamic("abcdefgh").unwrap().as_str(), "abcdefgh");
    assert_eq!(
        Short::dynamic("abcdefghi"),
        Err(NameError::TooLong { len: 9, max: 8 })
    );
    // Five two-byte characters are ten bytes.
    assert_eq!(
        Short::dynamic("ééééé"),
        Err(NameError::TooLong { len: 10, max: 8 })
    );
    assert!(Short::dynamic("éééé").is_ok());
    let err = "abcdefghi".parse::<Member<Short>>().unwrap_err();
    assert_eq!(
        err.name_error(),
        Some(&NameError::TooLong { len: 9, max: 8 })
    );
    assert_eq!(
        err.to_string(),
        r#"invalid Short name "abcdefghi": name is 9 bytes long, over the limit of 8"#
    );
    assert_eq!(
        Short::registry().register("abcdefghi"),
        Err(NameError::TooLong { len: 9, max: 8 })
    );
    assert_eq!("ABC".parse::<Short>().unwrap(), Short::Abc);
}

#[test]
fn default_max_len_is_255_bytes() {
    let longest = "n".repeat(255);
    assert_eq!(EndpointType::dynamic(&longest).unwrap().as_str(), longest);
    let too_long = "n".repeat(256);
    assert_eq!(
        EndpointType::dynamic(&too_long),
        Err(NameError::TooLong { len: 256, max: 255 })
    );
}

#[test]
fn dynamic_refuses_aliases_with_the_canonical_name() {
    assert_eq!(
        EndpointType::dynamic("ANTHROPIC"),
        Err(NameError::Builtin("anthropic_chat"))
    );
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum Configured {
    First,
    #[cfg(any())]
    #[dynenum(alias = "gone_alias")]
    Disabled,
    #[cfg(not(any()))]
    #[dynenum(alias = "kept_alias")]
    Enabled,
    #[cfg(any())]
    Last,
}

#[test]
fn cfg_disabled_variants_neither_parse_nor_count_nor_get_suggested() {
    assert_eq!(Configured::NAMES, ["first", "enabled"]);
    assert_eq!(Configured::COUNT, 2);
    assert_eq!(
        Configured::iter().collect::<Vec<_>>(),
        [Configured::First, Configured::Enabled]
    );
    assert_eq!(
        parse_all_ways::<Configured>("KEPT_ALIAS"),
        Some(Configured::Enabled)
    );
    for text in ["disabled", "gone_alias", "last"] {
        assert_eq!(parse_all_ways::<Configured>(text), None, "{text:?}");
        let member: Member<Configured> = text.parse().unwrap();
        assert!(!member.is_builtin(), "{text:?}");
        assert!(Configured::dynamic(text).is_ok(), "{text:?}");
    }
    let err = "disabld".parse::<Configured>().unwrap_err();
    assert_eq!(err.suggestion(), None);
    assert_eq!(err.expected().collect::<Vec<_>>(), ["first", "enabled"]);
    let err = "gone_alia".parse::<Configured>().unwrap_err();
    assert_eq!(err.suggestion(), None);
}

#[test]
fn parsing_returns_a_result_two_words_wide() {
    // The error is boxed so the fast path returns in registers, not through memory.
    assert_eq!(
        std::mem::size_of::<ParseError>(),
        std::mem::size_of::<usize>()
    );
    assert!(std::mem::size_of::<Result<Big, ParseError>>() <= 2 * std::mem::size_of::<usize>());
}
