#!/bin/sh
# usability.sh: the small things a new user tripped over (issue 11): a
# scenario given to samen sweep, did-you-mean for network names, an inline
# comment without a space, design.csv kept unless --force, generate into a
# new folder, the overleg's summary, describe WORD and --width, run.ini's
# provenance, and organisation ids that R and pandas read as missing.
set -u
fail() { echo "FAIL: $*" >&2; exit 1; }
S="$TOP/scenarios/molenbeek-drie-netwerken.ini"

# samen sweep SCENARIO: it is a scenario for samen run
"$SAMEN" sweep "$S" --out sw 2> sw.err; [ $? -eq 2 ] || fail "sweep of a scenario: status"
grep -q "is a scenario, not a sweep file .*samen run $S" sw.err || fail "sweep: $(cat sw.err)"
[ ! -e sw ] || fail "sweep of a scenario made its folder"

# a network name with a typo gets the nearest one
"$SAMEN" check "$S" --set network.zomerscool.effort=3 2> n.err; [ $? -eq 2 ] || fail "typo status"
grep -q "no \[network zomerscool\] section (did you mean 'zomerschool'?)" n.err || fail "hint: $(cat n.err)"
"$SAMEN" check "$S" --set network.naschol.x=1 2> n2.err; [ $? -eq 2 ] || fail "typo status 2"
grep -q "did you mean 'network\.[a-z-]*\.[a-z_]*'" n2.err || fail "hint 2: $(cat n2.err)"

# "steps = 260; weeks": ';' starts a comment only after white space
sed 's/^steps = .*/steps = 260; weeks/' "$TOP/scenarios/brede-school-molenbeek.ini" > c.ini
cp "$TOP"/scenarios/brede-school-molenbeek.*.csv .
"$SAMEN" check c.ini 2> c.err; [ $? -eq 2 ] || fail "inline comment status"
grep -q "an inline comment needs white space before its ';': 260 ; weeks" c.err || fail "comment: $(cat c.err)"

# check --design-only leaves an existing design.csv alone unless --force
printf '[sweep]\nscenario = %s\nreplicates = 1\n[vary]\ntrust.gain = 0.1, 0.2\n' "$S" > d.ini
echo "my own design" > design.csv
"$SAMEN" check d.ini --design-only 2> d.err; [ $? -eq 2 ] || fail "design.csv overwritten"
grep -q "design.csv exists .*--force" d.err || fail "design: $(cat d.err)"
[ "$(cat design.csv)" = "my own design" ] || fail "design.csv changed"
"$SAMEN" check d.ini --design-only --force > /dev/null || fail "--force"
head -n 1 design.csv | grep -qx "point,trust.gain" || fail "design.csv: $(cat design.csv)"

# generate --out into a folder that does not exist yet
"$SAMEN" generate --orgs 30 --networks 2 --out gen/sub/x.ini > /dev/null || fail "generate into gen/sub"
[ -s gen/sub/x.ini ] && [ -s gen/sub/x.orgs.csv ] || fail "generate wrote nothing into gen/sub"

# an overleg formulates no goal: its summary does not say it never agreed one
"$SAMEN" run "$TOP/scenarios/overleg-welzijn.ini" --steps 30 --out ov > ov.out || fail "overleg run"
grep -q "(overleg)" ov.out || fail "overleg summary: $(cat ov.out)"
grep "(overleg)" ov.out | grep -q "goal" && fail "overleg summary speaks of a goal: $(cat ov.out)"

# describe WORD filters; no line is wider than --width or COLUMNS
"$SAMEN" describe attraction > a.out || fail "describe attraction"
grep -q "model.attraction_min" a.out || fail "describe attraction lacks attraction_min"
grep -q "trust.gain" a.out && fail "describe attraction lists trust.gain"
"$SAMEN" describe nothing-like-this 2> x.err; [ $? -eq 2 ] || fail "describe of no match: status"
grep -q "no key or meaning holds 'nothing-like-this'" x.err || fail "describe: $(cat x.err)"
for w in 20 40 72 100 250; do
    "$SAMEN" describe --width $w > w.out || fail "describe --width $w"
    awk -v w=$w 'length($0) > w { bad = 1 } END { exit bad }' w.out || fail "a line over $w columns"
    # keys are cut only where they are wider than the width
    [ $w -lt 30 ] || grep -q "network.NAME.concreteness" w.out || fail "describe --width $w lost a key"
done
COLUMNS=50 "$SAMEN" describe model > m.out || fail "describe with COLUMNS"
awk 'length($0) > 50 { bad = 1 } END { exit bad }' m.out || fail "a line over COLUMNS=50"
"$SAMEN" describe --width 5 2> /dev/null; [ $? -eq 2 ] || fail "--width 5 accepted"

# run.ini records where the run came from; a run of it records the same
"$SAMEN" run "$S" --steps 20 --set trust.gain=0.4 --seed 3 --out p1 --quiet || fail "run p1"
sed -n '/^\[samen\]/,/^$/p' p1/run.ini > prov
grep -qx "source = $(cd "$TOP/scenarios" && pwd -P)/molenbeek-drie-netwerken.ini" prov || fail "source: $(cat prov)"
grep -qx "command = samen run $S --steps 20 --set trust.gain=0.4 --seed 3" prov || fail "command: $(cat prov)"
grep -qx "set = simulation.steps, trust.gain, simulation.seed" prov || fail "set: $(cat prov)"
"$SAMEN" run p1/run.ini --out p2 --quiet || fail "run of run.ini"
cmp -s p1/run.ini p2/run.ini || fail "a run of run.ini records another run.ini"
"$SAMEN" run p2/run.ini --out p3 --quiet --set trust.decay=0.01 || fail "run of run.ini with --set"
grep -qx "source = $(pwd -P)/p2/run.ini" p3/run.ini || fail "p3 source: $(grep source p3/run.ini)"
grep -qx "set = trust.decay" p3/run.ini || fail "p3 set: $(grep '^set' p3/run.ini)"
for f in network.csv events.csv ties.csv; do
    cmp -s p1/$f p2/$f || fail "the run of run.ini differs in $f"
done

# an organisation id that R and pandas read as missing
sed 's/^ouders,/NA,/; s/\bouders\b/NA/g' "$TOP/scenarios/brede-school-molenbeek.orgs.csv" > na.orgs.csv
sed 's/\bouders\b/NA/g' "$TOP/scenarios/brede-school-molenbeek.ties.csv" > na.ties.csv
sed 's/brede-school-molenbeek\.\([a-z]*\)\.csv/na.\1.csv/; s/\bouders\b/NA/g' \
    "$TOP/scenarios/brede-school-molenbeek.ini" > na.ini
"$SAMEN" check na.ini > /dev/null 2> na.err || fail "check with id NA: $(cat na.err)"
grep -q "organisation id 'NA' reads as a missing value in R (read.csv) and pandas" na.err || fail "NA: $(cat na.err)"
"$SAMEN" run na.ini --steps 5 --out na > /dev/null 2> nar.err || fail "run with id NA"
grep -q "'NA' reads as a missing value" nar.err || fail "run does not warn about NA"
exit 0
