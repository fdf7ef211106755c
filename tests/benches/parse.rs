//! Parsing a name into an enum: ours (`from_name`, `FromStr`, serde) against every peer and the
//! hand-written floor, at 4, 16, 64 and 256 variants, on four kinds of input. Every figure is the time of
//! a shuffled batch divided by its length. Ends by printing the tables `BENCHMARKS.md` quotes.
//!
//! `cargo bench -p dynenum-tests --bench parse`

mod support;

use std::fmt::Write as _;
use std::hint::black_box;
use std::str::FromStr;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, BenchmarkId};
use dynenum_core::DynamicStrEnum;

use support::floor::Floor;
use support::report::{cell, ratio, table, Report};
use support::{enums, Kind, BATCH};

/// Error paths allocate an error (and ours looks for a suggestion): they are measured on fewer inputs.
const ERROR_BATCH: usize = 64;

/// Every approach, in table order.
const APPROACHES: [(&str, &str); 11] = [
    ("harness", "harness only: `str::len` (the loop's own cost)"),
    ("ours_from_name", "dynenum `E::from_name` (ignores case)"),
    ("ours_from_str", "dynenum `FromStr` (ignores case)"),
    ("ours_serde", "dynenum via serde_json (ignores case)"),
    (
        "floor",
        "floor: hand-written perfect hash, masked compare (ignores case)",
    ),
    ("strum_exact", "strum `EnumString` (case-sensitive)"),
    ("strum_caseless", "strum `ascii_case_insensitive`"),
    ("strum_phf", "strum `use_phf` (case-sensitive)"),
    ("serde_peer", "serde derive via serde_json (case-sensitive)"),
    (
        "hashmap_lower",
        "`to_ascii_lowercase` + `HashMap<String, E>`",
    ),
    ("exact_match", "exact-case `match` (case-sensitive)"),
];

const SIZES: [usize; 4] = [4, 16, 64, 256];

/// Benchmarks `parse` over `inputs` (one iteration parses each once) and records it in the report.
fn run<T, R>(
    group: &mut BenchmarkGroup<'_, WallTime>,
    report: &mut Report,
    group_name: &str,
    id: &str,
    kind: Kind,
    inputs: &[T],
    parse: impl Fn(&T) -> R,
) {
    report.add(group_name, id, kind.label(), inputs.len());
    group.bench_with_input(BenchmarkId::new(id, kind.label()), inputs, |b, inputs| {
        b.iter(|| {
            for input in inputs {
                black_box(parse(black_box(input)));
            }
        });
    });
}

macro_rules! bench_size {
    ($c:expr, $report:expr, $m:ident, $size:literal) => {{
        use enums::$m::{self as m, Ours, Serde, StrumCaseless, StrumExact, StrumPhf};
        m::check();
        let group_name = concat!("parse_n", $size);
        let floor = Floor::new(m::NAMES);
        let map = support::lowercase_map(m::NAMES, Ours::VARIANTS);
        let mut group = $c.benchmark_group(group_name);
        for kind in Kind::ALL {
            let inputs = support::inputs(m::NAMES, &m::MISSES, kind, $size);
            let json = support::json(&inputs);
            let hit = matches!(kind, Kind::Canonical | Kind::Mixed);
            // The parsers that fail here build an error: fewer inputs.
            let ours_fails = if hit { BATCH } else { ERROR_BATCH };
            let exact_fails = if kind == Kind::Canonical {
                BATCH
            } else {
                ERROR_BATCH
            };
            for input in &inputs {
                let expected = if hit { Ours::from_name(input) } else { None };
                assert_eq!(hit, expected.is_some(), "{input}");
                assert_eq!(
                    floor.get(input.as_bytes()).map(usize::from),
                    expected.map(|e| e as usize),
                    "{input}"
                );
            }
            let g = &mut group;
            let r = &mut *$report;
            run(g, r, group_name, "harness", kind, &inputs, |s| s.len());
            run(g, r, group_name, "ours_from_name", kind, &inputs, |s| {
                Ours::from_name(s)
            });
            run(
                g,
                r,
                group_name,
                "ours_from_str",
                kind,
                &inputs[..ours_fails],
                |s| Ours::from_str(s),
            );
            run(
                g,
                r,
                group_name,
                "ours_serde",
                kind,
                &json[..ours_fails],
                |s| serde_json::from_str::<Ours>(s),
            );
            run(g, r, group_name, "floor", kind, &inputs, |s| {
                floor.get(s.as_bytes())
            });
            run(g, r, group_name, "strum_exact", kind, &inputs, |s| {
                StrumExact::from_str(s)
            });
            run(g, r, group_name, "strum_caseless", kind, &inputs, |s| {
                StrumCaseless::from_str(s)
            });
            run(g, r, group_name, "strum_phf", kind, &inputs, |s| {
                StrumPhf::from_str(s)
            });
            run(
                g,
                r,
                group_name,
                "serde_peer",
                kind,
                &json[..exact_fails],
                |s| serde_json::from_str::<Serde>(s),
            );
            run(g, r, group_name, "hashmap_lower", kind, &inputs, |s| {
                map.get(&s.to_ascii_lowercase()).copied()
            });
            run(g, r, group_name, "exact_match", kind, &inputs, |s| {
                m::exact_match(s)
            });
        }
        group.finish();
    }};
}

