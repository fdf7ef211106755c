use dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(rename_all = "snake-case")]
enum EndpointType {
    OpenaiChat,
}

fn main() {}
