//! Generated code names only absolute paths: it compiles without the prelude, next to user items that
//! shadow prelude names and primitives, and beside a trait whose methods collide with the ones it uses.

/// No prelude at all: every path below is absolute, and so must be the derive's.
mod without_prelude {
    #![no_implicit_prelude]

    use ::dynenum_core::{Caseless, DynamicStrEnum, Member};

    /// Every attribute the derive knows.
    #[derive(
        ::core::fmt::Debug,
        ::core::clone::Clone,
        ::core::marker::Copy,
        ::core::cmp::PartialEq,
        ::core::cmp::Eq,
        ::dynenum_core::DynamicStrEnum,
    )]
    #[dynenum(
        rename_all = "kebab-case",
        ignore_separators,
        dynamic = "registered",
        max_len = 40,
        noun = "endpoint"
    )]
    enum Endpoint {
        /// OpenAI-compatible chat completions.
        OpenaiChat,
        #[dynenum(alias = "claude", description = "Anthropic")]
        AnthropicChat,
        #[dynenum(rename = "hf_tgi")]
        HuggingFaceTgi,
    }

    #[derive(
        ::core::fmt::Debug,
        ::core::clone::Clone,
        ::core::marker::Copy,
        ::core::cmp::PartialEq,
        ::core::cmp::Eq,
        ::dynenum_core::DynamicStrEnum,
    )]
    enum Nothing {}

    #[::core::prelude::v1::test]
    fn derive_works_without_the_prelude() {
        ::std::assert_eq!(
            <Endpoint as ::core::str::FromStr>::from_str("OPENAI_CHAT").ok(),
            ::core::option::Option::Some(Endpoint::OpenaiChat)
        );
        ::std::assert_eq!(
            <Endpoint as ::core::convert::TryFrom<&str>>::try_from("Claude").ok(),
            ::core::option::Option::Some(Endpoint::AnthropicChat)
        );
        ::std::assert_eq!(
            ::std::string::ToString::to_string(&Endpoint::HuggingFaceTgi),
            "hf-tgi"
        );
        ::std::assert_eq!(
            Endpoint::AnthropicChat.description(),
            ::core::option::Option::Some("Anthropic")
        );
        ::std::assert!(Endpoint::OpenaiChat == "openai chat");
        let text = <::std::string::String as ::core::convert::From<&str>>::from("OPENAI_CHAT");
        ::std::assert!(Endpoint::OpenaiChat == text);
        ::std::assert!(text == Endpoint::OpenaiChat);
        let name: &'static str = ::core::convert::From::from(Endpoint::OpenaiChat);
        ::std::assert_eq!(name, "openai-chat");
        ::std::assert_eq!(
            ::core::convert::AsRef::<str>::as_ref(&Endpoint::OpenaiChat),
            "openai-chat"
        );

        let mut set = ::std::collections::HashSet::new();
        set.insert(Endpoint::OpenaiChat);
        ::std::assert!(set.contains(Caseless::new("OPENAI-CHAT")));

        ::std::assert!(<Member<Endpoint> as ::core::str::FromStr>::from_str("plugin").is_err());
        let plugin = Endpoint::registry().register("Plugin_X").ok();
        ::std::assert_eq!(
            plugin.as_ref().map(::dynenum_core::DynamicMember::as_str),
            ::core::option::Option::Some("plugin-x")
        );
        let member = <Member<Endpoint> as ::core::str::FromStr>::from_str("PLUGIN X").ok();
        ::std::assert!(member.is_some());
        ::std::assert_eq!(Endpoint::COUNT, 3);
        ::std::assert_eq!(Nothing::COUNT, 0);
        ::std::assert!(<Nothing as ::core::str::FromStr>::from_str("x").is_err());
    }
}

/// Items named like the prelude's, primitives and core, and local bindings of the derive's.
mod shadowed {
    #![allow(dead_code, non_camel_case_types, non_upper_case_globals)]

    use ::dynenum_core::{Caseless, DynamicStrEnum, Member};

    struct Option;
    struct Result;
    struct String;
    struct str;
    struct usize;
    struct bool;
    struct u8;
    struct Some;
    struct None;
    struct Ok;
    struct Err;
    struct Vec;
    struct Box;
    struct Default;
    struct From;
    struct Into;
    struct AsRef;
    struct PartialEq;
    struct Hash;
    struct Hasher;
    struct FromStr;
    struct Display;
    struct Formatter;
    struct TryFrom;
    struct Borrow;
    struct Registry;
    struct ParseError;
    struct Meta;
    mod core {}
    mod std {}
    mod alloc {}
    mod dynenum_core {}

