// SPDX-License-Identifier: MIT
// Tests for the TCX decoder (src/formats/tcx): inline fixtures for each behaviour, then the shared corpus
// (../shared/data/activities/{tcx,broken}) when present.
#include "formats/tcx/tcx_decoder.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "testing/shared_data.h"
#include "testing/status_matchers.h"

namespace stride::tcx {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

Result<core::Decoded> Decode(std::string_view text, bool salvage = false) {
  std::span<const uint8_t> bytes(reinterpret_cast<const uint8_t*>(text.data()), text.size());
  return DecodeTcx(bytes, formats::DecodeOptions{"t.tcx", salvage});
}

std::string Tcx(std::string_view activities) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\" "
         "xmlns:ns3=\"http://www.garmin.com/xmlschemas/ActivityExtension/v2\">\n<Activities>\n" +
         std::string(activities) + "</Activities>\n</TrainingCenterDatabase>\n";
}

std::string Trackpoint(std::string_view time, double distance_m, int hr, std::string_view extra = "") {
  return "<Trackpoint><Time>" + std::string(time) +
         "</Time><Position><LatitudeDegrees>45.0</LatitudeDegrees><LongitudeDegrees>7.0</LongitudeDegrees>"
         "</Position><AltitudeMeters>200.0</AltitudeMeters><DistanceMeters>" +
         std::to_string(distance_m) + "</DistanceMeters><HeartRateBpm><Value>" + std::to_string(hr) +
         "</Value></HeartRateBpm>" + std::string(extra) + "</Trackpoint>\n";
}

std::string Tpx(double speed, int run_cadence) {
  return "<Extensions><ns3:TPX><ns3:Speed>" + std::to_string(speed) + "</ns3:Speed><ns3:RunCadence>" +
         std::to_string(run_cadence) + "</ns3:RunCadence></ns3:TPX></Extensions>";
}

std::string Lap(std::string_view start, double time_s, double distance_m, int avg_hr, int max_hr,
                std::string_view tracks) {
  return "<Lap StartTime=\"" + std::string(start) + "\"><TotalTimeSeconds>" + std::to_string(time_s) +
         "</TotalTimeSeconds><DistanceMeters>" + std::to_string(distance_m) +
         "</DistanceMeters><Calories>10</Calories><AverageHeartRateBpm><Value>" + std::to_string(avg_hr) +
         "</Value></AverageHeartRateBpm><MaximumHeartRateBpm><Value>" + std::to_string(max_hr) +
         "</Value></MaximumHeartRateBpm><Intensity>Active</Intensity><TriggerMethod>Manual</TriggerMethod>" +
         std::string(tracks) + "</Lap>\n";
}

const std::string kMinimal = Tcx(
    "<Activity Sport=\"Running\"><Id>2024-05-01T06:00:00Z</Id>\n" +
    Lap("2024-05-01T06:00:00Z", 10, 30, 140, 150,
        "<Track>\n" + Trackpoint("2024-05-01T06:00:00Z", 0, 140, Tpx(3.0, 85)) +
            Trackpoint("2024-05-01T06:00:10Z", 30, 150, Tpx(3.1, 87)) + "</Track>") +
    "<Creator><Name>Forerunner 945</Name></Creator></Activity>\n");

TEST(TcxDecoderTest, DecodesMinimalValidFile) {
  auto decoded = Decode(kMinimal);
  ASSERT_OK(decoded);
  ASSERT_EQ(decoded->activities.size(), 1u);
  const core::Activity& a = decoded->activities[0];
  EXPECT_EQ(a.format, core::FileFormat::kTcx);
  EXPECT_EQ(a.sport, core::Sport::kRunning);
  EXPECT_EQ(a.device, "Forerunner 945");
  EXPECT_EQ(a.record_count, 2u);
  EXPECT_THAT(a.samples.time_s, ElementsAre(0.0, 10.0));
  EXPECT_THAT(a.samples.distance_m, ElementsAre(0.0, 30.0));
  EXPECT_THAT(a.samples.speed_mps, ElementsAre(3.0, 3.1));
  EXPECT_THAT(a.samples.cadence_spm, ElementsAre(170.0, 174.0));  // RunCadence is single-leg: x2
  EXPECT_THAT(a.samples.heart_rate_bpm, ElementsAre(140.0, 150.0));
  EXPECT_THAT(a.samples.altitude_m, ElementsAre(200.0, 200.0));
  EXPECT_TRUE(a.samples.power_w.empty());
  ASSERT_EQ(a.laps.size(), 1u);
  EXPECT_DOUBLE_EQ(a.laps[0].distance_m, 30.0);
  EXPECT_DOUBLE_EQ(a.distance_m, 30.0);
  EXPECT_DOUBLE_EQ(a.timer_s, 10.0);
  EXPECT_DOUBLE_EQ(a.elapsed_s, 10.0);
  ASSERT_EQ(a.sessions.size(), 1u);
  EXPECT_DOUBLE_EQ(a.sessions[0].avg_heart_rate_bpm, 140.0);
  EXPECT_DOUBLE_EQ(a.sessions[0].max_heart_rate_bpm, 150.0);
  EXPECT_TRUE(decoded->warnings.empty());
}

