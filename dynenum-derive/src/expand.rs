//! The emitter: turns a valid model into the trait impl and the string behaviour around it.

use proc_macro2::{Literal, TokenStream};
use quote::{quote, ToTokens};
use syn::ext::IdentExt as _;
use syn::DeriveInput;

use crate::ast::Enum;
use crate::attr::Policy;
use crate::case::Fold;
use crate::diag::Diag;
use crate::dispatch::{self, Key};
use crate::{fallback, validate};

/// Parse, check, emit: always returns tokens, the errors (with stubs) when anything is wrong.
pub(crate) fn derive(input: &DeriveInput) -> TokenStream {
    let mut diag = Diag::default();
    let model = Enum::from_syn(input, &mut diag);
    if let Some(model) = &model {
        validate::check(model, &mut diag);
    }
    match diag.finish() {
        Err(errors) => fallback::emit(input, model.as_ref(), &errors),
        Ok(()) => model.map(|model| emit(&model)).unwrap_or_default(),
    }
}

fn emit(model: &Enum<'_>) -> TokenStream {
    let ident = model.ident;
    let krate = &model.krate;
    let trait_impl = trait_impl(model);
    let str_impls = str_impls(ident, krate);
    let items = quote! {
        #trait_impl

        #[automatically_derived]
        impl ::core::hash::Hash for #ident {
            fn hash<__H: ::core::hash::Hasher>(&self, __state: &mut __H) {
                #krate::__private::hash_name::<Self, __H>(<Self as #krate::DynamicStrEnum>::as_str(self), __state);
            }
        }

        #str_impls

        #krate::__private::integrations!(#ident);
    };
    if model.names_deprecated() {
        // Every impl names the deprecated enum or variant; the lint is the user's to see at their uses,
        // not at the derive. The `const _` block scopes the allow to generated code.
        quote!(#[allow(deprecated)] const _: () = { #items };)
    } else {
        items
    }
}

