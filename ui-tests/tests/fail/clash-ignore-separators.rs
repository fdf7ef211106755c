use dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(ignore_separators)]
enum EndpointType {
    #[dynenum(rename = "a-b")]
    First,
    #[dynenum(rename = "a_b")]
    Second,
}

fn main() {}
