// A `#[deprecated]` enum derives without warnings, as with rustc's own derives: the lint is for the
// user's own uses of the enum, which here opt in with `#[allow(deprecated)]`.
#![deny(warnings)]

use dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[deprecated = "use NewEndpointType"]
enum EndpointType {
    OpenaiChat,
    #[deprecated]
    Legacy,
}

#[allow(deprecated)]
fn main() {
    assert_eq!("OPENAI_CHAT".parse::<EndpointType>().unwrap(), EndpointType::OpenaiChat);
    assert_eq!(EndpointType::Legacy.to_string(), "legacy");
    assert_eq!(EndpointType::COUNT, 2);
}
