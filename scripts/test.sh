#!/usr/bin/env bash
# Runs the whole Signet test suite. Installs what the tests need when it is missing (Debian packages when run
# as root, NuGet packages through restore), then prints one closing line: "N passed, N failed".
#
#   --quick  only the tests that need no outside server or program (no Postfix, nsd, PostgreSQL, Chromium, peers):
#            every test class that starts one carries [Trait("Tier", "Integration")] and is filtered out.
#            Nothing is installed; the benchmark smoke run and the fuzz replay still run (a few seconds each).
set -euo pipefail
cd "$(dirname "$0")/.."

quick=false
for argument in "$@"; do
  case "$argument" in
    --quick) quick=true ;;
    *) echo "usage: bash scripts/test.sh [--quick]" >&2; exit 2 ;;
  esac
done

# The real peers and servers the tests use; each test that needs one fails loudly without it. Sendmail and Exim
# conflict with Postfix as packages: their tests fetch the .debs themselves (apt-get download, hence the update
# below) and need m4 to build sendmail.cf.
packages=(nsd knot python3-dkim libmail-dkim-perl opendkim-tools opendkim postfix postgresql miltertest chromium swaks dpkg-dev fakeroot lintian man-db clang m4)
missing=()
if $quick; then packages=(); fi
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing test prerequisites: ${missing[*]}"
    apt-get update -qq
    # Services must not start system-wide: tests start their own on loopback.
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
      trap 'rm -f /usr/sbin/policy-rc.d' EXIT
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Missing test prerequisites: ${missing[*]} (install them with: sudo apt-get install ${missing[*]})" >&2
  fi
fi

# The Sendmail and Exim tests fetch their .debs with apt-get download, which needs the package lists.
if ! $quick && [ "$(id -u)" = 0 ] && ! compgen -G "/var/lib/apt/lists/*_Packages*" > /dev/null; then
  echo "Fetching the package lists (for the Sendmail and Exim tests' apt-get download)"
  apt-get update -qq
fi

log=$(mktemp)
status=0
# Build everything once (the benchmark too, which dotnet test alone would not build), then test without rebuilding.
dotnet build Signet.slnx --nologo -v quiet 2>&1 | tail -3
filter=()
if $quick; then
  filter=(--filter "Tier!=Integration")
  # A server started anyway refuses, naming the test that lacks its trait (tests/Signet.Testing/TestTier.cs).
  export SIGNET_TEST_TIER=quick
fi
dotnet test Signet.slnx --nologo --no-build -v quiet --logger "console;verbosity=minimal" "${filter[@]}" 2>&1 | tee "$log" || status=$?

# The benchmark in smoke mode: every measured operation runs once, nothing is timed (bench/README.md).
dotnet bench/Signet.Bench/bin/Debug/net10.0/Signet.Bench.dll --smoke || status=$?

# Every fuzz seed and saved finding, replayed once through its target with the plain build (fuzz/README in docs/reliability.md).
for corpus in fuzz/corpus/*/; do
  dotnet fuzz/Signet.Fuzz/bin/Debug/net10.0/Signet.Fuzz.dll "$(basename "$corpus")" --replay "$corpus"* > /dev/null || { echo "fuzz corpus replay failed: $corpus"; status=1; }
done

# One closing line over every test project, from dotnet test's per-assembly summaries.
awk '
  /(Passed|Failed)! +- Failed: / {
    line = $0; gsub(/[^0-9,]/, " ", line); split(line, n, ",")
    failed += n[1]; passed += n[2]
  }
  END { printf "%d passed, %d failed\n", passed, failed }
' "$log"
rm -f "$log"
exit "$status"
