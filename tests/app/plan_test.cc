// SPDX-License-Identifier: MIT
// app::AdaptPlan on in-memory databases with Sam's profile (JOURNEY.md) and runs written in code: a missed
// long run is not doubled, sick days plan no running and an easy return, a load flag reduces the next week,
// and every reason says what changed.
#include "app/plan.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "app/athlete.h"
#include "plan/rules.h"
#include "store/activity_repository.h"
#include "store/database.h"
#include "testing/status_matchers.h"

namespace stride::app {
namespace {

using core::Date;
using core::Weekday;
using plan::SessionKind;
using ::testing::HasSubstr;
using ::testing::Not;

const Date kStart = Date::FromYmd(2026, 11, 30);  // a Monday, 21 weeks before the race
const Date kRace = Date::FromYmd(2027, 4, 25);

class AdaptPlanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = store::Database::Open(":memory:");
    ASSERT_OK(db);
    db_.emplace(std::move(*db));
    AthleteChanges c;
    c.name = "Sam";
    c.sex = core::Sex::kFemale;
    c.birth_year = 1992;
    c.weekly_distance_m = 25000;
    c.longest_run_m = 12000;
    c.training_days = std::vector<Weekday>{Weekday::kTuesday, Weekday::kThursday, Weekday::kSaturday,
                                           Weekday::kSunday};
    c.long_run_day = Weekday::kSunday;
    ASSERT_OK(UpdateAthlete(*db_, c, kStart));
    // Six weeks of Sam's running before the plan: 4, 5 and 4 km midweek, 12 km on Sundays (25 km a week).
    for (Date d = kStart.AddDays(-42); d < kStart; d = d.AddDays(1)) {
      const Weekday w = d.weekday();
      if (w == Weekday::kTuesday || w == Weekday::kSaturday) Run(d, 4000);
      if (w == Weekday::kThursday) Run(d, 5000);
      if (w == Weekday::kSunday) Run(d, 12000);
    }
  }

  void Run(Date date, double distance_m) {
    core::Activity a;
    a.sport = core::Sport::kRunning;
    a.start_time = core::StartOfDay(date) + std::chrono::hours(8);
    a.utc_offset_s = 0;
    a.distance_m = distance_m;
    a.timer_s = distance_m * 0.4;  // 6:40/km
    a.elapsed_s = a.timer_s;
    a.name = "run";
    ASSERT_OK(store::InsertActivity(*db_, a, "hash-" + core::FormatDate(date), "test"));
  }

  // Runs every planned run of [from, to) as planned, except on `skip`.
  void RunAsPlanned(const plan::Plan& p, Date from, Date to, std::optional<Date> skip = std::nullopt) {
    for (const plan::PlanWeek& w : p.weeks) {
      for (const plan::PlanDay& d : w.days) {
        if (d.date < from || d.date >= to || d.date == skip) continue;
        for (const plan::Session& s : d.sessions) {
          if (plan::IsRun(s.kind)) Run(d.date, s.distance_m);
        }
      }
    }
  }

  PlanView NewSamPlan() {
    auto view = NewPlan(*db_, {kRace, core::kMarathonMetres, 4.5 * 3600, kStart}, kStart);
    EXPECT_OK(view);
    return *view;
  }

  std::optional<store::Database> db_;
};

// The long runs of the week starting `start`, with their dates.
std::vector<std::pair<Date, double>> LongRunsOfWeek(const plan::Plan& p, Date start) {
  std::vector<std::pair<Date, double>> out;
  for (const plan::PlanWeek& w : p.weeks) {
    for (const plan::PlanDay& d : w.days) {
      if (d.date < start || d.date >= start.AddDays(7)) continue;
      for (const plan::Session& s : d.sessions) {
        if (s.kind == SessionKind::kLong) out.emplace_back(d.date, s.distance_m);
      }
    }
  }
  return out;
}

double PlannedRunning(const plan::Plan& p, Date from, Date to) {
  double total = 0;
  for (const plan::PlanWeek& w : p.weeks) {
    for (const plan::PlanDay& d : w.days) {
      for (const plan::Session& s : d.sessions) {
        if (d.date >= from && d.date < to && plan::IsRun(s.kind) && s.kind != SessionKind::kRace) total += s.distance_m;
      }
    }
  }
  return total;
}

