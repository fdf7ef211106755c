use dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum]
enum EndpointType {
    OpenaiChat,
}

fn main() {}
