#!/usr/bin/env bash
# LambdaRoutes bench: one command for the whole peer comparison.
#
#   bash bench/run.sh           full run: 30 cold starts and 3,000 warm invocations per peer, build times of samples/Hello
#   bash bench/run.sh --quick   CI smoke: 3 cold starts, 200 warm invocations, memory at 0 and 6 MB payloads, no
#                               samples/Hello build timings (~2-4 min once the peers are built; the first run also builds
#                               aws-lambda-ric's native addon)
#
# Writes bench/results/results.md (the table), results.json (every number) and chart.png; prints the table.
# Peers: (1) the LambdaRoutes route bench/apps/BenchApp/api/echo.cs built by `lambda-routes build`; (2) the same logic
# as a Node.js handler run by aws-lambda-ric; (3) the same C# route, JIT (framework-dependent); (4) a minimal
# hand-written AOT Runtime API loop (the floor). Needs: .NET 10 SDK, clang (Native AOT), node + npm, cmake, zip.
set -euo pipefail
# Build figures measure compiling: no artifact cache (docs/packager.md), so a cache filled by an earlier run cannot serve them.
export LAMBDA_ROUTES_CACHE=off

quick=0
measure=1
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1 ;;
    --builds-only) measure=0 ;; # development: keep the previous run's measurements, redo the build timings and the report
    -h|--help) sed -n 2,12p "$0"; exit 0 ;;
    *) echo "unknown option $arg (use --quick)" >&2; exit 2 ;;
  esac
done

bench="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$bench/.." && pwd)"
work="$bench/.work"
logs="$work/logs"
results="$bench/results"
mkdir -p "$work" "$logs" "$results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 CI=1

if [ "$quick" = 1 ]; then cold=3; warm=200; else cold=30; warm=3000; fi
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
step() { echo "== $*" >&2; }
run_logged() { # name, command...: run, log to $logs/name.log, show the tail on failure
  local name="$1"; shift
  if ! "$@" >"$logs/$name.log" 2>&1; then
    echo "bench: '$name' failed; last lines of $logs/$name.log:" >&2
    tail -30 "$logs/$name.log" >&2
    exit 1
  fi
}

# ---------------------------------------------------------------------------------------------------------------- machine
step "machine"
load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
cat >"$work/machine.json" <<EOF
{
  "date": "$(date -u +%Y-%m-%dT%H:%M:%SZ)",
  "cpu": "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')",
  "nproc": $(nproc),
  "memTotalMb": $(awk '/MemTotal/ { printf "%d", $2 / 1024 }' /proc/meminfo),
  "kernel": "$(uname -r)",
  "dotnet": "$(dotnet --version)",
  "node": "$(node --version)",
  "loadStart": "$load_start",
  "mode": "$([ "$quick" = 1 ] && echo quick || echo full)",
  "coldStarts": $cold,
  "warmInvocations": $warm
}
EOF

# ------------------------------------------------------------------------------------------------------------------ peers
step "build the packager (src/Packager, Release)"
run_logged packager dotnet build "$repo/src/Packager/LambdaRoutes.Packager.csproj" -c Release -nologo -v q
lambda_routes=(dotnet "$repo/src/Packager/bin/Release/net10.0/lambda-routes.dll")

step "peer 1: lambda-routes build bench/apps/BenchApp"
run_logged benchapp-build "${lambda_routes[@]}" build "$bench/apps/BenchApp"
manifest="$bench/apps/BenchApp/.lambda-routes/out/manifest.json"

step "peer 3: the same route, JIT (framework-dependent publish of the generated entry point)"
run_logged jit-publish dotnet publish "$bench/peers/Jit/BenchJit.csproj" -c Release -o "$work/jit" -nologo -v q

step "peer 4: the minimal AOT Runtime API loop (and its async-socket diagnostic variant)"
run_logged minimal-publish dotnet publish "$bench/peers/MinimalAot/MinimalAot.csproj" -c Release -o "$work/minimal" -nologo -v q
run_logged minimal-async-publish dotnet publish "$bench/peers/MinimalAot/MinimalAot.csproj" -c Release -p:BenchAsync=true -o "$work/minimal-async" -nologo -v q

