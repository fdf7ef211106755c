//! [`Registry`]: the names plugins add to an enum, at run time or at link time.

use core::cell::UnsafeCell;
use core::fmt;
use core::marker::PhantomData;
use core::sync::atomic::{AtomicBool, AtomicPtr, AtomicUsize, Ordering};
use core::{mem, ptr, slice, str};
use std::borrow::Cow;
use std::sync::{Mutex, PoisonError};

use crate::error::NameError;
use crate::member::{DynamicMember, Origin};
use crate::name::{self, Fold};
use crate::phf::{fixed_words, fold, head, mum, Miss, HEAD, K};
use crate::traits::DynamicStrEnum;

/// The plugin names of one enum: thread-safe, append-only, one per enum (see
/// [`DynamicStrEnum::registry`]).
///
/// A registered name is stored folded like the enum's built-in names, and every member built from it
/// (by `register`, `get`, parsing or serde) shares that one copy. Registering is idempotent: the
/// same name, in any ASCII case, returns the same member. Only `register`, `register_with_description`
/// and `register!` add names; parsing never does, so untrusted input can't grow the registry.
///
/// Reads take no lock and allocate nothing. The first use of a registry that has link-time names
/// builds its table once (a few allocations); an enum without them needs no table until its first
/// registration. Each name costs the registry under 128 bytes besides its own (about 85 at a
/// million names).
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
    /// The newest index, or null before first use. Readers take no lock: they load this pointer and
    /// read an index that is only ever appended to, or replaced by a larger copy.
    current: AtomicPtr<Table>,
    /// Set once the first use found no link-time names: until a registration, the registry is empty
    /// and readers need no table (so first uses allocate nothing).
    empty: AtomicBool,
    /// Serializes writers (registration and the lazy start), and holds the arena they write entries
    /// into.
    writer: Mutex<Arena>,
    _enum: PhantomData<fn() -> E>,
}

/// One registered name. Entries are immutable and live in the registry's [`Arena`], which is never
/// freed: the registry lives as long as the program and never removes a name, so members point at
/// their entry without reference counting (and, holding no cell, stay usable as map keys without
/// clippy's `mutable_key_type` complaint).
// `repr(C)`, the name last: a lookup reads the name's length and then the copy of the name that
// follows the entry, so these end up next to each other, most often on one cache line (with the
// name first, the two were 32 bytes apart and nearly always on two lines: at 10,000 names, where
// records miss the first-level cache, that was a second miss per registered parse).
#[repr(C)]
pub(crate) struct Entry {
    /// Copied into the arena when it was given as an owned `String`.
    pub(crate) description: Option<&'static str>,
    /// The module of the first `register!` (or `plugin!`) that gave the name, or `None` when it was
    /// registered at run time; an entry that replaces this one to add a description keeps it. A
    /// reference to the submission's `&str`, so an entry stays at 40 bytes.
    link_origin: Option<&'static &'static str>,
    /// Copied once into the arena, folded like the enum's names; an entry that replaces this one to
    /// add a description shares it.
    pub(crate) name: &'static str,
}

impl Entry {
    /// Where the name was first registered.
    pub(crate) fn origin(&self) -> Origin {
        self.link_origin
            .map_or(Origin::RunTime, |module| Origin::Link(module))
    }
}

// Tuning notes on the layout (issue 13 point 5, issue 11 point 3). A slot is one pointer: eight
// bytes, eight to a cache line, so a probe rarely leaves its first line, and the index of 10,000
// names is 256 KiB rather than the 2 MiB of the former 64-byte slots (hash, folded key and entry
// on one line). A hit reads the slot, then the entry and its name, written next to each other in
// the arena. Per name, at one million names: 8 bytes of slot times two (half the slots stay empty)
// times two (the retired tables add up to at most the newest one), 4 + 4 bytes of registration
// order, a 40-byte entry and the name rounded up to 8 bytes: about 85 bytes beyond the name's own,
// measured by `tests/tests/registry_memory.rs`.

/// Where entries, names and descriptions live: chunks of [`CHUNK_WORDS`] words, filled in order and
/// never moved or freed, so everything in them can be handed out as `&'static`. Only writers (under
/// the registry's lock) touch it; readers reach its contents through the slots' release stores.
struct Arena {
    /// The next free word of the chunk being filled.
    free: *mut u64,
    /// How many words are left in that chunk.
    left: usize,
    /// Every chunk, so that leak checkers see them as reachable rather than lost.
    chunks: Vec<*mut u64>,
}

/// 64 KiB: a chunk holds over a thousand typical entries, and the one being filled wastes little.
const CHUNK_WORDS: usize = 8 * 1024;

