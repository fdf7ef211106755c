use dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(crate = "my crate")]
enum EndpointType {
    OpenaiChat,
}

fn main() {}
