# plot-sweep.gp: one network's mean of one network.csv column and its 95 %
# interval per parameter value of a sweep, from the DIR/network.csv that
# "samen collect DIR" writes (run,point,replicate, the varied keys, then the
# columns of a run's network.csv), with the number of runs behind each mean
# in a panel below.
#
# Usage (gnuplot 5.4 or later; gnuplot-nox is enough):
#   samen sweep my.sweep.ini --out results/sw && samen collect results/sw
#   gnuplot -e "dir='results/sw'; col='consensus'" scripts/plot-sweep.gp
#   gnuplot -e "dir='results/sw'; col='members'; mode='last'; key='drop.base'; out='m.png'" \
#           scripts/plot-sweep.gp
#   gnuplot -e "dir='results/sw'; col='phase=dissolved'; mode='last'" scripts/plot-sweep.gp
# Variables:
#   dir    the sweep folder holding the collected network.csv; required
#   col    the column to plot (default trust): any numeric network.csv
#            column, or NAME=VALUE (e.g. phase=dissolved, form=network) for
#            the share of rows where column NAME is VALUE
#   mode   time (default): one line and band per point of the sweep over the
#            steps, labelled with the point's values of the varied keys
#            (best for a grid of a few points); the panel below counts the
#            runs in which the network is still live at each step;
#          last: the value at each run's last row of the network, against
#            the varied key named by key (other varied keys pooled; any
#            design); the panel below counts the runs at each value
#   key    for mode=last, the varied key on the x axis (default: the first)
#   net    the network (default: the first [network] of the sweep's
#            scenario, DIR/inputs/scenario.ini); named in the title
#   out    the file to write, .png (default sweep.png), .svg or .pdf
#   title  the plot's title
#   table  also write the numbers behind the plot to this CSV file:
#            point,step,runs,mean,low,high (time) or KEY,runs,mean,low,high
#            (last); runs is the n of each mean
# Intervals respect the column's range: for a share (NAME=VALUE, or a column
# whose values are all 0 or 1) Wilson's score interval; otherwise the mean
# ± t(0.975, n-1)·sd/sqrt(n), clipped to [0, 1] for the columns that are
# levels (trust, consensus, progress, d_*, c_po, c_pn, link,
# person_dependency) and at 0 for counts. With one run there is no
# interval. Over time, a network that ended has no rows after its end: the
# mean at a step is over the runs in which it is still live (the panel
# below), so a late mean may rest on few runs.
# Needs a POSIX shell with awk, sort, sed and mktemp.

if (!exists("dir")) {
    print "plot-sweep.gp: give the collected sweep folder, e.g. gnuplot -e \"dir='results/sw'\" scripts/plot-sweep.gp"
    exit status 2
}
if (!exists("col")) col = "trust"
if (!exists("mode")) mode = "time"
if (!exists("out")) out = "sweep.png"
csv = dir . "/network.csv"
if (system(sprintf("head -n 1 '%s' 2>/dev/null | cut -d, -f1-3", csv)) ne "run,point,replicate") {
    print sprintf("plot-sweep.gp: %s is not a collected sweep (run: samen collect %s)", csv, dir)
    exit status 2
}
header = system(sprintf("head -n 1 '%s' | tr ',' ' '", csv))
has(name) = strstrt(" " . header . " ", " " . name . " ") > 0
# col NAME=VALUE: the share of rows whose column NAME holds VALUE
eq = strstrt(col, "=")
cname = eq > 0 ? col[1:eq - 1] : col
cvalue = eq > 0 ? col[eq + 1:] : ""
if (!has(cname)) {
    print sprintf("plot-sweep.gp: no column '%s' in %s", cname, csv)
    exit status 2
}
# the varied keys, the columns between replicate and step, on one line
keys = system(sprintf("head -n 1 '%s' | awk -F, '{ for (i = 4; $i != \"step\" && i <= NF; i++) printf \"%%s%%s\", (i > 4 ? \" \" : \"\"), $i }'", csv))
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
    key = ""
}
# the network: by default the first of the sweep's scenario, as it declares them
if (!exists("net")) {
    net = system(sprintf("awk '/^\\[network / { sub(/^\\[network +/, \"\"); sub(/ *\\].*/, \"\"); print; exit }' '%s/inputs/scenario.ini' 2>/dev/null", dir))
    if (net eq "") {
        net = system(sprintf("awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == \"network\") w = i; next } { print $w }' '%s' | sort -u | head -n 1", csv))
    }
}

