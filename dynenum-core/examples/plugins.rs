//! A plugin-style program: endpoints known at compile time, endpoints a plugin adds at link time, and a
//! config file that names both.
//!
//! Run it with `cargo run -p dynenum-core --example plugins`. The application's enums live in
//! `examples/api`; the plugin in `examples/plugin` registers its names with `register!`, and this
//! program only has to link it.

use std::collections::BTreeMap;

use dynenum_core::Member;
use dynenum_example_api::{Backend, EndpointType};
// Linking the plugin is all it takes: its `register!` runs before `main`.
use dynenum_example_plugin as _;

/// The config file's shape: a built-in and a plugin endpoint, in whatever case the user typed.
#[derive(Debug, serde::Deserialize)]
struct Config {
    /// Strict: only a built-in endpoint will do.
    builtin_endpoint: EndpointType,
    default_endpoint: Member<EndpointType>,
    fallbacks: Vec<Member<EndpointType>>,
    backend: Member<Backend>,
    timeouts: BTreeMap<Member<EndpointType>, u32>,
}

const CONFIG: &str = r#"
builtin_endpoint = "Anthropic"
default_endpoint = "NVIDIA_OPTIMIZED"
fallbacks = ["OpenAI_Chat", "claude", "My_Own_Endpoint"]
backend = "DUCK_DB"

[timeouts]
openai_chat = 30
Nvidia_Optimized = 120
"#;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("== Every endpoint a user may choose: built-ins, then plugins");
    for member in Member::<EndpointType>::all() {
        let kind = if member.is_builtin() {
            "built-in"
        } else {
            "plugin"
        };
        println!(
            "  {member:<18} {kind:<9} {}",
            member.description().unwrap_or("-")
        );
    }

    println!("\n== A config naming built-in and plugin endpoints in mixed case");
    let config: Config = toml::from_str(CONFIG)?;
    println!("builtin endpoint: {:?}", config.builtin_endpoint);
    let default = &config.default_endpoint;
    println!(
        "default endpoint: {default} (built-in: {}, registered plugin: {})",
        default.is_builtin(),
        default
            .dynamic()
            .is_some_and(dynenum_core::DynamicMember::is_registered),
    );
    for fallback in &config.fallbacks {
        println!("fallback:         {fallback:<18} {fallback:?}");
    }
    println!("backend:          {}", config.backend);
    for (endpoint, seconds) in &config.timeouts {
        println!("timeout:          {endpoint:<18} {seconds} s");
    }
    println!(
        "written back as JSON: {}",
        serde_json::to_string(&config.fallbacks)?
    );

    println!("\n== Built-in members are an ordinary enum, compared ignoring ASCII case");
    if let Member::Builtin(EndpointType::AnthropicChat) = config.fallbacks[1] {
        println!(
            "\"claude\" is the alias of {:?}",
            EndpointType::AnthropicChat
        );
    }
    println!(
        "EndpointType::OpenaiChat == \"OPENAI_CHAT\": {}",
        EndpointType::OpenaiChat == "OPENAI_CHAT"
    );

    println!("\n== Typos are caught, with a suggestion");
    let typo = CONFIG.replace("\"Anthropic\"", "\"Antropic\"");
    if let Err(error) = toml::from_str::<Config>(&typo) {
        println!("config: {}", error.message());
    }
    if let Err(error) = "opnai_chat".parse::<EndpointType>() {
        println!("FromStr: {error}");
    }

    println!("\n== A `dynamic = \"registered\"` enum refuses names nobody registered");
    match "mongo_db".parse::<Member<Backend>>() {
        Ok(member) => println!("unexpected: {member:?}"),
        Err(error) => println!("{error}"),
    }
    let duck: Member<Backend> = "Duck DB".parse()?;
    println!("\"Duck DB\" is the registered {duck:?} (separators are ignored for Backend)");
    Ok(())
}
