//! `#[dynenum(...)]` on the enum and on variants, read with `parse_nested_meta`, every value kept with
//! its span. Inside one list the first malformed token ends that list (what follows can't be trusted);
//! other attributes and variants are still read.

use std::fmt::Write as _;

use proc_macro2::{Span, TokenStream, TokenTree};
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned as _;
use syn::{Attribute, Lit, LitStr, Token};

use crate::case::RenameRule;
use crate::diag::{did_you_mean, Diag};

/// The keys each level accepts, declared once: they drive parsing, messages and "did you mean".
pub(crate) const ENUM_KEYS: [&str; 6] = [
    "rename_all",
    "dynamic",
    "ignore_separators",
    "max_len",
    "noun",
    "crate",
];
pub(crate) const VARIANT_KEYS: [&str; 3] = ["rename", "alias", "description"];

/// A value with the span of the value itself (for errors about it) and of its key (for repeats).
pub(crate) struct Spanned<T> {
    pub(crate) value: T,
    pub(crate) span: Span,
    key: Span,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Policy {
    Open,
    Registered,
}

#[derive(Default)]
pub(crate) struct EnumAttrs {
    pub(crate) rename_all: Option<Spanned<RenameRule>>,
    pub(crate) policy: Option<Spanned<Policy>>,
    pub(crate) ignore_separators: Option<Spanned<()>>,
    pub(crate) max_len: Option<Spanned<usize>>,
    pub(crate) noun: Option<Spanned<String>>,
    pub(crate) krate: Option<Spanned<syn::Path>>,
}

#[derive(Default)]
pub(crate) struct VariantAttrs {
    pub(crate) rename: Option<Spanned<LitStr>>,
    pub(crate) aliases: Vec<LitStr>,
    pub(crate) description: Option<Spanned<LitStr>>,
}

impl EnumAttrs {
    pub(crate) fn from_attrs(attrs: &[Attribute], diag: &mut Diag) -> EnumAttrs {
        let mut out = EnumAttrs::default();
        each_key(attrs, diag, |key, meta, diag| {
            let key_span = meta.path.span();
            match key {
                "rename_all" => {
                    let lit = string_value(meta, key)?;
                    if let Some(rule) = RenameRule::from_name(&lit.value()) {
                        set(&mut out.rename_all, rule, lit.span(), key_span, key, diag);
                    } else {
                        diag.error(lit.span(), unknown_style(&lit.value()));
                    }
                }
                "dynamic" => {
                    let lit = string_value(meta, key)?;
                    let policy = match lit.value().as_str() {
                        "open" => Policy::Open,
                        "registered" => Policy::Registered,
                        other => {
                            diag.error(
                                lit.span(),
                                format!("unknown `dynamic` policy {other:?}; expected \"open\" or \"registered\""),
                            );
                            return Ok(());
                        }
                    };
                    set(&mut out.policy, policy, lit.span(), key_span, key, diag);
                }
                "ignore_separators" => {
                    if !meta.input.is_empty() && !meta.input.peek(Token![,]) {
                        let mut value = TokenStream::new();
                        while !meta.input.is_empty() && !meta.input.peek(Token![,]) {
                            value.extend([meta.input.parse::<TokenTree>()?]);
                        }
                        return Err(syn::Error::new_spanned(
                            value,
                            "`ignore_separators` takes no value: write `#[dynenum(ignore_separators)]`",
                        ));
                    }
                    set(
                        &mut out.ignore_separators,
                        (),
                        key_span,
                        key_span,
                        key,
                        diag,
                    );
                }
                "max_len" => match max_len_value(meta) {
                    Ok((len, span)) => set(&mut out.max_len, len, span, key_span, key, diag),
                    Err(error) => diag.push(error),
                },
                "noun" => {
                    let lit = string_value(meta, key)?;
                    // Error texts read `unknown {noun} "input"`: an empty or padded noun garbles them.
                    let noun = lit.value();
                    if noun.trim().is_empty() {
                        diag.error(
                            lit.span(),
                            "`noun` names the enum in error messages and cannot be blank; write a word, like `#[dynenum(noun = \"endpoint\")]`",
                        );
                    } else if noun.trim() != noun || noun.chars().any(char::is_control) {
                        diag.error(
                            lit.span(),
                            "`noun` cannot start or end with whitespace or hold control characters",
                        );
                    } else {
                        set(&mut out.noun, noun, lit.span(), key_span, key, diag);
                    }
                }
                "crate" => {
                    let lit = string_value(meta, key)?;
                    match lit.parse::<syn::Path>() {
                        Ok(path) => set(&mut out.krate, path, lit.span(), key_span, key, diag),
                        Err(_) => diag.error(
                            lit.span(),
                            format!("`crate` takes a path, like `#[dynenum(crate = \"::my_crate::dynenum\")]`, not {:?}", lit.value()),
                        ),
                    }
                }
                other => unknown_key(
                    meta,
                    other,
                    &ENUM_KEYS,
                    &VARIANT_KEYS,
                    "the enum",
                    "a variant",
                    diag,
                )?,
            }
            Ok(())
        });
        out
    }
}

impl VariantAttrs {
    pub(crate) fn from_attrs(attrs: &[Attribute], diag: &mut Diag) -> VariantAttrs {
        let mut out = VariantAttrs::default();
        each_key(attrs, diag, |key, meta, diag| {
            let key_span = meta.path.span();
            match key {
                "rename" => {
                    let lit = string_value(meta, key)?;
                    let span = lit.span();
                    set(&mut out.rename, lit, span, key_span, key, diag);
                }
                "alias" => out.aliases.push(string_value(meta, key)?),
                "description" => {
                    let lit = string_value(meta, key)?;
                    let span = lit.span();
                    set(&mut out.description, lit, span, key_span, key, diag);
                }
                other => unknown_key(
                    meta,
                    other,
                    &VARIANT_KEYS,
                    &ENUM_KEYS,
                    "a variant",
                    "the enum",
                    diag,
                )?,
            }
            Ok(())
        });
        out
    }
}

/// Calls `each` for every key of every `#[dynenum(...)]` in `attrs`; a malformed list becomes an error.
fn each_key(
    attrs: &[Attribute],
    diag: &mut Diag,
    mut each: impl FnMut(&str, &ParseNestedMeta<'_>, &mut Diag) -> syn::Result<()>,
) {
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("dynenum")) {
        if let syn::Meta::Path(path) = &attr.meta {
            diag.error(
                path.span(),
                "expected a list of settings: `#[dynenum(...)]`",
            );
            continue;
        }
        let result = attr.parse_nested_meta(|meta| {
            let key = meta
                .path
                .get_ident()
                .map(ToString::to_string)
                .unwrap_or_default();
            each(&key, &meta, diag)
        });
        if let Err(error) = result {
            diag.push(error);
        }
    }
}

/// Records a setting, or reports that its key was already given (pointing at both keys).
fn set<T>(
    slot: &mut Option<Spanned<T>>,
    value: T,
    span: Span,
    key: Span,
    name: &str,
    diag: &mut Diag,
) {
    if let Some(earlier) = slot {
        diag.error_with_note(
            key,
            format!("`{name}` is given twice"),
            earlier.key,
            "first given here",
        );
    } else {
        *slot = Some(Spanned { value, span, key });
    }
}

/// The tokens after `key =`, up to the next `,`: errors about the value then cover all of it (`-1`).
fn value_tokens(meta: &ParseNestedMeta<'_>, key: &str, example: &str) -> syn::Result<TokenStream> {
    if !meta.input.peek(Token![=]) {
        return Err(meta.error(format!("`{key}` takes a value, like {example}")));
    }
    let input = meta.value()?;
    let mut tokens = TokenStream::new();
    while !input.is_empty() && !input.peek(Token![,]) {
        tokens.extend([input.parse::<TokenTree>()?]);
    }
    if tokens.is_empty() {
        return Err(meta.error(format!("`{key}` takes a value, like {example}")));
    }
    Ok(tokens)
}

/// The string after `key =`.
fn string_value(meta: &ParseNestedMeta<'_>, key: &str) -> syn::Result<LitStr> {
    let example = format!("`#[dynenum({key} = \"...\")]`");
    let tokens = value_tokens(meta, key, &example)?;
    match syn::parse2::<Lit>(tokens.clone()) {
        Ok(Lit::Str(lit)) => Ok(lit),
        _ => Err(syn::Error::new_spanned(
            tokens,
            format!("`{key}` takes a string, like {example}"),
        )),
    }
}

/// The whole number after `max_len =`: unsuffixed, at least 1, and fitting a `usize`.
fn max_len_value(meta: &ParseNestedMeta<'_>) -> syn::Result<(usize, Span)> {
    const EXAMPLE: &str = "`#[dynenum(max_len = 255)]`";
    let tokens = value_tokens(meta, "max_len", EXAMPLE)?;
    let int = match syn::parse2::<Lit>(tokens.clone()) {
        Ok(Lit::Int(int)) if int.suffix().is_empty() && !int.base10_digits().starts_with('-') => {
            int
        }
        _ => {
            let message = format!("`max_len` takes a whole number of bytes, like {EXAMPLE}");
            return Err(syn::Error::new_spanned(tokens, message));
        }
    };
    match int.base10_parse::<usize>() {
        Ok(0) => Err(syn::Error::new(int.span(), "`max_len` must be at least 1")),
        Ok(len) => Ok((len, int.span())),
        Err(_) => Err(syn::Error::new(
            int.span(),
            "`max_len` is too large for this platform's `usize`",
        )),
    }
}

/// Reports a key this level does not know, then skips its value so the rest of the list is still read.
fn unknown_key(
    meta: &ParseNestedMeta<'_>,
    key: &str,
    known: &[&str],
    other_level: &[&str],
    here: &str,
    there: &str,
    diag: &mut Diag,
) -> syn::Result<()> {
    let path = &meta.path;
    let shown = if key.is_empty() {
        quote::ToTokens::to_token_stream(&meta.path)
            .to_string()
            .replace(' ', "")
    } else {
        key.to_owned()
    };
    if other_level.contains(&key) {
        diag.push(syn::Error::new_spanned(
            path,
            format!("`{shown}` goes on {there}, not on {here}"),
        ));
    } else {
        let mut message = format!("unknown attribute key `{shown}`");
        if let Some(near) = did_you_mean(&shown, known) {
            let _ = write!(message, "; did you mean `{near}`?");
        } else {
            let _ = write!(message, "; expected one of: {}", known.join(", "));
        }
        diag.push(syn::Error::new_spanned(path, message));
    }
    if meta.input.peek(Token![=]) {
        meta.input.parse::<Token![=]>()?;
    }
    while !meta.input.is_empty() && !meta.input.peek(Token![,]) {
        meta.input.parse::<TokenTree>()?;
    }
    Ok(())
}

fn unknown_style(style: &str) -> String {
    let spellings: Vec<&str> = RenameRule::ALL
        .iter()
        .map(|(spelling, _)| *spelling)
        .collect();
    let mut message = format!(
        "unknown `rename_all` style {style:?}; expected one of: {}",
        spellings.join(", ")
    );
    // `kebab` or `screaming_snake` name a style without its `-case` suffix; else look for a typo.
    let bare = |text: &str| {
        text.to_ascii_lowercase()
            .replace(['-', '_', ' '], "")
            .trim_end_matches("case")
            .to_owned()
    };
    let near = spellings
        .iter()
        .copied()
        .find(|spelling| bare(spelling) == bare(style));
    if let Some(near) = near.or_else(|| did_you_mean(style, &spellings)) {
        let _ = write!(message, " (did you mean {near:?}?)");
    }
    message
}
