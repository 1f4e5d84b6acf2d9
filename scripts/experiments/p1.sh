#!/bin/sh
# p1.sh: pattern P1 (MODEL.md section 1): concreteness has an interior
# optimum - the share of networks agreeing a shared goal is lower for very
# vague and very concrete issues than in between, and very concrete issues
# start with low engagement. Sweeps p1-concreteness and p1-engagement
# (scenarios/experiments/); writes figures/p1-concreteness.png and the P1
# rows of the claims table.
. "$(dirname "$0")/lib.sh"
D="$WORK/p1"
mkdir -p "$D"

run_sweep p1-concreteness p1-concreteness.sweep.ini
run_sweep p1-engagement p1-engagement.sweep.ini

# Share of networks that agreed a shared goal (agreed_step set) per level.
# "In between" is fixed before the data as the middle five levels, 0.3 to
# 0.7 (around 0.5, where the appeal curve peaks with its default parameters,
# MODEL.md 4.1), pooled and tested against each extreme level.
"$STATS" prop "$WORK/p1-concreteness/summary.csv" --group network.collab.concreteness \
    --success 'agreed_step>=0' --peak 0.3:0.7 --tests "$D/agreed-tests.csv" > "$D/agreed.csv"

# Engagement at joining: during recruitment engagement keeps the value it
# got at joining (MODEL.md 4.1, 4.6), so the members' mean engagement in the
# last recruiting step (11) is the mean initial engagement of each run. The
# collected orgs.csv gives each row's run and concreteness (a varied key).
awk -F, '
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    $(col["step"]) == 11 {
        run = $(col["run"]) + 0; kappa[run] = $(col["network.collab.concreteness"])
        sum[run] += $(col["engagement"]); cnt[run]++
    }
    END {
        print "run,concreteness,engagement"
        for (r in cnt) printf "%d,%s,%.6g\n", r, kappa[r], sum[r] / cnt[r]
    }' "$WORK/p1-engagement/orgs.csv" > "$D/engagement-runs.csv"
"$STATS" mean "$D/engagement-runs.csv" --group concreteness --value engagement \
    --compare 0.9,0.5 --alternative less --tests "$D/engagement-tests.csv" > "$D/engagement.csv"

n_agree=$(group_col "$D/agreed.csv" 0.5 n)
n_eng=$(group_col "$D/engagement.csv" 0.5 n)
p_peak=$(field "$D/agreed-tests.csv" peak p_value)
p_eng=$(field "$D/engagement-tests.csv" compare p_value)

plot p1-concreteness <<EOF
set multiplot layout 1,2 title "P1: concreteness has an interior optimum (one network of a generic town, every parameter at its default)" font ",13"
set xrange [0:1]
set xlabel "concreteness of the issue κ (0 = vague, 1 = fully concrete)"
set ylabel "share of networks that agreed a shared goal within 156 steps (weeks)"
set yrange [0:1.05]
set title "Shared goal agreed (95 % Wilson intervals, n = $n_agree runs per level)"
set label 1 "levels 0.3-0.7 pooled above 0.1 and above 0.9: $(pval "$p_peak")\n(one-sided two-proportion z-tests, Bonferroni x2)" at graph 0.03, graph 0.12 front
plot "$D/agreed.csv" every ::1 using 1:4:5:6 with yerrorlines lw 2 pt 7 lc rgb "#1f77b4" title "share agreed"
unset label 1
set ylabel "members' mean engagement at joining (0 to 1)"
set yrange [0:*]
set title "Engagement at the start (95 % t intervals, n = $n_eng runs per level)"
set label 2 "0.9 below 0.5: $(pval "$p_eng") (one-sided Welch t)" at graph 0.03, graph 0.08 front
plot "$D/engagement.csv" every ::1 using 1:3:5:6 with yerrorlines lw 2 pt 5 lc rgb "#d62728" title "mean initial engagement"
EOF

claim_begin P1
claim_p "share of networks agreeing a shared goal within 156 steps, by concreteness (n = $n_agree runs per level)" \
    "$(summarise "$D/agreed.csv" share "0.1 0.3 0.5 0.7 0.9")" \
    "interior optimum: share at levels 0.3-0.7 pooled ($(num "$(awk -F, 'NR > 1 && $1 >= 0.3 && $1 <= 0.7 { k += $3; n += $2 } END { print k / n }' "$D/agreed.csv")")) above the share at 0.1 and at 0.9; one-sided two-proportion z-tests, Bonferroni x2" \
    "$p_peak" p1-concreteness.png
claim_p "members' mean engagement at joining, concreteness 0.9 against 0.5 (n = $n_eng runs per level)" \
    "$(summarise "$D/engagement.csv" mean "0.1 0.5 0.9")" \
    "Welch t-test, one-sided (lower at 0.9); difference $(num "$(field "$D/engagement-tests.csv" compare estimate)")" \
    "$p_eng" p1-concreteness.png
claim_end
