#!/bin/sh
# p7.sh: pattern P7 (MODEL.md section 1): losing a necessary actor ends or
# stalls the network; framing actors left uninformed cause setbacks. Sweep
# p7-actors (scenarios/experiments/); writes figures/p7-actors.png and the
# P7 rows of the claims table.
. "$(dirname "$0")/lib.sh"
D="$WORK/p7"
mkdir -p "$D"

run_sweep p7-actors p7-actors.sweep.ini

# the grace and the necessary actors from the base scenario (the sweep
# varies only inform_every)
ini=$(base_ini p7-actors)
grace=$(awk -F' *= *' '/^\[/ { sec = $0 } sec == "[model]" && $1 == "necessary_grace" { print $2 }' "$ini")
necessary=$(awk -F' *= *' '/^\[network/ { net = 1 } net && $1 == "necessary" { print $2 }' "$ini" | tr -d ' ')
[ -n "$grace" ] && [ -n "$necessary" ] || die "p7: no necessary_grace or necessary actors in $ini"
window=$((grace + 1))

# (a) Each drop-out while formulating or executing: whether the network
# ended within the window (the grace plus the step itself), and for
# executing networks the progress gained from the step before the drop-out
# to the end of the window (or to the network's last row).
# (b) Per run: framing setbacks and live network-steps, by inform interval
# (0 = never informed), with the intervals in order of growing neglect.
awk -F, -v D="$D" -v W="$window" -v nec="$necessary" '
    BEGIN { n = split(nec, a, ","); for (i = 1; i <= n; i++) isnec[a[i]] = 1
            split("1 4 8 13 26 52 0", iv, " "); for (i = 1; i <= 7; i++) rank[iv[i]] = i }
    FNR == 1 { file++; for (i = 1; i <= NF; i++) col[file, $i] = i; next }
    file == 1 {
        r = $(col[1, "run"]) + 0; s = $(col[1, "step"]) + 0; ev = $(col[1, "event"])
        if (ev == "phase") { why = $(col[1, "reason"]); if (why == "dissolved" || why == "completed" || why == "merged") endstep[r] = s; else ph[r] = why }
        else if (ev == "framing-setback") setbacks[r]++
        else if (ev == "dropout" && (ph[r] == "formulating" || ph[r] == "executing")) {
            nd++; dr[nd] = r; ds[nd] = s; dph[nd] = ph[r]; dnec[nd] = ($(col[1, "org"]) in isnec)
        }
        next
    }
    {
        r = $(col[2, "run"]) + 0; s = $(col[2, "step"]) + 0
        prog[r, s] = $(col[2, "progress"]); last[r] = s
        every[r] = $(col[2, "network.collab.inform_every"])
        p = $(col[2, "phase"])
        if (p == "recruiting" || p == "formulating" || p == "executing") live[r]++
    }
    END {
        f = D "/dropouts.csv"
        print "actor,ended,phase,progress_gain" > f
        for (i = 1; i <= nd; i++) {
            r = dr[i]; s = ds[i]
            ended = (r in endstep) && endstep[r] - s < W
            gain = ""
            if (dph[i] == "executing" && (r, s - 1) in prog) {
                e = s + W - 1; if (e > last[r]) e = last[r]
                gain = sprintf("%.6g", prog[r, e] - prog[r, s - 1])
            }
            printf "%s,%d,%s,%s\n", dnec[i] ? "necessary" : "other", ended, dph[i], gain > f
        }
        f = D "/framing-runs.csv"
        print "run,inform_every,order,setbacks,years" > f
        for (r in live) printf "%d,%s,%d,%d,%.6g\n", r, every[r], rank[every[r]], setbacks[r], live[r] / 52 > f
    }' "$WORK/p7-actors/events.csv" "$WORK/p7-actors/network.csv"

"$STATS" prop "$D/dropouts.csv" --group actor --success ended --compare necessary,other \
    --alternative greater --tests "$D/ended-tests.csv" > "$D/ended.csv"
"$STATS" mean "$D/dropouts.csv" --where phase=executing --group actor --value progress_gain \
    --compare necessary,other --alternative less --tests "$D/gain-tests.csv" > "$D/gain.csv"
"$STATS" rate "$D/framing-runs.csv" --group order --events setbacks --exposure years \
    --trend --alternative greater --tests "$D/framing-tests.csv" > "$D/framing.csv"

