//! A command line whose arguments are dynenum types: built-in choices, plugin choices, any case.
//!
//! Try `cargo run -p dynenum-core --features clap --example cli -- --help`, or
//! `... -- --endpoint CLAUDE --backend duck_db --extra my-own`.

use clap::Parser;
use dynenum_core::Member;
use dynenum_example_api::{Backend, EndpointType};
use dynenum_example_plugin as _;

/// Sends a prompt to an endpoint, keeping the answers in a backend.
#[derive(Debug, Parser)]
#[command(name = "cli")]
struct Cli {
    /// The endpoint to call: built-in only.
    #[arg(long)]
    endpoint: EndpointType,
    /// Where to keep answers: built-in or installed by a plugin.
    #[arg(long, default_value = "sqlite")]
    backend: Member<Backend>,
    /// More endpoints: any name, plugins' included.
    #[arg(long)]
    extra: Vec<Member<EndpointType>>,
}

fn main() {
    let cli = Cli::parse();
    println!("endpoint: {:?}", cli.endpoint);
    println!(
        "backend:  {} ({})",
        cli.backend,
        cli.backend.description().unwrap_or("no description")
    );
    for extra in &cli.extra {
        println!("extra:    {extra} (built-in: {})", extra.is_builtin());
    }
}
