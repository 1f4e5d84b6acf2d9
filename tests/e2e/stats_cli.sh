#!/bin/sh
# stats_cli.sh: the samen-stats command line the experiment scripts use,
# on known answers: Wilson interval for 8/10 (0.4902, 0.9433; Newcombe 1998,
# table I) and Welch's t for (6,8) against (2,4) (t = 2.828, df = 2,
# p = 0.1056, as R's t.test gives); bad input exits 2 naming the column.
set -u
fail() { echo "FAIL: $*" >&2; exit 1; }
STATS=$(dirname "$SAMEN")/samen-stats
printf 'g,ok\n' > s.csv
for v in 1 1 1 1 1 1 1 1 0 0; do echo "a,$v" >> s.csv; done
"$STATS" prop --success ok --group g s.csv > p.out || fail "prop"
sed -n 2p p.out | grep -qx 'a,10,8,0.8,0.490162,0.943318' || fail "prop: $(cat p.out)"
printf 'g,x\n1,2\n1,4\n2,6\n2,8\n' | "$STATS" mean --value x --group g --compare 2,1 \
    --tests t.csv > m.out || fail "mean"
grep -q '^compare,2 vs 1,4,.*,2.82843,2,0.105573$' t.csv || fail "welch: $(cat t.csv)"
"$STATS" prop --success nope s.csv > /dev/null 2> err.txt
[ $? -eq 2 ] || fail "unknown column not refused"
grep -q 's.csv:1: nope' err.txt || fail "message: $(cat err.txt)"
echo ok
