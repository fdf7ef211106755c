//! The body of the generated `from_name`: a decision tree over the input's bytes.
//!
//! Names are grouped by length (one jump), then each group is split on the byte position that tells
//! the most of its names apart, and so on until one name is left; that name is then compared in full,
//! ignoring ASCII case. The cost is a few branches and one comparison whatever the number of variants,
//! and nothing is allocated or lowercased into a buffer.

use proc_macro2::{Literal, TokenStream};
use quote::quote;
use std::collections::BTreeMap;

/// A name as parsing sees it: folded bytes, and the tokens of the value it parses to (with the cfgs
/// that must guard it).
pub(crate) struct Key {
    pub(crate) bytes: Vec<u8>,
    pub(crate) value: TokenStream,
    pub(crate) cfgs: TokenStream,
}

/// `input` is a `&[u8]` binding; `krate` the path of dynenum-core.
pub(crate) fn from_name(
    keys: &[Key],
    input: &TokenStream,
    krate: &syn::Path,
    ignore_separators: bool,
) -> TokenStream {
    if keys.is_empty() {
        return quote!(::core::option::Option::None);
    }
    let mut by_len: BTreeMap<usize, Vec<&Key>> = BTreeMap::new();
    for key in keys {
        by_len.entry(key.bytes.len()).or_default().push(key);
    }
    let arms = by_len.iter().map(|(&len, group)| {
        let len = Literal::usize_unsuffixed(len);
        let cfgs = single_cfgs(group);
        let node = node(group, input, krate, ignore_separators);
        quote!(#cfgs #len => #node,)
    });
    quote! {
        match #input.len() {
            #(#arms)*
            _ => ::core::option::Option::None,
        }
    }
}

/// A leaf's cfgs guard the arm that leads to it.
fn single_cfgs(group: &[&Key]) -> TokenStream {
    match group {
        [only] => only.cfgs.clone(),
        _ => TokenStream::new(),
    }
}

fn node(
    group: &[&Key],
    input: &TokenStream,
    krate: &syn::Path,
    ignore_separators: bool,
) -> TokenStream {
    if let [only] = group {
        let bytes = Literal::byte_string(&only.bytes);
        let value = &only.value;
        return quote! {
            if #krate::__private::matches_key(#input, #bytes, #ignore_separators) {
                ::core::option::Option::Some(#value)
            } else {
                ::core::option::Option::None
            }
        };
    }
    let at = best_position(group);
    let mut by_byte: BTreeMap<u8, Vec<&Key>> = BTreeMap::new();
    for &key in group {
        by_byte.entry(key.bytes[at]).or_default().push(key);
    }
    if by_byte.len() < 2 {
        // Only identical names share every byte, and validation refuses those; should one slip through,
        // try them in turn rather than recurse forever.
        let tries = group
            .iter()
            .map(|&key| node(&[key], input, krate, ignore_separators));
        return quote! {{
            #( if let ::core::option::Option::Some(__found) = #tries { return ::core::option::Option::Some(__found); } )*
            ::core::option::Option::None
        }};
    }
    let arms = by_byte.iter().map(|(&byte, sub)| {
        let cfgs = single_cfgs(sub);
        let pattern = Literal::u8_suffixed(byte);
        let node = node(sub, input, krate, ignore_separators);
        quote!(#cfgs #pattern => #node,)
    });
    let at = Literal::usize_unsuffixed(at);
    let folded = if ignore_separators {
        quote!(#krate::__private::key_byte(#input[#at]))
    } else {
        quote!(#input[#at].to_ascii_lowercase())
    };
    quote! {
        match #folded {
            #(#arms)*
            _ => ::core::option::Option::None,
        }
    }
}

/// The position whose byte splits the group into the most parts (the first such position on a tie).
/// Names of one length that differ are told apart by some byte, so every split makes progress.
fn best_position(group: &[&Key]) -> usize {
    let len = group.first().map_or(0, |key| key.bytes.len());
    let mut best = (0, 0);
    for at in 0..len {
        let mut seen: Vec<u8> = group.iter().map(|key| key.bytes[at]).collect();
        seen.sort_unstable();
        seen.dedup();
        if seen.len() > best.1 {
            best = (at, seen.len());
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::{best_position, Key};
    use proc_macro2::TokenStream;

    fn key(name: &str) -> Key {
        Key {
            bytes: name.as_bytes().to_vec(),
            value: TokenStream::new(),
            cfgs: TokenStream::new(),
        }
    }

    #[test]
    fn splits_on_the_most_telling_byte() {
        let keys = [key("openai_chat"), key("openai_chab"), key("anthro_chat")];
        let group: Vec<&Key> = keys.iter().collect();
        assert_eq!(best_position(&group), 0, "a tie goes to the first position");
        let keys = [key("openai_chat"), key("openai_chab"), key("openai_chaq")];
        let group: Vec<&Key> = keys.iter().collect();
        assert_eq!(best_position(&group), 10);
        let keys = [key("ab"), key("ac"), key("bd")];
        let group: Vec<&Key> = keys.iter().collect();
        assert_eq!(best_position(&group), 1);
    }
}
