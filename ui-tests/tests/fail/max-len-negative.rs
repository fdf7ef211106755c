use dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(max_len = -1)]
enum EndpointType {
    OpenaiChat,
}

fn main() {}
