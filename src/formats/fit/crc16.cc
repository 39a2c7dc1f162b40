// SPDX-License-Identifier: MIT
// CRC-16/ARC with slicing-by-8: table[k][b] is the CRC contribution of byte b followed by k zero bytes,
// built at compile time from the bitwise definition of the polynomial.
#include "formats/fit/crc16.h"

#include <array>
#include <cstring>

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

}  // namespace

uint16_t Crc16Update(uint16_t crc, uint8_t byte) {
  return static_cast<uint16_t>((crc >> 8) ^ kTables[0][(crc ^ byte) & 0xFFu]);
}

uint16_t Crc16(std::span<const uint8_t> bytes, uint16_t crc) {
  const uint8_t* p = bytes.data();
  size_t n = bytes.size();
  while (n >= kSlices) {
    // The CRC register overlaps the first two bytes of the 8-byte block.
    const unsigned b0 = p[0] ^ (crc & 0xFFu);
    const unsigned b1 = p[1] ^ (crc >> 8);
    crc = static_cast<uint16_t>(kTables[7][b0] ^ kTables[6][b1] ^ kTables[5][p[2]] ^ kTables[4][p[3]] ^
                                kTables[3][p[4]] ^ kTables[2][p[5]] ^ kTables[1][p[6]] ^ kTables[0][p[7]]);
    p += kSlices;
    n -= kSlices;
  }
  for (; n > 0; --n) crc = Crc16Update(crc, *p++);
  return crc;
}

}  // namespace stride::fit
