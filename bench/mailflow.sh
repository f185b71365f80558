#!/usr/bin/env bash
# Mail flow on loopback: a private Postfix relaying 5,000 messages from smtp-source to smtp-sink, first with no
# milter, then with `signet serve` as its milter, then with Debian's opendkim milter; both milters sign
# relaxed/relaxed with the same RSA-2048 key. Prints messages/s for each, and for each milter its CPU seconds
# per message (utime+stime from /proc/PID/stat, before and after) and its peak RSS (VmHWM).
#
# With `--milters relay` the row is Postfix -> `signet serve --relay` -> smtp-sink (Postfix's relayhost is the relay,
# which signs and passes the message on), beside the "none" row's Postfix -> smtp-sink directly.
# With --inbound the flow is the receiving side: every message arrives carrying two signatures (RSA-2048 and Ed25519,
# d=example.org) whose keys a private nsd on loopback serves; Signet treats loopback as outside (no internal network)
# and verifies, adding Authentication-Results. The last column then counts dkim=pass results.
# Each row also gives the whole machine's CPU (all processes, from /proc/stat) per message and how busy the cores
# were: when Postfix alone keeps the cores busy, any CPU a milter adds per message lowers the rate in proportion.
#
# Usage: sudo bash bench/mailflow.sh [MESSAGES] [MESSAGE_BYTES] [--sessions N] [--keys rsa|rsa+ed25519]
#                                    [--milters "none signet relay opendkim"] [--runs N] [--inbound] [--warmup N]
#                                    [--socket tcp|unix]
#   MESSAGES, MESSAGE_BYTES  defaults 5000 and 2000
#   --sessions N             concurrent SMTP sessions of smtp-source (default 10)
#   --keys rsa+ed25519       Signet signs every message twice: RSA-2048 (s1) and Ed25519 (s2); OpenDKIM, which
#                            signs with one key, keeps RSA-2048
#   --milters LIST           which rows to measure, in this order (default: none signet opendkim); `null` adds the
#                            floor of any milter: bench/mailflow/nullmilter.c (libmilter, C) asks for the same protocol
#                            steps as Signet and inserts a fixed signature-sized header field, computing nothing;
#                            `proxy` is the floor of any relay: socat passing the bytes between Postfix and the sink
#   --inbound                verify instead of sign (rows none and signet only)
#   --warmup N               messages sent before the measured ones, not counted (default 1000)
#   --socket unix            Postfix reaches the milter (Signet's and OpenDKIM's) on a Unix socket, as the Debian package
#                            sets up by default (unix:/run/signet/milter.sock), instead of TCP on loopback (default tcp,
#                            what a chrooted smtpd needs)
#   --runs N                 repeat the rows N times, in turns, so a burst of load from elsewhere falls on each alike
#   --serve-env "K=V ..."    environment for `signet serve` only, e.g. "DOTNET_GCgen0size=0x400000" to try a GC
#                            setting without rebuilding (the runtime reads DOTNET_* as it reads runtimeconfig.json)
#   --signet PATH            run this `signet` executable (a published one: ReadyToRun, Native AOT) for every signet
#                            command and for serve, instead of building src/Signet
# Needs: root, postfix (smtp-source, smtp-sink), opendkim, nsd (for --inbound), the .NET SDK; for `null`, a C compiler
# and libmilter-dev; for `proxy`, socat.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
positional=()
sessions=10
keys=rsa
milters="none signet opendkim"
runs=1
warmup=1000
serve_env=""
signet_path=""
inbound=false
socket=tcp
while [[ $# -gt 0 ]]; do
  case "$1" in
    --sessions) sessions="$2"; shift 2 ;;
    --keys) keys="$2"; shift 2 ;;
    --milters) milters="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --serve-env) serve_env="$2"; shift 2 ;;
    --signet) signet_path="$2"; shift 2 ;;
    --inbound) inbound=true; shift ;;
    --warmup) warmup="$2"; shift 2 ;;
    --socket) socket="$2"; shift 2 ;;
    --*) echo "unknown option $1 (see the usage at the top of $0)" >&2; exit 2 ;;
    *) positional+=("$1"); shift ;;
  esac
done
[[ "$keys" == rsa || "$keys" == rsa+ed25519 ]] || { echo "--keys takes rsa or rsa+ed25519" >&2; exit 2; }
[[ "$socket" == tcp || "$socket" == unix ]] || { echo "--socket takes tcp or unix" >&2; exit 2; }
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

