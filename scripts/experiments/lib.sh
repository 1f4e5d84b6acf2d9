# lib.sh: what the experiment scripts pN.sh share (sourced, not run): where
# things are, running a sweep, reading samen-stats output, writing claim
# rows and drawing figures with gnuplot. POSIX sh.
#
# Environment: BUILD (build folder, default build), SAMEN and SAMEN_STATS
# (the programs, default $TOP/$BUILD/samen and samen-stats), EXP_WORK (raw
# sweep outputs, default results/experiments), EXP_FIGURES (default figures).

set -eu

TOP=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-build}
case $BUILD in /*) ;; *) BUILD="$TOP/$BUILD" ;; esac
SAMEN=${SAMEN:-$BUILD/samen}
STATS=${SAMEN_STATS:-$BUILD/samen-stats}
WORK=${EXP_WORK:-$TOP/results/experiments}
FIG=${EXP_FIGURES:-$TOP/figures}
SCEN="$TOP/scenarios/experiments"

for prog in "$SAMEN" "$STATS"; do
    [ -x "$prog" ] || { echo "experiments: $prog is missing; run make BUILD=... all" >&2; exit 1; }
done
command -v gnuplot >/dev/null || { echo "experiments: gnuplot is missing (Debian: gnuplot-nox)" >&2; exit 1; }
mkdir -p "$WORK/claims" "$FIG"

die() { echo "experiments: $*" >&2; exit 1; }

# run_sweep NAME SWEEP: runs scenarios/experiments/SWEEP into $WORK/NAME
# afresh and merges its runs (samen collect): besides the sweep's own
# manifest.csv and summary.csv, $WORK/NAME then holds network.csv,
# events.csv, ties.csv (and orgs.csv where the sweep has detail = orgs),
# every run's rows in run order after run,point,replicate and the varied
# keys (FORMATS.md). The runs' rows in $WORK/NAME/parts/ are never read
# directly.
run_sweep() {
    name=$1; sweep=$2
    rm -rf "$WORK/$name"
    "$SAMEN" sweep "$SCEN/$sweep" --out "$WORK/$name" --quiet || die "sweep $sweep failed"
    "$SAMEN" collect "$WORK/$name" > /dev/null || die "collect $name failed"
}

# base_ini NAME: the resolved base scenario of the sweep in $WORK/NAME
# (inputs/scenario.ini, as a run.ini); it lacks the sweep's [set] and
# [vary] values, so read from it only keys that the sweep leaves alone.
base_ini() {
    ini="$WORK/$1/inputs/scenario.ini"
    [ -f "$ini" ] || die "no $ini"
    echo "$ini"
}

# field FILE TEST COLUMN: a column (estimate, lower, upper, statistic, df,
# p_value) of the row of test TEST in a samen-stats --tests file.
field() {
    awk -F, -v t="$2" -v c="$3" '
        NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
        $1 == t { print $(col[c]); found = 1; exit }
        END { if (!found) exit 1 }' "$1" || die "no test $2 in $1"
}

# group_col FILE GROUP COLUMN: a column of one group's row of a samen-stats
# table (group in column 1).
group_col() {
    awk -F, -v g="$2" -v c="$3" '
        NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
        $1 == g { print $(col[c]); found = 1; exit }
        END { if (!found) exit 1 }' "$1" || die "no group $2 in $1"
}

# num X: X with 3 significant digits; pval P: a p-value for a table.
num() { awk -v x="$1" 'BEGIN { printf "%.3g", x }'; }
pval() { awk -v p="$1" 'BEGIN { if (p < 1e-16) printf "p < 1e-16"; else printf "p = %.2g", p }'; }

# below P [LIMIT]: "yes" if P < LIMIT (default 0.05), else "no".
below() { awk -v p="$1" -v a="${2:-0.05}" 'BEGIN { print (p < a) ? "yes" : "no" }'; }

# both A B: "yes" if both are "yes".
both() { [ "$1" = yes ] && [ "$2" = yes ] && echo yes || echo no; }

# summarise TABLE VALUE-COLUMN [GROUPS]: "G: v [lo-hi]; ..." for the groups
# listed (all if none), from a samen-stats table.
summarise() {
    awk -F, -v c="$2" -v want=" ${3:-} " '
        NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
        want == "  " || index(want, " " $1 " ") {
            s = s (s == "" ? "" : "; ") sprintf("%s: %.3g [%.3g-%.3g]", $1, $(col[c]),
                $(col["lower"]), $(col["upper"]))
        }
        END { print s }' "$1"
}

# claim_begin PATTERN / claim ... / claim_end: the rows of one pattern,
# written whole into $WORK/claims/PATTERN.csv.
claim_begin() {
    CLAIM_PATTERN=$1
    CLAIM_TMP="$WORK/claims/$1.csv.tmp"
    : > "$CLAIM_TMP"
}

# claim MEASURE VALUES TEST P-OR-INTERVAL HOLDS FIGURE: one row.
claim() {
    {
        printf '%s' "$CLAIM_PATTERN"
        for f in "$@"; do
            printf ','
            case $f in
                *[\",]*) printf '"%s"' "$(printf '%s' "$f" | sed 's/"/""/g')" ;;
                *) printf '%s' "$f" ;;
            esac
        done
        printf '\n'
    } >> "$CLAIM_TMP"
}

# claim_p MEASURE VALUES TEST P FIGURE: a row decided by a p-value: the
# p-value as text, and whether it is below 0.05.
claim_p() {
    claim "$1" "$2" "$3" "$(pval "$4")" "$(below "$4")" "$5"
}

claim_end() {
    mv "$CLAIM_TMP" "$WORK/claims/$CLAIM_PATTERN.csv"
}

# plot NAME < SCRIPT: draws figures/NAME.png with the gnuplot SCRIPT read
# from standard input, after common settings; written whole (NAME.png.tmp
# renamed) and checked to be a PNG.
plot() {
    out="$FIG/$1.png"
    {
        printf 'set terminal pngcairo size %s enhanced font "DejaVu Sans,11"\n' "${PLOT_SIZE:-1400,560}"
        printf 'set output "%s.tmp"\n' "$out"
        printf 'set encoding utf8\n'
        printf 'set datafile separator ","\n'
        printf 'set grid lc rgb "#dddddd"\n'
        printf 'set key top right box opaque\n'
        printf 'set bars small\n'
        cat
        printf 'unset multiplot\nset output\n'
    } | gnuplot || die "gnuplot failed for $1"
    head -c 4 "$out.tmp" | od -c | grep -q 'P   N   G' || die "$1: not a PNG"
    mv "$out.tmp" "$out"
}
