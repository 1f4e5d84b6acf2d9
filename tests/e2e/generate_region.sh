#!/bin/sh
# generate_region.sh: the checked-in scenarios/flanders-region.ini is what
# the command in its header writes today, and `samen check` accepts it.
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
$SAMEN check "$ini" >/dev/null || fail "samen check $ini"
exit 0
