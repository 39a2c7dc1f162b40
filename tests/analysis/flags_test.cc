// SPDX-License-Identifier: MIT
// Every flag rule triggering and not triggering at its boundary, and suppression with short history.
#include "analysis/flags.h"

#include <gtest/gtest.h>

#include <cmath>

#include "activity_builders.h"

namespace stride::analysis {
namespace {

using testing::Day;

const core::Date kFirst = Day(2026, 1, 5);  // a Monday

ActivitySummary RunOn(int day, double distance_m, double load = 50) {
  ActivitySummary a;
  a.date = kFirst.AddDays(day);
  a.sport = core::Sport::kRunning;
  a.distance_m = distance_m;
  a.duration_s = distance_m / 3.0;
  a.load = load;
  return a;
}

std::vector<Flag> FlagsOf(const std::vector<ActivitySummary>& activities, int end_day, FlagRule rule) {
  LoadSeries series = BuildLoadSeries(activities, kFirst.AddDays(end_day));
  std::vector<Flag> all = ComputeFlags(series), out;
  for (const Flag& f : all) {
    if (f.rule == rule) out.push_back(f);
  }
  return out;
}

// 10 km every third day for 42 days: the 30-day reference is 10 km from day 30 on.
std::vector<ActivitySummary> SteadyHistory() {
  std::vector<ActivitySummary> a;
  for (int day = 0; day < 42; day += 3) a.push_back(RunOn(day, 10000));
  return a;
}

std::vector<Flag> SpikeFlagsFor(double distance_m) {
  std::vector<ActivitySummary> a = SteadyHistory();
  a.push_back(RunOn(43, distance_m));
  return FlagsOf(a, 43, FlagRule::kSingleRunSpike);
}

TEST(FlagsTest, SpikeBoundaryAtTenPercent) {
  EXPECT_TRUE(SpikeFlagsFor(11000).empty());  // exactly 110 %: not above
  std::vector<Flag> flags = SpikeFlagsFor(11001);
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].date, kFirst.AddDays(43));
  EXPECT_EQ(flags[0].source_id, "nielsen-2025-spike");
  EXPECT_EQ(flags[0].level, FlagLevel::kWarning);
  EXPECT_DOUBLE_EQ(flags[0].Number("tier"), 1);
  EXPECT_DOUBLE_EQ(flags[0].Number("hazard_ratio"), 1.64);
  EXPECT_DOUBLE_EQ(flags[0].Number("reference_m"), 10000);
  EXPECT_NE(flags[0].message.find("associated with"), std::string::npos);
}

TEST(FlagsTest, SpikeTiersAtThirtyAndHundredPercent) {
  EXPECT_DOUBLE_EQ(SpikeFlagsFor(13000)[0].Number("tier"), 1);
  EXPECT_DOUBLE_EQ(SpikeFlagsFor(13001)[0].Number("tier"), 2);
  EXPECT_DOUBLE_EQ(SpikeFlagsFor(13001)[0].Number("hazard_ratio"), 1.52);
  EXPECT_DOUBLE_EQ(SpikeFlagsFor(20000)[0].Number("tier"), 2);
  EXPECT_DOUBLE_EQ(SpikeFlagsFor(20001)[0].Number("tier"), 3);
  EXPECT_DOUBLE_EQ(SpikeFlagsFor(20001)[0].Number("hazard_ratio"), 2.28);
}

TEST(FlagsTest, SpikeSuppressedWithShortHistoryOrNoReference) {
  std::vector<ActivitySummary> early = {RunOn(0, 5000), RunOn(5, 20000)};
  EXPECT_TRUE(FlagsOf(early, 10, FlagRule::kSingleRunSpike).empty());  // first 30 days
  std::vector<ActivitySummary> after_gap = {RunOn(0, 5000), RunOn(40, 20000)};
  EXPECT_TRUE(FlagsOf(after_gap, 40, FlagRule::kSingleRunSpike).empty());  // no run in the previous 30 days
}

