//! What a plugin table hands out: [`PluginRef`] (one value and what is known about it),
//! [`Conflict`], and the object-safe [`Category`] trait with [`EntryInfo`] for listings.

use core::fmt;

use crate::member::Member;
use crate::plugins::Plugins;
use crate::plugins_table::{Candidate, Named, Source};
use crate::traits::DynamicStrEnum;

/// One value of a [`Plugins`] table with what is known about it: the name, who provided it, at what
/// priority, and the values it shadows. From [`Plugins::entry`] and [`Plugins::iter`].
///
/// ```
/// # #[cfg(feature = "derive")] {
/// # use dynenum_core::{DynamicStrEnum, Plugins};
/// # #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
/// # enum Ui { Web }
/// static PORTS: Plugins<Ui, u16> = Plugins::new("UI", |_| 80);
/// PORTS.register_with_priority("web", 8080, 5)?;
/// let web = PORTS.entry("WEB")?;
/// assert_eq!(web.member(), Ui::Web);
/// assert_eq!((*web.value(), web.priority(), web.origin(), web.is_builtin()), (8080, 5, "run time", false));
/// let builtin = web.shadowed().next().unwrap();
/// assert_eq!((*builtin.value(), builtin.origin(), builtin.is_builtin()), (80, "built-in", true));
/// # }
/// # Ok::<(), dynenum_core::PluginError>(())
/// ```
pub struct PluginRef<'a, E: DynamicStrEnum, V: 'static> {
    pub(crate) named: &'a Named<E, V>,
    pub(crate) rank: usize,
}

impl<E: DynamicStrEnum, V: 'static> Clone for PluginRef<'_, E, V> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E: DynamicStrEnum, V: 'static> Copy for PluginRef<'_, E, V> {}

impl<'a, E: DynamicStrEnum, V: 'static> PluginRef<'a, E, V> {
    fn candidate(&self) -> &'a Candidate<V> {
        &self.named.candidates[self.rank]
    }

    /// The name this entry is for. Never allocates.
    pub fn member(&self) -> Member<E> {
        self.named.member.clone()
    }

    /// The name as stored (`'static`: from the enum or the registry).
    pub(crate) fn name(&self) -> &'static str {
        self.named.name()
    }

    /// The value.
    pub fn value(&self) -> &'a V {
        self.candidate().value
    }

    /// The `plugin!` call's description, else the one registered with the name or the built-in
    /// member's.
    pub fn description(&self) -> Option<&'a str> {
        self.candidate()
            .description
            .or_else(|| self.named.member.description())
    }

    /// Who provided the value: `"built-in"`, the `module_path!()` of the `plugin!` call (its first
    /// segment is the crate), or `"run time"`.
    pub fn origin(&self) -> &'static str {
        self.candidate().source.origin()
    }

    /// The priority the value was given (0 for built-in values and by default).
    pub fn priority(&self) -> i32 {
        self.candidate().priority
    }

    /// Whether the value is the table's built-in one.
    pub fn is_builtin(&self) -> bool {
        matches!(self.candidate().source, Source::Builtin)
    }

    /// The entries that lost this name to this one, highest priority first (empty for an entry that
    /// is itself shadowed).
    pub fn shadowed(&self) -> impl ExactSizeIterator<Item = PluginRef<'a, E, V>> {
        let named = self.named;
        let from = if self.rank == 0 {
            1
        } else {
            named.candidates.len()
        };
        (from..named.candidates.len()).map(move |rank| PluginRef { named, rank })
    }
}

impl<E: DynamicStrEnum, V: 'static> fmt::Debug for PluginRef<'_, E, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PluginRef")
            .field("member", &self.named.member.as_str())
            .field("origin", &self.origin())
            .field("priority", &self.priority())
            .field("shadowed", &self.shadowed().len())
            .finish_non_exhaustive()
    }
}

