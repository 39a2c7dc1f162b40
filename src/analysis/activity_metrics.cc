// SPDX-License-Identifier: MIT
// Per-activity metrics; see activity_metrics.h and docs/metrics.md#activity-metrics.
#include "analysis/activity_metrics.h"

#include <algorithm>
#include <cmath>

#include "core/check.h"
#include "core/units.h"

namespace stride::analysis {
namespace {

using core::kNaN;

bool Has(const std::vector<double>& column, size_t n) { return !column.empty() && column.size() == n; }

double ElapsedSeconds(const core::Activity& a) {
  if (std::isfinite(a.elapsed_s)) return a.elapsed_s;
  const auto& t = a.samples.time_s;
  if (t.size() >= 2 && std::isfinite(t.front()) && std::isfinite(t.back())) return t.back() - t.front();
  return a.timer_s;
}

// Whether the interval ending at sample i was spent moving.
bool MovingAt(const core::Samples& s, size_t i, double dt, bool has_speed, bool has_distance) {
  if (has_speed && std::isfinite(s.speed_mps[i])) return s.speed_mps[i] > kMovingSpeedThresholdMps;
  if (has_distance && std::isfinite(s.distance_m[i]) && std::isfinite(s.distance_m[i - 1])) {
    return (s.distance_m[i] - s.distance_m[i - 1]) > kMovingSpeedThresholdMps * dt;
  }
  return false;
}

void FillMovingTime(const core::Activity& a, ActivityMetrics* m) {
  const core::Samples& s = a.samples;
  const size_t n = s.size();
  const bool has_speed = Has(s.speed_mps, n), has_distance = Has(s.distance_m, n);
  if (n >= 2 && (has_speed || has_distance)) {
    double moving = 0;
    for (size_t i = 1; i < n; ++i) {
      double dt = CountedInterval(s, i);
      if (dt > 0 && MovingAt(s, i, dt, has_speed, has_distance)) moving += dt;
    }
    m->moving_s = moving;
    m->moving_from_samples = true;
    return;
  }
  m->moving_s = std::isfinite(a.timer_s) ? a.timer_s : m->elapsed_s;
}

double SampleDistance(const std::vector<double>& d) {
  double first = kNaN, last = kNaN;
  for (double x : d) {
    if (!std::isfinite(x)) continue;
    if (!std::isfinite(first)) first = x;
    last = x;
  }
  return std::isfinite(first) ? last - first : kNaN;
}

void FillHeartRate(const core::Activity& a, double hr_max_bpm, ActivityMetrics* m) {
  const core::Samples& s = a.samples;
  const size_t n = s.size();
  m->avg_heart_rate_bpm = a.avg_heart_rate_bpm;
  m->max_heart_rate_bpm = a.max_heart_rate_bpm;
  if (!Has(s.heart_rate_bpm, n)) return;
  double weighted = 0, seconds = 0, max_hr = kNaN;
  for (size_t i = 0; i < n; ++i) {
    double hr = s.heart_rate_bpm[i];
    if (!core::IsPlausibleHeartRate(hr)) continue;
    max_hr = std::isfinite(max_hr) ? std::max(max_hr, hr) : hr;
    double dt = i > 0 ? CountedInterval(s, i) : 0;
    weighted += hr * dt;
    seconds += dt;
    if (dt <= 0 || !(hr_max_bpm > 0)) continue;
    double fraction = hr / hr_max_bpm;
    for (int z = kHeartRateZoneCount - 1; z >= 0; --z) {
      if (fraction >= kZoneLowerFractionOfMax[z]) {
        m->time_in_zone_s[z] += dt;
        break;
      }
    }
  }
  if (std::isfinite(max_hr)) m->max_heart_rate_bpm = max_hr;
  if (seconds > 0) m->avg_heart_rate_bpm = weighted / seconds;
}

}  // namespace

double CountedInterval(const core::Samples& samples, size_t i) {
  STRIDE_CHECK(i >= 1 && i < samples.size());
  double dt = samples.time_s[i] - samples.time_s[i - 1];
  return (std::isfinite(dt) && dt > 0 && dt <= kPauseGapS) ? dt : 0.0;
}

ElevationChange SmoothedElevation(const std::vector<double>& altitude_m, double hysteresis_m) {
  ElevationChange change;
  double reference = kNaN;
  for (double alt : altitude_m) {
    if (!std::isfinite(alt)) continue;
    if (!std::isfinite(reference)) {
      reference = alt;
    } else if (alt >= reference + hysteresis_m) {
      change.gain_m += alt - reference;
      reference = alt;
    } else if (alt <= reference - hysteresis_m) {
      change.loss_m += reference - alt;
      reference = alt;
    }
  }
  return change;
}

ActivityMetrics ComputeActivityMetrics(const core::Activity& activity, double hr_max_bpm) {
  ActivityMetrics m;
  const core::Samples& s = activity.samples;
  m.elapsed_s = ElapsedSeconds(activity);
  FillMovingTime(activity, &m);
  m.distance_m = std::isfinite(activity.distance_m)
                     ? activity.distance_m
                     : (Has(s.distance_m, s.size()) ? SampleDistance(s.distance_m) : kNaN);
  bool has_altitude = Has(s.altitude_m, s.size()) &&
                      std::any_of(s.altitude_m.begin(), s.altitude_m.end(), [](double x) { return std::isfinite(x); });
  if (has_altitude) {
    ElevationChange e = SmoothedElevation(s.altitude_m);
    m.elevation_gain_m = e.gain_m;
    m.elevation_loss_m = e.loss_m;
  } else if (!activity.sessions.empty()) {
    m.elevation_gain_m = activity.sessions.front().total_ascent_m;
    m.elevation_loss_m = activity.sessions.front().total_descent_m;
  }
  FillHeartRate(activity, hr_max_bpm, &m);
  if (m.distance_m > 0 && m.moving_s > 0) m.avg_pace_s_per_km = m.moving_s / (m.distance_m / core::kMetresPerKm);
  return m;
}

}  // namespace stride::analysis
