//! A plugin of the example application. It has no code to call: linking it adds its names and their
//! implementations to the application's plugin tables.

use dynenum_example_api::{
    Backend, Endpoint, EndpointPlugin, EndpointType, Service, ServicePlugin, Ui, UiPlugin,
    ENDPOINTS, SERVICES, UIS,
};

struct NvidiaOptimized;
impl Endpoint for NvidiaOptimized {
    fn request(&self, prompt: &str) -> String {
        format!("POST /v1/nim/chat {prompt:?} (TensorRT-LLM)")
    }
}

struct ColourTerminal;
impl Ui for ColourTerminal {
    fn show(&self, text: &str) -> String {
        format!("\u{276f} {text}")
    }
}

struct Metrics;
impl Service for Metrics {
    fn start(&self) -> String {
        "Prometheus exporter up".to_owned()
    }
}

// A new endpoint: its implementation, metadata and description, and its name in the registry.
dynenum_core::plugin!(ENDPOINTS, "nvidia_optimized" => EndpointPlugin { create: || Box::new(NvidiaOptimized), streaming: true },
    description = "NVIDIA-optimized inference microservice");

// Replaces a built-in implementation: priority 10 beats the built-in's 0.
dynenum_core::plugin!(UIS, "terminal" => UiPlugin { create: || Box::new(ColourTerminal), interactive: false },
    description = "The terminal, in colour", priority = 10);

dynenum_core::plugin!(SERVICES, "metrics" => ServicePlugin { create: || Box::new(Metrics), port: Some(9090) },
    description = "Prometheus metrics");

// A name registered with no implementation (yet): listed by `unprovided()`, refused by the table.
dynenum_core::register!(EndpointType, "custom_endpoint");

dynenum_core::register!(Backend, "duck-db" => "DuckDB, in process");
