// SPDX-License-Identifier: MIT
#include "store/activity_repository.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "store/database.h"
#include "testing/status_matchers.h"

namespace stride::store {
namespace {

core::Activity MakeRun(const char* start, int n) {
  core::Activity a;
  a.format = core::FileFormat::kFit;
  a.sport = core::Sport::kRunning;
  a.sport_detail = "running/street";
  a.start_time = *core::ParseTimestamp(start);
  a.utc_offset_s = 3600;
  a.name = "Morning run";
  a.distance_m = n * 3.0;
  a.timer_s = n;
  a.elapsed_s = n + 10;
  a.avg_heart_rate_bpm = 150;
  a.max_heart_rate_bpm = core::kNaN;
  a.record_count = static_cast<uint64_t>(n);
  for (int i = 0; i < n; ++i) {
    a.samples.time_s.push_back(i);
    a.samples.distance_m.push_back(i * 3.0);
    a.samples.heart_rate_bpm.push_back(i % 7 == 0 ? core::kNaN : 140 + i % 20);
    a.samples.latitude_deg.push_back(51.5 + i * 1e-6);
  }
  a.developer_channels.push_back({"Power, Stryd", "W", std::vector<double>(static_cast<size_t>(n), 250.0)});
  a.laps.push_back({a.start_time, 1000, 990, 3000, 150, 170});
  a.sessions.push_back({core::Sport::kRunning, "running/street", a.start_time, 3000, 990, 1000, 150, 170, 12, 11});
  return a;
}

TEST(ActivityRepositoryTest, RoundTripsSummaryChildrenAndSamples) {
  auto db = Database::Open(":memory:");
  ASSERT_OK(db);
  core::Activity run = MakeRun("2026-10-18T07:05:00Z", 1000);
  auto id = InsertActivity(*db, run, "hash-1", "run.fit", "strava-42");
  ASSERT_OK(id);
  auto loaded = LoadActivity(*db, *id, true);
  ASSERT_OK(loaded);
  const core::Activity& b = loaded->activity;
  EXPECT_EQ(loaded->source_name, "run.fit");
  EXPECT_EQ(loaded->external_id, "strava-42");
  EXPECT_EQ(b.sport, core::Sport::kRunning);
  EXPECT_EQ(b.start_time, run.start_time);
  EXPECT_EQ(b.utc_offset_s, 3600);
  EXPECT_DOUBLE_EQ(b.distance_m, 3000);
  EXPECT_TRUE(std::isnan(b.max_heart_rate_bpm));
  ASSERT_EQ(b.samples.size(), 1000u);
  EXPECT_DOUBLE_EQ(b.samples.latitude_deg[999], run.samples.latitude_deg[999]);  // positions stay float64
  EXPECT_TRUE(std::isnan(b.samples.heart_rate_bpm[0]));
  EXPECT_FLOAT_EQ(static_cast<float>(b.samples.heart_rate_bpm[1]), 141.0f);
  EXPECT_TRUE(b.samples.speed_mps.empty());
  ASSERT_EQ(b.developer_channels.size(), 1u);
  EXPECT_EQ(b.developer_channels[0].name, "Power, Stryd");
  EXPECT_EQ(b.developer_channels[0].units, "W");
  ASSERT_EQ(b.laps.size(), 1u);
  EXPECT_DOUBLE_EQ(b.laps[0].distance_m, 3000);
  ASSERT_EQ(b.sessions.size(), 1u);
  EXPECT_DOUBLE_EQ(b.sessions[0].total_ascent_m, 12);
}

TEST(ActivityRepositoryTest, HashIsUniqueAndFindable) {
  auto db = Database::Open(":memory:");
  ASSERT_OK(db);
  ASSERT_OK(InsertActivity(*db, MakeRun("2026-10-18T07:05:00Z", 10), "h", "a.fit"));
  auto found = FindActivityByHash(*db, "h");
  ASSERT_OK(found);
  EXPECT_TRUE(found->has_value());
  auto again = InsertActivity(*db, MakeRun("2026-10-19T07:05:00Z", 10), "h", "b.fit");
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, core::ErrorCode::kConflict);
}

TEST(ActivityRepositoryTest, NearbyStartOfTheSameSportIsFound) {
  auto db = Database::Open(":memory:");
  ASSERT_OK(db);
  ASSERT_OK(InsertActivity(*db, MakeRun("2026-10-18T07:05:00Z", 10), "h", "a.fit"));
  EXPECT_TRUE(FindActivityNear(*db, *core::ParseTimestamp("2026-10-18T07:05:40Z"), core::Sport::kTrailRunning, 60)->has_value());
  EXPECT_FALSE(FindActivityNear(*db, *core::ParseTimestamp("2026-10-18T07:05:40Z"), core::Sport::kCycling, 60)->has_value());
  EXPECT_FALSE(FindActivityNear(*db, *core::ParseTimestamp("2026-10-18T07:07:00Z"), core::Sport::kRunning, 60)->has_value());
}

TEST(ActivityRepositoryTest, ListsByLocalDateAndUpdatesRpe) {
  auto db = Database::Open(":memory:");
  ASSERT_OK(db);
  // 23:30 UTC with +1 h offset is the next local day.
  ASSERT_OK(InsertActivity(*db, MakeRun("2026-10-18T23:30:00Z", 10), "late", "late.fit"));
  ASSERT_OK(InsertActivity(*db, MakeRun("2026-10-10T07:00:00Z", 10), "early", "early.fit"));
  auto all = ListActivities(*db);
  ASSERT_OK(all);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].source_name, "early.fit");
  auto since = ListActivities(*db, *core::ParseDate("2026-10-19"));
  ASSERT_EQ(since->size(), 1u);
  EXPECT_EQ((*since)[0].source_name, "late.fit");
  ASSERT_OK(SetPerceivedExertion(*db, (*since)[0].id, 6));
  EXPECT_EQ(*LoadActivity(*db, (*since)[0].id, false)->activity.perceived_exertion, 6);
  EXPECT_EQ(SetPerceivedExertion(*db, 999, 5).error().code, core::ErrorCode::kNotFound);
  EXPECT_EQ(LoadActivity(*db, 999, false).error().code, core::ErrorCode::kNotFound);
}

