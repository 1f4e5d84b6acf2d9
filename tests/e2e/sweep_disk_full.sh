#!/bin/sh
# sweep_disk_full.sh: a sweep that fills its disk (a tmpfs of 1 MiB, the
# real ENOSPC; sweep_basic.sh tests a file size limit) stops with exit 1,
# naming the part file and the error and pointing to --resume; after space
# is freed (the tmpfs made larger), --resume finishes it, and it collects
# to the bytes of a sweep that never failed. Needs root and the right to
# mount (as make test is run); where mount is refused the test says so
# and passes, the file size limit of sweep_basic.sh covering the same
# write path.
set -u
fail() { echo "FAIL: $*" >&2; exit 1; }
. "$TOP/tests/e2e/lib/sweep.sh"
base="$TOP/scenarios/brede-school-molenbeek.ini"
cat > s.ini <<INI
[sweep]
scenario = $base
replicates = 40
seed = 7
INI
"$SAMEN" sweep s.ini --out ref -j 2 --quiet || fail "sweep on a free disk"

mkdir disk
if ! mount -t tmpfs -o size=1m tmpfs disk 2> mount.err; then
    echo "skipped: cannot mount a tmpfs here: $(cat mount.err)"
    exit 0
fi
trap 'umount "$PWD/disk"' EXIT
trap 'exit 1' INT TERM HUP    # dash runs the EXIT trap on exit, not on a signal
"$SAMEN" sweep s.ini --out disk/sw -j 2 > full.out 2> full.err; st=$?
[ $st -eq 1 ] || fail "full disk: status $st, not 1: $(cat full.err)"
grep -q "disk/sw/parts/[^:]*: .*No space left on device" full.err \
    || fail "full disk: no message naming a part file and ENOSPC: $(cat full.err)"
grep -q -- "--resume" full.err || fail "full disk: no word of --resume: $(cat full.err)"
# What was counted done must be whole: a collect of the runs so far reads
# every range it counts and checks its CRC-32; on the full disk it either
# writes the tables or cannot (exit 1, no space), never a bad range.
"$SAMEN" collect disk/sw > collect.out 2> collect.err; st=$?
if [ $st -ne 0 ]; then
    [ $st -eq 1 ] && grep -q "No space left on device" collect.err \
        || fail "collect on the full disk: status $st: $(cat collect.err)"
fi
grep -qi "checksum\|crc" collect.err && fail "a run counted done has a bad range: $(cat collect.err)"

mount -o remount,size=64m disk || fail "remount"
"$SAMEN" sweep s.ini --out disk/sw -j 2 --resume --quiet 2> resume.err \
    || fail "--resume after space was freed: $(cat resume.err)"
same_collected ref disk/sw
exit 0
