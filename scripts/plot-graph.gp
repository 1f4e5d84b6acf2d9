# plot-graph.gp: the field's network over time from graph.csv (samen run
# --detail graph): its density, the share of organisations in its largest
# component and the organisations that bridge networks, one panel each. For
# a run's graph.csv the lines are the run's; for the graph.csv that
# "samen collect DIR" writes for a sweep (run,point,replicate, the varied
# keys, then a run's columns) they are the mean over the runs at each step
# with a 95 % band.
#
# Usage (gnuplot 5.4 or later; gnuplot-nox is enough):
#   samen run scenarios/flanders-region.ini --detail graph --out results/region
#   gnuplot -e "dir='results/region'" scripts/plot-graph.gp
#   samen collect results/sw
#   gnuplot -e "dir='results/sw'; point=2; out='graph.svg'" scripts/plot-graph.gp
# Variables:
#   dir    a run folder or a collected sweep folder holding graph.csv; required
#   point  for a sweep, only the runs of this point (default: all runs pooled)
#   out    the file to write, .png (default graph.png), .svg or .pdf
#   title  the plot's title (default: the folder, and the point)
# The band is mean ± z·sd/sqrt(n), z = invnorm(0.975), over the runs at a
# step; with one run it is empty. Needs a POSIX shell with awk and mktemp.

if (!exists("dir")) {
    print "plot-graph.gp: give the folder, e.g. gnuplot -e \"dir='results/region'\" scripts/plot-graph.gp"
    exit status 2
}
if (!exists("out")) out = "graph.png"
csv = dir . "/graph.csv"
head = system(sprintf("head -n 1 '%s' 2>/dev/null", csv))
if (strstrt(head, "density") == 0 || strstrt(head, "bridging_orgs") == 0) {
    print sprintf("plot-graph.gp: cannot read %s with graph.csv's columns (run samen with --detail graph)", csv)
    exit status 2
}
sweep = head[1:20] eq "run,point,replicate,"
if (!exists("point")) point = -1
if (!exists("title")) title = sprintf("the field's network over time (%s%s)", dir, \
                                      point >= 0 ? sprintf(", point %d", point) : "")

# The rows to plot as "step density largest bridging" with, for a sweep,
# the band's half-widths after each: one line per step.
tmp = system("mktemp \"${TMPDIR:-/tmp}/plot-graph.XXXXXX\"")
agg = "NR == 1 { for (i = 1; i <= NF; i++) h[$i] = i; next } " . \
      "point >= 0 && $2 != point { next } " . \
      "{ s = $h[\"step\"]; if (!(s in n)) u[++m] = s; n[s]++; " . \
      "  for (j = 1; j <= 3; j++) { v = $h[c[j]]; t[s, j] += v; q[s, j] += v * v } } " . \
      "END { for (i = 2; i <= m; i++) for (k = i; k > 1 && u[k - 1] + 0 > u[k] + 0; k--) { y = u[k]; u[k] = u[k - 1]; u[k - 1] = y } " . \
      "  for (i = 1; i <= m; i++) { s = u[i]; line = s; half = \"\"; " . \
      "    for (j = 1; j <= 3; j++) { mu = t[s, j] / n[s]; var = n[s] > 1 ? (q[s, j] - t[s, j] * t[s, j] / n[s]) / (n[s] - 1) : 0; " . \
      "      if (var < 0) var = 0; line = line \" \" mu; half = half \" \" (n[s] > 1 ? z * sqrt(var / n[s]) : 0) } " . \
      "    print line half } }"
system(sprintf("awk -F, -v point=%d -v z=%.10f 'BEGIN { c[1] = \"density\"; c[2] = \"largest_component\"; c[3] = \"bridging_orgs\" } %s' '%s' > '%s'", \
               sweep ? point : -1, invnorm(0.975), agg, csv, tmp))
if (system(sprintf("test -s '%s' && echo 1 || echo 0", tmp)) ne "1") {
    system(sprintf("rm -f '%s'", tmp))
    print sprintf("plot-graph.gp: no rows%s in %s", point >= 0 ? sprintf(" of point %d", point) : "", csv)
    exit status 2
}

ext = out[strlen(out) - 3:]
if (ext eq ".svg") {
    set terminal svg size 960, 900 dynamic font "sans,12"
} else {
    if (ext eq ".pdf") {
        set terminal pdfcairo size 9in, 8.5in font "sans,10"
    } else {
        set terminal pngcairo size 960, 900 font "sans,11"
    }
}
set output out
set grid lc rgb "#cccccc" lw 0.5
set style fill transparent solid 0.25 noborder
set key inside right top noenhanced samplen 2
set autoscale xfix
set lmargin 12
set multiplot layout 3, 1 title title noenhanced font ",13"

# a run's count changes at its snapshots; a mean over runs is drawn as a line
bridging_style = sweep ? "lines" : "steps"
set ylabel "density"
set format x ""
set yrange [0 : *]
plot tmp using 1:($2 - $5):($2 + $5) with filledcurves lc rgb "#1f77b4" title (sweep ? "95% band" : ""), \
     "" using 1:2 with lines lw 2 lc rgb "#1f77b4" title (sweep ? "mean" : "density")
set ylabel "largest component\n(share of organisations)"
plot tmp using 1:($3 - $6):($3 + $6) with filledcurves lc rgb "#d62728" title (sweep ? "95% band" : ""), \
     "" using 1:3 with lines lw 2 lc rgb "#d62728" title (sweep ? "mean" : "largest component")
set ylabel "organisations in\ntwo or more networks"
set xlabel "step (week)"
set format x "%g"
plot tmp using 1:($4 - $7):($4 + $7) with filledcurves lc rgb "#2ca02c" title (sweep ? "95% band" : ""), \
     "" using 1:4 with @bridging_style lw 2 lc rgb "#2ca02c" title (sweep ? "mean" : "bridging organisations")
unset multiplot
set output
system(sprintf("rm -f '%s'", tmp))
