// SPDX-License-Identifier: MIT
// Best efforts: the fastest segment of a given distance inside one activity (1 km, 5 km, 10 km, half
// marathon), found from the cumulative distance and time columns in linear time. Used by fitness.h to
// estimate VDOT from training. Method in docs/metrics.md#best-efforts.
#ifndef STRIDE_ANALYSIS_BEST_EFFORTS_H_
#define STRIDE_ANALYSIS_BEST_EFFORTS_H_

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "core/activity.h"
#include "core/units.h"

namespace stride::analysis {

/// The distances Stride reports: 1 km, 5 km, 10 km and the half marathon.
inline constexpr std::array<double, 4> kBestEffortDistancesM = {1000.0, 5000.0, 10000.0, core::kHalfMarathonMetres};

/// A segment never spans a gap between samples longer than this (a pause or lost recording): the stream is
/// split there. Same value as activity_metrics.h's kPauseGapS; Stride convention [U].
inline constexpr double kBestEffortMaxGapS = 30.0;

/// The fastest segment of `distance_m` metres.
struct BestEffort {
  double distance_m = 0;
  bool found = false;                    // false when the activity (or every continuous piece) is shorter
  double time_s = core::kNaN;            // duration of the segment
  double start_offset_s = core::kNaN;    // segment start, seconds since the activity start (interpolated)
  double start_distance_m = core::kNaN;  // cumulative distance at the segment start
};

/// Optional counters, for tests that check the search is linear.
struct BestEffortStats {
  uint64_t steps = 0;  // pointer moves summed over all distances
};

/// The best effort for each of `distances_m` (same order). Uses samples.time_s and samples.distance_m;
/// samples with a NaN in either, with time not increasing, or with distance below the running maximum (a GPS
/// glitch backwards) are skipped,
/// and the stream is split at gaps longer than kBestEffortMaxGapS. Each segment ends at a sample and starts
/// at a linearly interpolated point, so its distance is exact. O(samples) per distance; no allocation per
/// sample beyond one cleaned copy of the two columns.
std::vector<BestEffort> FindBestEfforts(const core::Samples& samples, std::span<const double> distances_m,
                                        BestEffortStats* stats = nullptr);

}  // namespace stride::analysis

#endif  // STRIDE_ANALYSIS_BEST_EFFORTS_H_
