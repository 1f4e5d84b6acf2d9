#!/bin/sh
# sweep_basic.sh: `samen sweep`: the same collected bytes at -j1, at -j2 and
# in three shards writing into one folder at once; a few files per writer,
# not per run; `samen rerun` gives a run's collected rows and a run.ini
# that reproduces it; manifest, summary, collect, check and design.csv; bad
# sweep files refused before any run with file, line and key; an existing
# run refused without --resume; failing runs recorded and re-run by
# --resume; a write that fails stops the sweep, and --resume finishes it.
set -u
fail() { echo "FAIL: $*" >&2; exit 1; }
. "$TOP/tests/e2e/lib/sweep.sh"
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
"$SAMEN" sweep grid.ini --out sh --shard 0/3 -j 1 --quiet & pid0=$!
"$SAMEN" sweep grid.ini --out sh --shard 2/3 -j 2 --quiet & pid2=$!
"$SAMEN" sweep grid.ini --out sh --shard 1/3 -j 1 --progress > sh.out 2> sh.err \
    || fail "shard 1/3"
wait $pid0 || fail "shard 0/3"
wait $pid2 || fail "shard 2/3"
[ ! -s j2.err ] || fail "progress without a terminal or --progress: $(cat j2.err)"
grep -q '^samen sweep: 4/4 runs done, 0 failed, [0-9.]* runs/s' sh.err \
    || fail "--progress: '$(cat sh.err)'"

# A few files per writer, none per run.
[ ! -e j1/runs ] || fail "a folder per run"
[ "$(find j1 -type f | wc -l)" -le 12 ] || fail "j1 holds $(find j1 -type f | wc -l) files"
[ "$(ls j1/parts/*.log | wc -l)" -eq 1 ] || fail "-j1 has $(ls j1/parts/*.log | wc -l) writers"
same_collected j1 j2
same_collected j1 sh

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
head -1 j1/summary.csv | grep -qx 'run,point,replicate,seed,simulation.steps,trust.gain,persons.self_interest,network,type,final_phase,final_form,members,agreed_step,dropouts,end_step,end_reason,start_step,founder' \
    || fail "summary header: $(head -1 j1/summary.csv)"
[ "$(wc -l < j1/summary.csv)" -eq 13 ] || fail "summary has $(wc -l < j1/summary.csv) lines"

# rerun: run 7 as `samen run` writes it; its rows are the collected rows of
# run 7 without the leading columns, and its run.ini reproduces it.
"$SAMEN" rerun j1 7 --out alone --quiet || fail "rerun"
grep -q "^snapshot_every = 10" alone/run.ini || fail "snapshot_every not passed to the runs"
for f in network events ties; do
    awk -F, 'NR > 1 && $1 == 7' "j1/$f.csv" | cut -d, -f7- > "r7.$f"
    tail -n +2 "alone/$f.csv" | cmp -s - "r7.$f" || fail "rerun 7: $f.csv differs from the collected rows"
done
# summary's members is the largest count the network reached
max=$(tail -n +2 alone/network.csv | cut -d, -f6 | sort -n | tail -1)
grep -q "^7,.*,brede-school,network,[a-z]*,[a-z]*,$max," j1/summary.csv \
    || fail "summary members of run 7 is not $max: $(grep '^7,' j1/summary.csv)"
"$SAMEN" run alone/run.ini --out again --quiet || fail "run from the rerun's run.ini"
diff -r alone again > /dev/null || fail "rerun's run.ini does not reproduce it"
"$SAMEN" rerun j1 12 2> r12.err; [ $? -eq 2 ] || fail "rerun of a run not in the sweep"
grep -q "runs are 0 to 11" r12.err || fail "rerun 12: $(cat r12.err)"
"$SAMEN" rerun alone 1 2> r1.err; [ $? -eq 2 ] || fail "rerun of a folder that is not a sweep"

# collect: one CSV per table, run,point,replicate and the varied keys first.
head -1 j1/network.csv | grep -q '^run,point,replicate,simulation.steps,trust.gain,persons.self_interest,step,network,type,phase,' \
    || fail "collected header: $(head -1 j1/network.csv)"
head -1 j1/events.csv | grep -q '^run,point,replicate,simulation.steps,trust.gain,persons.self_interest,step,network,org,person,event,reason,value$' \
    || fail "collected events header"
[ "$(cut -d, -f1 j1/network.csv | sed 1d | uniq | tr '\n' ' ')" = "0 1 2 3 4 5 6 7 8 9 10 11 " ] \
    || fail "collected rows are not in run order"
