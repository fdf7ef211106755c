//! Link-time registration: `register!` in any crate linked into the program adds names to an enum's
//! registry before its first use, with no call from `main` (the Rust counterpart of Python's entry
//! points). Built on `inventory`, which collects the submitted entries when the program starts.

use core::any::TypeId;

use crate::name;
use crate::traits::DynamicStrEnum;

/// One name submitted by `register!`. Not public API.
#[doc(hidden)]
#[derive(Debug)]
pub struct LinkName {
    enum_id: fn() -> TypeId,
    name: &'static str,
    description: Option<&'static str>,
    /// The `module_path!()` of the `register!` call.
    module: &'static str,
}

impl LinkName {
    #[must_use]
    pub const fn new<E: DynamicStrEnum>(
        name: &'static str,
        description: Option<&'static str>,
        module: &'static str,
    ) -> LinkName {
        LinkName {
            enum_id: TypeId::of::<E>,
            name,
            description,
            module,
        }
    }
}

inventory::collect!(LinkName);

/// Whether any `register!` names `E`: walks the submitted entries without allocating.
pub(crate) fn has_names<E: DynamicStrEnum>() -> bool {
    let id = TypeId::of::<E>();
    inventory::iter::<LinkName>
        .into_iter()
        .any(|entry| (entry.enum_id)() == id)
}

/// A link-time name, its description and the module of its `register!`.
pub(crate) type LinkTimeName = (&'static str, Option<&'static str>, &'static &'static str);

/// The link-time names of `E` with their descriptions and the module of their `register!`, sorted by
/// folded name (then description, then module), so the registry's order and the description and
/// origin that win don't depend on link order.
///
/// The module comes as a reference into the submission itself (eight bytes where the registry keeps
/// it, against sixteen for the `&str`).
pub(crate) fn names<E: DynamicStrEnum>() -> Vec<LinkTimeName> {
    let id = TypeId::of::<E>();
    let mut names: Vec<LinkTimeName> = inventory::iter::<LinkName>
        .into_iter()
        .filter(|entry| (entry.enum_id)() == id)
        // A `plugin!` for a built-in name gives the built-in a competing value: not a registry name.
        .filter(|entry| E::from_name(entry.name).is_none())
        .map(|entry| (entry.name, entry.description, &entry.module))
        .collect();
    let separators = E::__META.separators;
    names.sort_by(|a, b| {
        name::cmp(a.0, b.0, separators)
            .then_with(|| a.0.cmp(b.0))
            .then_with(|| b.1.is_some().cmp(&a.1.is_some()))
            .then_with(|| a.1.cmp(&b.1))
            .then_with(|| a.2.cmp(b.2))
    });
    names
}

/// What is wrong with a `register!` name, as a code the macro turns into a compile error: `0` when
/// nothing is. Evaluated in `const`, with the rules parsing applies at run time.
#[doc(hidden)]
#[must_use]
pub const fn problem<E: DynamicStrEnum>(candidate: &str) -> u8 {
    let meta = &E::__META;
    let mut i = 0;
    while i < meta.all_names.len() {
        if name::eq_const(candidate, meta.all_names[i], meta.separators) {
            return 1;
        }
        i += 1;
    }
    match name::check(candidate, meta.max_len) {
        Ok(()) => 0,
        Err(crate::NameError::Empty) => 2,
        Err(crate::NameError::TooLong { .. }) => 3,
        Err(_) => 4,
    }
}

