// SPDX-License-Identifier: MIT
// FIT decoder tests on fixtures built in code with FitWriter: valid files, each feature of the protocol,
// and a corrupt-input category (like leveldb's log_test: bad CRC, truncation, undefined types).
#include "formats/fit/fit_decoder.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "formats/fit/fit_activity_builder.h"
#include "formats/fit/fit_profile.h"
#include "testing/status_matchers.h"
#include "fit_test_writer.h"

namespace stride::fit {
namespace {

using testing::FitWriter;
using testing::Payload;

constexpr uint8_t kEnum = 0x00, kSint8 = 0x01, kUint8 = 0x02, kUint16 = 0x84, kSint32 = 0x85, kUint32 = 0x86;
constexpr uint8_t kString = 0x07, kFloat64 = 0x89, kSint64 = 0x8E, kUint64 = 0x8F, kByte = 0x0D;
constexpr uint32_t kT0 = 1000000000;              // FIT seconds: 2021-09-09T01:46:40Z
constexpr int32_t kQuarterTurn = 536870912;       // 2^31 / 4 semicircles = 45 degrees
constexpr double kTolerance = 1e-9;               // exact decimal scaling, up to double rounding

Result<core::Decoded> Decode(const std::vector<uint8_t>& bytes, bool salvage = false) {
  return DecodeFit(bytes, formats::DecodeOptions{"t.fit", salvage});
}

void AddFileId(FitWriter& w) {
  w.Define(0, kMesgFileId, {{0, 1, kEnum}, {1, 2, kUint16}, {2, 2, kUint16}});
  w.Data(0, Payload().U8(4).U16(1).U16(2697));
}

// file_id, three records (1 s apart, 1 m apart), one trail-running session.
FitWriter BasicRun() {
  FitWriter w;
  AddFileId(w);
  w.Define(1, kMesgRecord, {{253, 4, kUint32}, {0, 4, kSint32}, {1, 4, kSint32}, {3, 1, kUint8}, {5, 4, kUint32},
                            {4, 1, kUint8}});
  for (uint32_t i = 0; i < 3; ++i) {
    w.Data(1, Payload().U32(kT0 + i).S32(kQuarterTurn).S32(-kQuarterTurn).U8(static_cast<uint8_t>(150 + i)).U32(i * 100).U8(80));
  }
  w.Define(2, kMesgSession, {{253, 4, kUint32}, {2, 4, kUint32}, {5, 1, kEnum}, {6, 1, kEnum}, {7, 4, kUint32},
                             {8, 4, kUint32}, {9, 4, kUint32}, {16, 1, kUint8}, {17, 1, kUint8}});
  w.Data(2, Payload().U32(kT0 + 10).U32(kT0).U8(1).U8(3).U32(2500).U32(2000).U32(300).U8(151).U8(152));
  return w;
}

TEST(FitDecoderTest, DecodesMinimalActivity) {
  auto decoded = Decode(BasicRun().Finish());
  ASSERT_OK(decoded);
  ASSERT_EQ(decoded->activities.size(), 1u);
  const core::Activity& a = decoded->activities[0];
  EXPECT_EQ(a.record_count, 3u);
  EXPECT_EQ(a.device, "garmin 2697");
  EXPECT_EQ(a.sport, core::Sport::kTrailRunning);
  EXPECT_EQ(a.sport_detail, "running/trail");
  EXPECT_EQ(a.start_time.time_since_epoch().count(), (int64_t{kT0} + kFitEpochUnixS) * 1000);
  ASSERT_EQ(a.samples.size(), 3u);
  EXPECT_EQ(a.samples.time_s, (std::vector<double>{0, 1, 2}));
  EXPECT_NEAR(a.samples.latitude_deg[0], 45.0, kTolerance);
  EXPECT_NEAR(a.samples.longitude_deg[0], -45.0, kTolerance);
  EXPECT_EQ(a.samples.heart_rate_bpm, (std::vector<double>{150, 151, 152}));
  EXPECT_NEAR(a.samples.distance_m[2], 2.0, kTolerance);
  EXPECT_EQ(a.samples.cadence_spm[0], 160);  // 80 strides/min when running = 160 steps/min
  EXPECT_TRUE(a.samples.power_w.empty());    // never carried
  EXPECT_TRUE(a.samples.altitude_m.empty());
  ASSERT_EQ(a.sessions.size(), 1u);
  EXPECT_NEAR(a.sessions[0].total_elapsed_time_s, 2.5, kTolerance);
  EXPECT_NEAR(a.sessions[0].total_timer_time_s, 2.0, kTolerance);
  EXPECT_NEAR(a.sessions[0].total_distance_m, 3.0, kTolerance);
  EXPECT_NEAR(a.distance_m, 3.0, kTolerance);
  EXPECT_EQ(a.max_heart_rate_bpm, 152);
  EXPECT_FALSE(a.salvaged);
}

TEST(FitDecoderTest, AcceptsTwelveByteHeaderAndZeroHeaderCrc) {
  auto legacy = Decode(BasicRun().Finish(12));
  ASSERT_OK(legacy);
  EXPECT_EQ(legacy->activities[0].record_count, 3u);
  auto zero_crc = Decode(BasicRun().Finish(14, false));
  ASSERT_OK(zero_crc);
  EXPECT_EQ(zero_crc->activities[0].record_count, 3u);
}

TEST(FitDecoderTest, RejectsEmptyFile) {
  auto decoded = Decode({});
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().code, core::ErrorCode::kCorruptData);
  EXPECT_EQ(decoded.error().ToString(), "t.fit@byte 0: empty file");
}

TEST(FitDecoderTest, RejectsTooSmallAndBadHeaderSize) {
  auto small = Decode({14, 0x20, 0});
  ASSERT_FALSE(small);
  EXPECT_EQ(small.error().ToString(), "t.fit@byte 0: too small for a FIT header: 3 bytes");
  std::vector<uint8_t> bytes = BasicRun().Finish();
  bytes[0] = 13;
  auto bad = Decode(bytes);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().ToString(), "t.fit@byte 0: bad header size 13 (expected 12 or 14)");
}