// The plan the adapted version's request gives without its adjustments.
Result<plan::Plan> Unadjusted(const PlanView& adapted) {
  plan::PlanRequest request = adapted.version.request;
  request.athlete = adapted.athlete;
  request.adjustments = {};
  return plan::GeneratePlan(request);
}

TEST_F(AdaptPlanTest, MissedLongRunIsNotDoubled) {
  const PlanView first = NewSamPlan();
  const Date missed = kStart.AddDays(6);  // the first Sunday
  RunAsPlanned(first.version.plan, kStart, kStart.AddDays(7), missed);
  const Date monday = kStart.AddDays(7);
  auto adapted = AdaptPlan(*db_, {}, monday);
  ASSERT_OK(adapted);
  EXPECT_THAT(adapted->version.reason, HasSubstr("long run of 2026-12-06 missed (not made up"));
  // One long run in the new first week, on Sunday, within 110 % of the longest run actually run in the last
  // 30 days (12 km), so neither the missed 12.5 km nor the next step up is added to it.
  const auto longs = LongRunsOfWeek(adapted->version.plan, monday);
  ASSERT_EQ(longs.size(), 1u);
  EXPECT_EQ(longs[0].first.weekday(), Weekday::kSunday);
  EXPECT_LE(longs[0].second, plan::RunSpikeCap(12000));
  const auto planned_before = LongRunsOfWeek(first.version.plan, monday);
  ASSERT_EQ(planned_before.size(), 1u);
  EXPECT_LT(longs[0].second, planned_before[0].second);
  EXPECT_LE(PlannedRunning(adapted->version.plan, monday, monday.AddDays(7)),
            PlannedRunning(first.version.plan, monday, monday.AddDays(7)));
}

TEST_F(AdaptPlanTest, SickDaysPlanNoRunningThenAnEasyReturn) {
  NewSamPlan();
  const Date today = Date::FromYmd(2026, 12, 2);  // a Wednesday, ill since Monday and until Friday
  AdaptPlanOptions options;
  options.sick.push_back({kStart, Date::FromYmd(2026, 12, 4)});
  auto adapted = AdaptPlan(*db_, options, today);
  ASSERT_OK(adapted);
  const std::string& reason = adapted->version.reason;
  EXPECT_THAT(reason, HasSubstr("ill 2026-11-30 to 2026-12-04 (5 days): no running until 2026-12-05"));
  EXPECT_THAT(reason, HasSubstr("easy return to 2026-12-09: 50 % volume, no hard sessions"));
  EXPECT_THAT(reason, HasSubstr("Stride convention [U]"));
  const Date back = Date::FromYmd(2026, 12, 5), easy_until = Date::FromYmd(2026, 12, 10);
  bool ran_in_return = false;
  for (const plan::PlanWeek& w : adapted->version.plan.weeks) {
    for (const plan::PlanDay& d : w.days) {
      for (const plan::Session& s : d.sessions) {
        if (d.date < back) {
          EXPECT_EQ(s.kind, SessionKind::kRest) << core::FormatDate(d.date);
        }
        if (d.date >= easy_until || !plan::IsRun(s.kind)) continue;
        ran_in_return = true;
        EXPECT_FALSE(plan::IsHard(s.kind) && s.kind != SessionKind::kLong) << s.title;
        EXPECT_EQ(s.steps.size(), 1u) << s.title;  // easy throughout: no strides, no marathon-pace part
      }
    }
  }
  EXPECT_TRUE(ran_in_return);
  // The return holds at most half of what the same re-plan without the illness would hold on those days.
  auto plain = Unadjusted(*adapted);
  ASSERT_OK(plain);
  EXPECT_LE(PlannedRunning(adapted->version.plan, back, easy_until),
            plan::kIllnessReturnVolumeFactor * PlannedRunning(*plain, back, easy_until));
}

