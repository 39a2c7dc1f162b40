// SPDX-License-Identifier: MIT
// The plan use cases: gather the request (profile, history, fitness), call the generator, let care fill
// each session's mobility and recovery routines, and save the version. Orchestration only.
#include "app/plan.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "app/athlete.h"
#include "app/training_load.h"
#include "care/catalogue.h"
#include "care/prescription.h"
#include "store/activity_repository.h"
#include "store/database.h"

namespace stride::app {
namespace {

using core::Date;
using core::ErrorCode;

// The "current weekly volume" is the average of the last 4 weeks, and the long-run base the longest run
// of the last 30 days: the windows the 10 % / 110 % progression rules are stated over [nielsen-2025-spike].
constexpr int kVolumeWindowDays = 28;
constexpr int kLongestRunWindowDays = 30;
// A week counts as short of plan below 90 % of its planned running, and a long run as missed when less
// than half of it was run that day (bookkeeping thresholds for the adaptation message, not coaching).
constexpr double kShortWeekFraction = 0.9;
constexpr double kMissedRunFraction = 0.5;

struct Volume {
  double weekly_m = 0;
  double longest_m = 0;
};

// The actual volume before `date`, nullopt when no run was recorded in the window.
Result<std::optional<Volume>> RecentVolume(store::Database& db, Date date) {
  auto runs = RunningByDate(db, date.AddDays(-kLongestRunWindowDays), date.AddDays(-1));
  if (!runs) return Fail(runs.error());
  Volume v;
  bool any = false;
  for (const auto& [day, metres] : *runs) {
    v.longest_m = std::max(v.longest_m, metres);
    if (day >= date.AddDays(-kVolumeWindowDays)) {
      v.weekly_m += metres;
      any = true;
    }
  }
  if (!any) return std::optional<Volume>();
  v.weekly_m /= kVolumeWindowDays / 7.0;
  return std::optional<Volume>(v);
}

Result<std::optional<double>> CurrentVdot(store::Database& db, Date today) {
  auto report = ComputeFitnessReport(db, today);
  if (!report) return Fail(report.error());
  if (!report->fitness.current) return std::optional<double>();
  return std::optional<double>(report->fitness.current->vdot);
}

std::string Km(double metres, core::UnitSystem units) {
  return core::FormatDistance(core::Distance::Metres(metres), units, 1);
}

// The request from the profile, replaced by the recent history when there is one.
Result<plan::PlanRequest> BuildRequest(store::Database& db, const core::Athlete& athlete, Date start,
                                       std::string* volume_note) {
  plan::PlanRequest r;
  r.athlete = athlete;
  r.start = start;
  auto recent = RecentVolume(db, start);
  if (!recent) return Fail(recent.error());
  if (*recent) {
    r.current_weekly_m = (*recent)->weekly_m;
    r.longest_recent_run_m = (*recent)->longest_m;
    if (volume_note) *volume_note = fmt::format("at {}/week from your runs", Km(r.current_weekly_m, athlete.units));
  } else {
    if (!athlete.weekly_distance_m || !athlete.longest_run_m) {
      return Fail(ErrorCode::kInvalidArgument,
                  "no recent runs and no declared volume; import your runs or run: stride athlete set "
                  "--weekly-distance 25km --longest-run 12km",
                  "--weekly-distance");
    }
    r.current_weekly_m = *athlete.weekly_distance_m;
    r.longest_recent_run_m = *athlete.longest_run_m;
    if (volume_note) *volume_note = fmt::format("at {}/week (declared)", Km(r.current_weekly_m, athlete.units));
  }
  auto vdot = CurrentVdot(db, start);
  if (!vdot) return Fail(vdot.error());
  r.vdot = *vdot;
  return r;
}

std::vector<care::DaySession> CareSessions(const plan::PlanDay* day) {
  std::vector<care::DaySession> out;
  if (!day) return out;
  for (const plan::Session& s : day->sessions) {
    out.push_back({plan::SessionKindName(s.kind), s.distance_m, s.duration_s, false});
  }
  return out;
}

// Fills mobility by session kind and, on the day's first session, the day's recovery routines.
Status FillCare(plan::Plan& p, const core::Athlete& athlete) {
  const care::Catalogue& catalogue = care::BuiltinCatalogue();
  std::vector<std::pair<plan::PlanDay*, plan::Phase>> days;
  for (plan::PlanWeek& w : p.weeks) {
    for (plan::PlanDay& d : w.days) days.emplace_back(&d, w.phase);
  }
  for (size_t i = 0; i < days.size(); ++i) {
    plan::PlanDay& day = *days[i].first;
    care::DayContext ctx;
    ctx.date = day.date;
    ctx.today = CareSessions(&day);
    ctx.tomorrow = CareSessions(i + 1 < days.size() ? days[i + 1].first : nullptr);
    ctx.days_to_race = static_cast<int>(day.date.DaysUntil(p.race_date));
    ctx.in_build_phase = days[i].second == plan::Phase::kBuild;
    for (const plan::Session& s : day.sessions) ctx.strength_today |= s.kind == plan::SessionKind::kStrength;
    auto rx = care::PrescribeDay(ctx, athlete, catalogue);
    if (!rx) return Fail(rx.error());
    std::vector<std::string> recovery;
    for (const care::Item& item : rx->recovery) {
      const std::string& name = item.routine.empty() ? item.id : item.routine;
      if (std::find(recovery.begin(), recovery.end(), name) == recovery.end()) recovery.push_back(name);
    }
    for (plan::Session& s : day.sessions) s.mobility = MobilityRoutinesFor(s.kind);
    day.sessions.front().recovery = std::move(recovery);
  }
  return Ok();
}

Result<PlanView> MakeView(store::Database& db, store::PlanVersion version, Date today) {
  auto athlete = GetAthleteOrDefault(db);
  if (!athlete) return Fail(athlete.error());
  PlanView view{std::move(version), athlete->units, *athlete, {}, today};
  auto done = RunningByDate(db, view.version.plan.start, today);
  if (!done) return Fail(done.error());
  view.done_m = std::move(*done);
  return view;
}

// Generates, fills and saves a version; returns the view of it.
Result<PlanView> GenerateAndSave(store::Database& db, const plan::PlanRequest& request, const std::string& reason,
                                 Date today) {
  auto generated = plan::GeneratePlan(request);
  if (!generated) return Fail(generated.error());
  if (auto s = FillCare(*generated, request.athlete); !s) return Fail(s.error());
  store::PlanVersion version{0, today, reason, request, std::move(*generated)};
  auto tx = store::Transaction::Begin(db);
  if (!tx) return Fail(tx.error());
  auto number = store::SavePlanVersion(db, version);
  if (!number) return Fail(number.error());
  if (auto s = tx->Commit(); !s) return Fail(s.error());
  version.version = *number;
  return MakeView(db, std::move(version), today);
}

Status CheckDates(Date start, Date race_date, Date today) {
  if (race_date < today) {
    return Fail(ErrorCode::kInvalidArgument, fmt::format("the race date {} is in the past", core::FormatDate(race_date)),
                "--race-date");
  }
  if (race_date <= start) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("the race date {} must be after the plan start {}", core::FormatDate(race_date),
                            core::FormatDate(start)),
                "--race-date");
  }
  return Ok();
}