TEST(FitDecoderTest, RejectsMissingSignature) {
  std::vector<uint8_t> bytes = BasicRun().Finish(14, false);
  bytes[11] = 'X';
  auto decoded = Decode(bytes);
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().ToString(), "t.fit@byte 8: missing \".FIT\" signature: not a FIT file");
}

TEST(FitDecoderTest, RejectsHeaderWithBadCrc) {
  std::vector<uint8_t> bytes = BasicRun().Finish();
  bytes[12] ^= 0x01;
  auto decoded = Decode(bytes);
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().code, core::ErrorCode::kCorruptData);
  EXPECT_EQ(decoded.error().where, "t.fit@byte 12");
  EXPECT_NE(decoded.error().message.find("header CRC mismatch"), std::string::npos);
}

TEST(FitDecoderTest, RejectsFileWithBadCrc) {
  std::vector<uint8_t> bytes = BasicRun().Finish();
  bytes.back() ^= 0x80;
  auto decoded = Decode(bytes);
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().where, "t.fit@byte " + std::to_string(bytes.size() - 2));
  EXPECT_NE(decoded.error().message.find("file CRC mismatch"), std::string::npos);
}

TEST(FitDecoderTest, RejectsMissingFileCrc) {
  std::vector<uint8_t> bytes = BasicRun().Finish();
  bytes.resize(bytes.size() - 2);
  auto decoded = Decode(bytes);
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().ToString(),
            "t.fit@byte " + std::to_string(bytes.size()) + ": missing file CRC: file ends after the data");
}

TEST(FitDecoderTest, RejectsTruncatedFile) {
  std::vector<uint8_t> bytes = BasicRun().Finish();
  bytes.resize(bytes.size() - 10);
  auto decoded = Decode(bytes);
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().where, "t.fit@byte 4");
  EXPECT_NE(decoded.error().message.find("truncated"), std::string::npos);
}

TEST(FitDecoderTest, RejectsDataMessageOfUndefinedLocalType) {
  FitWriter w;
  AddFileId(w);
  w.Data(5, Payload().U8(1));
  auto decoded = Decode(w.Finish());
  ASSERT_FALSE(decoded);
  // 14-byte header, file_id definition (6 + 3*3 = 15 bytes) and data (1 + 5 bytes): offset 35.
  EXPECT_EQ(decoded.error().ToString(), "t.fit@byte 35: data message for undefined local message type 5");
}

