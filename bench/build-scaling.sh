#!/usr/bin/env bash
# Build scaling bench (not part of run.sh): builds the packager of this checkout in Release, then times full, no-op,
# one-route-edit, shared-file-edit and cache-hit builds of generated apps (bench/build-scaling.py --help).
#   bash bench/build-scaling.sh [--label after] [--routes 1,8,24] [--packager path/to/lambda-routes.dll]
set -euo pipefail
# Build figures measure compiling: not the user's artifact cache (docs/packager.md), which an earlier run may have filled;
# build-scaling.py gives every generated app a fresh --cache folder of its own (its cache-hit column reads it).
export LAMBDA_ROUTES_CACHE=off
bench="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$bench/.." && pwd)"
label=after; routes=1,8,24; packager=""
while [ $# -gt 0 ]; do
  case "$1" in
    --label) label="$2"; shift 2 ;;
    --routes) routes="$2"; shift 2 ;;
    --packager) packager="$2"; shift 2 ;;
    -h|--help) sed -n 2,4p "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
if [ -z "$packager" ]; then
  dotnet build "$repo/src/Packager" -c Release -nologo -v:q >/dev/null
  packager="$repo/src/Packager/bin/Release/net10.0/lambda-routes.dll"
fi
exec python3 "$bench/build-scaling.py" --packager "$packager" --label "$label" --routes "$routes"
