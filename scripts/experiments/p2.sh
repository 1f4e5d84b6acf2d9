#!/bin/sh
# p2.sh: pattern P2 (MODEL.md section 1): broad issues (weight spread over
# many themes) attract more and more diverse partners; beyond some size the
# chance of agreeing a shared goal and of reaching the network form falls.
# Sweep p2-breadth (scenarios/experiments/); writes figures/p2-breadth.png
# and the P2 rows of the claims table.
. "$(dirname "$0")/lib.sh"
D="$WORK/p2"
mkdir -p "$D"

run_sweep p2-breadth p2-breadth.sweep.ini

# One row per run. The varied issue is a quoted field with commas, so the
# breadth is read from the point number (point k spreads the issue over k + 1
# themes, p2-breadth.sweep.ini) and the other fields are counted from the
# end of the line, whose columns are fixed (FORMATS.md). Partners are the
# organisations that joined besides the initiator; their sector is the id
# without its number (education-3: education).
awk -F, '
    FNR == 1 { next }
    FILENAME ~ /events.csv$/ {
        run = $1 + 0; ev = $(NF - 2); reason = $(NF - 1); org = $(NF - 4)
        if (ev == "join" && reason != "initiator") {
            joined[run]++
            sector = org; sub(/-[0-9]+$/, "", sector)
            if (!((run, sector) in seen)) { seen[run, sector] = 1; sectors[run]++ }
        }
        next
    }
    {   # summary.csv: ..., network,type,final_phase,final_form,members,agreed_step,dropouts,end_step,end_reason,start_step,founder
        run = $1 + 0; breadth[run] = $2 + 1
        agreed[run] = $(NF - 5) != ""
        netform[run] = $(NF - 8) != "dissolved" && $(NF - 7) == "network"
    }
    END {
        print "run,breadth,joined,sectors,agreed,network_form"
        for (r in breadth)
            printf "%d,%d,%d,%d,%d,%d\n", r, breadth[r], joined[r], sectors[r], agreed[r], netform[r]
    }' "$WORK/p2-breadth/events.csv" "$WORK/p2-breadth/summary.csv" > "$D/runs.csv"

"$STATS" mean "$D/runs.csv" --group breadth --value joined --trend --alternative greater \
    --tests "$D/joined-tests.csv" > "$D/joined.csv"
"$STATS" mean "$D/runs.csv" --group breadth --value sectors --trend --alternative greater \
    --tests "$D/sectors-tests.csv" > "$D/sectors.csv"
# "Beyond some size": the broadest issue (8 themes) against a middle one (4
# themes), both fixed before the data.
"$STATS" prop "$D/runs.csv" --group breadth --success agreed --compare 8,4 \
    --alternative less --tests "$D/agreed-tests.csv" > "$D/agreed.csv"
"$STATS" prop "$D/runs.csv" --group breadth --success network_form --compare 8,4 \
    --alternative less --tests "$D/netform-tests.csv" > "$D/netform.csv"

n=$(group_col "$D/agreed.csv" 1 n)
p_joined=$(field "$D/joined-tests.csv" trend p_value)
p_sectors=$(field "$D/sectors-tests.csv" trend p_value)
p_agreed=$(field "$D/agreed-tests.csv" compare p_value)
p_netform=$(field "$D/netform-tests.csv" compare p_value)

plot p2-breadth <<EOF
set multiplot layout 1,2 title "P2: broad issues attract more and more diverse partners; beyond some size fewer agree a goal and reach the network form\n(one network, 40 specialised organisations, 5 per theme; every parameter at its default; n = $n runs per breadth)" font ",13"
set xrange [0.5:8.5]
set xtics 1
set xlabel "breadth of the issue: number of themes its weight is spread over (equal weights)"
set title "Partners (95 % t intervals)"
set ylabel "count per network"
set yrange [0:*]
set key top left
set label 1 "rising with breadth (slope > 0):\npartners $(pval "$p_joined"), sectors $(pval "$p_sectors")" at graph 0.03, graph 0.72 front
plot "$D/joined.csv" every ::1 using 1:3:5:6 with yerrorlines lw 2 pt 7 lc rgb "#1f77b4" title "partners that joined (besides the initiator)", \
     "$D/sectors.csv" every ::1 using 1:3:5:6 with yerrorlines lw 2 pt 5 lc rgb "#2ca02c" title "distinct sectors among them (of 8)"
unset label 1
set title "Outcomes (95 % Wilson intervals)"
set ylabel "share of networks"
set yrange [0:1.05]
set key bottom left
set label 2 "breadth 8 below breadth 4 (one-sided z):\nagreed $(pval "$p_agreed"), network form $(pval "$p_netform")" at graph 0.03, graph 0.45 front
plot "$D/agreed.csv" every ::1 using 1:4:5:6 with yerrorlines lw 2 pt 7 lc rgb "#9467bd" title "agreed a shared goal within 260 steps (weeks)", \
     "$D/netform.csv" every ::1 using (\$1 + 0.08):4:5:6 with yerrorlines lw 2 pt 5 lc rgb "#ff7f0e" title "live in the network form at step 260"
EOF

claim_begin P2
claim_p "partners joining besides the initiator, by breadth of the issue in themes (n = $n runs per breadth)" \
    "$(summarise "$D/joined.csv" mean "1 2 4 6 8")" \
    "least squares slope over runs, one-sided (rising): $(num "$(field "$D/joined-tests.csv" trend estimate)") partners per theme" \
    "$p_joined" p2-breadth.png
claim_p "distinct sectors among the partners, by breadth (n = $n runs per breadth)" \
    "$(summarise "$D/sectors.csv" mean "1 2 4 6 8")" \
    "least squares slope over runs, one-sided (rising): $(num "$(field "$D/sectors-tests.csv" trend estimate)") sectors per theme" \
    "$p_sectors" p2-breadth.png
claim_p "share of networks agreeing a shared goal within 260 steps, breadth 8 against 4 (n = $n runs per breadth)" \
    "$(summarise "$D/agreed.csv" share "1 4 6 7 8")" \
    "two-proportion z-test, one-sided (lower at 8); difference $(num "$(field "$D/agreed-tests.csv" compare estimate)")" \
    "$p_agreed" p2-breadth.png
claim_p "share of networks live in the network form at step 260, breadth 8 against 4 (n = $n runs per breadth)" \
    "$(summarise "$D/netform.csv" share "1 4 6 7 8")" \
    "two-proportion z-test, one-sided (lower at 8); difference $(num "$(field "$D/netform-tests.csv" compare estimate)")" \
    "$p_netform" p2-breadth.png
claim_end
