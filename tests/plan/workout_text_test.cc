// SPDX-License-Identifier: MIT
// intervals.icu workout text (FORMATS.md 7.2) for the sessions the generator builds.
#include "plan/workout_text.h"

#include <gtest/gtest.h>

#include "plan/paces.h"
#include "plan/sessions.h"

namespace stride::plan {
namespace {

Step Timed(StepType type, double s, PaceRange pace) {
  Step step;
  step.type = type;
  step.duration_s = s;
  step.pace = pace;
  return step;
}

TEST(IntervalsIcuTextTest, WritesWarmupRepeatsAndCooldownLikeTheGuide) {
  const PaceRange easy{400, 370}, threshold{315, 305}, jog{390, 390};
  Session s;
  s.kind = SessionKind::kTempo;
  s.steps.push_back(Timed(StepType::kWarmup, 15 * 60, easy));
  Step repeat;
  repeat.type = StepType::kRepeat;
  repeat.count = 3;
  repeat.steps = {Timed(StepType::kWork, 8 * 60, threshold), Timed(StepType::kRecovery, 120, jog)};
  s.steps.push_back(repeat);
  s.steps.push_back(Timed(StepType::kCooldown, 10 * 60, easy));
  EXPECT_EQ(IntervalsIcuText(s, core::UnitSystem::kKilometres),
            "Warmup\n- 15m 6:10-6:40/km Pace\n\nMain Set 3x\n- 8m 5:05-5:15/km Pace\n- 2m 6:30/km Pace\n\n"
            "Cooldown\n- 10m 6:10-6:40/km Pace");
}

TEST(IntervalsIcuTextTest, WritesDistancesInMetresKilometresAndMiles) {
  const PlanPaces paces = PacesForVdot(40);
  auto intervals = IntervalSession(4000, 800, paces);
  ASSERT_TRUE(intervals.has_value());
  const std::string km = IntervalsIcuText(*intervals, core::UnitSystem::kKilometres);
  EXPECT_NE(km.find("Main Set 5x\n- 800mtr "), std::string::npos) << km;
  EXPECT_NE(km.find("/km Pace"), std::string::npos);
  const Session easy = EasyRun(8046.72, paces, core::UnitSystem::kMiles);  // 5 miles
  EXPECT_EQ(IntervalsIcuText(easy, core::UnitSystem::kMiles).substr(0, 15), "Main Set\n- 5mi ");
  EXPECT_EQ(IntervalsIcuText(EasyRun(12500, paces, core::UnitSystem::kKilometres), core::UnitSystem::kKilometres).substr(0, 18),
            "Main Set\n- 12.5km ");
}

TEST(IntervalsIcuTextTest, ConvertsPacesToMinutesPerMile) {
  Session s;
  s.steps.push_back(Timed(StepType::kWork, 3600 + 30 * 60 + 5, PaceRange{372.82, 372.82}));  // 10:00/mi
  EXPECT_EQ(IntervalsIcuText(s, core::UnitSystem::kMiles), "Main Set\n- 1h30m5s 10:00/mi Pace");
}

TEST(IntervalsIcuTextTest, SessionWithoutStepsGivesEmptyText) {
  EXPECT_EQ(IntervalsIcuText(StrengthSession(), core::UnitSystem::kKilometres), "");
  EXPECT_EQ(IntervalsIcuText(RestSession(), core::UnitSystem::kKilometres), "");
}

}  // namespace
}  // namespace stride::plan
