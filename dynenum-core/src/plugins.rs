//! Plugin tables: [`Plugins<E, V>`] gives every name of an enum a value of the application's own type
//! (a factory, metadata), with priorities, origins and listings: Python's plugin manager, kept on the
//! enum so names and values cannot drift apart.
//!
//! This module builds on the registry, `Member` and the link-time machinery; nothing else in the crate
//! depends on it. The resolution rules live in `plugins_table.rs`, errors in `plugins_error.rs`.

#[cfg(feature = "register")]
use core::any::Any;
use core::fmt;
use core::marker::PhantomData;
use core::ptr;
use core::sync::atomic::{AtomicPtr, Ordering};
use std::sync::{Mutex, OnceLock, PoisonError};
use std::thread::ThreadId;

use crate::member::{DynamicMember, Member};
use crate::name;
use crate::plugins_error::PluginError;
#[cfg(feature = "register")]
use crate::plugins_link::Submission;
use crate::plugins_ref::{Conflict, PluginRef};
use crate::plugins_table::{Candidate, Resolved, Source};
use crate::traits::DynamicStrEnum;

/// A value of type `V` for every name of `E`: one per built-in member, and one per name that a plugin
/// provides, with [`plugin!`](crate::plugin!) at link time or [`register`](Self::register) at run
/// time. The application's plugin manager: what a name stands for, who provided it, and who wins.
///
/// Declare a table as a `static`; its built-in `match` must cover every variant, so adding a variant
/// without a value is rustc's own "non-exhaustive patterns" error.
///
/// ```
/// # #[cfg(feature = "derive")] {
/// use dynenum_core::{DynamicStrEnum, Member, Plugins};
///
/// #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
/// enum Ui {
///     Terminal,
///     Web,
/// }
///
/// /// What a UI name stands for: here a port, in real programs a factory and its metadata.
/// #[derive(Debug)]
/// struct UiPlugin {
///     port: u16,
/// }
///
/// static UIS: Plugins<Ui, UiPlugin> = Plugins::new("UI", |ui| match ui {
///     Ui::Terminal => UiPlugin { port: 0 },
///     Ui::Web => UiPlugin { port: 8080 },
/// });
///
/// assert_eq!(UIS.get(Ui::Web)?.port, 8080);
/// assert_eq!(UIS.get("TERMINAL")?.port, 0);
///
/// // A plugin adds a name (at link time it would write `dynenum_core::plugin!`).
/// UIS.register("voice", UiPlugin { port: 9000 })?;
/// let chosen: Member<Ui> = "Voice".parse()?;
/// assert_eq!(UIS.get(&chosen)?.port, 9000);
/// assert_eq!(UIS.len(), 3);
///
/// let err = UIS.get("webb").unwrap_err();
/// assert_eq!(err.to_string(), r#"unknown UI "webb"; expected one of: terminal, web, voice (did you mean "web"?)"#);
/// # }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Who wins a name
///
/// The highest priority. At equal priority, a run-time registration beats everything (a later one
/// beats an earlier one), then a `plugin!` beats the built-in value; between `plugin!` calls the one
/// whose origin (`module_path!()`) sorts first wins, then the earlier file and line, whatever the link
/// order, and [`conflicts`](Self::conflicts) reports the pair. The losers stay visible through
/// [`PluginRef::shadowed`]. None of this panics.
///
/// # When values are built
///
/// Once, on the table's first use (every built-in value and every `plugin!` value then, not before
/// `main`), even when threads race on that first use. Reads afterwards take no lock and allocate
/// nothing. Use a table from `main` on: a use from another crate's static constructor may miss
/// plugins. A value expression that panics, or that uses its own table on its own thread, makes that
/// use panic (and every later one) with a message naming the category and the name, rather than
/// deadlock or leave a half-built table. (A value expression that waits for another thread which uses
/// the table does deadlock: the other thread waits for the first use to finish.)
///
/// Values and tables are never freed: a table is meant to be a `static`.
pub struct Plugins<E: DynamicStrEnum, V: 'static> {
    category: &'static str,
    pub(crate) builtin: fn(E) -> V,
    /// The resolved table, null before first use. Readers load it without a lock; a run-time
    /// registration publishes a new table and keeps the old one reachable from it.
    current: AtomicPtr<Resolved<E, V>>,
    /// The first element of the current table's values (whose first `E::COUNT` are the built-in
    /// members'), null before first use: `get(E)` reads a value in two loads, as close as it gets
    /// to the `match` it replaces.
    builtin_values: AtomicPtr<&'static V>,
    /// Serializes the first build and run-time registrations.
    pub(crate) writer: Mutex<u64>,
    /// The thread building values, while it does: a use from that thread is a value reading its own
    /// table, which must panic rather than wait for itself.
    builder: Mutex<Option<ThreadId>>,
    /// Set when building a value panicked: every use panics with it.
    poisoned: OnceLock<String>,
    /// `Sync` only when the values are: readers on any thread share them.
    _values: PhantomData<V>,
}

