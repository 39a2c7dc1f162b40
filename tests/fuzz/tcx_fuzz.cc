// SPDX-License-Identifier: MIT
// libFuzzer target for the TCX decoder: any input must give a Result (value or error), never a crash,
// with and without salvage. Seed it with ../shared/data/activities/{gpx,tcx,broken}.
#include <cstddef>
#include <cstdint>
#include <span>

#include "formats/tcx/tcx_decoder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::span<const uint8_t> bytes(data, size);
  for (bool salvage : {false, true}) {
    auto decoded = stride::tcx::DecodeTcx(bytes, stride::formats::DecodeOptions{"fuzz.tcx", salvage});
    if (decoded) {
      for (const auto& activity : decoded->activities) {
        if (activity.samples.size() != activity.record_count) __builtin_trap();
      }
    }
  }
  return 0;
}
