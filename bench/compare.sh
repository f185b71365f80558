#!/usr/bin/env bash
# One command, one run, one table: Signet beside the raw crypto limits, MimeKit, OpenDKIM (libopendkim through
# bench/opendkim/dkimbench.c), dkimpy and Mail::DKIM, all on the same exported messages and keys. Each peer's
# harness runs right after Signet and MimeKit for the same cell, so every ratio comes from the same minutes.
#
# Usage: bash bench/compare.sh [--runs 3] [--seconds 1] [--out FILE]
# Needs: libopendkim-dev and a C compiler; python3-dkim (python3-nacl for its Ed25519); libmail-dkim-perl.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dkimbench="$("$here/opendkim/build.sh" "$work/bin")"
peers=(--peer "OpenDKIM=$dkimbench")
if /usr/bin/python3 -c 'import dkim' 2>/dev/null; then
  peers+=(--peer "dkimpy=/usr/bin/python3 $here/peers/dkimpy_bench.py")
fi
if perl -MMail::DKIM -e 1 2>/dev/null; then
  peers+=(--peer "Mail::DKIM=perl $here/peers/maildkim_bench.pl")
fi

dotnet build -c Release "$here/Signet.Bench" -v quiet -nologo >&2
mkdir -p "$work/messages"
dotnet "$here/Signet.Bench/bin/Release/net10.0/Signet.Bench.dll" --export "$work/messages" "${peers[@]}" "$@"
