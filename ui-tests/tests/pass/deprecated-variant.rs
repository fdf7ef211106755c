#![deny(warnings)]

use dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum EndpointType {
    OpenaiChat,
    #[deprecated = "use OpenaiChat"]
    #[dynenum(alias = "legacy")]
    LegacyChat,
}

fn main() {
    assert_eq!(EndpointType::COUNT, 2);
    assert_eq!(EndpointType::NAMES, ["openai_chat", "legacy_chat"]);
    let legacy = EndpointType::from_name("LEGACY").unwrap();
    assert_ne!(legacy, EndpointType::OpenaiChat);
    assert_eq!(legacy.as_str(), "legacy_chat");
    assert_eq!(legacy, "Legacy_Chat");
    assert_eq!(legacy.to_string(), "legacy_chat");
}
