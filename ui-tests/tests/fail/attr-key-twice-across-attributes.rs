use dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(rename_all = "kebab-case")]
#[dynenum(rename_all = "snake_case")]
enum EndpointType {
    OpenaiChat,
}

fn main() {}
