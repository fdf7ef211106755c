//! Allocations per operation, counted by a global allocator over the same shuffled batches the timing
//! benches use: zero for every parse, lookup, `as_str`, `Display` into a reused buffer and hash of ours,
//! exactly one for an unknown name's proxy. Prints the table `BENCHMARKS.md` quotes and fails if any
//! count differs from that.
//!
//! `cargo bench -p dynenum-tests --bench allocs`

mod support;

use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::hint::black_box;
use std::str::FromStr;
use std::sync::atomic::{AtomicUsize, Ordering};

use dynenum_core::{DynamicStrEnum, Member};

use support::enums::{n256, n4, n64};
use support::report::{table, Report};
use support::{batch, inputs, json, leak, lowercase_map, Kind, Rng};

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded to `System` unchanged; counting touches only an atomic.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: the caller's contract for `alloc` is passed on as is.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: as for `alloc`.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: `ptr` and `layout` come from this allocator, which got them from `System`.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as for `realloc`.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// One row: what was done, the allocations per operation, and what the contract says.
struct Counts(Vec<(String, f64, Option<f64>)>);

impl Counts {
    /// Runs `op` on every input (results dropped inside the count) and records allocations per input.
    fn count<T, R>(
        &mut self,
        what: &str,
        expected: Option<f64>,
        inputs: &[T],
        op: impl Fn(&T) -> R,
    ) {
        for input in inputs.iter().take(8) {
            drop(black_box(op(input))); // first uses (lazy tables) are not what is measured
        }
        let before = ALLOCATIONS.load(Ordering::Relaxed);
        for input in inputs {
            drop(black_box(op(black_box(input))));
        }
        let after = ALLOCATIONS.load(Ordering::Relaxed);
        #[allow(clippy::cast_precision_loss)]
        let per_op = (after - before) as f64 / inputs.len() as f64;
        self.0.push((what.to_owned(), per_op, expected));
    }
}

macro_rules! parse_counts {
    ($counts:expr, $m:ident, $size:literal) => {{
        use $m::{Ours, Serde, StrumCaseless, StrumExact, StrumPhf};
        let map = lowercase_map($m::NAMES, Ours::VARIANTS);
        for kind in Kind::ALL {
            let inputs = inputs($m::NAMES, &$m::MISSES, kind, $size);
            let json = json(&inputs);
            let hit = kind.hit();
            let at = |what: &str| format!("{what}, {} variants, {}", $size, kind.label());
            let c = &mut $counts;
            c.count(&at("dynenum `from_name`"), Some(0.0), &inputs, |s| {
                Ours::from_name(s)
            });
            if hit {
                c.count(&at("dynenum `FromStr`"), Some(0.0), &inputs, |s| {
                    Ours::from_str(s)
                });
                c.count(&at("dynenum via serde_json"), Some(0.0), &json, |s| {
                    serde_json::from_str::<Ours>(s)
                });
            } else {
                // A failed parse builds its error: not part of the contract.
                c.count(&at("dynenum `FromStr` (error)"), None, &inputs[..64], |s| {
                    Ours::from_str(s)
                });
                c.count(
                    &at("dynenum via serde_json (error)"),
                    None,
                    &json[..64],
                    |s| serde_json::from_str::<Ours>(s),
                );
            }
            c.count(&at("strum exact"), None, &inputs, |s| {
                StrumExact::from_str(s)
            });
            c.count(&at("strum caseless"), None, &inputs, |s| {
                StrumCaseless::from_str(s)
            });
            c.count(&at("strum phf"), None, &inputs, |s| StrumPhf::from_str(s));
            c.count(&at("serde derive via serde_json"), None, &json[..64], |s| {
                serde_json::from_str::<Serde>(s)
            });
            c.count(&at("lowercase + HashMap"), None, &inputs, |s| {
                map.get(&s.to_ascii_lowercase()).copied()
            });
        }
    }};
}

