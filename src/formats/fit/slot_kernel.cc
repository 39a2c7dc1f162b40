// SPDX-License-Identifier: MIT
// The AVX2 field decoder of SlotKernel. Each 16-byte chunk of the message that holds a field byte is
// broadcast to both halves of a register and byte-shuffled into the lanes of the slots whose value
// bytes it holds (a gather, tried first, was slower than the scalar code on AMD Zen 4); OR-ing the
// shuffles leaves each value in the top bytes of its 32-bit lane, zeros below. One compare finds the
// invalid values and an arithmetic shift brings the value down. Unsigned values have their top bit
// flipped first, so the signed shift and the int32 -> double conversion give value - 2^(bits-1)
// exactly, and adding 2^(bits-1) as a double restores it. The arithmetic after that is the scalar
// path's: a multiply, then a subtraction, each rounded (no FMA is enabled for this code).
#include "formats/fit/slot_kernel.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <limits>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define STRIDE_SLOT_KERNEL_AVX2 1
#endif

namespace stride::fit {
namespace {

constexpr uint8_t kZeroByte = 0x80;  // a pshufb control byte that yields 0
constexpr size_t kLaneBytes = 4;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::atomic<bool> disabled_for_testing{false};

#ifdef STRIDE_SLOT_KERNEL_AVX2

bool CpuHasAvx2() {
  static const bool have = __builtin_cpu_supports("avx2");
  return have;
}

__attribute__((target("avx2"))) inline __m256i LoadInts(const void* p) {
  return _mm256_loadu_si256(static_cast<const __m256i*>(p));
}

// Four doubles from the int32 lanes `x`: (x + bias) * inverse_scale - offset_value, NaN where `invalid`.
__attribute__((target("avx2"))) inline void Finish4(__m128i x, __m128i invalid, const SlotKernel::Tables& t,
                                                    size_t lane, double* v) {
  __m256d d = _mm256_add_pd(_mm256_cvtepi32_pd(x), _mm256_load_pd(t.bias + lane));
  d = _mm256_mul_pd(d, _mm256_load_pd(t.inverse_scale + lane));
  d = _mm256_sub_pd(d, _mm256_load_pd(t.offset_value + lane));
  const __m256d nan_lanes = _mm256_castsi256_pd(_mm256_cvtepi32_epi64(invalid));
  _mm256_storeu_pd(v + lane, _mm256_blendv_pd(d, _mm256_set1_pd(kNaN), nan_lanes));
}

// Eight slots from their lanes' top bytes `x`.
__attribute__((target("avx2"))) inline void Finish8(__m256i x, const SlotKernel::Tables& t, size_t lane,
                                                    double* v) {
  const __m256i invalid = _mm256_cmpeq_epi32(x, LoadInts(t.invalid_high + lane));
  x = _mm256_srav_epi32(_mm256_xor_si256(x, LoadInts(t.flip + lane)), LoadInts(t.shift + lane));
  Finish4(_mm256_castsi256_si128(x), _mm256_castsi256_si128(invalid), t, lane, v);
  Finish4(_mm256_extracti128_si256(x, 1), _mm256_extracti128_si256(invalid, 1), t, lane + 4, v);
}

__attribute__((target("avx2"))) void DecodeAvx2(const SlotKernel::Tables& t, const uint8_t* p, double* v) {
  __m256i low = _mm256_setzero_si256();
  __m256i high = _mm256_setzero_si256();
  const size_t chunks = t.end_chunk - t.first_chunk;
  const uint8_t* chunk = p + SlotKernel::kChunkBytes * t.first_chunk;
  if (t.upper_group_empty) {
    for (size_t c = 0; c < chunks; ++c, chunk += SlotKernel::kChunkBytes) {
      const __m256i bytes = _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(chunk)));
      low = _mm256_or_si256(low, _mm256_shuffle_epi8(bytes, LoadInts(t.shuffle[c][0])));
    }
    Finish8(low, t, 0, v);
    if (t.groups > 1) {
      _mm256_storeu_pd(v + SlotKernel::kGroupLanes, _mm256_set1_pd(kNaN));
      _mm256_storeu_pd(v + SlotKernel::kGroupLanes + 4, _mm256_set1_pd(kNaN));
    }
    return;
  }
  for (size_t c = 0; c < chunks; ++c, chunk += SlotKernel::kChunkBytes) {
    const __m256i bytes = _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(chunk)));
    low = _mm256_or_si256(low, _mm256_shuffle_epi8(bytes, LoadInts(t.shuffle[c][0])));
    high = _mm256_or_si256(high, _mm256_shuffle_epi8(bytes, LoadInts(t.shuffle[c][1])));
  }
  Finish8(low, t, 0, v);
  Finish8(high, t, SlotKernel::kGroupLanes, v);
}

#else

