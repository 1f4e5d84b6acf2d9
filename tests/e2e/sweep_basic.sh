#!/bin/sh
# sweep_basic.sh: `samen sweep`: the same bytes for every run at -j1, at -j2,
# in two shards writing into one folder at once and from a run's own
# run.ini; manifest, summary, collect, check and design.csv; bad sweep files
# refused before any run with file, line and key; an existing run refused
# without --resume; failing runs recorded and re-run by --resume.
set -u
fail() { echo "FAIL: $*" >&2; exit 1; }
base="$TOP/scenarios/brede-school-molenbeek.ini"

cat > grid.ini <<INI
[sweep]
scenario = $base
replicates = 2
seed = 42
snapshot_every = 10

[vary]
simulation.steps = 40
trust.gain = 0.1:0.3:0.1      ; three values
persons.self_interest = beta(2, 5), 0.3
INI

"$SAMEN" check grid.ini > check.out || fail "check refused a valid sweep"
grep -q "6 points x 2 replicates = 12 runs" check.out || fail "check: $(cat check.out)"

"$SAMEN" sweep grid.ini --out j1 -j 1 --quiet > j1.out 2> j1.err || fail "-j1: $(cat j1.err)"
[ ! -s j1.out ] && [ ! -s j1.err ] || fail "--quiet printed something"
"$SAMEN" sweep grid.ini --out j2 -j2 > j2.out 2> j2.err || fail "-j2: $(cat j2.err)"
grep -q "12 of 12 runs done, 0 failed, 0 pending" j2.out || fail "-j2 summary line: $(cat j2.out)"
"$SAMEN" sweep grid.ini --out sh --shard 0/2 -j 1 --quiet & pid=$!
"$SAMEN" sweep grid.ini --out sh --shard 1/2 -j 1 --progress > sh.out 2> sh.err \
    || fail "shard 1/2"
wait $pid || fail "shard 0/2"
[ ! -s j2.err ] || fail "progress without a terminal or --progress: $(cat j2.err)"
grep -q '^samen sweep: 6/6 runs done, 0 failed, [0-9.]* runs/s' sh.err \
    || fail "--progress: '$(cat sh.err)'"

[ "$(ls j1/runs | wc -l)" -eq 12 ] || fail "j1 has $(ls j1/runs | wc -l) run folders"
[ -d j1/runs/000011 ] || fail "run folders are not named NNNNNN"
for d in j2 sh; do
    diff -r j1 "$d" > /dev/null || fail "$d differs from j1: $(diff -rq j1 "$d" | head -5)"
done

# The manifest and summary: columns of FORMATS.md, point-major order.
head -1 j1/manifest.csv | grep -qx 'run,point,replicate,seed,status,simulation.steps,trust.gain,persons.self_interest' \
    || fail "manifest header: $(head -1 j1/manifest.csv)"
sed -n 2p j1/manifest.csv | grep -qx '0,0,0,803958421,done,40,0.1,"beta(2, 5)"' \
    || fail "manifest row 0: $(sed -n 2p j1/manifest.csv)"
sed -n 4p j1/manifest.csv | grep -q '^2,1,0,[0-9]*,done,40,0.1,0.3$' \
    || fail "manifest row 2: $(sed -n 4p j1/manifest.csv)"
sed -n 13p j1/manifest.csv | grep -q '^11,5,1,[0-9]*,done,40,0.3,0.3$' \
    || fail "manifest row 11: $(sed -n 13p j1/manifest.csv)"
[ "$(cut -d, -f4 j1/manifest.csv | sort -u | wc -l)" -eq 13 ] || fail "seeds are not distinct"
head -1 j1/summary.csv | grep -qx 'run,point,replicate,seed,simulation.steps,trust.gain,persons.self_interest,network,type,final_phase,final_form,members,agreed_step,dropouts,end_step,end_reason' \
    || fail "summary header: $(head -1 j1/summary.csv)"
[ "$(wc -l < j1/summary.csv)" -eq 13 ] || fail "summary has $(wc -l < j1/summary.csv) lines"
grep -q "^snapshot_every = 10" j1/runs/000003/run.ini || fail "snapshot_every not passed to the runs"

# A run alone from its run.ini: the same bytes.
"$SAMEN" run j1/runs/000007/run.ini --out alone --quiet || fail "run from run.ini"
diff -r alone j1/runs/000007 > /dev/null || fail "run 7 alone differs from the sweep's"

# collect: one CSV each, run,point,replicate and the varied keys first.
"$SAMEN" collect j1 > collect.out || fail "collect"
head -1 j1/network.csv | grep -q '^run,point,replicate,simulation.steps,trust.gain,persons.self_interest,step,network,type,phase,' \
    || fail "collected header: $(head -1 j1/network.csv)"
