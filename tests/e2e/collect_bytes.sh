#!/bin/sh
# collect_bytes.sh: what `samen collect` writes for a sweep with ties, the
# detail tables and every kind of varied value (a list with text, a range,
# a whole number) is pinned to the bytes it wrote before the output tables
# came from one descriptor each and collect built each run's prefix once
# (issue 16): network, events, ties, orgs, graph, summary and manifest,
# then --last and --every; and of a sweep that keeps every third step. A change here must be a change of the format,
# said in docs/MODEL.md, with the new sums pasted below. Model version 3's
# relationship memory and merger into an organisation are off ([set]), so
# that the runs are version 2's, whose bytes the sums were taken from.
set -u
fail() { echo "FAIL: $*" >&2; exit 1; }
base="$TOP/scenarios/brede-school-molenbeek.ini"

cat > ties.ini <<INI
[sweep]
scenario = $base
replicates = 2
seed = 7
snapshot_every = 5
detail = orgs, graph
tables = network, events, ties, orgs, graph

[set]
field.memory_half_life = 0
field.merger_org = 0

[vary]
simulation.steps = 30, 41
trust.gain = 0.1:0.3:0.1
persons.self_interest = beta(2, 5), 0.3
INI

"$SAMEN" sweep ties.ini --out s -j 2 --quiet || fail "sweep"
"$SAMEN" collect s > /dev/null || fail "collect"
"$SAMEN" collect s --last > /dev/null || fail "collect --last"
"$SAMEN" collect s --every 4 > /dev/null || fail "collect --every 4"
[ "$(wc -l < s/ties.csv)" -gt 1000 ] || fail "ties.csv has $(wc -l < s/ties.csv) lines"

# every = 3: the writer keeps a network's detail rows with its row.
cat > every.ini <<INI
[sweep]
scenario = $base
seed = 11
detail = orgs, persons
tables = network, orgs, persons
every = 3

[set]
field.memory_half_life = 0
field.merger_org = 0

[vary]
simulation.steps = 40
trust.gain = 0.2, 0.4
INI
"$SAMEN" sweep every.ini --out e -j 1 --quiet || fail "sweep every = 3"
"$SAMEN" collect e > /dev/null || fail "collect every = 3"

sha256sum e/network.csv e/orgs.csv e/persons.csv e/summary.csv s/network.csv \
    s/events.csv s/ties.csv s/orgs.csv s/graph.csv s/summary.csv s/manifest.csv \
    s/network-last.csv s/network-every-4.csv > got.sums
cat > want.sums <<'SUMS'
fe03350688595d81ef3262d4e84a013529a313d8d8b07f0a20f6b7caa56f82f5  e/network.csv
07f8f50393297c40adebb240a4dbdc65d9ee2b0cfeac04d6a6520705bf0169c9  e/orgs.csv
3c5ddaf12f029fab59f9d0dbc313be3732a97e666f7bcab6ed3b77e7bb82ad43  e/persons.csv
b3f9db19ab23b22dc6d985715f2af011e5b4a045d3263a439413bd62b27242b8  e/summary.csv
5b5b8766bc05d588ef54566b7d34ef21dd28fc338495b498e70ee0b6221de6da  s/network.csv
24ea7411d231297f2114209f97674cc778665832ba609412af35e15207b726f9  s/events.csv
7cab8840a08545aa5d456ff2b39d585c7573d6a8b9b8229937c4ce4dfad39cc6  s/ties.csv
b62390adbee14e46560c8d95456ed3d3cc69c5d1d7fe8f74eb7e5014ff6e72f2  s/orgs.csv
75a79f8ca97e4613104a21b54059167e3afc5015339f6a56689a4af61ecac793  s/graph.csv
1a203313f2acb11ffdcc754bd056f84be5e2936a749a1ff84f1a9595fbd4c635  s/summary.csv
e1ff0014856ca483ffd269e20b1f93ac2c5be54b0c9289a4d2c99c762afce79f  s/manifest.csv
d815c225e1edf177c57d7b7f75d4515a8ecc7a4a5ce64fdf79ab7198a89efa1f  s/network-last.csv
8e044c6aab5fdddf02b761813ed8b4f3a97f58ed2d493e6fef84998ed7ef2297  s/network-every-4.csv
SUMS
diff want.sums got.sums >&2 || fail "collected bytes changed (sums above: want, got)"
# summary.csv gained start_step and founder (model version 3, MODEL.md
# 4.14): without them it is the bytes it was before
for f in e s; do
    awk -F, 'BEGIN { OFS = "," } { NF = NF - 2; print }' $f/summary.csv | sha256sum | cut -c1-64
done > old.sums
printf '%s\n' c4ffdfa380f00e31c0c092f4b25b29e089d8e43fbea3378f7eab2eaa123dae8f \
    84757c692d050301b0254f5a9294270eef6aca846aa89c8f21d9156c2aa0fd0e | cmp -s - old.sums ||
    fail "summary.csv without start_step and founder changed"
echo ok