// SAFETY: the arena owns its chunks (raw pointers only because what it hands out is `&'static`);
// it is only used behind the registry's `Mutex`, so one thread at a time.
unsafe impl Send for Arena {}

impl Arena {
    const fn new() -> Arena {
        Arena {
            free: ptr::null_mut(),
            left: 0,
            chunks: Vec::new(),
        }
    }

    /// Room for `bytes` bytes, aligned to eight, never written by the arena again. At least one word,
    /// even for no bytes: the pointer is then never the fresh arena's null, which `slice::from_raw_parts`
    /// refuses even for an empty slice (an empty owned description would hand it one).
    fn alloc(&mut self, bytes: usize) -> *mut u8 {
        let words = ((bytes + 7) / 8).max(1);
        if words > self.left {
            let size = words.max(CHUNK_WORDS);
            let chunk = Box::into_raw(vec![0_u64; size].into_boxed_slice()).cast::<u64>();
            self.chunks.push(chunk);
            if size > CHUNK_WORDS {
                // A long name or description gets a chunk of its own; the current one keeps filling.
                return chunk.cast();
            }
            (self.free, self.left) = (chunk, size);
        }
        let at = self.free;
        // SAFETY: `words <= left`, so the result is at most one past the end of the chunk.
        self.free = unsafe { at.add(words) };
        self.left -= words;
        at.cast()
    }

    /// A copy of `text`, for the life of the program.
    fn text(&mut self, text: &str) -> &'static mut str {
        let at = self.alloc(text.len());
        // SAFETY: `alloc` gave `text.len()` fresh bytes that nothing else refers to; a copy of valid
        // UTF-8 is valid UTF-8.
        unsafe {
            ptr::copy_nonoverlapping(text.as_ptr(), at, text.len());
            str::from_utf8_unchecked_mut(slice::from_raw_parts_mut(at, text.len()))
        }
    }

    /// A description, copied unless it is already `'static`.
    fn description(&mut self, description: Cow<'static, str>) -> &'static str {
        match description {
            Cow::Borrowed(text) => text,
            Cow::Owned(text) => self.text(&text),
        }
    }

    /// A record for `name`, already folded for storage: an entry followed by a copy of the name.
    /// The entry's own name is that copy, or `shared` (the name of the entry this one replaces, so
    /// that every member of a name shares one allocation).
    fn record(
        &mut self,
        name: &str,
        shared: Option<&'static str>,
        description: Option<Cow<'static, str>>,
        link_origin: Option<&'static &'static str>,
    ) -> Record {
        let description = description.map(|description| self.description(description));
        let at = self.alloc(mem::size_of::<Entry>() + name.len());
        // SAFETY: `alloc` gave room for an entry and the name's bytes, aligned for the entry, that
        // nothing else refers to; the bytes are a copy of valid UTF-8; neither is written again.
        unsafe {
            let copy = at.add(mem::size_of::<Entry>());
            ptr::copy_nonoverlapping(name.as_ptr(), copy, name.len());
            let copy = str::from_utf8_unchecked(slice::from_raw_parts(copy, name.len()));
            // The cast is aligned: the arena's room is 8-byte aligned, which is all `Entry` needs.
            #[allow(clippy::cast_ptr_alignment)]
            let entry = at.cast::<Entry>();
            entry.write(Entry {
                name: shared.unwrap_or(copy),
                description,
                link_origin,
            });
            Record(entry)
        }
    }
}

/// An entry in the arena, followed by a copy of its name as the index compares it. The pointer
/// covers both (it comes from the arena's chunk, not from a reference to the entry), so a lookup
/// reads the name right after the entry, without first loading the entry's name pointer: one cache
/// line, or two adjacent ones, per candidate.
#[derive(Clone, Copy)]
struct Record(*mut Entry);

impl Record {
    #[inline]
    fn entry(self) -> &'static Entry {
        // SAFETY: a record's entry is written before the record is published (see `Arena::record`)
        // and never freed or written again.
        unsafe { &*self.0 }
    }

    /// The copy of the name that follows the entry; as long as the entry's name.
    #[inline]
    fn name(self) -> &'static [u8] {
        let len = self.entry().name.len();
        // SAFETY: `Arena::record` wrote `len` bytes right after the entry, under this pointer's
        // provenance, and never writes them again.
        unsafe { slice::from_raw_parts(self.0.cast::<u8>().add(mem::size_of::<Entry>()), len) }
    }
}

