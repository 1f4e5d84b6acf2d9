#!/bin/sh
# input_special.sh: an input must be a regular file or a pipe: a device or
# a folder is refused at once, naming it and why (exit 2), never read
# forever; a pipe is read once (as the scenario, or as its organisations
# file), so a scenario through a pipe runs as from a file; `samen check`
# of a device does not hang; a file over the limit of 1 GiB is refused at
# once; running out of memory while reading a pipe says so (exit 1), and
# never that the file is empty.
set -u
fail() { echo "FAIL: $*" >&2; exit 1; }
sc="$TOP/scenarios/overleg-welzijn.ini"

expect_refused() { # WHAT PATTERN -- ARGS
    what=$1 pattern=$2
    shift 3
    timeout 10 "$SAMEN" "$@" > /dev/null 2> refused.err; st=$?
    [ $st -eq 2 ] || fail "$what: status $st: $(cat refused.err)"
    grep -q "$pattern" refused.err || fail "$what: $(cat refused.err)"
}
expect_refused "check of a device" "/dev/zero: .*a device, not a file" -- check /dev/zero
expect_refused "run of a folder" "a folder, not a file" -- run "$TOP/scenarios" --out o1
expect_refused "a device as organisations file" \
    "organisations.file: cannot open '/dev/zero': it is a device" -- \
    run "$sc" --out o2 --set organisations.file=/dev/zero
expect_refused "a sweep file that is a device" "a device, not a file" -- sweep /dev/null --out o3
# A sparse file: over the limit without a byte on disk.
truncate -s 1073741825 big.csv || fail "truncate"
expect_refused "a file over 1 GiB" "big.csv': it is larger than 1 GiB, the most samen reads$" -- \
    run "$sc" --out o4 --set organisations.file="$PWD/big.csv"
rm -f big.csv
[ ! -e o1 ] && [ ! -e o2 ] && [ ! -e o3 ] && [ ! -e o4 ] || fail "a refused input left a folder"

# Out of memory while a pipe is read: 600 MB of zeros under a limit of
# 300 MB of address space.
# The writer under a timeout of its own, and stopped once samen is done:
# if samen ended before it opened the pipe, the writer would wait for ever.
mkfifo zeros.pipe
timeout 60 sh -c 'exec head -c 600000000 /dev/zero > zeros.pipe' 2> /dev/null &
writer=$!
(ulimit -v 300000; exec timeout 20 "$SAMEN" run "$sc" --out o5 \
    --set organisations.file="$PWD/zeros.pipe") > /dev/null 2> oom.err; st=$?
kill "$writer" 2> /dev/null
wait "$writer"
[ $st -eq 1 ] || fail "out of memory: status $st, not 1: $(cat oom.err)"
grep -q "zeros.pipe: .*out of memory" oom.err || fail "out of memory: $(cat oom.err)"
grep -q "empty" oom.err && fail "out of memory said empty: $(cat oom.err)"
[ ! -e o5 ] || fail "out of memory left a folder"

# The organisations file through a pipe: read once, the same run.
"$SAMEN" run "$sc" --out plain --quiet --steps 30 || fail "plain run"
mkfifo orgs.pipe
cat "$TOP/scenarios/overleg-welzijn.orgs.csv" > orgs.pipe &
timeout 20 "$SAMEN" run "$sc" --out piped --quiet --steps 30 \
    --set organisations.file="$PWD/orgs.pipe" || fail "organisations through a pipe"
wait
for f in network.csv events.csv ties.csv; do
    cmp -s "plain/$f" "piped/$f" || fail "through a pipe, $f differs"
done

# The scenario itself through a pipe (its files named absolutely).
sed "s|^file = |file = $TOP/scenarios/|" "$sc" > abs.ini
mkfifo scenario.pipe
cat abs.ini > scenario.pipe &
timeout 20 "$SAMEN" check scenario.pipe > piped-check.out || fail "check of a scenario through a pipe"
wait
"$SAMEN" check abs.ini > file-check.out || fail "check of the scenario"
# the same but for the file's name on the first line
tail -n +2 piped-check.out > piped.rest
tail -n +2 file-check.out > file.rest
cmp -s piped.rest file.rest || fail "check through a pipe differs"
head -n 1 piped-check.out | grep -q "scenario.pipe: valid scenario" || fail "first line: $(head -n 1 piped-check.out)"
exit 0
