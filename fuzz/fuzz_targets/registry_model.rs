//! A random sequence of registry operations (`register`, `register_with_description`, `get`,
//! `contains`, `names`, `lookup`) checked against a model: a list of names in registration order, each
//! with its stored spelling and description. An enum's registry is global and can't be reset, so the
//! models live in a static and persist across fuzz iterations; each stops taking new names at
//! `CAP`, to bound memory. Three enums: snake case and open (with link-time names), kebab case with
//! `ignore_separators` and `dynamic = "registered"`, PascalCase (names kept as first given) with
//! `ignore_separators` and a short `max_len`.

#![no_main]

use std::any::TypeId;
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use arbitrary::Arbitrary;
use dynenum_core::{DynamicMember, Member, NameError};
use dynenum_fuzz::{
    naive_check, naive_fold, naive_from_name, naive_key, names, RegPascal, RegSep, RegSnake, Spec,
};
use libfuzzer_sys::fuzz_target;

/// The most names a model (and so a registry) takes; past it, registering a new name is skipped.
const CAP: usize = 10_000;

/// How an operation's name is made: raw text, a registered name or a built-in name respelled (ASCII
/// case toggled per the mask's bits, separators swapped), or raw text respelled.
#[derive(Arbitrary, Debug)]
struct NameSpec {
    source: u8,
    index: u16,
    mask: u64,
    raw: String,
}

#[derive(Arbitrary, Debug)]
enum Op {
    Register(NameSpec),
    RegisterWithDescription(NameSpec, String),
    Get(NameSpec),
    Contains(NameSpec),
    Names,
    Lookup(NameSpec),
}

struct Entry {
    key: String,
    stored: String,
    description: Option<String>,
}

struct Model {
    entries: Vec<Entry>,
    /// Folded key to position in `entries`.
    index: HashMap<String, usize>,
}

impl Model {
    fn start<E: Spec>() -> Model {
        let entries = E::LINKED
            .iter()
            .map(|&(name, description)| Entry {
                key: naive_key::<E>(name),
                stored: naive_fold::<E>(name),
                description: description.map(str::to_owned),
            })
            .collect::<Vec<Entry>>();
        let index = entries
            .iter()
            .enumerate()
            .map(|(at, e)| (e.key.clone(), at))
            .collect();
        Model { entries, index }
    }

    fn find(&self, key: &str) -> Option<usize> {
        self.index.get(key).copied()
    }

    fn push(&mut self, entry: Entry) -> usize {
        let at = self.entries.len();
        self.index.insert(entry.key.clone(), at);
        self.entries.push(entry);
        at
    }
}

fn models() -> &'static Mutex<HashMap<TypeId, Model>> {
    static MODELS: OnceLock<Mutex<HashMap<TypeId, Model>>> = OnceLock::new();
    MODELS.get_or_init(Mutex::default)
}

fn respell(name: &str, mask: u64) -> String {
    name.chars()
        .enumerate()
        .map(|(i, c)| {
            let bit = (mask >> (i % 32)) & 1 == 1;
            let sep_bits = (mask >> (32 + i % 16 * 2)) & 3;
            match c {
                '-' | '_' | ' ' if sep_bits != 0 => ['-', '_', ' '][(sep_bits - 1) as usize],
                c if bit && c.is_ascii_uppercase() => c.to_ascii_lowercase(),
                c if bit => c.to_ascii_uppercase(),
                c => c,
            }
        })
        .collect()
}

fn resolve<E: Spec>(spec: &NameSpec, model: &Model) -> String {
    let index = usize::from(spec.index);
    match spec.source % 4 {
        1 if !model.entries.is_empty() => respell(
            &model.entries[index % model.entries.len()].stored,
            spec.mask,
        ),
        2 => {
            let builtins = names::<E>();
            respell(builtins[index % builtins.len()].0, spec.mask)
        }
        3 => respell(&spec.raw, spec.mask),
        _ => spec.raw.clone(),
    }
}

/// What `register`/`lookup` must refuse before the registry is consulted.
fn refusal<E: Spec>(name: &str) -> Option<NameError> {
    if let Some(v) = naive_from_name::<E>(name) {
        return Some(NameError::Builtin(v.as_str()));
    }
    naive_check(name, E::MAX_LEN).err()
}

fn same_entry<E: Spec>(member: &DynamicMember<E>, entry: &Entry, name: &str) {
    assert!(member.is_registered(), "{name:?}");
    assert_eq!(member.as_str(), entry.stored, "{name:?}");
    assert_eq!(
        member.description(),
        entry.description.as_deref(),
        "{name:?}"
    );
}

