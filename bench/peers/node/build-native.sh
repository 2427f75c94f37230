#!/usr/bin/env bash
# Builds aws-lambda-ric's native Runtime API client (rapid-client.node) when it is missing.
# npm 11 does not run install scripts here, and 4.0.2 ships no prebuilt addon: we run the package's own
# preinstall (curl + aws-lambda-cpp from the tarballs it ships) and its node-gyp step ourselves. ~2-3 minutes, once.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
pkg="$here/node_modules/aws-lambda-ric"
[ -f "$pkg/rapid-client.node" ] && exit 0
command -v cmake >/dev/null || { echo "build-native: cmake is required (apt-get install -y cmake)" >&2; exit 1; }
echo "building aws-lambda-ric's rapid-client.node (once)..." >&2
log="$here/build-native.log"
(
  cd "$pkg"
  sh scripts/preinstall.sh
  DEPS_PREFIX="$pkg/deps/artifacts" node "$here/node_modules/node-gyp/bin/node-gyp.js" rebuild --directory=src/native
  cp src/native/build/Release/rapid-client.node "$pkg/"
  rm -rf deps/aws-lambda-cpp-src deps/curl-src deps/artifacts src/native/build
) >"$log" 2>&1 || { echo "build-native: failed, see $log" >&2; tail -20 "$log" >&2; exit 1; }
echo "built $pkg/rapid-client.node" >&2
