//! Failed parses against the size of the registry: `Member::<E>::from_str` of an unknown name under
//! `dynamic = "registered"` with 0, 100 and 10,000 registered names, the same with the error shown
//! (`to_string()`), and the same through `serde_json`. A failed parse holds the registry rather than
//! a copy of its names, and every listing is capped, so the three columns should be alike. Ends by
//! printing the table `BENCHMARKS.md` quotes.
//!
//! `cargo bench -p dynenum-tests --bench errors`

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion};
use dynenum_core::{DynamicStrEnum, Member};

#[path = "support/plugin_names.rs"]
mod plugin_names;
use plugin_names::plugin_names;

/// Sixteen built-in names, the same for the three enums: only their registries differ.
macro_rules! backend_enum {
    ($name:ident) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
        #[dynenum(dynamic = "registered")]
        enum $name {
            Postgres,
            Mysql,
            Sqlite,
            Duckdb,
            Clickhouse,
            Snowflake,
            Bigquery,
            Redshift,
            Databricks,
            Oracle,
            SqlServer,
            Mariadb,
            Cockroachdb,
            Timescaledb,
            Cassandra,
            Mongodb,
        }
    };
}

backend_enum!(Registered0);
backend_enum!(Registered100);
backend_enum!(Registered10k);

/// Unknown names: half far from every name, half one edit from a built-in one (`postgress`).
fn misses() -> Vec<String> {
    let mut out: Vec<String> = (0..32).map(|i| format!("unknown_backend_{i}")).collect();
    for name in Registered0::NAMES.iter().chain(Registered0::NAMES) {
        out.push(format!("{name}x"));
    }
    out
}

const GROUP: &str = "errors";
const COLUMNS: [(&str, &str); 3] = [("r0", "0"), ("r100", "100"), ("r10k", "10,000")];
const ROWS: [(&str, &str); 3] = [
    (
        "member_parse",
        "`Member::from_str` of an unknown name, error dropped",
    ),
    (
        "member_display",
        "the same, then `to_string()` of the error",
    ),
    ("serde", "`serde_json::from_str::<Member<E>>`, failing"),
];

fn bench<E: DynamicStrEnum>(c: &mut Criterion, column: &str, inputs: &[String], json: &[String]) {
    let mut group = c.benchmark_group(GROUP);
    group.bench_with_input(
        BenchmarkId::new("member_parse", column),
        inputs,
        |b, inputs| {
            b.iter(|| {
                for input in inputs {
                    black_box(Member::<E>::from_str(black_box(input)).is_err());
                }
            });
        },
    );
    group.bench_with_input(
        BenchmarkId::new("member_display", column),
        inputs,
        |b, inputs| {
            b.iter(|| {
                for input in inputs {
                    if let Err(e) = Member::<E>::from_str(black_box(input)) {
                        black_box(e.to_string());
                    }
                }
            });
        },
    );
    group.bench_with_input(BenchmarkId::new("serde", column), json, |b, json| {
        b.iter(|| {
            for text in json {
                black_box(serde_json::from_str::<Member<E>>(black_box(text)).is_err());
            }
        });
    });
    group.finish();
}

/// Criterion's median for one benchmark of this run, in nanoseconds per input.
fn median_ns(function: &str, column: &str, per_iteration: usize) -> Option<f64> {
    let dir = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(
            || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target"),
            PathBuf::from,
        )
        .join("criterion")
        .join(GROUP)
        .join(function)
        .join(column)
        .join("new/estimates.json");
    let text = std::fs::read_to_string(dir).ok()?;
    let value: serde_json::Value = serde_json::from_str(&text).ok()?;
    let ns = value["median"]["point_estimate"].as_f64()?;
    #[allow(clippy::cast_precision_loss)] // a batch of a few dozen inputs
    Some(ns / per_iteration as f64)
}

fn table(per_iteration: usize) -> String {
    let mut out = String::from(
        "| failed parse (registered policy, 16 built-in names) | 0 registered | 100 registered | 10,000 registered | 10,000 / 0 | 10,000 / 100 |\n|---|---|---|---|---|---|\n",
    );
    for (function, label) in ROWS {
        let cells: Vec<Option<f64>> = COLUMNS
            .iter()
            .map(|(column, _)| median_ns(function, column, per_iteration))
            .collect();
        let _ = write!(out, "| {label} |");
        for cell in &cells {
            match cell {
                Some(ns) => {
                    let _ = write!(out, " {ns:.0} ns |");
                }
                None => out.push_str(" – |"),
            }
        }
        for base in [cells[0], cells[1]] {
            match (base, cells[2]) {
                (Some(base), Some(many)) => {
                    let _ = write!(out, " {:.2}× |", many / base);
                }
                _ => out.push_str(" – |"),
            }
        }
        out.push('\n');
    }
    out
}

fn main() {
    for name in plugin_names(100) {
        Registered100::registry().register(name).unwrap();
    }
    for name in plugin_names(10_000) {
        Registered10k::registry().register(name).unwrap();
    }
    let inputs = misses();
    let json: Vec<String> = inputs
        .iter()
        .map(|s| serde_json::to_string(s).unwrap())
        .collect();
    for input in &inputs {
        assert!(Member::<Registered10k>::from_str(input).is_err(), "{input}");
    }
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_millis(400))
        .measurement_time(Duration::from_millis(1500))
        .sample_size(30)
        .without_plots()
        .configure_from_args();
    bench::<Registered0>(&mut c, COLUMNS[0].0, &inputs, &json);
    bench::<Registered100>(&mut c, COLUMNS[1].0, &inputs, &json);
    bench::<Registered10k>(&mut c, COLUMNS[2].0, &inputs, &json);
    c.final_summary();
    println!("\n{}", table(inputs.len()));
}
