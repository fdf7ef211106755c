use dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum EndpointType
where
    u8: Copy,
{
    OpenaiChat,
}

fn main() {}
