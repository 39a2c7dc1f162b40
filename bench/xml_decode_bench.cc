// SPDX-License-Identifier: MIT
// Throughput of the GPX and TCX decoders on the shared corpus (../shared/data/activities/{gpx,tcx}, run
// from the repo root): every file decoded into an activity, once per iteration. Reports bytes/s and
// track points/s. gpxpy manages ~9 MB/s on the GPX set (PEER_BASELINE.txt); the target is >= 300 MB/s.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "formats/gpx/gpx_decoder.h"
#include "formats/tcx/tcx_decoder.h"

namespace {

namespace fs = std::filesystem;

std::vector<std::vector<uint8_t>> LoadCorpus(const char* folder) {
  std::vector<std::vector<uint8_t>> files;
  const fs::path dir = fs::path("..") / "shared" / "data" / "activities" / folder;
  if (!fs::is_directory(dir)) return files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    files.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return files;
}

template <auto Decode>
void DecodeCorpus(benchmark::State& state, const char* folder) {
  const std::vector<std::vector<uint8_t>> files = LoadCorpus(folder);
  if (files.empty()) {
    state.SkipWithError("../shared/data/activities not found (run from the repository root)");
    return;
  }
  const stride::formats::DecodeOptions options{"bench", false};
  int64_t bytes = 0, points = 0;
  for (auto _ : state) {
    for (const auto& file : files) {
      auto decoded = Decode(file, options);
      if (!decoded) {
        state.SkipWithError(decoded.error().ToString().c_str());
        return;
      }
      for (const auto& activity : decoded->activities) points += static_cast<int64_t>(activity.record_count);
      bytes += static_cast<int64_t>(file.size());
      benchmark::DoNotOptimize(decoded);
    }
  }
  state.SetBytesProcessed(bytes);
  state.counters["points/s"] = benchmark::Counter(static_cast<double>(points), benchmark::Counter::kIsRate);
}

void BM_DecodeGpxCorpus(benchmark::State& state) { DecodeCorpus<stride::gpx::DecodeGpx>(state, "gpx"); }
void BM_DecodeTcxCorpus(benchmark::State& state) { DecodeCorpus<stride::tcx::DecodeTcx>(state, "tcx"); }

BENCHMARK(BM_DecodeGpxCorpus)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DecodeTcxCorpus)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
