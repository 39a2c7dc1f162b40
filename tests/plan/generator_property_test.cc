// SPDX-License-Identifier: MIT
// Property tests: 2000 generated athletes (3-7 training days, weekly volume 5-100 km, longest run 3-35 km,
// VDOT 25-70, race 6-30 weeks away, marathon or half, to finish or a time goal), each plan checked against
// every rule (plan_checks.h) and generated twice to check determinism. A fixed seed keeps the test repeatable.
#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "analysis/vdot.h"
#include "plan/generator.h"
#include "plan/rules.h"
#include "plan_checks.h"
#include "testing/status_matchers.h"

namespace stride::plan {
namespace {

constexpr int kAthletes = 2000;

class RequestFactory {
 public:
  explicit RequestFactory(uint32_t seed) : rng_(seed) {}

  PlanRequest Next() {
    PlanRequest r;
    std::vector<core::Weekday> all;
    for (int d = 0; d < 7; ++d) all.push_back(static_cast<core::Weekday>(d));
    std::shuffle(all.begin(), all.end(), rng_);
    all.resize(static_cast<size_t>(Int(3, 7)));
    std::sort(all.begin(), all.end());
    r.athlete.training_days = all;
    r.athlete.long_run_day = all[static_cast<size_t>(Int(0, static_cast<int>(all.size()) - 1))];
    r.start = core::Date::FromYmd(2026, 1, 1).AddDays(Int(0, 400));
    r.race_date = r.start.AddDays(Int(6 * 7, 30 * 7));
    r.race_distance_m = Int(0, 1) ? core::kMarathonMetres : core::kHalfMarathonMetres;
    r.current_weekly_m = Real(5000, 100000);
    r.longest_recent_run_m = Real(3000, 35000);
    r.vdot = Real(25, 70);
    if (Int(0, 1)) {
      const double goal_vdot = std::clamp(*r.vdot + Real(-6, 6), 20.0, 80.0);
      r.goal_time_s = std::round(analysis::PredictRaceTime(goal_vdot, r.race_distance_m));
    }
    return r;
  }

 private:
  int Int(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  double Real(double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng_); }
  std::mt19937 rng_;
};

std::string Describe(const PlanRequest& r) {
  std::string days;
  for (core::Weekday d : r.athlete.training_days) days += std::string(core::WeekdayName(d)) + " ";
  return fmt::format("start {} race {} ({:.0f} m) goal {} weekly {:.0f} longest {:.0f} vdot {:.1f} days {}long {}\n",
                     core::FormatDate(r.start), core::FormatDate(r.race_date), r.race_distance_m,
                     r.goal_time_s ? core::FormatDuration(*r.goal_time_s) : "finish", r.current_weekly_m,
                     r.longest_recent_run_m, *r.vdot, days, core::WeekdayName(*r.athlete.long_run_day));
}

TEST(GeneratePlanPropertyTest, EveryGeneratedPlanKeepsEveryRule) {
  RequestFactory factory(20261018);
  int infeasible = 0, failures = 0;
  for (int i = 0; i < kAthletes && failures < 5; ++i) {
    const PlanRequest r = factory.Next();
    auto plan = GeneratePlan(r);
    ASSERT_OK(plan);
    infeasible += !plan->feasible;
    const std::vector<std::string> broken = CheckPlanRules(r, *plan);
    if (!broken.empty()) {
      ++failures;
      ADD_FAILURE() << "athlete " << i << ": " << Describe(r) << ::testing::PrintToString(broken) << "\n"
                    << DescribePlan(*plan);
    }
    if (!plan->feasible) {
      EXPECT_GE(plan->warnings.size(), 3u) << Describe(r);
    }
  }
  // The generated population covers both outcomes.
  EXPECT_GT(infeasible, kAthletes / 20);
  EXPECT_LT(infeasible, kAthletes * 19 / 20);
}

// Adapted plans (a reduced week after a load flag, an easy return after illness) keep every rule too: the
// weeks after a reduced one are built from what it actually planned.
TEST(GeneratePlanPropertyTest, EveryAdjustedPlanKeepsEveryRule) {
  RequestFactory factory(20270425);
  std::mt19937 rng(5);
  int failures = 0;
  for (int i = 0; i < kAthletes / 4 && failures < 5; ++i) {
    PlanRequest r = factory.Next();
    const int days = std::uniform_int_distribution<int>(1, 14)(rng);
    r.adjustments.reduced_until = r.start.AddDays(days);
    r.adjustments.reduced_volume_factor = i % 2 ? kFlagReducedVolumeFactor : kIllnessReturnVolumeFactor;
    if (i % 2 == 0) r.adjustments.easy_until = r.adjustments.reduced_until;
    auto plan = GeneratePlan(r);
    ASSERT_OK(plan);
    const std::vector<std::string> broken = CheckPlanRules(r, *plan);
    if (!broken.empty()) {
      ++failures;
      ADD_FAILURE() << "athlete " << i << ": " << Describe(r) << ::testing::PrintToString(broken) << "\n"
                    << DescribePlan(*plan);
    }
  }
}

TEST(GeneratePlanPropertyTest, SameRequestGivesTheSamePlan) {
  RequestFactory factory(7);
  for (int i = 0; i < kAthletes / 4; ++i) {
    const PlanRequest r = factory.Next();
    auto a = GeneratePlan(r);
    auto b = GeneratePlan(r);
    ASSERT_OK(a);
    ASSERT_OK(b);
    ASSERT_EQ(*a, *b) << Describe(r);
  }
}

}  // namespace
}  // namespace stride::plan
