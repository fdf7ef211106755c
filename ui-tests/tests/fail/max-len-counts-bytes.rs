use dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(max_len = 4)]
enum EndpointType {
    #[dynenum(rename = "ééé")]
    OpenaiChat,
}

fn main() {}
