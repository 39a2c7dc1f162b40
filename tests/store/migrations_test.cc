// SPDX-License-Identifier: MIT
#include "store/migrations.h"

#include <gtest/gtest.h>

#include <string>

#include "store/database.h"
#include "testing/status_matchers.h"

namespace stride::store {
namespace {

// The schema as SQLite records it, for comparing databases reached by different paths.
std::string SchemaOf(Database& db) {
  auto stmt = db.Prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name");
  std::string out;
  while (*stmt->Step()) out += stmt->ColumnText(0) + " " + stmt->ColumnText(1) + ": " + stmt->ColumnText(2) + "\n";
  return out;
}

TEST(MigrationsTest, EmptyFileReachesLatest) {
  auto db = Database::Open(":memory:");
  ASSERT_OK(db);
  EXPECT_EQ(*SchemaVersion(*db), LatestSchemaVersion());
  EXPECT_GE(LatestSchemaVersion(), 1);
}

TEST(MigrationsTest, EveryOlderVersionUpgradesToTheSameSchema) {
  auto fresh = Database::Open(":memory:");
  ASSERT_OK(fresh);
  const std::string expected = SchemaOf(*fresh);
  for (int from = 0; from <= LatestSchemaVersion(); ++from) {
    auto db = Database::OpenRaw(":memory:");
    ASSERT_OK(db);
    ASSERT_OK(MigrateTo(*db, from));
    EXPECT_EQ(*SchemaVersion(*db), from);
    ASSERT_OK(Migrate(*db));
    EXPECT_EQ(*SchemaVersion(*db), LatestSchemaVersion());
    EXPECT_EQ(SchemaOf(*db), expected) << "upgrading from version " << from;
  }
}

// Version 5 rebuilt the session and lap tables without rowids; what a version-4 database held stays.
TEST(MigrationsTest, Version5KeepsSessionsAndLaps) {
  auto db = Database::OpenRaw(":memory:");
  ASSERT_OK(db);
  ASSERT_OK(MigrateTo(*db, 4));
  ASSERT_OK(db->Exec(
      "INSERT INTO activity (id, content_hash, source_name, format, sport, start_ms, local_date) "
      "VALUES (7, 'h', 'a.fit', 'fit', 'running', 1000, '2026-01-01');"
      "INSERT INTO activity_session (activity_id, idx, sport, start_ms, total_distance_m, total_descent_m) "
      "VALUES (7, 0, 'running', 1000, 5000.5, 12.25);"
      "INSERT INTO activity_lap (activity_id, idx, start_ms, distance_m, max_heart_rate_bpm) "
      "VALUES (7, 0, 1000, 1000, 170), (7, 1, 400000, 1000.5, NULL);"));
  ASSERT_OK(Migrate(*db));
  auto sessions = db->Prepare(
      "SELECT activity_id, idx, sport, start_ms, total_distance_m, total_descent_m FROM activity_session");
  ASSERT_OK(sessions);
  ASSERT_TRUE(*sessions->Step());
  EXPECT_EQ(sessions->ColumnInt(0), 7);
  EXPECT_EQ(sessions->ColumnInt(1), 0);
  EXPECT_EQ(sessions->ColumnText(2), "running");
  EXPECT_EQ(sessions->ColumnInt(3), 1000);
  EXPECT_EQ(sessions->ColumnDouble(4), 5000.5);
  EXPECT_EQ(sessions->ColumnDouble(5), 12.25);
  EXPECT_FALSE(*sessions->Step());
  auto laps =
      db->Prepare("SELECT idx, start_ms, distance_m, max_heart_rate_bpm IS NULL FROM activity_lap ORDER BY idx");
  ASSERT_OK(laps);
  ASSERT_TRUE(*laps->Step());
  EXPECT_EQ(laps->ColumnInt(1), 1000);
  EXPECT_EQ(laps->ColumnInt(3), 0);
  ASSERT_TRUE(*laps->Step());
  EXPECT_EQ(laps->ColumnInt(0), 1);
  EXPECT_EQ(laps->ColumnDouble(2), 1000.5);
  EXPECT_EQ(laps->ColumnInt(3), 1);
  EXPECT_FALSE(*laps->Step());
  // Keyed by (activity_id, idx) alone: no rowid, so no second index to write.
  EXPECT_FALSE(db->Prepare("SELECT rowid FROM activity_session").has_value());
  EXPECT_FALSE(db->Prepare("SELECT rowid FROM activity_lap").has_value());
  auto indexes = db->Prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name IN "
                             "('activity_session', 'activity_lap')");
  ASSERT_OK(indexes);
  ASSERT_TRUE(*indexes->Step());
  EXPECT_EQ(indexes->ColumnInt(0), 0);
  // Deleting the activity still deletes its sessions and laps.
  ASSERT_OK(db->Exec("PRAGMA foreign_keys=ON; DELETE FROM activity WHERE id = 7"));
  auto left = db->Prepare("SELECT (SELECT count(*) FROM activity_session) + (SELECT count(*) FROM activity_lap)");
  ASSERT_OK(left);
  ASSERT_TRUE(*left->Step());
  EXPECT_EQ(left->ColumnInt(0), 0);
}

TEST(MigrationsTest, MigratingTwiceIsANoOp) {
  auto db = Database::Open(":memory:");
  ASSERT_OK(db);
  ASSERT_OK(Migrate(*db));
  EXPECT_EQ(*SchemaVersion(*db), LatestSchemaVersion());
}

TEST(MigrationsTest, RefusesANewerSchema) {
  auto db = Database::Open(":memory:");
  ASSERT_OK(db);
  ASSERT_OK(db->Exec("UPDATE schema_version SET version = 999"));
  auto s = Migrate(*db);
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().code, core::ErrorCode::kCorruptData);
  EXPECT_NE(s.error().message.find("newer than this stride knows"), std::string::npos);
}

}  // namespace
}  // namespace stride::store
