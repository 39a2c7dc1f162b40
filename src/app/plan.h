// SPDX-License-Identifier: MIT
// Use cases for the training plan: make a new plan from the profile and the training history, show the
// latest version with what was done each week, adapt it to what was actually run, and list versions.
// Every plan made or adapted is saved as a new version with its reason (store/plan_repository.h).
#ifndef STRIDE_APP_PLAN_H_
#define STRIDE_APP_PLAN_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/athlete.h"
#include "core/date.h"
#include "core/result.h"
#include "plan/generator.h"
#include "plan/plan.h"
#include "store/plan_repository.h"

namespace stride::store {
class Database;
}

namespace stride::app {

struct NewPlanOptions {
  core::Date race_date;
  double race_distance_m = core::kMarathonMetres;
  std::optional<double> goal_time_s;  // nullopt: to finish
  std::optional<core::Date> start;    // default: today
};

struct AdaptPlanOptions {
  std::optional<core::Date> race_date;        // a new race date; default: keep
  std::optional<std::optional<double>> goal;  // a new goal (inner nullopt: to finish); default: keep
};

/// A plan version as the faces show it: the version, the runner's units and profile, and the running
/// done on each date of the plan up to `as_of` (metres; dates without running are absent).
struct PlanView {
  store::PlanVersion version;
  core::UnitSystem units = core::UnitSystem::kKilometres;
  core::Athlete athlete;
  std::map<core::Date, double> done_m;
  core::Date as_of;
};

/// Builds and saves (as version N+1, reason "new plan") a plan from the profile; when runs exist in the
/// 4 weeks before the start, their weekly average and the longest run of the 30 days before replace the
/// declared volumes, and the current VDOT comes from the fitness estimate (else the latest race). Every
/// session gets mobility routines by kind and the day's recovery routines from care::PrescribeDay.
/// Fails with kNotFound (naming `stride athlete set`) without a profile; kInvalidArgument naming
/// --race-date when the race is not after the start, or --start when the start is before today.
Result<PlanView> NewPlan(store::Database& db, const NewPlanOptions& options, core::Date today);

/// The latest version with the running done up to `today`. kNotFound (naming `stride plan new`) when none.
Result<PlanView> ShowPlan(store::Database& db, core::Date today);

/// Compares what was run with what was planned before `date` and re-plans from `date` with the actual
/// recent volume and longest run (so a missed long run is not made up), keeping the race date and goal
/// unless `options` changes them. Saves a new version whose reason says what changed.
/// Fails like NewPlan, and with kNotFound when there is no plan yet.
Result<PlanView> AdaptPlan(store::Database& db, const AdaptPlanOptions& options, core::Date date);

/// Every version, oldest first.
Result<std::vector<store::PlanVersionSummary>> PlanHistory(store::Database& db);

/// The routine ids of the mobility work after a session of `kind` (empty for rest and cross-training).
std::vector<std::string> MobilityRoutinesFor(plan::SessionKind kind);

/// The running done (metres) per local date in [from, to].
Result<std::map<core::Date, double>> RunningByDate(store::Database& db, core::Date from, core::Date to);

}  // namespace stride::app

#endif  // STRIDE_APP_PLAN_H_
