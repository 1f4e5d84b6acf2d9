#!/bin/sh
# calibrate.sh: measures the calibration targets C1-C5 of MODEL.md section 1
# (docs/CALIBRATION.md) on the region scenario, over a sweep of seeds and,
# if asked, of parameter values, each with its 95 % interval.
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
# Environment: SAMEN (default build/samen), SAMEN_KM and SAMEN_STATS
# (default samen-km and samen-stats beside SAMEN): `make all` builds them.
# Examples:
#   scripts/calibrate.sh                                  # the defaults, 20 seeds
#   scripts/calibrate.sh --out results/cal-base --vary drop.base=0.0003
#   scripts/calibrate.sh --out results/cal-sweep --replicates 40 \
#       --vary 'drop.base=0.0010:0.0022:0.0002' --plot cal-sweep.png
# A run of the region takes under 0.15 s: 20 seeds take seconds, eleven
# values over 40 seeds half a minute on two cores.
#
# Writes DIR/calibration/targets.csv, one row per parameter point and target:
#   point,<varied keys>,target,estimate,lower,upper,n,range,verdict
# and prints it as a table. The measures (docs/CALIBRATION.md says why):
#   C1  share of the scenario's networks dissolved by the last step, per run;
#       mean over runs, t interval; range 0.30-0.70
#   C2  Kaplan-Meier median of the steps from goal agreement to dissolution
#       over all networks that agreed (runs pooled): dissolved = event at
#       end_step; completed or merged = censored at end_step; still live =
#       censored at the last step; interval by Brookmeyer-Crowley (samen-km,
#       log scale as R's survfit); range 260-364
#   C3  members per network: the largest member count each network reached
#       (networks that reached 2 or more), mean per run, then mean over runs
#       with t interval; range 6-10; C3max: the largest of all, at most 30
#   C4  of networks that ended (completed, dissolved, merged; runs pooled),
#       the share completed, Wilson interval; reported (roughly a third);
#       C4adhoc: the same among ad hoc networks only
#   C5  Pearson correlation of trust with pair age (step - since) over the
#       pairs of ties.csv at the last step (the surviving pairs), per run;
#       mean over runs, t interval; reported (positive but weak: 0 to 0.3)
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
bindir=$(dirname "$SAMEN")
SAMEN_KM=${SAMEN_KM:-$bindir/samen-km}
SAMEN_STATS=${SAMEN_STATS:-$bindir/samen-stats}
case $replicates in
''|*[!0-9]*|0|1) die "--replicates '$replicates': a whole number >= 2 (intervals need two seeds)" ;;
esac
for tool in "$SAMEN" "$SAMEN_KM" "$SAMEN_STATS"; do
    [ -x "$tool" ] || die "$tool not found: run 'make all' (or set SAMEN, SAMEN_KM, SAMEN_STATS)"
done
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
        # no periodic snapshots: C5 needs only each network's last one
        echo "snapshot_every = 1000000"
        echo "[vary]"
        printf '%s' "$vary"
    } > "$sweepfile"
    resume=
    [ -f "$out/sweep.ini" ] && resume=--resume
    # shellcheck disable=SC2086 # $jobs and $resume are empty or one word each
    "$SAMEN" sweep "$sweepfile" --out "$out" ${jobs:+-j "$jobs"} $resume --quiet ||
        die "samen sweep failed (see above); another sweep (or build) needs another --out, or --no-run"
else
    if [ ! -f "$out/manifest.csv" ] || [ ! -f "$out/summary.csv" ]; then
        die "--no-run: no finished sweep in $out"
    fi
    replicates=$(awk -F, 'NR > 1 && $2 == 0 { n++ } END { print n + 0 }' "$out/manifest.csv")
fi

# ---- per run and per network measures -----------------------------------
out=$(cd "$out" && pwd)
cal=$out/calibration
mkdir -p "$cal"
# the last step, from the sweep's resolved base scenario: C2 censors every
# run at the same last step, so simulation.steps is not a key to --vary
base=$out/inputs/scenario.ini
steps=$(awk -F' *= *' '/^\[/ { sec = $0 } sec == "[simulation]" && $1 == "steps" { print $2; exit }' \
    "$base" 2> /dev/null) || true
[ -n "$steps" ] || die "cannot read simulation.steps from $base"
last=$((steps - 1))
# the runs' rows, merged into one file per table (network.csv, ties.csv, ...)
"$SAMEN" collect "$out" > /dev/null || die "samen collect $out failed (see above)"

# The varied keys: manifest columns after status.
keys=$(head -n 1 "$out/manifest.csv" | awk -F, '{ for (i = 6; i <= NF; i++) printf "%s%s", (i > 6 ? "," : ""), $i }')
case $plot,$keys in
,*) ;;
*,|*,*,*) die "--plot needs a sweep of exactly one varied key; $out varies: ${keys:-nothing}" ;;
esac

