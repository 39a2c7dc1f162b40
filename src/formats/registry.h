// SPDX-License-Identifier: MIT
// The table of activity formats (like ninja's tool table): how each is recognised and decoded.
// DecodeActivityFile sniffs the content and calls the matching decoder.
#ifndef STRIDE_FORMATS_REGISTRY_H_
#define STRIDE_FORMATS_REGISTRY_H_

#include <cstdint>
#include <span>
#include <string>

#include "core/activity.h"
#include "core/result.h"
#include "formats/decode_options.h"

namespace stride::formats {

/// Decodes a FIT, GPX or TCX file from its (already inflated) bytes, recognised by content.
/// Fails with kUnsupported when the bytes are none of these, else as the decoder does.
Result<core::Decoded> DecodeActivityFile(std::span<const uint8_t> bytes, const DecodeOptions& options);

/// A 128-bit content hash (XXH3) of the bytes, as 32 hex digits: the identity of an imported file.
std::string ContentHash(std::span<const uint8_t> bytes);

}  // namespace stride::formats

#endif  // STRIDE_FORMATS_REGISTRY_H_
