use dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum EndpointType {
    #[dynenum(rename_all = "kebab-case")]
    OpenaiChat,
}

fn main() {}
