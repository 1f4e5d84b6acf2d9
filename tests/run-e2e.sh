#!/bin/sh
# run-e2e.sh: runs every tests/e2e/*.sh against build/samen, each in a fresh
# temporary folder, and ends with one "N passed, N failed" line.
top=$(cd "$(dirname "$0")/.." && pwd)
export SAMEN="${SAMEN:-$top/build/samen}" SAMEN_MPI="${SAMEN_MPI:-$top/build/samen-mpi}" TOP="$top"
pass=0; fail=0
for t in "$top"/tests/e2e/*.sh; do
    [ -e "$t" ] || continue
    work=$(mktemp -d)
    t0=$(date +%s)
    if (cd "$work" && sh "$t") >"$work.log" 2>&1; then
        pass=$((pass + 1)); echo "ok   $(basename "$t") ($(($(date +%s) - t0)) s)"
    else
        fail=$((fail + 1)); echo "FAIL $(basename "$t") ($(($(date +%s) - t0)) s)"; tail -n 30 "$work.log"
    fi
    rm -rf "$work" "$work.log"
done
echo "e2e: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
