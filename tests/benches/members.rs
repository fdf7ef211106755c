//! `Member<E>` parsing (a built-in name, a registered one with 10 and 10,000 names registered, an
//! unknown one), `Registry::get` from one thread and from two at once, `as_str`/`Display`, and hashing
//! `E` and `Member<E>` into a `HashMap`, with strum's derives as peers where they have one. Every
//! figure is the time of a shuffled batch divided by its length. Ends by printing the tables
//! `BENCHMARKS.md` quotes.
//!
//! `cargo bench -p dynenum-tests --bench members`

mod support;

use std::collections::HashMap;
use std::fmt::Write as _;
use std::hint::black_box;
use std::str::FromStr;
use std::sync::Barrier;
use std::time::Instant;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, BenchmarkId, Criterion};
use dynenum_core::{DynamicStrEnum, Member, Registry};

use support::enums::{n256, n4, n64};
use support::plugin_names::plugin_names;
use support::report::{cell, ratio, table, Report};
use support::{batch, inputs, leak, Kind, Rng};

/// Names no enum or registry holds.
fn unknown_names() -> Vec<&'static str> {
    (0..256)
        .map(|i| leak(format!("unknown_backend_{i}")))
        .collect()
}

/// The same strings, copied one after another into one leaked buffer.
fn packed(inputs: &[&'static str]) -> Vec<&'static str> {
    let buffer: &'static str = leak(inputs.concat());
    let mut at = 0;
    inputs
        .iter()
        .map(|s| {
            let copy = &buffer[at..at + s.len()];
            at += s.len();
            copy
        })
        .collect()
}

fn run<T, R>(
    group: &mut BenchmarkGroup<'_, WallTime>,
    report: &mut Report,
    function: &str,
    param: &str,
    inputs: &[T],
    op: impl Fn(&T) -> R,
) {
    report.add("members", function, param, inputs.len());
    group.bench_with_input(BenchmarkId::new(function, param), inputs, |b, inputs| {
        b.iter(|| {
            for input in inputs {
                black_box(op(black_box(input)));
            }
        });
    });
}

/// `Registry::get` over the batch from `threads` threads at once; the time is the wall time of all
/// of them, so with perfect scaling two threads take as long as one for twice the work.
fn registry_threads<E: DynamicStrEnum>(
    group: &mut BenchmarkGroup<'_, WallTime>,
    report: &mut Report,
    registry: &'static Registry<E>,
    names: &[&'static str],
    threads: usize,
) {
    let param = format!("{threads}_threads");
    report.add("members", "registry_get", &param, names.len() * threads);
    group.bench_with_input(
        BenchmarkId::new("registry_get", &param),
        names,
        |b, names| {
            b.iter_custom(|iters| {
                let barrier = Barrier::new(threads + 1);
                std::thread::scope(|scope| {
                    for _ in 0..threads {
                        scope.spawn(|| {
                            barrier.wait();
                            for _ in 0..iters {
                                for name in names {
                                    black_box(registry.get(black_box(name)));
                                }
                            }
                            barrier.wait();
                        });
                    }
                    barrier.wait();
                    let start = Instant::now();
                    barrier.wait();
                    start.elapsed()
                })
            });
        },
    );
}

fn member_benches(c: &mut Criterion, report: &mut Report) {
    use n64::{OursR10, OursR10k};
    let registered10 = plugin_names(10);
    let registered10k = plugin_names(10_000);
    for &name in &registered10 {
        OursR10::registry().register(name).expect("a plugin name");
    }
    for &name in &registered10k {
        OursR10k::registry().register(name).expect("a plugin name");
    }
    let builtin = inputs(n64::NAMES, &n64::MISSES, Kind::Mixed, 64);
    let in10 = inputs(&registered10, &[], Kind::Mixed, 10);
    let in10k = inputs(&registered10k, &[], Kind::Mixed, 10_000);
    let unknown = batch(&unknown_names(), &mut Rng::new(7));
    for name in &in10 {
        assert!(Member::<OursR10>::from_str(name).is_ok_and(|m| m
            .dynamic()
            .is_some_and(dynenum_core::DynamicMember::is_registered)));
    }
    for name in &in10k {
        assert!(Member::<OursR10k>::from_str(name).is_ok_and(|m| m
            .dynamic()
            .is_some_and(dynenum_core::DynamicMember::is_registered)));
    }

    let mut group = c.benchmark_group("members");
    let g = &mut group;
    run(g, report, "member_builtin", "r10", &builtin, |s| {
        Member::<OursR10>::from_str(s)
    });
    run(g, report, "member_builtin", "r10k", &builtin, |s| {
        Member::<OursR10k>::from_str(s)
    });
    run(g, report, "member_registered", "r10", &in10, |s| {
        Member::<OursR10>::from_str(s)
    });
    run(g, report, "member_registered", "r10k", &in10k, |s| {
        Member::<OursR10k>::from_str(s)
    });
    // The 10,000-name batch again, its strings copied into one buffer in the order they are parsed:
    // 40,000 separately allocated inputs (four casings of each name) spread over more than a
    // megabyte, so in the cell above most inputs miss the cache before the parse even starts; here
    // they stream in, and what is left over the 10-name cell is the registry's own memory traffic.
    let packed = packed(&in10k);
    run(
        g,
        report,
        "member_registered",
        "r10k_packed",
        &packed,
        |s| Member::<OursR10k>::from_str(s),
    );
    run(g, report, "member_unknown", "r10", &unknown, |s| {
        Member::<OursR10>::from_str(s)
    });
    run(g, report, "member_unknown", "r10k", &unknown, |s| {
        Member::<OursR10k>::from_str(s)
    });
    run(g, report, "from_name", "n64", &builtin, |s| {
        OursR10k::from_name(s)
    });
    run(g, report, "registry_get", "r10k", &in10k, |s| {
        OursR10k::registry().get(s)
    });
    registry_threads(g, report, OursR10k::registry(), &in10k, 1);
    registry_threads(g, report, OursR10k::registry(), &in10k, 2);

    // Hashing members into a map: built-in and registered keys, looked up by equal members.
    let mut map: HashMap<Member<OursR10k>, u32> = HashMap::new();
    for (at, &v) in (0_u32..).zip(OursR10k::VARIANTS) {
        map.insert(Member::Builtin(v), at);
    }
    for (at, &name) in (0_u32..).zip(&registered10k) {
        map.insert(Member::from_str(name).unwrap(), at);
    }
    let builtin_keys: Vec<Member<OursR10k>> = batch(
        &OursR10k::VARIANTS
            .iter()
            .map(|&v| Member::Builtin(v))
            .collect::<Vec<_>>(),
        &mut Rng::new(3),
    );
    let registered_keys: Vec<Member<OursR10k>> =
        in10k.iter().map(|s| Member::from_str(s).unwrap()).collect();
    run(
        g,
        report,
        "hashmap_get_member",
        "builtin",
        &builtin_keys,
        |m| map.get(m).copied(),
    );
    run(
        g,
        report,
        "hashmap_get_member",
        "registered",
        &registered_keys,
        |m| map.get(m).copied(),
    );
    group.finish();
}

macro_rules! enum_benches {
    ($c:expr, $report:expr, $m:ident, $size:literal) => {{
        use $m::{Ours, StrumExact};
        let param = concat!("n", $size);
        let ours = batch(Ours::VARIANTS, &mut Rng::new($size));
        // The same variants, in the same order, as strum's enum.
        let strum: Vec<StrumExact> = ours
            .iter()
            .map(|v| StrumExact::from_str(v.as_str()).unwrap())
            .collect();
        let ours_map: HashMap<Ours, u32> =
            (0..).zip(Ours::VARIANTS).map(|(at, &v)| (v, at)).collect();
        let strum_map: HashMap<StrumExact, u32> = strum.iter().map(|&v| (v, 0)).collect();
        let mut group = $c.benchmark_group("members");
        let g = &mut group;
        let r = &mut *$report;
        run(g, r, "as_str", param, &ours, |v| v.as_str().len());
        run(g, r, "strum_as_ref", param, &strum, |v| {
            AsRef::<str>::as_ref(v).len()
        });
        // One buffer, reused: `Display` itself allocates nothing.
        let buffer = std::cell::RefCell::new(String::with_capacity(64));
        run(g, r, "display", param, &ours, |v| {
            let mut out = buffer.borrow_mut();
            out.clear();
            write!(out, "{v}").unwrap();
            out.len()
        });
        run(g, r, "strum_display", param, &strum, |v| {
            let mut out = buffer.borrow_mut();
            out.clear();
            write!(out, "{v}").unwrap();
            out.len()
        });
        run(g, r, "hashmap_get", param, &ours, |v| {
            ours_map.get(v).copied()
        });
        run(g, r, "strum_hashmap_get", param, &strum, |v| {
            strum_map.get(v).copied()
        });
        group.finish();
    }};
}

fn tables(report: &Report) -> String {
    let ns = |f: &str, p: &str| report.ns("members", f, p);
    let mut out = String::from(
        "### `Member<E>` parse and the registry (ns per operation; enum of 64 variants)\n\n",
    );
    let rows: Vec<Vec<String>> = [
        (
            "`E::from_name` (built-in, for scale)",
            "from_name",
            "n64",
            "n64",
        ),
        (
            "`Member<E>` parse, built-in name",
            "member_builtin",
            "r10",
            "r10k",
        ),
        (
            "`Member<E>` parse, registered name",
            "member_registered",
            "r10",
            "r10k",
        ),
        (
            "`Member<E>` parse, unknown name (allocates the proxy)",
            "member_unknown",
            "r10",
            "r10k",
        ),
    ]
    .iter()
    .map(|(label, f, p10, p10k)| {
        vec![
            (*label).to_owned(),
            cell(ns(f, p10)),
            cell(ns(f, p10k)),
            ratio(ns(f, p10), ns("member_builtin", "r10")),
            ratio(ns(f, p10k), ns("member_builtin", "r10k")),
        ]
    })
    .collect();
    out += &table(
        &[
            "operation",
            "10 registered",
            "10,000 registered",
            "/ built-in (10)",
            "/ built-in (10,000)",
        ],
        &rows,
    );
    let packed = ns("member_registered", "r10k_packed");
    let _ = write!(
        out,
        "\n`Member<E>` parse of a registered name, 10,000 registered, the batch's inputs packed in one \
         buffer in the order they are parsed (rather than 40,000 separate allocations): {} ns, {} a \
         built-in parse.\n",
        cell(packed),
        ratio(packed, ns("member_builtin", "r10k")),
    );
    let one = ns("registry_get", "1_threads");
    let two = ns("registry_get", "2_threads");
    let _ = write!(
        out,
        "\n`Registry::get` with 10,000 names: {} ns per get from one thread (criterion loop: {} ns); \
         two threads at once: {} ns of wall time per get, so a throughput of {} that of one thread.\n",
        cell(one),
        cell(ns("registry_get", "r10k")),
        cell(two),
        ratio(one, two),
    );
    out + &enum_tables(report)
}

/// The `as_str`, `Display` and hashing tables.
fn enum_tables(report: &Report) -> String {
    let ns = |f: &str, p: &str| report.ns("members", f, p);
    let mut out = String::from("\n### `as_str`, `Display`, hashing (ns per operation)\n\n");
    let rows: Vec<Vec<String>> = [
        ("`as_str` / strum `AsRefStr`", "as_str", "strum_as_ref"),
        (
            "`Display` into a `String` / strum `Display`",
            "display",
            "strum_display",
        ),
        (
            "`HashMap<E, _>::get` / strum enum with derived `Hash`",
            "hashmap_get",
            "strum_hashmap_get",
        ),
    ]
    .iter()
    .flat_map(|(label, ours, peer)| {
        ["n4", "n256"].map(|p| {
            vec![
                (*label).to_owned(),
                p.trim_start_matches('n').to_owned(),
                cell(ns(ours, p)),
                cell(ns(peer, p)),
            ]
        })
    })
    .collect();
    out += &table(&["operation", "variants", "dynenum", "strum"], &rows);
    let _ = write!(
        out,
        "\n`HashMap<Member<E>, _>::get` (64 built-in and 10,000 registered keys): {} ns with a built-in key, {} ns with a registered key.\n",
        cell(ns("hashmap_get_member", "builtin")),
        cell(ns("hashmap_get_member", "registered")),
    );
    out
}

fn main() {
    let mut c = support::criterion();
    let mut report = Report::default();
    member_benches(&mut c, &mut report);
    enum_benches!(c, &mut report, n4, 4);
    enum_benches!(c, &mut report, n256, 256);
    c.final_summary();
    Report::publish("dynenum-members", &tables(&report));
}
