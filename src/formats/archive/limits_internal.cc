// SPDX-License-Identifier: MIT
#include "formats/archive/limits_internal.h"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

namespace stride::archive {

uint64_t SaturatingMul(uint64_t a, uint64_t b) {
  if (a != 0 && b > std::numeric_limits<uint64_t>::max() / a) return std::numeric_limits<uint64_t>::max();
  return a * b;
}

uint64_t InflateCap(uint64_t compressed_size, const SourceLimits& limits) {
  const uint64_t by_ratio = std::max(limits.ratio_floor_bytes, SaturatingMul(compressed_size, limits.max_ratio));
  return std::min(limits.max_entry_bytes, by_ratio);
}

std::string FormatSize(uint64_t bytes) {
  if (bytes >= kGiB && bytes % kGiB == 0) return fmt::format("{} GiB", bytes / kGiB);
  if (bytes < kMiB) return fmt::format("{} bytes", bytes);
  return fmt::format("{} MiB", (bytes + kMiB - 1) / kMiB);
}

core::Error SizeRefusal(uint64_t max_bytes, const std::string& name) {
  const uint64_t mib = (max_bytes + kMiB - 1) / kMiB;
  return core::Error{core::ErrorCode::kUnsupported,
                     fmt::format("refused: entry inflates beyond {} MiB (possible zip bomb)", mib), name};
}

core::Error RatioRefusal(const SourceLimits& limits, const std::string& name) {
  return core::Error{
      core::ErrorCode::kUnsupported,
      fmt::format("refused: entry inflates over {}x its compressed size (possible zip bomb)", limits.max_ratio), name};
}

core::Error RefusalError(uint64_t cap, const SourceLimits& limits, const std::string& name) {
  if (cap >= limits.max_entry_bytes) return SizeRefusal(limits.max_entry_bytes, name);
  return RatioRefusal(limits, name);
}

}  // namespace stride::archive
