// SPDX-License-Identifier: MIT
// Pace bands and the choice of fitness behind them (paces.h). SCIENCE.md A1-A3 for the paces.
#include "plan/paces.h"

#include <fmt/format.h>

#include <algorithm>

#include "analysis/vdot.h"
#include "core/units.h"
#include "plan/rules.h"

namespace stride::plan {
namespace {

using core::ErrorCode;

PaceRange Band(double pace_s_per_km) {
  return PaceRange{pace_s_per_km + kPaceBandHalfWidthS, pace_s_per_km - kPaceBandHalfWidthS};
}

// Keeps the band of a slower pace entirely slower than the next faster one: where they overlap both meet
// half a second either side of the middle between their centres.
void Separate(PaceRange& slower, PaceRange& faster) {
  if (slower.fast_s_per_km > faster.slow_s_per_km) return;
  const double middle = 0.5 * (slower.mid_s_per_km() + faster.mid_s_per_km());
  slower.fast_s_per_km = std::max(middle + 0.5, slower.fast_s_per_km);
  faster.slow_s_per_km = std::min(middle - 0.5, faster.slow_s_per_km);
}

std::string Time(double seconds) { return core::FormatDuration(seconds); }

}  // namespace

PlanPaces PacesForVdot(double vdot) {
  const analysis::TrainingPaces daniels = analysis::PacesFromVdot(vdot);
  PlanPaces p;
  p.vdot = vdot;
  p.easy = PaceRange{daniels.easy_slow_s_per_km, daniels.easy_fast_s_per_km};
  p.recovery = PaceRange{daniels.easy_slow_s_per_km + kRecoveryPaceOffsetS, daniels.easy_slow_s_per_km};
  p.marathon = Band(daniels.marathon_s_per_km);
  p.threshold = Band(daniels.threshold_s_per_km);
  p.interval = Band(daniels.interval_s_per_km);
  p.strides = Band(daniels.repetition_s_per_km);
  Separate(p.easy, p.marathon);
  Separate(p.marathon, p.threshold);
  Separate(p.threshold, p.interval);
  Separate(p.interval, p.strides);
  return p;
}

Result<PaceChoice> ChoosePaces(double race_distance_m, std::optional<double> goal_time_s,
                               std::optional<double> current_vdot) {
  PaceChoice choice;
  choice.current_vdot = current_vdot;
  if (goal_time_s) {
    auto goal = analysis::VdotFromPerformance(race_distance_m, *goal_time_s);
    if (!goal) {
      return Fail(ErrorCode::kInvalidArgument, "the goal time is not plausible: " + goal.error().message, "goal");
    }
    choice.goal_vdot = *goal;
  }
  double vdot = kDefaultVdot;
  if (choice.goal_vdot && (!current_vdot || *choice.goal_vdot <= *current_vdot + kGoalBeyondFitnessMarginVdot)) {
    vdot = *choice.goal_vdot;
  } else if (current_vdot) {
    vdot = *current_vdot;
  }
  if (choice.goal_vdot && current_vdot && *choice.goal_vdot > *current_vdot + kGoalBeyondFitnessMarginVdot) {
    choice.warnings.push_back(fmt::format(
        "the goal of {} needs VDOT {:.1f}, {:.1f} points beyond the fitness shown (VDOT {:.1f}), which predicts "
        "{} for this race; paces follow the current fitness, and a new race result can move them",
        Time(*goal_time_s), *choice.goal_vdot, *choice.goal_vdot - *current_vdot, *current_vdot,
        Time(analysis::PredictRaceTime(*current_vdot, race_distance_m))));
  }
  if (!current_vdot && choice.goal_vdot) {
    choice.warnings.push_back(fmt::format(
        "no race result: paces follow the goal (VDOT {:.1f}); add a recent race to check that the goal is realistic",
        *choice.goal_vdot));
  }
  if (!current_vdot && !choice.goal_vdot) {
    choice.warnings.push_back(
        fmt::format("no race result and no goal time: paces assume VDOT {:.0f}; add a recent race for your own paces",
                    kDefaultVdot));
  }
  choice.paces = PacesForVdot(vdot);
  return choice;
}

}  // namespace stride::plan