impl<E: DynamicStrEnum, V: 'static> Plugins<E, V> {
    /// A table named `category` (used in errors and listings), whose built-in members take their
    /// values from `builtin`, built on first use. A `const fn`, for a `static`.
    ///
    /// ```
    /// # #[cfg(feature = "derive")] {
    /// use dynenum_core::{DynamicStrEnum, Plugins};
    ///
    /// #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    /// enum Service {
    ///     Cache,
    /// }
    ///
    /// static RETRIES: Plugins<Service, u32> = Plugins::new("service", |service| match service {
    ///     Service::Cache => 3,
    /// });
    /// assert_eq!(RETRIES.category(), "service");
    /// assert_eq!(*RETRIES.get(Service::Cache)?, 3);
    /// # }
    /// # Ok::<(), dynenum_core::PluginError>(())
    /// ```
    #[must_use]
    pub const fn new(category: &'static str, builtin: fn(E) -> V) -> Self {
        Plugins {
            category,
            builtin,
            current: AtomicPtr::new(ptr::null_mut()),
            builtin_values: AtomicPtr::new(ptr::null_mut()),
            writer: Mutex::new(0),
            builder: Mutex::new(None),
            poisoned: OnceLock::new(),
            _values: PhantomData,
        }
    }

    /// The table's category, as given to [`new`](Self::new).
    ///
    /// ```
    /// # #[cfg(feature = "derive")] {
    /// # use dynenum_core::{DynamicStrEnum, Plugins};
    /// # #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    /// # enum Ui { Terminal }
    /// static UIS: Plugins<Ui, &str> = Plugins::new("UI", |_| "tty");
    /// assert_eq!(UIS.category(), "UI");
    /// # }
    /// ```
    pub const fn category(&self) -> &'static str {
        self.category
    }
}

