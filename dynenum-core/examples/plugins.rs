//! A plugin-style program: built-in endpoints known at compile time, plugin endpoints learnt at run time.
//!
//! Run it with `cargo run -p dynenum-core --example plugins`.

use dynenum_core::{DynamicStrEnum, Member};

/// The endpoints this program ships with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum EndpointType {
    /// OpenAI-compatible chat completions.
    OpenaiChat,
    /// Anthropic's messages API.
    #[dynenum(alias = "claude", alias = "anthropic")]
    AnthropicChat,
    /// Text Generation Inference by Hugging Face.
    #[dynenum(rename = "hf-tgi")]
    HuggingFaceTgi,
}

/// Services a deployment may run: none are built in, plugins bring them all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum ServiceType {}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("== Built-in members compare and parse ignoring ASCII case");
    println!("OpenaiChat prints as {:?}", EndpointType::OpenaiChat.to_string());
    println!("OpenaiChat == \"OPENAI_CHAT\": {}", EndpointType::OpenaiChat == "OPENAI_CHAT");
    println!("\"claude\" parses to {:?}", "claude".parse::<EndpointType>()?);
    let builtins: Vec<&str> = EndpointType::iter().map(|e| e.as_str()).collect();
    println!("built-in endpoints: {builtins:?}");

    println!("\n== Any other valid name is a dynamic member");
    let nv = EndpointType::dynamic("NVIDIA_OPTIMIZED")?;
    println!("dynamic(\"NVIDIA_OPTIMIZED\") is {nv:?}, prints as {nv}");
    println!("it equals \"Nvidia_Optimized\": {}", nv == "Nvidia_Optimized");
    match EndpointType::dynamic("Claude") {
        Ok(member) => println!("unexpected: {member:?}"),
        Err(error) => println!("dynamic(\"Claude\") is refused: {error}"),
    }
    match EndpointType::dynamic("  padded") {
        Ok(member) => println!("unexpected: {member:?}"),
        Err(error) => println!("dynamic(\"  padded\") is refused: {error}"),
    }

    println!("\n== Plugins register names, with descriptions");
    EndpointType::registry().register_with_description("local_llama", "a model served on this machine")?;
    for member in Member::<EndpointType>::all() {
        let kind = if member.is_builtin() { "built-in" } else { "plugin" };
        println!("  {member:<16} {kind:<9} {}", member.description().unwrap_or("-"));
    }

    println!("\n== Typos are caught with a suggestion");
    if let Err(error) = "opnai_chat".parse::<EndpointType>() {
        println!("{error}");
    }

    println!("\n== An enum with no variants: every name is dynamic");
    let service: Member<ServiceType> = "Vector-Store".parse()?;
    println!("ServiceType::COUNT = {}, \"Vector-Store\" parses to {service:?}", ServiceType::COUNT);
    Ok(())
}
