#!/bin/sh
# mutate.sh: the mutation check of docs/TESTING.md. Flips one arithmetic
# operator of src/model/*.c at a time (+ and -, * and /, += and -=, *= and
# /=) in a scratch copy of the tree, links the model's unit tests against
# the mutated library, and counts a mutant killed when a test fails (or
# hangs past the time limit). Prints the score and the surviving sites.
#
#   scripts/mutate.sh [-j N] [-l] [FILE.c ...]
#
# -j N runs N mutants at a time (default 2); -l only lists the sites; FILE
# names restrict the check to those files of src/model. Needs python3 (to
# find the sites), gcc, cmocka and the build packages. It checks a snapshot
# of the working tree as it is when it starts (uncommitted changes
# included), taken into a temporary folder; nothing in the tree is written.
# Not part of `make test`: a full check takes about three minutes on 2 cores.
#
# What counts as a site: a binary + - * / or a compound += -= *= /= in the
# code (comments, strings and #include lines skipped), except
#   - operators inside [ ] (array indexing) and inside the size argument
#     lists of memset/memcpy/memmove/calloc/malloc/qsort/bsearch (sizes),
#   - operators in the header of a for loop (loop counters), ++ and --,
#   - unary signs and dereferences: a + - or * that follows an operator, an
#     opening bracket, a comma, `return`, `else`, `sizeof`, a type name or
#     the condition of an if or while.
# A mutant that does not compile (pointer arithmetic the rules above miss)
# is reported as stillborn and left out of the score.
set -eu

jobs=2
list_only=0
while [ $# -gt 0 ]; do
    case "$1" in
    -j) jobs="$2"; shift 2 ;;
    -l) list_only=1; shift ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    *) break ;;
    esac
done

top=$(cd "$(dirname "$0")/.." && pwd)
scratch=$(mktemp -d "${TMPDIR:-/tmp}/samen-mutate-XXXXXX")
trap 'rm -rf "$scratch"' EXIT INT TERM

