//! [`Registry`]: the names plugins add to an enum, at run time or at link time.

use core::fmt;
use core::marker::PhantomData;
use core::ptr;
use core::sync::atomic::{AtomicBool, AtomicPtr, AtomicUsize, Ordering};
use std::borrow::Cow;
use std::sync::{Mutex, PoisonError};

use crate::error::NameError;
use crate::member::DynamicMember;
use crate::name;
use crate::traits::DynamicStrEnum;

/// The plugin names of one enum: thread-safe, append-only, one per enum (see
/// [`DynamicStrEnum::registry`]).
///
/// A registered name is stored once, folded like the enum's built-in names, and every member built from
/// it (by `register`, `get`, parsing or serde) shares that one allocation. Registering is idempotent: the
/// same name, in any ASCII case, returns the same member. Only `register`, `register_with_description`
/// and `register!` add names; parsing never does, so untrusted input can't grow the registry.
///
/// Reads take no lock and allocate nothing. The first use of a registry that has link-time names
/// builds its table once (a few allocations); an enum without them needs no table until its first
/// registration.
///
/// ```
/// # #[cfg(feature = "derive")] {
/// use dynenum_core::{DynamicStrEnum, Member};
///
/// #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
/// #[dynenum(dynamic = "registered")]
/// enum Backend {
///     Postgres,
/// }
///
/// assert!("duckdb".parse::<Member<Backend>>().is_err());
/// let duck = Backend::registry().register_with_description("DuckDB", "an in-process database")?;
/// assert_eq!(duck.as_str(), "duckdb");
/// assert!(Backend::registry().contains("DUCKDB"));
/// let parsed: Member<Backend> = "duckdb".parse().unwrap();
/// assert_eq!(parsed.description(), Some("an in-process database"));
/// # }
/// # Ok::<(), dynenum_core::NameError>(())
/// ```
pub struct Registry<E> {
    /// The newest table, or null before first use. Readers take no lock: they load this pointer and
    /// read a table that is only ever appended to, or replaced by a larger copy.
    current: AtomicPtr<Table>,
    /// Set once the first use found no link-time names: until a registration, the registry is empty
    /// and readers need no table (so first uses allocate nothing).
    empty: AtomicBool,
    /// Serializes writers (registration and the lazy start).
    writer: Mutex<()>,
    _enum: PhantomData<fn() -> E>,
}

/// One registered name. Entries are immutable and leaked on purpose: the registry lives as long as the
/// program and never removes a name, so members point at their entry without reference counting (and,
/// holding no cell, stay usable as map keys without clippy's `mutable_key_type` complaint).
pub(crate) struct Entry {
    /// Allocated once per name; an entry replaced to add a description shares it.
    pub(crate) name: &'static str,
    pub(crate) description: Option<Cow<'static, str>>,
    hash: u64,
}

/// A fixed-capacity, append-only table: entries in registration order and an open-addressing index
/// over them, both published with release stores so a reader sees only complete entries. A full table
/// is copied into one twice its size; the old one is leaked, as readers may still hold it (the leaks
/// add up to at most the size of the newest table).
struct Table {
    /// Position in `entries` plus one, or zero for an empty slot; twice as many as `entries`.
    slots: Box<[AtomicUsize]>,
    /// Null until filled.
    entries: Box<[AtomicPtr<Entry>]>,
    /// How many entries are filled.
    len: AtomicUsize,
}

impl Table {
    fn with_capacity(capacity: usize) -> Table {
        Table {
            slots: (0..capacity * 2).map(|_| AtomicUsize::new(0)).collect(),
            entries: (0..capacity)
                .map(|_| AtomicPtr::new(ptr::null_mut()))
                .collect(),
            len: AtomicUsize::new(0),
        }
    }

