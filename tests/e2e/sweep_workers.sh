#!/bin/sh
# sweep_workers.sh: `samen sweep -j N` runs its runs in N long-lived worker
# processes; a worker that dies fails only the run it had (recorded with
# the signal), a new worker finishes the rest, and --resume then ends with
# the same bytes as a sweep where nothing died.
set -u
fail() { echo "FAIL: $*" >&2; exit 1; }

cat > w.ini <<INI
[sweep]
scenario = $TOP/scenarios/brede-school-molenbeek.ini
replicates = 300
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
[ "$(ls crashed/runs/*/failed | wc -l)" -eq 1 ] || fail "failed runs: $(ls crashed/runs/*/failed)"
grep -q "killed by signal 9" crashed/runs/*/failed || fail "reason: $(cat crashed/runs/*/failed)"
grep -q "run [0-9]* failed: .*killed by signal 9" crashed.err || fail "message: $(cat crashed.err)"
[ "$(ls crashed/runs | grep -c '^[0-9]')" -eq 300 ] || fail "not all runs: $(ls crashed/runs | wc -l)"
[ -z "$(ls -A crashed/runs | grep -v '^[0-9]')" ] || fail "left behind: $(ls -A crashed/runs | grep -v '^[0-9]')"
[ -z "$(pgrep -P $pid)" ] || fail "workers outlived their sweep"
"$SAMEN" sweep w.ini --out crashed -j 2 --resume --quiet || fail "resume"
diff -r whole crashed > /dev/null || fail "resumed differs: $(diff -rq whole crashed | head -3)"
exit 0