if [[ -n "$signet_path" ]]; then
  [[ -x "$signet_path" ]] || { echo "--signet $signet_path: not an executable file" >&2; exit 2; }
  signet=("$(realpath "$signet_path")")
else
  dotnet build -c Release "$here/../src/Signet" -v quiet -nologo >&2
  signet=(dotnet "$here/../src/Signet/bin/Release/net10.0/signet.dll")
fi

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

# What smtp-source sends: a generated message of MESSAGE_BYTES, or (--inbound) one message signed twice elsewhere.
source_message=(-l "$size")
serve_args=()
if $inbound; then
  # The sender's domain and keys are not in Signet's store: only its DNS knows them, a private nsd on loopback.
  "${signet[@]}" keygen --algorithm rsa --bits 2048 --out "$work/org-rsa.pem" >/dev/null 2>&1
  "${signet[@]}" keygen --algorithm ed25519 --out "$work/org-ed25519.pem" >/dev/null 2>&1
  mkdir -p "$work/nsd"
  {
    printf '$ORIGIN example.org.\n$TTL 3600\n@ IN SOA ns.example.org. hostmaster.example.org. 1 3600 600 86400 60\n@ IN NS ns.example.org.\n'
    "${signet[@]}" dns-record --key "$work/org-rsa.pem" --domain example.org --selector s1 --format zone
    "${signet[@]}" dns-record --key "$work/org-ed25519.pem" --domain example.org --selector s2 --format zone
  } > "$work/nsd/example.org.zone"
  dns_port="$(free_port)"
  cat > "$work/nsd/nsd.conf" <<CONF
server:
  ip-address: 127.0.0.1
  port: $dns_port
  do-ip6: no
  username: ""
  chroot: ""
  zonesdir: "$work/nsd"
  pidfile: "$work/nsd/nsd.pid"
  database: ""
  zonelistfile: "$work/nsd/zone.list"
  xfrdfile: "$work/nsd/xfrd.state"
  xfrdir: "$work/nsd"
  logfile: "$work/nsd/nsd.log"
  server-count: 1
remote-control:
  control-enable: no
zone:
  name: "example.org"
  zonefile: "example.org.zone"
CONF
  /usr/sbin/nsd -d -c "$work/nsd/nsd.conf" &
  children+=("$!")
  wait_for_port "$dns_port"
  python3 - "$size" > "$work/inbound-unsigned.eml" <<'PY2'
import sys
size = int(sys.argv[1])
head = ("From: Alice <alice@example.org>\nTo: Bob <bob@example.net>\nSubject: mail flow, inbound\n"
        "Date: Sun, 06 Dec 2026 12:00:00 +0000\nMessage-ID: <inbound@example.org>\n\n")
