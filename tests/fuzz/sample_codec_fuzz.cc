// SPDX-License-Identifier: MIT
// libFuzzer target for the stored sample blob reader (store::DecodeSamples, versions 1 and 2): any blob must
// decode or fail cleanly, and whatever decodes must survive EncodeSamples and decode to the same bits.
// Input: 2 bytes sample count (little-endian), 1 byte channel mask (bit i: the i-th name below), the blob.
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "store/sample_codec.h"

namespace {

constexpr const char* kNames[] = {"time_s",         "latitude_deg", "distance_m", "speed_mps",
                                  "heart_rate_bpm", "cadence_spm",  "altitude_m", "dev:stryd|W"};

bool SameColumn(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    const bool same = (std::isnan(a[i]) && std::isnan(b[i])) || std::bit_cast<uint64_t>(a[i]) == std::bit_cast<uint64_t>(b[i]);
    if (!same) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 3) return 0;
  stride::store::EncodedSamples enc;
  enc.count = static_cast<uint64_t>(data[0] | (data[1] << 8));
  for (int i = 0; i < 8; ++i) {
    if ((data[2] >> i & 1) == 0) continue;
    if (!enc.channels.empty()) enc.channels += ',';
    enc.channels += kNames[i];
  }
  enc.blob.assign(data + 3, data + size);
  stride::core::Activity activity;
  if (!DecodeSamples(enc, &activity)) return 0;
  // What decoded must store and read back exactly (the time column fixes the length encoded again).
  if (activity.samples.time_s.empty()) return 0;
  stride::core::Activity again;
  if (!DecodeSamples(stride::store::EncodeSamples(activity), &again)) __builtin_trap();
  if (!SameColumn(activity.samples.time_s, again.samples.time_s)) __builtin_trap();
  if (!SameColumn(activity.samples.heart_rate_bpm, again.samples.heart_rate_bpm)) __builtin_trap();
  if (!SameColumn(activity.samples.latitude_deg, again.samples.latitude_deg)) __builtin_trap();
  if (activity.developer_channels.size() != again.developer_channels.size()) __builtin_trap();
  return 0;
}
