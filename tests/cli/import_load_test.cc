// SPDX-License-Identifier: MIT
// Import, list, load and fitness through the real binary, on files the test writes itself.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "gpx_fixture.h"
#include "run_stride.h"
#include "testing/shared_data.h"

namespace stride::testing {
namespace {

using nlohmann::json;

TEST(ImportLoadTest, KnownHeartRateGivesTheWorkedTrimp) {
  auto dir = FreshTempDir("trimp");
  auto db = dir / "s.db";
  // HRr = (rest + 0.74 * (max - rest)): rest 50, max 200 -> 161 bpm; 59 min of samples + the last point.
  ASSERT_EQ(RunStride({"athlete", "set", "--sex", "female", "--hr-rest", "50", "--hr-max", "200"}, db).exit_code, 0);
  WriteTextFile(dir / "run.gpx", GpxRun("2026-11-02", 59, 161));
  auto imported = RunStride({"import", "--json", (dir / "run.gpx").string()}, db);
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_EQ(json::parse(imported.out)["imported"], 1);
  auto load = RunStride({"load", "--json", "--date", "2026-11-02", "--from", "2026-11-02"}, db);
  ASSERT_EQ(load.exit_code, 0) << load.err;
  json j = json::parse(load.out);
  ASSERT_EQ(j["days"].size(), 1u);
  // SCIENCE.md B1: 60 min at HRr 0.74 -> female 131.4 AU; HR 161 is HRr 0.74 exactly. The file spans 59 min.
  double expected = 131.4 * 59.0 / 60.0;
  EXPECT_NEAR(j["days"][0]["load"].get<double>(), expected, 1.5);
  // CTL after one day from a zero seed: load * (1 - e^(-1/42)) [gc-pmc].
  EXPECT_NEAR(j["days"][0]["ctl"].get<double>(), j["days"][0]["load"].get<double>() * (1 - std::exp(-1.0 / 42)), 1e-6);
  EXPECT_EQ(j["activities"][0]["method"], "banister_trimp");
}

TEST(ImportLoadTest, SampleHistoryImportsOnceAndFeedsLoadAndFitness) {
  auto dir = FreshTempDir("history");
  auto db = dir / "s.db";
  ASSERT_EQ(RunStride({"athlete", "set", "--sex", "female", "--hr-rest", "54", "--hr-max", "186", "--race",
                       "10k=52:30@2026-10-18", "--date", "2026-11-24"},
                      db)
                .exit_code,
            0);
  auto sample = RunStride({"sample-data", (dir / "runs").string(), "--weeks", "8", "--date", "2026-11-24"}, db);
  ASSERT_EQ(sample.exit_code, 0) << sample.err;
  auto first = RunStride({"import", "--json", (dir / "runs").string()}, db);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  json a = json::parse(first.out);
  EXPECT_EQ(a["imported"], 29);  // 4 runs a week for 7 full weeks, then Tuesday 2026-11-24 of the 8th
  EXPECT_EQ(a["failed"].size(), 0u);
  auto second = RunStride({"import", "--json", (dir / "runs").string()}, db);
  json b = json::parse(second.out);
  EXPECT_EQ(b["imported"], 0);
  EXPECT_EQ(b["duplicates"], a["imported"]);

  json list = json::parse(RunStride({"activities", "--json"}, db).out);
  EXPECT_EQ(list.size(), a["imported"].get<size_t>());
  EXPECT_EQ(list[0]["sport"], "running");

  json load = json::parse(RunStride({"load", "--json", "--date", "2026-11-24"}, db).out);
  ASSERT_FALSE(load["weeks"].empty());
  double week_km = load["weeks"][load["weeks"].size() - 2]["distance_m"].get<double>() / 1000;
  EXPECT_GT(week_km, 18);
  EXPECT_LT(week_km, 32);
  EXPECT_GT(load["days"].back()["ctl"].get<double>(), 0);

  json fitness = json::parse(RunStride({"fitness", "--json", "--date", "2026-11-24"}, db).out);
  EXPECT_NEAR(fitness["vdot"].get<double>(), 37.8, 0.3);  // the declared 10 km in 52:30
  EXPECT_TRUE(fitness["predictions"].contains("marathon"));
}

TEST(ImportLoadTest, ABrokenFileIsListedAndTheRestImported) {
  auto dir = FreshTempDir("broken");
  auto db = dir / "s.db";
  std::filesystem::create_directories(dir / "in");
  WriteTextFile(dir / "in" / "good.gpx", GpxRun("2026-11-03", 20, 140));
  WriteTextFile(dir / "in" / "bad.gpx", "<gpx version=\"1.1\"><trk><trkseg><trkpt lat=\"1\" lon=\"2\"><time>2026-");
  auto r = RunStride({"import", "--json", (dir / "in").string()}, db);
  EXPECT_EQ(r.exit_code, 2);
  json j = json::parse(r.out);
  EXPECT_EQ(j["imported"], 1);
  ASSERT_EQ(j["failed"].size(), 1u);
  EXPECT_NE(j["failed"][0]["file"].get<std::string>().find("bad.gpx"), std::string::npos);
  EXPECT_NE(j["failed"][0]["error"].get<std::string>().find("bad.gpx:1:"), std::string::npos) << j["failed"][0]["error"];
  EXPECT_EQ(json::parse(RunStride({"activities", "--json"}, db).out).size(), 1u);
}

TEST(ImportLoadTest, InspectStoresNothingAndExitsTwoOnBadFiles) {
  auto dir = FreshTempDir("inspect");
  auto db = dir / "s.db";
  WriteTextFile(dir / "good.gpx", GpxRun("2026-11-03", 10, 140));
  WriteTextFile(dir / "bad.fit", std::string("\x0e\x10\x00\x00\xff\x00\x00\x00.FIT\x00\x00", 14));
  auto r = RunStride({"inspect", "--json", (dir / "good.gpx").string(), (dir / "bad.fit").string()}, db);
  EXPECT_EQ(r.exit_code, 2);
  json j = json::parse(r.out);
  ASSERT_EQ(j.size(), 2u);
  EXPECT_TRUE(j[0]["ok"]);
  EXPECT_EQ(j[0]["format"], "gpx");
  EXPECT_EQ(j[0]["records"], 61);
  EXPECT_FALSE(j[1]["ok"]);
  EXPECT_NE(j[1]["error"].get<std::string>().find("bad.fit@byte"), std::string::npos) << j[1]["error"];
  EXPECT_EQ(json::parse(RunStride({"activities", "--json"}, db).out).size(), 0u);
}

// Each file is its own transaction: an import killed part-way keeps every finished file, no half activity,
// and a second import completes the rest without duplicates.
TEST(ImportLoadTest, KilledImportLeavesAConsistentDatabase) {
  auto dir = FreshTempDir("killed");
  auto db = dir / "s.db";
  ASSERT_EQ(RunStride({"sample-data", (dir / "runs").string(), "--weeks", "120", "--date", "2026-11-24"}, db).exit_code, 0);
  size_t total = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir / "runs")) total += e.is_regular_file() ? 1 : 0;
  ASSERT_GT(total, 400u);
  const char* binary = std::getenv("STRIDE_BINARY");
  std::string exe = binary ? binary : "build/stride";
  // Start the import; once it is writing (the WAL file has content), kill it hard.
  std::string wal = db.string() + "-wal";
  std::string cmd = "STRIDE_DB='" + db.string() + "' '" + exe + "' import '" + (dir / "runs").string() +
                    "' >/dev/null 2>&1 & pid=$!; for i in $(seq 1 500); do [ -s '" + wal +
                    "' ] && break; sleep 0.01; done; sleep 0.05; kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null; true";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  auto listed = RunStride({"activities", "--json"}, db);
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  size_t kept = json::parse(listed.out).size();
  EXPECT_LT(kept, total) << "the import finished before it was killed; the test proves nothing";
  // Every stored activity is whole: its samples load (the dashboard and load use them).
  auto load = RunStride({"load", "--json", "--date", "2026-11-24"}, db);
  EXPECT_EQ(load.exit_code, 0) << load.err;
  auto again = RunStride({"import", "--json", (dir / "runs").string()}, db);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  json j = json::parse(again.out);
  EXPECT_EQ(j["imported"].get<size_t>() + j["duplicates"].get<size_t>(), total);
  EXPECT_EQ(j["duplicates"].get<size_t>(), kept);
  EXPECT_EQ(json::parse(RunStride({"activities", "--json"}, db).out).size(), total);
}