step "in-process mapping cost probe (LambdaRoutes RouteInvoker vs the minimal loop's handler, AOT)"
run_logged mapping-publish dotnet publish "$bench/peers/MappingCost/MappingCost.csproj" -c Release -o "$work/mapping" -nologo -v q

# Before/after (full mode): the same route built by the packager and runtime of BEFORE_COMMIT, the last commit before
# the runtime's performance work (blocking Runtime API client, one-pass event reader, direct response writer, lazily
# armed deadline timer, gen0 budget), from a git worktree, so that both are measured in the same run on the same load.
before_commit=cd8ee2b
before_bootstrap=""
if [ "$quick" = 0 ]; then
  step "before/after: the route as LambdaRoutes $before_commit built it (git worktree)"
  before_tree="$work/before"
  if git -C "$repo" cat-file -e "$before_commit^{commit}" 2>/dev/null; then
    if [ ! -d "$before_tree/src" ]; then
      git -C "$repo" worktree remove --force "$before_tree" >/dev/null 2>&1 || rm -rf "$before_tree"
      git -C "$repo" worktree prune
      run_logged before-worktree git -C "$repo" worktree add --detach "$before_tree" "$before_commit"
    fi
    run_logged before-packager dotnet build "$before_tree/src/Packager/LambdaRoutes.Packager.csproj" -c Release -nologo -v q
    run_logged before-build dotnet "$before_tree/src/Packager/bin/Release/net10.0/lambda-routes.dll" build "$before_tree/bench/apps/BenchApp"
    before_bootstrap="$before_tree/bench/apps/BenchApp/.lambda-routes/out/ApiEcho/bootstrap"
  else
    echo "bench: commit $before_commit is not in this clone (shallow?); the before/after rows are skipped" >&2
  fi
fi

step "peer 2: Node.js handler + aws-lambda-ric (npm ci; native addon built once)"
if [ ! -d "$bench/peers/node/node_modules/aws-lambda-ric" ]; then
  (cd "$bench/peers/node" && run_logged npm-ci npm ci --ignore-scripts --no-audit --no-fund)
fi
bash "$bench/peers/node/build-native.sh"

step "bench driver (bench/driver, uses src/Local)"
run_logged driver-build dotnet build "$bench/driver/BenchDriver.csproj" -c Release -o "$work/driver" -nologo -v q

# ------------------------------------------------------------------------------------------------------------------ sizes
step "sizes"
rm -f "$work/minimal.zip" "$work/jit.zip" "$work/node.zip"
(cd "$work/minimal" && zip -q -X -9 "$work/minimal.zip" bootstrap)
(cd "$work/jit" && zip -q -X -9 -r "$work/jit.zip" . -x '*.pdb' -x '*.xml')
(cd "$bench/peers/node" && zip -q -X -9 "$work/node.zip" index.mjs)
size() { stat -c %s "$1"; }
dir_size() { find "$1" -type f ! -name '*.pdb' ! -name '*.xml' ! -name '*.dbg' -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }'; }
lr_bootstrap="$bench/apps/BenchApp/.lambda-routes/out/ApiEcho/bootstrap"
cat >"$work/sizes.json" <<EOF
{
  "LambdaRoutes": { "bootstrap": $(size "$lr_bootstrap"), "zip": $(size "$bench/apps/BenchApp/.lambda-routes/out/ApiEcho.zip") },
  "Node.js (aws-lambda-ric)": { "bootstrap": null, "zip": $(size "$work/node.zip"), "runtimeOnDisk": $(dir_size "$bench/peers/node/node_modules/aws-lambda-ric") },
  ".NET JIT": { "bootstrap": $(dir_size "$work/jit"), "zip": $(size "$work/jit.zip") },
  "Minimal AOT loop, async socket I/O": { "bootstrap": $(size "$work/minimal-async/bootstrap"), "zip": null },
  "LambdaRoutes before ($before_commit)": { "bootstrap": $( [ -n "$before_bootstrap" ] && size "$before_bootstrap" || echo null ), "zip": null },
  "Minimal AOT loop": { "bootstrap": $(size "$work/minimal/bootstrap"), "zip": $(size "$work/minimal.zip") }
}
EOF

