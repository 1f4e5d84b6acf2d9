#!/bin/sh
# calibration_smoke.sh: samen-km gives R's numbers on a known case and its
# errors; scripts/calibrate.sh runs end to end on two seeds of the region
# scenario, its C1-C5 are samen summarise's measures (measures.csv, the
# functions of samen fit), and C1, C3, C4 and C5 agree with counts made
# here from summary.csv and the collected ties.csv; the plot scripts draw
# (when gnuplot is installed). The full calibration (docs/CALIBRATION.md)
# is too slow for the test suite.
set -eu
fail() { echo "FAIL: $*"; exit 1; }
bin=$(dirname "$SAMEN")
KM=$bin/samen-km
[ -x "$KM" ] || fail "no $KM: build the tools with make all"

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
# same_as_measures DIR: each target row of DIR/calibration/targets.csv has
# the mean, low, high and runs of its measure in DIR/measures.csv (empty
# written NA), and every point has C1-C5: calibrate.sh computes no measure.
same_as_measures() {
    awk -F, '
    BEGIN { split("dissolved_share km_median_agreed_to_end members_mean completed_share_of_ended trust_age_corr", m, " ")
            for (i = 1; i <= 5; i++) c[m[i]] = "C" i }
    function na(x) { return x == "" ? "NA" : x }
    FNR == 1 { next }
    NR == FNR { if ($(NF - 4) in c) { want[$1 "," c[$(NF - 4)]] = na($(NF - 2)) "," na($(NF - 1)) "," na($NF) "," $(NF - 3); pts[$1] = 1 }; next }
    { k = $1 "," $(NF - 6); got = $(NF - 5) "," $(NF - 4) "," $(NF - 3) "," $(NF - 2)
      if (!(k in want)) { print "no measure for " k; bad = 1; next }
      if (got != want[k]) { print k ": targets.csv " got ", measures.csv " want[k]; bad = 1 }
      seen++ }
    END { for (p in pts) np++; if (seen != 5 * np) { print seen " target rows for " np " points"; bad = 1 }; exit bad }' \
        "$1/measures.csv" "$1/calibration/targets.csv"
}
# near A B: A and B agree to %.6g (measures.csv's precision)
near() { awk -v a="$1" -v b="$2" 'BEGIN { d = a - b; if (d < 0) d = -d; m = b < 0 ? -b : b; exit !(d <= 1e-5 * (m > 1 ? m : 1)) }'; }

sh "$TOP/scripts/calibrate.sh" --out cal --replicates 2 -j 2 > cal.out || fail "calibrate.sh: $(cat cal.out)"
t=cal/calibration/targets.csv
[ -s "$t" ] || fail "no $t"
head -n 1 "$t" | grep -qx 'point,target,estimate,lower,upper,n,range,verdict' || fail "header: $(head -n 1 "$t")"
for c in C1 C2 C3 C4 C5; do
    grep -q "^0,$c," "$t" || fail "no row for $c"
done
[ "$(wc -l < "$t")" -eq 6 ] || fail "targets.csv has rows other than C1-C5: $(cat "$t")"
same_as_measures cal > same.out || fail "targets.csv is not measures.csv: $(cat same.out)"
# Recounted by hand from summary.csv, per run over the networks someone
# joined (members, the largest count, >= 2), then averaged over the runs:
# C1 dissolved share, C3 mean members, C4 completed share of those that
# ended (an end step).
recount=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    $c["members"] >= 2 { r = $c["run"]; n[r]++; m[r] += $c["members"]
        d[r] += $c["final_phase"] == "dissolved"
        if ($c["end_step"] != "") { e[r]++; k[r] += $c["final_phase"] == "completed" } }
    END { for (r in n) { runs++; c1 += d[r] / n[r]; c3 += m[r] / n[r]; if (e[r]) { er++; c4 += k[r] / e[r] } }
          printf "%.9g %.9g %.9g", c1 / runs, c3 / runs, c4 / er }' cal/summary.csv)
