#!/bin/sh
# run_interrupt.sh: a `samen run` stopped by SIGTERM or SIGINT leaves no
# file behind in --out (not even a temporary one) and exits 1.
set -u
fail() { echo "FAIL: $*" >&2; exit 1; }
for sig in TERM INT; do
    # an overleg with no drop-out lives for as many steps as asked
    "$SAMEN" run "$TOP/scenarios/overleg-welzijn.ini" --out "o$sig" --quiet \
        --steps 100000000 --set drop.base=0 2> "err$sig" &
    pid=$!
    sleep 1
    kill -"$sig" "$pid"
    wait "$pid"
    rc=$?
    [ "$rc" -eq 1 ] || fail "SIG$sig: exit $rc, wanted 1"
    grep -q "interrupted at step" "err$sig" || fail "SIG$sig: $(cat "err$sig")"
    [ -z "$(ls -A "o$sig")" ] || fail "SIG$sig left: $(ls -A "o$sig")"
done
echo ok
