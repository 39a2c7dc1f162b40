#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the Release benchmark build and runs every benchmark and peer comparison, printing the figures
# quoted in docs/benchmarks.md. Run from the repository root; the shared corpus (../shared/data) is needed
# for the decoder benchmarks. Usage: scripts/bench.sh [--quick]  (--quick: fewer runs, no 3,000 export)
# Environment: BUILD_DIR (default build-perf), RUNS (hyperfine runs per command, default 5), ROUNDS
# (interleaved rounds of the import benchmark, default 11).
set -euo pipefail

build="${BUILD_DIR:-build-perf}"
runs="${RUNS:-5}"
rounds="${ROUNDS:-11}"
sizes=(300 1000 3000)
sizes_1s=(300 3000)
if [[ "${1:-}" == "--quick" ]]; then
  runs=3
  rounds=3
  sizes=(300 1000)
  sizes_1s=(300)
fi
py=/usr/bin/python3  # Debian's python3, where python3-gpxpy is installed

section() { printf '\n===== %s =====\n' "$*"; }

section "machine"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
echo "cpu: $(lscpu | sed -n 's/^Model name: *//p' | head -1), nproc $(nproc)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "compiler: $(c++ --version | head -1)"

section "build ($build, Release)"
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSTRIDE_BUILD_BENCH=ON >/dev/null
cmake --build "$build" -j2 --target stride xml_decode_bench fit_decode_bench make_export inflate_export import_export \
  gzip_bench sample_codec_bench

section "GPX and TCX decoding: Stride (7 repetitions, median)"
"$build/bench/xml_decode_bench" --benchmark_repetitions=7 --benchmark_report_aggregates_only=true \
  --benchmark_filter='Gpx|Tcx'

section "GPX decoding: gpxpy, same files, same session"
"$py" bench/peers/gpxpy_bench.py

section "FIT decoding: Stride"
"$build/bench/fit_decode_bench" --benchmark_repetitions=7 --benchmark_report_aggregates_only=true
if [[ -f bench/peers/fit_file_parser_bench.mjs ]] && command -v node >/dev/null; then
  section "FIT decoding: fit-file-parser (see the FIT section of docs/benchmarks.md)"
  node bench/peers/fit_file_parser_bench.mjs || echo "(fit-file-parser peer did not run)"
fi


# bench_import ZIP LABEL: the inflate-only baseline, `stride import` into an empty database and the
# library driver, run in turn round after round (scripts/interleaved_runs.py), then peak memory.
bench_import() {
  local zip="$1" label="$2" work="$build/bench-import"
  mkdir -p "$work"
  local db="$work/import.db"
  echo "$label: zip $(du -b "$zip" | awk '{printf "%.1f", $1 / 1e6}') MB"
  "$py" scripts/interleaved_runs.py "$rounds" --db "$db" \
    "inflate=$build/bench/inflate_export $zip" \
    "stride import=$build/stride --db {db} import $zip" \
    "import_export=$build/bench/import_export {db} $zip"
  rm -f "$db" "$db-wal" "$db-shm"
  local rss_inflate rss_import
  rss_inflate=$(/usr/bin/time -f %M "$build/bench/inflate_export" "$zip" 2>&1 >/dev/null | tail -1)
  rss_import=$(/usr/bin/time -f %M "$build/stride" --db "$db" import "$zip" 2>&1 >/dev/null | tail -1)
  echo "  max RSS inflate $rss_inflate kB, import $rss_import kB; database $(du -cb "$db"* | tail -1 | awk '{printf "%.1f", $1 / 1e6}') MB"
  rm -f "$db" "$db-wal" "$db-shm"
}

section "Importing an export archive (median wall time and mean CPU of $rounds interleaved rounds, empty database each run)"
echo "baseline: bench/inflate_export walks the zip on one thread (libarchive + libdeflate) and drops the bytes"
echo "FIT exports (activities/<id>.fit.gz, as Strava ships them), one record every 1 s (as the corpus's watches) or 5 s:"
for n in "${sizes[@]}"; do
  zip="$build/export_fit_$n.zip"
  [[ -f "$zip" ]] || "$build/bench/make_export" "$zip" "$n" 5 --format fit
  bench_import "$zip" "$n FIT runs, 5 s"
done
for n in "${sizes_1s[@]}"; do
  zip="$build/export_fit_${n}_1s.zip"
  [[ -f "$zip" ]] || "$build/bench/make_export" "$zip" "$n" 1 --format fit
  bench_import "$zip" "$n FIT runs, 1 s"
done
echo "GPX exports (activities/<id>.gpx.gz):"
for n in "${sizes[@]}"; do
  zip="$build/export_gpx_$n.zip"
  [[ -f "$zip" ]] || "$build/bench/make_export" "$zip" "$n" 5 --format gpx
  bench_import "$zip" "$n GPX runs, 5 s"
done

section "Import stages: sequential (--in-flight 0) against pipelined (default), library driver, $build/export_fit_1000.zip"
hyperfine -N --warmup 1 --runs "$runs" --prepare "rm -f $build/pipe.db $build/pipe.db-wal $build/pipe.db-shm" \
  "$build/bench/import_export $build/pipe.db $build/export_fit_1000.zip --in-flight 0" \
  "$build/bench/import_export $build/pipe.db $build/export_fit_1000.zip"
rm -f "$build/pipe.db" "$build/pipe.db-wal" "$build/pipe.db-shm"

section "Sample blobs: version 2 (quantised, bit-packed) against version 1 (deflate level 1), $build/export_fit_1000.zip"
"$build/bench/sample_codec_bench" "$build/export_fit_1000.zip" --benchmark_filter='Samples|DeflateLevel/1$' \
  --benchmark_repetitions=5 --benchmark_report_aggregates_only=true

section "gzip: libdeflate against zlib on the same members ($build/export_fit_1000.zip)"
"$build/bench/gzip_bench" "$build/export_fit_1000.zip" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
