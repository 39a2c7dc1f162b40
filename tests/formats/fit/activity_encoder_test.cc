// SPDX-License-Identifier: MIT
// Tests for the FIT activity encoder: round trips through fit::DecodeFit, header and CRCs, absent and
// invalid values, cadence units, laps and sessions, and refusals. The official SDK checks the files
// written by FitActivitySamplesTest in tests/conformance/fit_activity_oracle.mjs.
#include "formats/fit/activity_encoder.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <span>
#include <string>

#include "formats/fit/crc16.h"
#include "formats/fit/fit_decoder.h"
#include "testing/status_matchers.h"

namespace stride::fit {
namespace {

using core::kNaN;

// Resolution of FIT's units: semicircles (~8.4e-8 degrees), cm, mm/s, 1/5 m of altitude.
constexpr double kDegreeTolerance = 1e-7;
constexpr double kDistanceTolerance = 0.005;
constexpr double kSpeedTolerance = 0.0005;
constexpr double kAltitudeTolerance = 0.1;

core::Timestamp At(int y, unsigned m, unsigned d, int hour) {
  return core::StartOfDay(core::Date::FromYmd(y, m, d)) + std::chrono::hours(hour);
}

// A 10-minute run, one sample a second, every channel but power, with an odd cadence now and then.
core::Activity SampleRun(size_t n = 600) {
  core::Activity a;
  a.sport = core::Sport::kRunning;
  a.start_time = At(2024, 5, 12, 7);
  a.utc_offset_s = 7200;
  core::Samples& s = a.samples;
  for (size_t i = 0; i < n; ++i) {
    const double t = static_cast<double>(i);
    s.time_s.push_back(t);
    s.latitude_deg.push_back(51.5 + 1e-5 * t);
    s.longitude_deg.push_back(-0.14 - 2e-5 * t);
    s.distance_m.push_back(2.95 * t);
    s.speed_mps.push_back(2.95 + 0.001 * static_cast<double>(i % 7));
    s.altitude_m.push_back(35 + 0.2 * static_cast<double>(i % 40));
    s.heart_rate_bpm.push_back(static_cast<double>(130 + i % 30));
    s.cadence_spm.push_back(static_cast<double>(168 + i % 5));  // 169 and 171 need fractional cadence
  }
  a.record_count = n;
  return a;
}

Result<core::Decoded> RoundTrip(const core::Activity& a) {
  auto bytes = EncodeActivity(a);
  if (!bytes) return Fail(bytes.error());
  std::span<const uint8_t> span(reinterpret_cast<const uint8_t*>(bytes->data()), bytes->size());
  return DecodeFit(span, {"encoded.fit", false});
}

TEST(FitActivityEncoderTest, RoundTripKeepsEverySampleChannel) {
  const core::Activity run = SampleRun();
  auto decoded = RoundTrip(run);
  ASSERT_OK(decoded);
  EXPECT_TRUE(decoded->warnings.empty());
  ASSERT_EQ(decoded->activities.size(), 1u);
  const core::Activity& a = decoded->activities[0];
  EXPECT_EQ(a.record_count, run.record_count);
  EXPECT_EQ(a.sport, core::Sport::kRunning);
  EXPECT_EQ(a.start_time, run.start_time);
  EXPECT_EQ(a.utc_offset_s, 7200);
  ASSERT_EQ(a.samples.size(), run.samples.size());
  EXPECT_TRUE(a.samples.power_w.empty());
  for (size_t i = 0; i < a.samples.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(a.samples.time_s[i], run.samples.time_s[i]);
    EXPECT_NEAR(a.samples.latitude_deg[i], run.samples.latitude_deg[i], kDegreeTolerance);
    EXPECT_NEAR(a.samples.longitude_deg[i], run.samples.longitude_deg[i], kDegreeTolerance);
    EXPECT_NEAR(a.samples.distance_m[i], run.samples.distance_m[i], kDistanceTolerance);
    EXPECT_NEAR(a.samples.speed_mps[i], run.samples.speed_mps[i], kSpeedTolerance);
    EXPECT_NEAR(a.samples.altitude_m[i], run.samples.altitude_m[i], kAltitudeTolerance);
    EXPECT_EQ(a.samples.heart_rate_bpm[i], run.samples.heart_rate_bpm[i]);
    EXPECT_EQ(a.samples.cadence_spm[i], run.samples.cadence_spm[i]);
  }
}

TEST(FitActivityEncoderTest, WritesOneLapAndOneSessionFromTheSamples) {
  auto decoded = RoundTrip(SampleRun());
  ASSERT_OK(decoded);
  const core::Activity& a = decoded->activities[0];
  ASSERT_EQ(a.sessions.size(), 1u);
  ASSERT_EQ(a.laps.size(), 1u);
  const core::SessionSummary& s = a.sessions[0];
  EXPECT_EQ(s.sport_detail, "running");
  EXPECT_EQ(s.start_time, At(2024, 5, 12, 7));
  EXPECT_DOUBLE_EQ(s.total_elapsed_time_s, 599);
  EXPECT_DOUBLE_EQ(s.total_timer_time_s, 599);
  EXPECT_NEAR(s.total_distance_m, 2.95 * 599, kDistanceTolerance);
  EXPECT_DOUBLE_EQ(s.max_heart_rate_bpm, 159);
  EXPECT_DOUBLE_EQ(s.avg_heart_rate_bpm, 145);  // mean of 130..159 is 144.5, rounded to FIT's uint8
  EXPECT_DOUBLE_EQ(a.laps[0].elapsed_s, 599);
  EXPECT_NEAR(a.distance_m, 2.95 * 599, kDistanceTolerance);
}

TEST(FitActivityEncoderTest, KeepsStatedLapsAndSessions) {
  core::Activity run = SampleRun();
  run.laps = {{run.start_time, 300, 290, 880, 140, 150},
              {run.start_time + std::chrono::seconds(300), 299, 299, 887, 150, 159}};
  core::SessionSummary session;
  session.sport = core::Sport::kTrailRunning;
  session.start_time = run.start_time;
  session.total_elapsed_time_s = 599.5;
  session.total_timer_time_s = 589;
  session.total_distance_m = 1767;
  session.total_ascent_m = 42;
  run.sessions = {session};
  auto decoded = RoundTrip(run);
  ASSERT_OK(decoded);
  const core::Activity& a = decoded->activities[0];
  ASSERT_EQ(a.laps.size(), 2u);
  EXPECT_EQ(a.laps[1].start_time, run.laps[1].start_time);
  EXPECT_DOUBLE_EQ(a.laps[0].timer_s, 290);
  EXPECT_DOUBLE_EQ(a.laps[1].distance_m, 887);
  EXPECT_DOUBLE_EQ(a.laps[1].max_heart_rate_bpm, 159);
  ASSERT_EQ(a.sessions.size(), 1u);
  EXPECT_EQ(a.sport, core::Sport::kTrailRunning);
  EXPECT_EQ(a.sessions[0].sport_detail, "running/trail");
  EXPECT_DOUBLE_EQ(a.sessions[0].total_elapsed_time_s, 599.5);
  EXPECT_DOUBLE_EQ(a.sessions[0].total_ascent_m, 42);
  EXPECT_TRUE(std::isnan(a.sessions[0].total_descent_m));
}

TEST(FitActivityEncoderTest, HeaderAndFileCrcsAreValid) {
  auto bytes = EncodeActivity(SampleRun(10));
  ASSERT_OK(bytes);
  std::span<const uint8_t> span(reinterpret_cast<const uint8_t*>(bytes->data()), bytes->size());
  ASSERT_GT(span.size(), 16u);
  EXPECT_EQ(span[0], 14);
  EXPECT_EQ(std::string(bytes->substr(8, 4)), ".FIT");
  const uint32_t data_size = span[4] | span[5] << 8 | span[6] << 16 | static_cast<uint32_t>(span[7]) << 24;
  EXPECT_EQ(data_size, span.size() - 16);
  EXPECT_EQ(Crc16(span.first(14)), 0);  // header bytes followed by their CRC
  EXPECT_EQ(Crc16(span), 0);            // whole file followed by its CRC
}

TEST(FitActivityEncoderTest, AbsentChannelsStayAbsentAndNaNStaysNaN) {
  core::Activity walk;
  walk.sport = core::Sport::kWalking;
  walk.start_time = At(2023, 1, 2, 12);
  walk.samples.time_s = {0, 5, 10};
  walk.samples.heart_rate_bpm = {90, kNaN, 95};
  walk.samples.cadence_spm = {110, 111, kNaN};
  auto decoded = RoundTrip(walk);
  ASSERT_OK(decoded);
  const core::Samples& s = decoded->activities[0].samples;
  ASSERT_EQ(s.size(), 3u);
  EXPECT_TRUE(s.latitude_deg.empty());
  EXPECT_TRUE(s.distance_m.empty());
  EXPECT_TRUE(s.altitude_m.empty());
  EXPECT_EQ(s.heart_rate_bpm[0], 90);
  EXPECT_TRUE(std::isnan(s.heart_rate_bpm[1]));
  EXPECT_EQ(s.cadence_spm[1], 111);
  EXPECT_TRUE(std::isnan(s.cadence_spm[2]));
  EXPECT_FALSE(decoded->activities[0].utc_offset_s.has_value());
}

TEST(FitActivityEncoderTest, CyclingCadenceIsWrittenAsRevolutions) {
  core::Activity ride;
  ride.sport = core::Sport::kCycling;
  ride.start_time = At(2022, 7, 1, 9);
  ride.samples.time_s = {0, 1};
  ride.samples.cadence_spm = {85, 91};
  ride.samples.power_w = {210, 250};
  auto bytes = EncodeActivity(ride);
  ASSERT_OK(bytes);
  auto decoded = RoundTrip(ride);
  ASSERT_OK(decoded);
  const core::Samples& s = decoded->activities[0].samples;
  EXPECT_EQ(decoded->activities[0].sport, core::Sport::kCycling);
  EXPECT_EQ(s.cadence_spm[1], 91);
  EXPECT_EQ(s.power_w[1], 250);
}

TEST(FitActivityEncoderTest, ActivityWithoutSamplesStillHasASession) {
  core::Activity strength;
  strength.sport = core::Sport::kStrength;
  strength.start_time = At(2021, 3, 4, 18);
  strength.elapsed_s = 1800;
  auto decoded = RoundTrip(strength);
  ASSERT_OK(decoded);
  const core::Activity& a = decoded->activities[0];
  EXPECT_EQ(a.record_count, 0u);
  ASSERT_EQ(a.sessions.size(), 1u);
  EXPECT_EQ(a.sport, core::Sport::kStrength);
  EXPECT_DOUBLE_EQ(a.elapsed_s, 1800);
  EXPECT_EQ(a.start_time, strength.start_time);
}

TEST(FitActivityEncoderTest, RefusesStartBeforeTheFitEpoch) {
  core::Activity old;
  old.start_time = At(1985, 1, 1, 0);
  auto bytes = EncodeActivity(old);
  ASSERT_FALSE(bytes);
  EXPECT_EQ(bytes.error().code, core::ErrorCode::kInvalidArgument);
  EXPECT_EQ(bytes.error().message, "start time before the FIT epoch (1989-12-31)");
}

TEST(FitActivityEncoderTest, RefusesColumnsOfDifferentLengths) {
  core::Activity run = SampleRun(5);
  run.samples.heart_rate_bpm.pop_back();
  auto bytes = EncodeActivity(run);
  ASSERT_FALSE(bytes);
  EXPECT_EQ(bytes.error().code, core::ErrorCode::kInvalidArgument);
}

TEST(FitActivityEncoderTest, SameActivitySameBytes) {
  auto a = EncodeActivity(SampleRun(50));
  auto b = EncodeActivity(SampleRun(50));
  ASSERT_OK(a);
  ASSERT_OK(b);
  EXPECT_EQ(*a, *b);
}

// Writes sample files for tests/conformance/fit_activity_oracle.mjs, with their record counts in
// expected.tsv (file, records, sport).
TEST(FitActivitySamplesTest, WritesSamplesForTheSdkOracle) {
  const char* dir = std::getenv("STRIDE_FIT_ACTIVITY_DIR");
  if (dir == nullptr || *dir == '\0') GTEST_SKIP() << "STRIDE_FIT_ACTIVITY_DIR not set";
  core::Activity ride;
  ride.sport = core::Sport::kCycling;
  ride.start_time = At(2022, 7, 1, 9);
  ride.samples.time_s = {0, 1, 2};
  ride.samples.cadence_spm = {85, 91, kNaN};
  ride.samples.power_w = {210, 250, 240};
  core::Activity laps = SampleRun(120);
  laps.laps = {{laps.start_time, 60, 60, 177, 140, 150},
               {laps.start_time + std::chrono::seconds(60), 59, 59, 176, 150, 159}};
  const std::pair<std::string, core::Activity> samples[] = {
      {"run.fit", SampleRun()}, {"ride.fit", ride}, {"laps.fit", laps}};
  std::ofstream expected(std::filesystem::path(dir) / "expected.tsv");
  for (const auto& [name, activity] : samples) {
    auto bytes = EncodeActivity(activity);
    ASSERT_OK(bytes);
    std::ofstream out(std::filesystem::path(dir) / name, std::ios::binary);
    out << *bytes;
    ASSERT_TRUE(out.good()) << name;
    expected << name << '\t' << activity.samples.size() << '\t' << core::SportName(activity.sport) << '\n';
  }
  ASSERT_TRUE(expected.good());
}

}  // namespace
}  // namespace stride::fit
