// SPDX-License-Identifier: MIT
// Per-activity metrics on generated streams: moving time, pauses, elevation hysteresis, zones, missing
// channels and NaNs.
#include "analysis/activity_metrics.h"

#include <gtest/gtest.h>

#include <cmath>

#include "activity_builders.h"

namespace stride::analysis {
namespace {

using testing::AppendPause;
using testing::AppendSteady;
using testing::Day;
using testing::RunWithSamples;

TEST(ActivityMetricsTest, StandingStillIsNotMovingTime) {
  core::Samples s;
  AppendSteady(&s, 600, 3.0, 140);
  AppendSteady(&s, 120, 0.0, 110);  // waiting at a crossing, still recording
  AppendSteady(&s, 600, 3.0, 140);
  ActivityMetrics m = ComputeActivityMetrics(RunWithSamples(Day(2026, 3, 2), s), 200);
  EXPECT_DOUBLE_EQ(m.elapsed_s, 1320);
  EXPECT_DOUBLE_EQ(m.moving_s, 1200);
  EXPECT_TRUE(m.moving_from_samples);
  EXPECT_DOUBLE_EQ(m.distance_m, 3600);
  EXPECT_NEAR(m.avg_pace_s_per_km, 1200 / 3.6, 1e-9);
}

TEST(ActivityMetricsTest, PauseGapIsNeitherMovingNorHeartRateTime) {
  core::Samples s;
  AppendSteady(&s, 600, 3.0, 140);
  AppendPause(&s, 300, 3.0, 140);  // auto-pause: 300 s without samples
  AppendSteady(&s, 600, 3.0, 140);
  ActivityMetrics m = ComputeActivityMetrics(RunWithSamples(Day(2026, 3, 2), s), 200);
  EXPECT_DOUBLE_EQ(m.elapsed_s, 1500);
  EXPECT_DOUBLE_EQ(m.moving_s, 1200);
  double zone_total = 0;
  for (double z : m.time_in_zone_s) zone_total += z;
  EXPECT_DOUBLE_EQ(zone_total, 1200);
}

TEST(ActivityMetricsTest, MovingTimeFromDistanceWhenSpeedIsMissing) {
  core::Samples s;
  AppendSteady(&s, 300, 2.5, core::kNaN);
  AppendSteady(&s, 100, 0.0, core::kNaN);
  s.speed_mps.clear();
  ActivityMetrics m = ComputeActivityMetrics(RunWithSamples(Day(2026, 3, 2), s), core::kNaN);
  EXPECT_DOUBLE_EQ(m.moving_s, 300);
}

TEST(ActivityMetricsTest, FallsBackToFileTotalsWithoutChannels) {
  core::Activity a;
  a.timer_s = 2400;
  a.elapsed_s = 2500;
  a.distance_m = 8000;
  a.avg_heart_rate_bpm = 150;
  a.max_heart_rate_bpm = 170;
  ActivityMetrics m = ComputeActivityMetrics(a, 190);
  EXPECT_DOUBLE_EQ(m.moving_s, 2400);
  EXPECT_FALSE(m.moving_from_samples);
  EXPECT_DOUBLE_EQ(m.avg_heart_rate_bpm, 150);
  EXPECT_DOUBLE_EQ(m.max_heart_rate_bpm, 170);
  EXPECT_DOUBLE_EQ(m.avg_pace_s_per_km, 300);
  EXPECT_TRUE(std::isnan(m.elevation_gain_m));
}

TEST(ActivityMetricsTest, EmptyActivityGivesNaNsNotCrashes) {
  ActivityMetrics m = ComputeActivityMetrics(core::Activity{}, core::kNaN);
  EXPECT_TRUE(std::isnan(m.elapsed_s));
  EXPECT_TRUE(std::isnan(m.distance_m));
  EXPECT_TRUE(std::isnan(m.avg_pace_s_per_km));
}

TEST(ActivityMetricsTest, ElevationHysteresisIgnoresNoiseAndKeepsClimbs) {
  std::vector<double> noise;
  for (int i = 0; i < 1000; ++i) noise.push_back(100 + ((i % 2 == 0) ? 1.4 : -1.4));  // +-1.4 m jitter
  ElevationChange flat = SmoothedElevation(noise);
  EXPECT_DOUBLE_EQ(flat.gain_m, 0);
  EXPECT_DOUBLE_EQ(flat.loss_m, 0);
  std::vector<double> hill;
  for (int i = 0; i <= 100; ++i) hill.push_back(i + ((i % 2 == 0) ? 0.5 : -0.5));  // climb 100 m, noisy
  for (int i = 100; i >= 0; --i) hill.push_back(i);
  hill.insert(hill.begin() + 50, core::kNaN);
  ElevationChange e = SmoothedElevation(hill);
  EXPECT_NEAR(e.gain_m, 100, kElevationHysteresisM);
  EXPECT_NEAR(e.loss_m, 100, kElevationHysteresisM);
}

TEST(ActivityMetricsTest, ElevationFromSessionWithoutAltitudeSamples) {
  core::Activity a;
  core::SessionSummary session;
  session.total_ascent_m = 321;
  session.total_descent_m = 320;
  a.sessions.push_back(session);
  ActivityMetrics m = ComputeActivityMetrics(a, core::kNaN);
  EXPECT_DOUBLE_EQ(m.elevation_gain_m, 321);
  EXPECT_DOUBLE_EQ(m.elevation_loss_m, 320);
}

TEST(ActivityMetricsTest, TimeInEdwardsZonesByPercentOfMax) {
  core::Samples s;
  AppendSteady(&s, 100, 3.0, 90);   // 45 % of 200: no zone
  AppendSteady(&s, 200, 3.0, 150);  // 75 %: zone 3
  AppendSteady(&s, 300, 3.0, 185);  // 92.5 %: zone 5
  AppendSteady(&s, 50, 3.0, 210);   // above max: zone 5
  ActivityMetrics m = ComputeActivityMetrics(RunWithSamples(Day(2026, 3, 2), s), 200);
  EXPECT_DOUBLE_EQ(m.time_in_zone_s[0], 0);
  EXPECT_DOUBLE_EQ(m.time_in_zone_s[2], 200);
  EXPECT_DOUBLE_EQ(m.time_in_zone_s[4], 350);
  EXPECT_DOUBLE_EQ(m.max_heart_rate_bpm, 210);
}

TEST(ActivityMetricsTest, HeartRateIgnoresNaNAndImplausibleSamples) {
  core::Samples s;
  AppendSteady(&s, 100, 3.0, 140);
  AppendSteady(&s, 100, 3.0, 160);
  s.heart_rate_bpm[10] = core::kNaN;
  s.heart_rate_bpm[20] = 255;  // strap glitch
  s.heart_rate_bpm[30] = 0;
  ActivityMetrics m = ComputeActivityMetrics(RunWithSamples(Day(2026, 3, 2), s), core::kNaN);
  EXPECT_DOUBLE_EQ(m.max_heart_rate_bpm, 160);
  EXPECT_NEAR(m.avg_heart_rate_bpm, 150, 0.2);
  for (double z : m.time_in_zone_s) EXPECT_EQ(z, 0);  // HRmax unknown: no zones
}

}  // namespace
}  // namespace stride::analysis
