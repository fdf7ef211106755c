//! A plugin system in full: the application's API crate (`examples/api`) declares three plugin
//! categories as tables; a plugin crate (`examples/plugin`) adds an endpoint, a service, and replaces
//! the built-in terminal UI by priority; this program reads a config naming an endpoint and a UI in
//! any case, lets command-line flags override it, builds the chosen implementations, runs them and
//! lists every category.
//!
//! Run it with `cargo run -p dynenum-core --example plugins`, or add flags:
//! `... -- --endpoint claude --ui WEB`.

use dynenum_core::{Member, PluginError};
use dynenum_example_api::{
    EndpointType, ServiceType, UiType, CATEGORIES, ENDPOINTS, SERVICES, UIS,
};
// Linking the plugin is all it takes: its `plugin!` and `register!` calls need no call from `main`.
use dynenum_example_plugin as _;

/// The config file: names as users type them.
#[derive(Debug, serde::Deserialize)]
struct Config {
    endpoint: Member<EndpointType>,
    ui: Member<UiType>,
    services: Vec<Member<ServiceType>>,
}

const CONFIG: &str = r#"
endpoint = "NVIDIA_OPTIMIZED"
ui = "Terminal"
services = ["cache", "Metrics"]
"#;

fn main() {
    if let Err(error) = run() {
        eprintln!("error: {error}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut config: Config = toml::from_str(CONFIG)?;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--endpoint" => config.endpoint = value.parse()?,
            "--ui" => config.ui = value.parse()?,
            _ => {
                return Err(format!("unknown flag {flag}; try --endpoint NAME or --ui NAME").into())
            }
        }
    }

    println!("== Chosen (config, then flags)");
    let endpoint = ENDPOINTS.entry(&config.endpoint)?;
    let ui = UIS.entry(&config.ui)?;
    println!(
        "endpoint {:<17} from {}",
        endpoint.member(),
        endpoint.origin()
    );
    println!("ui       {:<17} from {}", ui.member(), ui.origin());

    println!("\n== Run");
    let client = (endpoint.value().create)();
    let screen = (ui.value().create)();
    println!("{}", screen.show(&client.request("Hello")));
    println!(
        "streaming: {}, interactive: {}",
        endpoint.value().streaming,
        ui.value().interactive
    );
    for service in &config.services {
        let plugin = SERVICES.get(service)?;
        let port = plugin
            .port
            .map_or_else(String::new, |p| format!(" (port {p})"));
        println!("service {service}: {}{port}", (plugin.create)().start());
    }

    println!("\n== Plugins");
    for category in &CATEGORIES {
        println!("{}:", category.category());
        for entry in category.entries() {
            let kind = if entry.builtin { "built-in" } else { "plugin" };
            let shadows = if entry.shadowed_origins.is_empty() {
                String::new()
            } else {
                format!(" [shadows {}]", entry.shadowed_origins.join(", "))
            };
            println!(
                "  {:<17} {kind:<8} {:<22} {:>3}  {}{shadows}",
                entry.name,
                entry.origin,
                entry.priority,
                entry.description.unwrap_or("-"),
            );
        }
    }

    println!("\n== Errors");
    let errors: [PluginError; 2] = [
        ENDPOINTS
            .get("nvdia_optimized")
            .err()
            .ok_or("expected an error")?,
        ENDPOINTS
            .get("Custom_Endpoint")
            .err()
            .ok_or("expected an error")?,
    ];
    for error in errors {
        println!("{error}");
    }
    let unprovided: Vec<String> = ENDPOINTS
        .unprovided()
        .iter()
        .map(ToString::to_string)
        .collect();
    println!(
        "registered endpoints without a plugin: {}",
        unprovided.join(", ")
    );
    Ok(())
}
