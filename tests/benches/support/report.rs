//! Turns criterion's estimates of this run into nanoseconds per operation, and prints them as the
//! markdown tables `BENCHMARKS.md` quotes.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::SystemTime;

/// Where criterion writes: `$CARGO_TARGET_DIR/criterion`, else the workspace's `target/criterion`.
pub fn output_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(
            || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target"),
            PathBuf::from,
        )
        .join("criterion")
}

struct Row {
    group: String,
    function: String,
    param: String,
    /// Operations per measured iteration.
    ops: usize,
}

/// The benchmarks of this run, and how many operations each iteration makes.
pub struct Report {
    start: SystemTime,
    rows: Vec<Row>,
}

impl Default for Report {
    fn default() -> Self {
        Report {
            start: SystemTime::now(),
            rows: Vec::new(),
        }
    }
}

impl Report {
    /// Records that `group/function/param` makes `ops` operations per iteration.
    pub fn add(&mut self, group: &str, function: &str, param: &str, ops: usize) {
        self.rows.push(Row {
            group: group.to_owned(),
            function: function.to_owned(),
            param: param.to_owned(),
            ops,
        });
    }

    /// Nanoseconds per operation (criterion's median per iteration, divided by the operations), if
    /// that benchmark ran in this process.
    pub fn ns(&self, group: &str, function: &str, param: &str) -> Option<f64> {
        let row = self
            .rows
            .iter()
            .find(|r| r.group == group && r.function == function && r.param == param)?;
        let path = output_dir()
            .join(group)
            .join(function)
            .join(param)
            .join("new/estimates.json");
        let modified = std::fs::metadata(&path).ok()?.modified().ok()?;
        if modified < self.start {
            return None;
        }
        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).ok()?).ok()?;
        let median = json["median"]["point_estimate"].as_f64()?;
        #[allow(clippy::cast_precision_loss)]
        Some(median / row.ops as f64)
    }

    /// Prints `markdown` and saves it as `target/criterion/NAME.md`.
    pub fn publish(name: &str, markdown: &str) {
        println!("\n{markdown}");
        let path = output_dir().join(format!("{name}.md"));
        if std::fs::create_dir_all(output_dir()).is_ok() && std::fs::write(&path, markdown).is_ok()
        {
            println!("(saved as {})", path.display());
        }
    }
}

/// `12.3`, or `-` when missing.
pub fn cell(ns: Option<f64>) -> String {
    ns.map_or_else(|| "-".to_owned(), |ns| format!("{ns:.1}"))
}

/// `a / b` as `1.23×`, or `-`.
pub fn ratio(a: Option<f64>, b: Option<f64>) -> String {
    match (a, b) {
        (Some(a), Some(b)) if b > 0.0 => format!("{:.2}×", a / b),
        _ => "-".to_owned(),
    }
}

/// A markdown table.
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let _ = writeln!(
        out,
        "|{}",
        header.iter().map(|_| "---|").collect::<String>()
    );
    for row in rows {
        let _ = writeln!(out, "| {} |", row.join(" | "));
    }
    out
}