TEST(TcxDecoderTest, RejectsEmptyFile) {
  auto decoded = Decode("");
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().code, core::ErrorCode::kCorruptData);
  EXPECT_EQ(decoded.error().ToString(), "t.tcx:1:1: empty file");
}

TEST(TcxDecoderTest, RejectsTruncatedFileNamingTheLine) {
  std::string text = kMinimal.substr(0, kMinimal.find("<Time>2024-05-01T06:00:10Z"));
  auto decoded = Decode(text);
  ASSERT_FALSE(decoded);
  EXPECT_THAT(decoded.error().message, HasSubstr("malformed XML: "));
  EXPECT_THAT(decoded.error().where, ::testing::MatchesRegex("t\\.tcx:7:[0-9]+"));
}

TEST(TcxDecoderTest, SalvageKeepsLapsAndPointsBeforeTheBreak) {
  std::string text = kMinimal.substr(0, kMinimal.find("<Time>2024-05-01T06:00:10Z"));
  auto decoded = Decode(text, /*salvage=*/true);
  ASSERT_OK(decoded);
  ASSERT_EQ(decoded->activities.size(), 1u);
  const core::Activity& a = decoded->activities[0];
  EXPECT_TRUE(a.salvaged);
  EXPECT_EQ(a.record_count, 1u);
  EXPECT_EQ(a.laps.size(), 1u);
  EXPECT_EQ(a.bytes_lost, text.size() - text.rfind("<Trackpoint>"));
}

TEST(TcxDecoderTest, RejectsMalformedXml) {
  auto decoded = Decode("<TrainingCenterDatabase><Activities></Activity></TrainingCenterDatabase>");
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().ToString(), "t.tcx:1:39: malformed XML: start-end tags mismatch");
}

TEST(TcxDecoderTest, RejectsWrongRootElement) {
  auto decoded = Decode("<?xml version=\"1.0\"?>\n<gpx version=\"1.1\"/>");
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().ToString(), "t.tcx:2:1: root element is <gpx>, not <TrainingCenterDatabase>");
}

TEST(TcxDecoderTest, RejectsUnreadableTimeNamingTheLine) {
  auto decoded = Decode(Tcx("<Activity Sport=\"Running\"><Id>2024-05-01T06:00:00Z</Id>\n" +
                            Lap("2024-05-01T06:00:00Z", 10, 30, 140, 150,
                                "<Track>\n" + Trackpoint("2024-05-01T06:00:00Z", 0, 140) +
                                    Trackpoint("not-a-time", 30, 150) + "</Track>") +
                            "</Activity>\n"));
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().ToString(),
            "t.tcx:7:13: cannot read time 'not-a-time': expected ISO 8601 like 2026-10-18T07:05:00Z");
}

TEST(TcxDecoderTest, UnknownElementBecomesWarning) {
  std::string text = kMinimal;
  text.replace(text.find("<Creator>"), 0, "<Weather>sunny</Weather>");
  auto decoded = Decode(text);
  ASSERT_OK(decoded);
  ASSERT_EQ(decoded->warnings.size(), 1u);
  EXPECT_EQ(decoded->warnings[0].message, "unknown element <Weather> ignored");
  EXPECT_EQ(decoded->activities[0].record_count, 2u);
}

