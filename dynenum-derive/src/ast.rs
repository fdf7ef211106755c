//! The model of a derive input: what the emitter needs, already resolved (names after `rename_all`,
//! descriptions from doc comments), each name with the span to blame for it.

use proc_macro2::Span;
use syn::ext::IdentExt as _;
use syn::spanned::Spanned as _;
use syn::{Attribute, Data, DeriveInput, Expr, Fields, Ident, Lit};

use crate::attr::{EnumAttrs, Policy, VariantAttrs};
use crate::case::RenameRule;
use crate::diag::Diag;

/// The default `max_len`, in bytes.
pub(crate) const DEFAULT_MAX_LEN: usize = 255;

pub(crate) struct Enum<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) krate: syn::Path,
    pub(crate) rule: RenameRule,
    pub(crate) policy: Policy,
    pub(crate) ignore_separators: bool,
    pub(crate) max_len: usize,
    /// What error texts call the enum: `#[dynenum(noun = "...")]`, else the enum's name.
    pub(crate) noun: String,
    pub(crate) variants: Vec<Variant<'a>>,
    /// No variant sets its discriminant, so they are 0, 1, 2… in declaration order and `*self as usize`
    /// indexes tables in that order.
    pub(crate) implicit_discriminants: bool,
    /// The enum itself is `#[deprecated]`: every impl names it.
    pub(crate) deprecated: bool,
}

pub(crate) struct Variant<'a> {
    pub(crate) ident: &'a Ident,
    /// The variant's `#[cfg(...)]` attributes, repeated on every generated item that names it.
    pub(crate) cfgs: Vec<&'a Attribute>,
    pub(crate) canonical: Name,
    pub(crate) aliases: Vec<Name>,
    pub(crate) description: Option<String>,
    pub(crate) deprecated: bool,
}

pub(crate) struct Name {
    pub(crate) value: String,
    pub(crate) span: Span,
}

impl<'a> Enum<'a> {
    /// Builds the model, recording every problem in `diag`. `None` when the input is no enum at all.
    pub(crate) fn from_syn(input: &'a DeriveInput, diag: &mut Diag) -> Option<Enum<'a>> {
        let data = match &input.data {
            Data::Enum(data) => data,
            Data::Struct(data) => {
                diag.error(
                    data.struct_token.span,
                    "`DynamicStrEnum` can only be derived for enums, not structs",
                );
                return None;
            }
            Data::Union(data) => {
                diag.error(
                    data.union_token.span,
                    "`DynamicStrEnum` can only be derived for enums, not unions",
                );
                return None;
            }
        };
        let attrs = EnumAttrs::from_attrs(&input.attrs, diag);
        if !input.generics.params.is_empty() {
            diag.push(syn::Error::new_spanned(
                &input.generics.params,
                "`DynamicStrEnum` enums cannot have generic parameters or lifetimes",
            ));
        } else if let Some(clause) = &input.generics.where_clause {
            diag.error(
                clause.where_token.span,
                "`DynamicStrEnum` enums cannot have a `where` clause",
            );
        }
        let rule = attrs
            .rename_all
            .map_or(RenameRule::Snake, |rule| rule.value);
        let store = |value: String, span: Span| Name { value, span };
        let variants = data
            .variants
            .iter()
            .map(|variant| {
                if !matches!(variant.fields, Fields::Unit) {
                    diag.error(
                        variant.fields.span(),
                        format!(
                            "variant `{}` has fields; `DynamicStrEnum` variants are unit variants",
                            variant.ident
                        ),
                    );
                }
                let attrs = VariantAttrs::from_attrs(&variant.attrs, diag);
                let canonical = match attrs.rename {
                    Some(rename) => store(rename.value.value(), rename.span),
                    None => store(
                        rule.apply(&variant.ident.unraw().to_string()),
                        variant.ident.span(),
                    ),
                };
                Variant {
                    ident: &variant.ident,
                    cfgs: variant
                        .attrs
                        .iter()
                        .filter(|attr| attr.path().is_ident("cfg"))
                        .collect(),
                    canonical,
                    aliases: attrs
                        .aliases
                        .iter()
                        .map(|alias| store(alias.value(), alias.span()))
                        .collect(),
                    description: match attrs.description {
                        Some(description) => Some(description.value.value().trim().to_owned())
                            .filter(|text| !text.is_empty()),
                        None => doc_description(&variant.attrs),
                    },
                    deprecated: has_attr(&variant.attrs, "deprecated"),
                }
            })
            .collect();
        Some(Enum {
            ident: &input.ident,
            krate: attrs
                .krate
                .map_or_else(|| syn::parse_quote!(::dynenum_core), |krate| krate.value),
            rule,
            policy: attrs.policy.map_or(Policy::Open, |policy| policy.value),
            ignore_separators: attrs.ignore_separators.is_some(),
            max_len: attrs.max_len.map_or(DEFAULT_MAX_LEN, |len| len.value),
            noun: attrs
                .noun
                .map_or_else(|| input.ident.unraw().to_string(), |noun| noun.value),
            variants,
            implicit_discriminants: data
                .variants
                .iter()
                .all(|variant| variant.discriminant.is_none()),
            deprecated: has_attr(&input.attrs, "deprecated"),
        })
    }

    /// Every name, canonical then aliases, variant by variant, with the variant's position.
    pub(crate) fn names(&self) -> impl Iterator<Item = (usize, &Name)> {
        self.variants.iter().enumerate().flat_map(|(at, variant)| {
            std::iter::once(&variant.canonical)
                .chain(&variant.aliases)
                .map(move |name| (at, name))
        })
    }
}

impl Enum<'_> {
    /// Whether any generated item names something deprecated, so the expansion must allow it.
    pub(crate) fn names_deprecated(&self) -> bool {
        self.deprecated || self.variants.iter().any(|variant| variant.deprecated)
    }