/// `impl DynamicStrEnum`: the tables, the per-variant values and the dispatch.
fn trait_impl(model: &Enum<'_>) -> TokenStream {
    let ident = model.ident;
    let krate = &model.krate;
    let variants: Vec<_> = model.variants.iter().map(|v| v.ident).collect();
    let cfgs: Vec<TokenStream> = model
        .variants
        .iter()
        .map(|v| v.cfgs.iter().map(ToTokens::to_token_stream).collect())
        .collect();
    let names: Vec<String> = model
        .variants
        .iter()
        .map(|v| model.stored(&v.canonical))
        .collect();
    let keys: Vec<Key> = model
        .names()
        .map(|(at, name)| Key {
            bytes: validate::key(&name.value, model.ignore_separators),
            variant: u16::try_from(at).unwrap_or(u16::MAX),
        })
        .collect();
    // Default discriminants and no `#[cfg]`'d variant: a variant's discriminant is its position in
    // `VARIANTS` and `NAMES`, so a per-variant value is a table read rather than a `match` with an arm
    // per variant, whose compile time grows with the variants (and more in release, where LLVM
    // rebuilds the table from the `match`).
    let indexed = !model.variants.is_empty()
        && model.implicit_discriminants
        && model.variants.iter().all(|v| v.cfgs.is_empty());
    let (dispatch, lookup) = from_name(model, &keys, &cfgs, indexed);
    let meta = meta(model);
    let values_of =
        |values: Vec<TokenStream>, ty: TokenStream| per_variant(model, &cfgs, indexed, values, &ty);
    let as_str = if indexed {
        quote!(<Self as #krate::DynamicStrEnum>::NAMES[*self as ::core::primitive::usize])
    } else {
        values_of(
            names.iter().map(ToTokens::to_token_stream).collect(),
            quote!(&'static ::core::primitive::str),
        )
    };
    let index_of = index_of(model, &cfgs, indexed, &names);
    // Most enums have no aliases, or no descriptions: then one value serves every variant.
    let aliases_of = if model.variants.iter().all(|v| v.aliases.is_empty()) {
        quote!(&[])
    } else {
        let lists = model.variants.iter().map(|v| {
            let list = v.aliases.iter().map(|alias| model.stored(alias));
            quote!(&[#(#list),*])
        });
        values_of(
            lists.collect(),
            quote!(&'static [&'static ::core::primitive::str]),
        )
    };
    let description_of = if model.variants.iter().all(|v| v.description.is_none()) {
        quote!(::core::option::Option::None)
    } else {
        let descriptions = model.variants.iter().map(|v| {
            v.description.as_ref().map_or_else(
                || quote!(::core::option::Option::None),
                |text| quote!(::core::option::Option::Some(#text)),
            )
        });
        values_of(
            descriptions.collect(),
            quote!(::core::option::Option<&'static ::core::primitive::str>),
        )
    };

    quote! {
        #[automatically_derived]
        impl #krate::DynamicStrEnum for #ident {
            const VARIANTS: &'static [Self] = &[#( #cfgs #ident::#variants, )*];
            const NAMES: &'static [&'static ::core::primitive::str] = &[#( #cfgs #names, )*];
            const COUNT: ::core::primitive::usize = <Self as #krate::DynamicStrEnum>::VARIANTS.len();
            #[doc(hidden)]
            const __META: #krate::__private::Meta = #meta;

            fn as_str(&self) -> &'static ::core::primitive::str {
                #as_str
            }

            fn aliases(&self) -> &'static [&'static ::core::primitive::str] {
                #aliases_of
            }

            fn description(&self) -> ::core::option::Option<&'static ::core::primitive::str> {
                #description_of
            }

            #[doc(hidden)]
            #[inline]
            fn __index(&self) -> ::core::primitive::usize {
                #index_of
            }

            fn from_name(__name: &::core::primitive::str) -> ::core::option::Option<Self> {
                #dispatch
            }

            #lookup

            fn registry() -> &'static #krate::Registry<Self> {
                static __REGISTRY: #krate::Registry<#ident> = #krate::Registry::__new();
                &__REGISTRY
            }
        }
    }
}

/// The body of the hidden `__index`, a variant's position in `VARIANTS`. Plugin tables index their
/// built-in values with it: the discriminant when it is that position, else a `const` looked up by
/// canonical name (which stays right when `#[cfg]` removes earlier variants).
fn index_of(
    model: &Enum<'_>,
    cfgs: &[TokenStream],
    indexed: bool,
    names: &[String],
) -> TokenStream {
    let (ident, krate) = (model.ident, &model.krate);
    if indexed {
        return quote!(*self as ::core::primitive::usize);
    }
    let positions = names.iter().map(|name| {
        quote!({
            const __AT: ::core::primitive::usize = #krate::__private::variant_index(
                <#ident as #krate::DynamicStrEnum>::NAMES,
                #name,
            );
            __AT
        })
    });
    per_variant(
        model,
        cfgs,
        false,
        positions.collect(),
        &quote!(::core::primitive::usize),
    )
}