/// What [`get`](Plugins::get) and [`entry`](Plugins::entry) accept: `E`, `&E`, `Member<E>`,
/// `&Member<E>`, `&DynamicMember<E>` and `&str` (parsed like `E`'s names: ASCII case, aliases,
/// separators under `ignore_separators`). Sealed.
pub trait PluginKey<E: DynamicStrEnum>: sealed::Sealed<E> {
    #[doc(hidden)]
    fn __with<R>(self, f: impl FnOnce(Target<'_, E>) -> R) -> R;
}

mod sealed {
    // Unnameable on purpose: that is what keeps `PluginKey` closed to other crates.
    #[allow(unnameable_types)]
    pub trait Sealed<E> {}
}

/// What a key names. Not public API.
#[doc(hidden)]
#[derive(Debug, Clone, Copy)]
pub enum Target<'k, E: DynamicStrEnum> {
    Builtin(E),
    Dynamic(&'k DynamicMember<E>),
    Text(&'k str),
}

impl<E: DynamicStrEnum> sealed::Sealed<E> for E {}
impl<E: DynamicStrEnum> PluginKey<E> for E {
    #[inline]
    fn __with<R>(self, f: impl FnOnce(Target<'_, E>) -> R) -> R {
        f(Target::Builtin(self))
    }
}

impl<E: DynamicStrEnum> sealed::Sealed<E> for &E {}
impl<E: DynamicStrEnum> PluginKey<E> for &E {
    #[inline]
    fn __with<R>(self, f: impl FnOnce(Target<'_, E>) -> R) -> R {
        f(Target::Builtin(*self))
    }
}

impl<E: DynamicStrEnum> sealed::Sealed<E> for &Member<E> {}
impl<E: DynamicStrEnum> PluginKey<E> for &Member<E> {
    #[inline]
    fn __with<R>(self, f: impl FnOnce(Target<'_, E>) -> R) -> R {
        match self {
            Member::Builtin(builtin) => f(Target::Builtin(*builtin)),
            Member::Dynamic(dynamic) => f(Target::Dynamic(dynamic)),
        }
    }
}

impl<E: DynamicStrEnum> sealed::Sealed<E> for Member<E> {}
impl<E: DynamicStrEnum> PluginKey<E> for Member<E> {
    #[inline]
    fn __with<R>(self, f: impl FnOnce(Target<'_, E>) -> R) -> R {
        (&self).__with(f)
    }
}

impl<E: DynamicStrEnum> sealed::Sealed<E> for &DynamicMember<E> {}
impl<E: DynamicStrEnum> PluginKey<E> for &DynamicMember<E> {
    #[inline]
    fn __with<R>(self, f: impl FnOnce(Target<'_, E>) -> R) -> R {
        f(Target::Dynamic(self))
    }
}

impl<E: DynamicStrEnum> sealed::Sealed<E> for &str {}
impl<E: DynamicStrEnum> PluginKey<E> for &str {
    #[inline]
    fn __with<R>(self, f: impl FnOnce(Target<'_, E>) -> R) -> R {
        f(Target::Text(self))
    }
}

impl<E: DynamicStrEnum, V: Send + Sync + 'static> Plugins<E, V> {
    /// The resolved table, built on first use.
    #[inline]
    pub(crate) fn resolved(&self) -> &'static Resolved<E, V> {
        let current = self.current.load(Ordering::Acquire);
        // SAFETY: a non-null pointer here came from `Box::leak` in `publish`: the table is never
        // freed or mutated, and the release store that published it makes it fully visible.
        if let Some(resolved) = unsafe { current.as_ref() } {
            return resolved;
        }
        self.first_use()
    }

    /// `resolved` before the table is built: builds it, or waits for the thread that does.
    #[cold]
    #[inline(never)]
    fn first_use(&self) -> &'static Resolved<E, V> {
        let me = std::thread::current().id();
        let building = *self.builder.lock().unwrap_or_else(PoisonError::into_inner);
        // A plain `panic!`: `assert_ne!` would add the two thread ids to the message.
        #[allow(clippy::manual_assert)]
        if building == Some(me) {
            panic!(
                "the {} plugin table was used while one of its values was being built (a value expression reads its own table)",
                self.category
            );
        }
        let _writer = self.writer.lock().unwrap_or_else(PoisonError::into_inner);
        self.check_poison();
        // SAFETY: as in `resolved`.
        if let Some(resolved) = unsafe { self.current.load(Ordering::Acquire).as_ref() } {
            return resolved;
        }
        *self.builder.lock().unwrap_or_else(PoisonError::into_inner) = Some(me);
        // Cleared on the way out even if building panics outside a value expression (those are
        // caught), so a later use on this thread isn't mistaken for a re-entrant one.
        let built = {
            let _clear = ClearOnDrop(&self.builder);
            self.build()
        };
        match built {
            Ok(resolved) => self.publish(resolved),
            Err(message) => {
                let message = self.poisoned.get_or_init(|| message);
                panic!("{message}");
            }
        }
    }

    fn check_poison(&self) {
        if let Some(message) = self.poisoned.get() {
            panic!("{message}");
        }
    }

    pub(crate) fn publish(&self, resolved: Resolved<E, V>) -> &'static Resolved<E, V> {
        let resolved: &'static Resolved<E, V> = Box::leak(Box::new(resolved));
        self.builtin_values
            .store(resolved.values_ptr().cast_mut(), Ordering::Release);
        self.current.store(
            (resolved as *const Resolved<E, V>).cast_mut(),
            Ordering::Release,
        );
        resolved
    }

    /// Runs `make`, the value expression of `name`, turning a panic into the table's message.
    fn make(&self, name: &str, make: impl FnOnce() -> V) -> Result<&'static V, String> {
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(make)) {
            Ok(value) => Ok(Box::leak(Box::new(value))),
            Err(payload) => {
                let why = payload
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_owned())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "a panic".to_owned());
                Err(format!(
                    "building the {} plugin value of \"{name}\" panicked: {why}",
                    self.category
                ))
            }
        }
    }

    /// Builds every value: the built-in ones, then each `plugin!` submission for this table.
    fn build(&self) -> Result<Resolved<E, V>, String> {
        let mut builtins = Vec::with_capacity(E::COUNT);
        for &variant in E::VARIANTS {
            let value = self.make(variant.as_str(), || (self.builtin)(variant))?;
            builtins.push(Candidate {
                value,
                priority: 0,
                source: Source::Builtin,
                description: None,
            });
        }
        let submitted = self.submitted()?;
        Ok(Resolved::new(builtins, submitted))
    }

    /// The values of the `plugin!` calls for this table, with their names.
    #[cfg(feature = "register")]
    fn submitted(&self) -> Result<Vec<(&'static str, Candidate<V>)>, String> {
        let mut submitted = Vec::new();
        for submission in inventory::iter::<Submission> {
            let Some(table) = submission.table else {
                continue;
            };
            if !ptr::eq(
                (table as *const (dyn Any + Send + Sync)).cast::<()>(),
                (self as *const Self).cast::<()>(),
            ) {
                continue;
            }
            let value = self.make(submission.name, || {
                match (submission.make)().downcast::<V>() {
                    Ok(value) => *value,
                    // `plugin!` type-checks the value against the table's `V`.
                    Err(_) => unreachable!("a plugin value of another type"),
                }
            })?;
            submitted.push((
                submission.name,
                Candidate {
                    value,
                    priority: submission.priority,
                    source: Source::Link {
                        origin: submission.origin,
                        file: submission.file,
                        line: submission.line,
                        column: submission.column,
                    },
                    description: submission.description,
                },
            ));
        }
        Ok(submitted)
    }

    /// Without the `register` feature there is no `plugin!`.
    #[cfg(not(feature = "register"))]
    #[allow(clippy::unnecessary_wraps, clippy::unused_self)] // the same signature as with the feature
    fn submitted(&self) -> Result<Vec<(&'static str, Candidate<V>)>, String> {
        Ok(Vec::new())
    }

    /// The value of a name.
    ///
    /// # Errors
    ///
    /// A [`PluginError`]: the name is unknown (with the nearest one), registered without a value in
    /// this table, or breaks the name rules.
    ///
    /// # Panics
    ///
    /// On first use, if a value expression panics or reads its own table (see the type's docs).
    ///
    /// ```
    /// # #[cfg(feature = "derive")] {
    /// use dynenum_core::{DynamicStrEnum, Member, Plugins};
    ///
    /// #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    /// enum Endpoint {
    ///     #[dynenum(alias = "claude")]
    ///     AnthropicChat,
    /// }
    ///
    /// static PATHS: Plugins<Endpoint, &str> = Plugins::new("endpoint", |e| match e {
    ///     Endpoint::AnthropicChat => "/v1/messages",
    /// });
    /// assert_eq!(*PATHS.get(Endpoint::AnthropicChat)?, "/v1/messages");
    /// assert_eq!(*PATHS.get("CLAUDE")?, "/v1/messages");
    /// let member: Member<Endpoint> = "anthropic_chat".parse()?;
    /// assert_eq!(*PATHS.get(&member)?, "/v1/messages");
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[inline]
    pub fn get<K: PluginKey<E>>(&self, key: K) -> Result<&V, PluginError> {
        key.__with(|target| {
            if let Target::Builtin(builtin) = target {
                let (values, at) = (
                    self.builtin_values.load(Ordering::Acquire),
                    builtin.__index(),
                );
                // Bounded by `VARIANTS`, which the values are built from, not by `COUNT`: the trait
                // is safe to implement by hand, so the two could disagree.
                if !values.is_null() && at < E::VARIANTS.len() {
                    // SAFETY: a non-null pointer here is the first of a published table's values,
                    // which never moves, is never freed or written again, and holds a value for
                    // each member of `E::VARIANTS` first (built by iterating it); `at` is below
                    // that length.
                    return Ok(unsafe { *values.add(at) });
                }
            }
            let resolved = self.resolved();
            match target {
                Target::Builtin(builtin) => Ok(resolved.builtin(builtin)),
                // A registered member finds its name by address, without the registry.
                Target::Dynamic(dynamic) if dynamic.is_registered() => {
                    match resolved.index.get(dynamic.as_str()) {
                        Some(at) => Ok(resolved.value(at)),
                        None => Err(PluginError::unprovided(self.category, dynamic.as_str())),
                    }
                }
                other => self.locate(resolved, other).map(|at| resolved.value(at)),
            }
        })
    }

    /// The winning entry of a name, with its origin, priority, description and the entries it shadows.
    ///
    /// # Errors
    ///
    /// As for [`get`](Self::get).
    ///
    /// # Panics
    ///
    /// As for [`get`](Self::get).
    ///
    /// ```
    /// # #[cfg(feature = "derive")] {
    /// use dynenum_core::{DynamicStrEnum, Plugins};
    ///
    /// #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    /// enum Ui {
    ///     /// A terminal UI.
    ///     Terminal,
    /// }
    ///
    /// static UIS: Plugins<Ui, u16> = Plugins::new("UI", |_| 0);
    /// let entry = UIS.entry(Ui::Terminal)?;
    /// assert_eq!(entry.origin(), "built-in");
    /// assert_eq!(entry.description(), Some("A terminal UI."));
    /// assert!(entry.is_builtin());
    ///
    /// UIS.register_with_priority("terminal", 7, 1)?;
    /// let entry = UIS.entry("terminal")?;
    /// assert_eq!((*entry.value(), entry.origin(), entry.priority()), (7, "run time", 1));
    /// assert_eq!(entry.shadowed().map(|e| *e.value()).collect::<Vec<_>>(), [0]);
    /// # }
    /// # Ok::<(), dynenum_core::PluginError>(())
    /// ```
    pub fn entry<K: PluginKey<E>>(&self, key: K) -> Result<PluginRef<'_, E, V>, PluginError> {
        let resolved = self.resolved();
        let at = key.__with(|target| self.locate(resolved, target))?;
        Ok(PluginRef {
            named: &resolved.names[at],
            rank: 0,
        })
    }

