// SPDX-License-Identifier: MIT
// Fitness (VDOT) from races and from best efforts inside training runs: a dated history, the current
// estimate, a 4-weekly trend, and race predictions from the current estimate (analysis/vdot.h).
// SCIENCE.md A1 [daniels-gilbert-1979]; rule for training efforts in docs/metrics.md#fitness.
#ifndef STRIDE_ANALYSIS_FITNESS_H_
#define STRIDE_ANALYSIS_FITNESS_H_

#include <optional>
#include <span>
#include <vector>

#include "analysis/best_efforts.h"
#include "core/activity.h"
#include "core/athlete.h"
#include "core/date.h"
#include "core/result.h"

namespace stride::analysis {

/// A best effort inside a training run is not a race: its VDOT is multiplied by this factor. The equations
/// [daniels-gilbert-1979] describe all-out races; a fastest segment picked from many overlapping windows
/// is also biased upward by GPS distance error. Stride convention [U]: 0.97 (about 3 % of VDOT).
inline constexpr double kTrainingEffortVdotFactor = 0.97;
/// The current estimate is the best estimate dated within the last 8 weeks (56 days). Stride convention [U].
inline constexpr int kCurrentFitnessWindowDays = 56;
/// A race (a race activity or a declared result) stays a candidate for the current estimate for 26 weeks
/// (182 days): easy training runs understate fitness, and paces drawn from them would slow the plan down,
/// the runner with it, and the next estimate again. Training efforts can raise fitness above a recent
/// race, not lower it. Stride convention [U]; SCIENCE.md has no detraining rate.
inline constexpr int kRaceFitnessWindowDays = 182;
/// Trend: the best estimate in each 4-week block, over the last 6 blocks (about half a year) [U].
inline constexpr int kTrendBlockDays = 28;
inline constexpr int kTrendBlockCount = 6;

/// Where an estimate comes from. Names are serialised (VdotSourceName): do not rename.
enum class VdotSource { kRaceActivity, kDeclaredRace, kBestEffort };
const char* VdotSourceName(VdotSource source);  // "race_activity", "declared_race", "best_effort"

struct VdotEstimate {
  core::Date date;
  double vdot = 0;  // after the training discount for best efforts
  VdotSource source = VdotSource::kBestEffort;
  double distance_m = 0;
  double time_s = 0;
};

/// What fitness needs from one activity: its date, whether it was a race, its distance and elapsed
/// time, and its best efforts.
struct FitnessInput {
  core::Date date;
  bool is_race = false;
  double distance_m = core::kNaN;
  double elapsed_s = core::kNaN;
  std::vector<BestEffort> best_efforts;
};

/// Builds the input from an activity (running sports only get best efforts; others get none).
/// `is_race` comes from the caller (the activity model has no race marker).
FitnessInput FitnessInputFromActivity(const core::Activity& activity, bool is_race);

/// A 4-week block of the trend.
struct TrendBlock {
  core::Date start;
  core::Date end;                 // inclusive
  double best_vdot = core::kNaN;  // NaN when the block has no estimate
};

struct FitnessSummary {
  std::vector<VdotEstimate> history;            // every estimate dated on or before as_of, oldest first
  std::optional<VdotEstimate> current;          // nullopt when there is no estimate at all
  bool current_is_stale = false;                // current is older than the window (the most recent estimate)
  std::vector<TrendBlock> trend;                // kTrendBlockCount blocks ending at as_of, oldest first
  double vdot_change_per_4_weeks = core::kNaN;  // least-squares slope over non-empty blocks; NaN if < 2
};

/// Estimates fitness as of `as_of`. Race activities give VdotFromPerformance(distance, elapsed); declared
/// races (athlete.races) likewise, an undated one taken as dated `as_of`; each best effort of a run gives
/// its VDOT * kTrainingEffortVdotFactor. Efforts the equations reject (under 1200 m or 180 s, VDOT outside
/// 15-90) are skipped. Current = the highest estimate dated within kCurrentFitnessWindowDays up to
/// as_of, or a race dated within kRaceFitnessWindowDays when that is higher; without either, the most
/// recent estimate, marked stale.
FitnessSummary AssessFitness(std::span<const FitnessInput> activities, std::span<const core::RaceResult> races,
                             core::Date as_of);

/// Predicted time (s) for `distance_m` from the current estimate. Fails with kNotFound when there is
/// no estimate, kInvalidArgument when distance_m is not positive.
Result<double> PredictFromFitness(const FitnessSummary& fitness, double distance_m);

}  // namespace stride::analysis

#endif  // STRIDE_ANALYSIS_FITNESS_H_
