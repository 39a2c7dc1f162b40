// SPDX-License-Identifier: MIT
// The plan reacts to injuries: finds the active injury that keeps the runner from full training longest,
// turns its rehab outlook (care/rehab.h) into the plain return schedule of plan/injury_replan.h, and
// re-plans. Used by app/plan.cc (new and adapted plans) and app/injury.cc (re-plan when an injury command
// changes the outlook). Orchestration only: the rules are in care/ and plan/.
#ifndef STRIDE_APP_PLAN_INJURY_H_
#define STRIDE_APP_PLAN_INJURY_H_

#include <optional>
#include <string>
#include <vector>

#include "care/injury.h"
#include "care/prescription.h"
#include "care/rehab.h"
#include "core/date.h"
#include "core/result.h"
#include "plan/generator.h"
#include "plan/injury_replan.h"
#include "plan/plan.h"

namespace stride::store {
class Database;
}

namespace stride::app {

/// "it-band (right)", "achilles".
std::string InjuryLabel(const care::Injury& injury);

/// The return schedule of `injury` from its outlook on `date`: nullopt when the outlook does not keep the
/// runner from full training after `date` (no active injury, or full training resumed already). An outlook
/// without dates (red flag, or a projection that never ends) needs a clinician.
std::optional<plan::ReturnSchedule> ToReturnSchedule(const care::Injury& injury, const care::RehabOutlook& outlook,
                                                     core::Date date);

/// The injuries active on a date and the schedule of the one that stops running longest (a red flag
/// first, then the latest full-training date, then the latest running date).
struct InjuryOutlook {
  std::optional<plan::ReturnSchedule> schedule;  // nullopt: no injury changes the plan
  std::vector<care::Injury> active;
};

/// Reads the injuries and their pain logs. Fails with kIoError or kCorruptData (a stored name unknown).
Result<InjuryOutlook> LoadInjuryOutlook(store::Database& db, core::Date date);

/// A plan made around the injuries active on `request.start`.
struct InjuryPlan {
  plan::Plan plan;
  std::string reason;                // plan::DescribeReturn, empty when no injury changed the plan
  std::vector<care::Injury> active;  // for the care of each day (AddInjuryFacts)
};

/// plan::GeneratePlan(request), or plan::ReplanAroundInjury when an active injury keeps the runner from full
/// training; the volume before the injury is then the running of the 4 weeks before its onset when any was
/// recorded, else `request.current_weekly_m`. Fails like GeneratePlan and LoadInjuryOutlook.
Result<InjuryPlan> GeneratePlanAroundInjuries(store::Database& db, const plan::PlanRequest& request);

/// Tells the day prescription about the injuries active on `ctx.date`: hours since a fresh injury (no heat
/// in the first 72 h) and bone stress.
void AddInjuryFacts(const std::vector<care::Injury>& active, care::DayContext& ctx);

/// What an injury command did to the saved plan, for the runner to be told.
struct PlanReaction {
  enum class Outcome {
    kUnchanged,  // no plan, its race is past, or the injury did not change the outlook
    kReplanned,  // a new version was saved
    kNotRemade,  // the outlook changed but the plan could not be re-made: `why` says why
  };
  Outcome outcome = Outcome::kUnchanged;
  int version = 0;   // the new version (kReplanned)
  std::string why;   // the new version's reason (kReplanned) or AdaptPlan's refusal (kNotRemade)
};

/// "unchanged", "replanned", "not_remade" (written to JSON: do not rename).
const char* PlanOutcomeName(PlanReaction::Outcome outcome);

/// For injury commands, inside the caller's transaction: when a plan exists whose race is after `date` and
/// the schedule on `date` is no longer `before`, saves a re-planned version (app::AdaptPlan from `date`,
/// or from the plan start when that is later) whose reason starts with `cause`. When AdaptPlan refuses
/// with kInvalidArgument or kNotFound (say, no volume to plan from) nothing is written, the injury command
/// still succeeds, and the outcome is kNotRemade with the refusal. Fails with AdaptPlan's other errors
/// (kIoError, kCorruptData).
Result<PlanReaction> ReplanIfOutlookChanged(store::Database& db, const std::optional<plan::ReturnSchedule>& before,
                                            core::Date date, const std::string& cause);

}  // namespace stride::app

#endif  // STRIDE_APP_PLAN_INJURY_H_
