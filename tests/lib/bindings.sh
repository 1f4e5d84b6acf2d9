#!/bin/sh
# bindings.sh BUILD: the tests of libsamen as a library and of its Python
# and R bindings (make lib-test, part of make test): the exported symbols,
# then each part below that exists, one "ok"/"FAIL" line each.
set -u
build=$1
here=$(cd "$(dirname "$0")" && pwd)
pass=0; fail=0
check() {
    name=$1; shift
    log=$(mktemp)
    if "$@" > "$log" 2>&1; then
        pass=$((pass + 1)); echo "ok   $name"
    else
        fail=$((fail + 1)); echo "FAIL $name"; tail -n 40 "$log"
    fi
    rm -f "$log"
}
check symbols sh "$here/symbols.sh" "$build/libsamen.so.0"
echo "lib: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
