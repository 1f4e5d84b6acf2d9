# plot-sweep.gp: the mean of one network.csv column and its 95 % band per
# parameter value of a sweep, from the DIR/network.csv that
# "samen collect DIR" writes (run,point,replicate, the varied keys, then the
# columns of a run's network.csv).
#
# Usage (gnuplot 5.4 or later; gnuplot-nox is enough):
#   samen sweep my.sweep.ini --out results/sw && samen collect results/sw
#   gnuplot -e "dir='results/sw'; col='consensus'" scripts/plot-sweep.gp
#   gnuplot -e "dir='results/sw'; col='members'; mode='last'; key='drop.base'; out='m.png'" \
#           scripts/plot-sweep.gp
# Variables:
#   dir    the sweep folder holding the collected network.csv; required
#   col    the column to plot (default trust): any network.csv column
#   mode   time (default): one line and band per point of the sweep over the
#            steps, labelled with the point's values of the varied keys
#            (best for a grid of a few points);
#          last: the value at each run's last row of each network, against
#            the varied key named by key (other varied keys pooled; any design)
#   key    for mode=last, the varied key on the x axis (default: the first)
#   net    only this network (default: all networks of the runs pooled)
#   out    the file to write, .png (default sweep.png), .svg or .pdf
#   title  the plot's title
# The band is mean ± z·sd/sqrt(n), z = invnorm(0.975), over the rows pooled
# at a step (runs × networks) or over the runs' last rows; with fewer than
# about 20 rows per point it is somewhat too narrow (Student's t would be
# wider), with one row it is empty. Over time, a network that ended has no
# rows after its end: the mean is over the networks still live at a step.
# Needs a POSIX shell with awk, sort and mktemp.

if (!exists("dir")) {
    print "plot-sweep.gp: give the collected sweep folder, e.g. gnuplot -e \"dir='results/sw'\" scripts/plot-sweep.gp"
    exit status 2
}
if (!exists("col")) col = "trust"
if (!exists("mode")) mode = "time"
if (!exists("net")) net = ""
if (!exists("out")) out = "sweep.png"
csv = dir . "/network.csv"
if (system(sprintf("head -n 1 '%s' 2>/dev/null | cut -d, -f1-3", csv)) ne "run,point,replicate") {
    print sprintf("plot-sweep.gp: %s is not a collected sweep (run: samen collect %s)", csv, dir)
    exit status 2
}
header = system(sprintf("head -n 1 '%s' | tr ',' ' '", csv))
has(name) = strstrt(" " . header . " ", " " . name . " ") > 0
if (!has(col)) {
    print sprintf("plot-sweep.gp: no column '%s' in %s", col, csv)
    exit status 2
}
# the varied keys: the columns between replicate and step
keys = system(sprintf("head -n 1 '%s' | awk -F, '{ for (i = 4; $i != \"step\" && i <= NF; i++) print $i }'", csv))
if (mode eq "last") {
    if (!exists("key")) { key = word(keys, 1) }
    if (key eq "" || strstrt(" " . keys . " ", " " . key . " ") == 0) {
        print sprintf("plot-sweep.gp: mode=last needs a varied key (key=...); the sweep varies: %s", keys eq "" ? "nothing" : keys)
        exit status 2
    }
} else {
    if (mode ne "time") {
        print sprintf("plot-sweep.gp: mode '%s': time or last", mode)
        exit status 2
    }
}
if (!exists("title")) title = sprintf("%s%s, mean and 95%% band (%s)", col, net eq "" ? "" : " of " . net, dir)

