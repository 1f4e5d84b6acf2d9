#!/bin/sh
# run_outputs.sh: `samen run` outputs: exact header lines (FORMATS.md
# "Outputs"), the same bytes on a second run and from the run's own run.ini
# in a moved folder, another seed gives another run, --detail files, the
# default --out, progress and summary.
set -u
fail() { echo "FAIL: $*" >&2; exit 1; }

cat > orgs.csv <<'CSV'
id,name,sector,capacity,mandate,latency,guard,patience,learning,leisure,welfare
school-1,"School ""De Brug"", Molenbeek",education,3,decision,2,0.5,40,0.9,0.2,0.1
ibo,Buitenschoolse opvang,childcare,2,feedback,3,0.4,30,0.5,0.6,0.3
sport,Sportdienst,sport,2,decision,1.5,0.3,30,0.1,0.9,0.1
library,Bibliotheek,culture,1.5,feedback,2,0.6,35,0.7,0.5,0.1
welfare,OCMW,welfare,2,feedback,4,0.5,40,0.2,0.2,0.9
youth,Jeugdwerk,youth,1,decision,1.5,0.2,25,0.3,0.8,0.3
school-2,School Twee,education,3,feedback,2,0.5,40,0.8,0.3,0.2
municipality,Gemeente,government,5,decision,5,0.7,60,0.4,0.4,0.4
CSV
cat > ties.csv <<'CSV'
org_a,org_b,trust
school-1,ibo,0.6
library,school-1,0.4
CSV
cat > small.ini <<'INI'
; e2e scenario: a network and an ad hoc project
[simulation]
steps = 120
seed = 42
themes = learning, leisure, welfare

[output]
snapshot_every = 13

[organisations]
file = orgs.csv

[ties]
file = ties.csv

[network brede]
type = network
initiator = school-1
issue = learning:0.5, leisure:0.3, welfare:0.2
concreteness = 0.5
effort = 4
necessary = school-1, ibo
framing = municipality
candidates = *

[network zomer]
type = adhoc
initiator = sport
issue = leisure:0.8, learning:0.2
concreteness = 0.6
effort = 2
start = 10
horizon = 20
INI

# Copied from FORMATS.md "Outputs".
H_NETWORK='step,network,type,phase,form,members,necessary_present,trust,consensus,progress,d_interests,d_factual,d_formal,d_resources,d_commitment,d_identification,c_po,c_pn,link,person_dependency,decisions_open,decisions_resolved,overreach,dropouts'
H_EVENTS='step,network,org,person,event,reason,value'
H_TIES='step,network,org_a,org_b,trust,since'
H_ORGS='step,network,org,role,interest,engagement,fit_issue,fit_goal,c_po,c_pn,link,mandate'
H_PERSONS='step,network,org,person,c_po,c_pn,self_interest,uncertainty,tenure'

header_is() { # FILE EXPECTED
    [ -f "$1" ] || fail "$1 missing"
    got=$(head -n 1 "$1")
    [ "$got" = "$2" ] || fail "$1 header: got '$got', want '$2'"
}

# A run with overrides on the command line; they must be recorded in run.ini.
"$SAMEN" run small.ini --out a --seed 5 --steps 90 --set trust.gain=0.4 \
    >a.stdout 2>a.stderr || { cat a.stderr; fail "run a exited $?"; }
[ -s a.stderr ] && { cat a.stderr; fail "stderr not empty without a terminal or --progress"; }
grep -q "results in a/" a.stdout || { cat a.stdout; fail "summary does not say where the results are"; }
grep -q "brede (network)" a.stdout || { cat a.stdout; fail "summary lacks network brede"; }
grep -q "zomer (adhoc)" a.stdout || { cat a.stdout; fail "summary lacks network zomer"; }

for f in network.csv events.csv ties.csv run.ini input-organisations.csv input-ties.csv; do
    [ -s "a/$f" ] || fail "a/$f missing or empty"
done
[ -e a/orgs.csv ] && fail "orgs.csv written without --detail"
[ -e a/persons.csv ] && fail "persons.csv written without --detail"
ls a | grep -q '\.tmp$' && fail "temporary files left in a/"
header_is a/network.csv "$H_NETWORK"
header_is a/events.csv "$H_EVENTS"
header_is a/ties.csv "$H_TIES"

