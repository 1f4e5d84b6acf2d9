#!/bin/sh
# sweep_resume.sh: a sweep killed with SIGKILL partway leaves only complete
# run folders, and --resume ends with exactly the outputs of a sweep that
# was never stopped; the same after SIGTERM, which also cleans up and exits 1.
set -u
fail() { echo "FAIL: $*" >&2; exit 1; }

cat > r.ini <<INI
[sweep]
scenario = $TOP/scenarios/brede-school-molenbeek.ini
replicates = 30
seed = 5
[vary]
simulation.steps = 400
network.brede-school.concreteness = 0.3, 0.7
INI
"$SAMEN" sweep r.ini --out whole -j 2 --quiet || fail "uninterrupted sweep"

finished() { ls "$1/runs" 2> /dev/null | grep -c '^[0-9]'; }

# Starts a sweep into $1, sends signal $2 once 5 runs are in place.
stop_partway() {
    "$SAMEN" sweep r.ini --out "$1" -j 2 --quiet 2> "$1.err" & pid=$!
    n=0
    while [ "$(finished "$1")" -lt 5 ]; do
        n=$((n + 1)); [ $n -lt 3000 ] || fail "$1: no runs after 30 s"
        sleep 0.01
    done
    kill "-$2" $pid
    wait $pid; st=$?
    sleep 0.3 # the runs' processes end with their sweep
    [ "$(finished "$1")" -lt 60 ] || fail "$1: the sweep ended before the signal"
}

complete_runs() {
    for d in "$1"/runs/[0-9]*; do
        for f in run.ini network.csv events.csv ties.csv input-organisations.csv; do
            [ -f "$d/$f" ] || fail "$d is incomplete: no $f"
        done
        [ "$(ls "$d" | wc -l)" -eq "$(ls whole/runs/000000 | wc -l)" ] || fail "$d: $(ls "$d")"
    done
}

stop_partway killed KILL
[ $st -eq 137 ] || fail "SIGKILL: status $st"
complete_runs killed
"$SAMEN" sweep r.ini --out killed -j 2 --quiet 2> /dev/null && fail "no --resume accepted"
"$SAMEN" sweep r.ini --out killed -j 2 --resume --quiet || fail "resume after SIGKILL"
[ -z "$(ls -A killed/runs | grep -v '^[0-9]')" ] || fail "left behind: $(ls -A killed/runs | grep -v '^[0-9]')"
diff -r whole killed > /dev/null || fail "resumed after SIGKILL differs: $(diff -rq whole killed | head -3)"

stop_partway termed TERM
[ $st -eq 1 ] || fail "SIGTERM: status $st"
grep -q "stopped by signal 15.*--resume" termed.err || fail "SIGTERM message: $(cat termed.err)"
[ -z "$(ls -A termed/runs | grep -v '^[0-9]')" ] || fail "SIGTERM left: $(ls -A termed/runs)"
complete_runs termed
"$SAMEN" sweep r.ini --out termed -j 1 --resume --quiet || fail "resume after SIGTERM"
diff -r whole termed > /dev/null || fail "resumed after SIGTERM differs: $(diff -rq whole termed | head -3)"
exit 0
