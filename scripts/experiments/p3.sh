#!/bin/sh
# p3.sh: pattern P3 (MODEL.md section 1): drop-out is concentrated in goal
# formulation; its hazard rises with the time formulation takes; partners
# whose mission fits the shared goal less than it fitted the issue leave
# more often. Sweep p3-dropout (scenarios/experiments/); writes
# figures/p3-dropout.png and the P3 rows of the claims table.
#
# The hazard is drop-outs per member-step at risk (the initiator never
# drops out and is not at risk). A member is at risk in a step when the
# drop-out sub-model (MODEL.md 3, step 9) runs for it: its network was live
# then, in the phase it had then. From network.csv (members at the end of
# the step) and events.csv (drop-outs, phases and ends, in order), the
# members at risk in step t are members(t) + dropouts(t) - 1, in the phase
# of step t; in the step a network ends, only if it ended in or after the
# drop-out sub-model (end checks: too-few-partners after recruitment,
# necessary-actor-*; merger), in the phase it had before it ended.
. "$(dirname "$0")/lib.sh"
D="$WORK/p3"
mkdir -p "$D"

run_sweep p3-dropout p3-dropout.sweep.ini

# Pass 1, events.csv: phases, ends, drop-outs (with the phase and the weeks
# spent formulating when they happened). Pass 2, network.csv: members at
# risk. Pass 3, orgs.csv: members at risk in formulating in step t + 1
# with the fit drop (fit to the issue - fit to the goal) of step t. All
# three are the files samen collect merged, each row's run in its run column.
# Writes the three tables of counts: by phase, by weeks formulating, by fit
# drop.
awk -F, -v D="$D" '
    function tfbin(tf) {   # weeks formulating -> bin midpoint
        return tf <= 13 ? 7 : tf <= 26 ? 20 : tf <= 39 ? 33 : tf <= 52 ? 46 : tf <= 78 ? 65.5 : 91.5
    }
    function fitbin(x) {   # fit drop -> bin number
        return x <= 0 ? 1 : x <= 0.01 ? 2 : x <= 0.02 ? 3 : x <= 0.04 ? 4 : 5
    }
    # The phase in which the drop-out sub-model ran in step s of run r, or
    # "" if it did not run (the network had ended before it, or was pending).
    function riskphase(r, s,    ph) {
        if ((r, s) in livephase) return livephase[r, s]
        if (!((r) in endstep) || endstep[r] != s) return ""
        if (endreason[r] == "merger" || endreason[r] ~ /^necessary-actor/ ||
            (endreason[r] == "too-few-partners" && endprev[r] != "recruiting"))
            return endprev[r]
        return ""
    }
    FNR == 1 {
        file++
        for (i = 1; i <= NF; i++) col[file, $i] = i
        next
    }
    file == 1 {   # events.csv
        r = $(col[1, "run"]) + 0; s = $(col[1, "step"]) + 0
        ev = $(col[1, "event"]); why = $(col[1, "reason"])
        if (ev == "phase") {
            if (why == "recruiting" || why == "formulating" || why == "executing") {
                cur[r] = why
                if (why == "formulating") fstart[r] = s
            } else { endstep[r] = s; endprev[r] = cur[r] }
        } else if (ev == "completed" || ev == "dissolved") {
            endreason[r] = why
        } else if (ev == "merger") {
            endreason[r] = "merger"
        } else if (ev == "dropout") {
            ndrop[r, s]++
            dph[cur[r]]++
            if (cur[r] == "formulating") dtf[tfbin(s - fstart[r] + 1)]++
            left[r, $(col[1, "org"]), s] = 1
        }
        next
    }
    file == 2 {   # network.csv
        r = $(col[2, "run"]) + 0; s = $(col[2, "step"]) + 0; ph = $(col[2, "phase"])
        if (ph == "recruiting" || ph == "formulating" || ph == "executing") livephase[r, s] = ph
        rp = riskphase(r, s)
        nd = ((r, s) in ndrop) ? ndrop[r, s] : 0
        if (rp == "") {
            if (nd > 0) { print "p3: drop-outs in a step without exposure, run " r " step " s > "/dev/stderr"; bad = 1 }
            next
        }
        atrisk = $(col[2, "members"]) + nd - 1
        eph[rp] += atrisk
        if (rp == "formulating") etf[tfbin(s - fstart[r] + 1)] += atrisk
        next
    }
    {   # orgs.csv
        if ($(col[3, "role"]) == "initiator") next
        r = $(col[3, "run"]) + 0; s = $(col[3, "step"]) + 1
        if (riskphase(r, s) != "formulating") next
        b = fitbin($(col[3, "fit_issue"]) - $(col[3, "fit_goal"]))
        efit[b]++
        if ((r, $(col[3, "org"]), s) in left) dfit[b]++
    }
    END {
        if (bad) exit 1
        f = D "/phase-counts.csv"
        print "phase,order,dropouts,member_steps" > f
        n = split("recruiting formulating executing", P, " ")
        for (i = 1; i <= n; i++) printf "%s,%d,%d,%d\n", P[i], i, dph[P[i]], eph[P[i]] > f
        f = D "/tf-counts.csv"
        print "weeks,dropouts,member_steps" > f
        n = split("7 20 33 46 65.5 91.5", B, " ")
        for (i = 1; i <= n; i++) if (etf[B[i]] > 0) printf "%s,%d,%d\n", B[i], dtf[B[i]], etf[B[i]] > f
        f = D "/fit-counts.csv"
        print "bin,dropouts,member_steps" > f
        for (i = 1; i <= 5; i++) if (efit[i] > 0) printf "%d,%d,%d\n", i, dfit[i], efit[i] > f
    }' "$WORK/p3-dropout/events.csv" "$WORK/p3-dropout/network.csv" "$WORK/p3-dropout/orgs.csv" \
    || die "p3: counting the members at risk failed"

