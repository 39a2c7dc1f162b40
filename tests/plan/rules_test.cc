// SPDX-License-Identifier: MIT
// The coaching rules of rules.h, paces.h and week_layout.h, with the values SCIENCE.md gives.
#include "plan/rules.h"

#include <gtest/gtest.h>

#include <bit>

#include "plan/paces.h"
#include "plan/week_layout.h"
#include "testing/status_matchers.h"

namespace stride::plan {
namespace {

TEST(RulesTest, WeeklyCapIsTenPercentAboveTheHighestEarlierWeek) {
  EXPECT_DOUBLE_EQ(WeeklyVolumeCap(40000), 44000);  // C1 [buist-2008-gronorun]
}

TEST(RulesTest, RunSpikeCapIsTenPercentAboveTheLongestRunOfThirtyDays) {
  EXPECT_DOUBLE_EQ(RunSpikeCap(12000), 13200);  // C3 [nielsen-2025-spike]
  EXPECT_EQ(kSpikeWindowDays, 30);
}

TEST(RulesTest, CutbackEveryFourthWeekButNotBeforeTheTaper) {
  EXPECT_FALSE(IsCutbackWeek(0, 16));
  EXPECT_FALSE(IsCutbackWeek(2, 16));
  EXPECT_TRUE(IsCutbackWeek(3, 16));
  EXPECT_TRUE(IsCutbackWeek(7, 16));
  EXPECT_FALSE(IsCutbackWeek(15, 15));  // the last week before the taper
  EXPECT_GE(1 - kCutbackFactor, 0.20);
  EXPECT_LE(1 - kCutbackFactor, 0.30);
}

TEST(RulesTest, LongRunShareAllowsHalfTheWeekForLowVolumeUpTo32Km) {
  EXPECT_DOUBLE_EQ(LongRunShareCap(40000), 20000);   // exception: 50 %
  EXPECT_DOUBLE_EQ(LongRunShareCap(64000), 32000);   // Higdon's 20 mi in a 40 mi week
  EXPECT_DOUBLE_EQ(LongRunShareCap(80000), 32000);   // the exception never exceeds 32 km
  EXPECT_DOUBLE_EQ(LongRunShareCap(120000), 36000);  // Daniels' 30 % takes over [daniels-2014-formula]
}

TEST(RulesTest, LongRunTargetsByDistance) {
  EXPECT_DOUBLE_EQ(PeakLongRunM(core::kMarathonMetres), 32000);
  EXPECT_DOUBLE_EQ(MinLongRunM(core::kMarathonMetres), 26000);
  EXPECT_NEAR(PeakLongRunM(core::kHalfMarathonMetres), 18988, 1);
  EXPECT_NEAR(MinLongRunM(core::kHalfMarathonMetres), 13713, 1);
}

TEST(RulesTest, PerSessionCapsFollowDaniels) {
  EXPECT_DOUBLE_EQ(MaxThresholdWorkM(50000), 5000);
  EXPECT_DOUBLE_EQ(MaxIntervalWorkM(50000), 4000);
  EXPECT_DOUBLE_EQ(MaxIntervalWorkM(200000), 10000);
  EXPECT_NEAR(MaxMarathonPaceWorkM(300), 22000, 1e-6);          // 110 min at 5:00/km
  EXPECT_NEAR(MaxMarathonPaceWorkM(200), 18 * 1609.344, 1e-6);  // 18 mi is the lesser
}

TEST(RulesTest, TaperCutsBetweenFortyAndSixtyPercentExponentially) {
  double sum = 0;
  for (int j = 0; j <= kTaperWeeks; ++j) {
    sum += TaperFactor(j);
    if (j > 0) {
      EXPECT_LT(TaperFactor(j), TaperFactor(j - 1));
    }
  }
  const double cut = 1 - sum / (kTaperWeeks + 1);
  EXPECT_GE(cut, kTaperMinCut);  // C5 [bosquet-2007-taper]: -41 to -60 %
  EXPECT_LE(cut, kTaperMaxCut);
}

TEST(RulesTest, DistancesRoundDownToHundredMetres) {
  EXPECT_DOUBLE_EQ(RoundDownDistance(13299.9), 13200);
  EXPECT_DOUBLE_EQ(RoundDownDistance(3000 - 1e-10), 3000);
  EXPECT_DOUBLE_EQ(RoundDownDistance(-5), 0);
}

TEST(RulesTest, PeakVolumeGrowsWithTheGoalAndNeverCutsCurrentVolume) {
  EXPECT_DOUBLE_EQ(DesiredPeakWeeklyM(core::kMarathonMetres, std::nullopt, 25000), kMarathonFinishPeakWeeklyM);
  EXPECT_GT(DesiredPeakWeeklyM(core::kMarathonMetres, 50, 25000), kMarathonFinishPeakWeeklyM);
  EXPECT_DOUBLE_EQ(DesiredPeakWeeklyM(core::kMarathonMetres, std::nullopt, 90000), 90000);
  EXPECT_LE(DesiredPeakWeeklyM(core::kMarathonMetres, 85, 0), kMaxPeakWeeklyM);
}

TEST(PacesTest, BandsAreOrderedFromEasyToStridesAcrossFitness) {
  for (double vdot = 20; vdot <= 85; vdot += 0.5) {
    const PlanPaces p = PacesForVdot(vdot);
    const PaceRange order[] = {p.recovery, p.easy, p.marathon, p.threshold, p.interval, p.strides};
    for (size_t i = 0; i < std::size(order); ++i) {
      EXPECT_GE(order[i].slow_s_per_km, order[i].fast_s_per_km) << vdot;
      if (i > 0) {
        EXPECT_GE(order[i - 1].fast_s_per_km, order[i].slow_s_per_km) << vdot << " band " << i;
      }
    }
  }
}

TEST(PacesTest, GoalWithinFitnessSetsThePaces) {
  auto choice = ChoosePaces(core::kMarathonMetres, 4.5 * 3600, 37.8);
  ASSERT_OK(choice);
  EXPECT_TRUE(choice->warnings.empty());
  EXPECT_NEAR(choice->paces.vdot, *choice->goal_vdot, 1e-9);
  EXPECT_NEAR(*choice->goal_vdot, 32.8, 0.05);
}

TEST(PacesTest, GoalBeyondFitnessKeepsCurrentPacesAndWarns) {
  auto choice = ChoosePaces(core::kHalfMarathonMetres, 90 * 60, 40);  // a 1:30 half needs VDOT ~51
  ASSERT_OK(choice);
  EXPECT_DOUBLE_EQ(choice->paces.vdot, 40);
  ASSERT_EQ(choice->warnings.size(), 1u);
  EXPECT_NE(choice->warnings[0].find("predicts 1:50:"), std::string::npos) << choice->warnings[0];
}

TEST(PacesTest, ImplausibleGoalIsRejected) {
  auto choice = ChoosePaces(core::kMarathonMetres, 3600, 40);
  ASSERT_FALSE(choice.has_value());
  EXPECT_EQ(choice.error().code, core::ErrorCode::kInvalidArgument);
}

// Days of a Monday-first week: bit 0 = Monday.
constexpr DayMask kTue = 1u << 1, kThu = 1u << 3, kSat = 1u << 5, kSun = 1u << 6;

TEST(WeekLayoutTest, SamsWeekKeepsHardDaysApartAndStrengthAwayFromKeySessions) {
  WeekContext c;
  c.run_candidates = kTue | kThu | kSat | kSun;
  c.long_day = 6;
  c.quality_wanted = 1;
  const WeekLayout layout = LayOutWeek(c);
  EXPECT_TRUE(layout.has_long);
  EXPECT_EQ(layout.runs, c.run_candidates);
  ASSERT_EQ(std::popcount(layout.quality), 1);
  const DayMask hard = layout.quality | kSun;
  EXPECT_EQ(hard & (hard << 1), 0u);
  EXPECT_EQ(std::popcount(layout.strength), 2);
  EXPECT_EQ(layout.strength & (layout.strength << 1), 0u);
  EXPECT_EQ(layout.strength & (hard | (hard >> 1)), 0u);    // not on or before a key day
  EXPECT_NE(0x7Fu & ~(layout.runs | layout.strength), 0u);  // a full rest day
}

// JOURNEY.md: Sam runs Tue/Thu/Sat/Sun, long on Sunday after last Sunday's long run. The tempo goes on
// Thursday (4 days after one long run, 3 before the next), not Tuesday (2 days after); Monday stays free.
TEST(WeekLayoutTest, SamsQualityFallsOnThursdayBetweenTheLongRuns) {
  WeekContext c;
  c.run_candidates = kTue | kThu | kSat | kSun;
  c.long_day = 6;
  c.prev_day_hard = true;
  c.prev_hard_days_before = 1;
  c.next_key_days_after = 7;
  c.quality_wanted = 1;
  const WeekLayout layout = LayOutWeek(c);
  EXPECT_EQ(layout.quality, kThu);
  EXPECT_EQ(layout.runs, c.run_candidates);
  EXPECT_EQ(layout.strength, kTue | (1u << 4));  // Tuesday with the easy run, and Friday
  EXPECT_EQ(layout.strength & 1u, 0u);           // Monday: rest after the long run
}

TEST(WeekLayoutTest, QualityKeepsClearOfAHardDayJustBeforeTheWeek) {
  WeekContext c;
  c.run_candidates = 0x7F & ~1u;  // Tuesday to Sunday
  c.prev_hard_days_before = 2;    // a long run last Saturday
  c.quality_wanted = 1;
  const WeekLayout layout = LayOutWeek(c);
  ASSERT_EQ(std::popcount(layout.quality), 1);
  EXPECT_EQ(layout.quality & kTue, 0u);  // 3 days after the long run at least
}

TEST(WeekLayoutTest, SevenTrainingDaysLeaveOneRestDay) {
  WeekContext c;
  c.run_candidates = 0x7F;
  c.long_day = 6;
  const WeekLayout layout = LayOutWeek(c);
  EXPECT_EQ(std::popcount(layout.runs), 6);
  EXPECT_TRUE(layout.has_long);
  EXPECT_NE(0x7Fu & ~(layout.runs | layout.strength), 0u);
}

TEST(WeekLayoutTest, RespectsTheDaysAroundTheWeek) {
  WeekContext c;
  c.run_candidates = kTue | kThu | kSat | kSun;
  c.prev_day_strength = true;  // no strength on Monday, no quality on Monday
  c.next_day_key = true;       // no strength or quality on Sunday
  c.quality_wanted = 1;
  const WeekLayout layout = LayOutWeek(c);
  EXPECT_EQ(layout.strength & 1u, 0u);
  EXPECT_EQ(layout.strength & kSun, 0u);
  EXPECT_EQ(layout.quality & kSun, 0u);
}

}  // namespace
}  // namespace stride::plan
