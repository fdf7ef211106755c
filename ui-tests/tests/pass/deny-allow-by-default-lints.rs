//! Allow-by-default rustc lints, denied: none of them fires in the derive's expansion (clippy's are
//! checked by `tests/lints.rs`, as trybuild runs no clippy).
#![deny(
    warnings,
    rust_2018_idioms,
    unused_qualifications,
    unreachable_pub,
    trivial_casts,
    trivial_numeric_casts,
    unused_import_braces,
    unused_lifetimes,
    single_use_lifetimes,
    elided_lifetimes_in_paths,
    missing_docs,
    missing_debug_implementations,
    unused_results,
    unsafe_code,
    let_underscore_drop,
    non_ascii_idents,
    explicit_outlives_requirements,
    unit_bindings,
    unused_extern_crates,
    redundant_lifetimes,
    unused_macro_rules,
    keyword_idents,
    missing_unsafe_on_extern,
    unnameable_types,
    variant_size_differences
)]
// Lints newer than the toolchain in use are skipped, not an error.
#![allow(unknown_lints)]

use dynenum_core::DynamicStrEnum;

/// An enum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(ignore_separators)]
pub enum EndpointType {
    /// A.
    OpenaiChat,
    /// B.
    #[dynenum(alias = "claude")]
    AnthropicChat,
    /// C.
    #[deprecated]
    Old,
}

/// An empty enum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
pub enum Empty {}

fn main() {
    assert_eq!(EndpointType::COUNT, 3);
    assert_eq!(Empty::COUNT, 0);
}
