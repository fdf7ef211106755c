//! The ten `rename_all` styles: serde's spellings (plus heck's `Train-Case` and `Title Case`, which
//! strum users have), heck's word splitting.

use heck::{
    ToKebabCase, ToLowerCamelCase, ToShoutyKebabCase, ToShoutySnakeCase, ToSnakeCase, ToTitleCase,
    ToTrainCase, ToUpperCamelCase,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RenameRule {
    Lower,
    Upper,
    Pascal,
    Camel,
    Snake,
    ScreamingSnake,
    Kebab,
    ScreamingKebab,
    Train,
    Title,
}

/// How dynamic names are stored: mirrors `dynenum_core::__private::Fold`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Fold {
    Lower,
    Upper,
    Keep,
}

impl RenameRule {
    /// Every style with its spelling, in the order error messages list them.
    pub(crate) const ALL: [(&'static str, RenameRule); 10] = [
        ("lowercase", RenameRule::Lower),
        ("UPPERCASE", RenameRule::Upper),
        ("PascalCase", RenameRule::Pascal),
        ("camelCase", RenameRule::Camel),
        ("snake_case", RenameRule::Snake),
        ("SCREAMING_SNAKE_CASE", RenameRule::ScreamingSnake),
        ("kebab-case", RenameRule::Kebab),
        ("SCREAMING-KEBAB-CASE", RenameRule::ScreamingKebab),
        ("Train-Case", RenameRule::Train),
        ("Title Case", RenameRule::Title),
    ];

    pub(crate) fn from_name(name: &str) -> Option<RenameRule> {
        RenameRule::ALL
            .iter()
            .find(|(spelling, _)| *spelling == name)
            .map(|&(_, rule)| rule)
    }

    /// The name of a variant under this style.
    pub(crate) fn apply(self, ident: &str) -> String {
        match self {
            RenameRule::Lower => ident.to_snake_case().replace('_', ""),
            RenameRule::Upper => ident.to_shouty_snake_case().replace('_', ""),
            RenameRule::Pascal => ident.to_upper_camel_case(),
            RenameRule::Camel => ident.to_lower_camel_case(),
            RenameRule::Snake => ident.to_snake_case(),
            RenameRule::ScreamingSnake => ident.to_shouty_snake_case(),
            RenameRule::Kebab => ident.to_kebab_case(),
            RenameRule::ScreamingKebab => ident.to_shouty_kebab_case(),
            RenameRule::Train => ident.to_train_case(),
            RenameRule::Title => ident.to_title_case(),
        }
    }

    /// How dynamic names are folded so they look like this style's built-in names.
    pub(crate) fn fold(self) -> Fold {
        match self {
            RenameRule::Lower | RenameRule::Snake | RenameRule::Kebab => Fold::Lower,
            RenameRule::Upper | RenameRule::ScreamingSnake | RenameRule::ScreamingKebab => {
                Fold::Upper
            }
            RenameRule::Pascal | RenameRule::Camel | RenameRule::Train | RenameRule::Title => {
                Fold::Keep
            }
        }
    }

    /// The separator names are stored with under `ignore_separators`: the one the style's own names use
    /// (`_` for the styles that have none).
    pub(crate) fn separator(self) -> u8 {
        match self {
            RenameRule::Kebab | RenameRule::ScreamingKebab | RenameRule::Train => b'-',
            RenameRule::Title => b' ',
            _ => b'_',
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RenameRule;

    /// Pins heck's word splitting, which differs from serde's on acronyms (serde: `h_t_t_p_server`).
    #[test]
    fn styles_split_words_like_heck() {
        let table: [(&str, [&str; 10]); 6] = [
            (
                "OpenaiChat",
                [
                    "openaichat",
                    "OPENAICHAT",
                    "OpenaiChat",
                    "openaiChat",
                    "openai_chat",
                    "OPENAI_CHAT",
                    "openai-chat",
                    "OPENAI-CHAT",
                    "Openai-Chat",
                    "Openai Chat",
                ],
            ),
            (
                "HTTPServer",
                [
                    "httpserver",
                    "HTTPSERVER",
                    "HttpServer",
                    "httpServer",
                    "http_server",
                    "HTTP_SERVER",
                    "http-server",
                    "HTTP-SERVER",
                    "Http-Server",
                    "Http Server",
                ],
            ),
            (
                "OpenAIChat",
                [
                    "openaichat",
                    "OPENAICHAT",
                    "OpenAiChat",
                    "openAiChat",
                    "open_ai_chat",
                    "OPEN_AI_CHAT",
                    "open-ai-chat",
                    "OPEN-AI-CHAT",
                    "Open-Ai-Chat",
                    "Open Ai Chat",
                ],
            ),
            (
                "Gpt4o",
                [
                    "gpt4o", "GPT4O", "Gpt4o", "gpt4o", "gpt4o", "GPT4O", "gpt4o", "GPT4O",
                    "Gpt4o", "Gpt4o",
                ],
            ),
            (
                "V2Api",
                [
                    "v2api", "V2API", "V2Api", "v2Api", "v2_api", "V2_API", "v2-api", "V2-API",
                    "V2-Api", "V2 Api",
                ],
            ),
            ("X", ["x", "X", "X", "x", "x", "X", "x", "X", "X", "X"]),
        ];
        for (ident, expected) in table {
            for ((style, rule), want) in RenameRule::ALL.iter().zip(expected) {
                assert_eq!(rule.apply(ident), want, "{ident} under {style}");
            }
        }
    }

    #[test]
    fn every_spelling_round_trips() {
        for (spelling, rule) in RenameRule::ALL {
            assert_eq!(RenameRule::from_name(spelling), Some(rule));
        }
        assert_eq!(RenameRule::from_name("snake"), None);
    }
}
