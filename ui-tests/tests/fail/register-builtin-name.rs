use dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum EndpointType {
    OpenaiChat,
    #[dynenum(alias = "claude")]
    AnthropicChat,
}

dynenum_core::register!(EndpointType, "fine", "CLAUDE");

fn main() {}
