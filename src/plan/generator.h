// SPDX-License-Identifier: MIT
// The training-plan generator: a pure function from a request (athlete, dates, race, goal, current
// volume and fitness) to a Plan (plan.h). No I/O and no clock: the same request gives the same plan.
// The rules it applies are in rules.h; docs/plan.md explains them with their sources.
#ifndef STRIDE_PLAN_GENERATOR_H_
#define STRIDE_PLAN_GENERATOR_H_

#include <optional>
#include <vector>

#include "core/athlete.h"
#include "core/date.h"
#include "core/result.h"
#include "core/units.h"
#include "plan/plan.h"

namespace stride::plan {

/// What an adaptation asks of the first days of a re-plan (app::AdaptPlan; rules.h "Adaptation"). Each
/// window runs from the plan start up to the day before its date; unset windows change nothing.
struct PlanAdjustments {
  std::optional<core::Date> no_running_until;  // days before it hold no run (the runner is ill)
  std::optional<core::Date> easy_until;        // days before it hold no quality session, strides or fast
                                               // long-run segment (the return after illness)
  std::optional<core::Date> reduced_until;     // days before it plan `reduced_volume_factor` of the volume
  double reduced_volume_factor = 1.0;          // 0 < factor <= 1; the long run is scaled alike
};

/// A run on a day, for the spike rule's window.
struct DatedRun {
  core::Date date;
  double distance_m = 0;

  bool operator==(const DatedRun&) const = default;
};

struct PlanRequest {
  /// Uses `training_days` (required) and `long_run_day` (default: Sunday, else Saturday, else the last
  /// training day); `races` gives the current fitness when `vdot` is not set.
  core::Athlete athlete;
  core::Date start;      // the first day of the plan
  core::Date race_date;  // the race is the last session of the plan
  double race_distance_m = core::kMarathonMetres;
  std::optional<double> goal_time_s;  // nullopt: to finish
  double current_weekly_m = 0;        // running in a typical recent week
  double longest_recent_run_m = 0;    // the longest run of the last 30 days
  /// The dated runs behind longest_recent_run_m, when known (the build after an injury): the spike rule
  /// counts each until kSpikeWindowDays after its day. Empty: longest_recent_run_m counts as run the day
  /// before `start`. Not stored with a plan version (store/plan_codec.h).
  std::vector<DatedRun> recent_runs;
  std::optional<double> vdot;         // current fitness; else from athlete.races, else from the goal
  PlanAdjustments adjustments;        // none for a new plan
};

/// Builds the plan: weeks of 7 days ending on race day (the first week may be shorter), with phases
/// base, build, peak, taper and race, and the race as the last session.
/// Every week keeps the rules of rules.h. When the race is too close for a safe build the plan is still
/// returned, with `feasible` false and warnings giving the reason and the options (a later race, from
/// `earliest_feasible_race_date`; a shorter race; a run-walk finish).
/// Fails with kInvalidArgument when the race is not after the start or more than two years away, there are
/// no training days, the long-run day is not a training day, the distance is outside 5-50 km, the volumes
/// are below 1 km or implausible, the VDOT is outside 15-90, the goal time is not a plausible run, or the
/// reduced-volume factor is not in (0, 1].
Result<Plan> GeneratePlan(const PlanRequest& request);

}  // namespace stride::plan

#endif  // STRIDE_PLAN_GENERATOR_H_
