#!/bin/sh
# calibrate.sh: the calibration targets C1-C5 of MODEL.md section 1
# (docs/CALIBRATION.md) on the region scenario, over a sweep of seeds and,
# if asked, of parameter values, each with its 95 % interval, as
# `samen summarise` measures them.
#
# usage: scripts/calibrate.sh [options]
#   --out DIR          sweep folder (default results/calibration); a finished
#                      sweep there is reused (--resume), only the analysis runs
#   --scenario FILE    scenario (default scenarios/flanders-region.ini)
#   --replicates N     seeds per parameter point, >= 2 (default 20; at least
#                      20 for the record)
#   --seed S           sweep seed (default 1): run seeds follow MODEL.md 6
#   --vary KEY=VALUES  a [vary] key of the sweep file (FORMATS.md "Sweep
#                      file"): a list "a, b, c" or start:stop:step; one value
#                      just sets the key. Repeatable: a grid of all of them.
#   -j N               runs at a time (default: samen sweep's, all CPUs)
#   --no-run           only analyse the finished sweep in --out (made by an
#                      earlier call, perhaps with another build)
#   --plot FILE        also draw C2, C1 and C3 with their intervals against
#                      the one varied key, target ranges shaded (PNG; needs
#                      gnuplot and exactly one --vary key)
#   -h, --help         this text
# Environment: SAMEN (default build/samen).
# Examples:
#   scripts/calibrate.sh                                  # the defaults, 20 seeds
#   scripts/calibrate.sh --out results/cal-base --vary drop.base=0.0003
#   scripts/calibrate.sh --out results/cal-sweep --replicates 40 \
#       --vary 'drop.base=0.0010:0.0022:0.0002' --plot cal-sweep.png
# A run of the region takes under 0.15 s: 20 seeds take seconds, eleven
# values over 40 seeds half a minute on two cores.
#
# Computes no measure itself: `samen summarise DIR` writes DIR/measures.csv
# with the measures of `samen fit` (src/fit/measures.c, one function each,
# FORMATS.md "Fit file"), and this script picks C1-C5 from it into
# DIR/calibration/targets.csv, one row per parameter point and target:
#   point,<varied keys>,target,estimate,lower,upper,n,range,verdict
# and prints it as a table. estimate, lower, upper: the mean over the
# point's runs where the measure has a value and its t 95 % interval (NA
# where there is none); n: those runs. Each measure is per run and leaves
# out the networks nobody joined (largest member count below 2):
#   C1  dissolved_share: share of the networks dissolved by the last step;
#       range 0.30-0.70
#   C2  km_median_agreed_to_end: Kaplan-Meier median of the steps from goal
#       agreement to dissolution over the run's networks that agreed
#       (dissolved = event at its end step; completed or merged = censored
#       there; live = censored at the last step); runs where the median is
#       not reached have no value; range 260-364
#   C3  members_mean: mean of the networks' largest member counts
#       (summary.csv's members); range 6-10
#   C4  completed_share_of_ended: of the networks that ended (completed,
#       dissolved, merged), the share completed; reported (roughly a third)
#   C5  trust_age_corr: Pearson correlation of trust with pair age
#       (step - since) over the ties of the run's last ties.csv snapshot
#       (the sweep keeps ties, snapshots only at network ends and the last
#       step); reported (positive but weak: 0 to 0.3)
# Earlier versions also wrote C3max (the largest network) and C4adhoc (C4
# among ad hoc networks) and computed C1-C5 here, over every network with
# C2 and C4 pooled over runs; C3max and C4adhoc have no measure in
# src/fit/measures.c and are no longer written (docs/CALIBRATION.md).
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
out=results/calibration
scenario=$top/scenarios/flanders-region.ini
replicates=20
seed=1
jobs=
vary=
nvary=0
plot=
run=1

usage() { sed -n '2,/^set -eu/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
die() { echo "calibrate.sh: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
    case $1 in
    --out) [ $# -ge 2 ] || die "--out needs a folder"; out=$2; shift 2 ;;
    --scenario) [ $# -ge 2 ] || die "--scenario needs a file"; scenario=$2; shift 2 ;;
    --replicates) [ $# -ge 2 ] || die "--replicates needs a number"; replicates=$2; shift 2 ;;
    --seed) [ $# -ge 2 ] || die "--seed needs a number"; seed=$2; shift 2 ;;
    --vary)
        [ $# -ge 2 ] || die "--vary needs KEY=VALUES"
        case $2 in *=*) ;; *) die "--vary '$2': KEY=VALUES" ;; esac
        vary="$vary${2%%=*} = ${2#*=}
"
        nvary=$((nvary + 1))
        shift 2 ;;
    --plot) [ $# -ge 2 ] || die "--plot needs a file"; plot=$2; shift 2 ;;
    -j) [ $# -ge 2 ] || die "-j needs a number"; jobs=$2; shift 2 ;;
    --no-run) run=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
    esac
