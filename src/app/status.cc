// SPDX-License-Identifier: MIT
// `stride status`: the load report plus the plan's current week against what was run.
#include "app/status.h"

#include "app/plan.h"

namespace stride::app {
namespace {

// Planned running of a day: every session's distance (rest, strength and cross-training have none).
double PlannedMetres(const plan::PlanDay& day) {
  double metres = 0;
  for (const plan::Session& s : day.sessions) metres += s.distance_m;
  return metres;
}

Result<std::optional<WeekProgress>> CurrentWeek(store::Database& db, const plan::Plan& p, core::Date date) {
  for (const plan::PlanWeek& w : p.weeks) {
    if (w.days.empty() || date < w.days.front().date || date > w.days.back().date) continue;
    auto runs = RunningByDate(db, w.days.front().date, date);
    if (!runs) return Fail(runs.error());
    WeekProgress week;
    week.week_number = w.index + 1;
    week.weeks_in_plan = static_cast<int>(p.weeks.size());
    week.phase = w.phase;
    for (const plan::PlanDay& d : w.days) {
      DayProgress day{d.date, {}, PlannedMetres(d), 0};
      for (const plan::Session& s : d.sessions) day.planned.push_back(s.title);
      if (auto it = runs->find(d.date); it != runs->end()) day.done_m = it->second;
      week.planned_m += day.planned_m;
      if (d.date <= date) {
        week.planned_to_date_m += day.planned_m;
        week.done_m += day.done_m;
      }
      week.days.push_back(std::move(day));
    }
    return std::optional<WeekProgress>(std::move(week));
  }
  return std::optional<WeekProgress>();
}

}  // namespace

Result<StatusReport> ComputeStatus(store::Database& db, core::Date date) {
  StatusReport report;
  auto load = ComputeLoadReport(db, date, std::nullopt);
  if (!load) return Fail(load.error());
  report.load = std::move(*load);
  auto latest = store::LoadLatestPlanVersion(db);
  if (!latest) return Fail(latest.error());
  if (!*latest) return report;
  const plan::Plan& p = (*latest)->plan;
  report.has_plan = true;
  report.race_date = p.race_date;
  report.days_to_race = static_cast<int>(date.DaysUntil(p.race_date));
  auto week = CurrentWeek(db, p, date);
  if (!week) return Fail(week.error());
  report.week = std::move(*week);
  auto versions = store::ListPlanVersions(db);
  if (!versions) return Fail(versions.error());
  report.plan_changes = std::move(*versions);
  return report;
}

}  // namespace stride::app
