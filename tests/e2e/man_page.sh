#!/bin/sh
# man_page.sh: the manual page docs/samen.1 documents every command that
# `samen --help` lists and every option that its `samen COMMAND --help`
# prints, so that the two stay in step; `make install` puts samen, the plot
# scripts and the page under PREFIX in DESTDIR (samen-mpi where built).
set -u
fail() { echo "FAIL: $*" >&2; exit 1; }
MAN="$TOP/docs/samen.1"
# the page with troff's escaped hyphens as plain ones
sed 's/\\-/-/g' "$MAN" > man.txt

# section CMD ALL: the lines of the section .SS "samen CMD..." of the
# page, or with ALL 1 the whole page
section() {
    awk -v c="samen $1" -v all="$2" 'all == 1 { print; next }
        index($0, ".SS \"" c) == 1 { on = 1; next } /^\.S[SH] / { on = 0 } on' man.txt
}
"$SAMEN" --help > help.out || fail "samen --help"
cmds=$(sed -n '/^commands:/,$p' help.out | awk 'NR > 1 && NF { print $1 }')
[ -n "$cmds" ] || fail "no commands in samen --help"
for c in $cmds; do
    grep -q "^\.SS \"samen $c\( \|\"\)" man.txt || fail "the man page has no section for samen $c"
    "$SAMEN" "$c" --help > "h.$c" || fail "samen $c --help"
    # the options it prints: words that start with - or -- after a space,
    # bracket, comma, bar or parenthesis; those of its option list (lines
    # "  --opt ...") in its own section, but -h and --help, which every
    # command takes and the page says once; those named in passing (as
    # collect names sweep's -j) anywhere
    opts() { grep -oE '(^|[][ ,|(])--?[a-z][a-z0-9-]*' | sed 's/^[][ ,|(]//' | sort -u; }
    own=$(grep -E '^  +--?[a-z]' "h.$c" | sed 's/  [^-].*//' | opts)
    for o in $(opts < "h.$c"); do
        all=1
        for x in $own; do [ "$x" = "$o" ] && all=0; done
        case $o in -h|--help) all=1 ;; esac
        section "$c" "$all" | grep -qE -- "(^|[^a-z-])$o([^a-z0-9-]|\$)" \
            || fail "samen $c $o is not in the man page"
    done
    [ -n "$own" ] || [ "$c" = version ] || fail "no option list in samen $c --help"
done
if command -v groff > /dev/null 2>&1; then
    groff -man -ww -z "$MAN" 2> groff.err || fail "groff: $(cat groff.err)"
    [ ! -s groff.err ] || fail "groff warns: $(cat groff.err)"
fi

# make install, staged in DESTDIR, from the build that made $SAMEN
build=$(cd "$(dirname "$SAMEN")" && pwd)
make -s -C "$TOP" install BUILD="$build" DESTDIR="$PWD/stage" PREFIX=/opt/samen > make.out 2>&1 \
    || fail "make install: $(cat make.out)"
p=stage/opt/samen
"$p/bin/samen" version | grep -q "^samen " || fail "installed samen does not run"
for f in share/samen/plot-run.gp share/samen/plot-sweep.gp share/man/man1/samen.1; do
    [ -s "$p/$f" ] || fail "make install did not install $f"
done
cmp -s "$p/share/man/man1/samen.1" "$MAN" || fail "the installed man page differs"
if [ -x "$build/samen-mpi" ]; then
    [ -x "$p/bin/samen-mpi" ] || fail "samen-mpi was built but not installed"
fi
make -s -C "$TOP" uninstall BUILD="$build" DESTDIR="$PWD/stage" PREFIX=/opt/samen > /dev/null 2>&1 \
    || fail "make uninstall"
[ ! -e "$p/bin/samen" ] && [ ! -e "$p/share/man/man1/samen.1" ] || fail "make uninstall left files"
exit 0
