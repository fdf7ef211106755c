// A crate that re-exports dynenum-core tells the derive where to find it.
mod reexport {
    pub use ::dynenum_core as dynenum;
}

use reexport::dynenum::{DynamicStrEnum, Member};

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(crate = "reexport::dynenum")]
enum EndpointType {
    OpenaiChat,
    #[dynenum(alias = "claude")]
    AnthropicChat,
}

fn main() {
    assert_eq!(EndpointType::NAMES, ["openai_chat", "anthropic_chat"]);
    assert_eq!(
        "CLAUDE".parse::<EndpointType>().unwrap(),
        EndpointType::AnthropicChat
    );
    let nv: Member<EndpointType> = "nvidia".parse().unwrap();
    assert_eq!(nv.to_string(), "nvidia");
    assert_eq!(
        EndpointType::OpenaiChat,
        Member::from(EndpointType::OpenaiChat)
    );
}
