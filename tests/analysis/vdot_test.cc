// SPDX-License-Identifier: MIT
// Checks the VDOT equations against Daniels' published tables (SCIENCE.md A2 and A3; table values from
// [artc-dissecting-daniels], [vtrain] and [fit360]).
#include "analysis/vdot.h"

#include <gtest/gtest.h>

#include <cmath>

#include "testing/status_matchers.h"

namespace stride::analysis {
namespace {

double Hms(int h, int m, int s) { return h * 3600.0 + m * 60.0 + s; }

struct TableRow {
  double vdot;
  double five_k, ten_k, half, marathon;  // seconds; 0 = not in the table
};

// Daniels' Table (2nd ed. 3.1 / 3rd ed. 5.1), SCIENCE.md A2.
constexpr TableRow kTable[] = {
    {30, 30 * 60 + 40, 63 * 60 + 46, 2 * 3600 + 21 * 60 + 4, 4 * 3600 + 49 * 60 + 17},
    {40, 24 * 60 + 8, 50 * 60 + 3, 3600 + 50 * 60 + 59, 3 * 3600 + 49 * 60 + 45},
    {50, 19 * 60 + 57, 41 * 60 + 21, 3600 + 31 * 60 + 35, 3 * 3600 + 10 * 60 + 49},
    {60, 17 * 60 + 3, 0, 3600 + 18 * 60 + 9, 2 * 3600 + 43 * 60 + 25},
    {70, 0, 0, 3600 + 8 * 60 + 21, 2 * 3600 + 23 * 60 + 10},
};

TEST(VdotTest, PredictionsMatchDanielsTableWithinPointThreePercent) {
  for (const TableRow& row : kTable) {
    const double distances[] = {5000, 10000, 21097.5, 42195};
    const double times[] = {row.five_k, row.ten_k, row.half, row.marathon};
    for (int i = 0; i < 4; ++i) {
      if (times[i] == 0) continue;
      double predicted = PredictRaceTime(row.vdot, distances[i]);
      // SCIENCE.md A2: formula vs table <= 0.2 %; test tolerance 0.3 %.
      EXPECT_NEAR(predicted, times[i], times[i] * 0.003) << "VDOT " << row.vdot << " distance " << distances[i];
    }
  }
}

TEST(VdotTest, VdotFromPerformanceMatchesReverseVectors) {
  // SCIENCE.md A2 "Reverse" vectors.
  struct {
    double metres, seconds, vdot;
  } cases[] = {{5000, Hms(0, 19, 57), 49.95},  {42195, Hms(3, 10, 49), 49.95}, {10000, Hms(0, 50, 3), 39.97},
               {5000, Hms(0, 20, 0), 49.81},   {10000, Hms(0, 40, 0), 51.94},  {21097.5, Hms(1, 30, 0), 50.98},
               {42195, Hms(3, 0, 0), 53.53},   {42195, Hms(4, 0, 0), 37.90}};
  for (const auto& c : cases) {
    auto v = VdotFromPerformance(c.metres, c.seconds);
    ASSERT_OK(v);
    EXPECT_NEAR(*v, c.vdot, 0.02) << c.metres << " m in " << c.seconds << " s";
  }
}

TEST(VdotTest, PredictionInvertsVdot) {
  for (double vdot = 20; vdot <= 85; vdot += 2.5) {
    for (double d : {1500.0, 5000.0, 10000.0, 21097.5, 42195.0}) {
      double t = PredictRaceTime(vdot, d);
      if (t < kMinVdotEffortSeconds) continue;
      EXPECT_NEAR(*VdotFromPerformance(d, t), vdot, 1e-3);
    }
  }
}

TEST(VdotTest, RejectsSprintsAndNonsense) {
  EXPECT_FALSE(VdotFromPerformance(400, 60).has_value());
  EXPECT_FALSE(VdotFromPerformance(1000, 400).has_value());  // under 1200 m
  EXPECT_FALSE(VdotFromPerformance(42195, 3600).has_value());  // VDOT far above 90
}

struct PaceRow {
  double vdot;
  double easy_fast, easy_slow, marathon, threshold, interval, rep_400;  // seconds (per km; R per 400 m)
};

// Daniels' training-pace table, SCIENCE.md A3 ([vtrain] per-km values; VDOT 49 from [fit360]).
constexpr PaceRow kPaces[] = {
    {40, 5 * 60 + 56, 6 * 60 + 38, 5 * 60 + 29, 5 * 60 + 6, 4 * 60 + 42, 60 + 44},
    {49, 5 * 60 + 1, 5 * 60 + 40, 4 * 60 + 36, 4 * 60 + 20, 3 * 60 + 59, 60 + 28},
    {50, 4 * 60 + 56, 5 * 60 + 34, 4 * 60 + 31, 4 * 60 + 15, 3 * 60 + 55, 60 + 27},
    {60, 4 * 60 + 15, 4 * 60 + 49, 3 * 60 + 52, 3 * 60 + 40, 3 * 60 + 23, 60 + 15},
    {70, 3 * 60 + 44, 4 * 60 + 15, 3 * 60 + 24, 3 * 60 + 14, 2 * 60 + 59, 60 + 5},
};

TEST(VdotTest, TrainingPacesMatchDanielsTable) {
  for (const PaceRow& row : kPaces) {
    TrainingPaces p = PacesFromVdot(row.vdot);
    SCOPED_TRACE(testing::Message() << "VDOT " << row.vdot);
    // T, I, R: SCIENCE.md A3 says the formulas stay within +-2 s; allow 3 s for table rounding.
    EXPECT_NEAR(p.threshold_s_per_km, row.threshold, 3);
    EXPECT_NEAR(p.interval_s_per_km, row.interval, 3);
    EXPECT_NEAR(p.repetition_s_per_400m, row.rep_400, 2);
    // M: marathon race pace; the table drifts slower at low VDOT (A3), so 4 s at VDOT 40, 2 s above.
    EXPECT_NEAR(p.marathon_s_per_km, row.marathon, row.vdot <= 40 ? 4 : 2);
    // E: a range fitted to the table, within 5 s at each end.
    EXPECT_NEAR(p.easy_fast_s_per_km, row.easy_fast, 5);
    EXPECT_NEAR(p.easy_slow_s_per_km, row.easy_slow, 5);
    // Order: easy slower than marathon slower than threshold slower than interval slower than repetition.
    EXPECT_GT(p.easy_slow_s_per_km, p.easy_fast_s_per_km);
    EXPECT_GT(p.easy_fast_s_per_km, p.marathon_s_per_km);
    EXPECT_GT(p.marathon_s_per_km, p.threshold_s_per_km);
    EXPECT_GT(p.threshold_s_per_km, p.interval_s_per_km);
    EXPECT_GT(p.interval_s_per_km, p.repetition_s_per_km);
  }
}

}  // namespace
}  // namespace stride::analysis
