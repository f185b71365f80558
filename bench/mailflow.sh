#!/usr/bin/env bash
# Mail flow on loopback: a private Postfix relaying 5,000 messages from smtp-source to smtp-sink, first with no
# milter, then with `signet serve` as its milter, then with Debian's opendkim milter; both milters sign
# relaxed/relaxed with the same RSA-2048 key. Prints messages/s for each, and for each milter its CPU seconds
# per message (utime+stime from /proc/PID/stat, before and after) and its peak RSS (VmHWM).
#
# Usage: sudo bash bench/mailflow.sh [MESSAGES] [MESSAGE_BYTES] [--sessions N] [--keys rsa|rsa+ed25519]
#                                    [--milters "none signet opendkim"] [--runs N]
#   MESSAGES, MESSAGE_BYTES  defaults 5000 and 2000
#   --sessions N             concurrent SMTP sessions of smtp-source (default 10)
#   --keys rsa+ed25519       Signet signs every message twice: RSA-2048 (s1) and Ed25519 (s2); OpenDKIM, which
#                            signs with one key, keeps RSA-2048
#   --milters LIST           which rows to measure, in this order (default all three)
#   --runs N                 repeat the rows N times, in turns, so a burst of load from elsewhere falls on each alike
#   --serve-env "K=V ..."    environment for `signet serve` only, e.g. "DOTNET_GCgen0size=0x400000" to try a GC
#                            setting without rebuilding (the runtime reads DOTNET_* as it reads runtimeconfig.json)
# Needs: root, postfix (smtp-source, smtp-sink), opendkim, the .NET SDK.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
positional=()
sessions=10
keys=rsa
milters="none signet opendkim"
runs=1
serve_env=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --sessions) sessions="$2"; shift 2 ;;
    --keys) keys="$2"; shift 2 ;;
    --milters) milters="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --serve-env) serve_env="$2"; shift 2 ;;
    --*) echo "unknown option $1 (see the usage at the top of $0)" >&2; exit 2 ;;
    *) positional+=("$1"); shift ;;
  esac
