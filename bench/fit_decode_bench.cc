// SPDX-License-Identifier: MIT
// Throughput of the FIT decoder on the shared corpus (../shared/data/activities/fit, run from the repo
// root): every file decoded into columns with CRCs checked, by file size, and the CRC alone. Reports
// bytes/s and records/s, by CPU time (Google Benchmark's "CPU" column; the machines are shared). The
// corpus is decoded both with DecodeFit (fresh memory per file, as `stride import` does today) and with
// DecodeFitReusing (one result's memory reused file after file). Compare with bench/peers/fit_file_parser_bench.mjs; results in docs/benchmarks.md.
#include <benchmark/benchmark.h>
#include <libdeflate.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

#include "formats/fit/crc16.h"
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

const std::vector<std::vector<uint8_t>>& Corpus() {
  static const std::vector<std::vector<uint8_t>> files = LoadCorpus();
  return files;
}

// How each file is decoded: a fresh result per file, or one result whose memory is reused.
enum class Memory { kFresh, kReused };

// Decodes the corpus files of [min_bytes, max_bytes) per iteration.
void DecodeFiles(benchmark::State& state, size_t min_bytes, size_t max_bytes, Memory memory = Memory::kFresh) {
  std::vector<const std::vector<uint8_t>*> files;
  for (const auto& file : Corpus()) {
    if (file.size() >= min_bytes && file.size() < max_bytes) files.push_back(&file);
  }
  if (files.empty()) {
    state.SkipWithError("no corpus files of this size: run from the repository root next to ../shared/data");
    return;
  }
  const stride::formats::DecodeOptions options{"bench.fit", false};
  stride::core::Decoded reused;
  int64_t bytes = 0, records = 0;
  for (auto _ : state) {
    for (const auto* file : files) {
      stride::Result<stride::core::Decoded> fresh;
      stride::Status status;
      if (memory == Memory::kFresh) {
        fresh = stride::fit::DecodeFit(*file, options);
        if (!fresh) status = stride::Fail(fresh.error());
      } else {
        status = stride::fit::DecodeFitReusing(*file, options, &reused);
      }
      if (!status) {
        state.SkipWithError(status.error().ToString().c_str());
        return;
      }
      const stride::core::Activity& activity = (memory == Memory::kFresh ? *fresh : reused).activities.front();
      benchmark::DoNotOptimize(activity.samples.time_s.data());
      bytes += static_cast<int64_t>(file->size());
      records += static_cast<int64_t>(activity.record_count);
    }
  }
  state.SetBytesProcessed(bytes);
  state.counters["files"] = static_cast<double>(files.size());
  state.counters["records/s"] = benchmark::Counter(static_cast<double>(records), benchmark::Counter::kIsRate);
}

constexpr size_t kSmallFileBytes = 64 * 1024;
constexpr size_t kLargeFileBytes = 512 * 1024;
constexpr size_t kAnyBytes = ~size_t{0};

// The whole corpus: every record into columns, header and file CRCs checked.
void BM_DecodeFitCorpus(benchmark::State& state) { DecodeFiles(state, 0, kAnyBytes); }
BENCHMARK(BM_DecodeFitCorpus)->Unit(benchmark::kMillisecond);

// The same, reusing one result's memory (DecodeFitReusing): no page faults for fresh column memory.
void BM_DecodeFitCorpusReusing(benchmark::State& state) { DecodeFiles(state, 0, kAnyBytes, Memory::kReused); }
BENCHMARK(BM_DecodeFitCorpusReusing)->Unit(benchmark::kMillisecond);

// How cost grows with file size: time per MB on small, medium and large files.
void BM_DecodeFitSmallFiles(benchmark::State& state) { DecodeFiles(state, 0, kSmallFileBytes); }
BENCHMARK(BM_DecodeFitSmallFiles)->Unit(benchmark::kMicrosecond);
void BM_DecodeFitMediumFiles(benchmark::State& state) { DecodeFiles(state, kSmallFileBytes, kLargeFileBytes); }
BENCHMARK(BM_DecodeFitMediumFiles)->Unit(benchmark::kMillisecond);
void BM_DecodeFitLargeFiles(benchmark::State& state) { DecodeFiles(state, kLargeFileBytes, kAnyBytes); }
BENCHMARK(BM_DecodeFitLargeFiles)->Unit(benchmark::kMillisecond);

// The CRC alone over the same bytes, to see its share of the decode.
void BM_Crc16Corpus(benchmark::State& state) {
  if (Corpus().empty()) {
    state.SkipWithError("../shared/data/activities/fit not found (run from the repository root)");
    return;
  }
  int64_t bytes = 0;
  for (auto _ : state) {
    for (const auto& file : Corpus()) {
      benchmark::DoNotOptimize(stride::fit::Crc16(file));
      bytes += static_cast<int64_t>(file.size());
    }
  }
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_Crc16Corpus)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
