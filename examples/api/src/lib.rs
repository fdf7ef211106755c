//! The example application's API crate: the enums that the application and its plugins both name.

// Variant doc comments double as descriptions shown to users, so product names stay unquoted.
#![allow(clippy::doc_markdown)]

use dynenum_core::DynamicStrEnum;

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

/// Storage backends: only built-in and registered names are accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(dynamic = "registered", rename_all = "kebab-case", ignore_separators)]
pub enum Backend {
    /// PostgreSQL.
    Postgres,
    /// A single SQLite file.
    Sqlite,
}
