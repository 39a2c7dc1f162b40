// SPDX-License-Identifier: MIT
// The injury outlook as the plan sees it (app/plan_injury.h): property tests over generated injuries (sites,
// onset dates, red flags, pain logs) -> care::ProjectRehab -> ToReturnSchedule -> plan::ReplanAroundInjury.
// No run while a red flag is active or while care/ says stop_running; walk-run only in return weeks.
#include "app/plan_injury.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>

#include "care/rehab.h"
#include "plan/injury_replan.h"
#include "testing/status_matchers.h"

namespace stride::app {
namespace {

using core::Date;
using core::Weekday;

plan::PlanRequest Request(Date start) {
  plan::PlanRequest r;
  r.athlete.training_days = {Weekday::kTuesday, Weekday::kThursday, Weekday::kSaturday, Weekday::kSunday};
  r.athlete.long_run_day = Weekday::kSunday;
  r.start = start;
  r.race_date = start.AddDays(7 * 16 + 6);
  r.current_weekly_m = 40000;
  r.longest_recent_run_m = 18000;
  r.vdot = 40;
  return r;
}

class InjuryFactory {
 public:
  explicit InjuryFactory(uint32_t seed) : rng_(seed) {}

  care::Injury Injury(Date today) {
    care::Injury i;
    i.id = 1;
    i.site = static_cast<care::InjurySite>(Int(0, static_cast<int>(care::InjurySite::kOther)));
    if (Int(0, 1)) i.side = care::Side::kRight;
    i.onset_date = today.AddDays(-Int(0, 40));
    i.pain = Int(1, 8);
    if (Int(0, 5) == 0) i.pain_night = true;
    if (Int(0, 5) == 0) i.swelling = true;
    if (Int(0, 3) == 0) i.red_flags_cleared_on = i.onset_date.AddDays(Int(0, 10));
    return i;
  }

  std::vector<care::PainLog> Logs(const care::Injury& injury, Date today) {
    std::vector<care::PainLog> logs;
    for (Date d = injury.onset_date; d <= today; d = d.AddDays(1)) {
      if (Int(0, 3) == 0) continue;
      const bool bad = Int(0, 6) == 0;
      care::PainLog log{injury.id, d, bad ? Int(6, 8) : Int(0, 2), Int(0, 3), bad ? 3 : 0, 30.0, care::HopTest::kPass};
      logs.push_back(log);
    }
    return logs;
  }

 private:
  int Int(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  std::mt19937 rng_;
};

bool HasRun(const plan::PlanDay& d) {
  for (const plan::Session& s : d.sessions) {
    if (plan::IsRun(s.kind)) return true;
  }
  return false;
}

TEST(PlanInjuryPropertyTest, NoRunWhileCareSaysStopAndWalkRunOnlyInReturnWeeks) {
  InjuryFactory factory(20260504);
  const Date today = Date::FromYmd(2026, 5, 4);
  int red_flags = 0, returns = 0;
  for (int i = 0; i < 150 && !::testing::Test::HasFailure(); ++i) {
    const care::Injury injury = factory.Injury(today);
    const std::vector<care::PainLog> logs = factory.Logs(injury, today);
    const care::RehabOutlook outlook = care::ProjectRehab(injury, logs, today);
    const auto schedule = ToReturnSchedule(injury, outlook, today);
    if (!schedule) continue;
    red_flags += schedule->needs_clinician;
    const plan::PlanRequest request = Request(today);
    auto p = plan::ReplanAroundInjury(request, *schedule);
    ASSERT_OK(p);
    for (const plan::PlanWeek& w : p->weeks) {
      for (const plan::PlanDay& d : w.days) {
        const care::RehabState state = care::ComputeRehab(injury, logs, std::min(d.date, today));
        if (!state.red_flags.empty() || (d.date == today && state.stop_running) || d.date < schedule->running_resumes) {
          EXPECT_FALSE(HasRun(d)) << "case " << i << " " << core::FormatDate(d.date);
        }
        for (const plan::Session& s : d.sessions) {
          if (s.kind != plan::SessionKind::kWalkRun) continue;
          ++returns;
          EXPECT_EQ(w.phase, plan::Phase::kReturn) << "case " << i;
        }
      }
    }
  }
  EXPECT_GT(red_flags, 0);
  EXPECT_GT(returns, 0);
}

TEST(PlanInjuryTest, AFreshItBandBecomesAScheduleWithWalkRunSessions) {
  const Date today = Date::FromYmd(2026, 5, 4);
  care::Injury injury;
  injury.id = 7;
  injury.site = care::InjurySite::kItBand;
  injury.side = care::Side::kRight;
  injury.onset_date = today;
  injury.pain = 4;
  const auto schedule = ToReturnSchedule(injury, care::ProjectRehab(injury, {}, today), today);
  ASSERT_TRUE(schedule.has_value());
  EXPECT_EQ(schedule->injury, "it-band (right)");
  EXPECT_FALSE(schedule->needs_clinician);
  EXPECT_GT(schedule->running_resumes, today);
  EXPECT_GT(schedule->full_training_resumes, schedule->running_resumes);
  ASSERT_FALSE(schedule->sessions.empty());
  EXPECT_GE(schedule->sessions.front().date, schedule->running_resumes);
  EXPECT_LE(schedule->sessions.front().date, schedule->running_resumes.AddDays(1));
  EXPECT_EQ(schedule->sessions.front().walk_min, 2);
  EXPECT_EQ(schedule->sessions.front().run_min, 3);
  EXPECT_EQ(schedule->sessions.back().walk_min, 0);  // the last phase is continuous running
}

TEST(PlanInjuryTest, ARedFlagNeedsAClinicianAndNoInjuryGivesNoSchedule) {
  const Date today = Date::FromYmd(2026, 5, 4);
  care::Injury injury;
  injury.site = care::InjurySite::kShin;
  injury.onset_date = today;
  injury.pain = 8;
  auto schedule = ToReturnSchedule(injury, care::ProjectRehab(injury, {}, today), today);
  ASSERT_TRUE(schedule.has_value());
  EXPECT_TRUE(schedule->needs_clinician);
  injury.resolved_on = today;
  EXPECT_FALSE(ToReturnSchedule(injury, care::ProjectRehab(injury, {}, today), today).has_value());
}

TEST(PlanInjuryTest, AFreshInjuryRulesOutHeatInTheDayContext) {
  const Date today = Date::FromYmd(2026, 5, 4);
  care::Injury injury;
  injury.site = care::InjurySite::kBoneStress;
  injury.onset_date = today;
  care::DayContext ctx;
  ctx.date = today.AddDays(1);
  AddInjuryFacts({injury}, ctx);
  EXPECT_TRUE(ctx.hours_since_acute_injury.has_value());
  EXPECT_TRUE(ctx.bone_stress_injury);
  care::DayContext later;
  later.date = today.AddDays(10);
  AddInjuryFacts({injury}, later);
  EXPECT_FALSE(later.hours_since_acute_injury.has_value());
}

}  // namespace
}  // namespace stride::app