// What was done against the plan in the 4 weeks before `date`: short weeks and missed long runs.
std::vector<std::string> Differences(const plan::Plan& p, const std::map<Date, double>& done, Date date,
                                     core::UnitSystem units) {
  std::vector<std::string> out;
  for (const plan::PlanWeek& w : p.weeks) {
    if (w.start >= date || w.start < date.AddDays(-kVolumeWindowDays)) continue;
    double planned = 0, ran = 0;
    std::vector<std::string> missed;
    for (const plan::PlanDay& d : w.days) {
      if (d.date >= date) continue;
      const double day_done = done.contains(d.date) ? done.at(d.date) : 0;
      ran += day_done;
      for (const plan::Session& s : d.sessions) {
        if (!plan::IsRun(s.kind) || s.kind == plan::SessionKind::kRace) continue;
        planned += s.distance_m;
        if (s.kind == plan::SessionKind::kLong && day_done < kMissedRunFraction * s.distance_m) {
          missed.push_back(fmt::format("long run of {} missed", core::FormatDate(d.date)));
        }
      }
    }
    if (planned > 0 && ran < kShortWeekFraction * planned) {
      out.push_back(fmt::format("week {}: {} of {} done", w.index + 1, Km(ran, units), Km(planned, units)));
    }
    out.insert(out.end(), missed.begin(), missed.end());
  }
  return out;
}

}  // namespace

