// SPDX-License-Identifier: MIT
// VDOT from races (SCIENCE.md A2 reverse vectors), declared races, discounted best efforts, the current
// estimate, the 4-weekly trend and predictions.
#include "analysis/fitness.h"

#include <gtest/gtest.h>

#include <cmath>

#include "activity_builders.h"
#include "analysis/vdot.h"
#include "testing/status_matchers.h"

namespace stride::analysis {
namespace {

using testing::AppendSteady;
using testing::Day;
using testing::RunWithSamples;

const core::Date kAsOf = Day(2026, 6, 28);

FitnessInput Race(core::Date date, double distance_m, double time_s) {
  FitnessInput in;
  in.date = date;
  in.is_race = true;
  in.distance_m = distance_m;
  in.elapsed_s = time_s;
  return in;
}

FitnessInput Effort(core::Date date, double distance_m, double time_s) {
  FitnessInput in;
  in.date = date;
  BestEffort e;
  e.distance_m = distance_m;
  e.found = true;
  e.time_s = time_s;
  in.best_efforts.push_back(e);
  return in;
}

TEST(FitnessTest, RaceActivityGivesUndiscountedVdot) {
  std::vector<FitnessInput> in = {Race(kAsOf.AddDays(-10), 5000, 19 * 60 + 57)};
  FitnessSummary f = AssessFitness(in, {}, kAsOf);
  ASSERT_TRUE(f.current.has_value());
  EXPECT_NEAR(f.current->vdot, 49.95, 0.05);  // SCIENCE.md A2 reverse vector
  EXPECT_EQ(f.current->source, VdotSource::kRaceActivity);
  EXPECT_FALSE(f.current_is_stale);
}

TEST(FitnessTest, BestEffortIsDiscounted) {
  std::vector<FitnessInput> in = {Effort(kAsOf.AddDays(-3), 5000, 19 * 60 + 57)};
  FitnessSummary f = AssessFitness(in, {}, kAsOf);
  ASSERT_TRUE(f.current.has_value());
  EXPECT_NEAR(f.current->vdot, 49.95 * kTrainingEffortVdotFactor, 0.05);
  EXPECT_EQ(f.current->source, VdotSource::kBestEffort);
}

TEST(FitnessTest, TooShortEffortsAreSkipped) {
  std::vector<FitnessInput> in = {Effort(kAsOf, 1000, 200)};  // under 1200 m
  EXPECT_TRUE(AssessFitness(in, {}, kAsOf).history.empty());
}

TEST(FitnessTest, DeclaredRacesCountUndatedOnesAsCurrent) {
  core::RaceResult ten_k{core::Distance::Km(10), 50 * 60 + 3, std::nullopt};
  std::vector<core::RaceResult> races = {ten_k};
  FitnessSummary f = AssessFitness({}, races, kAsOf);
  ASSERT_TRUE(f.current.has_value());
  EXPECT_NEAR(f.current->vdot, 39.97, 0.05);
  EXPECT_EQ(f.current->date, kAsOf);
  EXPECT_EQ(f.current->source, VdotSource::kDeclaredRace);
}

TEST(FitnessTest, CurrentIsBestInWindowElseMostRecentAndStale) {
  std::vector<FitnessInput> in = {Race(kAsOf.AddDays(-200), 5000, 18 * 60), Race(kAsOf.AddDays(-20), 5000, 21 * 60),
                                  Effort(kAsOf.AddDays(-5), 5000, 20 * 60)};
  FitnessSummary f = AssessFitness(in, {}, kAsOf);
  ASSERT_TRUE(f.current.has_value());
  EXPECT_EQ(f.current->date, kAsOf.AddDays(-5));  // 20:00 x 0.97 beats the 21:00 race; 18:00 is too old
  EXPECT_EQ(f.history.size(), 3u);
  std::vector<FitnessInput> old = {Race(kAsOf.AddDays(-200), 5000, 18 * 60), Race(kAsOf.AddDays(-190), 5000, 22 * 60)};
  FitnessSummary stale = AssessFitness(old, {}, kAsOf);
  EXPECT_TRUE(stale.current_is_stale);
  EXPECT_EQ(stale.current->date, kAsOf.AddDays(-190));
}

TEST(FitnessTest, EasyTrainingDoesNotLowerARecentRace) {
  // Sam's 10k of 52:30 fourteen weeks ago, and since then only easy runs (a 10 km best effort at 7:00/km).
  const FitnessInput race = Race(kAsOf.AddDays(-99), 10000, 52 * 60 + 30);
  const FitnessInput easy = Effort(kAsOf.AddDays(-3), 10000, 70 * 60);
  std::vector<FitnessInput> in = {race, easy};
  FitnessSummary f = AssessFitness(in, {}, kAsOf);
  ASSERT_TRUE(f.current.has_value());
  EXPECT_EQ(f.current->date, race.date);
  EXPECT_FALSE(f.current_is_stale);
  // A faster training effort raises it; a race older than 26 weeks no longer holds it up.
  std::vector<FitnessInput> faster = {race, Effort(kAsOf.AddDays(-3), 10000, 48 * 60)};
  EXPECT_EQ(AssessFitness(faster, {}, kAsOf).current->date, kAsOf.AddDays(-3));
  std::vector<FitnessInput> old = {Race(kAsOf.AddDays(-(kRaceFitnessWindowDays + 1)), 10000, 52 * 60 + 30), easy};
  EXPECT_EQ(AssessFitness(old, {}, kAsOf).current->date, easy.date);
}

TEST(FitnessTest, TrendSlopeIsChangePerFourWeeks) {
  std::vector<FitnessInput> in;
  for (int k = 0; k < kTrendBlockCount; ++k) {
    const double vdot = 40 + k;  // one VDOT point per 4-week block
    in.push_back(
        Race(kAsOf.AddDays(-(kTrendBlockCount - 1 - k) * kTrendBlockDays), 10000, PredictRaceTime(vdot, 10000)));
  }
  FitnessSummary f = AssessFitness(in, {}, kAsOf);
  ASSERT_EQ(f.trend.size(), static_cast<size_t>(kTrendBlockCount));
  EXPECT_EQ(f.trend.back().end, kAsOf);
  EXPECT_NEAR(f.trend.front().best_vdot, 40, 0.01);
  EXPECT_NEAR(f.vdot_change_per_4_weeks, 1.0, 0.01);
  EXPECT_TRUE(std::isnan(AssessFitness({}, {}, kAsOf).vdot_change_per_4_weeks));
}

TEST(FitnessTest, PredictsFromCurrentEstimate) {
  std::vector<FitnessInput> in = {Race(kAsOf, 42195, PredictRaceTime(50, 42195))};
  FitnessSummary f = AssessFitness(in, {}, kAsOf);
  Result<double> marathon = PredictFromFitness(f, 42195);
  ASSERT_OK(marathon);
  EXPECT_NEAR(*marathon, 3 * 3600 + 10 * 60 + 49, 35);  // SCIENCE.md A2: VDOT 50 marathon 3:10:49 (+-35 s)
  Result<double> none = PredictFromFitness(FitnessSummary{}, 42195);
  ASSERT_FALSE(none.has_value());
  EXPECT_EQ(none.error().code, core::ErrorCode::kNotFound);
}

TEST(FitnessTest, InputFromActivityFindsBestEffortsInRuns) {
  core::Samples s;
  AppendSteady(&s, 600, 3.0, core::kNaN);
  AppendSteady(&s, 1250, 4.0, core::kNaN);  // 5 km in 20:50
  core::Activity run = RunWithSamples(kAsOf, s);
  FitnessInput in = FitnessInputFromActivity(run, false);
  ASSERT_EQ(in.best_efforts.size(), kBestEffortDistancesM.size());
  EXPECT_NEAR(in.best_efforts[1].time_s, 1250, 1e-6);
  run.sport = core::Sport::kCycling;
  EXPECT_TRUE(FitnessInputFromActivity(run, false).best_efforts.empty());
}

}  // namespace
}  // namespace stride::analysis
