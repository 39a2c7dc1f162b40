// SPDX-License-Identifier: MIT
// Fitness from race performances: Daniels & Gilbert's "Oxygen Power" equations (VDOT), race-time
// prediction by solving the same equations, and Daniels' training paces.
// SCIENCE.md A1-A3 [daniels-gilbert-1979] [daniels-2014-formula] [gc-vdot]. Formulas: docs/metrics.md#vdot.
#ifndef STRIDE_ANALYSIS_VDOT_H_
#define STRIDE_ANALYSIS_VDOT_H_

#include "core/result.h"

namespace stride::analysis {

/// Efforts shorter than this are sprints the equations do not describe. SCIENCE.md A1 (validity guard) [M].
inline constexpr double kMinVdotEffortSeconds = 180.0;
inline constexpr double kMinVdotEffortMetres = 1200.0;

/// VDOT of a performance: distance in metres run in `time_s` seconds.
/// Fails with kInvalidArgument when the effort is shorter than 180 s or 1200 m, or the result is
/// outside 15-90 (not a running performance).
Result<double> VdotFromPerformance(double distance_m, double time_s);

/// The equations themselves, for tests and docs: oxygen cost (mL/kg/min) of running at
/// `metres_per_minute`, and the fraction of VO2max sustainable for `minutes`.
double OxygenCost(double metres_per_minute);
double SustainableFraction(double minutes);

/// Velocity at VO2max (vVDOT), metres per minute.
double VelocityAtVdot(double vdot);

/// Race time in seconds for `distance_m` at fitness `vdot`, found by bisection on the VDOT equation
/// (tolerance 0.01 s). REQUIRES: 15 <= vdot <= 90, distance_m > 0.
double PredictRaceTime(double vdot, double distance_m);

/// Daniels' training paces for a VDOT, in seconds per km (R also per 400 m, as coaches quote it).
struct TrainingPaces {
  double easy_slow_s_per_km;   // slow end of easy (E)
  double easy_fast_s_per_km;   // fast end of easy (E)
  double marathon_s_per_km;    // M: predicted marathon race pace
  double threshold_s_per_km;   // T: 88 % of VO2max
  double interval_s_per_km;    // I: 98 % of vVDOT
  double repetition_s_per_km;  // R: 105 % of vVDOT
  double repetition_s_per_400m;
};

/// REQUIRES: 15 <= vdot <= 90.
TrainingPaces PacesFromVdot(double vdot);

}  // namespace stride::analysis

#endif  // STRIDE_ANALYSIS_VDOT_H_
