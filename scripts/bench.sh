#!/bin/sh
# bench.sh: `make bench`: the figures of docs/PERFORMANCE.md, measured on
# this machine:
#   1. a sweep of BENCH_RUNS (default 4000) runs of the default scenario:
#      runs per second at -j1 and -j2 and the speed-up, user and system CPU
#      time at -j1, files and bytes in the folder before and after collect;
#   2. `samen collect` of a sweep of BENCH_COLLECT_RUNS (default 1000) runs
#      over two varied keys with ties every 4 steps: its wall and user time
#      (BENCH_COLLECT=0 skips it);
#   3. region runs (`samen generate`) of 20,000 and 60,000 organisations:
#      `samen run` wall time and peak memory on one core, `samen check`
#      time (BENCH_REGION=0 skips them);
#      and beside the 60,000 one a field of 60,000 organisations (`samen
#      generate --field`, model version 3: networks founded during the
#      run), whose run time should stay within twice the region's;
#   4. `samen fit` of the region scenario, BENCH_FIT_PARTICLES (default
#      300) particles over two generations, at -j1 and -j2: candidates per
#      second, the speed-up, and the engine's own share of the wall time
#      (proposals, weights, kernel, distances, files: the time outside the
#      runs) as samen fit reports it (BENCH_FIT=0 skips it;
#      BENCH_FIT_STEPS shortens the runs from 520 steps);
#   5. inputs in linear time: `samen check` of 200,000 organisations, and
#      of 10,000 networks (BENCH_INPUTS=0 skips them).
# SAMEN names the binary (default build/samen). Prints figures; fails only
# when -j1 and -j2 disagree, never on a time.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
samen=${SAMEN:-$top/build/samen}
runs=${BENCH_RUNS:-4000}
scenario="$top/scenarios/brede-school-molenbeek.ini"
[ -x "$samen" ] || { echo "bench: no $samen (make first)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/bench.ini" <<INI
[sweep]
scenario = $scenario
replicates = $runs
seed = 1
INI

# timed LABEL COMMAND...: runs the command under /usr/bin/time; sets
# wall, user, sys (seconds) and rss (MB).
timed() {
    label=$1
    shift
    /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$@" > /dev/null
    read -r wall user sys kb < "$tmp/time"
    rss=$((kb / 1024))
}

echo "bench: $(nproc) CPUs; $runs runs of $(basename "$scenario")"
timed j1 "$samen" sweep "$tmp/bench.ini" --out "$tmp/j1" -j 1 --quiet
# (a time of 0.00 s on a fast machine counts as 0.01)
r1=$(awk -v n="$runs" -v t="$wall" 'BEGIN { printf "%.0f", n / (t > 0 ? t : 0.01) }')
echo "bench: sweep -j1  $r1 runs/s (user $user s, system $sys s:" \
    "$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", s / u }') system per user)"
timed j2 "$samen" sweep "$tmp/bench.ini" --out "$tmp/j2" -j 2 --quiet
r2=$(awk -v n="$runs" -v t="$wall" 'BEGIN { printf "%.0f", n / (t > 0 ? t : 0.01) }')
echo "bench: sweep -j2  $r2 runs/s"
awk -v a="$r1" -v b="$r2" 'BEGIN { printf "bench: speed-up -j2 / -j1 = %.2f\n", b / a }'
files=$(find "$tmp/j1" -type f | wc -l)
before=$(du -sb "$tmp/j1" | cut -f1)
"$samen" collect "$tmp/j1" > /dev/null
"$samen" collect "$tmp/j2" > /dev/null
tables=$(cat "$tmp/j1/network.csv" "$tmp/j1/events.csv" "$tmp/j1/ties.csv" | wc -c)
echo "bench: the -j1 folder holds $files files, $before bytes before collect;" \
    "the collected tables $tables bytes (ratio" \
    "$(awk -v a="$before" -v b="$tables" 'BEGIN { printf "%.2f", a / b }'))"
for f in network events ties summary manifest; do
    cmp -s "$tmp/j1/$f.csv" "$tmp/j2/$f.csv" \
        || { echo "bench: -j1 and -j2 differ in $f.csv" >&2; exit 1; }
done

if [ "${BENCH_COLLECT:-1}" = 1 ]; then
    # Ten points (five values of one key, two of another, one of them text),
    # so that every collected row starts with the run's varied values.
    cruns=${BENCH_COLLECT_RUNS:-1000}
    cat > "$tmp/collect.ini" <<INI
[sweep]
scenario = $scenario
replicates = $(( (cruns + 9) / 10 ))
seed = 2
snapshot_every = 4

[vary]
trust.gain = 0.1:0.5:0.1
persons.self_interest = beta(2, 5), 0.3
INI
    "$samen" sweep "$tmp/collect.ini" --out "$tmp/c" -j 2 --quiet
    timed collect "$samen" collect "$tmp/c"
    echo "bench: collect of $(( (cruns + 9) / 10 * 10 )) runs," \
        "$(($(wc -l < "$tmp/c/ties.csv") - 1)) tie rows: $wall s, user $user s"
    rm -rf "$tmp/c"