/// `Member<E>` parsing, the registry, `as_str`, `Display` and hashing.
fn member_counts(c: &mut Counts) {
    use n64::{OursR10, OursR10k};
    let plugins: Vec<&'static str> = (0..10_000)
        .map(|i| leak(format!("plugin_backend_{i}")))
        .collect();
    for &name in &plugins[..10] {
        OursR10::registry().register(name).unwrap();
    }
    for &name in &plugins {
        OursR10k::registry().register(name).unwrap();
    }
    let builtin = inputs(n64::NAMES, &n64::MISSES, Kind::Mixed, 64);
    let in10 = inputs(&plugins[..10], &[], Kind::Mixed, 10);
    let in10k = inputs(&plugins, &[], Kind::Mixed, 10_000);
    let unknown: Vec<&'static str> = (0..256)
        .map(|i| leak(format!("unknown_backend_{i}")))
        .collect();
    let unknown = batch(&unknown, &mut Rng::new(7));
    c.count(
        "`Member<E>` parse, built-in (10 registered)",
        Some(0.0),
        &builtin,
        |s| Member::<OursR10>::from_str(s),
    );
    c.count(
        "`Member<E>` parse, built-in (10,000 registered)",
        Some(0.0),
        &builtin,
        |s| Member::<OursR10k>::from_str(s),
    );
    c.count(
        "`Member<E>` parse, registered (10 registered)",
        Some(0.0),
        &in10,
        |s| Member::<OursR10>::from_str(s),
    );
    c.count(
        "`Member<E>` parse, registered (10,000 registered)",
        Some(0.0),
        &in10k,
        |s| Member::<OursR10k>::from_str(s),
    );
    c.count(
        "`Member<E>` parse, unknown name",
        Some(1.0),
        &unknown,
        |s| Member::<OursR10k>::from_str(s),
    );
    c.count(
        "`Registry::get` (10,000 registered)",
        Some(0.0),
        &in10k,
        |s| OursR10k::registry().get(s),
    );

    let variants = batch(n256::Ours::VARIANTS, &mut Rng::new(1));
    c.count("`as_str`, 256 variants", Some(0.0), &variants, |v| {
        v.as_str().len()
    });
    let buffer = std::cell::RefCell::new(String::with_capacity(64));
    c.count(
        "`Display` into a reused `String`, 256 variants",
        Some(0.0),
        &variants,
        |v| {
            let mut out = buffer.borrow_mut();
            out.clear();
            write!(out, "{v}").unwrap();
            out.len()
        },
    );
    let map: HashMap<n256::Ours, u32> = (0..)
        .zip(n256::Ours::VARIANTS)
        .map(|(at, &v)| (v, at))
        .collect();
    c.count(
        "`HashMap<E, _>::get`, 256 variants",
        Some(0.0),
        &variants,
        |v| map.get(v).copied(),
    );
    let mut members: HashMap<Member<OursR10k>, u32> = HashMap::new();
    for (at, &v) in (0..).zip(OursR10k::VARIANTS) {
        members.insert(Member::Builtin(v), at);
    }
    for (at, &name) in (0..).zip(&plugins) {
        members.insert(Member::from_str(name).unwrap(), at);
    }
    let keys: Vec<Member<OursR10k>> = in10k.iter().map(|s| Member::from_str(s).unwrap()).collect();
    c.count(
        "`HashMap<Member<E>, _>::get`, registered keys",
        Some(0.0),
        &keys,
        |m| members.get(m).copied(),
    );
    let _ = n4::NAMES;
}

fn main() {
    let mut counts = Counts(Vec::new());
    parse_counts!(counts, n4, 4);
    parse_counts!(counts, n256, 256);

    member_counts(&mut counts);

    let rows: Vec<Vec<String>> = counts
        .0
        .iter()
        .map(|(what, per_op, expected)| {
            vec![
                what.clone(),
                format!("{per_op:.2}"),
                expected.map_or_else(|| "(peer or error path)".to_owned(), |e| format!("{e}")),
            ]
        })
        .collect();
    Report::publish(
        "dynenum-allocs",
        &format!(
            "### Allocations per operation\n\n{}",
            table(&["operation", "allocations per op", "contract"], &rows)
        ),
    );
    let broken: Vec<&String> = counts
        .0
        .iter()
        .filter(|(_, per_op, expected)| expected.is_some_and(|e| (per_op - e).abs() > f64::EPSILON))
        .map(|(what, _, _)| what)
        .collect();
    assert!(broken.is_empty(), "allocation contract broken: {broken:?}");
}
