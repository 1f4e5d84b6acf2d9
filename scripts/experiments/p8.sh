#!/bin/sh
# p8.sh: pattern P8 (MODEL.md section 1): with defaults, most consultations
# stay low on the six dimensions, ad hoc projects complete and end,
# networks that survive climb towards the network band, and few reach
# merger. Sweep p8-forms (scenarios/experiments/); writes
# figures/p8-forms.png and the P8 rows of the claims table.
. "$(dirname "$0")/lib.sh"
D="$WORK/p8"
mkdir -p "$D"

run_sweep p8-forms p8-forms.sweep.ini

# the form edges and the steps from the base scenario (the sweep varies
# only the seeds)
ini=$(base_ini p8-forms)
edge() { awk -F' *= *' -v k="$1" '/^\[/ { sec = $0 } sec == "[form]" && $1 == k { print $2 }' "$ini"; }
adhoc_at=$(edge adhoc_at); network_at=$(edge network_at); merger_at=$(edge merger_at)
[ -n "$adhoc_at" ] && [ -n "$network_at" ] && [ -n "$merger_at" ] || die "p8: no form edges in $ini"
last=$(awk -F' *= *' '/^\[/ { sec = $0 } sec == "[simulation]" && $1 == "steps" { print $2 - 1 }' "$ini")

# Per network of each run: its type, whether its form ever left overleg,
# its end (completed, dissolved, merged or live at the last step) and form
# at its last row; the form index F (mean of the six dimensions) every 4
# steps while live.
awk -F, -v D="$D" -v last="$last" '
    FNR == 1 { file++; for (i = 1; i <= NF; i++) col[file, $i] = i; next }
    file == 1 {
        if ($(col[1, "event"]) == "form-change") moved[$(col[1, "run"]), $(col[1, "network"])] = 1
        next
    }
    {
        k = $(col[2, "run"]) SUBSEP $(col[2, "network"])
        type[k] = $(col[2, "type"]); phase[k] = $(col[2, "phase"]); form[k] = $(col[2, "form"])
        s = $(col[2, "step"]) + 0; step[k] = s
        F = 0
        for (j = col[2, "d_interests"]; j <= col[2, "d_identification"]; j++) F += $j
        F /= 6; lastF[k] = F
        if (s % 4 == 0 && (phase[k] == "recruiting" || phase[k] == "formulating" || phase[k] == "executing"))
            printf "%s,%d,%.6g\n", type[k], s, F > (D "/course-rows.csv")
    }
    END {
        f = D "/networks.csv"
        print "type,stayed_overleg,completed,merged,survived,network_form,final_F" > f
        for (k in type) {
            survived = (phase[k] == "executing" || phase[k] == "formulating") && step[k] == last
            printf "%s,%d,%d,%d,%d,%d,%.6g\n", type[k], !(k in moved), phase[k] == "completed",
                phase[k] == "merged", survived, form[k] == "network", lastF[k] > f
        }
    }' "$WORK/p8-forms/events.csv" "$WORK/p8-forms/network.csv"
{ echo "type,step,F"; cat "$D/course-rows.csv"; } > "$D/course.csv"
rm -f "$D/course-rows.csv"

"$STATS" prop "$D/networks.csv" --where type=overleg --success stayed_overleg --vs 0.5 \
    --alternative greater --tests "$D/overleg-tests.csv" > "$D/overleg.csv"
"$STATS" mean "$D/networks.csv" --where type=overleg --value final_F > "$D/overleg-F.csv"
"$STATS" prop "$D/networks.csv" --where type=adhoc --success completed --vs 0.5 \
    --alternative greater --tests "$D/adhoc-tests.csv" > "$D/adhoc.csv"
"$STATS" prop "$D/networks.csv" --where type=network --where survived --success network_form \
    --vs 0.5 --alternative greater --tests "$D/network-tests.csv" > "$D/network.csv"
"$STATS" prop "$D/networks.csv" --where type=network --success merged --vs 0.1 \
    --alternative less --tests "$D/merger-tests.csv" > "$D/merger.csv"
# the time course where at least 10 networks of the type are live
for t in overleg adhoc network; do
    "$STATS" mean "$D/course.csv" --where type=$t --group step --value F |
        awk -F, 'NR == 1 || $2 >= 10' > "$D/course-$t.csv"
done
{
    echo "x,label,n,successes,share,lower,upper"
    i=0
    for c in overleg adhoc network merger; do
        i=$((i + 1))
        awk -F, -v i=$i -v c=$c 'NR == 2 { print i "," c "," $2 "," $3 "," $4 "," $5 "," $6 }' "$D/$c.csv"
    done
} > "$D/outcomes.csv"

runs=$(awk 'END { print NR - 1 }' "$WORK/p8-forms/manifest.csv")
n_ov=$(group_col "$D/overleg.csv" all n)
n_ad=$(group_col "$D/adhoc.csv" all n)
n_nw=$(group_col "$D/merger.csv" all n)
n_sv=$(group_col "$D/network.csv" all n)
p_ov=$(field "$D/overleg-tests.csv" vs:all p_value)
p_ad=$(field "$D/adhoc-tests.csv" vs:all p_value)
p_nw=$(field "$D/network-tests.csv" vs:all p_value)
p_mg=$(field "$D/merger-tests.csv" vs:all p_value)
F_ov=$(summarise "$D/overleg-F.csv" mean)
goal_done=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    $(c["event"]) == "completed" && $(c["reason"]) == "goal-reached" { n++ } END { print n + 0 }' \
    "$WORK/p8-forms/events.csv")

