// SPDX-License-Identifier: MIT
// Tests for the GPX decoder (src/formats/gpx) and the shared XML helpers it uses: inline fixtures for
// each behaviour, then the shared corpus (../shared/data/activities/{gpx,broken}) when present.
#include "formats/gpx/gpx_decoder.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <numbers>
#include <string>
#include <string_view>
#include <vector>

#include "formats/xml/track_builder.h"
#include "formats/xml/xml_values.h"
#include "testing/shared_data.h"
#include "testing/status_matchers.h"

namespace stride::gpx {
namespace {

using ::testing::HasSubstr;

Result<core::Decoded> Decode(std::string_view text, bool salvage = false) {
  std::span<const uint8_t> bytes(reinterpret_cast<const uint8_t*>(text.data()), text.size());
  return DecodeGpx(bytes, formats::DecodeOptions{"t.gpx", salvage});
}

std::string Gpx(std::string_view body, std::string_view version = "1.1") {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"") + std::string(version) +
         "\" creator=\"test\" xmlns=\"http://www.topografix.com/GPX/" + (version == "1.1" ? "1/1" : "1/0") +
         "\" xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\">\n" + std::string(body) +
         "</gpx>\n";
}

std::string Point(double lat, double lon, std::string_view time, std::string_view extra = "") {
  return "<trkpt lat=\"" + std::to_string(lat) + "\" lon=\"" + std::to_string(lon) + "\"><time>" +
         std::string(time) + "</time>" + std::string(extra) + "</trkpt>\n";
}

std::string HrCad(int hr, int cad) {
  return "<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>" + std::to_string(hr) + "</gpxtpx:hr><gpxtpx:cad>" +
         std::to_string(cad) + "</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions>";
}

const std::string kMinimal = Gpx(
    "<trk><name>Morning run</name><type>running</type><trkseg>\n"
    "<trkpt lat=\"45.0\" lon=\"7.0\"><ele>100.5</ele><time>2024-05-01T06:00:00Z</time>" +
    HrCad(140, 85) + "</trkpt>\n<trkpt lat=\"45.001\" lon=\"7.0\"><ele>101.0</ele><time>2024-05-01T06:00:10Z</time>" +
    HrCad(150, 87) + "</trkpt>\n</trkseg></trk>\n");

TEST(GpxDecoderTest, DecodesMinimalValidFile) {
  auto decoded = Decode(kMinimal);
  ASSERT_OK(decoded);
  ASSERT_EQ(decoded->activities.size(), 1u);
  const core::Activity& a = decoded->activities[0];
  EXPECT_EQ(a.format, core::FileFormat::kGpx);
  EXPECT_EQ(a.sport, core::Sport::kRunning);
  EXPECT_EQ(a.name, "Morning run");
  EXPECT_EQ(a.record_count, 2u);
  EXPECT_EQ(core::FormatTimestamp(a.start_time), "2024-05-01T06:00:00Z");
  EXPECT_THAT(a.samples.time_s, ::testing::ElementsAre(0.0, 10.0));
  EXPECT_THAT(a.samples.heart_rate_bpm, ::testing::ElementsAre(140.0, 150.0));
  EXPECT_THAT(a.samples.cadence_spm, ::testing::ElementsAre(170.0, 174.0));  // rpm x 2: median 86 < 120
  EXPECT_THAT(a.samples.altitude_m, ::testing::ElementsAre(100.5, 101.0));
  EXPECT_TRUE(a.samples.speed_mps.empty());
  EXPECT_TRUE(a.samples.power_w.empty());
  EXPECT_DOUBLE_EQ(a.elapsed_s, 10.0);
  EXPECT_DOUBLE_EQ(a.max_heart_rate_bpm, 150.0);
  EXPECT_DOUBLE_EQ(a.avg_heart_rate_bpm, 145.0);
  ASSERT_EQ(a.sessions.size(), 1u);
  EXPECT_DOUBLE_EQ(a.sessions[0].total_distance_m, a.distance_m);
  EXPECT_FALSE(a.utc_offset_s.has_value());
  EXPECT_TRUE(decoded->warnings.empty());
}

TEST(GpxDecoderTest, RejectsEmptyFile) {
  auto decoded = Decode("");
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().code, core::ErrorCode::kCorruptData);
  EXPECT_EQ(decoded.error().ToString(), "t.gpx:1:1: empty file");
}

