//! [`Registry`]: the names plugins add to an enum, at run time or at link time.

use core::cell::UnsafeCell;
use core::fmt;
use core::marker::PhantomData;
use core::ptr;
use core::sync::atomic::{AtomicBool, AtomicPtr, AtomicUsize, Ordering};
use std::borrow::Cow;
use std::sync::{Mutex, PoisonError};

use crate::error::NameError;
use crate::member::{DynamicMember, Origin};
use crate::name;
use crate::phf::{fold, head, mum, HEAD, K};
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
/// Link-time names are gathered on that first use, so use a registry from `main` on, not from code that
/// runs before it (another crate's static constructor): such an early use may find no link-time names,
/// and readers see none until the next run-time registration.
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
    /// Where the name was first registered; an entry replaced to add a description keeps it.
    pub(crate) origin: Origin,
    /// The entry this one replaced to add a description: still read by members built before, and
    /// linked here so leak checkers see it as reachable rather than lost.
    _replaced: Option<&'static Entry>,
}

/// A name as the index compares it: five words read at 0, 8, 16 and 24 (each clamped to the last eight
/// bytes) and at the last eight bytes (one zero-padded word under eight bytes), folded under the
/// enum's rule (ASCII letters to lower case; `-`, `_` and ` ` to `_` under `ignore_separators`), and
/// the length. Two names of at most [`HEAD`] bytes are equal under the rule exactly when their keys
/// are: every byte is in some word, and folding changes only what the rule ignores. This is the
/// word-at-a-time compare of the generated `from_name`, with the input folded instead of masked.
#[derive(Clone, Copy)]
struct Key {
    words: [u64; 5],
    len: usize,
}

impl Key {
    #[inline]
    fn new(name: &str, separators: Option<u8>) -> Key {
        let bytes = name.as_bytes();
        Key {
            words: head(bytes).map(|w| fold(w, separators.is_some())),
            len: bytes.len(),
        }
    }

    /// Whether two keys are equal: one branch for all six words.
    #[inline]
    fn same(&self, other: &Key) -> bool {
        let (a, b) = (&self.words, &other.words);
        ((a[0] ^ b[0]) | (a[1] ^ b[1]) | (a[2] ^ b[2]) | (a[3] ^ b[3]) | (a[4] ^ b[4]))
            | (self.len ^ other.len) as u64
            == 0
    }

    /// The index hash: three independent multiplications over the key's folded words, each word
    /// whitened by its own constant, for a name of at most [`HEAD`] bytes. Not `phf::mix`, which
    /// leaves the first word to the seed: with seed 0, names sharing a prefix (`plugin_…`) measured
    /// slower to look up. A longer name is hashed whole by the derive's hash (with seed 0), so names
    /// that differ only in their middle still spread. Equal names under the rule hash alike (they have
    /// the same length, so the same branch). Only the registry uses it: it need not match `from_name`'s.
    #[inline]
    fn hash(&self, name: &str, separators: Option<u8>) -> u64 {
        if self.len > HEAD {
            return crate::phf::hash(name.as_bytes(), 0, separators.is_some());
        }
        let w = &self.words;
        mum(w[0] ^ K[0], w[1] ^ K[1])
            ^ mum(w[2] ^ K[2], w[3] ^ K[3])
            ^ mum(w[4] ^ K[4], self.len as u64 ^ K[5])
    }
}

/// One slot of a [`Table`]'s index: a hash, a key and an entry, on one cache line, so a lookup reads
/// one line per slot it probes and confirms the name there (a name over [`HEAD`] bytes also reads
/// the entry's name).
#[repr(align(64))]
struct Slot {
    /// Zero while the slot is empty; then, for good, the name's hash with its lowest bit set, which
    /// rejects most other names before their key is compared. Published with a release store after
    /// `key` and `entry` are written.
    hash: AtomicUsize,
    /// Written once, before `hash` publishes the slot, and never again.
    key: UnsafeCell<Key>,
    /// Null until filled; replaced (never cleared) when a description is added.
    entry: AtomicPtr<Entry>,
}

impl Slot {
    #[inline]
    fn entry(&self) -> Option<&'static Entry> {
        let entry = self.entry.load(Ordering::Acquire);
        // SAFETY: a non-null pointer here came from `leak`, so it points to an `Entry` that is never
        // freed or mutated; the release store that published it makes its contents visible.
        unsafe { entry.as_ref() }
    }
}

