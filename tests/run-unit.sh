#!/bin/sh
# run-unit.sh: runs each cmocka test program given and ends with one
# "N passed, N failed" line counting the programs.
pass=0; fail=0
for t in "$@"; do
    if "$t"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAILED: $t" >&2; fi
done
echo "unit: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
