// SPDX-License-Identifier: MIT
// The JSON of `stride status --json`: the load report's shape (json_output.h LoadJson) plus the plan's
// current week against what was run and the plan's versions.
#ifndef STRIDE_VIEWS_STATUS_JSON_H_
#define STRIDE_VIEWS_STATUS_JSON_H_

#include <nlohmann/json.hpp>

#include "app/status.h"

namespace stride::views {

/// LoadJson(report.load) with one more key, `plan`: null without a plan, else race_date, days_to_race,
/// week (null outside the plan; else number, weeks_in_plan, phase, planned_m, planned_to_date_m, done_m,
/// and days: date, planned (titles), planned_m, done_m) and changes (PlanHistoryJson).
nlohmann::json StatusJson(const app::StatusReport& report);

}  // namespace stride::views

#endif  // STRIDE_VIEWS_STATUS_JSON_H_
