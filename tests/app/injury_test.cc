// SPDX-License-Identifier: MIT
// What the injury commands of app/injury.h do to the saved plan (app::PlanReaction), on an in-memory
// database with Sam's runs written in code: a new injury re-makes the plan, a log that changes nothing
// leaves it alone, and a plan that cannot be re-made is left as it was and says why. Also that the runs
// before the injury count under the spike rule when the break is short.
#include "app/injury.h"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <vector>

#include "app/athlete.h"
#include "app/plan.h"
#include "plan/rules.h"
#include "store/activity_repository.h"
#include "store/database.h"
#include "store/plan_repository.h"
#include "testing/status_matchers.h"

namespace stride::app {
namespace {

using core::Date;
using core::Weekday;
using Outcome = PlanReaction::Outcome;
using ::testing::HasSubstr;

const Date kStart = Date::FromYmd(2026, 11, 30);  // a Monday, 21 weeks before the race
const Date kRace = Date::FromYmd(2027, 4, 25);

class InjuryPlanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = store::Database::Open(":memory:");
    ASSERT_OK(db);
    db_.emplace(std::move(*db));
  }

  void Profile(bool declared_volume) {
    AthleteChanges c;
    c.name = "Sam";
    if (declared_volume) {
      c.weekly_distance_m = 25000;
      c.longest_run_m = 12000;
    }
    c.training_days = std::vector<Weekday>{Weekday::kTuesday, Weekday::kThursday, Weekday::kSaturday,
                                           Weekday::kSunday};
    c.long_run_day = Weekday::kSunday;
    ASSERT_OK(UpdateAthlete(*db_, c, kStart));
  }

  // Sam's weeks: 4, 5 and 4 km midweek, `long_m` on Sundays, over [from, to).
  void RunWeeks(Date from, Date to, double long_m) {
    for (Date d = from; d < to; d = d.AddDays(1)) {
      const Weekday w = d.weekday();
      if (w == Weekday::kTuesday || w == Weekday::kSaturday) Run(d, 4000);
      if (w == Weekday::kThursday) Run(d, 5000);
      if (w == Weekday::kSunday) Run(d, long_m);
    }
  }

  void Run(Date date, double distance_m) {
    core::Activity a;
    a.sport = core::Sport::kRunning;
    a.start_time = core::StartOfDay(date) + std::chrono::hours(8);
    a.utc_offset_s = 0;
    a.distance_m = distance_m;
    a.timer_s = distance_m * 0.4;
    a.elapsed_s = a.timer_s;
    ASSERT_OK(store::InsertActivity(*db_, a, fmt::format("hash-{}-{}", core::FormatDate(date), distance_m), "test"));
  }

  care::Injury ItBand(Date onset) {
    care::Injury i;
    i.site = care::InjurySite::kItBand;
    i.side = care::Side::kLeft;
    i.onset_date = onset;
    i.pain = 4;
    return i;
  }

  int LatestVersion() {
    auto latest = store::LoadLatestPlanVersion(*db_);
    EXPECT_OK(latest);
    return latest && *latest ? (*latest)->version : 0;
  }

  std::optional<store::Database> db_;
};

TEST_F(InjuryPlanTest, AnInjuryRemakesThePlanAndALogThatChangesNothingDoesNot) {
  Profile(true);
  RunWeeks(kStart.AddDays(-42), kStart, 12000);
  ASSERT_OK(NewPlan(*db_, {kRace, core::kMarathonMetres, std::nullopt, kStart}, kStart));
  auto added = AddInjury(*db_, ItBand(kStart.AddDays(3)));
  ASSERT_OK(added);
  EXPECT_EQ(added->plan.outcome, Outcome::kReplanned);
  EXPECT_EQ(added->plan.version, 2);
  EXPECT_THAT(added->plan.why, HasSubstr("injury it-band (left) added"));
  EXPECT_EQ(LatestVersion(), 2);
  // Pain 3 the next day: still protect (3 days of rest are needed), the projected dates do not move.
  auto logged = LogPain(*db_, {std::nullopt, care::PainLog{0, kStart.AddDays(4), 3, 3, 1, std::nullopt, std::nullopt}});
  ASSERT_OK(logged);
  EXPECT_EQ(logged->plan.outcome, Outcome::kUnchanged);
  EXPECT_EQ(LatestVersion(), 2);
  auto resolved = ResolveInjury(*db_, added->status.injury.id, kStart.AddDays(5));
  ASSERT_OK(resolved);
  EXPECT_EQ(resolved->plan.outcome, Outcome::kReplanned);
  EXPECT_EQ(resolved->plan.version, 3);
}

TEST_F(InjuryPlanTest, APlanThatCannotBeRemadeIsLeftAsItWasAndSaysWhy) {
  Profile(false);  // no declared volume: the plan comes from the runs
  RunWeeks(kStart.AddDays(-42), kStart, 12000);
  ASSERT_OK(NewPlan(*db_, {kRace, core::kMarathonMetres, std::nullopt, kStart}, kStart));
  // Six weeks later, with nothing recorded since the plan began, there is no volume to plan from.
  auto added = AddInjury(*db_, ItBand(kStart.AddDays(42)));
  ASSERT_OK(added);
  EXPECT_EQ(added->plan.outcome, Outcome::kNotRemade);
  EXPECT_THAT(added->plan.why, HasSubstr("no recent runs"));
  EXPECT_EQ(LatestVersion(), 1);
  EXPECT_STREQ(PlanOutcomeName(added->plan.outcome), "not_remade");
}

TEST_F(InjuryPlanTest, AfterAShortBreakTheRunsBeforeTheInjuryStillCount) {
  Profile(true);
  const Date onset = Date::FromYmd(2027, 1, 25);  // a Monday, after an 18 km long run
  RunWeeks(kStart.AddDays(-42), onset.AddDays(-1), 12000);
  Run(onset.AddDays(-1), 18000);
  ASSERT_OK(NewPlan(*db_, {kRace, core::kMarathonMetres, std::nullopt, kStart}, kStart));
  auto added = AddInjury(*db_, ItBand(onset));
  ASSERT_OK(added);
  ASSERT_EQ(added->plan.outcome, Outcome::kReplanned);
  auto latest = store::LoadLatestPlanVersion(*db_);
  ASSERT_OK(latest);
  ASSERT_TRUE(*latest);
  const plan::Plan& p = (*latest)->plan;
  ASSERT_FALSE(p.warnings.empty());
  EXPECT_THAT(p.warnings[0], HasSubstr("18.0 km, run before the injury"));
  // The spike rule counts the 18 km run of the day before the injury for 30 days from its day: on the
  // first day of the build (29 days later) a run may grow from it; from the 31st day only the return's runs
  // count, so the first long run grows from the last walk-run (3.2 km).
  const Date build_from = Date::FromYmd(2027, 2, 22);
  ASSERT_THAT(p.warnings[0], HasSubstr("build re-planned from 2027-02-22"));
  for (const plan::PlanWeek& w : p.weeks) {
    for (const plan::PlanDay& d : w.days) {
      for (const plan::Session& s : d.sessions) {
        if (!plan::IsRun(s.kind) || s.kind == plan::SessionKind::kRace || d.date < build_from) continue;
        const double cap_m = d.date <= onset.AddDays(-1 + plan::kSpikeWindowDays) ? plan::RunSpikeCap(18000.0)
                                                                                  : plan::RunSpikeCap(3219.0);
        if (d.date < build_from.AddDays(7)) {
          EXPECT_LE(s.distance_m, cap_m) << core::FormatDate(d.date);
        }
      }
    }
  }
}

}  // namespace
}  // namespace stride::app