// The same computation one lane at a time, for hosts without AVX2 code (Enabled() is false there, so
// this only keeps Decode's contract whole).
void DecodePortable(const SlotKernel::Tables& t, const uint8_t* p, double* v) {
  for (size_t lane = 0; lane < t.groups * SlotKernel::kGroupLanes; ++lane) {
    const size_t group = lane / SlotKernel::kGroupLanes;
    const size_t at = kLaneBytes * (lane % SlotKernel::kGroupLanes);
    uint32_t high = 0;
    for (size_t c = t.first_chunk; c < t.end_chunk; ++c) {
      for (size_t b = 0; b < kLaneBytes; ++b) {
        const uint8_t control = t.shuffle[c - t.first_chunk][group][at + b];
        if (control == kZeroByte) continue;
        high |= uint32_t{p[SlotKernel::kChunkBytes * c + control]} << (8 * b);
      }
    }
    const auto value = static_cast<int32_t>(high ^ t.flip[lane]) >> t.shift[lane];
    const double d = (static_cast<double>(value) + t.bias[lane]) * t.inverse_scale[lane] - t.offset_value[lane];
    v[lane] = high == t.invalid_high[lane] ? kNaN : d;
  }
}

#endif  // STRIDE_SLOT_KERNEL_AVX2

}  // namespace

void SlotKernel::Reset(size_t slot_count) {
  std::fill(std::begin(fields_), std::end(fields_), Field{});
  std::fill(std::begin(tables_.invalid_high), std::end(tables_.invalid_high), 0u);
  tables_.groups = static_cast<uint32_t>((slot_count + kGroupLanes - 1) / kGroupLanes);
}

void SlotKernel::Add(size_t slot, uint32_t offset, size_t value_size, bool is_signed, bool swap, uint32_t invalid,
                     double inverse_scale, double offset_value) {
  const auto shift = static_cast<uint32_t>(8 * (kLaneBytes - value_size));
  fields_[slot] = Field{offset, static_cast<uint8_t>(value_size), swap};
  tables_.invalid_high[slot] = invalid << shift;
  tables_.flip[slot] = is_signed ? 0 : 0x80000000u;
  tables_.shift[slot] = shift;
  tables_.bias[slot] = is_signed ? 0.0 : static_cast<double>(uint64_t{1} << (8 * value_size - 1));
  tables_.inverse_scale[slot] = inverse_scale;
  tables_.offset_value[slot] = offset_value;
}

bool SlotKernel::Compile() {
  uint32_t first = ~uint32_t{0}, end = 0;
  for (const Field& f : fields_) {
    if (f.size == 0) continue;
    first = std::min(first, static_cast<uint32_t>(f.offset / kChunkBytes));
    end = std::max(end, static_cast<uint32_t>((f.offset + f.size - 1) / kChunkBytes + 1));
  }
  if (end == 0) first = 0;  // no field: no chunk to read
  if (end - first > kMaxChunks) return false;
  tables_.first_chunk = first;
  tables_.end_chunk = end;
  tables_.upper_group_empty =
      std::all_of(fields_ + kGroupLanes, fields_ + kLanes, [](const Field& f) { return f.size == 0; });
  std::memset(tables_.shuffle, kZeroByte, (end - first) * sizeof tables_.shuffle[0]);  // the chunks Decode reads
  for (size_t slot = 0; slot < kLanes; ++slot) {
    if (fields_[slot].size != 0) SetShuffle(slot);
  }
  return true;
}

// Routes the value bytes of `slot` to the top of its lane: byte b of the lane (b = 3 most significant)
// takes the value byte of that significance, found by byte order.
void SlotKernel::SetShuffle(size_t slot) {
  const Field& f = fields_[slot];
  const size_t unused_bytes = kLaneBytes - f.size;  // the low bytes of the lane, left zero
  for (size_t b = unused_bytes; b < kLaneBytes; ++b) {
    const size_t in_value = f.swap ? kLaneBytes - 1 - b : b - unused_bytes;  // byte of the value in memory
    const size_t at = f.offset + in_value;
    tables_.shuffle[at / kChunkBytes - tables_.first_chunk][slot / kGroupLanes]
                   [kLaneBytes * (slot % kGroupLanes) + b] = static_cast<uint8_t>(at % kChunkBytes);
  }
}

void SlotKernel::Decode(const uint8_t* p, double* v) const {
#ifdef STRIDE_SLOT_KERNEL_AVX2
  DecodeAvx2(tables_, p, v);
#else
  DecodePortable(tables_, p, v);
#endif
}

bool SlotKernel::Enabled() {
#ifdef STRIDE_SLOT_KERNEL_AVX2
  return CpuHasAvx2() && !disabled_for_testing.load(std::memory_order_relaxed);
#else
  return false;
#endif
}

void SlotKernel::SetEnabledForTesting(bool enabled) { disabled_for_testing.store(!enabled, std::memory_order_relaxed); }

}  // namespace stride::fit
