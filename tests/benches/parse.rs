//! Parsing a name into an enum: ours (`from_name`, `FromStr`, serde) against every peer and the
//! hand-written floor, at 4, 16, 64 and 256 variants of names up to 32 bytes, on five kinds of input;
//! and on an enum of 64 names of 33 to 64 bytes against a floor built the same way for long names.
//!
//! Every figure is the time of a shuffled batch divided by its length; each cell is the median over
//! interleaved rounds (see `support/rounds.rs`), with its 10th–90th percentile spread, in one process
//! pinned to one CPU where `taskset` allows. Ends by printing the tables `BENCHMARKS.md` quotes (also
//! saved as `target/criterion/dynenum-parse.md`).
//!
//! `cargo bench -p dynenum-tests --bench parse [-- FILTER…]`; `DYNENUM_BENCH_ROUNDS` sets the rounds.

mod support;

use std::fmt::Write as _;
use std::str::FromStr;

use dynenum_core::DynamicStrEnum;

use support::floor::{Floor, LongFloor};
use support::report::{table, Report};
use support::rounds::{ns, pin_to_one_cpu, times, Rounds};
use support::{enums, Kind};

/// Error paths allocate an error (and ours looks for a suggestion): they are measured on fewer inputs.
const ERROR_BATCH: usize = 64;

/// Rounds unless `DYNENUM_BENCH_ROUNDS` says otherwise (each round takes about 0.1 s).
const ROUNDS: usize = 151;

