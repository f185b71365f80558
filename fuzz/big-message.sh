#!/usr/bin/env bash
# Streams a generated message of SIZE bytes (default 2 GiB) through `signet sign` and, in the same pipe, through
# `signet verify`, and reports each one's peak resident memory and time (GNU time -v). No 2 GiB file is written
# but the one `signet sign` spools its body to (in TMPDIR) while it computes the signature that goes on top.
#   fuzz/big-message.sh [SIZE]        e.g. fuzz/big-message.sh 2147483648
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
size="${1:-2147483648}"

if [ ! -x /usr/bin/time ]; then
    if [ "$(id -u)" != 0 ]; then
        echo "/usr/bin/time is missing: install GNU time (Debian: apt-get install time)" >&2
        exit 2
    fi
    apt-get install -y -qq time >/dev/null
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet build "$root/src/Signet" -c Release -o "$work/bin" --nologo -v quiet >/dev/null
signet() { dotnet "$work/bin/signet.dll" "$@"; }
signet keygen --algorithm rsa --bits 2048 --out "$work/key.pem" >/dev/null 2>&1
signet dns-record --key "$work/key.pem" --domain example.com --selector big --format zone > "$work/keys.zone"

message() {
    printf 'From: Big Sender <big@example.com>\r\nTo: someone@example.org\r\nSubject: a large message\r\n'
    printf 'Date: Mon, 1 Jun 2026 12:00:00 +0000\r\nMessage-ID: <big-message@example.com>\r\n\r\n'
    yes $'A line of body text, with  double  spaces and a tab\there, to give the relaxed canonicalizer work.\r' || true
}

start=$(date +%s)
message | head -c "$size" \
    | /usr/bin/time -v -o "$work/sign.time" dotnet "$work/bin/signet.dll" sign --domain example.com --key "$work/key.pem" --selector big \
    | /usr/bin/time -v -o "$work/verify.time" dotnet "$work/bin/signet.dll" verify --keys "$work/keys.zone" --json > "$work/verify.json"
end=$(date +%s)

report() {
    local rss wall
    rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$2")
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$2")
    printf '%-7s peak RSS %6d MiB   wall %s\n' "$1" $((rss / 1024)) "$wall"
}
echo "message of $size bytes, signed and verified in $((end - start)) s"
report sign "$work/sign.time"
report verify "$work/verify.time"
printf "verify: %s\n" "$(grep -o '"result": *"[a-z]*"' "$work/verify.json" | head -1)"
