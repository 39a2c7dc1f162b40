// SPDX-License-Identifier: MIT
// VDOT history, current estimate, trend and predictions; see fitness.h and docs/metrics.md#fitness.
#include "analysis/fitness.h"

#include <algorithm>
#include <cmath>

#include "analysis/vdot.h"

namespace stride::analysis {
namespace {

using core::ErrorCode;
using core::kNaN;

void AddIfValid(core::Date date, VdotSource source, double distance_m, double time_s, double factor,
                std::vector<VdotEstimate>* out) {
  Result<double> vdot = VdotFromPerformance(distance_m, time_s);
  if (!vdot) return;
  out->push_back(VdotEstimate{date, *vdot * factor, source, distance_m, time_s});
}

void AddActivity(const FitnessInput& a, std::vector<VdotEstimate>* out) {
  if (a.is_race && std::isfinite(a.distance_m) && std::isfinite(a.elapsed_s)) {
    AddIfValid(a.date, VdotSource::kRaceActivity, a.distance_m, a.elapsed_s, 1.0, out);
  }
  for (const BestEffort& e : a.best_efforts) {
    if (e.found) AddIfValid(a.date, VdotSource::kBestEffort, e.distance_m, e.time_s, kTrainingEffortVdotFactor, out);
  }
}

// Least-squares slope of best_vdot against block index over the non-empty blocks.
double TrendSlope(const std::vector<TrendBlock>& blocks) {
  double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (size_t k = 0; k < blocks.size(); ++k) {
    if (!std::isfinite(blocks[k].best_vdot)) continue;
    const double x = static_cast<double>(k), y = blocks[k].best_vdot;
    n += 1;
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
  }
  const double denominator = n * sxx - sx * sx;
  return n >= 2 && denominator > 0 ? (n * sxy - sx * sy) / denominator : kNaN;
}

std::vector<TrendBlock> Trend(const std::vector<VdotEstimate>& history, core::Date as_of) {
  std::vector<TrendBlock> blocks(kTrendBlockCount);
  for (int k = 0; k < kTrendBlockCount; ++k) {
    TrendBlock& b = blocks[static_cast<size_t>(k)];
    b.end = as_of.AddDays(-static_cast<int64_t>(kTrendBlockCount - 1 - k) * kTrendBlockDays);
    b.start = b.end.AddDays(-(kTrendBlockDays - 1));
    for (const VdotEstimate& e : history) {
      if (e.date < b.start || e.date > b.end) continue;
      if (!(e.vdot <= b.best_vdot)) b.best_vdot = e.vdot;
    }
  }
  return blocks;
}

}  // namespace

const char* VdotSourceName(VdotSource source) {
  switch (source) {
    case VdotSource::kRaceActivity:
      return "race_activity";
    case VdotSource::kDeclaredRace:
      return "declared_race";
    case VdotSource::kBestEffort:
      return "best_effort";
  }
  return "unknown";
}

FitnessInput FitnessInputFromActivity(const core::Activity& activity, bool is_race) {
  FitnessInput in;
  in.date = activity.LocalStartDate();
  in.is_race = is_race;
  in.distance_m = activity.distance_m;
  in.elapsed_s = activity.elapsed_s;
  if (core::IsRun(activity.sport)) in.best_efforts = FindBestEfforts(activity.samples, kBestEffortDistancesM);
  return in;
}

FitnessSummary AssessFitness(std::span<const FitnessInput> activities, std::span<const core::RaceResult> races,
                             core::Date as_of) {
  FitnessSummary f;
  for (const FitnessInput& a : activities) {
    if (a.date <= as_of) AddActivity(a, &f.history);
  }
  for (const core::RaceResult& r : races) {
    core::Date date = r.date.value_or(as_of);
    if (date <= as_of) AddIfValid(date, VdotSource::kDeclaredRace, r.distance.metres(), r.time_s, 1.0, &f.history);
  }
  std::stable_sort(f.history.begin(), f.history.end(),
                   [](const VdotEstimate& a, const VdotEstimate& b) { return a.date < b.date; });
  const core::Date window_start = as_of.AddDays(-(kCurrentFitnessWindowDays - 1));
  const core::Date race_window_start = as_of.AddDays(-(kRaceFitnessWindowDays - 1));
  for (const VdotEstimate& e : f.history) {
    const bool race = e.source != VdotSource::kBestEffort;
    const bool counts = e.date >= window_start || (race && e.date >= race_window_start);
    if (counts && (!f.current || e.vdot > f.current->vdot)) f.current = e;
  }
  if (!f.current && !f.history.empty()) {
    f.current = f.history.back();
    f.current_is_stale = true;
  }
  f.trend = Trend(f.history, as_of);
  f.vdot_change_per_4_weeks = TrendSlope(f.trend);
  return f;
}

Result<double> PredictFromFitness(const FitnessSummary& fitness, double distance_m) {
  if (!(distance_m > 0)) return Fail(ErrorCode::kInvalidArgument, "race distance must be positive");
  if (!fitness.current) {
    return Fail(ErrorCode::kNotFound, "no fitness estimate: add a race result or import runs with distance");
  }
  return PredictRaceTime(fitness.current->vdot, distance_m);
}

}  // namespace stride::analysis