line = "The quick brown fox jumps over the lazy dog, and the message grows to its size.\n"
body = line * max(1, (size - len(head)) // len(line))
sys.stdout.write(head + body)
PY2
  "${signet[@]}" sign --domain example.org --key "$work/org-rsa.pem" --selector s1 --key "$work/org-ed25519.pem" --selector s2 \
    < "$work/inbound-unsigned.eml" > "$work/inbound.eml"
  source_message=(-F "$work/inbound.eml")
  # Loopback is outside here (a documentation network is the only internal one), so Signet verifies.
  serve_args=(--resolver "127.0.0.1:$dns_port" --internal-network 192.0.2.0/24)
fi

# Where a milter listens for Postfix, from a free port: TCP on loopback, or (--socket unix) a Unix socket named after
# the port in the work folder, given to the postfix group so that smtpd may connect.
milter_listen() {
  if [[ "$socket" == unix ]]; then echo "unix:$work/milter-$1.sock"; else echo "127.0.0.1:$1"; fi
}

start_signet() {
  local port="$1" group=()
  [[ "$socket" == unix ]] && group=(--milter-socket-group postfix)
  # shellcheck disable=SC2086 # serve_env is a list of K=V words
  env $serve_env "${signet[@]}" serve --data "$work/data" --milter "$(milter_listen "$port")" "${group[@]}" \
    --urls "http://127.0.0.1:$(free_port)" "${serve_args[@]}" > "$work/serve.log" 2>&1 &
  echo $!
}

# The relay row: serve's SMTP relay listens on PORT and passes each signed message on to NEXT_HOP.
start_relay() {
  local port="$1" next_hop="$2"
  # shellcheck disable=SC2086 # serve_env is a list of K=V words
  env $serve_env "${signet[@]}" serve --data "$work/data" --milter "127.0.0.1:$(free_port)" --urls "http://127.0.0.1:$(free_port)" \
    --relay "127.0.0.1:$port" --next-hop "127.0.0.1:$next_hop" "${serve_args[@]}" > "$work/serve.log" 2>&1 &
  echo $!
}

# The floor of any relay: socat moving the bytes from Postfix to NEXT_HOP and back, with no SMTP, no parsing and no
# signature. Whatever an SMTP relay does, it does at least this (a process in the path with a socket each way).
start_proxy() {
  local port="$1" next_hop="$2"
  socat "TCP-LISTEN:$port,bind=127.0.0.1,fork,reuseaddr" "TCP:127.0.0.1:$next_hop" > "$work/socat.log" 2>&1 &
  echo $!
}

# Busy and total jiffies of the whole machine (all cores), from the first line of /proc/stat.
machine_jiffies() {
  awk '/^cpu / { total = 0; for (i = 2; i <= NF; i++) total += $i; print total - $5 - $6, total; exit }' /proc/stat
}

# The floor of any milter: bench/mailflow/nullmilter.c, libmilter in C, asks for what Signet's milter asks and inserts a
# fixed header field of a signature's size at the end of each message, with no signature computed.
start_null() {
  local port="$1"
  [[ -x "$work/nullmilter" ]] || cc -O2 -o "$work/nullmilter" "$here/mailflow/nullmilter.c" -lmilter -pthread >&2
  (umask 007; exec "$work/nullmilter" "$(if [[ "$socket" == unix ]]; then echo "local:$work/milter-$port.sock"; else echo "inet:$port@127.0.0.1"; fi)") \
    > "$work/nullmilter.log" 2>&1 &
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
Socket $(if [[ "$socket" == unix ]]; then echo "local:$work/milter-$port.sock"; else echo "inet:$port@127.0.0.1"; fi)
UMask 0007
On-Default tempfail
CONF
  /usr/sbin/opendkim -f -x "$work/opendkim.conf" > "$work/opendkim.log" 2>&1 &
  echo $!
}

run() {
  local label="$1" name="$2" start="$3"
  local dir="$work/postfix-$name" smtp sink milter_port="" pid="" milter="" idle="–" next_hop
  smtp="$(free_port)"
  sink="$(free_port)"
  next_hop="$sink"
  install -d -o postfix "$work/sink-$name"
  /usr/sbin/smtp-sink -u postfix -D "$work/sink-$name/dump" -h sink.signet.test "127.0.0.1:$sink" 256 &
  local sink_pid=$!
  children+=("$sink_pid")
  if [[ -n "$start" ]]; then
    milter_port="$(free_port)"
    pid="$($start "$milter_port" "$sink")"
    children+=("$pid")
    if [[ "$start" == start_relay || "$start" == start_proxy || "$socket" == tcp ]]; then
      wait_for_port "$milter_port"
    else
      for _ in $(seq 600); do [[ -S "$work/milter-$milter_port.sock" ]] && break; sleep 0.1; done
      [[ -S "$work/milter-$milter_port.sock" ]] || { echo "the milter made no socket $work/milter-$milter_port.sock" >&2; exit 1; }
      # OpenDKIM runs as root here and has no socket-group setting: its UMask leaves the socket to root's group.
      chgrp postfix "$work/milter-$milter_port.sock"
    fi
    if [[ "$start" == start_relay || "$start" == start_proxy ]]; then
      next_hop="$milter_port"
    elif [[ "$socket" == unix ]]; then
      milter="unix:$work/milter-$milter_port.sock"
    else
      milter="inet:127.0.0.1:$milter_port"
    fi
    # Resident memory with everything up and no mail yet, once start-up work has settled.
    sleep 10
    idle="$(awk '/^VmRSS:/ { printf "%.0f MB", $2 / 1024 }' "/proc/$pid/status")"
  fi
  postfix_start "$dir" "$smtp" "$next_hop" "$milter"
  # Warm up (connections, the key cache, and the runtime's JIT up to its final tier, which a server that runs for
  # days has long finished: a profile of the measured window showed the JIT at 7% of serve's CPU after 50 messages),
  # then measure.
  /usr/sbin/smtp-source -s "$sessions" -m "$warmup" "${source_message[@]}" -f alice@example.com -t bob@example.net "127.0.0.1:$smtp"
  until [[ "$(postfix_sent "$dir")" -ge "$warmup" ]]; do sleep 0.1; done
  local cpu_before=0 switches_before=0 began ended machine_before machine_after
  [[ -n "$pid" ]] && cpu_before="$(cpu_seconds "$pid")" && switches_before="$(context_switches "$pid")"
  machine_before="$(machine_jiffies)"
  began="$(date +%s.%N)"
  /usr/sbin/smtp-source -s "$sessions" -m "$messages" "${source_message[@]}" -f alice@example.com -t bob@example.net "127.0.0.1:$smtp"
  until [[ "$(postfix_sent "$dir")" -ge $((messages + warmup)) ]]; do sleep 0.05; done
  ended="$(date +%s.%N)"
  machine_after="$(machine_jiffies)"
  local rate cpu="–" rss="–" switches="–" signed machine
  rate="$(awk -v n="$messages" -v a="$began" -v b="$ended" 'BEGIN { printf "%.0f", n / (b - a) }')"
  # The whole machine: CPU per message (every process, kernel included) and the share of the cores that was busy.
  machine="$(awk -v b="$machine_before" -v a="$machine_after" -v n="$messages" -v ticks="$(getconf CLK_TCK)" 'BEGIN {
    split(b, x, " "); split(a, y, " "); busy = y[1] - x[1]; total = y[2] - x[2]
    printf "%.0f µs, %.0f%% busy", busy / ticks / n * 1e6, 100 * busy / total }')"
  if [[ -n "$pid" ]]; then
    cpu="$(awk -v a="$cpu_before" -v b="$(cpu_seconds "$pid")" -v n="$messages" 'BEGIN { printf "%.0f µs", (b - a) / n * 1e6 }')"
    rss="$(awk -v k="$(peak_rss_kb "$pid")" 'BEGIN { printf "%.0f MB", k / 1024 }')"
    switches="$(awk -v a="$switches_before" -v b="$(context_switches "$pid")" -v n="$messages" 'BEGIN { printf "%.1f", (b - a) / n }')"
  fi
  if $inbound; then
    signed="$( (cat "$work/sink-$name"/* | grep -o "dkim=pass" || true) | wc -l) dkim=pass"
  else
    signed="$(cat "$work/sink-$name"/* | grep -c '^DKIM-Signature:' || true)"
  fi
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$label" "$rate" "$machine" "$cpu" "$switches" "$idle" "$rss" "$signed for $((messages + warmup)) messages"
  postfix_stop "$dir"
  kill "$sink_pid" 2>/dev/null || true
  rm -rf "$work/sink-$name"
  if [[ -n "$pid" ]]; then
    # The next run's milter opens the same data: wait until this one has let go of it.
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
}