    // Constants named like bindings a careless expansion might use: a `let input = ...` would become a
    // pattern against them.
    const input: i8 = 0;
    const name: i8 = 0;
    const bytes: i8 = 0;
    const other: i8 = 0;
    const member: i8 = 0;
    const found: i8 = 0;
    const state: i8 = 0;
    const f: i8 = 0;
    const s: i8 = 0;
    const v: i8 = 0;

    /// A trait in scope for every type, with the method names an expansion might call on values.
    #[allow(clippy::wrong_self_convention)]
    trait Everything {
        fn as_str(&self) -> i8 {
            1
        }
        fn as_bytes(&self) -> i8 {
            1
        }
        fn eq(&self, _: &Self) -> i8 {
            1
        }
        fn hash(&self) -> i8 {
            1
        }
        fn fmt(&self) -> i8 {
            1
        }
        fn len(&self) -> i8 {
            1
        }
        fn to_ascii_lowercase(&self) -> i8 {
            1
        }
        fn from_name(&self) -> i8 {
            1
        }
        fn description(&self) -> i8 {
            1
        }
        fn parse(&self) -> i8 {
            1
        }
    }
    impl<T: ?Sized> Everything for T {}

    #[derive(Debug, Clone, Copy, ::core::cmp::PartialEq, Eq, ::dynenum_core::DynamicStrEnum)]
    #[dynenum(max_len = 30)]
    enum Endpoint {
        /// OpenAI-compatible chat completions.
        OpenaiChat,
        #[dynenum(alias = "claude", alias = "anthropic")]
        AnthropicChat,
        #[dynenum(rename = "hf-tgi")]
        HuggingFaceTgi,
    }

    #[derive(Debug, Clone, Copy, ::core::cmp::PartialEq, Eq, ::dynenum_core::DynamicStrEnum)]
    #[dynenum(rename_all = "SCREAMING-KEBAB-CASE", ignore_separators)]
    enum Separated {
        OpenaiChat,
        #[dynenum(alias = "x y")]
        Other,
    }

    #[test]
    fn derive_works_beside_shadowing_items() {
        assert_eq!(
            <Endpoint as ::core::str::FromStr>::from_str("CLAUDE").ok(),
            ::core::option::Option::Some(Endpoint::AnthropicChat)
        );
        assert_eq!(
            <Endpoint as DynamicStrEnum>::from_name("Anthropic"),
            ::core::option::Option::Some(Endpoint::AnthropicChat)
        );
        assert_eq!(
            <Separated as ::core::str::FromStr>::from_str("x_y").ok(),
            ::core::option::Option::Some(Separated::Other)
        );
        assert_eq!(
            ::std::string::ToString::to_string(&Endpoint::OpenaiChat),
            "openai_chat"
        );
        assert_eq!(::std::format!("{:>7}", Endpoint::HuggingFaceTgi), " hf-tgi");
        assert!(Endpoint::OpenaiChat == *"OPENAI_CHAT");
        assert!(Endpoint::OpenaiChat == ::std::borrow::ToOwned::to_owned("openai_chat"));
        assert!(Separated::OpenaiChat == "openai chat");
        assert_eq!(
            <Endpoint as DynamicStrEnum>::description(&Endpoint::OpenaiChat),
            ::core::option::Option::Some("OpenAI-compatible chat completions.")
        );
        let err = <Endpoint as ::core::str::FromStr>::from_str("opnai_chat").err();
        assert_eq!(
            err.as_ref().and_then(|e| e.suggestion()),
            ::core::option::Option::Some("openai_chat")
        );
        let mut map = ::std::collections::HashMap::new();
        map.insert(Member::from(Endpoint::OpenaiChat), 1);
        assert_eq!(
            map.get(Caseless::new("OpenAI_Chat")),
            ::core::option::Option::Some(&1)
        );
        let dynamic = <Endpoint as DynamicStrEnum>::dynamic("Plugin").ok();
        assert_eq!(
            dynamic.as_ref().map(::dynenum_core::DynamicMember::as_str),
            ::core::option::Option::Some("plugin")
        );
        assert!(<Member<Endpoint> as ::core::str::FromStr>::from_str(&"p".repeat(31)).is_err());
        assert_eq!(Separated::NAMES, ["OPENAI-CHAT", "OTHER"]);
    }
}
