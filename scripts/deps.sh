#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the Debian 12 packages Stride needs to build, test and benchmark.
# The one list of system dependencies; `make run` and `make test` call it. Idempotent: installs only what is missing.
set -euo pipefail

PACKAGES=(
  # build
  g++ cmake ninja-build pkg-config make
  # libraries (see DESIGN.md, "Dependencies")
  libsqlite3-dev libfmt-dev libcli11-dev nlohmann-json3-dev libexpected-dev
  libpugixml-dev libdeflate-dev zlib1g-dev libarchive-dev libcpp-httplib-dev libtomlplusplus-dev libxxhash-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev clang libclang-rt-14-dev
)
# Extra packages for the browser tests and peer benchmarks, when asked for.
# Node.js and npm may come from another package (e.g. nodejs with npm inside): add them only when absent.
if [[ "${1:-}" == "--all" ]]; then
  PACKAGES+=(chromium python3-gpxpy hyperfine)
  command -v node >/dev/null || PACKAGES+=(nodejs)
  command -v npm >/dev/null || PACKAGES+=(npm)
fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if ((${#missing[@]} == 0)); then
  exit 0
fi
echo "stride: installing missing Debian packages: ${missing[*]}" >&2
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
