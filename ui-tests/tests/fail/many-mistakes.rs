use dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(rename_all = "kebab", max_len = 0, colour = "blue")]
#[dynenum(dynamic = "closed")]
enum EndpointType {
    OpenaiChat,
    #[dynenum(rename = "")]
    #[dynenum(alias = "OPENAI_CHAT", descripton = "typo")]
    AnthropicChat,
    Custom(u8),
}

fn main() {}