TEST(FitDecoderTest, RejectsTruncatedDefinition) {
  // A one-field definition (9 bytes) with its last byte cut, in a 12-byte-header file with a valid CRC.
  FitWriter cut;
  cut.Define(0, kMesgFileId, {{0, 1, kEnum}});
  std::vector<uint8_t> good = cut.Finish();
  std::vector<uint8_t> records(good.begin() + 14, good.end() - 2);
  records.pop_back();  // the definition now lacks its last byte
  std::vector<uint8_t> file = Payload().U8(12).U8(0x20).U16(2132).U32(static_cast<uint32_t>(records.size())).bytes();
  file.insert(file.end(), {'.', 'F', 'I', 'T'});
  file.insert(file.end(), records.begin(), records.end());
  const uint16_t crc = Crc16(file);
  file.push_back(static_cast<uint8_t>(crc));
  file.push_back(static_cast<uint8_t>(crc >> 8));
  auto decoded = Decode(file);
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().ToString(), "t.fit@byte 12: truncated definition message");
}

TEST(FitDecoderTest, ReadsBigEndianDefinitions) {
  FitWriter w;
  w.Define(0, kMesgRecord, {{253, 4, kUint32}, {2, 2, kUint16}, {5, 4, kUint32}, {0, 4, kSint32}}, true);
  w.Data(0, Payload(true).U32(kT0).U16(2600).U32(12345).S32(-kQuarterTurn));
  auto decoded = Decode(w.Finish());
  ASSERT_OK(decoded);
  const core::Samples& s = decoded->activities[0].samples;
  ASSERT_EQ(s.size(), 1u);
  EXPECT_NEAR(s.altitude_m[0], 20.0, kTolerance);  // 2600 / 5 - 500
  EXPECT_NEAR(s.distance_m[0], 123.45, kTolerance);
  EXPECT_NEAR(s.latitude_deg[0], -45.0, kTolerance);
}

TEST(FitDecoderTest, FollowsLocalTypeRedefinition) {
  FitWriter w;
  w.Define(0, kMesgFileId, {{0, 1, kEnum}, {1, 2, kUint16}});
  w.Data(0, Payload().U8(4).U16(255));
  w.Define(0, kMesgRecord, {{253, 4, kUint32}, {3, 1, kUint8}});
  w.Data(0, Payload().U32(kT0).U8(100));
  w.Define(0, kMesgRecord, {{253, 4, kUint32}, {7, 2, kUint16}, {3, 1, kUint8}});
  w.Data(0, Payload().U32(kT0 + 1).U16(250).U8(101));
  auto decoded = Decode(w.Finish());
  ASSERT_OK(decoded);
  const core::Activity& a = decoded->activities[0];
  EXPECT_EQ(a.device, "development");
  EXPECT_EQ(a.samples.heart_rate_bpm, (std::vector<double>{100, 101}));
  ASSERT_EQ(a.samples.power_w.size(), 2u);
  EXPECT_TRUE(std::isnan(a.samples.power_w[0]));
  EXPECT_EQ(a.samples.power_w[1], 250);
}

TEST(FitDecoderTest, AdvancesCompressedTimestampsAcrossRollover) {
  FitWriter w;
  w.Define(0, kMesgRecord, {{253, 4, kUint32}, {3, 1, kUint8}});
  w.Define(1, kMesgRecord, {{3, 1, kUint8}});
  const uint32_t t0 = 0x3B9ACA1C;  // low 5 bits = 28
  w.Data(0, Payload().U32(t0).U8(90));
  w.Compressed(1, 30, Payload().U8(91));  // +2
  w.Compressed(1, 3, Payload().U8(92));   // rolls over: +5
  w.Compressed(1, 3, Payload().U8(93));   // same second
  auto decoded = Decode(w.Finish());
  ASSERT_OK(decoded);
  const core::Activity& a = decoded->activities[0];
  EXPECT_EQ(a.record_count, 4u);
  EXPECT_EQ(a.samples.time_s, (std::vector<double>{0, 2, 7, 7}));
  EXPECT_EQ(a.samples.heart_rate_bpm, (std::vector<double>{90, 91, 92, 93}));
}

