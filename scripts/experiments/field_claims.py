#!/usr/bin/env python3
"""field_claims.py DIR: the claims of N1-N5 (MODEL.md section 1) from the
per-run tables that field_stats.py wrote into DIR (default.csv,
nofam.csv, noclosure.csv, double.csv, merge.csv), as rows
`pattern|measure|values|test|interval|holds` on standard output, and
DIR/ors.csv (condition, measure, odds ratio, its 95 % interval) for the
figure. An odds ratio per run (0.5 added to each cell), its log averaged
over the runs (seeds) with a t 95 % interval, taken back by exp.
Standard library only.
"""
import csv
import math
import os
import statistics
import sys

# t quantiles (0.975) by degrees of freedom, for intervals over seeds
T975 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306,
        9: 2.262, 10: 2.228, 11: 2.201, 12: 2.179, 13: 2.160, 14: 2.145, 15: 2.131,
        16: 2.120, 17: 2.110, 18: 2.101, 19: 2.093, 20: 2.086, 24: 2.064, 29: 2.045,
        39: 2.023}


def t975(df):
    keys = [k for k in sorted(T975) if k <= df]
    return T975[keys[-1]] if keys else 12.706


def rows(d, name):
    with open(os.path.join(d, name + ".csv"), newline="") as f:
        return list(csv.DictReader(f))


def mean_ci(xs):
    m = statistics.fmean(xs)
    if len(xs) < 2:
        return m, m, m
    h = t975(len(xs) - 1) * statistics.stdev(xs) / math.sqrt(len(xs))
    return m, m - h, m + h


def log_or(r, a, b, c, d):
    va, vb, vc, vd = (float(r[k]) + 0.5 for k in (a, b, c, d))
    return math.log(va * vd / (vb * vc))


def or_ci(rs, cells):
    m, lo, hi = mean_ci([log_or(r, *cells) for r in rs])
    return math.exp(m), math.exp(lo), math.exp(hi)


def fmt(v):
    return "%.3g" % v


def main(d):
    out = []
    ors = [("condition", "measure", "or", "low", "high")]
    base, nofam, noclo = rows(d, "default"), rows(d, "nofam"), rows(d, "noclosure")
    n1 = ("tie_co", "tie_not", "none_co", "none_not")
    n2 = ("common_co", "common_not", "alone_co", "alone_not")
    r1, r1f = or_ci(base, n1), or_ci(nofam, n1)
    r2, r2c = or_ci(base, n2), or_ci(noclo, n2)
    ors += [("default", "repeat", *r1), ("familiarity=0", "repeat", *r1f),
            ("default", "closure", *r2), ("closure=0", "closure", *r2c)]
    # the difference of log odds ratios, paired by seed
    dl1 = mean_ci([log_or(a, *n1) - log_or(b, *n1) for a, b in zip(base, nofam)])
    dl2 = mean_ci([log_or(a, *n2) - log_or(b, *n2) for a, b in zip(base, noclo)])
    n = len(base)
    out.append(("N1", "repeat partnering odds ratio, ties vs none (years 3-10)",
                "%s [%s-%s]; familiarity=0: %s [%s-%s]" % tuple(map(fmt, r1 + r1f)),
                "OR >= 1.5, interval above 1, larger than with familiarity=0 (paired log-OR "
                "difference over %d seeds)" % n,
                "difference of log OR %s [%s-%s]" % tuple(map(fmt, dl1)),
                "yes" if r1[0] >= 1.5 and r1[1] > 1 and dl1[1] > 0 else "no"))
    out.append(("N2", "closure odds ratio, common partner vs none (pairs without a tie)",
                "%s [%s-%s]; closure=0: %s [%s-%s]" % tuple(map(fmt, r2 + r2c)),
                "interval above 1, larger than with closure=0 (paired, %d seeds)" % n,
                "difference of log OR %s [%s-%s]" % tuple(map(fmt, dl2)),
                "yes" if r2[1] > 1 and dl2[1] > 0 else "no"))
    top = mean_ci([float(r["top10_share"]) for r in base])
    ratio = [float(r["max_degree"]) / max(float(r["median_degree"]), 1) for r in base]
    med0 = sum(float(r["median_degree"]) == 0 for r in base)
    rat = mean_ci(ratio)
    out.append(("N3", "top 10 % share of tie ends; largest / median degree (median 0 "
                "taken as 1) after ten years",
                "share %s [%s-%s]; ratio %s [%s-%s]; median degree 0 in %d of %d runs"
                % (tuple(map(fmt, top + rat)) + (med0, n)),
                "share >= 0.25 and ratio >= 3 (interval over seeds)",
                "share low %s, ratio low %s" % (fmt(top[1]), fmt(rat[1])),
                "yes" if top[1] >= 0.25 and rat[1] >= 3 else "no"))
    dbl = rows(d, "double")
    lr = mean_ci([float(b["live_mean"]) / max(float(a["live_mean"]), 1e-9)
                  for a, b in zip(base, dbl)])
    out.append(("N4", "live networks over years 8-10, found_rate doubled / default",
                "%s [%s-%s]" % tuple(map(fmt, lr)), "ratio <= 1.6 (paired by seed)",
                "high %s" % fmt(lr[2]), "yes" if lr[2] <= 1.6 else "no"))
    for name, cond in (("default", base), ("merge", rows(d, "merge"))):
        merged = sum(int(r["merged"]) for r in cond)
        act = sum(int(r["merged_active"]) for r in cond)
        runs = sum(int(r["merged_active"]) > 0 for r in cond)
        out.append(("N5", "merged organisations that found or join later networks (%s)" % name,
                    "%d of %d merged organisations, in %d of %d runs" % (act, merged, runs,
                                                                          len(cond)),
                    "some runs", "%d runs" % runs, "yes" if runs > 0 else "no"))
    with open(os.path.join(d, "ors.csv"), "w", newline="") as f:
        csv.writer(f).writerows(ors)
    for r in out:
        print("|".join(r))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