TEST(GpxDecoderTest, RejectsNonXml) {
  auto decoded = Decode("This is not XML.\n<gpx");
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().ToString(), "t.gpx:1:1: not XML: expected '<', found 'T'");
}

TEST(GpxDecoderTest, RejectsTruncatedFileNamingTheLine) {
  std::string text = kMinimal.substr(0, kMinimal.find("<ele>101.0"));
  auto decoded = Decode(text);
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().code, core::ErrorCode::kCorruptData);
  EXPECT_THAT(decoded.error().message, HasSubstr("malformed XML: "));
  EXPECT_THAT(decoded.error().where, ::testing::MatchesRegex("t\\.gpx:5:[0-9]+"));
}

TEST(GpxDecoderTest, SalvageKeepsPointsBeforeTheBreak) {
  std::string text = kMinimal.substr(0, kMinimal.find("<ele>101.0"));
  auto decoded = Decode(text, /*salvage=*/true);
  ASSERT_OK(decoded);
  ASSERT_EQ(decoded->activities.size(), 1u);
  const core::Activity& a = decoded->activities[0];
  EXPECT_EQ(a.record_count, 1u);  // the point cut through is dropped
  EXPECT_TRUE(a.salvaged);
  EXPECT_EQ(a.bytes_lost, text.size() - text.rfind("<trkpt"));
  ASSERT_FALSE(decoded->warnings.empty());
  EXPECT_THAT(decoded->warnings.back().message, HasSubstr("kept the 1 track points before the break"));
}

TEST(GpxDecoderTest, RejectsMalformedXml) {
  auto decoded = Decode(Gpx("<trk><trkseg><trkpt lat=\"1\" lon=\"2\"></trkseg></trk>\n"));
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().ToString(), "t.gpx:3:39: malformed XML: start-end tags mismatch");
}

TEST(GpxDecoderTest, RejectsWrongRootElement) {
  auto decoded = Decode("<?xml version=\"1.0\"?>\n<kml><Document/></kml>");
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().ToString(), "t.gpx:2:1: root element is <kml>, not <gpx>");
}

TEST(GpxDecoderTest, RejectsUnreadableTimeNamingTheLine) {
  auto decoded = Decode(Gpx("<trk><trkseg>\n" + Point(1, 2, "2024-05-01T06:00:00Z") + Point(1, 2, "yesterday") +
                            "</trkseg></trk>\n"));
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().code, core::ErrorCode::kCorruptData);
  EXPECT_EQ(decoded.error().where, "t.gpx:5:38");  // the second <time>
  EXPECT_EQ(decoded.error().message, "cannot read time 'yesterday': expected ISO 8601 like 2026-10-18T07:05:00Z");
}

TEST(GpxDecoderTest, SalvageDropsPointWithUnreadableTime) {
  auto decoded = Decode(Gpx("<trk><trkseg>\n" + Point(1, 2, "2024-05-01T06:00:00Z") + Point(1, 2, "yesterday") +
                            "</trkseg></trk>\n"),
                        /*salvage=*/true);
  ASSERT_OK(decoded);
  EXPECT_EQ(decoded->activities[0].record_count, 1u);
  EXPECT_TRUE(decoded->activities[0].salvaged);
}

TEST(GpxDecoderTest, UnknownElementBecomesWarning) {
  auto decoded = Decode(Gpx("<trk><trkseg>\n" + Point(1, 2, "2024-05-01T06:00:00Z", "<mood>happy</mood>") +
                            Point(1, 2, "2024-05-01T06:00:01Z", "<mood>tired</mood>") + "</trkseg></trk>\n"));
  ASSERT_OK(decoded);
  EXPECT_EQ(decoded->activities[0].record_count, 2u);
  ASSERT_EQ(decoded->warnings.size(), 1u);  // once per element name
  EXPECT_EQ(decoded->warnings[0].message, "unknown element <mood> ignored");
  EXPECT_EQ(decoded->warnings[0].where, "t.gpx:4:71");
}

