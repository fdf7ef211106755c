//! Checks that need the whole model: the rules on each name, and clashes between names.

use std::collections::HashMap;

use crate::ast::{Enum, Name};
use crate::diag::Diag;

pub(crate) fn check(model: &Enum<'_>, diag: &mut Diag) {
    for (_, name) in model.names() {
        check_name(name, model.max_len, diag);
    }
    check_clashes(model, diag);
    check_dispatch(model, diag);
}

/// The generated parser numbers variants with `u16`.
fn check_dispatch(model: &Enum<'_>, diag: &mut Diag) {
    if model.variants.len() > usize::from(u16::MAX) {
        diag.error(
            model.ident.span(),
            format!("`DynamicStrEnum` supports at most {} variants", u16::MAX),
        );
    }
}

/// A name that breaks a rule could never be parsed back (parsing checks the same rules), so it is
/// refused here rather than becoming a variant nobody can select.
pub(crate) fn check_name(name: &Name, max_len: usize, diag: &mut Diag) {
    let value = &name.value;
    if value.is_empty() {
        diag.error(name.span, "a name cannot be empty");
        return;
    }
    if value.len() > max_len {
        diag.error(
            name.span,
            format!(
                "the name {value:?} is {} bytes long, over `max_len = {max_len}`",
                value.len()
            ),
        );
    }
    for (at, ch) in value.char_indices() {
        let at_edge = at == 0 || at + ch.len_utf8() == value.len();
        if ch.is_control() {
            diag.error(
                name.span,
                format!("the name {value:?} contains the control character {ch:?}"),
            );
            return;
        }
        if at_edge && ch.is_whitespace() {
            let edge = if at == 0 { "starts" } else { "ends" };
            diag.error(
                name.span,
                format!("the name {value:?} {edge} with whitespace"),
            );
            return;
        }
    }
}

/// Two names that parsing can't tell apart would make one of them unreachable: both places are shown.
fn check_clashes(model: &Enum<'_>, diag: &mut Diag) {
    let rule = if model.ignore_separators {
        "names ignore ASCII case and separators"
    } else {
        "names ignore ASCII case"
    };
    let mut seen: HashMap<Vec<u8>, (usize, &Name)> = HashMap::new();
    for (at, name) in model.names() {
        let key = key(&name.value, model.ignore_separators);
        if let Some(&(first_at, first)) = seen.get(&key) {
            let owner = model.variants[first_at].ident;
            let message = if first_at == at {
                format!(
                    "`{}` repeats `{}`, a name of this variant ({rule})",
                    name.value, first.value
                )
            } else {
                format!(
                    "`{}` clashes with `{}` of `{owner}` ({rule})",
                    name.value, first.value
                )
            };
            diag.error_with_note(name.span, message, first.span, "first defined here");
        } else {
            seen.insert(key, (at, name));
        }
    }
}

/// The bytes parsing compares: ASCII lower case, and `-`, ` ` read as `_` under `ignore_separators`.
pub(crate) fn key(name: &str, ignore_separators: bool) -> Vec<u8> {
    name.bytes()
        .map(|b| match b {
            b'-' | b' ' if ignore_separators => b'_',
            _ => b.to_ascii_lowercase(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::ast::Enum;
    use crate::diag::Diag;
    use syn::{parse_quote, DeriveInput};

    fn errors(input: &DeriveInput) -> Vec<String> {
        let mut diag = Diag::default();
        if let Some(model) = Enum::from_syn(input, &mut diag) {
            super::check(&model, &mut diag);
        }
        match diag.finish() {
            Ok(()) => Vec::new(),
            Err(error) => error.into_iter().map(|e| e.to_string()).collect(),
        }
    }

    #[test]
    fn clashes_point_at_both_names() {
        let input: DeriveInput = parse_quote! {
            enum E {
                HttpServer,
                HTTPServer,
                #[dynenum(alias = "A", alias = "a")]
                Other,
            }
        };
        assert_eq!(
            errors(&input),
            [
                "`http_server` clashes with `http_server` of `HttpServer` (names ignore ASCII case)",
                "first defined here",
                "`a` repeats `A`, a name of this variant (names ignore ASCII case)",
                "first defined here",
            ]
        );
    }

    #[test]
    fn separators_clash_only_when_ignored() {
        let plain: DeriveInput = parse_quote! {
            enum E { #[dynenum(rename = "a-b")] X, #[dynenum(rename = "a_b")] Y }
        };
        assert!(errors(&plain).is_empty());
        let ignoring: DeriveInput = parse_quote! {
            #[dynenum(ignore_separators)]
            enum E { #[dynenum(rename = "a-b")] X, #[dynenum(rename = "a b")] Y }
        };
        assert_eq!(
            errors(&ignoring),
            [
                "`a b` clashes with `a-b` of `X` (names ignore ASCII case and separators)",
                "first defined here"
            ]
        );
    }

    #[test]
    fn every_broken_name_rule_is_reported() {
        let input: DeriveInput = parse_quote! {
            #[dynenum(max_len = 4)]
            enum E {
                #[dynenum(rename = "")] A,
                #[dynenum(rename = " b")] B,
                #[dynenum(alias = "c\n")] C,
                LongName,
            }
        };
        assert_eq!(
            errors(&input),
            [
                "a name cannot be empty",
                "the name \" b\" starts with whitespace",
                "the name \"c\\n\" contains the control character '\\n'",
                "the name \"long_name\" is 9 bytes long, over `max_len = 4`",
            ]
        );
    }
}
