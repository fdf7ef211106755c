use dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum EndpointType {
    OpenaiChat,
    #[dynenum(rename = "OPENAI_CHAT")]
    OpenaiChatV2,
}

fn main() {}
