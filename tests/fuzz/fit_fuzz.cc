// SPDX-License-Identifier: MIT
// libFuzzer target for the FIT decoder: any input must decode or fail cleanly, with and without salvage.
#include <cstddef>
#include <cstdint>
#include <span>

#include "formats/fit/fit_decoder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::span<const uint8_t> bytes(data, size);
  for (bool salvage : {false, true}) {
    auto decoded = stride::fit::DecodeFit(bytes, stride::formats::DecodeOptions{"fuzz.fit", salvage});
    if (decoded && decoded->activities.size() != 1) __builtin_trap();
  }
  return 0;
}
