//! The cases are in `tests/fail` and `tests/pass`, run by `tests/ui.rs` with trybuild.