    /// Where a key's name is in `resolved.names`.
    fn locate(
        &self,
        resolved: &'static Resolved<E, V>,
        target: Target<'_, E>,
    ) -> Result<usize, PluginError> {
        let found = match target {
            Target::Builtin(builtin) => return Ok(builtin.__index()),
            Target::Dynamic(dynamic) if dynamic.is_registered() => {
                return resolved
                    .index
                    .get(dynamic.as_str())
                    .ok_or_else(|| PluginError::unprovided(self.category, dynamic.as_str()));
            }
            Target::Dynamic(dynamic) => match E::registry().get(dynamic.as_str()) {
                Some(registered) => registered,
                None => return Err(self.unknown(resolved, dynamic.as_str())),
            },
            Target::Text(text) => match crate::traits::resolve::<E>(text) {
                Ok(builtin) => return Ok(builtin.__index()),
                Err(Some(entry)) => DynamicMember::registered(entry),
                Err(None) => return Err(self.unknown(resolved, text)),
            },
        };
        resolved
            .index
            .get(found.as_str())
            .ok_or_else(|| PluginError::unprovided(self.category, found.as_str()))
    }

    #[cold]
    fn unknown(&self, resolved: &'static Resolved<E, V>, input: &str) -> PluginError {
        if let Err(source) = name::check(input, E::__META.max_len) {
            return PluginError::invalid(self.category, input, source);
        }
        let candidates = E::__META
            .all_names
            .iter()
            .chain(&resolved.listed[E::COUNT..])
            .copied();
        let suggestion = name::nearest(input, candidates, E::__META.separators);
        PluginError::unknown(self.category, input, &resolved.listed, suggestion)
    }

