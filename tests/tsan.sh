#!/usr/bin/env bash
# Runs the registry's concurrency tests (tests/tests/stress.rs) under ThreadSanitizer, which reports
# any read that no release/acquire pair (or lock) orders after the write it reads.
#
# Works offline on the stable toolchain: RUSTC_BOOTSTRAP unlocks -Zsanitizer, the sanitizer runtime
# ships with the standard library for Linux targets, and the standard library itself is used
# uninstrumented (no -Zbuild-std); the one false positive that causes is suppressed in
# tests/tsan.supp. `--target` keeps the sanitizer flags off build scripts and proc macros, and the
# build has its own target directory so it never invalidates the normal one. Extra arguments go to
# the test binary (`bash tests/tsan.sh readers_see` runs one test).
#
# Each ordering the registry relies on was weakened to Relaxed, one at a time, this script run (up to
# three times), and the change reverted. Every one was reported as a data race on the first run:
#   a grown table published    (`current` store in `insert`,       release -> relaxed)   caught
#   the first table published  (`current` store in `start`,        release -> relaxed)   caught
#   the table read             (`current` load in `table`,          acquire -> relaxed)   caught
#   a slot published           (slot store in `Table::push`,        release -> relaxed)   caught
#   a slot read                (slot load in `Table::find`,         acquire -> relaxed)   caught
#   a described entry published (slot store in `insert`,            release -> relaxed)   caught
#   the count published        (`len` fetch_add in `Table::push`,   release -> relaxed)   caught
#   the count read             (`len` load in `Table::records`,     acquire -> relaxed)   caught
#   a slot read while listing  (slot load in `Table::records`,      acquire -> relaxed)   caught
set -euo pipefail
cd "$(dirname "$0")/.."

host=$(rustc -vV | sed -n 's/^host: //p')
case "$host" in
  x86_64-unknown-linux-gnu | aarch64-unknown-linux-gnu) ;;
  *) echo "tests/tsan.sh: no ThreadSanitizer runtime for $host; skipped" >&2; exit 0 ;;
esac

export RUSTC_BOOTSTRAP=1
export RUSTFLAGS="-Zsanitizer=thread -Cunsafe-allow-abi-mismatch=sanitizer"
export CARGO_TARGET_DIR="${TSAN_TARGET_DIR:-target/tsan}"
# halt_on_error: the first report fails the run (exit code 66) rather than a summary at exit.
export TSAN_OPTIONS="suppressions=$PWD/tests/tsan.supp halt_on_error=1 ${TSAN_OPTIONS:-}"

cargo test --target "$host" -p dynenum-tests --test stress -- "$@"
