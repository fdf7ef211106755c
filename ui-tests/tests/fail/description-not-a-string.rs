use dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum EndpointType {
    #[dynenum(description = true)]
    OpenaiChat,
}

fn main() {}
