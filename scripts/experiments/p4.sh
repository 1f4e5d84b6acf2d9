#!/bin/sh
# p4.sh: pattern P4 (MODEL.md section 1): over time mean person-network
# communication (c_pn) rises and mean person-organisation communication
# (c_po) falls; with organisations that do not guard the link, formal
# decisions stall and person dependency rises. Sweep p4-guard
# (scenarios/experiments/); writes figures/p4-guard.png and the P4 rows of
# the claims table.
. "$(dirname "$0")/lib.sh"
D="$WORK/p4"
mkdir -p "$D"

run_sweep p4-guard p4-guard.sweep.ini

# Per run: year 1 (steps 0-51) and year 5 (steps 208-259) means over the
# steps the network was live, for networks live at the last step; and a
# time course every 4 steps. The guard is read from the organisations file
# name (town-guard-G.orgs.csv).
awk -F, -v D="$D" '
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    {
        r = $(col["run"]) + 0; s = $(col["step"]) + 0; ph = $(col["phase"])
        g = $(col["organisations.file"]); sub(/^town-guard-/, "", g); sub(/\.orgs\.csv$/, "", g)
        guard[r] = g
        if (ph != "recruiting" && ph != "formulating" && ph != "executing") next
        cpn = $(col["c_pn"]); cpo = $(col["c_po"]); pd = $(col["person_dependency"])
        if (s <= 51) { n1[r]++; a1[r] += cpn; b1[r] += cpo }
        if (s >= 208) {
            n5[r]++; a5[r] += cpn; b5[r] += cpo; f5[r] += $(col["d_formal"]); p5[r] += pd
            q5[r] += $(col["decisions_open"])
        }
        if (s == 259) live[r] = 1
        if (s % 4 == 0) printf "%s,%d,%d,%s,%s,%s\n", g, r, s, cpn, cpo, pd > (D "/course-rows.csv")
    }
    END {
        f = D "/runs.csv"
        print "run,guard,cpn1,cpo1,cpn5,cpo5,dcpn,dcpo,d_formal5,pdep5,open5" > f
        for (r in live) if (n1[r] > 0 && n5[r] > 0)
            printf "%d,%s,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g\n", r, guard[r],
                a1[r] / n1[r], b1[r] / n1[r], a5[r] / n5[r], b5[r] / n5[r],
                a5[r] / n5[r] - a1[r] / n1[r], b5[r] / n5[r] - b1[r] / n1[r],
                f5[r] / n5[r], p5[r] / n5[r], q5[r] / n5[r] > f
    }' "$WORK/p4-guard/network.csv"
{ echo "guard,run,step,c_pn,c_po,person_dependency"; cat "$D/course-rows.csv"; } > "$D/course.csv"
rm -f "$D/course-rows.csv"

# (a) the drift at the middle guard 0.5: paired year-5 minus year-1 means
"$STATS" mean "$D/runs.csv" --where guard=0.5 --value dcpn --vs 0 --alternative greater \
    --tests "$D/dcpn-tests.csv" > "$D/dcpn.csv"
"$STATS" mean "$D/runs.csv" --where guard=0.5 --value dcpo --vs 0 --alternative less \
    --tests "$D/dcpo-tests.csv" > "$D/dcpo.csv"
for v in c_pn c_po; do
    "$STATS" mean "$D/course.csv" --where guard=0.5 --group step --value $v > "$D/course-$v.csv"
done
for g in 0 0.25 0.5 0.75 1; do
    "$STATS" mean "$D/course.csv" --where guard=$g --group step --value person_dependency \
        > "$D/course-pdep-$g.csv"
done
# (b) year 5 by guard: linear trends over the guard
"$STATS" mean "$D/runs.csv" --group guard --value d_formal5 --trend --alternative greater \
    --tests "$D/formal-tests.csv" > "$D/formal.csv"
# decisions stall: the backlog of open items (by Little's law the mean wait
# is the backlog over the arrival rate, model.decision_rate)
"$STATS" mean "$D/runs.csv" --group guard --value open5 --trend --alternative less \
    --tests "$D/open-tests.csv" > "$D/open.csv"
"$STATS" mean "$D/runs.csv" --group guard --value pdep5 --trend --alternative less \
    --tests "$D/pdep-tests.csv" > "$D/pdep.csv"

n_mid=$(group_col "$D/formal.csv" 0.5 n)
runs=$(awk 'END { print NR - 1 }' "$WORK/p4-guard/manifest.csv")
p_cpn=$(field "$D/dcpn-tests.csv" vs:all p_value)
p_cpo=$(field "$D/dcpo-tests.csv" vs:all p_value)
p_formal=$(field "$D/formal-tests.csv" trend p_value)
p_open=$(field "$D/open-tests.csv" trend p_value)
p_pdep=$(field "$D/pdep-tests.csv" trend p_value)