"$STATS" rate "$D/phase-counts.csv" --group phase --events dropouts --exposure member_steps \
    --compare formulating,executing --alternative greater --tests "$D/phase-tests.csv" > "$D/phase.csv"
"$STATS" rate "$D/phase-counts.csv" --group phase --events dropouts --exposure member_steps \
    --compare formulating,recruiting --alternative greater --tests "$D/phase-tests-2.csv" > /dev/null
"$STATS" rate "$D/tf-counts.csv" --group weeks --events dropouts --exposure member_steps \
    --trend --alternative greater --tests "$D/tf-tests.csv" > "$D/tf.csv"
"$STATS" rate "$D/fit-counts.csv" --group bin --events dropouts --exposure member_steps \
    --trend --alternative greater --tests "$D/fit-tests.csv" > "$D/fit.csv"
# the order of the phases for the plot, and the share of drop-outs in each
awk -F, 'NR == FNR { if (FNR > 1) order[$1] = $2; next }
         FNR == 1 { print $0 ",order"; next } { print $0 "," order[$1] }' \
    "$D/phase-counts.csv" "$D/phase.csv" | sort -t, -k7,7n > "$D/phase-plot.csv"

runs=$(awk 'END { print NR - 1 }' "$WORK/p3-dropout/manifest.csv")
total=$(awk -F, 'NR > 1 { d += $3 } END { print d }' "$D/phase-counts.csv")
in_form=$(awk -F, '$1 == "formulating" { print $3 }' "$D/phase-counts.csv")
share_form=$(awk -v a="$in_form" -v b="$total" 'BEGIN { printf "%.0f", 100 * a / b }')
steps_form=$(awk -F, '$1 == "formulating" { print $4 }' "$D/phase-counts.csv")
steps_all=$(awk -F, 'NR > 1 { e += $4 } END { print e }' "$D/phase-counts.csv")
share_steps=$(awk -v a="$steps_form" -v b="$steps_all" 'BEGIN { printf "%.0f", 100 * a / b }')
p_ph1=$(field "$D/phase-tests.csv" compare p_value)
p_ph2=$(field "$D/phase-tests-2.csv" compare p_value)
p_phase=$(awk -v a="$p_ph1" -v b="$p_ph2" 'BEGIN { print (a > b) ? a : b }')
p_tf=$(field "$D/tf-tests.csv" trend p_value)
p_fit=$(field "$D/fit-tests.csv" trend p_value)