"$SAMEN" collect j1 --last > /dev/null || fail "collect --last"
[ "$(wc -l < j1/network-last.csv)" -eq 13 ] || fail "--last rows: $(wc -l < j1/network-last.csv)"
"$SAMEN" collect j1 --every 10 > /dev/null || fail "collect --every"
[ "$(wc -l < j1/network-every-10.csv)" -eq $((12 * 4 + 1)) ] || fail "--every 10 rows"
cmp -s j1/network.csv j2/network.csv || fail "--last or --every wrote over network.csv"
"$SAMEN" collect j1 --last --every 3 2> /dev/null && fail "--last with --every accepted"

# tables and every: only the tables kept, network rows of every 10th step
# and each network's last; [set] as --set.
cat > thin.ini <<INI
[sweep]
scenario = $base
replicates = 2
tables = network
every = 10
[set]
simulation.steps = 35
org.school-1.capacity = 2
INI
"$SAMEN" sweep thin.ini --out thin --quiet || fail "thin sweep"
[ -z "$(ls thin/parts | grep -v '\.network\.csv$\|\.summary\.csv$\|\.log$')" ] \
    || fail "parts of tables not kept: $(ls thin/parts)"
"$SAMEN" collect thin > /dev/null || fail "collect thin"
[ ! -e thin/events.csv ] || fail "events collected though not kept"
[ "$(cut -d, -f4 thin/network.csv | sed 1d | sort -un | tr '\n' ' ')" = "0 10 20 30 34 " ] \
    || fail "every 10: steps $(cut -d, -f4 thin/network.csv | sed 1d | sort -un | tr '\n' ' ')"
"$SAMEN" rerun thin 1 --out thin1 --quiet || fail "rerun thin 1"
grep -q '^school-1,.*,primary school,2,' thin1/input-organisations.csv || fail "[set] org value"
[ "$(tail -n +2 thin1/network.csv | wc -l)" -eq 35 ] || fail "rerun has every row"
grep -q "^1,0,1,0," thin/network.csv || fail "collected run 1 lacks step 0"
printf '[sweep]\nscenario = %s\nevery = 0\n' "$base" > every0.ini
"$SAMEN" sweep every0.ini --out e0 2> every0.err; [ $? -eq 2 ] || fail "every = 0 accepted"
grep -q "every0.ini:3: every:" every0.err || fail "every = 0: $(cat every0.err)"
printf '[sweep]\nscenario = %s\ntables = network, edges\n' "$base" > tab.ini
"$SAMEN" sweep tab.ini --out tb 2> tab.err; [ $? -eq 2 ] || fail "unknown table accepted"
grep -q "tab.ini:3: tables: unknown table 'edges'" tab.err || fail "tables: $(cat tab.err)"

# Without --resume an existing run is an error; with it nothing is redone.
"$SAMEN" sweep grid.ini --out j1 --quiet 2> again.err && fail "a second sweep into j1 ran"
grep -q "already run here" again.err || fail "no 'already run here': $(cat again.err)"
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
"$SAMEN" collect lhs > /dev/null || fail "collect lhs"
last=$(awk -F, '$1 == "0" { s = $6 } END { print s }' lhs/network.csv)
[ "$last" = $((steps - 1)) ] || fail "run 0 did not get simulation.steps = $steps ($last)"

# Failing runs: a file size limit kills the worker of the long run; the
# run is recorded failed, the sweep goes on and exits 1; --resume re-runs it
# and ends with the outputs of a sweep that never failed.
cat > fails.ini <<INI
[sweep]
scenario = $base
[vary]
simulation.steps = 3, 300, 4
INI
(ulimit -f 64; "$SAMEN" sweep fails.ini --out fl -j 2 > fl.out 2> fl.err); st=$?
[ $st -eq 1 ] || fail "failing sweep: status $st"
grep -q "run 1 failed: .*signal" fl.err || fail "no message for run 1: $(cat fl.err)"
grep -q '^1,1,0,[0-9]*,failed,300$' fl/manifest.csv || fail "manifest: $(cat fl/manifest.csv)"
grep -q '^2,2,0,[0-9]*,done,4$' fl/manifest.csv || fail "run 2 did not run after run 1 failed"
"$SAMEN" sweep fails.ini --out fl --resume --quiet || fail "--resume after failures"
"$SAMEN" sweep fails.ini --out ok --quiet || fail "sweep without a limit"
# A write that fails (the limit with its signal ignored, as a full disk
# would fail it) stops the sweep naming the file; --resume finishes it.
(trap '' XFSZ; ulimit -f 64; "$SAMEN" sweep fails.ini --out fl2 -j 1 > /dev/null 2> fl2.err); st=$?
[ $st -eq 1 ] || fail "failing sweep (write error): status $st"
grep -q "parts/.*csv: cannot write file: File too large.*--resume" fl2.err \
    || fail "write error: $(cat fl2.err)"
"$SAMEN" sweep fails.ini --out fl2 --resume --quiet || fail "--resume after a write error"
same_collected ok fl
same_collected ok fl2
exit 0
