//! Error texts under hostile names: every name an error shows (the input, the expected names, the
//! suggestion) is escaped by one rule in `Display`, `Debug`, serde's and clap's messages, and every
//! listing is capped, so a text stays bounded and shows no invisible character whatever the
//! registry holds and whatever the input.

use clap::{value_parser, Arg, Command};
use dynenum_core::{DynamicStrEnum, Member, NameError};

/// One character of every class error texts escape, with how it must come out. Each can sit inside
/// a valid name (controls and edge whitespace cannot: they are checked as inputs below).
const HOSTILE: &[(char, &str)] = &[
    ('\u{202E}', r"\u{202e}"),   // Cf: right-to-left override
    ('\u{200B}', r"\u{200b}"),   // Cf: zero-width space
    ('\u{061C}', r"\u{61c}"),    // Cf: Arabic letter mark
    ('\u{2060}', r"\u{2060}"),   // Cf: word joiner
    ('\u{00AD}', r"\u{ad}"),     // Cf: soft hyphen
    ('\u{180E}', r"\u{180e}"),   // Cf: Mongolian vowel separator
    ('\u{2064}', r"\u{2064}"),   // Cf: invisible plus
    ('\u{E0041}', r"\u{e0041}"), // Cf: tag latin capital A
    ('\u{FEFF}', r"\u{feff}"),   // Cf: byte order mark
    ('\u{2028}', r"\u{2028}"),   // Zl: line separator
    ('\u{2029}', r"\u{2029}"),   // Zp: paragraph separator
    ('\u{FE0F}', r"\u{fe0f}"),   // Default_Ignorable (Mn): variation selector 16
    ('\u{034F}', r"\u{34f}"),    // Default_Ignorable (Mn): combining grapheme joiner
    ('\u{115F}', r"\u{115f}"),   // Default_Ignorable (Lo): Hangul choseong filler
    ('\u{3164}', r"\u{3164}"),   // Default_Ignorable (Lo): Hangul filler
    ('\u{00A0}', r"\u{a0}"),     // White_Space other than the space: no-break space
    ('\u{3000}', r"\u{3000}"),   // White_Space: ideographic space
    ('"', r#"\""#),
    ('\\', r"\\"),
];

/// What clap prints when a `Member<E>` argument refuses `input`.
fn clap_error<E: DynamicStrEnum>(input: &str) -> String {
    Command::new("app")
        .arg(
            Arg::new("x")
                .long("x")
                .value_parser(value_parser!(Member<E>)),
        )
        .try_get_matches_from(["app", "--x", input])
        .unwrap_err()
        .render()
        .to_string()
}

/// No character of `text` is one that error texts escape, apart from the quotes and backslashes
/// the escaping itself writes.
fn assert_clean(text: &str) {
    for ch in text.chars() {
        assert!(
            !dynenum_core::__private::escape::needs_escape(ch) || matches!(ch, '"' | '\\' | '\n'),
            "U+{:04X} raw in {text:?}",
            u32::from(ch)
        );
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(dynamic = "registered")]
enum Hostile {
    Plain,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(dynamic = "registered")]
enum Spoofed {
    Plain,
}

fn hostile_names() -> Vec<(String, String)> {
    HOSTILE
        .iter()
        .map(|&(ch, escaped)| (format!("n{ch}x"), format!("n{escaped}x")))
        .collect()
}

#[test]
fn registered_names_are_escaped_in_every_error_text() {
    let names = hostile_names();
    for (name, _) in &names {
        Hostile::registry().register(name).unwrap();
    }
    let err = "zzz".parse::<Member<Hostile>>().unwrap_err();
    let display = err.to_string();
    let debug = format!("{err:?}");
    let serde = serde_json::from_str::<Member<Hostile>>("\"zzz\"")
        .unwrap_err()
        .to_string();
    let clap = clap_error::<Hostile>("zzz");
    for text in [&display, &debug, &serde, &clap] {
        assert_clean(text);
        for (_, escaped) in &names {
            assert!(text.contains(escaped.as_str()), "{escaped} not in {text}");
        }
    }
    // Every name is accepted as given: only its display is escaped.
    assert_eq!(err.expected().count(), 1 + HOSTILE.len());
    assert!(err.expected().any(|name| name == "n\u{202E}x"));
}

#[test]
fn suggestions_and_inputs_are_escaped_in_every_error_text() {
    // The file-name spoof of the issue, registered, then suggested for a near miss.
    Spoofed::registry()
        .register("admin\u{202E}lmth.exe")
        .unwrap();
    let input = "admin\u{202E}lmth.ex\u{200B}";
    let err = input.parse::<Member<Spoofed>>().unwrap_err();
    assert_eq!(err.suggestion(), Some("admin\u{202E}lmth.exe"));
    let display = err.to_string();
    assert_clean(&display);
    assert!(
        display.contains(r#"unknown Spoofed "admin\u{202e}lmth.ex\u{200b}";"#),
        "{display}"
    );
    assert!(
        display.ends_with(r#"(did you mean "admin\u{202e}lmth.exe"?)"#),
        "{display}"
    );
    let serde = serde_json::to_string(input).unwrap();
    let serde = serde_json::from_str::<Member<Spoofed>>(&serde)
        .unwrap_err()
        .to_string();
    assert_clean(&serde);
    assert!(
        serde.contains(r"(did you mean `admin\u{202e}lmth.exe`?)"),
        "{serde}"
    );
    assert_clean(&format!("{err:?}"));
    let clap = clap_error::<Spoofed>(input);
    assert_clean(&clap);
    assert!(clap.contains(r"admin\u{202e}lmth.ex\u{200b}"), "{clap}");
    assert!(clap.contains(r"admin\u{202e}lmth.exe"), "{clap}");

    // Inputs that are not names at all: controls and edge whitespace, escaped in the message too.
    for input in ["a\u{7}b", "\u{3000}a", "a\u{2028}", "\u{1b}[31mred"] {
        let clap = clap_error::<Spoofed>(input);
        assert_clean(&clap);
        let err = input.parse::<Member<Spoofed>>().unwrap_err();
        assert!(err.name_error().is_some(), "{input:?}");
        assert_clean(&err.to_string());
        assert_clean(&format!("{err:?}"));
        assert_clean(&err.name_error().unwrap().to_string());
    }
    assert_eq!(
        NameError::InvalidChar { ch: '\u{7}', at: 1 }.to_string(),
        r"name has the control character '\u{7}' at byte 1"
    );
    assert_eq!(
        NameError::InvalidChar {
            ch: '\u{3000}',
            at: 0
        }
        .to_string(),
        r"name starts with whitespace ('\u{3000}')"
    );
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(dynamic = "registered")]
enum Crowded {
    First,
    Second,
}

#[test]
fn every_listing_is_capped_at_32_names_then_says_how_many_more() {
    for i in 0..1_000 {
        Crowded::registry()
            .register(&format!("plugin_{i:04}"))
            .unwrap();
    }
    let err = "nothing".parse::<Member<Crowded>>().unwrap_err();
    assert_eq!(err.expected().len(), 1_002);
    assert_eq!(err.expected().count(), 1_002);
    let first: Vec<String> = ["first", "second"]
        .into_iter()
        .map(str::to_owned)
        .chain((0..30).map(|i| format!("plugin_{i:04}")))
        .collect();

    let display = err.to_string();
    assert_eq!(
        display,
        format!(
            "unknown Crowded \"nothing\"; expected one of: {}, and 970 more",
            first.join(", ")
        )
    );

    let debug = format!("{err:?}");
    let quoted: Vec<String> = first.iter().map(|n| format!("{n:?}")).collect();
    assert_eq!(
        debug,
        format!(
            "ParseError {{ input: \"nothing\", enum_name: \"Crowded\", expected: [{}, and 970 more], \
             suggestion: None, source: None }}",
            quoted.join(", ")
        )
    );

    let serde = serde_json::from_str::<Member<Crowded>>("\"nothing\"")
        .unwrap_err()
        .to_string();
    let ticked: Vec<String> = first.iter().map(|n| format!("`{n}`")).collect();
    assert_eq!(
        serde,
        format!(
            "unknown variant \"nothing\", expected one of {}, and 970 more at line 1 column 9",
            ticked.join(", ")
        )
    );

    let clap = clap_error::<Crowded>("nothing");
    // clap quotes a value with a space in it, so the count reads `"and 970 more"` there.
    assert!(
        clap.contains(&format!(
            "[possible values: {}, \"and 970 more\"]",
            first.join(", ")
        )),
        "{clap}"
    );

    // The suggestion is looked for among the built-in names and the first 64 registered ones.
    let near = "plugin_0063x".parse::<Member<Crowded>>().unwrap_err();
    assert_eq!(near.suggestion(), Some("plugin_0063"));
    let far = "plugin_0064x".parse::<Member<Crowded>>().unwrap_err();
    assert_eq!(far.suggestion(), Some("plugin_0004"));
}

#[test]
fn debug_and_display_of_a_one_megabyte_input_stay_small() {
    let huge = "x\u{202E}".repeat(1 << 19);
    for err in [
        huge.parse::<Crowded>().unwrap_err(),
        huge.parse::<Member<Crowded>>().unwrap_err(),
        huge.parse::<Member<Hostile>>().unwrap_err(),
    ] {
        assert_eq!(err.input(), huge);
        let (debug, display) = (format!("{err:?}"), err.to_string());
        // 64 characters of input, each escaped to at most 10, and 32 names of at most 64.
        for text in [&debug, &display] {
            assert!(text.len() < 4_096, "{} bytes: {text}", text.len());
            assert_clean(text);
        }
        assert!(
            debug.contains(&format!("\"{}…\"", r"x\u{202e}".repeat(32))),
            "{debug}"
        );
    }
}

#[test]
fn names_over_64_characters_are_cut_in_listings() {
    let err = "nothing".parse::<Member<Long>>().unwrap_err();
    let long = "a".repeat(70);
    Long::registry().register(&long).unwrap();
    let shown = err.to_string();
    assert!(
        shown.ends_with(&format!("expected one of: short, {}…", "a".repeat(64))),
        "{shown}"
    );
    // The names themselves are whole.
    assert_eq!(err.expected().last(), Some(long.as_str()));
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(dynamic = "registered")]
enum Long {
    Short,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(dynamic = "registered")]
enum Quiet {
    Plain,
}

/// Reads a double-quoted, escaped text at the start of `shown` back: the text and what follows it.
fn unquote(shown: &str) -> (String, &str) {
    let mut chars = shown.char_indices();
    assert_eq!(chars.next().map(|(_, c)| c), Some('"'), "{shown}");
    let mut out = String::new();
    while let Some((at, c)) = chars.next() {
        match c {
            '"' => return (out, &shown[at + 1..]),
            '\\' => match chars.next().map(|(_, c)| c) {
                Some('t') => out.push('\t'),
                Some('n') => out.push('\n'),
                Some('r') => out.push('\r'),
                Some(c @ ('"' | '\'' | '\\')) => out.push(c),
                Some('u') => {
                    assert_eq!(chars.next().map(|(_, c)| c), Some('{'), "{shown}");
                    let hex: String = chars
                        .by_ref()
                        .map(|(_, c)| c)
                        .take_while(|&c| c != '}')
                        .collect();
                    let code = u32::from_str_radix(&hex, 16).unwrap();
                    out.push(char::from_u32(code).unwrap());
                }
                other => panic!("unknown escape {other:?} in {shown}"),
            },
            c => out.push(c),
        }
    }
    panic!("unterminated: {shown}")
}

proptest::proptest! {
    /// Whatever the input, its error text shows no character that texts escape, and the quoted
    /// input reads back exactly (up to the 64-character cut): the escaping hides nothing and
    /// cannot be imitated, since a backslash in the input is itself escaped.
    #[test]
    fn every_input_is_shown_escaped_and_reads_back(input in "\\PC{0,70}|[\\x00-\\x7f\\u{200b}-\\u{202e}\\u{e0000}-\\u{e0010}]{0,70}") {
        let err = input.parse::<Member<Quiet>>().unwrap_err();
        let display = err.to_string();
        assert_clean(&display);
        let quoted = display
            .strip_prefix("unknown Quiet ")
            .or_else(|| display.strip_prefix("invalid Quiet name "))
            .unwrap();
        let (read, _) = unquote(quoted);
        let cut: String = input.chars().take(64).collect();
        if input.chars().count() > 64 {
            proptest::prop_assert_eq!(read, format!("{cut}…"));
        } else {
            proptest::prop_assert_eq!(read, input);
        }
        assert_clean(&format!("{err:?}"));
    }
}