    fn entry(&self, at: usize) -> Option<&'static Entry> {
        let entry = self.entries.get(at)?.load(Ordering::Acquire);
        // SAFETY: a non-null pointer here came from `leak`, so it points to an `Entry` that is never
        // freed or mutated; the release store that published it makes its contents visible.
        unsafe { entry.as_ref() }
    }

    /// The entry's position, probing from the hash's slot.
    fn position(&self, name: &str, hash: u64, separators: Option<u8>) -> Option<usize> {
        let mask = self.slots.len() - 1;
        // Truncation is intended: the mask keeps only low bits anyway.
        #[allow(clippy::cast_possible_truncation)]
        let mut at = hash as usize & mask;
        loop {
            let index = self.slots[at].load(Ordering::Acquire).checked_sub(1)?;
            if let Some(entry) = self.entry(index) {
                if entry.hash == hash && name::eq(entry.name, name, separators) {
                    return Some(index);
                }
            }
            at = (at + 1) & mask;
        }
    }

    fn find(&self, name: &str, hash: u64, separators: Option<u8>) -> Option<&'static Entry> {
        self.position(name, hash, separators)
            .and_then(|at| self.entry(at))
    }

    /// Appends an entry; the caller holds the writer lock and has checked there is room.
    fn push(&self, entry: &'static Entry) {
        let at = self.len.load(Ordering::Relaxed);
        self.entries[at].store(published(entry), Ordering::Release);
        let mask = self.slots.len() - 1;
        #[allow(clippy::cast_possible_truncation)]
        let mut slot = entry.hash as usize & mask;
        while self.slots[slot].load(Ordering::Relaxed) != 0 {
            slot = (slot + 1) & mask;
        }
        self.slots[slot].store(at + 1, Ordering::Release);
        self.len.store(at + 1, Ordering::Release);
    }

    fn is_full(&self) -> bool {
        self.len.load(Ordering::Relaxed) == self.entries.len()
    }

    /// Every entry, in registration order.
    fn iter(&self) -> impl Iterator<Item = &'static Entry> + '_ {
        let len = self.len.load(Ordering::Acquire);
        (0..len).filter_map(|at| self.entry(at))
    }
}

/// The pointer an atomic publishes for a leaked value.
fn published<T>(value: &'static T) -> *mut T {
    (value as *const T).cast_mut()
}

/// Whether any crate linked in registered names for `E` with `register!`. Allocates nothing.
#[cfg(feature = "register")]
fn link_time_names<E: DynamicStrEnum>() -> bool {
    crate::link::has_names::<E>()
}

/// Without the `register` feature there are no link-time names.
#[cfg(not(feature = "register"))]
#[allow(clippy::extra_unused_type_parameters)] // the same signature as with the feature
fn link_time_names<E>() -> bool {
    false
}

fn leak<T>(value: T) -> &'static T {
    Box::leak(Box::new(value))
}

/// The index hash of a name: equal under the enum's rule, equal hash.
fn index_hash(name: &str, separators: Option<u8>) -> u64 {
    crate::phf::hash(name.as_bytes(), 0, separators.is_some())
}

impl<E> Registry<E> {
    /// An empty registry. Only generated code calls this, for the enum's one `static` registry.
    #[doc(hidden)]
    #[must_use]
    pub const fn __new() -> Self {
        Registry {
            current: AtomicPtr::new(ptr::null_mut()),
            empty: AtomicBool::new(false),
            writer: Mutex::new(()),
            _enum: PhantomData,
        }
    }
}