read -r c1 c3 c4 <<EOF
$recount
EOF
estimate() { awk -F, -v c="$1" '$2 == c { print $3 }' "$t"; }
near "$(estimate C1)" "$c1" || fail "C1 $(estimate C1), recounted $c1"
near "$(estimate C3)" "$c3" || fail "C3 $(estimate C3), recounted $c3"
near "$(estimate C4)" "$c4" || fail "C4 $(estimate C4), recounted $c4"
# the population matters: over every network (the old C1) the share differs
all=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    { n[$c["run"]]++; d[$c["run"]] += $c["final_phase"] == "dissolved" }
    END { for (r in n) s += d[r] / n[r]; printf "%.9g", s / 2 }' cal/summary.csv)
got=$(estimate C1)
if near "$got" "$all"; then fail "C1 $got is also the share over every network ($all): the recount tells nothing"; fi
# C5: per run, Pearson's r of trust with step - since over the pairs of the
# run's last ties.csv snapshot (step 519 here), averaged over the runs
"$SAMEN" collect cal > /dev/null || fail "collect"
want=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    { r = $c["run"]; s = $c["step"] + 0
      if (s > last[r]) { last[r] = s; n[r] = sx[r] = sy[r] = sxx[r] = syy[r] = sxy[r] = 0 }
      if (s < last[r]) next
      x = s - $c["since"]; y = $c["trust"]
      n[r]++; sx[r] += x; sy[r] += y; sxx[r] += x * x; syy[r] += y * y; sxy[r] += x * y }
    END { for (r in n) { k = n[r]; if (k < 3) continue
            vx = sxx[r] - sx[r] * sx[r] / k; vy = syy[r] - sy[r] * sy[r] / k
            if (vx <= 0 || vy <= 0) continue
            sum += (sxy[r] - sx[r] * sy[r] / k) / sqrt(vx * vy); runs++ }
          printf "%.9g %d", sum / runs, runs }' cal/ties.csv)
got=$(awk -F, '$2 == "C5" { print $3, $6 }' "$t")
if ! near "${got% *}" "${want% *}" || [ "${got#* }" != "${want#* }" ]; then
    fail "C5 (r, runs) $got, recounted $want"
fi
# --no-run analyses the finished sweep again: the same table
cp "$t" first.csv
sh "$TOP/scripts/calibrate.sh" --out cal --no-run > /dev/null || fail "calibrate.sh --no-run"
diff first.csv "$t" > /dev/null || fail "--no-run gave another table"
# a second call reuses the finished sweep and gives the same table
sh "$TOP/scripts/calibrate.sh" --out cal --replicates 2 > /dev/null || fail "calibrate.sh again"
diff first.csv "$t" > /dev/null || fail "the second analysis differs"

# ---- plot scripts (gnuplot is not a test dependency: skipped without it) -
if command -v gnuplot > /dev/null 2>&1; then
    # a sweep keeps no run folders: samen rerun writes one for run 0
    "$SAMEN" rerun cal 0 --out run0 --quiet || fail "rerun"
    gnuplot -e "dir='run0'; out='run.png'" "$TOP/scripts/plot-run.gp" || fail "plot-run.gp"
    [ "$(head -c 4 run.png | tail -c 3)" = "PNG" ] || fail "run.png is not a PNG"
    gnuplot -e "dir='cal'; col='members'; out='sweep.png'" "$TOP/scripts/plot-sweep.gp" || fail "plot-sweep.gp"
    [ "$(head -c 4 sweep.png | tail -c 3)" = "PNG" ] || fail "sweep.png is not a PNG"
    if gnuplot -e "dir='cal'; col='no_such_column'" "$TOP/scripts/plot-sweep.gp" 2> /dev/null; then
        fail "plot-sweep.gp accepted an unknown column"
    fi
    sh "$TOP/scripts/calibrate.sh" --out cal2 --replicates 2 --vary 'drop.base=0.001, 0.002' \
        --plot cal.png > /dev/null || fail "calibrate.sh --plot"
    [ "$(head -c 4 cal.png | tail -c 3)" = "PNG" ] || fail "cal.png is not a PNG"
    [ "$(grep -c '^1,0.002,C' cal2/calibration/targets.csv)" -eq 5 ] || fail "second point's rows"
    same_as_measures cal2 > same2.out || fail "cal2: targets.csv is not measures.csv: $(cat same2.out)"
else
    echo "plot scripts skipped: no gnuplot (apt-get install gnuplot-nox)"
fi
echo "calibration smoke: ok"
