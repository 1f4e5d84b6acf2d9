#!/bin/sh
# p5.sh: pattern P5 (MODEL.md section 1): a network with high person
# dependency loses more trust and progress when persons are replaced.
# Sweep p5-turnover (scenarios/experiments/); writes figures/p5-turnover.png
# and the P5 rows of the claims table.
#
# Two views. At each replacement: the share of the network's mean trust lost
# in the step of a turnover (steps with exactly one turnover, network
# executing before and after), by the person dependency of the step before.
# Over the run: trust and progress at the last step (129) with turnover
# (mean tenure 52 steps) against without (10^9), for guard 0 (high person
# dependency) and guard 1 (low): the share kept under turnover, and whether
# it is smaller with guard 0 (ratio of ratios below 1).
. "$(dirname "$0")/lib.sh"
D="$WORK/p5"
mkdir -p "$D"

run_sweep p5-turnover p5-turnover.sweep.ini

awk -F, -v D="$D" '
    FNR == 1 { file++; for (i = 1; i <= NF; i++) col[file, $i] = i; next }
    file == 1 {
        if ($(col[1, "event"]) == "turnover") nto[$(col[1, "run"]) + 0, $(col[1, "step"]) + 0]++
        next
    }
    {
        r = $(col[2, "run"]) + 0; s = $(col[2, "step"]) + 0
        g = $(col[2, "organisations.file"]); sub(/^town-guard-/, "", g); sub(/\.orgs\.csv$/, "", g)
        turnover = $(col[2, "persons.tenure"]) + 0 < 1000
        t = $(col[2, "trust"]); ph = $(col[2, "phase"]); pd = $(col[2, "person_dependency"])
        if (turnover && ph == "executing" && prevph[r] == "executing" && prevt[r] > 0) {
            k = ((r, s) in nto) ? nto[r, s] : 0
            bin = int(prevpd[r] * 5); if (bin > 4) bin = 4
            loss = 100 * (prevt[r] - t) / prevt[r]
            if (k == 1) printf "%.1f,%.6g\n", bin / 5 + 0.1, loss > (D "/events-rows.csv")
            else if (k == 0) printf "%.1f,%.6g\n", bin / 5 + 0.1, loss > (D "/baseline-rows.csv")
        }
        prevph[r] = ph; prevt[r] = t; prevpd[r] = pd
        if (s == 129 && ph != "dissolved")
            printf "%d,g%s-%s,%s,%s,%s\n", r, g, turnover ? "turnover" : "none", t, $(col[2, "progress"]), pd > (D "/runs-rows.csv")
    }' "$WORK/p5-turnover/events.csv" "$WORK/p5-turnover/network.csv"
{ echo "dependency,loss"; cat "$D/events-rows.csv"; } > "$D/events.csv"
{ echo "dependency,loss"; cat "$D/baseline-rows.csv"; } > "$D/baseline.csv"
{ echo "run,cell,trust,progress,person_dependency"; cat "$D/runs-rows.csv"; } > "$D/runs.csv"
rm -f "$D/events-rows.csv" "$D/baseline-rows.csv" "$D/runs-rows.csv"

"$STATS" mean "$D/events.csv" --group dependency --value loss --trend --alternative greater \
    --tests "$D/events-tests.csv" > "$D/loss.csv"
"$STATS" mean "$D/baseline.csv" --group dependency --value loss > "$D/loss-baseline.csv"
cells=g0-turnover,g0-none,g1-turnover,g1-none
for v in trust progress person_dependency; do
    "$STATS" mean "$D/runs.csv" --group cell --value $v --ratio $cells --alternative less \
        --tests "$D/$v-tests.csv" > "$D/$v.csv"
done
# plot data: x 0 (guard 0) or 1 (guard 1), one file per arm
for arm in turnover none; do
    for v in trust progress; do
        awk -F, -v arm="$arm" 'NR > 1 && $1 ~ ("-" arm "$") {
            x = ($1 ~ /^g0/) ? 0 : 1; print x "," $0 }' "$D/$v.csv" > "$D/$v-$arm.csv"
    done
done

events=$(awk 'END { print NR - 1 }' "$D/events.csv")
n_cell=$(group_col "$D/trust.csv" g0-none n)
p_loss=$(field "$D/events-tests.csv" trend p_value)
p_trust=$(field "$D/trust-tests.csv" ratio-of-ratios p_value)
p_prog=$(field "$D/progress-tests.csv" ratio-of-ratios p_value)
keep() { # share kept, as "62 % [60-64]"
    awk -F, -v t="$2" 'NR > 1 && $1 == t { printf "%.0f %% [%.0f-%.0f]", 100 * $3, 100 * $4, 100 * $5 }' "$1"
}
pd0=$(num "$(group_col "$D/person_dependency.csv" g0-turnover mean)")
pd1=$(num "$(group_col "$D/person_dependency.csv" g1-turnover mean)")

