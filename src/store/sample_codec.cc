// SPDX-License-Identifier: MIT
// The sample blob container: the channel header, version dispatch, the version-2 writer and reader
// (columns by sample_column_codec.h), and the version-1 (deflated) writer and reader.
#include "store/sample_codec.h"

#include <fmt/format.h>
#include <libdeflate.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <iterator>
#include <memory>
#include <span>
#include <string_view>

#include "store/sample_column_codec.h"

namespace stride::store {
namespace {

using core::ErrorCode;

static_assert(std::endian::native == std::endian::little, "sample blobs are little-endian; add swapping for this host");

struct Channel {
  const char* name;
  std::vector<double> core::Samples::*column;
  bool wide;  // version 1: float64 (positions, time, distance) rather than float32
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
constexpr const char* kWhere = "activity_samples";

// Version 2 blobs start with 0xB7, then the version byte. Version 1 blobs are raw deflate streams, whose
// first byte holds BFINAL (bit 0) and BTYPE (bits 1-2); 0xB7 has BTYPE 11, which deflate reserves as
// invalid, so no version-1 blob starts with it.
constexpr uint8_t kBlobMarker = 0xB7;
constexpr uint8_t kBlobVersion = 2;
// 2^24 samples: 194 days at 1 Hz. A larger count is damage, and is refused before allocating for it.
constexpr uint64_t kMaxSampleCount = uint64_t{1} << 24;
// Deflate cannot expand more than ~1032:1, so a version-1 blob that claims more is damaged.
constexpr uint64_t kMaxDeflateRatio = 1032;

// Version 1: libdeflate level 1 (2.5x faster than level 6 for blobs 7 % larger).
constexpr int kCompressionLevel = 1;

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

// Calls visit(values, wide) for each stored column in blob order, and fills enc->channels/count.
template <class Visit>
void ForEachStoredColumn(const core::Activity& activity, EncodedSamples* enc, Visit visit) {
  const core::Samples& s = activity.samples;
  enc->count = s.size();
  for (const Channel& c : kChannels) {
    const auto& column = s.*c.column;
    if (column.empty() || column.size() != s.size()) continue;
    if (!enc->channels.empty()) enc->channels += ',';
    enc->channels += c.name;
    visit(std::span<const double>(column), c.wide);
  }
  for (const core::DeveloperChannel& d : activity.developer_channels) {
    if (d.values.size() != s.size()) continue;
    enc->channels += fmt::format(",{}{}|{}", kDeveloperPrefix, Escape(d.name), Escape(d.units));
    visit(std::span<const double>(d.values), false);
  }
}

std::vector<std::string_view> SplitNames(std::string_view list) {
  std::vector<std::string_view> names;
  while (!list.empty()) {
    size_t comma = list.find(',');
    names.push_back(list.substr(0, comma));
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
  }
  return names;
}

const Channel* FindChannel(std::string_view name) {
  for (const Channel& c : kChannels) {
    if (name == c.name) return &c;
  }
  return nullptr;
}

// The decoded columns, applied to the activity only when the whole blob decoded.
struct DecodedColumns {
  core::Samples samples;
  std::vector<core::DeveloperChannel> developer;

