use dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(serde::rename = "x")]
enum EndpointType {
    OpenaiChat,
}

fn main() {}