# Rows: steps 0..89 only, whole-number columns as integers, no nan/inf.
last=$(tail -n 1 a/network.csv | cut -d, -f1)
[ "$last" -le 89 ] || fail "network.csv goes past --steps 90 (step $last)"
grep -q '^0,brede,' a/network.csv || fail "network.csv has no step 0 row of brede"
grep -q ',zomer,' a/network.csv || fail "network.csv has no row of zomer"
grep -q '^[0-9]*,zomer,' a/network.csv && {
    first=$(grep '^[0-9]*,zomer,' a/network.csv | head -n 1 | cut -d, -f1)
    [ "$first" -ge 10 ] || fail "zomer has a row at step $first, before its start 10"
}
grep -qi 'nan\|inf' a/network.csv a/events.csv a/ties.csv && fail "nan or inf in outputs"
awk -F, 'NR > 1 && ($1 !~ /^[0-9]+$/ || $6 !~ /^[0-9]+$/ || $7 !~ /^[0-9]+$/ ||
         $21 !~ /^[0-9]+$/ || $24 !~ /^[0-9]+$/) { bad = 1 } END { exit bad }' \
    a/network.csv || fail "a whole-number column of network.csv is not an integer"
grep -q '^0,brede,school-1,[0-9]*,join,initiator,' a/events.csv ||
    fail "events.csv lacks the initiator's join at step 0"
grep -q '^0,brede,,,phase,recruiting,$' a/events.csv ||
    fail "events.csv lacks the phase event with empty org, person and value"

# The same command again: the same bytes in every file.
"$SAMEN" run small.ini --out b --seed 5 --steps 90 --set trust.gain=0.4 --quiet \
    >b.stdout || fail "run b exited $?"
[ -s b.stdout ] && fail "--quiet printed to stdout"
for f in a/*; do
    cmp -s "$f" "b/${f#a/}" || fail "second run differs in ${f#a/}"
done
[ "$(ls a | wc -l)" = "$(ls b | wc -l)" ] || fail "second run wrote other files"

# run.ini of a moved folder reproduces the run byte for byte, also when
# stepping with progress reports.
mv b moved
"$SAMEN" run moved/run.ini --out c --progress >/dev/null 2>c.stderr || {
    cat c.stderr; fail "run from moved run.ini exited $?"; }
grep -q 'step 90/90' c.stderr || { cat c.stderr; fail "--progress reported no final step"; }
for f in network.csv events.csv ties.csv run.ini input-organisations.csv input-ties.csv; do
    cmp -s "a/$f" "c/$f" || fail "run of moved run.ini differs in $f"
done

# Another seed, another run.
"$SAMEN" run small.ini --out d --seed 6 --steps 90 --set trust.gain=0.4 --quiet ||
    fail "run d exited $?"
cmp -s a/network.csv d/network.csv && fail "seeds 5 and 6 give the same network.csv"

# --detail orgs,persons: both files, exact headers, rows of real members.
"$SAMEN" run small.ini --out e --steps 40 --detail orgs,persons --snapshot-every 5 --quiet ||
    fail "run e exited $?"
header_is e/orgs.csv "$H_ORGS"
header_is e/persons.csv "$H_PERSONS"
grep -q '^0,brede,school-1,initiator,' e/orgs.csv || fail "orgs.csv lacks the initiator at step 0"
[ "$(wc -l < e/persons.csv)" -gt 1 ] || fail "persons.csv has no rows"
grep -q '^5,' e/ties.csv || fail "--snapshot-every 5 gave no snapshot at step 5"
grep -q '^13,' e/ties.csv && fail "--snapshot-every 5 still snapshots at step 13"
# --detail without orgs,persons in a forced rerun removes the stale files.
"$SAMEN" run small.ini --out e --steps 40 --quiet --force || fail "forced run e exited $?"
[ -e e/orgs.csv ] && fail "a forced run without --detail left the old orgs.csv"

# The default --out is results/NAME-SEED/, the last setting of the seed winning.
"$SAMEN" run small.ini --steps 20 --seed 3 --set simulation.seed=7 --quiet ||
    fail "run with default --out exited $?"
[ -f results/small-7/network.csv ] || { ls -R results; fail "no results/small-7/network.csv"; }
[ -e results/small-3 ] && fail "the seed overridden later still named the folder"
exit 0
