//! The JSON schema of a config holding dynenum types.
//!
//! Run it with `cargo run -p dynenum-core --features schemars --example schema`.

use dynenum_core::Member;
use dynenum_example_api::{Backend, EndpointType};
use dynenum_example_plugin as _;

/// The application's config file.
#[derive(schemars::JsonSchema)]
#[allow(dead_code)] // only its schema is used here
struct Config {
    /// The endpoint used when a request names none.
    default_endpoint: EndpointType,
    /// Endpoints to try in turn: any name, plugins' included.
    fallbacks: Vec<Member<EndpointType>>,
    /// Where answers are kept: built-in or installed by a plugin.
    backend: Member<Backend>,
}

fn main() -> Result<(), serde_json::Error> {
    let schema = schemars::schema_for!(Config);
    println!("{}", serde_json::to_string_pretty(&schema)?);
    Ok(())
}
