#!/bin/sh
# generate_region.sh: the checked-in scenarios/flanders-region.ini is what
# the command in its header writes today, and `samen check` accepts it
# without a warning; the generator writes no necessary actor who can never
# join (MODEL.md section 7), for the shipped region and for other seeds.
set -u
fail() { echo "FAIL: $*"; exit 1; }

ini="$TOP/scenarios/flanders-region.ini"
[ -s "$ini" ] && [ -s "$TOP/scenarios/flanders-region.orgs.csv" ] || fail "files missing"
args=$(sed -n 's/^;   samen generate //p' "$ini")
[ -n "$args" ] || fail "no command in the header"
mkdir scenarios
# shellcheck disable=SC2086
$SAMEN generate $args >/dev/null || fail "samen generate $args"
cmp scenarios/flanders-region.ini "$ini" ||
    fail "scenarios/flanders-region.ini is stale: rerun the command in its header"
cmp scenarios/flanders-region.orgs.csv "$TOP/scenarios/flanders-region.orgs.csv" ||
    fail "scenarios/flanders-region.orgs.csv is stale: rerun the command in its header"
$SAMEN check "$ini" >/dev/null 2>check.err || fail "samen check $ini"
[ ! -s check.err ] || fail "samen check $ini warns: $(cat check.err)"
# seeds whose draws give necessary actors nobody could join as (seed 2:
# 1 replaced, 9 dropped; seed 3: 4 dropped): none is left in the scenario
for seed in 2 3; do
    $SAMEN generate --seed "$seed" --out "s$seed.ini" >/dev/null || fail "generate --seed $seed"
    grep -Eq "no longer necessary: ([1-9][0-9]* replaced|[0-9]+ replaced, [1-9])" "s$seed.ini" ||
        fail "seed $seed: nothing replaced or dropped, so this tests nothing"
    $SAMEN check "s$seed.ini" >/dev/null 2>"s$seed.err" || fail "samen check s$seed.ini"
    if grep "can never join" "s$seed.err"; then
        fail "seed $seed: a necessary actor can never join"
    fi
done
exit 0