PLOT_SIZE=1400,1000 plot p4-guard <<EOF
set multiplot layout 2,2 title "P4: persons drift from organisation to network; without guarding, formal decisions stall and the network depends on persons\n(one network of a generic town; every member organisation given the same guard; every parameter at its default; $runs runs, 60 per guard level)" font ",13"
set key top left
set title "Communication of persons, guard 0.5 (means over live networks, 95 % bands)"
set xlabel "step (weeks)"
set ylabel "mean communication (0 to 1)"
set xrange [0:260]
set xtics 52
set yrange [0:1]
set style fill transparent solid 0.25 noborder
set label 1 "year 5 minus year 1 (paired, $n_mid networks live at step 259):\nc_{pn} rising $(pval "$p_cpn"), c_{po} falling $(pval "$p_cpo")" at graph 0.25, graph 0.12 front
plot "$D/course-c_pn.csv" every ::1 using 1:5:6 with filledcurves lc rgb "#1f77b4" notitle, \
     "" every ::1 using 1:3 with lines lw 2 lc rgb "#1f77b4" title "with the network, c_{pn}", \
     "$D/course-c_po.csv" every ::1 using 1:5:6 with filledcurves lc rgb "#d62728" notitle, \
     "" every ::1 using 1:3 with lines lw 2 lc rgb "#d62728" title "with the own organisation, c_{po}"
unset label 1
set title "Person dependency by guard (means over live networks)"
set ylabel "person dependency Π = 1 - mean link / mean c_{pn}"
plot for [g in "0 0.25 0.5 0.75 1"] "$D/course-pdep-".g.".csv" every ::1 using 1:3 with lines lw 2 title "guard ".g
set title "Year 5 (steps 208-259) by guard (95 % t intervals)"
set xlabel "guard of every member organisation (0 = never checks with its person, 1 = always)"
set xrange [-0.1:1.1]
set xtics 0.25
set ylabel "mean over year 5 (0 to 1)"
set key bottom right
set label 2 "rising with guard: formal $(pval "$p_formal")\nfalling with guard: dependency $(pval "$p_pdep")\n(least squares slopes over runs)" at graph 0.03, graph 0.95 front
plot "$D/formal.csv" every ::1 using 1:3:5:6 with yerrorlines lw 2 pt 7 lc rgb "#9467bd" title "formal decisions dimension d_{formal}", \
     "$D/pdep.csv" every ::1 using 1:3:5:6 with yerrorlines lw 2 pt 5 lc rgb "#8c564b" title "person dependency Π"
unset label 2
set title "Decisions waiting in year 5 (95 % t intervals)"
set ylabel "open decision items (backlog)"
set yrange [0:*]
set key top right
set label 3 "falling with guard: $(pval "$p_open")\n(least squares slope over runs;\nmean wait = backlog / arrivals per step)" at graph 0.35, graph 0.75 front
plot "$D/open.csv" every ::1 using 1:3:5:6 with yerrorlines lw 2 pt 7 lc rgb "#17becf" title "mean open decision items"
EOF

claim_begin P4
claim_p "mean person-network communication c_pn, year 5 minus year 1 of the same network (guard 0.5; $n_mid networks live at step 259)" \
    "$(summarise "$D/dcpn.csv" mean); year 1 $(num "$(awk -F, 'NR > 1 && $2 == 0.5 { s += $3; n++ } END { print s / n }' "$D/runs.csv")"), year 5 $(num "$(awk -F, 'NR > 1 && $2 == 0.5 { s += $5; n++ } END { print s / n }' "$D/runs.csv")")" \
    "paired t-test, one-sided (rising)" "$p_cpn" p4-guard.png
claim_p "mean person-organisation communication c_po, year 5 minus year 1 of the same network (guard 0.5; $n_mid networks)" \
    "$(summarise "$D/dcpo.csv" mean); year 1 $(num "$(awk -F, 'NR > 1 && $2 == 0.5 { s += $4; n++ } END { print s / n }' "$D/runs.csv")"), year 5 $(num "$(awk -F, 'NR > 1 && $2 == 0.5 { s += $6; n++ } END { print s / n }' "$D/runs.csv")")" \
    "paired t-test, one-sided (falling)" "$p_cpo" p4-guard.png
claim_p "formal decisions dimension d_formal in year 5, by guard of the member organisations" \
    "$(summarise "$D/formal.csv" mean)" \
    "least squares slope over runs, one-sided (rising with guard): $(num "$(field "$D/formal-tests.csv" trend estimate)")" \
    "$p_formal" p4-guard.png
claim_p "decisions waiting: mean open decision items (backlog) in year 5, by guard (mean wait = backlog / arrival rate)" \
    "$(summarise "$D/open.csv" mean)" \
    "least squares slope over runs, one-sided (falling with guard): $(num "$(field "$D/open-tests.csv" trend estimate)")" \
    "$p_open" p4-guard.png
claim_p "person dependency in year 5, by guard" \
    "$(summarise "$D/pdep.csv" mean)" \
    "least squares slope over runs, one-sided (falling with guard): $(num "$(field "$D/pdep-tests.csv" trend estimate)")" \
    "$p_pdep" p4-guard.png
claim_end