/// The body of a method returning one value per variant (of type `ty`, in declaration order): a
/// read of a `const` table when discriminants index it, else a `match` on `*self`.
fn per_variant(
    model: &Enum<'_>,
    cfgs: &[TokenStream],
    indexed: bool,
    values: Vec<TokenStream>,
    ty: &TokenStream,
) -> TokenStream {
    if indexed {
        return quote! {
            const __TABLE: &[#ty] = &[#(#values),*];
            __TABLE[*self as ::core::primitive::usize]
        };
    }
    if model.variants.is_empty() {
        return quote!(match *self {});
    }
    let ident = model.ident;
    let arms = model
        .variants
        .iter()
        .zip(cfgs)
        .zip(values)
        .map(|((variant, cfg), value)| {
            let variant = variant.ident;
            quote!(#cfg #ident::#variant => #value,)
        });
    quote!(match *self { #(#arms)* })
}

fn meta(model: &Enum<'_>) -> TokenStream {
    let krate = &model.krate;
    let name = model.ident.unraw().to_string();
    let fold = match model.rule.fold() {
        Fold::Lower => quote!(Lower),
        Fold::Upper => quote!(Upper),
        Fold::Keep => quote!(Keep),
    };
    let separators = if model.ignore_separators {
        let sep = Literal::u8_suffixed(model.rule.separator());
        quote!(::core::option::Option::Some(#sep))
    } else {
        quote!(::core::option::Option::None)
    };
    let policy = match model.policy {
        Policy::Open => quote!(Open),
        Policy::Registered => quote!(Registered),
    };
    let max_len = Literal::usize_unsuffixed(model.max_len);
    let noun = &model.noun;
    let all_names = model.variants.iter().flat_map(|v| {
        let cfgs = &v.cfgs;
        std::iter::once(&v.canonical)
            .chain(&v.aliases)
            .map(move |name| {
                let stored = model.stored(name);
                quote!(#(#cfgs)* #stored,)
            })
    });
    let serde_listing = serde_listing(model);
    quote! {
        #krate::__private::Meta {
            name: #name,
            noun: #noun,
            fold: #krate::__private::Fold::#fold,
            separators: #separators,
            policy: #krate::__private::Policy::#policy,
            max_len: #max_len,
            all_names: &[#(#all_names)*],
            serde_listing: #serde_listing,
        }
    }
}

/// `Meta::serde_listing`: the first names in backticks, as the core's serde message lists them
/// (`LISTED`, 32, of them; each shown as it is when it is at most `SHOWN_CHARS`, 64, bytes of
/// printable ASCII other than `` ` ``, `"` and `\`). Empty when some name would be escaped or cut,
/// or when a `#[cfg]` may remove a variant: the core then writes the listing name by name.
fn serde_listing(model: &Enum<'_>) -> String {
    if model.variants.iter().any(|v| !v.cfgs.is_empty()) {
        return String::new();
    }
    let names: Vec<String> = model
        .variants
        .iter()
        .take(32)
        .map(|v| model.stored(&v.canonical))
        .collect();
    let plain = |name: &String| {
        name.len() <= 64
            && name
                .bytes()
                .all(|b| (b' '..=b'~').contains(&b) && !matches!(b, b'`' | b'"' | b'\\'))
    };
    if !names.iter().all(plain) {
        return String::new();
    }
    names
        .iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `FromStr`, `TryFrom<&str>`, `Display`, `AsRef<str>`, `From<E>` and `From<&E>` for `&'static str`,
/// `Borrow<Caseless>`, and
/// `PartialEq` with strings (both directions) and with `Member<E>`.
/// The fallback emits them too: they only call `as_str`, so code comparing the enum with text compiles.
pub(crate) fn str_impls(ident: &syn::Ident, krate: &syn::Path) -> TokenStream {
    let as_str = quote!(<#ident as #krate::DynamicStrEnum>::as_str);
    let string = quote!(#krate::__private::String);
    let str_like = [
        (quote!(), quote!(::core::primitive::str), quote!(__other)),
        (
            quote!(<'__a>),
            quote!(&'__a ::core::primitive::str),
            quote!(*__other),
        ),
        (quote!(), quote!(#string), quote!(#string::as_str(__other))),
    ];
    let eq_impls = str_like.iter().map(|(generics, ty, text)| {
        quote! {
            #[automatically_derived]
            impl #generics ::core::cmp::PartialEq<#ty> for #ident {
                fn eq(&self, __other: &#ty) -> ::core::primitive::bool {
                    #krate::__private::eq_name::<#ident>(#as_str(self), #text)
                }
            }

            #[automatically_derived]
            impl #generics ::core::cmp::PartialEq<#ident> for #ty {
                fn eq(&self, __other: &#ident) -> ::core::primitive::bool {
                    <#ident as ::core::cmp::PartialEq<#ty>>::eq(__other, self)
                }
            }
        }
    });
    quote! {
        #[automatically_derived]
        impl ::core::str::FromStr for #ident {
            type Err = #krate::ParseError;

            fn from_str(__input: &::core::primitive::str) -> ::core::result::Result<Self, Self::Err> {
                match <Self as #krate::DynamicStrEnum>::from_name(__input) {
                    ::core::option::Option::Some(__found) => ::core::result::Result::Ok(__found),
                    ::core::option::Option::None => {
                        ::core::result::Result::Err(#krate::__private::parse_error::<Self>(__input))
                    }
                }
            }
        }

        #[automatically_derived]
        impl<'__a> ::core::convert::TryFrom<&'__a ::core::primitive::str> for #ident {
            type Error = #krate::ParseError;

            fn try_from(__input: &'__a ::core::primitive::str) -> ::core::result::Result<Self, Self::Error> {
                <Self as ::core::str::FromStr>::from_str(__input)
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Display for #ident {
            fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                <::core::primitive::str as ::core::fmt::Display>::fmt(#as_str(self), __f)
            }
        }

        #[automatically_derived]
        impl ::core::convert::AsRef<::core::primitive::str> for #ident {
            fn as_ref(&self) -> &::core::primitive::str {
                #as_str(self)
            }
        }

        #[automatically_derived]
        impl ::core::convert::From<#ident> for &'static ::core::primitive::str {
            fn from(__member: #ident) -> Self {
                #as_str(&__member)
            }
        }

        #[automatically_derived]
        impl<'__a> ::core::convert::From<&'__a #ident> for &'static ::core::primitive::str {
            fn from(__member: &'__a #ident) -> Self {
                #as_str(__member)
            }
        }

        #[automatically_derived]
        impl ::core::borrow::Borrow<#krate::Caseless> for #ident {
            fn borrow(&self) -> &#krate::Caseless {
                #krate::Caseless::new(#as_str(self))
            }
        }

        #(#eq_impls)*

        #[automatically_derived]
        impl ::core::cmp::PartialEq<#krate::Member<#ident>> for #ident {
            fn eq(&self, __other: &#krate::Member<#ident>) -> ::core::primitive::bool {
                <#krate::Member<#ident> as ::core::cmp::PartialEq<#ident>>::eq(__other, self)
            }
        }
    }
}

/// The body of `from_name` (a perfect-hash lookup, then the variant its index stands for), and the
/// hidden `__lookup` method when the enum's table gives one (else nothing: the trait's default).
fn from_name(
    model: &Enum<'_>,
    keys: &[Key],
    cfgs: &[TokenStream],
    indexed: bool,
) -> (TokenStream, TokenStream) {
    let ident = model.ident;
    let krate = &model.krate;
    if keys.is_empty() {
        let body = quote! {
            let _ = __name;
            ::core::option::Option::None
        };
        return (body, TokenStream::new());
    }
    // Names of at most 64 bytes (most enums) get the specialised table: one multiplication and one
    // compare of four (eight past 32 bytes) words. Anything else, or should its seed search fail, the
    // general one.
    let lookup = if let Some(fixed) = dispatch::FixedTable::build(keys, model.ignore_separators) {
        let (table, words) = fixed.emit(keys, krate);
        if fixed.words() == 4 {
            // A four-word table also gives `__lookup`, whose miss hands the registry the words and
            // key it read; `from_name` is that lookup without the miss.
            let variant = variant_of(
                model,
                cfgs,
                indexed,
                &quote!(::core::option::Option::Some(__at)),
            );
            let lookup = quote! {
                #[doc(hidden)]
                #[inline]
                fn __lookup(
                    __name: &::core::primitive::str,
                ) -> ::core::result::Result<Self, #krate::__private::phf::Miss> {
                    static __TABLE: #krate::__private::phf::Fixed<#words> = #table;
                    match #krate::__private::phf::lookup_fixed_or_miss(&__TABLE, ::core::primitive::str::as_bytes(__name)) {
                        ::core::result::Result::Ok(__at) => match #variant {
                            ::core::option::Option::Some(__variant) => ::core::result::Result::Ok(__variant),
                            ::core::option::Option::None => ::core::result::Result::Err(#krate::__private::phf::Miss::NONE),
                        },
                        ::core::result::Result::Err(__miss) => ::core::result::Result::Err(__miss),
                    }
                }
            };
            let from_name = quote! {
                match <Self as #krate::DynamicStrEnum>::__lookup(__name) {
                    ::core::result::Result::Ok(__variant) => ::core::option::Option::Some(__variant),
                    ::core::result::Result::Err(_) => ::core::option::Option::None,
                }
            };
            return (from_name, lookup);
        }
        quote! {
            static __TABLE: #krate::__private::phf::Fixed<#words> = #table;
            #krate::__private::phf::lookup_fixed(&__TABLE, ::core::primitive::str::as_bytes(__name))
        }
    } else {
        // Distinct names practically always get a perfect hash; should a seed search ever fail, the
        // user gets an error on the enum rather than a parser that can't work.
        let Some(table) = dispatch::Table::build(keys, model.ignore_separators) else {
            let error = quote::quote_spanned! {ident.span()=>
                ::core::compile_error!("no perfect hash found for these names; please report this enum to dynenum")
            };
            return (error, TokenStream::new());
        };
        let table = table.emit(keys, krate, model.ignore_separators);
        quote! {
            static __TABLE: #krate::__private::phf::Table = #table;
            #krate::__private::phf::lookup(&__TABLE, ::core::primitive::str::as_bytes(__name))
        }
    };
    (
        variant_of(model, cfgs, indexed, &lookup),
        TokenStream::new(),
    )
}

/// The variant an index expression (`Option<u16>`, a table's answer) stands for, as an
/// `Option<Self>`.
fn variant_of(
    model: &Enum<'_>,
    cfgs: &[TokenStream],
    indexed: bool,
    lookup: &TokenStream,
) -> TokenStream {
    let ident = model.ident;
    let krate = &model.krate;
    // A small `match` costs little to compile, and the optimizer turns it into arithmetic on the
    // index, where a read of `VARIANTS` adds a dependent load to the fastest lookups (the parse bench
    // could not tell the two apart at 4 variants through its noise; the match is the safe side).
    // Larger enums read `VARIANTS` at the index, a variant's position, so below `COUNT` (the table's
    // index mask lets the optimizer drop the bounds check when the count is a power of two).
    if indexed && model.variants.len() > 16 {
        return quote! {
            match { #lookup } {
                ::core::option::Option::Some(__at) => ::core::option::Option::Some(
                    <Self as #krate::DynamicStrEnum>::VARIANTS[<::core::primitive::usize as ::core::convert::From<::core::primitive::u16>>::from(__at)],
                ),
                ::core::option::Option::None => ::core::option::Option::None,
            }
        };
    }
    let arms = model.variants.iter().zip(cfgs).zip(0_u16..).map(|((variant, cfg), at)| {
        let variant = variant.ident;
        let at = Literal::u16_suffixed(at);
        quote!(#cfg ::core::option::Option::Some(#at) => ::core::option::Option::Some(#ident::#variant),)
    });
    quote! {
        match { #lookup } {
            #(#arms)*
            _ => ::core::option::Option::None,
        }
    }
}

#[cfg(test)]
mod tests {
    //! The derive under hostile input: every enum of a corpus of odd shapes gives code or errors,
    //! never a panic.

    use proc_macro2::TokenStream;
    use quote::{format_ident, quote};

    /// Runs the derive on `input` (which must parse as a `DeriveInput`), catching any panic.
    fn derive_tokens(input: TokenStream) -> TokenStream {
        let parsed: syn::DeriveInput =
            syn::parse2(input).expect("the corpus is syntactically valid");
        std::panic::catch_unwind(|| super::derive(&parsed)).expect("the derive must not panic")
    }

    fn is_error(tokens: &TokenStream) -> bool {
        tokens.to_string().contains("compile_error")
    }

    #[test]
    fn many_variants_with_shared_prefixes_expand() {
        let variants = (0..700_u32).map(|i| format_ident!("OpenaiChatCompletionsV{}", i));
        let tokens = derive_tokens(quote!(enum Big { #(#variants,)* }));
        assert!(!is_error(&tokens));
        assert!(tokens.to_string().contains("openai_chat_completions_v699"));
    }

    #[test]
    fn odd_identifiers_expand() {
        for input in [
            quote!(
                enum r#type {
                    r#match,
                    r#fn,
                    r#struct,
                }
            ),
            quote!(
                enum Ünïcödé {
                    Größe,
                    Straße,
                    Ωmega,
                    日本語,
                }
            ),
            quote!(
                enum E {
                    A,
                    B = 7,
                    C = 0x10,
                }
            ),
            quote!(
                #[repr(u8)]
                #[non_exhaustive]
                enum E {
                    #[doc = ""]
                    A,
                    #[doc = "\n\n\t"]
                    B,
                }
            ),
            quote!(
                enum E {}
            ),
            quote!(
                enum E {
                    #[cfg_attr(feature = "x", dynenum(rename = "y"))]
                    A,
                }
            ),
            quote!(
                enum E {
                    #[doc = "a \"quoted\" `code` \u{0} \\ line"]
                    A,
                }
            ),
            quote!(
                enum E {
                    #[doc = include_str!("README.md")]
                    A,
                }
            ),
        ] {
            let tokens = derive_tokens(input.clone());
            assert!(!is_error(&tokens), "{input} gave {tokens}");
        }
    }

    #[test]
    #[allow(clippy::too_many_lines)] // a table of inputs, one per line before rustfmt
    fn mistakes_become_errors() {
        for input in [
            quote!(
                enum E {
                    HTTPServer,
                    HttpServer,
                }
            ),
            quote!(
                enum E {
                    A(u8),
                    B { x: u8 },
                }
            ),
            quote!(
                enum E<T> {
                    A,
                }
            ),
            quote!(
                enum E<'a> {
                    A,
                }
            ),
            quote!(
                struct S;
            ),
            quote!(union U { a: u8 }),
            quote!(
                #[dynenum]
                enum E {
                    A,
                }
            ),
            quote!(
                #[dynenum = "x"]
                enum E {
                    A,
                }
            ),
            quote!(
                #[dynenum()]
                #[dynenum(,)]
                enum E {
                    A,
                }
            ),
            quote!(
                #[dynenum(rename_all)]
                enum E {
                    A,
                }
            ),
            quote!(
                #[dynenum(rename_all = )]
                enum E {
                    A,
                }
            ),
            quote!(
                #[dynenum(rename_all = 1)]
                enum E {
                    A,
                }
            ),
            quote!(
                #[dynenum(rename_all = "x", rename_all = "y")]
                enum E {
                    A,
                }
            ),
            quote!(
                #[dynenum(max_len = 1)]
                enum E {
                    A,
                    Bb,
                }
            ),
            quote!(
                #[dynenum(max_len = 1.5)]
                enum E {
                    A,
                }
            ),
            quote!(
                #[dynenum(max_len = "3")]
                enum E {
                    A,
                }
            ),
            quote!(
                #[dynenum(crate = "not a path")]
                enum E {
                    A,
                }
            ),
            quote!(
                #[dynenum(dynamic = "Open")]
                enum E {
                    A,
                }
            ),
            quote!(
                #[dynenum(ignore_separators(true))]
                enum E {
                    A,
                }
            ),
            quote!(
                #[dynenum(a::b::c = "d", e(f, g = "h"))]
                enum E {
                    A,
                }
            ),
            quote!(
                enum E {
                    #[dynenum(rename = "\u{0}")]
                    A,
                }
            ),
            quote!(
                enum E {
                    #[dynenum(alias = "a", alias = "A")]
                    A,
                }
            ),
            quote!(
                enum E {
                    #[dynenum(rename = b"bytes")]
                    A,
                }
            ),
            quote!(
                enum E {
                    #[dynenum(rename = 'c')]
                    A,
                }
            ),
            quote!(
                enum E {
                    #[dynenum(description)]
                    A,
                }
            ),
            quote!(
                enum E {
                    #[dynenum(rename_all = "snake_case")]
                    A,
                }
            ),
            quote!(
                #[dynenum(ignore_separators)]
                enum E {
                    #[dynenum(rename = "a-b")]
                    A,
                    #[dynenum(alias = "A B")]
                    B,
                }
            ),
        ] {
            let tokens = derive_tokens(input.clone());
            assert!(
                is_error(&tokens),
                "{input} should be refused, gave {tokens}"
            );
        }
    }
}