/// Registers plugin names for an enum at link time, from any crate linked into the program.
///
/// ```
/// use dynenum_core::DynamicStrEnum;
///
/// #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
/// pub enum EndpointType {
///     OpenaiChat,
/// }
///
/// // Usually in a plugin crate:
/// dynenum_core::register!(EndpointType, "nvidia_optimized", "custom_endpoint" => "a description");
///
/// assert!(EndpointType::registry().contains("NVIDIA_OPTIMIZED"));
/// let custom = EndpointType::registry().get("custom_endpoint").unwrap();
/// assert_eq!(custom.description(), Some("a description"));
/// ```
///
/// Each name may carry a description (`"name" => "description"`). Link-time names come first in
/// [`Registry::names`](crate::Registry::names), sorted; when two crates describe one name differently,
/// one description is kept, the same on every run. Each registered member remembers the module of
/// the `register!` that added it ([`DynamicMember::origin`](crate::DynamicMember::origin)), so a
/// listing can say which crate provides a name.
///
/// A name that is a built-in name or alias of the enum, or that breaks the name rules (empty, longer
/// than `max_len`, control characters, whitespace at an end), is a compile error.
///
/// A crate that the program never names is not linked, and its names are not registered: the program
/// should name each plugin crate, for example with `use the_plugin as _;`.
#[cfg_attr(docsrs, doc(cfg(feature = "register")))]
#[macro_export]
macro_rules! register {
    ($enum:ty, $($name:literal $(=> $description:literal)?),+ $(,)?) => {
        const _: () = {
            $( $crate::__register_one!($enum, $name $(, $description)?); )+
        };
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __register_one {
    ($enum:ty, $name:literal) => {
        $crate::__register_one!(@submit $enum, $name, $crate::__private::None);
    };
    ($enum:ty, $name:literal, $description:literal) => {
        $crate::__register_one!(@submit $enum, $name, $crate::__private::Some($description));
    };
    (@submit $enum:ty, $name:literal, $description:expr) => {
        const _: () = {
            let problem = $crate::__private::link_name_problem::<$enum>($name);
            ::core::assert!(
                problem != 1,
                ::core::concat!("register!: ", ::core::stringify!($name), " is a built-in name or alias of ", ::core::stringify!($enum))
            );
            ::core::assert!(problem != 2, "register!: a plugin name cannot be empty");
            ::core::assert!(
                problem != 3,
                ::core::concat!("register!: ", ::core::stringify!($name), " is longer than the `max_len` of ", ::core::stringify!($enum))
            );
            ::core::assert!(
                problem != 4,
                ::core::concat!("register!: ", ::core::stringify!($name), " has a control character, or whitespace at an end")
            );
        };
        $crate::__private::inventory::submit! {
            $crate::__private::LinkName::new::<$enum>($name, $description, ::core::module_path!())
        }
    };
}

/// Gives a value to a name in a plugin table ([`Plugins`](crate::Plugins)) at link time, from any
/// crate linked into the program: `plugin!(TABLE, "name" => value, description = "…", priority = N)`.
///
/// ```
/// use dynenum_core::{DynamicStrEnum, Plugins};
///
/// #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
/// pub enum EndpointType {
///     OpenaiChat,
/// }
///
/// pub struct Endpoint {
///     pub path: &'static str,
/// }
///
/// pub static ENDPOINTS: Plugins<EndpointType, Endpoint> = Plugins::new("endpoint", |e| match e {
///     EndpointType::OpenaiChat => Endpoint { path: "/v1/chat/completions" },
/// });
///
/// // Usually in a plugin crate:
/// dynenum_core::plugin!(ENDPOINTS, "nvidia_optimized" => Endpoint { path: "/v1/nim" },
///     description = "NVIDIA-optimized inference microservice");
/// dynenum_core::plugin!(ENDPOINTS, "OpenAI_Chat" => Endpoint { path: "/fast/chat" }, priority = 10);
///
/// assert_eq!(ENDPOINTS.get("NVIDIA_OPTIMIZED")?.path, "/v1/nim");
/// assert_eq!(ENDPOINTS.get(EndpointType::OpenaiChat)?.path, "/fast/chat"); // priority 10 beats 0
/// // The name is registered too: one declaration, no drift.
/// let nv = EndpointType::registry().get("nvidia_optimized").unwrap();
/// assert_eq!(nv.description(), Some("NVIDIA-optimized inference microservice"));
/// # Ok::<(), dynenum_core::PluginError>(())
/// ```
///
/// - The name matches like the enum's names (ASCII case, aliases, separators under
///   `ignore_separators`): a built-in name or alias gives that built-in member a competing value.
///   Another name is also registered in the enum's registry, with the description.
/// - The value is any expression of the table's value type, checked at the call; it is evaluated
///   once, on the table's first use (after `main` starts), not at compile time.
/// - `description` (a string literal) and `priority` (an `i32`, 0 by default) are optional.
/// - An invalid name (empty, a control character, whitespace at an end, longer than the enum's
///   `max_len`), an unknown key or a key given twice is a compile error at the offending token.
/// - A value with a comma outside brackets (a closure `|a, b| ...`, `Foo::<A, B>::new()`) needs
///   parentheses.
///
/// A crate that the program never names is not linked, and its plugins are not seen: the program
/// should name each plugin crate, for example with `use the_plugin as _;`.
#[cfg_attr(docsrs, doc(cfg(feature = "register")))]
#[macro_export]
macro_rules! plugin {
    ($($input:tt)*) => {
        $crate::__private::plugin_macro! { $crate; $($input)* }
    };
}