tmp = system("mktemp \"${TMPDIR:-/tmp}/plot-sweep.XXXXXX\"")
dat = tmp . ".dat"
labf = tmp . ".lab"
meta = tmp . ".meta"
# The statistics, in awk: per group (point and step, or value of key) the
# count n, the mean and the 95 % interval lo..hi of the values v.
stat = "function tq(df, z) { if (df <= 10) return T[df]; z = 1.959964; " . \
       "return z + (z^3 + z) / (4 * df) + (5 * z^5 + 16 * z^3 + 3 * z) / (96 * df^2) + (3 * z^7 + 19 * z^5 + 17 * z^3 - 15 * z) / (384 * df^3) } " . \
       "function ci(n, t, q, m, sd, h, z, c) { m = t / n; lo = m; hi = m; if (n < 2) return m; " . \
       "if (bin) { z = 1.959964; c = (m + z * z / (2 * n)) / (1 + z * z / n); h = z * sqrt(m * (1 - m) / n + z * z / (4 * n * n)) / (1 + z * z / n); lo = c - h; hi = c + h } " . \
       "else { sd = (q - t * t / n) / (n - 1); sd = sd > 0 ? sqrt(sd) : 0; h = tq(n - 1) * sd / sqrt(n); lo = m - h; hi = m + h } " . \
       "if (lo < 0) lo = 0; if ((bin || unit) && hi > 1) hi = 1; if ((bin || unit) && lo > 1) lo = 1; return m } " . \
       "BEGIN { split(\"12.706205 4.302653 3.182446 2.776445 2.570582 2.446912 2.364624 2.306004 2.262157 2.228139\", T, \" \"); bin = 1; " . \
       "unit = cname ~ /^(trust|consensus|progress|d_.*|c_po|c_pn|link|person_dependency)$/ } " . \
       "NR == 1 { for (i = 1; i <= NF; i++) { h[$i] = i; hn[i] = $i }; c = h[cname]; s = h[\"step\"]; w = h[\"network\"]; x = h[key]; next } " . \
       "$w != net { next } " . \
       "{ v = cvalue != \"\" ? ($c == cvalue) : $c + 0; } "
