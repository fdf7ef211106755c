use dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(alias = "chat")]
enum EndpointType {
    OpenaiChat,
}

fn main() {}
