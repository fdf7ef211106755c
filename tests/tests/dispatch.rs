//! The perfect-hash dispatch behind `from_name` on names of every length: under eight bytes (one
//! padded word), eight to forty (five overlapping words), and longer (words past the fortieth byte
//! hashed and compared one by one), including names that share everything but one byte.

use dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum Lengths {
    #[dynenum(rename = "a")]
    L1,
    #[dynenum(rename = "ab")]
    L2,
    #[dynenum(rename = "abc")]
    L3,
    #[dynenum(rename = "abcd")]
    L4,
    #[dynenum(rename = "abcdefg")]
    L7,
    #[dynenum(rename = "abcdefgh")]
    L8,
    #[dynenum(rename = "abcdefghi")]
    L9,
    #[dynenum(rename = "openai_chat_completions")]
    L23,
    #[dynenum(rename = "azure_openai_chat_completions_stream_v1")]
    L39,
    #[dynenum(rename = "azure_openai_chat_completions_stream_v12")]
    L40,
    #[dynenum(rename = "azure_openai_chat_completions_stream_v123")]
    L41,
    #[dynenum(rename = "google_vertex_ai_generative_language_chat_completions_v1beta")]
    Long1,
    #[dynenum(rename = "google_vertex_ai_generative_language_text_completions_v1beta")]
    Long2,
    #[dynenum(
        rename = "a_very_long_endpoint_name_that_goes_on_and_on_well_past_one_hundred_bytes_to_test_the_tail_words"
    )]
    Long3,
}

#[test]
fn every_name_parses_in_every_case_and_every_changed_byte_misses() {
    for (&variant, &name) in Lengths::VARIANTS.iter().zip(Lengths::NAMES) {
        assert_eq!(Lengths::from_name(name), Some(variant), "{name}");
        assert_eq!(
            Lengths::from_name(&name.to_ascii_uppercase()),
            Some(variant),
            "{name}"
        );
        let mut bytes = name.as_bytes().to_vec();
        for at in 0..bytes.len() {
            let original = bytes[at];
            for replacement in [b'#', b'\0', original ^ 0x20, original.wrapping_add(1)] {
                if replacement.eq_ignore_ascii_case(&original) {
                    continue;
                }
                bytes[at] = replacement;
                let changed = String::from_utf8_lossy(&bytes).into_owned();
                assert_eq!(Lengths::from_name(&changed), None, "{changed:?}");
            }
            bytes[at] = original;
        }
        // One byte more or less.
        assert_eq!(Lengths::from_name(&format!("{name}\0")), None);
        assert_eq!(Lengths::from_name(&format!("{name}s")), None);
        assert_eq!(Lengths::from_name(&name[..name.len() - 1]).is_some(), {
            let shorter = &name[..name.len() - 1];
            Lengths::NAMES.contains(&shorter)
        });
    }
    assert_eq!(Lengths::from_name(""), None);
}

/// Over sixteen variants with default discriminants, `from_name`, `as_str`, `aliases` and
/// `description` read tables indexed by the variant's position rather than matching on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum Wide {
    V0,
    /// One.
    V1,
    #[dynenum(alias = "two", alias = "deux")]
    V2,
    V3,
    V4,
    /// Five.
    #[dynenum(rename = "five")]
    V5,
    V6,
    V7,
    V8,
    V9,
    V10,
    V11,
    V12,
    V13,
    V14,
    V15,
    V16,
    #[dynenum(alias = "seventeen")]
    V17,
    V18,
    /// Last.
    V19,
}

#[test]
fn wide_enums_map_every_name_and_value_to_its_own_variant() {
    assert_eq!(Wide::COUNT, 20);
    for (at, &variant) in Wide::VARIANTS.iter().enumerate() {
        assert_eq!(variant as usize, at);
        let name = variant.as_str();
        assert_eq!(name, Wide::NAMES[at]);
        assert_eq!(Wide::from_name(name), Some(variant));
        assert_eq!(Wide::from_name(&name.to_ascii_uppercase()), Some(variant));
        for alias in variant.aliases() {
            assert_eq!(Wide::from_name(alias), Some(variant), "{alias}");
        }
    }
    assert_eq!(Wide::V5.as_str(), "five");
    assert_eq!(Wide::V2.aliases(), ["two", "deux"]);
    assert_eq!(Wide::V17.aliases(), ["seventeen"]);
    assert!(Wide::V16.aliases().is_empty());
    assert_eq!(Wide::V1.description(), Some("One."));
    assert_eq!(Wide::V5.description(), Some("Five."));
    assert_eq!(Wide::V19.description(), Some("Last."));
    assert_eq!(Wide::V0.description(), None);
    assert_eq!(Wide::from_name("DEUX"), Some(Wide::V2));
    assert_eq!(Wide::from_name("v20"), None);
    assert_eq!(Wide::from_name("v5"), None);
}
