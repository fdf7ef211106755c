#![deny(warnings, clippy::all, clippy::pedantic)]
//! Generated code is lint-clean: this file denies every warning and clippy's pedantic group, and derives
//! enums with every attribute (and a plugin table with `plugin!`). CI's `cargo clippy --workspace --all-targets --all-features -- -D warnings`
//! checks it (trybuild runs no clippy).

use std::collections::{HashMap, HashSet};

use dynenum_core::{Caseless, DynamicStrEnum, Member, NameError};

/// A re-export of the core, for `#[dynenum(crate = "...")]`.
mod reexport {
    pub use dynenum_core as dynenum;
}

/// Every enum-level attribute at once, and every variant-level one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(
    rename_all = "kebab-case",
    dynamic = "registered",
    ignore_separators,
    max_len = 32,
    noun = "endpoint",
    crate = "crate::reexport::dynenum"
)]
enum Everything {
    /// OpenAI-compatible chat completions.
    ///
    /// Not part of the description.
    OpenaiChat,
    /// A doc comment the attribute overrides.
    #[dynenum(alias = "claude", alias = "anthropic", description = "Anthropic's API")]
    AnthropicChat,
    #[dynenum(rename = "hf_tgi")]
    HuggingFaceTgi,
    /// Kept for old configs.
    #[deprecated = "use `openai-chat`"]
    #[dynenum(alias = "old chat")]
    LegacyChat,
    #[cfg(any())]
    Disabled,
    #[cfg(not(any()))]
    Enabled,
}

/// Each `rename_all` style, an `open` policy written out, and a raw identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(rename_all = "SCREAMING_SNAKE_CASE", dynamic = "open")]
enum Screaming {
    HttpServer,
    r#Type,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(rename_all = "lowercase")]
enum Lower {
    HttpServer,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(rename_all = "UPPERCASE")]
enum Upper {
    HttpServer,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(rename_all = "PascalCase")]
enum Pascal {
    HttpServer,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(rename_all = "camelCase")]
enum Camel {
    HttpServer,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(rename_all = "snake_case")]
enum Snake {
    HttpServer,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(rename_all = "SCREAMING-KEBAB-CASE")]
enum ScreamingKebab {
    HttpServer,
}

/// No variants at all; no `Debug` either.
#[derive(Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum Empty {}

/// One variant; a public enum with docs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
pub enum Single {
    /// The only one.
    Only,
}

#[test]
fn every_attribute_works_together_without_a_warning() {
    assert_eq!(
        Everything::NAMES,
        [
            "openai-chat",
            "anthropic-chat",
            "hf-tgi",
            "legacy-chat",
            "enabled"
        ]
    );
    assert_eq!(Everything::COUNT, 5);
    assert_eq!(
        Everything::OpenaiChat.description(),
        Some("OpenAI-compatible chat completions.")
    );
    assert_eq!(
        Everything::AnthropicChat.description(),
        Some("Anthropic's API")
    );
    assert_eq!(Everything::HuggingFaceTgi.description(), None);
    #[allow(deprecated)]
    let legacy = Everything::LegacyChat;
    assert_eq!("Legacy_Chat".parse::<Everything>().unwrap(), legacy);
    assert_eq!("OLD CHAT".parse::<Everything>().unwrap(), legacy);
    assert_eq!(legacy.aliases(), ["old-chat"]);
    assert_eq!(legacy.description(), Some("Kept for old configs."));
    assert_eq!(
        "claude".parse::<Everything>().unwrap(),
        Everything::AnthropicChat
    );
    assert_eq!(Everything::from_name("disabled"), None);
    assert_eq!(Everything::Enabled.to_string(), "enabled");

    // `registered`: unregistered names are refused, registered ones parse.
    assert!("plugin_x".parse::<Member<Everything>>().is_err());
    let plugin = Everything::registry().register("Plugin X").unwrap();
    assert_eq!(plugin.as_str(), "plugin-x");
    assert_eq!(
        "PLUGIN_X".parse::<Member<Everything>>().unwrap(),
        Member::Dynamic(plugin)
    );
    assert_eq!(
        Everything::dynamic(&"y".repeat(33)),
        Err(NameError::TooLong { len: 33, max: 32 })
    );

    let set: HashSet<Everything> = Everything::iter().collect();
    assert!(set.contains(Caseless::new("HF-TGI")));
    let mut map: HashMap<Member<Everything>, u8> = HashMap::new();
    map.insert(Everything::OpenaiChat.into(), 1);
    assert_eq!(map.get(Caseless::new("OPENAI-CHAT")), Some(&1));
    let name: &'static str = Everything::Enabled.into();
    assert_eq!(name, "enabled");
}

#[test]
fn every_style_derives_without_a_warning() {
    assert_eq!(Screaming::NAMES, ["HTTP_SERVER", "TYPE"]);
    assert_eq!(Screaming::r#Type, "type");
    assert_eq!(Lower::HttpServer.as_str(), "httpserver");
    assert_eq!(Upper::HttpServer.as_str(), "HTTPSERVER");
    assert_eq!(Pascal::HttpServer.as_str(), "HttpServer");
    assert_eq!(Camel::HttpServer.as_str(), "httpServer");
    assert_eq!(Snake::HttpServer.as_str(), "http_server");
    assert_eq!(ScreamingKebab::HttpServer.as_str(), "HTTP-SERVER");
    assert_eq!(Single::Only.as_ref(), "only");
    assert_eq!(Empty::COUNT, 0);
    assert!("anything".parse::<Member<Empty>>().is_ok());
}

/// A plugin table, and `plugin!` calls with every key: their expansion is lint-clean too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum Tool {
    Hammer,
    Saw,
}

static TOOLS: dynenum_core::Plugins<Tool, u32> =
    dynenum_core::Plugins::new("tool", |tool| match tool {
        Tool::Hammer => 1,
        Tool::Saw => 2,
    });

dynenum_core::plugin!(TOOLS, "drill" => 3, description = "A drill", priority = 1);
dynenum_core::plugin!(TOOLS, "SAW" => 20, priority = 5);

#[test]
fn plugin_tables_and_plugin_calls_derive_without_a_warning() {
    assert_eq!(TOOLS.get(Tool::Saw).copied().ok(), Some(20));
    assert_eq!(TOOLS.get("Drill").copied().ok(), Some(3));
    assert_eq!(TOOLS.len(), 3);
}
