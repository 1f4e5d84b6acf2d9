#!/bin/sh
# bench_bindings.sh: `make bench`'s figures of the Python and R bindings
# (FORMATS.md "Embedding"), measured on this machine with the library and
# packages installed into a staging folder:
#   1. BENCH_BIND_RUNS (default 1000) in-process runs of the default
#      scenario cut to 104 steps (samen.run / samen_run) against as many
#      `samen run` processes with their network, events and ties CSVs read
#      by pandas.read_csv / read.csv: the ratio of the times (target at
#      most 0.2);
#   2. one in-process run of the full default scenario against `samen run`
#      (target at most 1.2), the best of five each.
# BUILD names the build folder (default build). Prints figures; fails only
# when something does not run, never on a time.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-build}
runs=${BENCH_BIND_RUNS:-1000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
make -s -C "$top" install BUILD="$build" DESTDIR="$tmp/stage" PREFIX=/usr/local > /dev/null
lib=$tmp/stage/usr/local/lib
export LD_LIBRARY_PATH="$lib" PKG_CONFIG_PATH="$lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$tmp/stage"
export PATH="$tmp/stage/usr/local/bin:$PATH" PYTHONPATH="$lib/python3/dist-packages"
scenario="$top/scenarios/brede-school-molenbeek.ini"

echo "bindings: $runs runs of 104 steps in process against samen run + reading the CSVs"
/usr/bin/python3 - "$scenario" "$runs" "$tmp/py" <<'PY'
import os, subprocess, sys, time
import pandas as pd
import samen
scenario, runs, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
samen.run(scenario, steps=104)
t = time.perf_counter()
for i in range(runs):
    samen.run(scenario, steps=104, seed=i + 1)
inproc = time.perf_counter() - t
t = time.perf_counter()
for i in range(runs):
    subprocess.run(["samen", "run", scenario, "--steps", "104", "--seed", str(i + 1),
                    "--out", out, "--force", "--quiet"], check=True)
    for name in ("network", "events", "ties"):
        pd.read_csv(os.path.join(out, name + ".csv"))
cli = time.perf_counter() - t
print(f"  python: in process {inproc:.2f} s, samen run + pandas.read_csv {cli:.2f} s, "
      f"ratio {inproc / cli:.3f} (target <= 0.2)")
def best(f):
    ts = []
    for _ in range(5):
        t = time.perf_counter(); f(); ts.append(time.perf_counter() - t)
    return min(ts)
a = best(lambda: samen.run(scenario))
b = best(lambda: subprocess.run(["samen", "run", scenario, "--out", out, "--force",
                                 "--quiet"], check=True))
print(f"  python: full default scenario in process {a * 1000:.1f} ms, samen run "
      f"{b * 1000:.1f} ms, ratio {a / b:.2f} (target <= 1.2)")
PY

mkdir "$tmp/rlib"
cp -r "$top/r/samen" "$tmp/rpkg"    # R CMD INSTALL builds inside the folder
R CMD INSTALL -l "$tmp/rlib" "$tmp/rpkg" > "$tmp/rinstall.log" 2>&1 \
    || { cat "$tmp/rinstall.log"; exit 1; }
R_LIBS="$tmp/rlib" Rscript - "$scenario" "$runs" "$tmp/r" <<'R'
args <- commandArgs(TRUE)
scenario <- args[1]; runs <- as.integer(args[2]); out <- args[3]
suppressMessages(library(samen))
invisible(samen_run(scenario, steps = 104))
inproc <- system.time(for (i in seq_len(runs)) samen_run(scenario, steps = 104, seed = i))[["elapsed"]]
cli <- system.time(for (i in seq_len(runs)) {
    system2("samen", c("run", shQuote(scenario), "--steps", "104", "--seed", i,
                       "--out", shQuote(out), "--force", "--quiet"))
    for (name in c("network", "events", "ties")) read.csv(file.path(out, paste0(name, ".csv")))
})[["elapsed"]]
cat(sprintf("  R: in process %.2f s, samen run + read.csv %.2f s, ratio %.3f (target <= 0.2)\n",
            inproc, cli, inproc / cli))
best <- function(f) min(replicate(5, system.time(f())[["elapsed"]]))
a <- best(function() samen_run(scenario))
b <- best(function() system2("samen", c("run", shQuote(scenario), "--out", shQuote(out),
                                         "--force", "--quiet")))
cat(sprintf("  R: full default scenario in process %.1f ms, samen run %.1f ms, ratio %.2f (target <= 1.2)\n",
            a * 1000, b * 1000, a / b))
R