tmp = system("mktemp \"${TMPDIR:-/tmp}/plot-sweep.XXXXXX\"")
if (mode eq "time") {
    # blocks of "point step n sum sumsq", one block per point, two blank lines apart
    agg = "NR == 1 { for (i = 1; i <= NF; i++) h[$i] = i; c = h[col]; s = h[\"step\"]; w = h[\"network\"]; next } " . \
          "net != \"\" && $w != net { next } " . \
          "{ k = $2 \" \" $s; n[k]++; t[k] += $c; q[k] += $c * $c } " . \
          "END { for (k in n) print k, n[k], t[k], q[k] }"
    cmd = sprintf("awk -F, -v col='%s' -v net='%s' '%s' '%s' | sort -k1,1n -k2,2n | awk 'NR > 1 && $1 != p { print \"\"; print \"\" } { p = $1; print }' > '%s'", col, net, agg, csv, tmp)
    # one label per point: its values of the varied keys
    lab = "NR == 1 { for (i = 4; $i != \"step\"; i++) name[i] = $i; e = i; next } " . \
          "!($2 in seen) { seen[$2] = 1; l = \"\"; for (i = 4; i < e; i++) l = l (l == \"\" ? \"\" : \",\") name[i] \"=\" $i; print $2, (l == \"\" ? \"all-runs\" : l) }"
    labels = system(sprintf("awk -F, '%s' '%s' | sort -k1,1n", lab, csv))
} else {
    # "x n sum sumsq" per value of key, from each run's last row per network,
    # in increasing x (an insertion sort: POSIX sort cannot order 1e-05)
    agg = "NR == 1 { for (i = 1; i <= NF; i++) h[$i] = i; c = h[col]; x = h[key]; w = h[\"network\"]; next } " . \
          "net != \"\" && $w != net { next } " . \
          "{ k = $1 \" \" $w; v[k] = $c; g[k] = $x } " . \
          "END { for (k in v) { if (!(g[k] in n)) u[++m] = g[k]; n[g[k]]++; t[g[k]] += v[k]; q[g[k]] += v[k] * v[k] } " . \
          "for (i = 2; i <= m; i++) for (j = i; j > 1 && u[j - 1] + 0 > u[j] + 0; j--) { y = u[j]; u[j] = u[j - 1]; u[j - 1] = y } " . \
          "for (i = 1; i <= m; i++) print u[i], n[u[i]], t[u[i]], q[u[i]] }"
    cmd = sprintf("awk -F, -v col='%s' -v key='%s' -v net='%s' '%s' '%s' > '%s'", col, key, net, agg, csv, tmp)
}
system(cmd)
if (system(sprintf("test -s '%s' && echo 1 || echo 0", tmp)) ne "1") {
    system(sprintf("rm -f '%s'", tmp))
    print sprintf("plot-sweep.gp: no rows%s in %s", net eq "" ? "" : " of network " . net, csv)
    exit status 2
}

ext = out[strlen(out) - 3:]
if (ext eq ".svg") {
    set terminal svg size 960, 600 dynamic font "sans,12"
} else {
    if (ext eq ".pdf") {
        set terminal pdfcairo size 9in, 5.6in font "sans,10"
    } else {
        set terminal pngcairo size 960, 600 font "sans,11"
    }
}
set output out
set title title noenhanced
set ylabel col noenhanced
set grid lc rgb "#cccccc" lw 0.5
set key outside right top vertical Left reverse noenhanced samplen 2
set style fill transparent solid 0.2 noborder

z = invnorm(0.975)
mean(n, t) = t / n
half(n, t, q) = n > 1 ? z * sqrt(((q - t * t / n) > 0 ? (q - t * t / n) : 0) / (n - 1) / n) : 0

if (mode eq "time") {
    set xlabel "step (week)"
    set autoscale xfix
    n_points = words(labels) / 2
    plot for [i = 1 : n_points] tmp index (i - 1) \
             using 2:(mean($3, $4) - half($3, $4, $5)):(mean($3, $4) + half($3, $4, $5)) \
             with filledcurves lc i notitle, \
         for [i = 1 : n_points] tmp index (i - 1) using 2:(mean($3, $4)) \
             with lines lw 2 lc i title word(labels, 2 * i)
} else {
    set xlabel key noenhanced
    set key inside
    plot tmp using 1:(mean($2, $3) - half($2, $3, $4)):(mean($2, $3) + half($2, $3, $4)) \
             with filledcurves lc 1 title "95% band", \
         tmp using 1:(mean($2, $3)) with linespoints lw 2 pt 7 lc 1 title "mean"
}
set output
system(sprintf("rm -f '%s'", tmp))
