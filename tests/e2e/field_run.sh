#!/bin/sh
# field_run.sh: model version 3's field (MODEL.md 4.13-4.15) end to end:
# the shipped field scenario (no declared networks) founds networks that
# appear in network.csv, events.csv (founded) and a sweep's summary.csv
# (start_step, founder); field.csv's header and order; graph.csv over the
# field network counts the merged organisations as nodes; organisations.csv
# lists them; run.ini repeats the run; a field sweep collects the same
# bytes with -j 1 and -j 2, and summarise reads it.
set -u
fail() { echo "FAIL: $*" >&2; exit 1; }
s="$TOP/scenarios/flanders-field.ini"

"$SAMEN" run "$s" --out f --detail field --quiet || fail "run"
nf=$(grep -c ',founded,' f/events.csv)
[ "$nf" -ge 20 ] || fail "only $nf networks founded"
# every founded network has rows from its start step, named f<step>.<founder>
awk -F, '$5 == "founded" { split($2, p, "."); if (p[1] != "f" $1) bad = 1; n[$2] = 1 }
    END { exit bad }' f/events.csv || fail "a founded network's name is not f<step>.<founder>"
for net in $(awk -F, '$5 == "founded" { print $2 ":" $1 }' f/events.csv | head -5); do
    first=$(awk -F, -v n="${net%%:*}" '$2 == n { print $1; exit }' f/network.csv)
    [ "$first" = "${net##*:}" ] || fail "${net%%:*}: first row at $first, founded at ${net##*:}"
done
head -1 f/field.csv | grep -qx 'step,org_a,org_b,trust,shared,live' ||
    fail "field.csv header: $(head -1 f/field.csv)"
LC_ALL=C awk -F, 'NR > 1 && !($2 < $3) { exit 1 }' f/field.csv || fail "field.csv: org_a >= org_b"
LC_ALL=C awk -F, 'NR > 1 && ($4 < 0 || $4 > 1 || ($6 == 0 && $4 < 0.25)) { exit 1 }' f/field.csv ||
    fail "field.csv: trust out of range or a remembered tie below tie_min"
"$SAMEN" run f/run.ini --out f2 --quiet || fail "run run.ini"
for t in network events ties field; do
    cmp -s f/$t.csv f2/$t.csv || fail "run.ini does not repeat $t.csv"
done

# mergers made likely: merged organisations found networks (N5), are
# nodes of graph.csv and rows of organisations.csv
"$SAMEN" run "$s" --out m --detail graph,field --quiet --set field.found_rate=0.001 \
    --set form.adhoc_at=0.1 --set form.network_at=0.2 --set form.merger_at=0.3 \
    --set form.merger_dims=0.3 --set form.merger_steps=5 || fail "run with mergers"
nm=$(grep -c ',org-founded,' m/events.csv)
[ "$nm" -ge 1 ] || fail "no merger became an organisation"
[ "$(($(wc -l < m/organisations.csv) - 1))" = "$nm" ] || fail "organisations.csv rows"
head -1 m/organisations.csv | grep -q '^id,name,sector,capacity,mandate,latency,guard,patience,area,.*,step,network$' ||
    fail "organisations.csv header"
orgs=$(tail -1 m/graph.csv | cut -d, -f2)
[ "$orgs" = $((400 + nm)) ] || fail "graph.csv counts $orgs organisations, not 400 + $nm"
awk -F, '$5 == "founded" && $3 ~ /^m\./ { f = 1 } END { exit !f }' m/events.csv ||
    fail "no merged organisation founded a network"
"$SAMEN" run "$s" --out m --force --quiet || fail "run --force"
[ -e m/organisations.csv ] && [ "$(grep -c ',org-founded,' m/events.csv)" = 0 ] &&
    fail "a stale organisations.csv stayed"

# a sweep of the field: the same bytes whatever -j; summarise reads it
cat > f.sweep.ini <<INI
[sweep]
scenario = $s
replicates = 2
seed = 3
detail = field
tables = network, events, ties, field
[vary]
field.found_rate = 0.0002, 0.0004
INI
"$SAMEN" sweep f.sweep.ini --out j1 -j 1 --quiet || fail "sweep -j 1"
"$SAMEN" sweep f.sweep.ini --out j2 -j 2 --quiet || fail "sweep -j 2"
for d in j1 j2; do "$SAMEN" collect $d > /dev/null || fail "collect $d"; done
for t in network events ties field summary; do
    cmp -s j1/$t.csv j2/$t.csv || fail "$t.csv differs between -j 1 and -j 2"
done
awk -F, 'NR > 1 && $NF != "" { f = 1 } END { exit !f }' j1/summary.csv ||
    fail "summary.csv has no founder"