done
[[ "$keys" == rsa || "$keys" == rsa+ed25519 ]] || { echo "--keys takes rsa or rsa+ed25519" >&2; exit 2; }
messages="${positional[0]:-5000}"
size="${positional[1]:-2000}"
source "$here/mailflow/postfix.sh"
work="$(mktemp -d /tmp/signet-mailflow-XXXXXX)"
chmod 755 "$work"   # Postfix daemons run as the postfix user
children=()
cleanup() {
  for pid in "${children[@]}"; do kill "$pid" 2>/dev/null || true; done
  for dir in "$work"/postfix-*; do [[ -d "$dir" ]] && postfix_stop "$dir"; done
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build -c Release "$here/../src/Signet" -v quiet -nologo >&2
signet=(dotnet "$here/../src/Signet/bin/Release/net10.0/signet.dll")

# One RSA-2048 key for both milters.
"${signet[@]}" keygen --algorithm rsa --bits 2048 --out "$work/key.pem" >/dev/null 2>&1
"${signet[@]}" domain add --domain example.com --data "$work/data" >/dev/null
"${signet[@]}" key import --domain example.com --selector s1 --key "$work/key.pem" --data "$work/data" >/dev/null
"${signet[@]}" key activate --domain example.com --selector s1 --force --data "$work/data" >/dev/null 2>&1
if [[ "$keys" == rsa+ed25519 ]]; then
  # One RSA and one Ed25519 key are active at a time per domain: every message gets both signatures.
  "${signet[@]}" keygen --algorithm ed25519 --out "$work/ed25519.pem" >/dev/null 2>&1
  "${signet[@]}" key import --domain example.com --selector s2 --key "$work/ed25519.pem" --data "$work/data" >/dev/null
  "${signet[@]}" key activate --domain example.com --selector s2 --force --data "$work/data" >/dev/null 2>&1
fi

start_signet() {
  local port="$1"
  # shellcheck disable=SC2086 # serve_env is a list of K=V words
  env $serve_env "${signet[@]}" serve --data "$work/data" --milter "127.0.0.1:$port" --urls "http://127.0.0.1:$(free_port)" \
    > "$work/serve.log" 2>&1 &
  echo $!
}

start_opendkim() {
  local port="$1"
  cat > "$work/opendkim.conf" <<CONF
Syslog no
Background no
Mode s
Domain example.com
Selector s1
KeyFile $work/key.pem
RequireSafeKeys false
Canonicalization relaxed/relaxed
SignatureAlgorithm rsa-sha256
OversignHeaders From
Socket inet:$port@127.0.0.1
On-Default tempfail
CONF
  /usr/sbin/opendkim -f -x "$work/opendkim.conf" > "$work/opendkim.log" 2>&1 &
  echo $!
}

run() {
  local label="$1" name="$2" start="$3"
  local dir="$work/postfix-$name" smtp sink milter_port="" pid="" milter="" idle="–"
  smtp="$(free_port)"
  sink="$(free_port)"
  install -d -o postfix "$work/sink-$name"
  /usr/sbin/smtp-sink -u postfix -D "$work/sink-$name/dump" -h sink.signet.test "127.0.0.1:$sink" 256 &
  local sink_pid=$!
  children+=("$sink_pid")
  if [[ -n "$start" ]]; then
    milter_port="$(free_port)"
    pid="$($start "$milter_port")"
    children+=("$pid")
    wait_for_port "$milter_port"
    milter="inet:127.0.0.1:$milter_port"
    # Resident memory with everything up and no mail yet, once start-up work has settled.
    sleep 10
    idle="$(awk '/^VmRSS:/ { printf "%.0f MB", $2 / 1024 }' "/proc/$pid/status")"
  fi
  postfix_start "$dir" "$smtp" "$sink" "$milter"
  # Warm up (JIT, connections), then measure.
  /usr/sbin/smtp-source -s 2 -m 50 -l "$size" -f alice@example.com -t bob@example.net "127.0.0.1:$smtp"
  until [[ "$(postfix_sent "$dir")" -ge 50 ]]; do sleep 0.1; done
  local cpu_before=0 began ended
  [[ -n "$pid" ]] && cpu_before="$(cpu_seconds "$pid")"
  began="$(date +%s.%N)"
  /usr/sbin/smtp-source -s "$sessions" -m "$messages" -l "$size" -f alice@example.com -t bob@example.net "127.0.0.1:$smtp"
  until [[ "$(postfix_sent "$dir")" -ge $((messages + 50)) ]]; do sleep 0.05; done
  ended="$(date +%s.%N)"
  local rate cpu="–" rss="–" signed
  rate="$(awk -v n="$messages" -v a="$began" -v b="$ended" 'BEGIN { printf "%.0f", n / (b - a) }')"
  if [[ -n "$pid" ]]; then
    cpu="$(awk -v a="$cpu_before" -v b="$(cpu_seconds "$pid")" -v n="$messages" 'BEGIN { printf "%.0f µs", (b - a) / n * 1e6 }')"
    rss="$(awk -v k="$(peak_rss_kb "$pid")" 'BEGIN { printf "%.0f MB", k / 1024 }')"
  fi
  signed="$(cat "$work/sink-$name"/* | grep -c '^DKIM-Signature:' || true)"
  printf '| %s | %s | %s | %s | %s | %s |\n' "$label" "$rate" "$cpu" "$idle" "$rss" "$signed for $((messages + 50)) messages"
  postfix_stop "$dir"
  kill "$sink_pid" 2>/dev/null || true
  rm -rf "$work/sink-$name"
  if [[ -n "$pid" ]]; then
    # The next run's milter opens the same data: wait until this one has let go of it.
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
}

echo "Mail flow: $messages messages of $size bytes over $sessions SMTP sessions, Signet signing with $keys${serve_env:+, serve with $serve_env}, $(nproc) cores, $(date -u +%Y-%m-%d)"
echo
echo "| Postfix with | messages/s | milter CPU per message | milter idle RSS | milter peak RSS | DKIM signatures delivered |"
echo "|---|---:|---:|---:|---:|---:|"
for run in $(seq "$runs"); do
  for milter in $milters; do
    case "$milter" in
      none) run "no milter" "none-$run" "" ;;
      signet) run "Signet" "signet-$run" start_signet ;;
      opendkim) run "OpenDKIM" "opendkim-$run" start_opendkim ;;
      *) echo "unknown milter $milter (none, signet, opendkim)" >&2; exit 2 ;;
    esac
  done
done
