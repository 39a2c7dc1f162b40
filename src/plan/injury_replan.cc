// SPDX-License-Identifier: MIT
// ReplanAroundInjury (injury_replan.h): lays the rehab and return days on GeneratePlan's week grid, then the
// build re-generated from the day full training resumes, and says honestly what the injury changed.
#include "plan/injury_replan.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "core/units.h"
#include "plan/rules.h"

namespace stride::plan {
namespace {

using core::Date;
using core::FormatDate;

// GeneratePlan's lower bound for the weekly volume and the longest recent run.
constexpr double kMinRequestM = 1000;

bool IsTrainingDay(const PlanRequest& r, Date d) {
  const auto& days = r.athlete.training_days;
  return std::find(days.begin(), days.end(), d.weekday()) != days.end();
}

Session RehabRoutineSession() {
  Session s;
  s.kind = SessionKind::kStrength;
  s.title = "Rehab routine";
  s.description =
      "No running. Today's rehab routine for your stage: stride rehab shows the exercises and their doses; log "
      "your pain with stride injury log.";
  return s;
}

Session CrossTrainingSession() {
  Session s;
  s.kind = SessionKind::kCross;
  s.title = "Cross-training (pain-free)";
  s.description =
      "About 30 min of easy cycling, swimming or pool running, only if it stays pain-free (at most 2/10); "
      "no running.";
  s.duration_s = kRehabCrossTrainingS;
  return s;
}

Session ClinicianSession() {
  Session s;
  s.kind = SessionKind::kRest;
  s.title = "No running: see a clinician";
  s.description =
      "A red flag is active: stop running and see a clinician (doctor or physiotherapist) before running again. "
      "The plan is re-made when the flag is cleared.";
  return s;
}

Session WalkRun(const WalkRunSession& w) {
  Session s;
  s.kind = SessionKind::kWalkRun;
  s.title = w.title;
  s.description = w.description + ". Flat ground, easy effort; log the pain during, after and next morning "
                                  "with stride injury log.";
  s.distance_m = w.distance_m;
  s.duration_s = w.total_min * 60;
  Step run;
  run.type = StepType::kWork;
  run.duration_s = w.run_min * 60.0;
  if (w.walk_min <= 0) {
    s.steps.push_back(run);
    return s;
  }
  Step walk;
  walk.type = StepType::kRecovery;
  walk.duration_s = w.walk_min * 60.0;
  Step repeat;
  repeat.type = StepType::kRepeat;
  repeat.count = std::max(1, w.repeats);
  repeat.steps = {walk, run};
  s.steps.push_back(std::move(repeat));
  return s;
}

// Lays out the days up to full training: no running, then the walk-run return.
class InterruptedDays {
 public:
  InterruptedDays(const PlanRequest& request, const ReturnSchedule& schedule, Date return_end)
      : request_(request), schedule_(schedule) {
    for (const WalkRunSession& w : schedule.sessions) {
      if (w.date >= schedule.running_resumes && w.date < return_end) walk_runs_.emplace(w.date, &w);
    }
  }

  PlanDay Day(Date d) const {
    PlanDay day;
    day.date = d;
    if (schedule_.needs_clinician) {
      day.sessions.push_back(ClinicianSession());
    } else if (auto it = walk_runs_.find(d); it != walk_runs_.end()) {
      day.sessions.push_back(WalkRun(*it->second));
    } else {
      if (d < schedule_.running_resumes && IsTrainingDay(request_, d)) day.sessions.push_back(CrossTrainingSession());
      day.sessions.push_back(RehabRoutineSession());
    }
    return day;
  }

