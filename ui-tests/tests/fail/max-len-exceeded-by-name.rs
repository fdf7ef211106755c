use dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(max_len = 8)]
enum EndpointType {
    Chat,
    AnthropicChat,
}

fn main() {}
