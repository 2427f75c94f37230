#!/usr/bin/env bash
# net8.0 vs net10.0 route binaries, side by side in one run (the comparison behind the packager's net10.0 default).
#
#   bash bench/frameworks.sh            12 cold starts and 1,000 warm invocations per framework
#   bash bench/frameworks.sh --quick    3 cold starts and 200 warm invocations
#
# For each framework: a private copy of bench/apps/BenchApp, src/Runtime and src/Contracts (no obj/ or bin/, its own build lock) built
# cold with `lambda-routes build --framework <tfm>` and timed; bootstrap and zip sizes; then the bench driver measures the
# two bootstraps interleaved (cold start, first invocation, warm latency and CPU, RSS) so both see the same machine load.
# Writes bench/results/frameworks.json and frameworks.md; prints the table. Wall-clock figures on a shared machine move
# with its load (recorded at start and end): read them side by side, not against other runs.
set -euo pipefail
# Build figures measure compiling: no artifact cache (docs/packager.md), so a cache filled by an earlier run cannot serve them.
export LAMBDA_ROUTES_CACHE=off

quick=0
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1 ;;
    -h|--help) sed -n 2,11p "$0"; exit 0 ;;
    *) echo "unknown option $arg (use --quick)" >&2; exit 2 ;;
  esac
done
if [ "$quick" = 1 ]; then cold=3; warm=200; else cold=12; warm=1000; fi

bench="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$bench/.." && pwd)"
work="$bench/.work/frameworks"
results="$bench/results"
mkdir -p "$work" "$results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 CI=1
frameworks=(net8.0 net10.0)
load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
started="$(date -u +%Y-%m-%dT%H:%M:%SZ)"

echo "== build the packager and the bench driver" >&2
dotnet build "$repo/src/Packager/LambdaRoutes.Packager.csproj" -c Release -nologo -v q >"$work/packager.log" 2>&1 || { tail -30 "$work/packager.log" >&2; exit 1; }
dotnet build "$bench/driver/BenchDriver.csproj" -c Release -o "$work/driver" -nologo -v q >"$work/driver.log" 2>&1 || { tail -30 "$work/driver.log" >&2; exit 1; }

builds="{"
peers='{ "peers": ['
for tfm in "${frameworks[@]}"; do
  copy="$work/$tfm"
  echo "== $tfm: cold lambda-routes build of a fresh copy of bench/apps/BenchApp" >&2
  rm -rf "$copy"
  mkdir -p "$copy/bench/apps" "$copy/src" "$copy/tmp"
  cp -r "$bench/apps/BenchApp" "$copy/bench/apps/BenchApp"
  cp -r "$repo/src/Runtime" "$copy/src/Runtime"
  cp -r "$repo/src/Contracts" "$copy/src/Contracts" # the runtime references it
  rm -rf "$copy/bench/apps/BenchApp/"{bin,obj,.lambda-routes} "$copy/src/Runtime/"{bin,obj} "$copy/src/Contracts/"{bin,obj}
  t0="$(date +%s.%N)"
  TMPDIR="$copy/tmp" dotnet "$repo/src/Packager/bin/Release/net10.0/lambda-routes.dll" build "$copy/bench/apps/BenchApp" --framework "$tfm" \
    >"$work/build-$tfm.log" 2>&1 || { tail -30 "$work/build-$tfm.log" >&2; exit 1; }
  t1="$(date +%s.%N)"
  out="$copy/bench/apps/BenchApp/.lambda-routes/out"
  builds+="$( [ "$tfm" = "${frameworks[0]}" ] || echo ,) \"$tfm\": { \"buildSeconds\": $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }'),"
  builds+=" \"bootstrapBytes\": $(stat -c %s "$out/ApiEcho/bootstrap"), \"zipBytes\": $(stat -c %s "$out/ApiEcho.zip") }"
  peers+="$( [ "$tfm" = "${frameworks[0]}" ] || echo ,) { \"name\": \"LambdaRoutes $tfm\", \"executable\": \"$out/ApiEcho/bootstrap\" }"
done
builds+=" }"
peers+=" ] }"
echo "$peers" >"$work/peers.json"

echo "== measure: $cold cold starts, $warm warm invocations per framework, interleaved" >&2
dotnet "$work/driver/bench-driver.dll" --config "$work/peers.json" --out "$work/raw.json" --cold "$cold" --warm "$warm"

cat >"$work/run.json" <<EOF
{ "date": "$started", "cpu": "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')", "nproc": $(nproc),
  "loadStart": "$load_start", "loadEnd": "$(cut -d' ' -f1-3 /proc/loadavg)", "coldStarts": $cold, "warmInvocations": $warm,
  "builds": $builds }
EOF
python3 "$bench/frameworks_report.py" "$work/run.json" "$work/raw.json" "$results/frameworks.json" "$results/frameworks.md"
cat "$results/frameworks.md"
