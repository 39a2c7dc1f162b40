// SPDX-License-Identifier: MIT
// `stride status`: one screen for the runner and coach: the training load report, this week of the plan
// against what was run, and what Stride changed in the plan and why (its versions).
#ifndef STRIDE_APP_STATUS_H_
#define STRIDE_APP_STATUS_H_

#include <optional>
#include <string>
#include <vector>

#include "app/training_load.h"
#include "core/date.h"
#include "core/result.h"
#include "plan/plan.h"
#include "store/plan_repository.h"

namespace stride::store {
class Database;
}

namespace stride::app {

/// One day of the plan's current week: what was planned and what was run.
struct DayProgress {
  core::Date date;
  std::vector<std::string> planned;  // session titles ("Rest" on a rest day)
  double planned_m = 0;              // planned running (the race included on race day)
  double done_m = 0;                 // running recorded that day
};

/// The plan's week that holds the status date.
struct WeekProgress {
  int week_number = 0;  // 1-based
  int weeks_in_plan = 0;
  plan::Phase phase = plan::Phase::kBase;
  double planned_m = 0;          // the whole week, as planned
  double planned_to_date_m = 0;  // planned on the days up to and including the status date
  double done_m = 0;             // run in the week up to and including the status date
  std::vector<DayProgress> days;
};

struct StatusReport {
  LoadReport load;
  bool has_plan = false;
  std::optional<core::Date> race_date;
  std::optional<int> days_to_race;       // negative after the race
  std::optional<WeekProgress> week;      // nullopt before the plan starts or after the race
  std::vector<store::PlanVersionSummary> plan_changes;  // every plan version, oldest first
};

/// The load report for the 12 weeks up to `date`, and, once a plan exists, its week holding `date` with
/// the running done each day, and the plan's versions. Fails with kIoError or kCorruptData.
Result<StatusReport> ComputeStatus(store::Database& db, core::Date date);

}  // namespace stride::app

#endif  // STRIDE_APP_STATUS_H_
