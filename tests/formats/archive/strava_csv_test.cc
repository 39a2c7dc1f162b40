// SPDX-License-Identifier: MIT
#include "formats/archive/strava_csv.h"

#include <gtest/gtest.h>

#include "testing/status_matchers.h"

namespace stride::archive {
namespace {

TEST(ParseCsvTest, HandlesQuotesCommasAndEmbeddedNewlines) {
  auto records = ParseCsv("a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"line1\nline2\",\n3,,z\n", "t.csv");
  ASSERT_OK(records);
  ASSERT_EQ(records->size(), 4u);
  EXPECT_EQ((*records)[1].fields, (std::vector<std::string>{"1", "x, y", "say \"hi\""}));
  EXPECT_EQ((*records)[2].fields, (std::vector<std::string>{"2", "line1\nline2", ""}));
  EXPECT_EQ((*records)[3].line, 5u);  // the quoted newline moved it down one line
  EXPECT_EQ((*records)[3].fields, (std::vector<std::string>{"3", "", "z"}));
}

TEST(ParseCsvTest, DropsByteOrderMarkAndBlankLines) {
  auto records = ParseCsv("\xEF\xBB\xBFid,name\n\n7,run\n", "t.csv");
  ASSERT_OK(records);
  ASSERT_EQ(records->size(), 2u);
  EXPECT_EQ((*records)[0].fields[0], "id");
  EXPECT_EQ((*records)[1].line, 3u);
}

TEST(ParseCsvTest, RejectsUnterminatedQuote) {
  auto records = ParseCsv("a,b\n1,\"open\n2,3\n", "activities.csv");
  ASSERT_FALSE(records);
  EXPECT_EQ(records.error().ToString(), "activities.csv:2: unterminated quoted field");
}

TEST(CsvHeaderTest, FindsDuplicateNamesByOccurrence) {
  CsvHeader header({"Activity ID", "Elapsed Time", "Distance", "Filename", "Elapsed Time", " distance "});
  EXPECT_EQ(header.Find("Elapsed Time"), 1u);
  EXPECT_EQ(header.Find("Elapsed Time", 1), 4u);
  EXPECT_EQ(header.Find("Distance", 1), 5u);
  EXPECT_EQ(header.Find("Distance", 2), std::nullopt);
  EXPECT_EQ(header.Find("Max Speed"), std::nullopt);
}

constexpr const char* kCurrentCsv =
    "\xEF\xBB\xBF"
    "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,"
    "Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,Filename,Athlete Weight,"
    "Bike Weight,Elapsed Time,Moving Time,Distance,Perceived Exertion\n"
    "7001,\"Mar 16, 2014, 10:51:20 AM\",\"Tempo, hard\",Run,\"two\nlines\",3600,10.00,,,false,,,"
    "activities/7001.fit.gz,,,3600.0,3500.0,10000.0,7\n"
    "7002,\"Jun 1, 2020, 7:00:00 AM\",Manual,Run,\"\",3600,10.00,,,false,,,,,,3600.0,3500.0,10000.0,\n";

TEST(ParseStravaActivitiesTest, ReadsCurrentHeader) {
  auto rows = ParseStravaActivities(kCurrentCsv);
  ASSERT_OK(rows);
  ASSERT_EQ(rows->size(), 2u);
  const StravaActivityRow& row = (*rows)[0];
  EXPECT_EQ(row.metadata.activity_id, "7001");
  EXPECT_EQ(row.metadata.date_text, "Mar 16, 2014, 10:51:20 AM");
  EXPECT_EQ(row.metadata.name, "Tempo, hard");
  EXPECT_EQ(row.metadata.type, "Run");
  EXPECT_EQ(row.metadata.description, "two\nlines");
  EXPECT_EQ(row.metadata.perceived_exertion, 7.0);
  EXPECT_EQ(row.filename, "activities/7001.fit.gz");
  EXPECT_EQ((*rows)[1].filename, "");
  EXPECT_EQ((*rows)[1].metadata.perceived_exertion, std::nullopt);
}

TEST(ParseStravaActivitiesTest, ReadsPre2019LowercaseHeader) {
  auto rows = ParseStravaActivities(
      "id,date,name,type,description,elapsed_time,distance,commute,gear,filename\n"
      "1834,2018-09-12 15:02:23,Lunch Run,Run,,1800,5000.0,false,,activities/1834.gpx\n");
  ASSERT_OK(rows);
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].metadata.activity_id, "1834");
  EXPECT_EQ((*rows)[0].metadata.date_text, "2018-09-12 15:02:23");
  EXPECT_EQ((*rows)[0].metadata.name, "Lunch Run");
  EXPECT_EQ((*rows)[0].filename, "activities/1834.gpx");
}

TEST(ParseStravaActivitiesTest, ReadsLocalisedHeaderByPosition) {
  auto rows = ParseStravaActivities(
      "Aktivitäts-ID,Aktivitätsdatum,Name der Aktivität,Aktivitätsart,Beschreibung,Zeit,Distanz,Dateiname\n"
      "55,\"1 Jan 2021\",Morgenlauf,Lauf,,100,1,activities/55.tcx.gz\n");
  ASSERT_OK(rows);
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].metadata.activity_id, "55");
  EXPECT_EQ((*rows)[0].metadata.name, "Morgenlauf");
  EXPECT_EQ((*rows)[0].metadata.type, "Lauf");
  EXPECT_EQ((*rows)[0].filename, "activities/55.tcx.gz");
}

TEST(ParseStravaActivitiesTest, RejectsEmptyFile) {
  auto rows = ParseStravaActivities("");
  ASSERT_FALSE(rows);
  EXPECT_EQ(rows.error().code, core::ErrorCode::kCorruptData);
}

TEST(StravaIndexTest, ReportsRowsThatFoundNoFile) {
  auto rows = ParseStravaActivities(kCurrentCsv);
  ASSERT_OK(rows);
  StravaIndex index(std::move(*rows));
  const StravaMetadata* found = index.Find("activities/7001.fit.gz");
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->name, "Tempo, hard");
  EXPECT_EQ(index.Find("activities/9.fit"), nullptr);
  EXPECT_EQ(index.UnmatchedRows(),
            std::vector<std::string>{"activities.csv:4: activity 7002 (Manual) has no file (manual entry)"});
}

}  // namespace
}  // namespace stride::archive
