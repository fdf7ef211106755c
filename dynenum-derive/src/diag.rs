//! Collects every problem found in one derive, so the user sees them all in one compile.

use proc_macro2::Span;
use std::fmt::Display;

#[must_use = "finish() turns the collected problems into one compile error"]
#[derive(Default)]
pub(crate) struct Diag(Vec<syn::Error>);

impl Diag {
    pub(crate) fn push(&mut self, error: syn::Error) {
        self.0.push(error);
    }

    pub(crate) fn error(&mut self, span: Span, message: impl Display) {
        self.push(syn::Error::new(span, message));
    }

    /// An error at `span` with a note at `earlier`: a clash or a repeated key shows both places.
    pub(crate) fn error_with_note(
        &mut self,
        span: Span,
        message: impl Display,
        earlier: Span,
        note: &str,
    ) {
        let mut error = syn::Error::new(span, message);
        error.combine(syn::Error::new(earlier, note));
        self.push(error);
    }

    pub(crate) fn finish(self) -> syn::Result<()> {
        let mut all = self.0.into_iter();
        let Some(mut first) = all.next() else {
            return Ok(());
        };
        all.for_each(|error| first.combine(error));
        Err(first)
    }
}

/// The candidate nearest to `input` when it is close enough to be the likely intent (at most
/// `max(1, len / 3)` edits, ignoring ASCII case); ties go to the first candidate.
pub(crate) fn did_you_mean<'a>(input: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let limit = (input.chars().count() / 3).max(1);
    let mut best: Option<(usize, &'a str)> = None;
    for &candidate in candidates {
        let d = distance(&input.to_ascii_lowercase(), &candidate.to_ascii_lowercase());
        if d <= limit && best.map_or(true, |(bd, _)| d < bd) {
            best = Some((d, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = i;
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let next = (diag + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::did_you_mean;

    #[test]
    fn suggests_only_close_candidates() {
        let keys = ["rename", "alias", "description"];
        assert_eq!(did_you_mean("renam", &keys), Some("rename"));
        assert_eq!(did_you_mean("ALIAS", &keys), Some("alias"));
        assert_eq!(did_you_mean("colour", &keys), None);
    }
}
