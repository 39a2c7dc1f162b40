// SPDX-License-Identifier: MIT
// Plan sessions to FIT workouts (plan/fit_workout.h): steps, repeats, targets and names, walk-run sessions,
// file names that sort by date and say what they hold, and stable serial numbers. The bytes themselves are
// checked by the encoder's tests and by the Garmin SDK oracle (tests/cli/plan_cli_test.cc).
#include "plan/fit_workout.h"

#include <gtest/gtest.h>

#include "plan/sessions.h"

namespace stride::plan {
namespace {

using core::Date;
using fit::WorkoutStep;

PlanPaces Paces() {
  PlanPaces p;
  p.easy = {400, 380};
  p.recovery = {430, 410};
  p.marathon = {345, 335};
  p.threshold = {325, 315};
  p.interval = {295, 285};
  p.strides = {270, 260};
  return p;
}

TEST(FitWorkoutTest, TempoKeepsWarmupRepeatAndCooldownWithSpeedTargets) {
  const std::optional<Session> tempo = TempoSession(5000, Paces());
  ASSERT_TRUE(tempo.has_value());
  ASSERT_EQ(tempo->title, "Tempo 3 x 8 min");
  const fit::Workout w = ToFitWorkout(*tempo, Date::FromYmd(2027, 1, 14), 42);
  EXPECT_EQ(w.name, "Tempo 3 x 8 min");
  EXPECT_EQ(w.sport, core::Sport::kRunning);
  EXPECT_EQ(w.serial_number, 42u);
  EXPECT_EQ(w.time_created, core::StartOfDay(Date::FromYmd(2027, 1, 14)));
  ASSERT_EQ(w.steps.size(), 3u);
  EXPECT_EQ(w.steps[0].intensity, WorkoutStep::Intensity::kWarmup);
  EXPECT_EQ(w.steps[0].duration, WorkoutStep::Duration::kTime);
  EXPECT_DOUBLE_EQ(w.steps[0].duration_value, 15 * 60);
  EXPECT_EQ(w.steps[0].name, "Warm-up");
  const WorkoutStep& block = w.steps[1];
  EXPECT_EQ(block.repeat_count, 3);
  ASSERT_EQ(block.children.size(), 2u);
  const WorkoutStep& work = block.children[0];
  EXPECT_EQ(work.name, "Threshold");
  EXPECT_EQ(work.duration, WorkoutStep::Duration::kTime);
  EXPECT_DOUBLE_EQ(work.duration_value, 8 * 60);
  EXPECT_EQ(work.target, WorkoutStep::Target::kSpeed);
  EXPECT_NEAR(work.low, 1000.0 / 325, 1e-9);   // the slow end of the band
  EXPECT_NEAR(work.high, 1000.0 / 315, 1e-9);  // the fast end
  EXPECT_EQ(block.children[1].intensity, WorkoutStep::Intensity::kRecovery);
  EXPECT_EQ(block.children[1].name, "Jog");
  EXPECT_EQ(w.steps[2].intensity, WorkoutStep::Intensity::kCooldown);
  EXPECT_EQ(w.steps[2].name, "Cool-down");
}

TEST(FitWorkoutTest, LongRunWithMarathonPaceUsesDistanceSteps) {
  const Session s = LongRun(24000, 8000, Paces(), core::UnitSystem::kKilometres);
  const fit::Workout w = ToFitWorkout(s, Date::FromYmd(2027, 3, 7), 1);
  ASSERT_EQ(w.steps.size(), 3u);
  for (const WorkoutStep& step : w.steps) EXPECT_EQ(step.duration, WorkoutStep::Duration::kDistance);
  EXPECT_DOUBLE_EQ(w.steps[1].duration_value, 8000);
  EXPECT_EQ(w.steps[1].name, "Marathon pace");
  EXPECT_NEAR(w.steps[1].high, 1000.0 / 335, 1e-9);
}

TEST(FitWorkoutTest, WalkRunStepsWithoutTargetsStayOpenAndWalksAreNamed) {
  Session s;
  s.kind = SessionKind::kWalkRun;
  s.title = "Walk-run phase 1";
  Step run, walk, repeat;
  run.duration_s = 180.0;
  walk.type = StepType::kRecovery;
  walk.duration_s = 120.0;
  repeat.type = StepType::kRepeat;
  repeat.count = 5;
  repeat.steps = {run, walk};
  s.steps.push_back(repeat);
  const fit::Workout w = ToFitWorkout(s, Date::FromYmd(2027, 2, 2), 7);
  ASSERT_EQ(w.steps.size(), 1u);
  ASSERT_EQ(w.steps[0].children.size(), 2u);
  EXPECT_EQ(w.steps[0].repeat_count, 5);
  EXPECT_EQ(w.steps[0].children[0].name, "Run");
  EXPECT_EQ(w.steps[0].children[0].target, WorkoutStep::Target::kOpen);
  EXPECT_EQ(w.steps[0].children[1].name, "Walk");
  EXPECT_FALSE(fit::EncodeWorkout(w).empty());
}

TEST(FitWorkoutTest, RunWithoutStepsBecomesOneDistanceStep) {
  Session s;
  s.kind = SessionKind::kEasy;
  s.title = "Easy 5 km";
  s.distance_m = 5000;
  const fit::Workout w = ToFitWorkout(s, Date::FromYmd(2027, 2, 2), 7);
  ASSERT_EQ(w.steps.size(), 1u);
  EXPECT_EQ(w.steps[0].duration, WorkoutStep::Duration::kDistance);
  EXPECT_DOUBLE_EQ(w.steps[0].duration_value, 5000);
}

TEST(FitWorkoutTest, FileNamesSortByDateAndReadLikeTheTitle) {
  const Date day = Date::FromYmd(2026, 5, 7);
  Session s;
  s.kind = SessionKind::kTempo;
  s.title = "Tempo 3 x 8 min";
  EXPECT_EQ(FitWorkoutFileName(day, s), "2026-05-07-tempo-3x8min.fit");
  s.title = "Long run 18.1 km with 7 km at marathon pace";
  EXPECT_EQ(FitWorkoutFileName(day, s), "2026-05-07-long-run-18.1km-with-7km-at-marathon.fit");
  s.title = "Intervals 5 x 1000 m";
  EXPECT_EQ(FitWorkoutFileName(day, s), "2026-05-07-intervals-5x1000m.fit");
  s.title = "Walk-run phase 2";
  EXPECT_EQ(FitWorkoutFileName(day, s), "2026-05-07-walk-run-phase-2.fit");
  s.title = "Ünïcode / run?";
  EXPECT_EQ(FitWorkoutFileName(day, s), "2026-05-07-n-code-run.fit");
  s.title = "";
  EXPECT_EQ(FitWorkoutFileName(day, s), "2026-05-07-tempo.fit");
}

TEST(FitWorkoutTest, SerialNumbersAreStableAndNeverZero) {
  EXPECT_EQ(StableSerialNumber("stride-2027-04-25-2027-01-14-0"), StableSerialNumber("stride-2027-04-25-2027-01-14-0"));
  EXPECT_NE(StableSerialNumber("stride-2027-04-25-2027-01-14-0"), StableSerialNumber("stride-2027-04-25-2027-01-15-0"));
  EXPECT_EQ(StableSerialNumber(""), 2166136261u);  // the FNV-1a offset basis
  EXPECT_NE(StableSerialNumber("a"), 0u);
}

}  // namespace
}  // namespace stride::plan
