#!/bin/sh
# bindings.sh BUILD: the tests of libsamen as a library and of its Python
# and R bindings (make lib-test, part of make test), one "ok"/"FAIL" line
# each: the exported symbols; scenarios in threads under ThreadSanitizer;
# make install staged in DESTDIR; the C example of docs/API.md compiled
# with pkg-config against the staged library and run; the Python package
# as installed (pytest) and as pip installs it; the R package installed
# against the staged library, R CMD check (its testthat tests) and the
# vignette's code.
set -u
build=$1
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0; fail=0
check() {
    name=$1; shift
    if "$@" > "$work/log" 2>&1; then
        pass=$((pass + 1)); echo "ok   $name"
    else
        fail=$((fail + 1)); echo "FAIL $name"; tail -n 40 "$work/log"
    fi
}

check symbols sh "$here/symbols.sh" "$build/libsamen.so.0"
check threads env TSAN_OPTIONS=halt_on_error=1 "$build/tsan/lib_threads" \
    "$top/scenarios/brede-school-molenbeek.ini"

# make install, staged: the library, headers, samen.pc and the Python package
stage=$work/stage
prefix=/usr/local
check install make -s -C "$top" install BUILD="$build" DESTDIR="$stage" PREFIX="$prefix"
lib=$stage$prefix/lib
export LD_LIBRARY_PATH="$lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export PKG_CONFIG_PATH="$lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$stage"
export PATH="$stage$prefix/bin:$PATH"

api_example() {
    awk '/^```c$/ { on = 1; next } /^```/ { if (on) exit } on' "$top/docs/API.md" > "$work/tables.c"
    # shellcheck disable=SC2046
    cc -std=c11 -Wall -Wextra -Werror "$work/tables.c" $(pkg-config --cflags --libs samen) \
        -o "$work/tables" || return 1
    # the installed library, not the build's: the loader's choice
    ldd "$work/tables" | grep -q "$lib/libsamen.so.0" || { ldd "$work/tables"; return 1; }
    sc=$top/scenarios/brede-school-molenbeek.ini
    "$work/tables" "$sc" simulation.steps=104 output.detail=orgs > "$work/tables.out" || return 1
    samen run "$sc" --steps 104 --detail orgs --out "$work/run" --quiet || return 1
    for t in network events ties orgs; do
        rows=$(($(wc -l < "$work/run/$t.csv") - 1))
        grep -qx "$t: $rows rows" "$work/tables.out" || { cat "$work/tables.out"; return 1; }
    done
    ! grep -q "^persons:" "$work/tables.out" || return 1
    grep -q "^last trust: 0\.[0-9]" "$work/tables.out" || return 1
    # a bad override: the CLI's message and status 2, not a crash
    "$work/tables" "$sc" model.trust0=2 2> "$work/err"
    [ $? -eq 2 ] && grep -q "model.trust0: 2 is out of range" "$work/err"
}
check api-example api_example

pytest_installed() {
    cd "$top/python/tests" &&
    PYTHONPATH="$stage$prefix/lib/python3/dist-packages" /usr/bin/python3 -m pytest -q \
        -p no:cacheprovider . &&
    PYTHONPATH="$stage$prefix/lib/python3/dist-packages" /usr/bin/python3 -c \
        'import samen, sys; sys.exit(not samen.__file__.startswith(sys.argv[1]))' "$stage"
}
check pytest pytest_installed

pip_install() {
    cp -r "$top/python" "$work/py" &&
    /usr/bin/python3 -m pip install -q --no-build-isolation --no-deps --no-index \
        --target "$work/pip" "$work/py" &&
    cd "$work" && PYTHONPATH="$work/pip" /usr/bin/python3 -c \
        'import samen, sys; r = samen.run(sys.argv[1], steps=20); assert len(r.network) > 0' \
        "$top/scenarios/brede-school-molenbeek.ini"
}
check pip-install pip_install

# R: installed against the staged library (configure asks pkg-config),
# checked as CRAN would without the manual and the vignette's PDF (which
# needs LaTeX); the vignette's code runs on its own below.
export SAMEN_TOP="$top" R_LIBS="$work/rlib"
r_check() {
    # built from a copy: R CMD INSTALL of a folder builds inside it
    mkdir -p "$work/rlib" "$work/rcheck" && cp -r "$top/r/samen" "$work/rpkg" &&
    cd "$work/rcheck" && R CMD INSTALL -l "$work/rlib" "$work/rpkg" &&
    R CMD build --no-build-vignettes --no-manual "$top/r/samen" &&
    _R_CHECK_FORCE_SUGGESTS_=false R CMD check --no-manual --ignore-vignettes \
        samen_*.tar.gz > check.out 2>&1
    status=$?
    cat check.out
    [ $status -eq 0 ] && grep -q "^Status: OK" check.out
}
check r-check r_check

r_vignette() {
    cd "$work" && Rscript -e 'utils::Stangle(commandArgs(TRUE))' \
        "$top/r/samen/vignettes/samen.Rnw" &&
    Rscript -e 'grDevices::pdf(tempfile()); source("samen.R"); stopifnot(nrow(last) > 0)'
}
check r-vignette r_vignette

echo "lib: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
