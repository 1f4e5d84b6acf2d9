#!/bin/sh
# generate_basic.sh: `samen generate` writes the same bytes for the same
# options, other bytes for another seed, refuses to overwrite without
# --force, writes a scenario `samen check` accepts, and rejects bad options
# with exit status 2 and no files.
set -u
fail() { echo "FAIL: $*"; exit 1; }

$SAMEN generate --orgs 50 --networks 5 --seed 3 --out x.ini >/dev/null || fail "generate"
[ -s x.ini ] && [ -s x.orgs.csv ] || fail "x.ini or x.orgs.csv missing"
grep -q '^file = x.orgs.csv$' x.ini || fail "scenario does not name x.orgs.csv"
[ "$(grep -c '^\[network ' x.ini)" -eq 5 ] || fail "not 5 networks"
[ "$(sed 1d x.orgs.csv | wc -l)" -eq 50 ] || fail "not 50 organisations"
cp x.ini first.ini && cp x.orgs.csv first.orgs.csv

# refuses to overwrite, and leaves the files alone
$SAMEN generate --orgs 50 --networks 5 --seed 4 --out x.ini 2>err.txt
[ $? -eq 2 ] || fail "overwrite without --force did not exit 2"
grep -q force err.txt || fail "no hint to --force"
cmp -s x.ini first.ini || fail "refused run changed x.ini"

# same options, same bytes
$SAMEN generate --orgs 50 --networks 5 --seed 3 --out x.ini --force >/dev/null || fail "--force"
cmp x.ini first.ini || fail "scenario differs on the same seed"
cmp x.orgs.csv first.orgs.csv || fail "organisations differ on the same seed"

# another seed, other bytes
$SAMEN generate --orgs=50 --networks=5 --seed=4 --out y.ini >/dev/null || fail "seed 4"
cmp -s x.orgs.csv y.orgs.csv && fail "seed 4 gave the same organisations"

# the scenario loads
$SAMEN check x.ini >/dev/null || fail "samen check x.ini"

# --help
$SAMEN generate --help | grep -q -- '--networks' || fail "--help"

# bad options: exit 2, a message, no files
for args in "--orgs 10 --out z.ini" "--orgs abc --out z.ini" "--networks 0 --out z.ini" \
            "--orgs 50 --networks 60 --out z.ini" "--seed 0 --out z.ini" \
            "--seed 4294967296 --out z.ini" "--steps 0 --out z.ini" "--bogus --out z.ini" \
            "--out z.txt" "stray --out z.ini" "--out z.ini --orgs"; do
    # shellcheck disable=SC2086
    $SAMEN generate $args >/dev/null 2>err.txt
    rc=$?
    [ $rc -eq 2 ] || fail "'$args' exited $rc, not 2"
    [ -s err.txt ] || fail "'$args' printed no message"
    if [ -e z.ini ] || [ -e z.orgs.csv ] || [ -e z.txt ]; then fail "'$args' left a file"; fi
done
ls ./*.tmp 2>/dev/null && fail "temporary files left"
exit 0
