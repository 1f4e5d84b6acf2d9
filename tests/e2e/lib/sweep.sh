# sweep.sh: sourced by the sweep tests: one way to say that two sweep
# folders hold the same results (their parts differ in name and order by
# design; what they collect to may not).

# same_collected REF DIR: collects both and compares every collected file.
same_collected() {
    for d in "$1" "$2"; do
        "$SAMEN" collect "$d" > /dev/null || fail "collect $d"
    done
    for f in network events ties manifest summary; do
        cmp -s "$1/$f.csv" "$2/$f.csv" || fail "$2/$f.csv differs from $1/$f.csv"
    done
}
