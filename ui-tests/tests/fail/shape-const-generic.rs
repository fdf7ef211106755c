use dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum EndpointType<const VERSION: u8> {
    OpenaiChat,
}

fn main() {}