/// A name as the index compares it when it is longer than [`SHORT`] bytes (and as inserts and growth
/// hash every name): five words read at 0, 8, 16 and 24 (each clamped to the last eight bytes) and at
/// the last eight bytes (one zero-padded word under eight bytes), folded under the enum's rule (ASCII
/// letters to lower case; `-`, `_` and ` ` to `_` under `ignore_separators`), and the length. Two
/// names of at most [`HEAD`] bytes are equal under the rule exactly when their keys are: every byte is
/// in some word, and folding changes only what the rule ignores. Names of at most [`SHORT`] bytes are
/// looked up through [`short_key`] instead.
#[derive(Clone, Copy)]
struct Key {
    words: [u64; 5],
    len: usize,
}

impl Key {
    // Always: with `Registry::entry` out of line, the inliner left these as calls, and the hash
    // alone then measured a quarter of a registered parse.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn new(name: &str, separators: Option<u8>) -> Key {
        Key::fold(head(name.as_bytes()), name.len(), separators)
    }

    /// The key of a name whose head words (unfolded) and length these are. Written out: `array::map`
    /// with a closure was not inlined here, and cost a call and a round trip through memory.
    #[inline]
    fn fold(w: [u64; 5], len: usize, separators: Option<u8>) -> Key {
        let ignore = separators.is_some();
        Key {
            words: [
                fold(w[0], ignore),
                fold(w[1], ignore),
                fold(w[2], ignore),
                fold(w[3], ignore),
                fold(w[4], ignore),
            ],
            len,
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

    /// The index hash. A name of at most [`SHORT`] bytes (nearly all) gets [`short_hash`], which a
    /// parse can compute from what the built-in lookup already read; one of at most [`HEAD`] bytes,
    /// three independent multiplications over the key's folded words, each word whitened by its own
    /// constant (not `phf::mix`, which leaves the first word to the seed: with seed 0, names sharing a
    /// prefix (`plugin_…`) measured slower to look up); a longer one is hashed whole by the derive's
    /// hash (with seed 0), so names that differ only in their middle still spread. Equal names under
    /// the rule hash alike (they have the same length, so take the same branch).
    // Always: with the lookup out of line, the inliner left these as calls, and the hash alone then
    // measured a quarter of a registered parse.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn hash(&self, name: &str, separators: Option<u8>) -> u64 {
        if self.len <= SHORT {
            return short_hash(fixed_words::<4>(name.as_bytes()), self.len, separators);
        }
        if self.len > HEAD {
            return crate::phf::hash(name.as_bytes(), 0, separators.is_some());
        }
        let w = &self.words;
        mum(w[0] ^ K[0], w[1] ^ K[1])
            ^ mum(w[2] ^ K[2], w[3] ^ K[3])
            ^ mum(w[4] ^ K[4], self.len as u64 ^ K[5])
    }
}

/// The longest name that takes the short path: four words, as `phf::fixed_words` reads them, and
/// two multiplications. Nearly every name is this short; longer ones take [`Key`]'s five words.
const SHORT: usize = 32;

/// The four words of a name of at most [`SHORT`] bytes, folded: with the length, equal exactly when
/// the names are equal under the rule (every byte is in some word, zeros after).
// Always: inlined into the caller's probe, the words stay in registers for the compare.
#[allow(clippy::inline_always)]
#[inline(always)]
fn short_key(w: [u64; 4], separators: Option<u8>) -> [u64; 4] {
    let ignore = separators.is_some();
    [
        fold(w[0], ignore),
        fold(w[1], ignore),
        fold(w[2], ignore),
        fold(w[3], ignore),
    ]
}

/// The index hash of a name of at most [`SHORT`] bytes, from its unfolded words (as the built-in
/// lookup read them, see `phf::Miss`): two independent multiplications over the words with the case
/// bit of every byte cleared (blind to ASCII case, so the words need no fold unless separators are
/// ignored), each word whitened by its own constant.
// Not the built-in table's key (the words xored after byte rotations), though a miss has it for
// free: that key is linear, so names that trade the same bytes between two positions landing on one
// key byte hash alike (`pool_07_set_03` and `pool_00_set_73`), and numbered plugin names collided by
// the thousand. The built-in table can refuse such keys when the derive searches its seed; the
// registry can't choose its names.
#[allow(clippy::inline_always)]
#[inline(always)]
fn short_hash(w: [u64; 4], len: usize, separators: Option<u8>) -> u64 {
    let w = if separators.is_some() {
        short_key(w, separators)
    } else {
        w
    };
    let case = !0x2020_2020_2020_2020_u64;
    mum((w[0] & case) ^ K[0], (w[1] & case) ^ K[1])
        ^ mum((w[2] & case) ^ K[2], (w[3] & case) ^ K[3] ^ len as u64)
}