TEST(TcxDecoderTest, MatchesExtensionsByNamespaceNotPrefix) {
  std::string points =
      Trackpoint("2024-05-01T06:00:00Z", 0, 140,
                 "<Extensions><TPX xmlns=\"http://www.garmin.com/xmlschemas/ActivityExtension/v2\">"
                 "<Speed>2.5</Speed><RunCadence>80</RunCadence><Watts>250</Watts></TPX></Extensions>") +
      Trackpoint("2024-05-01T06:00:01Z", 1, 140,
                 "<Extensions><ext:TPX xmlns:ext=\"http://www.garmin.com/xmlschemas/ActivityExtension/v2\">"
                 "<ext:Speed>2.6</ext:Speed></ext:TPX></Extensions>") +
      Trackpoint("2024-05-01T06:00:02Z", 2, 140,
                 "<Extensions><ns3:TPX xmlns:ns3=\"http://example.com/other\"><ns3:Speed>9.9</ns3:Speed>"
                 "</ns3:TPX></Extensions>");
  auto decoded = Decode(Tcx("<Activity Sport=\"Running\">" +
                            Lap("2024-05-01T06:00:00Z", 2, 2, 140, 140, "<Track>" + points + "</Track>") +
                            "</Activity>"));
  ASSERT_OK(decoded);
  const core::Samples& s = decoded->activities[0].samples;
  ASSERT_EQ(s.speed_mps.size(), 3u);
  EXPECT_EQ(s.speed_mps[0], 2.5);
  EXPECT_EQ(s.speed_mps[1], 2.6);
  EXPECT_TRUE(std::isnan(s.speed_mps[2]));  // prefix ns3 rebound to another namespace
  EXPECT_EQ(s.cadence_spm[0], 160.0);
  EXPECT_EQ(s.power_w[0], 250.0);
}

TEST(TcxDecoderTest, GivesOneActivityPerActivityElement) {
  std::string first = "<Activity Sport=\"Running\">" +
                      Lap("2024-05-01T06:00:00Z", 60, 200, 140, 150,
                          "<Track>" + Trackpoint("2024-05-01T06:00:00Z", 0, 140) + "</Track>") +
                      "</Activity>\n";
  std::string second = "<MultiSportSession><Id>2024-05-02T06:00:00Z</Id><FirstSport><Activity Sport=\"Biking\">" +
                       Lap("2024-05-02T06:00:00Z", 120, 1000, 120, 130,
                           "<Track>" + Trackpoint("2024-05-02T06:00:00Z", 0, 120) + "</Track>") +
                       "</Activity></FirstSport></MultiSportSession>\n";
  auto decoded = Decode(Tcx(first + second));
  ASSERT_OK(decoded);
  ASSERT_EQ(decoded->activities.size(), 2u);
  EXPECT_EQ(decoded->activities[0].sport, core::Sport::kRunning);
  EXPECT_EQ(decoded->activities[1].sport, core::Sport::kCycling);
  EXPECT_DOUBLE_EQ(decoded->activities[1].distance_m, 1000.0);
  EXPECT_EQ(decoded->activities[1].sessions.size(), 1u);
}

TEST(TcxDecoderTest, SumsLapsAndTreatsTrackGapsAsPauses) {
  std::string lap1 = Lap("2024-05-01T06:00:00Z", 100, 300, 140, 150,
                         "<Track>" + Trackpoint("2024-05-01T06:00:00Z", 0, 140) +
                             Trackpoint("2024-05-01T06:01:40Z", 300, 150) + "</Track>");
  // A pause of 200 s inside lap 2: two tracks.
  std::string lap2 = Lap("2024-05-01T06:01:40Z", 300, 900, 160, 175,
                         "<Track>" + Trackpoint("2024-05-01T06:01:41Z", 301, 160) +
                             Trackpoint("2024-05-01T06:03:00Z", 600, 170) + "</Track><Track>" +
                             Trackpoint("2024-05-01T06:06:20Z", 601, 165) +
                             Trackpoint("2024-05-01T06:08:00Z", 1200, 175) + "</Track>");
  auto decoded = Decode(Tcx("<Activity Sport=\"Running\"><Id>2024-05-01T06:00:00Z</Id>" + lap1 + lap2 +
                            "</Activity>"));
  ASSERT_OK(decoded);
  const core::Activity& a = decoded->activities[0];
  EXPECT_EQ(a.laps.size(), 2u);
  EXPECT_DOUBLE_EQ(a.distance_m, 1200.0);
  EXPECT_DOUBLE_EQ(a.timer_s, 400.0);
  EXPECT_DOUBLE_EQ(a.elapsed_s, 480.0);
  EXPECT_DOUBLE_EQ(a.avg_heart_rate_bpm, (140.0 * 100 + 160.0 * 300) / 400);  // time-weighted
  EXPECT_DOUBLE_EQ(a.max_heart_rate_bpm, 175.0);
  EXPECT_DOUBLE_EQ(a.samples.time_s.back(), 480.0);
}