TEST(ImportLoadTest, StravaExportKeepsNamesFromTheCsv) {
  STRIDE_REQUIRE_SHARED_DATA(shared);
  auto dir = FreshTempDir("strava");
  auto r = RunStride({"import", "--json", (shared / "activities/strava/synthetic_strava_export.zip").string()}, dir / "s.db");
  ASSERT_NE(r.exit_code, 3) << r.err;
  json j = json::parse(r.out);
  EXPECT_GE(j["imported"].get<int>(), 1);
  json list = json::parse(RunStride({"activities", "--json"}, dir / "s.db").out);
  bool named = false;
  for (const auto& a : list) {
    if (!a["name"].get<std::string>().empty() && a["external_id"].get<std::string>().size() > 0) named = true;
  }
  EXPECT_TRUE(named) << list.dump(1);
}

TEST(ImportLoadTest, EveryBrokenCorpusFileFailsInspectWithAPlace) {
  STRIDE_REQUIRE_SHARED_DATA(shared);
  std::vector<std::string> args = {"inspect", "--json"};
  for (const auto& e : std::filesystem::directory_iterator(shared / "activities/broken")) args.push_back(e.path().string());
  auto r = RunStride(args);
  EXPECT_EQ(r.exit_code, 2);
  json j = json::parse(r.out);
  EXPECT_EQ(j.size(), args.size() - 2);
  for (const auto& e : j) {
    EXPECT_FALSE(e["ok"]) << e["file"];
    EXPECT_FALSE(e["error"].is_null()) << e["file"];
  }
}

}  // namespace
}  // namespace stride::testing
