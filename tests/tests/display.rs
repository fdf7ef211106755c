//! Showing members: `Display`, `as_str`, `AsRef<str>`, `From<E>` and `From<&E>` for `&'static str`, formatting flags,
//! descriptions and aliases.

use dynenum_core::{DynamicStrEnum, Member};

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum EndpointType {
    /// OpenAI-compatible chat completions.
    OpenaiChat,
    /// Anthropic's messages API,
    /// on two lines.
    ///
    /// A second paragraph that is not part of the description.
    #[dynenum(alias = "claude", alias = "anthropic")]
    AnthropicChat,
    /// A doc comment that the attribute overrides.
    #[dynenum(rename = "hf-tgi", description = "  Text Generation Inference  ")]
    HuggingFaceTgi,
    Undocumented,
    #[dynenum(description = "described by the attribute only")]
    AttributeOnly,
    ///
    ///    Indented after an empty line.
    ///   Continued.
    Indented,
    /** A block doc comment
    over two lines.

    Another paragraph. */
    Block,
    /// Smoothing, with one parameter:
    /// - `smoothness = 1.0`: none
    /// - `smoothness < 1.0`: smoother
    Smoothed,
    /// Chat completions
    /// # Errors
    /// When the server is down.
    Headed,
    /// The fast path
    /// ```
    /// let fast = true;
    /// ```
    Fenced,
}

#[test]
fn display_as_str_as_ref_and_str_conversion_agree() {
    for variant in EndpointType::iter() {
        let name = variant.as_str();
        assert_eq!(variant.to_string(), name);
        assert_eq!(AsRef::<str>::as_ref(&variant), name);
        let converted: &'static str = variant.into();
        assert_eq!(converted, name);
        // strum's `IntoStaticStr` converts a reference too: a borrowed member outlives nothing.
        let borrowed: &'static str = (&variant).into();
        assert_eq!(borrowed, name);
        let names: Vec<&'static str> = EndpointType::VARIANTS.iter().map(Into::into).collect();
        assert_eq!(names, EndpointType::NAMES);
        assert_eq!(Member::from(variant).to_string(), name);
        assert_eq!(Member::from(variant).as_str(), name);
        assert_eq!(AsRef::<str>::as_ref(&Member::from(variant)), name);
    }
    assert_eq!(EndpointType::OpenaiChat.to_string(), "openai_chat");
    assert_eq!(EndpointType::HuggingFaceTgi.to_string(), "hf-tgi");
    assert_eq!(EndpointType::Block.to_string(), "block");
}

#[test]
fn display_honours_width_alignment_and_precision() {
    let chat = EndpointType::OpenaiChat;
    assert_eq!(format!("{chat:>12}"), " openai_chat");
    assert_eq!(format!("{chat:<13}|"), "openai_chat  |");
    assert_eq!(format!("{chat:^15}"), "  openai_chat  ");
    assert_eq!(format!("{chat:*>14}"), "***openai_chat");
    assert_eq!(format!("{chat:.6}"), "openai");
    assert_eq!(format!("{chat:>8.3}"), "     ope");
    assert_eq!(format!("{:4}", EndpointType::HuggingFaceTgi), "hf-tgi");

    let member = Member::from(chat);
    assert_eq!(format!("{member:>12}"), " openai_chat");
    assert_eq!(format!("{member:.6}"), "openai");

    let nv = EndpointType::dynamic("NVIDIA").unwrap();
    assert_eq!(format!("{nv:>12}"), "      nvidia");
    assert_eq!(format!("{nv:-<8}"), "nvidia--");
    assert_eq!(format!("{nv:.2}"), "nv");
    let nv = Member::from(nv);
    assert_eq!(format!("{nv:>12}"), "      nvidia");
    assert_eq!(format!("{nv:^10}"), "  nvidia  ");
}

#[test]
fn description_is_the_doc_comments_first_line() {
    assert_eq!(
        EndpointType::OpenaiChat.description(),
        Some("OpenAI-compatible chat completions.")
    );
}

#[test]
fn description_joins_the_first_paragraphs_lines_with_one_space() {
    assert_eq!(
        EndpointType::AnthropicChat.description(),
        Some("Anthropic's messages API, on two lines.")
    );
    assert_eq!(
        EndpointType::Indented.description(),
        Some("Indented after an empty line. Continued.")
    );
    assert_eq!(
        EndpointType::Block.description(),
        Some("A block doc comment over two lines.")
    );
}

#[test]
fn description_ends_where_a_list_heading_or_fence_starts_without_a_blank_line() {
    assert_eq!(
        EndpointType::Smoothed.description(),
        Some("Smoothing, with one parameter:")
    );
    assert_eq!(EndpointType::Headed.description(), Some("Chat completions"));
    assert_eq!(EndpointType::Fenced.description(), Some("The fast path"));
}

#[test]
fn description_attribute_overrides_the_doc_comment_and_is_trimmed() {
    assert_eq!(
        EndpointType::HuggingFaceTgi.description(),
        Some("Text Generation Inference")
    );
    assert_eq!(
        EndpointType::AttributeOnly.description(),
        Some("described by the attribute only")
    );
}

#[test]
fn variant_without_doc_or_attribute_has_no_description() {
    assert_eq!(EndpointType::Undocumented.description(), None);
}

#[test]
fn member_description_is_the_variants_or_none_for_an_unregistered_name() {
    assert_eq!(
        Member::from(EndpointType::OpenaiChat).description(),
        Some("OpenAI-compatible chat completions.")
    );
    let nv: Member<EndpointType> = "nvidia".parse().unwrap();
    assert_eq!(nv.description(), None);
    assert_eq!(nv.dynamic().unwrap().description(), None);
}

#[test]
fn aliases_are_listed_in_declaration_order_as_written() {
    assert_eq!(
        EndpointType::AnthropicChat.aliases(),
        ["claude", "anthropic"]
    );
    assert!(EndpointType::OpenaiChat.aliases().is_empty());
    assert!(EndpointType::HuggingFaceTgi.aliases().is_empty());
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(rename_all = "SCREAMING-KEBAB-CASE")]
enum Loud {
    #[dynenum(alias = "MixedCase-Alias")]
    OpenaiChat,
    #[dynenum(rename = "keeps_its_rename")]
    Renamed,
}

#[test]
fn display_shows_the_styled_or_renamed_name_exactly_as_declared() {
    assert_eq!(Loud::OpenaiChat.to_string(), "OPENAI-CHAT");
    assert_eq!(Loud::Renamed.to_string(), "keeps_its_rename");
    assert_eq!(Loud::OpenaiChat.aliases(), ["MixedCase-Alias"]);
    assert_eq!("mixedcase-alias".parse::<Loud>().unwrap(), Loud::OpenaiChat);
    assert_eq!(Loud::dynamic("Plugin-X").unwrap().to_string(), "PLUGIN-X");
}