// developer_data_id + field_description for one developer field of `base_type`, then the record
// definition on local type 2 carrying it.
FitWriter WithDeveloperField(uint8_t base_type, uint8_t size, const std::string& name, const std::string& units) {
  FitWriter w;
  w.Define(0, kMesgDeveloperDataId, {{3, 1, kUint8}});
  w.Data(0, Payload().U8(0));
  w.Define(1, kMesgFieldDescription, {{0, 1, kUint8}, {1, 1, kUint8}, {2, 1, kUint8}, {3, 16, kString},
                                      {8, 8, kString}});
  w.Data(1, Payload().U8(0).U8(7).U8(base_type).Str(name, 16).Str(units, 8));
  w.Define(2, kMesgRecord, {{253, 4, kUint32}, {3, 1, kUint8}}, false, {{7, size, 0}});
  return w;
}

TEST(FitDecoderTest, KeepsDeveloperFieldsOfRecords) {
  FitWriter w = WithDeveloperField(kUint16, 2, "Stryd Power", "Watts");
  w.Data(2, Payload().U32(kT0).U8(140).U16(250));
  w.Data(2, Payload().U32(kT0 + 1).U8(141).U16(0xFFFF));
  auto decoded = Decode(w.Finish());
  ASSERT_OK(decoded);
  const core::Activity& a = decoded->activities[0];
  ASSERT_EQ(a.developer_channels.size(), 1u);
  EXPECT_EQ(a.developer_channels[0].name, "Stryd Power");
  EXPECT_EQ(a.developer_channels[0].units, "Watts");
  ASSERT_EQ(a.developer_channels[0].values.size(), 2u);
  EXPECT_EQ(a.developer_channels[0].values[0], 250);
  EXPECT_TRUE(std::isnan(a.developer_channels[0].values[1]));
  EXPECT_EQ(a.samples.heart_rate_bpm, (std::vector<double>{140, 141}));
}

TEST(FitDecoderTest, ReadsSixtyFourBitTypes) {
  for (uint8_t base : {kSint64, kUint64, kFloat64}) {
    FitWriter w = WithDeveloperField(base, 8, "x", "");
    Payload p = Payload().U32(kT0).U8(1);
    if (base == kFloat64) p.F64(-2.5); else if (base == kSint64) p.U64(static_cast<uint64_t>(-5)); else p.U64(uint64_t{1} << 40);
    w.Data(2, p);
    w.Data(2, Payload().U32(kT0 + 1).U8(2).U64(base == kSint64 ? 0x7FFFFFFFFFFFFFFFull : ~uint64_t{0}));
    auto decoded = Decode(w.Finish());
    ASSERT_OK(decoded);
    const std::vector<double>& v = decoded->activities[0].developer_channels.at(0).values;
    const double expected = base == kFloat64 ? -2.5 : base == kSint64 ? -5.0 : 1099511627776.0;
    EXPECT_EQ(v[0], expected) << int{base};
    EXPECT_TRUE(std::isnan(v[1])) << int{base};  // invalid value
    EXPECT_EQ(decoded->activities[0].samples.heart_rate_bpm[1], 2);  // the next field still lines up
  }
}

TEST(FitDecoderTest, MapsInvalidValuesToNan) {
  FitWriter w;
  w.Define(0, kMesgRecord, {{253, 4, kUint32}, {3, 1, kUint8}, {2, 2, kUint16}, {0, 4, kSint32}, {13, 1, kSint8}});
  w.Data(0, Payload().U32(kT0).U8(0xFF).U16(0xFFFF).S32(0x7FFFFFFF).U8(0x7F));
  w.Data(0, Payload().U32(kT0 + 1).U8(254).U16(0).S32(0).U8(0));
  auto decoded = Decode(w.Finish());
  ASSERT_OK(decoded);
  const core::Samples& s = decoded->activities[0].samples;
  EXPECT_TRUE(std::isnan(s.heart_rate_bpm[0]));
  EXPECT_TRUE(std::isnan(s.altitude_m[0]));
  EXPECT_TRUE(std::isnan(s.latitude_deg[0]));
  EXPECT_EQ(s.heart_rate_bpm[1], 254);  // a legitimate value just below the invalid one
  EXPECT_NEAR(s.altitude_m[1], -500.0, kTolerance);
}

