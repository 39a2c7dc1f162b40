// SPDX-License-Identifier: MIT
// Compact storage of an activity's sample columns: one blob per activity, the present channels laid out
// column after column (positions as float64, the rest as float32, little-endian), then deflated with
// libdeflate. A short text header lists the channels so old blobs stay readable as channels are added.
#ifndef STRIDE_STORE_SAMPLE_CODEC_H_
#define STRIDE_STORE_SAMPLE_CODEC_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/activity.h"
#include "core/result.h"

namespace stride::store {

struct EncodedSamples {
  std::string channels;        // e.g. "time_s,distance_m,heart_rate_bpm" (order of the columns in `blob`)
  uint64_t count = 0;          // samples per channel
  std::vector<uint8_t> blob;   // deflated columns
};

/// Encodes the non-empty sample columns and developer channels of `activity`.
EncodedSamples EncodeSamples(const core::Activity& activity);

/// Restores the columns into `activity->samples` and `activity->developer_channels`.
/// Fails with kCorruptData when the blob does not inflate to the size the header implies.
Status DecodeSamples(const EncodedSamples& encoded, core::Activity* activity);

}  // namespace stride::store

#endif  // STRIDE_STORE_SAMPLE_CODEC_H_
