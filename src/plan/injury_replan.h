// SPDX-License-Identifier: MIT
// When injury interrupts the plan: rehab weeks without running, return weeks with walk-run sessions, then
// a build re-planned by GeneratePlan from the day full training resumes, at reduced volume. Takes the
// return schedule as plain values (app/ converts care/'s rehab outlook), so plan/ knows nothing of care/.
// Pure: no clock, no I/O. docs/plan.md "When injury interrupts the plan" explains it.
#ifndef STRIDE_PLAN_INJURY_REPLAN_H_
#define STRIDE_PLAN_INJURY_REPLAN_H_

#include <map>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "plan/generator.h"
#include "plan/plan.h"
#include "plan/rules.h"

namespace stride::plan {

/// The build after an injury starts at half the weekly volume of before the injury. SCIENCE.md gives no
/// number for the restart (E7 [arc-running] only says +~10 % a week from the end of the return): a Stride
/// convention [U]. The spike rule (C3 [nielsen-2025-spike]) applies from the walk-run runs, as E7 says, and
/// to the runs before the injury for as long as they are within its window.
inline constexpr double kReturnVolumeFactor = 0.5;
/// Pain-free cross-training on a training day without running: 30 min, a Stride convention [U]
/// (docs/rehab.md: relative rest, pain-free cross-training such as easy cycling).
inline constexpr double kRehabCrossTrainingS = 30 * 60;

/// One walk-run session of the return to running, on the date care/ projects it.
struct WalkRunSession {
  core::Date date;
  std::string title;        // e.g. "Walk-run phase 2"
  std::string description;  // e.g. "walk 2 min / run 3 min x 3 (2.4 km), RPE 3/10"
  int walk_min = 0;         // walking per cycle; 0 for a continuous run
  int run_min = 0;          // running per cycle (a continuous run: all of it)
  int repeats = 1;          // cycles of walking then running, >= 1
  double total_min = 0;     // walking and running
  double distance_m = 0;

  bool operator==(const WalkRunSession&) const = default;
};

/// When the runner may run again, as plain dates. Days before `running_resumes` have no running at all
/// (protect and rehab); days from `running_resumes` to the day before `full_training_resumes` hold only
/// the walk-run `sessions`; full training resumes on `full_training_resumes`. With `needs_clinician` (an
/// active red flag) the dates and sessions are ignored: no running until a clinician clears the flag.
struct ReturnSchedule {
  std::string injury;  // what it is, for warnings and reasons: "it-band (right)"
  bool needs_clinician = false;
  core::Date onset;    // the injury's first day
  /// Running recorded in the kSpikeWindowDays before `onset`, metres by day. Under the spike rule a run
  /// still counts for 30 days [nielsen-2025-spike], so after a short break these bound the first runs too.
  std::map<core::Date, double> running_before;
  core::Date running_resumes;
  core::Date full_training_resumes;     // REQUIRES: >= running_resumes
  std::vector<WalkRunSession> sessions;  // in date order; those outside the return window are ignored

  bool operator==(const ReturnSchedule&) const = default;
};

/// The request for the build after the return: it starts on `full_training_resumes`, at kReturnVolumeFactor
/// of `request.current_weekly_m`; its `recent_runs` are the walk-run sessions and the runs of `running_before`
/// in the kSpikeWindowDays before that date, each counting for 30 days from its own day, and its longest
/// recent run is the longest of them (kMinRunM when there is none), so that the spike rule grows the runs
/// from the runs that still count. Everything else is kept.
PlanRequest BuildRequestAfterReturn(const PlanRequest& request, const ReturnSchedule& schedule);

/// "injury it-band (right): rehab until 2026-05-18, walk-run return until 2026-06-08, build re-planned from
/// 2026-06-08", or "... red flag: no running until a clinician clears it".
std::string DescribeReturn(const ReturnSchedule& schedule);

/// GeneratePlan(request) re-made around an injury. Weeks keep GeneratePlan's grid (7 days ending on race
/// day, the first one shorter). Days before `running_resumes` are no-running days (cross-training on
/// training days, the rehab routine every day) in weeks of phase rehab; walk-run sessions (kWalkRun, steps:
/// a repeat of walk then run) fall on their dates in weeks of phase return; from `full_training_resumes`
/// every day is GeneratePlan(BuildRequestAfterReturn(...))'s. `feasible`, `earliest_feasible_race_date`
/// and the warnings are the build's, plus the injury's; when full training resumes only on or after race
/// day there is no build and no race session, `feasible` is false and the warnings give the earliest safe
/// race date. With `needs_clinician` every day is a no-running day, `feasible` is false and a warning
/// says to see a clinician and that the plan is re-made when the flag is cleared. When full training has
/// already resumed by `request.start` the plan is GeneratePlan(request) unchanged.
/// Fails like GeneratePlan, and with kInvalidArgument when full_training_resumes < running_resumes.
Result<Plan> ReplanAroundInjury(const PlanRequest& request, const ReturnSchedule& schedule);

}  // namespace stride::plan

#endif  // STRIDE_PLAN_INJURY_REPLAN_H_
