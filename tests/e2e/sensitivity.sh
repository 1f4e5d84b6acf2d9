#!/bin/sh
# sensitivity.sh: `design = saltelli` and `morris` from `samen check` to
# `samen analyse` and `samen summarise`: the designs' size and structure,
# sensitivity.csv and points.csv with the columns of FORMATS.md and the
# same bytes on a second call, an inert key's indices exactly 0 with common
# seeds, the figure script; bad sweep files and bad use exit 2 with the
# file, line and key or a message that says what is missing.
set -u
fail() { echo "FAIL: $*" >&2; exit 1; }
base="$TOP/scenarios/brede-school-molenbeek.ini"

# network.brede-school.horizon counts only for an adhoc network: inert.
cat > salt.ini <<INI
[sweep]
scenario = $base
design = saltelli
samples = 16
replicates = 2
seeds = common
seed = 5
[set]
simulation.steps = 156
[vary]
network.brede-school.concreteness = 0.3..0.7
goal.speed = 0.15..0.6
network.brede-school.horizon = 13..52
INI
"$SAMEN" check salt.ini > check.out || fail "check: $(cat check.out)"
grep -q "design: saltelli, 80 points x 2 replicates = 160 runs" check.out || fail "check: $(cat check.out)"
grep -q "16 base rows in blocks of 5 points" check.out || fail "check blocks: $(cat check.out)"
"$SAMEN" check salt.ini --design-only > /dev/null || fail "check --design-only"
[ "$(wc -l < design.csv)" -eq 81 ] || fail "design.csv rows: $(wc -l < design.csv)"
# Block j: A, AB^1 (key 1 from B), AB^2, AB^3, B.
awk -F, 'NR > 1 { p = $1 % 5; for (i = 2; i <= 4; i++) v[p, i] = $i }
    NR > 1 && $1 % 5 == 4 {
        for (m = 1; m <= 3; m++) for (i = 2; i <= 4; i++)
            if (v[m, i] != (i == m + 1 ? v[4, i] : v[0, i])) { print "block " int($1 / 5) ": AB^" m; bad = 1 }
    } END { exit bad }' design.csv || fail "saltelli blocks"

"$SAMEN" sweep salt.ini --out sw -j 2 --quiet || fail "saltelli sweep"
# The trusted reload of sweep.ini gives the points of the file.
awk -F, 'NR > 1 && $3 == 0 { print $6 "," $7 "," $8 }' sw/manifest.csv > m.vals
cut -d, -f2- design.csv | sed 1d | cmp -s - m.vals || fail "design.csv differs from the manifest"

"$SAMEN" analyse sw --resamples 200 > an.out || fail "analyse"
grep -q "15 rows (5 outcomes x 1 network x 3 keys, saltelli)" an.out || fail "analyse: $(cat an.out)"
head -1 sw/sensitivity.csv | grep -qx 'outcome,network,key,S1,S1_low,S1_high,ST,ST_low,ST_high' \
    || fail "sensitivity.csv header: $(head -1 sw/sensitivity.csv)"
[ "$(wc -l < sw/sensitivity.csv)" -eq 16 ] || fail "sensitivity.csv rows"
[ "$(cut -d, -f1 sw/sensitivity.csv | sed 1d | uniq | tr '\n' ' ')" = "agreed dissolved members dropouts trust " ] \
    || fail "default outcomes: $(cut -d, -f1 sw/sensitivity.csv | uniq | tr '\n' ' ')"
# The inert key: exactly 0, or empty where the outcome does not vary.
awk -F, '$3 == "network.brede-school.horizon" {
        for (i = 4; i <= 9; i++) if ($i != "0" && $i != "") { print; bad = 1 } n++ }
    END { exit bad || n != 5 }' sw/sensitivity.csv || fail "horizon is not 0"
awk -F, '$1 == "trust" && $3 == "goal.speed" && $7 > 0.05 { ok = 1 } END { exit !ok }' \
    sw/sensitivity.csv || fail "goal.speed has no effect on trust: $(grep '^trust' sw/sensitivity.csv)"
cp sw/sensitivity.csv first.csv
"$SAMEN" analyse sw --resamples 200 > /dev/null || fail "analyse again"
cmp -s first.csv sw/sensitivity.csv || fail "a second analyse wrote other bytes"
# The figure.
gnuplot -e "dir='sw'; out='s.png'; outcomes='agreed trust'" "$TOP/scripts/plot-sensitivity.gp" \
    || fail "plot-sensitivity.gp"
[ -s s.png ] || fail "no figure"
gnuplot -e "dir='nowhere'" "$TOP/scripts/plot-sensitivity.gp" 2> gp.err && fail "figure of nothing"
grep -q "not the output of samen analyse" gp.err || fail "figure error: $(cat gp.err)"
"$SAMEN" analyse sw --outcome progress --outcome completed --resamples 0 > /dev/null \
    || fail "analyse --outcome"
awk -F, 'NR > 1 && ($5 != "" || $6 != "" || $8 != "" || $9 != "") { bad = 1 } END { exit bad || NR != 7 }' \
    sw/sensitivity.csv || fail "--resamples 0 wrote intervals: $(cat sw/sensitivity.csv)"

# summarise: FORMATS.md's columns, a row per point and network.
"$SAMEN" summarise sw > su.out || fail "summarise"
head -1 sw/points.csv | grep -qx 'point,network.brede-school.concreteness,goal.speed,network.brede-school.horizon,network,runs,agreed,agreed_low,agreed_high,dissolved,dissolved_low,dissolved_high,completed,completed_low,completed_high,members,members_low,members_high,dropouts,dropouts_low,dropouts_high,agree_median,agree_median_low,agree_median_high' \
    || fail "points.csv header: $(head -1 sw/points.csv)"
