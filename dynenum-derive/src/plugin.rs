//! `plugin!(TABLE, "name" => value, description = "…", priority = N)`, behind dynenum-core's
//! `plugin!`: checks the name's rules and the keys here, where every token still has its span, then
//! emits the link-time submission. The value and the priority are left to rustc, which checks their
//! types at their own tokens.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{quote, quote_spanned};
use syn::ext::IdentExt;
use syn::parse::{ParseStream, Parser};
use syn::{Ident, LitStr, Token};

use crate::ast::Name;
use crate::diag::{did_you_mean, Diag};
use crate::validate;

/// The keys a call accepts after its value, in the order messages list them.
const KEYS: &[&str] = &["description", "priority"];

/// A call as written; names and keys not yet checked.
struct Call {
    krate: TokenStream,
    table: TokenStream,
    name: LitStr,
    value: TokenStream,
    keys: Vec<(Ident, TokenStream)>,
}

/// The macro's whole output: the submission, or every error found.
pub(crate) fn expand(input: TokenStream) -> TokenStream {
    let call = match parse.parse2(input) {
        Ok(call) => call,
        Err(error) => return error.to_compile_error(),
    };
    let mut diag = Diag::default();
    validate::check_name(
        &Name {
            value: call.name.value(),
            span: call.name.span(),
        },
        usize::MAX,
        &mut diag,
    );
    let mut description: Option<(Span, LitStr)> = None;
    let mut priority: Option<(Span, TokenStream)> = None;
    for (key, tokens) in &call.keys {
        let text = key.unraw().to_string();
        let earlier = match text.as_str() {
            "description" => description.as_ref().map(|(span, _)| *span),
            "priority" => priority.as_ref().map(|(span, _)| *span),
            _ => {
                let message = match did_you_mean(&text, KEYS) {
                    Some(near) => {
                        format!("unknown key `{text}` in `plugin!`; did you mean `{near}`?")
                    }
                    None => format!(
                        "unknown key `{text}` in `plugin!`; expected one of: description, priority"
                    ),
                };
                diag.error(key.span(), message);
                continue;
            }
        };
        if let Some(earlier) = earlier {
            diag.error_with_note(
                key.span(),
                format!("`{text}` is given twice"),
                earlier,
                "first given here",
            );
            continue;
        }
        if text == "description" {
            match syn::parse2::<LitStr>(tokens.clone()) {
                Ok(literal) => description = Some((key.span(), literal)),
                Err(_) => diag.push(syn::Error::new_spanned(
                    tokens,
                    "`description` takes a string literal: `description = \"...\"`",
                )),
            }
        } else {
            priority = Some((key.span(), tokens.clone()));
        }
    }
    if let Err(errors) = diag.finish() {
        return errors.to_compile_error();
    }
    let Call {
        krate,
        table,
        name,
        value,
        ..
    } = call;
    let description = description.map_or_else(
        || quote!(#krate::__private::None),
        |(_, text)| quote!(#krate::__private::Some(#text)),
    );
    let priority = priority.map_or_else(|| quote!(0), |(_, tokens)| tokens);
    let value_span = value
        .clone()
        .into_iter()
        .next()
        .map_or_else(Span::call_site, |first| first.span());
    // The call that checks the value's type carries the value's span, so rustc's note about the
    // call's arguments points at the user's value rather than at the whole macro call.
    let erase = quote_spanned!(value_span=> #krate::__private::erase_plugin);
    quote! {
        const _: () = {
            #krate::__private::inventory::submit! {
                #krate::__private::PluginSubmission::new(
                    &#table,
                    #name,
                    #description,
                    #priority,
                    (::core::module_path!(), ::core::file!(), ::core::line!(), ::core::column!()),
                    || #erase(&#table, #value),
                )
            }
            #krate::__private::inventory::submit! {
                #krate::__private::plugin_link_name(&#table, #name, #description, ::core::module_path!())
            }
        };
    }
}

/// `$crate; TABLE, "name" => value (, key = tokens)* ,?`
fn parse(input: ParseStream<'_>) -> syn::Result<Call> {
    let krate = until(input, |input| input.peek(Token![;]))?;
    input.parse::<Token![;]>()?;
    let table = until_comma(input)?;
    if table.is_empty() {
        return Err(input.error(
            "expected the table, then the name and the value: `plugin!(TABLE, \"name\" => value)`",
        ));
    }
    input.parse::<Token![,]>()?;
    let name: LitStr = input.parse().map_err(|error| {
        syn::Error::new(
            error.span(),
            "expected the plugin's name, a string literal: `plugin!(TABLE, \"name\" => value)`",
        )
    })?;
    input.parse::<Token![=>]>().map_err(|error| {
        syn::Error::new(
            error.span(),
            "expected `=>` and the plugin's value after the name: `plugin!(TABLE, \"name\" => value)`",
        )
    })?;
    let value = until_comma(input)?;
    if value.is_empty() {
        return Err(input.error("expected the plugin's value after `=>`"));
    }
    let mut keys = Vec::new();
    while !input.is_empty() {
        input.parse::<Token![,]>()?;
        if input.is_empty() {
            break;
        }
        let key = input.call(Ident::parse_any).map_err(|error| {
            syn::Error::new(
                error.span(),
                "expected `description = \"...\"` or `priority = N` after the value",
            )
        })?;
        input.parse::<Token![=]>()?;
        let tokens = until_comma(input)?;
        if tokens.is_empty() {
            return Err(input.error(format!("expected a value for `{key}`")));
        }
        keys.push((key, tokens));
    }
    Ok(Call {
        krate,
        table,
        name,
        value,
        keys,
    })
}

fn until_comma(input: ParseStream<'_>) -> syn::Result<TokenStream> {
    until(input, |input| input.peek(Token![,]))
}

/// The tokens up to (not including) the first top-level token where `stop` holds, or the end.
fn until(
    input: ParseStream<'_>,
    stop: impl Fn(ParseStream<'_>) -> bool,
) -> syn::Result<TokenStream> {
    let mut tokens = TokenStream::new();
    while !input.is_empty() && !stop(input) {
        tokens.extend([input.parse::<TokenTree>()?]);
    }
    Ok(tokens)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The output and how many errors it holds.
    fn errors(input: TokenStream) -> (String, usize) {
        let output = expand(input).to_string();
        let count = output.matches("compile_error").count();
        (output, count)
    }

    #[test]
    fn reports_a_bad_name_and_every_bad_key_together() {
        let (output, count) = errors(
            quote!($crate; T, " x" => 1, colour = 2, priority = 1, priority = 2, description = 3),
        );
        assert_eq!(count, 5, "{output}");
        for message in [
            "starts with whitespace",
            "unknown key `colour` in `plugin!`",
            "`priority` is given twice",
            "first given here",
            "`description` takes a string literal",
        ] {
            assert!(output.contains(message), "{message}: {output}");
        }
    }

    #[test]
    fn a_valid_call_emits_a_submission_with_the_defaults() {
        let output = expand(quote!(krate; T, "x" => 1,)).to_string();
        assert!(!output.contains("compile_error"), "{output}");
        assert!(output.contains("PluginSubmission"));
        assert!(output.contains("krate :: __private :: None"));
    }

    #[test]
    fn a_missing_value_is_an_error() {
        assert_eq!(errors(quote!(k; T, "x" =>)).1, 1);
        assert_eq!(errors(quote!(k; T, x => 1)).1, 1);
    }
}
