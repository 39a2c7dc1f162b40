// SPDX-License-Identifier: MIT
#include "store/sample_codec.h"

#include <fmt/format.h>
#include <libdeflate.h>

#include <bit>
#include <cstring>
#include <iterator>
#include <memory>
#include <string_view>

namespace stride::store {
namespace {

static_assert(std::endian::native == std::endian::little, "sample blobs are little-endian; add swapping for this host");

struct Channel {
  const char* name;
  std::vector<double> core::Samples::*column;
  bool wide;  // float64 (positions, time) rather than float32
};

constexpr Channel kChannels[] = {
    {"time_s", &core::Samples::time_s, true},
    {"latitude_deg", &core::Samples::latitude_deg, true},
    {"longitude_deg", &core::Samples::longitude_deg, true},
    {"distance_m", &core::Samples::distance_m, true},
    {"speed_mps", &core::Samples::speed_mps, false},
    {"heart_rate_bpm", &core::Samples::heart_rate_bpm, false},
    {"cadence_spm", &core::Samples::cadence_spm, false},
    {"altitude_m", &core::Samples::altitude_m, false},
    {"power_w", &core::Samples::power_w, false},
};
constexpr std::string_view kDeveloperPrefix = "dev:";

// libdeflate level 1: on GPS runs (bench/sample_codec_bench) it compresses 2.5x faster than level 6 for
// blobs 7 % larger (ratio 1.56 against 1.68); at level 6 compression was 29 % of an import's
// instructions (docs/benchmarks.md). Any level inflates with the same decoder, so old blobs still read.
constexpr int kCompressionLevel = 1;

// One compressor and decompressor per thread, reused: allocating them costs more than a small blob.
libdeflate_compressor* Compressor() {
  thread_local std::unique_ptr<libdeflate_compressor, decltype(&libdeflate_free_compressor)> compressor(
      libdeflate_alloc_compressor(kCompressionLevel), libdeflate_free_compressor);
  return compressor.get();
}

libdeflate_decompressor* Decompressor() {
  thread_local std::unique_ptr<libdeflate_decompressor, decltype(&libdeflate_free_decompressor)> decompressor(
      libdeflate_alloc_decompressor(), libdeflate_free_decompressor);
  return decompressor.get();
}

void AppendColumn(const std::vector<double>& values, bool wide, std::vector<uint8_t>* raw) {
  size_t at = raw->size();
  if (wide) {
    raw->resize(at + values.size() * sizeof(double));
    std::memcpy(raw->data() + at, values.data(), values.size() * sizeof(double));
  } else {
    raw->resize(at + values.size() * sizeof(float));
    auto* out = raw->data() + at;
    for (double v : values) {
      float f = static_cast<float>(v);
      std::memcpy(out, &f, sizeof f);
      out += sizeof f;
    }
  }
}

// Developer channel names may hold commas; store them escaped as %2C.
std::string Escape(const std::string& s) {
  std::string out;
  for (char c : s) out += c == ',' ? std::string("%2C") : c == '%' ? std::string("%25") : std::string(1, c);
  return out;
}
std::string Unescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      if (s.substr(i, 3) == "%2C") { out += ','; i += 2; continue; }
      if (s.substr(i, 3) == "%25") { out += '%'; i += 2; continue; }
    }
    out += s[i];
  }
  return out;
}

}  // namespace

EncodedSamples EncodeSamples(const core::Activity& activity) {
  EncodedSamples enc;
  const core::Samples& s = activity.samples;
  enc.count = s.size();
  std::vector<uint8_t> raw;
  raw.reserve(s.size() * sizeof(double) * (std::size(kChannels) + activity.developer_channels.size()));
  for (const Channel& c : kChannels) {
    const auto& column = s.*c.column;
    if (column.empty() || column.size() != s.size()) continue;
    if (!enc.channels.empty()) enc.channels += ',';
    enc.channels += c.name;
    AppendColumn(column, c.wide, &raw);
  }
  for (const core::DeveloperChannel& d : activity.developer_channels) {
    if (d.values.size() != s.size()) continue;
    enc.channels += fmt::format(",{}{}|{}", kDeveloperPrefix, Escape(d.name), Escape(d.units));
    AppendColumn(d.values, false, &raw);
  }
  libdeflate_compressor* compressor = Compressor();
  enc.blob.resize(libdeflate_deflate_compress_bound(compressor, raw.size()));
  size_t n = libdeflate_deflate_compress(compressor, raw.data(), raw.size(), enc.blob.data(), enc.blob.size());
  enc.blob.resize(n);
  return enc;
}

Status DecodeSamples(const EncodedSamples& enc, core::Activity* activity) {
  std::vector<std::string_view> names;
  std::string_view list = enc.channels;
  while (!list.empty()) {
    size_t comma = list.find(',');
    names.push_back(list.substr(0, comma));
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
  }
  size_t expected = 0;
  std::vector<bool> wide;
  for (std::string_view n : names) {
    bool w = false;
    for (const Channel& c : kChannels) {
      if (n == c.name) w = c.wide;
    }
    wide.push_back(w);
    expected += enc.count * (w ? sizeof(double) : sizeof(float));
  }
  std::vector<uint8_t> raw(expected);
  size_t actual = 0;
  if (libdeflate_deflate_decompress(Decompressor(), enc.blob.data(), enc.blob.size(), raw.data(), raw.size(),
                                    &actual) != LIBDEFLATE_SUCCESS ||
      actual != expected) {
    return Fail(core::ErrorCode::kCorruptData, "stored samples do not inflate to their recorded size", "activity_samples");
  }
  const uint8_t* in = raw.data();
  core::Samples& s = activity->samples;
  activity->developer_channels.clear();
  for (size_t i = 0; i < names.size(); ++i) {
    std::vector<double> values(enc.count);
    for (size_t k = 0; k < enc.count; ++k) {
      if (wide[i]) {
        std::memcpy(&values[k], in, sizeof(double));
        in += sizeof(double);
      } else {
        float f;
        std::memcpy(&f, in, sizeof f);
        values[k] = f;
        in += sizeof f;
      }
    }
    std::string_view n = names[i];
    if (n.starts_with(kDeveloperPrefix)) {
      n.remove_prefix(kDeveloperPrefix.size());
      size_t bar = n.find('|');
      activity->developer_channels.push_back(
          {Unescape(n.substr(0, bar)), bar == std::string_view::npos ? "" : Unescape(n.substr(bar + 1)), std::move(values)});
      continue;
    }
    for (const Channel& c : kChannels) {
      if (n == c.name) s.*c.column = std::move(values);
    }
  }
  return Ok();
}

}  // namespace stride::store
