#!/bin/sh
# readme_examples.sh: every example of README.md runs as written. In a copy
# of scenarios/ and scripts/, with samen on the path, the ```sh blocks run
# in README order; an ```ini block marked <!-- readme-test: file PATH -->
# is saved as PATH and must pass samen check; the ```gnuplot block runs;
# the files the ```r and ```python blocks read must exist by then (made by
# a command shown before them), and the blocks of the bindings (import
# samen, library(samen)) run with the build's library. A
# block the test cannot run (it installs packages, needs a cluster) is
# marked <!-- readme-test: skip (why) --> on the line before it; a block of
# another language, or an ini block without a mark, fails the test.
set -u
fail() { echo "FAIL: $*" >&2; exit 1; }
cp -r "$TOP/scenarios" "$TOP/scripts" .
mkdir bin
ln -s "$SAMEN" bin/samen
export PATH="$PWD/bin:$PATH"
have_gnuplot=1
command -v gnuplot > /dev/null 2>&1 || have_gnuplot=0

# blocks/N holds block N; index has "N|LANG|LINE|MARK" a line
mkdir blocks
awk '
/^<!-- readme-test: .* -->$/ { mark = $0; sub(/^<!-- readme-test: /, "", mark); sub(/ -->$/, "", mark); next }
/^```/ && !in_block { in_block = 1; n++; lang = substr($0, 4); start = NR
                      printf "%d|%s|%d|%s\n", n, lang, NR, mark > "index"; mark = ""
                      printf "" > ("blocks/" n); next }
/^```/ && in_block { in_block = 0; next }
in_block { print > ("blocks/" n); next }
NF { mark = "" }
' "$TOP/README.md"
[ -s index ] || fail "no code blocks in README.md"

# The bindings' examples (From Python, From R) run against the library of
# the build that made $SAMEN: the Python package from python/, the R
# package installed here once, on first use.
build=$(dirname "$SAMEN")
# A sanitized build's library needs its runtime in the program that loads
# it, which python3 and R are not: there (make test's clang check) these
# examples are left to the main build's run of this test.
sanitized=0
nm -D --undefined-only "$build/libsamen.so.0" 2>/dev/null | grep -q "__ubsan_\|__asan_" && sanitized=1
run_binding() {
    if [ "$1" = python ]; then
        PYTHONPATH="$TOP/python" LD_LIBRARY_PATH="$build" /usr/bin/python3 "blocks/$2"
    else
        if [ ! -d rlib/samen ]; then
            mkdir -p rlib && cp -r "$TOP/r/samen" rpkg &&
            SAMEN_CFLAGS="-I$TOP/include" SAMEN_LIBS="-L$build -lsamen" \
                LD_LIBRARY_PATH="$build" R CMD INSTALL -l rlib rpkg || return 1
        fi
        R_LIBS="$PWD/rlib" LD_LIBRARY_PATH="$build" Rscript "blocks/$2"
    fi
}

ran=0
while IFS='|' read -r n lang line mark; do
    where="README.md line $line"
    case $mark in
    skip*) continue ;;
    "" | file\ *) ;;
    *) fail "$where: unknown mark '$mark' (skip (why) or file PATH)" ;;
    esac
    case $lang in
    "") ;; # command synopses and sample outputs, not examples
    sh)
        if [ $have_gnuplot -eq 0 ] && grep -q gnuplot "blocks/$n"; then
            echo "skipped $where: no gnuplot"; continue
        fi
        sh -e "blocks/$n" > "out.$n" 2>&1 || fail "$where: the example fails: $(tail -n 5 "out.$n")"
        ran=$((ran + 1)) ;;
    ini)
        file=${mark#file }
        [ -n "$mark" ] && [ "$file" != "$mark" ] || fail "$where: an ini example without <!-- readme-test: file PATH -->"
        cp "blocks/$n" "$file"
        samen check "$file" > "out.$n" 2>&1 || fail "$where: $file fails samen check: $(cat "out.$n")"
        ran=$((ran + 1)) ;;
    r | python)
        # an example of the bindings runs, with the build's library
        if grep -q "^import samen\|^library(samen)" "blocks/$n"; then
            if [ $sanitized -eq 1 ]; then
                echo "skipped $where: a sanitized library"; continue
            fi
            run_binding "$lang" "$n" > "out.$n" 2>&1 \
                || fail "$where: the $lang example fails: $(tail -n 5 "out.$n")"
            ran=$((ran + 1)); continue
        fi
        files=$(grep -oE '(read\.csv|read_csv|read_graph|read_gexf|read_graphml)\("[^"]+"' "blocks/$n" | sed 's/^[^"]*"//; s/"$//')
        [ -n "$files" ] || fail "$where: the $lang example reads no file the test can see"
        for f in $files; do
            [ -s "$f" ] || fail "$where: the $lang example reads $f, which no command above makes"
        done
        ran=$((ran + 1)) ;;
    gnuplot)
        [ $have_gnuplot -eq 1 ] || continue
        { echo "set terminal dumb"; echo "set output '/dev/null'"; cat "blocks/$n"; } > "plot.$n.gp"
        gnuplot "plot.$n.gp" > "out.$n" 2>&1 || fail "$where: the gnuplot example fails: $(cat "out.$n")"
        ran=$((ran + 1)) ;;
    *) fail "$where: a \`\`\`$lang block the test cannot run; run it here or mark it skip" ;;
    esac
done < index
[ $ran -ge 10 ] || fail "only $ran examples ran"
echo "$ran README examples ran"
