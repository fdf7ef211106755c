//! The Python original's own checks, in Rust terms.

use dynenum_core::{DynamicMember, DynamicStrEnum, Member, NameError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum EndpointType {
    OpenaiChat,
    AnthropicChat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum ServiceType {}

#[test]
fn builtin_prints_its_snake_case_name_and_equals_it_in_any_case() {
    assert_eq!(EndpointType::OpenaiChat.to_string(), "openai_chat");
    assert_eq!(EndpointType::OpenaiChat, "openai_chat");
    assert_eq!(EndpointType::OpenaiChat, "OPENAI_CHAT");
    assert_ne!(EndpointType::OpenaiChat, "anthropic_chat");
}

#[test]
fn unknown_name_becomes_a_proxy_that_prints_folded() {
    let nv: DynamicMember<EndpointType> = EndpointType::dynamic("NVIDIA_OPTIMIZED").unwrap();
    assert_eq!(nv.to_string(), "nvidia_optimized");
    assert_eq!(nv, "nvidia_optimized");
    assert_eq!(nv, "Nvidia_Optimized");
    assert_ne!(nv, "nvidia_optimised");
}

#[test]
fn iteration_yields_exactly_the_builtins_in_order() {
    let all: Vec<EndpointType> = EndpointType::iter().collect();
    assert_eq!(all, [EndpointType::OpenaiChat, EndpointType::AnthropicChat]);
    assert_eq!(EndpointType::COUNT, 2);
    assert_eq!(EndpointType::NAMES, ["openai_chat", "anthropic_chat"]);
}

#[test]
fn builtin_parses_in_any_case() {
    for text in [
        "anthropic_chat",
        "ANTHROPIC_CHAT",
        "Anthropic_Chat",
        "aNtHrOpIc_cHaT",
    ] {
        assert_eq!(
            text.parse::<EndpointType>().unwrap(),
            EndpointType::AnthropicChat
        );
        assert_eq!(
            text.parse::<Member<EndpointType>>().unwrap(),
            Member::Builtin(EndpointType::AnthropicChat)
        );
    }
}

#[test]
fn dynamic_refuses_builtin_names() {
    assert_eq!(
        EndpointType::dynamic("OpenAI_Chat").unwrap_err(),
        NameError::Builtin("openai_chat")
    );
}

#[test]
fn dynamic_refuses_empty_and_padded_names_clearly() {
    assert_eq!(EndpointType::dynamic("").unwrap_err(), NameError::Empty);
    let padded = EndpointType::dynamic(" nvidia").unwrap_err();
    assert_eq!(padded, NameError::InvalidChar { ch: ' ', at: 0 });
    assert_eq!(padded.to_string(), "name starts with whitespace (' ')");
    let err = "nvidia ".parse::<Member<EndpointType>>().unwrap_err();
    assert_eq!(
        err.to_string(),
        r#"invalid EndpointType name "nvidia ": name ends with whitespace (' ' at byte 6)"#
    );
}

#[test]
fn enum_without_variants_makes_every_valid_name_dynamic() {
    assert_eq!(ServiceType::COUNT, 0);
    assert_eq!(ServiceType::iter().count(), 0);
    let any: Member<ServiceType> = "Anything-At_All".parse().unwrap();
    assert_eq!(any.as_str(), "anything-at_all");
    assert!(!any.is_builtin());
    let err = "x".parse::<ServiceType>().unwrap_err();
    assert_eq!(
        err.to_string(),
        r#"unknown ServiceType "x"; ServiceType has no names"#
    );
}
