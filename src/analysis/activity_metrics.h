// SPDX-License-Identifier: MIT
// Per-activity metrics computed from the samples (falling back to the file's own totals): elapsed and
// moving time, distance, smoothed elevation gain/loss, heart rate and time in heart-rate zones, pace.
// Pure functions over core::Activity values; formulas and conventions in docs/metrics.md#activity-metrics.
#ifndef STRIDE_ANALYSIS_ACTIVITY_METRICS_H_
#define STRIDE_ANALYSIS_ACTIVITY_METRICS_H_

#include <array>

#include "core/activity.h"

namespace stride::analysis {

/// Below this speed a runner is standing or walking a few steps: the interval is not moving time.
/// Stride convention [U] (walking is ~1.2-1.5 m/s; GPS drift while standing is well below 0.5 m/s).
inline constexpr double kMovingSpeedThresholdMps = 0.5;
/// A gap between two samples longer than this is a pause (auto-pause, stopped recording): it never counts
/// as moving time or heart-rate time, and best efforts never span it. Stride convention [U]; FIT smart
/// recording writes samples at most ~10 s apart while moving.
inline constexpr double kPauseGapS = 30.0;
/// Elevation hysteresis: altitude changes smaller than this are treated as barometric/GPS noise.
/// Stride convention [U] (2-5 m is common practice; see docs/metrics.md#elevation).
inline constexpr double kElevationHysteresisM = 3.0;

/// Heart-rate zones: Edwards' five 10 % bands of HRmax, 50-60/60-70/70-80/80-90/90-100 %
/// (SCIENCE.md B2 [edwards-1993]). Time below 50 % HRmax belongs to no zone; above 100 % counts in zone 5.
inline constexpr int kHeartRateZoneCount = 5;
inline constexpr std::array<double, kHeartRateZoneCount> kZoneLowerFractionOfMax = {0.5, 0.6, 0.7, 0.8, 0.9};

/// What ComputeActivityMetrics returns. NaN means "unknown" (e.g. no channel and no file total).
struct ActivityMetrics {
  double elapsed_s = core::kNaN;     // wall-clock span, pauses included
  double moving_s = core::kNaN;      // see ComputeActivityMetrics
  bool moving_from_samples = false;  // false: moving_s is the file's timer time (or elapsed)
  double distance_m = core::kNaN;
  double elevation_gain_m = core::kNaN;
  double elevation_loss_m = core::kNaN;
  double avg_heart_rate_bpm = core::kNaN;  // time-weighted over non-pause intervals
  double max_heart_rate_bpm = core::kNaN;
  /// Seconds in each Edwards zone (index 0 = zone 1). All zero when HR or HRmax is unknown.
  std::array<double, kHeartRateZoneCount> time_in_zone_s{};
  double avg_pace_s_per_km = core::kNaN;  // moving_s per km; NaN without distance
};

/// Computes the metrics of one activity.
/// - elapsed_s: the file's elapsed time, else the span of time_s, else timer time.
/// - moving_s: the sum of sample intervals (t[i-1], t[i]] no longer than kPauseGapS in which speed[i]
///   (or, without a speed value, the distance advance over the interval) exceeds kMovingSpeedThresholdMps;
///   without speed and distance samples, the file's timer time (else elapsed).
/// - elevation: hysteresis of kElevationHysteresisM over the altitude samples; without altitude samples,
///   the first session's total ascent/descent (NaN when absent).
/// - heart rate: samples outside 20-250 bpm and NaNs are ignored; without HR samples, the file's values.
/// `hr_max_bpm` is the athlete's (or estimated) maximum for the zones; pass NaN when unknown.
ActivityMetrics ComputeActivityMetrics(const core::Activity& activity, double hr_max_bpm);

/// The interval from sample i-1 to sample i in seconds, or 0 when it is a pause (longer than kPauseGapS),
/// negative or not finite. REQUIRES: 1 <= i < samples.size().
double CountedInterval(const core::Samples& samples, size_t i);

/// Elevation gain and loss of an altitude column with the hysteresis threshold (NaNs skipped).
struct ElevationChange {
  double gain_m = 0;
  double loss_m = 0;
};
ElevationChange SmoothedElevation(const std::vector<double>& altitude_m, double hysteresis_m = kElevationHysteresisM);

}  // namespace stride::analysis

#endif  // STRIDE_ANALYSIS_ACTIVITY_METRICS_H_
