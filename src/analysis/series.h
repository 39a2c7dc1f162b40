// SPDX-License-Identifier: MIT
// Daily and weekly training series from per-activity summaries: load, fitness/fatigue/form (CTL/ATL/TSB),
// the EWMA acute:chronic ratio, longest run in the previous 30 days, and weekly volume, monotony and strain.
// SCIENCE.md B3, B4, B6, C3; formulas in docs/metrics.md#series. Pure functions; thread-compatible.
#ifndef STRIDE_ANALYSIS_SERIES_H_
#define STRIDE_ANALYSIS_SERIES_H_

#include <span>
#include <vector>

#include "analysis/load.h"
#include "core/activity.h"
#include "core/athlete.h"
#include "core/date.h"

namespace stride::analysis {

/// CTL: chronic training load ("fitness"), ATL: acute training load ("fatigue"), TSB: training stress
/// balance ("form"). Time constants in days, SCIENCE.md B4 [gc-pmc]; the daily factor is
/// k = 1 - e^(-1/tau): 0.023528 (42 d) and 0.133122 (7 d).
inline constexpr double kChronicTimeConstantDays = 42.0;
inline constexpr double kAcuteTimeConstantDays = 7.0;
/// ACWR by EWMA, lambda = 2/(N+1) with N = 7 and 28: 0.25 and 0.0690. SCIENCE.md B6 [williams-2017-ewma].
inline constexpr double kAcwrAcuteDays = 7.0;
inline constexpr double kAcwrChronicDays = 28.0;
/// The ratio is undefined (NaN) during the first 28 days of the series, while the chronic EWMA is still
/// mostly its zero seed, and whenever the chronic EWMA is below kMinChronicLoadForRatio AU (Stride
/// convention [U]: a ratio over almost nothing is meaningless).
inline constexpr int kAcwrWarmUpDays = 28;
inline constexpr double kMinChronicLoadForRatio = 1.0;
/// The single-run spike reference window: the longest run in the previous 30 days. SCIENCE.md C3
/// [nielsen-2025-spike].
inline constexpr int kLongestRunWindowDays = 30;

/// The daily factor 1 - e^(-1/tau) for a time constant in days [gc-pmc].
double PmcDailyFactor(double time_constant_days);
/// The EWMA factor 2 / (N + 1) [williams-2017-ewma].
double EwmaLambda(double days);

/// What the series needs from one activity.
struct ActivitySummary {
  core::Date date;  // the activity's LOCAL start date (Activity::LocalStartDate)
  core::Sport sport = core::Sport::kOther;
  double distance_m = 0;  // 0 when unknown
  double duration_s = 0;  // moving time; 0 when unknown
  double load = 0;        // TRIMP units (ActivityLoad::trimp)
  bool load_estimated = false;
};

/// Summarises one activity with its computed load.
ActivitySummary SummarizeActivity(const core::Activity& activity, const ActivityLoad& load);

/// Loads and summarises every activity. The HR profile is resolved per activity date with the highest
/// plausible HR in all `activities` as the observed maximum; `vdot` (NaN when unknown) gives the
/// threshold speed for rTSS. Output order follows the input.
std::vector<ActivitySummary> SummarizeActivities(std::span<const core::Activity> activities,
                                                 const core::Athlete& athlete, double vdot);

/// One calendar day of the series. Every field is a number except acwr, which is NaN while undefined
/// (serialise as null).
struct DailyPoint {
  core::Date date;
  double load = 0;                        // sum of the day's activity loads (TRIMP units)
  bool load_estimated = false;            // some activity's load that day was estimated
  double chronic_training_load = 0;       // CTL, same-day: includes this day's load
  double acute_training_load = 0;         // ATL, same-day
  double training_stress_balance = 0;     // TSB[d] = CTL[d] - ATL[d] (same day; GoldenCheetah shows d+1)
  double acute_ewma = 0;                  // EWMA load, N = 7
  double chronic_ewma = 0;                // EWMA load, N = 28
  double acwr = core::kNaN;               // acute_ewma / chronic_ewma, or NaN (see kAcwrWarmUpDays)
  int run_count = 0;                      // runs started that day (core::IsRun)
  double run_distance_m = 0;              // running only
  double longest_run_m = 0;               // longest single run that day
  double longest_run_previous_30d_m = 0;  // longest single run in days d-30 .. d-1; 0 when none
};

/// One calendar week, Monday to Sunday.
struct WeekRow {
  core::Date start;           // a Monday
  double run_distance_m = 0;  // running only
  double distance_m = 0;      // all sports
  double duration_s = 0;      // all sports, moving time
  double load = 0;
  /// Mean / population SD of the 7 daily loads (days without activity = 0) [foster-1998-monotony]. NaN when
  /// the SD is 0 or the week ends after the series end (not yet complete).
  double monotony = core::kNaN;
  double strain = core::kNaN;  // load * monotony; NaN with monotony
  bool complete = false;       // the week's Sunday is on or before the series end
  bool load_estimated = false;
};

struct LoadSeries {
  std::vector<DailyPoint> days;  // first activity date .. end, one per day
  std::vector<WeekRow> weeks;    // the weeks containing those days
};

/// Builds the series from the earliest activity's date to `end` (inclusive). Activities dated after
/// `end` are ignored; an empty input (or end before every activity) gives an empty series.
/// Runs in O(activities + days).
LoadSeries BuildLoadSeries(std::span<const ActivitySummary> activities, core::Date end);

/// Population mean / SD of daily loads; NaN when the SD is 0. [foster-1998-monotony]
double Monotony(std::span<const double> daily_loads);

}  // namespace stride::analysis

#endif  // STRIDE_ANALYSIS_SERIES_H_