// Listing by local date reads a range of the start-time index, widened by a day each side: activities
// whose local date differs from the UTC one by up to a day's offset are still found, and only those.
TEST(ActivityRepositoryTest, ListsByLocalDateAcrossExtremeOffsets) {
  auto db = Database::Open(":memory:");
  ASSERT_OK(db);
  struct Case {
    const char* start;
    int offset_h;
    const char* source;  // local date in the name
  };
  const Case cases[] = {
      {"2026-10-18T10:30:00Z", 14, "10-19.fit"},   // Kiribati: next local day
      {"2026-10-20T11:30:00Z", -12, "10-19b.fit"},  // Baker Island: previous local day
      {"2026-10-19T23:59:00Z", 0, "10-19c.fit"},
      {"2026-10-18T23:59:00Z", 0, "10-18.fit"},
      {"2026-10-20T00:00:00Z", 0, "10-20.fit"},
      {"2026-10-20T20:00:00Z", 8, "10-21.fit"},
  };
  for (const Case& c : cases) {
    core::Activity a = MakeRun(c.start, 5);
    a.utc_offset_s = c.offset_h * 3600;
    ASSERT_OK(InsertActivity(*db, a, c.source, c.source));
  }
  auto day = ListActivities(*db, *core::ParseDate("2026-10-19"), *core::ParseDate("2026-10-19"));
  ASSERT_OK(day);
  std::vector<std::string> names;
  for (const auto& s : *day) names.push_back(s.source_name);
  EXPECT_EQ(names, (std::vector<std::string>{"10-19.fit", "10-19c.fit", "10-19b.fit"}));
  EXPECT_EQ(ListActivities(*db, *core::ParseDate("2026-10-20"))->size(), 2u);
  EXPECT_EQ(ListActivities(*db, std::nullopt, *core::ParseDate("2026-10-18"))->size(), 1u);
  EXPECT_EQ(ListActivities(*db)->size(), 6u);
  // The query walks only the start-time range of the index.
  auto plan = db->Prepare(
      "EXPLAIN QUERY PLAN SELECT id FROM activity WHERE 1 AND start_ms >= ?1 AND local_date >= ?2 "
      "ORDER BY start_ms, id");
  ASSERT_OK(plan);
  ASSERT_TRUE(*plan->Step());
  EXPECT_NE(plan->ColumnText(3).find("USING INDEX activity_by_start (start_ms>?)"), std::string::npos)
      << plan->ColumnText(3);
}

}  // namespace
}  // namespace stride::store
