// SPDX-License-Identifier: MIT
// Pace targets for a plan: which fitness (VDOT) the paces come from, the bands drawn from Daniels' paces
// (analysis/vdot.h), and the warnings about the goal. Used by generator.cc; a plan module internal.
#ifndef STRIDE_PLAN_PACES_H_
#define STRIDE_PLAN_PACES_H_

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "plan/plan.h"

namespace stride::plan {

/// The paces of a plan and how they were chosen.
struct PaceChoice {
  PlanPaces paces;
  std::optional<double> goal_vdot;     // the VDOT the goal time needs, when the goal is a time
  std::optional<double> current_vdot;  // the fitness shown, when known
  std::vector<std::string> warnings;
};

/// Bands for one VDOT: easy [slow, fast] from Daniels' E range, recovery 30 s/km slower than easy, and
/// marathon, threshold, interval and strides (R) paces +- 5 s/km, narrowed where neighbours would overlap so
/// that easy > marathon > threshold > interval > strides (slower to faster).
/// REQUIRES: 15 <= vdot <= 90.
PlanPaces PacesForVdot(double vdot);

/// Chooses the fitness the paces come from: the goal's VDOT when the goal is a time no more than
/// kGoalBeyondFitnessMarginVdot beyond the current fitness (or the fitness is unknown); else the current
/// fitness; else kDefaultVdot. Warns when the goal is beyond the fitness shown, saying by how much and what
/// the current fitness predicts, and when paces rest on a default.
/// Fails with kInvalidArgument when the goal time is not a plausible run over `race_distance_m`.
Result<PaceChoice> ChoosePaces(double race_distance_m, std::optional<double> goal_time_s,
                               std::optional<double> current_vdot);

}  // namespace stride::plan

#endif  // STRIDE_PLAN_PACES_H_