/// How an enum's names compare in the index.
#[derive(Clone, Copy)]
struct Rule {
    /// `Some(separator)` under `ignore_separators`.
    separators: Option<u8>,
    /// Whether stored names are already folded as keys fold them (lower case, and `_` for every
    /// separator under the rule), so an entry's name is compared with a key as it is, unfolded.
    stored_folded: bool,
}

impl Rule {
    #[inline]
    fn of<E: DynamicStrEnum>() -> Rule {
        let meta = &E::__META;
        Rule {
            separators: meta.separators,
            stored_folded: matches!(meta.fold, Fold::Lower)
                && matches!(meta.separators, None | Some(b'_')),
        }
    }
}

/// Whether `record` holds the name whose key this is (`name` is that name, for one over [`HEAD`] bytes).
#[inline]
fn holds(record: Record, name: &str, key: &Key, rule: Rule) -> bool {
    let stored = record.name();
    if stored.len() != key.len {
        return false;
    }
    if key.len > HEAD {
        // SAFETY: the record's copy of a name is valid UTF-8, as the name was.
        let stored = unsafe { str::from_utf8_unchecked(stored) };
        return name::eq(stored, name, rule.separators);
    }
    let stored = if rule.stored_folded {
        Key {
            words: head(stored),
            len: key.len,
        }
    } else {
        Key::fold(head(stored), key.len, rule.separators)
    };
    stored.same(key)
}

/// Whether the record a slot points to holds the name of at most [`SHORT`] bytes whose folded words
/// ([`short_key`]) and length these are.
#[allow(clippy::inline_always)]
#[inline(always)]
fn holds_short(stored: *mut Entry, len: usize, key: &[u64; 4], rule: Rule) -> bool {
    let candidate = untagged(stored).name();
    if candidate.len() != len {
        return false;
    }
    let words = if rule.stored_folded {
        fixed_words::<4>(candidate)
    } else {
        short_key(fixed_words::<4>(candidate), rule.separators)
    };
    (words[0] ^ key[0]) | (words[1] ^ key[1]) | (words[2] ^ key[2]) | (words[3] ^ key[3]) == 0
}

/// The low bits of an entry's address, zero as entries are aligned, which a slot uses to hold a few
/// bits of its name's hash: most names that share a probe sequence are passed over without reading
/// their entry.
const TAG: usize = mem::align_of::<Entry>() - 1;

/// The bits of `hash` a slot keeps: high ones, as the low ones choose the slot.
#[inline]
fn tag(hash: u64) -> usize {
    // Truncation is intended: only the bits under `TAG` are kept.
    #[allow(clippy::cast_possible_truncation)]
    let tag = (hash >> 58) as usize & TAG;
    tag
}

/// What a slot holds for a record whose name has this hash: never null, the mark of an empty slot.
#[inline]
// The tagged pointer is not used as an `Entry` pointer until `untagged` takes the tag off.
#[allow(clippy::cast_ptr_alignment)]
fn tagged(record: Record, hash: u64) -> *mut Entry {
    // `wrapping_add` on the pointer (rather than integer arithmetic) keeps its provenance.
    record
        .0
        .cast::<u8>()
        .wrapping_add(tag(hash))
        .cast::<Entry>()
}

/// The record a non-null slot value points to. A reader uses it only after an acquire load of the
/// slot, which saw the release store that published the record (so its contents are visible).
#[inline]
fn untagged(slot: *mut Entry) -> Record {
    // The cast is aligned: taking the tag off gives back the entry's own address.
    #[allow(clippy::cast_ptr_alignment)]
    let entry = slot
        .cast::<u8>()
        .wrapping_sub(slot as usize & TAG)
        .cast::<Entry>();
    Record(entry)
}

/// A fixed-capacity, append-only index: open addressing over slots that point into the arena, and
/// the registration order as slot positions, both published with release stores so a reader sees
/// only complete entries. A full table is copied into one twice its size; the old one is leaked, as
/// readers may still hold it (the leaks add up to at most the size of the newest table).
struct Table {
    /// Null while empty; then, for good, an entry (replaced, never cleared, when a description is
    /// added) tagged with bits of its name's hash. Twice as many as `order`, so at most half are full
    /// and probes stay short.
    slots: Box<[AtomicPtr<Entry>]>,
    /// The slot of each entry, in registration order. Plain memory rather than atomics: a position is
    /// written once, before `len` counts it (with release), and read only below `len` (with acquire),
    /// so that ordering is the one thing keeping readers right, and the thread sanitizer checks it.
    order: Box<[UnsafeCell<u32>]>,
    /// How many entries there are.
    len: AtomicUsize,
    /// The smaller table this one replaced, which readers may still hold: linked so leak checkers see
    /// it as reachable rather than lost.
    _retired: Option<&'static Table>,
}