/// A fixed-capacity, append-only table: an open-addressing index whose slots hold the entries, and
/// the registration order as slot positions, both published with release stores so a reader sees
/// only complete slots. A full table is copied into one twice its size; the old one is leaked, as
/// readers may still hold it (the leaks add up to at most the size of the newest table).
struct Table {
    /// Twice as many as `order`, so at most half are full and probes stay short.
    slots: Box<[Slot]>,
    /// The slot of each entry, in registration order.
    order: Box<[AtomicUsize]>,
    /// How many entries there are.
    len: AtomicUsize,
    /// The smaller table this one replaced, which readers may still hold: linked so leak checkers see
    /// it as reachable rather than lost.
    _retired: Option<&'static Table>,
}

/// What a slot's `hash` holds for a name's hash: never zero, the mark of an empty slot.
#[inline]
fn mark(hash: u64) -> usize {
    // Truncation is intended: the low bits pick the slot, and whatever of the rest fits is compared.
    #[allow(clippy::cast_possible_truncation)]
    let mark = hash as usize | 1;
    mark
}

/// The slot a name's probe starts at.
#[inline]
fn home(hash: u64, mask: usize) -> usize {
    // Truncation is intended: only the low bits are kept.
    #[allow(clippy::cast_possible_truncation)]
    let home = hash as usize & mask;
    home
}

// SAFETY: tables are shared between threads through `Registry::current`. The only field without
// its own synchronisation is each slot's `UnsafeCell<Key>`, written once by `push` (one writer at a
// time, by its contract) before the slot's `hash` is stored with release; readers read a key only
// after an acquire load of a non-zero `hash`, and nothing writes it again.
unsafe impl Sync for Table {}

impl Table {
    fn with_capacity(capacity: usize, retired: Option<&'static Table>) -> Table {
        Table {
            slots: (0..capacity * 2)
                .map(|_| Slot {
                    hash: AtomicUsize::new(0),
                    key: UnsafeCell::new(Key {
                        words: [0; 5],
                        len: 0,
                    }),
                    entry: AtomicPtr::new(ptr::null_mut()),
                })
                .collect(),
            order: (0..capacity).map(|_| AtomicUsize::new(0)).collect(),
            len: AtomicUsize::new(0),
            _retired: retired,
        }
    }

    /// The slot of the name whose key and hash these are, and its entry, probing from the hash's slot.
    #[inline]
    fn find(
        &self,
        name: &str,
        key: &Key,
        hash: u64,
        separators: Option<u8>,
    ) -> Option<(&Slot, &'static Entry)> {
        let mask = self.slots.len() - 1;
        let (marked, mut at) = (mark(hash), home(hash, mask));
        loop {
            let slot = self.slots.get(at)?;
            let stored = slot.hash.load(Ordering::Acquire);
            if stored == 0 {
                return None;
            }
            if stored == marked {
                // SAFETY: the acquire load of `hash` saw the release store that published the slot,
                // which comes after the key's one write (in `push`); it is never written again.
                let stored = unsafe { &*slot.key.get() };
                if stored.same(key) {
                    let entry = slot.entry()?;
                    // A key covers all of a name of at most `HEAD` bytes; a longer one is checked whole.
                    if key.len <= HEAD || name::eq(entry.name, name, separators) {
                        return Some((slot, entry));
                    }
                }
            }
            at = (at + 1) & mask;
        }
    }

    /// Appends an entry.
    ///
    /// # Safety
    ///
    /// No other `push` on this table may run at the same time (the caller holds the registry's
    /// writer lock, or the table is not yet shared), and the table is not full.
    unsafe fn push(&self, entry: &'static Entry, key: Key, hash: u64) {
        let mask = self.slots.len() - 1;
        let (marked, mut at) = (mark(hash), home(hash, mask));
        while self.slots[at].hash.load(Ordering::Relaxed) != 0 {
            at = (at + 1) & mask;
        }
        let slot = &self.slots[at];
        // SAFETY: no other writer runs (the caller's contract), and this slot is not yet published:
        // its `hash` is zero (stored with release only below), so no reader reads its key.
        unsafe { *slot.key.get() = key };
        slot.entry.store(published(entry), Ordering::Release);
        slot.hash.store(marked, Ordering::Release);
        let len = self.len.load(Ordering::Relaxed);
        self.order[len].store(at, Ordering::Release);
        self.len.store(len + 1, Ordering::Release);
    }

    fn is_full(&self) -> bool {
        self.len.load(Ordering::Relaxed) == self.order.len()
    }

