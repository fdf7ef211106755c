use dynenum_core::{DynamicStrEnum, Plugins};

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(max_len = 8)]
enum EndpointType {
    Openai,
}

static PATHS: Plugins<EndpointType, &str> = Plugins::new("endpoint", |_| "/");

dynenum_core::plugin!(PATHS, "nvidia_optimized" => "/nim");

fn main() {}
