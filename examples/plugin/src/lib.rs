//! A plugin of the example application. It has no code to call: linking it registers its names.

use dynenum_example_api::{Backend, EndpointType};

dynenum_core::register!(
    EndpointType,
    "nvidia_optimized" => "NVIDIA-optimized inference microservice",
    "custom_endpoint",
);

dynenum_core::register!(Backend, "duck-db" => "DuckDB, in process");
