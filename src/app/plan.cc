// SPDX-License-Identifier: MIT
// The plan use cases: gather the request (profile, history, fitness), call the generator, let care fill
// each session's mobility and recovery routines, and save the version. Orchestration only.
#include "app/plan.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "app/athlete.h"
#include "app/plan_injury.h"
#include "app/training_load.h"
#include "care/catalogue.h"
#include "care/prescription.h"
#include "plan/rules.h"
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
Status FillCare(plan::Plan& p, const core::Athlete& athlete, const std::vector<care::Injury>& injuries) {
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
    AddInjuryFacts(injuries, ctx);  // no heat on a fresh injury (app/plan_injury.h)
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
                                 Date today, bool in_caller_transaction = false) {
  auto generated = GeneratePlanAroundInjuries(db, request);  // rehab and return weeks (app/plan_injury.h)
  if (!generated) return Fail(generated.error());
  if (auto s = FillCare(generated->plan, request.athlete, generated->active); !s) return Fail(s.error());
  const std::string full_reason = generated->reason.empty() ? reason : reason + "; " + generated->reason;
  store::PlanVersion version{0, today, full_reason, request, std::move(generated->plan)};
  std::optional<store::Transaction> tx;
  if (!in_caller_transaction) {
    auto begun = store::Transaction::Begin(db);
    if (!begun) return Fail(begun.error());
    tx.emplace(std::move(*begun));
  }
  auto number = store::SavePlanVersion(db, version);
  if (!number) return Fail(number.error());
  if (tx) {
    if (auto s = tx->Commit(); !s) return Fail(s.error());
  }
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
          missed.push_back(fmt::format("long run of {} missed (not made up: the next long run stays within 110 % "
                                       "of your longest run of the last 30 days [nielsen-2025-spike])",
                                       core::FormatDate(d.date)));
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

Date Later(const std::optional<Date>& a, Date b) { return a && *a > b ? *a : b; }

// What the previous version's adaptation still asks of the days from `date` on: an illness's no-running
// days and easy return, a load flag's reduced week. A re-plan without --sick must not drop them.
plan::PlanAdjustments StillInForce(const plan::PlanAdjustments& previous, Date date, int version,
                                   std::vector<std::string>& changes) {
  plan::PlanAdjustments a;
  std::vector<std::string> kept;
  if (previous.no_running_until && *previous.no_running_until > date) {
    a.no_running_until = previous.no_running_until;
    kept.push_back("no running until " + core::FormatDate(*previous.no_running_until));
  }
  if (previous.easy_until && *previous.easy_until > date) {
    a.easy_until = previous.easy_until;
    kept.push_back("no hard sessions to " + core::FormatDate(previous.easy_until->AddDays(-1)));
  }
  if (previous.reduced_until && *previous.reduced_until > date && previous.reduced_volume_factor < 1) {
    a.reduced_until = previous.reduced_until;
    a.reduced_volume_factor = previous.reduced_volume_factor;
    kept.push_back(fmt::format("{:.0f} % volume to {}", 100 * previous.reduced_volume_factor,
                               core::FormatDate(previous.reduced_until->AddDays(-1))));
  }
  if (!kept.empty()) {
    std::string text = fmt::format("still in force from version {}:", version);
    for (size_t i = 0; i < kept.size(); ++i) text += (i == 0 ? " " : ", ") + kept[i];
    changes.push_back(std::move(text));
  }
  return a;
}

// Sick spells: no running up to the last sick day, then the easy return of plan/rules.h.
Status AbsorbIllness(const std::vector<SickSpell>& spells, Date date, plan::PlanAdjustments& a,
                     std::vector<std::string>& changes) {
  for (const SickSpell& spell : spells) {
    const std::string from = core::FormatDate(spell.from), to = core::FormatDate(spell.to);
    if (spell.to < spell.from) return Fail(ErrorCode::kInvalidArgument, to + " is before " + from, "--sick");
    if (spell.from > date) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("the illness starts on {}, after {}: record it from its first day on", from,
                              core::FormatDate(date)),
                  "--sick");
    }
    const int sick_days = static_cast<int>(spell.from.DaysUntil(spell.to)) + 1;
    const Date back = spell.to.AddDays(1);
    const Date easy_until = back.AddDays(plan::IllnessEasyDays(sick_days));
    std::string text = fmt::format("ill {} to {} ({} day{})", from, to, sick_days, sick_days == 1 ? "" : "s");
    if (back > date) {
      a.no_running_until = Later(a.no_running_until, back);
      text += fmt::format(": no running until {}", core::FormatDate(back));
    }
    if (easy_until > date) {
      a.easy_until = Later(a.easy_until, easy_until);
      a.reduced_until = Later(a.reduced_until, easy_until);
      a.reduced_volume_factor = std::min(a.reduced_volume_factor, plan::kIllnessReturnVolumeFactor);
      text += fmt::format(
          "{} easy return to {}: {:.0f} % volume, no hard sessions (one easy day per day ill, Stride convention [U])",
          back > date ? ", then an" : ": an", core::FormatDate(easy_until.AddDays(-1)),
          100 * plan::kIllnessReturnVolumeFactor);
    } else {
      text += ": the easy return after it is over";
    }
    changes.push_back(std::move(text));
  }
  return Ok();
}