TEST(FitDecoderTest, BoundsReservationForTinyRecordDefinitions) {
  // A record definition without fields followed by ~1 MB of other messages: sizing the columns by
  // "bytes left / record size" would reserve a million samples for one.
  constexpr size_t kFillerMessages = 4000;
  constexpr uint8_t kFillerBytes = 255;
  FitWriter w;
  w.Define(0, kMesgRecord, {});
  w.Data(0, Payload());
  w.Define(1, 0xFF01, {{0, kFillerBytes, kByte}});
  const Payload filler = Payload().Str("", kFillerBytes);
  for (size_t i = 0; i < kFillerMessages; ++i) w.Data(1, filler);
  auto decoded = Decode(w.Finish());
  ASSERT_OK(decoded);
  EXPECT_EQ(decoded->activities[0].record_count, 1u);
  EXPECT_LE(decoded->activities[0].samples.time_s.capacity(), size_t{1} << 18);
}

TEST(FitDecoderTest, ToleratesFieldsDeclaredWithUnexpectedBaseTypes) {
  // Found by fuzzing: a negative sint16 timestamp, a uint16 sport of 300, a float64 manufacturer.
  constexpr uint8_t kSint16 = 0x83;
  FitWriter w;
  w.Define(0, kMesgFileId, {{0, 1, kEnum}, {1, 8, kFloat64}});
  w.Data(0, Payload().U8(4).F64(-1e300));
  w.Define(1, kMesgRecord, {{253, 2, kSint16}, {3, 1, kUint8}});
  w.Data(1, Payload().U16(static_cast<uint16_t>(-31742)).U8(140));
  w.Define(2, kMesgSession, {{253, 4, kUint32}, {5, 2, kUint16}});
  w.Data(2, Payload().U32(kT0).U16(300));
  auto decoded = Decode(w.Finish());
  ASSERT_OK(decoded);
  const core::Activity& a = decoded->activities[0];
  ASSERT_EQ(a.samples.size(), 1u);
  EXPECT_TRUE(std::isnan(a.samples.time_s[0]));  // not a date_time
  EXPECT_EQ(a.samples.heart_rate_bpm[0], 140);
  ASSERT_EQ(a.sessions.size(), 1u);
  EXPECT_EQ(a.sessions[0].sport_detail, "");  // 300 is no FIT sport
  EXPECT_EQ(a.device, "");
}

TEST(FitRawFieldTest, AbsentStringIsEmpty) {
  EXPECT_EQ(RawString(RawField{}), "");
  const uint8_t bytes[] = {'a', 'b', 0, 'c'};
  EXPECT_EQ(RawString(RawField{bytes, BaseType::kString, false}), "ab");
}

TEST(FitDecoderTest, PrefersEnhancedFieldsAndAddsFractionalCadence) {
  FitWriter w;
  w.Define(0, kMesgSport, {{0, 1, kEnum}, {1, 1, kEnum}});
  w.Data(0, Payload().U8(1).U8(0));
  w.Define(1, kMesgRecord, {{253, 4, kUint32}, {6, 2, kUint16}, {73, 4, kUint32}, {2, 2, kUint16},
                            {78, 4, kUint32}, {4, 1, kUint8}, {53, 1, kUint8}});
  w.Data(1, Payload().U32(kT0).U16(1000).U32(3500).U16(3000).U32(2750).U8(85).U8(64));
  auto decoded = Decode(w.Finish());
  ASSERT_OK(decoded);
  const core::Activity& a = decoded->activities[0];
  EXPECT_EQ(a.sport, core::Sport::kRunning);  // from the sport message: no session
  EXPECT_NEAR(a.samples.speed_mps[0], 3.5, kTolerance);
  EXPECT_NEAR(a.samples.altitude_m[0], 50.0, kTolerance);
  EXPECT_NEAR(a.samples.cadence_spm[0], 171.0, kTolerance);  // (85 + 64/128) * 2
}

