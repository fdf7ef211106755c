use dynenum_core::{DynamicStrEnum, Plugins};

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum EndpointType {
    OpenaiChat,
}

struct Endpoint {
    path: &'static str,
}

static ENDPOINTS: Plugins<EndpointType, Endpoint> = Plugins::new("endpoint", |_| Endpoint { path: "/" });

dynenum_core::plugin!(ENDPOINTS, "nvidia_optimized" => "/nim");

fn main() {
    let _ = ENDPOINTS.get(EndpointType::OpenaiChat).map(|e| e.path);
}
