# plot-sensitivity.gp: the sensitivity indices that "samen analyse DIR"
# writes to DIR/sensitivity.csv, one panel per outcome: per varied key the
# first-order (S1) and total (ST) Sobol indices with their 95 % bootstrap
# intervals for a saltelli sweep, or mu* with its interval and sigma for a
# morris sweep.
#
# Usage (gnuplot 5.4 or later; gnuplot-nox is enough):
#   samen sweep scenarios/experiments/sensitivity.sweep.ini --out results/sensitivity
#   samen analyse results/sensitivity
#   gnuplot -e "dir='results/sensitivity'" scripts/plot-sensitivity.gp
#   gnuplot -e "dir='results/sensitivity'; outcomes='agreed trust'; out='s.svg'" \
#           scripts/plot-sensitivity.gp
# Variables:
#   dir       the sweep folder holding sensitivity.csv; required
#   outcomes  the outcomes to draw, space-separated (default: every outcome
#             of the file, in its order)
#   net       the network (default: the first of the file)
#   out       the file to write, .png (default sensitivity.png), .svg or .pdf
#   title     the title above the panels
# A key's label drops the "network.NAME." of network keys. An index left
# empty in the file (the outcome does not vary: V = 0) has no bar. Needs a
# POSIX shell with awk and mktemp.

if (!exists("dir")) {
    print "plot-sensitivity.gp: give the analysed sweep folder, e.g. gnuplot -e \"dir='results/sw'\" scripts/plot-sensitivity.gp"
    exit status 2
}
if (!exists("out")) out = "sensitivity.png"
csv = dir . "/sensitivity.csv"
head = system(sprintf("head -n 1 '%s' 2>/dev/null", csv))
if (head eq "outcome,network,key,S1,S1_low,S1_high,ST,ST_low,ST_high") {
    morris = 0
} else {
    if (head eq "outcome,network,key,mu,mu_star,sigma,mu_star_low,mu_star_high") {
        morris = 1
    } else {
        print sprintf("plot-sensitivity.gp: %s is not the output of samen analyse (run: samen analyse %s)", csv, dir)
        exit status 2
    }
}
if (!exists("net")) net = system(sprintf("awk -F, 'NR == 2 { print $2; exit }' '%s'", csv))
if (!exists("outcomes")) {
    outcomes = system(sprintf("awk -F, -v net='%s' 'NR > 1 && $2 == net && !($1 in s) { s[$1] = 1; printf \"%%s \", $1 }' '%s'", net, csv))
}
n = words(outcomes)
if (n == 0) {
    print sprintf("plot-sensitivity.gp: no rows of network '%s' in %s", net, csv)
    exit status 2
}
if (!exists("title")) title = sprintf("%s: %s (%s)", morris ? "Morris mu* and sigma" : "Sobol indices S1 and ST, 95% bootstrap intervals", net, dir)

# One block per outcome (two blank lines apart): key number, label, then
# the six numbers (S1 lo hi ST lo hi, or mu* lo hi sigma), NaN where empty.
tmp = system("mktemp \"${TMPDIR:-/tmp}/plot-sensitivity.XXXXXX\"")
prep = "NR == 1 { next } $2 != net { next } " . \
       "{ for (i = 4; i <= NF; i++) if ($i == \"\") $i = \"NaN\"; " . \
       "  lab = $3; sub(\"^network\\\\.\" net \"\\\\.\", \"\", lab); " . \
       "  if (morris) r = $5 \" \" $7 \" \" $8 \" \" $6; else r = $4 \" \" $5 \" \" $6 \" \" $7 \" \" $8 \" \" $9; " . \
       "  row[$1] = row[$1] (++k[$1]) \" \" lab \" \" r \"\\n\" } " . \
       "END { m = split(want, w, \" \"); for (i = 1; i <= m; i++) { if (!(w[i] in row)) { print \"missing \" w[i] > \"/dev/stderr\"; exit 3 } printf \"%s%s\", (i > 1 ? \"\\n\\n\" : \"\"), row[w[i]] } }"
rc = system(sprintf("awk -F, -v OFS=' ' -v net='%s' -v morris=%d -v want='%s' '%s' '%s' > '%s'; echo $?", net, morris, outcomes, prep, csv, tmp))
if (rc ne "0") {
    system(sprintf("rm -f '%s'", tmp))
    print sprintf("plot-sensitivity.gp: an outcome of '%s' has no rows of network '%s' in %s", outcomes, net, csv)
    exit status 2
}

cols = n > 1 ? 2 : 1
rows = (n + cols - 1) / cols
ext = out[strlen(out) - 3:]
if (ext eq ".svg") {
    set terminal svg size 560 * cols, 60 + 300 * rows dynamic font "sans,12"
} else {
    if (ext eq ".pdf") {
        set terminal pdfcairo size (5.2 * cols)in, (0.6 + 2.9 * rows)in font "sans,10"
    } else {
        set terminal pngcairo size 560 * cols, 60 + 300 * rows font "sans,10"
    }
}
set output out
set grid ytics lc rgb "#cccccc" lw 0.5
set style fill solid 0.6 border -1
set boxwidth 0.35
set key top right noenhanced samplen 1.5
set xtics rotate by -25 noenhanced nomirror
set yrange [*:*]
set xrange [0.4:*]
set multiplot layout rows, cols title title noenhanced
do for [i = 1 : n] {
    set title word(outcomes, i) noenhanced
    if (morris) {
        set ylabel "mu*, sigma"
        plot tmp index (i - 1) using ($1 - 0.18):3:4:5:(0.35):xtic(2) with boxerrorbars lc rgb "#4477aa" title "mu*", \
             tmp index (i - 1) using ($1 + 0.18):6:(0.35) with boxes lc rgb "#ee6677" title "sigma"
    } else {
        set ylabel "index"
        plot tmp index (i - 1) using ($1 - 0.18):3:4:5:(0.35):xtic(2) with boxerrorbars lc rgb "#4477aa" title "S1", \
             tmp index (i - 1) using ($1 + 0.18):6:7:8:(0.35) with boxerrorbars lc rgb "#ee6677" title "ST"
    }
}
unset multiplot
set output
system(sprintf("rm -f '%s'", tmp))
