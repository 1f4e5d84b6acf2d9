#!/bin/sh
# check_explain.sh: `samen check` says in its first line that a scenario is
# valid and what it holds, prints numbers as the shortest text that reads
# back (run.ini and its input copies keep 17 digits), warns about networks
# nobody can join (naming the best candidate and why), and --explain shows
# every candidate's fit, appeal, need and attraction at the start.
set -u
fail() { echo "FAIL: $*" >&2; exit 1; }

# The town of issue 11: capacities 2 to 5 against efforts 5 and 2, so that
# need = 1 - min(1, capacity/effort) is 0 for nearly everyone.
cat > town.orgs.csv <<'CSV'
id,name,sector,capacity,mandate,latency,guard,patience,learning,care
school,School,education,5,decision,2,0.6,40,0.9,0.2
kinder,Kinderopvang,childcare,2,feedback,3,0.4,30,0.3,0.9
sport,Sportclub,sport,3,feedback,2,0.5,30,0.4,0.3
library,Library,culture,4,decision,2,0.5,30,0.7,0.1
CSV
cat > town.ini <<'INI'
[simulation]
steps = 60
seed = 3
themes = learning, care
[organisations]
file = town.orgs.csv
[network leren]
initiator = school
issue = learning:1
concreteness = 0.5
effort = 5
[network opvang]
initiator = kinder
issue = care:1, learning:0.2
concreteness = 0.5
effort = 2
necessary = kinder, sport
INI
"$SAMEN" check town.ini > c.out 2> c.err || fail "check of a valid scenario exited $?: $(cat c.err)"
head -n 1 c.out | grep -qx "town.ini: valid scenario: 4 organisations, 2 networks, 60 steps, seed 3" \
    || fail "first line: $(head -n 1 c.out)"
# leren: the best is sport: fit 0.4/0.5 = 0.8, appeal 4 0.5 0.5 = 1, need
# 1 - 3/5 = 0.4, attraction 0.32
grep -q "network leren: no candidate can join at the start; the best, 'sport', has attraction 0.32" c.err \
    || fail "no warning for leren: $(cat c.err)"
grep "network leren" c.err | grep -q "(fit 0.8 x appeal 1 x need 0.4 = 0.32, below model.attraction_min 0.35)" \
    || fail "leren's reason: $(cat c.err)"
# opvang: everyone's capacity reaches the effort 2
grep "network opvang" c.err | grep -q "need 0: its capacity [0-9.]* is at least the effort 2, so it could do it alone" \
    || fail "no need-0 reason for opvang: $(cat c.err)"
grep -q "samen check --explain" c.err || fail "the warning does not point at --explain"

"$SAMEN" check town.ini --explain > e.out 2> /dev/null || fail "check --explain exited $?"
head -n 1 e.out | grep -q "valid scenario" || fail "--explain: first line $(head -n 1 e.out)"
grep -q "^\[network leren\]" e.out && grep -q "^\[network opvang\]" e.out || fail "--explain lacks a network"
grep -q "organisation *role *capacity *fit *appeal *need *bonus *attraction *joins" e.out \
    || fail "--explain header: $(cat e.out)"
# library in leren: fit 0.7/sqrt(0.5) = 0.98995, appeal 1, need 1 - 4/5 =
# 0.2, attraction 0.19799
grep -q "^library *member *4 *0.990 *1.000 *0.200 *1 *0.1980 *no: " e.out \
    || fail "--explain row of library: $(grep '^library' e.out)"
grep -q "^sport *necessary .* no: need 0" e.out || fail "--explain row of sport: $(grep '^sport' e.out)"
grep -q "^school *initiator .*always" e.out || fail "--explain row of the initiator"
# the scenario runs as warned: both networks end for lack of partners
"$SAMEN" run town.ini --out r > r.out 2> r.err || fail "run exited $?"
grep -q "no candidate can join" r.err || fail "run does not warn"
grep -q "leren (network): dissolved at step 11 (too-few-partners)" r.out || fail "leren: $(cat r.out)"
"$SAMEN" run town.ini --out q --quiet 2> q.err || fail "quiet run"
[ ! -s q.err ] || fail "--quiet printed: $(cat q.err)"
# a necessary actor who can never join, though others can: in zorg (effort
# 10) sport joins (fit 0.3/0.5 = 0.6 x need 1 - 3/10 = 0.7 = 0.42), the
# school, necessary, does not: fit 0.2/sqrt(0.85) = 0.2169 x need 0.5 x ask
# bonus 2 = 0.217
head -n 6 town.ini > zorg.ini
cat >> zorg.ini <<'INI'
[network zorg]
initiator = kinder
issue = care:1
concreteness = 0.5
effort = 10
necessary = kinder, school
INI
"$SAMEN" check zorg.ini > /dev/null 2> fl.err || fail "check zorg"
grep -q "network zorg: necessary actor 'school' can never join (attraction 0.217; fit 0.217 x appeal 1 x need 0.5 x ask bonus = 0.217, below model.attraction_min 0.35), so the network misses its necessary quorum and dissolves (necessary-actor-missing)" fl.err \
    || fail "zorg: $(cat fl.err)"
[ "$(grep -c warning fl.err)" -eq 1 ] || fail "zorg: not one warning: $(cat fl.err)"
# the region generator writes no such network (MODEL.md section 7)
"$SAMEN" check "$TOP/scenarios/flanders-region.ini" > /dev/null 2> fr.err || fail "check region"
[ ! -s fr.err ] || fail "region warns: $(cat fr.err)"
# a large region: the first five such warnings, then how many more
"$SAMEN" generate --orgs 1000 --networks 150 --out big.ini > /dev/null || fail "generate"
"$SAMEN" check big.ini > /dev/null 2> big.err || fail "check big"
[ "$(grep -c "can join\|can never join" big.err)" -eq 5 ] || fail "not five warnings: $(cat big.err)"
grep -q "^samen: warning: big.ini: [0-9]* more such warnings; samen check --explain lists" big.err \
    || fail "no count of the other warnings: $(cat big.err)"
# a scenario where someone can join gets no such warning
"$SAMEN" check "$TOP/scenarios/brede-school-molenbeek.ini" > /dev/null 2> ok.err || fail "check"
[ ! -s ok.err ] || fail "warning without cause: $(cat ok.err)"

# Numbers: check prints the shortest text that reads back as the same
# double, as run.ini does; the copied organisations keep %.17g.
grep -qx "attraction_min = 0.35" c.out || fail "check: $(grep attraction_min c.out)"
"$SAMEN" check town.ini --set trust.gain=0.30000000000000004 | grep -qx "gain = 0.30000000000000004" \
    || fail "check rounded a value that needs 17 digits"
grep -qx "attraction_min = 0.35" r/run.ini || fail "run.ini: $(grep attraction_min r/run.ini)"
grep -q ",0.59999999999999998," r/input-organisations.csv || fail "input copy: $(cat r/input-organisations.csv)"
# A field (MODEL.md 4.14): --explain says how networks will be founded,
# since founded networks are not known before the run; a scenario without
# founding has no such paragraph.
grep -q "^\[founding\]" e.out && fail "--explain: a founding paragraph without founding"
"$SAMEN" check "$TOP/scenarios/flanders-field.ini" --explain > f.out 2> /dev/null \
    || fail "check --explain of the field exited $?"
grep -q "^\[founding\] .*field.found_rate 0.000192 x spare capacity" f.out \
    || fail "--explain of the field: $(cat f.out)"
grep -q "up to 6 candidates chosen in its founder's reach (area)" f.out \
    || fail "--explain of the field: $(cat f.out)"
exit 0