    /// Every entry, in registration order.
    fn iter(&self) -> impl Iterator<Item = &'static Entry> + '_ {
        let len = self.len.load(Ordering::Acquire);
        self.order[..len].iter().filter_map(|at| {
            self.slots
                .get(at.load(Ordering::Acquire))
                .and_then(Slot::entry)
        })
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
    #[inline]
    fn table(&self) -> Option<&'static Table> {
        let current = self.current.load(Ordering::Acquire);
        // SAFETY: a non-null pointer here came from `leak`: the table is never freed, and the release
        // store that published it makes it fully visible.
        if let Some(table) = unsafe { current.as_ref() } {
            return Some(table);
        }
        self.first_table()
    }

    /// `table` before any table exists: the registry is empty, or its link-time names are not yet in.
    #[cold]
    fn first_table(&self) -> Option<&'static Table> {
        if self.empty.load(Ordering::Acquire) {
            // SAFETY: as in `table`.
            return unsafe { self.current.load(Ordering::Acquire).as_ref() };
        }
        let _lock = self.writer.lock().unwrap_or_else(PoisonError::into_inner);
        if !link_time_names::<E>() {
            self.empty.store(true, Ordering::Release);
            // SAFETY: as in `table`.
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
        let link_time: Vec<(&'static str, Option<&'static str>, &'static str)> = Vec::new();
        let mut table = leak(Table::with_capacity(
            link_time.len().next_power_of_two().max(16),
            None,
        ));
        for (name, description, module) in link_time {
            // Checked at compile time; a name submitted twice keeps its first entry.
            let origin = Origin::Link(module);
            table = self
                .insert(table, name, description.map(Cow::Borrowed), origin)
                .0;
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
        origin: Origin,
    ) -> (&'static Table, &'static Entry) {
        let separators = E::__META.separators;
        let key = Key::new(name, separators);
        let hash = key.hash(name, separators);
        if let Some((slot, found)) = table.find(name, &key, hash, separators) {
            return match description {
                // The first description given for a name wins; members built before it keep none.
                Some(description) if found.description.is_none() => {
                    let entry = leak(Entry {
                        name: found.name,
                        description: Some(description),
                        origin: found.origin,
                        _replaced: Some(found),
                    });
                    slot.entry.store(published(entry), Ordering::Release);
                    (table, entry)
                }
                _ => (table, found),
            };
        }
        if table.is_full() {
            let bigger = leak(Table::with_capacity(table.order.len() * 2, Some(table)));
            for entry in table.iter() {
                let key = Key::new(entry.name, separators);
                // SAFETY: `bigger` is not shared yet and has twice the room of the full `table`.
                unsafe { bigger.push(entry, key, key.hash(entry.name, separators)) };
            }
            self.current.store(published(bigger), Ordering::Release);
            table = bigger;
        }
        let mut stored: Box<str> = name.into();
        name::fold_in_place(&mut stored, E::__META.fold, separators);
        let entry = leak(Entry {
            name: Box::leak(stored),
            description,
            origin,
            _replaced: None,
        });
        // SAFETY: the caller holds the writer lock, and a full table was replaced above.
        unsafe { table.push(entry, key, hash) };
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
        let (_, entry) = self.insert(self.start(), name, description, Origin::RunTime);
        Ok(DynamicMember::registered(entry))
    }

    /// The registered member of that name, in any ASCII case. Never allocates and takes no lock.
    #[inline]
    pub fn get(&self, name: &str) -> Option<DynamicMember<E>> {
        let meta = &E::__META;
        // No registered name is longer (`register` checks, and so does `register!` at compile time):
        // a long input is refused before it is hashed.
        if name.len() > meta.max_len {
            return None;
        }
        let table = self.table()?;
        let key = Key::new(name, meta.separators);
        let (_, entry) =
            table.find(name, &key, key.hash(name, meta.separators), meta.separators)?;
        Some(DynamicMember::registered(entry))
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
        self.entries().map(DynamicMember::registered).collect()
    }

    /// The entries behind [`names`](Self::names), in the same order, without collecting them: what
    /// the crate's own listings (`Member::all`, errors, clap's possible values) read.
    pub(crate) fn entries(&self) -> impl Iterator<Item = &'static Entry> {
        self.table().into_iter().flat_map(Table::iter)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Names of every length from 0 to 100 bytes, with letters in both cases, separators, digits,
    /// bytes next to the letters (`@`, `[`, `` ` ``, `{`) and multi-byte characters.
    fn samples() -> Vec<String> {
        let alphabet = "aZ_-  0@[`{é";
        let chars: Vec<char> = alphabet.chars().collect();
        let mut out = Vec::new();
        for len in 0..100 {
            for shift in 0..3 {
                out.push(
                    (0..len)
                        .map(|i| chars[(i * 7 + shift * 5 + len) % chars.len()])
                        .collect(),
                );
            }
        }
        out
    }

    /// A variant of `name` in another case (and separator, when the rule ignores them).
    fn respelled(name: &str, separators: Option<u8>) -> String {
        name.chars()
            .enumerate()
            .map(|(i, c)| match c {
                '-' | '_' | ' ' if separators.is_some() => ['-', '_', ' '][i % 3],
                c if i % 2 == 0 => c.to_ascii_uppercase(),
                c => c,
            })
            .collect()
    }

    #[test]
    fn keys_and_hashes_agree_with_name_eq() {
        let names = samples();
        for separators in [None, Some(b'_'), Some(b'-')] {
            for a in &names {
                let key = Key::new(a, separators);
                let other = respelled(a, separators);
                let same = Key::new(&other, separators);
                assert!(name::eq(a, &other, separators));
                assert!(key.same(&same), "{a:?} / {other:?}");
                assert_eq!(key.hash(a, separators), same.hash(&other, separators));
                for b in &names {
                    if a.len() <= HEAD {
                        assert_eq!(
                            key.same(&Key::new(b, separators)),
                            name::eq(a, b, separators),
                            "{a:?} / {b:?} under {separators:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn keys_of_long_names_differ_in_hash_when_only_their_middle_differs() {
        let a = format!("{}{}{}", "p".repeat(32), "middle_a", "tail_end");
        let b = format!("{}{}{}", "p".repeat(32), "middle_b", "tail_end");
        let (ka, kb) = (Key::new(&a, None), Key::new(&b, None));
        // The key holds the first 32 and the last 8 bytes: equal here.
        assert!(ka.same(&kb));
        assert_ne!(ka.hash(&a, None), kb.hash(&b, None));
    }

    fn entry(name: &str) -> &'static Entry {
        leak(Entry {
            name: Box::leak(name.into()),
            description: None,
            origin: Origin::RunTime,
            _replaced: None,
        })
    }

    /// Names that collide in everything but their bytes: one hash for all, so one probe sequence
    /// and one mark, and (for the long ones) one key.
    #[test]
    fn colliding_names_are_told_apart_by_key_then_by_name() {
        let table = Table::with_capacity(16, None);
        let head = "x".repeat(32);
        let names = [
            "ab".to_owned(),
            "ab\u{0}".to_owned(),
            "ba".to_owned(),
            "a-b".to_owned(),
            format!("{head}one_____tail_end"),
            format!("{head}two_____tail_end"),
            format!("{head}three___tail_end"),
        ];
        for (i, name) in names.iter().enumerate() {
            assert!(table.find(name, &Key::new(name, None), 42, None).is_none());
            // SAFETY: one thread, and the table has room for every name pushed here.
            unsafe { table.push(entry(name), Key::new(name, None), 42) };
            for (j, other) in names.iter().enumerate() {
                let upper = other.to_ascii_uppercase();
                let found = table.find(&upper, &Key::new(&upper, None), 42, None);
                assert_eq!(
                    found.map(|(_, e)| e.name),
                    (j <= i).then_some(other.as_str())
                );
            }
        }
        let order: Vec<&str> = table.iter().map(|e| e.name).collect();
        assert_eq!(order, names.iter().map(String::as_str).collect::<Vec<_>>());
    }

    #[test]
    fn hashes_that_share_the_home_slot_but_not_the_mark_probe_past_each_other() {
        let table = Table::with_capacity(8, None);
        let mask = table.slots.len() - 1;
        let hashes = [5_u64, 5 + 16, 5 + 32, 5 + 1024];
        let names = ["one", "two", "three", "four"];
        for (name, hash) in names.iter().zip(hashes) {
            assert_eq!(home(hash, mask), 5);
            // SAFETY: as above.
            unsafe { table.push(entry(name), Key::new(name, None), hash) };
        }
        for (name, hash) in names.iter().zip(hashes) {
            let found = table.find(name, &Key::new(name, None), hash, None);
            assert_eq!(found.map(|(_, e)| e.name), Some(*name));
            // The right key under another name's hash is not found: marks differ.
            let wrong = table.find(name, &Key::new(name, None), hash ^ 0x100, None);
            assert!(wrong.is_none());
        }
        // The probe wraps around the end of the table.
        let last = mask as u64;
        // SAFETY: as above.
        unsafe { table.push(entry("wrapped"), Key::new("wrapped", None), last) };
        let found = table.find("WRAPPED", &Key::new("WRAPPED", None), last, None);
        assert_eq!(found.map(|(_, e)| e.name), Some("wrapped"));
        assert_eq!(table.iter().count(), 5);
    }
}