/// Every approach, in table order.
const APPROACHES: [(&str, &str); 11] = [
    ("harness", "harness only: `str::len` (the loop's own cost)"),
    ("ours_from_name", "dynenum `E::from_name` (ignores case)"),
    ("ours_from_str", "dynenum `FromStr` (ignores case)"),
    ("ours_serde", "dynenum via serde_json (ignores case)"),
    ("floor", "floor: hand-written perfect hash (ignores case)"),
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

/// The approaches measured on the long names.
const LONG_APPROACHES: [(&str, &str); 4] = [
    ("ours_from_name", "dynenum `E::from_name` (ignores case)"),
    (
        "floor",
        "long floor: hand-written perfect hash (ignores case)",
    ),
    ("strum_caseless", "strum `ascii_case_insensitive`"),
    ("exact_match", "exact-case `match` (case-sensitive)"),
];

const SIZES: [usize; 4] = [4, 16, 64, 256];

macro_rules! bench_size {
    ($rounds:expr, $m:ident, $size:literal) => {{
        use enums::$m::{self as m, Ours, Serde, StrumCaseless, StrumExact, StrumPhf};
        m::check();
        let group = concat!("parse_n", $size);
        let floor = std::rc::Rc::new(Floor::new(m::NAMES));
        let map = std::rc::Rc::new(support::lowercase_map(m::NAMES, Ours::VARIANTS));
        let r: &mut Rounds = $rounds;
        for kind in Kind::ALL {
            let inputs = support::inputs(m::NAMES, &m::MISSES, kind, $size);
            let json = support::json(&inputs);
            let hit = kind.hit();
            // The parsers that fail here build an error: fewer inputs.
            let ours_fails = if hit { inputs.len() } else { ERROR_BATCH };
            let exact_fails = if kind == Kind::Canonical {
                inputs.len()
            } else {
                ERROR_BATCH
            };
            for input in &inputs {
                let expected = Ours::from_name(input);
                assert_eq!(hit, expected.is_some(), "{input}");
                assert_eq!(
                    floor.get(input.as_bytes()).map(usize::from),
                    expected.map(|e| e as usize),
                    "{input}"
                );
            }
            let k = kind.label();
            r.add(group, "harness", k, inputs.clone(), |s| s.len());
            r.add(group, "ours_from_name", k, inputs.clone(), |s| {
                Ours::from_name(s)
            });
            r.add(
                group,
                "ours_from_str",
                k,
                inputs[..ours_fails].to_vec(),
                |s| Ours::from_str(s),
            );
            r.add(group, "ours_serde", k, json[..ours_fails].to_vec(), |s| {
                serde_json::from_str::<Ours>(s)
            });
            let f = std::rc::Rc::clone(&floor);
            r.add(group, "floor", k, inputs.clone(), move |s| {
                f.get(s.as_bytes())
            });
            r.add(group, "strum_exact", k, inputs.clone(), |s| {
                StrumExact::from_str(s)
            });
            r.add(group, "strum_caseless", k, inputs.clone(), |s| {
                StrumCaseless::from_str(s)
            });
            r.add(group, "strum_phf", k, inputs.clone(), |s| {
                StrumPhf::from_str(s)
            });
            r.add(group, "serde_peer", k, json[..exact_fails].to_vec(), |s| {
                serde_json::from_str::<Serde>(s)
            });
            let map = std::rc::Rc::clone(&map);
            r.add(group, "hashmap_lower", k, inputs.clone(), move |s| {
                map.get(&s.to_ascii_lowercase()).copied()
            });
            r.add(group, "exact_match", k, inputs, |s| m::exact_match(s));
        }
    }};
}

fn bench_long(r: &mut Rounds) {
    use enums::long::{self as m, Ours, StrumCaseless};
    m::check();
    let group = "parse_long";
    let floor = std::rc::Rc::new(LongFloor::new(m::NAMES));
    for kind in Kind::ALL {
        let inputs = support::inputs(m::NAMES, &m::MISSES, kind, 33);
        for input in &inputs {
            let expected = Ours::from_name(input);
            assert_eq!(kind.hit(), expected.is_some(), "{input}");
            assert_eq!(
                floor.get(input.as_bytes()).map(usize::from),
                expected.map(|e| e as usize),
                "{input}"
            );
        }
        let k = kind.label();
        r.add(group, "ours_from_name", k, inputs.clone(), |s| {
            Ours::from_name(s)
        });
        let f = std::rc::Rc::clone(&floor);
        r.add(group, "floor", k, inputs.clone(), move |s| {
            f.get(s.as_bytes())
        });
        r.add(group, "strum_caseless", k, inputs.clone(), |s| {
            StrumCaseless::from_str(s)
        });
        r.add(group, "exact_match", k, inputs, |s| m::exact_match(s));
    }
}

fn tables(r: &Rounds, pinning: &str, rounds: usize) -> String {
    let kinds: Vec<&str> = Kind::ALL.iter().map(|k| k.label()).collect();
    let mut out = format!(
        "Each cell: median ns per parse over {rounds} interleaved rounds (10th–90th percentile); \
         ratios are taken round by round. {pinning}.\n"
    );

    out += "\n### Targets: `from_name` / floor (names of at most 32 bytes; long: 33–64 bytes, long floor)\n\n";
    let mut header = vec!["variants"];
    header.extend(&kinds);
    let mut groups: Vec<(String, String)> = SIZES
        .iter()
        .map(|size| (size.to_string(), format!("parse_n{size}")))
        .collect();
    groups.push(("long (64)".to_owned(), "parse_long".to_owned()));
    let rows: Vec<Vec<String>> = groups
        .iter()
        .map(|(label, group)| {
            let mut row = vec![label.clone()];
            row.extend(
                kinds
                    .iter()
                    .map(|k| times(r.ratio((group, "ours_from_name", k), (group, "floor", k)))),
            );
            row
        })
        .collect();
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
                    .map(|k| times(r.ratio(("parse_n256", id, k), ("parse_n4", id, k)))),
            );
            row
        })
        .collect();
    out += &table(&header, &rows);

    out += "\n### `from_name` against the peers (peer time / ours)\n\n";
    let header = vec![
        "variants",
        "kind",
        "strum exact / ours",
        "strum caseless / ours",
        "strum phf / ours",
        "hashmap / ours",
    ];
    let mut rows = Vec::new();
    for size in SIZES {
        let group = format!("parse_n{size}");
        for k in &kinds {
            let vs = |id: &str| times(r.ratio((&group, id, k), (&group, "ours_from_name", k)));
            rows.push(vec![
                size.to_string(),
                (*k).to_owned(),
                vs("strum_exact"),
                vs("strum_caseless"),
                vs("strum_phf"),
                vs("hashmap_lower"),
            ]);
        }
    }
    out += &table(&header, &rows);

    out += "\n### ns per parse\n";
    let mut header = vec!["approach"];
    header.extend(&kinds);
    for (title, group, approaches) in SIZES
        .iter()
        .map(|size| {
            (
                format!("{size} variants"),
                format!("parse_n{size}"),
                &APPROACHES[..],
            )
        })
        .chain([(
            "64 long names (33–64 bytes)".to_owned(),
            "parse_long".to_owned(),
            &LONG_APPROACHES[..],
        )])
    {
        let rows: Vec<Vec<String>> = approaches
            .iter()
            .map(|(id, label)| {
                let mut row = vec![(*label).to_owned()];
                row.extend(kinds.iter().map(|k| ns(r.stats(&group, id, k))));
                row
            })
            .collect();
        let _ = write!(out, "\n#### {title}\n\n{}", table(&header, &rows));
    }
    out
}

fn main() {
    let pinning = pin_to_one_cpu();
    let rounds = std::env::var("DYNENUM_BENCH_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(ROUNDS);
    let mut r = Rounds::from_args();
    bench_size!(&mut r, n4, 4);
    bench_size!(&mut r, n16, 16);
    bench_size!(&mut r, n64, 64);
    bench_size!(&mut r, n256, 256);
    bench_long(&mut r);
    r.run(rounds);
    Report::publish("dynenum-parse", &tables(&r, &pinning, rounds));
}
