use dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(ignore_separators = true)]
enum EndpointType {
    OpenaiChat,
}

fn main() {}
