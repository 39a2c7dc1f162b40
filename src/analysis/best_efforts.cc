// SPDX-License-Identifier: MIT
// Best-effort search with two pointers; see best_efforts.h and docs/metrics.md#best-efforts.
#include "analysis/best_efforts.h"

#include <algorithm>
#include <cmath>

namespace stride::analysis {
namespace {

struct Stream {
  std::vector<double> time_s;
  std::vector<double> distance_m;  // non-decreasing
};

// Keeps samples with finite time and distance, time strictly increasing and distance not below the
// running maximum (a GPS glitch backwards is dropped until the distance catches up again).
Stream Clean(const core::Samples& s) {
  Stream out;
  if (s.distance_m.size() != s.size()) return out;
  out.time_s.reserve(s.size());
  out.distance_m.reserve(s.size());
  for (size_t k = 0; k < s.size(); ++k) {
    const double t = s.time_s[k], d = s.distance_m[k];
    if (!std::isfinite(t) || !std::isfinite(d)) continue;
    if (!out.time_s.empty() && (t <= out.time_s.back() || d < out.distance_m.back())) continue;
    out.time_s.push_back(t);
    out.distance_m.push_back(d);
  }
  return out;
}

// Time at which the stream reaches `target` metres between samples i and i + 1.
double InterpolatedStart(const Stream& s, size_t i, double target) {
  const double d0 = s.distance_m[i], d1 = s.distance_m[i + 1];
  if (!(d1 > d0)) return s.time_s[i];
  const double fraction = (target - d0) / (d1 - d0);
  return s.time_s[i] + fraction * (s.time_s[i + 1] - s.time_s[i]);
}

BestEffort Search(const Stream& s, double distance_m, uint64_t* steps) {
  BestEffort best;
  best.distance_m = distance_m;
  if (!(distance_m > 0)) return best;
  const size_t n = s.time_s.size();
  size_t i = 0;  // segment start sample: the last one with d[j] - d[i] >= distance_m
  for (size_t j = 0; j < n; ++j) {
    ++*steps;
    if (j > 0 && s.time_s[j] - s.time_s[j - 1] > kBestEffortMaxGapS) i = j;  // new continuous piece
    while (i + 1 <= j && s.distance_m[j] - s.distance_m[i + 1] >= distance_m) {
      ++i;
      ++*steps;
    }
    if (!(s.distance_m[j] - s.distance_m[i] >= distance_m)) continue;
    const double target = s.distance_m[j] - distance_m;
    const double start_s = i + 1 <= j ? InterpolatedStart(s, i, target) : s.time_s[i];
    const double time_s = s.time_s[j] - start_s;
    if (!best.found || time_s < best.time_s) {
      best.found = true;
      best.time_s = time_s;
      best.start_offset_s = start_s;
      best.start_distance_m = target;
    }
  }
  return best;
}

}  // namespace

std::vector<BestEffort> FindBestEfforts(const core::Samples& samples, std::span<const double> distances_m,
                                        BestEffortStats* stats) {
  const Stream stream = Clean(samples);
  uint64_t steps = 0;
  std::vector<BestEffort> out;
  out.reserve(distances_m.size());
  for (double d : distances_m) out.push_back(Search(stream, d, &steps));
  if (stats != nullptr) stats->steps += steps;
  return out;
}

}  // namespace stride::analysis
