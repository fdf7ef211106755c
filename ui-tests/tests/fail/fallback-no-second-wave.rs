use dynenum_core::DynamicStrEnum;

use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum EndpointType {
    OpenaiChat,
    #[dynenum(alias = "OPENAI_CHAT")]
    AnthropicChat,
}

fn main() {
    let parsed: Result<EndpointType, _> = "x".parse::<EndpointType>();
    let found: Option<EndpointType> = EndpointType::from_name("x");
    let mut counts: HashMap<EndpointType, u8> = HashMap::new();
    counts.insert(EndpointType::OpenaiChat, 1);
    let shown: String = EndpointType::AnthropicChat.to_string();
    let names: &[&str] = EndpointType::NAMES;
    drop((parsed, found, counts, shown, names));
}