    /// One entry per name that has a value: built-in members in declaration order, then the other
    /// names sorted by folded name.
    ///
    /// ```
    /// # #[cfg(feature = "derive")] {
    /// use dynenum_core::{DynamicStrEnum, Plugins};
    ///
    /// #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    /// enum Ui {
    ///     Web,
    ///     Terminal,
    /// }
    ///
    /// static UIS: Plugins<Ui, ()> = Plugins::new("UI", |_| ());
    /// UIS.register("voice", ())?;
    /// UIS.register("Braille", ())?;
    /// let names: Vec<String> = UIS.iter().map(|e| e.member().to_string()).collect();
    /// assert_eq!(names, ["web", "terminal", "braille", "voice"]);
    /// # }
    /// # Ok::<(), dynenum_core::PluginError>(())
    /// ```
    pub fn iter(&self) -> impl ExactSizeIterator<Item = PluginRef<'_, E, V>> {
        self.resolved()
            .names
            .iter()
            .map(|named| PluginRef { named, rank: 0 })
    }

    /// How many names have a value (every built-in member, plus the names plugins provide).
    ///
    /// ```
    /// # #[cfg(feature = "derive")] {
    /// # use dynenum_core::{DynamicStrEnum, Plugins};
    /// # #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    /// # enum Ui { Web, Terminal }
    /// static UIS: Plugins<Ui, ()> = Plugins::new("UI", |_| ());
    /// assert_eq!(UIS.len(), 2);
    /// # }
    /// ```
    pub fn len(&self) -> usize {
        self.resolved().names.len()
    }

    /// Whether no name has a value (an enum without variants, and no plugin).
    ///
    /// ```
    /// # #[cfg(feature = "derive")] {
    /// # use dynenum_core::{DynamicStrEnum, Plugins};
    /// # #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    /// # enum Nothing {}
    /// static NONE: Plugins<Nothing, ()> = Plugins::new("nothing", |n| match n {});
    /// assert!(NONE.is_empty());
    /// # }
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Adds a value for `name` at run time, at priority 0, with origin `"run time"`; a name that is
    /// not built-in is also registered in `E::registry()`. At equal priority a run-time value beats
    /// the others, and a later one beats an earlier one: how a program or a test replaces a value.
    ///
    /// Readers never wait for a registration: each one publishes a new copy of the table's index
    /// (the old one stays valid for readers holding it), so it costs time and memory in proportion
    /// to the table's size. Meant for a few values; give plugins' values with `plugin!`.
    ///
    /// # Errors
    ///
    /// [`PluginError`] when the name breaks the name rules (carrying the [`NameError`](crate::NameError)
    /// as its source).
    ///
    /// # Panics
    ///
    /// As for [`get`](Self::get), if this is the table's first use.
    ///
    /// ```
    /// # #[cfg(feature = "derive")] {
    /// # use dynenum_core::{DynamicStrEnum, Plugins};
    /// # #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    /// # enum Ui { Web }
    /// static PORTS: Plugins<Ui, u16> = Plugins::new("UI", |_| 80);
    /// let voice = PORTS.register("Voice", 9000)?;
    /// assert_eq!(voice.to_string(), "voice");
    /// assert!(Ui::registry().contains("voice"));
    /// PORTS.register("web", 8080)?; // replaces the built-in value
    /// assert_eq!(*PORTS.get(Ui::Web)?, 8080);
    /// # }
    /// # Ok::<(), dynenum_core::PluginError>(())
    /// ```
    pub fn register(&self, name: &str, value: V) -> Result<Member<E>, PluginError> {
        self.register_with_priority(name, value, 0)
    }

    /// [`register`](Self::register) at a given priority.
    ///
    /// # Errors
    ///
    /// As for [`register`](Self::register).
    ///
    /// # Panics
    ///
    /// As for [`get`](Self::get), if this is the table's first use.
    ///
    /// ```
    /// # #[cfg(feature = "derive")] {
    /// # use dynenum_core::{DynamicStrEnum, Plugins};
    /// # #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    /// # enum Ui { Web }
    /// static PORTS: Plugins<Ui, u16> = Plugins::new("UI", |_| 80);
    /// PORTS.register_with_priority("web", 8080, -1)?; // loses to the built-in value
    /// assert_eq!(*PORTS.get(Ui::Web)?, 80);
    /// assert_eq!(PORTS.entry(Ui::Web)?.shadowed().count(), 1);
    /// # }
    /// # Ok::<(), dynenum_core::PluginError>(())
    /// ```
    pub fn register_with_priority(
        &self,
        name: &str,
        value: V,
        priority: i32,
    ) -> Result<Member<E>, PluginError> {
        let member = match E::from_name(name) {
            Some(builtin) => Member::Builtin(builtin),
            None => Member::Dynamic(
                E::registry()
                    .register(name)
                    .map_err(|source| PluginError::invalid(self.category, name, source))?,
            ),
        };
        let current = self.resolved();
        let mut writer = self.writer.lock().unwrap_or_else(PoisonError::into_inner);
        // SAFETY: as in `resolved`; a registration that ran since `current` was read published a
        // newer table, which this one must extend.
        let current = unsafe { self.current.load(Ordering::Acquire).as_ref() }.unwrap_or(current);
        *writer += 1;
        let candidate = Candidate {
            value: Box::leak(Box::new(value)),
            priority,
            source: Source::RunTime { seq: *writer },
            description: None,
        };
        self.publish(current.with(member.clone(), candidate));
        Ok(member)
    }

    /// The names that two `plugin!` calls claim at the name's top priority: the one that won by the
    /// tie-break rules, and each one that lost. Deterministic whatever the link order.
    ///
    /// ```
    /// # #[cfg(feature = "derive")] {
    /// # use dynenum_core::{DynamicStrEnum, Plugins};
    /// # #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    /// # enum Ui { Web }
    /// static PORTS: Plugins<Ui, u16> = Plugins::new("UI", |_| 80);
    /// dynenum_core::plugin!(PORTS, "voice" => 9000);
    /// dynenum_core::plugin!(PORTS, "voice" => 9001);
    /// let conflicts = PORTS.conflicts();
    /// assert_eq!(conflicts.len(), 1);
    /// assert_eq!(conflicts[0].member().as_str(), "voice");
    /// assert_eq!(*PORTS.get("voice")?, 9000); // the earlier line of the same module wins
    /// # }
    /// # Ok::<(), dynenum_core::PluginError>(())
    /// ```
    pub fn conflicts(&self) -> Vec<Conflict<E>> {
        let mut out = Vec::new();
        for named in &self.resolved().names {
            let top = named.candidates[0].priority;
            let mut links = named
                .candidates
                .iter()
                .take_while(|c| c.priority == top)
                .filter(|c| matches!(c.source, Source::Link { .. }));
            let Some(winner) = links.next() else {
                continue;
            };
            for loser in links {
                out.push(Conflict {
                    member: named.member.clone(),
                    winner: winner.source,
                    loser: loser.source,
                });
            }
        }
        out
    }

    /// The names in `E::registry()` that have no value in this table: registered by `register!`
    /// or at run time, and never given one here. Registry order.
    ///
    /// ```
    /// # #[cfg(feature = "derive")] {
    /// # use dynenum_core::{DynamicStrEnum, Plugins};
    /// # #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    /// # enum Ui { Web }
    /// static PORTS: Plugins<Ui, u16> = Plugins::new("UI", |_| 80);
    /// Ui::registry().register("braille")?;
    /// assert_eq!(PORTS.unprovided(), [Ui::dynamic("braille")?]);
    /// let err = PORTS.get("braille").unwrap_err();
    /// assert_eq!(err.to_string(), r#"UI "braille" is registered, but no plugin provides it"#);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn unprovided(&self) -> Vec<DynamicMember<E>> {
        let resolved = self.resolved();
        E::registry()
            .names()
            .into_iter()
            .filter(|member| resolved.index.get(member.as_str()).is_none())
            .collect()
    }
}

impl<E: DynamicStrEnum, V: 'static> fmt::Debug for Plugins<E, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Plugins")
            .field("category", &self.category)
            .field("enum", &E::__META.name)
            .field("built", &!self.current.load(Ordering::Acquire).is_null())
            .finish_non_exhaustive()
    }
}

/// Empties the thread id of a table's builder when dropped, on return or unwind alike.
struct ClearOnDrop<'a>(&'a Mutex<Option<ThreadId>>);

impl Drop for ClearOnDrop<'_> {
    fn drop(&mut self) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = None;
    }
}
