// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <algorithm>

#include "archive_fixtures.h"
#include "formats/archive/activity_source.h"
#include "testing/status_matchers.h"

namespace stride::archive {
namespace {

using testing::Bytes;
using testing::FakeFit;
using testing::Gzip;

TEST(GunzipTest, InflatesOneMember) {
  const Bytes fit = FakeFit(5000);
  auto out = Gunzip(Gzip(fit), "run.fit.gz", SourceLimits{});
  ASSERT_OK(out);
  EXPECT_EQ(*out, fit);
}

TEST(GunzipTest, InflatesConcatenatedMembers) {
  const Bytes first = FakeFit(3000, 1);
  const Bytes second(7000, 2);
  Bytes stream = Gzip(first);
  const Bytes tail = Gzip(second);
  stream.insert(stream.end(), tail.begin(), tail.end());
  auto out = Gunzip(stream, "two.gz", SourceLimits{});
  ASSERT_OK(out);
  Bytes expected = first;
  expected.insert(expected.end(), second.begin(), second.end());
  EXPECT_EQ(*out, expected);
}

TEST(GunzipTest, GrowsWhenTrailerUnderstatesSize) {
  // The trailer holds only the last member's size (3 bytes here), far below the real total.
  const Bytes fit = FakeFit(300000);
  Bytes stream = Gzip(fit);
  const Bytes tail = Gzip(Bytes(3, 7));
  stream.insert(stream.end(), tail.begin(), tail.end());
  auto out = Gunzip(stream, "multi.gz", SourceLimits{});
  ASSERT_OK(out);
  ASSERT_EQ(out->size(), fit.size() + 3);
  EXPECT_TRUE(std::equal(fit.begin(), fit.end(), out->begin()));
}

TEST(GunzipTest, RejectsWrongTrailerSize) {
  Bytes stream = Gzip(FakeFit(1000));
  stream[stream.size() - 4] ^= 1;  // libdeflate checks ISIZE (and CRC-32) against the output
  auto out = Gunzip(stream, "lying.gz", SourceLimits{});
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().code, core::ErrorCode::kCorruptData);
}

TEST(GunzipTest, IgnoresTrailingZeroPadding) {
  const Bytes fit = FakeFit(100);
  Bytes stream = Gzip(fit);
  stream.insert(stream.end(), 512, 0);
  auto out = Gunzip(stream, "padded.gz", SourceLimits{});
  ASSERT_OK(out);
  EXPECT_EQ(*out, fit);
}

TEST(GunzipTest, RejectsCorruptStream) {
  Bytes stream = Gzip(FakeFit(5000));
  for (size_t i = 12; i < 40; ++i) stream[i] ^= 0x5a;
  auto out = Gunzip(stream, "bad.fit.gz", SourceLimits{});
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().code, core::ErrorCode::kCorruptData);
  EXPECT_EQ(out.error().ToString(), "bad.fit.gz: corrupt gzip stream");
}

TEST(GunzipTest, RejectsTruncatedStream) {
  Bytes stream = Gzip(FakeFit(5000));
  stream.resize(stream.size() / 2);
  auto out = Gunzip(stream, "cut.gz", SourceLimits{});
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().code, core::ErrorCode::kCorruptData);
}

TEST(GunzipTest, RejectsMissingHeader) {
  auto out = Gunzip(testing::ToBytes("not gzip at all"), "x.gz", SourceLimits{});
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().code, core::ErrorCode::kCorruptData);
}

TEST(GunzipTest, RefusesEntryBeyondMaxEntryBytes) {
  SourceLimits limits;
  limits.max_entry_bytes = 1 * kMiB;
  auto out = Gunzip(Gzip(Bytes(5 * kMiB, 0)), "bomb.gz", limits);
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().code, core::ErrorCode::kUnsupported);
  EXPECT_EQ(out.error().ToString(), "bomb.gz: refused: entry inflates beyond 1 MiB (possible zip bomb)");
}

TEST(GunzipTest, RefusesRatioBeyondLimitOnlyAboveFloor) {
  SourceLimits limits;
  limits.max_ratio = 10;
  limits.ratio_floor_bytes = 1 * kMiB;
  auto small = Gunzip(Gzip(Bytes(512 * 1024, 0)), "small.gz", limits);  // ratio ~1000 but under the floor
  EXPECT_OK(small);
  auto out = Gunzip(Gzip(Bytes(5 * kMiB, 0)), "ratio.gz", limits);
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().message, "refused: entry inflates over 10x its compressed size (possible zip bomb)");
}

}  // namespace
}  // namespace stride::archive
