use dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(max_len = 0)]
enum EndpointType {
    OpenaiChat,
}

fn main() {}