    /// The name as the program shows and stores it. Under `ignore_separators` every name is stored with
    /// the style's separator, so the one spelling a `Caseless` key finds is the one shown.
    pub(crate) fn stored(&self, name: &Name) -> String {
        if !self.ignore_separators {
            return name.value.clone();
        }
        let separator = char::from(self.rule.separator());
        name.value
            .chars()
            .map(|ch| {
                if matches!(ch, '-' | '_' | ' ') {
                    separator
                } else {
                    ch
                }
            })
            .collect()
    }
}

fn has_attr(attrs: &[Attribute], name: &str) -> bool {
    attrs.iter().any(|attr| attr.path().is_ident(name))
}

/// The first paragraph of the doc comment, lines trimmed and joined with one space. The paragraph ends
/// where `CommonMark` ends it: at a blank line, or at a line that starts another block without one (a
/// list item, a heading, a code fence, a block quote, a thematic break or a setext underline). A code
/// block before any text is skipped; a leading heading is a paragraph of its own, without its `#`s.
fn doc_description(attrs: &[Attribute]) -> Option<String> {
    let mut lines: Vec<String> = Vec::new();
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("doc")) {
        let syn::Meta::NameValue(doc) = &attr.meta else {
            continue;
        };
        if let Expr::Lit(syn::ExprLit {
            lit: Lit::Str(text),
            ..
        }) = &doc.value
        {
            // One attribute may hold several lines (a `/** */` block): each counts on its own.
            let value = text.value();
            let block: Vec<&str> = value.split('\n').collect();
            // A block whose lines all start with `*` (` * text`) has them as a margin, as rustdoc reads it.
            let starred = block.len() > 1
                && block
                    .iter()
                    .skip(1)
                    .all(|line| line.trim().is_empty() || line.trim_start().starts_with('*'));
            lines.extend(block.iter().map(|line| {
                let line = match line.trim_start().strip_prefix('*') {
                    Some(rest) if starred => rest,
                    _ => line,
                };
                line.replace('\t', "    ")
            }));
        }
    }
    // Like rustdoc, measure indentation from the least indented line, so `/// text` is not indented.
    let indent = |line: &str| line.len() - line.trim_start_matches(' ').len();
    let common = lines
        .iter()
        .filter(|line| !line.trim().is_empty())
        .map(|line| indent(line))
        .min()
        .unwrap_or(0);
    let mut words: Vec<&str> = Vec::new();
    let mut fence: Option<String> = None;
    for line in &lines {
        let text = line.trim();
        // A code block before any text is an example, not a description: skip it.
        if let Some(open) = &fence {
            // The closing fence: a run of the same mark, at least as long, and nothing after it.
            if text.starts_with(open.as_str()) && text.trim_start_matches(&open[..1]).is_empty() {
                fence = None;
            }
            continue;
        }
        // Four or more columns in, a line cannot start a block that interrupts a paragraph.
        let block = if indent(line).saturating_sub(common) < 4 {
            Block::of(text)
        } else {
            None
        };
        if words.is_empty() {
            match block {
                _ if text.is_empty() => {}
                Some(Block::Fence(open)) => fence = Some(open),
                Some(Block::Heading(title)) => {
                    return Some(title.to_owned()).filter(|title| !title.is_empty())
                }
                _ => words.push(text),
            }
        } else if text.is_empty() || block.is_some() {
            break;
        } else {
            words.push(text);
        }
    }
    (!words.is_empty()).then(|| words.join(" "))
}

/// The `CommonMark` blocks that can interrupt a paragraph, recognised from a trimmed line.
#[derive(Debug, PartialEq, Eq)]
enum Block<'a> {
    /// An ATX heading, with its text.
    Heading(&'a str),
    /// A code fence, with the run of backticks or tildes that closes it.
    Fence(String),
    /// A list item, a block quote, a thematic break or a setext underline: the paragraph ends.
    Other,
}