TEST(GpxDecoderTest, MatchesExtensionsByNamespaceNotPrefix) {
  std::string body =
      "<trk><trkseg>\n"
      "<trkpt lat=\"1\" lon=\"2\"><time>2024-05-01T06:00:00Z</time><extensions>"
      "<ns3:TrackPointExtension xmlns:ns3=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v2\">"
      "<ns3:hr>141</ns3:hr><ns3:speed>3.5</ns3:speed></ns3:TrackPointExtension></extensions></trkpt>\n"
      "<trkpt lat=\"1\" lon=\"2\"><time>2024-05-01T06:00:01Z</time><extensions>"
      "<TrackPointExtension xmlns=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\">"
      "<hr>142</hr></TrackPointExtension></extensions></trkpt>\n"
      "<trkpt lat=\"1\" lon=\"2\"><time>2024-05-01T06:00:02Z</time><extensions>"
      "<gpxtpx:TrackPointExtension xmlns:gpxtpx=\"http://example.com/not-garmin\">"
      "<gpxtpx:hr>99</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions></trkpt>\n"
      "</trkseg></trk>\n";
  auto decoded = Decode(Gpx(body));
  ASSERT_OK(decoded);
  const core::Samples& s = decoded->activities[0].samples;
  ASSERT_EQ(s.heart_rate_bpm.size(), 3u);
  EXPECT_EQ(s.heart_rate_bpm[0], 141.0);
  EXPECT_EQ(s.heart_rate_bpm[1], 142.0);
  EXPECT_TRUE(std::isnan(s.heart_rate_bpm[2]));  // "gpxtpx" bound to another namespace
  ASSERT_EQ(s.speed_mps.size(), 3u);
  EXPECT_EQ(s.speed_mps[0], 3.5);
}

TEST(GpxDecoderTest, JoinsTracksAndSegmentsWithGapsAsPauses) {
  std::string body = "<trk><trkseg>\n" + Point(0, 0, "2024-05-01T06:00:00Z") + Point(0, 0.001, "2024-05-01T06:01:00Z") +
                     "</trkseg><trkseg></trkseg><trkseg>\n" + Point(0, 0.002, "2024-05-01T06:05:00Z") +
                     Point(0, 0.003, "2024-05-01T06:06:00Z") + "</trkseg></trk><trk><trkseg>\n" +
                     Point(0, 0.004, "2024-05-01T06:10:00Z") + Point(0, 0.005, "2024-05-01T06:10:30Z") +
                     "</trkseg></trk>\n";
  auto decoded = Decode(Gpx(body));
  ASSERT_OK(decoded);
  ASSERT_EQ(decoded->activities.size(), 1u);
  const core::Activity& a = decoded->activities[0];
  EXPECT_EQ(a.record_count, 6u);
  EXPECT_DOUBLE_EQ(a.elapsed_s, 630.0);
  EXPECT_DOUBLE_EQ(a.timer_s, 60.0 + 60.0 + 30.0);  // the two gaps are pauses
  // Distance accumulates inside segments only: 3 steps of 0.001 degree of longitude on the equator.
  const double step_m = xml::kEarthRadiusM * 0.001 * std::numbers::pi / 180.0;
  EXPECT_NEAR(a.distance_m, 3 * step_m, 1e-6);
  EXPECT_NEAR(a.samples.distance_m[2], step_m, 1e-6);  // no distance across the first gap
}

TEST(GpxDecoderTest, ComputesDistanceFromPositionsWithKnownAnswer) {
  // 0.01 degree of latitude along a meridian: R * 0.01 * pi / 180 = 1111.9508 m with R = 6371008.8 m.
  auto decoded = Decode(Gpx("<trk><trkseg>\n" + Point(45.0, 7.0, "2024-05-01T06:00:00Z") +
                            Point(45.01, 7.0, "2024-05-01T06:05:00Z") + "</trkseg></trk>\n"));
  ASSERT_OK(decoded);
  EXPECT_NEAR(decoded->activities[0].distance_m, 1111.9508, 1e-3);
  EXPECT_NEAR(xml::HaversineM(51.5007, 0.1246, 40.6892, 74.0445), 5574840.0, 1000.0);  // London-New York
}

TEST(GpxDecoderTest, KeepsTheFileUtcOffset) {
  auto decoded = Decode(Gpx("<trk><trkseg>\n" + Point(1, 2, "2024-05-01T08:00:00+02:00") +
                            Point(1, 2, "2024-05-01T08:00:01.500+02:00") + "</trkseg></trk>\n"));
  ASSERT_OK(decoded);
  const core::Activity& a = decoded->activities[0];
  EXPECT_EQ(core::FormatTimestamp(a.start_time), "2024-05-01T06:00:00Z");
  ASSERT_TRUE(a.utc_offset_s.has_value());
  EXPECT_EQ(*a.utc_offset_s, 7200);
  EXPECT_DOUBLE_EQ(a.samples.time_s[1], 1.5);
}

