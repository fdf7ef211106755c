use dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(colour = "blue")]
enum EndpointType {
    OpenaiChat,
}

fn main() {}