TEST(FitDecoderTest, AccumulatesCompressedSpeedDistance) {
  FitWriter w;
  w.Define(0, kMesgRecord, {{253, 4, kUint32}, {8, 3, kByte}});
  // speed 3.50 m/s (350), distance 4090/16 m, then 20/16 m after a 4096 rollover.
  w.Data(0, Payload().U32(kT0).U8(350 & 0xFF).U8(static_cast<uint8_t>((350 >> 8) | ((4090 & 0xF) << 4))).U8(4090 >> 4));
  w.Data(0, Payload().U32(kT0 + 1).U8(350 & 0xFF).U8(static_cast<uint8_t>((350 >> 8) | ((20 & 0xF) << 4))).U8(20 >> 4));
  auto decoded = Decode(w.Finish());
  ASSERT_OK(decoded);
  const core::Samples& s = decoded->activities[0].samples;
  EXPECT_NEAR(s.speed_mps[0], 3.5, kTolerance);
  EXPECT_NEAR(s.distance_m[0], 4090 / 16.0, kTolerance);
  EXPECT_NEAR(s.distance_m[1], (4096 + 20) / 16.0, kTolerance);
}

TEST(FitDecoderTest, ReadsLapsHrvAndUtcOffset) {
  FitWriter w;
  w.Define(0, kMesgLap, {{253, 4, kUint32}, {2, 4, kUint32}, {7, 4, kUint32}, {8, 4, kUint32}, {9, 4, kUint32},
                         {15, 1, kUint8}, {16, 1, kUint8}});
  w.Data(0, Payload().U32(kT0 + 60).U32(kT0).U32(60500).U32(60000).U32(25000).U8(140).U8(150));
  w.Define(1, kMesgHrv, {{0, 10, kUint16}});
  w.Data(1, Payload().U16(800).U16(810).U16(0xFFFF).U16(0xFFFF).U16(0xFFFF));
  w.Define(2, kMesgActivity, {{253, 4, kUint32}, {5, 4, kUint32}});
  w.Data(2, Payload().U32(kT0).U32(kT0 + 7200));
  auto decoded = Decode(w.Finish());
  ASSERT_OK(decoded);
  const core::Activity& a = decoded->activities[0];
  ASSERT_EQ(a.laps.size(), 1u);
  EXPECT_NEAR(a.laps[0].elapsed_s, 60.5, kTolerance);
  EXPECT_NEAR(a.laps[0].distance_m, 250.0, kTolerance);
  EXPECT_EQ(a.laps[0].max_heart_rate_bpm, 150);
  ASSERT_EQ(a.rr_intervals_s.size(), 2u);
  EXPECT_NEAR(a.rr_intervals_s[1], 0.81, kTolerance);
  EXPECT_EQ(a.utc_offset_s, 7200);
}

TEST(FitDecoderTest, DecodesChainedFilesIntoOneActivity) {
  std::vector<uint8_t> bytes = BasicRun().Finish();
  FitWriter second;
  second.Define(3, kMesgRecord, {{253, 4, kUint32}, {3, 1, kUint8}});
  second.Data(3, Payload().U32(kT0 + 100).U8(120));
  second.Define(4, kMesgSession, {{2, 4, kUint32}, {5, 1, kEnum}, {9, 4, kUint32}});
  second.Data(4, Payload().U32(kT0 + 100).U8(2).U32(1000));
  const std::vector<uint8_t> part2 = second.Finish();
  bytes.insert(bytes.end(), part2.begin(), part2.end());
  auto decoded = Decode(bytes);
  ASSERT_OK(decoded);
  const core::Activity& a = decoded->activities[0];
  EXPECT_EQ(a.record_count, 4u);
  ASSERT_EQ(a.sessions.size(), 2u);
  EXPECT_EQ(a.sessions[1].sport, core::Sport::kCycling);
  EXPECT_EQ(a.samples.time_s.back(), 100);
  EXPECT_NEAR(a.distance_m, 13.0, kTolerance);  // 3 m + 10 m
}

TEST(FitDecoderTest, RejectsChainedFileWithCorruptSecondPart) {
  std::vector<uint8_t> bytes = BasicRun().Finish();
  const size_t second_start = bytes.size();
  std::vector<uint8_t> part2 = BasicRun().Finish();
  part2[9] = 'G';
  bytes.insert(bytes.end(), part2.begin(), part2.end());
  auto decoded = Decode(bytes);
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().where, "t.fit@byte " + std::to_string(second_start + 8));
  auto salvaged = Decode(bytes, true);
  ASSERT_OK(salvaged);
  EXPECT_TRUE(salvaged->activities[0].salvaged);
  EXPECT_EQ(salvaged->activities[0].record_count, 3u);
  EXPECT_EQ(salvaged->activities[0].bytes_lost, part2.size());
}