# point of each run, and the label columns (the varied keys' values) per point
awk -F, 'NR > 1 && $5 == "done" { print $1 "," $2 }' "$out/manifest.csv" > "$cal/run-point.csv"
awk -F, 'NR > 1 && !($2 in seen) { seen[$2] = 1; l = ""; for (i = 6; i <= NF; i++) l = l "," $i; print $2 l }' \
    "$out/manifest.csv" > "$cal/point-keys.csv"

# From summary.csv (one row per run and network):
#   networks.csv  point,run,network,type,dissolved,ended,completed
#   km.csv        point,time,event (networks that agreed a goal; C2)
awk -F, -v last="$last" -v net_out="$cal/networks.csv" -v km_out="$cal/km.csv" '
NR == 1 {
    for (i = 1; i <= NF; i++) c[$i] = i
    print "point,run,network,type,dissolved,ended,completed" > net_out
    print "point,time,event" > km_out
    next
}
{
    ph = $c["final_phase"]
    dis = ph == "dissolved"
    ended = dis || ph == "completed" || ph == "merged"
    print $c["point"] "," $c["run"] "," $c["network"] "," $c["type"] "," dis "," ended "," (ph == "completed") > net_out
    a = $c["agreed_step"]
    if (a == "") next
    if ($c["end_step"] != "") print $c["point"] "," ($c["end_step"] - a) "," dis > km_out
    else print $c["point"] "," (last - a) ",0" > km_out
}' "$out/summary.csv"

# From the collected network.csv and ties.csv: runs.csv
#   point,run,dissolved_share,members_mean,members_max,trust_age_r,pairs
# Their rows come in run order, so a run's measures are complete when the
# run column changes. C3 takes a network's largest count at the end of a
# step, from network.csv; summary.csv's members can be larger (it counts a
# step's joins before that step's drop-outs).
awk -F, -v last="$last" -v rp="$cal/run-point.csv" -v nets="$cal/networks.csv" '
function flush() { if (kind == "network") flush_net(); else flush_ties() }
function flush_net() {
    if (run == "") return
    nm = 0; sum = 0; mx = 0
    for (k in peak) if (peak[k] >= 2) { nm++; sum += peak[k]; if (peak[k] > mx) mx = peak[k] }
    mean_members[run] = nm ? sum / nm : ""
    max_members[run] = mx
    split("", peak)
}
function flush_ties() {
    if (run == "") return
    r = ""
    if (n >= 3) {
        sxx = sxy_ = syy = 0
        mx_ = sx / n; my = sy / n
        sxx = sxx2 - n * mx_ * mx_; syy = syy2 - n * my * my; sxy_ = sxy - n * mx_ * my
        if (sxx > 0 && syy > 0) r = sxy_ / sqrt(sxx * syy)
    }
    corr[run] = r; pairs[run] = n
    n = sx = sy = sxx2 = syy2 = sxy = 0
}
BEGIN {
    while ((getline line < rp) > 0) { split(line, f, ","); point[f[1] + 0] = f[2] }
    while ((getline line < nets) > 0) {
        split(line, f, ",")
        if (f[2] == "run") continue
        total[f[2] + 0]++; dissolved[f[2] + 0] += f[5]
    }
}
FNR == 1 {
    flush()
    kind = kind == "" ? "network" : "ties"; run = ""
    split("", c)
    for (i = 1; i <= NF; i++) c[$i] = i
    next
}
$1 + 0 != run { flush(); run = $1 + 0 }
kind == "network" { if ($c["members"] + 0 > peak[$c["network"]] + 0) peak[$c["network"]] = $c["members"] + 0; next }
kind == "ties" && $c["step"] == last {
    x = $c["step"] - $c["since"]; y = $c["trust"]
    n++; sx += x; sy += y; sxx2 += x * x; syy2 += y * y; sxy += x * y
}
END {
    flush()
    print "point,run,dissolved_share,members_mean,members_max,trust_age_r,pairs"
    for (r in point)
        print point[r] "," r "," (total[r] ? dissolved[r] / total[r] : "") "," mean_members[r] "," \
            max_members[r] "," corr[r] "," pairs[r] + 0
}' "$out/network.csv" "$out/ties.csv" > "$cal/runs.csv.tmp"
{ head -n 1 "$cal/runs.csv.tmp"; tail -n +2 "$cal/runs.csv.tmp" | sort -t, -k1,1n -k2,2n; } > "$cal/runs.csv"
rm -f "$cal/runs.csv.tmp"

