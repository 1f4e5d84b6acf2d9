#!/bin/sh
# plot_scripts.sh: scripts/plot-run.gp picks the scenario's first network
# whatever the row order of the seed; scripts/plot-sweep.gp takes any
# number of varied keys, plots one network (the scenario's first by
# default, named in the title), keeps its intervals inside the range of
# the column (Wilson for shares, clipped for levels and counts) and counts
# the runs behind each mean.
set -u
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v gnuplot > /dev/null 2>&1 || { echo "skipped: no gnuplot (apt-get install gnuplot-nox)"; exit 0; }
S="$TOP/scenarios/molenbeek-drie-netwerken.ini"
RUN="$TOP/scripts/plot-run.gp"
SWEEP="$TOP/scripts/plot-sweep.gp"

# Seed 5 writes ouderoverleg's row first at step 0; the plot is still of
# brede-school, the first network of the scenario.
"$SAMEN" run "$S" --seed 5 --steps 40 --out r5 --quiet || fail "run"
[ "$(sed -n 2p r5/network.csv | cut -d, -f2)" = ouderoverleg ] || fail "seed 5 no longer starts with ouderoverleg"
gnuplot -e "dir='r5'; out='r5.svg'" "$RUN" || fail "plot-run.gp"
grep -q "brede-school, seed 5" r5.svg || fail "plot-run.gp did not plot brede-school"
gnuplot -e "dir='r5'; net='zomerschool'; out='z.svg'" "$RUN" || fail "plot-run.gp net=zomerschool"
grep -q "zomerschool, seed 5" z.svg || fail "plot-run.gp net= ignored"

# A grid over two keys (the mode=last case that failed), 12 points.
cat > sw.ini <<INI
[sweep]
scenario = $S
replicates = 3
seed = 4
[vary]
trust.gain = 0.1, 0.3, 0.5, 0.7
drop.base = 0.001, 0.01, 0.03
[set]
simulation.steps = 40
INI
"$SAMEN" sweep sw.ini --out sw -j 2 --quiet && "$SAMEN" collect sw > /dev/null || fail "sweep"
gnuplot -e "dir='sw'; col='trust'; mode='last'; key='drop.base'; out='last.svg'; table='last.csv'" "$SWEEP" \
    || fail "mode=last with two varied keys"
grep -q "trust of network brede-school" last.svg || fail "the title does not name the network"
head -n 1 last.csv | grep -qx "drop.base,runs,mean,low,high" || fail "last.csv: $(head -n 1 last.csv)"
# each value of drop.base pools 4 points x 3 replicates
awk -F, 'NR > 1 && ($2 != 12 || $4 < 0 || $5 > 1 || $4 > $3 || $5 < $3) { bad = 1 } END { exit bad || NR != 4 }' last.csv \
    || fail "intervals of a level: $(cat last.csv)"
gnuplot -e "dir='sw'; col='trust'; mode='last'; key='trust.gain'; out='k1.svg'" "$SWEEP" || fail "key=trust.gain"

# a share: Wilson's interval, inside [0, 1] even at 0 and 1
gnuplot -e "dir='sw'; col='phase=dissolved'; mode='last'; key='drop.base'; out='d.svg'; table='share.csv'" "$SWEEP" \
    || fail "a share"
grep -q "Wilson" d.svg || fail "the share's interval is not named Wilson"
# Wilson for k of n with z = 1.959964, recomputed here
awk -F, 'NR > 1 { n = $2; p = $3; z = 1.959964; c = (p + z * z / (2 * n)) / (1 + z * z / n);
    h = z * sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n);
    if ((c - h - $4)^2 > 1e-10 || (c + h - $5)^2 > 1e-10 || $4 < 0 || $5 > 1) bad = 1 } END { exit bad }' share.csv \
    || fail "Wilson intervals: $(cat share.csv)"

# over time: the counts of runs live fall as networks end; counts clip at 0
gnuplot -e "dir='sw'; col='members'; out='t.png'; table='time.csv'" "$SWEEP" || fail "mode=time"
[ "$(head -c 4 t.png | tail -c 3)" = "PNG" ] || fail "t.png is not a PNG"
head -n 1 time.csv | grep -qx "point,step,runs,mean,low,high" || fail "time.csv: $(head -n 1 time.csv)"
[ "$(cut -d, -f1 time.csv | sort -u | wc -l)" -eq 13 ] || fail "not 12 points in time.csv"
awk -F, 'NR > 1 && ($4 < 0 || $3 > 3) { bad = 1 } END { exit bad }' time.csv || fail "counts: $(head time.csv)"
awk -F, 'NR > 1 && $2 == 0 && $3 != 3 { bad = 1 } END { exit bad }' time.csv || fail "3 runs live at step 0"
awk -F, 'NR > 2 && $1 == p && $3 > last { bad = 1 } { p = $1; last = $3 } END { exit bad }' time.csv \
    || fail "runs live rose over time"
gnuplot -e "dir='sw'; col='trust'; net='zomerschool'; out='z.png'" "$SWEEP" || fail "net=zomerschool"
gnuplot -e "dir='sw'; net='nope'; out='n.png'" "$SWEEP" 2> nope.err && fail "net=nope accepted"
grep -q "no rows of network 'nope'.*brede-school" nope.err || fail "nope: $(cat nope.err)"
exit 0
