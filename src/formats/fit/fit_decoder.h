// SPDX-License-Identifier: MIT
// FIT activity decoder: bytes in, one core::Activity out. Handles 12/14-byte headers, header and file
// CRCs, both architectures, compressed timestamps, developer fields and chained files. The byte-level
// format it implements, and the quirks met in real files, are in docs/formats/fit.md.
#ifndef STRIDE_FORMATS_FIT_FIT_DECODER_H_
#define STRIDE_FORMATS_FIT_FIT_DECODER_H_

#include <cstdint>
#include <span>

#include "core/activity.h"
#include "core/result.h"
#include "formats/decode_options.h"

namespace stride::fit {

/// Decodes a FIT file (possibly several chained FIT files, which become one Activity with one
/// SessionSummary per `session` message and the records appended).
///
/// On success `activities` holds exactly one Activity: samples in columns (time_s relative to
/// start_time; running/walking cadence in steps/min; channels the file never carries left empty;
/// invalid values NaN), laps, sessions, developer channels of record messages, hrv intervals, and
/// totals from the sessions (or from the samples when there is none). `warnings` lists what was skipped
/// (unknown messages, each global number once; undescribed developer fields; salvage notes).
///
/// Fails with kCorruptData, `where` = "<options.name>@byte <offset>", when the input is empty, the
/// header is malformed (size, ".FIT", header CRC), the data runs past the end, the file CRC is missing or
/// wrong, or the message stream is broken (undefined local type, truncated message). With
/// options.salvage, everything decoded before the damage is kept instead (activity.salvaged = true,
/// activity.bytes_lost set, a warning says why), unless nothing at all could be decoded.
///
/// `bytes` need only live for the call. Thread-safe: no shared state.
Result<core::Decoded> DecodeFit(std::span<const uint8_t> bytes, const formats::DecodeOptions& options);

/// DecodeFit for callers that decode file after file: the result is written to `*decoded`, whose previous
/// content (the last file's result, or empty) lends its memory: the sample columns, laps and rr
/// intervals keep their capacity, so the columns of the next file need no freshly faulted pages (on the
/// shared 2-vCPU VMs these faults were a third of a decode; docs/benchmarks.md, "FIT decoding").
/// Returns what DecodeFit would return, and on success `*decoded` equals DecodeFit's value. On failure
/// `*decoded` is left empty. REQUIRES: decoded != nullptr. Thread-safe as DecodeFit (per `decoded`).
Status DecodeFitReusing(std::span<const uint8_t> bytes, const formats::DecodeOptions& options,
                        core::Decoded* decoded);

}  // namespace stride::fit

#endif  // STRIDE_FORMATS_FIT_FIT_DECODER_H_
