// SPDX-License-Identifier: MIT
#include "formats/registry.h"

#include <fmt/format.h>
#include <xxhash.h>

#include "formats/fit/fit_decoder.h"
#include "formats/gpx/gpx_decoder.h"
#include "formats/sniff.h"
#include "formats/tcx/tcx_decoder.h"

namespace stride::formats {
namespace {

using Decoder = Result<core::Decoded> (*)(std::span<const uint8_t>, const DecodeOptions&);

struct Format {
  ContentKind kind;
  Decoder decode;
};

// The explicit table of formats (no static self-registration: STYLE.md "Layout").
constexpr Format kFormats[] = {
    {ContentKind::kFit, fit::DecodeFit},
    {ContentKind::kGpx, gpx::DecodeGpx},
    {ContentKind::kTcx, tcx::DecodeTcx},
};

constexpr size_t kSniffBytes = 4096;

}  // namespace

Result<core::Decoded> DecodeActivityFile(std::span<const uint8_t> bytes, const DecodeOptions& options) {
  ContentKind kind = SniffContent(bytes.first(std::min(bytes.size(), kSniffBytes)));
  if (kind == ContentKind::kUnknown && !bytes.empty()) kind = FormatFromName(options.name).value_or(kind);
  for (const Format& f : kFormats) {
    if (f.kind == kind) return f.decode(bytes, options);
  }
  if (bytes.empty()) return Fail(core::ErrorCode::kCorruptData, "empty file", options.name);
  return Fail(core::ErrorCode::kUnsupported,
              fmt::format("not a FIT, GPX or TCX activity file (content looks like: {})", ContentKindName(kind)),
              options.name);
}

std::string ContentHash(std::span<const uint8_t> bytes) {
  XXH128_hash_t h = XXH3_128bits(bytes.data(), bytes.size());
  return fmt::format("{:016x}{:016x}", h.high64, h.low64);
}

}  // namespace stride::formats
