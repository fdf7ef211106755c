use dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(max_len = 12)]
enum EndpointType {
    OpenaiChat,
}

dynenum_core::register!(EndpointType, "", " padded", "much_too_long", "tab\t" => "a description");

fn main() {}
