#!/usr/bin/env bash
# Fuzz every target in turn (one at a time), each for SECONDS:  fuzz/run-all.sh 180
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
seconds="${1:?usage: fuzz/run-all.sh SECONDS}"
build=0
for target in $(ls "$here/corpus"); do
    SKIP_BUILD=$build bash "$here/run.sh" "$target" "$seconds"
    build=1
done