impl<'a> Block<'a> {
    fn of(text: &'a str) -> Option<Block<'a>> {
        let hashes = text.len() - text.trim_start_matches('#').len();
        if (1..=6).contains(&hashes) {
            let rest = &text[hashes..];
            if rest.is_empty() || rest.starts_with(' ') {
                // The closing sequence (`## Title ##`) is not part of the heading's text.
                let rest = rest.trim();
                let closed = rest.trim_end_matches('#');
                let title = if closed.is_empty() || closed.ends_with(' ') {
                    closed.trim_end()
                } else {
                    rest
                };
                return Some(Block::Heading(title));
            }
        }
        for mark in ['`', '~'] {
            let run = text.len() - text.trim_start_matches(mark).len();
            // A backtick fence's info string cannot hold a backtick.
            if run >= 3 && !(mark == '`' && text[run..].contains('`')) {
                return Some(Block::Fence(text[..run].to_owned()));
            }
        }
        let starts_item = |rest: &str| rest.starts_with(' ') && !rest.trim().is_empty();
        let bullet = text.starts_with(['-', '+', '*']) && starts_item(&text[1..]);
        // Only a list starting at 1 interrupts a paragraph ("in 2024. Then" stays one paragraph).
        let ordered = (text.starts_with("1.") || text.starts_with("1)")) && starts_item(&text[2..]);
        let quote = text.starts_with('>');
        let rule = ['*', '-', '_'].into_iter().any(|mark| {
            text.chars().filter(|&ch| ch == mark).count() >= 3
                && text.chars().all(|ch| ch == mark || ch == ' ')
        });
        let underline = ['=', '-']
            .into_iter()
            .any(|mark| !text.is_empty() && text.chars().all(|ch| ch == mark));
        (bullet || ordered || quote || rule || underline).then_some(Block::Other)
    }
}

#[cfg(test)]
mod tests {
    use super::doc_description;
    use syn::parse_quote;

    #[test]
    fn description_is_the_first_paragraph_on_one_line() {
        let variant: syn::Variant = parse_quote! {
            ///
            ///   OpenAI-compatible
            /// chat completions.
            ///
            /// Second paragraph.
            OpenaiChat
        };
        assert_eq!(
            doc_description(&variant.attrs).as_deref(),
            Some("OpenAI-compatible chat completions.")
        );
        let bare: syn::Variant = parse_quote!(Bare);
        assert_eq!(doc_description(&bare.attrs), None);
    }

    fn described(variant: &syn::Variant) -> Option<String> {
        doc_description(&variant.attrs)
    }

    #[test]
    fn blocks_that_interrupt_a_paragraph_end_the_description() {
        let list: syn::Variant = parse_quote! {
            /// Smoothing, with one parameter:
            /// - smoothness = 1.0: no smoothing
            /// - smoothness < 1.0: smoother
            Smooth
        };
        assert_eq!(
            described(&list).as_deref(),
            Some("Smoothing, with one parameter:")
        );
        for (block, kind) in [
            ("* starred item", "a `*` item"),
            ("+ plus item", "a `+` item"),
            ("1. numbered item", "a list starting at 1"),
            ("1) numbered item", "a list starting at 1 with `)`"),
            ("# Heading", "a heading"),
            ("### Examples", "a deeper heading"),
            ("```", "a backtick fence"),
            ("```rust", "a fence with an info string"),
            ("~~~", "a tilde fence"),
            ("> quoted", "a block quote"),
            ("---", "a `-` thematic break or setext underline"),
            ("* * *", "a spaced thematic break"),
            ("___", "a `_` thematic break"),
            ("===", "a setext underline"),
            ("-", "a one-character setext underline"),
            (
                "  - indented item",
                "an item indented less than four columns",
            ),
        ] {
            let variant: syn::Variant = parse_quote! {
                #[doc = " First line"]
                #[doc = " second line."]
                #[doc = #block]
                #[doc = " After the block."]
                V
            };
            assert_eq!(
                described(&variant).as_deref(),
                Some("First line second line."),
                "{kind}: {block:?}"
            );
        }
    }

    #[test]
    fn lines_that_only_look_like_blocks_continue_the_paragraph() {
        for line in [
            "2. an ordered list must start at 1 to interrupt",
            "-1 is not a list item",
            "*emphasis* is not a list item",
            "#hashtag is not a heading",
            "``inline code``",
            "     - indented four columns: a continuation line",
        ] {
            let variant: syn::Variant = parse_quote! {
                #[doc = " Text"]
                #[doc = #line]
                V
            };
            let want = format!("Text {}", line.trim());
            assert_eq!(described(&variant), Some(want), "{line:?}");
        }
    }

    #[test]
    fn a_starred_block_comment_margin_is_not_a_list() {
        let variant: syn::Variant = parse_quote! {
            /**
             * Starred block
             * over two lines.
             *
             * - a list after a blank line
             */
            Starred
        };
        assert_eq!(
            described(&variant).as_deref(),
            Some("Starred block over two lines.")
        );
    }

    #[test]
    fn a_leading_heading_or_code_block_is_not_taken_as_text() {
        let heading: syn::Variant = parse_quote! {
            /// ## Chat completions ##
            /// The OpenAI API.
            Chat
        };
        assert_eq!(described(&heading).as_deref(), Some("Chat completions"));
        let code: syn::Variant = parse_quote! {
            /// ```
            /// let x = 1;
            ///
            /// ```
            /// After the example.
            ///
            /// More.
            Code
        };
        assert_eq!(described(&code).as_deref(), Some("After the example."));
    }
}
