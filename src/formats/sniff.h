// SPDX-License-Identifier: MIT
// Recognises an activity file by its content, not its name: ".FIT" at byte 8, a gzip magic number, a zip
// local-file header, or the root element of GPX / TCX. FORMATS.md "What Stride must get right" (1).
#ifndef STRIDE_FORMATS_SNIFF_H_
#define STRIDE_FORMATS_SNIFF_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace stride::formats {

enum class ContentKind { kUnknown, kFit, kGpx, kTcx, kGzip, kZip };

/// Looks at the first bytes of a file (the first 4 KiB is plenty) and says what it holds.
ContentKind SniffContent(std::span<const uint8_t> head);

/// The activity format a file name promises by its extension (`.fit`, `.gpx`, `.tcx`, also followed by `.gz`),
/// case-insensitive; nullopt otherwise. Used only when the content itself is not recognised.
std::optional<ContentKind> FormatFromName(std::string_view name);

/// "fit", "gpx", "tcx", "gzip", "zip" or "unknown".
const char* ContentKindName(ContentKind kind);

}  // namespace stride::formats

#endif  // STRIDE_FORMATS_SNIFF_H_
