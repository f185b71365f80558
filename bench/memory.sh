#!/usr/bin/env bash
# Peak memory for a 1 GB message: piped through `signet sign` (peak RSS from /usr/bin/time -v), and sent through
# a private Postfix with `signet serve` as its milter (serve's VmHWM from /proc/PID/status). The message is
# generated as it is sent and never held anywhere but Postfix's queue. Then a message of RELAY_BYTES through
# Postfix -> `signet serve --relay` -> smtp-sink: the relay spools what it cannot hold to a 0600 file, so its resident
# memory (which bounds the managed heap's growth from above) must grow by far less than the message.
#
# Usage: sudo bash bench/memory.sh [BYTES] [RELAY_BYTES]     (defaults 1073741824 and 52428800)
#        SIGNET=out/aot/signet sudo bash bench/memory.sh      (a published executable instead of the build)
# Needs: root, postfix (smtp-source, smtp-sink), /usr/bin/time, about 2 GB free below /tmp.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bytes="${1:-1073741824}"
relay_bytes="${2:-52428800}"
source "$here/mailflow/postfix.sh"
work="$(mktemp -d /tmp/signet-memory-XXXXXX)"
chmod 755 "$work"   # Postfix daemons run as the postfix user
children=()
cleanup() {
  for pid in "${children[@]}"; do kill "$pid" 2>/dev/null || true; done
  [[ -d "$work/postfix" ]] && postfix_stop "$work/postfix"
  [[ -d "$work/postfix-relay" ]] && postfix_stop "$work/postfix-relay"
  rm -rf "$work"
}
trap cleanup EXIT

if [[ -n "${SIGNET:-}" ]]; then
  [[ -x "$SIGNET" ]] || { echo "SIGNET=$SIGNET: not an executable file" >&2; exit 2; }
  signet=("$(realpath "$SIGNET")")
else
  dotnet build -c Release "$here/../src/Signet" -v quiet -nologo >&2
  signet=(dotnet "$here/../src/Signet/bin/Release/net10.0/signet.dll")
fi
"${signet[@]}" keygen --algorithm rsa --bits 2048 --out "$work/key.pem" >/dev/null 2>&1

