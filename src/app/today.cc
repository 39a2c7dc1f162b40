// SPDX-License-Identifier: MIT
// `stride today`: find the day in the latest plan, hold it against the active injuries (GuardDay), gather
// the rehab routines and the routines pinned to the weekday, describe it all to care/ as plain values, and
// prescribe.
#include "app/today.h"

#include <fmt/format.h>

#include <algorithm>

#include "app/athlete.h"
#include "care/catalogue.h"
#include "care/custom_routine.h"
#include "care/rehab_routine.h"
#include "store/plan_repository.h"
#include "store/routine_repository.h"

namespace stride::app {
namespace {

// --- The injury guard ---

bool HasRun(const std::vector<plan::Session>& sessions) {
  return std::any_of(sessions.begin(), sessions.end(), [](const plan::Session& s) { return plan::IsRun(s.kind); });
}

std::string SiteLabel(const care::Injury& injury) {
  std::string label = care::InjurySiteName(injury.site);
  if (injury.side) label += fmt::format(" ({})", care::SideName(*injury.side));
  return label;
}

std::string TitleOf(const plan::Session& s) { return s.title.empty() ? plan::SessionKindName(s.kind) : s.title; }

plan::Session RestSession(std::string title, std::string description) {
  return plan::Session{plan::SessionKind::kRest, std::move(title), std::move(description), 0, 0, {}, {}, {}};
}

// What replaces the running while an injury stops it: rest with a red flag (load prescription stops
// [warden-2014-bsi]), else pain-free cross-training, kept in the "safe" pain zone [silbernagel-2007-pain].
plan::Session RehabSession(bool red_flag) {
  if (red_flag) {
    return RestSession("Rest: see a clinician", fmt::format("No running and no training: {}.", care::kSeeClinician));
  }
  plan::Session s = RestSession("Pain-free cross-training",
                                fmt::format("Instead of running: easy cycling or swimming while it stays pain-free "
                                            "(0-{}/10 at the injury); otherwise rest.",
                                            care::kPainFreeMax));
  s.kind = plan::SessionKind::kCross;
  return s;
}

// Rebuilds `planned` without the sessions `drop` selects, putting `substitute` where the first one was.
template <class Drop>
GuardedDay Replace(const std::vector<plan::Session>& planned, Drop drop, const plan::Session& substitute) {
  GuardedDay out;
  for (const plan::Session& s : planned) {
    if (!drop(s)) {
      out.sessions.push_back(s);
      continue;
    }
    if (out.replaced.empty()) out.sessions.push_back(substitute);
    out.replaced.push_back(s);
  }
  return out;
}

GuardedDay StopRunning(const std::vector<plan::Session>& planned, const std::vector<InjuryStatus>& active) {
  bool red_flag = false;
  bool protect = false;
  for (const InjuryStatus& a : active) {
    red_flag = red_flag || !a.state.red_flags.empty();
    protect = protect || a.state.stage == care::RehabStage::kProtect;
  }
  // A red flag stops everything but rest; protect is relative rest, so planned strength work goes too.
  auto drop = [&](const plan::Session& s) {
    if (red_flag) return s.kind != plan::SessionKind::kRest;
    return plan::IsRun(s.kind) || (protect && s.kind == plan::SessionKind::kStrength);
  };
  GuardedDay out = Replace(planned, drop, RehabSession(red_flag));
  out.stop_running = true;
  out.see_clinician = red_flag;
  for (const InjuryStatus& a : active) {
    if (!a.state.stop_running) continue;
    out.reasons.push_back(fmt::format("no running: {} injury, {} stage: {}", SiteLabel(a.injury),
                                      care::RehabStageName(a.state.stage), a.state.why));
  }
  return out;
}

GuardedDay ReturnToRun(const std::vector<plan::Session>& planned, const InjuryStatus& lowest, int run_days_before) {
  const care::WalkRunPhase& phase = *lowest.state.walk_run;
  // Walk-run every other day of a run streak: at least one rest day between runs [trials-2023-rtr].
  const bool run_day = run_days_before % 2 == 0;
  const plan::Session substitute =
      run_day ? WalkRunSession(phase, lowest.state.bone_stress)
              : RestSession("Rest between walk-run sessions",
                            "At least one rest day between walk-run sessions; easy walking is fine.");
  GuardedDay out = Replace(planned, [](const plan::Session& s) { return plan::IsRun(s.kind); }, substitute);
  std::string planned_titles;
  for (const plan::Session& s : out.replaced) planned_titles += (planned_titles.empty() ? "" : ", ") + TitleOf(s);
  out.reasons.push_back(fmt::format("{} injury, return stage: {} instead of the planned {}", SiteLabel(lowest.injury),
                                    run_day ? fmt::format("walk-run phase {}", phase.phase) : "a rest day",
                                    planned_titles));
  return out;
}

// --- Loading the day ---

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

// Consecutive days just before `date` whose plan holds a run session.
int RunDaysBefore(const plan::Plan& p, core::Date date) {
  int n = 0;
  for (Located d = Find(p, date.AddDays(-1)); d.day != nullptr && HasRun(d.day->sessions);
       d = Find(p, date.AddDays(-1 - n))) {
    ++n;
  }
  return n;
}

std::vector<care::DaySession> CareSessions(const std::vector<plan::Session>& sessions) {
  std::vector<care::DaySession> out;
  for (const plan::Session& s : sessions) out.push_back({plan::SessionKindName(s.kind), s.distance_m, s.duration_s, false});
  return out;
}

std::vector<plan::Session> RestDay() { return {RestSession("Rest", "")}; }

// The plan's view of the day, before the guard.
struct PlannedDay {
  std::vector<plan::Session> today = RestDay();
  std::vector<plan::Session> tomorrow;
  int run_days_before = 0;
};

// Fills the plan-derived fields of `report` from the latest plan, if any.
Result<PlannedDay> FromPlan(store::Database& db, TodayReport& report) {
  PlannedDay planned;
  auto latest = store::LoadLatestPlanVersion(db);
  if (!latest) return Fail(latest.error());
  if (!*latest) {
    report.notes.push_back("no plan yet: today is a rest day; make a plan with: stride plan new --race-date YYYY-MM-DD");
    return planned;
  }
  const plan::Plan& p = (*latest)->plan;
  report.has_plan = true;
  report.days_to_race = static_cast<int>(report.date.DaysUntil(p.race_date));
  Located today = Find(p, report.date);
  if (today.day) {
    planned.today = today.day->sessions;
    report.phase = today.week->phase;
    report.week_number = today.week->index + 1;
  } else {
    report.notes.push_back(report.date < p.start ? "the plan starts on " + core::FormatDate(p.start)
                                                 : "the plan ended with the race on " + core::FormatDate(p.race_date));
  }
  if (Located next = Find(p, report.date.AddDays(1)); next.day) planned.tomorrow = next.day->sessions;
  planned.run_days_before = RunDaysBefore(p, report.date);
  return planned;
}

Result<std::vector<InjuryRehab>> ActiveInjuries(store::Database& db, core::Date date) {
  auto report = ComputeRehabReport(db, date);
  if (!report) return Fail(report.error());
  std::vector<InjuryRehab> active;
  if (report->primary) active.push_back(std::move(*report->primary));
  for (InjuryRehab& r : report->others) active.push_back(std::move(r));
  return active;
}

// Custom routines pinned to the weekday of `date`. One pinned to an injury too shows only while that
// injury is active; one that no longer parses is left out with a note.
Result<std::vector<care::DayRoutine>> PinnedToday(store::Database& db, const TodayReport& report,
                                                  std::vector<care::Note>& notes) {
  auto stored = store::ListCustomRoutines(db);
  if (!stored) return Fail(stored.error());
  std::vector<care::DayRoutine> out;
  for (const store::StoredRoutine& s : *stored) {
    if (std::find(s.days.begin(), s.days.end(), report.date.weekday()) == s.days.end()) continue;
    const auto& active = report.injuries.active;
    if (s.injury_id && std::none_of(active.begin(), active.end(),
                                    [&](const InjuryRehab& r) { return r.injury.id == *s.injury_id; })) {
      continue;
    }
    auto routine = care::ParseCustomRoutine(s.toml_text, s.file_name, care::BuiltinCatalogue());
    if (!routine) {
      notes.push_back({fmt::format("custom routine {} skipped: {}", s.name, routine.error().ToString()), ""});
      continue;
    }
    out.push_back({std::move(*routine), s.replace});
  }
  return out;
}

// The injury facts the prescription needs: the heat window, bone stress and every rehab item (the
// walk-run item left out: the walk-run session carries it).
void AddInjuryContext(const TodayReport& report, care::DayContext& ctx) {
  for (const InjuryRehab& r : report.injuries.active) {
    if (auto hours = care::HoursSinceAcuteInjury(r.injury, report.date)) {
      ctx.hours_since_acute_injury = std::min(ctx.hours_since_acute_injury.value_or(*hours), *hours);
    }
    ctx.bone_stress_injury = ctx.bone_stress_injury || r.state.bone_stress;
    for (const care::Item& item : r.routine.items) {
      if (item.routine != care::kWalkRunRoutineId) ctx.rehab.push_back(item);
    }
  }
  ctx.stop_running = report.injuries.guard.stop_running;
}

Status Prescribe(store::Database& db, TodayReport& report) {
  care::DayContext ctx;
  ctx.date = report.date;
  ctx.today = CareSessions(report.sessions);
  ctx.tomorrow = CareSessions(report.tomorrow);
  ctx.days_to_race = report.days_to_race && *report.days_to_race >= 0 ? report.days_to_race : std::nullopt;
  for (const plan::Session& s : report.sessions) ctx.strength_today |= s.kind == plan::SessionKind::kStrength;
  ctx.in_build_phase = report.phase == plan::Phase::kBuild;
  AddInjuryContext(report, ctx);
  std::vector<care::Note> notes;
  auto pinned = PinnedToday(db, report, notes);
  if (!pinned) return Fail(pinned.error());
  for (const care::DayRoutine& r : *pinned) report.pinned_routines.push_back(r.routine.id);
  ctx.pinned = std::move(*pinned);
  auto rx = care::PrescribeDay(ctx, report.athlete, care::BuiltinCatalogue());
  if (!rx) return Fail(rx.error());
  report.prescription = std::move(*rx);
  for (const InjuryRehab& r : report.injuries.active) {
    report.prescription.notes.insert(report.prescription.notes.end(), r.routine.notes.begin(), r.routine.notes.end());
  }
  report.prescription.notes.insert(report.prescription.notes.end(), notes.begin(), notes.end());
  return Ok();
}

std::vector<InjuryStatus> Statuses(const std::vector<InjuryRehab>& active) {
  std::vector<InjuryStatus> out;
  for (const InjuryRehab& r : active) out.push_back({r.injury, r.state});
  return out;
}

}  // namespace

plan::Session WalkRunSession(const care::WalkRunPhase& phase, bool bone_stress) {
  plan::Session s = RestSession(fmt::format("Walk-run, phase {}", phase.phase), "");
  s.kind = plan::SessionKind::kWalkRun;
  s.description = fmt::format(
      "{}. Flat ground; stop if pain at the injury goes above {}/10; at least one rest day before the next run.",
      phase.Describe(), bone_stress ? care::kBonePainDuring : care::kAcceptablePainDuring);
  s.distance_m = phase.distance_m;
  s.duration_s = phase.TotalMinutes() * 60.0;
  plan::Step run{plan::StepType::kWork, phase.run_min * 60.0, std::nullopt, std::nullopt, std::nullopt, 0, {}};
  if (phase.continuous) {
    s.steps.push_back(run);
    return s;
  }
  plan::Step walk{plan::StepType::kRecovery, phase.walk_min * 60.0, std::nullopt, std::nullopt, std::nullopt, 0, {}};
  s.steps.push_back(plan::Step{plan::StepType::kRepeat, std::nullopt, std::nullopt, std::nullopt, std::nullopt,
                               phase.repeats, {walk, run}});
  return s;
}

GuardedDay GuardDay(const std::vector<plan::Session>& planned, const std::vector<InjuryStatus>& active,
                    int run_days_before) {
  if (std::any_of(active.begin(), active.end(), [](const InjuryStatus& a) { return a.state.stop_running; })) {
    return StopRunning(planned, active);
  }
  const InjuryStatus* lowest = nullptr;
  for (const InjuryStatus& a : active) {
    if (a.state.stage != care::RehabStage::kReturn || !a.state.walk_run) continue;
    if (lowest == nullptr || a.state.walk_run->phase < lowest->state.walk_run->phase) lowest = &a;
  }
  if (lowest != nullptr && HasRun(planned)) return ReturnToRun(planned, *lowest, run_days_before);
  GuardedDay out;
  out.sessions = planned;
  return out;
}

Result<TodayReport> ComputeToday(store::Database& db, core::Date date) {
  TodayReport report;
  report.date = date;
  auto athlete = GetAthleteOrDefault(db);
  if (!athlete) return Fail(athlete.error());
  report.athlete = *athlete;
  auto planned = FromPlan(db, report);
  if (!planned) return Fail(planned.error());
  auto active = ActiveInjuries(db, date);
  if (!active) return Fail(active.error());
  report.injuries.active = std::move(*active);
  const std::vector<InjuryStatus> statuses = Statuses(report.injuries.active);
  report.injuries.guard = GuardDay(planned->today, statuses, planned->run_days_before);
  report.sessions = report.injuries.guard.sessions;
  const int run_days_before_tomorrow = HasRun(planned->today) ? planned->run_days_before + 1 : 0;
  report.tomorrow = GuardDay(planned->tomorrow, statuses, run_days_before_tomorrow).sessions;
  if (auto s = Prescribe(db, report); !s) return Fail(s.error());
  return report;
}

}  // namespace stride::app