// SAFETY: tables are shared between threads through `Registry::current`. The only fields without
// their own synchronisation are the `order` positions, each written once by `push` (one writer at a
// time, by its contract) before `len` counts it with release; readers read only positions below an
// acquire load of `len`, and nothing writes them again.
unsafe impl Sync for Table {}

/// The slot a name's probe starts at.
#[inline]
fn home(hash: u64, mask: usize) -> usize {
    // Truncation is intended: only the low bits are kept.
    #[allow(clippy::cast_possible_truncation)]
    let home = hash as usize & mask;
    home
}

impl Table {
    /// Room for `capacity` names, a power of two.
    fn with_capacity(capacity: usize, retired: Option<&'static Table>) -> Table {
        // Slot positions are stored as `u32`. Two billion names would need over 150 GiB, so this is a
        // bound of principle, checked to keep the casts below honest.
        // (On 32-bit targets the slot count must also fit in `usize`.)
        let slots = capacity
            .checked_mul(2)
            .filter(|_| capacity <= 1 << 31)
            .expect("a registry holds at most 2^31 names");
        Table {
            slots: (0..slots)
                .map(|_| AtomicPtr::new(ptr::null_mut()))
                .collect(),
            order: (0..capacity).map(|_| UnsafeCell::new(0)).collect(),
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
        rule: Rule,
    ) -> Option<(&AtomicPtr<Entry>, Record)> {
        let mask = self.slots.len() - 1;
        let (tag, mut at) = (tag(hash), home(hash, mask));
        loop {
            let slot = self.slots.get(at)?;
            let stored = slot.load(Ordering::Acquire);
            if stored.is_null() {
                return None;
            }
            if stored as usize & TAG == tag {
                let record = untagged(stored);
                if holds(record, name, key, rule) {
                    return Some((slot, record));
                }
            }
            at = (at + 1) & mask;
        }
    }

    /// [`find`](Self::find) for a name of at most [`SHORT`] bytes, written for lookups alone: the
    /// input's words are read and folded once, hash and compare share them, and a candidate's words
    /// are read at the input's offsets once its length matched.
    // Always: it is nearly all of `get`, and as a call it kept its words in memory rather than
    // registers.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn find_short(&self, name: &[u8], rule: Rule) -> Option<&'static Entry> {
        let words = fixed_words::<4>(name);
        let hash = short_hash(words, name.len(), rule.separators);
        self.probe_short(words, hash, name.len(), rule)
    }

    /// The probe of [`find_short`](Self::find_short), from the name's unfolded words and hash.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn probe_short(
        &self,
        words: [u64; 4],
        hash: u64,
        len: usize,
        rule: Rule,
    ) -> Option<&'static Entry> {
        let key = short_key(words, rule.separators);
        // The slice is read once: loaded after each slot's acquire load, it was reloaded every probe.
        let slots = &*self.slots;
        let mask = slots.len() - 1;
        let (tag, at) = (tag(hash), home(hash, mask));
        // The home slot and the next, without a branch between them: a name is in one of the two
        // but for the few pushed further along, and choosing with a branch mispredicted on the
        // names that sit one slot past home.
        let first = slots.get(at)?.load(Ordering::Acquire);
        let second = slots.get((at + 1) & mask)?.load(Ordering::Acquire);
        let pick = if first as usize & TAG == tag {
            first
        } else {
            second
        };
        if !pick.is_null() && pick as usize & TAG == tag && holds_short(pick, len, &key, rule) {
            return Some(untagged(pick).entry());
        }
        self.probe_short_on(at, tag, len, &key, rule)
    }

    /// The rest of [`probe_short`](Self::probe_short), for the names that are not in the first two
    /// slots (and for misses): out of line, so the common case stays small where it is inlined.
    #[inline(never)]
    fn probe_short_on(
        &self,
        mut at: usize,
        tag: usize,
        len: usize,
        key: &[u64; 4],
        rule: Rule,
    ) -> Option<&'static Entry> {
        let slots = &*self.slots;
        let mask = slots.len() - 1;
        loop {
            let stored = slots.get(at)?.load(Ordering::Acquire);
            if stored.is_null() {
                return None;
            }
            if stored as usize & TAG == tag && holds_short(stored, len, key, rule) {
                return Some(untagged(stored).entry());
            }
            at = (at + 1) & mask;
        }
    }

    /// Appends a record whose name has this hash.
    ///
    /// # Safety
    ///
    /// No other `push` on this table may run at the same time (the caller holds the registry's
    /// writer lock, or the table is not yet shared), and the table is not full.
    unsafe fn push(&self, record: Record, hash: u64) {
        let mask = self.slots.len() - 1;
        let mut at = home(hash, mask);
        // Relaxed: only writers store slots, and the caller's contract makes this one the only one.
        while !self.slots[at].load(Ordering::Relaxed).is_null() {
            at = (at + 1) & mask;
        }
        // The entry's contents (written before) become visible to any reader that loads this slot.
        self.slots[at].store(tagged(record, hash), Ordering::Release);
        let len = self.len.load(Ordering::Relaxed);
        // Truncation can't happen: `with_capacity` bounds the slot count to `u32`'s range.
        #[allow(clippy::cast_possible_truncation)]
        let at = at as u32;
        // SAFETY: the only writer (the caller's contract) writes a position not yet counted by `len`,
        // which no reader reads (see `iter`).
        unsafe { *self.order[len].get() = at };
        // Publishes the position to `iter`. A read-modify-write rather than a store, though only one
        // writer runs: it continues the release sequence of the writers before, so a reader that
        // sees this count also sees their positions by the memory model alone (not only through the
        // writers' lock, which ThreadSanitizer can't see inside the uninstrumented standard library).
        self.len.fetch_add(1, Ordering::Release);
    }

    fn is_full(&self) -> bool {
        self.len.load(Ordering::Relaxed) == self.order.len()
    }

    /// Every entry, in registration order.
    fn iter(&self) -> impl Iterator<Item = &'static Entry> + '_ {
        self.records().map(Record::entry)
    }

    /// Every record, in registration order.
    fn records(&self) -> impl Iterator<Item = Record> + '_ {
        let len = self.len.load(Ordering::Acquire);
        self.order[..len].iter().filter_map(|at| {
            // SAFETY: the acquire load of `len` saw the release store made after this position was
            // written, and it is never written again.
            let at = unsafe { *at.get() };
            let slot = self.slots.get(at as usize)?;
            let stored = slot.load(Ordering::Acquire);
            (!stored.is_null()).then(|| untagged(stored))
        })
    }
}

