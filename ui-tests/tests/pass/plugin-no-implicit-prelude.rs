// `plugin!` and `Plugins` in a crate without the prelude, with warnings denied, items shadowing
// prelude names, and a `#[cfg]`'d variant (whose table index is looked up by name).
#![no_implicit_prelude]
#![deny(warnings)]

use ::dynenum_core::{DynamicStrEnum, Plugins};

#[allow(dead_code)]
struct Option;
#[allow(dead_code)]
struct Box;
#[allow(dead_code)]
struct Some;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum EndpointType {
    #[cfg(any())]
    Disabled,
    OpenaiChat,
    #[dynenum(alias = "claude")]
    AnthropicChat,
}

static PATHS: Plugins<EndpointType, &str> = Plugins::new("endpoint", |endpoint| match endpoint {
    EndpointType::OpenaiChat => "/v1/chat/completions",
    EndpointType::AnthropicChat => "/v1/messages",
});

::dynenum_core::plugin!(PATHS, "nvidia_optimized" => "/v1/nim", description = "NIM", priority = -1);
::dynenum_core::plugin!(PATHS, "Claude" => "/v2/messages", priority = 1,);

fn main() {
    ::std::assert_eq!(PATHS.get(EndpointType::AnthropicChat).ok(), ::std::option::Option::Some(&"/v2/messages"));
    ::std::assert_eq!(PATHS.get(EndpointType::OpenaiChat).ok(), ::std::option::Option::Some(&"/v1/chat/completions"));
    ::std::assert_eq!(PATHS.get("NVIDIA_OPTIMIZED").ok(), ::std::option::Option::Some(&"/v1/nim"));
    ::std::assert_eq!(PATHS.len(), 3);
}
