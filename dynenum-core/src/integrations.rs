//! The impls that a derived enum gets from dynenum-core's optional features. The derive always emits
//! `__private::integrations!(Enum)`; what that expands to is decided here, by the features this crate
//! was built with, so users add no attribute and no dependency line.

/// Expands to every enabled integration's impls for a derived enum.
#[doc(hidden)]
#[macro_export]
macro_rules! __integrations {
    ($ty:ident) => {
        $crate::__serde_impls_if_enabled!($ty);
        $crate::__clap_impls_if_enabled!($ty);
        $crate::__schemars_impls_if_enabled!($ty);
    };
}

#[cfg(feature = "serde")]
#[doc(hidden)]
#[macro_export]
macro_rules! __serde_impls_if_enabled {
    ($ty:ident) => {
        $crate::__serde_impls!($ty);
    };
}

#[cfg(not(feature = "serde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __serde_impls_if_enabled {
    ($ty:ident) => {};
}

#[cfg(feature = "clap")]
#[doc(hidden)]
#[macro_export]
macro_rules! __clap_impls_if_enabled {
    ($ty:ident) => {
        $crate::__clap_impls!($ty);
    };
}

#[cfg(not(feature = "clap"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __clap_impls_if_enabled {
    ($ty:ident) => {};
}

#[cfg(feature = "schemars")]
#[doc(hidden)]
#[macro_export]
macro_rules! __schemars_impls_if_enabled {
    ($ty:ident) => {
        $crate::__schemars_impls!($ty);
    };
}

#[cfg(not(feature = "schemars"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __schemars_impls_if_enabled {
    ($ty:ident) => {};
}