TEST(TcxDecoderTest, BikeCadenceStaysInRpm) {
  auto decoded = Decode(Tcx("<Activity Sport=\"Biking\">" +
                            Lap("2024-05-01T06:00:00Z", 1, 1, 120, 120,
                                "<Track>" + Trackpoint("2024-05-01T06:00:00Z", 0, 120, "<Cadence>90</Cadence>") +
                                    "</Track>") +
                            "</Activity>"));
  ASSERT_OK(decoded);
  EXPECT_THAT(decoded->activities[0].samples.cadence_spm, ElementsAre(90.0));
}

TEST(TcxDecoderTest, KeepsOffsetAndStartsAtFirstLap) {
  auto decoded = Decode(Tcx("<Activity Sport=\"Running\"><Id>2024-05-01T07:59:00+02:00</Id>" +
                            Lap("2024-05-01T08:00:00+02:00", 5, 5, 120, 120,
                                "<Track>" + Trackpoint("2024-05-01T08:00:05+02:00", 0, 120) + "</Track>") +
                            "</Activity>"));
  ASSERT_OK(decoded);
  const core::Activity& a = decoded->activities[0];
  EXPECT_EQ(core::FormatTimestamp(a.start_time), "2024-05-01T06:00:00Z");
  EXPECT_EQ(a.utc_offset_s, 7200);
  EXPECT_THAT(a.samples.time_s, ElementsAre(5.0));
}

TEST(TcxDecoderTest, FileWithoutActivitiesGivesNone) {
  auto decoded = Decode(
      "<TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\">"
      "<Courses/></TrainingCenterDatabase>");
  ASSERT_OK(decoded);
  EXPECT_TRUE(decoded->activities.empty());
  ASSERT_EQ(decoded->warnings.size(), 1u);
  EXPECT_THAT(decoded->warnings[0].message, HasSubstr("no activities"));
}

// ---- Shared corpus ----

Result<core::Decoded> DecodeFile(const std::filesystem::path& path, bool salvage = false) {
  std::ifstream in(path, std::ios::binary);
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), {});
  return DecodeTcx(bytes, formats::DecodeOptions{path.filename().string(), salvage});
}

TEST(TcxCorpusTest, DecodesEveryValidFile) {
  STRIDE_REQUIRE_SHARED_DATA(data);
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(data / "activities" / "tcx")) {
    auto decoded = DecodeFile(entry.path());
    ASSERT_TRUE(decoded.has_value()) << entry.path() << ": " << decoded.error().ToString();
    ASSERT_FALSE(decoded->activities.empty()) << entry.path();
    for (const core::Activity& a : decoded->activities) {
      EXPECT_EQ(a.samples.size(), a.record_count);
      EXPECT_EQ(a.sessions.size(), 1u);
      EXPECT_FALSE(a.laps.empty());
      EXPECT_GT(a.timer_s, 0.0) << entry.path();
      for (const auto* column : {&a.samples.latitude_deg, &a.samples.distance_m, &a.samples.heart_rate_bpm,
                                 &a.samples.cadence_spm, &a.samples.altitude_m, &a.samples.speed_mps}) {
        EXPECT_TRUE(column->empty() || column->size() == a.samples.size()) << entry.path();
      }
    }
    ++files;
  }
  EXPECT_EQ(files, 14);
}

