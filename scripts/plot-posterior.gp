# plot-posterior.gp: the result of "samen fit DIR": one panel per fitted key
# with its marginal posterior density (a weighted kernel density of the
# particles) for every generation, the last in bold; and, when
# "samen predict DIR" has written DIR/predictive.csv, a last panel with each
# target's 95 % predictive interval and mean against its observed value,
# all divided by the observed value (so that 1 is the target).
#
# Usage (gnuplot 5.4 or later; gnuplot-nox is enough):
#   samen fit scenarios/calibration/region.fit.ini --out results/region-fit
#   samen predict results/region-fit
#   gnuplot -e "dir='results/region-fit'" scripts/plot-posterior.gp
# Variables:
#   dir    the fit folder (holding particles.csv); required
#   out    the file to write, .png (default posterior.png), .svg or .pdf
#   last   1: only the last generation's density (default: every generation)
# A loguniform key is drawn against the log10 of its value, where its prior
# is flat.
# Needs a POSIX shell with awk.

if (!exists("dir")) {
    print "plot-posterior.gp: give the fit folder, e.g. gnuplot -e \"dir='results/region-fit'\" scripts/plot-posterior.gp"
    exit status 2
}
if (!exists("out")) out = "posterior.png"
if (!exists("last")) last = 0
csv = dir . "/particles.csv"
pred = dir . "/predictive.csv"
head = system(sprintf("head -n 1 '%s' 2>/dev/null", csv))
if (strstrt(head, "generation,particle,weight,distance,") != 1) {
    print sprintf("plot-posterior.gp: %s is not the particles.csv of samen fit", csv)
    exit status 2
}
# the fitted keys: the [prior] section of fit.ini, in order, with their kind
keys = system(sprintf("awk '/^\\[/ { s = $0; next } s == \"[prior]\" && /=/ { sub(/ *=.*/, \"\"); printf \"%%s \", $0 }' '%s/fit.ini'", dir))
logs = system(sprintf("awk '/^\\[/ { s = $0; next } s == \"[prior]\" && /=/ { printf \"%%d \", (index($0, \"loguniform\") > 0) }' '%s/fit.ini'", dir))
nk = words(keys)
gens = system(sprintf("awk -F, 'NR > 1 { g = $1 } END { print g + 1 }' '%s'", csv)) + 0
havepred = system(sprintf("test -r '%s' && echo 1 || echo 0", pred)) + 0
panels = nk + havepred
cols = panels > 3 ? 3 : panels
rows = int((panels + cols - 1) / cols)

if (out[strlen(out)-3:] eq ".svg") {
    set terminal svg size 420*cols, 320*rows font "sans,11" background "white"
} else {
    if (out[strlen(out)-3:] eq ".pdf") {
        set terminal pdfcairo size 4.2*cols, 3.2*rows font "sans,9"
    } else {
        set terminal pngcairo size 420*cols, 320*rows font "sans,10"
    }
}
set output out
set datafile separator ","
set multiplot layout rows, cols title sprintf("samen fit: %s, %d generation%s", dir, gens, gens == 1 ? "" : "s")
set key top right font ",8"
set grid

do for [k = 1:nk] {
    key = word(keys, k)
    col = 4 + k
    lg = word(logs, k) eq "1"
    set title key noenhanced
    set xlabel (lg ? "log10 " . key : key) noenhanced
    set ylabel "density"
    first = last ? gens - 1 : 0
    # kdensity takes the weight as its second column
    plot for [g = first:gens-1] csv skip 1 using (column(1) == g ? (lg ? log10(column(col)) : column(col)) : NaN):(column(1) == g ? column(3) : 0) \
        smooth kdensity with lines lw (g == gens - 1 ? 3 : 1) \
        lc rgb (g == gens - 1 ? "#1f4e9c" : "#9fb4d9") title (g == gens - 1 || g == first ? sprintf("generation %d", g) : "")
}
if (havepred) {
    targets = system(sprintf("awk -F, 'NR > 1 { printf \"%%s \", $1 }' '%s'", pred))
    nt = words(targets)
    set key bottom left
    set title "predictive check: 95 % interval / observed"
    set xlabel ""
    set ylabel "value / observed"
    set xrange [0.5:nt + 0.5]
    set xtics () noenhanced
    do for [t = 1:nt] { set xtics add (word(targets, t) t) }
    plot 1 with lines lc rgb "#888888" dt 2 title "observed", \
        pred skip 1 using ($0 + 1):($4 / $3):($5 / $3):($6 / $3) with yerrorbars lc rgb "#1f4e9c" pt 7 ps 0 title "95 % interval", \
        pred skip 1 using ($0 + 1):($4 / $3) with points pt 7 lc rgb "#1f4e9c" title "mean"
}
unset multiplot
