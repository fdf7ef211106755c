#![no_implicit_prelude]

use ::dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum EndpointType {
    /// OpenAI-compatible chat completions.
    OpenaiChat,
    #[dynenum(alias = "claude")]
    AnthropicChat,
}

fn main() {
    ::std::assert_eq!(EndpointType::COUNT, 2);
    ::std::assert_eq!(
        EndpointType::from_name("CLAUDE"),
        ::std::option::Option::Some(EndpointType::AnthropicChat)
    );
    let parsed: ::std::result::Result<EndpointType, ::dynenum_core::ParseError> =
        ::std::str::FromStr::from_str("openai_chat");
    ::std::assert_eq!(
        parsed.ok(),
        ::std::option::Option::Some(EndpointType::OpenaiChat)
    );
    ::std::assert_eq!(
        ::std::string::ToString::to_string(&EndpointType::AnthropicChat),
        "anthropic_chat"
    );
    ::std::assert_eq!(
        EndpointType::OpenaiChat.description(),
        ::std::option::Option::Some("OpenAI-compatible chat completions.")
    );
    ::std::assert!(EndpointType::OpenaiChat == "Openai_Chat");
}
