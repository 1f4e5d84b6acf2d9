#!/bin/sh
# sweep_resume.sh: a sweep killed with SIGKILL partway (or stopped with
# SIGINT or SIGTERM) counts only runs whose rows are all written, and
# --resume with another -j ends with exactly the collected outputs of a
# sweep that was never stopped; a torn log line and a part file cut mid-row
# are recovered from, and a byte changed on disk makes collect name the run
# and --resume run it again.
set -u
fail() { echo "FAIL: $*" >&2; exit 1; }
. "$TOP/tests/e2e/lib/sweep.sh"

# 1,000 runs: enough that no machine finishes them between the poll that
# sees 5 done and the signal (60 runs took 30 ms, and once they all ended
# first): half as many replicates of two concreteness values; one snapshot
# a run keeps the folders small.
runs=1000
cat > r.ini <<INI
[sweep]
scenario = $TOP/scenarios/brede-school-molenbeek.ini
replicates = $((runs / 2))
seed = 5
[vary]
simulation.steps = 400
output.snapshot_every = 400
network.brede-school.concreteness = 0.3, 0.7
INI
"$SAMEN" sweep r.ini --out whole -j 2 --quiet || fail "uninterrupted sweep"

# Runs done: complete log lines that say so.
finished() { cat "$1"/parts/*.log 2> /dev/null | grep -c '^[0-9]* done '; }

# Starts a sweep into $1, sends signal $2 once 5 runs are done.
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
    [ "$(finished "$1")" -lt $runs ] || fail "$1: the sweep ended before the signal"
}

stop_partway killed KILL
[ $st -eq 137 ] || fail "SIGKILL: status $st"
"$SAMEN" sweep r.ini --out killed -j 2 --quiet 2> /dev/null && fail "no --resume accepted"
# What a machine that died mid-write leaves: a log line without its end,
# a part file that stops in the middle of a row.
log=$(ls killed/parts/*.log | head -n 1)
part=$(ls killed/parts/*.network.csv | head -n 1)
printf '41 done network=0+' >> "$log"
printf '41,17,brede-school,network,recr' >> "$part"
"$SAMEN" sweep r.ini --out killed -j 1 --resume --quiet || fail "resume after SIGKILL"
same_collected whole killed
rm -rf killed

for sig in TERM INT; do
    stop_partway "stopped-$sig" "$sig"
    [ $st -eq 1 ] || fail "SIG$sig: status $st"
    grep -q "stopped by signal [0-9]*.*--resume" "stopped-$sig.err" \
        || fail "SIG$sig message: $(cat "stopped-$sig.err")"
    "$SAMEN" sweep r.ini --out "stopped-$sig" -j 3 --resume --quiet || fail "resume after SIG$sig"
    same_collected whole "stopped-$sig"
    rm -rf "stopped-$sig"
done

# A byte changed on disk in the rows of a run done: collect names the run
# and leaves it out; --resume runs it again.
"$SAMEN" collect whole > /dev/null || fail "collect whole"
cp -r whole flipped
log=$(ls flipped/parts/*.log | head -n 1)
line=$(grep -m 1 ' done ' "$log")
run=${line%% *}
part=$(echo "$log" | sed 's/\.log$/.events.csv/')
off=$(echo "$line" | sed 's/.* events=\([0-9]*\)+.*/\1/')
printf 'X' | dd of="$part" bs=1 seek=$((off + 5)) conv=notrunc 2> /dev/null
"$SAMEN" collect flipped > /dev/null 2> flipped.err || fail "collect with a damaged run"
grep -q "run $run: .*no longer match" flipped.err || fail "collect did not name run $run: $(cat flipped.err)"
grep -q "^$run,.*,pending," flipped/manifest.csv || fail "run $run is not pending"
"$SAMEN" sweep r.ini --out flipped --resume --quiet || fail "resume of the damaged run"
same_collected whole flipped
exit 0
