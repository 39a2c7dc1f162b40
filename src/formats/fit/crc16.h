// SPDX-License-Identifier: MIT
// The FIT CRC-16 (CRC-16/ARC: reflected polynomial 0xA001, initial value 0), used for the FIT header and
// file checksums. Spec and check values: docs/formats/fit.md and FORMATS.md 1.2. Computed by carry-less
// multiplication on x86-64 CPUs that have it (chosen at run time) and slicing-by-8 tables otherwise, so
// checking a file costs little next to decoding it.
#ifndef STRIDE_FORMATS_FIT_CRC16_H_
#define STRIDE_FORMATS_FIT_CRC16_H_

#include <cstdint>
#include <span>

namespace stride::fit {

/// Continues the CRC `crc` over one byte. Start with 0.
uint16_t Crc16Update(uint16_t crc, uint8_t byte);

/// Continues the CRC `crc` over `bytes` (start with 0). Running it over data followed by the data's
/// little-endian CRC yields 0. Thread-safe (the tables are constant).
uint16_t Crc16(std::span<const uint8_t> bytes, uint16_t crc = 0);

}  // namespace stride::fit

#endif  // STRIDE_FORMATS_FIT_CRC16_H_
