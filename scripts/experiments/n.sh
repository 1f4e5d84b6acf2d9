#!/bin/sh
# n.sh: the field patterns N1-N5 (MODEL.md section 1) on the shipped field
# scenario (scenarios/flanders-field.ini: organisations only, networks
# founded during ten years), SEEDS runs (default 20) of each condition:
# defaults; field.familiarity = 0 (N1); field.closure = 0 (N2);
# field.found_rate doubled (N4); mergers made likelier (form.merger_at and
# form.merger_dims 0.6, N5). Each run keeps field.csv at the start of
# every year (--snapshot-every 52); scripts/experiments/field_stats.py
# measures the runs, field_claims.py gives the claims with intervals over
# seeds. Writes figures/n-odds.png (N1, N2), figures/n3-degrees.png and
# figures/n4-live.png, and the N rows of the claims table.
. "$(dirname "$0")/lib.sh"
D="$WORK/n"
PY=${PYTHON:-python3}
SEEDS=${SEEDS:-20}
S="$TOP/scenarios/flanders-field.ini"
rate=$(awk -F' *= *' '/^\[/ { sec = $0 } sec == "[field]" && $1 == "found_rate" { print $2 }' "$S")
[ -n "$rate" ] || die "n: no field.found_rate in $S"
double=$(awk -v r="$rate" 'BEGIN { printf "%.6g", 2 * r }')
rm -rf "$D"
mkdir -p "$D"

runs() { # NAME --set ...: SEEDS runs of the condition, then its table
    name=$1; shift
    seed=1
    while [ "$seed" -le "$SEEDS" ]; do
        "$SAMEN" run "$S" --seed "$seed" --out "$D/$name/$seed" --detail field \
            --snapshot-every 52 --quiet "$@" || die "n: run $name $seed failed"
        seed=$((seed + 1))
    done
    "$PY" "$TOP/scripts/experiments/field_stats.py" "$D/$name"/* > "$D/$name.csv" ||
        die "n: field_stats.py failed for $name"
}
runs default
runs nofam --set field.familiarity=0
runs noclosure --set field.closure=0
runs double --set field.found_rate="$double"
runs merge --set form.merger_at=0.6 --set form.merger_dims=0.6

"$PY" "$TOP/scripts/experiments/field_claims.py" "$D" > "$D/claims.txt" ||
    die "n: field_claims.py failed"
claim_begin n
while IFS='|' read -r pat measure values test interval holds; do
    fig=n-odds
    case $pat in N3) fig=n3-degrees ;; N4) fig=n4-live ;; N5) fig=n4-live ;; esac
    claim "$pat: $measure" "$values" "$test" "$interval" "$holds" "figures/$fig.png"
done < "$D/claims.txt"
claim_end

# N1, N2: the odds ratios with their intervals over seeds
plot n-odds <<GP
set title "N1 repeat partnering and N2 closure: odds ratios over $SEEDS seeds (95 % intervals)"
set ylabel "odds ratio of becoming co-members in a year"
set logscale y
set xrange [-0.5:3.5]
set xtics ("N1 default" 0, "N1 familiarity = 0" 1, "N2 default" 2, "N2 closure = 0" 3)
unset key
plot "$D/ors.csv" every ::1 using 0:3:4:5 with yerrorbars pt 7 ps 1.5 lc rgb "#1f77b4", 1 with lines dt 2 lc rgb "#888888"
GP

# N3: the field network's degrees after ten years, pooled over the seeds
for r in "$D"/default/*; do
    awk -F, 'NR > 1 { last = $1 } END { print last }' "$r/field.csv" > "$D/last"
    awk -F, -v last="$(cat "$D/last")" 'FNR == 1 { next }
        FILENAME ~ /input-organisations/ { deg[$1] += 0; next }
        $1 == last { deg[$2]++; deg[$3]++ }
        END { for (o in deg) print deg[o] }' "$r/input-organisations.csv" "$r/field.csv"
done | sort -n | uniq -c | awk -v n="$SEEDS" 'BEGIN { print "degree,share" }
    { d[$2] = $1; t += $1 } END { for (k in d) printf "%d,%.6g\n", k, d[k] / t }' |
    sort -t, -k1,1n > "$D/degrees.csv"
rm -f "$D/last"
plot n3-degrees <<GP
set title "N3: degree distribution of the field network after ten years ($SEEDS seeds pooled)"
set xlabel "field degree (field ties)"
set ylabel "share of organisations"
set logscale y
unset key
plot "$D/degrees.csv" every ::1 using 1:2 with linespoints pt 7 lc rgb "#d62728"
GP

# N4: live networks over time, mean over the seeds, default and doubled
for c in default double; do
    cat "$D/$c"/*/network.csv | awk -F, -v n="$SEEDS" '
        $1 != "step" && ($4 == "recruiting" || $4 == "formulating" || $4 == "executing") { live[$1]++ }
        END { for (s in live) if (s % 4 == 0) printf "%d,%.6g\n", s, live[s] / n }' |
        sort -t, -k1,1n > "$D/live-$c.csv"
done
plot n4-live <<GP
set title "N4: live networks of the field over ten years, mean over $SEEDS seeds"
set xlabel "step (week)"
set ylabel "live networks"
plot "$D/live-default.csv" using 1:2 with lines lw 2 title "found\\\\_rate $rate", \\
     "$D/live-double.csv" using 1:2 with lines lw 2 title "found\\\\_rate $double"
GP
echo "n: $(wc -l < "$D/claims.txt") claims"