std::vector<std::string> MobilityRoutinesFor(plan::SessionKind kind) {
  using K = plan::SessionKind;
  switch (kind) {
    case K::kLong:
    case K::kRace: return {"post-long-run", "foam-roll-lower-body"};
    case K::kTempo:
    case K::kIntervals:
    case K::kMarathonPace: return {"post-run-stretch", "itb-hip-flexor-focus"};
    case K::kEasy:
    case K::kRecovery:
    case K::kStrides:
    case K::kWalkRun: return {"post-run-stretch"};
    case K::kRest: return {"foam-roll-lower-body"};
    case K::kStrength:
    case K::kCross: return {};
  }
  return {};
}

Result<std::map<Date, double>> RunningByDate(store::Database& db, Date from, Date to) {
  auto list = store::ListActivities(db, from, to);
  if (!list) return Fail(list.error());
  std::map<Date, double> out;
  for (const store::StoredActivity& a : *list) {
    if (!core::IsRun(a.activity.sport) || !std::isfinite(a.activity.distance_m)) continue;
    out[a.activity.LocalStartDate()] += a.activity.distance_m;
  }
  return out;
}

Result<PlanView> NewPlan(store::Database& db, const NewPlanOptions& options, Date today) {
  auto athlete = GetAthlete(db);
  if (!athlete) return Fail(athlete.error());
  const Date start = options.start.value_or(today);
  if (auto s = CheckDates(start, options.race_date, today); !s) return Fail(s.error());
  auto request = BuildRequest(db, *athlete, start, nullptr);
  if (!request) return Fail(request.error());
  request->race_date = options.race_date;
  request->race_distance_m = options.race_distance_m;
  request->goal_time_s = options.goal_time_s;
  return GenerateAndSave(db, *request, "new plan", today);
}

Result<PlanView> ShowPlan(store::Database& db, Date today) {
  auto latest = store::LoadLatestPlanVersion(db);
  if (!latest) return Fail(latest.error());
  if (!*latest) {
    return Fail(ErrorCode::kNotFound, "no plan yet; make one with: stride plan new --race-date YYYY-MM-DD");
  }
  return MakeView(db, std::move(**latest), today);
}

Result<PlanView> AdaptPlan(store::Database& db, const AdaptPlanOptions& options, Date date) {
  auto current = ShowPlan(db, date.AddDays(-1));
  if (!current) return Fail(current.error());
  auto athlete = GetAthlete(db);
  if (!athlete) return Fail(athlete.error());
  const plan::Plan& old = current->version.plan;
  const Date race_date = options.race_date.value_or(old.race_date);
  if (auto s = CheckDates(date, race_date, date); !s) return Fail(s.error());
  std::vector<std::string> changes = Differences(old, current->done_m, date, athlete->units);
  if (race_date != old.race_date) changes.push_back("race date moved to " + core::FormatDate(race_date));
  const std::optional<double> goal = options.goal.value_or(old.goal_time_s);
  if (goal != old.goal_time_s) changes.push_back(goal ? "goal now " + core::FormatDuration(*goal) : "goal now to finish");
  std::string volume_note;
  auto request = BuildRequest(db, *athlete, date, &volume_note);
  if (!request) return Fail(request.error());
  request->race_date = race_date;
  request->race_distance_m = old.race_distance_m;
  request->goal_time_s = goal;
  if (changes.empty()) changes.push_back("on track");
  changes.push_back(fmt::format("re-planned from {} {}", core::FormatDate(date), volume_note));
  std::string reason;
  for (const std::string& c : changes) reason += (reason.empty() ? "" : "; ") + c;
  return GenerateAndSave(db, *request, reason, date);
}

Result<std::vector<store::PlanVersionSummary>> PlanHistory(store::Database& db) {
  return store::ListPlanVersions(db);
}

}  // namespace stride::app
