#!/bin/sh
# run_target.sh: one libFuzzer run of one target, for make fuzz
# (tests/fuzz/fuzz.mk, docs/FUZZING.md); make runs FUZZ_JOBS of these at once.
#   run_target.sh BUILD TARGET SECONDS RUNS TMPDIR OPTIONS...
# The target reads the seed corpus of the tree, what the last long run
# learned (tests/fuzz/learned/TARGET) and the inputs that once failed,
# learns into BUILD/fuzz/TARGET/corpus (out of the tree) and logs to
# BUILD/fuzz/TARGET/fuzz.log. It stops after SECONDS, or after RUNS
# executions when RUNS is not 0. Its files go to a folder of its own in
# TMPDIR, removed at the end even when libFuzzer stopped at a crash (its
# atexit handlers do not run then): a target writes and reads a file per
# execution, about twice as fast on a tmpfs as on a disk.
set -u
build=$1 t=$2 seconds=$3 runs=$4 tmp=$5
shift 5
top=$(pwd)
dir=$build/fuzz/$t
mkdir -p "$dir/corpus" || exit 1
reg=$top/tests/fuzz/regressions/$t
[ -d "$reg" ] || reg=
learned=$top/tests/fuzz/learned/$t
[ -d "$learned" ] || learned=
limit=
[ "$runs" -gt 0 ] && limit=-runs=$runs
own=$(mktemp -d "$tmp/samen-fuzz-$t.XXXXXX") || exit 1
(cd "$dir" && TMPDIR=$own ../fuzz_$t "$@" -max_total_time="$seconds" $limit \
    -print_final_stats=1 -dict="$top/tests/fuzz/$t.dict" \
    corpus "$top/tests/fuzz/corpus/$t" $learned $reg >fuzz.log 2>&1)
rc=$?
rm -rf "$own"
echo "fuzz $t: $(grep -o 'Done [0-9]* runs in [0-9]* second(s)' "$dir/fuzz.log")"
if [ $rc -ne 0 ]; then
    tail -n 30 "$dir/fuzz.log"
    echo "fuzz $t failed: see $dir/fuzz.log" >&2
    exit 1
fi
