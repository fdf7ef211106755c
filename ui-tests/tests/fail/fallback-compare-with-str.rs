// After a failed derive, every generated impl is still there (stubbed), so comparing with a string,
// `as_ref`, `TryFrom<&str>` and `Into<&str>` add no rustc errors to the derive's own.
use dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum EndpointType {
    #[dynenum(rename = "")]
    OpenaiChat,
}

fn main() {
    assert!(EndpointType::OpenaiChat == "openai_chat");
    let name: &str = EndpointType::OpenaiChat.as_ref();
    let same: &'static str = EndpointType::OpenaiChat.into();
    let parsed = EndpointType::try_from("x");
    drop((name, same, parsed));
}