"$SAMEN" summarise j1 > /dev/null || fail "summarise"
grep -q '^0,0.0002,dissolved_share,2,' j1/measures.csv || fail "measures.csv"
grep -q '^0,0.0002,top10_tie_share,2,0\.' j1/measures.csv || fail "measures.csv: top10_tie_share"
grep -q '^1,0.0004,founded,2,[0-9]' j1/measures.csv || fail "measures.csv: founded"
# N1 and N2 in measures.csv equal what scripts/experiments/field_stats.py
# (independent code) finds in the runs' folders: the mean over the point's
# runs of each run's odds ratio (0.5 added to every cell)
for r in 0 1; do "$SAMEN" rerun j1 $r --out rr$r > /dev/null || fail "rerun $r"; done
python3 "$TOP/scripts/experiments/field_stats.py" rr0 rr1 > fs.csv || fail "field_stats.py"
got=$(awk -F, '$1 == 0 && $3 == "repeat_odds" { r = $5 } $1 == 0 && $3 == "closure_odds" { c = $5 }
    END { printf "%.4g %.4g", r, c }' j1/measures.csv)
want=$(awk -F, 'NR > 1 { r += ($2 + .5) * ($5 + .5) / (($3 + .5) * ($4 + .5));
    c += ($6 + .5) * ($9 + .5) / (($7 + .5) * ($8 + .5)); n++ }
    END { printf "%.4g %.4g", r / n, c / n }' fs.csv)
[ "$got" = "$want" ] || fail "measures.csv's repeat_odds, closure_odds $got; field_stats.py $want"
# a framing sector nobody has: a warning, not an error
"$SAMEN" check "$s" --set field.framing_sector=police > /dev/null 2> warn.err ||
    fail "check with an unknown framing sector"
grep -q "framing_sector 'police' is the sector of no organisation" warn.err ||
    fail "no warning for a framing sector nobody has: $(cat warn.err)"
# no networks and no founding: an error naming the file
printf '[simulation]\nthemes = a\n[organisations]\nfile = o.csv\n' > none.ini
printf 'id,name,sector,capacity,mandate,latency,guard,patience,a\nx,X,s,1,decision,1,0.5,10,1\n' > o.csv
"$SAMEN" check none.ini > /dev/null 2> none.err && fail "a scenario without networks or founding"
grep -q 'none.ini.*no founding' none.err || fail "none.ini: $(cat none.err)"

# export reads founded networks: every founder is a node of the GEXF
"$SAMEN" export f --to gephi --out f.gexf --quiet || fail "export of a field run"
for o in $(awk -F, '$5 == "founded" { print $3 }' f/events.csv | sort -u | head -5); do
    grep -q "id=\"$o\"" f.gexf || fail "export: founder $o is no node"
done
"$SAMEN" export f --to rsiena --out f-rsiena --quiet || fail "rsiena export of a field run"
# --ties field (the default where field.csv exists): the GraphML of the
# last step has graph.csv's ties of the field network (--detail graph,field)
"$SAMEN" run "$s" --out g --detail graph,field --quiet || fail "run --detail graph,field"
"$SAMEN" export g --to graphml --out g.graphml --quiet || fail "graphml of the field"
"$SAMEN" export g --to graphml --out gl.graphml --ties live --quiet || fail "graphml --ties live"
want=$(tail -1 g/graph.csv | cut -d, -f3)
[ "$(grep -c '<edge ' g.graphml)" = "$want" ] ||
    fail "graphml has $(grep -c '<edge ' g.graphml) field ties, graph.csv $want"
last=$(tail -1 g/graph.csv | cut -d, -f1)
live=$(awk -F, -v s="$last" '$1 == s { print ($3 < $4 ? $3 "," $4 : $4 "," $3) }' g/ties.csv |
    sort -u | wc -l)
[ "$(grep -c '<edge ' gl.graphml)" = "$live" ] || fail "graphml --ties live: not ties.csv's pairs"
"$SAMEN" export g --to gephi --network x --ties field --out x.gexf 2> x.err &&
    fail "--ties field with --network"
grep -q 'belongs to no one network' x.err || fail "--ties field --network: $(cat x.err)"
"$SAMEN" run "$s" --out m2 --quiet --set field.found_rate=0.001 --set form.adhoc_at=0.1 \
    --set form.network_at=0.2 --set form.merger_at=0.3 --set form.merger_dims=0.3 \
    --set form.merger_steps=5 || fail "run with mergers"
# the merged organisations are nodes too: the field network's GraphML of
# the last step has graph.csv's nodes and ties (--detail graph,field)
"$SAMEN" run "$s" --out m3 --detail graph,field --quiet --set field.found_rate=0.001 \
    --set form.adhoc_at=0.1 --set form.network_at=0.2 --set form.merger_at=0.3 \
    --set form.merger_dims=0.3 --set form.merger_steps=5 || fail "run m3"
"$SAMEN" export m3 --to graphml --out m3.graphml --quiet || fail "graphml with merged organisations"
[ "$(grep -c '<node ' m3.graphml)" = "$(tail -1 m3/graph.csv | cut -d, -f2)" ] ||
    fail "graphml nodes differ from graph.csv's organisations"
[ "$(grep -c '<edge ' m3.graphml)" = "$(tail -1 m3/graph.csv | cut -d, -f3)" ] ||
    fail "graphml edges differ from graph.csv's ties"
grep -q 'id="m\.' m3.graphml || fail "no merged organisation in the graphml"
"$SAMEN" export m2 --to gephi --out m2.gexf --quiet || fail "gephi with merged organisations"
echo "field_run: ok"
