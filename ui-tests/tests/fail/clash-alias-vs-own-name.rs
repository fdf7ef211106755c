use dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum EndpointType {
    #[dynenum(alias = "Anthropic_Chat")]
    AnthropicChat,
}

fn main() {}
