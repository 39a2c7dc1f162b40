// SPDX-License-Identifier: MIT
// CRC-16/ARC in three kernels. Slicing-by-8: table[k][b] is the CRC contribution of byte b followed by
// k zero bytes, built at compile time from the bitwise definition of the polynomial. On x86-64 with
// PCLMULQDQ, long inputs are first folded 64 bytes at a time by carry-less multiplication (the method
// is described in docs/formats/fit.md, "File layer"), or 128 bytes at a time with VPCLMULQDQ on 256-bit
// registers; the tables then finish the last 16 to 31 bytes.
#include "formats/fit/crc16.h"

#include <array>
#include <cstring>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define STRIDE_CRC16_CLMUL 1
#endif

namespace stride::fit {
namespace {

constexpr uint16_t kPolynomial = 0xA001;  // 0x8005 reflected
constexpr int kSlices = 8;

using CrcTables = std::array<std::array<uint16_t, 256>, kSlices>;

constexpr CrcTables MakeTables() {
  CrcTables tables{};
  for (unsigned byte = 0; byte < 256; ++byte) {
    unsigned crc = byte;
    for (int bit = 0; bit < 8; ++bit) crc = (crc & 1u) ? (crc >> 1) ^ kPolynomial : crc >> 1;
    tables[0][byte] = static_cast<uint16_t>(crc);
  }
  for (int k = 1; k < kSlices; ++k) {
    for (unsigned byte = 0; byte < 256; ++byte) {
      const uint16_t prev = tables[k - 1][byte];
      tables[k][byte] = static_cast<uint16_t>((prev >> 8) ^ tables[0][prev & 0xFFu]);
    }
  }
  return tables;
}

constexpr CrcTables kTables = MakeTables();

uint16_t Crc16Sliced(const uint8_t* p, size_t n, uint16_t crc) {
  while (n >= kSlices) {
    // The CRC register overlaps the first two bytes of the 8-byte block.
    const unsigned b0 = p[0] ^ (crc & 0xFFu);
    const unsigned b1 = p[1] ^ (crc >> 8);
    crc = static_cast<uint16_t>(kTables[7][b0] ^ kTables[6][b1] ^ kTables[5][p[2]] ^ kTables[4][p[3]] ^
                                kTables[3][p[4]] ^ kTables[2][p[5]] ^ kTables[1][p[6]] ^ kTables[0][p[7]]);
    p += kSlices;
    n -= kSlices;
  }
  for (; n > 0; --n) crc = static_cast<uint16_t>((crc >> 8) ^ kTables[0][(crc ^ *p++) & 0xFFu]);
  return crc;
}

#ifdef STRIDE_CRC16_CLMUL

// Folding constants. A 16-byte block loaded little-endian holds 128 message bits, the first bit (bit 0
// of byte 0) being the highest power, x^127; its low qword is H (x^127..x^64), its high qword L
// (x^63..x^0). Moving a block D bits forward multiplies it by x^D, which modulo P(x) = x^16 + x^15 +
// x^2 + 1 is H * (x^(D+64) mod P) + L * (x^D mod P). PCLMULQDQ on bit-reflected operands yields the
// bit-reflected product shifted by one place, so the constants are x^(D+63) and x^(D-1) mod P, stored
// bit-reflected in a qword (coefficient of x^d at bit 63 - d).
constexpr uint32_t kPolyNormal = 0x18005;  // P(x) with its x^16 term

constexpr uint64_t ReflectedXPowModP(int power) {
  uint32_t r = 1;  // x^0
  for (int i = 0; i < power; ++i) {
    r <<= 1;
    if (r & 0x10000u) r ^= kPolyNormal;
  }
  uint64_t word = 0;
  for (int d = 0; d < 16; ++d) {
    if (r & (1u << d)) word |= uint64_t{1} << (63 - d);
  }
  return word;
}

struct FoldConstants {
  uint64_t high;  // for H: x^(D+63) mod P
  uint64_t low;   // for L: x^(D-1) mod P
};

constexpr FoldConstants Fold(int distance_bits) {
  return {ReflectedXPowModP(distance_bits + 63), ReflectedXPowModP(distance_bits - 1)};
}

constexpr FoldConstants kFold512 = Fold(512);
constexpr FoldConstants kFold384 = Fold(384);
constexpr FoldConstants kFold256 = Fold(256);
constexpr FoldConstants kFold128 = Fold(128);
constexpr size_t kBlock = 16;
constexpr size_t kStride = 4 * kBlock;

__attribute__((target("pclmul,sse4.1"))) inline __m128i FoldBlock(__m128i acc, FoldConstants k) {
  const __m128i constants = _mm_set_epi64x(static_cast<long long>(k.low), static_cast<long long>(k.high));
  return _mm_xor_si128(_mm_clmulepi64_si128(acc, constants, 0x00), _mm_clmulepi64_si128(acc, constants, 0x11));
}

__attribute__((target("pclmul,sse4.1"))) inline __m128i Load(const uint8_t* p) {
  return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
}

// REQUIRES: n >= kStride. Folds all but the last n % 16 bytes into one block, then finishes with tables.
__attribute__((target("pclmul,sse4.1"))) uint16_t Crc16Clmul(const uint8_t* p, size_t n, uint16_t crc) {
  __m128i a0 = _mm_xor_si128(Load(p), _mm_cvtsi32_si128(crc));
  __m128i a1 = Load(p + kBlock), a2 = Load(p + 2 * kBlock), a3 = Load(p + 3 * kBlock);
  p += kStride;
  n -= kStride;
  for (; n >= kStride; p += kStride, n -= kStride) {
    a0 = _mm_xor_si128(FoldBlock(a0, kFold512), Load(p));
    a1 = _mm_xor_si128(FoldBlock(a1, kFold512), Load(p + kBlock));
    a2 = _mm_xor_si128(FoldBlock(a2, kFold512), Load(p + 2 * kBlock));
    a3 = _mm_xor_si128(FoldBlock(a3, kFold512), Load(p + 3 * kBlock));
  }
  __m128i acc = _mm_xor_si128(_mm_xor_si128(FoldBlock(a0, kFold384), FoldBlock(a1, kFold256)),
                              _mm_xor_si128(FoldBlock(a2, kFold128), a3));
  for (; n >= kBlock; p += kBlock, n -= kBlock) acc = _mm_xor_si128(FoldBlock(acc, kFold128), Load(p));
  uint8_t folded[kBlock];
  _mm_storeu_si128(reinterpret_cast<__m128i*>(folded), acc);
  // The folded block is congruent to everything before it, so its CRC (from 0) is theirs.
  return Crc16Sliced(p, n, Crc16Sliced(folded, kBlock, 0));
}

bool HaveClmul() {
  static const bool have = __builtin_cpu_supports("pclmul") && __builtin_cpu_supports("sse4.1");
  return have;
}

// The same folding two blocks per instruction (VPCLMULQDQ on 256-bit registers, AVX2 CPUs since AMD
// Zen 3 and Intel Ice Lake): four accumulators of two blocks each take 128 bytes per step. At the end
// the first two accumulators are folded onto the last two, those onto each other, and the two blocks
// left onto each other, and the 16-byte loop and the tables finish as above.
constexpr FoldConstants kFold1024 = Fold(1024);
constexpr size_t kWideBlock = 2 * kBlock;
constexpr size_t kWideStride = 4 * kWideBlock;

#define STRIDE_CRC16_WIDE_TARGET __attribute__((target("avx2,pclmul,vpclmulqdq")))

STRIDE_CRC16_WIDE_TARGET inline __m256i FoldWide(__m256i acc, FoldConstants k) {
  const auto low = static_cast<long long>(k.low), high = static_cast<long long>(k.high);
  const __m256i constants = _mm256_set_epi64x(low, high, low, high);
  return _mm256_xor_si256(_mm256_clmulepi64_epi128(acc, constants, 0x00),
                          _mm256_clmulepi64_epi128(acc, constants, 0x11));
}

STRIDE_CRC16_WIDE_TARGET inline __m256i LoadWide(const uint8_t* p) {
  return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
}

// REQUIRES: n >= kWideStride.
STRIDE_CRC16_WIDE_TARGET uint16_t Crc16WideClmul(const uint8_t* p, size_t n, uint16_t crc) {
  __m256i a0 = _mm256_xor_si256(LoadWide(p), _mm256_zextsi128_si256(_mm_cvtsi32_si128(crc)));
  __m256i a1 = LoadWide(p + kWideBlock), a2 = LoadWide(p + 2 * kWideBlock), a3 = LoadWide(p + 3 * kWideBlock);
  p += kWideStride;
  n -= kWideStride;
  for (; n >= kWideStride; p += kWideStride, n -= kWideStride) {
    a0 = _mm256_xor_si256(FoldWide(a0, kFold1024), LoadWide(p));
    a1 = _mm256_xor_si256(FoldWide(a1, kFold1024), LoadWide(p + kWideBlock));
    a2 = _mm256_xor_si256(FoldWide(a2, kFold1024), LoadWide(p + 2 * kWideBlock));
    a3 = _mm256_xor_si256(FoldWide(a3, kFold1024), LoadWide(p + 3 * kWideBlock));
  }
  a2 = _mm256_xor_si256(a2, FoldWide(a0, kFold512));
  a3 = _mm256_xor_si256(a3, FoldWide(a1, kFold512));
  a3 = _mm256_xor_si256(a3, FoldWide(a2, kFold256));
  __m128i acc = _mm_xor_si128(FoldBlock(_mm256_castsi256_si128(a3), kFold128), _mm256_extracti128_si256(a3, 1));
  for (; n >= kBlock; p += kBlock, n -= kBlock) acc = _mm_xor_si128(FoldBlock(acc, kFold128), Load(p));
  uint8_t folded[kBlock];
  _mm_storeu_si128(reinterpret_cast<__m128i*>(folded), acc);
  return Crc16Sliced(p, n, Crc16Sliced(folded, kBlock, 0));
}

bool HaveWideClmul() {
  static const bool have = HaveClmul() && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("vpclmulqdq");
  return have;
}

#endif  // STRIDE_CRC16_CLMUL

}  // namespace

uint16_t Crc16Update(uint16_t crc, uint8_t byte) {
  return static_cast<uint16_t>((crc >> 8) ^ kTables[0][(crc ^ byte) & 0xFFu]);
}

uint16_t Crc16(std::span<const uint8_t> bytes, uint16_t crc) {
#ifdef STRIDE_CRC16_CLMUL
  if (bytes.size() >= kWideStride && HaveWideClmul()) return Crc16WideClmul(bytes.data(), bytes.size(), crc);
  if (bytes.size() >= kStride && HaveClmul()) return Crc16Clmul(bytes.data(), bytes.size(), crc);
#endif
  return Crc16Sliced(bytes.data(), bytes.size(), crc);
}

}  // namespace stride::fit