// Four weeks of 30 km (3 x 10 km), then a fifth week of `week5_m`.
std::vector<Flag> WeeklyFlagsFor(double week5_m) {
  std::vector<ActivitySummary> a;
  for (int w = 0; w < 4; ++w) {
    for (int d : {0, 2, 4}) a.push_back(RunOn(w * 7 + d, 10000));
  }
  a.push_back(RunOn(28, week5_m / 3));
  a.push_back(RunOn(30, week5_m / 3));
  a.push_back(RunOn(32, week5_m / 3));
  return FlagsOf(a, 34, FlagRule::kWeeklyDistanceIncrease);
}

TEST(FlagsTest, WeeklyIncreaseBoundaryAtTenPercent) {
  EXPECT_TRUE(WeeklyFlagsFor(33000).empty());
  std::vector<Flag> flags = WeeklyFlagsFor(33003);
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].date, kFirst.AddDays(32));  // the day the week's running crossed 33 km
  EXPECT_NEAR(flags[0].Number("ratio"), 1.1001, 1e-4);
  EXPECT_NE(flags[0].source_id.find("buist-2008-gronorun"), std::string::npos);
  EXPECT_NE(flags[0].message.find("convention, not proven"), std::string::npos);
}

TEST(FlagsTest, WeeklyIncreaseSuppressedWithoutFourEarlierWeeks) {
  std::vector<ActivitySummary> a = {RunOn(0, 10000), RunOn(7, 10000), RunOn(14, 10000), RunOn(21, 30000)};
  EXPECT_TRUE(FlagsOf(a, 27, FlagRule::kWeeklyDistanceIncrease).empty());  // week 4 has only 3 before it
  a.push_back(RunOn(28, 34000));  // week 5: 34 km vs the highest of weeks 1-4 (30 km)
  std::vector<Flag> flags = FlagsOf(a, 34, FlagRule::kWeeklyDistanceIncrease);
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].date, kFirst.AddDays(28));
}

// 60 days of constant load 50, then one day of load `x` (day 60).
std::vector<Flag> AcwrFlagsFor(double x) {
  std::vector<ActivitySummary> a;
  for (int d = 0; d < 60; ++d) a.push_back(RunOn(d, 0, 50));
  a.push_back(RunOn(60, 0, x));
  return FlagsOf(a, 60, FlagRule::kHighAcwr);
}

TEST(FlagsTest, AcwrAboveOnePointFiveIsInformationOnly) {
  std::vector<ActivitySummary> a;
  for (int d = 0; d < 60; ++d) a.push_back(RunOn(d, 0, 50));
  LoadSeries s = BuildLoadSeries(a, kFirst.AddDays(59));
  // Load x on day 60 gives ratio 1.5 when 0.25x + 0.75A = 1.5 (l x + (1 - l) C), l = 2/29.
  const double acute = s.days.back().acute_ewma, chronic = s.days.back().chronic_ewma, l = EwmaLambda(28);
  const double x = (1.5 * (1 - l) * chronic - 0.75 * acute) / (0.25 - 1.5 * l);
  EXPECT_TRUE(AcwrFlagsFor(x * 0.999).empty());
  std::vector<Flag> flags = AcwrFlagsFor(x * 1.001);
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].level, FlagLevel::kInfo);
  EXPECT_GT(flags[0].Number("acwr"), 1.5);
  EXPECT_NE(flags[0].message.find("associated with"), std::string::npos);
  EXPECT_NE(flags[0].message.find("criticised"), std::string::npos);
  EXPECT_EQ(flags[0].message.find("will cause"), std::string::npos);
  EXPECT_NE(flags[0].source_id.find("impellizzeri-2021-acwr"), std::string::npos);
}

