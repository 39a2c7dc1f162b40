// SPDX-License-Identifier: MIT
// TCX (Garmin Training Center Database v2) decoder: one activity per <Activity> (multi-sport sessions
// give several), with laps, trackpoints and the ActivityExtension v2 TPX speed, run cadence and power.
// Spec and quirks: docs/formats/tcx.md (FORMATS.md §5). Thread-safe: no shared state.
#ifndef STRIDE_FORMATS_TCX_TCX_DECODER_H_
#define STRIDE_FORMATS_TCX_TCX_DECODER_H_

#include <cstdint>
#include <span>

#include "core/activity.h"
#include "core/result.h"
#include "formats/decode_options.h"

namespace stride::tcx {

/// Decodes a TCX file held in `bytes` (copied; the caller keeps ownership).
///
/// On success returns one Activity (format kTcx) per <Activity> element, each with its laps and one
/// SessionSummary; totals come from the laps (distance and timer sums, time-weighted average HR, max
/// HR), elapsed time from the first to the last trackpoint. A file with no <Activity> (courses or
/// workouts only) gives no activity and a warning. record_count = trackpoints kept; Samples::time_s is
/// seconds since the activity start (the first lap's StartTime). Gaps between <Track>s are pauses.
///
/// Fails with kCorruptData, `where` = "<options.name>:<line>:<column>", for an empty file, non-XML,
/// malformed or truncated XML ("malformed XML: ..."), a root element other than <TrainingCenterDatabase>,
/// or a time that cannot be read. With options.salvage, truncated XML keeps what was parsed before the
/// break (the trackpoint cut through is dropped) and an unreadable <Time> drops its trackpoint; the
/// activities are then marked salvaged.
Result<core::Decoded> DecodeTcx(std::span<const uint8_t> bytes, const formats::DecodeOptions& options);

}  // namespace stride::tcx

#endif  // STRIDE_FORMATS_TCX_TCX_DECODER_H_
