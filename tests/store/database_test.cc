// SPDX-License-Identifier: MIT
#include "store/database.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "testing/status_matchers.h"

namespace stride::store {
namespace {

std::filesystem::path TempPath(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("stride_store_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return dir / name;
}

TEST(DatabaseTest, CreatesFileAndFolderWithWal) {
  auto path = TempPath("nested/deeper/stride.db");
  std::filesystem::remove_all(path.parent_path());
  auto db = Database::Open(path);
  ASSERT_OK(db);
  EXPECT_TRUE(std::filesystem::exists(path));
  auto mode = db->Prepare("PRAGMA journal_mode");
  ASSERT_OK(mode);
  ASSERT_TRUE(*mode->Step());
  EXPECT_EQ(mode->ColumnText(0), "wal");
  auto fk = db->Prepare("PRAGMA foreign_keys");
  ASSERT_TRUE(*fk->Step());
  EXPECT_EQ(fk->ColumnInt(0), 1);
}

TEST(DatabaseTest, TransactionRollsBackUnlessCommitted) {
  auto db = Database::Open(":memory:");
  ASSERT_OK(db);
  ASSERT_OK(db->Exec("CREATE TABLE t (x INTEGER)"));
  {
    auto tx = Transaction::Begin(*db);
    ASSERT_OK(tx);
    ASSERT_OK(db->Exec("INSERT INTO t VALUES (1)"));
  }  // destroyed without Commit
  {
    auto tx = Transaction::Begin(*db);
    ASSERT_OK(db->Exec("INSERT INTO t VALUES (2)"));
    ASSERT_OK(tx->Commit());
  }
  auto count = db->Prepare("SELECT group_concat(x) FROM t");
  ASSERT_TRUE(*count->Step());
  EXPECT_EQ(count->ColumnText(0), "2");
}

TEST(DatabaseTest, ErrorsCarrySqliteMessages) {
  auto db = Database::Open(":memory:");
  ASSERT_OK(db);
  auto bad = db->Prepare("SELEKT 1");
  ASSERT_FALSE(bad.has_value());
  EXPECT_NE(bad.error().message.find("syntax error"), std::string::npos);
  ASSERT_OK(db->Exec("CREATE TABLE u (x INTEGER UNIQUE)"));
  ASSERT_OK(db->Exec("INSERT INTO u VALUES (1)"));
  auto dup = db->Exec("INSERT INTO u VALUES (1)");
  ASSERT_FALSE(dup.has_value());
  EXPECT_EQ(dup.error().code, core::ErrorCode::kConflict);
}

TEST(DatabaseTest, RefusesAFileThatIsNotADatabase) {
  auto path = TempPath("garbage.db");
  std::ofstream(path) << "this is not sqlite, just text that is long enough to look like a header.........";
  auto db = Database::Open(path);
  ASSERT_FALSE(db.has_value());
  EXPECT_EQ(db.error().code, core::ErrorCode::kCorruptData);
  EXPECT_EQ(db.error().where, path.string());
}

TEST(DatabaseTest, RefusesAForeignSqliteDatabase) {
  auto path = TempPath("foreign.db");
  std::filesystem::remove(path);
  {
    auto raw = Database::OpenRaw(path);
    ASSERT_OK(raw);
    ASSERT_OK(raw->Exec("CREATE TABLE photos (id INTEGER)"));
  }
  auto db = Database::Open(path);
  ASSERT_FALSE(db.has_value());
  EXPECT_EQ(db.error().code, core::ErrorCode::kCorruptData);
  EXPECT_NE(db.error().message.find("not a Stride database"), std::string::npos);
}

}  // namespace
}  // namespace stride::store
