#!/bin/sh
# sweep_workers.sh: `samen sweep -j N` runs its runs in N long-lived worker
# processes; a worker that dies fails only the run it had (recorded with
# the signal), a new worker finishes the rest, and --resume then ends with
# the same bytes as a sweep where nothing died.
set -u
fail() { echo "FAIL: $*" >&2; exit 1; }
. "$TOP/tests/e2e/lib/sweep.sh"

# 2,000 runs (0.7 s at -j 1 on a fast machine): the worker must still be
# running when the loop below has found it and stops it.
runs=2000
cat > w.ini <<INI
[sweep]
scenario = $TOP/scenarios/brede-school-molenbeek.ini
replicates = $runs
seed = 9
[vary]
simulation.steps = 60
INI
"$SAMEN" sweep w.ini --out whole -j 2 --quiet || fail "uninterrupted sweep"

"$SAMEN" sweep w.ini --out crashed -j 1 --quiet 2> crashed.err & pid=$!
n=0
worker=
while [ -z "$worker" ]; do
    n=$((n + 1)); [ $n -lt 3000 ] || fail "no worker process after 30 s"
    worker=$(pgrep -P $pid | head -n 1)
    [ -n "$worker" ] || sleep 0.01
done
# Stopped, the worker keeps the run the sweep has handed it; killed, it
# loses that run only.
kill -STOP "$worker" || fail "cannot stop the worker"
sleep 0.3
kill -KILL "$worker"
wait $pid; st=$?
[ $st -eq 1 ] || fail "a crashed run: status $st, $(cat crashed.err)"
grep -q "run [0-9]* failed: .*killed by signal 9" crashed.err || fail "message: $(cat crashed.err)"
run=$(sed -n 's/.*run \([0-9]*\) failed: .*killed by signal 9.*/\1/p' crashed.err | head -n 1)
grep -q "^$run failed reason=.*killed by signal 9" crashed/parts/*.log \
    || fail "reason not logged: $(grep failed crashed/parts/*.log)"
# The run is failed, unless its worker had logged it done just before it
# was killed: its rows are then whole, and done wins.
grep -q "^$run,[0-9]*,[0-9]*,[0-9]*,\(failed\|done\)," crashed/manifest.csv \
    || fail "run $run: $(grep "^$run," crashed/manifest.csv)"
failed=$(grep -c ',failed,' crashed/manifest.csv)
[ "$failed" -le 1 ] || fail "failed runs: $(grep failed crashed/manifest.csv)"
[ "$(grep -c ',done,' crashed/manifest.csv)" -eq $((runs - failed)) ] \
    || fail "not all runs: $(grep -c done crashed/manifest.csv)"
[ -z "$(pgrep -P $pid)" ] || fail "workers outlived their sweep"
"$SAMEN" sweep w.ini --out crashed -j 2 --resume --quiet || fail "resume"
same_collected whole crashed
exit 0
