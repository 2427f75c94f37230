#!/usr/bin/env bash
# The bench route for arm64 (Lambda on Graviton), cross-compiled on this x86_64 host: build cost and size, and whether
# the binary answers the bench event exactly as the x86_64 one does — run under qemu-user, so a correctness check only;
# emulated timings say nothing about Lambda's and are not reported.
#
#   bash bench/arm64.sh        (run bench/frameworks.sh first: the x86_64 net10.0 build is the reference)
#
# Writes bench/results/arm64.json and arm64.md; prints the table. Needs the cross toolchain and qemu-user (scripts/setup.sh).
set -euo pipefail
# Build figures measure compiling: no artifact cache (docs/packager.md), so a cache filled by an earlier run cannot serve them.
export LAMBDA_ROUTES_CACHE=off

bench="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$bench/.." && pwd)"
work="$bench/.work/arm64"
results="$bench/results"
reference="$bench/.work/frameworks/net10.0/bench/apps/BenchApp/.lambda-routes/out"
[ -x "$reference/ApiEcho/bootstrap" ] || { echo "bench: run bash bench/frameworks.sh first (it builds the x86_64 reference)" >&2; exit 1; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 CI=1
load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
started="$(date -u +%Y-%m-%dT%H:%M:%SZ)"

echo "== cold lambda-routes build --arch arm64 of a fresh copy of bench/apps/BenchApp" >&2
rm -rf "$work"
mkdir -p "$work/bench/apps" "$work/src" "$work/tmp" "$results"
cp -r "$bench/apps/BenchApp" "$work/bench/apps/BenchApp"
cp -r "$repo/src/Runtime" "$work/src/Runtime"
rm -rf "$work/bench/apps/BenchApp/"{bin,obj,.lambda-routes} "$work/src/Runtime/"{bin,obj}
dotnet build "$repo/src/Packager/LambdaRoutes.Packager.csproj" -c Release -nologo -v q >"$work/packager.log" 2>&1 || { tail -30 "$work/packager.log" >&2; exit 1; }
t0="$(date +%s.%N)"
TMPDIR="$work/tmp" dotnet "$repo/src/Packager/bin/Release/net10.0/lambda-routes.dll" build "$work/bench/apps/BenchApp" --arch arm64 \
  >"$work/build.log" 2>&1 || { tail -30 "$work/build.log" >&2; exit 1; }
t1="$(date +%s.%N)"
out="$work/bench/apps/BenchApp/.lambda-routes/out"

echo "== the bench event: x86_64 natively, arm64 under qemu-user" >&2
x64="$(python3 "$bench/run_once.py" "$bench/driver/event.json" "$reference/ApiEcho/bootstrap")"
arm64="$(python3 "$bench/run_once.py" "$bench/driver/event.json" qemu-aarch64 -L /usr/aarch64-linux-gnu "$out/ApiEcho/bootstrap")"
same=false; [ "$x64" = "$arm64" ] && same=true
glibc="$(aarch64-linux-gnu-objdump -T "$out/ApiEcho/bootstrap" | grep -o 'GLIBC_[0-9.]*' | sort -Vu | tail -1)"

cat >"$results/arm64.json" <<EOF
{ "date": "$started", "loadStart": "$load_start", "loadEnd": "$(cut -d' ' -f1-3 /proc/loadavg)", "framework": "net10.0",
  "buildSeconds": $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }'),
  "bootstrapBytes": $(stat -c %s "$out/ApiEcho/bootstrap"), "zipBytes": $(stat -c %s "$out/ApiEcho.zip"),
  "highestGlibc": "$glibc", "sameResponseAsX86_64": $same, "arm64Response": $arm64 }
EOF
python3 - "$results/arm64.json" "$results/arm64.md" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))
lines = ["# The bench route on arm64 (cross-compiled, checked under qemu-user)", "",
         f'`bash bench/arm64.sh`, run of {r["date"]}, load average {r["loadStart"]} at start and {r["loadEnd"]} at the end. '
         "Correctness only: no timings are taken under emulation.", "",
         "| | arm64, net10.0 |", "| --- | ---: |",
         f'| Cold build of bench/apps/BenchApp (fresh copy) | {r["buildSeconds"]:.0f} s |',
         f'| bootstrap | {r["bootstrapBytes"] / 1e6:.2f} MB |',
         f'| zip | {r["zipBytes"] / 1e6:.2f} MB |',
         f'| Highest glibc symbol version (Amazon Linux 2023 has 2.34) | {r["highestGlibc"].removeprefix("GLIBC_")} |',
         f'| Answers the bench event exactly as the x86_64 binary | {"yes" if r["sameResponseAsX86_64"] else "NO"} |']
open(sys.argv[2], "w").write("\n".join(lines) + "\n")
EOF
cat "$results/arm64.md"
[ "$same" = true ] || { echo "bench: the arm64 binary answered differently from the x86_64 one" >&2; exit 1; }
