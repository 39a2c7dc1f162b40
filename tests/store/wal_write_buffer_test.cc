// SPDX-License-Identifier: MIT
// The WAL write buffer (store/wal_write_buffer.h) that every Database opens through, and the background
// checkpointer's log restarts: commits reach the file before anyone can see them, transactions of any
// size commit, and a long bulk write keeps its log bounded.
#include "store/wal_write_buffer.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "store/database.h"
#include "testing/status_matchers.h"

namespace stride::store {
namespace {

namespace fs = std::filesystem;

fs::path FreshDatabasePath(const std::string& name) {
  auto dir = fs::temp_directory_path() / ("stride_wal_buffer_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path path = dir / name;
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
  return path;
}

std::vector<uint8_t> Pattern(size_t size, int seed) {
  std::vector<uint8_t> bytes(size);
  for (size_t i = 0; i < size; ++i) bytes[i] = static_cast<uint8_t>((i * 131 + static_cast<size_t>(seed) * 7) % 251);
  return bytes;
}

Status InsertBlob(Database& db, int64_t id, const std::vector<uint8_t>& blob) {
  auto insert = db.Prepare("INSERT INTO blob (id, data) VALUES (?1, ?2)");
  if (!insert) return Fail(insert.error());
  return insert->Bind(1, id).BindBlob(2, blob.data(), blob.size()).Run();
}

Result<std::vector<uint8_t>> ReadBlob(Database& db, int64_t id) {
  auto select = db.Prepare("SELECT data FROM blob WHERE id = ?1");
  if (!select) return Fail(select.error());
  select->Bind(1, id);
  auto row = select->Step();
  if (!row) return Fail(row.error());
  if (!*row) return Fail(core::ErrorCode::kNotFound, "no row", "blob");
  return select->ColumnBlob(0);
}

// A raw database (no migrations) with one table of blobs.
Result<Database> OpenWithBlobTable(const fs::path& path) {
  auto db = Database::OpenRaw(path);
  if (!db) return db;
  if (auto s = db->Exec("CREATE TABLE IF NOT EXISTS blob (id INTEGER PRIMARY KEY, data BLOB NOT NULL)"); !s) {
    return Fail(s.error());
  }
  return db;
}

std::string IntegrityCheck(Database& db) {
  auto check = db.Prepare("PRAGMA integrity_check");
  if (!check) return check.error().ToString();
  auto row = check->Step();
  return row && *row ? check->ColumnText(0) : std::string("no result");
}

TEST(WalWriteBufferTest, IsRegisteredUnderItsOwnName) {
  const char* name = WalWriteBufferVfs();
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(name, WalWriteBufferVfs());  // registered once
  EXPECT_STRNE(name, "unix");
}

// The unix VFS writes at most 128 KiB - 1 per call and calls a longer write a full disk, so the buffer
// must flush before it grows that far: a 3 MiB transaction (~750 frames) would fail otherwise.
TEST(WalWriteBufferTest, ATransactionMuchLargerThanTheBufferCommits) {
  const fs::path path = FreshDatabasePath("large.db");
  auto db = OpenWithBlobTable(path);
  ASSERT_OK(db);
  {
    auto tx = Transaction::Begin(*db);
    ASSERT_OK(tx);
    for (int i = 0; i < 3; ++i) ASSERT_OK(InsertBlob(*db, i, Pattern(1 << 20, i)));
    ASSERT_OK(tx->Commit());
  }
  auto reader = Database::OpenRaw(path);
  ASSERT_OK(reader);
  for (int i = 0; i < 3; ++i) {
    auto blob = ReadBlob(*reader, i);
    ASSERT_OK(blob);
    EXPECT_EQ(*blob, Pattern(1 << 20, i)) << "blob " << i;
  }
}

// Another connection reads the log through its own file handle, so each commit's frames must be in the
// file by the time Commit() returns: the log on disk then holds every frame (header + page) committed.
TEST(WalWriteBufferTest, EveryCommitIsInTheFileWhenCommitReturns) {
  const fs::path path = FreshDatabasePath("visible.db");
  auto writer = OpenWithBlobTable(path);
  ASSERT_OK(writer);
  ASSERT_OK(writer->Exec("PRAGMA wal_autocheckpoint=0"));
  auto reader = Database::OpenRaw(path);
  ASSERT_OK(reader);
  auto page_size = writer->Prepare("PRAGMA page_size");
  ASSERT_OK(page_size);
  ASSERT_TRUE(*page_size->Step());
  const uint64_t frame_bytes = 24 + static_cast<uint64_t>(page_size->ColumnInt(0));
  const fs::path wal = path.string() + "-wal";
  for (int i = 0; i < 40; ++i) {
    const std::vector<uint8_t> blob = Pattern(static_cast<size_t>(100 + i * 997), i);
    auto tx = Transaction::Begin(*writer);
    ASSERT_OK(tx);
    ASSERT_OK(InsertBlob(*writer, i, blob));
    ASSERT_OK(tx->Commit());
    // The log is a 32-byte header and whole frames: a buffered tail would leave it short of a frame.
    const uint64_t size = fs::file_size(wal);
    EXPECT_EQ((size - 32) % frame_bytes, 0u) << "after commit " << i << ": " << size << " bytes";
    auto seen = ReadBlob(*reader, i);
    ASSERT_OK(seen);
    EXPECT_EQ(*seen, blob) << "commit " << i;
  }
}

// A rolled-back transaction leaves nothing behind, and the next commit is whole.
TEST(WalWriteBufferTest, RollbackThenCommitKeepsOnlyTheCommit) {
  const fs::path path = FreshDatabasePath("rollback.db");
  auto db = OpenWithBlobTable(path);
  ASSERT_OK(db);
  {
    auto tx = Transaction::Begin(*db);
    ASSERT_OK(tx);
    ASSERT_OK(InsertBlob(*db, 1, Pattern(300000, 1)));  // spills pages to the log before the rollback
  }
  {
    auto tx = Transaction::Begin(*db);
    ASSERT_OK(tx);
    ASSERT_OK(InsertBlob(*db, 2, Pattern(5000, 2)));
    ASSERT_OK(tx->Commit());
  }
  auto reader = Database::OpenRaw(path);
  ASSERT_OK(reader);
  EXPECT_FALSE(ReadBlob(*reader, 1));
  auto kept = ReadBlob(*reader, 2);
  ASSERT_OK(kept);
  EXPECT_EQ(*kept, Pattern(5000, 2));
  EXPECT_EQ(IntegrityCheck(*reader), "ok");
}

// A transaction too large for the page cache spills pages to the log, then changes some of them again:
// SQLite overwrites those frames in place and, at commit, rewrites the checksums of every frame from the
// first overwritten one, each header after a read, the commit frame's header last. That header must reach
// the file before the commit returns: a child process commits such a transaction and exits at once
// without closing anything (as if killed), and the parent must find the transaction whole. (Two rules
// keep it: a lone commit header is written at once, and the log is written before the WAL write lock is
// released; with neither, this transaction was lost.)
TEST(WalWriteBufferTest, ACommitWhoseChecksumsAreRewrittenSurvivesAKillRightAfter) {
  const fs::path path = FreshDatabasePath("rechecksum.db");
  ASSERT_OK(OpenWithBlobTable(path));
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    auto db = Database::OpenRaw(path);
    bool ok = db && db->Exec("PRAGMA cache_size=8; BEGIN IMMEDIATE");
    for (int64_t id = 0; ok && id < 200; ++id) ok = static_cast<bool>(InsertBlob(*db, id, Pattern(2000, 1)));
    ok = ok && db->Exec("UPDATE blob SET data = zeroblob(2000) WHERE id % 3 = 0; "
                        "UPDATE blob SET data = zeroblob(1999) WHERE id % 3 = 0; COMMIT");
    std::_Exit(ok ? 0 : 1);  // no destructors, no close: the process just ends
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  ASSERT_EQ(WEXITSTATUS(status), 0) << "the child's transaction failed";
  auto db = Database::OpenRaw(path);
  ASSERT_OK(db);
  auto rows = db->Prepare("SELECT count(*), sum(length(data) = 1999) FROM blob");
  ASSERT_OK(rows);
  ASSERT_TRUE(*rows->Step());
  EXPECT_EQ(rows->ColumnInt(0), 200);
  EXPECT_EQ(rows->ColumnInt(1), 67);
  EXPECT_EQ(IntegrityCheck(*db), "ok");
}

// Without the writer's own checkpoint after a background one, the log of a writer that never pauses is
// never wholly copied, so never restarted: it grew by every commit (8x the database in an import).
TEST(BackgroundCheckpointerTest, KeepsTheLogOfANonStopWriterBounded) {
  const fs::path path = FreshDatabasePath("restart.db");
  auto db = OpenWithBlobTable(path);
  ASSERT_OK(db);
  const fs::path wal = path.string() + "-wal";
  constexpr uint64_t kLogBound = 40ull << 20;  // 5 times the restart point of 8 MiB
  uint64_t written = 0;
  {
    BackgroundCheckpointer checkpointer(*db, std::chrono::milliseconds(20));
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    // 64 MiB of blobs: ~1.5x that in frames (overflow pages, leaves, page 1), all of it in an unrestarted log.
    for (int64_t id = 0; written < (64ull << 20) && std::chrono::steady_clock::now() < deadline; ++id) {
      const std::vector<uint8_t> blob = Pattern(16 * 1024, static_cast<int>(id));
      auto tx = Transaction::Begin(*db);
      ASSERT_OK(tx);
      ASSERT_OK(InsertBlob(*db, id, blob));
      ASSERT_OK(tx->Commit());
      written += blob.size();
    }
    EXPECT_GE(written, 64ull << 20) << "the writer did not finish in time";
    EXPECT_LT(fs::file_size(wal), kLogBound);
  }
  auto count = db->Prepare("SELECT count(*), sum(length(data)) FROM blob");
  ASSERT_OK(count);
  ASSERT_TRUE(*count->Step());
  EXPECT_EQ(static_cast<uint64_t>(count->ColumnInt(1)), written);
}

}  // namespace
}  // namespace stride::store