# ---------------------------------------------------------------------------------------------------------------- measure
step "measure: $cold cold starts, $warm warm invocations per peer"
node_bin="$(command -v node)"
cat >"$work/peers.json" <<EOF
{ "peers": [
  { "name": "LambdaRoutes", "executable": "$lr_bootstrap" },
  { "name": "Node.js (aws-lambda-ric)", "executable": "$node_bin",
    "arguments": ["$bench/peers/node/node_modules/aws-lambda-ric/index.mjs"],
    "workingDirectory": "$bench/peers/node", "handler": "index.handler" },
  { "name": ".NET JIT", "executable": "$work/jit/bootstrap" },
  { "name": "Minimal AOT loop", "executable": "$work/minimal/bootstrap" },
  { "name": "Minimal AOT loop, async socket I/O", "executable": "$work/minimal-async/bootstrap" }$( [ -n "$before_bootstrap" ] && printf ',\n  { "name": "LambdaRoutes before (%s)", "executable": "%s" }' "$before_commit" "$before_bootstrap")
] }
EOF
if [ "$measure" = 1 ]; then
  dotnet "$work/driver/bench-driver.dll" --config "$work/peers.json" --out "$work/raw.json" --cold "$cold" --warm "$warm"
  step "measure: mapping cost in-process (no I/O)"
  "$work/mapping/mapping-cost" "$bench/driver/event.json" "$([ "$quick" = 1 ] && echo 2000 || echo 50000)" >"$work/mapping.json"
  step "measure: peak RSS at the 6 MB payload limit, 128 MB (bench/apps/BenchApp/api/payload.cs)"
  dotnet "$work/driver/bench-driver.dll" memory --executable "$bench/apps/BenchApp/.lambda-routes/out/ApiPayload/bootstrap" \
    --out "$work/memory.json" $([ "$quick" = 1 ] && echo --quick)
fi

# ----------------------------------------------------------------------------------------------------------- build times
builds="$work/builds.json"
waited=0
note_wait() { :; }
lock_waited() { if cat "$logs"/hello-*.log "$logs"/benchapp-noop.log 2>/dev/null | grep -q "waiting for another lambda-routes build"; then echo true; else echo false; fi; }
per_route_times() { # the "built <Id> in N s" lines of a packager log, as a JSON object
  grep -oE 'built [A-Za-z0-9]+ in [0-9.]+ s' "$1" | awk 'BEGIN { printf "{" } { printf "%s\"%s\": %s", (NR > 1 ? ", " : ""), $2, $4 } END { printf "}" }'
}
lock_wait() { # seconds a packager log spent waiting for another build's lock (0 if none)
  awk '/waiting for another lambda-routes build/ { w = $1; next } w != "" && n == "" { n = $1 } END { printf "%.2f", (w != "" && n != "") ? n - w : 0 }' "$1"
}
timed_build() { # name, args...: prints "seconds lock-wait-seconds"; log (timestamped lines) in $logs/name.log
  local name="$1"; shift
  local t0 t1 status
  t0="$(now)"
  set +e
  TMPDIR="${BUILD_TMPDIR:-${TMPDIR:-/tmp}}" "${lambda_routes[@]}" build "$@" 2>&1 | while IFS= read -r line; do printf '%s %s\n' "$(date +%s.%N)" "$line"; done >"$logs/$name.log"
  status="${PIPESTATUS[0]}"
  set -e
  t1="$(now)"
  if [ "$status" != 0 ]; then
    echo "bench: '$name' failed; last lines of $logs/$name.log:" >&2
    tail -30 "$logs/$name.log" >&2
    exit 1
  fi
  note_wait "$logs/$name.log"
  echo "$(elapsed "$t0" "$t1") $(lock_wait "$logs/$name.log")"
}
json_pair() { # "seconds wait" -> "seconds, "<key>LockWait": wait"
  echo "$1" | awk -v k="$2" '{ printf "%s, \"%sLockWait\": %s", $1, k, $2 }'
}

