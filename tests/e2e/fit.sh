#!/bin/sh
# fit.sh: samen fit and samen predict end to end. Parameter recovery:
# measures made by samen itself at a known drop.base are fitted back, and
# the true value lies inside the 95 % posterior interval, which is far
# narrower than the prior's; a fit gives the same bytes at -j1 and -j2,
# after SIGKILL and --resume, in two shards and under samen-mpi; summarise
# computes the fit's measures; predict writes its table and
# plot-posterior.gp draws it; every bad input of a fit file is refused with
# its file, line and key (exit 2).
set -u
fail() { echo "FAIL: $*" >&2; exit 1; }

# A small region: 16 networks, six years; a run takes about 0.04 s.
"$SAMEN" generate --orgs 120 --networks 16 --seed 3 --steps 312 --out small.ini \
    > /dev/null || fail "generate"

# The truth: 30 runs at drop.base = 0.002 (a prior too narrow to matter,
# one generation: every candidate is accepted), their measures averaged.
cat > truth.ini <<'INI'
[fit]
scenario = small.ini
particles = 30
generations = 1
seed = 11
[prior]
drop.base = uniform(0.002, 0.0020000001)
[target dissolved]
measure = dissolved_share
observed = 0
scale = 1
[target dropouts]
measure = dropouts_mean
observed = 0
scale = 1
INI
"$SAMEN" fit truth.ini --out truth -j 2 --quiet || fail "truth fit"
obs=$(awk -F, 'NR > 1 { d += $6; o += $7; n++ } END { printf "%.4f %.4f", d / n, o / n }' \
    truth/particles.csv)
set -- $obs
cat > rec.ini <<INI
[fit]
scenario = small.ini
particles = 30
generations = 3
min_acceptance = 0.05
seed = 5
[prior]
drop.base = loguniform(0.0002, 0.02)
[target dissolved]
measure = dissolved_share
observed = $1
scale = 0.1
[target dropouts]
measure = dropouts_mean
observed = $2
scale = 0.2
INI
"$SAMEN" fit rec.ini --out rec -j 2 --quiet || fail "recovery fit"
[ "$(head -n 1 rec/posterior.csv)" = "key,mean,sd,median,low,high" ] || fail "posterior header"
awk -F, 'NR == 2 { ok = $1 == "drop.base" && $5 <= 0.002 && 0.002 <= $6 &&
                   $6 - $5 < 0.3 * (0.02 - 0.0002); exit !ok }' rec/posterior.csv ||
    fail "0.002 not recovered, or no narrower than the prior: $(cat rec/posterior.csv)"
[ "$(head -n 1 rec/generations.csv)" = "generation,epsilon,accepted,candidates,acceptance,ess" ] ||
    fail "generations header"
awk -F, 'NR > 1 { n++; if ($3 != 30 || $5 != $3 / $4 + 0 && ($5 - $3 / $4) ^ 2 > 1e-10) bad = 1 }
    NR > 2 && $2 + 0 >= e { bad = 1 } NR > 1 { e = $2 + 0 }
    END { exit bad || n != 3 }' rec/generations.csv || fail "generations: $(cat rec/generations.csv)"
[ "$(head -n 1 rec/particles.csv)" = "generation,particle,weight,distance,drop.base,dissolved,dropouts" ] ||
    fail "particles header: $(head -n 1 rec/particles.csv)"
# each generation's weights sum to 1
awk -F, 'NR > 1 { w[$1] += $3 } END { for (g in w) if ((w[g] - 1) ^ 2 > 1e-8) exit 1 }' \
    rec/particles.csv || fail "weights do not sum to 1"
# each generation is a sweep folder: collect reads it
"$SAMEN" collect rec/generations/1 > /dev/null 2>&1 || fail "collect of a generation"

