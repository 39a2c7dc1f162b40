// SPDX-License-Identifier: MIT
// FIT activity encoder: one core::Activity in, the bytes of a FIT activity file (file_id type 4) out, laid
// out as a watch writes it ("summary last": records, then laps, session and activity). Used to generate
// realistic FIT exports for the import benchmark and round-trip tests. Layout: FORMATS.md sections 1
// (protocol) and 2 (activity messages). Its counterpart is fit::DecodeFit (fit_decoder.h).
#ifndef STRIDE_FORMATS_FIT_ACTIVITY_ENCODER_H_
#define STRIDE_FORMATS_FIT_ACTIVITY_ENCODER_H_

#include <string>

#include "core/activity.h"
#include "core/result.h"

namespace stride::fit {

/// Encodes `activity` as a FIT activity file:
/// - a 14-byte header (protocol 2.0, profile 21.202, header CRC) and the file CRC, little-endian;
/// - file_id (type activity, manufacturer 255 "development", product kStrideProductId, serial number 1,
///   time_created = start), an event timer start;
/// - one record per sample: timestamp (start + time_s, rounded to whole seconds as FIT stores them), and
///   position, distance, enhanced speed, enhanced altitude, heart rate, cadence (+ fractional cadence
///   when needed) and power for each column the activity has (NaN values become FIT invalid values);
///   running, walking and hiking cadence is written as strides/min (half of cadence_spm), as watches do;
/// - an event timer stop_all, the laps (`activity.laps`, or one lap over the whole activity when it has
///   none, as a watch always writes at least one), the sessions (`activity.sessions`, or one session from
///   the activity's totals and samples), and one activity message (local_timestamp from utc_offset_s).
/// Developer channels and hrv intervals are not written. The output depends only on `activity`.
///
/// Fails with kInvalidArgument when the start time lies before the FIT epoch (1989-12-31) or a sample
/// column's length differs from time_s, and with kUnsupported when the records would exceed FIT's 4 GiB
/// data size. Thread-safe.
Result<std::string> EncodeActivity(const core::Activity& activity);

}  // namespace stride::fit

#endif  // STRIDE_FORMATS_FIT_ACTIVITY_ENCODER_H_
