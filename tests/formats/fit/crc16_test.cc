// SPDX-License-Identifier: MIT
// Check values for the FIT CRC-16 (CRC-16/ARC), FORMATS.md 1.2.
#include "formats/fit/crc16.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace stride::fit {
namespace {

std::vector<uint8_t> Ascii(const std::string& s) { return {s.begin(), s.end()}; }

TEST(Crc16Test, MatchesCrc16ArcCheckValue) { EXPECT_EQ(Crc16(Ascii("123456789")), 0xBB3D); }

TEST(Crc16Test, MatchesWorkoutHeaderVector) {
  std::vector<uint8_t> header = {0x0e, 0x02, 0xd2, 0x52, 0x0b, 0x01, 0x00, 0x00, 0x2e, 0x46, 0x49, 0x54};
  EXPECT_EQ(Crc16(header), 0x8E2D);
  header.insert(header.end(), {0x2d, 0x8e});
  EXPECT_EQ(Crc16(header), 0x0000);
}

TEST(Crc16Test, EmptyInputKeepsStartValue) {
  EXPECT_EQ(Crc16({}), 0);
  EXPECT_EQ(Crc16({}, 0x1234), 0x1234);
}

TEST(Crc16Test, SlicedPathAgreesWithBytewiseUpdate) {
  std::vector<uint8_t> data(1000);
  for (size_t i = 0; i < data.size(); ++i) data[i] = static_cast<uint8_t>(i * 131 + 7);
  for (size_t n : {0u, 1u, 7u, 8u, 9u, 15u, 16u, 17u, 999u, 1000u}) {
    uint16_t bytewise = 0;
    for (size_t i = 0; i < n; ++i) bytewise = Crc16Update(bytewise, data[i]);
    EXPECT_EQ(Crc16(std::span<const uint8_t>(data.data(), n)), bytewise) << n;
  }
}

// Every length up to 700 and a non-zero start value: the tables, the 64-byte CLMUL folding and the
// 128-byte wide folding (where the CPU has them) and each of their tails.
TEST(Crc16Test, FoldingPathsAgreeWithBytewiseUpdateAtEveryLength) {
  std::vector<uint8_t> data(700);
  for (size_t i = 0; i < data.size(); ++i) data[i] = static_cast<uint8_t>((i * 2654435761u) >> 13);
  uint16_t bytewise = 0x5A5A;
  for (size_t n = 0; n <= data.size(); ++n) {
    ASSERT_EQ(Crc16(std::span<const uint8_t>(data.data(), n), 0x5A5A), bytewise) << n;
    if (n < data.size()) bytewise = Crc16Update(bytewise, data[n]);
  }
}

TEST(Crc16Test, CanContinueAcrossChunks) {
  const std::vector<uint8_t> data = Ascii("123456789");
  const uint16_t head = Crc16(std::span<const uint8_t>(data.data(), 4));
  EXPECT_EQ(Crc16(std::span<const uint8_t>(data.data() + 4, 5), head), 0xBB3D);
}

}  // namespace
}  // namespace stride::fit
