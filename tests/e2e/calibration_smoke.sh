#!/bin/sh
# calibration_smoke.sh: samen-km gives R's numbers on a known case and its
# errors; scripts/calibrate.sh runs end to end on two seeds of the region
# scenario and its C1, C2 and C4 agree with counts made here from
# summary.csv; the plot scripts draw (when gnuplot is installed). The full
# calibration (docs/CALIBRATION.md) is too slow for the test suite.
set -eu
fail() { echo "FAIL: $*"; exit 1; }
bin=$(dirname "$SAMEN")
KM=$bin/samen-km
[ -x "$KM" ] || fail "no $KM: build the tools with make all"
[ -x "$bin/samen-stats" ] || fail "no $bin/samen-stats: build the tools with make all"

# ---- samen-km: the aml data of R's survival package (Miller 1981) --------
# Expected: R 4.2.2, survival 3.5-3:
#   survfit(Surv(time, status) ~ x, data = aml, conf.type = "log" | "plain")
cat > aml.csv <<'EOF'
x,time,status
M,9,1
M,13,1
M,13,0
M,18,1
M,23,1
M,28,0
M,31,1
M,34,1
M,45,0
M,48,1
M,161,0
"N, quoted",5,1
"N, quoted",5,1
"N, quoted",8,1
"N, quoted",8,1
"N, quoted",12,1
"N, quoted",16,0
"N, quoted",23,1
"N, quoted",27,1
"N, quoted",30,1
"N, quoted",33,1
"N, quoted",43,1
"N, quoted",45,1
EOF
"$KM" --event status --by x aml.csv > log.out || fail "samen-km exit $?"
printf 'x,n,events,median,lower,upper\nM,11,7,31,18,NA\n"N, quoted",12,11,23,8,NA\n' > log.want
diff log.want log.out || fail "samen-km --ci log differs from R"
"$KM" --event status --by x --ci plain aml.csv > plain.out
printf 'x,n,events,median,lower,upper\nM,11,7,31,18,48\n"N, quoted",12,11,23,8,33\n' > plain.want
diff plain.want plain.out || fail "samen-km --ci plain differs from R"
"$KM" --event status --ci log-log --p 0.25 < aml.csv > q.out
# all 23 pooled, first quartile, log-log: 12 [5, 23] (R: quantile(survfit(
#   Surv(time, status) ~ 1, data = aml, conf.type = "log-log"), 0.25))
printf 'n,events,quantile,lower,upper\n23,18,12,5,23\n' > q.want
diff q.want q.out || fail "samen-km pooled quartile: $(cat q.out)"

printf 'time,event\n1,2\n' > bad.csv
set +e
"$KM" bad.csv 2> err.txt; rc=$?
set -e
[ "$rc" -eq 2 ] || fail "an event flag of 2 gave exit $rc"
grep -q 'bad.csv:2: event' err.txt || fail "error does not name file, line, column: $(cat err.txt)"
set +e
"$KM" --time t aml.csv 2> /dev/null; rc1=$?
"$KM" --ci nope aml.csv 2> /dev/null; rc2=$?
set -e
if [ "$rc1" -ne 2 ] || [ "$rc2" -ne 2 ]; then fail "missing column / bad --ci: exit $rc1 / $rc2"; fi

# ---- calibrate.sh on two seeds --------------------------------------------
sh "$TOP/scripts/calibrate.sh" --out cal --replicates 2 -j 2 > cal.out || fail "calibrate.sh: $(cat cal.out)"
t=cal/calibration/targets.csv
[ -s "$t" ] || fail "no $t"
head -n 1 "$t" | grep -qx 'point,target,estimate,lower,upper,n,range,verdict' || fail "header: $(head -n 1 "$t")"
for c in C1 C2 C3 C3max C4 C4adhoc C5; do
    grep -q "^0,$c," "$t" || fail "no row for $c"
done
# C1 and C4 recounted from summary.csv
want=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    { n[$1]++; d[$1] += $c["final_phase"] == "dissolved" }
    END { for (r in n) s += d[r] / n[r]; printf "%.4f", s / 2 }' cal/summary.csv)
got=$(awk -F, '$2 == "C1" { printf "%.4f", $3 }' "$t")
[ "$got" = "$want" ] || fail "C1 $got, recounted $want"
want=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    $c["final_phase"] == "completed" { k++ } $c["end_step"] != "" { n++ } END { printf "%d,%.4f", n, k / n }' cal/summary.csv)
got=$(awk -F, '$2 == "C4" { printf "%d,%.4f", $6, $3 }' "$t")
[ "$got" = "$want" ] || fail "C4 (n,share) $got, recounted $want"
# C2: as many events as networks that agreed a goal and then dissolved
want=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    $c["agreed_step"] != "" && $c["final_phase"] == "dissolved" { k++ } END { print k + 0 }' cal/summary.csv)
got=$(awk -F, '$2 == "C2" { print $6 }' "$t")
[ "$got" = "$want" ] || fail "C2 events $got, recounted $want"
awk -F, '$2 == "C3" { exit !($3 >= 2 && $3 <= 40) }' "$t" || fail "C3 out of bounds: $(grep ',C3,' "$t")"
# a second call reuses the finished sweep and gives the same table
cp "$t" first.csv
sh "$TOP/scripts/calibrate.sh" --out cal --replicates 2 > /dev/null || fail "calibrate.sh again"
diff first.csv "$t" > /dev/null || fail "the second analysis differs"

# ---- plot scripts (gnuplot is not a test dependency: skipped without it) -
if command -v gnuplot > /dev/null 2>&1; then
    # a sweep keeps no run folders: samen rerun writes one for run 0
    "$SAMEN" rerun cal 0 --out run0 --quiet || fail "rerun"
    gnuplot -e "dir='run0'; out='run.png'" "$TOP/scripts/plot-run.gp" || fail "plot-run.gp"
    [ "$(head -c 4 run.png | tail -c 3)" = "PNG" ] || fail "run.png is not a PNG"
    "$SAMEN" collect cal > /dev/null || fail "collect"
    gnuplot -e "dir='cal'; col='members'; out='sweep.png'" "$TOP/scripts/plot-sweep.gp" || fail "plot-sweep.gp"
    [ "$(head -c 4 sweep.png | tail -c 3)" = "PNG" ] || fail "sweep.png is not a PNG"
    if gnuplot -e "dir='cal'; col='no_such_column'" "$TOP/scripts/plot-sweep.gp" 2> /dev/null; then
        fail "plot-sweep.gp accepted an unknown column"
    fi
    sh "$TOP/scripts/calibrate.sh" --out cal2 --replicates 2 --vary 'drop.base=0.001, 0.002' \
        --plot cal.png > /dev/null || fail "calibrate.sh --plot"
    [ "$(head -c 4 cal.png | tail -c 3)" = "PNG" ] || fail "cal.png is not a PNG"
    [ "$(grep -c '^1,0.002,C' cal2/calibration/targets.csv)" -eq 7 ] || fail "second point's rows"
else
    echo "plot scripts skipped: no gnuplot (apt-get install gnuplot-nox)"
fi
echo "calibration smoke: ok"
