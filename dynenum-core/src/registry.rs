//! [`Registry`]: the names plugins add to an enum, at run time or at link time.

use core::fmt;
use core::marker::PhantomData;
use std::borrow::Cow;
use std::sync::{OnceLock, PoisonError, RwLock};

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
    table: OnceLock<RwLock<Table>>,
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

/// The entries in registration order, and an open-addressing index over their folded names.
#[derive(Default)]
struct Table {
    entries: Vec<&'static Entry>,
    /// Positions in `entries`, or `EMPTY`; the length is zero or a power of two, kept at most half full.
    slots: Vec<u32>,
}

const EMPTY: u32 = u32::MAX;

impl Table {
    fn find(&self, name: &str, hash: u64, separators: Option<u8>) -> Option<&'static Entry> {
        self.position(name, hash, separators)
            .map(|at| self.entries[at])
    }

    /// Where the entry for `name` is in `entries`.
    fn position(&self, name: &str, hash: u64, separators: Option<u8>) -> Option<usize> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        // Truncation is intended: the mask keeps only low bits anyway.
        #[allow(clippy::cast_possible_truncation)]
        let mut at = hash as usize & mask;
        loop {
            let slot = self.slots[at];
            if slot == EMPTY {
                return None;
            }
            let entry = self.entries[slot as usize];
            if entry.hash == hash && name::eq(entry.name, name, separators) {
                return Some(slot as usize);
            }
            at = (at + 1) & mask;
        }
    }

    fn push(&mut self, entry: &'static Entry) {
        if (self.entries.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let index = u32::try_from(self.entries.len()).unwrap_or(EMPTY - 1);
        self.entries.push(entry);
        self.place(entry.hash, index);
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(16);
        self.slots = vec![EMPTY; size];
        for index in 0..self.entries.len() {
            let hash = self.entries[index].hash;
            self.place(hash, u32::try_from(index).unwrap_or(EMPTY - 1));
        }
    }

    fn place(&mut self, hash: u64, index: u32) {
        let mask = self.slots.len() - 1;
        #[allow(clippy::cast_possible_truncation)]
        let mut at = hash as usize & mask;
        while self.slots[at] != EMPTY {
            at = (at + 1) & mask;
        }
        self.slots[at] = index;
    }
}

fn leak(entry: Entry) -> &'static Entry {
    Box::leak(Box::new(entry))
}

/// FNV-1a over the folded bytes: names equal under the rule get equal hashes.
fn index_hash(name: &str, separators: Option<u8>) -> u64 {
    name.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(name::key(b, separators))).wrapping_mul(0x0100_0000_01b3)
    })
}

impl<E> Registry<E> {
    /// An empty registry. Only generated code calls this, for the enum's one `static` registry.
    #[doc(hidden)]
    #[must_use]
    pub const fn __new() -> Self {
        Registry {
            table: OnceLock::new(),
            _enum: PhantomData,
        }
    }
}

impl<E: DynamicStrEnum> Registry<E> {
    fn table(&self) -> &RwLock<Table> {
        self.table.get_or_init(|| {
            #[allow(unused_mut)]
            let mut table = Table::default();
            #[cfg(feature = "register")]
            for (name, description) in crate::link::names::<E>() {
                // Checked at compile time; a name submitted twice keeps its first entry.
                Self::insert(&mut table, name, description.map(Cow::Borrowed));
            }
            RwLock::new(table)
        })
    }

    fn insert(
        table: &mut Table,
        name: &str,
        description: Option<Cow<'static, str>>,
    ) -> &'static Entry {
        let separators = E::__META.separators;
        let hash = index_hash(name, separators);
        let Some(at) = table.position(name, hash, separators) else {
            let mut stored: Box<str> = name.into();
            name::fold_in_place(&mut stored, E::__META.fold, separators);
            let entry = leak(Entry {
                name: Box::leak(stored),
                description,
                hash,
            });
            table.push(entry);
            return entry;
        };
        let found = table.entries[at];
        match description {
            // The first description given for a name wins; members built before it keep none.
            Some(description) if found.description.is_none() => {
                let entry = leak(Entry {
                    name: found.name,
                    description: Some(description),
                    hash,
                });
                table.entries[at] = entry;
                entry
            }
            _ => found,
        }
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
        let mut table = self.table().write().unwrap_or_else(PoisonError::into_inner);
        Ok(DynamicMember::registered(Self::insert(
            &mut table,
            name,
            description,
        )))
    }

    /// The registered member of that name, in any ASCII case. Never allocates.
    pub fn get(&self, name: &str) -> Option<DynamicMember<E>> {
        let separators = E::__META.separators;
        let hash = index_hash(name, separators);
        let table = self.table().read().unwrap_or_else(PoisonError::into_inner);
        table
            .find(name, hash, separators)
            .map(DynamicMember::registered)
    }

    /// Whether the name is registered, in any ASCII case.
    pub fn contains(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// How many names are registered.
    pub fn len(&self) -> usize {
        self.table()
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .entries
            .len()
    }

    /// Whether no name is registered.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every registered member: link-time names first (sorted), then run-time registrations in call order.
    pub fn names(&self) -> Vec<DynamicMember<E>> {
        let table = self.table().read().unwrap_or_else(PoisonError::into_inner);
        table
            .entries
            .iter()
            .map(|&entry| DynamicMember::registered(entry))
            .collect()
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
