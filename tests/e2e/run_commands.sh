#!/bin/sh
# run_commands.sh: `samen describe`, `samen version`, `samen check` on a
# scenario, and --help of each command.
set -u
fail() { echo "FAIL: $*" >&2; exit 1; }

"$SAMEN" version >v.out || fail "version exited $?"
[ "$(cat v.out)" = "samen $(sed -n 's/^#define SAMEN_VERSION "\(.*\)"/\1/p' "$TOP/include/samen/samen.h")" ] ||
    fail "version printed '$(cat v.out)'"
"$SAMEN" --version >v2.out || fail "--version exited $?"
cmp -s v.out v2.out || fail "--version differs from version"
"$SAMEN" version extra 2>/dev/null && fail "version accepted an argument"

"$SAMEN" describe >d.out || fail "describe exited $?"
for k in trust.gain simulation.seed output.snapshot_every persons.self_interest network.NAME.concreteness; do
    grep -q "$k" d.out || fail "describe does not list $k"
done
"$SAMEN" describe >/dev/full 2>/dev/null && fail "describe into a full device exited 0"

for c in run check describe version; do
    "$SAMEN" $c --help >h.out 2>h.err || fail "$c --help exited $?"
    grep -q "usage: samen $c" h.out || fail "$c --help prints no usage"
    [ -s h.err ] && fail "$c --help wrote to stderr"
done

cat > orgs.csv <<'CSV'
id,name,sector,capacity,mandate,latency,guard,patience,learning,leisure
school,School,education,3,decision,2,0.5,40,0.9,0.2
ibo,Opvang,childcare,2,feedback,3,0.4,30,0.5,0.6
CSV
cat > ok.ini <<'INI'
[simulation]
steps = 30
themes = learning, leisure
[organisations]
file = orgs.csv
[network n1]
initiator = school
issue = learning:0.6, leisure:0.4
concreteness = 0.5
effort = 3
INI
"$SAMEN" check ok.ini --set trust.gain=0.125 >c.out 2>c.err || { cat c.err; fail "check exited $?"; }
grep -q "0.125" c.out || fail "check does not print the overridden trust.gain"
grep -q "join_rate" c.out || fail "check does not print defaults (join_rate)"
grep -q "input-organisations.csv" c.out || fail "check does not print the scenario as run.ini"
"$SAMEN" check ok.ini --set trust.gian=1 2>c2.err
[ $? = 2 ] || fail "check with a bad --set key: want exit 2"
grep -q "trust.gian" c2.err || fail "check error does not name the key"
"$SAMEN" check ok.ini --design-only 2>/dev/null
[ $? = 2 ] || fail "check --design-only on a scenario: want exit 2"
"$SAMEN" check nothere.ini 2>c3.err
[ $? = 2 ] || fail "check of a missing file: want exit 2"
grep -q "nothere.ini" c3.err || fail "check error does not name the missing file"
"$SAMEN" check 2>/dev/null
[ $? = 2 ] || fail "check without a file: want exit 2"

# A file with a [sweep] section is checked as a sweep, options and all.
cat > sw.ini <<'INI'
; a sweep over ok.ini
[sweep]   ; the section that makes it a sweep
scenario = ok.ini
replicates = 2
[vary]
trust.gain = 0.1, 0.2
INI
"$SAMEN" check sw.ini >s.out 2>s.err || { cat s.err; fail "check of a sweep exited $?"; }
grep -q "trust.gain" s.out || fail "check of a sweep does not show the varied key"
grep -q "join_rate" s.out && fail "check of a sweep printed it as a scenario"
"$SAMEN" check sw.ini --design-only >/dev/null 2>&1 || fail "check --design-only of a sweep exited $?"
exit 0
