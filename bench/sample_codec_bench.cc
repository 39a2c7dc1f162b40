// SPDX-License-Identifier: MIT
// What the stored sample blob costs: store::EncodeSamples (version 2: exact quantised, bit-packed columns)
// against EncodeSamplesVersion1 (float64/float32 columns deflated at level 1) on the runs of an export
// made by make_export, both ways, and libdeflate at levels 0-9 on the version-1 column bytes (time,
// positions and distance as float64, the rest as float32). Every figure counts those version-1 column
// bytes as its input: bytes/s and the "ratio" counter (those bytes / blob bytes) compare directly.
// Usage: sample_codec_bench EXPORT.zip [--benchmark_* flags].
#include <benchmark/benchmark.h>
#include <libdeflate.h>

#include <cstdio>
#include <cstring>
#include <vector>

#include "core/activity.h"
#include "formats/archive/activity_source.h"
#include "formats/registry.h"
#include "store/sample_codec.h"

namespace {

using stride::core::Activity;

std::vector<Activity>& Runs() {
  static std::vector<Activity> runs;
  return runs;
}

bool LoadRuns(const char* path) {
  auto walked = stride::archive::ForEachSourceFile(path, {}, [](stride::archive::SourceFile&& file) {
    if (file.error) return stride::Ok();
    auto decoded = stride::formats::DecodeActivityFile(file.bytes, {file.name, false});
    if (decoded) {
      for (Activity& a : decoded->activities) Runs().push_back(std::move(a));
    }
    return stride::Ok();
  });
  if (!walked) std::fprintf(stderr, "sample_codec_bench: %s\n", walked.error().ToString().c_str());
  return walked && !Runs().empty();
}

void Append(const std::vector<double>& column, bool wide, std::vector<uint8_t>* raw) {
  if (column.empty()) return;
  for (double v : column) {
    if (wide) {
      raw->insert(raw->end(), reinterpret_cast<const uint8_t*>(&v), reinterpret_cast<const uint8_t*>(&v) + sizeof v);
    } else {
      const float f = static_cast<float>(v);
      raw->insert(raw->end(), reinterpret_cast<const uint8_t*>(&f), reinterpret_cast<const uint8_t*>(&f) + sizeof f);
    }
  }
}

// The version-1 column bytes of `a`: what the ratios are measured against.
size_t RawSize(const Activity& a) {
  const stride::core::Samples& s = a.samples;
  size_t bytes = 0;
  for (const auto* column : {&s.time_s, &s.latitude_deg, &s.longitude_deg, &s.distance_m}) {
    if (column->size() == s.size()) bytes += column->size() * sizeof(double);
  }
  for (const auto* column : {&s.speed_mps, &s.heart_rate_bpm, &s.cadence_spm, &s.altitude_m, &s.power_w}) {
    if (column->size() == s.size()) bytes += column->size() * sizeof(float);
  }
  return bytes;
}

std::vector<uint8_t> RawColumns(const Activity& a) {
  const stride::core::Samples& s = a.samples;
  std::vector<uint8_t> raw;
  Append(s.time_s, true, &raw);
  Append(s.latitude_deg, true, &raw);
  Append(s.longitude_deg, true, &raw);
  Append(s.distance_m, true, &raw);
  for (const auto* column : {&s.speed_mps, &s.heart_rate_bpm, &s.cadence_spm, &s.altitude_m, &s.power_w}) {
    Append(*column, false, &raw);
  }
  return raw;
}

using Encoder = stride::store::EncodedSamples (*)(const Activity&);

// Encodes every run with `encode`; the version-1 column bytes per second, and the ratio.
void EncodeWith(benchmark::State& state, Encoder encode) {
  int64_t raw_bytes = 0, stored_bytes = 0;
  for (auto _ : state) {
    for (const Activity& a : Runs()) {
      stride::store::EncodedSamples enc = encode(a);
      stored_bytes += static_cast<int64_t>(enc.blob.size());
      raw_bytes += static_cast<int64_t>(RawSize(a));
      benchmark::DoNotOptimize(enc);
    }
  }
  state.SetBytesProcessed(raw_bytes);
  state.counters["ratio"] = static_cast<double>(raw_bytes) / static_cast<double>(stored_bytes);
}

// Decodes every run's blob made by `encode`.
void DecodeWith(benchmark::State& state, Encoder encode) {
  std::vector<stride::store::EncodedSamples> blobs;
  int64_t raw_per_pass = 0;
  for (const Activity& a : Runs()) {
    blobs.push_back(encode(a));
    raw_per_pass += static_cast<int64_t>(RawSize(a));
  }
  Activity out;
  int64_t raw_bytes = 0;
  for (auto _ : state) {
    for (const auto& enc : blobs) {
      if (!stride::store::DecodeSamples(enc, &out)) state.SkipWithError("decode failed");
      benchmark::DoNotOptimize(out.samples.time_s.data());
    }
    raw_bytes += raw_per_pass;
  }
  state.SetBytesProcessed(raw_bytes);
}

void BM_EncodeSamples(benchmark::State& state) { EncodeWith(state, stride::store::EncodeSamples); }
void BM_EncodeSamplesVersion1(benchmark::State& state) { EncodeWith(state, stride::store::EncodeSamplesVersion1); }
void BM_DecodeSamples(benchmark::State& state) { DecodeWith(state, stride::store::EncodeSamples); }
void BM_DecodeSamplesVersion1(benchmark::State& state) { DecodeWith(state, stride::store::EncodeSamplesVersion1); }

void BM_DeflateLevel(benchmark::State& state) {
  std::vector<std::vector<uint8_t>> raws;
  for (const Activity& a : Runs()) raws.push_back(RawColumns(a));
  libdeflate_compressor* c = libdeflate_alloc_compressor(static_cast<int>(state.range(0)));
  std::vector<uint8_t> out;
  int64_t raw_bytes = 0, stored_bytes = 0;
  for (auto _ : state) {
    for (const auto& raw : raws) {
      out.resize(libdeflate_deflate_compress_bound(c, raw.size()));
      stored_bytes += static_cast<int64_t>(libdeflate_deflate_compress(c, raw.data(), raw.size(), out.data(), out.size()));
      raw_bytes += static_cast<int64_t>(raw.size());
      benchmark::DoNotOptimize(out.data());
    }
  }
  libdeflate_free_compressor(c);
  state.SetBytesProcessed(raw_bytes);
  state.counters["ratio"] = static_cast<double>(raw_bytes) / static_cast<double>(stored_bytes);
}

BENCHMARK(BM_EncodeSamples)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EncodeSamplesVersion1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DecodeSamples)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DecodeSamplesVersion1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DeflateLevel)->DenseRange(0, 9)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (argc != 2) {
    std::fprintf(stderr, "usage: sample_codec_bench EXPORT.zip [--benchmark_* flags]\n");
    return 1;
  }
  if (!LoadRuns(argv[1])) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
