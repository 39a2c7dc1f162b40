// SPDX-License-Identifier: MIT
// Best-effort search on generated streams with known answers, pauses, glitches, and a step count that
// shows the search is linear.
#include "analysis/best_efforts.h"

#include <gtest/gtest.h>

#include <cmath>

#include "activity_builders.h"

namespace stride::analysis {
namespace {

using testing::AppendPause;
using testing::AppendSteady;

TEST(BestEffortsTest, SteadyRunGivesDistanceOverSpeed) {
  core::Samples s;
  AppendSteady(&s, 2500, 4.0, core::kNaN);  // 10 km at 4 m/s
  std::vector<BestEffort> e = FindBestEfforts(s, kBestEffortDistancesM);
  ASSERT_EQ(e.size(), 4u);
  EXPECT_TRUE(e[0].found);
  EXPECT_NEAR(e[0].time_s, 250, 1e-9);
  EXPECT_NEAR(e[1].time_s, 1250, 1e-9);
  EXPECT_NEAR(e[2].time_s, 2500, 1e-9);
  EXPECT_FALSE(e[3].found);  // no half marathon inside 10 km
  EXPECT_TRUE(std::isnan(e[3].time_s));
}

TEST(BestEffortsTest, FindsFastBlockInTheMiddle) {
  core::Samples s;
  AppendSteady(&s, 1000, 3.0, core::kNaN);  // 3 km easy
  AppendSteady(&s, 1250, 4.0, core::kNaN);  // 5 km fast: 1250 s
  AppendSteady(&s, 1000, 3.0, core::kNaN);  // 3 km easy
  const double distances[] = {5000.0, 1000.0};
  std::vector<BestEffort> e = FindBestEfforts(s, distances);
  EXPECT_NEAR(e[0].time_s, 1250, 1e-9);
  EXPECT_NEAR(e[0].start_offset_s, 1000, 1e-9);
  EXPECT_NEAR(e[0].start_distance_m, 3000, 1e-9);
  EXPECT_NEAR(e[1].time_s, 250, 1e-9);
  EXPECT_GE(e[1].start_offset_s, 1000 - 1e-9);
  EXPECT_LE(e[1].start_offset_s, 2000 + 1e-9);
}

TEST(BestEffortsTest, InterpolatesTheSegmentStartBetweenSamples) {
  core::Samples s;
  AppendSteady(&s, 100, 3.0, core::kNaN, 10.0);  // 300 m in 10 s steps
  AppendSteady(&s, 250, 4.0, core::kNaN, 10.0);  // then 1000 m at 4 m/s
  const double one_km[] = {1000.0};
  std::vector<BestEffort> e = FindBestEfforts(s, one_km);
  // The best kilometre is the last 1000 m: it starts exactly at the speed change (t = 100 s).
  EXPECT_NEAR(e[0].time_s, 250, 1e-9);
  EXPECT_NEAR(e[0].start_offset_s, 100, 1e-9);
  // A 1100 m segment must start 100 m before the change, between samples: 100/3 s earlier.
  const double d1100[] = {1100.0};
  EXPECT_NEAR(FindBestEfforts(s, d1100)[0].time_s, 250 + 100 / 3.0, 1e-9);
}

TEST(BestEffortsTest, SegmentsNeverSpanAPause) {
  core::Samples s;
  AppendSteady(&s, 750, 4.0, core::kNaN);  // 3 km
  AppendPause(&s, 120, 4.0, core::kNaN);   // 2 min stop, recording paused
  AppendSteady(&s, 750, 4.0, core::kNaN);  // 3 km
  const double five_km[] = {5000.0};
  EXPECT_FALSE(FindBestEfforts(s, five_km)[0].found);
  core::Samples short_gap;
  AppendSteady(&short_gap, 750, 4.0, core::kNaN);
  AppendPause(&short_gap, 20, 4.0, core::kNaN);  // under kBestEffortMaxGapS: still continuous
  AppendSteady(&short_gap, 750, 4.0, core::kNaN);
  BestEffort e = FindBestEfforts(short_gap, five_km)[0];
  ASSERT_TRUE(e.found);
  EXPECT_NEAR(e.time_s, 1250 + 20, 1e-9);
}

TEST(BestEffortsTest, SkipsNaNsAndBackwardDistance) {
  core::Samples s;
  AppendSteady(&s, 1500, 4.0, core::kNaN);  // 6 km
  s.distance_m[100] = core::kNaN;
  s.time_s[200] = core::kNaN;
  s.distance_m[1000] = s.distance_m[1000] - 500;  // GPS glitch backwards; must not create a faster km
  const double one_km[] = {1000.0};
  BestEffort e = FindBestEfforts(s, one_km)[0];
  ASSERT_TRUE(e.found);
  EXPECT_GE(e.time_s, 250 - 1e-9);
}

TEST(BestEffortsTest, MissingDistanceChannelFindsNothing) {
  core::Samples s;
  AppendSteady(&s, 1500, 4.0, core::kNaN);
  s.distance_m.clear();
  EXPECT_FALSE(FindBestEfforts(s, kBestEffortDistancesM)[0].found);
  EXPECT_FALSE(FindBestEfforts(core::Samples{}, kBestEffortDistancesM)[1].found);
}

TEST(BestEffortsTest, StepsGrowLinearlyWithSamples) {
  // Each end sample is visited once and the start pointer moves at most n times per distance, so
  // n * D <= steps <= 2 * n * D; a quadratic search would need ~n * window steps (window ~ 6000 here).
  for (double seconds : {1e4, 1e5, 3e5}) {
    core::Samples s;
    AppendSteady(&s, seconds, 3.5, core::kNaN);
    BestEffortStats stats;
    std::vector<BestEffort> e = FindBestEfforts(s, kBestEffortDistancesM, &stats);
    EXPECT_TRUE(e[3].found);
    const uint64_t n_times_d = s.size() * kBestEffortDistancesM.size();
    EXPECT_GE(stats.steps, n_times_d) << seconds;
    EXPECT_LE(stats.steps, 2 * n_times_d) << seconds;
  }
}

}  // namespace
}  // namespace stride::analysis
