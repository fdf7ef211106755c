//! The link-time side of plugin tables: what `plugin!` submits (collected by `inventory`), and the
//! hidden helpers its expansion, the derive and property tests call.

#[cfg(feature = "register")]
use core::any::Any;
#[cfg(feature = "register")]
use core::fmt;
use std::sync::PoisonError;

use crate::plugins::Plugins;
use crate::plugins_table::{Candidate, Resolved, Source};
use crate::traits::DynamicStrEnum;

/// One `plugin!` call, collected at link time: the table's address (compared, never read through),
/// the name and the call's details, and a function building the value. Not public API.
#[cfg(feature = "register")]
#[doc(hidden)]
pub struct Submission {
    pub(crate) table: Option<&'static (dyn Any + Send + Sync)>,
    pub(crate) name: &'static str,
    pub(crate) description: Option<&'static str>,
    pub(crate) priority: i32,
    pub(crate) origin: &'static str,
    pub(crate) file: &'static str,
    pub(crate) line: u32,
    pub(crate) column: u32,
    pub(crate) make: fn() -> Box<dyn Any + Send + Sync>,
}

#[cfg(feature = "register")]
impl fmt::Debug for Submission {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Submission")
            .field("name", &self.name)
            .field("origin", &self.origin)
            .finish_non_exhaustive()
    }
}

#[cfg(feature = "register")]
impl Submission {
    /// What `plugin!` submits for `table`. The name's rules are checked by the macro; its length
    /// against the enum's `max_len` is checked here, at compile time.
    ///
    /// # Panics
    ///
    /// At compile time (the call is a `static`'s initializer), when the name is too long.
    #[must_use]
    #[allow(clippy::too_many_arguments)]
    pub const fn new<E: DynamicStrEnum, V: Send + Sync + 'static>(
        table: &'static Plugins<E, V>,
        name: &'static str,
        description: Option<&'static str>,
        priority: i32,
        location: (&'static str, &'static str, u32, u32),
        make: fn() -> Box<dyn Any + Send + Sync>,
    ) -> Submission {
        assert!(
            name.len() <= E::__META.max_len,
            "plugin!: the name is longer than the `max_len` of the table's enum"
        );
        Submission {
            table: Some(table),
            name,
            description,
            priority,
            origin: location.0,
            file: location.1,
            line: location.2,
            column: location.3,
            make,
        }
    }
}

#[cfg(feature = "register")]
inventory::collect!(Submission);

/// Boxes a `plugin!` value once it is known to be the table's `V`: where rustc checks its type.
#[cfg(feature = "register")]
#[doc(hidden)]
pub fn erase<E: DynamicStrEnum, V: Send + Sync + 'static>(
    _table: &'static Plugins<E, V>,
    value: V,
) -> Box<dyn Any + Send + Sync> {
    Box::new(value)
}

/// The link-time registration of a `plugin!` name, so the enum's registry (parsing under
/// `dynamic = "registered"`, `Member::all`, clap, schemars) knows it before the table is used.
/// Built-in names are skipped when the registry gathers its names. `module` is the call's
/// `module_path!()`, the registered name's origin.
#[cfg(feature = "register")]
#[doc(hidden)]
#[must_use]
pub const fn link_name<E: DynamicStrEnum, V>(
    _table: &'static Plugins<E, V>,
    name: &'static str,
    description: Option<&'static str>,
    module: &'static str,
) -> crate::link::LinkName {
    crate::link::LinkName::new::<E>(name, description, module)
}

/// The position of `name` in `names` (canonical names, unique ignoring ASCII case), for the
/// derive's `__index` when discriminants are not positions. Evaluated in `const`.
#[doc(hidden)]
#[must_use]
pub const fn variant_index(names: &[&str], name: &str) -> usize {
    let mut i = 0;
    while i < names.len() {
        if names[i].len() == name.len() {
            let (a, b) = (names[i].as_bytes(), name.as_bytes());
            let mut at = 0;
            while at < a.len() && a[at].eq_ignore_ascii_case(&b[at]) {
                at += 1;
            }
            if at == a.len() {
                return i;
            }
        }
        i += 1;
    }
    usize::MAX
}

/// Feeds submissions to a table directly, without `plugin!`: for property tests of the rules. Each
/// entry is a name, a priority, an origin and a line; values come from `make`. Not public API.
#[doc(hidden)]
pub fn feed<E: DynamicStrEnum, V: Send + Sync + 'static>(
    table: &Plugins<E, V>,
    submissions: &[(&'static str, i32, &'static str, u32)],
    make: impl Fn(usize) -> V,
) {
    let _writer = table.writer.lock().unwrap_or_else(PoisonError::into_inner);
    let builtins = E::VARIANTS
        .iter()
        .map(|&variant| Candidate {
            value: Box::leak(Box::new((table.builtin)(variant))),
            priority: 0,
            source: Source::Builtin,
            description: None,
        })
        .collect();
    let submitted = submissions
        .iter()
        .enumerate()
        .map(|(i, &(name, priority, origin, line))| {
            (
                name,
                Candidate {
                    value: &*Box::leak(Box::new(make(i))),
                    priority,
                    source: Source::Link {
                        origin,
                        file: "feed.rs",
                        line,
                        column: 1,
                    },
                    description: None,
                },
            )
        })
        .collect();
    table.publish(Resolved::new(builtins, submitted));
}
