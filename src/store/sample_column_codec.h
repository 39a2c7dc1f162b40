// SPDX-License-Identifier: MIT
// One sample column in the version-2 sample blob (docs/storage.md, "Sample blobs"): the values as exact
// integers k with value = k * p - o (or k / p - o), NaN holes as run lengths, and the integers delta- or
// delta-of-delta-coded, zigzagged and bit-packed in blocks of 128. A column no rule reproduces bit for
// bit is stored as raw float64. Used by sample_codec.cc only. Thread-safe: scratch memory is per thread.
#ifndef STRIDE_STORE_SAMPLE_COLUMN_CODEC_H_
#define STRIDE_STORE_SAMPLE_COLUMN_CODEC_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "core/result.h"

namespace stride::store::internal {

/// How a column was stored (the first byte of its encoding). Do not renumber: persisted.
enum class ColumnForm : uint8_t { kRawFloat64 = 0, kQuantised = 1 };

/// A reading position in a blob. Every read checks the bounds.
struct BlobReader {
  std::span<const uint8_t> bytes;
  size_t at = 0;

  size_t remaining() const { return bytes.size() - at; }
};

/// Appends the encoding of `values` to `*out`: the first quantisation rule (in a fixed order, coarsest
/// first) under which every value is reproduced, else raw float64. The output depends on `values` alone.
/// Every value decodes back bit for bit, except that every NaN decodes as core::kNaN.
/// REQUIRES: out != nullptr.
void EncodeColumn(std::span<const double> values, std::vector<uint8_t>* out);

/// Decodes one column of `count` values at `in->at` into `*values` (resized to `count`) and moves
/// `in->at` past it. Fails with kCorruptData when the encoding is malformed or runs past the blob
/// (nothing is read beyond `in->bytes`). REQUIRES: values != nullptr.
Status DecodeColumn(BlobReader* in, size_t count, std::vector<double>* values);

}  // namespace stride::store::internal

#endif  // STRIDE_STORE_SAMPLE_COLUMN_CODEC_H_
