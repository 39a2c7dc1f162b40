// SPDX-License-Identifier: MIT
// A small FIT writer for tests: builds definition and data messages byte by byte, then wraps them in a
// 12- or 14-byte header and the file CRC. Just enough to make fixtures in code (FORMATS.md 1.1-1.8).
#ifndef STRIDE_TESTS_FORMATS_FIT_FIT_TEST_WRITER_H_
#define STRIDE_TESTS_FORMATS_FIT_FIT_TEST_WRITER_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "formats/fit/crc16.h"

namespace stride::fit::testing {

/// Field values in one byte order.
class Payload {
 public:
  explicit Payload(bool big_endian = false) : big_(big_endian) {}
  Payload& U8(uint8_t v) { bytes_.push_back(v); return *this; }
  Payload& U16(uint16_t v) { return Int(v, 2); }
  Payload& U32(uint32_t v) { return Int(v, 4); }
  Payload& S32(int32_t v) { return Int(static_cast<uint32_t>(v), 4); }
  Payload& U64(uint64_t v) { return Int(v, 8); }
  Payload& F64(double v) {
    uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    return Int(bits, 8);
  }
  /// A string padded with NULs to `size` bytes.
  Payload& Str(const std::string& s, size_t size) {
    for (size_t i = 0; i < size; ++i) bytes_.push_back(i < s.size() ? static_cast<uint8_t>(s[i]) : 0);
    return *this;
  }
  const std::vector<uint8_t>& bytes() const { return bytes_; }

 private:
  Payload& Int(uint64_t v, int n) {
    for (int i = 0; i < n; ++i) {
      const int shift = 8 * (big_ ? n - 1 - i : i);
      bytes_.push_back(static_cast<uint8_t>(v >> shift));
    }
    return *this;
  }
  bool big_;
  std::vector<uint8_t> bytes_;
};

struct FieldDef {
  uint8_t num;
  uint8_t size;
  uint8_t base_type;
};
struct DevFieldDef {
  uint8_t num;
  uint8_t size;
  uint8_t developer_index;
};

class FitWriter {
 public:
  FitWriter& Define(uint8_t local, uint16_t global, const std::vector<FieldDef>& fields, bool big_endian = false,
                    const std::vector<DevFieldDef>& dev_fields = {}) {
    records_.push_back(static_cast<uint8_t>(0x40 | (dev_fields.empty() ? 0 : 0x20) | local));
    records_.push_back(0);
    records_.push_back(big_endian ? 1 : 0);
    const Payload g = Payload(big_endian).U16(global);
    records_.insert(records_.end(), g.bytes().begin(), g.bytes().end());
    records_.push_back(static_cast<uint8_t>(fields.size()));
    for (const FieldDef& f : fields) records_.insert(records_.end(), {f.num, f.size, f.base_type});
    if (!dev_fields.empty()) {
      records_.push_back(static_cast<uint8_t>(dev_fields.size()));
      for (const DevFieldDef& f : dev_fields) records_.insert(records_.end(), {f.num, f.size, f.developer_index});
    }
    return *this;
  }
  FitWriter& Data(uint8_t local, const Payload& payload) {
    records_.push_back(local);
    records_.insert(records_.end(), payload.bytes().begin(), payload.bytes().end());
    return *this;
  }
  /// A compressed-timestamp data message: local type 0-3, time offset 0-31.
  FitWriter& Compressed(uint8_t local, uint8_t time_offset, const Payload& payload) {
    records_.push_back(static_cast<uint8_t>(0x80 | (local << 5) | (time_offset & 0x1F)));
    records_.insert(records_.end(), payload.bytes().begin(), payload.bytes().end());
    return *this;
  }
  /// Header + records + CRC. `header_size` 12 or 14; `header_crc` false writes 0x0000.
  std::vector<uint8_t> Finish(uint8_t header_size = 14, bool header_crc = true) const {
    std::vector<uint8_t> out = Payload().U8(header_size).U8(0x20).U16(2132).U32(static_cast<uint32_t>(records_.size())).bytes();
    out.insert(out.end(), {'.', 'F', 'I', 'T'});
    if (header_size == 14) {
      const uint16_t crc = header_crc ? Crc16(out) : 0;
      out.push_back(static_cast<uint8_t>(crc));
      out.push_back(static_cast<uint8_t>(crc >> 8));
    }
    out.insert(out.end(), records_.begin(), records_.end());
    const uint16_t crc = Crc16(out);
    out.push_back(static_cast<uint8_t>(crc));
    out.push_back(static_cast<uint8_t>(crc >> 8));
    return out;
  }

 private:
  std::vector<uint8_t> records_;
};

}  // namespace stride::fit::testing

#endif  // STRIDE_TESTS_FORMATS_FIT_FIT_TEST_WRITER_H_
