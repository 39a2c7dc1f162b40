#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for a while on a seed corpus.
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 60)
set -euo pipefail
seconds="${1:-60}"
build=build-fuzz
if [[ ! -f "$build/build.ninja" ]]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
    -DSTRIDE_BUILD_FUZZ=ON -DSTRIDE_SANITIZE=ON -DSTRIDE_BUILD_TESTS=ON >/dev/null
fi
cmake --build "$build" --target fit_fuzz gpx_fuzz tcx_fuzz archive_fuzz sample_codec_fuzz
shared=../shared/data/activities
corpus() {  # corpus NAME EXT...: a fresh working corpus seeded from the shared files of those kinds
  local dir="$build/corpus/$1"; shift
  mkdir -p "$dir"
  if [[ -d "$shared" ]]; then
    for ext in "$@"; do find "$shared" -name "*.$ext" -size -400k -exec cp -n {} "$dir/" \; ; done
  fi
  echo "$dir"
}
run() {  # run TARGET CORPUS
  echo "== fuzzing $1 for ${seconds}s"
  mkdir -p "$build/artifacts/$1"
  "$build/tests/fuzz/$1" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$build/artifacts/$1/" "$2" 2>&1 | tail -4
}
run fit_fuzz "$(corpus fit fit)"
run gpx_fuzz "$(corpus gpx gpx)"
run tcx_fuzz "$(corpus tcx tcx)"
run archive_fuzz "$(corpus archive zip gz)"
# Sample blobs: count 3, channel time_s, a version-2 blob (one quantised column: 0, 1, 2) and a raw one.
blobs="$(corpus samples)"
printf '\x03\x00\x01\xb7\x02\x01\x00\x00\x00\x00\x00\x00\x00\xf0\x3f\x00\x00\x00\x00\x00\x00\x00\x00\x01\x03\x02\x28' \
  >"$blobs/v2_time"
printf '\x01\x00\x11\xb7\x02\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00' >"$blobs/v2_raw"
run sample_codec_fuzz "$blobs"
echo "fuzzing finished: no crash, hang or leak"
