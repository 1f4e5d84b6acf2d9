#!/bin/sh
# sweep_mpi.sh: `samen-mpi sweep` under mpirun gives the same bytes as a
# serial sweep, with 3 ranks, with 1, and as one shard beside a plain
# shard; bad input ends every rank with status 2; other commands run once;
# a rank that cannot load the sweep (its folder, relative, is elsewhere
# from its working folder) says why once, through rank 0: as the error
# (status 1) when no rank can work, as a note when others do.
set -u
fail() { echo "FAIL: $*" >&2; exit 1; }
. "$TOP/tests/e2e/lib/sweep.sh"
[ -x "$SAMEN_MPI" ] || fail "no $SAMEN_MPI: build it with make MPI=1"
mpirun="timeout 300 mpirun --allow-run-as-root --oversubscribe"

cat > m.ini <<INI
[sweep]
scenario = $TOP/scenarios/brede-school-molenbeek.ini
replicates = 3
seed = 11
[vary]
simulation.steps = 50
model.join_rate = 0.2, 0.4
network.brede-school.effort = 4, 8
INI
"$SAMEN" sweep m.ini --out serial -j 1 --quiet || fail "serial sweep"

$mpirun -np 3 "$SAMEN_MPI" sweep m.ini --out np3 > np3.out 2> np3.err || fail "np 3: $(cat np3.err)"
same_collected serial np3
[ "$(ls np3/parts/*.log | wc -l)" -eq 2 ] || fail "np 3: not one writer per working rank"
grep -q "12 of 12 runs done" np3.out || fail "np 3 output: $(cat np3.out)"
$mpirun -np 1 "$SAMEN_MPI" sweep m.ini --out np1 --quiet || fail "np 1"
same_collected serial np1
$mpirun -np 2 "$SAMEN_MPI" sweep m.ini --out mixed --shard 0/2 --quiet || fail "np 2 shard 0/2"
"$SAMEN" sweep m.ini --out mixed --shard 1/2 --quiet || fail "shard 1/2"
same_collected serial mixed

$mpirun -np 2 "$SAMEN_MPI" version > version.out || fail "samen-mpi version"
[ "$(wc -l < version.out)" -eq 1 ] || fail "version printed by every rank: $(cat version.out)"
printf '[sweep]\nscenario = %s\nreplicates = -1\n' "$TOP/scenarios/brede-school-molenbeek.ini" > bad.ini
$mpirun -np 3 "$SAMEN_MPI" sweep bad.ini --out bad > /dev/null 2> bad.err; st=$?
[ $st -eq 2 ] || fail "bad sweep under MPI: status $st: $(cat bad.err)"
grep -q "bad.ini:3: replicates:" bad.err || fail "bad sweep message: $(cat bad.err)"
[ ! -e bad ] || fail "bad sweep made its folder"
mkdir -p here elsewhere
cp m.ini here/
$mpirun -np 1 --wdir "$PWD/here" "$SAMEN_MPI" sweep m.ini --out lost --quiet \
    : -np 1 --wdir "$PWD/elsewhere" "$SAMEN_MPI" sweep m.ini --out lost --quiet \
    > /dev/null 2> lost.err; st=$?
[ $st -eq 1 ] || fail "no rank could load: status $st: $(cat lost.err)"
grep -q "^samen: lost: no MPI rank could load the sweep (rank 1: lost/sweep.ini: cannot open the sweep file: No such file or directory)$" lost.err \
    || fail "no rank could load: message: $(cat lost.err)"
[ "$(grep -c "sweep.ini" lost.err)" -eq 1 ] || fail "no rank could load: said more than once: $(cat lost.err)"
$mpirun -np 2 --wdir "$PWD/here" "$SAMEN_MPI" sweep m.ini --out half --quiet \
    : -np 1 --wdir "$PWD/elsewhere" "$SAMEN_MPI" sweep m.ini --out half --quiet \
    > /dev/null 2> half.err || fail "one rank of three lost: $(cat half.err)"
grep -q "^samen-mpi: 1 rank ran nothing (rank 2: half/sweep.ini: cannot open the sweep file: No such file or directory)$" half.err \
    || fail "one rank of three lost: message: $(cat half.err)"
same_collected serial here/half
exit 0
