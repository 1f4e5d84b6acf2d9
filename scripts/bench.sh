#!/bin/sh
# bench.sh: `make bench`: runs per second of a 1,000-run sweep of the
# default scenario at -j1 and at -j2, and the speed-up. SAMEN names the
# binary (default build/samen), BENCH_RUNS the number of runs.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
samen=${SAMEN:-$top/build/samen}
runs=${BENCH_RUNS:-1000}
scenario="$top/scenarios/brede-school-molenbeek.ini"
[ -x "$samen" ] || { echo "bench: no $samen (make first)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/bench.ini" <<INI
[sweep]
scenario = $scenario
replicates = $runs
seed = 1
INI

now() { date +%s.%N; }
rate() { # JOBS: runs the sweep, prints runs per second
    t0=$(now)
    "$samen" sweep "$tmp/bench.ini" --out "$tmp/j$1" -j "$1" --quiet
    t1=$(now)
    awk -v n="$runs" -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", n / (b - a) }'
}

echo "bench: a sweep of $runs runs of $(basename "$scenario") on $(nproc) CPUs"
r1=$(rate 1)
echo "bench: -j1  $r1 runs/s"
r2=$(rate 2)
echo "bench: -j2  $r2 runs/s"
diff -r "$tmp/j1/runs" "$tmp/j2/runs" > /dev/null \
    || { echo "bench: -j1 and -j2 runs differ" >&2; exit 1; }
awk -v a="$r1" -v b="$r2" 'BEGIN { printf "bench: speed-up -j2 / -j1 = %.2f\n", b / a }'
