//! Compile-fail cases (`tests/fail/*.rs`, each with the `.stderr` rustc must print) and compile-pass
//! cases (`tests/pass/*.rs`, each running its own assertions) of `#[derive(DynamicStrEnum)]`.
//!
//! After a toolchain change or a message edit, bless with
//! `TRYBUILD=overwrite cargo test -p dynenum-ui-tests` and read the diff of every `.stderr`.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/fail/*.rs");
    t.pass("tests/pass/*.rs");
}
