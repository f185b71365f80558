#!/usr/bin/env bash
# Two `signet serve` nodes on one PostgreSQL, each behind its own private Postfix relaying to smtp-sink: what each node
# asks the database, counted from PostgreSQL's own log (every statement with its duration and the client's application
# name), in five windows:
#   load      MESSAGES messages of ~2 KB split between the nodes (smtp-source, --sessions each)
#   idle      no mail, until every node has run two rotation rounds (--rotation-interval)
#   rotate    `signet key rotate` (a new pending key), then two rounds of every node while its record is not in DNS
#   switch    the new key activated (the write a round makes once DNS serves it), then mail through every node,
#             each of which then reloads its snapshot
#   automatic the domain's hands-off rotation turned on (a publisher that is never reached: nothing is due), until
#             every node has run two rounds
# Prints one table row per window, client and kind of transaction: transactions, statements, writes, server-side ms.
#
# Usage: sudo bash bench/fleet.sh [MESSAGES] [--nodes N] [--sessions N] [--rotation-interval SECONDS]
#   MESSAGES                 default 5000, split evenly between the nodes
#   --nodes N                default 2
#   --sessions N             concurrent SMTP sessions of smtp-source per node (default 5)
#   --rotation-interval S    serve's RotationInterval for this run (default 10 s; the product default is 5 min)
# Needs: root, postfix (smtp-source, smtp-sink), postgresql, python3, the .NET SDK.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
messages=5000
nodes=2
sessions=5
rotation=10
while [[ $# -gt 0 ]]; do
  case "$1" in
    --nodes) nodes="$2"; shift 2 ;;
    --sessions) sessions="$2"; shift 2 ;;
    --rotation-interval) rotation="$2"; shift 2 ;;
    --*) echo "unknown option $1 (see the usage at the top of $0)" >&2; exit 2 ;;
    *) messages="$1"; shift ;;
  esac