done

SAMEN=${SAMEN:-$top/build/samen}
case $replicates in
''|*[!0-9]*|0|1) die "--replicates '$replicates': a whole number >= 2 (intervals need two seeds)" ;;
esac
[ -x "$SAMEN" ] || die "$SAMEN not found: run 'make' (or set SAMEN)"
[ -r "$scenario" ] || die "cannot read scenario $scenario"
if [ -n "$plot" ]; then
    [ "$run" -eq 0 ] || [ "$nvary" -eq 1 ] || die "--plot needs exactly one --vary key (the x axis)"
    command -v gnuplot > /dev/null 2>&1 || die "--plot needs gnuplot (apt-get install gnuplot-nox)"
fi
scenario=$(cd "$(dirname "$scenario")" && pwd)/$(basename "$scenario")

# ---- the sweep ----------------------------------------------------------
if [ "$run" -eq 1 ]; then
    mkdir -p "$out"
    sweepfile=$out/calibrate.ini
    {
        echo "; written by scripts/calibrate.sh: seeds (and values) for C1-C5"
        echo "[sweep]"
        echo "scenario = $scenario"
        echo "replicates = $replicates"
        echo "design = grid"
        echo "seed = $seed"
        # C5 reads the ties of each run's last snapshot: ties kept, and no
        # periodic snapshots (those at network ends and the last step stay)
        echo "snapshot_every = 1000000"
        echo "tables = network, events, ties"
        echo "[vary]"
        printf '%s' "$vary"
    } > "$sweepfile"
    resume=
    [ -f "$out/sweep.ini" ] && resume=--resume
    # shellcheck disable=SC2086 # $jobs and $resume are empty or one word each
    "$SAMEN" sweep "$sweepfile" --out "$out" ${jobs:+-j "$jobs"} $resume --quiet ||
        die "samen sweep failed (see above); another sweep (or build) needs another --out, or --no-run"
else
    [ -f "$out/manifest.csv" ] || die "--no-run: no finished sweep in $out"
    replicates=$(awk -F, 'NR > 1 && $2 == 0 { n++ } END { print n + 0 }' "$out/manifest.csv")
fi

# ---- the measures, from samen summarise ----------------------------------
out=$(cd "$out" && pwd)
cal=$out/calibration
mkdir -p "$cal"
"$SAMEN" summarise "$out" > /dev/null || die "samen summarise $out failed (see above)"
m=$out/measures.csv
# The varied keys: measures.csv's header between point and measure.
keys=$(head -n 1 "$m" | sed 's/^point,\{0,1\}//; s/,\{0,1\}measure,runs,mean,low,high$//')
case $plot,$keys in
,*) ;;
*,|*,*,*) die "--plot needs a sweep of exactly one varied key; $out varies: ${keys:-nothing}" ;;
esac
grep -q ',trust_age_corr,' "$m" ||
    echo "calibrate.sh: $out kept no ties (tables in sweep.ini): C5 has no value" >&2

# One row per point and target: point,<keys>,target,estimate,lower,upper,
# n,range,verdict. A row of measures.csv ends in measure,runs,mean,low,high
# (no commas in them); what precedes, from the first comma, is the varied
# keys' values as written (quoted where CSV needs it).
awk -v keys="$keys" '
function na(x) { return x == "" ? "NA" : x }
function verdict(t, e, lo, hi) {
    if (e == "NA") return "not-reached"
    e += 0
    if (t == "C1") return (e >= 0.30 && e <= 0.70) ? "in-range" : "OUT"
    if (t == "C2") return (e >= 260 && e <= 364) ? "in-range" : "OUT"
    if (t == "C3") return (e >= 6 && e <= 10) ? "in-range" : "OUT"
    if (t == "C4") return (e > 0 && e < 1) ? "both-outcomes" : "one-outcome"
    if (e >= 0.5) return "STRONG(warning)"
    if (lo == "NA") return "no-interval"
    lo += 0; hi += 0
    return (lo > 0 && e < 0.3) ? "positive-weak" : (hi < 0) ? "negative" : \
        (lo <= 0 && hi >= 0) ? "not-distinct-from-0" : "positive"
}
BEGIN {
    FS = ","
    split("C1 C2 C3 C4 C5", tgt, " ")
    split("dissolved_share km_median_agreed_to_end members_mean completed_share_of_ended trust_age_corr", name, " ")
    split("0.30-0.70 260-364 6-10 report:~1/3 report:0-0.3", range, " ")
    for (i = 1; i <= 5; i++) target[name[i]] = i
    print "point" (keys == "" ? "" : "," keys) ",target,estimate,lower,upper,n,range,verdict"
}
NR == 1 { next }
function flush(   i) {
    for (i = 1; i <= 5; i++)
        if (i in row) printf "%s", row[i]
    split("", row)
}
{
    p = $1
    if (p != last) { flush(); last = p }
    i = target[$(NF - 4)]
    if (!i) next
    e = na($(NF - 2)); lo = na($(NF - 1)); hi = na($NF)
    head = substr($0, 1, length($0) - length($(NF - 4)) - length($(NF - 3)) - length($(NF - 2)) \
        - length($(NF - 1)) - length($NF) - 5)
    row[i] = head "," tgt[i] "," e "," lo "," hi "," $(NF - 3) "," range[i] "," verdict(tgt[i], e, lo, hi) "\n"
}
END { flush() }' "$m" > "$cal/targets.csv.tmp"
mv "$cal/targets.csv.tmp" "$cal/targets.csv"

