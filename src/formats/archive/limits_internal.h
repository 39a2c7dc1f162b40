// SPDX-License-Identifier: MIT
// Helpers shared by the gzip and zip readers to apply SourceLimits: the inflation cap and the wording
// of a refusal. Internal to src/formats/archive/.
#ifndef STRIDE_FORMATS_ARCHIVE_LIMITS_INTERNAL_H_
#define STRIDE_FORMATS_ARCHIVE_LIMITS_INTERNAL_H_

#include <cstdint>
#include <string>

#include "core/error.h"
#include "formats/archive/activity_source.h"

namespace stride::archive {

/// a * b, or UINT64_MAX when that overflows.
uint64_t SaturatingMul(uint64_t a, uint64_t b);

/// Most bytes an entry of `compressed_size` may inflate to:
/// min(max_entry_bytes, max(ratio_floor_bytes, compressed_size * max_ratio)).
uint64_t InflateCap(uint64_t compressed_size, const SourceLimits& limits);

/// The error for an entry that crossed `cap`: the size message when cap is max_entry_bytes, else the
/// ratio message. Code kUnsupported, where = `name`.
core::Error RefusalError(uint64_t cap, const SourceLimits& limits, const std::string& name);

/// "N GiB", "N MiB" or "N bytes", whichever is exact first (rounded up to MiB otherwise).
std::string FormatSize(uint64_t bytes);

/// "refused: entry inflates beyond N MiB (possible zip bomb)".
core::Error SizeRefusal(uint64_t max_bytes, const std::string& name);

/// "refused: entry inflates over Rx its compressed size (possible zip bomb)".
core::Error RatioRefusal(const SourceLimits& limits, const std::string& name);

}  // namespace stride::archive

#endif  // STRIDE_FORMATS_ARCHIVE_LIMITS_INTERNAL_H_