# The same bytes at -j1, -j2 and after SIGKILL + --resume.
cat > t.ini <<'INI'
[fit]
scenario = small.ini
particles = 20
generations = 2
seed = 9
[prior]
drop.base = loguniform(0.0002, 0.02)
goal.speed = uniform(0.1, 0.6)
[target dissolved]
measure = dissolved_share
observed = 0.5
scale = 0.1
[target members]
measure = members_mean
observed = 6
scale = 1
INI
"$SAMEN" fit t.ini --out j1 -j 1 --quiet || fail "fit -j1"
"$SAMEN" fit t.ini --out j2 -j 2 --quiet || fail "fit -j2"
for f in particles generations posterior; do
    cmp -s j1/$f.csv j2/$f.csv || fail "$f.csv differs between -j1 and -j2"
done
"$SAMEN" fit t.ini --out k -j 2 --quiet & pid=$!
n=0
until cat k/generations/1/parts/*.log 2> /dev/null | grep -q '^[0-9]* done '; do
    n=$((n + 1)); [ $n -lt 2000 ] || fail "no run of generation 1 after 20 s"
    kill -0 $pid 2> /dev/null || break
    sleep 0.01
done
kill -9 $pid 2> /dev/null
wait $pid 2> /dev/null
sleep 0.2
"$SAMEN" fit t.ini --out k -j 2 --quiet 2> k.err && fail "a folder holding the fit taken without --resume"
grep -q "holds this fit already: add --resume" k.err || fail "refusal: $(cat k.err)"
"$SAMEN" fit t.ini --out k -j 1 --resume --quiet || fail "resume"
for f in particles generations posterior; do
    cmp -s j1/$f.csv k/$f.csv || fail "$f.csv differs after SIGKILL and --resume"
done

# Two shards into one folder at once (Slurm array tasks), each waiting for
# the other at every batch; and samen-mpi with 3 ranks.
"$SAMEN" fit t.ini --out sh --shard 0/2 -j 1 --quiet & p0=$!
"$SAMEN" fit t.ini --out sh --shard 1/2 -j 1 --quiet || fail "shard 1/2"
wait $p0 || fail "shard 0/2"
for f in particles generations posterior; do
    cmp -s j1/$f.csv sh/$f.csv || fail "$f.csv differs between -j1 and two shards"
done
if [ -x "${SAMEN_MPI:-}" ] && command -v mpirun > /dev/null 2>&1; then
    timeout 300 mpirun --allow-run-as-root --oversubscribe -np 3 "$SAMEN_MPI" fit t.ini \
        --out mpi --quiet || fail "samen-mpi fit"
    for f in particles generations posterior; do
        cmp -s j1/$f.csv mpi/$f.csv || fail "$f.csv differs between -j1 and 3 MPI ranks"
    done
fi

# summarise computes the same measures: generation 0 accepted its first 20
# candidates (every prior draw has both measures), one run each.
"$SAMEN" summarise j1/generations/0 > /dev/null 2>&1 || fail "summarise of a generation"
awk -F, 'NR > 1 && $1 == 0 { print $2 "," $7 "," $8 }' j1/particles.csv > fit.m
awk -F, 'NR > 1 && $4 == "dissolved_share" && $1 < 20 { d[$1] = $6 }
    NR > 1 && $4 == "members_mean" && $1 < 20 { m[$1] = $6 }
    END { for (p = 0; p < 20; p++) print p "," d[p] "," m[p] }' j1/generations/0/measures.csv > sum.m
cmp -s fit.m sum.m || fail "summarise's measures differ from the fit's: $(diff fit.m sum.m | head -5)"

# predict: one row per target, inside 0 or 1.
"$SAMEN" predict j2 --draws 20 -j2 --quiet || fail "predict"
awk -F, 'NR == 1 { ok = $0 == "target,measure,observed,mean,low,high,inside" }
    NR > 1 { n++; if (!($7 == 0 || $7 == 1) || $5 > $6) ok = 0 }
    END { exit !(ok && n == 2) }' j2/predictive.csv || fail "predictive.csv: $(cat j2/predictive.csv)"

# the figure: one panel per key and the predictive check
if command -v gnuplot > /dev/null 2>&1; then
    gnuplot -e "dir='j2'; out='post.png'" "$TOP/scripts/plot-posterior.gp" 2> plot.err ||
        fail "plot-posterior.gp: $(cat plot.err)"
    [ "$(head -c 4 post.png | tail -c 3)" = "PNG" ] || fail "post.png is not a PNG"
    [ ! -s plot.err ] || fail "plot-posterior.gp warned: $(cat plot.err)"
fi

# Another fit in the folder is refused, even with --resume.
sed 's/seed = 9/seed = 10/' t.ini > t2.ini
"$SAMEN" fit t2.ini --out j1 --resume --quiet 2> other.err; [ $? -eq 2 ] || fail "another fit: status"
grep -q "holds another fit" other.err || fail "another fit: $(cat other.err)"

# check validates a fit file; run and sweep name what it is
"$SAMEN" check t.ini > check.out || fail "check of a fit file"
grep -q "t.ini: valid fit file: 2 keys, 2 targets" check.out || fail "check: $(cat check.out)"
"$SAMEN" run t.ini --out r 2> run.err; [ $? -eq 2 ] || fail "run of a fit file: status"
grep -q "belongs to a fit file, not a scenario: run it with samen fit" run.err ||
    fail "run of a fit file: $(cat run.err)"

# Bad input: bad NAME 'TEXT' 'LINE:KEY' 'MESSAGE' writes t.ini with TEXT
# replaced and expects exit 2 and the message with bad.ini:LINE: KEY.
bad() {
    printf '%s\n' "$2" > bad.ini
    "$SAMEN" fit bad.ini --out "b-$1" --quiet 2> "b-$1.err"; st=$?
    [ $st -eq 2 ] || fail "$1: status $st: $(cat "b-$1.err")"
    grep -q "bad.ini:$3" "b-$1.err" || fail "$1: no bad.ini:$3 in $(cat "b-$1.err")"
    grep -q "$4" "b-$1.err" || fail "$1: no '$4' in $(cat "b-$1.err")"
}
head='[fit]
scenario = small.ini'
prior='[prior]
drop.base = loguniform(0.0002, 0.02)'
target='[target t]
measure = dissolved_share
observed = 0.5
scale = 0.1'
bad section "$head
[fits]" '3:' "unknown section \[fits\]"
bad key "$head
particle = 30
$prior
$target" '3: particle' "did you mean 'particles'"
bad range "$head
$prior
goal.speed = uniform(-1, 1)
$target" '5: goal.speed' "outside the key's valid range"
bad order "$head
[prior]
goal.speed = uniform(0.5, 0.2)
$target" '4: goal.speed' "a must be below b"
bad logzero "$head
[prior]
drop.base = loguniform(0, 0.01)
$target" '4: drop.base' "needs 0 < a"
bad both "$head
[set]
drop.base = 0.001
$prior
$target" '6: drop.base' "also fixed in \[set\] (line 4)"
bad measure "$head
$prior
[target t]
measure = dissolved
observed = 0.5
scale = 0.1" '6: measure' "unknown measure 'dissolved'; the measures are: dissolved_share, "
bad scale "$head
$prior
[target t]
measure = dissolved_share
observed = 0.5
scale = 0" '8: scale' "must be above 0"
bad particles "$head
particles = 19
$prior
$target" '3: particles' "from 20"
bad quantile "$head
quantile = 1
$prior
$target" '3: quantile' "strictly between 0 and 1"
bad notarget "$head
$prior" '' "no target"
bad noprior "$head
$target" '' "no prior"
[ ! -e b-range/fit.ini ] || fail "a bad fit file left a fit folder behind"
echo "fit.sh: ok"
