use dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[non_exhaustive]
enum EndpointType {
    OpenaiChat,
    AnthropicChat,
}

fn main() {
    assert_eq!(EndpointType::COUNT, 2);
    assert_eq!(
        "anthropic_chat".parse::<EndpointType>().unwrap(),
        EndpointType::AnthropicChat
    );
    assert_eq!(EndpointType::OpenaiChat, "OPENAI_CHAT");
}
