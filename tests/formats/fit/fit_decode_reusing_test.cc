// SPDX-License-Identifier: MIT
// DecodeFitReusing must give exactly DecodeFit's result whatever the memory it reuses held before: a long
// file then a short one then the long one again, files with and without some channels, a failure (which
// leaves the result empty), and, when the shared corpus is present, every file of it in sequence.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <span>
#include <string>
#include <vector>

#include "formats/fit/activity_encoder.h"
#include "formats/fit/fit_decoder.h"
#include "testing/sample_matchers.h"
#include "testing/shared_data.h"
#include "testing/status_matchers.h"

namespace stride::fit {
namespace {

using testing::SameBitsOrNaN;

void ExpectSameDecoded(const core::Decoded& got, const core::Decoded& want) {
  ASSERT_EQ(got.activities.size(), want.activities.size());
  ASSERT_EQ(got.warnings.size(), want.warnings.size());
  for (size_t k = 0; k < got.activities.size(); ++k) {
    const core::Activity& g = got.activities[k];
    const core::Activity& w = want.activities[k];
    EXPECT_EQ(g.record_count, w.record_count);
    EXPECT_EQ(g.start_time, w.start_time);
    EXPECT_EQ(g.sport, w.sport);
    EXPECT_TRUE(SameBitsOrNaN(w.distance_m, g.distance_m));
    EXPECT_EQ(g.laps.size(), w.laps.size());
    EXPECT_EQ(g.sessions.size(), w.sessions.size());
    EXPECT_EQ(g.rr_intervals_s, w.rr_intervals_s);
    testing::ExpectExactSamples(w, g);
  }
}

// A run of n one-second samples; heart rate and cadence only when asked.
std::string EncodedRun(size_t n, bool heart_rate) {
  core::Activity a;
  a.sport = core::Sport::kRunning;
  a.start_time = core::StartOfDay(core::Date::FromYmd(2025, 3, 2)) + std::chrono::hours(7);
  for (size_t i = 0; i < n; ++i) {
    const double t = static_cast<double>(i);
    a.samples.time_s.push_back(t);
    a.samples.latitude_deg.push_back(51.5 + 1e-5 * t);
    a.samples.longitude_deg.push_back(-0.1);
    a.samples.distance_m.push_back(3.1 * t);
    a.samples.speed_mps.push_back(3.1);
    a.samples.altitude_m.push_back(20 + static_cast<double>(i % 9));
    if (heart_rate) {
      a.samples.heart_rate_bpm.push_back(static_cast<double>(120 + i % 40));
      a.samples.cadence_spm.push_back(170);
    }
  }
  a.record_count = n;
  auto bytes = EncodeActivity(a);
  EXPECT_TRUE(bytes.has_value());
  return bytes ? *bytes : std::string();
}

std::span<const uint8_t> Bytes(const std::string& s) {
  return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}

void ExpectReuseMatches(std::span<const uint8_t> bytes, const formats::DecodeOptions& options,
                        core::Decoded* reused) {
  auto fresh = DecodeFit(bytes, options);
  const Status status = DecodeFitReusing(bytes, options, reused);
  ASSERT_EQ(status.has_value(), fresh.has_value()) << options.name;
  if (!fresh) {
    EXPECT_EQ(status.error().message, fresh.error().message);
    EXPECT_TRUE(reused->activities.empty());
    return;
  }
  ExpectSameDecoded(*reused, *fresh);
}

TEST(FitDecodeReusingTest, MatchesDecodeFitWhateverTheMemoryHeldBefore) {
  const std::string long_run = EncodedRun(20000, true);
  const std::string short_run = EncodedRun(50, false);
  core::Decoded reused;
  for (const std::string* file : {&long_run, &short_run, &long_run, &short_run}) {
    ExpectReuseMatches(Bytes(*file), {"run.fit", false}, &reused);
    ASSERT_EQ(reused.activities.size(), 1u);
  }
  EXPECT_EQ(reused.activities[0].samples.size(), 50u);
  EXPECT_TRUE(reused.activities[0].samples.heart_rate_bpm.empty());
}

TEST(FitDecodeReusingTest, AFailureLeavesTheResultEmptyAndTheNextDecodeWorks) {
  const std::string run = EncodedRun(500, true);
  core::Decoded reused;
  ExpectReuseMatches(Bytes(run), {"run.fit", false}, &reused);
  const std::string truncated = run.substr(0, run.size() / 2);
  ExpectReuseMatches(Bytes(truncated), {"cut.fit", false}, &reused);
  EXPECT_TRUE(reused.activities.empty());
  ExpectReuseMatches(Bytes(run), {"run.fit", false}, &reused);
  EXPECT_EQ(reused.activities.at(0).samples.size(), 500u);
}

TEST(FitDecodeReusingTest, EveryCorpusFileInSequenceMatchesDecodeFit) {
  STRIDE_REQUIRE_SHARED_DATA(data);
  core::Decoded reused;
  int files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(data / "activities")) {
    if (entry.path().extension() != ".fit") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    for (bool salvage : {false, true}) {
      SCOPED_TRACE(entry.path().string());
      ExpectReuseMatches(Bytes(bytes), {entry.path().filename().string(), salvage}, &reused);
    }
    ++files;
  }
  EXPECT_GT(files, 50);
}

}  // namespace
}  // namespace stride::fit
