// SPDX-License-Identifier: MIT
// Tests for app::ImportPaths on a generated Strava-style export (FIT runs from app::ExportHistoryRun, a
// GPX walk, a duplicate and a broken entry): the pipelined import stores exactly what the sequential one
// does, in the same order, and a database failure stops it cleanly.
#include "app/import.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../formats/archive/archive_fixtures.h"
#include "app/sample_history.h"
#include "formats/fit/activity_encoder.h"
#include "formats/gpx_writer.h"
#include "store/activity_repository.h"
#include "store/database.h"
#include "testing/status_matchers.h"

namespace stride::app {
namespace {

using archive::testing::Bytes;
using archive::testing::Gzip;
using archive::testing::MakeZip;
using archive::testing::ScratchDir;
using archive::testing::ToBytes;
using archive::testing::ZipEntry;

constexpr int kRuns = 14;

Bytes FitRun(int k) {
  SampleRunOptions options;
  options.sample_interval_s = 10;
  options.gps_jitter_m = 2.5;
  auto fit = fit::EncodeActivity(ExportHistoryRun(k, options));
  EXPECT_TRUE(fit.has_value());
  return fit ? ToBytes(*fit) : Bytes();
}

// A Strava export: kRuns FIT runs (.fit.gz, the third also stored a second time under another name), a
// GPX walk, a corrupt .fit.gz, and activities.csv naming each run.
std::filesystem::path WriteExport(const ScratchDir& dir) {
  std::vector<ZipEntry> entries;
  std::string csv = "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Filename\n";
  for (int k = 0; k < kRuns; ++k) {
    const std::string path = fmt::format("activities/{}.fit.gz", 100 + k);
    entries.push_back({path, Gzip(FitRun(k))});
    csv += fmt::format("{},\"Jan 1, 2020, 7:00:00 AM\",Run number {},Run,\"\",{}\n", 100 + k, k, path);
  }
  entries.push_back({"activities/duplicate.fit.gz", Gzip(FitRun(2))});
  core::Activity walk = ExportHistoryRun(kRuns + 3, SampleRunOptions{});
  walk.sport = core::Sport::kWalking;
  walk.start_time += std::chrono::hours(24 * 365 * 20);  // far from every run
  entries.push_back({"activities/walk.gpx", ToBytes(formats::WriteGpx(walk))});
  Bytes broken = Gzip(FitRun(5));
  broken.resize(broken.size() / 2);
  entries.push_back({"activities/broken.fit.gz", broken});
  entries.push_back({"activities.csv", ToBytes(csv)});
  return dir.Write("export.zip", MakeZip(entries));
}

struct Imported {
  ImportReport report;
  std::vector<store::StoredActivity> stored;  // with samples
};

// How the pipeline is shaped: queue length and bytes, and when the reading thread helps.
struct Pipeline {
  size_t files_in_flight;
  size_t bytes_in_flight = ImportOptions{}.bytes_in_flight;
  size_t reader_helps_after = ImportOptions{}.reader_helps_after;
};

Imported ImportWith(const std::filesystem::path& zip, const Pipeline& pipeline) {
  auto db = store::Database::Open(":memory:");
  EXPECT_TRUE(db.has_value());
  ImportOptions options;
  options.files_in_flight = pipeline.files_in_flight;
  options.bytes_in_flight = pipeline.bytes_in_flight;
  options.reader_helps_after = pipeline.reader_helps_after;
  size_t progress_calls = 0;
  options.on_progress = [&](const ImportProgress&) { ++progress_calls; };
  auto report = ImportPaths(*db, {zip}, options);
  EXPECT_TRUE(report.has_value()) << (report ? "" : report.error().ToString());
  Imported out;
  if (!report) return out;
  EXPECT_EQ(progress_calls, report->files);
  out.report = std::move(*report);
  auto listed = store::ListActivities(*db);
  EXPECT_TRUE(listed.has_value());
  for (const auto& a : *listed) {
    auto loaded = store::LoadActivity(*db, a.id, /*with_samples=*/true);
    EXPECT_TRUE(loaded.has_value());
    if (loaded) out.stored.push_back(std::move(*loaded));
  }
  return out;
}

void ExpectSameSamples(const core::Samples& a, const core::Samples& b) {
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    ASSERT_EQ(a.time_s[i], b.time_s[i]);
    ASSERT_EQ(a.latitude_deg[i], b.latitude_deg[i]);
    ASSERT_EQ(a.heart_rate_bpm[i], b.heart_rate_bpm[i]);
    ASSERT_EQ(a.cadence_spm[i], b.cadence_spm[i]);
  }
}

TEST(ImportPathsTest, PipelinedImportStoresExactlyWhatSequentialImportStores) {
  ScratchDir dir;
  const std::filesystem::path zip = WriteExport(dir);
  const Imported sequential = ImportWith(zip, Pipeline{0});
  ASSERT_EQ(sequential.report.imported.size(), static_cast<size_t>(kRuns + 1));
  ASSERT_EQ(sequential.report.duplicates.size(), 1u);
  ASSERT_EQ(sequential.report.failed.size(), 1u);
  EXPECT_EQ(sequential.report.failed[0].file, zip.string() + "!activities/broken.fit.gz");
  EXPECT_EQ(sequential.report.imported[3].summary.name, "Run number 3");
  // The reading thread never helps (a queue shorter than its lead), always helps, helps once two files
  // wait, or holds one file at a time (every file over the byte budget).
  for (const Pipeline& pipeline : {Pipeline{1}, Pipeline{4}, Pipeline{1, 1 << 30, 0}, Pipeline{256, 1 << 30, 2},
                                   Pipeline{256, 1, 0}, Pipeline{ImportOptions{}.files_in_flight}}) {
    SCOPED_TRACE(testing::Message() << pipeline.files_in_flight << " files, " << pipeline.bytes_in_flight
                                    << " bytes, lead " << pipeline.reader_helps_after);
    const Imported pipelined = ImportWith(zip, pipeline);
    const ImportReport& a = sequential.report;
    const ImportReport& b = pipelined.report;
    EXPECT_EQ(a.files, b.files);
    EXPECT_EQ(a.input_bytes, b.input_bytes);
    EXPECT_EQ(a.duplicates, b.duplicates);
    EXPECT_EQ(a.skipped, b.skipped);
    ASSERT_EQ(a.failed.size(), b.failed.size());
    EXPECT_EQ(a.failed[0].error.ToString(), b.failed[0].error.ToString());
    ASSERT_EQ(a.imported.size(), b.imported.size());
    for (size_t i = 0; i < a.imported.size(); ++i) {
      EXPECT_EQ(a.imported[i].file, b.imported[i].file);
      EXPECT_EQ(a.imported[i].id, b.imported[i].id);
      EXPECT_EQ(a.imported[i].summary.name, b.imported[i].summary.name);
      EXPECT_TRUE(b.imported[i].summary.samples.empty());
    }
    ASSERT_EQ(sequential.stored.size(), pipelined.stored.size());
    for (size_t i = 0; i < sequential.stored.size(); ++i) {
      const store::StoredActivity& x = sequential.stored[i];
      const store::StoredActivity& y = pipelined.stored[i];
      EXPECT_EQ(x.id, y.id);
      EXPECT_EQ(x.source_name, y.source_name);
      EXPECT_EQ(x.external_id, y.external_id);
      EXPECT_EQ(x.activity.start_time, y.activity.start_time);
      EXPECT_EQ(x.activity.distance_m, y.activity.distance_m);
      EXPECT_EQ(x.activity.laps.size(), y.activity.laps.size());
      EXPECT_EQ(x.activity.sessions.size(), y.activity.sessions.size());
      EXPECT_GT(y.activity.samples.size(), 0u);
      ExpectSameSamples(x.activity.samples, y.activity.samples);
    }
  }
}

TEST(ImportPathsTest, ImportingTwiceStoresEveryFileOnce) {
  ScratchDir dir;
  const std::filesystem::path zip = WriteExport(dir);
  auto db = store::Database::Open(":memory:");
  ASSERT_OK(db);
  auto first = ImportPaths(*db, {zip}, ImportOptions{});
  ASSERT_OK(first);
  auto second = ImportPaths(*db, {zip}, ImportOptions{});
  ASSERT_OK(second);
  EXPECT_TRUE(second->imported.empty());
  EXPECT_EQ(second->duplicates.size(), first->imported.size() + first->duplicates.size());
}

TEST(ImportPathsTest, DatabaseFailureStopsThePipelinedImport) {
  ScratchDir dir;
  const std::filesystem::path zip = WriteExport(dir);
  auto db = store::Database::Open(":memory:");
  ASSERT_OK(db);
  ASSERT_OK(db->Exec("DROP TABLE activity_samples"));
  ImportOptions options;
  options.files_in_flight = 1;  // the reader is blocked on a full queue when the failure comes
  auto report = ImportPaths(*db, {zip}, options);
  ASSERT_FALSE(report);
  EXPECT_NE(report.error().message.find("activity_samples"), std::string::npos) << report.error().ToString();
  auto listed = store::ListActivities(*db);
  ASSERT_OK(listed);
  EXPECT_TRUE(listed->empty());  // the failed file's transaction was rolled back
}

TEST(ImportPathsTest, MissingPathIsListedAndTheOthersImported) {
  ScratchDir dir;
  const std::filesystem::path zip = WriteExport(dir);
  auto db = store::Database::Open(":memory:");
  ASSERT_OK(db);
  auto report = ImportPaths(*db, {dir.path() / "missing.zip", zip}, ImportOptions{});
  ASSERT_OK(report);
  ASSERT_EQ(report->failed.size(), 2u);
  EXPECT_EQ(report->failed[0].file, (dir.path() / "missing.zip").string());
  EXPECT_EQ(report->failed[0].error.code, core::ErrorCode::kNotFound);
  EXPECT_EQ(report->imported.size(), static_cast<size_t>(kRuns + 1));
}

}  // namespace
}  // namespace stride::app
