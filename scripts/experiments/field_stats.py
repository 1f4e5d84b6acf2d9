#!/usr/bin/env python3
"""field_stats.py RUN_DIR...: the measures of the field patterns N1-N5
(MODEL.md section 1) for each run folder of a field scenario run with
--detail field and --snapshot-every 52 (field.csv at the start of every
year), one CSV row per run on standard output:

  run, the N1 table (tie_co, tie_not, none_co, none_not), the N2 table
  (common_co, common_not, alone_co, alone_not), top10_share,
  max_degree, median_degree, live_mean (years 8-10), founded,
  merged (organisations created), merged_active (of them, those that
  founded or joined a network after their creation)

N1/N2: dyads of organisations of one area (the organisations file's area
column; created organisations are left out), year by year over years 3-10
(year y starts at step 52 (y - 1)): a pair is a tie when field.csv lists
it at the year's first step; it becomes co-members when both joined one
network founded in that year. N2 counts only the pairs without a tie: a
common partner is an organisation that is a field tie of both.
N3: field degrees at the run's last snapshot over every organisation
(those without a tie count, with degree 0). Standard library only.
"""
import csv
import os
import statistics
import sys
from collections import defaultdict
from itertools import combinations

YEAR = 52


def read_csv(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def run_measures(d):
    orgs = read_csv(os.path.join(d, "input-organisations.csv"))
    area = {o["id"]: o.get("area", "") for o in orgs}
    by_area = defaultdict(list)
    for o, a in area.items():
        by_area[a].append(o)
    field = defaultdict(list)  # step -> [(a, b)]
    for r in read_csv(os.path.join(d, "field.csv")):
        field[int(r["step"])].append((r["org_a"], r["org_b"]))
    events = read_csv(os.path.join(d, "events.csv"))
    founded_step = {}
    members = defaultdict(set)
    merged, created_step, active = 0, {}, set()
    for e in events:
        if e["event"] == "founded":
            founded_step[e["network"]] = int(e["step"])
        elif e["event"] == "org-founded":
            merged += 1
            created_step[e["org"]] = int(e["step"])
    for e in events:
        if e["event"] == "join":
            members[e["network"]].add(e["org"])
        if e["event"] in ("join", "founded") and e["org"] in created_step \
                and int(e["step"]) > created_step[e["org"]]:
            active.add(e["org"])
    t1 = [0, 0, 0, 0]  # tie & co, tie & not, none & co, none & not
    t2 = [0, 0, 0, 0]  # common & co, common & not, alone & co, alone & not
    for y in range(3, 11):
        start = YEAR * (y - 1)
        ties = set()
        adj = defaultdict(set)
        for a, b in field.get(start, []):
            ties.add((a, b) if a < b else (b, a))
            adj[a].add(b)
            adj[b].add(a)
        co = set()
        for n, s in founded_step.items():
            if start <= s < start + YEAR:
                for a, b in combinations(sorted(members[n]), 2):
                    co.add((a, b))
        for a_orgs in by_area.values():
            for a, b in combinations(sorted(a_orgs), 2):
                c = (a, b) in co
                if (a, b) in ties:
                    t1[0 if c else 1] += 1
                else:
                    t1[2 if c else 3] += 1
                    common = bool(adj[a] & adj[b])
                    t2[(0 if c else 1) if common else (2 if c else 3)] += 1
    last = max(field) if field else 0
    deg = defaultdict(int)
    for a, b in field.get(last, []):
        deg[a] += 1
        deg[b] += 1
    nodes = list(area) + list(created_step)
    ds = sorted((deg[o] for o in nodes), reverse=True)
    top = max(1, len(ds) // 10)
    ends = sum(ds)
    top10 = sum(ds[:top]) / ends if ends else 0
    live = defaultdict(int)
    for r in read_csv(os.path.join(d, "network.csv")):
        s = int(r["step"])
        if s >= YEAR * 7 and r["phase"] in ("recruiting", "formulating", "executing"):
            live[s] += 1
    steps = range(YEAR * 7, max(YEAR * 10, YEAR * 7 + 1))
    live_mean = sum(live[s] for s in steps) / len(steps)
    return t1 + t2 + [top10, ds[0] if ds else 0, statistics.median(ds) if ds else 0,
                      live_mean, len(founded_step), merged, len(active)]


def main(argv):
    cols = ["run", "tie_co", "tie_not", "none_co", "none_not", "common_co", "common_not",
            "alone_co", "alone_not", "top10_share", "max_degree", "median_degree",
            "live_mean", "founded", "merged", "merged_active"]
    print(",".join(cols))
    for d in argv[1:]:
        v = run_measures(d)
        print(",".join([os.path.basename(d.rstrip("/"))] +
                       [("%.6g" % x) if isinstance(x, float) else str(x) for x in v]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
