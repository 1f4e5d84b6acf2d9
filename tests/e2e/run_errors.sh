#!/bin/sh
# run_errors.sh: `samen run` refuses bad input and usage with exit 2 and a
# message naming the file, line and key, refuses to overwrite a run without
# --force, and fails with exit 1 on a write error; none of these leaves an
# output file behind.
set -u
fail() { echo "FAIL: $*" >&2; exit 1; }

cat > orgs.csv <<'CSV'
id,name,sector,capacity,mandate,latency,guard,patience,learning,leisure
school,School,education,3,decision,2,0.5,40,0.9,0.2
ibo,Opvang,childcare,2,feedback,3,0.4,30,0.5,0.6
sport,Sport,sport,2,decision,1.5,0.3,30,0.1,0.9
club,Club,youth,1,decision,1.5,0.2,25,0.3,0.8
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
# line 8 holds a misspelt key
cat > bad.ini <<'INI'
[simulation]
steps = 30
themes = learning, leisure

[organisations]
file = orgs.csv
[trust]
gian = 0.3

[network n1]
initiator = school
issue = learning:0.6, leisure:0.4
concreteness = 0.5
effort = 3
INI

# expect STATUS NAME PATTERN... -- ARGS: runs samen ARGS, wants exit STATUS,
# every PATTERN in stderr, and nothing in the folder out-NAME.
expect() {
    want=$1 name=$2; shift 2
    pats=""
    while [ "$1" != "--" ]; do pats="$pats
$1"; shift; done
    shift
    "$SAMEN" "$@" >"$name.out" 2>"$name.err"
    st=$?
    [ "$st" = "$want" ] || { cat "$name.err"; fail "$name: exit $st, want $want"; }
    echo "$pats" | while IFS= read -r p; do
        [ -z "$p" ] && continue
        grep -qF -- "$p" "$name.err" || { cat "$name.err"; echo "FAIL: $name: stderr lacks '$p'" >&2; exit 1; }
    done || exit 1
    if [ -d "out-$name" ] && [ -n "$(ls -A "out-$name")" ]; then
        ls -la "out-$name"; fail "$name left files in out-$name"
    fi
    return 0
}

expect 2 unknown-option "unknown option '--bogus'" "samen run --help" -- \
    run ok.ini --out out-unknown-option --bogus
expect 2 missing-value "--out" -- run ok.ini --out
expect 2 no-scenario "no scenario" -- run
expect 2 two-scenarios "unexpected argument" -- run ok.ini ok.ini --out out-two-scenarios
expect 2 seed-word "--seed" "abc" -- run ok.ini --out out-seed-word --seed abc
expect 2 steps-float "--steps" "2.5" -- run ok.ini --out out-steps-float --steps 2.5
expect 2 seed-zero "simulation.seed" -- run ok.ini --out out-seed-zero --seed 0
expect 2 seed-big "simulation.seed" -- run ok.ini --out out-seed-big --seed 4294967296
expect 2 set-form "--set" "KEY=VALUE" -- run ok.ini --out out-set-form --set trust.gain
expect 2 set-key "trust.gian" -- run ok.ini --out out-set-key --set trust.gian=0.2
expect 2 set-value "trust.gain" -- run ok.ini --out out-set-value --set trust.gain=-1
expect 2 detail "output.detail" -- run ok.ini --out out-detail --detail everything
expect 2 missing-file "nothere.ini" -- run nothere.ini --out out-missing-file
expect 2 bad-scenario "bad.ini:8" "gian" -- run bad.ini --out out-bad-scenario
[ -e out-bad-scenario ] && fail "a scenario with an error created its --out"

# An --out that holds a run is refused without --force, and kept intact.
"$SAMEN" run ok.ini --out done --quiet || fail "first run exited $?"
cp done/network.csv before.csv
"$SAMEN" run ok.ini --out done --seed 9 >refuse.out 2>refuse.err
st=$?
[ "$st" = 2 ] || fail "run into a used --out: exit $st, want 2"
grep -q -- "--force" refuse.err || { cat refuse.err; fail "refusal does not mention --force"; }
cmp -s before.csv done/network.csv || fail "a refused run changed network.csv"
"$SAMEN" run ok.ini --out done --seed 9 --force --quiet || fail "run with --force exited $?"
cmp -s before.csv done/network.csv && fail "--force did not overwrite network.csv"
ls done | grep -q '\.tmp$' && fail "temporary files left in done/"

# An --out that is a file is bad usage.
: > plain
"$SAMEN" run ok.ini --out plain/x --quiet 2>plain.err
st=$?
[ "$st" = 2 ] || { cat plain.err; fail "--out under a file: exit $st, want 2"; }

# A write error (file size limit, as a full disk) fails the run with exit 1
# and leaves nothing behind, not even temporary files.
mkdir full
(trap '' XFSZ; ulimit -f 1; exec "$SAMEN" run ok.ini --out full --steps 200 --quiet) 2>full.err
st=$?
[ "$st" = 1 ] || { cat full.err; fail "run hitting a write error: exit $st, want 1"; }
grep -q "full/" full.err || { cat full.err; fail "the write error does not name the file"; }
[ -z "$(ls -A full)" ] || { ls -la full; fail "a failed run left files"; }
exit 0
