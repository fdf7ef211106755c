use dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(max_len = 99999999999999999999999)]
enum EndpointType {
    OpenaiChat,
}

fn main() {}
