use dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(rename_al = "kebab-case")]
enum EndpointType {
    OpenaiChat,
}

fn main() {}