[ "$(wc -l < sw/points.csv)" -eq 81 ] || fail "points.csv rows"
awk -F, 'NR > 1 && ($6 != 2 || $7 < $8 || $7 > $9 || $16 < $17 || $16 > $18) { print; bad = 1 } END { exit bad }' \
    sw/points.csv || fail "points.csv: runs or intervals"

# morris: consecutive points of a trajectory differ in one key.
cat > morris.ini <<INI
[sweep]
scenario = $base
design = morris
trajectories = 6
levels = 6
seed = 5
[set]
simulation.steps = 104
[vary]
network.brede-school.concreteness = 0.3..0.7
goal.speed = 0.15..0.6
trust.gain = 0.15..0.6
INI
"$SAMEN" check morris.ini --design-only --force > /dev/null || fail "check morris"
awk -F, 'NR > 2 && ($1 % 4) != 0 { d = 0; for (i = 2; i <= 4; i++) d += ($i != p[i]) }
    NR > 2 && ($1 % 4) != 0 && d != 1 { print "point " $1 ": " d " keys"; bad = 1 }
    NR > 1 { for (i = 2; i <= 4; i++) p[i] = $i } END { exit bad }' design.csv \
    || fail "morris steps"
"$SAMEN" sweep morris.ini --out mo -j 2 --quiet || fail "morris sweep"
"$SAMEN" analyse mo --outcome trust > /dev/null || fail "analyse morris"
head -1 mo/sensitivity.csv | grep -qx 'outcome,network,key,mu,mu_star,sigma,mu_star_low,mu_star_high' \
    || fail "morris header: $(head -1 mo/sensitivity.csv)"
[ "$(wc -l < mo/sensitivity.csv)" -eq 4 ] || fail "morris rows"

# Bad use: exit 2 and a message that says what is wrong.
expect2() { # WHAT PATTERN COMMAND...
    what=$1; pat=$2; shift 2
    "$@" > /dev/null 2> bad.err; st=$?
    [ $st -eq 2 ] || fail "$what: status $st ($(cat bad.err))"
    grep -q -- "$pat" bad.err || fail "$what: '$(cat bad.err)' lacks '$pat'"
}
"$SAMEN" sweep salt.ini --out half --shard 0/2 --quiet || fail "half sweep"
expect2 "pending runs" "runs are not done (pending: 1, 3, 5" "$SAMEN" analyse half
expect2 "unknown outcome" "did you mean 'trust'" "$SAMEN" analyse sw --outcome trusst
expect2 "bad resamples" "--resamples" "$SAMEN" analyse sw --resamples many
expect2 "no folder" "no sweep folder" "$SAMEN" summarise
expect2 "not a sweep" "nowhere/sweep.ini" "$SAMEN" analyse nowhere
"$SAMEN" run "$base" --steps 20 --out arun --quiet || fail "run"
for c in summarise analyse collect; do
    expect2 "$c of a run folder" "arun is a run folder (it holds run.ini), not a sweep" \
        "$SAMEN" $c arun
done
printf '[sweep]\nscenario = %s\n[vary]\ntrust.gain = 0.1, 0.2\n' "$base" > grid.ini
"$SAMEN" sweep grid.ini --out gr --quiet || fail "grid sweep"
expect2 "grid" "design = saltelli or morris" "$SAMEN" analyse gr
sed 's/^seed = 5/seed = 5\ntables = events/' salt.ini > events.ini
"$SAMEN" sweep events.ini --out ev --quiet || fail "sweep without network.csv"
expect2 "no network table" "tables" "$SAMEN" analyse ev --outcome trust
"$SAMEN" analyse ev --outcome agreed > /dev/null || fail "summary outcomes need no network.csv"

bad_file() { # NAME LINE-AND-KEY [sweep] LINES... (then a [vary] of trust.gain)
    name=$1; at=$2; shift 2
    { echo "[sweep]"; echo "scenario = $base"; for l in "$@"; do echo "$l"; done
      echo "[vary]"; echo "trust.gain = 0.1..0.5"; } > "$name.ini"
    expect2 "$name" "$name.ini:$at" "$SAMEN" check "$name.ini"
}
bad_file oddlevels "5: levels:" "design = morris" "trajectories = 3" "levels = 5"
bad_file nosamples "3: samples:" "design = saltelli"
bad_file notraj "3: trajectories:" "design = morris"
bad_file morrissamples "5: samples:" "design = morris" "trajectories = 3" "samples = 4"
printf '[sweep]\nscenario = %s\ndesign = saltelli\nsamples = 4\n[vary]\ntrust.gain = 0.1, 0.3\n' \
    "$base" > list.ini
expect2 "grid list" "list.ini:6: trust.gain: .*min..max" "$SAMEN" check list.ini
{ printf '[sweep]\nscenario = %s\ndesign = saltelli\nsamples = 2\n[vary]\n' "$base"
  for k in trust.gain trust.decay trust.exit_loss goal.speed goal.threshold exec.speed \
      exec.engage_rate framing.decay framing.need_rate framing.help framing.setback \
      framing.trust_loss drop.impatience drop.interest_min drop.misfit drop.disengaged \
      drop.engagement_min drop.overcommit drop.base comm.net_gain comm.base; do
      echo "$k = 0.1..0.2"; done; } > many.ini
expect2 "21 keys" "many.ini:26: comm.base: .*at most 20 keys" "$SAMEN" check many.ini
exit 0
