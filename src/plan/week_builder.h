// SPDX-License-Identifier: MIT
// The core of the generator: builds the weeks of a plan from validated inputs, week by week, keeping a log
// of every planned run so that each week and each run obeys the caps of rules.h. No feasibility analysis
// and no warnings: generator.cc adds those, and calls this again to probe other race dates or distances.
#ifndef STRIDE_PLAN_WEEK_BUILDER_H_
#define STRIDE_PLAN_WEEK_BUILDER_H_

#include <optional>
#include <vector>

#include "core/date.h"
#include "plan/generator.h"
#include "plan/plan.h"

namespace stride::plan {

struct BuildInputs {
  core::Date start;
  core::Date race_date;  // REQUIRES: after start
  double race_distance_m = 0;
  std::optional<double> goal_time_s;
  double current_weekly_m = 0;               // REQUIRES: > 0
  double longest_recent_run_m = 0;           // REQUIRES: > 0; taken as run the day before the start
  std::vector<DatedRun> recent_runs;         // when not empty, these instead (PlanRequest::recent_runs)
  core::UnitSystem units = core::UnitSystem::kKilometres;  // for session titles
  std::vector<core::Weekday> training_days;  // REQUIRES: not empty
  core::Weekday long_run_day = core::Weekday::kSunday;
  PlanPaces paces;
  PlanAdjustments adjustments;
};

struct BuiltWeeks {
  std::vector<PlanWeek> weeks;
  double longest_long_run_m = 0;  // the longest long run planned before the taper (0 when none)
};

/// Weeks of 7 days ending on race day (the first may be shorter), each with its phase and sessions.
BuiltWeeks BuildWeeks(const BuildInputs& inputs);

}  // namespace stride::plan

#endif  // STRIDE_PLAN_WEEK_BUILDER_H_
