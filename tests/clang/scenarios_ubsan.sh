#!/bin/sh
# scenarios_ubsan.sh: every shipped scenario (scenarios/, scenarios/
# experiments/) checked and run, and every shipped sweep file checked, by
# the samen given as $1: the clang build with -fsanitize=undefined of
# tests/clang/clang.mk, which stops at the first undefined behaviour.
set -eu
samen=$1
top=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
n=0
for sc in "$top"/scenarios/*.ini "$top"/scenarios/experiments/*.ini; do
    [ -e "$sc" ] || continue
    (cd "$work" && "$samen" check "$sc" >/dev/null) || { echo "check failed: $sc" >&2; exit 1; }
    if ! grep -q '^\[sweep\]' "$sc"; then
        "$samen" run "$sc" --out "$work/$(basename "$sc" .ini)" --quiet \
            || { echo "run failed: $sc" >&2; exit 1; }
    fi
    n=$((n + 1))
done
echo "clang ubsan: $n shipped scenarios and sweeps checked and run"
