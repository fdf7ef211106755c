#![deny(warnings)]

use dynenum_core::{Caseless, DynamicStrEnum, Member, NameError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(
    rename_all = "kebab-case",
    dynamic = "registered",
    ignore_separators,
    max_len = 32,
    noun = "endpoint"
)]
#[dynenum(crate = "::dynenum_core")]
enum EndpointType {
    /// OpenAI-compatible chat completions.
    ///
    /// Not part of the description.
    OpenaiChat,
    #[dynenum(rename = "anthropic", alias = "claude", alias = "claude-ai")]
    #[dynenum(description = "Anthropic's Messages API")]
    AnthropicChat,
    #[deprecated]
    OldChat,
}

fn main() {
    assert_eq!(
        EndpointType::NAMES,
        ["openai-chat", "anthropic", "old-chat"]
    );
    assert_eq!(
        EndpointType::OpenaiChat.description(),
        Some("OpenAI-compatible chat completions.")
    );
    assert_eq!(
        EndpointType::AnthropicChat.description(),
        Some("Anthropic's Messages API")
    );
    assert_eq!(
        EndpointType::AnthropicChat.aliases(),
        ["claude", "claude-ai"]
    );
    // ignore_separators: `-`, `_` and ` ` are one character.
    assert_eq!(
        "OPENAI_CHAT".parse::<EndpointType>().unwrap(),
        EndpointType::OpenaiChat
    );
    assert_eq!(
        EndpointType::from_name("Claude AI"),
        Some(EndpointType::AnthropicChat)
    );
    assert_eq!(EndpointType::OpenaiChat, "openai chat");
    // dynamic = "registered": only registered names parse as members.
    assert!("local-llama".parse::<Member<EndpointType>>().is_err());
    EndpointType::registry().register("local_llama").unwrap();
    let local: Member<EndpointType> = "Local Llama".parse().unwrap();
    assert_eq!(local.to_string(), "local-llama");
    assert_eq!(local, "LOCAL_LLAMA");
    // noun = "endpoint": what error texts call the enum.
    assert!("gpt"
        .parse::<EndpointType>()
        .unwrap_err()
        .to_string()
        .starts_with("unknown endpoint \"gpt\""));
    // max_len = 32.
    assert_eq!(
        EndpointType::dynamic(&"x".repeat(33)).unwrap_err(),
        NameError::TooLong { len: 33, max: 32 }
    );
    let key: &Caseless = Caseless::new("OPENAI-CHAT");
    let mut map = std::collections::HashMap::new();
    map.insert(EndpointType::OpenaiChat, 1_u8);
    assert_eq!(map.get(key), Some(&1));
}