PLOT_SIZE=1400,600 plot p8-forms <<EOF
set bmargin 5
set multiplot layout 1,2 title "P8: where the three types end up on the continuum overleg - ad hoc - network (- merger) after ten years\n(a generic district: 3 neighbourhoods, each with a network, an ad hoc project and a consultation; every parameter at its default; $runs runs)" font ",13"
set title "Form index F = mean of the six dimensions (means over live networks, 95 % bands)"
set xlabel "step (weeks)"
set ylabel "form index F (0 to 1)"
set xrange [0:$last]
set xtics 52
set yrange [0:1]
set key top left
set style fill transparent solid 0.2 noborder
set arrow 1 from graph 0, first $adhoc_at to graph 1, first $adhoc_at nohead dt 2 lc rgb "#555555"
set arrow 2 from graph 0, first $network_at to graph 1, first $network_at nohead dt 2 lc rgb "#555555"
set arrow 3 from graph 0, first $merger_at to graph 1, first $merger_at nohead dt 2 lc rgb "#555555"
set label 1 "ad hoc band from $(num "$adhoc_at")" at graph 0.7, first $adhoc_at + 0.015 front
set label 2 "network band from $(num "$network_at")" at graph 0.7, first $network_at + 0.015 front
set label 3 "merger possible from $(num "$merger_at")" at graph 0.7, first $merger_at + 0.015 front
plot "$D/course-overleg.csv" every ::1 using 1:5:6 with filledcurves lc rgb "#2ca02c" notitle, \
     "" every ::1 using 1:3 with lines lw 2 lc rgb "#2ca02c" title "type overleg ($n_ov)", \
     "$D/course-adhoc.csv" every ::1 using 1:5:6 with filledcurves lc rgb "#ff7f0e" notitle, \
     "" every ::1 using 1:3 with lines lw 2 lc rgb "#ff7f0e" title "type adhoc ($n_ad)", \
     "$D/course-network.csv" every ::1 using 1:5:6 with filledcurves lc rgb "#1f77b4" notitle, \
     "" every ::1 using 1:3 with lines lw 2 lc rgb "#1f77b4" title "type network ($n_nw)"
unset arrow 1; unset arrow 2; unset arrow 3; unset label 1; unset label 2; unset label 3
unset style
set title "Outcomes (95 % Wilson intervals; exact binomial tests)"
set xlabel ""
set bmargin 5
set xrange [0.4:4.6]
set xtics ("overleg networks\nnever left the\noverleg form" 1, "adhoc networks\ncompleted\n(and ended)" 2, "surviving networks\nin the network\nform at the end" 3, "networks\nthat merged" 4)
set ylabel "share"
set yrange [0:1.1]
set style fill solid 0.5
set boxwidth 0.5
set arrow 4 from 0.45, 0.5 to 3.4, 0.5 nohead dt 2 lc rgb "#555555" front
set arrow 5 from 3.6, 0.1 to 4.4, 0.1 nohead dt 2 lc rgb "#555555" front
set label 4 "most:\n> 0.5" at 0.42, 0.58 front
set label 5 "few: < 0.1" at 3.6, 0.13 front
set label 6 "$(pval "$p_ov")" at 1, 0.04 center front
set label 7 "$(pval "$p_ad")" at 2, 0.04 center front
set label 8 "$(pval "$p_nw")" at 3, 0.04 center front
set label 9 "$(pval "$p_mg")" at 4, 0.2 center front
set key off
plot "$D/outcomes.csv" every ::1 using 1:5 with boxes lc rgb "#9467bd", \
     "" every ::1 using 1:5:6:7 with yerrorbars lc rgb "black" pt 7
EOF

claim_begin P8
claim_p "share of overleg-type networks whose form never left overleg in 10 years ($n_ov networks; final form index F: $F_ov)" \
    "$(summarise "$D/overleg.csv" share)" \
    "exact binomial test against 0.5, one-sided (most: above)" \
    "$p_ov" p8-forms.png
claim_p "share of adhoc-type networks that completed and ended ($n_ad networks; $goal_done of them by reaching the goal, the others at their horizon)" \
    "$(summarise "$D/adhoc.csv" share)" \
    "exact binomial test against 0.5, one-sided (most: above)" \
    "$p_ad" p8-forms.png
claim_p "share of network-type networks live at the last step that are in the network form ($n_sv of $n_nw survived)" \
    "$(summarise "$D/network.csv" share)" \
    "exact binomial test against 0.5, one-sided (most: above)" \
    "$p_nw" p8-forms.png
claim_p "share of network-type networks that merged within 10 years ($n_nw networks)" \
    "$(summarise "$D/merger.csv" share)" \
    "exact binomial test against 0.1, one-sided (few: below)" \
    "$p_mg" p8-forms.png
claim_end
