#!/bin/sh
# deps.sh: installs the Debian packages named as arguments that are missing.
# Used by the Makefile so that `make run` and `make test` work on a fresh
# Debian machine as root; elsewhere it names what to install and fails.
set -eu
missing=""
for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed'; then
        missing="$missing $pkg"
    fi
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
    echo "samen: missing Debian packages:$missing" >&2
    echo "samen: install them with: sudo apt-get install$missing" >&2
    exit 1
fi
echo "samen: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
# An old or absent package list makes apt-get fail to find packages.
apt-get update -qq >/dev/null
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
