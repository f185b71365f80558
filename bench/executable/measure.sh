#!/usr/bin/env bash
# Start-up time and resident memory of `signet` executables (docs/performance.md, "One executable").
# Usage: bash bench/executable/measure.sh NAME=PATH [NAME=PATH ...]   (needs hyperfine and miltertest)
# For each executable: `signet verify` of one signed message as a whole process, 20 runs; then `signet serve`
# on loopback: VmRSS idle after start, after 1,000 milter messages, and VmHWM (peak).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
first=${1#*=}
printf 'From: a@example.com\r\nTo: b@example.org\r\nSubject: start-up\r\nDate: Mon, 1 Jan 2024 00:00:00 +0000\r\nMessage-ID: <1@example.com>\r\n\r\nHello\r\n' > "$work/m.eml"
"$first" keygen --algorithm rsa --out "$work/k.pem" > /dev/null
"$first" sign --domain example.com --key "$work/k.pem" --selector s1 < "$work/m.eml" > "$work/s.eml"
"$first" dns-record --key "$work/k.pem" --domain example.com --selector s1 --format zone > "$work/keys.zone"

commands=()
for pair in "$@"; do commands+=(-n "${pair%%=*}" "${pair#*=} verify --keys $work/keys.zone --in $work/s.eml"); done
hyperfine -N --warmup 2 --runs 20 --export-markdown "$work/startup.md" "${commands[@]}" > /dev/null
cat "$work/startup.md"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
kb() { awk -v k="$2:" '$1==k {print $2}' "/proc/$1/status"; }
echo
echo "| executable | serve idle VmRSS | after 1,000 messages VmRSS | VmHWM |"
echo "|---|---:|---:|---:|"
for pair in "$@"; do
  name=${pair%%=*} exe=${pair#*=}
  milter=$(free_port) http=$(free_port)
  rm -rf "$work/data"
  "$exe" serve --data "$work/data" --milter "127.0.0.1:$milter" --urls "http://127.0.0.1:$http" --hostname bench.example > "$work/serve.log" 2>&1 &
  pid=$!
  deadline=$((SECONDS + 60))
  until curl -sf "http://127.0.0.1:$http/health" > /dev/null; do
    ((SECONDS < deadline)) || { echo "$name: serve did not become healthy" >&2; cat "$work/serve.log" >&2; kill "$pid"; exit 1; }
    sleep 0.2
  done
  # Idle: the start-up work done, nothing asked of it for 10 s.
  sleep 10
  idle=$(kb "$pid" VmRSS)
  miltertest -D port="$milter" -D count=1000 -s "$here/load.lua" > /dev/null
  loaded=$(kb "$pid" VmRSS) peak=$(kb "$pid" VmHWM)
  kill -TERM "$pid"; wait "$pid" || true
  printf '| %s | %d MB | %d MB | %d MB |\n' "$name" $((idle / 1024)) $((loaded / 1024)) $((peak / 1024))
done
