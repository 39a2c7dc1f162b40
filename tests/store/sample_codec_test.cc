// SPDX-License-Identifier: MIT
// Tests for store::EncodeSamples / DecodeSamples: exact round trips of FIT-decoded, GPX-like and holed
// columns in the version-2 blob, version-1 (deflated) blobs still read from a database, and damaged
// blobs refused with kCorruptData (never a crash).
#include "store/sample_codec.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <numbers>
#include <random>
#include <span>
#include <vector>

#include "formats/fit/activity_encoder.h"
#include "formats/fit/fit_decoder.h"
#include "store/activity_repository.h"
#include "store/database.h"
#include "store/sample_column_codec.h"
#include "testing/sample_matchers.h"
#include "testing/status_matchers.h"

namespace stride::store {
namespace {

using core::kNaN;
constexpr double kInf = std::numeric_limits<double>::infinity();

// A 5 s GPS run of `n` samples with a wandering position, a pause and heart-rate drop-outs, in the units
// and precisions a FIT file can carry (the FIT encoder rounds them to its scales).
core::Activity MakeRun(size_t n) {
  core::Activity a;
  a.sport = core::Sport::kRunning;
  a.start_time = *core::ParseTimestamp("2026-10-18T07:05:00Z");
  std::mt19937 rng(42);
  std::uniform_real_distribution<double> jitter(-1.0, 1.0);
  core::Samples& s = a.samples;
  double lat = 51.5, lon = -0.12, distance = 0, t = 0;
  for (size_t i = 0; i < n; ++i) {
    t += i == n / 2 ? 65 : 5;  // one pause
    lat += 1.2e-4 + 1e-5 * jitter(rng);
    lon += 0.6e-4 + 1e-5 * jitter(rng);
    distance += 14.5 + jitter(rng);
    s.time_s.push_back(t);
    s.latitude_deg.push_back(lat);
    s.longitude_deg.push_back(lon);
    s.distance_m.push_back(distance);
    s.speed_mps.push_back(2.9 + 0.2 * jitter(rng));
    s.heart_rate_bpm.push_back(i % 97 == 3 ? kNaN : std::round(150 + 10 * jitter(rng)));
    s.cadence_spm.push_back(std::round(170 + 4 * jitter(rng)) + (i % 3 == 0 ? 0.5 : 0));
    s.altitude_m.push_back(30 + 0.4 * static_cast<double>(i % 50) + jitter(rng));
  }
  return a;
}

// The run as it comes back from a FIT file: the decoder's own doubles.
core::Activity ThroughFit(const core::Activity& run) {
  auto fit = fit::EncodeActivity(run);
  EXPECT_TRUE(fit.has_value());
  if (!fit) return {};
  auto decoded = fit::DecodeFit(std::span(reinterpret_cast<const uint8_t*>(fit->data()), fit->size()), {"run.fit"});
  EXPECT_TRUE(decoded.has_value()) << (decoded ? "" : decoded.error().ToString());
  if (!decoded) return {};
  return std::move(decoded->activities.at(0));
}

using testing::ExpectExactColumn;
using testing::ExpectExactSamples;
using testing::SameBitsOrNaN;

core::Activity RoundTrip(const EncodedSamples& enc) {
  core::Activity back;
  Status s = DecodeSamples(enc, &back);
  EXPECT_OK(s);
  return back;
}

TEST(SampleCodecTest, FitDecodedColumnsRoundTripBitForBit) {
  const core::Activity run = ThroughFit(MakeRun(2000));
  ASSERT_EQ(run.samples.size(), 2000u);
  ASSERT_EQ(run.samples.cadence_spm.size(), 2000u);
  const EncodedSamples enc = EncodeSamples(run);
  EXPECT_EQ(enc.count, 2000u);
  EXPECT_EQ(enc.channels,
            "time_s,latitude_deg,longitude_deg,distance_m,speed_mps,heart_rate_bpm,cadence_spm,altitude_m");
  ExpectExactSamples(run, RoundTrip(enc));
}

TEST(SampleCodecTest, FitColumnsCompressBetterThanVersion1Deflate) {
  const core::Activity run = ThroughFit(MakeRun(2000));
  const EncodedSamples v2 = EncodeSamples(run);
  const EncodedSamples v1 = EncodeSamplesVersion1(run);
  // Every FIT column is quantised (none stored raw): 8 columns of 2,000 samples as float64 are 128 kB.
  EXPECT_LT(v2.blob.size(), 2000u * 8 * 8 / 5);
  EXPECT_LT(v2.blob.size(), v1.blob.size());
}

TEST(SampleCodecTest, GpxLikeDoublesRoundTripBitForBit) {
  core::Activity a;
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> any(-1000.0, 1000.0);
  for (int i = 0; i < 700; ++i) {
    a.samples.time_s.push_back(i * 1.5);
    a.samples.latitude_deg.push_back(std::strtod(fmt::format("{:.7f}", 47.1 + i * 1.37e-5).c_str(), nullptr));
    a.samples.longitude_deg.push_back(8.5 + std::sin(i) * 1e-3);          // not decimal: stored raw
    a.samples.distance_m.push_back(any(rng));                              // computed doubles: stored raw
    a.samples.altitude_m.push_back(std::strtod(fmt::format("{:.1f}", 400 + any(rng) / 10).c_str(), nullptr));
    a.samples.speed_mps.push_back(i == 5 ? -0.0 : i == 6 ? kInf : i == 7 ? -kInf : any(rng) / 100);
  }
  a.developer_channels.push_back({"Power, Stryd", "W %", std::vector<double>(700, 251.5)});
  const EncodedSamples enc = EncodeSamples(a);
  EXPECT_NE(enc.channels.find("dev:Power%2C Stryd|W %25"), std::string::npos) << enc.channels;
  ExpectExactSamples(a, RoundTrip(enc));
}

TEST(SampleCodecTest, EmptyAndNaNHoledColumnsRoundTrip) {
  core::Activity empty;
  const EncodedSamples none = EncodeSamples(empty);
  EXPECT_EQ(none.count, 0u);
  EXPECT_EQ(none.channels, "");
  core::Activity back = RoundTrip(none);
  EXPECT_TRUE(back.samples.empty());

  core::Activity a;
  for (int i = 0; i < 1000; ++i) {
    a.samples.time_s.push_back(i);
    a.samples.heart_rate_bpm.push_back(i < 10 || i >= 990 || (i > 300 && i < 400) ? kNaN : 120 + i % 40);
    a.samples.power_w.push_back(kNaN);  // present but never valid
    a.samples.cadence_spm.push_back(i % 2 == 0 ? kNaN : 180);
  }
  a.developer_channels.push_back({"empty", "", std::vector<double>(1000, kNaN)});
  a.developer_channels.push_back({"short", "", std::vector<double>(3, 1.0)});  // wrong length: not stored
  const EncodedSamples enc = EncodeSamples(a);
  back = RoundTrip(enc);
  a.developer_channels.pop_back();
  ExpectExactSamples(a, back);
}

TEST(SampleCodecTest, ColumnOfArbitraryDoublesIsStoredRaw) {
  std::vector<double> values = {0.1 + 0.2, std::numbers::pi, 1e300, -0.0};
  std::vector<uint8_t> out;
  internal::EncodeColumn(values, &out);
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(out[0], static_cast<uint8_t>(internal::ColumnForm::kRawFloat64));
  EXPECT_EQ(out.size(), 1 + values.size() * sizeof(double));
}

TEST(SampleCodecTest, ColumnGetsTheCoarsestRuleThatReproducesIt) {
  std::vector<uint8_t> out;
  internal::EncodeColumn(std::vector<double>{140, 141, 141, 143}, &out);
  ASSERT_GE(out.size(), 18u);
  EXPECT_EQ(out[0], static_cast<uint8_t>(internal::ColumnForm::kQuantised));
  double p = 0;
  std::memcpy(&p, &out[2], sizeof p);
  EXPECT_EQ(p, 1.0);  // integers: value = k * 1 - 0
  out.clear();
  internal::EncodeColumn(std::vector<double>{51.5, 51.25, kNaN, 51.125}, &out);
  std::memcpy(&p, &out[2], sizeof p);
  EXPECT_EQ(p, 0.125);
  out.clear();
  internal::EncodeColumn(std::vector<double>{0.3, 12.7, 5.1}, &out);  // decimal text, as strtod reads it
  EXPECT_EQ(out[1], 1);  // divide
  std::memcpy(&p, &out[2], sizeof p);
  EXPECT_EQ(p, 10.0);
}

// The form, flags and rule (p, o) at the head of a column's encoding.
std::vector<uint8_t> ColumnHead(const std::vector<uint8_t>& encoded) {
  const size_t n = encoded[0] == static_cast<uint8_t>(internal::ColumnForm::kQuantised) ? 18 : 1;
  return std::vector<uint8_t>(encoded.begin(), encoded.begin() + static_cast<std::ptrdiff_t>(n));
}

std::vector<double> DecodedColumn(const std::vector<uint8_t>& encoded, size_t count) {
  internal::BlobReader in{encoded};
  std::vector<double> values;
  EXPECT_OK(internal::DecodeColumn(&in, count, &values));
  EXPECT_EQ(in.at, encoded.size());
  return values;
}

// A column without NaN goes through a branch-free (vectorised) test of each rule; one with a NaN through
// the scalar one. Both must choose the same rule, for columns of every kind: scaled integers of each rule,
// decimals, values whose only misfit is in the last block, ties, -0.0, integers between 2^51 and 2^53
// (beyond the fast path's rounding) and arbitrary doubles.
TEST(SampleCodecTest, ColumnsWithAndWithoutNaNTakeTheSameRule) {
  std::mt19937_64 rng(7);
  const std::vector<double> scales = {1, 0.5, 0.125, 0.0078125, 0.1, 0.01, 0.001, 180.0 / 2147483648.0};
  for (int trial = 0; trial < 400; ++trial) {
    SCOPED_TRACE(trial);
    const size_t n = 1 + rng() % 300;
    std::vector<double> col(n);
    const int kind = trial % 8;
    for (size_t i = 0; i < n; ++i) {
      const auto k = static_cast<int64_t>(rng() % 200000) - 100000;
      switch (kind) {
        case 0: col[i] = static_cast<double>(k) * scales[rng() % scales.size()]; break;  // mixed scales
        case 1: col[i] = static_cast<double>(k) * scales[static_cast<size_t>(trial / 8) % scales.size()]; break;
        case 2: col[i] = static_cast<double>(k) / 1e4; break;                          // decimal text
        case 3: col[i] = static_cast<double>(k) * (1.0 / 5) - 500; break;              // FIT altitude
        case 4: col[i] = static_cast<double>(k) + 0.5; break;                          // ties under p = 1
        case 5: col[i] = 4503599627370496.0 + static_cast<double>(2 * (rng() % 1000)); break;  // 2^52 + even
        case 6: col[i] = std::bit_cast<double>(rng() >> 2); break;                     // arbitrary doubles
        default: col[i] = static_cast<double>(k); break;
      }
    }
    if (kind == 7) col[rng() % n] = trial % 16 == 7 ? -0.0 : col.back() + 0.25;  // one misfit anywhere
    if (kind == 1 && n > 40) col[n - 1] += scales[static_cast<size_t>(trial / 8) % scales.size()] / 2;  // last block
    std::vector<double> holed = col;
    holed.push_back(kNaN);
    std::vector<uint8_t> dense, sparse;
    internal::EncodeColumn(col, &dense);
    internal::EncodeColumn(holed, &sparse);
    ASSERT_EQ(ColumnHead(dense), ColumnHead(sparse));
    ExpectExactColumn(col, DecodedColumn(dense, n), "dense");
    ExpectExactColumn(holed, DecodedColumn(sparse, n + 1), "holed");
  }
}

TEST(SampleCodecTest, IntegersBeyondTwoToThe51StillTakeTheIntegerRule) {
  std::vector<double> col;
  for (int i = 0; i < 100; ++i) col.push_back(4503599627370496.0 + 2.0 * i);  // 2^52 + 2i
  std::vector<uint8_t> out;
  internal::EncodeColumn(col, &out);
  ASSERT_EQ(out[0], static_cast<uint8_t>(internal::ColumnForm::kQuantised));
  double p = 0;
  std::memcpy(&p, &out[2], sizeof p);
  EXPECT_EQ(p, 1.0);
  ExpectExactColumn(col, DecodedColumn(out, col.size()), "beyond 2^51");
}

TEST(SampleCodecTest, StoredVersion1BlobIsStillRead) {
  auto db = Database::Open(":memory:");
  ASSERT_OK(db);
  core::Activity run = ThroughFit(MakeRun(300));
  run.developer_channels.push_back({"Form power", "W", std::vector<double>(300, 61.0)});
  auto id = InsertActivity(*db, run, "hash-v1", "old.fit");
  ASSERT_OK(id);
  // Replace the stored blob with the version-1 form, as a database written before version 2 holds it.
  const EncodedSamples v1 = EncodeSamplesVersion1(run);
  auto update = db->Prepare("UPDATE activity_samples SET channels = ?1, data = ?2 WHERE activity_id = ?3");
  ASSERT_OK(update);
  update->Bind(1, std::string_view(v1.channels)).BindBlob(2, v1.blob.data(), v1.blob.size()).Bind(3, *id);
  ASSERT_OK(update->Run());
  auto loaded = LoadActivity(*db, *id, true);
  ASSERT_OK(loaded);
  const core::Samples& s = loaded->activity.samples;
  ASSERT_EQ(s.size(), 300u);
  ExpectExactColumn(run.samples.latitude_deg, s.latitude_deg, "latitude_deg");  // float64 in version 1
  ExpectExactColumn(run.samples.time_s, s.time_s, "time_s");
  for (size_t i = 0; i < 300; ++i) {
    ASSERT_EQ(static_cast<float>(run.samples.speed_mps[i]), static_cast<float>(s.speed_mps[i])) << i;
    ASSERT_TRUE(SameBitsOrNaN(run.samples.heart_rate_bpm[i], s.heart_rate_bpm[i])) << i;
  }
  ASSERT_EQ(loaded->activity.developer_channels.size(), 1u);
  EXPECT_EQ(loaded->activity.developer_channels[0].values[299], 61.0);
}

TEST(SampleCodecTest, EveryTruncationIsCorruptData) {
  core::Activity a = ThroughFit(MakeRun(300));
  a.developer_channels.push_back({"x", "", std::vector<double>(300, 0.3)});
  const EncodedSamples enc = EncodeSamples(a);
  for (size_t n = 2; n < enc.blob.size(); ++n) {
    EncodedSamples cut = enc;
    cut.blob.resize(n);
    core::Activity back;
    Status s = DecodeSamples(cut, &back);
    ASSERT_FALSE(s) << "truncated to " << n;
    EXPECT_EQ(s.error().code, core::ErrorCode::kCorruptData) << s.error().ToString();
    EXPECT_TRUE(back.samples.empty());  // unchanged on failure
  }
}

TEST(SampleCodecTest, DamagedBlobsNeverCrash) {
  const EncodedSamples enc = EncodeSamples(ThroughFit(MakeRun(300)));
  std::mt19937 rng(3);
  int failures = 0;
  for (int trial = 0; trial < 2000; ++trial) {
    EncodedSamples bad = enc;
    for (int flips = 0; flips < 1 + trial % 4; ++flips) {
      const size_t at = 2 + rng() % (bad.blob.size() - 2);
      bad.blob[at] = static_cast<uint8_t>(rng());
    }
    core::Activity back;
    Status s = DecodeSamples(bad, &back);
    if (!s) {
      ++failures;
      EXPECT_EQ(s.error().code, core::ErrorCode::kCorruptData) << s.error().ToString();
    } else {
      EXPECT_EQ(back.samples.size(), 300u);
    }
  }
  EXPECT_GT(failures, 0);
}

TEST(SampleCodecTest, MalformedHeadersAreRefused) {
  const EncodedSamples enc = EncodeSamples(ThroughFit(MakeRun(50)));
  core::Activity back;
  EncodedSamples trailing = enc;
  trailing.blob.push_back(0);
  EXPECT_EQ(DecodeSamples(trailing, &back).error().code, core::ErrorCode::kCorruptData);
  EncodedSamples newer = enc;
  newer.blob[1] = 3;
  EXPECT_EQ(DecodeSamples(newer, &back).error().code, core::ErrorCode::kUnsupported);
  EncodedSamples huge = enc;
  huge.count = uint64_t{1} << 40;
  EXPECT_EQ(DecodeSamples(huge, &back).error().code, core::ErrorCode::kCorruptData);
  EncodedSamples longer = enc;
  longer.count = 51;  // the columns hold 50
  EXPECT_EQ(DecodeSamples(longer, &back).error().code, core::ErrorCode::kCorruptData);
  EncodedSamples garbage{"time_s,heart_rate_bpm", 10, {1, 2, 3, 4, 5}};  // neither version
  EXPECT_EQ(DecodeSamples(garbage, &back).error().code, core::ErrorCode::kCorruptData);
  EXPECT_TRUE(back.samples.empty());
}

}  // namespace
}  // namespace stride::store
