//! The `#[derive(DynamicStrEnum)]` macro. Use it through `dynenum-core`, which re-exports it beside the
//! trait of the same name and documents the attributes.
//!
//! The macro reads the enum into a typed model (`ast`), checks the model as a whole (`validate`),
//! reporting every problem at once (`diag`), and only then emits code (`expand`, with `dispatch` building
//! the allocation-free parser). When anything is wrong it emits the errors and stub impls (`fallback`).

mod ast;
mod attr;
mod case;
mod diag;
mod dispatch;
mod expand;
mod fallback;
mod plugin;
mod validate;

use proc_macro::TokenStream;

/// Derives `dynenum_core::DynamicStrEnum` and the string behaviour of a dynamic string enum.
///
/// Use it through `dynenum-core`, which re-exports it and documents the attributes (`rename_all`,
/// `dynamic`, `ignore_separators`, `max_len`, `crate` on the enum; `rename`, `alias`, `description`
/// on variants) with examples.
#[proc_macro_derive(DynamicStrEnum, attributes(dynenum))]
pub fn derive_dynamic_str_enum(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    expand::derive(&input).into()
}

/// The checking front end of `dynenum_core::plugin!`, which forwards its input here with its own
/// path first (`$crate; TABLE, "name" => value, ...`). Use `dynenum_core::plugin!`.
#[doc(hidden)]
#[proc_macro]
pub fn __plugin(input: TokenStream) -> TokenStream {
    plugin::expand(input.into()).into()
}