TEST(FlagsTest, AcwrFlaggedOncePerEpisode) {
  std::vector<ActivitySummary> a;
  for (int d = 0; d < 60; ++d) a.push_back(RunOn(d, 0, 20));
  for (int d = 60; d < 70; ++d) a.push_back(RunOn(d, 0, 200));  // stays above 1.5 for days
  std::vector<Flag> flags = FlagsOf(a, 70, FlagRule::kHighAcwr);
  EXPECT_EQ(flags.size(), 1u);
}

// Two identical weeks: Mon-Fri load 100, Saturday rest, Sunday `sunday_load`. The first week of a series is
// never judged, so only the second can be flagged.
std::vector<Flag> MonotonyFlagsFor(double sunday_load) {
  std::vector<ActivitySummary> a;
  for (int w = 0; w < 2; ++w) {
    for (int d = 0; d < 5; ++d) a.push_back(RunOn(w * 7 + d, 0, 100));
    a.push_back(RunOn(w * 7 + 6, 0, sunday_load));
  }
  return FlagsOf(a, 13, FlagRule::kHighMonotony);
}

TEST(FlagsTest, MonotonyBoundaryAtTwo) {
  // Monotony rises from 1.58 (Sunday 0) to 2.45 (Sunday 100); bisect for the Sunday load giving exactly 2.
  double lo = 0, hi = 100;
  for (int i = 0; i < 100; ++i) {
    const double mid = 0.5 * (lo + hi);
    const double week[] = {100, 100, 100, 100, 100, 0, mid};
    (Monotony(week) > kMonotonyThreshold ? hi : lo) = mid;
  }
  EXPECT_TRUE(MonotonyFlagsFor(lo - 0.5).empty());
  std::vector<Flag> flags = MonotonyFlagsFor(hi + 0.5);
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].date, kFirst.AddDays(13));  // the Sunday of the second week
  EXPECT_GT(flags[0].Number("monotony"), 2.0);
  EXPECT_NEAR(flags[0].Number("strain"), flags[0].Number("load") * flags[0].Number("monotony"), 1e-9);
  EXPECT_EQ(flags[0].source_id, "foster-1998-monotony");
}

TEST(FlagsTest, LongGapAfterRegularTraining) {
  std::vector<ActivitySummary> a;
  for (int d = 0; d <= 28; d += 2) a.push_back(RunOn(d, 8000));  // 15 runs, last on day 28
  std::vector<Flag> flags = FlagsOf(a, 60, FlagRule::kLongGap);
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].date, kFirst.AddDays(42));  // 14 days without running: days 29..42
  EXPECT_EQ(flags[0].source_id, "stride-convention");
  a.push_back(RunOn(42, 5000));  // a run on day 42 leaves only 13 days without running (29..41): no flag then
  flags = FlagsOf(a, 60, FlagRule::kLongGap);
  ASSERT_EQ(flags.size(), 1u);  // only the later gap, days 43..56, is flagged
  EXPECT_EQ(flags[0].date, kFirst.AddDays(56));
}

TEST(FlagsTest, LongGapNeedsRegularTrainingBefore) {
  std::vector<ActivitySummary> a = {RunOn(0, 8000), RunOn(10, 8000), RunOn(20, 8000)};
  EXPECT_TRUE(FlagsOf(a, 60, FlagRule::kLongGap).empty());
}

TEST(FlagsTest, RuleIdsAreStable) {
  EXPECT_STREQ(FlagRuleId(FlagRule::kSingleRunSpike), "single_run_spike");
  EXPECT_STREQ(FlagRuleId(FlagRule::kWeeklyDistanceIncrease), "weekly_distance_increase");
  EXPECT_STREQ(FlagRuleId(FlagRule::kHighAcwr), "acwr_high");
  EXPECT_STREQ(FlagRuleId(FlagRule::kHighMonotony), "monotony_high");
  EXPECT_STREQ(FlagRuleId(FlagRule::kLongGap), "long_gap");
  EXPECT_STREQ(FlagLevelName(FlagLevel::kInfo), "info");
}

}  // namespace
}  // namespace stride::analysis
