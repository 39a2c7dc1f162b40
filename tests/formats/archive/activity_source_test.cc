// SPDX-License-Identifier: MIT
// ForEachSourceFile on files and folders, the in-memory entry point for single files, SurveySources, and
// the shared Strava export corpus.
#include "formats/archive/activity_source.h"

#include <gtest/gtest.h>

#include "archive_fixtures.h"
#include "testing/shared_data.h"
#include "testing/status_matchers.h"

namespace stride::archive {
namespace {

using testing::Bytes;
using testing::FakeFit;
using testing::FakeGpx;
using testing::Gzip;
using testing::MakeZip;
using testing::ScratchDir;
using testing::ToBytes;

struct Walked {
  std::vector<SourceFile> files;
  SourceSummary summary;
};

Walked WalkPath(const std::filesystem::path& path, const SourceLimits& limits = SourceLimits{},
                GzipMembers gzip = GzipMembers::kInflate) {
  Walked walked;
  auto visit = [&](SourceFile&& file) {
    walked.files.push_back(std::move(file));
    return Ok();
  };
  auto summary = ForEachSourceFile(path, limits, visit, gzip);
  EXPECT_OK(summary);
  if (summary) walked.summary = std::move(*summary);
  return walked;
}

// Display names relative to `root` (which the walk prefixes to every name).
std::vector<std::string> RelativeNames(const Walked& walked, const std::filesystem::path& root) {
  std::vector<std::string> names;
  const std::string prefix = root.generic_string() + "/";
  for (const SourceFile& file : walked.files) {
    names.push_back(file.name.starts_with(prefix) ? file.name.substr(prefix.size()) : file.name);
  }
  return names;
}

TEST(ForEachSourceFileTest, WalksFolderRecursivelyInNameOrder) {
  ScratchDir dir;
  dir.Write("b/run.fit", FakeFit());
  dir.Write("a/2.gpx.gz", Gzip(FakeGpx()));
  dir.Write("a/1.TCX", ToBytes("<?xml version=\"1.0\"?><TrainingCenterDatabase/>"));
  dir.Write("c.zip", MakeZip({{"in/zip.fit", FakeFit()}}));
  dir.Write("photo.jpg", Bytes(10, 1));
  dir.Write("._run.fit", Bytes(10, 1));
  Walked walked = WalkPath(dir.path());
  EXPECT_EQ(RelativeNames(walked, dir.path()),
            (std::vector<std::string>{"a/1.TCX", "a/2.gpx.gz", "b/run.fit", "c.zip!in/zip.fit"}));
  ASSERT_EQ(walked.files.size(), 4u);
  EXPECT_EQ(walked.files[1].bytes, FakeGpx());
  EXPECT_EQ(walked.files[2].compressed_bytes, FakeFit().size());
  for (const SourceFile& file : walked.files) EXPECT_FALSE(file.error.has_value()) << file.name;
}

TEST(ForEachSourceFileTest, ReportsBadFilesInFolderAndContinues) {
  ScratchDir dir;
  dir.Write("1.fit.gz", ToBytes("\x1f\x8b not really gzip"));
  dir.Write("2.zip", ToBytes("not a zip"));
  dir.Write("3.fit", FakeFit());
  Walked walked = WalkPath(dir.path());
  ASSERT_EQ(walked.files.size(), 3u);
  ASSERT_TRUE(walked.files[0].error.has_value());
  EXPECT_EQ(walked.files[0].error->code, core::ErrorCode::kCorruptData);
  ASSERT_TRUE(walked.files[1].error.has_value());
  EXPECT_EQ(walked.files[1].error->code, core::ErrorCode::kCorruptData);
  EXPECT_FALSE(walked.files[2].error.has_value());
}

TEST(ForEachSourceFileTest, ReadsStravaExportUnpackedIntoFolder) {
  ScratchDir dir;
  dir.Write("activities.csv", ToBytes("Activity ID,Activity Date,Activity Name,Activity Type,Filename\n"
                                      "1,\"Jan 1, 2020, 1:00:00 PM\",Park run,Run,activities/1.gpx\n"
                                      "2,\"Jan 2, 2020, 1:00:00 PM\",Gone,Run,activities/2.fit\n"));
  dir.Write("activities/1.gpx", FakeGpx());
  dir.Write("routes/r.gpx", FakeGpx("route"));
  Walked walked = WalkPath(dir.path());
  ASSERT_EQ(walked.files.size(), 1u);
  ASSERT_TRUE(walked.files[0].strava.has_value());
  EXPECT_EQ(walked.files[0].strava->name, "Park run");
  ASSERT_EQ(walked.summary.skipped.size(), 2u);
  EXPECT_TRUE(walked.summary.skipped[0].ends_with("/routes: strava routes (no timestamps)"));
  EXPECT_TRUE(walked.summary.skipped[1].ends_with("activities/2.fit is missing from the export"));
}

TEST(ForEachSourceFileTest, AcceptsSingleFilesByContent) {
  ScratchDir dir;
  const auto gz = dir.Write("download", Gzip(FakeFit(500)));
  Walked walked = WalkPath(gz);
  ASSERT_EQ(walked.files.size(), 1u);
  EXPECT_EQ(walked.files[0].bytes, FakeFit(500));
  EXPECT_EQ(walked.files[0].name, gz.generic_string());
}

TEST(ForEachSourceFileTest, ReportsBrokenActivityFileAsEntryError) {
  ScratchDir dir;
  Walked walked = WalkPath(dir.Write("empty.fit", {}));
  ASSERT_EQ(walked.files.size(), 1u);
  ASSERT_TRUE(walked.files[0].error.has_value());
  EXPECT_EQ(walked.files[0].error->message, "empty file");
}

TEST(ForEachSourceFileTest, FailsOnMissingOrUnrecognisedPath) {
  ScratchDir dir;
  auto none = [](SourceFile&&) { return Ok(); };
  auto missing = ForEachSourceFile(dir.path() / "nope.fit", SourceLimits{}, none);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, core::ErrorCode::kNotFound);
  auto odd = ForEachSourceFile(dir.Write("notes.txt", ToBytes("hello")), SourceLimits{}, none);
  ASSERT_FALSE(odd);
  EXPECT_EQ(odd.error().code, core::ErrorCode::kUnsupported);
  EXPECT_EQ(odd.error().message, "not an activity file, gzip, zip or folder (content: unknown)");
  auto not_zip = ForEachSourceFile(dir.Write("x.zip", ToBytes("hello")), SourceLimits{}, none);
  ASSERT_FALSE(not_zip);
  EXPECT_EQ(not_zip.error().code, core::ErrorCode::kCorruptData);
}

// A walk that hands gzip files over, each then finished with FinishHandedOver, gives exactly what the
// inflating walk gives: the same files, bytes, metadata and errors (import relies on it).
TEST(ForEachSourceFileTest, HandedOverGzipFilesFinishAsTheInflatingWalkGivesThem) {
  ScratchDir dir;
  dir.Write("a/1.fit.gz", Gzip(FakeFit(700)));
  dir.Write("a/2.fit.gz", ToBytes("\x1f\x8b not really gzip"));
  dir.Write("a/3.gpx.gz", Gzip({}));
  dir.Write("a/4.gz", Gzip(ToBytes("plain words, no activity")));  // not an activity name: skipped
  dir.Write("b/5.fit", FakeFit());
  dir.Write("c.zip", MakeZip({{"activities/6.gpx.gz", Gzip(FakeGpx("zipped"))}, {"activities/7.fit", FakeFit(9)}}));
  const Walked inflated = WalkPath(dir.path());
  Walked handed = WalkPath(dir.path(), SourceLimits{}, GzipMembers::kHandOver);
  ASSERT_EQ(handed.files.size(), inflated.files.size());
  ASSERT_EQ(inflated.files.size(), 6u);
  for (size_t i = 0; i < handed.files.size(); ++i) {
    SourceFile& file = handed.files[i];
    const SourceFile& want = inflated.files[i];
    SCOPED_TRACE(want.name);
    EXPECT_EQ(file.gzipped, want.name.ends_with(".gz"));
    FinishHandedOver(file, SourceLimits{});
    EXPECT_FALSE(file.gzipped);
    EXPECT_EQ(file.name, want.name);
    EXPECT_EQ(file.bytes, want.bytes);
    EXPECT_EQ(file.compressed_bytes, want.compressed_bytes);
    ASSERT_EQ(file.error.has_value(), want.error.has_value());
    if (want.error) {
      EXPECT_EQ(file.error->ToString(), want.error->ToString());
      EXPECT_EQ(file.error->code, want.error->code);
    }
  }
  EXPECT_FALSE(inflated.files[0].error.has_value());
  EXPECT_TRUE(inflated.files[1].error.has_value());                  // corrupt gzip
  EXPECT_EQ(inflated.files[2].error->message, "empty file");         // inflates to nothing
  EXPECT_EQ(inflated.files[4].name.substr(inflated.files[4].name.find("c.zip")), "c.zip!activities/6.gpx.gz");
  EXPECT_EQ(handed.summary.files, inflated.summary.files);
  EXPECT_EQ(handed.summary.input_bytes, inflated.summary.input_bytes);
}

// The total limit still holds when gzip files are handed over: they count by their trailer's size.
TEST(ForEachSourceFileTest, HandedOverGzipFilesCountTowardTheTotalLimit) {
  ScratchDir dir;
  dir.Write("1.fit.gz", Gzip(FakeFit(3000)));
  dir.Write("2.fit.gz", Gzip(FakeFit(3000)));
  SourceLimits limits;
  limits.max_total_bytes = 4000;
  const Walked walked = WalkPath(dir.path(), limits, GzipMembers::kHandOver);
  ASSERT_EQ(walked.files.size(), 2u);
  EXPECT_FALSE(walked.files[0].error.has_value());
  ASSERT_TRUE(walked.files[1].error.has_value());
  EXPECT_TRUE(walked.files[1].error->message.starts_with("refused: the import inflates beyond")) << walked.files[1].error->message;
}

TEST(ForEachSourceFileInMemoryTest, AcceptsUploadedSingleFile) {
  const Bytes gz = Gzip(FakeGpx());
  std::vector<SourceFile> files;
  auto summary = ForEachSourceFileInMemory(gz, "upload.gpx.gz", SourceLimits{}, [&](SourceFile&& file) {
    files.push_back(std::move(file));
    return Ok();
  });
  ASSERT_OK(summary);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].name, "upload.gpx.gz");
  EXPECT_EQ(files[0].bytes, FakeGpx());
  EXPECT_EQ(summary->input_bytes, gz.size());
  auto junk = ForEachSourceFileInMemory(ToBytes("hello"), "x.txt", SourceLimits{}, [](SourceFile&&) { return Ok(); });
  ASSERT_FALSE(junk);
  EXPECT_EQ(junk.error().code, core::ErrorCode::kUnsupported);
}

