use dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(noun = "endpoint ")]
enum EndpointType {
    OpenaiChat,
}

fn main() {}