# the kind of interval, for the title
kind = "END { if (bin) print \"Wilson (a share)\" > meta; else if (unit) print \"t, clipped to [0, 1]\" > meta; else print \"t, clipped at 0\" > meta } "
if (mode eq "time") {
    # blocks "point step n mean lo hi", one per point, two blank lines apart; the
    # labels (the point's values of the varied keys that take more than one
    # value) one a line in labf
    agg = stat . \
          "{ k = $2 \" \" $s; n[k]++; t[k] += v; q[k] += v * v; if (v != 0 && v != 1) bin = 0; " . \
          "  if (!($2 in pt)) { pt[$2] = 1; for (i = 4; i < s; i++) { pv[$2, i] = $i; if (!((i, $i) in dv)) { dv[i, $i] = 1; nd[i]++ } } } } " . \
          kind . "END { for (k in n) { m = ci(n[k], t[k], q[k]); split(k, pk, \" \"); print pk[1], pk[2], n[k], m, lo, hi } " . \
          "for (p in pt) { l = \"\"; for (i = 4; i < s; i++) if (nd[i] > 1) l = l (l == \"\" ? \"\" : \", \") hn[i] \"=\" pv[p, i]; print p, (l == \"\" ? \"all runs\" : l) > labf } }"
    cmd = sprintf("awk -F, -v cname='%s' -v cvalue='%s' -v key='' -v net='%s' -v meta='%s' -v labf='%s.u' '%s' '%s' | sort -k1,1n -k2,2n | awk 'NR > 1 && $1 != p { print \"\"; print \"\" } { p = $1; print }' > '%s' && sort -k1,1n '%s.u' | sed 's/^[0-9]* //' > '%s'", \
                  cname, cvalue, net, meta, labf, agg, csv, dat, labf, labf)
} else {
    # "x n mean lo hi" per value of key, from each run's last row, in
    # increasing x (an insertion sort: POSIX sort cannot order 1e-05)
    agg = stat . \
          "{ last[$1] = v; g[$1] = $x } " . \
          "END { for (r in last) { v = last[r]; if (v != 0 && v != 1) bin = 0; if (!(g[r] in n)) u[++mm] = g[r]; n[g[r]]++; t[g[r]] += v; q[g[r]] += v * v } " . \
          "for (i = 2; i <= mm; i++) for (j = i; j > 1 && u[j - 1] + 0 > u[j] + 0; j--) { y = u[j]; u[j] = u[j - 1]; u[j - 1] = y } " . \
          "for (i = 1; i <= mm; i++) { m = ci(n[u[i]], t[u[i]], q[u[i]]); print u[i], n[u[i]], m, lo, hi } } " . kind
    cmd = sprintf("awk -F, -v cname='%s' -v cvalue='%s' -v key='%s' -v net='%s' -v meta='%s' '%s' '%s' > '%s'", \
                  cname, cvalue, key, net, meta, agg, csv, dat)
}
system(cmd)
if (system(sprintf("test -s '%s' && echo 1 || echo 0", dat)) ne "1") {
    system(sprintf("rm -f '%s' '%s' '%s' '%s' '%s.u'", tmp, dat, labf, meta, labf))
    nets = system(sprintf("awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == \"network\") w = i; next } { print $w }' '%s' | sort -u | tr '\\n' ' '", csv))
    print sprintf("plot-sweep.gp: no rows of network '%s' in %s; its networks: %s", net, csv, nets)
    exit status 2
}
interval = system(sprintf("cat '%s'", meta))
what = cvalue ne "" ? sprintf("share of %s = %s", cname, cvalue) : col
if (!exists("title")) title = sprintf("%s of network %s: mean and 95%% interval (%s)\ninterval: %s; %s", \
    what, net, dir, interval, mode eq "time" ? "over the runs in which the network is live at the step" : "over each run's last row")

ext = out[strlen(out) - 3:]
if (ext eq ".svg") {
    set terminal svg size 1000, 680 dynamic enhanced font "sans,12"
} else {
    if (ext eq ".pdf") {
        set terminal pdfcairo enhanced size 9.5in, 6.5in font "sans,10"
    } else {
        set terminal pngcairo enhanced size 1000, 680 font "sans,11"
    }
}
set output out
set grid lc rgb "#cccccc" lw 0.5
set style fill transparent solid 0.18 noborder
set lmargin 10

# Colours: up to ten lines the Tableau 10 palette, more along viridis in
# the order of the points (a grid's points are ordered by its keys).
tab10 = "0x1f77b4 0xff7f0e 0x2ca02c 0xd62728 0x9467bd 0x8c564b 0xe377c2 0x7f7f7f 0xbcbd22 0x17becf"
set palette defined (0 "#440154", 0.25 "#3b528b", 0.5 "#21918c", 0.75 "#5ec962", 1 "#fde725")
vir(f) = f < 0.25 ? mix(0x440154, 0x3b528b, f / 0.25) : f < 0.5 ? mix(0x3b528b, 0x21918c, (f - 0.25) / 0.25) : \
         f < 0.75 ? mix(0x21918c, 0x5ec962, (f - 0.5) / 0.25) : mix(0x5ec962, 0xfde725, (f - 0.75) / 0.25)
mix(a, b, f) = (int(((a >> 16) & 255) * (1 - f) + ((b >> 16) & 255) * f) << 16) + \
               (int(((a >> 8) & 255) * (1 - f) + ((b >> 8) & 255) * f) << 8) + \
               int((a & 255) * (1 - f) + (b & 255) * f)