if [ "$quick" = 1 ]; then
  step "build time: no-op rebuild of bench/apps/BenchApp (quick mode skips samples/Hello)"
  noop="$(timed_build benchapp-noop "$bench/apps/BenchApp")"
  cat >"$builds" <<EOF
{ "quick": true, "benchAppNoopSeconds": $(json_pair "$noop" benchAppNoop), "waitedForLock": $(lock_waited) }
EOF
else
  # A private copy of samples/Hello *and* src/Runtime (same relative layout, so Hello.csproj is unchanged), with no
  # obj/ or bin/: a cold build compiles everything but NuGet packages; edits other people make to the working tree
  # during the run cannot turn the no-op into a rebuild; and since nothing is shared with other builds, the copy
  # builds under its own TMPDIR, i.e. its own lambda-routes build lock, instead of queueing behind other builds.
  hello="$work/hello/samples/Hello"
  change_route() { printf '\n// bench: route changed %s\n' "$(date +%s%N)" >>"$hello/api/health.cs"; }
  fresh_copy() {
    rm -rf "$work/hello"
    mkdir -p "$work/hello/samples" "$work/hello/src" "$work/hello/tmp"
    cp -r "$repo/samples/Hello" "$hello"
    cp -r "$repo/src/Runtime" "$work/hello/src/Runtime"
    rm -rf "$hello/bin" "$hello/obj" "$hello/.lambda-routes" "$work/hello/src/Runtime/bin" "$work/hello/src/Runtime/obj"
  }
  routes="$(find "$repo/samples/Hello/api" -name '*.cs' ! -path '*/_*' | wc -l)"

  export BUILD_TMPDIR="$work/hello/tmp"
  step "build time: samples/Hello per-route ($routes routes): cold, no-op, one route changed"
  fresh_copy
  pr_cold="$(timed_build hello-route-cold "$hello" --out "$work/hello/out-route")"
  pr_noop="$(timed_build hello-route-noop "$hello" --out "$work/hello/out-route")"
  change_route
  pr_one="$(timed_build hello-route-one "$hello" --out "$work/hello/out-route")"

  pr_bootstrap="$(find "$work/hello/out-route" -name bootstrap -type f -printf '%s\n' | sort -n | tail -1)"

  step "build time: samples/Hello --mode single: cold, no-op, one route changed"
  fresh_copy
  s_cold="$(timed_build hello-single-cold "$hello" --out "$work/hello/out-single" --mode single)"
  s_noop="$(timed_build hello-single-noop "$hello" --out "$work/hello/out-single" --mode single)"
  change_route
  s_one="$(timed_build hello-single-one "$hello" --out "$work/hello/out-single" --mode single)"
  single_bootstrap="$(find "$work/hello/out-single" -name bootstrap -type f | head -1)"
  cat >"$builds" <<EOF
{
  "quick": false,
  "routes": $routes,
  "perRoute": { "cold": $(json_pair "$pr_cold" cold), "noop": $(json_pair "$pr_noop" noop), "oneChanged": $(json_pair "$pr_one" oneChanged),
                "coldPerRoute": $(per_route_times "$logs/hello-route-cold.log"),
                "oneChangedPerRoute": $(per_route_times "$logs/hello-route-one.log"),
                "bootstrapBytes": $pr_bootstrap },
  "single": { "cold": $(json_pair "$s_cold" cold), "noop": $(json_pair "$s_noop" noop), "oneChanged": $(json_pair "$s_one" oneChanged),
              "bootstrapBytes": $( [ -n "$single_bootstrap" ] && size "$single_bootstrap" || echo null ) },
  "waitedForLock": $(lock_waited)
}
EOF
fi

# ----------------------------------------------------------------------------------------------------------------- report
load_end="$(cut -d' ' -f1-3 /proc/loadavg)"
sed -i "s#\"loadStart\": \"$load_start\"#\"loadStart\": \"$load_start\", \"loadEnd\": \"$load_end\"#" "$work/machine.json"
python3_bin=/usr/bin/python3
[ -x "$python3_bin" ] || python3_bin="$(command -v python3)"
if ! "$python3_bin" -c 'import matplotlib' 2>/dev/null; then
  step "installing python3-matplotlib for the chart (apt-get)"
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    apt-get install -y -q python3-matplotlib >"$logs/apt.log" 2>&1 || { apt-get update -q >>"$logs/apt.log" 2>&1 && apt-get install -y -q python3-matplotlib >>"$logs/apt.log" 2>&1; } || true
  fi
fi
"$python3_bin" "$bench/report.py" --work "$work" --results "$results"
