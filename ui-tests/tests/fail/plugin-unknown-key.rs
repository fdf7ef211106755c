use dynenum_core::{DynamicStrEnum, Plugins};

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum EndpointType {
    OpenaiChat,
}

static PATHS: Plugins<EndpointType, &str> = Plugins::new("endpoint", |_| "/");

dynenum_core::plugin!(PATHS, "nvidia_optimized" => "/nim", priorty = 10);
dynenum_core::plugin!(PATHS, "local" => "/local", colour = "blue");

fn main() {}
