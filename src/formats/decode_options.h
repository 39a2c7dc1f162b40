// SPDX-License-Identifier: MIT
// Options every decoder takes, and the signature they share:
//   Result<core::Decoded> DecodeX(std::span<const uint8_t> bytes, const DecodeOptions& options);
// On failure the Error is kCorruptData (or kUnsupported), its `where` names the file and place
// ("run.fit@byte 1834", "walk.gpx:12:5") and its message the reason ("bad file CRC", "truncated").
#ifndef STRIDE_FORMATS_DECODE_OPTIONS_H_
#define STRIDE_FORMATS_DECODE_OPTIONS_H_

#include <string>

namespace stride::formats {

struct DecodeOptions {
  /// The name used in error locations and warnings, e.g. "run.fit" or "export.zip!activities/1.fit.gz".
  std::string name;
  /// Keep what decodes before a corruption instead of failing: the activity is marked `salvaged`,
  /// `bytes_lost` says how much was dropped, and a warning says why.
  bool salvage = false;
};

}  // namespace stride::formats

#endif  // STRIDE_FORMATS_DECODE_OPTIONS_H_
