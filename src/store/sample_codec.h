// SPDX-License-Identifier: MIT
// Compact storage of an activity's sample columns: one blob per activity, the present channels column
// after column, named by a short text header so old blobs stay readable as channels are added. Version 2
// (written since 2026-11) stores each column exactly, as quantised integers, delta-coded and bit-packed;
// version 1 (float64/float32 columns deflated with libdeflate) is still read. Layout: docs/storage.md.
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
  std::vector<uint8_t> blob;   // the columns: version 2 (starts with byte 0xB7) or version 1 (raw deflate)
};

/// Encodes the sample columns of full length (time_s.size()) and the developer channels of `activity` as a
/// version-2 blob. Every value decodes back bit for bit (NaN as core::kNaN): a column is stored as
/// integers k with value = k * p - o or k / p - o when a rule reproduces every value exactly (FIT scales,
/// decimals), else as raw float64. Thread-safe; uses per-thread scratch memory, no allocation per sample.
EncodedSamples EncodeSamples(const core::Activity& activity);

/// The version-1 encoding (time, positions and distance as float64, the rest as float32, deflated at
/// level 1), which Stride wrote before version 2. Kept so that tests and benchmarks can make old blobs.
EncodedSamples EncodeSamplesVersion1(const core::Activity& activity);

/// Restores the columns into `activity->samples` and `activity->developer_channels` from a blob of
/// either version. Fails with kCorruptData when the blob is damaged (it does not inflate to the size the
/// header implies, a column is malformed or truncated, bytes are left over, or `count` exceeds 2^24),
/// and with kUnsupported for a blob version newer than this code; `activity` is then unchanged.
Status DecodeSamples(const EncodedSamples& encoded, core::Activity* activity);

}  // namespace stride::store

#endif  // STRIDE_STORE_SAMPLE_CODEC_H_
