//! clap: derived enums and `Member<E>` as typed arguments of a real `clap::Command`.

use clap::{value_parser, Arg, ArgAction, Command};
use dynenum_core::{DynamicStrEnum, Member};

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum EndpointType {
    /// OpenAI-compatible chat completions.
    OpenaiChat,
    /// Anthropic's messages API.
    #[dynenum(alias = "claude")]
    AnthropicChat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(dynamic = "registered")]
enum Backend {
    /// The Postgres server.
    Postgres,
}

fn command() -> Command {
    Command::new("app")
        .arg(
            Arg::new("endpoint")
                .long("endpoint")
                .value_parser(value_parser!(EndpointType)),
        )
        .arg(
            Arg::new("extra")
                .long("extra")
                .action(ArgAction::Append)
                .value_parser(value_parser!(Member<EndpointType>)),
        )
        .arg(
            Arg::new("backend")
                .long("backend")
                .value_parser(value_parser!(Member<Backend>)),
        )
}

fn error(args: &[&str]) -> String {
    command()
        .try_get_matches_from(args)
        .unwrap_err()
        .render()
        .to_string()
}

#[test]
fn builtin_argument_ignores_ascii_case_and_accepts_hidden_aliases() {
    for text in ["openai_chat", "OPENAI_CHAT", "OpenAI_Chat"] {
        let matches = command()
            .try_get_matches_from(["app", "--endpoint", text])
            .unwrap();
        assert_eq!(
            matches.get_one::<EndpointType>("endpoint"),
            Some(&EndpointType::OpenaiChat)
        );
    }
    let matches = command()
        .try_get_matches_from(["app", "--endpoint", "CLAUDE"])
        .unwrap();
    assert_eq!(
        matches.get_one::<EndpointType>("endpoint"),
        Some(&EndpointType::AnthropicChat)
    );
}

#[test]
fn member_argument_takes_builtin_and_dynamic_names() {
    let matches = command()
        .try_get_matches_from(["app", "--extra", "Claude", "--extra", "Nvidia_Optimized"])
        .unwrap();
    let extras: Vec<&Member<EndpointType>> = matches.get_many("extra").unwrap().collect();
    assert_eq!(*extras[0], EndpointType::AnthropicChat);
    assert_eq!(extras[1].to_string(), "nvidia_optimized");
}

#[test]
fn unknown_builtin_is_clap_invalid_value_with_the_names_and_a_tip() {
    assert_eq!(
        error(&["app", "--endpoint", "opnai_chat"]),
        "error: invalid value 'opnai_chat' for '--endpoint <endpoint>'\n  \
         [possible values: openai_chat, anthropic_chat]\n\n  \
         tip: a similar value exists: 'openai_chat'\n\n\
         For more information, try '--help'.\n"
    );
}

#[test]
fn invalid_dynamic_name_says_which_rule_it_breaks() {
    assert_eq!(
        error(&["app", "--extra", " padded"]),
        "error: invalid value ' padded' for '--extra <extra>': name starts with whitespace (' ')\n\n\
         For more information, try '--help'.\n"
    );
}

#[test]
fn registered_policy_lists_registered_names_in_errors_and_help() {
    Backend::registry()
        .register_with_description("duckdb", "DuckDB, in process")
        .unwrap();
    let matches = command()
        .try_get_matches_from(["app", "--backend", "DUCKDB"])
        .unwrap();
    assert_eq!(
        matches
            .get_one::<Member<Backend>>("backend")
            .unwrap()
            .as_str(),
        "duckdb"
    );
    assert_eq!(
        error(&["app", "--backend", "duckbd"]),
        "error: invalid value 'duckbd' for '--backend <backend>'\n  \
         [possible values: postgres, duckdb]\n\n  \
         tip: a similar value exists: 'duckdb'\n\n\
         For more information, try '--help'.\n"
    );
    let help = command().render_long_help().to_string();
    assert!(help.contains("- postgres: The Postgres server."), "{help}");
    assert!(help.contains("- duckdb:   DuckDB, in process"), "{help}");
}

#[test]
fn help_lists_canonical_names_with_descriptions_and_hides_aliases() {
    let help = command().render_long_help().to_string();
    assert!(
        help.contains("- openai_chat:    OpenAI-compatible chat completions."),
        "{help}"
    );
    assert!(
        help.contains("- anthropic_chat: Anthropic's messages API."),
        "{help}"
    );
    assert!(!help.contains("claude"), "aliases are hidden: {help}");
}
