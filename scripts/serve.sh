#!/usr/bin/env bash
# Builds signet and runs `signet serve` on the embedded store in ./data (created on first run): the console and
# the API on http://127.0.0.1:8080, the milter on 127.0.0.1:8891. Extra arguments go to `signet serve`
# (try --help). Ctrl+C stops it after the messages in progress.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Signet/Signet.csproj -c Release --nologo -v quiet
exec dotnet src/Signet/bin/Release/net10.0/signet.dll serve --data ./data "$@"
