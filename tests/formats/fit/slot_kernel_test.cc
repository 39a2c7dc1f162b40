// SPDX-License-Identifier: MIT
// SlotKernel, the AVX2 field decoder: every value size, signedness and byte order, invalid values,
// scale and offset, fields in several 16-byte chunks and slots without a field. Expected values are
// computed as the scalar decoder does (value * inverse_scale - offset_value). Skipped on CPUs without AVX2.
#include "formats/fit/slot_kernel.h"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <vector>

namespace stride::fit {
namespace {

struct KernelField {
  size_t slot;
  uint32_t offset;
  size_t size;
  bool is_signed;
  bool swap;
  uint32_t invalid;
  double inverse_scale = 1;
  double offset_value = 0;
};

// The bytes of `value` (its low `size` bytes) at `offset`, little-endian unless `swap`.
void Put(std::vector<uint8_t>& message, uint32_t offset, size_t size, uint32_t value, bool swap) {
  for (size_t b = 0; b < size; ++b) {
    const size_t shift = 8 * (swap ? size - 1 - b : b);
    message[offset + b] = static_cast<uint8_t>(value >> shift);
  }
}

std::vector<double> Decode(const std::vector<KernelField>& fields, const std::vector<uint8_t>& message,
                           size_t slot_count) {
  SlotKernel kernel;
  kernel.Reset(slot_count);
  for (const KernelField& f : fields) {
    kernel.Add(f.slot, f.offset, f.size, f.is_signed, f.swap, f.invalid, f.inverse_scale, f.offset_value);
  }
  EXPECT_TRUE(kernel.Compile());
  std::vector<uint8_t> padded = message;
  padded.resize(message.size() + SlotKernel::kReadSlack, 0xEE);  // bytes after the message must not matter
  std::vector<double> v(SlotKernel::kLanes, 123.0);
  kernel.Decode(padded.data(), v.data());
  return v;
}

bool SameBits(double a, double b) { return std::bit_cast<uint64_t>(a) == std::bit_cast<uint64_t>(b); }

class SlotKernelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!SlotKernel::Enabled()) GTEST_SKIP() << "no AVX2 on this CPU: the scalar path is used";
  }
};

TEST_F(SlotKernelTest, DecodesEverySizeSignAndByteOrder) {
  std::vector<uint8_t> message(64, 0);
  const std::vector<KernelField> fields = {
      {0, 0, 4, false, false, 0xFFFFFFFF},             // uint32 (timestamp)
      {1, 4, 4, true, false, 0x7FFFFFFF, 0.5, 0},      // sint32, scaled
      {2, 8, 2, false, true, 0xFFFF, 0.2, 500},        // big-endian uint16 with scale and offset
      {3, 10, 2, true, true, 0x7FFF},                  // big-endian sint16
      {4, 12, 1, false, false, 0xFF},                  // uint8
      {5, 13, 1, true, false, 0x7F},                   // sint8
      {6, 14, 4, false, false, 0xFFFFFFFF, 0.01, 0},   // uint32 across the first chunk boundary
      {8, 30, 2, false, false, 0},                     // uint16z in the second group of slots
      {12, 60, 4, true, true, 0x7FFFFFFF},             // big-endian sint32 in the fourth chunk
  };
  Put(message, 0, 4, 0xFFFFFFFE, false);
  Put(message, 4, 4, static_cast<uint32_t>(-123456789), false);
  Put(message, 8, 2, 2600, true);
  Put(message, 10, 2, static_cast<uint16_t>(-300), true);
  Put(message, 12, 1, 0xFE, false);
  Put(message, 13, 1, 0x80, false);  // -128
  Put(message, 14, 4, 0x80000001, false);
  Put(message, 30, 2, 7, false);
  Put(message, 60, 4, static_cast<uint32_t>(-2), true);
  const std::vector<double> v = Decode(fields, message, 13);
  EXPECT_TRUE(SameBits(v[0], 4294967294.0));
  EXPECT_TRUE(SameBits(v[1], -123456789.0 * 0.5));
  EXPECT_TRUE(SameBits(v[2], 2600.0 * 0.2 - 500));
  EXPECT_TRUE(SameBits(v[3], -300.0));
  EXPECT_TRUE(SameBits(v[4], 254.0));
  EXPECT_TRUE(SameBits(v[5], -128.0));
  EXPECT_TRUE(SameBits(v[6], 2147483649.0 * 0.01));
  EXPECT_TRUE(SameBits(v[8], 7.0));
  EXPECT_TRUE(SameBits(v[12], -2.0));
  for (size_t slot : {7u, 9u, 10u, 11u, 13u, 14u, 15u}) EXPECT_TRUE(std::isnan(v[slot])) << slot;
}

TEST_F(SlotKernelTest, InvalidValuesBecomeNaN) {
  std::vector<uint8_t> message(16, 0);
  const std::vector<KernelField> fields = {
      {0, 0, 4, false, false, 0xFFFFFFFF}, {1, 4, 2, true, true, 0x7FFF}, {2, 6, 1, false, false, 0},
      {3, 7, 1, true, false, 0x7F},        {4, 8, 4, true, false, 0x7FFFFFFF, 0.5, 3}};
  Put(message, 0, 4, 0xFFFFFFFF, false);
  Put(message, 4, 2, 0x7FFF, true);
  Put(message, 6, 1, 0, false);  // uint8z: 0 is invalid
  Put(message, 7, 1, 0x7F, false);
  Put(message, 8, 4, 0x7FFFFFFF, false);
  const std::vector<double> v = Decode(fields, message, 5);
  for (size_t slot = 0; slot < 8; ++slot) {
    EXPECT_TRUE(SameBits(v[slot], std::numeric_limits<double>::quiet_NaN())) << slot;
  }
}

TEST_F(SlotKernelTest, WritesOnlyTheFirstGroupForFewSlots) {
  std::vector<uint8_t> message(4, 0);
  Put(message, 0, 2, 42, false);
  const std::vector<double> v = Decode({{0, 0, 2, false, false, 0xFFFF}}, message, 3);
  EXPECT_EQ(v[0], 42.0);
  EXPECT_TRUE(std::isnan(v[1]));
  EXPECT_EQ(v[8], 123.0);  // slots past the first group of 8 are not touched
}

TEST(SlotKernelCompileTest, RefusesFieldsSpreadOverMoreThan128Bytes) {
  SlotKernel kernel;
  kernel.Reset(2);
  kernel.Add(0, 0, 4, false, false, 0xFFFFFFFF, 1, 0);
  kernel.Add(1, 8 * SlotKernel::kChunkBytes, 1, false, false, 0xFF, 1, 0);
  EXPECT_FALSE(kernel.Compile());
  kernel.Reset(2);
  kernel.Add(0, 200, 4, false, false, 0xFFFFFFFF, 1, 0);  // far from the start, but within 8 chunks
  kernel.Add(1, 300, 1, false, false, 0xFF, 1, 0);
  EXPECT_TRUE(kernel.Compile());
}

}  // namespace
}  // namespace stride::fit
