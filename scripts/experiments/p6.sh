#!/bin/sh
# p6.sh: pattern P6 (MODEL.md section 1): decision mandates resolve
# decisions faster than feedback mandates; overreach, once detected, costs
# trust; uncertain persons under-use a decision mandate. Sweeps p6-mandate
# and p6-overreach (scenarios/experiments/); writes figures/p6-mandate.png
# and the P6 rows of the claims table.
#
# How fast decisions are resolved: by Little's law the mean time an item
# waits equals the mean number of open items over the arrival rate
# (model.decision_rate, read from the base scenario of p6-mandate, whose
# sweep does not vary it), taken over the steps a network executes.
. "$(dirname "$0")/lib.sh"
D="$WORK/p6"
mkdir -p "$D"

run_sweep p6-mandate p6-mandate.sweep.ini
run_sweep p6-overreach p6-overreach.sweep.ini

ini=$(base_ini p6-mandate)
rate=$(awk -F' *= *' '/^\[/ { sec = $0 } sec == "[model]" && $1 == "decision_rate" { print $2 }' "$ini")
[ -n "$rate" ] || die "p6: no model.decision_rate in $ini"

# per run: mean wait (steps) and mean trust over the executing steps
awk -F, -v rate="$rate" '
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    $(col["phase"]) == "executing" {
        r = $(col["run"]) + 0; n[r]++
        m = $(col["organisations.file"]); sub(/^town-/, "", m); sub(/\.orgs\.csv$/, "", m)
        mandate[r] = m; u[r] = $(col["persons.uncertainty"])
        q[r] += $(col["decisions_open"]); t[r] += $(col["trust"])
    }
    END {
        print "run,mandate,uncertainty,wait,trust"
        for (r in n) printf "%d,%s,%s,%.6g,%.6g\n", r, mandate[r], u[r], q[r] / n[r] / rate, t[r] / n[r]
    }' "$WORK/p6-mandate/network.csv" > "$D/mandate-runs.csv"
# Per run: mean trust while executing and reversals. Per step of an
# executing network (executing the step before too) with reversals
# possible (reverse_prob > 0): the change of mean trust in % of its value
# the step before, in steps with exactly one reversal and in steps with none.
awk -F, -v D="$D" '
    FNR == 1 { file++; for (i = 1; i <= NF; i++) col[file, $i] = i; next }
    file == 1 {
        if ($(col[1, "event"]) == "overreach-reversed") {
            r = $(col[1, "run"]) + 0; rev[r]++; nrev[r, $(col[1, "step"]) + 0]++
        }
        next
    }
    {
        r = $(col[2, "run"]) + 0; s = $(col[2, "step"]) + 0; ph = $(col[2, "phase"])
        p[r] = $(col[2, "model.reverse_prob"]); t = $(col[2, "trust"])
        if (ph == "executing") { n[r]++; tsum[r] += t }
        if (p[r] > 0 && ph == "executing" && prevph[r] == "executing" && prevt[r] > 0) {
            k = ((r, s) in nrev) ? nrev[r, s] : 0
            if (k <= 1)
                printf "%s,%.6g\n", k ? "reversal" : "none", 100 * (t - prevt[r]) / prevt[r] > (D "/steps-rows.csv")
        }
        prevph[r] = ph; prevt[r] = t
    }
    END {
        f = D "/overreach-runs.csv"
        print "run,reverse_prob,trust,reversed" > f
        for (r in n) printf "%d,%s,%.6g,%d\n", r, p[r], tsum[r] / n[r], rev[r] > f
    }' "$WORK/p6-overreach/events.csv" "$WORK/p6-overreach/network.csv"
{ echo "step_kind,change"; cat "$D/steps-rows.csv"; } > "$D/steps.csv"
rm -f "$D/steps-rows.csv"

# (a) mandates at the middle uncertainty 0.3 (the mean of the default
# uniform(0, 0.6)); (b) under-use: the wait under decision mandates rises
# with uncertainty (and, as a control, not under feedback mandates, where
# uncertainty plays no part)
"$STATS" mean "$D/mandate-runs.csv" --where uncertainty=0.3 --group mandate --value wait \
    --compare decision,feedback --alternative less --tests "$D/mandate-tests.csv" > "$D/mandate.csv"
for m in decision feedback; do
    "$STATS" mean "$D/mandate-runs.csv" --where mandate=$m --group uncertainty --value wait \
        --trend --alternative greater --tests "$D/uncertainty-$m-tests.csv" > "$D/uncertainty-$m.csv"
done
# (c) a reversal costs trust at once; and over the run, trust is lower the
# more often detected overreach is reversed
"$STATS" mean "$D/steps.csv" --group step_kind --value change --compare reversal,none \
    --alternative less --tests "$D/steps-tests.csv" > "$D/steps-change.csv"
"$STATS" mean "$D/overreach-runs.csv" --group reverse_prob --value trust --trend \
    --alternative less --tests "$D/overreach-tests.csv" > "$D/overreach.csv"
