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
                    deprecated: variant
                        .attrs
                        .iter()
                        .any(|attr| attr.path().is_ident("deprecated")),
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
            variants,
            implicit_discriminants: data
                .variants
                .iter()
                .all(|variant| variant.discriminant.is_none()),
            deprecated: input
                .attrs
                .iter()
                .any(|attr| attr.path().is_ident("deprecated")),
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

/// The first paragraph of the doc comment: lines trimmed and joined with one space.
fn doc_description(attrs: &[Attribute]) -> Option<String> {
    let mut words: Vec<String> = Vec::new();
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("doc")) {
        let syn::Meta::NameValue(doc) = &attr.meta else {
            continue;
        };
        let Expr::Lit(syn::ExprLit {
            lit: Lit::Str(text),
            ..
        }) = &doc.value
        else {
            continue;
        };
        // One attribute may hold several lines (a `/** */` block): each counts on its own.
        for line in text.value().split('\n') {
            let line = line.trim();
            if line.is_empty() {
                if words.is_empty() {
                    continue;
                }
                return Some(words.join(" "));
            }
            words.push(line.to_owned());
        }
    }
    (!words.is_empty()).then(|| words.join(" "))
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
}
