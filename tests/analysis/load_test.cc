// SPDX-License-Identifier: MIT
// Banister TRIMP worked examples (SCIENCE.md B1), session RPE, rTSS/hrTSS (B5), heart-rate profile
// estimation and the TRIMP-equivalents for activities without heart rate.
#include "analysis/load.h"

#include <gtest/gtest.h>

#include <cmath>

#include "activity_builders.h"
#include "analysis/vdot.h"

namespace stride::analysis {
namespace {

using testing::AppendSteady;
using testing::Day;
using testing::RunWithSamples;

HeartRateProfile KnownProfile(bool female) {
  HeartRateProfile p;
  p.rest_bpm = 50;
  p.max_bpm = 190;
  p.female = female;
  return p;
}

core::Activity HourAtReserve(double hrr, const HeartRateProfile& p) {
  core::Samples s;
  AppendSteady(&s, 3600, 3.0, p.rest_bpm + hrr * (p.max_bpm - p.rest_bpm));
  return RunWithSamples(Day(2026, 3, 2), s);
}

TEST(LoadTest, TrimpPerMinuteMatchesScienceWorkedExample) {
  // SCIENCE.md B1: 60 min at HRr 0.74 -> male 117.7, female (0.86/1.67) 131.4 AU.
  EXPECT_NEAR(60 * TrimpPerMinute(0.74, false), 117.7, 0.05);
  EXPECT_NEAR(60 * TrimpPerMinute(0.74, true), 131.4, 0.05);
  // Per minute at HRr 1: 4.37 (men), 4.57 (women).
  EXPECT_NEAR(TrimpPerMinute(1.0, false), 4.37, 0.005);
  EXPECT_NEAR(TrimpPerMinute(1.0, true), 4.57, 0.005);
}

TEST(LoadTest, TrimpClampsReserveToUnitInterval) {
  EXPECT_DOUBLE_EQ(TrimpPerMinute(1.4, false), TrimpPerMinute(1.0, false));
  EXPECT_DOUBLE_EQ(TrimpPerMinute(-0.2, false), 0.0);
  HeartRateProfile p = KnownProfile(false);
  EXPECT_DOUBLE_EQ(HeartRateReserveFraction(40, p), 0.0);
  EXPECT_DOUBLE_EQ(HeartRateReserveFraction(200, p), 1.0);
  EXPECT_DOUBLE_EQ(HeartRateReserveFraction(120, p), 0.5);
}

TEST(LoadTest, BanisterTrimpFromSamplesMatchesWorkedExample) {
  for (bool female : {false, true}) {
    HeartRateProfile p = KnownProfile(female);
    ActivityLoad load = ComputeActivityLoad(HourAtReserve(0.74, p), LoadContext{p, core::kNaN});
    EXPECT_EQ(load.method, LoadMethod::kBanisterTrimp);
    EXPECT_FALSE(load.estimated) << load.note;
    EXPECT_NEAR(load.trimp, female ? 131.4 : 117.7, 0.1);
    // hrTSS = 100 * 1 h * (0.74 / 0.83)^2.
    EXPECT_NEAR(load.heart_rate_stress_score, 100 * std::pow(0.74 / 0.83, 2), 0.05);
  }
}

TEST(LoadTest, PartialHeartRateIsScaledAndEstimated) {
  HeartRateProfile p = KnownProfile(false);
  core::Activity a = HourAtReserve(0.74, p);
  for (size_t i = 2400; i < a.samples.size(); ++i) a.samples.heart_rate_bpm[i] = core::kNaN;  // last third lost
  ActivityLoad load = ComputeActivityLoad(a, LoadContext{p, core::kNaN});
  EXPECT_EQ(load.method, LoadMethod::kBanisterTrimp);
  EXPECT_TRUE(load.estimated);
  EXPECT_NEAR(load.trimp, 117.7, 0.2);
  EXPECT_NE(load.note.find("scaled"), std::string::npos);
}

TEST(LoadTest, AverageHeartRateOnlyGivesEstimatedBanister) {
  HeartRateProfile p = KnownProfile(false);
  core::Activity a;
  a.sport = core::Sport::kRunning;
  a.timer_s = 3600;
  a.avg_heart_rate_bpm = 50 + 0.74 * 140;
  ActivityLoad load = ComputeActivityLoad(a, LoadContext{p, core::kNaN});
  EXPECT_EQ(load.method, LoadMethod::kBanisterTrimp);
  EXPECT_TRUE(load.estimated);
  EXPECT_NEAR(load.trimp, 117.7, 0.1);
}

TEST(LoadTest, SessionRpeMapsEasyReferenceToItsTrimp) {
  core::Samples s;
  AppendSteady(&s, 3600, 3.0, core::kNaN);
  core::Activity a = RunWithSamples(Day(2026, 3, 2), s);
  a.perceived_exertion = 3.0;
  ActivityLoad load = ComputeActivityLoad(a, LoadContext{KnownProfile(false), core::kNaN});
  EXPECT_EQ(load.method, LoadMethod::kSessionRpe);
  EXPECT_TRUE(load.estimated);
  EXPECT_NEAR(load.session_rpe_load, 180.0, 1e-9);                 // Foster: 3 x 60 min
  EXPECT_NEAR(load.trimp, 60 * TrimpPerMinute(0.6, false), 1e-6);  // ~72.9 AU
  EXPECT_NEAR(load.trimp, 72.9, 0.1);
}

TEST(LoadTest, PaceEstimateMapsThresholdHourToThresholdTrimp) {
  const double threshold_mps = ThresholdSpeedFromVdot(50);
  EXPECT_NEAR(1000 / threshold_mps, 255, 2);  // T pace 4:15/km at VDOT 50 (SCIENCE.md A3)
  core::Samples s;
  AppendSteady(&s, 3600, threshold_mps, core::kNaN);
  ActivityLoad load =
      ComputeActivityLoad(RunWithSamples(Day(2026, 3, 2), s), LoadContext{KnownProfile(false), threshold_mps});
  EXPECT_EQ(load.method, LoadMethod::kPaceEstimate);
  EXPECT_TRUE(load.estimated);
  EXPECT_NEAR(load.running_stress_score, 100.0, 0.01);
  EXPECT_NEAR(load.trimp, 60 * TrimpPerMinute(kThresholdHeartRateReserve, false), 0.01);
}

TEST(LoadTest, DurationEstimateWithoutHeartRateRpeOrThreshold) {
  core::Activity a;
  a.sport = core::Sport::kCycling;
  a.timer_s = 5400;
  ActivityLoad load = ComputeActivityLoad(a, LoadContext{KnownProfile(false), core::kNaN});
  EXPECT_EQ(load.method, LoadMethod::kDurationEstimate);
  EXPECT_TRUE(load.estimated);
  EXPECT_NEAR(load.trimp, 90 * TrimpPerMinute(0.6, false), 1e-6);
  core::Activity empty;
  ActivityLoad none = ComputeActivityLoad(empty, LoadContext{KnownProfile(false), core::kNaN});
  EXPECT_EQ(none.trimp, 0.0);
  EXPECT_EQ(none.method, LoadMethod::kDurationEstimate);
}

TEST(LoadTest, RunningStressScoreMatchesTrainingPeaksExample) {
  // SCIENCE.md B5: FTPace 4:30/km, pace 5:00/km -> IF 0.9; 30 min -> 40.5 rTSS.
  EXPECT_NEAR(RunningStressScore(1800, 1000.0 / 300, 1000.0 / 270), 40.5, 1e-9);
  EXPECT_TRUE(std::isnan(RunningStressScore(1800, 3.0, core::kNaN)));
  EXPECT_NEAR(HeartRateStressScore(3600, 0.83), 100.0, 1e-9);
}

TEST(LoadTest, ProfileEstimatesMissingValuesAndSaysWhy) {
  core::Athlete athlete;
  athlete.birth_year = 1990;
  HeartRateProfile p = ResolveHeartRateProfile(athlete, Day(2030, 6, 1), 175);
  EXPECT_NEAR(p.max_bpm, 208 - 0.7 * 40, 1e-9);  // Tanaka at age 40: 180
  EXPECT_DOUBLE_EQ(p.rest_bpm, kDefaultRestingHeartRateBpm);
  EXPECT_FALSE(p.female);
  EXPECT_TRUE(p.estimated);
  EXPECT_NE(p.note.find("sex not set"), std::string::npos);
  EXPECT_NE(p.note.find("max HR not set"), std::string::npos);
  EXPECT_NE(p.note.find("resting HR not set"), std::string::npos);
  // A higher observed HR wins: the age formula would put HRmax below a value already reached.
  EXPECT_DOUBLE_EQ(ResolveHeartRateProfile(athlete, Day(2030, 6, 1), 186).max_bpm, 186);
  core::Athlete no_age;
  EXPECT_DOUBLE_EQ(ResolveHeartRateProfile(no_age, Day(2030, 6, 1), 181).max_bpm, 181);
  EXPECT_TRUE(std::isnan(ResolveHeartRateProfile(no_age, Day(2030, 6, 1), core::kNaN).max_bpm));
}

TEST(LoadTest, GivenProfileIsNotEstimated) {
  core::Athlete athlete;
  athlete.sex = core::Sex::kFemale;
  athlete.hr_max_bpm = 185;
  athlete.hr_rest_bpm = 48;
  HeartRateProfile p = ResolveHeartRateProfile(athlete, Day(2030, 6, 1), 200);
  EXPECT_FALSE(p.estimated);
  EXPECT_TRUE(p.female);
  EXPECT_DOUBLE_EQ(p.max_bpm, 185);
  EXPECT_DOUBLE_EQ(p.rest_bpm, 48);
}

TEST(LoadTest, EstimatedProfileMarksBanisterLoadEstimated) {
  core::Athlete athlete;  // nothing known
  HeartRateProfile p = ResolveHeartRateProfile(athlete, Day(2030, 6, 1), 190);
  core::Samples s;
  AppendSteady(&s, 1800, 3.0, 150);
  ActivityLoad load = ComputeActivityLoad(RunWithSamples(Day(2030, 6, 1), s), LoadContext{p, core::kNaN});
  EXPECT_EQ(load.method, LoadMethod::kBanisterTrimp);
  EXPECT_TRUE(load.estimated);
  EXPECT_NE(load.note.find("male TRIMP constants"), std::string::npos);
}

TEST(LoadTest, MethodNamesAreStable) {
  EXPECT_STREQ(LoadMethodName(LoadMethod::kBanisterTrimp), "banister_trimp");
  EXPECT_STREQ(LoadMethodName(LoadMethod::kSessionRpe), "session_rpe");
  EXPECT_STREQ(LoadMethodName(LoadMethod::kPaceEstimate), "pace_estimate");
  EXPECT_STREQ(LoadMethodName(LoadMethod::kDurationEstimate), "duration_estimate");
}

}  // namespace
}  // namespace stride::analysis
