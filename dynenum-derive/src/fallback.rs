//! What a failed derive emits: the errors, and for an enum, stub impls so that code using the enum
//! (`E::from_name`, `"x".parse::<E>()`, a `HashMap<E, _>`) does not add a second wave of errors.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{Data, DeriveInput};

use crate::ast::Enum;

pub(crate) fn emit(
    input: &DeriveInput,
    model: Option<&Enum<'_>>,
    errors: &syn::Error,
) -> TokenStream {
    let errors = errors.to_compile_error();
    // Stubs for a struct, a union or a generic enum would only fail again on their own.
    if !matches!(input.data, Data::Enum(_))
        || !input.generics.params.is_empty()
        || input.generics.where_clause.is_some()
    {
        return errors;
    }
    let ident = &input.ident;
    let default_krate: syn::Path = syn::parse_quote!(::dynenum_core);
    let krate = model.map_or(&default_krate, |model| &model.krate);
    let str_impls = crate::expand::str_impls(ident, krate);
    let unreachable = quote!(::core::unreachable!("the derive of DynamicStrEnum failed"));
    quote! {
        #errors

        #[automatically_derived]
        impl #krate::DynamicStrEnum for #ident {
            const VARIANTS: &'static [Self] = &[];
            const NAMES: &'static [&'static ::core::primitive::str] = &[];
            const COUNT: ::core::primitive::usize = 0;
            #[doc(hidden)]
            const __META: #krate::__private::Meta = #krate::__private::Meta {
                name: "",
                noun: "",
                fold: #krate::__private::Fold::Keep,
                separators: ::core::option::Option::None,
                policy: #krate::__private::Policy::Open,
                max_len: 0,
                all_names: &[],
                serde_listing: "",
            };
            fn as_str(&self) -> &'static ::core::primitive::str { #unreachable }
            fn aliases(&self) -> &'static [&'static ::core::primitive::str] { #unreachable }
            fn description(&self) -> ::core::option::Option<&'static ::core::primitive::str> { #unreachable }
            fn from_name(_: &::core::primitive::str) -> ::core::option::Option<Self> { #unreachable }
            fn registry() -> &'static #krate::Registry<Self> { #unreachable }
        }

        #[automatically_derived]
        impl ::core::hash::Hash for #ident {
            fn hash<__H: ::core::hash::Hasher>(&self, _: &mut __H) { #unreachable }
        }

        #str_impls
    }
}
