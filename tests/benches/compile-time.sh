#!/usr/bin/env bash
# Compile cost of the derive: builds a crate holding one 256-variant enum (tests/benches/compile-time/
# enum256.rs, written by `cargo run -p dynenum-tests --example gen_bench_enums`) three ways:
#   ours  - #[derive(DynamicStrEnum)]
#   strum - strum's equivalent set: EnumString (ascii_case_insensitive), Display, EnumIter,
#           IntoStaticStr, AsRefStr, VariantNames, EnumCount (plus a derived Hash, which ours provides)
#   none  - no derive but the std ones
# and reports the median wall time of RUNS (default 5) clean builds of that crate alone, its
# dependencies prebuilt, in the dev and release profiles, and the median CPU time (user + system) of
# the same builds, which other processes on a busy machine disturb less; then the median clean build time of the
# derive crates themselves (dynenum-derive, strum_macros), their own dependencies prebuilt.
#
# Usage: bash tests/benches/compile-time.sh   (RUNS=7 for more runs; PROFILES=dev for one profile)
# Offline: every cargo call uses --offline, so the registry cache must hold strum 0.28 (any earlier
# `cargo bench -p dynenum-tests` or `cargo fetch` puts it there). Not run by CI.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${RUNS:-5}
work=${CARGO_TARGET_DIR:-$root/target}/compile-time
variants=$root/tests/benches/compile-time/enum256.rs
export CARGO_TERM_COLOR=never CARGO_INCREMENTAL=0

now() { date +%s.%N; }

# The median of the numbers on stdin.
median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# crate NAME DEPENDENCY-LINE DERIVE-ATTRIBUTES
crate() {
    local dir=$work/$1
    mkdir -p "$dir/src"
    cat >"$dir/Cargo.toml" <<EOF
[package]
name = "enum256-$1"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
$2

[workspace]
EOF
    # The workspace's lock file pins the same versions the benches use.
    [ -f "$dir/Cargo.lock" ] || cp "$root/Cargo.lock" "$dir/Cargo.lock"
    {
        printf '%s\n' "$3"
        printf 'pub enum Enum256 {\n'
        cat "$variants"
        printf '}\n'
    } >"$dir/src/lib.rs"
}

crate ours "dynenum-core = { path = \"$root/dynenum-core\" }" \
    '#[derive(Debug, Clone, Copy, PartialEq, Eq, dynenum_core::DynamicStrEnum)]'
crate strum 'strum = { version = "0.28", features = ["derive"] }' \
    '#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::EnumString, strum::Display, strum::EnumIter, strum::IntoStaticStr, strum::AsRefStr, strum::VariantNames, strum::EnumCount)]
#[strum(serialize_all = "snake_case", ascii_case_insensitive)]'
crate none '' '#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]'

# build-time NAME PROFILE-FLAG: "WALL CPU", the median seconds of clean builds of the enum crate
# alone, in wall time and in CPU time (user + system, from bash's `time`).
build_time() {
    local dir=$work/$1 flag=$2 samples
    (cd "$dir" && cargo build --offline --quiet $flag) # dependencies
    samples=$(for _ in $(seq "$runs"); do
        (cd "$dir" && cargo clean --offline --quiet -p "enum256-$1" $flag)
        local start end cpu
        start=$(now)
        cpu=$( { TIMEFORMAT='%U %S'; time (cd "$dir" && cargo build --offline --quiet $flag); } 2>&1 )
        end=$(now)
        awk -v a="$end" -v b="$start" -v c="$cpu" 'BEGIN { split(c, t, " "); print a - b, t[1] + t[2] }'
    done)
    printf '%s %s\n' "$(cut -d' ' -f1 <<<"$samples" | median)" "$(cut -d' ' -f2 <<<"$samples" | median)"
}

# derive-time NAME PACKAGE: median seconds of a clean build of a derive crate alone.
derive_time() {
    local dir=$work/$1
    for _ in $(seq "$runs"); do
        (cd "$dir" && cargo clean --offline --quiet -p "$2")
        local start end
        start=$(now)
        (cd "$dir" && cargo build --offline --quiet -p "$2")
        end=$(now)
        awk -v a="$end" -v b="$start" 'BEGIN { print a - b }'
    done | median
}

echo "Compile time of one 256-variant enum: median of $runs clean builds of the enum's crate (s)"
echo
echo "| profile | time | no derive | dynenum | strum set | dynenum adds | strum adds | dynenum / strum (added) |"
echo "|---|---|---|---|---|---|---|---|"
for profile in ${PROFILES:-dev release}; do
    flag=""
    [ "$profile" = release ] && flag=--release
    read -r none_wall none_cpu <<<"$(build_time none "$flag")"
    read -r ours_wall ours_cpu <<<"$(build_time ours "$flag")"
    read -r strum_wall strum_cpu <<<"$(build_time strum "$flag")"
    for kind in wall cpu; do
        n=none_$kind o=ours_$kind s=strum_$kind
        awk -v p="$profile" -v k="$kind" -v n="${!n}" -v o="${!o}" -v s="${!s}" 'BEGIN {
            printf "| %s | %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f× |\n", p, k, n, o, s, o - n, s - n, (o - n) / (s - n) }'
    done
done
echo
echo "Clean build of the derive crate itself (dev profile, its dependencies prebuilt; median of $runs, s)"
echo
echo "| crate | seconds |"
echo "|---|---|"
printf '| dynenum-derive | %.2f |\n' "$(derive_time ours dynenum-derive)"
printf '| strum_macros | %.2f |\n' "$(derive_time strum strum_macros)"
