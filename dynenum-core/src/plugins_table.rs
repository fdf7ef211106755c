//! The resolved form of a plugin table: every name with its candidate values ranked by the rules,
//! built once and then read without locks.

use core::cmp::Ordering;
use core::fmt;
use std::collections::HashMap;

use crate::member::Member;
use crate::name;
use crate::traits::DynamicStrEnum;

/// Where a candidate value comes from.
#[derive(Clone, Copy)]
pub(crate) enum Source {
    Builtin,
    Link {
        origin: &'static str,
        file: &'static str,
        line: u32,
        column: u32,
    },
    /// `seq` counts registrations on the table: a later one is larger.
    RunTime {
        seq: u64,
    },
}

impl Source {
    pub(crate) fn origin(&self) -> &'static str {
        match self {
            Source::Builtin => "built-in",
            Source::Link { origin, .. } => origin,
            Source::RunTime { .. } => "run time",
        }
    }

    /// At equal priority: run-time registrations first, then `plugin!` calls, then the built-in value.
    fn class(&self) -> u8 {
        match self {
            Source::RunTime { .. } => 0,
            Source::Link { .. } => 1,
            Source::Builtin => 2,
        }
    }
}

impl fmt::Debug for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Link {
                origin, file, line, ..
            } => write!(f, "{origin} ({file}:{line})"),
            other => f.write_str(other.origin()),
        }
    }
}

/// One value offered for a name.
pub(crate) struct Candidate<V: 'static> {
    pub(crate) value: &'static V,
    pub(crate) priority: i32,
    pub(crate) source: Source,
    /// The `plugin!` call's own description.
    pub(crate) description: Option<&'static str>,
}

impl<V> Clone for Candidate<V> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<V> Copy for Candidate<V> {}

/// The order of the rules: `Less` when `a` beats `b`. Highest priority; then the class (run time,
/// `plugin!`, built-in); a later registration; the origin that sorts first, then file, line, column.
pub(crate) fn rank<V>(a: &Candidate<V>, b: &Candidate<V>) -> Ordering {
    b.priority
        .cmp(&a.priority)
        .then_with(|| a.source.class().cmp(&b.source.class()))
        .then_with(|| match (&a.source, &b.source) {
            (Source::RunTime { seq: x }, Source::RunTime { seq: y }) => y.cmp(x),
            (
                Source::Link {
                    origin: o1,
                    file: f1,
                    line: l1,
                    column: c1,
                },
                Source::Link {
                    origin: o2,
                    file: f2,
                    line: l2,
                    column: c2,
                },
            ) => (o1, f1, l1, c1).cmp(&(o2, f2, l2, c2)),
            _ => Ordering::Equal,
        })
}

/// A name with a value: its candidates, the winner first.
pub(crate) struct Named<E: DynamicStrEnum, V: 'static> {
    pub(crate) member: Member<E>,
    pub(crate) candidates: Vec<Candidate<V>>,
}

impl<E: DynamicStrEnum, V: 'static> Named<E, V> {
    /// The name as stored: `'static`, from the enum or the registry.
    pub(crate) fn name(&self) -> &'static str {
        match &self.member {
            Member::Builtin(builtin) => builtin.as_str(),
            Member::Dynamic(dynamic) => dynamic.static_name(),
        }
    }

    fn add(&mut self, candidate: Candidate<V>) {
        // Stable: candidates that tie on every rule keep their submission order.
        let at = self
            .candidates
            .partition_point(|c| rank(c, &candidate) != Ordering::Greater);
        self.candidates.insert(at, candidate);
    }
}

