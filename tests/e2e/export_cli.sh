#!/bin/sh
# export_cli.sh: `samen export` end to end: the three formats into their
# default places and into --out, one network, one run of a sweep (the same
# files as exporting its rerun folder, no temporary folder left); bad use
# (not a run, unknown network or format, --run out of range or on a run
# folder, a bad threshold) is exit 2 with a clear message and nothing
# written.
set -u
fail() { echo "FAIL: $*" >&2; exit 1; }
s="$TOP/scenarios/molenbeek-drie-netwerken.ini"
mkdir tmp
export TMPDIR="$PWD/tmp"

"$SAMEN" run "$s" --out r --steps 80 --quiet || fail "run"
for to in gephi graphml rsiena; do
    "$SAMEN" export r --to $to > $to.out || fail "export --to $to"
done
[ -s r/network.gexf ] && [ -s r/network.graphml ] || fail "no network.gexf or network.graphml"
for f in waves.csv actors.csv composition.csv wave-01.csv wave-08.csv; do
    [ -s "r/rsiena/$f" ] || fail "rsiena/$f missing"
done
# 80 steps, every 13: the waves are steps 0, 13, ..., 78 and 79
[ -e r/rsiena/wave-09.csv ] && fail "a ninth wave"
grep -q "^samen export: r/network.gexf (" gephi.out || fail "gephi: $(cat gephi.out)"
head -2 r/network.gexf | grep -q 'xmlns="http://gexf.net/1.3"' || fail "not GEXF 1.3"
grep -q 'mode="dynamic"' r/network.gexf || fail "GEXF not dynamic"
grep -q '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"' r/network.graphml ||
    fail "not GraphML"
# again into an earlier export: replaced, still whole
"$SAMEN" export r --to rsiena --threshold 0.9 --quiet || fail "rsiena again"
[ "$(ls r/rsiena | wc -l)" -eq 11 ] || fail "rsiena holds $(ls r/rsiena)"

# one network, --out a file and --out a folder
"$SAMEN" export r --to graphml --network brede-school --out one.graphml --quiet ||
    fail "--network --out FILE"
[ -s one.graphml ] || fail "one.graphml"
mkdir into
"$SAMEN" export r --to gephi --out into --quiet || fail "--out FOLDER"
[ -s into/network.gexf ] || fail "into/network.gexf"
"$SAMEN" export r --to rsiena --out rs --network brede-school --quiet || fail "--out rsiena"
[ -s rs/waves.csv ] || fail "rs/waves.csv"

# One run of a sweep: the files of exporting its rerun folder.
cat > sw.ini <<INI
[sweep]
scenario = $s
replicates = 3
seed = 9
[set]
simulation.steps = 40
INI
"$SAMEN" sweep sw.ini --out sw -j 2 --quiet || fail "sweep"
"$SAMEN" export sw --to rsiena --run 2 --quiet || fail "export --run 2"
[ -s sw/export-000002/rsiena/waves.csv ] || fail "sweep export's default place"
"$SAMEN" rerun sw 2 --out r2 --quiet || fail "rerun"
"$SAMEN" export r2 --to rsiena --quiet || fail "export of the rerun"
diff -r sw/export-000002/rsiena r2/rsiena > /dev/null || fail "--run 2 differs from its rerun"
"$SAMEN" export sw --to gephi --quiet || fail "export of run 0"
[ -s sw/export-000000/network.gexf ] || fail "run 0 by default"
[ -z "$(ls tmp)" ] || fail "temporary files left: $(ls tmp)"

# Bad use: exit 2, a message that says what is wrong, nothing written.
before=$(find . | sort)
bad() { # bad WORD ARGS...: exit 2 and WORD in the message
    word=$1
    shift
    "$SAMEN" export "$@" > bad.out 2> bad.err
    rc=$?
    [ $rc -eq 2 ] || fail "export $*: exit $rc, not 2"
    grep -q -- "$word" bad.err || fail "export $*: '$(cat bad.err)' does not say '$word'"
    rm -f bad.out bad.err
    [ "$(find . | sort)" = "$before" ] || fail "export $* wrote: $(find . | sort)"
}
bad "not a run folder" tmp --to gephi
bad "not a run folder" "$TOP/scenarios" --to gephi
bad "no such folder" missing --to gephi
bad "did you mean 'brede-school'" r --to gephi --network brede
bad "did you mean 'brede-school'" sw --to rsiena --network brede-schol
bad "runs are 0 to 2" sw --to gephi --run 3
bad "did you mean 'gephi'" r --to gefi
bad "did you mean 'graphml'" r --to graphmll
bad "sweep folder" r --to gephi --run 1
bad "threshold" r --to rsiena --threshold 1.5
bad "--to is required" r
bad "which an RSiena export does not write" r --to rsiena --out r
exit 0
