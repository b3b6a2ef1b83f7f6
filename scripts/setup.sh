#!/usr/bin/env bash
# Sets a fresh Debian machine up for tributary: the Debian packages the tests and the demo drive
# for real (git for smart HTTP via git http-backend, QEMU with SeaBIOS for guests, zstd for the
# Actions cache archives, shellcheck for the workflow templates' run: steps, chromium for the
# history page's browser test, cpio and xz for the Xen fixture), then the npm packages exactly
# as locked (Node 24 among them), then the real-Xen fixture (kept between runs: built once).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
for pkg in git qemu-system-x86 seabios zstd shellcheck cpio xz-utils chromium; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

npm ci --no-audit --no-fund
test/fixtures/xen/build.sh
