#!/usr/bin/env bash
# Soak: MESSAGES through a private Postfix and `signet serve`'s milter at RATE per second on loopback, sampling
# serve's resident memory, open file descriptors and threads every few seconds; reports the trend and whether any
# message was lost, duplicated or left unsigned. Not a CI step (CI runs the same test with 500 messages).
#   usage: tests/soak/soak.sh MESSAGES RATE [SAMPLE_SECONDS]     e.g. tests/soak/soak.sh 20000 200
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 MESSAGES RATE [SAMPLE_SECONDS]" >&2
  exit 2
fi
root="$(cd "$(dirname "$0")/../.." && pwd)"
export SIGNET_SOAK_MESSAGES="$1" SIGNET_SOAK_RATE="$2" SIGNET_SOAK_SAMPLE_SECONDS="${3:-5}"
dotnet test "$root/tests/Signet.Reliability.Tests" --filter "FullyQualifiedName~SoakTests" \
  --logger "console;verbosity=detailed" 2>&1 | grep -E '^ (soak|trend|  t=)|Passed |Failed '