fn apply<E: Spec>(op: &Op, model: &mut Model) {
    let registry = E::registry();
    match op {
        Op::Register(spec) | Op::RegisterWithDescription(spec, _) => {
            let name = resolve::<E>(spec, model);
            let description = match op {
                Op::RegisterWithDescription(_, d) => Some(d.clone()),
                _ => None,
            };
            if let Some(error) = refusal::<E>(&name) {
                let result = match description {
                    Some(d) => registry.register_with_description(&name, d),
                    None => registry.register(&name),
                };
                assert_eq!(result.err(), Some(error), "register({name:?})");
                return;
            }
            let key = naive_key::<E>(&name);
            let at = match model.find(&key) {
                Some(at) => at,
                None if model.entries.len() >= CAP => return,
                None => model.push(Entry {
                    key,
                    stored: naive_fold::<E>(&name),
                    description: None,
                }),
            };
            let entry = &mut model.entries[at];
            if entry.description.is_none() {
                entry.description.clone_from(&description);
            }
            let member = match description {
                Some(d) => registry.register_with_description(&name, d),
                None => registry.register(&name),
            }
            .unwrap_or_else(|e| panic!("register({name:?}): {e}"));
            same_entry(&member, entry, &name);
            let got = registry.get(&name).expect("a registered name is found");
            assert!(got == member);
            same_entry(&got, entry, &name);
        }
        Op::Get(spec) | Op::Contains(spec) => {
            let name = resolve::<E>(spec, model);
            let found = model.find(&naive_key::<E>(&name));
            match registry.get(&name) {
                Some(member) => {
                    let at = found.unwrap_or_else(|| panic!("get({name:?}): not in the model"));
                    same_entry(&member, &model.entries[at], &name);
                }
                None => assert_eq!(found, None, "get({name:?}) found nothing"),
            }
            assert_eq!(
                registry.contains(&name),
                found.is_some(),
                "contains({name:?})"
            );
        }
        Op::Names => {
            let listed = registry.names();
            assert_eq!(listed.len(), model.entries.len());
            for (member, entry) in listed.iter().zip(&model.entries) {
                same_entry(member, entry, &entry.stored);
            }
            assert_eq!(Member::<E>::all().count(), E::COUNT + model.entries.len());
        }
        Op::Lookup(spec) => {
            let name = resolve::<E>(spec, model);
            let result = E::lookup(&name);
            let parsed = name.parse::<Member<E>>();
            if let Some(v) = naive_from_name::<E>(&name) {
                assert!(result.ok() == Some(Member::Builtin(v)), "lookup({name:?})");
                assert!(parsed.ok() == Some(Member::Builtin(v)));
            } else if let Some(at) = model.find(&naive_key::<E>(&name)) {
                let member = result.unwrap_or_else(|e| panic!("lookup({name:?}): {e}"));
                let dynamic = member.dynamic().expect("a registered name is dynamic");
                same_entry(dynamic, &model.entries[at], &name);
                assert!(parsed.ok() == Some(member));
            } else if let Err(error) = naive_check(&name, E::MAX_LEN) {
                assert_eq!(result.err(), Some(error.clone()), "lookup({name:?})");
                assert_eq!(
                    parsed.err().and_then(|e| e.name_error().cloned()),
                    Some(error)
                );
            } else if E::OPEN {
                let member = result.unwrap_or_else(|e| panic!("lookup({name:?}): {e}"));
                let dynamic = member.dynamic().expect("a non-built-in name is dynamic");
                assert!(!dynamic.is_registered(), "lookup({name:?})");
                assert_eq!(dynamic.as_str(), naive_fold::<E>(&name));
                assert!(parsed.ok() == Some(member));
            } else {
                assert_eq!(
                    result.err(),
                    Some(NameError::Unregistered),
                    "lookup({name:?})"
                );
                assert!(parsed.is_err());
            }
        }
    }
    assert_eq!(registry.len(), model.entries.len());
    assert_eq!(registry.is_empty(), model.entries.is_empty());
}

fn run<E: Spec>(ops: &[Op]) {
    let mut models = models()
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let model = models
        .entry(TypeId::of::<E>())
        .or_insert_with(Model::start::<E>);
    for op in ops {
        apply::<E>(op, model);
    }
}

fuzz_target!(|input: (u8, Vec<Op>)| {
    let (which, ops) = input;
    match which % 3 {
        0 => run::<RegSnake>(&ops),
        1 => run::<RegSep>(&ops),
        _ => run::<RegPascal>(&ops),
    }
});
