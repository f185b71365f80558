#!/usr/bin/env bash
# Builds the libopendkim benchmark harness (needs Debian's libopendkim-dev and a C compiler).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/bin}"
mkdir -p "$out"
if [[ ! -f /usr/include/opendkim/dkim.h ]]; then
  echo "libopendkim-dev is missing: apt-get install libopendkim-dev" >&2
  exit 1
fi
cc -O2 -Wall -Wextra -Werror -o "$out/dkimbench" "$here/dkimbench.c" -lopendkim
echo "$out/dkimbench"
