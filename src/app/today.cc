// SPDX-License-Identifier: MIT
// `stride today`: find the day in the latest plan, describe it to care/ as plain values, and prescribe.
#include "app/today.h"

#include "app/athlete.h"
#include "app/injury.h"
#include "care/catalogue.h"
#include "store/plan_repository.h"

namespace stride::app {
namespace {

struct Located {
  const plan::PlanDay* day = nullptr;
  const plan::PlanWeek* week = nullptr;
};

Located Find(const plan::Plan& p, core::Date date) {
  for (const plan::PlanWeek& w : p.weeks) {
    for (const plan::PlanDay& d : w.days) {
      if (d.date == date) return {&d, &w};
    }
  }
  return {};
}

std::vector<care::DaySession> CareSessions(const std::vector<plan::Session>& sessions) {
  std::vector<care::DaySession> out;
  for (const plan::Session& s : sessions) out.push_back({plan::SessionKindName(s.kind), s.distance_m, s.duration_s, false});
  return out;
}

std::vector<plan::Session> RestDay() { return {plan::Session{plan::SessionKind::kRest, "Rest", "", 0, 0, {}, {}, {}}}; }

// Fills the plan-derived fields of `report` from the latest plan, if any.
Status FromPlan(store::Database& db, TodayReport& report) {
  auto latest = store::LoadLatestPlanVersion(db);
  if (!latest) return Fail(latest.error());
  if (!*latest) {
    report.notes.push_back("no plan yet: today is a rest day; make a plan with: stride plan new --race-date YYYY-MM-DD");
    return Ok();
  }
  const plan::Plan& p = (*latest)->plan;
  report.has_plan = true;
  report.days_to_race = static_cast<int>(report.date.DaysUntil(p.race_date));
  Located today = Find(p, report.date);
  if (today.day) {
    report.sessions = today.day->sessions;
    report.phase = today.week->phase;
    report.week_number = today.week->index + 1;
  } else {
    report.notes.push_back(report.date < p.start ? "the plan starts on " + core::FormatDate(p.start)
                                                 : "the plan ended with the race on " + core::FormatDate(p.race_date));
  }
  if (Located next = Find(p, report.date.AddDays(1)); next.day) report.tomorrow = next.day->sessions;
  return Ok();
}

// Hours since the onset of the most recent active injury, when under the acute window (whole days: the
// onset time of day is not recorded). The 72 h window is the catalogue rule acute-injury-72h [fiba-wabc].
Result<std::optional<int>> HoursSinceAcuteInjury(store::Database& db, core::Date date) {
  constexpr int kAcuteWindowHours = 72;
  auto injuries = ListInjuries(db, date);
  if (!injuries) return Fail(injuries.error());
  std::optional<int> hours;
  for (const InjuryStatus& s : *injuries) {
    if (!s.injury.ActiveOn(date)) continue;
    const int h = static_cast<int>(s.injury.onset_date.DaysUntil(date) * 24);
    if (h < kAcuteWindowHours && (!hours || h < *hours)) hours = h;
  }
  return hours;
}

}  // namespace

Result<TodayReport> ComputeToday(store::Database& db, core::Date date) {
  TodayReport report;
  report.date = date;
  auto athlete = GetAthleteOrDefault(db);
  if (!athlete) return Fail(athlete.error());
  report.athlete = *athlete;
  report.sessions = RestDay();
  if (auto s = FromPlan(db, report); !s) return Fail(s.error());
  care::DayContext ctx;
  ctx.date = date;
  ctx.today = CareSessions(report.sessions);
  ctx.tomorrow = CareSessions(report.tomorrow);
  ctx.days_to_race = report.days_to_race && *report.days_to_race >= 0 ? report.days_to_race : std::nullopt;
  for (const plan::Session& s : report.sessions) ctx.strength_today |= s.kind == plan::SessionKind::kStrength;
  ctx.in_build_phase = report.phase == plan::Phase::kBuild;
  auto acute = HoursSinceAcuteInjury(db, date);
  if (!acute) return Fail(acute.error());
  ctx.hours_since_acute_injury = *acute;
  auto rx = care::PrescribeDay(ctx, report.athlete, care::BuiltinCatalogue());
  if (!rx) return Fail(rx.error());
  report.prescription = std::move(*rx);
  return report;
}

}  // namespace stride::app
