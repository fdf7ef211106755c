//! A harness for comparisons within one run: every benchmark (a "cell") is timed once per round, the
//! rounds interleave all cells in a fresh shuffled order, and a cell's figure is its median over the
//! rounds with the 10th and 90th percentiles as its spread. A burst of noise (another process, a
//! frequency change) then lands on every cell alike instead of on whichever ran at that moment, and
//! ratios are taken per round, between samples measured close together.
//!
//! [`pin_to_one_cpu`] re-runs the bench under `taskset` so that it stays on one core.

use std::hint::black_box;
use std::time::{Duration, Instant};

use super::Rng;

/// The target length of one sample: long enough for the clock, short enough for many rounds.
const SAMPLE: Duration = Duration::from_micros(300);

struct Cell {
    group: String,
    id: String,
    kind: String,
    /// Operations per pass.
    ops: usize,
    /// Passes per sample (set by calibration).
    passes: u32,
    pass: Box<dyn FnMut()>,
    /// Nanoseconds per operation, one per round.
    samples: Vec<f64>,
}

/// The median, 10th and 90th percentiles of a cell, or of a ratio between two cells, over the rounds.
#[derive(Clone, Copy, Debug)]
pub struct Stats {
    pub median: f64,
    pub p10: f64,
    pub p90: f64,
}

impl Stats {
    fn of(mut values: Vec<f64>) -> Option<Stats> {
        if values.is_empty() {
            return None;
        }
        values.sort_by(f64::total_cmp);
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            clippy::cast_precision_loss
        )]
        let at = |q: f64| values[((values.len() - 1) as f64 * q).round() as usize];
        Some(Stats {
            median: at(0.5),
            p10: at(0.1),
            p90: at(0.9),
        })
    }
}

/// The cells of one bench, and the substrings that select them (from the command line).
pub struct Rounds {
    cells: Vec<Cell>,
    filters: Vec<String>,
}

impl Rounds {
    /// No cells yet; the filters are the command line's arguments that are not options (as with
    /// `cargo bench -p dynenum-tests --bench parse -- n256`): a cell runs if its `group/id/kind`
    /// contains one of them, or if there are none.
    pub fn from_args() -> Rounds {
        Rounds {
            cells: Vec::new(),
            filters: std::env::args()
                .skip(1)
                .filter(|arg| !arg.starts_with('-'))
                .collect(),
        }
    }

    /// Adds a cell: one pass applies `f` to every input.
    pub fn add<T: 'static, R>(
        &mut self,
        group: &str,
        id: &str,
        kind: &str,
        inputs: Vec<T>,
        f: impl Fn(&T) -> R + 'static,
    ) {
        let path = format!("{group}/{id}/{kind}");
        if !self.filters.is_empty() && !self.filters.iter().any(|f| path.contains(f.as_str())) {
            return;
        }
        let ops = inputs.len();
        self.cells.push(Cell {
            group: group.to_owned(),
            id: id.to_owned(),
            kind: kind.to_owned(),
            ops,
            passes: 1,
            pass: Box::new(move || {
                for input in &inputs {
                    black_box(f(black_box(input)));
                }
            }),
            samples: Vec::new(),
        });
    }

    /// Calibrates every cell, then runs `rounds` rounds, each over every cell in a shuffled order.
    pub fn run(&mut self, rounds: usize) {
        let started = Instant::now();
        for cell in &mut self.cells {
            // Warm up (caches, branch predictors, page faults), then size a sample.
            let warm = Instant::now();
            let mut passes = 0_u32;
            while warm.elapsed() < 5 * SAMPLE || passes < 2 {
                (cell.pass)();
                passes += 1;
            }
            let per_pass = warm.elapsed() / passes;
            cell.passes = u32::try_from(SAMPLE.as_nanos() / per_pass.as_nanos().max(1))
                .unwrap_or(u32::MAX)
                .max(1);
        }
        let mut rng = Rng::new(0x726f_756e_6473);
        let mut order: Vec<usize> = (0..self.cells.len()).collect();
        for _ in 0..rounds {
            rng.shuffle(&mut order);
            for &at in &order {
                let cell = &mut self.cells[at];
                let start = Instant::now();
                for _ in 0..cell.passes {
                    (cell.pass)();
                }
                let elapsed = start.elapsed();
                #[allow(clippy::cast_precision_loss)]
                cell.samples
                    .push(elapsed.as_nanos() as f64 / (f64::from(cell.passes) * cell.ops as f64));
            }
        }
        eprintln!(
            "{} cells, {rounds} interleaved rounds, {:.1} s",
            self.cells.len(),
            started.elapsed().as_secs_f64()
        );
    }

    fn samples(&self, group: &str, id: &str, kind: &str) -> Option<&[f64]> {
        self.cells
            .iter()
            .find(|c| c.group == group && c.id == id && c.kind == kind)
            .map(|c| c.samples.as_slice())
    }

    /// Nanoseconds per operation of one cell.
    pub fn stats(&self, group: &str, id: &str, kind: &str) -> Option<Stats> {
        Stats::of(self.samples(group, id, kind)?.to_vec())
    }

    /// The ratio `a / b` of two cells, taken round by round.
    pub fn ratio(&self, a: (&str, &str, &str), b: (&str, &str, &str)) -> Option<Stats> {
        let a = self.samples(a.0, a.1, a.2)?;
        let b = self.samples(b.0, b.1, b.2)?;
        Stats::of(a.iter().zip(b).map(|(a, b)| a / b).collect())
    }
}

/// `12.3 (11.9–13.0)`, or `-`.
pub fn ns(stats: Option<Stats>) -> String {
    stats.map_or_else(
        || "-".to_owned(),
        |s| format!("{:.1} ({:.1}–{:.1})", s.median, s.p10, s.p90),
    )
}

/// `1.23× (1.20–1.27)`, or `-`.
pub fn times(stats: Option<Stats>) -> String {
    stats.map_or_else(
        || "-".to_owned(),
        |s| format!("{:.2}× ({:.2}–{:.2})", s.median, s.p10, s.p90),
    )
}

/// Re-runs this bench under `taskset -c CPU` (the last CPU) unless it already runs pinned, and exits
/// with its status; returns (and the bench runs unpinned) when `taskset` is missing or refuses.
/// Returns a line saying which.
pub fn pin_to_one_cpu() -> String {
    const PINNED: &str = "DYNENUM_BENCH_PINNED";
    if let Some(cpu) = std::env::var_os(PINNED) {
        return format!("pinned to CPU {} with taskset", cpu.to_string_lossy());
    }
    let cpu = std::thread::available_parallelism()
        .map_or(0, |n| n.get() - 1)
        .to_string();
    let works = std::process::Command::new("taskset")
        .args(["-c", &cpu, "true"])
        .status()
        .is_ok_and(|status| status.success());
    let exe = std::env::current_exe();
    if let (true, Ok(exe)) = (works, exe) {
        let status = std::process::Command::new("taskset")
            .args(["-c", &cpu])
            .arg(exe)
            .args(std::env::args_os().skip(1))
            .env(PINNED, &cpu)
            .status();
        if let Ok(status) = status {
            std::process::exit(status.code().unwrap_or(1));
        }
    }
    "not pinned (no usable taskset)".to_owned()
}
