use dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, DynamicStrEnum)]
enum EndpointType {
    OpenaiChat,
}

fn main() {}
