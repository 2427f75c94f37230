#!/usr/bin/env bash
# Builds aws-lambda-ric's native Runtime API client (rapid-client.node) when it is missing.
# npm 11 does not run install scripts here and 4.0.2 ships no prebuilt addon, so we run the package's own steps
# ourselves: its preinstall (curl + aws-lambda-cpp from the tarballs it ships) and node-gyp. ~2-3 minutes, once.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
pkg="$here/node_modules/aws-lambda-ric"
[ -f "$pkg/rapid-client.node" ] && exit 0
command -v cmake >/dev/null || { echo "build-native: cmake is required (apt-get install -y cmake)" >&2; exit 1; }
echo "building aws-lambda-ric's rapid-client.node (once, ~2-3 min)..." >&2
log="$here/build-native.log"
: >"$log"
fail() { echo "build-native: $1 failed, see $log" >&2; tail -20 "$log" >&2; exit 1; }
cd "$pkg"
if [ ! -f deps/artifacts/lib/libaws-lambda-runtime.a ]; then
  sh scripts/preinstall.sh >>"$log" 2>&1 || fail "preinstall (curl, aws-lambda-cpp)"
fi
# Node's headers from the distribution's package when present (no download), else node-gyp fetches them.
nodedir=()
for d in /usr /usr/local; do
  if [ -f "$d/include/node/common.gypi" ]; then nodedir=(--nodedir="$d"); break; fi
done
DEPS_PREFIX="$pkg/deps/artifacts" node "$here/node_modules/node-gyp/bin/node-gyp.js" rebuild "${nodedir[@]}" --directory=src/native >>"$log" 2>&1 \
  || fail "node-gyp"
cp src/native/build/Release/rapid-client.node "$pkg/"
rm -rf deps/aws-lambda-cpp-src deps/curl-src deps/artifacts src/native/build node-addon-api
echo "built $pkg/rapid-client.node" >&2