/// A name that two `plugin!` calls claim at its top priority: which origin won by the tie-break rules
/// (origin, then file and line), and which lost. From [`Plugins::conflicts`].
///
/// ```
/// # #[cfg(feature = "derive")] {
/// # use dynenum_core::{DynamicStrEnum, Plugins};
/// # #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
/// # enum Ui { Web }
/// static PORTS: Plugins<Ui, u16> = Plugins::new("UI", |_| 80);
/// dynenum_core::plugin!(PORTS, "web" => 8080, priority = 1);
/// dynenum_core::plugin!(PORTS, "web" => 8081, priority = 1);
/// let conflict = &PORTS.conflicts()[0];
/// assert_eq!(conflict.member(), &Ui::Web);
/// assert_eq!(conflict.winner(), conflict.loser()); // both from this module
/// assert!(format!("{conflict:?}").contains("\"web\""));
/// # }
/// ```
#[derive(Clone)]
pub struct Conflict<E: DynamicStrEnum> {
    pub(crate) member: Member<E>,
    pub(crate) winner: Source,
    pub(crate) loser: Source,
}

impl<E: DynamicStrEnum> Conflict<E> {
    /// The name both calls claim.
    pub fn member(&self) -> &Member<E> {
        &self.member
    }

    /// The origin (`module_path!()`) of the call that won.
    pub fn winner(&self) -> &'static str {
        self.winner.origin()
    }

    /// The origin of the call that lost.
    pub fn loser(&self) -> &'static str {
        self.loser.origin()
    }
}

impl<E: DynamicStrEnum> fmt::Debug for Conflict<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Conflict")
            .field("name", &self.member.as_str())
            .field("winner", &self.winner)
            .field("loser", &self.loser)
            .finish()
    }
}

/// A plugin table seen without its value type, to list tables of different types together
/// (`&[&dyn Category]`, Python's `PLUGIN_TYPES`). Every [`Plugins`] implements it.
///
/// ```
/// # #[cfg(feature = "derive")] {
/// use dynenum_core::{Category, DynamicStrEnum, Plugins};
///
/// #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
/// enum Ui {
///     Web,
/// }
/// #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
/// enum Service {
///     Cache,
/// }
///
/// static UIS: Plugins<Ui, u16> = Plugins::new("UI", |_| 80);
/// static SERVICES: Plugins<Service, &str> = Plugins::new("service", |_| "redis");
/// let categories: &[&dyn Category] = &[&UIS, &SERVICES];
/// for category in categories {
///     for entry in category.entries() {
///         println!("{} {} ({})", category.category(), entry.name, entry.origin);
///     }
/// }
/// assert_eq!(categories[1].entries()[0].name, "cache");
/// # }
/// ```
pub trait Category: Send + Sync {
    /// The table's category.
    fn category(&self) -> &'static str;
    /// One line per name that has a value, in [`Plugins::iter`] order.
    fn entries(&self) -> Vec<EntryInfo>;
}

/// One line of a [`Category`] listing: the winning entry of a name.
///
/// ```
/// use dynenum_core::EntryInfo;
///
/// let info = EntryInfo {
///     name: "web",
///     description: Some("A browser UI."),
///     origin: "built-in",
///     priority: 0,
///     builtin: true,
///     shadowed: 0,
///     shadowed_origins: Vec::new(),
/// };
/// assert!(info.builtin);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryInfo {
    /// The name, as stored.
    pub name: &'static str,
    /// As [`PluginRef::description`].
    pub description: Option<&'static str>,
    /// As [`PluginRef::origin`].
    pub origin: &'static str,
    /// As [`PluginRef::priority`].
    pub priority: i32,
    /// Whether the winning value is the built-in one.
    pub builtin: bool,
    /// How many entries lost this name.
    pub shadowed: usize,
    /// Their origins, highest priority first.
    pub shadowed_origins: Vec<&'static str>,
}

impl<E: DynamicStrEnum, V: Send + Sync + 'static> Category for Plugins<E, V> {
    fn category(&self) -> &'static str {
        Plugins::category(self)
    }

    fn entries(&self) -> Vec<EntryInfo> {
        self.resolved()
            .names
            .iter()
            .map(|named| {
                let entry = PluginRef { named, rank: 0 };
                EntryInfo {
                    name: entry.name(),
                    description: entry.description(),
                    origin: entry.origin(),
                    priority: entry.priority(),
                    builtin: entry.is_builtin(),
                    shadowed: named.candidates.len() - 1,
                    shadowed_origins: entry.shadowed().map(|e| e.origin()).collect(),
                }
            })
            .collect()
    }
}
