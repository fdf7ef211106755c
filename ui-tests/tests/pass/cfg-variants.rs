use dynenum_core::{DynamicStrEnum, Member};

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum EndpointType {
    OpenaiChat,
    #[cfg(any())]
    #[dynenum(alias = "gone")]
    Disabled,
    #[cfg(all())]
    #[dynenum(alias = "here")]
    Enabled,
    AnthropicChat,
}

fn main() {
    assert_eq!(EndpointType::COUNT, 3);
    assert_eq!(
        EndpointType::VARIANTS,
        [
            EndpointType::OpenaiChat,
            EndpointType::Enabled,
            EndpointType::AnthropicChat,
        ]
    );
    assert_eq!(
        EndpointType::NAMES,
        ["openai_chat", "enabled", "anthropic_chat"]
    );
    assert_eq!(EndpointType::iter().count(), 3);

    // The enabled variant is a built-in under its name and alias.
    assert_eq!(
        "ENABLED".parse::<EndpointType>().unwrap(),
        EndpointType::Enabled
    );
    assert_eq!(EndpointType::from_name("Here"), Some(EndpointType::Enabled));
    assert_eq!(EndpointType::Enabled.as_str(), "enabled");
    assert_eq!(EndpointType::Enabled.aliases(), ["here"]);

    // The disabled variant does not exist: its names are ordinary dynamic names.
    assert_eq!(EndpointType::from_name("disabled"), None);
    assert_eq!(EndpointType::from_name("gone"), None);
    assert!("disabled".parse::<EndpointType>().is_err());
    let gone: Member<EndpointType> = "gone".parse().unwrap();
    assert!(!gone.is_builtin());
    assert!(EndpointType::dynamic("disabled").is_ok());
}