counted="DKIM signatures delivered"
if $inbound; then
  counted="dkim=pass results delivered"
  what="Signet verifying two signatures (RSA-2048 + Ed25519, keys from nsd on loopback)"
else
  what="Signet signing with $keys"
fi
echo "Mail flow: $messages messages of $size bytes over $sessions SMTP sessions, $what, milter on $socket${serve_env:+, serve with $serve_env}${signet_path:+, signet $signet_path}, $(nproc) cores, $(date -u +%Y-%m-%d)"
echo
echo "| Postfix with | messages/s | machine CPU per message | milter CPU per message | milter context switches per message | milter idle RSS | milter peak RSS | $counted |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for run in $(seq "$runs"); do
  for milter in $milters; do
    case "$milter" in
      none) run "no milter" "none-$run" "" ;;
      signet) run "Signet milter" "signet-$run" start_signet ;;
      relay) run "Signet relay" "relay-$run" start_relay ;;
      proxy) run "byte proxy (socat, no SMTP)" "proxy-$run" start_proxy ;;
      opendkim) run "OpenDKIM" "opendkim-$run" start_opendkim ;;
      null) run "null milter (C, no signature)" "null-$run" start_null ;;
      *) echo "unknown milter $milter (none, signet, relay, opendkim, null, proxy)" >&2; exit 2 ;;
    esac
  done
done