// SAFETY: a record is shared between threads only once published, after which nothing writes it.
unsafe impl Send for Record {}

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
            writer: Mutex::new(Arena::new()),
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
        let mut arena = self.writer.lock().unwrap_or_else(PoisonError::into_inner);
        if !link_time_names::<E>() {
            self.empty.store(true, Ordering::Release);
            // SAFETY: as in `table`.
            return unsafe { self.current.load(Ordering::Acquire).as_ref() };
        }
        Some(self.start(&mut arena))
    }

    /// Makes the first table, unless another thread did; the caller holds the writer lock, whose
    /// arena this is.
    fn start(&self, arena: &mut Arena) -> &'static Table {
        let current = self.current.load(Ordering::Acquire);
        // SAFETY: as in `table`.
        if let Some(table) = unsafe { current.as_ref() } {
            return table;
        }
        #[cfg(feature = "register")]
        let link_time = crate::link::names::<E>();
        #[cfg(not(feature = "register"))]
        let link_time: Vec<(&'static str, Option<&'static str>, &'static &'static str)> =
            Vec::new();
        let mut table = leak(Table::with_capacity(
            link_time.len().next_power_of_two().max(16),
            None,
        ));
        for (name, description, module) in link_time {
            // Checked at compile time; a name submitted twice keeps its first entry.
            let description = description.map(Cow::Borrowed);
            table = self.insert(arena, table, name, description, Some(module)).0;
        }
        self.current.store(published(table), Ordering::Release);
        table
    }

    /// Adds `name` to `table` (or gives its description to the existing entry), growing the table if
    /// it is full; returns the table now current and the name's entry. The caller holds the writer
    /// lock, whose arena this is.
    fn insert(
        &self,
        arena: &mut Arena,
        mut table: &'static Table,
        name: &str,
        description: Option<Cow<'static, str>>,
        link_origin: Option<&'static &'static str>,
    ) -> (&'static Table, &'static Entry) {
        let rule = Rule::of::<E>();
        let key = Key::new(name, rule.separators);
        let hash = key.hash(name, rule.separators);
        if let Some((slot, found)) = table.find(name, &key, hash, rule) {
            let found_entry = found.entry();
            return match description {
                // The first description given for a name wins; members built before it keep none.
                Some(description) if found_entry.description.is_none() => {
                    let record = arena.record(
                        found_entry.name,
                        Some(found_entry.name),
                        Some(description),
                        found_entry.link_origin,
                    );
                    slot.store(tagged(record, hash), Ordering::Release);
                    (table, record.entry())
                }
                _ => (table, found_entry),
            };
        }
        if table.is_full() {
            let bigger = leak(Table::with_capacity(table.order.len() * 2, Some(table)));
            for record in table.records() {
                let name = record.entry().name;
                let key = Key::new(name, rule.separators);
                // SAFETY: `bigger` is not shared yet and has twice the room of the full `table`.
                unsafe { bigger.push(record, key.hash(name, rule.separators)) };
            }
            // Readers that load the new table see every slot and position written above.
            self.current.store(published(bigger), Ordering::Release);
            table = bigger;
        }
        // Folded on the stack when it fits (every name the index compares whole does), so the arena
        // holds the record only.
        let mut buf = [0_u8; HEAD];
        let mut long = String::new();
        let stored: &mut str = if let Some(buf) = buf.get_mut(..name.len()) {
            buf.copy_from_slice(name.as_bytes());
            // SAFETY: a copy of valid UTF-8.
            unsafe { str::from_utf8_unchecked_mut(buf) }
        } else {
            long.push_str(name);
            &mut long
        };
        name::fold_in_place(stored, E::__META.fold, rule.separators);
        let record = arena.record(stored, None, description, link_origin);
        // SAFETY: the caller holds the writer lock, and a full table was replaced above.
        unsafe { table.push(record, hash) };
        (table, record.entry())
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
        let mut arena = self.writer.lock().unwrap_or_else(PoisonError::into_inner);
        let table = self.start(&mut arena);
        let (_, entry) = self.insert(&mut arena, table, name, description, None);
        Ok(DynamicMember::registered(entry))
    }

    /// The registered member of that name, in any ASCII case. Never allocates and takes no lock.
    #[inline]
    pub fn get(&self, name: &str) -> Option<DynamicMember<E>> {
        self.find_entry(name).map(DynamicMember::registered)
    }

    /// The entry a name resolves to (`traits::resolve`) once the built-in lookup missed. When that
    /// lookup left the name's words (see `phf::Miss`), the index hashes and compares them while they
    /// are still in registers: the common case is inlined into the parse, and only the rest (a longer
    /// name, a name past its first two slots, or an enum whose table left nothing) goes out of line.
    // Inlined, with the words passed in registers, a registered parse (10 names, scratch driver)
    // measured 11.2 ns against 15.6 ns through a call that read the words again (22 ns before
    // `Miss`), both with a one-multiplication hash that `short_hash` explains was dropped (it costs
    // about 1 ns). What stays out of line keeps the parse small enough to inline into its callers,
    // which build the member in place.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    pub(crate) fn entry_after(&self, name: &str, miss: Miss) -> Option<&'static Entry> {
        let rule = Rule::of::<E>();
        // The built-in table reads raw words, so they are the index's only where separators count
        // (the derive gives such tables only to those enums; checked here all the same).
        match miss.words {
            Some(words) if rule.separators.is_none() && name.len() <= SHORT => self
                .table()?
                .probe_short(words, short_hash(words, name.len(), None), name.len(), rule),
            _ => self.entry(name),
        }
    }

    /// [`entry_after`](Self::entry_after) when the built-in lookup left nothing: out of line.
    #[inline(never)]
    fn entry(&self, name: &str) -> Option<&'static Entry> {
        self.find_entry(name)
    }

    /// The body of `get` and `entry`: inlined into both, so `get` stays free of a call.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn find_entry(&self, name: &str) -> Option<&'static Entry> {
        // No registered name is longer (`register` checks, and so does `register!` at compile time):
        // a long input is refused before it is hashed.
        if name.len() > E::__META.max_len {
            return None;
        }
        let table = self.table()?;
        let rule = Rule::of::<E>();
        if name.len() <= SHORT {
            return table.find_short(name.as_bytes(), rule);
        }
        let key = Key::new(name, rule.separators);
        let (_, record) = table.find(name, &key, key.hash(name, rule.separators), rule)?;
        Some(record.entry())
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
    use std::collections::HashSet;

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
    fn short_names_hash_and_compare_as_name_eq_says() {
        let names: Vec<String> = samples().into_iter().filter(|n| n.len() <= SHORT).collect();
        for (separators, fold) in [
            (None, Fold::Lower),
            (None, Fold::Upper),
            (None, Fold::Keep),
            (Some(b'_'), Fold::Lower),
            (Some(b'-'), Fold::Lower),
        ] {
            let rule = Rule {
                separators,
                stored_folded: matches!(fold, Fold::Lower)
                    && matches!(separators, None | Some(b'_')),
            };
            let hash =
                |name: &str| short_hash(fixed_words::<4>(name.as_bytes()), name.len(), separators);
            for a in &names {
                // Stored as the registry stores it: folded under the enum's style.
                let mut stored = a.clone();
                name::fold_in_place(&mut stored, fold, separators);
                let record = entry(&stored);
                let other = respelled(a, separators);
                assert_eq!(hash(a), hash(&other), "{a:?} / {other:?}");
                // The insert's hash (through `Key`) is the lookup's.
                assert_eq!(Key::new(a, separators).hash(a, separators), hash(a));
                for b in names.iter().chain([&other]) {
                    let key = short_key(fixed_words::<4>(b.as_bytes()), separators);
                    assert_eq!(
                        holds_short(record.0, b.len(), &key, rule),
                        name::eq(a, b, separators),
                        "{a:?} / {b:?} under {separators:?}, {fold:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn structured_name_sets_get_a_hash_each() {
        // Numbered names trade the same bytes between positions: a hash linear in the name's bits
        // (the built-in table's key) gave `pool_07_set_03` and `pool_00_set_73` one hash, and these
        // 10,000 names about 1,600 hashes.
        let sets: [Vec<String>; 3] = [
            (0..10_000)
                .map(|i| format!("inference_pool_{:02}_replica_set_{:02}", i / 100, i % 100))
                .collect(),
            (0..10_000).map(|i| format!("plugin_{i:06}")).collect(),
            (0..10_000)
                .map(|i| {
                    format!(
                        "{}_{}_{}",
                        ["acme", "globex", "hooli"][i % 3],
                        ["chat", "rerank"][i / 3 % 2],
                        i / 6
                    )
                })
                .collect(),
        ];
        for names in &sets {
            let hashes: HashSet<u64> = names
                .iter()
                .map(|n| Key::new(n, None).hash(n, None))
                .collect();
            assert_eq!(hashes.len(), names.len(), "{:?}…", &names[..3]);
            // The slot and tag a probe starts from, in a table of 32,768 slots: spread, not clustered.
            let starts: HashSet<(usize, usize)> = names
                .iter()
                .map(|n| {
                    let hash = Key::new(n, None).hash(n, None);
                    (home(hash, (1 << 15) - 1), tag(hash))
                })
                .collect();
            assert!(
                starts.len() > names.len() * 95 / 100,
                "{} starts",
                starts.len()
            );
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

    /// A record for `name` (as given: these tests store names unfolded), from an arena that is
    /// never freed, like a registry's.
    fn entry(name: &str) -> Record {
        let arena = Box::leak(Box::new(Arena::new()));
        arena.record(name, None, None, None)
    }

    /// The rule of an enum whose names keep their case and separators.
    const EXACT: Rule = Rule {
        separators: None,
        stored_folded: false,
    };

    /// Names that collide in everything but their bytes: one hash for all, so one probe sequence
    /// and one tag, and (for the long ones) one key.
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
            assert!(table.find(name, &Key::new(name, None), 42, EXACT).is_none());
            // SAFETY: one thread, and the table has room for every name pushed here.
            unsafe { table.push(entry(name), 42) };
            for (j, other) in names.iter().enumerate() {
                let upper = other.to_ascii_uppercase();
                let found = table.find(&upper, &Key::new(&upper, None), 42, EXACT);
                assert_eq!(
                    found.map(|(_, r)| r.entry().name),
                    (j <= i).then_some(other.as_str())
                );
            }
        }
        let order: Vec<&str> = table.iter().map(|e| e.name).collect();
        assert_eq!(order, names.iter().map(String::as_str).collect::<Vec<_>>());
    }

    #[test]
    fn hashes_that_share_the_home_slot_but_not_the_tag_probe_past_each_other() {
        let table = Table::with_capacity(8, None);
        let mask = table.slots.len() - 1;
        // One home slot, four tags.
        let hashes = [5_u64, 5 | 1 << 58, 5 | 2 << 58, 5 | 3 << 58];
        let names = ["one", "two", "three", "four"];
        for (name, hash) in names.iter().zip(hashes) {
            assert_eq!(home(hash, mask), 5);
            assert_ne!(tag(hash), tag(hash ^ 4 << 58));
            // SAFETY: as above.
            unsafe { table.push(entry(name), hash) };
        }
        for (name, hash) in names.iter().zip(hashes) {
            let found = table.find(name, &Key::new(name, None), hash, EXACT);
            assert_eq!(found.map(|(_, r)| r.entry().name), Some(*name));
            // The right key under a hash with another tag is not found.
            let wrong = table.find(name, &Key::new(name, None), hash ^ 4 << 58, EXACT);
            assert!(wrong.is_none());
        }
        // The probe wraps around the end of the table.
        let last = mask as u64;
        // SAFETY: as above.
        unsafe { table.push(entry("wrapped"), last) };
        let found = table.find("WRAPPED", &Key::new("WRAPPED", None), last, EXACT);
        assert_eq!(found.map(|(_, r)| r.entry().name), Some("wrapped"));
        assert_eq!(table.iter().count(), 5);
    }
}
