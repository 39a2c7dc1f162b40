// SPDX-License-Identifier: MIT
// Plan versions: the JSON codec round-trips a generated plan exactly, and the repository numbers and
// returns versions with their reasons.
#include "store/plan_repository.h"

#include <gtest/gtest.h>

#include "plan/generator.h"
#include "store/database.h"
#include "store/plan_codec.h"
#include "testing/status_matchers.h"

namespace stride::store {
namespace {

plan::PlanRequest SamRequest() {
  plan::PlanRequest r;
  r.athlete.training_days = {core::Weekday::kTuesday, core::Weekday::kThursday, core::Weekday::kSaturday,
                             core::Weekday::kSunday};
  r.athlete.long_run_day = core::Weekday::kSunday;
  r.start = core::Date::FromYmd(2026, 11, 24);
  r.race_date = core::Date::FromYmd(2027, 4, 11);
  r.goal_time_s = 4.5 * 3600;
  r.current_weekly_m = 25000;
  r.longest_recent_run_m = 12000;
  r.vdot = 38.5;
  return r;
}

plan::Plan SamPlan() {
  auto p = plan::GeneratePlan(SamRequest());
  EXPECT_TRUE(p.has_value()) << (p ? "" : p.error().message);
  plan::Plan out = p ? *p : plan::Plan{};
  // Fields care fills in, and a heart-rate target, so every part of the shape is exercised.
  out.weeks.at(0).days.at(0).sessions.at(0).mobility = {"post-run-stretch"};
  out.weeks.at(0).days.at(0).sessions.at(0).recovery = {"sauna-stretching"};
  plan::Step hr_step;
  hr_step.type = plan::StepType::kWork;
  hr_step.duration_s = 600;
  hr_step.heart_rate = plan::HeartRateRange{140, 150};
  out.weeks.at(0).days.at(0).sessions.at(0).steps.push_back(hr_step);
  return out;
}

TEST(PlanCodecTest, RoundTripsAGeneratedPlanExactly) {
  const plan::Plan p = SamPlan();
  ASSERT_FALSE(p.weeks.empty());
  nlohmann::json j = PlanToJson(p);
  EXPECT_EQ(j["race"]["date"], "2027-04-11");
  EXPECT_EQ(j["weeks"][0]["phase"], "base");
  auto back = PlanFromJson(nlohmann::json::parse(j.dump()));
  ASSERT_OK(back);
  EXPECT_EQ(*back, p);
}

TEST(PlanCodecTest, RepeatStepsKeepCountAndChildren) {
  const plan::Plan p = SamPlan();
  bool found = false;
  const nlohmann::json j = PlanToJson(p);
  for (const auto& w : j["weeks"]) {
    for (const auto& d : w["days"]) {
      for (const auto& s : d["sessions"]) {
        for (const auto& st : s["steps"]) {
          if (st["type"] != "repeat") continue;
          found = true;
          EXPECT_GE(st["count"].get<int>(), 1);
          EXPECT_FALSE(st["steps"].empty());
        }
      }
    }
  }
  EXPECT_TRUE(found) << "a 20-week plan has repeats (tempo or intervals)";
}

TEST(PlanCodecTest, UnknownKindIsCorruptData) {
  nlohmann::json j = PlanToJson(SamPlan());
  j["weeks"][0]["days"][0]["sessions"][0]["kind"] = "yoga";
  auto back = PlanFromJson(j);
  ASSERT_FALSE(back);
  EXPECT_EQ(back.error().code, core::ErrorCode::kCorruptData);
  EXPECT_NE(back.error().message.find("yoga"), std::string::npos);
}

// A re-plan's adjustments (an illness's no-running days and easy return) are kept with its request, so
// that the next re-plan still heeds them; versions saved before they were kept read as having none.
TEST(PlanCodecTest, RequestKeepsItsAdjustments) {
  plan::PlanRequest r = SamRequest();
  r.adjustments.no_running_until = core::Date::FromYmd(2026, 12, 5);
  r.adjustments.easy_until = core::Date::FromYmd(2026, 12, 10);
  r.adjustments.reduced_until = core::Date::FromYmd(2026, 12, 10);
  r.adjustments.reduced_volume_factor = 0.5;
  auto back = PlanRequestFromJson(nlohmann::json::parse(PlanRequestToJson(r).dump()));
  ASSERT_OK(back);
  EXPECT_EQ(back->adjustments.no_running_until, r.adjustments.no_running_until);
  EXPECT_EQ(back->adjustments.easy_until, r.adjustments.easy_until);
  EXPECT_EQ(back->adjustments.reduced_until, r.adjustments.reduced_until);
  EXPECT_EQ(back->adjustments.reduced_volume_factor, 0.5);
  nlohmann::json old = PlanRequestToJson(SamRequest());
  old.erase("adjustments");
  auto old_back = PlanRequestFromJson(old);
  ASSERT_OK(old_back);
  EXPECT_FALSE(old_back->adjustments.no_running_until.has_value());
  EXPECT_EQ(old_back->adjustments.reduced_volume_factor, 1.0);
  nlohmann::json bad = PlanRequestToJson(r);
  bad["adjustments"]["reduced_volume_factor"] = 0;
  auto refused = PlanRequestFromJson(bad);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, core::ErrorCode::kCorruptData);
}

TEST(PlanRepositoryTest, SavesNumberedVersionsAndLoadsTheLatest) {
  auto db = Database::Open(":memory:");
  ASSERT_OK(db);
  auto none = LoadLatestPlanVersion(*db);
  ASSERT_OK(none);
  EXPECT_FALSE(none->has_value());

  PlanVersion v{0, core::Date::FromYmd(2026, 11, 24), "new plan", SamRequest(), SamPlan()};
  auto first = SavePlanVersion(*db, v);
  ASSERT_OK(first);
  EXPECT_EQ(*first, 1);
  v.reason = "week 2: 10 of 30 km done";
  v.plan.goal_time_s.reset();
  auto second = SavePlanVersion(*db, v);
  ASSERT_OK(second);
  EXPECT_EQ(*second, 2);

  auto latest = LoadLatestPlanVersion(*db);
  ASSERT_OK(latest);
  ASSERT_TRUE(latest->has_value());
  EXPECT_EQ((*latest)->version, 2);
  EXPECT_EQ((*latest)->reason, "week 2: 10 of 30 km done");
  EXPECT_EQ((*latest)->plan, v.plan);
  EXPECT_EQ((*latest)->request.current_weekly_m, 25000);
  EXPECT_EQ((*latest)->request.vdot, 38.5);

  auto list = ListPlanVersions(*db);
  ASSERT_OK(list);
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].reason, "new plan");
  EXPECT_EQ((*list)[0].goal_time_s, 4.5 * 3600);
  EXPECT_FALSE((*list)[1].goal_time_s.has_value());
  EXPECT_EQ((*list)[1].race_date, core::Date::FromYmd(2027, 4, 11));
}

}  // namespace
}  // namespace stride::store
