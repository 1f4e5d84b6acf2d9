#!/bin/sh
# export_measures.sh: the exports agree with graph.csv and with the run.
# The GraphML of a region run at three steps, read by networkx (an outside
# implementation: the measures are its own, from the file alone), gives
# graph.csv's row of each step: orgs, ties, density, components, largest
# component, transitivity, mean degree, Freeman's centralization and mean
# trust; nodes are keyed by id. The RSiena export of a run whose network
# dissolves early leaves the empty waves out with a note, and writes no
# spell of zero length. A --step or --waves that does not fit is exit 2.
set -u
fail() { echo "FAIL: $*" >&2; exit 1; }

py=""
for p in python3 /usr/bin/python3; do
    if command -v "$p" > /dev/null 2>&1 && "$p" -c 'import networkx' 2> /dev/null; then
        py=$p
        break
    fi
done
[ -n "$py" ] || fail "networkx is missing (make test installs python3-networkx)"

"$SAMEN" run "$TOP/scenarios/flanders-region.ini" --detail graph --steps 200 --out reg \
    --quiet || fail "region run"
for step in 65 143 199; do
    "$SAMEN" export reg --to graphml --step $step --out g$step.graphml > g$step.out \
        || fail "export --step $step"
    grep -q "(400 organisations, step $step)" g$step.out || fail "report: $(cat g$step.out)"
    row=$(awk -F, -v s=$step '$1 == s' reg/graph.csv)
    [ -n "$row" ] || fail "graph.csv has no row for step $step"
    "$py" - g$step.graphml "$row" << 'PY' || fail "step $step: graph.csv and the GraphML differ"
import sys
import networkx as nx

g = nx.read_graphml(sys.argv[1])
row = sys.argv[2].split(",")
n, m = g.number_of_nodes(), g.number_of_edges()
deg = [d for _, d in g.degree()]
comps = [len(c) for c in nx.connected_components(g)]
cent = sum(max(deg) - d for d in deg) / ((n - 1) * (n - 2)) if n >= 3 else 0
trust = [t for _, _, t in g.edges(data="trust")]
got = {
    "orgs": n, "ties": m, "density": nx.density(g), "components": len(comps),
    "largest_component": max(comps) / n, "transitivity": nx.transitivity(g),
    "mean_degree": 2 * m / n, "degree_centralization": cent,
    "mean_trust": sum(trust) / len(trust) if trust else 0,
}
cols = ["step", "orgs", "ties", "density", "components", "largest_component",
        "transitivity", "mean_degree", "degree_centralization", "bridging_orgs",
        "mean_trust"]
want = dict(zip(cols, map(float, row)))
bad = [f"{k}: file {v:.6g}, graph.csv {want[k]:.6g}" for k, v in got.items()
       if abs(v - want[k]) > 1e-5 * max(1.0, abs(want[k]))]
# nodes keyed by id, the name as label, member a 0/1 that someone has
assert g.nodes["n01-primary-2"]["name"] == "n01-primary-2", "name is not the id"
assert g.nodes["n01-primary-2"]["label"] != "n01-primary-2", "label is not the name"
members = [d["member"] for _, d in g.nodes(data=True)]
assert set(members) <= {0, 1} and sum(members) > 0, "member"
assert all(g.nodes[a]["member"] == 1 and g.nodes[b]["member"] == 1 for a, b in g.edges()), \
    "a tie of an organisation that is not a member"
if bad:
    print("\n".join(bad), file=sys.stderr)
    sys.exit(1)
PY
done
# the default step is the run's last
"$SAMEN" export reg --to graphml --quiet || fail "export graphml"
grep -q '<data key="step">199</data>' reg/network.graphml || fail "default step"

# A step neither graph.csv nor ties.csv has; options of another format.
expect2() { # WHAT PATTERN ARGS...
    what=$1; pat=$2; shift 2
    "$SAMEN" export "$@" > /dev/null 2> bad.err; st=$?
    [ $st -eq 2 ] || fail "$what: status $st ($(cat bad.err))"
    grep -q -- "$pat" bad.err || fail "$what: '$(cat bad.err)' lacks '$pat'"
}
expect2 "off step" "the nearest is 65 or 78" reg --to graphml --step 70 --out x.graphml
[ -e x.graphml ] && fail "x.graphml written"
expect2 "step of gephi" "--step is for --to graphml" reg --to gephi --step 65
expect2 "waves of graphml" "--waves is for --to rsiena" reg --to graphml --waves 0:65:13
expect2 "bad waves" "A:B:E" reg --to rsiena --waves 0:65
expect2 "waves off" "picks step 5" reg --to rsiena --waves 0:65:5

# The default scenario, seed 1: brede-school dissolves at step 64, so of
# the 41 snapshot steps (0, 13, ..., 507, 519) only 0 to 52 have anyone.
"$SAMEN" run "$TOP/scenarios/brede-school-molenbeek.ini" --seed 1 --out bs --quiet \
    || fail "run"
grep -q '^64,brede-school,,,dissolved,' bs/events.csv || fail "the run no longer dissolves at 64"
"$SAMEN" export bs --to rsiena > rs.out 2> rs.err || fail "rsiena"
grep -q "(12 actors, 5 waves)" rs.out || fail "report: $(cat rs.out)"
grep -q "note: 36 snapshot steps with no actor present left out of the waves (step 65, 78," \
    rs.err || fail "note: $(cat rs.err)"
[ "$(sed 1d bs/rsiena/waves.csv | cut -d, -f2 | tr '\n' ' ')" = "0 13 26 39 52 " ] \
    || fail "waves: $(cat bs/rsiena/waves.csv)"
ls bs/rsiena/wave-05.csv > /dev/null || fail "wave-05.csv"
[ -e bs/rsiena/wave-06.csv ] && fail "an empty wave written"
awk -F, 'NR > 1 && !($3 > $2) { print; bad = 1 } NR > 1 { n++ }
    END { exit bad || n == 0 }' bs/rsiena/composition.csv \
    || fail "a spell of zero length: $(cat bs/rsiena/composition.csv)"
# those present to the end are present to the last wave, 5
awk -F, 'NR > 1 && $3 == 5 { ok = 1 } END { exit !ok }' bs/rsiena/composition.csv \
    || fail "nobody to the last wave: $(cat bs/rsiena/composition.csv)"
"$SAMEN" export bs --to rsiena --waves 13:52:13 --out rs2 --quiet 2> /dev/null \
    || fail "--waves 13:52:13"
[ "$(sed 1d rs2/waves.csv | cut -d, -f2 | tr '\n' ' ')" = "13 26 39 52 " ] \
    || fail "--waves: $(cat rs2/waves.csv)"
exit 0
