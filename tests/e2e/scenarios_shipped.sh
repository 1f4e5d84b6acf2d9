#!/bin/sh
# scenarios_shipped.sh: every scenario in scenarios/ passes `samen check`
# and runs, and so does every fit and sweep file of scenarios/calibration/; the default Brede School scenario behaves as MODEL.md section 4
# describes over seeds 1-20 (about half agree a shared goal after one to one
# and a half years; in most others the out-of-school care partner leaves
# during goal formulation and the network dissolves).
set -eu
for sc in "$TOP"/scenarios/*.ini "$TOP"/scenarios/experiments/*.ini; do
    [ -e "$sc" ] || continue
    grep -q '^\[sweep\]' "$sc" && continue
    "$SAMEN" check "$sc" >/dev/null || { echo "check failed: $sc"; exit 1; }
done
n=0
for f in "$TOP"/scenarios/calibration/*.ini; do
    [ -e "$f" ] || continue
    "$SAMEN" check "$f" >/dev/null || { echo "check failed: $f"; exit 1; }
    n=$((n + 1))
done
[ "$n" -ge 5 ] || { echo "only $n calibration files"; exit 1; }
agreed=0; ibo_left=0
for seed in $(seq 1 20); do
    "$SAMEN" run "$TOP/scenarios/brede-school-molenbeek.ini" --out "m$seed" --seed "$seed" \
        --steps 200 --quiet
    step=$(awk -F, '$5=="goal-agreed"{print $1}' "m$seed/events.csv")
    if [ -n "$step" ]; then
        agreed=$((agreed + 1))
        # one to one and a half years, in weekly steps, with some slack
        [ "$step" -ge 40 ] && [ "$step" -le 100 ] || { echo "agreed at $step"; exit 1; }
    fi
    if awk -F, '$3=="ibo" && $5=="dropout"{f=1} END{exit !f}' "m$seed/events.csv"; then
        ibo_left=$((ibo_left + 1))
    fi
done
echo "agreed $agreed of 20, ibo left in $ibo_left"
# 50% of 20 runs: 6 to 14 is about a 95% binomial range
[ "$agreed" -ge 6 ] && [ "$agreed" -le 14 ]
[ "$ibo_left" -ge 5 ]
