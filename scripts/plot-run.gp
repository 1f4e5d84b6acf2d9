# plot-run.gp: one network of one run over time, from the run's network.csv:
# trust, consensus and progress; c_po, c_pn and link; members and necessary
# actors present; the phases (recruiting, formulating, executing) shaded
# behind every panel and the end (completed, dissolved, merged) marked.
#
# Usage (gnuplot 5.4 or later; gnuplot-nox is enough):
#   gnuplot -e "dir='results/brede-school-molenbeek-1'" scripts/plot-run.gp
#   gnuplot -e "dir='results/flanders-region-3'; net='n02-brede-school'; out='n02.svg'" \
#           scripts/plot-run.gp
# Variables:
#   dir    the output folder of "samen run" (for a run of a sweep: the folder
#          "samen rerun SWEEPDIR RUN --out DIR" writes); required
#   net    the network to plot (default: the first network of the scenario,
#          as run.ini declares them)
#   out    the file to write, .png (default run.png), .svg or .pdf
#   title  the plot's title (default: "NET, seed SEED (DIR)")
# Needs a POSIX shell with awk (the rows of one network are picked with awk).

if (!exists("dir")) {
    print "plot-run.gp: give the run folder, e.g. gnuplot -e \"dir='results/x'\" scripts/plot-run.gp"
    exit status 2
}
if (!exists("out")) out = "run.png"
csv = dir . "/network.csv"
ok = system(sprintf("test -r '%s' && echo 1 || echo 0", csv))
if (ok ne "1") {
    print sprintf("plot-run.gp: cannot read %s (is dir a run folder?)", csv)
    exit status 2
}
# The first network of the scenario: the rows of a step come in the random
# order of the schedule, so the first row would pick one by chance.
if (!exists("net")) {
    net = system(sprintf("awk '/^\\[network / { sub(/^\\[network +/, \"\"); sub(/ *\\].*/, \"\"); print; exit }' '%s/run.ini' 2>/dev/null", dir))
    if (net eq "") {
        net = system(sprintf("awk -F, 'NR > 1 { print $2 }' '%s' | sort -u | head -n 1", csv))
    }
}
rows = sprintf("< awk -F, -v n='%s' 'NR == 1 || $2 == n' '%s'", net, csv)
nrows = system(sprintf("awk -F, -v n='%s' '$2 == n' '%s' | wc -l", net, csv)) + 0
if (nrows == 0) {
    print sprintf("plot-run.gp: network '%s' has no rows in %s", net, csv)
    exit status 2
}
seed = system(sprintf("awk -F' *= *' '/^seed *=/ { print $2; exit }' '%s/run.ini' 2>/dev/null", dir))
if (!exists("title")) title = sprintf("%s, seed %s (%s)", net, seed, dir)

# the terminal from the file name
ext = out[strlen(out) - 3:]
if (ext eq ".svg") {
    set terminal svg size 960, 1000 dynamic font "sans,12"
} else {
    if (ext eq ".pdf") {
        set terminal pdfcairo size 9in, 9.5in font "sans,10"
    } else {
        set terminal pngcairo size 960, 1000 font "sans,11"
    }
}
set output out

set datafile separator ","
set datafile columnheaders

# phase colours (rectangles behind each panel, one per stretch of a phase)
phase_col(p) = p eq "recruiting" ? 0xcfe3f5 : p eq "formulating" ? 0xfbe3c4 : \
               p eq "executing" ? 0xd6efd0 : 0xdddddd
spans = system(sprintf("awk -F, -v n='%s' '$2 == n { if ($4 != p) { if (p != \"\") print s, e, p; s = $1; p = $4 } e = $1 } END { print s, e, p }' '%s'", net, csv))
n_spans = words(spans) / 3
do for [i = 1 : n_spans] {
    set object i rectangle from word(spans, 3*i - 2) - 0.5, graph 0 \
        to word(spans, 3*i - 1) + 0.5, graph 1 back \
        fillcolor rgb phase_col(word(spans, 3*i)) fillstyle solid 1.0 noborder
}
first_step = word(spans, 1) + 0
last_step = word(spans, 3*n_spans - 1) + 0
last_phase = word(spans, 3*n_spans)
ended = (last_phase eq "completed" || last_phase eq "dissolved" || last_phase eq "merged")
stats rows using "members" nooutput
top_members = STATS_max + 1

# a little room after the end, so that its mark is not hidden by the border
set xrange [first_step - 0.5 : last_step + 0.5 + (ended ? 0.02 * (last_step - first_step + 1) : 0)]
set style fill solid 1.0 noborder
set grid front lc rgb "#bbbbbb" lw 0.5
set key outside right top vertical Left reverse samplen 2 width 1
set lmargin 9
set rmargin 24
if (ended) {
    set arrow 1 from last_step, graph 0 to last_step, graph 1 nohead front lc rgb "#555555" dt 2 lw 1.5
}

set multiplot layout 3, 1 title title font ",13"

# 1. trust, consensus, progress
set ylabel "level"
set yrange [0 : 1.02]
set format x ""
if (ended) {
    set label 1 sprintf("%s at step %d", last_phase, last_step) at last_step, graph 0.06 \
        right offset -0.5, 0 front font ",10" tc rgb "#333333"
}
plot NaN with boxes lc rgb "#cfe3f5" title "recruiting", \
     NaN with boxes lc rgb "#fbe3c4" title "formulating", \
     NaN with boxes lc rgb "#d6efd0" title "executing", \
     rows using "step":"trust" with lines lw 2 lc rgb "#1f77b4" title "trust", \
     "" using "step":"consensus" with lines lw 2 lc rgb "#d62728" title "consensus", \
     "" using "step":"progress" with lines lw 2 lc rgb "#2ca02c" title "progress"
unset label 1

# 2. communication
set ylabel "communication"
plot rows using "step":"c_po" with lines lw 2 lc rgb "#9467bd" title "c\\_po (own org.)", \
     "" using "step":"c_pn" with lines lw 2 lc rgb "#ff7f0e" title "c\\_pn (network)", \
     "" using "step":"link" with lines lw 1.5 dt 2 lc rgb "#444444" title "link"

# 3. members
set ylabel "organisations"
set xlabel "step (week)"
set format x "%g"
set yrange [0 : top_members]
plot rows using "step":"members" with steps lw 2 lc rgb "#1f77b4" title "members", \
     "" using "step":"necessary_present" with steps lw 2 dt 2 lc rgb "#d62728" title "necessary present"

unset multiplot
set output