done
per_node=$((messages / nodes))
source "$here/mailflow/postfix.sh"
work="$(mktemp -d /tmp/signet-fleet-XXXXXX)"
chmod 755 "$work"
pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
children=()
declare -a smtp_port
cleanup() {
  for pid in "${children[@]}"; do kill "$pid" 2>/dev/null || true; done
  for dir in "$work"/postfix-*; do [[ -d "$dir" ]] && postfix_stop "$dir"; done
  [[ -f "$work/pg/data/postmaster.pid" ]] && runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

dotnet build -c Release "$here/../src/Signet" -v quiet -nologo >&2
signet=(dotnet "$here/../src/Signet/bin/Release/net10.0/signet.dll")

# PostgreSQL with its defaults (fsync on) except the log: every statement step, its duration, who asked.
install -d -o postgres "$work/pg"
runuser -u postgres -- "$pgbin/initdb" -D "$work/pg/data" -U signet --auth=trust -E UTF8 >/dev/null
pg_port="$(free_port)"
runuser -u postgres -- "$pgbin/postgres" -D "$work/pg/data" -p "$pg_port" -k "$work/pg" -c listen_addresses=127.0.0.1 \
  -c log_min_duration_statement=0 -c "log_line_prefix=<%a> [%p] " > "$work/pg.log" 2>&1 &
children+=($!)
until "$pgbin/pg_isready" -q -h 127.0.0.1 -p "$pg_port"; do sleep 0.1; done
store="Host=127.0.0.1;Port=$pg_port;Username=signet;Database=postgres"
cli() { "${signet[@]}" "$@" --store "$store;Application Name=signet-cli" --data "$work/setup"; }

# A mark nobody else writes; the log's size once it is there bounds a window.
mark() {
  local text="fleet-mark-$RANDOM$RANDOM"
  "$pgbin/psql" -q -h 127.0.0.1 -p "$pg_port" -U signet -d postgres -c "SELECT '$text'" >/dev/null
  until grep -q "$text" "$work/pg.log"; do sleep 0.05; done
  stat -c %s "$work/pg.log"
}

# How many rotation rounds a node has finished since byte $2 (the driver's read of rotating domains ends each round).
rounds() {
  tail -c +"$(($2 + 1))" "$work/pg.log" | grep -c "^<$1> .*execute.*FROM domain_rotation WHERE interval_ticks" || true
}

wait_rounds() {
  local since="$1" node
  for node in $(seq "$nodes"); do
    until [[ "$(rounds "node-$node" "$since")" -ge 2 ]]; do sleep 0.5; done
  done
}

report() {
  /usr/bin/python3 "$here/fleet/statements.py" "$work/pg.log" "$2" "$3" | awk -v window="$1" -F'\t' \
    '{ printf "| %s | %s | %s | %s | %s | %s | %s |\n", window, $1, $2, $3, $4, $5, $6 }'
}

# The domain and its first key, created once in the shared database with the command line.
cli domain add --domain example.com >/dev/null
cli key generate --domain example.com --selector s1 >/dev/null
cli key activate --domain example.com --selector s1 --force >/dev/null 2>&1

# The nodes: their own data directories, the store and master key shared, one Postfix and one sink each.
master_key="$(cat "$work/setup/master.key")"
for node in $(seq "$nodes"); do
  milter_port="$(free_port)"
  SIGNET_STORE__CONNECTIONSTRING="$store;Application Name=node-$node" SIGNET_STORE__MASTERKEY="$master_key" \
    SIGNET_ROTATIONINTERVAL="$(printf '%02d:%02d:%02d' $((rotation / 3600)) $((rotation / 60 % 60)) $((rotation % 60)))" \
    "${signet[@]}" serve --data "$work/node-$node" --milter "127.0.0.1:$milter_port" --urls "http://127.0.0.1:$(free_port)" \
    --hostname mx.signet.test > "$work/node-$node.log" 2>&1 &
  children+=($!)
  wait_for_port "$milter_port"
  sink_port="$(free_port)"
  install -d -o postfix "$work/sink-$node"
  /usr/sbin/smtp-sink -u postfix -D "$work/sink-$node/mail" -h sink.signet.test "127.0.0.1:$sink_port" 256 &
  children+=($!)
  smtp_port[node]="$(free_port)"
  postfix_start "$work/postfix-$node" "${smtp_port[node]}" "$sink_port" "inet:127.0.0.1:$milter_port"
done

# Sends $1 messages through every node (with subject $2) and waits until each Postfix has delivered them all.
send() {
  local count="$1" subject="$2" node pids=()
  for node in $(seq "$nodes"); do
    local before
    before="$(postfix_sent "$work/postfix-$node")"
    echo "$before" > "$work/sent-before-$node"
    /usr/sbin/smtp-source -s "$sessions" -m "$count" -l 2000 -S "$subject" -f alice@example.com -t bob@example.net \
      -M "client.node-$node.signet.test" "127.0.0.1:${smtp_port[node]}" &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid"; done
  for node in $(seq "$nodes"); do
    local target=$(($(cat "$work/sent-before-$node") + count))
    until [[ "$(postfix_sent "$work/postfix-$node")" -ge "$target" ]]; do sleep 0.05; done
  done
}

echo "Fleet: $nodes nodes on one PostgreSQL ($(basename "$(dirname "$pgbin")")), $messages messages of 2 KB ($per_node a node over $sessions sessions), rotation every ${rotation} s, poll interval 2 s (default), $(nproc) cores, $(date -u +%Y-%m-%d)"
echo
echo "| window | client | kind | transactions | statements | writes | server ms |"
echo "|---|---|---|---:|---:|---:|---:|"

# Warm-up: every node loads its snapshot and opens its connection.
send 20 "warm-up"
m0="$(mark)"
began="$(date +%s.%N)"
send "$per_node" "load"
ended="$(date +%s.%N)"
m1="$(mark)"
report "load" "$m0" "$m1"
wait_rounds "$m1"
m2="$(mark)"
report "idle" "$m1" "$m2"

cli key rotate --domain example.com --selector s1 --new-selector s2 >/dev/null
wait_rounds "$(mark)"
m3="$(mark)"
report "rotate" "$m2" "$m3"

# The switch a round makes once every authoritative server serves the new record (it asks them directly, on port
# 53, which a loopback benchmark does not own): the same activation, made here with the command line.
cli key activate --domain example.com --selector s2 --force >/dev/null 2>&1
send 20 "after the switch"
m4="$(mark)"
report "switch" "$m3" "$m4"
# Hands-off rotation turned on for the domain: its key is new, so every round finds nothing due; what a round costs
# per rotating domain and node, with the lease that lets one node at a time work on the domain.
head -c 32 /dev/urandom | base64 > "$work/tsig.secret"
chmod 600 "$work/tsig.secret"
cli publisher add --name primary --primary 127.0.0.1 --zone example.com --key-name signet-update --secret-file "$work/tsig.secret" >/dev/null
cli rotation set --domain example.com --publisher primary --every 90d >/dev/null
wait_rounds "$(mark)"
m5="$(mark)"
report "automatic" "$m4" "$m5"
load_seconds="$(awk -v a="$began" -v b="$ended" 'BEGIN { printf "%.1f", b - a }')"
echo
signed() { cat "$work"/sink-*/mail | grep -c "$1" || true; }
echo "load: $((per_node * nodes)) messages in $load_seconds s; delivered $(signed '^Subject: load$'), signed with s1 $(signed 's=s1;'), with s2 after the switch $(signed 's=s2;')"
