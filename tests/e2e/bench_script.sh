#!/bin/sh
# bench_script.sh: scripts/bench.sh (make bench) runs through and prints
# every figure of docs/PERFORMANCE.md it is meant to, on a small sweep and
# without the region runs (the times themselves are never tested). A bench
# that stops halfway would otherwise only show when somebody measures.
set -u
fail() { echo "FAIL: $*" >&2; exit 1; }
BENCH_RUNS=40 BENCH_COLLECT_RUNS=20 BENCH_REGION=0 BENCH_FIT_PARTICLES=20 BENCH_FIT_STEPS=104 sh "$TOP/scripts/bench.sh" > bench.out 2> bench.err \
    || fail "bench.sh: $(cat bench.err)"
for line in 'bench: sweep -j1 ' 'bench: sweep -j2 ' 'bench: speed-up -j2 / -j1 = ' \
        'bench: the -j1 folder holds 11 files' 'bench: collect of 20 runs, ' \
        'bench: fit of 20 particles, -j1: ' 'bench: fit of 20 particles, -j2: ' \
        "the engine's own time" 'bench: fit speed-up -j2 / -j1 = ' \
        'bench: check of 200,000 organisations: ' \
        'bench: check of 10,000 networks (20,000 organisations): '; do
    grep -qF "$line" bench.out || fail "no '$line' in: $(cat bench.out)"
done
[ "$(grep -c 'peak memory [0-9]* MB' bench.out)" -eq 2 ] || fail "peak memory: $(cat bench.out)"