"$STATS" mean "$D/overreach-runs.csv" --group reverse_prob --value reversed > "$D/reversed.csv"

n_m=$(group_col "$D/mandate.csv" decision n)
n_o=$(group_col "$D/overreach.csv" 0 n)
p_mand=$(field "$D/mandate-tests.csv" compare p_value)
p_unc=$(field "$D/uncertainty-decision-tests.csv" trend p_value)
p_ctrl=$(field "$D/uncertainty-feedback-tests.csv" trend p_value)
p_over=$(field "$D/overreach-tests.csv" trend p_value)
p_step=$(field "$D/steps-tests.csv" compare p_value)
n_rev=$(group_col "$D/steps-change.csv" reversal n)
chg_rev=$(num "$(group_col "$D/steps-change.csv" reversal mean)")
chg_none=$(num "$(group_col "$D/steps-change.csv" none mean)")
rev1=$(num "$(group_col "$D/reversed.csv" 1 mean)")

PLOT_SIZE=1400,580 plot p6-mandate <<EOF
set multiplot layout 1,2 title "P6: decision mandates resolve decisions faster than feedback mandates, unless persons are uncertain;\ndetected and reversed overreach costs trust (one network of a generic town; every parameter at its default but those varied; 95 % t intervals)" font ",13"
set title "How long decisions wait ($n_m runs per point)"
set xlabel "uncertainty u of every person (0 = always uses its mandate)"
set ylabel "mean wait of a decision item (steps = weeks; open items / arrivals)"
set xrange [-0.05:0.95]
set yrange [0:12]
set key top left
set label 1 "at u = 0.3, decision below feedback: $(pval "$p_mand") (Welch t)\nrising with u under decision mandates: $(pval "$p_unc")\nunder feedback mandates u plays no part: $(pval "$p_ctrl")\n(one-sided least squares slopes over runs)" at graph 0.3, graph 0.25 front
plot "$D/uncertainty-feedback.csv" every ::1 using 1:3:5:6 with yerrorlines lw 2 pt 7 lc rgb "#1f77b4" title "feedback mandate: the organisation decides", \
     "$D/uncertainty-decision.csv" every ::1 using 1:3:5:6 with yerrorlines lw 2 pt 5 lc rgb "#d62728" title "decision mandate: the person decides"
unset label 1
set title "Trust under feedback mandates ($n_o runs per point)"
set xlabel "probability that an organisation reverses an overreach it detects"
set ylabel "mean trust between members while executing (0 to 1)"
set xrange [-0.1:1.1]
set yrange [*:*]
set offsets 0, 0, 0, graph 0.6
set label 2 "in the step of a reversal mean trust changes by $chg_rev %,\nin other steps by $chg_none % ($n_rev reversals; lower: $(pval "$p_step"), Welch t)\nover the run, falling with the probability: $(pval "$p_over")\n(least squares slope over runs; $rev1 reversals per network at 1)" at graph 0.03, graph 0.2 front
plot "$D/overreach.csv" every ::1 using 1:3:5:6 with yerrorlines lw 2 pt 7 lc rgb "#9467bd" title "mean trust"
EOF

claim_begin P6
claim_p "mean wait of a decision item (steps), decision against feedback mandates, uncertainty 0.3 ($n_m runs each)" \
    "$(summarise "$D/mandate.csv" mean)" \
    "Welch t-test, one-sided (shorter under decision mandates); difference $(num "$(field "$D/mandate-tests.csv" compare estimate)") steps" \
    "$p_mand" p6-mandate.png
claim_p "mean wait of a decision item (steps) under decision mandates, by uncertainty of the persons ($n_m runs per level; feedback mandates as control: slope $(num "$(field "$D/uncertainty-feedback-tests.csv" trend estimate)"))" \
    "$(summarise "$D/uncertainty-decision.csv" mean)" \
    "least squares slope over runs, one-sided (rising): $(num "$(field "$D/uncertainty-decision-tests.csv" trend estimate)") steps per unit of uncertainty" \
    "$p_unc" p6-mandate.png
claim_p "change of mean trust (% of the step before) in the step of a reversed overreach against steps without ($n_rev reversals; feedback mandates, reverse_prob 0.5 and 1)" \
    "$(summarise "$D/steps-change.csv" mean)" \
    "Welch t-test, one-sided (lower in reversal steps); difference $(num "$(field "$D/steps-tests.csv" compare estimate)") percentage points" \
    "$p_step" p6-mandate.png
claim_p "long run: mean trust while executing under feedback mandates, by the probability that a detected overreach is reversed ($n_o runs per level; $rev1 reversals per network at 1)" \
    "$(summarise "$D/overreach.csv" mean)" \
    "least squares slope over runs, one-sided (falling): $(num "$(field "$D/overreach-tests.csv" trend estimate)")" \
    "$p_over" p6-mandate.png
claim_end
