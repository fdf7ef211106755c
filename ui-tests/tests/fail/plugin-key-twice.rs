use dynenum_core::{DynamicStrEnum, Plugins};

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum EndpointType {
    OpenaiChat,
}

static PATHS: Plugins<EndpointType, &str> = Plugins::new("endpoint", |_| "/");

dynenum_core::plugin!(PATHS, "nvidia_optimized" => "/nim", priority = 1, description = "NIM", priority = 2);

fn main() {}
