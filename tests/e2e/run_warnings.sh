#!/bin/sh
# run_warnings.sh: a network that starts after the last step is valid but
# never runs: `samen check` and `samen run` say so on stderr (not with
# --quiet) and still succeed; a network that does run gets no warning.
set -u
fail() { echo "FAIL: $*" >&2; exit 1; }
S="$TOP/scenarios/brede-school-molenbeek.ini"
"$SAMEN" check "$S" --set network.brede-school.start=600 > /dev/null 2> c.err || fail "check"
grep -q "network brede-school starts at step 600, after the last step (519)" c.err \
    || fail "check: $(cat c.err)"
"$SAMEN" run "$S" --out r --steps 20 --set network.brede-school.start=30 > /dev/null 2> r.err \
    || fail "run"
grep -q "it never runs" r.err || fail "run: $(cat r.err)"
"$SAMEN" run "$S" --out q --steps 20 --quiet --set network.brede-school.start=30 2> q.err \
    || fail "quiet run"
[ ! -s q.err ] || fail "--quiet printed: $(cat q.err)"
"$SAMEN" check "$S" > /dev/null 2> ok.err || fail "plain check"
[ ! -s ok.err ] || fail "warning without cause: $(cat ok.err)"
echo ok
