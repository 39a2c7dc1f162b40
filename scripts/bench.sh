#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the Release benchmark build and runs every benchmark and peer comparison, printing the figures
# quoted in docs/benchmarks.md. Run from the repository root; the shared corpus (../shared/data) is needed
# for the decoder benchmarks. Usage: scripts/bench.sh [--quick]  (--quick: fewer runs, no 3,000 export)
# Environment: BUILD_DIR (default build-perf), RUNS (hyperfine runs per command, default 5).
set -euo pipefail

build="${BUILD_DIR:-build-perf}"
runs="${RUNS:-5}"
sizes=(300 1000 3000)
if [[ "${1:-}" == "--quick" ]]; then
  runs=3
  sizes=(300 1000)
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

# median_of JSON: prints "median_s user_s sys_s" of the first command of a hyperfine --export-json file.
median_of() {
  "$py" -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.3f %.3f %.3f" % (r["median"], r["user"], r["system"]))' "$1"
}

# bench_import ZIP LABEL: inflate-only baseline against `stride import` into an empty database.
bench_import() {
  local zip="$1" label="$2" work="$build/bench-import"
  mkdir -p "$work"
  local db="$work/import.db"
  hyperfine -N --warmup 1 --runs "$runs" --export-json "$work/inflate.json" \
    "$build/bench/inflate_export $zip" >/dev/null
  hyperfine -N --warmup 1 --runs "$runs" --export-json "$work/import.json" \
    --prepare "rm -f $db $db-wal $db-shm" "$build/stride --db $db import $zip" >/dev/null
  read -r inflate_s inflate_user inflate_sys < <(median_of "$work/inflate.json")
  read -r import_s import_user import_sys < <(median_of "$work/import.json")
  rm -f "$db" "$db-wal" "$db-shm"
  local rss_inflate rss_import
  rss_inflate=$(/usr/bin/time -f %M "$build/bench/inflate_export" "$zip" 2>&1 >/dev/null | tail -1)
  rss_import=$(/usr/bin/time -f %M "$build/stride" --db "$db" import "$zip" 2>&1 >/dev/null | tail -1)
  local db_mb
  db_mb=$(du -cb "$db"* | tail -1 | awk '{printf "%.1f", $1 / 1e6}')
  rm -f "$db" "$db-wal" "$db-shm"
  printf '%-22s zip %6.1f MB | inflate %7.3f s (user %.2f sys %.2f) | import %7.3f s (user %.2f sys %.2f) | ratio wall %.2f, CPU %.2f | max RSS inflate %s kB, import %s kB | db %s MB\n' \
    "$label" "$(du -b "$zip" | awk '{print $1 / 1e6}')" "$inflate_s" "$inflate_user" "$inflate_sys" \
    "$import_s" "$import_user" "$import_sys" "$("$py" -c "print($import_s / $inflate_s)")" \
    "$("$py" -c "print(($import_user + $import_sys) / ($inflate_user + $inflate_sys))")" \
    "$rss_inflate" "$rss_import" "$db_mb"
}

section "Importing an export archive (hyperfine: median wall time and mean user/sys CPU of $runs runs, empty database each run)"
echo "baseline: bench/inflate_export walks the zip as import does (libarchive + libdeflate) and drops the bytes"
echo "FIT exports (activities/<id>.fit.gz, as Strava ships them):"
for n in "${sizes[@]}"; do
  zip="$build/export_fit_$n.zip"
  [[ -f "$zip" ]] || "$build/bench/make_export" "$zip" "$n" 5 --format fit
  bench_import "$zip" "$n FIT runs, 5 s"
done
zip="$build/export_fit_300_1s.zip"
[[ -f "$zip" ]] || "$build/bench/make_export" "$zip" 300 1 --format fit
bench_import "$zip" "300 FIT runs, 1 s"
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
