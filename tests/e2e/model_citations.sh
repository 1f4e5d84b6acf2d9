#!/bin/sh
# model_citations.sh: every section of the model description that the code,
# the scripts, the README, the tests and `samen describe` cite exists in
# docs/MODEL.md under that number, as a heading "## N. ..." or "### N.M ...".
# What counts as a citation:
#   - "MODEL.md N", "MODEL.md section N", "MODEL.md sections N, M and K";
#   - "section N" or "Section N" (src/stats and src/tools excepted: they cite
#     the statistics literature by its own sections);
#   - a parenthesised sub-model number, "(4.1)" or "(4.1, 4.12)";
#   - in `samen describe`, a parenthesised list of numbers ending a meaning,
#     "(2)", "(4.1, 4.12)".
set -eu
model="$TOP/docs/MODEL.md"
[ -f "$model" ] || { echo "no docs/MODEL.md"; exit 1; }
work=$(pwd) # run-e2e.sh's fresh folder: what the test writes goes there
cd "$TOP"
files=$(find src include scripts tests -type f \( -name '*.c' -o -name '*.h' -o -name '*.sh' \
            -o -name '*.gp' -o -name '*.sbatch' \) 2>/dev/null | sort)
files="$files README.md docs/CALIBRATION.md scenarios/experiments/README.md"
num='[0-9]+(\.[0-9]+)*'
list="$num((, | and | to )$num)*"

# "FILE: CITATION" lines, one per citation found.
{
    for f in $files; do
        [ -f "$f" ] || continue
        grep -oE "MODEL\.md,? (sections? )?$list" "$f" | sed "s|^|$f: |" || true
        grep -oE "\(4\.[0-9]+(, 4\.[0-9]+)*\)" "$f" | sed "s|^|$f: |" || true
        case "$f" in
        src/stats/* | src/tools/*) ;;
        *) grep -oE "[Ss]ections? $list" "$f" | sed "s|^|$f: |" || true ;;
        esac
    done
    "$SAMEN" describe | grep -oE " \($num(, $num)*\)\$" | sed 's|^|samen describe: |' || true
} >"$work/citations"

[ -s "$work/citations" ] || { echo "no citation found: the patterns are wrong"; exit 1; }
bad=0
checked=0
while IFS= read -r line; do
    where=${line%%: *}
    what=${line#*: }
    for n in $(echo "$what" | grep -oE "$num"); do
        n=${n%.}
        checked=$((checked + 1))
        pattern="^#+ $(echo "$n" | sed 's/\./\\./g')\.? "
        if ! grep -qE "$pattern" "$model"; then
            echo "$where cites \"$what\": docs/MODEL.md has no section $n"
            bad=$((bad + 1))
        fi
    done
done <"$work/citations"
echo "$checked section numbers cited, $bad missing"
[ "$bad" -eq 0 ]