TEST(SurveySourcesTest, CountsFilesAndBytesWithoutInflating) {
  ScratchDir dir;
  const Bytes fit = FakeFit();
  const Bytes zip = MakeZip({{"a.fit", fit}, {"b.gpx.gz", Gzip(FakeGpx())}, {"c.jpg", Bytes(5, 1)}});
  dir.Write("runs/1.fit", fit);
  dir.Write("runs/x.zip", zip);
  dir.Write("runs/photo.jpg", Bytes(50, 1));
  const auto single = dir.Write("one.tcx", ToBytes("<TrainingCenterDatabase/>"));
  auto summary = SurveySources({dir.path() / "runs", single}, SourceLimits{});
  ASSERT_OK(summary);
  EXPECT_EQ(summary->files, 4u);
  EXPECT_EQ(summary->input_bytes, fit.size() + zip.size() + 25);
  EXPECT_FALSE(SurveySources({dir.path() / "missing"}, SourceLimits{}));
}

TEST(StravaExportCorpusTest, SyntheticExportComesThroughWithMetadata) {
  STRIDE_REQUIRE_SHARED_DATA(data);
  const auto zip = data / "activities/strava/synthetic_strava_export.zip";
  Walked walked = WalkPath(zip);
  ASSERT_EQ(walked.files.size(), 4u);
  const std::string prefix = zip.generic_string() + "!";
  EXPECT_EQ(walked.files[0].name, prefix + "activities/1000000001.fit.gz");
  for (const SourceFile& file : walked.files) {
    ASSERT_FALSE(file.error.has_value()) << file.error->ToString();
    ASSERT_TRUE(file.strava.has_value()) << file.name;
    EXPECT_FALSE(file.bytes.empty());
  }
  EXPECT_EQ(walked.files[0].strava->name, "Morning Run");
  EXPECT_EQ(walked.files[1].strava->name, "Evening Run, short");
  EXPECT_EQ(walked.files[2].strava->type, "Hike");
  EXPECT_EQ(walked.files[3].strava->name, "Track \"intervals\"");
  EXPECT_EQ(walked.files[3].strava->date_text, "Feb 6, 2013, 12:11:14 PM");
  EXPECT_EQ(walked.summary.skipped,
            std::vector<std::string>{prefix + "activities.csv:6: activity 1000000005 (Manual entry (no file)) has no file "
                                              "(manual entry)"});
  auto survey = SurveySources({zip}, SourceLimits{});
  ASSERT_OK(survey);
  EXPECT_EQ(survey->files, 4u);
}

}  // namespace
}  // namespace stride::archive