impl<E: DynamicStrEnum> Registry<E> {
    /// The newest table, made on first use when there are link-time names; `None` while the registry
    /// is empty.
    fn table(&self) -> Option<&'static Table> {
        let current = self.current.load(Ordering::Acquire);
        // SAFETY: a non-null pointer here came from `leak`: the table is never freed, and the release
        // store that published it makes it fully visible.
        if let Some(table) = unsafe { current.as_ref() } {
            return Some(table);
        }
        if self.empty.load(Ordering::Acquire) {
            return None;
        }
        let _lock = self.writer.lock().unwrap_or_else(PoisonError::into_inner);
        if !link_time_names::<E>() {
            self.empty.store(true, Ordering::Release);
            // SAFETY: as above.
            return unsafe { self.current.load(Ordering::Acquire).as_ref() };
        }
        Some(self.start())
    }

    /// Makes the first table, unless another thread did; the caller holds the writer lock.
    fn start(&self) -> &'static Table {
        let current = self.current.load(Ordering::Acquire);
        // SAFETY: as in `table`.
        if let Some(table) = unsafe { current.as_ref() } {
            return table;
        }
        #[cfg(feature = "register")]
        let link_time = crate::link::names::<E>();
        #[cfg(not(feature = "register"))]
        let link_time: Vec<(&'static str, Option<&'static str>)> = Vec::new();
        let mut table = leak(Table::with_capacity(
            link_time.len().next_power_of_two().max(16),
        ));
        for (name, description) in link_time {
            // Checked at compile time; a name submitted twice keeps its first entry.
            table = self.insert(table, name, description.map(Cow::Borrowed)).0;
        }
        self.current.store(published(table), Ordering::Release);
        table
    }

    /// Adds `name` to `table` (or gives its description to the existing entry), growing the table if
    /// it is full; returns the table now current and the name's entry. The caller holds the writer lock.
    fn insert(
        &self,
        mut table: &'static Table,
        name: &str,
        description: Option<Cow<'static, str>>,
    ) -> (&'static Table, &'static Entry) {
        let separators = E::__META.separators;
        let hash = index_hash(name, separators);
        if let Some((at, found)) = table
            .position(name, hash, separators)
            .and_then(|at| Some((at, table.entry(at)?)))
        {
            return match description {
                // The first description given for a name wins; members built before it keep none.
                Some(description) if found.description.is_none() => {
                    let entry = leak(Entry {
                        name: found.name,
                        description: Some(description),
                        hash,
                    });
                    table.entries[at].store(published(entry), Ordering::Release);
                    (table, entry)
                }
                _ => (table, found),
            };
        }
        if table.is_full() {
            let bigger = leak(Table::with_capacity(table.entries.len() * 2));
            table.iter().for_each(|entry| bigger.push(entry));
            self.current.store(published(bigger), Ordering::Release);
            table = bigger;
        }
        let mut stored: Box<str> = name.into();
        name::fold_in_place(&mut stored, E::__META.fold, separators);
        let entry = leak(Entry {
            name: Box::leak(stored),
            description,
            hash,
        });
        table.push(entry);
        (table, entry)
    }

    /// Adds a name (or finds it, in any ASCII case) and returns its shared member.
    ///
    /// # Errors
    ///
    /// [`NameError::Builtin`] for a built-in name or alias, or the rule the name breaks.
    pub fn register(&self, name: &str) -> Result<DynamicMember<E>, NameError> {
        self.add(name, None)
    }

    /// Like [`register`](Self::register), and attaches a description, unless the name already has one
    /// (the first description given for a name wins).
    ///
    /// # Errors
    ///
    /// As for [`register`](Self::register).
    pub fn register_with_description(
        &self,
        name: &str,
        description: impl Into<Cow<'static, str>>,
    ) -> Result<DynamicMember<E>, NameError> {
        self.add(name, Some(description.into()))
    }

    fn add(
        &self,
        name: &str,
        description: Option<Cow<'static, str>>,
    ) -> Result<DynamicMember<E>, NameError> {
        if let Some(builtin) = E::from_name(name) {
            return Err(NameError::Builtin(builtin.as_str()));
        }
        name::check(name, E::__META.max_len)?;
        if let Some(found) = self.get(name) {
            if description.is_none() || found.description().is_some() {
                return Ok(found);
            }
        }
        let _lock = self.writer.lock().unwrap_or_else(PoisonError::into_inner);
        let (_, entry) = self.insert(self.start(), name, description);
        Ok(DynamicMember::registered(entry))
    }

    /// The registered member of that name, in any ASCII case. Never allocates and takes no lock.
    pub fn get(&self, name: &str) -> Option<DynamicMember<E>> {
        let separators = E::__META.separators;
        self.table()?
            .find(name, index_hash(name, separators), separators)
            .map(DynamicMember::registered)
    }

    /// Whether the name is registered, in any ASCII case.
    pub fn contains(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// How many names are registered.
    pub fn len(&self) -> usize {
        self.table()
            .map_or(0, |table| table.len.load(Ordering::Acquire))
    }

    /// Whether no name is registered.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every registered member: link-time names first (sorted), then run-time registrations in call order.
    pub fn names(&self) -> Vec<DynamicMember<E>> {
        self.table().map_or_else(Vec::new, |table| {
            table.iter().map(DynamicMember::registered).collect()
        })
    }
}

impl<E: DynamicStrEnum> fmt::Debug for Registry<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Registry")
            .field("enum", &E::__META.name)
            .field("names", &self.names())
            .finish()
    }
}