# A header, then lines of text until the message has the size asked for, written as it is read.
generate() {
  python3 - "$1" <<'PY'
import sys
size = int(sys.argv[1])
out = sys.stdout.buffer
header = (b"From: Alice Example <alice@example.com>\r\nTo: Bob Example <bob@example.net>\r\n"
          b"Subject: one large message\r\nDate: Sat, 28 Nov 2026 12:00:00 +0000\r\n"
          b"Message-ID: <large@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n")
out.write(header)
line = b"the figures for this quarter are in line with plan and we expect growth next year\r\n"
block = line * (65536 // len(line))
left = size - len(header)
while left > 0:
    piece = block[:left]
    out.write(piece)
    left -= len(piece)
PY
}

echo "Peak memory for a message of $bytes bytes, $(date -u +%Y-%m-%d), $(nproc) cores"
echo
echo "| what | peak memory | time |"
echo "|---|---:|---:|"

# 1. The command line: standard input to standard output.
began="$(date +%s.%N)"
generate "$bytes" | /usr/bin/time -v -o "$work/time.txt" "${signet[@]}" sign --domain example.com --key "$work/key.pem" --selector s1 \
  | { head -c 4096 | grep -c '^DKIM-Signature:' > "$work/signed.txt" || true; cat > /dev/null; }
ended="$(date +%s.%N)"
peak="$(awk -F': ' '/Maximum resident set size/ { printf "%.0f MB", $2 / 1024 }' "$work/time.txt")"
printf '| `signet sign` (stdin to stdout; signed: %s) | %s | %.0f s |\n' "$(cat "$work/signed.txt")" "$peak" "$(echo "$ended - $began" | bc)"

# 2. The milter: one message through Postfix and signet serve.
"${signet[@]}" domain add --domain example.com --data "$work/data" >/dev/null
"${signet[@]}" key import --domain example.com --selector s1 --key "$work/key.pem" --data "$work/data" >/dev/null
"${signet[@]}" key activate --domain example.com --selector s1 --force --data "$work/data" >/dev/null 2>&1
milter_port="$(free_port)"
"${signet[@]}" serve --data "$work/data" --milter "127.0.0.1:$milter_port" --urls "http://127.0.0.1:$(free_port)" > "$work/serve.log" 2>&1 &
serve=$!
children+=("$serve")
wait_for_port "$milter_port"
sink="$(free_port)"
/usr/sbin/smtp-sink -u postfix -h sink.signet.test "127.0.0.1:$sink" 16 &
children+=($!)
smtp="$(free_port)"
postfix_start "$work/postfix" "$smtp" "$sink" "inet:127.0.0.1:$milter_port"
before="$(peak_rss_kb "$serve")"
began="$(date +%s.%N)"
# smtp-source writes a body of the given length itself, line by line, as it sends.
/usr/sbin/smtp-source -m 1 -l "$bytes" -f alice@example.com -t bob@example.net "127.0.0.1:$smtp"
until [[ "$(postfix_sent "$work/postfix")" -ge 1 ]]; do
  if grep -q 'milter-reject\|status=bounced\|status=deferred' "$work/postfix/maillog" 2>/dev/null; then
    grep 'milter\|status=' "$work/postfix/maillog" >&2
    exit 1
  fi
  sleep 0.5
done
ended="$(date +%s.%N)"
printf '| `signet serve` milter, 1 message through Postfix (VmHWM; %s MB before the message) | %.0f MB | %.0f s |\n' \
  "$((before / 1024))" "$(echo "$(peak_rss_kb "$serve") / 1024" | bc -l)" "$(echo "$ended - $began" | bc)"
postfix_stop "$work/postfix"

# 3. The relay: one message of RELAY_BYTES, Postfix -> signet serve --relay -> smtp-sink (which keeps it, to count
#    the signature).
relay_port="$(free_port)"
relay_sink="$(free_port)"
install -d -o postfix "$work/relay-sink"
/usr/sbin/smtp-sink -u postfix -D "$work/relay-sink/dump" -h sink.signet.test "127.0.0.1:$relay_sink" 16 &
children+=($!)
"${signet[@]}" serve --data "$work/data" --milter "127.0.0.1:$(free_port)" --urls "http://127.0.0.1:$(free_port)" \
  --relay "127.0.0.1:$relay_port" --next-hop "127.0.0.1:$relay_sink" > "$work/relay.log" 2>&1 &
relay=$!
children+=("$relay")
wait_for_port "$relay_port"
smtp="$(free_port)"
postfix_start "$work/postfix-relay" "$smtp" "$relay_port" ""
# A small message first, so that start-up work (JIT, the first signature) is not counted as the large one's.
/usr/sbin/smtp-source -m 1 -l 2000 -f alice@example.com -t bob@example.net "127.0.0.1:$smtp"
until [[ "$(postfix_sent "$work/postfix-relay")" -ge 1 ]]; do sleep 0.2; done
before="$(peak_rss_kb "$relay")"
began="$(date +%s.%N)"
/usr/sbin/smtp-source -m 1 -l "$relay_bytes" -f alice@example.com -t bob@example.net "127.0.0.1:$smtp"
until [[ "$(postfix_sent "$work/postfix-relay")" -ge 2 ]]; do
  if grep -q 'status=bounced\|status=deferred' "$work/postfix-relay/maillog" 2>/dev/null; then
    grep 'status=' "$work/postfix-relay/maillog" >&2
    exit 1
  fi
  sleep 0.2
done
ended="$(date +%s.%N)"
after="$(peak_rss_kb "$relay")"
signed="$(cat "$work/relay-sink"/* | grep -c '^DKIM-Signature:' || true)"
printf '| `signet serve --relay`, 1 message of %s bytes through Postfix (VmHWM %s MB before it; growth %s MB; signed: %s of 2) | %.0f MB | %.0f s |\n' \
  "$relay_bytes" "$((before / 1024))" "$(((after - before) / 1024))" "$signed" "$(echo "$after / 1024" | bc -l)" "$(echo "$ended - $began" | bc)"
postfix_stop "$work/postfix-relay"
