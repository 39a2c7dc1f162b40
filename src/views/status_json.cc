// SPDX-License-Identifier: MIT
// `stride status --json`.
#include "views/status_json.h"

#include "core/date.h"
#include "views/json_output.h"

namespace stride::views {
namespace {

nlohmann::json WeekJson(const app::WeekProgress& w) {
  nlohmann::json days = nlohmann::json::array();
  for (const app::DayProgress& d : w.days) {
    days.push_back({{"date", core::FormatDate(d.date)}, {"planned", d.planned}, {"planned_m", d.planned_m},
                    {"done_m", d.done_m}});
  }
  return {{"number", w.week_number},         {"weeks_in_plan", w.weeks_in_plan},
          {"phase", plan::PhaseName(w.phase)}, {"planned_m", w.planned_m},
          {"planned_to_date_m", w.planned_to_date_m}, {"done_m", w.done_m},
          {"days", days}};
}

}  // namespace

nlohmann::json StatusJson(const app::StatusReport& report) {
  nlohmann::json j = LoadJson(report.load);
  if (!report.has_plan) {
    j["plan"] = nullptr;
    return j;
  }
  j["plan"] = {{"race_date", core::FormatDate(*report.race_date)},
               {"days_to_race", *report.days_to_race},
               {"week", report.week ? WeekJson(*report.week) : nlohmann::json(nullptr)},
               {"changes", PlanHistoryJson(report.plan_changes)}};
  return j;
}

}  // namespace stride::views
