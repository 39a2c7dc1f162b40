// SPDX-License-Identifier: MIT
// Property test: many random histories (random sports, gaps, missing channels, NaNs) never produce NaN
// where a number is documented to exist, and every flag carries finite numbers.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <random>

#include "activity_builders.h"
#include "analysis/flags.h"
#include "analysis/series.h"

namespace stride::analysis {
namespace {

using testing::Day;

core::Activity RandomActivity(std::mt19937* rng, core::Date date) {
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  core::Activity a;
  const core::Sport sports[] = {core::Sport::kRunning, core::Sport::kTrailRunning, core::Sport::kCycling,
                                core::Sport::kStrength};
  a.sport = sports[(*rng)() % 4];
  a.start_time = core::StartOfDay(date) + std::chrono::minutes((*rng)() % 1440);
  if (unit(*rng) < 0.5) a.utc_offset_s = static_cast<int32_t>((*rng)() % 50400) - 25200;
  if (unit(*rng) < 0.3) a.perceived_exertion = std::floor(unit(*rng) * 11);
  const double speed = 1.5 + 3 * unit(*rng);
  const int n = static_cast<int>((*rng)() % 400);
  const bool has_hr = unit(*rng) < 0.6, has_distance = unit(*rng) < 0.8;
  double t = 0, d = 0;
  for (int i = 0; i < n; ++i) {
    t += unit(*rng) < 0.02 ? 120 : 1 + 9 * unit(*rng);
    d += speed * 5;
    a.samples.time_s.push_back(t);
    if (has_distance) a.samples.distance_m.push_back(unit(*rng) < 0.05 ? core::kNaN : d);
    if (has_hr) a.samples.heart_rate_bpm.push_back(unit(*rng) < 0.05 ? core::kNaN : 90 + 100 * unit(*rng));
  }
  if (unit(*rng) < 0.5) a.timer_s = 600 + 6000 * unit(*rng);
  if (unit(*rng) < 0.5) a.distance_m = 1000 + 30000 * unit(*rng);
  return a;
}

void ExpectDocumentedNumbersFinite(const LoadSeries& s) {
  for (const DailyPoint& d : s.days) {
    for (double x : {d.load, d.chronic_training_load, d.acute_training_load, d.training_stress_balance, d.acute_ewma,
                     d.chronic_ewma, d.run_distance_m, d.longest_run_m, d.longest_run_previous_30d_m}) {
      ASSERT_TRUE(std::isfinite(x)) << core::FormatDate(d.date);
    }
    ASSERT_GE(d.load, 0);
    if (!std::isnan(d.acwr)) {
      ASSERT_TRUE(std::isfinite(d.acwr));
    }
  }
  for (const WeekRow& w : s.weeks) {
    for (double x : {w.run_distance_m, w.distance_m, w.duration_s, w.load}) ASSERT_TRUE(std::isfinite(x));
    if (w.complete && std::isnan(w.monotony)) continue;  // SD 0: documented NaN
    if (!w.complete) {
      ASSERT_TRUE(std::isnan(w.monotony));
    } else {
      ASSERT_TRUE(std::isfinite(w.strain));
    }
  }
}

TEST(AnalysisPropertyTest, RandomHistoriesKeepDocumentedNumbersFinite) {
  std::mt19937 rng(20260302);
  for (int history = 0; history < 60; ++history) {
    const core::Date first = Day(2024, 1, 1).AddDays(static_cast<int64_t>(rng() % 400));
    std::vector<core::Activity> activities;
    const int count = static_cast<int>(rng() % 120);
    for (int i = 0; i < count; ++i) {
      activities.push_back(RandomActivity(&rng, first.AddDays(static_cast<int64_t>(rng() % 300))));
    }
    core::Athlete athlete;
    if (rng() % 2 == 0) athlete.birth_year = 1960 + static_cast<int>(rng() % 40);
    if (rng() % 2 == 0) athlete.sex = rng() % 2 == 0 ? core::Sex::kFemale : core::Sex::kMale;
    const double vdot = rng() % 2 == 0 ? 30.0 + static_cast<double>(rng() % 40) : core::kNaN;
    std::vector<ActivitySummary> summaries = SummarizeActivities(activities, athlete, vdot);
    for (const ActivitySummary& a : summaries) {
      ASSERT_TRUE(std::isfinite(a.load));
      ASSERT_GE(a.load, 0);
      ASSERT_TRUE(std::isfinite(a.distance_m));
      ASSERT_TRUE(std::isfinite(a.duration_s));
    }
    LoadSeries series = BuildLoadSeries(summaries, first.AddDays(static_cast<int64_t>(rng() % 400)));
    ExpectDocumentedNumbersFinite(series);
    for (const Flag& f : ComputeFlags(series)) {
      ASSERT_FALSE(f.message.empty());
      for (const FlagNumber& n : f.numbers) ASSERT_TRUE(std::isfinite(n.value)) << FlagRuleId(f.rule) << n.name;
    }
  }
}

}  // namespace
}  // namespace stride::analysis