TEST(GpxDecoderTest, TakesZonelessTimesAsUtcWithAWarning) {
  auto decoded = Decode(Gpx("<trk><trkseg>\n" + Point(1, 2, "2024-05-01T08:00:00") +
                            Point(1, 2, "2024-05-01T08:00:05") + "</trkseg></trk>\n"));
  ASSERT_OK(decoded);
  EXPECT_EQ(core::FormatTimestamp(decoded->activities[0].start_time), "2024-05-01T08:00:00Z");
  EXPECT_FALSE(decoded->activities[0].utc_offset_s.has_value());
  ASSERT_EQ(decoded->warnings.size(), 1u);
  EXPECT_EQ(decoded->warnings[0].message, "time without a zone taken as UTC");
}

TEST(GpxDecoderTest, ReadsGpx10AndGpx11Alike) {
  std::string points = "<trk><trkseg>\n" + Point(45, 7, "2024-05-01T06:00:00Z", "<speed>3.2</speed>") +
                       Point(45.001, 7, "2024-05-01T06:00:30Z", "<speed>3.4</speed>") + "</trkseg></trk>\n";
  auto v10 = Decode(Gpx(points, "1.0"));
  auto v11 = Decode(Gpx(points, "1.1"));
  ASSERT_OK(v10);
  ASSERT_OK(v11);
  EXPECT_EQ(v10->activities[0].record_count, 2u);
  EXPECT_EQ(v10->activities[0].samples.speed_mps, v11->activities[0].samples.speed_mps);
  EXPECT_DOUBLE_EQ(v10->activities[0].distance_m, v11->activities[0].distance_m);
  EXPECT_THAT(v10->activities[0].samples.speed_mps, ::testing::ElementsAre(3.2, 3.4));
}

TEST(GpxDecoderTest, RouteOnlyFileGivesNoActivity) {
  auto decoded = Decode(Gpx("<rte><rtept lat=\"1\" lon=\"2\"/><rtept lat=\"1.1\" lon=\"2\"/></rte>\n"));
  ASSERT_OK(decoded);
  EXPECT_TRUE(decoded->activities.empty());
  ASSERT_EQ(decoded->warnings.size(), 1u);
  EXPECT_EQ(decoded->warnings[0].message, "no track points: a route or empty file, not an activity");
}

TEST(GpxDecoderTest, CadenceInStepsPerMinuteIsKept) {
  // Strava writes steps/min: the median (170) is above 120, so no doubling.
  auto decoded = Decode(Gpx("<trk><type>running</type><trkseg>\n" +
                            Point(1, 2, "2024-05-01T06:00:00Z", HrCad(140, 168)) +
                            Point(1, 2, "2024-05-01T06:00:01Z", HrCad(140, 172)) + "</trkseg></trk>\n"));
  ASSERT_OK(decoded);
  EXPECT_THAT(decoded->activities[0].samples.cadence_spm, ::testing::ElementsAre(168.0, 172.0));
}

TEST(GpxDecoderTest, CyclingCadenceStaysInRpm) {
  auto decoded = Decode(Gpx("<trk><type>cycling</type><trkseg>\n" + Point(1, 2, "2024-05-01T06:00:00Z", HrCad(120, 88)) +
                            "</trkseg></trk>\n"));
  ASSERT_OK(decoded);
  EXPECT_EQ(decoded->activities[0].sport, core::Sport::kCycling);
  EXPECT_THAT(decoded->activities[0].samples.cadence_spm, ::testing::ElementsAre(88.0));
}

TEST(GpxDecoderTest, MapsStravaTypeCodeAndDefaultsToOther) {
  auto strava = Decode(Gpx("<trk><type>9</type><trkseg>\n" + Point(1, 2, "2024-05-01T06:00:00Z") + "</trkseg></trk>"));
  auto untyped = Decode(Gpx("<trk><trkseg>\n" + Point(1, 2, "2024-05-01T06:00:00Z") + "</trkseg></trk>"));
  ASSERT_OK(strava);
  ASSERT_OK(untyped);
  EXPECT_EQ(strava->activities[0].sport, core::Sport::kRunning);
  EXPECT_EQ(untyped->activities[0].sport, core::Sport::kOther);
}

