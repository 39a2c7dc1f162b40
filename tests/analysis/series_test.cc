// SPDX-License-Identifier: MIT
// Closed-form checks of CTL/ATL/TSB (SCIENCE.md B4), EWMA ACWR on a hand-computed sequence (B6), monotony
// and strain on a hand-computed week (B3), Monday weeks, local-date attribution, longest run in 30 days.
#include "analysis/series.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>

#include "activity_builders.h"

namespace stride::analysis {
namespace {

using testing::Day;

ActivitySummary Summary(core::Date date, double load, double distance_m = 0,
                        core::Sport sport = core::Sport::kRunning) {
  ActivitySummary a;
  a.date = date;
  a.load = load;
  a.distance_m = distance_m;
  a.sport = sport;
  a.duration_s = distance_m / 3.0;
  return a;
}

TEST(SeriesTest, DailyFactorsMatchGoldenCheetah) {
  EXPECT_NEAR(PmcDailyFactor(kChronicTimeConstantDays), 0.023528, 1e-6);  // SCIENCE.md B4 [gc-pmc]
  EXPECT_NEAR(PmcDailyFactor(kAcuteTimeConstantDays), 0.133122, 1e-6);
  EXPECT_NEAR(EwmaLambda(kAcwrAcuteDays), 0.25, 1e-12);  // [williams-2017-ewma]
  EXPECT_NEAR(EwmaLambda(kAcwrChronicDays), 0.0690, 1e-4);
}

TEST(SeriesTest, ConstantLoadApproachesLoadWithFortyTwoDayConstant) {
  const double load = 80;
  std::vector<ActivitySummary> activities;
  const core::Date first = Day(2026, 1, 5);
  for (int i = 0; i < 200; ++i) activities.push_back(Summary(first.AddDays(i), load));
  LoadSeries s = BuildLoadSeries(activities, first.AddDays(199));
  ASSERT_EQ(s.days.size(), 200u);
  const double k_ctl = PmcDailyFactor(42), k_atl = PmcDailyFactor(7);
  for (int n : {1, 7, 42, 100, 200}) {
    const DailyPoint& d = s.days[static_cast<size_t>(n - 1)];  // after n days
    EXPECT_NEAR(d.chronic_training_load, load * (1 - std::pow(1 - k_ctl, n)), 1e-9) << n;
    EXPECT_NEAR(d.acute_training_load, load * (1 - std::pow(1 - k_atl, n)), 1e-9) << n;
    EXPECT_DOUBLE_EQ(d.training_stress_balance, d.chronic_training_load - d.acute_training_load);  // same day
  }
  EXPECT_NEAR(s.days.back().chronic_training_load, load, 0.01 * load);
}

TEST(SeriesTest, SingleImpulseDecaysByOneMinusKPerDay) {
  std::vector<ActivitySummary> activities = {Summary(Day(2026, 1, 5), 100)};
  LoadSeries s = BuildLoadSeries(activities, Day(2026, 3, 1));
  const double k = PmcDailyFactor(42), k_atl = PmcDailyFactor(7);
  EXPECT_NEAR(s.days[0].chronic_training_load, 100 * k, 1e-12);
  for (size_t i = 1; i < s.days.size(); ++i) {
    EXPECT_NEAR(s.days[i].chronic_training_load, s.days[i - 1].chronic_training_load * (1 - k), 1e-12);
    EXPECT_NEAR(s.days[i].acute_training_load, s.days[i - 1].acute_training_load * (1 - k_atl), 1e-12);
  }
}

TEST(SeriesTest, AcwrEwmaMatchesHandComputedSequence) {
  // Loads 100, 0, 50, then 60 every day. Hand computation with lambda 0.25 / (2/29):
  // day 0: acute 25, chronic 6.896552; day 1: 18.75, 6.420927; day 2: 26.5625, 9.426380.
  const core::Date first = Day(2026, 1, 5);
  std::vector<ActivitySummary> activities = {Summary(first, 100), Summary(first.AddDays(2), 50)};
  for (int i = 3; i < 40; ++i) activities.push_back(Summary(first.AddDays(i), 60));
  LoadSeries s = BuildLoadSeries(activities, first.AddDays(39));
  EXPECT_NEAR(s.days[0].acute_ewma, 25.0, 1e-9);
  EXPECT_NEAR(s.days[0].chronic_ewma, 6.896552, 1e-6);
  EXPECT_NEAR(s.days[1].acute_ewma, 18.75, 1e-9);
  EXPECT_NEAR(s.days[1].chronic_ewma, 6.420927, 1e-6);
  EXPECT_NEAR(s.days[2].acute_ewma, 26.5625, 1e-9);
  EXPECT_NEAR(s.days[2].chronic_ewma, 9.426380, 1e-6);
  for (int i = 0; i < kAcwrWarmUpDays; ++i) EXPECT_TRUE(std::isnan(s.days[static_cast<size_t>(i)].acwr)) << i;
  const DailyPoint& d = s.days[static_cast<size_t>(kAcwrWarmUpDays)];
  ASSERT_TRUE(std::isfinite(d.acwr));
  EXPECT_NEAR(d.acwr, d.acute_ewma / d.chronic_ewma, 1e-12);
}

TEST(SeriesTest, AcwrUndefinedWhileChronicLoadIsNearZero) {
  const core::Date first = Day(2026, 1, 5);
  std::vector<ActivitySummary> activities;
  for (int i = 0; i < 30; ++i) activities.push_back(Summary(first.AddDays(i), 50));
  LoadSeries s = BuildLoadSeries(activities, first.AddDays(200));  // long break after day 29
  EXPECT_TRUE(std::isfinite(s.days[29].acwr));
  EXPECT_LT(s.days.back().chronic_ewma, kMinChronicLoadForRatio);
  EXPECT_TRUE(std::isnan(s.days.back().acwr));
}

TEST(SeriesTest, MonotonyAndStrainOfHandComputedWeek) {
  // Mon..Sun loads 60, 0, 90, 30, 0, 120, 60: mean 51.428571, population SD 41.551542,
  // monotony 1.237705, strain 360 x 1.237705 = 445.574.
  const core::Date monday = Day(2026, 3, 2);
  const double loads[] = {60, 0, 90, 30, 0, 120, 60};
  std::vector<ActivitySummary> activities;
  for (int i = 0; i < 7; ++i) {
    if (loads[i] > 0) activities.push_back(Summary(monday.AddDays(i), loads[i]));
  }
  LoadSeries s = BuildLoadSeries(activities, monday.AddDays(6));
  ASSERT_EQ(s.weeks.size(), 1u);
  EXPECT_TRUE(s.weeks[0].complete);
  EXPECT_DOUBLE_EQ(s.weeks[0].load, 360);
  EXPECT_NEAR(s.weeks[0].monotony, 1.237705, 1e-6);
  EXPECT_NEAR(s.weeks[0].strain, 445.574, 1e-3);
}

TEST(SeriesTest, MonotonyUndefinedWhenDailyLoadsAreEqualOrWeekIncomplete) {
  const double same[] = {40, 40, 40, 40, 40, 40, 40};
  EXPECT_TRUE(std::isnan(Monotony(same)));
  const core::Date monday = Day(2026, 3, 2);
  std::vector<ActivitySummary> activities = {Summary(monday, 50), Summary(monday.AddDays(1), 10)};
  LoadSeries s = BuildLoadSeries(activities, monday.AddDays(3));  // ends on Thursday
  ASSERT_EQ(s.weeks.size(), 1u);
  EXPECT_FALSE(s.weeks[0].complete);
  EXPECT_TRUE(std::isnan(s.weeks[0].monotony));
  EXPECT_TRUE(std::isnan(s.weeks[0].strain));
}

TEST(SeriesTest, WeeksStartOnMonday) {
  const core::Date sunday = Day(2026, 3, 8), monday = Day(2026, 3, 9);
  ASSERT_EQ(sunday.weekday(), core::Weekday::kSunday);
  std::vector<ActivitySummary> activities = {Summary(sunday, 30, 10000), Summary(monday, 40, 12000)};
  LoadSeries s = BuildLoadSeries(activities, Day(2026, 3, 15));
  ASSERT_EQ(s.weeks.size(), 2u);
  EXPECT_EQ(s.weeks[0].start, Day(2026, 3, 2));
  EXPECT_EQ(s.weeks[1].start, monday);
  EXPECT_DOUBLE_EQ(s.weeks[0].run_distance_m, 10000);
  EXPECT_DOUBLE_EQ(s.weeks[1].run_distance_m, 12000);
  EXPECT_DOUBLE_EQ(s.weeks[1].load, 40);
}

TEST(SeriesTest, WeeklyDistanceSeparatesRunningFromTotal) {
  const core::Date monday = Day(2026, 3, 2);
  std::vector<ActivitySummary> activities = {Summary(monday, 30, 10000),
                                             Summary(monday.AddDays(1), 30, 40000, core::Sport::kCycling)};
  LoadSeries s = BuildLoadSeries(activities, monday.AddDays(6));
  EXPECT_DOUBLE_EQ(s.weeks[0].run_distance_m, 10000);
  EXPECT_DOUBLE_EQ(s.weeks[0].distance_m, 50000);
  EXPECT_NEAR(s.weeks[0].duration_s, 50000 / 3.0, 1e-9);
}

TEST(SeriesTest, ActivityIsAttributedToItsLocalDate) {
  // 23:30 UTC on Sunday 8 March is 00:30 on Monday 9 March at UTC+1.
  core::Activity a;
  a.sport = core::Sport::kRunning;
  a.start_time = core::StartOfDay(Day(2026, 3, 8)) + std::chrono::minutes(23 * 60 + 30);
  a.utc_offset_s = 3600;
  a.timer_s = 1800;
  a.distance_m = 6000;
  ActivityLoad load;
  load.trimp = 42;
  load.moving_s = 1800;
  ActivitySummary summary = SummarizeActivity(a, load);
  EXPECT_EQ(summary.date, Day(2026, 3, 9));
  std::vector<ActivitySummary> activities = {Summary(Day(2026, 3, 2), 10), summary};
  LoadSeries s = BuildLoadSeries(activities, Day(2026, 3, 15));
  ASSERT_EQ(s.weeks.size(), 2u);
  EXPECT_DOUBLE_EQ(s.weeks[1].load, 42);
  EXPECT_DOUBLE_EQ(s.days[7].load, 42);  // 9 March
}

TEST(SeriesTest, LongestRunLooksBackThirtyDaysExcludingToday) {
  const core::Date first = Day(2026, 1, 5);
  std::vector<ActivitySummary> activities = {Summary(first, 50, 10000), Summary(first.AddDays(10), 50, 8000)};
  LoadSeries s = BuildLoadSeries(activities, first.AddDays(45));
  EXPECT_DOUBLE_EQ(s.days[0].longest_run_previous_30d_m, 0);
  EXPECT_DOUBLE_EQ(s.days[10].longest_run_previous_30d_m, 10000);
  EXPECT_DOUBLE_EQ(s.days[30].longest_run_previous_30d_m, 10000);  // day 0 is 30 days back
  EXPECT_DOUBLE_EQ(s.days[31].longest_run_previous_30d_m, 8000);
  EXPECT_DOUBLE_EQ(s.days[41].longest_run_previous_30d_m, 0);
  EXPECT_EQ(s.days[10].run_count, 1);
}

TEST(SeriesTest, NonRunsDoNotCountAsLongestRun) {
  const core::Date first = Day(2026, 1, 5);
  std::vector<ActivitySummary> activities = {Summary(first, 50, 60000, core::Sport::kCycling)};
  LoadSeries s = BuildLoadSeries(activities, first.AddDays(3));
  EXPECT_DOUBLE_EQ(s.days[1].longest_run_previous_30d_m, 0);
  EXPECT_DOUBLE_EQ(s.days[0].run_distance_m, 0);
}

TEST(SeriesTest, EmptyOrFutureOnlyInputGivesEmptySeries) {
  EXPECT_TRUE(BuildLoadSeries({}, Day(2026, 1, 1)).days.empty());
  std::vector<ActivitySummary> activities = {Summary(Day(2026, 5, 1), 10)};
  LoadSeries s = BuildLoadSeries(activities, Day(2026, 1, 1));
  EXPECT_TRUE(s.days.empty());
  EXPECT_TRUE(s.weeks.empty());
}

TEST(SeriesTest, EstimatedLoadsMarkTheirDayAndWeek) {
  ActivitySummary a = Summary(Day(2026, 3, 3), 30);
  a.load_estimated = true;
  std::vector<ActivitySummary> activities = {Summary(Day(2026, 3, 2), 20), a};
  LoadSeries s = BuildLoadSeries(activities, Day(2026, 3, 8));
  EXPECT_FALSE(s.days[0].load_estimated);
  EXPECT_TRUE(s.days[1].load_estimated);
  EXPECT_TRUE(s.weeks[0].load_estimated);
}

TEST(SeriesTest, SummarizeActivitiesEstimatesLoadWithoutHeartRate) {
  core::Activity a;
  a.sport = core::Sport::kRunning;
  a.start_time = core::StartOfDay(Day(2026, 3, 2)) + std::chrono::hours(7);
  a.timer_s = 3600;
  a.distance_m = 10000;
  a.perceived_exertion = 3;
  core::Athlete athlete;
  std::vector<core::Activity> activities = {a};
  std::vector<ActivitySummary> out = SummarizeActivities(activities, athlete, 50);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(out[0].load_estimated);
  EXPECT_NEAR(out[0].load, 60 * TrimpPerMinute(0.6, false), 1e-6);
  EXPECT_DOUBLE_EQ(out[0].distance_m, 10000);
  EXPECT_DOUBLE_EQ(out[0].duration_s, 3600);
}

}  // namespace
}  // namespace stride::analysis
