#!/bin/sh
# fit_field.sh: samen fit with the field measures (N1-N4 of docs/MODEL.md
# section 1) as targets on the field scenario. A generation keeps what they
# read (field.csv at each year's first step, the events, the ties); each
# particle's measures are the ones samen summarise writes for the same
# candidate (one function each); a field key is recovered from measures
# samen made at a known value; -j1 and -j2 give the same bytes; N3 does
# not depend on which snapshots field.csv holds.
set -u
fail() { echo "FAIL: $*" >&2; exit 1; }
field="$TOP/scenarios/flanders-field.ini"

# The truth: 30 runs at found_rate = 0.0003 (a prior too narrow to matter,
# one generation), their founded networks and N1 averaged.
cat > truth.ini <<INI
[fit]
scenario = $field
particles = 30
generations = 1
seed = 4
[prior]
field.found_rate = uniform(0.0003, 0.0003000001)
[target founded]
measure = founded
observed = 0
scale = 1
[target N1]
measure = repeat_odds
observed = 0
scale = 1
INI
"$SAMEN" fit truth.ini --out truth -j 2 --quiet || fail "truth fit"
grep -q '^tables = network, events, field$' truth/generations/0/points.ini &&
    grep -q '^snapshot_every = 52$' truth/generations/0/points.ini &&
    grep -q '^detail = field$' truth/generations/0/points.ini ||
    fail "a generation does not keep field.csv by year and the events: $(cat truth/generations/0/points.ini)"
obs=$(awk -F, 'NR > 1 { f += $6; r += $7; n++ } END { printf "%.4f %.4f", f / n, r / n }' \
    truth/particles.csv)
set -- $obs
awk -v f="$1" -v r="$2" 'BEGIN { exit !(f > 20 && r > 1) }' ||
    fail "truth: founded $1, N1 $2 (expected more than 20 networks founded and N1 above 1)"

# Each particle's values are summarise's for its candidate: in generation
# 0 every candidate with both values is accepted, in index order
# (measures.csv: point, the key, measure, runs, mean).
"$SAMEN" summarise truth/generations/0 > /dev/null 2>&1
awk -F, 'FNR == 1 { next }
    FILENAME ~ /measures/ { if ($3 == "founded") f[$1] = $5
                            if ($3 == "repeat_odds") r[$1] = $5; next }
    { n++; while ((f[p + 0] == "" || r[p + 0] == "") && p < 1000) p++
      if (f[p + 0] != $6 || r[p + 0] != $7) bad = bad " " $2 "/" p; p++ }
    END { if (n != 30 || bad != "") { print "particles differing:" bad; exit 1 } }' \
    truth/generations/0/measures.csv truth/particles.csv ||
    fail "the fit's measures are not summarise's"

# Recovery of found_rate from the founded networks and N1.
cat > rec.ini <<INI
[fit]
scenario = $field
particles = 30
generations = 3
min_acceptance = 0.05
seed = 6
[prior]
field.found_rate = loguniform(0.00005, 0.002)
[target founded]
measure = founded
observed = $1
scale = 3
[target N1]
measure = repeat_odds
observed = $2
scale = 2
INI
"$SAMEN" fit rec.ini --out rec -j 2 --quiet || fail "recovery fit"
awk -F, 'NR == 2 { ok = $1 == "field.found_rate" && $5 <= 0.0003 && 0.0003 <= $6 &&
                   $6 - $5 < 0.3 * (0.002 - 0.00005); exit !ok }' rec/posterior.csv ||
    fail "0.0003 not recovered, or no narrower than the prior: $(cat rec/posterior.csv)"

# The same bytes at -j1 (the truth's one generation).
"$SAMEN" fit truth.ini --out truth1 -j 1 --quiet || fail "truth fit -j1"
for f in particles.csv generations.csv posterior.csv; do
    cmp -s truth/$f truth1/$f || fail "$f differs between -j2 and -j1"
done
# N3 is of the last snapshot alone: the same whether field.csv also has
# the yearly ones (with mergers, whose organisations are nodes too)
for se in 52 1000000; do
    cat > n3-$se.ini <<INI
[sweep]
scenario = $field
replicates = 4
seed = 3
snapshot_every = $se
detail = field
tables = network, field
every = 1000000
[set]
form.merger_at = 0.6
form.merger_dims = 0.6
INI
    "$SAMEN" sweep n3-$se.ini --out n3-$se -j 2 --quiet || fail "N3 sweep $se"
    "$SAMEN" summarise n3-$se > /dev/null 2>&1
    grep -E ',(top10_tie_share|max_median_degree),' n3-$se/measures.csv | cut -d, -f3- > n3-$se.txt
done
[ "$(grep -c ',merged,' n3-52/summary.csv)" -gt 0 ] || fail "no merger in the N3 sweep"
[ -s n3-52.txt ] && cmp -s n3-52.txt n3-1000000.txt ||
    fail "N3 depends on the snapshots: $(cat n3-52.txt n3-1000000.txt)"
echo "fit_field: ok"