fi

if [ "${BENCH_REGION:-1}" = 1 ]; then
    for n in 20000 60000; do
        "$samen" generate --orgs "$n" --networks $((n / 10)) --out "$tmp/region-$n.ini" > /dev/null
        timed check "$samen" check "$tmp/region-$n.ini" 2> /dev/null
        echo "bench: region of $n organisations, $((n / 10)) networks: check $wall s"
        timed run taskset -c 0 "$samen" run "$tmp/region-$n.ini" --out "$tmp/run-$n" --quiet
        echo "bench: region of $n organisations, $((n / 10)) networks, 520 steps:" \
            "run $wall s on one core, peak memory $rss MB"
        rm -rf "$tmp/run-$n"
    done
    n=60000
    "$samen" generate --field --orgs "$n" --networks $((n / 10)) --out "$tmp/field-$n.ini" > /dev/null
    timed run taskset -c 0 "$samen" run "$tmp/field-$n.ini" --out "$tmp/run-field" --quiet
    echo "bench: field of $n organisations, $(grep -c ',founded,' "$tmp/run-field/events.csv")" \
        "networks founded, 520 steps: run $wall s on one core, peak memory $rss MB"
    rm -rf "$tmp/run-field"
fi

if [ "${BENCH_FIT:-1}" = 1 ]; then
    particles=${BENCH_FIT_PARTICLES:-300}
    cat > "$tmp/bench.fit.ini" <<INI
[fit]
scenario = $top/scenarios/flanders-region.ini
particles = $particles
generations = 2
seed = 3
[set]
simulation.steps = ${BENCH_FIT_STEPS:-520}
[prior]
drop.base = loguniform(0.0003, 0.01)
goal.speed = uniform(0.05, 0.8)
[target C1]
measure = dissolved_share
observed = 0.5
scale = 0.1
[target C3]
measure = members_mean
observed = 8
scale = 1
INI
    for j in 1 2; do
        "$samen" fit "$tmp/bench.fit.ini" --out "$tmp/fit-j$j" -j $j | tail -n 1 > "$tmp/fit-j$j.out"
        echo "bench: fit of $particles particles, -j$j: $(sed 's/^samen fit: //' "$tmp/fit-j$j.out")"
    done
    f1=$(sed 's/.* s, \([0-9.]*\) a second.*/\1/' "$tmp/fit-j1.out")
    f2=$(sed 's/.* s, \([0-9.]*\) a second.*/\1/' "$tmp/fit-j2.out")
    awk -v a="$f1" -v b="$f2" 'BEGIN { printf "bench: fit speed-up -j2 / -j1 = %.2f (target 1.8)\n", b / a }'
    cmp -s "$tmp/fit-j1/particles.csv" "$tmp/fit-j2/particles.csv" \
        || { echo "bench: the fit's particles differ between -j1 and -j2" >&2; exit 1; }
    rm -rf "$tmp/fit-j1" "$tmp/fit-j2"
fi

[ "${BENCH_INPUTS:-1}" = 1 ] || exit 0
# An organisations file of 200,000 rows under one network of every
# candidate, and a generated region of 10,000 networks: ids, names and keys
# are found by index, so each check takes a fraction of a second (164 s and
# 28 s when each id was compared with every earlier one and each key looked
# up by a linear search).
awk 'BEGIN {
    print "id,name,sector,capacity,mandate,latency,guard,patience,learning,childcare,leisure,welfare"
    for (i = 1; i <= 200000; i++)
        printf "org-%d,Organisation %d,%s,%d,%s,%d,0.5,30,0.%d,0.%d,0.2,0.1\n", i, i,
            i % 2 ? "education" : "childcare", 1 + i % 4, i % 3 ? "decision" : "feedback",
            1 + i % 3, i % 10, (i + 5) % 10
}' > "$tmp/orgs-200k.csv"
cat > "$tmp/orgs-200k.ini" <<INI
[simulation]
themes = learning, childcare, leisure, welfare
[organisations]
file = orgs-200k.csv
[network brede-school]
initiator = org-1
issue = learning:0.5, leisure:0.5
concreteness = 0.5
effort = 6
necessary = org-1, org-2
candidates = *
INI
timed check "$samen" check "$tmp/orgs-200k.ini" 2> /dev/null
echo "bench: check of 200,000 organisations: $wall s, peak memory $rss MB"
"$samen" generate --orgs 20000 --networks 10000 --out "$tmp/networks-10k.ini" > /dev/null
timed check "$samen" check "$tmp/networks-10k.ini" 2> /dev/null
echo "bench: check of 10,000 networks (20,000 organisations): $wall s, peak memory $rss MB"
