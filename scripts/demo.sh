#!/usr/bin/env bash
# Builds the signet CLI, generates a key, signs samples/hello.eml and verifies it against the key's own
# DNS record (read from a zone file, so no DNS set-up is needed).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Signet/Signet.csproj -c Release --nologo -v quiet
signet=(dotnet src/Signet/bin/Release/net10.0/signet.dll)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"${signet[@]}" keygen --algorithm rsa --bits 2048 --out "$work/s1.pem"
"${signet[@]}" keygen --algorithm ed25519 --out "$work/s2.pem"
"${signet[@]}" dns-record --key "$work/s1.pem" --domain example.com --selector s1 --format zone > "$work/keys.zone"
"${signet[@]}" dns-record --key "$work/s2.pem" --domain example.com --selector s2 --format zone >> "$work/keys.zone"
echo "== DNS records to publish"
cat "$work/keys.zone"
"${signet[@]}" sign --domain example.com --key "$work/s1.pem" --selector s1 --key "$work/s2.pem" --selector s2 \
  --in samples/hello.eml --out "$work/signed.eml"
echo "== Signed message"
cat "$work/signed.eml"
echo "== Verification"
"${signet[@]}" verify --keys "$work/keys.zone" --authserv-id demo.signet --in "$work/signed.eml"
