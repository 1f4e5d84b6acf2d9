#!/bin/sh
# e2e_runner.sh: tests/run-e2e.sh itself, on a copy in a folder whose path
# has a space and a quote: every test runs and is reported in name order,
# a failing one with its log, a hung one stopped after E2E_TIMEOUT seconds
# (with the process it started), and the runner exits 1 when any failed.
fail() { echo "FAIL: $*"; exit 1; }
top="$PWD/it's a tree"
mkdir -p "$top/tests/e2e" || fail "mkdir"
cp "$TOP/tests/run-e2e.sh" "$top/tests/" || fail "cp"
printf 'exit 0\n' > "$top/tests/e2e/a_ok.sh"
printf 'echo the-failure-log; exit 3\n' > "$top/tests/e2e/b_fails.sh"
# a hung test with a child that would outlive it: its pid in a file
printf 'sleep 300 & echo $! > "%s/child.pid"; wait\n' "$PWD" > "$top/tests/e2e/c_hangs.sh"
printf 'exit 0\n' > "$top/tests/e2e/d_ok.sh"
t0=$(date +%s)
E2E_TIMEOUT=2 E2E_JOBS=2 timeout 60 sh "$top/tests/run-e2e.sh" > out.txt 2>&1; st=$?
secs=$(($(date +%s) - t0))
[ "$st" -ne 124 ] || fail "the runner hung on a hung test: $(cat out.txt)"
[ "$st" -eq 1 ] || fail "the runner exited $st with failing tests: $(cat out.txt)"
[ "$secs" -lt 30 ] || fail "the runner took $secs s with E2E_TIMEOUT=2"
grep -q '^ok   a_ok.sh' out.txt || fail "a_ok.sh not passed: $(cat out.txt)"
grep -q '^ok   d_ok.sh' out.txt || fail "d_ok.sh not passed: $(cat out.txt)"
grep -q '^FAIL b_fails.sh' out.txt || fail "b_fails.sh not failed: $(cat out.txt)"
grep -q '^the-failure-log' out.txt || fail "no log of b_fails.sh: $(cat out.txt)"
grep -q '^FAIL c_hangs.sh' out.txt || fail "c_hangs.sh not failed: $(cat out.txt)"
grep -q 'stopped after E2E_TIMEOUT=2 s' out.txt || fail "no timeout line: $(cat out.txt)"
grep -q '^e2e: 2 passed, 2 failed$' out.txt || fail "wrong totals: $(cat out.txt)"
[ "$(grep -E '^(ok  |FAIL) ' out.txt | sed 's/^.... //; s/ .*//' | tr '\n' ' ')" = \
    "a_ok.sh b_fails.sh c_hangs.sh d_ok.sh " ] || fail "not in name order: $(cat out.txt)"
[ -s child.pid ] || fail "the hung test did not start its child"
sleep 1
# gone, or a zombie its new parent has not reaped yet
child=$(cat child.pid)
state=$(ps -o stat= -p "$child" 2> /dev/null)
case "$state" in
    "" | Z*) ;;
    *) kill "$child"; fail "the hung test's child outlived it ($state)" ;;
esac

# the runner stopped (as make test by Ctrl-C, here by SIGTERM to its
# process group: a background job ignores SIGINT) stops its tests, which
# run in process groups of their own
rm -f child.pid "$top/tests/e2e/a_ok.sh" "$top/tests/e2e/b_fails.sh" "$top/tests/e2e/d_ok.sh"
E2E_TIMEOUT=100 setsid sh "$top/tests/run-e2e.sh" > out2.txt 2>&1 &
runner=$!
n=0
while [ ! -s child.pid ] && [ $n -lt 50 ]; do n=$((n + 1)); sleep 0.1; done
[ -s child.pid ] || fail "the hung test did not start: $(cat out2.txt)"
kill -TERM "-$runner" || fail "no process group $runner"
wait "$runner"
n=0
while [ $n -lt 50 ]; do
    case "$(ps -o stat= -p "$(cat child.pid)" 2> /dev/null)" in
        "" | Z*) break ;;
    esac
    n=$((n + 1)); sleep 0.1
done
[ $n -lt 50 ] || { kill "$(cat child.pid)"; fail "a stopped runner left its test's child running"; }
echo "ok"
