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
/// that name). A table is built once per resolution, with every name known, so it first searches for
/// a multiplier under which every address has a slot of its own: a lookup is then one multiplication
/// and one compare. That is found for the few dozen plugin names a table usually has; past that
/// (a random multiplier parts n names in m slots with probability about e^(-n²/2m)) the table probes
/// linearly instead, in eight slots per name so that most names still sit in their home slot.
pub(crate) struct PtrIndex {
    slots: Box<[(usize, usize)]>,
    /// log2 of the number of slots.
    bits: u32,
    /// Odd; `address * multiplier` takes its top `bits` bits as the home slot.
    multiplier: u64,
    /// Whether every name sits in its home slot.
    perfect: bool,
}

/// Multipliers tried, at each of a few table sizes, before settling for linear probing.
const MULTIPLIER_TRIES: u64 = 32;

/// The most names a perfect multiplier is searched for: past it one is rarely found, and the search
/// would only add to the first use.
const MAX_PERFECT: usize = 64;

impl PtrIndex {
    /// `names[i]` is at position `offset + i`.
    fn new(names: &[&'static str], offset: usize) -> PtrIndex {
        let keys: Vec<usize> = names.iter().map(|name| name.as_ptr() as usize).collect();
        let smallest = (keys.len() * 2).next_power_of_two().max(2);
        // Ten names, at 32 slots, are parted by about one multiplier in five, and more often in the
        // larger tables: a handful of tries. Sixty-four, at 512 slots, by about one in fifty.
        let sizes: &[usize] = if keys.len() <= MAX_PERFECT {
            &[smallest, smallest * 2, smallest * 4]
        } else {
            &[]
        };
        for &slots in sizes {
            let bits = slots.trailing_zeros();
            let mut seen = vec![false; slots];
            for attempt in 0..MULTIPLIER_TRIES {
                let multiplier = 0x9e37_79b9_7f4a_7c15_u64
                    .wrapping_add(attempt.wrapping_mul(0x6a09_e667_f3bc_c908))
                    | 1;
                seen.fill(false);
                let parted = keys.iter().all(|&key| {
                    let at = home(key, multiplier, bits);
                    !std::mem::replace(&mut seen[at], true)
                });
                if parted {
                    return PtrIndex::fill(&keys, offset, slots, multiplier, true);
                }
            }
        }
        // At two slots per name, a quarter of the names sat past their home slot and the probe's
        // exit mispredicted for them: 1,000 plugin names measured 2.1x a built-in lookup, 1.8x here.
        PtrIndex::fill(&keys, offset, smallest * 4, 0x9e37_79b9_7f4a_7c15, false)
    }

    /// The table of `keys` in `slots` slots, each at its home or linearly after it.
    fn fill(
        keys: &[usize],
        offset: usize,
        slots: usize,
        multiplier: u64,
        perfect: bool,
    ) -> PtrIndex {
        let mut index = PtrIndex {
            slots: vec![(0, 0); slots].into_boxed_slice(),
            bits: slots.trailing_zeros(),
            multiplier,
            perfect,
        };
        let mask = slots - 1;
        for (i, &key) in keys.iter().enumerate() {
            let mut at = home(key, multiplier, index.bits);
            while index.slots[at].0 != 0 {
                at = (at + 1) & mask;
            }
            index.slots[at] = (key, offset + i);
        }
        index
    }

    /// The position of a registered name, given as stored in the registry.
    #[inline]
    pub(crate) fn get(&self, name: &str) -> Option<usize> {
        let key = name.as_ptr() as usize;
        let at = home(key, self.multiplier, self.bits);
        let (stored, position) = self.slots[at];
        if stored == key {
            return Some(position);
        }
        if self.perfect {
            return None;
        }
        self.probe(key, at)
    }

    /// The rest of a linear probe from `at`, for a table without a perfect multiplier.
    #[cold]
    #[inline(never)]
    fn probe(&self, key: usize, mut at: usize) -> Option<usize> {
        let mask = self.slots.len() - 1;
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

/// The home slot of an address among `2^bits` slots: the top bits of its product with `multiplier`
/// (Fibonacci hashing, which spreads addresses that differ only in low bits).
#[inline]
fn home(key: usize, multiplier: u64, bits: u32) -> usize {
    let product = (key as u64).wrapping_mul(multiplier);
    // Truncation is intended: the shift leaves at most `bits` bits.
    #[allow(clippy::cast_possible_truncation)]
    let home = (product >> (64 - bits)) as usize;
    home
}

#[cfg(test)]
mod tests {
    use super::PtrIndex;

    /// `count` names, each its own allocation for the life of the test run, as registered names are.
    fn names(count: usize) -> Vec<&'static str> {
        (0..count)
            .map(|i| &*Box::leak(format!("plugin_{i}").into_boxed_str()))
            .collect()
    }

    fn check(index: &PtrIndex, names: &[&'static str], offset: usize) {
        for (i, name) in names.iter().enumerate() {
            assert_eq!(index.get(name), Some(offset + i), "{name}");
            // The same text at another address is another name to the index.
            let copy = String::from(*name);
            assert_eq!(index.get(copy.as_str()), None, "{name}");
        }
    }

    #[test]
    fn every_name_is_found_at_its_position_and_no_other_address_is() {
        for count in [0, 1, 2, 3, 10, 20, 100, 1000] {
            let names = names(count);
            let index = PtrIndex::new(&names, 7);
            // Practically certain up to 20 names: with addresses as good as random, the chance that
            // none of the 96 multipliers parts 20 names is about 10^-13. Beyond, the table may probe.
            if count <= 20 {
                assert!(index.perfect, "{count} names found no multiplier");
            }
            check(&index, &names, 7);
        }
    }

    #[test]
    fn without_a_perfect_multiplier_the_index_probes() {
        let names = names(100);
        // Multiplier 1: every address's top bits are zero, so every name starts at slot 0.
        let keys: Vec<usize> = names.iter().map(|name| name.as_ptr() as usize).collect();
        let index = PtrIndex::fill(&keys, 3, 256, 1, false);
        check(&index, &names, 3);
    }
}