TEST(GpxDecoderTest, AcceptsByteOrderMark) {
  auto decoded = Decode("\xEF\xBB\xBF" + kMinimal);
  ASSERT_OK(decoded);
  EXPECT_EQ(decoded->activities[0].record_count, 2u);
}

TEST(GpxDecoderTest, SkipsPointsWithoutTimeWithAWarning) {
  auto decoded = Decode(Gpx("<trk><trkseg>\n<trkpt lat=\"1\" lon=\"2\"/>\n" + Point(1, 2, "2024-05-01T06:00:00Z") +
                            "</trkseg></trk>\n"));
  ASSERT_OK(decoded);
  EXPECT_EQ(decoded->activities[0].record_count, 1u);
  ASSERT_EQ(decoded->warnings.size(), 1u);
  EXPECT_EQ(decoded->warnings[0].message, "1 track points without <time> skipped");
}

TEST(XmlValuesTest, ParsesTimesWithFractionsAndOffsets) {
  xml::XmlTime t;
  ASSERT_TRUE(xml::ParseXmlTime(" 2014-01-16T18:48:44.340Z\n", &t));
  EXPECT_EQ(core::FormatTimestamp(t.time), "2014-01-16T18:48:44.340Z");
  EXPECT_TRUE(t.has_zone);
  EXPECT_FALSE(t.numeric_offset);
  ASSERT_TRUE(xml::ParseXmlTime("1901-12-13T20:45:52.2073437Z", &t));
  EXPECT_EQ(core::FormatTimestamp(t.time), "1901-12-13T20:45:52.207Z");
  ASSERT_TRUE(xml::ParseXmlTime("2015-12-11T15:43:13-0530", &t));
  EXPECT_EQ(t.offset_s, -(5 * 3600 + 30 * 60));
  EXPECT_EQ(core::FormatTimestamp(t.time), "2015-12-11T21:13:13Z");
  ASSERT_TRUE(xml::ParseXmlTime("2015-12-11 15:43:13Z", &t));  // slow path: space separator
  EXPECT_FALSE(xml::ParseXmlTime("2015-02-30T10:00:00Z", &t));
  EXPECT_FALSE(xml::ParseXmlTime("2015-02-10T10:00:00Q", &t));
  EXPECT_FALSE(xml::ParseXmlTime("", &t));
}

TEST(XmlValuesTest, ParsesNumbersStrictly) {
  EXPECT_EQ(xml::ParseNumber(" 12.5\n"), 12.5);
  EXPECT_EQ(xml::ParseNumber("+3"), 3.0);
  EXPECT_EQ(xml::ParseNumber("-74.179619187489"), -74.179619187489);
  EXPECT_TRUE(std::isnan(xml::ParseNumber("")));
  EXPECT_TRUE(std::isnan(xml::ParseNumber("12abc")));
  EXPECT_TRUE(std::isnan(xml::ParseNumber("inf")));
}

// ---- Shared corpus ----

std::vector<uint8_t> ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), {});
}

Result<core::Decoded> DecodeFile(const std::filesystem::path& path, bool salvage = false) {
  std::vector<uint8_t> bytes = ReadFile(path);
  return DecodeGpx(bytes, formats::DecodeOptions{path.filename().string(), salvage});
}

TEST(GpxCorpusTest, DecodesEveryValidFile) {
  STRIDE_REQUIRE_SHARED_DATA(data);
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(data / "activities" / "gpx")) {
    auto decoded = DecodeFile(entry.path());
    ASSERT_TRUE(decoded.has_value()) << entry.path() << ": " << decoded.error().ToString();
    for (const core::Activity& a : decoded->activities) {
      EXPECT_GT(a.record_count, 0u) << entry.path();
      EXPECT_EQ(a.samples.size(), a.record_count);
      for (const auto* column : {&a.samples.latitude_deg, &a.samples.distance_m, &a.samples.heart_rate_bpm,
                                 &a.samples.cadence_spm, &a.samples.altitude_m, &a.samples.speed_mps}) {
        EXPECT_TRUE(column->empty() || column->size() == a.samples.size()) << entry.path();
      }
    }
    ++files;
  }
  EXPECT_EQ(files, 20);
}

