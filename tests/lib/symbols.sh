#!/bin/sh
# symbols.sh LIB: libsamen.so exports exactly what include/samen/ marks
# SAMEN_API (every mark exported, nothing else), each at version SAMEN_0,
# and its soname is libsamen.so.MAJOR.
set -eu
lib=$1
top=$(cd "$(dirname "$0")/../.." && pwd)
fail() { echo "FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# A declaration may wrap: the name is the identifier before the first ( or [
# after SAMEN_API, on the mark's line.
grep -h '^SAMEN_API' "$top"/include/samen/*.h |
    sed -E 's/\(.*//; s/\[.*//; s/.*[ *]([a-z_][a-z0-9_]*)$/\1/' | sort -u > "$tmp/declared"
nm -D --defined-only "$lib" | awk '$2 != "A" { print $3 }' > "$tmp/exported.v"
sed 's/@@.*//' "$tmp/exported.v" | sort -u > "$tmp/exported"
[ -s "$tmp/declared" ] || fail "no SAMEN_API declarations found"
if ! cmp -s "$tmp/declared" "$tmp/exported"; then
    diff "$tmp/declared" "$tmp/exported" >&2 || true
    fail "exported symbols (>) differ from the SAMEN_API declarations (<)"
fi
if grep -v '@@SAMEN_0$' "$tmp/exported.v" >&2; then
    fail "symbols above are not at version SAMEN_0"
fi
soname=$(objdump -p "$lib" | awk '$1 == "SONAME" { print $2 }')
case $soname in
libsamen.so.[0-9]*) ;;
*) fail "soname is '$soname', not libsamen.so.MAJOR" ;;
esac
echo "ok: $(wc -l < "$tmp/exported") symbols exported, soname $soname"