# A snapshot of the tree as it is now: edits made while the check runs do
# not reach it, and nothing is written into the tree.
mkdir "$scratch/tree"
(cd "$top" && tar cf - include src tests scenarios) | (cd "$scratch/tree" && tar xf -)
cd "$scratch/tree"
files=""
for f in "$@"; do files="$files src/model/$(basename "$f")"; done
[ -n "$files" ] || files=$(ls src/model/*.c)

# The sites, one line each: FILE OFFSET LINE OLD NEW, then the source line.
python3 - "$scratch/sites" $files <<'EOF'
import re, sys
out = open(sys.argv[1], "w")
TYPES = {"double", "int", "long", "char", "unsigned", "size_t", "void", "const",
         "member", "net", "samen_sim", "samen_params", "samen_net_spec", "samen_org",
         "samen_scenario", "samen_observer", "decision_item", "samen_tie", "keyed_tie",
         "gsl_rng", "samen_dist", "samen_error", "samen_event", "samen_net_row",
         "samen_tie_row", "samen_org_row", "samen_person_row", "samen_net_summary"}
SIZE_CALLS = {"memset", "memcpy", "memmove", "calloc", "malloc", "qsort", "bsearch"}
FLIP = {"+": "-", "-": "+", "*": "/", "/": "*",
        "+=": "-=", "-=": "+=", "*=": "/=", "/=": "*="}
tok_re = re.compile(r"""
    (?P<ws>\s+) | (?P<comment>/\*.*?\*/|//[^\n]*) | (?P<pp>^\#[^\n]*)
  | (?P<str>"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*')
  | (?P<num>\d[\w.]*(?:[eE][+-]?\d+)?) | (?P<id>[A-Za-z_]\w*)
  | (?P<op>->|\+\+|--|\+=|-=|\*=|/=|<<=|>>=|<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%<>=!&|^~?:;,.(){}\[\]])
""", re.S | re.M | re.X)
for path in sys.argv[2:]:
    src = open(path).read()
    toks = []
    for m in tok_re.finditer(src):
        k = m.lastgroup
        if k in ("ws", "comment", "pp"):
            continue
        toks.append((k, m.group(), m.start()))
    # stack of open brackets: (char, kind) with kind 'index', 'size', 'for' or ''
    stack = []
    prev = None
    for i, (k, t, off) in enumerate(toks):
        if t in "([":
            kind = ""
            if t == "[":
                kind = "index"
            elif prev and prev[1] in SIZE_CALLS:
                kind = "size"
            elif prev and prev[1] == "for":
                kind = "for"
            elif prev and prev[1] in ("if", "while", "switch"):
                kind = "cond"
            stack.append(kind)
        elif t in ")]":
            if stack and stack.pop() == "cond":
                prev = ("op", "{")  # what follows `if (...)` starts a statement
                continue
        elif k == "op" and t in FLIP:
            skip = any(s in ("index", "size", "for") for s in stack)
            binary = prev is not None and (prev[0] in ("num", "id", "str") or prev[1] in (")", "]"))
            if prev is not None and prev[0] == "id" and (prev[1] in TYPES or prev[1] in ("return", "else", "sizeof", "case")):
                binary = False
            if len(t) == 2:
                binary = True  # compound assignment
            if binary and not skip:
                line = src.count("\n", 0, off) + 1
                text = src.splitlines()[line - 1].strip()
                out.write(f"{path} {off} {line} {t} {FLIP[t]}\t{text}\n")
        prev = (k, t)
EOF
n=$(wc -l <"$scratch/sites")
if [ "$list_only" = 1 ]; then
    cat "$scratch/sites"
    echo "$n sites"
    exit 0
fi

# The model's unit tests: every test program that reaches into the model
# (includes model/state.h or runs a scenario through the fixture), run from
# the top of the tree as `make unit` does; test_patterns, the slowest, last.
tests=$(grep -l -e '"model/' -e 'fx_load' tests/test_*.c | grep -v test_patterns | sort)
tests="$tests $(ls tests/test_patterns.c 2>/dev/null || true)"

# Build the tree once at -O1: library objects and test objects.
cc=${CC:-cc}
cflags="-std=c11 -O1 -g0 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -Isrc -Itests -isystem /usr/include/igraph -isystem /usr/include/libxml2 -w"
libs="-lcmocka -ligraph -lxml2 -lgsl -lgslcblas -lcsv -lz -lm"
mkdir -p "$scratch/obj"
lib_src=$(find src -name '*.c' ! -path 'src/cli/*' ! -path 'src/tools/*' ! -name '*_mpi.c' | sort)
echo "mutate: building the tree once ($(echo "$lib_src" | wc -l) files)" >&2
for f in $lib_src $tests; do
    o="$scratch/obj/$(echo "$f" | tr / _).o"
    echo "$cc $cflags -c $f -o $o"
done | xargs -P "$jobs" -I{} sh -c '{}'
for t in $tests; do
    o="$scratch/obj/$(echo "$t" | tr / _).o"
    others=$(for f in $lib_src; do echo "$scratch/obj/$(echo "$f" | tr / _).o"; done)
    # shellcheck disable=SC2086
    $cc -o "$scratch/$(basename "$t" .c)" "$o" $others $libs
done
for t in $tests; do
    if ! timeout 60 "$scratch/$(basename "$t" .c)" >/dev/null 2>&1; then
        echo "mutate: $t fails before any mutation; fix it first" >&2
        exit 2
    fi
done

# One mutant: site number k. Prints "killed", "survived" or "stillborn".
cat >"$scratch/one.sh" <<'EOF'
#!/bin/sh
k=$1; scratch=$2; cc=$3; cflags=$4; libs=$5; tests=$6; lib_src=$7
set -f  # the operators are not patterns
line=$(sed -n "${k}p" "$scratch/sites")
set -- $line
file=$1; off=$2; old=$4; new=$5
w="$scratch/m$k"; mkdir -p "$w"
python3 -c '
import sys
p, off, old, new, dst = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
s = open(p).read()
assert s[off:off + len(old)] == old
open(dst, "w").write(s[:off] + new + s[off + len(old):])
' "$file" "$off" "$old" "$new" "$w/mut.c"
base=$(echo "$file" | tr / _).o
# compiled in place of the original, so its includes resolve the same way
if ! $cc $cflags -iquote "$(dirname "$file")" -c "$w/mut.c" -o "$w/mut.o" 2>/dev/null; then
    echo "$k stillborn"; rm -rf "$w"; exit 0
fi
objs=$(for f in $lib_src; do o="$scratch/obj/$(echo "$f" | tr / _).o"; [ "$(basename "$o")" = "$base" ] && o="$w/mut.o"; echo "$o"; done)
verdict=survived
for t in $tests; do
    b=$(basename "$t" .c)
    $cc -o "$w/$b" "$scratch/obj/$(echo "$t" | tr / _).o" $objs $libs 2>/dev/null || { verdict=killed; break; }
    if ! timeout 30 "$w/$b" >/dev/null 2>&1; then verdict=killed; break; fi
done
echo "$k $verdict"
rm -rf "$w"
EOF
echo "mutate: $n sites, $jobs at a time" >&2
seq 1 "$n" | xargs -P "$jobs" -I{} sh "$scratch/one.sh" {} "$scratch" "$cc" "$cflags" \
    "$libs" "$tests" "$lib_src" >"$scratch/verdicts"

killed=$(grep -c ' killed$' "$scratch/verdicts" || true)
survived=$(grep -c ' survived$' "$scratch/verdicts" || true)
stillborn=$(grep -c ' stillborn$' "$scratch/verdicts" || true)
echo "sites: $n; killed: $killed; survived: $survived; stillborn (do not compile): $stillborn"
awk -v k="$killed" -v s="$survived" 'BEGIN { if (k + s > 0) printf "score: %.1f %% (killed / (killed + survived))\n", 100 * k / (k + s) }'
if [ "$survived" -gt 0 ]; then
    echo "survivors (file:line old -> new: the line):"
    sort -n "$scratch/verdicts" | awk '$2 == "survived" { print $1 }' | while read -r k; do
        sed -n "${k}p" "$scratch/sites" | awk -F'\t' '{ split($1, a, " "); printf "  %s:%s %s -> %s: %s\n", a[1], a[3], a[4], a[5], $2 }'
    done
fi
if [ "$stillborn" -gt 0 ]; then
    echo "stillborn:"
    sort -n "$scratch/verdicts" | awk '$2 == "stillborn" { print $1 }' | while read -r k; do
        sed -n "${k}p" "$scratch/sites" | awk -F'\t' '{ split($1, a, " "); printf "  %s:%s %s -> %s: %s\n", a[1], a[3], a[4], a[5], $2 }'
    done
fi
