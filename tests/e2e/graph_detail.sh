#!/bin/sh
# graph_detail.sh: --detail graph: graph.csv beside the other tables, which
# stay the same bytes as without it for every shipped scenario; its header
# and steps; graph in a detail list and in run.ini; a forced run without it
# removes the old graph.csv; a sweep keeps graph rows in its parts,
# collect merges them and rerun writes them again.
set -u
fail() { echo "FAIL: $*" >&2; exit 1; }

# The tables of every shipped scenario do not change with --detail graph.
for s in "$TOP"/scenarios/*.ini "$TOP"/scenarios/experiments/*.ini; do
    case "$s" in *.sweep.ini) continue ;; esac
    [ -e "$s" ] || continue
    n=$(basename "$s" .ini)
    "$SAMEN" run "$s" --out "a-$n" --quiet || fail "$n: run"
    "$SAMEN" run "$s" --out "g-$n" --detail graph --quiet || fail "$n: run --detail graph"
    for f in network events ties; do
        cmp -s "a-$n/$f.csv" "g-$n/$f.csv" || fail "$n: $f.csv differs with --detail graph"
    done
    [ -e "a-$n/graph.csv" ] && fail "$n: graph.csv without --detail graph"
    [ -s "g-$n/graph.csv" ] || fail "$n: no graph.csv with --detail graph"
    rm -rf "a-$n" "g-$n"
done

# Header, steps (multiples of snapshot_every and the last), a detail list.
s="$TOP/scenarios/molenbeek-drie-netwerken.ini"
"$SAMEN" run "$s" --out g --steps 40 --snapshot-every 5 --detail orgs,graph --quiet ||
    fail "run --detail orgs,graph"
head -1 g/graph.csv | grep -qx 'step,orgs,ties,density,components,largest_component,transitivity,mean_degree,degree_centralization,bridging_orgs,mean_trust' ||
    fail "graph.csv header: $(head -1 g/graph.csv)"
[ "$(tail -n +2 g/graph.csv | cut -d, -f1 | tr '\n' ' ')" = "0 5 10 15 20 25 30 35 39 " ] ||
    fail "graph.csv steps: $(cut -d, -f1 g/graph.csv | tr '\n' ' ')"
[ -s g/orgs.csv ] || fail "orgs.csv missing beside graph.csv"
grep -qx 'detail = orgs, graph' g/run.ini || fail "run.ini: $(grep detail g/run.ini)"
# the field's organisations in every row; no nan, no inf
orgs=$(($(wc -l < g/input-organisations.csv) - 1))
tail -n +2 g/graph.csv | cut -d, -f2 | sort -u | grep -qx "$orgs" || fail "orgs column"
grep -qiE 'nan|inf' g/graph.csv && fail "graph.csv holds nan or inf"
# run.ini reproduces it
"$SAMEN" run g/run.ini --out g2 --quiet || fail "run g/run.ini"
cmp -s g/graph.csv g2/graph.csv || fail "run.ini does not reproduce graph.csv"
# a forced run without graph takes the old graph.csv away
"$SAMEN" run "$s" --out g --steps 40 --force --quiet || fail "forced run"
[ -e g/graph.csv ] && fail "a forced run without graph left the old graph.csv"
"$SAMEN" run "$s" --out bad --detail grph --quiet 2> bad.err
[ $? -eq 2 ] || fail "--detail grph accepted"
grep -q "graph" bad.err || fail "--detail grph: $(cat bad.err)"

# Sweeps: the graph part, collect, rerun.
cat > sw.ini <<INI
[sweep]
scenario = $s
replicates = 2
seed = 3
detail = graph
snapshot_every = 10
tables = network, graph

[vary]
simulation.steps = 35
trust.gain = 0.1, 0.4
INI
"$SAMEN" sweep sw.ini --out sw -j 2 --quiet || fail "sweep"
ls sw/parts/*.graph.csv > /dev/null 2>&1 || fail "no graph part: $(ls sw/parts)"
ls sw/parts/*.ties.csv > /dev/null 2>&1 && fail "a ties part the sweep does not keep"
"$SAMEN" collect sw > /dev/null || fail "collect"
head -1 sw/graph.csv | grep -qx 'run,point,replicate,simulation.steps,trust.gain,step,orgs,ties,density,components,largest_component,transitivity,mean_degree,degree_centralization,bridging_orgs,mean_trust' ||
    fail "collected graph.csv header: $(head -1 sw/graph.csv)"
[ "$(grep -c '^3,1,1,35,0.4,' sw/graph.csv)" -eq 5 ] || fail "run 3's graph rows (0 10 20 30 34)"
"$SAMEN" rerun sw 3 --out r3 --quiet || fail "rerun"
grep '^3,' sw/graph.csv | cut -d, -f6- > want.csv
tail -n +2 r3/graph.csv > got.csv
cmp -s want.csv got.csv || fail "rerun's graph.csv is not run 3's collected rows"
# a graph table needs the graph detail
sed 's/^detail = graph/detail = orgs/' sw.ini > nodetail.ini
"$SAMEN" check nodetail.ini > /dev/null 2> nd.err
[ $? -eq 2 ] || fail "tables = graph without detail graph accepted"
grep -q "needs its detail" nd.err || fail "tables = graph: $(cat nd.err)"
exit 0