/// A resolved table: built once, then only replaced (by a run-time registration) by a new one.
pub(crate) struct Resolved<E: DynamicStrEnum, V: 'static> {
    /// The winning value of each name, by position in `names` (a built-in member's is its position
    /// in `E::VARIANTS`): `get` reads here, one load away from the table.
    values: Box<[&'static V]>,
    /// Built-in members in declaration order, then the other names sorted by folded name.
    pub(crate) names: Vec<Named<E, V>>,
    /// The names of `names`, in that order: what errors list.
    pub(crate) listed: Box<[&'static str]>,
    /// Registered name (by the address of its one allocation) to its position in `names`.
    pub(crate) index: PtrIndex,
    /// The table this one replaced, which readers may still hold: kept reachable for leak checkers.
    _retired: Option<&'static Resolved<E, V>>,
}

impl<E: DynamicStrEnum, V: 'static> Resolved<E, V> {
    /// The table for these built-in values (one per variant, in order) and submissions.
    pub(crate) fn new(
        builtins: Vec<Candidate<V>>,
        submitted: Vec<(&'static str, Candidate<V>)>,
    ) -> Self {
        let mut names: Vec<Named<E, V>> = E::VARIANTS
            .iter()
            .zip(builtins)
            .map(|(&variant, candidate)| Named {
                member: Member::Builtin(variant),
                candidates: vec![candidate],
            })
            .collect();
        let mut dynamic: Vec<Named<E, V>> = Vec::new();
        // Registered names by the address of their one allocation: grouping stays linear.
        let mut seen: HashMap<usize, usize> = HashMap::new();
        for (text, candidate) in submitted {
            let member = match E::from_name(text) {
                Some(builtin) => Member::Builtin(builtin),
                // Checked by `plugin!` at compile time; the registry has it already unless it was
                // used before `main`.
                None => match E::registry().register(text) {
                    Ok(registered) => Member::Dynamic(registered),
                    Err(_) => continue,
                },
            };
            match &member {
                Member::Builtin(builtin) => names[builtin.__index()].add(candidate),
                Member::Dynamic(registered) => {
                    let address = registered.as_str().as_ptr() as usize;
                    if let Some(&at) = seen.get(&address) {
                        dynamic[at].add(candidate);
                    } else {
                        seen.insert(address, dynamic.len());
                        dynamic.push(Named {
                            member,
                            candidates: vec![candidate],
                        });
                    }
                }
            }
        }
        let separators = E::__META.separators;
        dynamic.sort_by(|a, b| name::cmp(a.name(), b.name(), separators));
        names.extend(dynamic);
        Self::finish(names, None)
    }

    fn finish(names: Vec<Named<E, V>>, retired: Option<&'static Resolved<E, V>>) -> Self {
        let values = names
            .iter()
            .map(|named| named.candidates[0].value)
            .collect();
        let listed: Box<[&'static str]> = names.iter().map(Named::name).collect();
        let index = PtrIndex::new(&listed[E::COUNT..], E::COUNT);
        Resolved {
            values,
            names,
            listed,
            index,
            _retired: retired,
        }
    }

    /// The winning value of a built-in member.
    #[inline]
    pub(crate) fn builtin(&self, builtin: E) -> &'static V {
        self.values[builtin.__index()]
    }

    /// Where `values` starts: the built-in members' values come first, one per variant.
    pub(crate) fn values_ptr(&self) -> *const &'static V {
        self.values.as_ptr()
    }

    /// The winning value of the name at `at` in `names`.
    #[inline]
    pub(crate) fn value(&self, at: usize) -> &'static V {
        self.values[at]
    }

    /// This table with one more candidate for `member`.
    pub(crate) fn with(&'static self, member: Member<E>, candidate: Candidate<V>) -> Self {
        let mut names: Vec<Named<E, V>> = self
            .names
            .iter()
            .map(|named| Named {
                member: named.member.clone(),
                candidates: named.candidates.clone(),
            })
            .collect();
        let found = match &member {
            Member::Builtin(builtin) => Some(builtin.__index()),
            Member::Dynamic(dynamic) => self.index.get(dynamic.as_str()),
        };
        if let Some(at) = found {
            names[at].add(candidate);
        } else {
            let separators = E::__META.separators;
            let at = E::COUNT
                + names[E::COUNT..].partition_point(|named| {
                    name::cmp(named.name(), member.as_str(), separators) == Ordering::Less
                });
            names.insert(
                at,
                Named {
                    member,
                    candidates: vec![candidate],
                },
            );
        }
        Self::finish(names, Some(self))
    }
}

/// Registered names by the address of their one allocation (shared by every registered member of
/// that name): an open-addressing table of addresses, probed linearly.
pub(crate) struct PtrIndex {
    slots: Box<[(usize, usize)]>,
    /// log2 of the number of slots.
    bits: u32,
}

impl PtrIndex {
    /// `names[i]` is at position `offset + i`.
    fn new(names: &[&'static str], offset: usize) -> PtrIndex {
        let capacity = (names.len() * 2).next_power_of_two().max(2);
        let mut index = PtrIndex {
            slots: vec![(0, 0); capacity].into_boxed_slice(),
            bits: capacity.trailing_zeros(),
        };
        for (i, name) in names.iter().enumerate() {
            let key = name.as_ptr() as usize;
            let mask = index.slots.len() - 1;
            let mut at = index.home(key);
            while index.slots[at].0 != 0 {
                at = (at + 1) & mask;
            }
            index.slots[at] = (key, offset + i);
        }
        index
    }

    #[inline]
    fn home(&self, key: usize) -> usize {
        // Fibonacci hashing: the top bits of the product spread addresses that differ in low bits.
        let product = (key as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        // Truncation is intended: the shift leaves at most `bits` bits.
        #[allow(clippy::cast_possible_truncation)]
        let home = (product >> (64 - self.bits)) as usize;
        home
    }

    /// The position of a registered name, given as stored in the registry.
    #[inline]
    pub(crate) fn get(&self, name: &str) -> Option<usize> {
        let key = name.as_ptr() as usize;
        let mask = self.slots.len() - 1;
        let mut at = self.home(key);
        loop {
            let (stored, position) = self.slots[at];
            if stored == key {
                return Some(position);
            }
            if stored == 0 {
                return None;
            }
            at = (at + 1) & mask;
        }
    }
}
