// SPDX-License-Identifier: MIT
// The zip walk through ForEachSourceFileInMemory: ordinary zips, bombs, traversal names, corrupt entries,
// truncated archives, Garmin-shaped nested zips, and Strava-shaped exports.
#include <gtest/gtest.h>

#include "archive_fixtures.h"
#include "formats/archive/activity_source.h"
#include "formats/registry.h"
#include "testing/status_matchers.h"

namespace stride::archive {
namespace {

using testing::Bytes;
using testing::FakeFit;
using testing::FakeGpx;
using testing::Gzip;
using testing::MakeZip;
using testing::ToBytes;

struct Walked {
  std::vector<SourceFile> files;
  SourceSummary summary;
};

Walked WalkMemory(const Bytes& zip, const SourceLimits& limits = SourceLimits{}) {
  Walked walked;
  auto summary = ForEachSourceFileInMemory(zip, "export.zip", limits, [&](SourceFile&& file) {
    walked.files.push_back(std::move(file));
    return Ok();
  });
  EXPECT_OK(summary);
  if (summary) walked.summary = std::move(*summary);
  return walked;
}

std::vector<std::string> Names(const Walked& walked) {
  std::vector<std::string> names;
  for (const SourceFile& file : walked.files) names.push_back(file.name);
  return names;
}

TEST(ZipWalkTest, VisitsActivityEntriesInArchiveOrderInflatingGzip) {
  const Bytes fit = FakeFit(3000);
  const Bytes gpx = FakeGpx();
  const Bytes zip = MakeZip({{"b/run.fit.gz", Gzip(fit)},
                             {"photo.jpg", Bytes(100, 7)},
                             {"a/walk.GPX", gpx},
                             {"folder/", {}},
                             {"notes.csv", ToBytes("x,y\n")}});
  Walked walked = WalkMemory(zip);
  ASSERT_EQ(Names(walked), (std::vector<std::string>{"export.zip!b/run.fit.gz", "export.zip!a/walk.GPX"}));
  EXPECT_EQ(walked.files[0].bytes, fit);
  EXPECT_EQ(walked.files[1].bytes, gpx);
  EXPECT_FALSE(walked.files[0].error.has_value());
  EXPECT_FALSE(walked.files[0].strava.has_value());
  EXPECT_GT(walked.files[0].compressed_bytes, 0u);
  EXPECT_EQ(walked.summary.files, 2u);
  EXPECT_TRUE(walked.summary.skipped.empty());
}

TEST(ZipWalkTest, RefusesPathTraversalEntryAndContinues) {
  const Bytes zip = MakeZip({{"../../etc/x.fit", FakeFit()}, {"ok.fit", FakeFit()}});
  Walked walked = WalkMemory(zip);
  ASSERT_EQ(walked.files.size(), 2u);
  ASSERT_TRUE(walked.files[0].error.has_value());
  EXPECT_EQ(walked.files[0].error->message, "unsafe path in archive: ../../etc/x.fit");
  EXPECT_EQ(walked.files[0].error->where, "export.zip!../../etc/x.fit");
  EXPECT_TRUE(walked.files[0].bytes.empty());
  EXPECT_FALSE(walked.files[1].error.has_value());
}

TEST(ZipWalkTest, RefusesZipBombEntryBySize) {
  SourceLimits limits;
  limits.max_entry_bytes = 1 * kMiB;
  Bytes bomb = FakeFit(5 * kMiB, 0);
  const Bytes zip = MakeZip({{"bomb.fit", bomb}, {"after.fit", FakeFit()}});
  Walked walked = WalkMemory(zip, limits);
  ASSERT_EQ(walked.files.size(), 2u);
  ASSERT_TRUE(walked.files[0].error.has_value());
  EXPECT_EQ(walked.files[0].error->message, "refused: entry inflates beyond 1 MiB (possible zip bomb)");
  EXPECT_EQ(walked.files[0].error->code, core::ErrorCode::kUnsupported);
  EXPECT_FALSE(walked.files[1].error.has_value());
}

TEST(ZipWalkTest, RefusesZipBombEntryByRatio) {
  SourceLimits limits;
  limits.max_ratio = 10;
  limits.ratio_floor_bytes = 1 * kMiB;
  Bytes noise = FakeFit(0);
  const Bytes tail = testing::NoiseBytes(2 * kMiB);
  noise.insert(noise.end(), tail.begin(), tail.end());
  const Bytes zip = MakeZip({{"ratio.fit", FakeFit(5 * kMiB, 0)}, {"noise.fit", noise}});
  Walked walked = WalkMemory(zip, limits);
  ASSERT_EQ(walked.files.size(), 2u);
  ASSERT_TRUE(walked.files[0].error.has_value());
  EXPECT_EQ(walked.files[0].error->message, "refused: entry inflates over 10x its compressed size (possible zip bomb)");
  EXPECT_FALSE(walked.files[1].error.has_value()) << walked.files[1].error->ToString();  // incompressible: ratio 1
}

TEST(ZipWalkTest, ReportsCorruptGzipEntryAndContinues) {
  Bytes gz = Gzip(FakeFit(4000));
  for (size_t i = 12; i < 30; ++i) gz[i] ^= 0x33;
  const Bytes zip = MakeZip({{"activities/1.fit.gz", gz}, {"activities/2.fit", FakeFit()}});
  Walked walked = WalkMemory(zip);
  ASSERT_EQ(walked.files.size(), 2u);
  ASSERT_TRUE(walked.files[0].error.has_value());
  EXPECT_EQ(walked.files[0].error->ToString(), "export.zip!activities/1.fit.gz: corrupt gzip stream");
  EXPECT_FALSE(walked.files[1].error.has_value());
}

// Content that is not what its name promises goes on to that format's decoder, whose error names the place;
// an empty entry is refused by the walk itself.
TEST(ZipWalkTest, HandsMisnamedContentToItsDecoder) {
  const Bytes zip = MakeZip({{"fake.fit", ToBytes("<html>nope</html>")}, {"empty.gpx", {}}, {"notes.txt.fit.bak", ToBytes("x")}});
  Walked walked = WalkMemory(zip);
  ASSERT_EQ(walked.files.size(), 2u);
  ASSERT_FALSE(walked.files[0].error.has_value());
  auto decoded = formats::DecodeActivityFile(walked.files[0].bytes, {walked.files[0].name});
  ASSERT_FALSE(decoded.has_value());
  EXPECT_EQ(decoded.error().ToString(), "export.zip!fake.fit@byte 0: bad header size 60 (expected 12 or 14)");
  ASSERT_TRUE(walked.files[1].error.has_value());
  EXPECT_EQ(walked.files[1].error->message, "empty file");
}

TEST(ZipWalkTest, TruncatedZipYieldsErrorsNotCrashes) {
  const Bytes whole = MakeZip({{"a.fit", testing::NoiseBytes(20000, 1)}, {"b.fit", testing::NoiseBytes(20000, 2)}}, true);
  for (size_t keep : {whole.size() / 4, whole.size() / 2, whole.size() - 30}) {
    const Bytes cut(whole.begin(), whole.begin() + static_cast<std::ptrdiff_t>(keep));
    size_t good = 0;
    size_t bad = 0;
    auto summary = ForEachSourceFileInMemory(cut, "cut.zip", SourceLimits{}, [&](SourceFile&& file) {
      bool decodes = !file.error && formats::DecodeActivityFile(file.bytes, {file.name}).has_value();
      (decodes ? good : bad) += 1;
      return Ok();
    });
    if (!summary) {
      EXPECT_EQ(summary.error().code, core::ErrorCode::kCorruptData);
      continue;
    }
    EXPECT_LT(good, 2u) << "keep " << keep;
    EXPECT_GE(bad, 1u) << "keep " << keep;
  }
}

TEST(ZipWalkTest, GarbageIsNotAZip) {
  const Bytes junk = ToBytes("PK\x03\x04 this is not really a zip file at all");
  auto summary = ForEachSourceFileInMemory(junk, "junk.zip", SourceLimits{}, [](SourceFile&&) { return Ok(); });
  ASSERT_FALSE(summary);
  EXPECT_EQ(summary.error().code, core::ErrorCode::kCorruptData);
  EXPECT_EQ(summary.error().where, "junk.zip");
}

TEST(ZipWalkTest, VisitsFitFilesInGarminNestedUploadZips) {
  const Bytes part1 = MakeZip({{"user_1001.fit", FakeFit(100, 1)}, {"user_1002.fit", FakeFit(100, 2)}});
  const Bytes part2 = MakeZip({{"user_2001.fit", FakeFit(100, 3)}});
  const Bytes garmin = MakeZip({
      {"DI_CONNECT/DI-Connect-Fitness/me_0_summarizedActivities.json", ToBytes("[]")},
      {"DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip", part1},
      {"DI_CONNECT/DI-Connect-Fitness-Uploaded-Files/UploadedFiles_0-_Part2.zip", part2},
  });
  Walked walked = WalkMemory(garmin);
  const std::string p1 = "export.zip!DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip!";
  const std::string p2 = "export.zip!DI_CONNECT/DI-Connect-Fitness-Uploaded-Files/UploadedFiles_0-_Part2.zip!";
  EXPECT_EQ(Names(walked), (std::vector<std::string>{p1 + "user_1001.fit", p1 + "user_1002.fit", p2 + "user_2001.fit"}));
  ASSERT_EQ(walked.files.size(), 3u);
  EXPECT_EQ(walked.files[2].bytes, FakeFit(100, 3));
}

TEST(ZipWalkTest, RefusesZipsNestedBeyondLimit) {
  const Bytes inner = MakeZip({{"deep.fit", FakeFit()}});
  const Bytes middle = MakeZip({{"inner.zip", inner}});
  const Bytes outer = MakeZip({{"middle.zip", middle}, {"top.fit", FakeFit()}});
  SourceLimits limits;
  limits.max_nesting = 2;
  Walked walked = WalkMemory(outer, limits);
  ASSERT_EQ(walked.files.size(), 2u);
  EXPECT_EQ(walked.files[0].name, "export.zip!middle.zip!inner.zip");
  ASSERT_TRUE(walked.files[0].error.has_value());
  EXPECT_EQ(walked.files[0].error->message, "refused: zips nested deeper than 2 levels");
  limits.max_nesting = 3;
  EXPECT_EQ(Names(WalkMemory(outer, limits))[0], "export.zip!middle.zip!inner.zip!deep.fit");
}

TEST(ZipWalkTest, ReportsCorruptNestedZipAsEntryError) {
  const Bytes outer = MakeZip({{"broken.zip", ToBytes("PK\x03\x04 garbage")}, {"ok.fit", FakeFit()}});
  Walked walked = WalkMemory(outer);
  ASSERT_EQ(walked.files.size(), 2u);
  EXPECT_EQ(walked.files[0].name, "export.zip!broken.zip");
  ASSERT_TRUE(walked.files[0].error.has_value());
  EXPECT_EQ(walked.files[0].error->code, core::ErrorCode::kCorruptData);
}

TEST(ZipWalkTest, AttachesStravaMetadataAndReportsRowsWithoutFiles) {
  const std::string csv =
      "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,"
      "Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,Filename\n"
      "11,\"Mar 16, 2014, 10:51:20 AM\",\"Hills, again\",Run,\"\",1,1,,,false,,,activities/11.fit.gz\n"
      "12,\"Mar 17, 2014, 10:51:20 AM\",Manual,Run,\"\",1,1,,,false,,,\n"
      "13,\"Mar 18, 2014, 10:51:20 AM\",Lost,Run,\"\",1,1,,,false,,,activities/13.gpx\n";
  const Bytes zip = MakeZip({{"activities/11.fit.gz", Gzip(FakeFit())},
                             {"routes/9.gpx", FakeGpx("route")},
                             {"media/1.jpg", Bytes(10, 1)},
                             {"activities.csv", ToBytes(csv)}});
  Walked walked = WalkMemory(zip);
  ASSERT_EQ(walked.files.size(), 1u);
  ASSERT_TRUE(walked.files[0].strava.has_value());
  EXPECT_EQ(walked.files[0].strava->activity_id, "11");
  EXPECT_EQ(walked.files[0].strava->name, "Hills, again");
  EXPECT_EQ(walked.files[0].strava->type, "Run");
  EXPECT_EQ(walked.files[0].strava->date_text, "Mar 16, 2014, 10:51:20 AM");
  EXPECT_EQ(walked.summary.skipped,
            (std::vector<std::string>{
                "export.zip!routes/9.gpx: strava route (no timestamps)",
                "export.zip!activities.csv:3: activity 12 (Manual) has no file (manual entry)",
                "export.zip!activities.csv:4: activity 13 (Lost): activities/13.gpx is missing from the export"}));
}

TEST(ZipWalkTest, FindsStravaExportInsideAFolderOfTheZip) {
  const std::string csv = "id,date,name,type,description,filename\n5,2018-01-01 10:00:00,Old run,Run,,activities/5.gpx\n";
  const Bytes zip = MakeZip({{"export_1/activities.csv", ToBytes(csv)}, {"export_1/activities/5.gpx", FakeGpx()}});
  Walked walked = WalkMemory(zip);
  ASSERT_EQ(walked.files.size(), 1u);
  ASSERT_TRUE(walked.files[0].strava.has_value());
  EXPECT_EQ(walked.files[0].strava->name, "Old run");
}

TEST(ZipWalkTest, VisitorFailureStopsTheWalk) {
  const Bytes zip = MakeZip({{"1.fit", FakeFit()}, {"2.fit", FakeFit()}, {"3.fit", FakeFit()}});
  int visits = 0;
  auto summary = ForEachSourceFileInMemory(zip, "x.zip", SourceLimits{}, [&](SourceFile&&) -> Status {
    if (++visits == 2) return Fail(core::ErrorCode::kIoError, "disk full");
    return Ok();
  });
  ASSERT_FALSE(summary);
  EXPECT_EQ(summary.error().message, "disk full");
  EXPECT_EQ(visits, 2);
}

TEST(ZipWalkTest, StopsAtTotalLimit) {
  SourceLimits limits;
  limits.max_total_bytes = 150;
  const Bytes zip = MakeZip({{"1.fit", FakeFit(100)}, {"2.fit", FakeFit(100)}});
  Walked walked = WalkMemory(zip, limits);
  ASSERT_EQ(walked.files.size(), 2u);
  EXPECT_FALSE(walked.files[0].error.has_value());
  ASSERT_TRUE(walked.files[1].error.has_value());
  EXPECT_EQ(walked.files[1].error->message, "refused: the import inflates beyond 150 bytes in total");
}

}  // namespace
}  // namespace stride::archive