TEST(TcxCorpusTest, MatchesLapTotalsAndPointCounts) {
  STRIDE_REQUIRE_SHARED_DATA(data);
  struct Expected {
    const char* file;
    size_t laps;
    uint64_t points;  // grep -o '<Trackpoint[ >]' | wc -l
    double distance_m, timer_s;  // sums of the laps' DistanceMeters and TotalTimeSeconds (independent script)
  };
  const Expected kExpected[] = {{"activityio__c2eb1b_2.tcx", 10, 726, 10000.0, 3864.4},
                                {"tcx-test-files__running_activity_1.tcx", 15, 1254, 14332.28, 3270.0},
                                {"sports-lib__6782987395.tcx", 2, 4989, 14004.85, 4989.112},
                                {"tcxparser__test.tcx", 3, 384, 4689.243, 1992.78}};
  for (const Expected& e : kExpected) {
    auto decoded = DecodeFile(data / "activities" / "tcx" / e.file);
    ASSERT_TRUE(decoded.has_value()) << e.file << ": " << decoded.error().ToString();
    ASSERT_EQ(decoded->activities.size(), 1u) << e.file;
    const core::Activity& a = decoded->activities[0];
    EXPECT_EQ(a.laps.size(), e.laps) << e.file;
    EXPECT_EQ(a.record_count, e.points) << e.file;
    EXPECT_NEAR(a.distance_m, e.distance_m, 0.01) << e.file;
    EXPECT_NEAR(a.timer_s, e.timer_s, 0.01) << e.file;
  }
}

TEST(TcxCorpusTest, GarminRunCadenceIsInStepsPerMinute) {
  STRIDE_REQUIRE_SHARED_DATA(data);
  auto decoded = DecodeFile(data / "activities" / "tcx" / "sports-lib__6782987395.tcx");
  ASSERT_OK(decoded);
  const core::Activity& a = decoded->activities[0];
  EXPECT_EQ(a.sport, core::Sport::kRunning);
  EXPECT_EQ(a.device, "Forerunner 945");
  EXPECT_EQ(core::FormatTimestamp(a.start_time), "2019-06-15T09:42:23Z");
  std::vector<double> cadence;
  for (double c : a.samples.cadence_spm) {
    if (c > 0) cadence.push_back(c);
  }
  ASSERT_FALSE(cadence.empty());
  std::nth_element(cadence.begin(), cadence.begin() + cadence.size() / 2, cadence.end());
  EXPECT_GT(cadence[cadence.size() / 2], 150.0);  // RunCadence ~87 strides/min -> ~174 steps/min
}

TEST(TcxCorpusTest, MultiActivityFileGivesFourActivities) {
  STRIDE_REQUIRE_SHARED_DATA(data);
  auto decoded = DecodeFile(data / "activities" / "tcx" / "goldencheetah__activity_165850259_multi-session.tcx");
  ASSERT_OK(decoded);
  ASSERT_EQ(decoded->activities.size(), 4u);
  EXPECT_EQ(decoded->activities[0].sport, core::Sport::kRunning);
  EXPECT_EQ(decoded->activities[1].sport, core::Sport::kCycling);
  EXPECT_NEAR(decoded->activities[0].distance_m, 7651.03, 0.01);
}

TEST(TcxCorpusTest, BrokenFilesFailNamingTheLine) {
  STRIDE_REQUIRE_SHARED_DATA(data);
  const std::pair<const char*, const char*> kExpected[] = {
      {"derived__test_truncated.tcx", "derived__test_truncated.tcx:2332:13: malformed XML: start-end tags mismatch"},
      {"derived__test_bad-timestamps.tcx",
       "derived__test_bad-timestamps.tcx:22:13: cannot read time 'not-a-time2012-12-26T21:29:53Z': expected ISO "
       "8601 like 2026-10-18T07:05:00Z"}};
  for (const auto& [file, message] : kExpected) {
    auto decoded = DecodeFile(data / "activities" / "broken" / file);
    ASSERT_FALSE(decoded) << file;
    EXPECT_EQ(decoded.error().code, core::ErrorCode::kCorruptData);
    EXPECT_EQ(decoded.error().ToString(), message);
  }
}

TEST(TcxCorpusTest, SalvagesBrokenFiles) {
  STRIDE_REQUIRE_SHARED_DATA(data);
  auto truncated = DecodeFile(data / "activities" / "broken" / "derived__test_truncated.tcx", true);
  ASSERT_OK(truncated);
  EXPECT_TRUE(truncated->activities[0].salvaged);
  EXPECT_EQ(truncated->activities[0].record_count, 191u);  // 192 <Trackpoint (grep), the last one cut
  auto bad_times = DecodeFile(data / "activities" / "broken" / "derived__test_bad-timestamps.tcx", true);
  ASSERT_OK(bad_times);
  EXPECT_EQ(bad_times->activities[0].record_count, 384u - 3u);  // the 3 bad points dropped
}

}  // namespace
}  // namespace stride::tcx