  void Put(std::string_view name, std::vector<double>&& values) {
    if (name.starts_with(kDeveloperPrefix)) {
      name.remove_prefix(kDeveloperPrefix.size());
      const size_t bar = name.find('|');
      developer.push_back({Unescape(name.substr(0, bar)),
                           bar == std::string_view::npos ? "" : Unescape(name.substr(bar + 1)), std::move(values)});
    } else if (const Channel* c = FindChannel(name)) {
      samples.*c->column = std::move(values);
    }  // an unknown channel (from a newer Stride) is skipped
  }
  void MoveTo(core::Activity* activity) {
    activity->samples = std::move(samples);
    activity->developer_channels = std::move(developer);
  }
};

// --- version 2 ---

Status DecodeVersion2(const EncodedSamples& enc, std::span<const std::string_view> names, core::Activity* activity) {
  if (enc.blob[1] != kBlobVersion) {
    return Fail(ErrorCode::kUnsupported,
                fmt::format("sample blob version {} is not one this stride reads (1, 2); upgrade stride", enc.blob[1]),
                kWhere);
  }
  internal::BlobReader in{enc.blob, 2};
  DecodedColumns out;
  for (std::string_view name : names) {
    std::vector<double> values;
    if (auto s = internal::DecodeColumn(&in, static_cast<size_t>(enc.count), &values); !s) return s;
    out.Put(name, std::move(values));
  }
  if (in.remaining() != 0) {
    return Fail(ErrorCode::kCorruptData, fmt::format("{} bytes after the last sample column", in.remaining()), kWhere);
  }
  out.MoveTo(activity);
  return Ok();
}

// --- version 1 ---

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

void AppendVersion1Column(std::span<const double> values, bool wide, std::vector<uint8_t>* raw) {
  size_t at = raw->size();
  if (wide) {
    raw->resize(at + values.size_bytes());
    std::memcpy(raw->data() + at, values.data(), values.size_bytes());
    return;
  }
  raw->resize(at + values.size() * sizeof(float));
  auto* out = raw->data() + at;
  for (double v : values) {
    float f = static_cast<float>(v);
    std::memcpy(out, &f, sizeof f);
    out += sizeof f;
  }
}

std::vector<double> ReadVersion1Column(const uint8_t* in, size_t count, bool wide) {
  std::vector<double> values(count);
  for (size_t k = 0; k < count; ++k) {
    if (wide) {
      std::memcpy(&values[k], in + k * sizeof(double), sizeof(double));
    } else {
      float f;
      std::memcpy(&f, in + k * sizeof f, sizeof f);
      values[k] = f;
    }
  }
  return values;
}

Status DecodeVersion1(const EncodedSamples& enc, std::span<const std::string_view> names, core::Activity* activity) {
  uint64_t expected = 0;
  for (std::string_view n : names) {
    const Channel* c = FindChannel(n);
    expected += enc.count * (c != nullptr && c->wide ? sizeof(double) : sizeof(float));
  }
  std::vector<uint8_t> raw;
  size_t actual = 0;
  if (expected <= (enc.blob.size() + 1) * kMaxDeflateRatio) {
    raw.resize(expected);
    if (libdeflate_deflate_decompress(Decompressor(), enc.blob.data(), enc.blob.size(), raw.data(), raw.size(),
                                      &actual) != LIBDEFLATE_SUCCESS) {
      actual = expected + 1;
    }
  }
  if (actual != expected || raw.size() != expected) {
    return Fail(ErrorCode::kCorruptData, "stored samples do not inflate to their recorded size", kWhere);
  }
  DecodedColumns out;
  const uint8_t* in = raw.data();
  const auto count = static_cast<size_t>(enc.count);
  for (std::string_view n : names) {
    const Channel* c = FindChannel(n);
    const bool wide = c != nullptr && c->wide;
    out.Put(n, ReadVersion1Column(in, count, wide));
    in += count * (wide ? sizeof(double) : sizeof(float));
  }
  out.MoveTo(activity);
  return Ok();
}

}  // namespace

EncodedSamples EncodeSamples(const core::Activity& activity) {
  EncodedSamples enc;
  const size_t columns = std::size(kChannels) + activity.developer_channels.size();
  enc.blob.reserve(16 + activity.samples.size() * 2 * columns);
  enc.blob.push_back(kBlobMarker);
  enc.blob.push_back(kBlobVersion);
  ForEachStoredColumn(activity, &enc, [&](std::span<const double> values, bool /*wide*/) {
    internal::EncodeColumn(values, &enc.blob);
  });
  return enc;
}

EncodedSamples EncodeSamplesVersion1(const core::Activity& activity) {
  EncodedSamples enc;
  std::vector<uint8_t> raw;
  raw.reserve(activity.samples.size() * sizeof(double) * (std::size(kChannels) + activity.developer_channels.size()));
  ForEachStoredColumn(activity, &enc, [&](std::span<const double> values, bool wide) {
    AppendVersion1Column(values, wide, &raw);
  });
  libdeflate_compressor* compressor = Compressor();
  enc.blob.resize(libdeflate_deflate_compress_bound(compressor, raw.size()));
  size_t n = libdeflate_deflate_compress(compressor, raw.data(), raw.size(), enc.blob.data(), enc.blob.size());
  enc.blob.resize(n);
  return enc;
}

Status DecodeSamples(const EncodedSamples& enc, core::Activity* activity) {
  if (enc.count > kMaxSampleCount) {
    return Fail(ErrorCode::kCorruptData, fmt::format("stored sample count {} is implausible", enc.count), kWhere);
  }
  const std::vector<std::string_view> names = SplitNames(enc.channels);
  if (enc.blob.size() >= 2 && enc.blob[0] == kBlobMarker) return DecodeVersion2(enc, names, activity);
  return DecodeVersion1(enc, names, activity);
}

}  // namespace stride::store
