//! Behaviour tests of dynenum live in `tests/`; this library holds the enums they share and their
//! counting allocator.
//!
//! Each enum has one global registry shared by every test of a binary, and tests run in parallel: the
//! enums here are for parsing, comparing and hashing only. A test that registers names declares its own
//! enum.

pub mod counting;
mod rng;

pub use rng::Rng;

use dynenum_core::DynamicStrEnum;

/// A small enum in the default style: a doc comment, aliases and a rename.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
pub enum Small {
    /// OpenAI-compatible chat completions.
    OpenaiChat,
    /// Anthropic's messages API.
    #[dynenum(alias = "claude", alias = "anthropic")]
    AnthropicChat,
    #[dynenum(rename = "hf-tgi")]
    HuggingFaceTgi,
}

/// A large enum (120 variants): names of many equal lengths and shared prefixes, renames with non-ASCII
/// and mixed-case canonical names, names that differ only in a non-ASCII letter's case (`é`, `É`),
/// and aliases (one that differs from its canonical name only by a separator, one a near-miss of it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
pub enum Big {
    #[dynenum(rename = "openai_chat")]
    OpenChat,
    OpenEmbed,
    OpenImage,
    OpenAudio,
    OpenVideo,
    OpenSearch,
    OpenTool,
    OpenBatch,
    OpenStream,
    OpenRank,
    OpenModel,
    OpenAgent,
    #[dynenum(alias = "claude", alias = "anthropic")]
    AnthropicChat,
    AnthropicEmbed,
    AnthropicImage,
    AnthropicAudio,
    AnthropicVideo,
    AnthropicSearch,
    AnthropicTool,
    AnthropicBatch,
    AnthropicStream,
    AnthropicRank,
    AnthropicModel,
    AnthropicAgent,
    #[dynenum(alias = "nv")]
    NvidiaChat,
    NvidiaEmbed,
    NvidiaImage,
    NvidiaAudio,
    NvidiaVideo,
    NvidiaSearch,
    NvidiaTool,
    NvidiaBatch,
    NvidiaStream,
    NvidiaRank,
    NvidiaModel,
    NvidiaAgent,
    LocalChat,
    LocalEmbed,
    #[dynenum(rename = "straße")]
    LocalImage,
    #[dynenum(rename = "café")]
    LocalAudio,
    LocalVideo,
    LocalSearch,
    LocalTool,
    LocalBatch,
    LocalStream,
    LocalRank,
    LocalModel,
    LocalAgent,
    RemoteChat,
    RemoteEmbed,
    RemoteImage,
    RemoteAudio,
    #[dynenum(rename = "Mixed-Case Name")]
    RemoteVideo,
    RemoteSearch,
    RemoteTool,
    RemoteBatch,
    RemoteStream,
    RemoteRank,
    RemoteModel,
    RemoteAgent,
    #[dynenum(alias = "fast chat")]
    FastChat,
    FastEmbed,
    FastImage,
    FastAudio,
    FastVideo,
    FastSearch,
    #[dynenum(rename = "x")]
    FastTool,
    FastBatch,
    FastStream,
    FastRank,
    FastModel,
    FastAgent,
    #[dynenum(alias = "ÉCLAIR")]
    SlowChat,
    SlowEmbed,
    SlowImage,
    SlowAudio,
    SlowVideo,
    SlowSearch,
    #[dynenum(rename = "é")]
    SlowTool,
    SlowBatch,
    SlowStream,
    SlowRank,
    SlowModel,
    SlowAgent,
    #[dynenum(rename = "hf-tgi")]
    HttpChat,
    HttpEmbed,
    HttpImage,
    HttpAudio,
    HttpVideo,
    HttpSearch,
    HttpTool,
    HttpBatch,
    HttpStream,
    HttpRank,
    HttpModel,
    HttpAgent,
    GrpcChat,
    GrpcEmbed,
    GrpcImage,
    GrpcAudio,
    GrpcVideo,
    GrpcSearch,
    #[dynenum(rename = "É")]
    GrpcTool,
    GrpcBatch,
    #[dynenum(alias = "grpc_strean")]
    GrpcStream,
    GrpcRank,
    GrpcModel,
    GrpcAgent,
    TcpChat,
    TcpEmbed,
    TcpImage,
    TcpAudio,
    TcpVideo,
    TcpSearch,
    TcpTool,
    TcpBatch,
    TcpStream,
    TcpRank,
    TcpModel,
    #[dynenum(alias = "tcp-agent", alias = "Agent007")]
    TcpAgent,
}

/// Every name (canonical, then aliases) of every variant of `E`, with the variant it parses to.
pub fn all_names<E: DynamicStrEnum>() -> Vec<(&'static str, E)> {
    E::iter()
        .flat_map(|v| {
            std::iter::once(v.as_str())
                .chain(v.aliases().iter().copied())
                .map(move |n| (n, v))
        })
        .collect()
}

/// The naive reference for parsing: lower-case (ASCII) both sides and compare against every name.
pub fn naive_from_name<E: DynamicStrEnum>(input: &str) -> Option<E> {
    let wanted = input.to_ascii_lowercase();
    all_names::<E>()
        .into_iter()
        .find(|(name, _)| name.to_ascii_lowercase() == wanted)
        .map(|(_, v)| v)
}

/// The naive reference for the name rules: not empty, at most `max_len` bytes, no control character,
/// no whitespace at either end.
pub fn naive_is_valid_name(name: &str, max_len: usize) -> bool {
    !name.is_empty()
        && name.len() <= max_len
        && !name.chars().any(char::is_control)
        && !name.starts_with(char::is_whitespace)
        && !name.ends_with(char::is_whitespace)
}

/// The README's Rust snippets, run as doc tests so they stay true.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