 private:
  const PlanRequest& request_;
  const ReturnSchedule& schedule_;
  std::map<Date, const WalkRunSession*> walk_runs_;
};

double PlannedRunningM(const PlanWeek& w) {
  double sum = 0;
  for (const PlanDay& d : w.days) {
    for (const Session& s : d.sessions) sum += IsRun(s.kind) && s.kind != SessionKind::kRace ? s.distance_m : 0;
  }
  return sum;
}

// GeneratePlan's grid (weeks ending on race day, the first shorter): interrupted days before `build_from`
// (every day when there is no build), the build's days from it.
std::vector<PlanWeek> AssembleWeeks(const PlanRequest& r, const ReturnSchedule& s, const Plan* build) {
  static const std::vector<PlanWeek> kNoWeeks;
  const Date build_from = build ? build->start : r.race_date.AddDays(1);
  const InterruptedDays interrupted(r, s, build_from);
  std::map<Date, const PlanDay*> build_days;
  std::map<Date, const PlanWeek*> build_weeks;
  for (const PlanWeek& w : build ? build->weeks : kNoWeeks) {
    build_weeks.emplace(w.start, &w);
    for (const PlanDay& d : w.days) build_days.emplace(d.date, &d);
  }
  const int num_weeks = static_cast<int>((r.start.DaysUntil(r.race_date) + 1 + 6) / 7);
  std::vector<PlanWeek> weeks;
  for (int k = 0; k < num_weeks; ++k) {
    const Date end = r.race_date.AddDays(-7 * (num_weeks - 1 - k));
    const Date first = std::max(r.start, end.AddDays(-6));
    PlanWeek week;
    if (auto it = build_weeks.find(first); first >= build_from && it != build_weeks.end()) {
      week = *it->second;
    } else {
      week.start = first;
      const bool all_rehab = s.needs_clinician || end < s.running_resumes;
      week.phase = all_rehab ? Phase::kRehab : Phase::kReturn;
      for (Date d = first; d <= end; d = d.AddDays(1)) {
        auto day = build_days.find(d);
        week.days.push_back(day != build_days.end() ? *day->second : interrupted.Day(d));
      }
      week.planned_distance_m = PlannedRunningM(week);
    }
    week.index = k;
    weeks.push_back(std::move(week));
  }
  return weeks;
}

// The runs that still count under the spike rule on the day full training resumes: the walk-run sessions
// and the runs before the injury of the kSpikeWindowDays before it [nielsen-2025-spike].
std::vector<DatedRun> CountingRuns(const ReturnSchedule& s) {
  const Date from = s.full_training_resumes.AddDays(-kSpikeWindowDays);
  const auto in_window = [&](Date d) { return d >= from && d < s.full_training_resumes; };
  std::vector<DatedRun> runs;
  for (const auto& [date, metres] : s.running_before) {
    if (in_window(date) && date < s.onset && metres > 0) runs.push_back({date, metres});
  }
  for (const WalkRunSession& w : s.sessions) {
    if (in_window(w.date) && w.distance_m > 0) runs.push_back({w.date, w.distance_m});
  }
  return runs;
}

// Whether the longest counting run is one from before the injury (for the warning).
bool LongestIsBeforeInjury(const ReturnSchedule& s) {
  const std::vector<DatedRun> runs = CountingRuns(s);
  const auto longest = std::max_element(runs.begin(), runs.end(),
                                        [](const DatedRun& a, const DatedRun& b) { return a.distance_m < b.distance_m; });
  return longest != runs.end() && longest->date < s.onset;
}


std::vector<std::string> ClinicianWarnings(const ReturnSchedule& s) {
  return {fmt::format("injury {}: a red flag is active: stop running and see a clinician (doctor or "
                      "physiotherapist) before running again; this plan has no running at all",
                      s.injury),
          "the plan is re-made when a clinician clears the flag (stride injury clear-flags ID): rehab, a walk-run "
          "return and a new build to the race then follow"};
}

std::string ReturnWarning(const PlanRequest& r, const ReturnSchedule& s, const PlanRequest& build) {
  return fmt::format(
      "{}; the build restarts at {:.0f} % of the weekly volume before the injury ({:.1f} of {:.1f} km), and runs "
      "grow at most 10 % above the longest run of the 30 days before ({:.1f} km{})",
      DescribeReturn(s), kReturnVolumeFactor * 100,
      build.current_weekly_m / 1000, r.current_weekly_m / 1000, build.longest_recent_run_m / 1000,
      LongestIsBeforeInjury(s) ? ", run before the injury" : ", the return's");
}

// The earliest safe race date when the return ends on or after race day: the first race-day weekday after
// full training resumes, or GeneratePlan's earliest feasible date from there.
Result<std::optional<Date>> EarliestRaceAfterReturn(const PlanRequest& build) {
  PlanRequest probe = build;
  while (probe.race_date <= probe.start) probe.race_date = probe.race_date.AddDays(7);
  auto plan = GeneratePlan(probe);
  if (!plan) return Fail(plan.error());
  if (plan->feasible) return std::optional<Date>(probe.race_date);
  return plan->earliest_feasible_race_date;
}

Result<Plan> WithoutBuild(const PlanRequest& r, const ReturnSchedule& s, Plan plan) {
  const PlanRequest build = BuildRequestAfterReturn(r, s);
  auto earliest = EarliestRaceAfterReturn(build);
  if (!earliest) return Fail(earliest.error());
  plan.feasible = false;
  plan.earliest_feasible_race_date = *earliest;
  plan.warnings = {ReturnWarning(r, s, build),
                   fmt::format("full training resumes only on {}, not before race day: this race cannot be run "
                               "safely, not even walking part of it",
                               FormatDate(s.full_training_resumes))};
  plan.warnings.push_back(*earliest ? fmt::format("option: a later race; the earliest date with a safe build is {}",
                                                  FormatDate(**earliest))
                                    : "option: a later race; no date within a year allows a safe build");
  plan.weeks = AssembleWeeks(r, s, nullptr);
  return plan;
}

}  // namespace

PlanRequest BuildRequestAfterReturn(const PlanRequest& request, const ReturnSchedule& schedule) {
  PlanRequest build = request;
  build.start = schedule.full_training_resumes;
  build.current_weekly_m = std::max(kMinRequestM, RoundDownDistance(kReturnVolumeFactor * request.current_weekly_m));
  build.recent_runs = CountingRuns(schedule);
  double longest_m = 0;
  for (const DatedRun& run : build.recent_runs) longest_m = std::max(longest_m, run.distance_m);
  build.longest_recent_run_m = std::max(kMinRequestM, longest_m > 0 ? longest_m : kMinRunM);
  if (longest_m < build.longest_recent_run_m) build.recent_runs.clear();  // none: the floor, as before the start
  return build;
}

std::string DescribeReturn(const ReturnSchedule& s) {
  if (s.needs_clinician) return fmt::format("injury {}: red flag, no running until a clinician clears it", s.injury);
  return fmt::format("injury {}: rehab until {}, walk-run return until {}, build re-planned from {}", s.injury,
                     FormatDate(s.running_resumes), FormatDate(s.full_training_resumes),
                     FormatDate(s.full_training_resumes));
}

Result<Plan> ReplanAroundInjury(const PlanRequest& request, const ReturnSchedule& schedule) {
  auto base = GeneratePlan(request);
  if (!base) return Fail(base.error());
  if (schedule.needs_clinician) {
    base->feasible = false;
    base->earliest_feasible_race_date.reset();
    base->warnings = ClinicianWarnings(schedule);
    base->weeks = AssembleWeeks(request, schedule, nullptr);
    return base;
  }
  if (schedule.full_training_resumes < schedule.running_resumes) {
    return Fail(core::ErrorCode::kInvalidArgument, "full training cannot resume before running does",
                "return_schedule");
  }
  if (schedule.full_training_resumes <= request.start) return base;
  if (schedule.full_training_resumes >= request.race_date) return WithoutBuild(request, schedule, std::move(*base));
  const PlanRequest build_request = BuildRequestAfterReturn(request, schedule);
  auto build = GeneratePlan(build_request);
  if (!build) return Fail(build.error());
  Plan plan = *base;
  plan.feasible = build->feasible;
  plan.earliest_feasible_race_date = build->earliest_feasible_race_date;
  plan.paces = build->paces;
  plan.warnings = {ReturnWarning(request, schedule, build_request)};
  if (request.goal_time_s) {
    plan.warnings.push_back(fmt::format(
        "the goal {} was set for an uninterrupted build: with {} days without full training it is now less likely; "
        "running to finish is the safe choice",
        core::FormatDuration(*request.goal_time_s), request.start.DaysUntil(schedule.full_training_resumes)));
  }
  plan.warnings.insert(plan.warnings.end(), build->warnings.begin(), build->warnings.end());
  plan.weeks = AssembleWeeks(request, schedule, &*build);
  return plan;
}

}  // namespace stride::plan
