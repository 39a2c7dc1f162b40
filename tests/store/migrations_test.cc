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
