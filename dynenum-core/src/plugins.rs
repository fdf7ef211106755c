//! Plugin tables: [`Plugins<E, V>`] gives every name of an enum a value of the application's own type
//! (a factory, metadata), with priorities, origins and listings: Python's plugin manager, kept on the
//! enum so names and values cannot drift apart.
//!
//! This module builds on the registry, `Member` and the link-time machinery; nothing else in the crate
//! depends on it. The resolution rules live in `plugins_table.rs`, errors in `plugins_error.rs`.

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
/// plugins. A value expression that panics, or that uses its own table, makes that use panic (and
/// every later one) with a message naming the category and the name, rather than deadlock or leave a
/// half-built table.
///
/// Values and tables are never freed: a table is meant to be a `static`.
pub struct Plugins<E: DynamicStrEnum, V: 'static> {
    category: &'static str,
    builtin: fn(E) -> V,
    /// The resolved table, null before first use. Readers load it without a lock; a run-time
    /// registration publishes a new table and keeps the old one reachable from it.
    current: AtomicPtr<Resolved<E, V>>,
    /// Serializes the first build and run-time registrations.
    writer: Mutex<u64>,
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
    fn resolved(&self) -> &'static Resolved<E, V> {
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
        let built = self.build();
        *self.builder.lock().unwrap_or_else(PoisonError::into_inner) = None;
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

    fn publish(&self, resolved: Resolved<E, V>) -> &'static Resolved<E, V> {
        let resolved: &'static Resolved<E, V> = Box::leak(Box::new(resolved));
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
        let mut submitted = Vec::new();
        #[cfg(feature = "register")]
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
        Ok(Resolved::new(builtins, submitted))
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
        key.__with(|target| match target {
            Target::Builtin(builtin) => Ok(self.resolved().builtin(builtin)),
            other => {
                let resolved = self.resolved();
                let at = self.locate(resolved, other)?;
                Ok(resolved.names[at].candidates[0].value)
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
            Target::Dynamic(dynamic) if dynamic.is_registered() => dynamic.clone(),
            Target::Dynamic(dynamic) => match E::registry().get(dynamic.as_str()) {
                Some(registered) => registered,
                None => return Err(self.unknown(resolved, dynamic.as_str())),
            },
            Target::Text(text) => {
                if let Some(builtin) = E::from_name(text) {
                    return Ok(builtin.__index());
                }
                match E::registry().get(text) {
                    Some(registered) => registered,
                    None => return Err(self.unknown(resolved, text)),
                }
            }
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
    named: &'a crate::plugins_table::Named<E, V>,
    rank: usize,
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
    member: Member<E>,
    winner: Source,
    loser: Source,
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
        self.category
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

/// One `plugin!` call, collected at link time: the table's address (compared, never read through),
/// the name and the call's details, and a function building the value. Not public API.
#[doc(hidden)]
pub struct Submission {
    table: Option<&'static (dyn Any + Send + Sync)>,
    name: &'static str,
    description: Option<&'static str>,
    priority: i32,
    origin: &'static str,
    file: &'static str,
    line: u32,
    column: u32,
    make: fn() -> Box<dyn Any + Send + Sync>,
}

impl fmt::Debug for Submission {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Submission")
            .field("name", &self.name)
            .field("origin", &self.origin)
            .finish_non_exhaustive()
    }
}

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
#[doc(hidden)]
pub fn erase<E: DynamicStrEnum, V: Send + Sync + 'static>(
    _table: &'static Plugins<E, V>,
    value: V,
) -> Box<dyn Any + Send + Sync> {
    Box::new(value)
}

/// The link-time registration of a `plugin!` name, so the enum's registry (parsing under
/// `dynamic = "registered"`, `Member::all`, clap, schemars) knows it before the table is used.
/// Built-in names are skipped when the registry gathers its names.
#[cfg(feature = "register")]
#[doc(hidden)]
#[must_use]
pub const fn link_name<E: DynamicStrEnum, V>(
    _table: &'static Plugins<E, V>,
    name: &'static str,
    description: Option<&'static str>,
) -> crate::link::LinkName {
    crate::link::LinkName::new::<E>(name, description)
}

/// The position of `name` in `names` (canonical names, unique ignoring ASCII case), for the
/// derive's `__index` when discriminants are not positions. Evaluated in `const`.
#[doc(hidden)]
#[must_use]
pub const fn variant_index(names: &[&str], name: &str) -> usize {
    let mut i = 0;
    while i < names.len() {
        if name::eq_const(names[i], name, None) {
            return i;
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