# ---- estimates with intervals --------------------------------------------
"$SAMEN_STATS" mean --value dissolved_share --group point "$cal/runs.csv" > "$cal/c1.csv"
"$SAMEN_KM" --time time --event event --by point "$cal/km.csv" > "$cal/c2.csv"
"$SAMEN_STATS" mean --value members_mean --group point "$cal/runs.csv" > "$cal/c3.csv"
"$SAMEN_STATS" prop --success completed=1 --where ended=1 --group point "$cal/networks.csv" > "$cal/c4.csv"
"$SAMEN_STATS" prop --success completed=1 --where ended=1 --where type=adhoc --group point \
    "$cal/networks.csv" > "$cal/c4adhoc.csv"
"$SAMEN_STATS" mean --value trust_age_r --group point "$cal/runs.csv" > "$cal/c5.csv"

# One table: point,<keys>,target,estimate,lower,upper,n,range,verdict
awk -F, -v keys="$keys" -v cal="$cal" '
function keyvals(p) { return (p in kv) ? kv[p] : "" }
function verdict(t, e, lo, hi) {
    if (e == "NA" || e == "") return "not-reached"
    if (t == "C1") return (e >= 0.30 && e <= 0.70) ? "in-range" : "OUT"
    if (t == "C2") return (e >= 260 && e <= 364) ? "in-range" : "OUT"
    if (t == "C3") return (e >= 6 && e <= 10) ? "in-range" : "OUT"
    if (t == "C3max") return (e <= 30) ? "in-range" : "OUT"
    if (t == "C4" || t == "C4adhoc") return (e > 0 && e < 1) ? "both-outcomes" : "one-outcome"
    if (t == "C5") return (e >= 0.5) ? "STRONG(warning)" : (lo > 0 && e < 0.3) ? "positive-weak" : \
        (hi < 0) ? "negative" : (lo <= 0 && hi >= 0) ? "not-distinct-from-0" : "positive"
}
function emit(p, t, e, lo, hi, n, range) {
    row[p] = row[p] p keyvals(p) "," t "," e "," lo "," hi "," n "," range "," verdict(t, e, lo, hi) "\n"
    if (!(p in seen)) { seen[p] = 1; order[++np] = p }
}
function read(file, t, ce, clo, chi, cn, range,   line, f, h, i) {
    h = 0
    while ((getline line < (cal "/" file)) > 0) {
        split(line, f, ",")
        if (!h++) continue
        emit(f[1], t, f[ce], f[clo], f[chi], f[cn], range)
    }
}
BEGIN {
    while ((getline line < (cal "/point-keys.csv")) > 0) {
        i = index(line, ","); p = i ? substr(line, 1, i - 1) : line; kv[p] = i ? substr(line, i) : ""
    }
    # samen-stats mean: group,n,mean,sd,lower,upper; prop: group,n,successes,share,lower,upper
    # samen-km: point,n,events,median,lower,upper
    read("c1.csv", "C1", 3, 5, 6, 2, "0.30-0.70")
    read("c2.csv", "C2", 4, 5, 6, 3, "260-364")
    read("c3.csv", "C3", 3, 5, 6, 2, "6-10")
    while ((getline line < (cal "/runs.csv")) > 0) {
        split(line, f, ","); if (f[1] == "point") continue
        if (!(f[1] in mx) || f[5] + 0 > mx[f[1]]) mx[f[1]] = f[5] + 0; nr[f[1]]++
    }
    for (p in mx) emit(p, "C3max", mx[p], "", "", nr[p], "<=30")
    read("c4.csv", "C4", 4, 5, 6, 2, "report:~1/3")
    read("c4adhoc.csv", "C4adhoc", 4, 5, 6, 2, "report")
    read("c5.csv", "C5", 3, 5, 6, 2, "report:0-0.3")
    print "point" (keys == "" ? "" : "," keys) ",target,estimate,lower,upper,n,range,verdict"
    for (i = 1; i <= np; i++) printf "%s", row[order[i]]
}' > "$cal/targets.csv"

scenario=$(awk -F' *= *' '$1 == "scenario" { print $2; exit }' "$out/sweep.ini")
echo "calibrate.sh: $(wc -l < "$cal/run-point.csv" | tr -d ' ') runs of $scenario, last step $last"
echo "calibrate.sh: targets in $cal/targets.csv (n: runs; for C2 events, for C4 ended networks)"
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
    plot sel("C2") using 2:5:6 with filledcurves lc rgb "#1f77b4" fs transparent solid 0.2 title "95% interval (Brookmeyer-Crowley)", \
         "" using 2:4 with linespoints lw 2 pt 7 lc rgb "#1f77b4" title "median; target 260-364 shaded; NA: not reached"
} else {
    set yrange [0 : 520]
    set label 9 "median not reached at any value" at graph 0.5, graph 0.5 center
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
