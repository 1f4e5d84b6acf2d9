#!/bin/sh
# run_interrupt.sh: a `samen run` stopped by SIGTERM or SIGINT leaves no
# file behind in --out (not even a temporary one) and exits 1; one killed
# by SIGKILL leaves its temporary files, which the next run removes.
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

"$SAMEN" run "$TOP/scenarios/overleg-welzijn.ini" --out killed --quiet \
    --steps 100000000 --set drop.base=0 --detail orgs &
pid=$!
sleep 1
kill -KILL "$pid"
wait "$pid"
ls killed/*.tmp > /dev/null 2>&1 || fail "SIGKILL left no temporary files (the test did not test)"
"$SAMEN" run "$TOP/scenarios/overleg-welzijn.ini" --out killed --quiet --steps 20 \
    || fail "a run after a killed one"
[ -z "$(ls killed | grep '\.tmp$')" ] || fail "stale temporary files stayed: $(ls killed)"
echo ok
