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

/// Days the runner was ill, `from` to `to` inclusive.
struct SickSpell {
  core::Date from;
  core::Date to;
};

struct AdaptPlanOptions {
  std::optional<core::Date> race_date;        // a new race date; default: keep
  std::optional<std::optional<double>> goal;  // a new goal (inner nullopt: to finish); default: keep
  std::vector<SickSpell> sick;                // illness to absorb (stride plan adapt --sick FROM[:TO])
  std::string cause;                   // why the caller re-plans (e.g. an injury command); leads the reason
  bool in_caller_transaction = false;  // the caller holds a store::Transaction: save inside it
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
/// recent volume and longest run (so missed days are absorbed and a missed long run is not made up: the
/// next one stays within 110 % of the longest run of the last 30 days), keeping the race date and goal
/// unless `options` changes them. Sick spells plan no running up to their last day, then an easy return
/// (plan/rules.h IllnessEasyDays). A spike, weekly-increase, ACWR or monotony flag (analysis/flags.h) in
/// the 7 days before `date` makes the next 7 days a reduced week. Saves a new version whose reason says
/// what changed and why, naming each flag with its SCIENCE.md source id.
/// Fails like NewPlan, with kNotFound when there is no plan yet, and with kInvalidArgument naming --sick
/// when a spell ends before it starts or starts after `date`.
Result<PlanView> AdaptPlan(store::Database& db, const AdaptPlanOptions& options, core::Date date);

/// Every version, oldest first.
Result<std::vector<store::PlanVersionSummary>> PlanHistory(store::Database& db);

/// The routine ids of the mobility work after a session of `kind` (empty for rest and cross-training).
std::vector<std::string> MobilityRoutinesFor(plan::SessionKind kind);

/// The running done (metres) per local date in [from, to].
Result<std::map<core::Date, double>> RunningByDate(store::Database& db, core::Date from, core::Date to);

}  // namespace stride::app

#endif  // STRIDE_APP_PLAN_H_
