use dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(dynamic = "closed")]
enum EndpointType {
    OpenaiChat,
}

fn main() {}