scenario=$(awk -F' *= *' '$1 == "scenario" { print $2; exit }' "$out/sweep.ini")
nruns=$(awk -F, 'NR > 1 && $5 == "done"' "$out/manifest.csv" | wc -l | tr -d ' ')
echo "calibrate.sh: $nruns runs of $scenario"
echo "calibrate.sh: targets in $cal/targets.csv (from $m; n: runs where the measure has a value)"
if command -v column > /dev/null 2>&1; then column -s, -t < "$cal/targets.csv"; else cat "$cal/targets.csv"; fi

# ---- the figure -----------------------------------------------------------
[ -n "$plot" ] || exit 0
c2ok=$(awk -F, '$3 == "C2" && $4 != "NA"' "$cal/targets.csv" | wc -l)
# the gnuplot program stays in $cal/plot.gp, to be adapted by hand
cat > "$cal/plot.gp" <<'EOF'
set terminal pngcairo size 960, 960 font "sans,11"
set output out
set datafile separator ","
set datafile missing "NA"
sel(x) = sprintf("< awk -F, '$3 == \"%s\"' '%s'", x, t)
# one x range for all panels; each y range holds its target's range
stats sel("C1") using 5 nooutput
c1lo = STATS_min < 0.25 ? STATS_min : 0.25
stats sel("C1") using 6 nooutput
c1hi = STATS_max > 0.75 ? STATS_max : 0.75
stats sel("C3") using 5 nooutput
c3lo = STATS_min < 5 ? STATS_min : 5
stats sel("C3") using 6 nooutput
c3hi = STATS_max > 11 ? STATS_max : 11
stats sel("C1") using 2 nooutput
pad = STATS_max > STATS_min ? (STATS_max - STATS_min) * 0.03 : abs(STATS_max) * 0.05 + 1e-9
set xrange [STATS_min - pad : STATS_max + pad]
set multiplot layout 3, 1 title sprintf("Calibration targets against %s (%d seeds per value)", key, runs) font ",13"
set grid lc rgb "#cccccc"
set key top left opaque box lc rgb "#cccccc"
set lmargin 11
set format x ""
set ylabel "C2: KM median (steps)"
set yrange [0 : *]
set key top right
set object 1 rectangle from graph 0, first 260 to graph 1, first 364 back fc rgb "#d6efd0" fs solid 1 noborder
if (c2ok > 0) {
    plot sel("C2") using 2:5:6 with filledcurves lc rgb "#1f77b4" fs transparent solid 0.2 title "95% interval (t over seeds)", \
         "" using 2:4 with linespoints lw 2 pt 7 lc rgb "#1f77b4" title "mean of the runs' medians (where reached); target 260-364 shaded"
} else {
    set yrange [0 : 520]
    set label 9 "median reached in no run at any value" at graph 0.5, graph 0.5 center
    unset key
    plot NaN notitle
    unset label 9
}
set key top left
unset object 1
set ylabel "C1: share dissolved"
set yrange [c1lo : c1hi]
set object 2 rectangle from graph 0, first 0.30 to graph 1, first 0.70 back fc rgb "#d6efd0" fs solid 1 noborder
plot sel("C1") using 2:5:6 with filledcurves lc rgb "#d62728" fs transparent solid 0.2 title "95% interval (t over seeds)", \
     "" using 2:4 with linespoints lw 2 pt 7 lc rgb "#d62728" title "mean; target 0.30-0.70 shaded"
unset object 2
set ylabel "C3: members per network"
set yrange [c3lo : c3hi]
set xlabel key noenhanced
set format x "%g"
set object 3 rectangle from graph 0, first 6 to graph 1, first 10 back fc rgb "#d6efd0" fs solid 1 noborder
plot sel("C3") using 2:5:6 with filledcurves lc rgb "#2ca02c" fs transparent solid 0.2 title "95% interval (t over seeds)", \
     "" using 2:4 with linespoints lw 2 pt 7 lc rgb "#2ca02c" title "mean of the networks' largest size; target 6-10 shaded"
unset multiplot
set output
EOF
gnuplot -e "t='$cal/targets.csv'; out='$plot'; key='$keys'; runs=$replicates; c2ok=$c2ok" "$cal/plot.gp" ||
    die "gnuplot failed to draw $plot"
echo "calibrate.sh: figure in $plot"