bool ReducesLoad(analysis::FlagRule rule) {
  return rule == analysis::FlagRule::kSingleRunSpike || rule == analysis::FlagRule::kWeeklyDistanceIncrease ||
         rule == analysis::FlagRule::kHighAcwr || rule == analysis::FlagRule::kHighMonotony;
}

// Load flags of the days before `date`: each named with its source, and the next week reduced.
Status HeedLoadFlags(store::Database& db, Date date, plan::PlanAdjustments& a, std::vector<std::string>& changes) {
  auto report = ComputeLoadReport(db, date.AddDays(-1), date.AddDays(-plan::kFlagLookbackDays));
  if (!report) return Fail(report.error());
  std::set<analysis::FlagRule> seen;
  for (const analysis::Flag& f : report->flags) {
    if (!ReducesLoad(f.rule) || !seen.insert(f.rule).second) continue;
    std::string sources = f.source_id;
    for (size_t at = sources.find(' '); at != std::string::npos; at = sources.find(' ', at + 3)) {
      sources.replace(at, 1, "] [");
    }
    changes.push_back(fmt::format("load flag {} on {} [{}]", analysis::FlagRuleId(f.rule), core::FormatDate(f.date),
                                  sources));
  }
  if (seen.empty()) return Ok();
  const Date until = date.AddDays(plan::kFlagReducedDays);
  a.reduced_until = Later(a.reduced_until, until);
  a.reduced_volume_factor = std::min(a.reduced_volume_factor, plan::kFlagReducedVolumeFactor);
  changes.push_back(fmt::format("so the {} days to {} are reduced to {:.0f} % volume", plan::kFlagReducedDays,
                                core::FormatDate(until.AddDays(-1)), 100 * plan::kFlagReducedVolumeFactor));
  return Ok();
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
  plan::PlanAdjustments adjustments =
      StillInForce(current->version.request.adjustments, date, current->version.version, changes);
  if (auto s = AbsorbIllness(options.sick, date, adjustments, changes); !s) return Fail(s.error());
  if (auto s = HeedLoadFlags(db, date, adjustments, changes); !s) return Fail(s.error());
  if (race_date != old.race_date) changes.push_back("race date moved to " + core::FormatDate(race_date));
  const std::optional<double> goal = options.goal.value_or(old.goal_time_s);
  if (goal != old.goal_time_s) changes.push_back(goal ? "goal now " + core::FormatDuration(*goal) : "goal now to finish");
  std::string volume_note;
  auto request = BuildRequest(db, *athlete, date, &volume_note);
  if (!request) return Fail(request.error());
  request->race_date = race_date;
  request->race_distance_m = old.race_distance_m;
  request->goal_time_s = goal;
  request->adjustments = adjustments;
  if (changes.empty()) changes.push_back("on track");
  changes.push_back(fmt::format("re-planned from {} {}", core::FormatDate(date), volume_note));
  std::string reason;
  for (const std::string& c : changes) reason += (reason.empty() ? "" : "; ") + c;
  if (!options.cause.empty()) reason = options.cause + "; " + reason;
  return GenerateAndSave(db, *request, reason, date, options.in_caller_transaction);
}

Result<std::vector<store::PlanVersionSummary>> PlanHistory(store::Database& db) {
  return store::ListPlanVersions(db);
}

}  // namespace stride::app
