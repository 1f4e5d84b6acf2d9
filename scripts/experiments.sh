#!/bin/sh
# experiments.sh: shows each pattern P1-P8 of MODEL.md section 1 (and the
# field's N1-N5, scripts/experiments/n.sh) by an
# experiment (`make experiments`): runs scripts/experiments/pN.sh for the
# patterns named (all eight by default), each a sweep of
# scenarios/experiments/ with samen, its statistics with samen-stats and its
# figure figures/pN-*.png; then writes figures/claims.csv, one row per
# claim: pattern,measure,values,test,p_value_or_interval,holds,figure.
#
# usage: scripts/experiments.sh [p1 ... p8 n]
# Environment: BUILD (default build), as in scripts/experiments/lib.sh; raw
# sweeps go to results/experiments/.
set -eu
TOP=$(cd "$(dirname "$0")/.." && pwd)
FIG=${EXP_FIGURES:-$TOP/figures}
WORK=${EXP_WORK:-$TOP/results/experiments}
all="p1 p2 p3 p4 p5 p6 p7 p8 n"
patterns=${*:-$all}

start=$(date +%s)
for p in $patterns; do
    case " $all " in *" $p "*) ;; *) echo "experiments: unknown pattern '$p' (p1 to p8, n)" >&2; exit 2 ;; esac
    t0=$(date +%s)
    sh "$TOP/scripts/experiments/$p.sh" || { echo "experiments: $p failed" >&2; exit 1; }
    echo "experiments: $p done in $(( $(date +%s) - t0 )) s"
done

# The table covers all eight patterns, from this run or an earlier one.
mkdir -p "$FIG"
tmp="$FIG/claims.csv.tmp"
echo "pattern,measure,values,test,p_value_or_interval,holds,figure" > "$tmp"
for p in $all; do
    f="$WORK/claims/$(echo "$p" | tr p P).csv"
    [ -f "$f" ] || f="$WORK/claims/$p.csv"
    [ -f "$f" ] || { rm -f "$tmp"; echo "experiments: no results for $p yet: run scripts/experiments.sh $p" >&2; exit 1; }
    cat "$f" >> "$tmp"
done
mv "$tmp" "$FIG/claims.csv"

rows=$(($(wc -l < "$FIG/claims.csv") - 1))
# the holds column is the second last field, whatever quoting comes before
failed=$(awk -F, 'NR > 1 && $(NF - 1) != "yes" { print $1 }' "$FIG/claims.csv" | sort -u | tr '\n' ' ')
echo "experiments: $rows claims in $FIG/claims.csv, in $(( $(date +%s) - start )) s"
if [ -n "$failed" ]; then
    echo "experiments: claims that do not hold: $failed(see the holds column)"
else
    echo "experiments: every claim holds"
fi
