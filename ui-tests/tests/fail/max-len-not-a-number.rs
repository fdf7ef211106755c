use dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(max_len = "64")]
enum EndpointType {
    OpenaiChat,
}

fn main() {}
