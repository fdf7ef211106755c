use dynenum_core::{DynamicStrEnum, Plugins};

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum EndpointType {
    OpenaiChat,
    AnthropicChat,
    HuggingFaceTgi,
}

// A variant added without a value: rustc's own exhaustiveness error, at the `match`.
static PATHS: Plugins<EndpointType, &str> = Plugins::new("endpoint", |endpoint| match endpoint {
    EndpointType::OpenaiChat => "/v1/chat/completions",
    EndpointType::AnthropicChat => "/v1/messages",
});

fn main() {}
