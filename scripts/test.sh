#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs the whole test suite of one build folder with CTest and prints a summary line.
set -euo pipefail
build_dir="${1:-build}"
jobs="$(nproc 2>/dev/null || echo 2)"
if [[ ! -d ../shared/data ]]; then
  echo "note: ../shared/data is absent; tests that need the shared corpus will be skipped" >&2
fi
ctest --test-dir "$build_dir" --output-on-failure -j "$jobs" --timeout 600
