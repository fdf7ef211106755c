use dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum EndpointType {
    #[dynenum(rename = " openai_chat")]
    OpenaiChat,
}

fn main() {}