TEST(GpxCorpusTest, CountsTrackPointsAsGrepDoes) {
  STRIDE_REQUIRE_SHARED_DATA(data);
  // Expected counts from `grep -o '<trkpt[ >]' FILE | wc -l` (korita: 871 points, of which a 358-point
  // track has no <time> and is skipped).
  const std::pair<const char*, uint64_t> kCounts[] = {{"sports-lib__strava.gpx", 7264},
                                                      {"sports-lib__6782987395.gpx", 4967},
                                                      {"gpxpy__cerknicko-jezero.gpx", 296},
                                                      {"gpxpy__korita-zbevnica.gpx", 513},
                                                      {"goldencheetah__UrbanBiker2019-04-18_16-12.gpx", 2870}};
  for (const auto& [file, count] : kCounts) {
    auto decoded = DecodeFile(data / "activities" / "gpx" / file);
    ASSERT_TRUE(decoded.has_value()) << file << ": " << decoded.error().ToString();
    ASSERT_EQ(decoded->activities.size(), 1u) << file;
    EXPECT_EQ(decoded->activities[0].record_count, count) << file;
  }
}

TEST(GpxCorpusTest, GarminRunMatchesItsTcxTwin) {
  STRIDE_REQUIRE_SHARED_DATA(data);
  auto decoded = DecodeFile(data / "activities" / "gpx" / "sports-lib__6782987395.gpx");
  ASSERT_OK(decoded);
  const core::Activity& a = decoded->activities[0];
  EXPECT_EQ(a.sport, core::Sport::kRunning);
  EXPECT_EQ(core::FormatTimestamp(a.start_time), "2019-06-15T09:42:23Z");
  // The TCX export of the same run states 14004.85 m over its laps; haversine on the GPX is within 2 %.
  EXPECT_NEAR(a.distance_m, 14004.85, 0.02 * 14004.85);
  EXPECT_DOUBLE_EQ(a.elapsed_s, 4989.0);
  // ns3:cad is rpm (median ~87) -> steps/min.
  EXPECT_GT(a.samples.cadence_spm[100], 120.0);
  EXPECT_DOUBLE_EQ(a.max_heart_rate_bpm, 167.0);
}

TEST(GpxCorpusTest, EdgeFilesWithoutTimedTracksGiveNoActivity) {
  STRIDE_REQUIRE_SHARED_DATA(data);
  for (const char* file : {"gpxpy__route.gpx", "goldencheetah__MetadataOnly.gpx", "gpxpy__unicode_with_bom.gpx",
                           "goldencheetah__A_ride_mapped_on_11_22_2011.gpx"}) {
    auto decoded = DecodeFile(data / "activities" / "gpx" / file);
    ASSERT_TRUE(decoded.has_value()) << file << ": " << decoded.error().ToString();
    EXPECT_TRUE(decoded->activities.empty()) << file;
    EXPECT_FALSE(decoded->warnings.empty()) << file;
  }
}

TEST(GpxCorpusTest, BrokenFilesFailNamingTheLine) {
  STRIDE_REQUIRE_SHARED_DATA(data);
  const std::pair<const char*, const char*> kExpected[] = {
      {"derived__korita-zbevnica_truncated.gpx",
       "derived__korita-zbevnica_truncated.gpx:1940:7: malformed XML: start-end tags mismatch"},
      {"derived__not-xml.gpx", "derived__not-xml.gpx:1:1: not XML: expected '<', found 'T'"},
      {"derived__zero-length.gpx", "derived__zero-length.gpx:1:1: empty file"}};
  for (const auto& [file, message] : kExpected) {
    auto decoded = DecodeFile(data / "activities" / "broken" / file);
    ASSERT_FALSE(decoded) << file;
    EXPECT_EQ(decoded.error().code, core::ErrorCode::kCorruptData);
    EXPECT_EQ(decoded.error().ToString(), message);
  }
}

TEST(GpxCorpusTest, SalvagesTruncatedFile) {
  STRIDE_REQUIRE_SHARED_DATA(data);
  auto decoded = DecodeFile(data / "activities" / "broken" / "derived__korita-zbevnica_truncated.gpx", true);
  ASSERT_OK(decoded);
  ASSERT_EQ(decoded->activities.size(), 1u);
  EXPECT_TRUE(decoded->activities[0].salvaged);
  // 564 <trkpt in the file (grep); the last is cut, and the 358-point untimed track is skipped.
  EXPECT_EQ(decoded->activities[0].record_count, 205u);
}

}  // namespace
}  // namespace stride::gpx
