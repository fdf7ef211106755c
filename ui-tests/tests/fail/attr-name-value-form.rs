use dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum = "snake_case"]
enum EndpointType {
    OpenaiChat,
}

fn main() {}
