// SPDX-License-Identifier: MIT
// GPX 1.0 / 1.1 decoder: every track and segment of a file joined into one activity (segment gaps are
// pauses), with Garmin TrackPointExtension v1/v2 heart rate, cadence and speed. Spec and quirks:
// docs/formats/gpx.md (FORMATS.md §4). Thread-safe: no shared state.
#ifndef STRIDE_FORMATS_GPX_GPX_DECODER_H_
#define STRIDE_FORMATS_GPX_GPX_DECODER_H_

#include <cstdint>
#include <span>

#include "core/activity.h"
#include "core/result.h"
#include "formats/decode_options.h"

namespace stride::gpx {

/// Decodes a GPX file held in `bytes` (copied; the caller keeps ownership).
///
/// On success returns one Activity (format kGpx) holding every timed track point, or no activity and a
/// warning when the file has no timed track points (a route, waypoints, metadata only, a drawn track):
/// such files are valid GPX but not activities. record_count = track points kept; Samples::time_s is
/// seconds since the first point; channels absent from the whole file are empty. Recoverable oddities
/// (zone-less times taken as UTC, points without <time> skipped, unknown elements) become warnings.
///
/// Fails with kCorruptData, `where` = "<options.name>:<line>:<column>", for an empty file, non-XML,
/// malformed or truncated XML ("malformed XML: ..."), a root element other than <gpx>, or a <time> that
/// cannot be read. With options.salvage, truncated XML keeps the points before the break (the point cut
/// through is dropped) and an unreadable <time> drops its point; the activity is then marked salvaged.
Result<core::Decoded> DecodeGpx(std::span<const uint8_t> bytes, const formats::DecodeOptions& options);

}  // namespace stride::gpx

#endif  // STRIDE_FORMATS_GPX_GPX_DECODER_H_
