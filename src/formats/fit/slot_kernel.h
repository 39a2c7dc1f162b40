// SPDX-License-Identifier: MIT
// Internal to the FIT decoder: decodes the integer fields of a data message (values of 1, 2 or 4 bytes,
// in either byte order) into their slots eight at a time with AVX2, chosen at run time. A kernel is
// compiled once per definition; the scalar loops in fit_reader.cc compute the same doubles bit for bit.
#ifndef STRIDE_FORMATS_FIT_SLOT_KERNEL_H_
#define STRIDE_FORMATS_FIT_SLOT_KERNEL_H_

#include <cstddef>
#include <cstdint>

#include "formats/fit/fit_profile.h"

namespace stride::fit {

/// The integer fields of one message layout, compiled into byte-shuffle tables whose lane i is slot i.
/// Not thread-safe; Reset and refilling it allocate nothing.
class SlotKernel {
 public:
  static constexpr size_t kLanes = kMaxSlots;
  static constexpr size_t kGroupLanes = 8;     // slots decoded per AVX2 step
  static constexpr size_t kChunkBytes = 16;    // message bytes one shuffle reads from
  static constexpr size_t kMaxChunks = 8;      // fields must lie within 128 bytes (from the first one's chunk)
  /// Bytes Decode may read past the end of the message.
  static constexpr size_t kReadSlack = kChunkBytes;

  /// Forgets every field. Decode will write slots [0, slot_count) rounded up to a multiple of 8.
  /// REQUIRES: slot_count <= kLanes.
  void Reset(size_t slot_count);

  /// Decodes the first value of the field at byte `offset` into `slot`: the value as an integer (signed
  /// or not), then value * inverse_scale - offset_value, or NaN when it equals `invalid` (the base type's
  /// invalid value). `swap`: the value's bytes are in the other byte order than the host's.
  /// REQUIRES: value_size is 1, 2 or 4; slot < kLanes, not added since Reset.
  void Add(size_t slot, uint32_t offset, size_t value_size, bool is_signed, bool swap, uint32_t invalid,
           double inverse_scale, double offset_value);

  /// Builds the shuffles once every field is added. Returns false when Decode cannot be used: the
  /// fields' bytes span more than kMaxChunks chunks of 16 bytes.
  bool Compile();

  /// Writes `v[0, 8 * groups)`: each added field's value as Add describes it, NaN for a slot without one.
  /// REQUIRES: Enabled(); Compile returned true; the message starts at `p` and
  /// kReadSlack bytes past its end are readable.
  void Decode(const uint8_t* p, double* v) const;

  /// True when this CPU runs Decode (x86-64 with AVX2) and SetEnabledForTesting has not turned it off.
  static bool Enabled();
  /// Tests compare the vector path with the scalar one by turning it off. Takes effect for decoders
  /// created afterwards.
  static void SetEnabledForTesting(bool enabled);

  // The tables Decode reads (public for the AVX2 function only).
  struct Tables {
    // pshufb controls per chunk and group: byte 4 * (lane % 8) + b of a group's control picks, from the
    // chunk (broadcast to both 16-byte halves), the byte that goes to byte b of the lane (0x80: none).
    alignas(32) uint8_t shuffle[kMaxChunks][kLanes / kGroupLanes][4 * kGroupLanes];
    alignas(32) uint32_t invalid_high[kLanes];  // the invalid value as the shuffle leaves it (0: no field)
    alignas(32) uint32_t flip[kLanes];          // top bit set for unsigned values (see slot_kernel.cc)
    alignas(32) uint32_t shift[kLanes];         // 32 - 8 * value size
    alignas(32) double bias[kLanes];            // undoes `flip` once the value is a double
    alignas(32) double inverse_scale[kLanes];
    alignas(32) double offset_value[kLanes];
    uint32_t first_chunk;  // the chunks [first_chunk, end_chunk) of the message hold every field byte
    uint32_t end_chunk;
    uint32_t groups;          // groups of 8 slots Decode writes
    bool upper_group_empty;   // no field among slots 8-15: they are only filled with NaN
  };

 private:
  // Where Add was told each slot's value is, for Compile.
  struct Field {
    uint32_t offset;
    uint8_t size;  // 0: no field
    bool swap;
  };
  void SetShuffle(size_t slot);

  Tables tables_{};
  Field fields_[kLanes]{};
};

}  // namespace stride::fit

#endif  // STRIDE_FORMATS_FIT_SLOT_KERNEL_H_
