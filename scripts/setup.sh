#!/usr/bin/env bash
# Installs what LambdaRoutes needs on a fresh Debian machine with the .NET SDK:
# clang + zlib for Native AOT linking, the arm64 cross toolchain (`build --arch arm64` on an x86_64 host: GNU linker and
# objdump, C library and libgcc for aarch64) and qemu-user to run those binaries in tests and `dev --aot --arch arm64`,
# and the npm packages (aws-cdk CLI) for synthesis.
# The CDK tests also need two Python tools, which it checks for but does not install: cfn-lint and moto_server.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v clang >/dev/null 2>&1 || command -v clang-14 >/dev/null 2>&1 || need_apt+=(clang)
[ -e /usr/include/zlib.h ] || need_apt+=(zlib1g-dev)
command -v zip >/dev/null 2>&1 || need_apt+=(zip)
command -v objdump >/dev/null 2>&1 || need_apt+=(binutils)
if [ "$(uname -m)" = x86_64 ]; then
  command -v aarch64-linux-gnu-ld.bfd >/dev/null 2>&1 || need_apt+=(binutils-aarch64-linux-gnu)
  [ -e /usr/aarch64-linux-gnu/lib/Scrt1.o ] || need_apt+=(libc6-dev-arm64-cross)
  compgen -G '/usr/lib/gcc-cross/aarch64-linux-gnu/*/crtbeginS.o' >/dev/null || need_apt+=(gcc-aarch64-linux-gnu)
  command -v qemu-aarch64 >/dev/null 2>&1 || need_apt+=(qemu-user)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: installing ${need_apt[*]}"
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if [ -f package.json ] && command -v npm >/dev/null 2>&1; then
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --loglevel=error; else npm install --no-audit --no-fund --loglevel=error; fi
fi

# Python tools of tests/LambdaRoutes.Cdk.Tests: cfn-lint lints every synthesized template, moto_server is the local AWS
# API the sample is deployed to. Only pip installs them (from PyPI), so they are checked, not installed: packaging
# does not need them, but CI (CI=true) does.
missing_py=()
command -v cfn-lint >/dev/null 2>&1 && cfn-lint --version >/dev/null 2>&1 || missing_py+=(cfn-lint)
command -v moto_server >/dev/null 2>&1 && moto_server --help >/dev/null 2>&1 || missing_py+=("'moto[server]'")
if [ ${#missing_py[@]} -gt 0 ]; then
  echo "setup: the CDK tests need ${missing_py[*]}, which is missing: pip install ${missing_py[*]}" >&2
  if [ "${CI:-}" = true ]; then exit 1; fi
fi