fn tables(report: &Report) -> String {
    let mut out = String::from("### ns per parse\n");
    let kinds: Vec<&str> = Kind::ALL.iter().map(|k| k.label()).collect();
    for size in SIZES {
        let group = format!("parse_n{size}");
        let mut header = vec!["approach"];
        header.extend(&kinds);
        let rows: Vec<Vec<String>> = APPROACHES
            .iter()
            .map(|(id, label)| {
                let mut row = vec![(*label).to_owned()];
                row.extend(kinds.iter().map(|k| cell(report.ns(&group, id, k))));
                row
            })
            .collect();
        let _ = write!(out, "\n#### {size} variants\n\n{}", table(&header, &rows));
    }

    out += "\n### `from_name` against the floor and strum (peer time / ours; floor row: ours / floor)\n\n";
    let mut header = vec!["variants", "kind", "ours ns", "ours / floor"];
    header.extend([
        "strum exact / ours",
        "strum caseless / ours",
        "strum phf / ours",
        "hashmap / ours",
    ]);
    let mut rows = Vec::new();
    for size in SIZES {
        let group = format!("parse_n{size}");
        for k in &kinds {
            let ns = |id: &str| report.ns(&group, id, k);
            let ours = ns("ours_from_name");
            rows.push(vec![
                size.to_string(),
                (*k).to_owned(),
                cell(ours),
                ratio(ours, ns("floor")),
                ratio(ns("strum_exact"), ours),
                ratio(ns("strum_caseless"), ours),
                ratio(ns("strum_phf"), ours),
                ratio(ns("hashmap_lower"), ours),
            ]);
        }
    }
    out += &table(&header, &rows);

    out += "\n### Flatness: cost at 256 variants / cost at 4\n\n";
    let mut header = vec!["approach"];
    header.extend(&kinds);
    let rows: Vec<Vec<String>> = APPROACHES
        .iter()
        .map(|(id, label)| {
            let mut row = vec![(*label).to_owned()];
            row.extend(
                kinds
                    .iter()
                    .map(|k| ratio(report.ns("parse_n256", id, k), report.ns("parse_n4", id, k))),
            );
            row
        })
        .collect();
    out += &table(&header, &rows);
    out
}

fn main() {
    let mut c = support::criterion();
    let mut report = Report::default();
    bench_size!(c, &mut report, n4, 4);
    bench_size!(c, &mut report, n16, 16);
    bench_size!(c, &mut report, n64, 64);
    bench_size!(c, &mut report, n256, 256);
    c.final_summary();
    Report::publish("dynenum-parse", &tables(&report));
}
