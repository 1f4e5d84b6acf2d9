#!/bin/sh
# run-e2e.sh: runs every tests/e2e/*.sh against build/samen, each in a fresh
# temporary folder, E2E_JOBS at a time (default 2: many tests wait on
# processes they started, a Slurm job or a signal, and leave a core idle),
# then reports them in name order with their seconds and ends with one
# "N passed, N failed" line. A test still running after E2E_TIMEOUT seconds
# (default 600) is stopped, with what it started, and fails: a hung test
# must not hang the suite.
top=$(cd "$(dirname "$0")/.." && pwd)
export SAMEN="${SAMEN:-$top/build/samen}" SAMEN_MPI="${SAMEN_MPI:-$top/build/samen-mpi}" TOP="$top"

# one test: its exit status, seconds and log into the folder $3
if [ "${1:-}" = --one ]; then
    work=$(mktemp -d)
    t0=$(date +%s)
    # timeout runs the test in a process group of its own and signals it
    # all, also with a signal it gets: an interrupted make test (Ctrl-C
    # reaches this process group, not the test's) stops its tests too
    (cd "$work" && exec timeout -k 10 "${E2E_TIMEOUT:-600}" sh "$2") \
        > "$3/$(basename "$2").log" 2>&1 &
    tpid=$!
    trap 'kill -TERM $tpid 2> /dev/null; wait $tpid; rm -rf "$work"; exit 1' INT TERM HUP
    wait $tpid
    echo "$? $(($(date +%s) - t0))" > "$3/$(basename "$2").rc"
    rm -rf "$work"
    exit 0
fi

res=$(mktemp -d)
trap 'rm -rf "$res"' EXIT
trap 'exit 1' INT TERM HUP    # dash runs the EXIT trap on exit, not on a signal
# the names NUL-separated: xargs reads quotes and backslashes in lines
for t in "$top"/tests/e2e/*.sh; do
    [ -e "$t" ] && printf '%s\0' "$t"
done | xargs -0 -P "${E2E_JOBS:-2}" -I{} sh "$0" --one {} "$res"
pass=0; fail=0
for t in "$top"/tests/e2e/*.sh; do
    [ -e "$t" ] || continue
    n=$(basename "$t")
    { read -r rc secs < "$res/$n.rc"; } 2> /dev/null || { rc=127; secs=0; }
    if [ "$rc" -eq 0 ]; then
        pass=$((pass + 1)); echo "ok   $n ($secs s)"
    else
        fail=$((fail + 1)); echo "FAIL $n ($secs s)"
        [ "$rc" -eq 124 ] && echo "     stopped after E2E_TIMEOUT=${E2E_TIMEOUT:-600} s"
        tail -n 30 "$res/$n.log" 2> /dev/null
    fi
done
echo "e2e: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
