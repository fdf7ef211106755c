use dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum EndpointType {
    #[dynenum(rename = "openai", rename = "open_ai")]
    OpenaiChat,
}

fn main() {}
