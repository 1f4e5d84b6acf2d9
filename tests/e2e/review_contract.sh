#!/bin/sh
# review_contract.sh: inputs written from FORMATS.md alone, as someone
# outside the project would write them: a sweep file that `samen check`
# must recognise (byte order mark, "[ sweep ]"); folders of the other kind
# refused as --out (a run into a sweep's folder, a sweep into a run's), a
# file as --out a usage error;
# missing input files named with the scenario line and key.
set -u
fail() { echo "FAIL: $*" >&2; exit 1; }

cat > orgs.csv <<'CSV'
id,name,sector,capacity,mandate,latency,guard,patience,learning,care
school-1,"School, One",education,10,decision,1,0.5,20,0.8,0.2
school.2,"School ""Two""",education,8,feedback,2,0.3,15,0.7,0.1
ibo,IBO,childcare,5,decision,1.5,0.2,10,0.3,0.9
CSV
cat > s.ini <<'INI'
[simulation]
steps = 20
themes = learning, care
[organisations]
file = orgs.csv
[network bs]
initiator = school-1
issue = learning:0.6, care:0.4
concreteness = 0.5
effort = 6
INI

# A sweep file saved with a byte order mark, or with "[ sweep ]", is a sweep.
printf '\357\273\277[sweep]\r\nscenario = s.ini\r\n[vary]\r\ntrust.gain = 0.1, 0.2\r\n' > bom.ini
"$SAMEN" check bom.ini > bom.out 2> bom.err || fail "check of a sweep with a BOM: $(cat bom.err)"
grep -q "2 points" bom.out || fail "check of a sweep with a BOM: $(cat bom.out)"
printf '[ sweep ]\nscenario = s.ini\n' > spaced.ini
"$SAMEN" check spaced.ini > spaced.out 2>&1 || fail "check of '[ sweep ]': $(cat spaced.out)"

# A sweep given to run: the message says what it is.
"$SAMEN" run bom.ini --out x 2> run-sweep.err; [ $? -eq 2 ] || fail "run of a sweep file"
grep -q "samen sweep" run-sweep.err || fail "run of a sweep file: $(cat run-sweep.err)"

# A run into a sweep's folder, a sweep into a run's folder: refused.
"$SAMEN" sweep bom.ini --out sw --quiet || fail "sweep"
"$SAMEN" run s.ini --out sw --quiet 2> into-sweep.err; [ $? -eq 2 ] || fail "run into a sweep folder"
grep -q "sweep.ini" into-sweep.err || fail "run into a sweep folder: $(cat into-sweep.err)"
[ ! -e sw/run.ini ] || fail "run into a sweep folder wrote run.ini"
"$SAMEN" run s.ini --out one --quiet || fail "run"
"$SAMEN" sweep bom.ini --out one --quiet 2> into-run.err; [ $? -eq 2 ] || fail "sweep into a run folder"
grep -q "run.ini" into-run.err || fail "sweep into a run folder: $(cat into-run.err)"
[ ! -e one/sweep.ini ] && [ ! -e one/parts ] || fail "sweep into a run folder left files"

# --out naming a file is a usage error (2) for sweep as for run.
touch afile
"$SAMEN" run s.ini --out afile 2> /dev/null; [ $? -eq 2 ] || fail "run --out a file: status"
"$SAMEN" sweep bom.ini --out afile 2> /dev/null; [ $? -eq 2 ] || fail "sweep --out a file: status"

# A missing organisations file: the scenario's line and key, the path.
sed 's/^file = orgs.csv/file = sub\/nope.csv/' s.ini > miss.ini
"$SAMEN" run miss.ini --out m 2> miss.err; [ $? -eq 2 ] || fail "missing file: status"
grep -q "^samen: miss.ini:5: organisations.file: cannot open 'sub/nope.csv'" miss.err \
    || fail "missing file: $(cat miss.err)"
# written relative, so the message says where it was looked for from
grep -q "(a relative path is taken from the scenario file's folder)$" miss.err \
    || fail "missing file, no word of relative paths: $(cat miss.err)"
[ ! -e m ] || fail "missing file: a folder was made"
exit 0
