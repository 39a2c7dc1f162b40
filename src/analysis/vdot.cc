// SPDX-License-Identifier: MIT
#include "analysis/vdot.h"

#include <fmt/format.h>

#include <cmath>

#include "core/check.h"

namespace stride::analysis {
namespace {

using core::ErrorCode;

// SCIENCE.md A1 [daniels-gilbert-1979] [gc-vdot]: oxygen cost of running speed v (m/min).
constexpr double kVo2Intercept = -4.60;
constexpr double kVo2Linear = 0.182258;
constexpr double kVo2Quadratic = 0.000104;
// SCIENCE.md A1: fraction of VO2max sustainable for t minutes.
constexpr double kFractionBase = 0.8;
constexpr double kFractionA = 0.1894393;
constexpr double kFractionRateA = 0.012778;
constexpr double kFractionB = 0.2989558;
constexpr double kFractionRateB = 0.1932605;
// SCIENCE.md A1: velocity at VO2max from VDOT (m/min).
constexpr double kVvdotIntercept = 29.54;
constexpr double kVvdotLinear = 5.000663;
constexpr double kVvdotQuadratic = -0.007546;

// SCIENCE.md A3 [gc-vdot] [daniels-2014-formula]: pace fractions of vVDOT.
// E: Daniels' table gives E as a range; fractions 0.69 (slow end) and 0.78 (fast end) reproduce it within
// a few seconds for VDOT 40-70 (fitted against the A3 table; see docs/metrics.md#paces).
constexpr double kEasySlowFraction = 0.69;
constexpr double kEasyFastFraction = 0.78;
// T: the pace at 88 % of VO2max (SCIENCE.md A3, "Alternative", matches the table at VDOT 40/50/60).
constexpr double kThresholdVo2Fraction = 0.88;
constexpr double kIntervalFraction = 0.98;
constexpr double kRepetitionFraction = 1.05;

constexpr double kMinVdot = 15, kMaxVdot = 90;

// Speed (m/min) at which the oxygen cost equals `vo2`: the positive root of the quadratic.
double SpeedForOxygenCost(double vo2) {
  double a = kVo2Quadratic, b = kVo2Linear, c = kVo2Intercept - vo2;
  return (-b + std::sqrt(b * b - 4 * a * c)) / (2 * a);
}

double Vdot(double distance_m, double minutes) {
  return OxygenCost(distance_m / minutes) / SustainableFraction(minutes);
}

}  // namespace

double OxygenCost(double v) { return kVo2Intercept + kVo2Linear * v + kVo2Quadratic * v * v; }

double SustainableFraction(double t) {
  return kFractionBase + kFractionA * std::exp(-kFractionRateA * t) + kFractionB * std::exp(-kFractionRateB * t);
}

double VelocityAtVdot(double vdot) { return kVvdotIntercept + kVvdotLinear * vdot + kVvdotQuadratic * vdot * vdot; }

Result<double> VdotFromPerformance(double distance_m, double time_s) {
  if (time_s < kMinVdotEffortSeconds || distance_m < kMinVdotEffortMetres) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("an effort of {:.0f} m in {:.0f} s is too short to estimate fitness; use a race of at least "
                            "1200 m and 3 minutes",
                            distance_m, time_s));
  }
  double vdot = Vdot(distance_m, time_s / 60.0);
  if (!(vdot >= kMinVdot && vdot <= kMaxVdot)) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("{:.0f} m in {:.0f} s gives VDOT {:.1f}, outside 15-90; check the distance and time",
                            distance_m, time_s, vdot));
  }
  return vdot;
}

double PredictRaceTime(double vdot, double distance_m) {
  STRIDE_CHECK(vdot >= kMinVdot && vdot <= kMaxVdot && distance_m > 0);
  // VDOT(d, t) falls as t grows; bracket generously around the vVDOT guess, then bisect.
  double guess = distance_m / VelocityAtVdot(vdot) / 0.9;  // minutes [gc-vdot] initial guess
  double lo = guess * 0.3, hi = guess * 3.0;
  for (int i = 0; i < 200 && (hi - lo) * 60.0 > 0.01; ++i) {
    double mid = 0.5 * (lo + hi);
    if (Vdot(distance_m, mid) > vdot) lo = mid;  // too fast: the race takes longer
    else hi = mid;
  }
  return 0.5 * (lo + hi) * 60.0;
}

TrainingPaces PacesFromVdot(double vdot) {
  STRIDE_CHECK(vdot >= kMinVdot && vdot <= kMaxVdot);
  const double v_max = VelocityAtVdot(vdot);  // m/min
  auto s_per_km = [](double metres_per_minute) { return 1000.0 / metres_per_minute * 60.0; };
  TrainingPaces p{};
  p.easy_slow_s_per_km = s_per_km(v_max * kEasySlowFraction);
  p.easy_fast_s_per_km = s_per_km(v_max * kEasyFastFraction);
  p.marathon_s_per_km = PredictRaceTime(vdot, 42195.0) / 42.195;
  p.threshold_s_per_km = s_per_km(SpeedForOxygenCost(kThresholdVo2Fraction * vdot));
  p.interval_s_per_km = s_per_km(v_max * kIntervalFraction);
  p.repetition_s_per_km = s_per_km(v_max * kRepetitionFraction);
  p.repetition_s_per_400m = p.repetition_s_per_km * 0.4;
  return p;
}

}  // namespace stride::analysis