PLOT_SIZE=1800,560 plot p3-dropout <<EOF
set multiplot layout 1,3 title "P3: drop-out is concentrated in goal formulation, rises with its duration and with the loss of fit from issue to goal\n(one network of a generic town, every parameter at its default but goal.speed 0.15 or 0.3; $runs runs; hazard = drop-outs per 1000 member-steps (weeks) at risk, 95 % exact Poisson intervals)" font ",13"
set ylabel "drop-out hazard per 1000 member-steps"
set yrange [0:*]
set offsets 0, 0, graph 0.4, 0
set key top left
set title "By phase"
set xrange [0.4:3.6]
set xtics ("recruiting" 1, "formulating" 2, "executing" 3)
set style fill solid 0.5
set boxwidth 0.5
set label 1 "$share_form % of drop-outs, $share_steps % of member-steps\nin formulation; formulating above both\nother phases: $(pval "$p_phase") (exact rate ratio tests)" at graph 0.03, graph 0.85 front
plot "$D/phase-plot.csv" every ::1 using 7:(1000*\$4) with boxes lc rgb "#1f77b4" notitle, \
     "" every ::1 using 7:(1000*\$4):(1000*\$5):(1000*\$6) with yerrorbars lc rgb "black" pt 7 title "hazard"
unset label 1
unset style
set xtics autofreq
set title "In formulation, by time spent formulating"
set xrange [0:104]
set xtics 13
set xlabel "weeks spent formulating (bins of 13 or 26 steps)"
set label 2 "rising: $(pval "$p_tf")\n(score test for trend)" at graph 0.03, graph 0.85 front
plot "$D/tf.csv" every ::1 using 1:(1000*\$4):(1000*\$5):(1000*\$6) with yerrorlines lw 2 pt 7 lc rgb "#d62728" title "hazard"
unset label 2
set title "In formulation, by the loss of fit from issue to goal"
set xrange [0.5:5.5]
set xtics ("≤ 0" 1, "0-0.01" 2, "0.01-0.02" 3, "0.02-0.04" 4, "> 0.04" 5)
set xlabel "fit to the issue minus fit to the goal, the step before (cosine)"
set label 3 "rising: $(pval "$p_fit")\n(score test for trend)" at graph 0.03, graph 0.85 front
plot "$D/fit.csv" every ::1 using 1:(1000*\$4):(1000*\$5):(1000*\$6) with yerrorlines lw 2 pt 5 lc rgb "#2ca02c" title "hazard"
EOF

claim_begin P3
claim_p "drop-outs per 1000 member-steps by phase ($runs runs; $share_form % of drop-outs and $share_steps % of member-steps in formulation)" \
    "$(awk -F, 'NR > 1 { printf "%s%s: %.3g [%.3g-%.3g]", (NR > 2 ? "; " : ""), $1, 1000 * $4, 1000 * $5, 1000 * $6 }' "$D/phase-plot.csv")" \
    "exact conditional rate ratio tests, one-sided: formulating above executing (ratio $(num "$(field "$D/phase-tests.csv" compare estimate)")) and above recruiting (ratio $(num "$(field "$D/phase-tests-2.csv" compare estimate)")); the larger p" \
    "$p_phase" p3-dropout.png
claim_p "drop-outs per 1000 member-steps in formulation, by weeks spent formulating (bin midpoints)" \
    "$(awk -F, 'NR > 1 { printf "%s%s: %.3g [%.3g-%.3g]", (NR > 2 ? "; " : ""), $1, 1000 * $4, 1000 * $5, 1000 * $6 }' "$D/tf.csv")" \
    "score test for a linear trend in rates (Breslow and Day 1987), one-sided (rising)" \
    "$p_tf" p3-dropout.png
claim_p "drop-outs per 1000 member-steps in formulation, by fit to the issue minus fit to the goal (bins 1: <= 0, 2: 0-0.01, 3: 0.01-0.02, 4: 0.02-0.04, 5: > 0.04)" \
    "$(awk -F, 'NR > 1 { printf "%s%s: %.3g [%.3g-%.3g]", (NR > 2 ? "; " : ""), $1, 1000 * $4, 1000 * $5, 1000 * $6 }' "$D/fit.csv")" \
    "score test for a linear trend in rates over the bin numbers, one-sided (rising)" \
    "$p_fit" p3-dropout.png
claim_end