TEST(FitDecoderTest, SkipsUnknownMessagesWithOneWarning) {
  FitWriter w;
  w.Define(0, 0xFF10, {{1, 3, kByte}, {253, 4, kUint32}, {2, 2, kUint16}});
  w.Data(0, Payload().U8(1).U8(2).U8(3).U32(kT0).U16(7));
  w.Data(0, Payload().U8(1).U8(2).U8(3).U32(kT0 + 1).U16(7));
  w.Define(1, kMesgRecord, {{3, 1, kUint8}, {250, 1, kUint8}});  // unknown field 250 inside a known message
  w.Data(1, Payload().U8(99).U8(5));
  auto decoded = Decode(w.Finish());
  ASSERT_OK(decoded);
  EXPECT_EQ(decoded->activities[0].samples.heart_rate_bpm, (std::vector<double>{99}));
  ASSERT_EQ(decoded->warnings.size(), 1u);
  EXPECT_EQ(decoded->warnings[0].message, "skipped 2 messages of unknown global numbers 65296");
}

TEST(FitDecoderTest, SalvagesTruncatedFile) {
  std::vector<uint8_t> bytes = BasicRun().Finish();
  bytes.resize(bytes.size() - 12);  // cuts into the session message
  auto strict = Decode(bytes);
  ASSERT_FALSE(strict);
  auto decoded = Decode(bytes, true);
  ASSERT_OK(decoded);
  const core::Activity& a = decoded->activities[0];
  EXPECT_TRUE(a.salvaged);
  EXPECT_EQ(a.record_count, 3u);
  EXPECT_TRUE(a.sessions.empty());
  EXPECT_GT(a.bytes_lost, 0u);
  ASSERT_FALSE(decoded->warnings.empty());
  EXPECT_NE(decoded->warnings[0].message.find("salvaged"), std::string::npos);
  EXPECT_NEAR(a.elapsed_s, 2.0, kTolerance);  // no session: from the samples
}

TEST(FitDecoderTest, SurvivesEveryTruncationAndBitFlip) {
  const std::vector<uint8_t> good = BasicRun().Finish();
  for (size_t n = 0; n < good.size(); ++n) {
    std::vector<uint8_t> cut(good.begin(), good.begin() + static_cast<std::ptrdiff_t>(n));
    EXPECT_FALSE(Decode(cut)) << n;
    (void)Decode(cut, true);
  }
  for (size_t i = 0; i < good.size(); ++i) {
    std::vector<uint8_t> flipped = good;
    flipped[i] ^= 0x5A;
    (void)Decode(flipped, true);
  }
}

TEST(FitSportTest, MapsSportAndSubSport) {
  EXPECT_EQ(MapSport(kSportRunning, 0), core::Sport::kRunning);
  EXPECT_EQ(MapSport(kSportRunning, kSubSportTrail), core::Sport::kTrailRunning);
  EXPECT_EQ(MapSport(kSportRunning, kSubSportTreadmill), core::Sport::kTreadmill);
  EXPECT_EQ(MapSport(kSportRunning, kSubSportIndoorRunning), core::Sport::kTreadmill);
  EXPECT_EQ(MapSport(kSportWalking, 0), core::Sport::kWalking);
  EXPECT_EQ(MapSport(kSportHiking, 0), core::Sport::kHiking);
  EXPECT_EQ(MapSport(kSportCycling, 7), core::Sport::kCycling);
  EXPECT_EQ(MapSport(kSportSwimming, 17), core::Sport::kSwimming);
  EXPECT_EQ(MapSport(kSportTraining, kSubSportStrengthTraining), core::Sport::kStrength);
  EXPECT_EQ(MapSport(53, 0), core::Sport::kOther);
  EXPECT_EQ(SportDetail(kSportCycling, 58), "cycling/virtual_activity");
  EXPECT_EQ(SportDetail(200, 200), "sport_200/sub_sport_200");
}

}  // namespace
}  // namespace stride::fit
