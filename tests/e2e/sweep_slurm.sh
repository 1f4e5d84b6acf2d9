#!/bin/sh
# sweep_slurm.sh: scripts/slurm-sweep.sbatch on a real one-node Slurm
# cluster (the recipe of the shared SLURM.md) started here with its own config,
# ports, spool and munge socket: three array tasks, one shard each, give
# the same bytes as a serial sweep, and the last task collects. The
# daemons are stopped by their pids when the test ends, failed or not.
set -u
fail() { echo "FAIL: $*" >&2; exit 1; }
. "$TOP/tests/e2e/lib/sweep.sh"
for cmd in munged slurmctld slurmd sbatch sinfo scontrol; do
    command -v "$cmd" > /dev/null || fail "no $cmd: install slurm-wlm and munge (make deps-test)"
done
[ "$(id -u)" -eq 0 ] || fail "a Slurm test cluster needs root"

work=$(pwd)
s="$work/slurm"
mkdir -p "$s/ctld" "$s/d" "$s/munge"
chmod 700 "$s/munge"
dd if=/dev/urandom bs=1 count=1024 of="$s/munge.key" 2> /dev/null
chmod 400 "$s/munge.key"
port=$((20000 + $$ % 20000))
host=$(hostname)
cat > "$s/slurm.conf" <<CONF
ClusterName=samentest
SlurmctldHost=$host
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$s/munge/munge.socket
StateSaveLocation=$s/ctld
SlurmdSpoolDir=$s/d
SlurmctldPidFile=$s/slurmctld.pid
SlurmdPidFile=$s/slurmd.pid
SlurmctldLogFile=$s/slurmctld.log
SlurmdLogFile=$s/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
JobAcctGatherType=jobacct_gather/none
MpiDefault=none
NodeName=$host CPUs=$(nproc) State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$s/slurm.conf"

stop() {
    scontrol shutdown > /dev/null 2>&1
    for f in "$s/slurmctld.pid" "$s/slurmd.pid" "$s/munged.pid"; do
        [ -f "$f" ] || continue
        pid=$(cat "$f")
        n=0
        while kill -0 "$pid" 2> /dev/null && [ $n -lt 50 ]; do
            [ $n -eq 10 ] && kill "$pid" 2> /dev/null
            n=$((n + 1)); sleep 0.2
        done
        kill -9 "$pid" 2> /dev/null
    done
}
trap stop EXIT
trap 'exit 1' INT TERM

/usr/sbin/munged --force --key-file="$s/munge.key" --socket="$s/munge/munge.socket" \
    --pid-file="$s/munged.pid" --log-file="$s/munged.log" --seed-file="$s/munged.seed" \
    2> "$s/munged.err" || fail "munged: $(cat "$s/munged.err")"
slurmctld || fail "slurmctld: $(tail -5 "$s/slurmctld.log")"
slurmd || fail "slurmd: $(tail -5 "$s/slurmd.log")"
n=0
until sinfo -h -o %T 2> /dev/null | grep -q idle; do
    n=$((n + 1))
    [ $n -lt 120 ] || fail "the node never became idle: $(sinfo 2>&1; tail -5 "$s/slurmd.log")"
    sleep 0.5
done

cat > sl.ini <<INI
[sweep]
scenario = $TOP/scenarios/brede-school-molenbeek.ini
replicates = 4
seed = 2024
[vary]
simulation.steps = 60
network.brede-school.concreteness = 0.2, 0.5, 0.8
INI
"$SAMEN" sweep sl.ini --out serial -j 1 --quiet || fail "serial sweep"
"$SAMEN" collect serial --last > /dev/null || fail "serial collect"

SAMEN="$SAMEN" timeout 300 sbatch --wait --array=0-2 -o "$work/task-%a.out" \
    "$TOP/scripts/slurm-sweep.sbatch" sl.ini "$work/array" --last > sbatch.out 2>&1 \
    || fail "sbatch: $(cat sbatch.out; tail -n 5 task-*.out)"
for t in 0 1 2; do
    grep -q "samen sweep: 4 runs run now" "task-$t.out" || fail "task $t: $(cat "task-$t.out")"
done
cmp -s serial/network-last.csv array/network-last.csv || fail "the array job's network-last.csv differs"
same_collected serial array
exit 0
