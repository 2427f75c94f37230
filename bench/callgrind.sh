#!/usr/bin/env bash
# Instruction counts (valgrind callgrind, user mode) of the bench route and the floor: process start → first response,
# and per warm invocation. Unlike wall-clock figures, these do not move with the load of a shared machine.
#
#   bash bench/callgrind.sh [--warm N] [--reuse-floor]   (default 200 warm invocations; run bench/frameworks.sh first;
#                                                        --reuse-floor keeps a floor binary this script published before)
#
# Measures the net8.0 and net10.0 bootstraps bench/frameworks.sh built and the minimal hand-written AOT loop (the floor,
# bench/peers/MinimalAot, published here for net10.0), each served the bench event by bench/callgrind_api.py.
# Writes bench/results/callgrind.json and callgrind.md; prints the table. Needs valgrind.
set -euo pipefail

warm=200
reuse_floor=0
while [ $# -gt 0 ]; do
  case "$1" in
    --warm) warm="$2"; shift 2 ;;
    --reuse-floor) reuse_floor=1; shift ;;
    -h|--help) sed -n 2,10p "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

bench="$(cd "$(dirname "$0")" && pwd)"
work="$bench/.work/callgrind"
frameworks="$bench/.work/frameworks"
results="$bench/results"
mkdir -p "$work" "$results"
command -v valgrind >/dev/null || { echo "bench: valgrind is not installed (apt-get install valgrind)" >&2; exit 1; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ "$reuse_floor" = 1 ] && [ -x "$work/minimal/bootstrap" ]; then
  echo "== the floor: reusing $work/minimal/bootstrap" >&2
else
  echo "== the floor: bench/peers/MinimalAot for net10.0 (a copy retargeted from net8.0)" >&2
  rm -rf "$work/minimal-src" && cp -r "$bench/peers/MinimalAot" "$work/minimal-src" && rm -rf "$work/minimal-src/"{bin,obj}
  sed -i 's#<TargetFramework>net8.0</TargetFramework>#<TargetFramework>net10.0</TargetFramework>#' "$work/minimal-src/MinimalAot.csproj"
  dotnet publish "$work/minimal-src/MinimalAot.csproj" -c Release -o "$work/minimal" -nologo -v q \
    >"$work/minimal-publish.log" 2>&1 || { tail -30 "$work/minimal-publish.log" >&2; exit 1; }
fi
rm -f "$work/minimal/bootstrap.dbg" # valgrind 3.19 gives up on its compressed debug sections ("possibly corrupted debuginfo file")

declare -A peers=(
  ["LambdaRoutes net8.0"]="$frameworks/net8.0/bench/apps/BenchApp/.lambda-routes/out/ApiEcho/bootstrap"
  ["LambdaRoutes net10.0"]="$frameworks/net10.0/bench/apps/BenchApp/.lambda-routes/out/ApiEcho/bootstrap"
  ["Minimal AOT loop net10.0 (the floor)"]="$work/minimal/bootstrap"
)
echo "{" >"$work/counts.json"
first=1
for name in "LambdaRoutes net8.0" "LambdaRoutes net10.0" "Minimal AOT loop net10.0 (the floor)"; do
  binary="${peers[$name]}"
  [ -x "$binary" ] || { echo "bench: $binary is missing (run bash bench/frameworks.sh first)" >&2; exit 1; }
  echo "== callgrind: $name ($warm warm invocations)" >&2
  counts="$(python3 "$bench/callgrind_api.py" "$binary" "$bench/driver/event.json" "$warm" "$work/$(echo "$name" | tr -c 'A-Za-z0-9.\n' '_')")"
  [ "$first" = 1 ] || echo "," >>"$work/counts.json"
  first=0
  printf '  "%s": %s' "$name" "$counts" >>"$work/counts.json"
done
printf '\n}\n' >>"$work/counts.json"

python3 - "$work/counts.json" "$results/callgrind.json" "$results/callgrind.md" "$warm" <<'EOF'
import json, sys, datetime
counts = json.load(open(sys.argv[1]))
json.dump({"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"), "warm": int(sys.argv[4]), "peers": counts},
          open(sys.argv[2], "w"), indent=2)
date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
lines = ["# Instructions (valgrind callgrind, user mode)", "",
         f"`bash bench/callgrind.sh`, run of {date}: the bench event served by a local Runtime API; counters dumped after the first response "
         f"and after {int(sys.argv[4])} warm invocations. Not moved by machine load: repeat runs of one binary agree within 0.1 %.", "",
         "| Peer | Process start → first response | Per warm invocation |", "| --- | ---: | ---: |"]
for name, c in counts.items():
    lines.append(f"| {name} | {c['firstResponseIr'] / 1e6:.2f} M | {c['warmIrPerInvocation'] / 1e3:.1f} k |")
# The hand-written sections below the table (earlier measurements and where the instructions go) survive a rerun.
try:
    previous = open(sys.argv[3]).read()
except FileNotFoundError:
    previous = ""
notes = previous[previous.find("\n## ") + 1:] if "\n## " in previous else ""
open(sys.argv[3], "w").write("\n".join(lines) + "\n" + ("\n" + notes if notes else ""))
EOF
cat "$results/callgrind.md"
