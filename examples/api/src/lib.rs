//! The example application's API crate: what the application and its plugins share. Three plugin
//! categories (endpoint, UI, service), each an enum of built-in names, a trait its implementations
//! share, typed metadata, and a plugin table giving every name its implementation.

// Variant doc comments double as descriptions shown to users, so product names stay unquoted.
#![allow(clippy::doc_markdown)]

use dynenum_core::{Category, DynamicStrEnum, Plugins};

/// The endpoints the application ships with; plugins add more.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
pub enum EndpointType {
    /// OpenAI-compatible chat completions.
    OpenaiChat,
    /// Anthropic's messages API.
    #[dynenum(alias = "claude", alias = "anthropic")]
    AnthropicChat,
    /// Text Generation Inference by Hugging Face.
    #[dynenum(rename = "hf-tgi")]
    HuggingFaceTgi,
}

/// The user interfaces the application ships with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
pub enum UiType {
    /// Plain text on the terminal.
    Terminal,
    /// A dashboard in the browser.
    Web,
}

/// Background services the application can run beside a benchmark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
pub enum ServiceType {
    /// Keeps responses between runs.
    Cache,
}

/// Storage backends: only built-in and registered names are accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(dynamic = "registered", rename_all = "kebab-case", ignore_separators)]
pub enum Backend {
    /// PostgreSQL.
    Postgres,
    /// A single SQLite file.
    Sqlite,
}

/// Sends a prompt somewhere and returns what a request would look like.
pub trait Endpoint: Send + Sync {
    /// The request this endpoint would send for `prompt`.
    fn request(&self, prompt: &str) -> String;
}

/// Shows text to the user.
pub trait Ui: Send + Sync {
    /// `text` as this interface shows it.
    fn show(&self, text: &str) -> String;
}

/// Something that runs beside the benchmark.
pub trait Service: Send + Sync {
    /// Starts the service and says where it listens.
    fn start(&self) -> String;
}

/// What an endpoint name stands for: how to build one, and what the application needs to know first.
#[derive(Debug)]
pub struct EndpointPlugin {
    /// Builds the endpoint.
    pub create: fn() -> Box<dyn Endpoint>,
    /// Whether it streams tokens.
    pub streaming: bool,
}

/// What a UI name stands for.
#[derive(Debug)]
pub struct UiPlugin {
    /// Builds the interface.
    pub create: fn() -> Box<dyn Ui>,
    /// Whether it takes input while a run goes on.
    pub interactive: bool,
}

/// What a service name stands for.
#[derive(Debug)]
pub struct ServicePlugin {
    /// Builds the service.
    pub create: fn() -> Box<dyn Service>,
    /// The TCP port it needs, if any.
    pub port: Option<u16>,
}

struct OpenAi;
impl Endpoint for OpenAi {
    fn request(&self, prompt: &str) -> String {
        format!("POST /v1/chat/completions {prompt:?}")
    }
}

struct Anthropic;
impl Endpoint for Anthropic {
    fn request(&self, prompt: &str) -> String {
        format!("POST /v1/messages {prompt:?}")
    }
}

struct Tgi;
impl Endpoint for Tgi {
    fn request(&self, prompt: &str) -> String {
        format!("POST /generate {prompt:?}")
    }
}

struct Terminal;
impl Ui for Terminal {
    fn show(&self, text: &str) -> String {
        format!("> {text}")
    }
}

struct Web;
impl Ui for Web {
    fn show(&self, text: &str) -> String {
        format!("<p>{text}</p>")
    }
}

struct Cache;
impl Service for Cache {
    fn start(&self) -> String {
        "cache in ./cache".to_owned()
    }
}

/// Every endpoint name's implementation. A variant added to [`EndpointType`] without one here is a
/// compile error (the `match` must be exhaustive).
pub static ENDPOINTS: Plugins<EndpointType, EndpointPlugin> =
    Plugins::new("endpoint", |endpoint| match endpoint {
        EndpointType::OpenaiChat => EndpointPlugin {
            create: || Box::new(OpenAi),
            streaming: true,
        },
        EndpointType::AnthropicChat => EndpointPlugin {
            create: || Box::new(Anthropic),
            streaming: true,
        },
        EndpointType::HuggingFaceTgi => EndpointPlugin {
            create: || Box::new(Tgi),
            streaming: false,
        },
    });

/// Every UI name's implementation.
pub static UIS: Plugins<UiType, UiPlugin> = Plugins::new("UI", |ui| match ui {
    UiType::Terminal => UiPlugin {
        create: || Box::new(Terminal),
        interactive: false,
    },
    UiType::Web => UiPlugin {
        create: || Box::new(Web),
        interactive: true,
    },
});

/// Every service name's implementation.
pub static SERVICES: Plugins<ServiceType, ServicePlugin> =
    Plugins::new("service", |service| match service {
        ServiceType::Cache => ServicePlugin {
            create: || Box::new(Cache),
            port: None,
        },
    });

/// The plugin categories, for listings: tables of different value types side by side.
pub static CATEGORIES: [&dyn Category; 3] = [&ENDPOINTS, &UIS, &SERVICES];
