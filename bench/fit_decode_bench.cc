// SPDX-License-Identifier: MIT
// Throughput of the FIT decoder on the shared corpus (../shared/data/activities/fit, run from the repo
// root): every file decoded into columns with CRCs checked. Reports bytes/s and records/s.
#include <benchmark/benchmark.h>
#include <libdeflate.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

#include "formats/fit/fit_decoder.h"

namespace {

namespace fs = std::filesystem;

std::vector<uint8_t> Gunzip(const std::vector<uint8_t>& gz) {
  if (gz.size() < 18) return {};
  const size_t size = gz[gz.size() - 4] | (gz[gz.size() - 3] << 8) | (gz[gz.size() - 2] << 16) |
                      (static_cast<size_t>(gz[gz.size() - 1]) << 24);
  std::vector<uint8_t> out(size);
  libdeflate_decompressor* d = libdeflate_alloc_decompressor();
  size_t actual = 0;
  const bool ok = libdeflate_gzip_decompress(d, gz.data(), gz.size(), out.data(), out.size(), &actual) ==
                  LIBDEFLATE_SUCCESS;
  libdeflate_free_decompressor(d);
  out.resize(ok ? actual : 0);
  return out;
}

std::vector<std::vector<uint8_t>> LoadCorpus() {
  std::vector<std::vector<uint8_t>> files;
  const fs::path dir = fs::path("..") / "shared" / "data" / "activities" / "fit";
  if (!fs::is_directory(dir)) return files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::vector<uint8_t> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (entry.path().extension() == ".gz") bytes = Gunzip(bytes);
    if (!bytes.empty()) files.push_back(std::move(bytes));
  }
  return files;
}

void BM_DecodeFitCorpus(benchmark::State& state) {
  static const std::vector<std::vector<uint8_t>> files = LoadCorpus();
  if (files.empty()) {
    state.SkipWithError("../shared/data/activities/fit not found (run from the repository root)");
    return;
  }
  const stride::formats::DecodeOptions options{"bench.fit", false};
  int64_t bytes = 0, records = 0;
  for (auto _ : state) {
    for (const auto& file : files) {
      auto decoded = stride::fit::DecodeFit(file, options);
      if (!decoded) {
        state.SkipWithError(decoded.error().ToString().c_str());
        return;
      }
      benchmark::DoNotOptimize(decoded->activities.front().samples.time_s.data());
      bytes += static_cast<int64_t>(file.size());
      records += static_cast<int64_t>(decoded->activities.front().record_count);
    }
  }
  state.SetBytesProcessed(bytes);
  state.counters["records/s"] = benchmark::Counter(static_cast<double>(records), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_DecodeFitCorpus)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
