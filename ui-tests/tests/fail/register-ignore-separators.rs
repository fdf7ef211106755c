use dynenum_core::DynamicStrEnum;

// Under `ignore_separators`, "openai-chat" names the built-in `openai_chat`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(ignore_separators)]
enum EndpointType {
    OpenaiChat,
}

dynenum_core::register!(EndpointType, "OpenAI-Chat");

fn main() {}