runs=$(awk 'END { print NR - 1 }' "$WORK/p7-actors/manifest.csv")
n_nec=$(group_col "$D/ended.csv" necessary n)
n_oth=$(group_col "$D/ended.csv" other n)
p_end=$(field "$D/ended-tests.csv" compare p_value)
p_gain=$(field "$D/gain-tests.csv" compare p_value)
p_fr=$(field "$D/framing-tests.csv" trend p_value)
ng_nec=$(group_col "$D/gain.csv" necessary n)
awk -F, 'NR > 1 { x = ($1 == "necessary") ? 1 : 2; print x "," $0 }' "$D/ended.csv" > "$D/ended-plot.csv"
awk -F, 'NR > 1 { x = ($1 == "necessary") ? 1 : 2; print x "," $0 }' "$D/gain.csv" > "$D/gain-plot.csv"

PLOT_SIZE=1400,580 plot p7-actors <<EOF
set bmargin 5
set multiplot layout 1,2 title "P7: losing a necessary actor ends the network (and stalls it meanwhile); framing actors left uninformed cause setbacks\n(one network of a generic town with 3 necessary and 2 framing actors; every parameter at its default but inform\\\\_every; $runs runs; 95 % intervals)" font ",13"
set title "After a partner drops out (formulating or executing)"
set xrange [0.4:2.6]
set xtics ("a necessary actor\n($n_nec drop-outs)" 1, "another partner\n($n_oth drop-outs)" 2)
set ylabel "share of networks ended within $window steps (weeks)"
set yrange [0:1.1]
set y2range [*:*]
set y2label "progress gained in those steps, executing networks"
set y2tics
set ytics nomirror
set key top right
set style fill solid 0.5
set boxwidth 0.35
set label 1 "necessary above other: $(pval "$p_end")\n(one-sided two-proportion z)\nprogress gained lower: $(pval "$p_gain") (Welch t)" at graph 0.3, graph 0.6 front
plot "$D/ended-plot.csv" using (\$1 - 0.18):5 with boxes lc rgb "#d62728" title "share ended (Wilson)", \
     "" using (\$1 - 0.18):5:6:7 with yerrorbars lc rgb "black" pt 7 notitle, \
     "$D/gain-plot.csv" using (\$1 + 0.18):4:6:7 axes x1y2 with yerrorbars lw 2 pt 5 ps 1.5 lc rgb "#1f77b4" title "progress gained (t, right axis)"
unset label 1
unset y2tics
unset y2label
set ytics mirror
unset style
set title "Framing setbacks by how often framing actors are informed"
set xrange [0.5:7.5]
set xtics ("1" 1, "4" 2, "8" 3, "13" 4, "26" 5, "52" 6, "never" 7)
set xlabel "steps (weeks) between informing the framing actors"
set ylabel "framing setbacks per network-year (52 steps live)"
set yrange [0:*]
set key top left
set label 2 "rising with neglect: $(pval "$p_fr")\n(score test for trend over the 7 levels)" at graph 0.03, graph 0.8 front
plot "$D/framing.csv" every ::1 using 1:4:5:6 with yerrorlines lw 2 pt 7 lc rgb "#9467bd" title "setbacks (exact Poisson intervals)"
EOF

claim_begin P7
claim_p "share of networks ended within $window steps of a drop-out (formulating or executing), necessary actor against another partner ($n_nec and $n_oth drop-outs)" \
    "$(summarise "$D/ended.csv" share)" \
    "two-proportion z-test, one-sided (higher after a necessary actor); difference $(num "$(field "$D/ended-tests.csv" compare estimate)")" \
    "$p_end" p7-actors.png
claim_p "progress gained in the $window steps after a drop-out while executing, necessary actor against another partner ($ng_nec drop-outs of necessary actors)" \
    "$(summarise "$D/gain.csv" mean)" \
    "Welch t-test, one-sided (lower after a necessary actor); difference $(num "$(field "$D/gain-tests.csv" compare estimate)")" \
    "$p_gain" p7-actors.png
claim_p "framing setbacks per network-year by steps between informing the framing actors (levels 1: every step, 2: 4, 3: 8, 4: 13, 5: 26, 6: 52, 7: never)" \
    "$(summarise "$D/framing.csv" rate)" \
    "score test for a linear trend in rates over the level numbers, one-sided (rising)" \
    "$p_fr" p7-actors.png
claim_end