# one collected row for every row of every run (a network may end early)
rows=$(cat j1/runs/*/network.csv | grep -vc '^step,')
[ "$(wc -l < j1/network.csv)" -eq $((rows + 1)) ] || fail "collected rows: $(wc -l < j1/network.csv) for $rows"
head -1 j1/events.csv | grep -q '^run,point,replicate,simulation.steps,trust.gain,persons.self_interest,step,network,org,person,event,reason,value$' \
    || fail "collected events header"
"$SAMEN" collect j1 --last > /dev/null || fail "collect --last"
[ "$(wc -l < j1/network.csv)" -eq 13 ] || fail "--last rows: $(wc -l < j1/network.csv)"
"$SAMEN" collect j1 --every 10 > /dev/null || fail "collect --every"
[ "$(wc -l < j1/network.csv)" -eq $((12 * 4 + 1)) ] || fail "--every 10 rows: $(wc -l < j1/network.csv)"
"$SAMEN" collect j1 --last --every 3 2> /dev/null && fail "--last with --every accepted"

# Without --resume an existing run is an error; with it nothing is redone.
"$SAMEN" sweep grid.ini --out j1 --quiet 2> again.err && fail "a second sweep into j1 ran"
grep -q "already exists" again.err || fail "no 'already exists': $(cat again.err)"
"$SAMEN" sweep grid.ini --out j1 --resume > resume.out || fail "--resume of a finished sweep"
grep -q "0 runs run now" resume.out || fail "resume re-ran: $(cat resume.out)"

# Another sweep is refused in the same folder.
sed 's/seed = 42/seed = 43/' grid.ini > other.ini
"$SAMEN" sweep other.ini --out j1 --resume 2> other.err; [ $? -eq 2 ] || fail "other sweep: status"
grep -q "sweep.ini:[0-9]*: .*another sweep" other.err || fail "other sweep: $(cat other.err)"

# Bad sweep files: exit 2 naming file, line and key, and nothing written.
expect_bad() { # NAME LINE-AND-KEY TEXT
    printf '%s\n' "$3" > "$1.ini"
    "$SAMEN" sweep "$1.ini" --out "bad-$1" 2> "$1.err"
    [ $? -eq 2 ] || fail "$1: not exit status 2"
    grep -q "$1.ini:$2" "$1.err" || fail "$1: message '$(cat "$1.err")' lacks $1.ini:$2"
    [ ! -e "bad-$1" ] || fail "$1: a folder was made"
}
expect_bad unknown "4: replicate:" "[sweep]
scenario = $base
seed = 1
replicate = 3"
expect_bad range "5: trust.gain:" "[sweep]
scenario = $base

[vary]
trust.gain = 0.1:0.5"
expect_bad design "3: design:" "[sweep]
scenario = $base
design = factorial"
expect_bad reps "3: replicates:" "[sweep]
scenario = $base
replicates = 0"
expect_bad outside "4: network.brede-school.concreteness:" "[sweep]
scenario = $base
[vary]
network.brede-school.concreteness = 0.5, 1.2"
expect_bad seedvary "4: simulation.seed:" "[sweep]
scenario = $base
[vary]
simulation.seed = 1, 2"
expect_bad samples "3: samples:" "[sweep]
scenario = $base
samples = 10"

# lhs: check --design-only writes design.csv with the values the runs get.
cat > lhs.ini <<INI
[sweep]
scenario = $base
design = lhs
samples = 5
seed = 7
[vary]
simulation.steps = 20..30
trust.gain = 0.1..0.5
INI
"$SAMEN" check lhs.ini --design-only > /dev/null || fail "check --design-only"
head -1 design.csv | grep -qx 'point,simulation.steps,trust.gain' || fail "design.csv header"
[ "$(wc -l < design.csv)" -eq 6 ] || fail "design.csv rows"
"$SAMEN" sweep lhs.ini --out lhs --quiet || fail "lhs sweep"
awk -F, 'NR > 1 { print $6 "," $7 }' lhs/manifest.csv > m2.vals
cut -d, -f2- design.csv | sed 1d | cmp -s - m2.vals || fail "design.csv differs from the manifest"
steps=$(sed -n 2p design.csv | cut -d, -f2)
[ "$(grep -c '^0,' lhs/runs/000000/network.csv)" -ge 1 ] || fail "lhs run 0 has no rows"
[ "$(tail -1 lhs/runs/000000/network.csv | cut -d, -f1)" -eq $((steps - 1)) ] \
    || fail "run 0 did not get simulation.steps = $steps"

# Failing runs: a file size limit stops the long runs; they are recorded
# as runs/NNNNNN/failed, the sweep goes on and exits 1; --resume re-runs
# them and ends with the outputs of a sweep that never failed.
cat > fails.ini <<INI
[sweep]
scenario = $base
[vary]
simulation.steps = 3, 300, 4
INI
(ulimit -f 16; "$SAMEN" sweep fails.ini --out fl -j 2 > fl.out 2> fl.err); st=$?
[ $st -eq 1 ] || fail "failing sweep: status $st"
[ -f fl/runs/000001/failed ] || fail "run 1 not recorded as failed"
[ "$(ls fl/runs/000001)" = failed ] || fail "a failed run folder holds more than 'failed'"
[ -f fl/runs/000002/run.ini ] || fail "run 2 did not run after run 1 failed"
grep -q "run 1 failed" fl.err || fail "no message for run 1: $(cat fl.err)"
grep -q '^1,1,0,[0-9]*,failed,300$' fl/manifest.csv || fail "manifest: $(cat fl/manifest.csv)"
(trap '' XFSZ; ulimit -f 16; "$SAMEN" sweep fails.ini --out fl2 -j 2 > /dev/null 2> fl2.err); st=$?
[ $st -eq 1 ] || fail "failing sweep (write error): status $st"
grep -q "File too large" fl2/runs/000001/failed || fail "reason: $(cat fl2/runs/000001/failed)"
"$SAMEN" sweep fails.ini --out fl --resume --quiet || fail "--resume after failures"
"$SAMEN" sweep fails.ini --out ok --quiet || fail "sweep without a limit"
diff -r ok fl > /dev/null || fail "resumed sweep differs: $(diff -rq ok fl | head -3)"
exit 0