PLOT_SIZE=1800,600 plot p5-turnover <<EOF
set bmargin 6
set multiplot layout 1,3 title "P5: a network that depends on persons loses more trust and progress when persons are replaced\n(one network of a generic town; every member organisation with guard 0 (high person dependency) or 1 (low); every other parameter at its default; 95 % intervals)" font ",13"
set title "Trust lost in the step of a replacement ($events replacements)"
set xlabel offset 0,0
set xlabel "person dependency Π of the network the step before"
set ylabel "mean trust lost in the step (% of mean trust)"
set xrange [0:1]
set key top left
set label 1 "rising with Π: $(pval "$p_loss")\n(least squares slope over replacements)" at graph 0.03, graph 0.75 front
plot "$D/loss.csv" every ::1 using 1:3:5:6 with yerrorlines lw 2 pt 7 lc rgb "#d62728" title "steps with one replacement", \
     "$D/loss-baseline.csv" every ::1 using 1:3:5:6 with yerrorlines lw 1 pt 6 lc rgb "#7f7f7f" title "steps without (trust grows)"
unset label 1
set xrange [-0.5:1.5]
set xtics ("guard 0\n(high Π: $pd0)" 0, "guard 1\n(low Π: $pd1)" 1)
set xlabel "guard of every member organisation (Π at step 129, with replacements)" offset 0,-0.5
set key bottom right
set title "Mean trust at step 129 ($n_cell runs per bar)"
set ylabel "mean trust between members (0 to 1)"
set yrange [0:1]
set label 2 "kept under turnover: $(keep "$D/trust-tests.csv" ratio-1) with guard 0,\n$(keep "$D/trust-tests.csv" ratio-2) with guard 1; less with guard 0: $(pval "$p_trust")\n(ratio of ratios, delta method)" at graph 0.03, graph 0.95 front
plot "$D/trust-none.csv" using (\$1 - 0.1):4:6:7 with yerrorbars lw 2 pt 7 ps 1.5 lc rgb "#1f77b4" title "no replacements", \
     "$D/trust-turnover.csv" using (\$1 + 0.1):4:6:7 with yerrorbars lw 2 pt 5 ps 1.5 lc rgb "#d62728" title "persons replaced (mean tenure 52 weeks)"
unset label 2
set title "Progress at step 129 ($n_cell runs per bar)"
set ylabel "progress towards the goal (0 to 1)"
set label 3 "kept under turnover: $(keep "$D/progress-tests.csv" ratio-1) with guard 0,\n$(keep "$D/progress-tests.csv" ratio-2) with guard 1; less with guard 0: $(pval "$p_prog")\n(ratio of ratios, delta method)" at graph 0.03, graph 0.95 front
plot "$D/progress-none.csv" using (\$1 - 0.1):4:6:7 with yerrorbars lw 2 pt 7 ps 1.5 lc rgb "#1f77b4" title "no replacements", \
     "$D/progress-turnover.csv" using (\$1 + 0.1):4:6:7 with yerrorbars lw 2 pt 5 ps 1.5 lc rgb "#d62728" title "persons replaced (mean tenure 52 weeks)"
EOF

claim_begin P5
claim_p "mean trust lost in the step of a replacement (% of mean trust), by person dependency of the step before ($events replacements)" \
    "$(summarise "$D/loss.csv" mean)" \
    "least squares slope over replacements, one-sided (rising): $(num "$(field "$D/events-tests.csv" trend estimate)") % per unit of dependency" \
    "$p_loss" p5-turnover.png
claim_p "share of mean trust at step 129 kept under turnover (tenure 52 against 10^9), guard 0 (high dependency) against guard 1 ($n_cell runs per cell)" \
    "guard 0: $(keep "$D/trust-tests.csv" ratio-1); guard 1: $(keep "$D/trust-tests.csv" ratio-2)" \
    "ratio of the two shares kept, delta method on the log scale, one-sided (below 1): $(num "$(field "$D/trust-tests.csv" ratio-of-ratios estimate)")" \
    "$p_trust" p5-turnover.png
claim_p "share of progress at step 129 kept under turnover, guard 0 (high dependency) against guard 1 ($n_cell runs per cell)" \
    "guard 0: $(keep "$D/progress-tests.csv" ratio-1); guard 1: $(keep "$D/progress-tests.csv" ratio-2)" \
    "ratio of the two shares kept, delta method on the log scale, one-sided (below 1): $(num "$(field "$D/progress-tests.csv" ratio-of-ratios estimate)")" \
    "$p_prog" p5-turnover.png
claim_end