// A later re-plan without --sick (here the next Monday's, for what was run) keeps the rest of the easy
// return: before, it planned the full week again two days after the illness.
TEST_F(AdaptPlanTest, TheNextAdaptationStillHeedsTheIllness) {
  NewSamPlan();
  AdaptPlanOptions sick;
  sick.sick.push_back({kStart, Date::FromYmd(2026, 12, 4)});  // Mon-Fri: easy return to Wed 12-09
  ASSERT_OK(AdaptPlan(*db_, sick, Date::FromYmd(2026, 12, 2)));
  const Date monday = Date::FromYmd(2026, 12, 7), easy_until = Date::FromYmd(2026, 12, 10);
  auto next = AdaptPlan(*db_, {}, monday);
  ASSERT_OK(next);
  EXPECT_THAT(next->version.reason,
              HasSubstr("still in force from version 2: no hard sessions to 2026-12-09, 50 % volume to 2026-12-09"));
  for (const plan::PlanWeek& w : next->version.plan.weeks) {
    for (const plan::PlanDay& d : w.days) {
      if (d.date >= easy_until) continue;
      for (const plan::Session& s : d.sessions) {
        if (!plan::IsRun(s.kind)) continue;
        EXPECT_FALSE(plan::IsHard(s.kind) && s.kind != SessionKind::kLong) << core::FormatDate(d.date) << s.title;
        EXPECT_EQ(s.steps.size(), 1u) << core::FormatDate(d.date) << " " << s.title;
      }
    }
  }
  auto plain = Unadjusted(*next);
  ASSERT_OK(plain);
  EXPECT_LE(PlannedRunning(next->version.plan, monday, easy_until),
            plan::kIllnessReturnVolumeFactor * PlannedRunning(*plain, monday, easy_until));
  // Once the return is over, nothing is carried: a re-plan the week after names no earlier adjustment.
  auto later = AdaptPlan(*db_, {}, Date::FromYmd(2026, 12, 14));
  ASSERT_OK(later);
  EXPECT_THAT(later->version.reason, Not(HasSubstr("still in force")));
}

TEST_F(AdaptPlanTest, SickSpellMustNotEndBeforeItStartsOrStartLater) {
  NewSamPlan();
  AdaptPlanOptions options;
  options.sick.push_back({Date::FromYmd(2026, 12, 4), Date::FromYmd(2026, 12, 1)});
  auto backwards = AdaptPlan(*db_, options, Date::FromYmd(2026, 12, 5));
  ASSERT_FALSE(backwards.has_value());
  EXPECT_EQ(backwards.error().code, core::ErrorCode::kInvalidArgument);
  EXPECT_EQ(backwards.error().where, "--sick");
  options.sick = {{Date::FromYmd(2026, 12, 9), Date::FromYmd(2026, 12, 10)}};
  auto later = AdaptPlan(*db_, options, Date::FromYmd(2026, 12, 5));
  ASSERT_FALSE(later.has_value());
  EXPECT_EQ(later.error().where, "--sick");
}

TEST_F(AdaptPlanTest, SpikeFlagReducesTheNextWeekAndNamesItsSource) {
  NewSamPlan();
  auto before = AdaptPlan(*db_, {}, kStart.AddDays(1));  // no flag yet: the same week, unreduced
  ASSERT_OK(before);
  EXPECT_THAT(before->version.reason, ::testing::Not(HasSubstr("load flag")));
  Run(Date::FromYmd(2026, 12, 3), 21000);  // Thursday: 21 km after a longest run of 12 km
  const Date today = Date::FromYmd(2026, 12, 7);
  auto adapted = AdaptPlan(*db_, {}, today);
  ASSERT_OK(adapted);
  const std::string& reason = adapted->version.reason;
  EXPECT_THAT(reason, HasSubstr("load flag single_run_spike on 2026-12-03 [nielsen-2025-spike]"));
  EXPECT_THAT(reason, HasSubstr("so the 7 days to 2026-12-13 are reduced to 75 % volume"));
  // The same re-plan without the reduction, for comparison: the reduced week holds about 75 % of it.
  auto plain = Unadjusted(*adapted);
  ASSERT_OK(plain);
  const double reduced_m = PlannedRunning(adapted->version.plan, today, today.AddDays(7));
  const double plain_m = PlannedRunning(*plain, today, today.AddDays(7));
  EXPECT_NEAR(reduced_m, plan::kFlagReducedVolumeFactor * plain_m, 1000);
}

}  // namespace
}  // namespace stride::app
