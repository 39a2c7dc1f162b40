// SPDX-License-Identifier: MIT
#include "core/date.h"

#include <gtest/gtest.h>

#include "testing/status_matchers.h"

namespace stride::core {
namespace {

TEST(DateTest, ParsesAndFormats) {
  auto d = ParseDate("2027-04-25");
  ASSERT_OK(d);
  EXPECT_EQ(FormatDate(*d), "2027-04-25");
  EXPECT_EQ(d->weekday(), Weekday::kSunday);
  EXPECT_EQ(FormatDate(d->WeekStart()), "2027-04-19");
  EXPECT_EQ(d->AddDays(7).DaysUntil(*d), -7);
}

TEST(DateTest, RejectsImpossibleDates) {
  EXPECT_FALSE(ParseDate("2026-02-30").has_value());
  EXPECT_FALSE(ParseDate("2026-13-01").has_value());
  EXPECT_FALSE(ParseDate("26-01-01").has_value());
  EXPECT_FALSE(ParseDate("2026/01/01").has_value());
  EXPECT_EQ(ParseDate("tomorrow").error().message, "cannot read date 'tomorrow'; write YYYY-MM-DD, e.g. 2027-04-25");
}

TEST(DateTest, Weekdays) {
  EXPECT_EQ(*ParseWeekday("Tue"), Weekday::kTuesday);
  EXPECT_EQ(*ParseWeekday("sunday"), Weekday::kSunday);
  EXPECT_FALSE(ParseWeekday("funday").has_value());
  EXPECT_STREQ(WeekdayName(Weekday::kMonday), "mon");
}

TEST(DateTest, TimestampsWithOffsets) {
  int32_t offset = 0;
  bool had = false;
  auto t = ParseTimestamp("2026-10-18T09:05:00+02:00", &offset, &had);
  ASSERT_OK(t);
  EXPECT_EQ(FormatTimestamp(*t), "2026-10-18T07:05:00Z");
  EXPECT_EQ(offset, 7200);
  EXPECT_TRUE(had);
  auto z = ParseTimestamp("2026-10-18T07:05:00.250Z");
  ASSERT_OK(z);
  EXPECT_EQ(FormatTimestamp(*z), "2026-10-18T07:05:00.250Z");
  auto naive = ParseTimestamp("2026-10-18T07:05:00", &offset, &had);
  ASSERT_OK(naive);
  EXPECT_FALSE(had);
  EXPECT_FALSE(ParseTimestamp("2026-10-18").has_value());
  EXPECT_FALSE(ParseTimestamp("2026-10-18T25:00:00Z").has_value());
  // A late-evening run west of Greenwich belongs to the local day.
  auto late = ParseTimestamp("2026-10-19T03:00:00Z");
  EXPECT_EQ(FormatDate(LocalDate(*late, -5 * 3600)), "2026-10-18");
}

}  // namespace
}  // namespace stride::core