# whole numbers on the axis of the run counts
stats dat using (mode eq "time" ? $3 : $2) nooutput
runs_step = STATS_max <= 5 ? 1 : ceil(STATS_max / 4.0)
set multiplot title title noenhanced
if (mode eq "time") {
    n_points = int(system(sprintf("wc -l < '%s'", labf)))
    # (viridis up to 0.9: its last yellow is too light on white)
    colour(i) = n_points <= 10 ? int(word(tab10, i)) : vir(n_points > 1 ? 0.9 * (i - 1.0) / (n_points - 1) : 0)
    label(i) = system(sprintf("sed -n '%dp' '%s'", i, labf))
    # the legend: one entry a line while they fit, then columns; beyond 40
    # lines a colour bar of the point order instead
    if (n_points <= 40) {
        # the right margin as wide as the longest label (about 7 pixels a
        # character at 1000 pixels, 5.5 in the small font)
        longest = int(system(sprintf("awk '{ if (length($0) > m) m = length($0) } END { print m + 0 }' '%s'", labf)))
        px = n_points > 12 ? 5.5 : 7.0
        rm = 1 - (longest + 7) * px / 1000.0
        set key outside right top vertical Left reverse noenhanced samplen 2
        if (n_points > 12) { set key font ",8" spacing 0.9 }
        set rmargin at screen (rm < 0.45 ? 0.45 : rm > 0.85 ? 0.85 : rm)
    } else {
        # too many for a legend: the ends of the colour scale named
        unset key
        set rmargin at screen 0.8
        set label 11 "colour: the points in order," at screen 0.81, screen 0.86 left font ",9"
        set label 12 "from the first (dark)" at screen 0.81, screen 0.83 left font ",9"
        set label 13 label(1) at screen 0.81, screen 0.80 left font ",8" noenhanced tc rgb colour(1)
        set label 14 "to the last (light)" at screen 0.81, screen 0.76 left font ",9"
        set label 15 label(n_points) at screen 0.81, screen 0.73 left font ",8" noenhanced \
            tc rgb colour(n_points)
    }
    # many bands over each other: lighter
    if (n_points > 10) { set style fill transparent solid 0.07 noborder }
    set size 1, 0.72
    set origin 0, 0.26
    set tmargin 4
    set bmargin 0.5
    set format x ""
    set ylabel what noenhanced
    set autoscale xfix
    plot for [i = 1 : n_points] dat index (i - 1) using 2:5:6 with filledcurves lc rgb colour(i) notitle, \
         for [i = 1 : n_points] dat index (i - 1) using 2:4 with lines lw 2 lc rgb colour(i) \
             title (n_points <= 40 ? label(i) : "")
    unset key
    unset label
    set size 1, 0.26
    set origin 0, 0
    set tmargin 0.5
    set bmargin 3.5
    set format x "%g"
    set xlabel "step (week)"
    set ylabel "runs live"
    set yrange [0 : STATS_max * 1.15]
    set ytics 0, runs_step
    plot for [i = 1 : n_points] dat index (i - 1) using 2:3 with steps lw 1.5 lc rgb colour(i) notitle
} else {
    set key inside top left noenhanced
    set size 1, 0.72
    set origin 0, 0.26
    set tmargin 4
    set bmargin 0.5
    set rmargin 4
    set format x ""
    set ylabel what noenhanced
    set offsets graph 0.02, graph 0.02, 0, 0
    plot dat using 1:4:5 with filledcurves lc rgb int(word(tab10, 1)) title "95% interval", \
         dat using 1:3 with linespoints lw 2 pt 7 ps 0.8 lc rgb int(word(tab10, 1)) title "mean"
    unset key
    set size 1, 0.26
    set origin 0, 0
    set tmargin 0.5
    set bmargin 3.5
    set format x "%g"
    set xlabel key noenhanced
    set ylabel "runs"
    set yrange [0 : STATS_max * 1.15]
    set ytics 0, runs_step
    plot dat using 1:2 with impulses lw 3 lc rgb "#555555" notitle
}
unset multiplot
set output
if (exists("table")) {
    system(sprintf("{ echo '%s'; awk 'NF' '%s' | tr ' ' ','; } > '%s'", \
        mode eq "time" ? "point,step,runs,mean,low,high" : key . ",runs,mean,low,high", dat, table))
}
system(sprintf("rm -f '%s' '%s' '%s' '%s' '%s.u'", tmp, dat, labf, meta, labf))
