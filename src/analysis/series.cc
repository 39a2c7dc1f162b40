// SPDX-License-Identifier: MIT
// Daily and weekly series; see series.h and docs/metrics.md#series.
#include "analysis/series.h"

#include <algorithm>
#include <cmath>

#include "analysis/activity_metrics.h"

namespace stride::analysis {
namespace {

using core::kNaN;

constexpr int kDaysPerWeek = 7;
constexpr double kMinLoadSd = 1e-9;  // SD at or below this is "zero" (identical daily loads)

double ObservedMaxHeartRate(std::span<const core::Activity> activities) {
  double best = kNaN;
  auto consider = [&best](double hr) {
    if (core::IsPlausibleHeartRate(hr) && !(hr <= best)) best = hr;
  };
  for (const core::Activity& a : activities) {
    consider(a.max_heart_rate_bpm);
    for (double hr : a.samples.heart_rate_bpm) consider(hr);
  }
  return best;
}

// Adds the activities into the per-day buckets starting at `first`.
void FillDays(std::span<const ActivitySummary> activities, core::Date first, std::vector<DailyPoint>* days) {
  for (const ActivitySummary& a : activities) {
    int64_t i = first.DaysUntil(a.date);
    if (i < 0 || i >= static_cast<int64_t>(days->size())) continue;
    DailyPoint& d = (*days)[static_cast<size_t>(i)];
    d.load += a.load;
    d.load_estimated = d.load_estimated || a.load_estimated;
    if (core::IsRun(a.sport)) {
      ++d.run_count;
      d.run_distance_m += a.distance_m;
      d.longest_run_m = std::max(d.longest_run_m, a.distance_m);
    }
  }
}

void FillModels(std::vector<DailyPoint>* days) {
  const double k_ctl = PmcDailyFactor(kChronicTimeConstantDays), k_atl = PmcDailyFactor(kAcuteTimeConstantDays);
  const double l_acute = EwmaLambda(kAcwrAcuteDays), l_chronic = EwmaLambda(kAcwrChronicDays);
  double ctl = 0, atl = 0, acute = 0, chronic = 0;  // seeds 0 [gc-pmc]
  for (size_t i = 0; i < days->size(); ++i) {
    DailyPoint& d = (*days)[i];
    ctl += k_ctl * (d.load - ctl);
    atl += k_atl * (d.load - atl);
    acute = l_acute * d.load + (1 - l_acute) * acute;
    chronic = l_chronic * d.load + (1 - l_chronic) * chronic;
    d.chronic_training_load = ctl;
    d.acute_training_load = atl;
    d.training_stress_balance = ctl - atl;
    d.acute_ewma = acute;
    d.chronic_ewma = chronic;
    bool defined = i >= static_cast<size_t>(kAcwrWarmUpDays) && chronic >= kMinChronicLoadForRatio;
    d.acwr = defined ? acute / chronic : kNaN;
    double longest = 0;
    for (size_t back = 1; back <= static_cast<size_t>(kLongestRunWindowDays) && back <= i; ++back) {
      longest = std::max(longest, (*days)[i - back].longest_run_m);
    }
    d.longest_run_previous_30d_m = longest;
  }
}

std::vector<WeekRow> BuildWeeks(std::span<const ActivitySummary> activities, const std::vector<DailyPoint>& days,
                                core::Date end) {
  std::vector<WeekRow> weeks;
  if (days.empty()) return weeks;
  const core::Date first_week = days.front().date.WeekStart();
  const size_t count = static_cast<size_t>(first_week.DaysUntil(end.WeekStart()) / kDaysPerWeek + 1);
  weeks.resize(count);
  std::vector<double> loads(count * kDaysPerWeek, 0.0);
  for (size_t w = 0; w < count; ++w) {
    weeks[w].start = first_week.AddDays(static_cast<int64_t>(w) * kDaysPerWeek);
    weeks[w].complete = weeks[w].start.AddDays(kDaysPerWeek - 1) <= end;
  }
  for (const DailyPoint& d : days) {
    size_t slot = static_cast<size_t>(first_week.DaysUntil(d.date));
    WeekRow& w = weeks[slot / kDaysPerWeek];
    loads[slot] = d.load;
    w.load += d.load;
    w.run_distance_m += d.run_distance_m;
    w.load_estimated = w.load_estimated || d.load_estimated;
  }
  for (const ActivitySummary& a : activities) {
    int64_t slot = first_week.DaysUntil(a.date);
    if (slot < 0 || a.date > end) continue;
    WeekRow& w = weeks[static_cast<size_t>(slot) / kDaysPerWeek];
    w.distance_m += a.distance_m;
    w.duration_s += a.duration_s;
  }
  for (size_t w = 0; w < count; ++w) {
    if (!weeks[w].complete) continue;
    weeks[w].monotony = Monotony(std::span<const double>(loads).subspan(w * kDaysPerWeek, kDaysPerWeek));
    weeks[w].strain = weeks[w].load * weeks[w].monotony;
  }
  return weeks;
}

}  // namespace

double PmcDailyFactor(double time_constant_days) { return 1.0 - std::exp(-1.0 / time_constant_days); }

double EwmaLambda(double days) { return 2.0 / (days + 1.0); }

double Monotony(std::span<const double> daily_loads) {
  if (daily_loads.empty()) return kNaN;
  double sum = 0;
  for (double x : daily_loads) sum += x;
  const double mean = sum / static_cast<double>(daily_loads.size());
  double squares = 0;
  for (double x : daily_loads) squares += (x - mean) * (x - mean);
  const double sd = std::sqrt(squares / static_cast<double>(daily_loads.size()));  // population SD
  return sd > kMinLoadSd ? mean / sd : kNaN;
}

ActivitySummary SummarizeActivity(const core::Activity& activity, const ActivityLoad& load) {
  ActivitySummary s;
  s.date = activity.LocalStartDate();
  s.sport = activity.sport;
  ActivityMetrics m = ComputeActivityMetrics(activity, kNaN);
  s.distance_m = m.distance_m > 0 ? m.distance_m : 0.0;
  s.duration_s = load.moving_s > 0 ? load.moving_s : 0.0;
  s.load = load.trimp;
  s.load_estimated = load.estimated;
  return s;
}

std::vector<ActivitySummary> SummarizeActivities(std::span<const core::Activity> activities,
                                                 const core::Athlete& athlete, double vdot) {
  const double observed_max = ObservedMaxHeartRate(activities);
  LoadContext context;
  if (std::isfinite(vdot)) context.threshold_speed_mps = ThresholdSpeedFromVdot(vdot);
  std::vector<ActivitySummary> out;
  out.reserve(activities.size());
  for (const core::Activity& a : activities) {
    context.heart_rate = ResolveHeartRateProfile(athlete, a.LocalStartDate(), observed_max);
    out.push_back(SummarizeActivity(a, ComputeActivityLoad(a, context)));
  }
  return out;
}

LoadSeries BuildLoadSeries(std::span<const ActivitySummary> activities, core::Date end) {
  LoadSeries series;
  if (activities.empty()) return series;
  core::Date first = activities.front().date;
  for (const ActivitySummary& a : activities) first = std::min(first, a.date);
  if (first > end) return series;
  series.days.resize(static_cast<size_t>(first.DaysUntil(end) + 1));
  for (size_t i = 0; i < series.days.size(); ++i) series.days[i].date = first.AddDays(static_cast<int64_t>(i));
  FillDays(activities, first, &series.days);
  FillModels(&series.days);
  series.weeks = BuildWeeks(activities, series.days, end);
  return series;
}

}  // namespace stride::analysis
