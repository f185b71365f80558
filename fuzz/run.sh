#!/usr/bin/env bash
# Fuzz one target with AFL++ through SharpFuzz for a given time, then print what the fuzzer found.
#   fuzz/run.sh TARGET SECONDS        e.g. fuzz/run.sh tag-list 300
# Installs afl++ (apt-get, as root) and the sharpfuzz tool when missing, builds the harness, instruments the Signet
# assemblies, and keeps the findings in fuzz/out/TARGET (crashes/ and hangs/ hold the inputs). Replay them with
# the plain build, `dotnet run --project fuzz/Signet.Fuzz -- TARGET --replay FILE_OR_DIR`: the instrumented one
# writes coverage to AFL's shared memory and fails without it. SKIP_BUILD=1 reuses the instrumented build.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="${1:?usage: fuzz/run.sh TARGET SECONDS}"
seconds="${2:?usage: fuzz/run.sh TARGET SECONDS}"
bin="$here/out/bin"
tools="$here/out/tools"

if ! command -v afl-fuzz >/dev/null; then
    if [ "$(id -u)" != 0 ]; then
        echo "afl-fuzz is missing: install AFL++ (Debian: apt-get install afl++)" >&2
        exit 2
    fi
    apt-get update -qq && apt-get install -y -qq afl++ >/dev/null
fi

if [ ! -x "$tools/sharpfuzz" ]; then
    dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools" >/dev/null
fi

if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f "$bin/Signet.Fuzz.dll" ]; then
    rm -rf "$bin"
    dotnet publish "$here/Signet.Fuzz" -c Release -o "$bin" --nologo -v quiet >/dev/null
    # Only our own assemblies report coverage; the runtime and packages are not instrumented.
    for assembly in Signet.Dkim Signet.Dns Signet.Milter; do
        "$tools/sharpfuzz" "$bin/$assembly.dll" >/dev/null
    done
fi

if [ ! -d "$here/corpus/$target" ]; then
    echo "no seed corpus for $target; targets: $(ls "$here/corpus" | tr '\n' ' ')" >&2
    exit 2
fi

findings="$here/out/$target"
rm -rf "$findings"
# A .NET harness is not an AFL-compiled binary; the machine's core pattern and CPU governor are not ours to change.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1
# -t 5000: a single input that takes 5 s is a hang (the slowest seed takes milliseconds once the code is compiled).
afl-fuzz -i "$here/corpus/$target" -o "$findings" -t 5000 -m none -V "$seconds" -- dotnet "$bin/Signet.Fuzz.dll" "$target" \
    > "$here/out/$target.log" 2>&1 || { tail -20 "$here/out/$target.log" >&2; exit 1; }

stats="$findings/default/fuzzer_stats"
field() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
printf '%-16s %6ss  execs %-10s paths %-6s edges %-6s crashes %-4s hangs %s\n' "$target" "$(field run_time)" \
    "$(field execs_done)" "$(field corpus_count)" "$(field edges_found)" "$(field saved_crashes)" "$(field saved_hangs)"
