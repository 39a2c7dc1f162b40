// SPDX-License-Identifier: MIT
// The FIT decoder's vector path (SlotKernel, AVX2) must give the scalar path's result bit for bit: on
// generated files that use every integer base type, both byte orders, invalid values, developer fields,
// compressed timestamps and HRV padding, and on every corpus and broken file, with and without salvage.
// Also checks the HRV conversion (table below 2048 ms, division above) against plain division.
#include <gtest/gtest.h>

#include <bit>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "formats/fit/fit_decoder.h"
#include "formats/fit/fit_profile.h"
#include "formats/fit/slot_kernel.h"
#include "testing/shared_data.h"
#include "testing/status_matchers.h"
#include "fit_test_writer.h"

namespace stride::fit {
namespace {

using testing::FitWriter;
using testing::Payload;

constexpr uint8_t kSint8 = 0x01, kUint8 = 0x02, kSint16 = 0x83, kUint16 = 0x84, kSint32 = 0x85, kUint32 = 0x86;
constexpr uint8_t kFloat32 = 0x88, kUint16z = 0x8B, kSint64 = 0x8E;

// Every number of a decode, as bits, so that two decodes compare exactly (NaN payloads included).
class Bits {
 public:
  void Add(double x) { Add(std::bit_cast<uint64_t>(x)); }
  void Add(uint64_t x) { text_.append(reinterpret_cast<const char*>(&x), sizeof x); }
  void Add(const std::string& s) {
    Add(uint64_t{s.size()});
    text_ += s;
  }
  void Add(const std::vector<double>& v) {
    Add(uint64_t{v.size()});
    for (double x : v) Add(x);
  }
  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

std::string Fingerprint(const Result<core::Decoded>& result) {
  Bits b;
  if (!result) {
    b.Add(result.error().message + "@" + result.error().where);
    return b.text();
  }
  for (const core::Diagnostic& w : result->warnings) b.Add(w.where + ": " + w.message);
  for (const core::Activity& a : result->activities) {
    b.Add(a.sport_detail + "|" + a.device);
    b.Add(static_cast<uint64_t>(a.start_time.time_since_epoch().count()));
    for (double x : {a.distance_m, a.timer_s, a.elapsed_s, a.avg_heart_rate_bpm, a.max_heart_rate_bpm}) b.Add(x);
    b.Add(a.record_count);
    for (const core::Lap& lap : a.laps) {
      for (double x : {lap.elapsed_s, lap.timer_s, lap.distance_m, lap.avg_heart_rate_bpm}) b.Add(x);
    }
    for (const core::SessionSummary& s : a.sessions) {
      for (double x : {s.total_distance_m, s.total_timer_time_s, s.total_elapsed_time_s, s.total_ascent_m}) b.Add(x);
    }
    const core::Samples& s = a.samples;
    for (const auto* column : {&s.time_s, &s.latitude_deg, &s.longitude_deg, &s.distance_m, &s.speed_mps,
                               &s.heart_rate_bpm, &s.cadence_spm, &s.altitude_m, &s.power_w}) {
      b.Add(*column);
    }
    for (const core::DeveloperChannel& c : a.developer_channels) {
      b.Add(c.name);
      b.Add(c.values);
    }
    b.Add(a.rr_intervals_s);
    b.Add(a.bytes_lost);
  }
  return b.text();
}

// Decodes `bytes` with the vector path and with the scalar path; both fingerprints.
std::pair<std::string, std::string> DecodeBothWays(const std::vector<uint8_t>& bytes, bool salvage) {
  const formats::DecodeOptions options{"t.fit", salvage};
  SlotKernel::SetEnabledForTesting(true);
  const std::string vector = Fingerprint(DecodeFit(bytes, options));
  SlotKernel::SetEnabledForTesting(false);
  const std::string scalar = Fingerprint(DecodeFit(bytes, options));
  SlotKernel::SetEnabledForTesting(true);
  return {vector, scalar};
}

// Records in which every numeric record field is present, in one byte order, with invalid values now and then.
std::vector<uint8_t> AllTypesFile(bool big_endian, size_t records) {
  FitWriter w;
  w.Define(1, kMesgFieldDescription, {{0, 1, kUint8}, {1, 1, kUint8}, {2, 1, kUint8}, {3, 8, 0x07}});
  w.Data(1, Payload().U8(0).U8(0).U8(kUint16 & 0x1F).Str("form", 8));
  w.Define(0, kMesgRecord,
           {{kFieldTimestamp, 4, kUint32},
            {kRecordPositionLat, 4, kSint32},
            {kRecordPositionLong, 4, kSint32},
            {kRecordAltitude, 2, kUint16},
            {kRecordHeartRate, 1, kUint8},
            {kRecordCadence, 1, kUint8},
            {kRecordDistance, 8, kSint64},  // 64-bit: decoded outside the kernel
            {kRecordSpeed, 2, kUint16z},
            {kRecordPower, 1, kSint8},
            {kRecordFractionalCadence, 2, kSint16},
            {kRecordEnhancedAltitude, 4, kFloat32},
            {99, 7, kUint8}},  // an unknown field in between
           big_endian, {{0, 2, 0}});
  w.Define(2, kMesgHrv, {{0, 10, kUint16}});
  const uint32_t start = 1000000000;
  for (size_t i = 0; i < records; ++i) {
    const bool gap = i % 7 == 3;
    Payload p(big_endian);
    p.U32(gap && i % 2 ? 0xFFFFFFFF : start + static_cast<uint32_t>(i));
    p.S32(gap ? 0x7FFFFFFF : static_cast<int32_t>(600000000 + 1000 * i)).S32(-static_cast<int32_t>(i * 77));
    p.U16(gap ? 0xFFFF : static_cast<uint16_t>(2500 + i)).U8(gap ? 0xFF : static_cast<uint8_t>(120 + i % 60));
    p.U8(static_cast<uint8_t>(80 + i % 10)).U64(gap ? 0x7FFFFFFFFFFFFFFFull : 310 * i);
    p.U16(static_cast<uint16_t>(gap ? 0 : 3100 + i)).U8(gap ? 0x7F : static_cast<uint8_t>(i % 256));
    p.U16(static_cast<uint16_t>(i * 31)).U32(gap ? 0xFFFFFFFF : 0x42C80000u).Str("unknown", 7).U16(250);
    if (i % 50 == 10) {
      w.Compressed(0, static_cast<uint8_t>(i & 0x1F), p);
    } else {
      w.Data(0, p);
    }
    if (i % 9 == 0) {
      w.Data(2, Payload().U16(static_cast<uint16_t>(400 + i)).U16(2047).U16(2048).U16(0xFFFF).U16(0xFFFF));
    }
  }
  return w.Finish();
}

TEST(FitVectorPathTest, GeneratedFilesDecodeTheSameBothWays) {
  for (bool big_endian : {false, true}) {
    for (size_t records : {1u, 37u, 700u}) {
      const std::vector<uint8_t> bytes = AllTypesFile(big_endian, records);
      const auto [vector, scalar] = DecodeBothWays(bytes, false);
      EXPECT_EQ(vector, scalar) << "big_endian " << big_endian << ", records " << records;
      Result<core::Decoded> decoded = DecodeFit(bytes, {"t.fit", false});
      ASSERT_OK(decoded);
      const core::Activity& a = decoded->activities.front();
      ASSERT_EQ(a.record_count, records);
      EXPECT_EQ(a.samples.heart_rate_bpm[0], 120.0);
      EXPECT_EQ(a.samples.altitude_m[0], 100.0 / 5 - 500);  // enhanced altitude (float 100) wins over altitude
      EXPECT_DOUBLE_EQ(a.samples.speed_mps[0], 3.1);
      ASSERT_EQ(a.developer_channels.size(), 1u);
      EXPECT_EQ(a.developer_channels[0].values[0], 250.0);
    }
  }
}

TEST(FitVectorPathTest, RrIntervalsAreExactDivisionsAroundTheTableEdge) {
  FitWriter w;
  w.Define(0, kMesgHrv, {{0, 12, kUint16}});
  w.Data(0, Payload().U16(0).U16(1).U16(2047).U16(2048).U16(65534).U16(0xFFFF));
  w.Data(0, Payload().U16(999).U16(0xFFFF).U16(1234).U16(0xFFFF).U16(0xFFFF).U16(0xFFFF));
  Result<core::Decoded> decoded = DecodeFit(w.Finish(), {"t.fit", false});
  ASSERT_OK(decoded);
  const std::vector<double> want = {0 / 1000.0,     1 / 1000.0,   2047 / 1000.0, 2048 / 1000.0,
                                    65534 / 1000.0, 999 / 1000.0, 1234 / 1000.0};
  EXPECT_EQ(decoded->activities.front().rr_intervals_s, want);
}

TEST(FitVectorPathTest, CorpusAndBrokenFilesDecodeTheSameBothWays) {
  STRIDE_REQUIRE_SHARED_DATA(shared);
  size_t files = 0;
  for (const char* folder : {"activities/fit", "activities/broken"}) {
    for (const auto& entry : std::filesystem::directory_iterator(shared / folder)) {
      if (entry.path().extension() != ".fit") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      const std::vector<uint8_t> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
      for (bool salvage : {false, true}) {
        const auto [vector, scalar] = DecodeBothWays(bytes, salvage);
        EXPECT_EQ(vector, scalar) << entry.path() << (salvage ? " (salvage)" : "");
      }
      ++files;
    }
  }
  EXPECT_GT(files, 70u);
}

}  // namespace
}  // namespace stride::fit
