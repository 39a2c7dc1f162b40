// SPDX-License-Identifier: MIT
// Recognises an activity file by its content, not its name: ".FIT" at byte 8, a gzip magic number, a zip
// local-file header, or the root element of GPX / TCX. FORMATS.md "What Stride must get right" (1).
#ifndef STRIDE_FORMATS_SNIFF_H_
#define STRIDE_FORMATS_SNIFF_H_

#include <cstdint>
#include <span>

namespace stride::formats {

enum class ContentKind { kUnknown, kFit, kGpx, kTcx, kGzip, kZip };

/// Looks at the first bytes of a file (the first 4 KiB is plenty) and says what it holds.
ContentKind SniffContent(std::span<const uint8_t> head);

/// "fit", "gpx", "tcx", "gzip", "zip" or "unknown".
const char* ContentKindName(ContentKind kind);

}  // namespace stride::formats

#endif  // STRIDE_FORMATS_SNIFF_H_
