use dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum EndpointType {
    OpenaiChat,
    #[dynenum(alias = "openai_chat")]
    AnthropicChat,
}

fn main() {}
