// SPDX-License-Identifier: MIT
// A thin RAII wrapper over SQLite's C API. Every SQLite failure becomes an Error carrying
// sqlite3_errmsg; no sqlite3 handle leaves store/. Not thread-safe: one Database per thread.
#ifndef STRIDE_STORE_DATABASE_H_
#define STRIDE_STORE_DATABASE_H_

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace stride::store {

class Database;

/// A prepared statement. Bind parameters are 1-based. Owned by the caller; must not outlive its Database.
class Statement {
 public:
  Statement(Statement&&) noexcept;
  Statement& operator=(Statement&&) noexcept;
  ~Statement();

  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, int value) { return Bind(index, static_cast<int64_t>(value)); }
  Statement& Bind(int index, double value);
  Statement& Bind(int index, std::string_view text);
  Statement& BindBlob(int index, const void* data, size_t size);
  Statement& BindNull(int index);
  template <class T>
  Statement& Bind(int index, const std::optional<T>& value) {
    return value ? Bind(index, *value) : BindNull(index);
  }

  /// Advances to the next row: true when a row is ready, false when done. Fails with kIoError or kConflict
  /// (constraint violations).
  Result<bool> Step();
  /// Runs a statement that returns no rows.
  Status Run();
  /// Resets for re-use with new bindings.
  void Reset();

  bool IsNull(int column) const;
  int64_t ColumnInt(int column) const;
  double ColumnDouble(int column) const;
  std::string ColumnText(int column) const;
  std::vector<uint8_t> ColumnBlob(int column) const;
  std::optional<int64_t> ColumnOptionalInt(int column) const;
  std::optional<double> ColumnOptionalDouble(int column) const;

 private:
  friend class Database;
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  int bind_error_ = 0;
};

/// An open SQLite database with WAL journaling and foreign keys on.
class Database {
 public:
  /// Opens (creating the file and its folder as needed) and migrates the database at `path`.
  /// ":memory:" opens a private in-memory database. Fails with kIoError when the file cannot be
  /// opened, kCorruptData when it is not a Stride database or is newer than this binary.
  static Result<Database> Open(const std::filesystem::path& path);
  /// Opens without migrating (for migration tests).
  static Result<Database> OpenRaw(const std::filesystem::path& path);

  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;
  ~Database();

  /// Runs one or more statements without results.
  Status Exec(std::string_view sql);
  /// Prepares one statement. Fails with kInternal for invalid SQL (a bug).
  Result<Statement> Prepare(std::string_view sql);
  int64_t LastInsertId() const;
  int Changes() const;
  const std::filesystem::path& path() const { return path_; }

 private:
  friend class BackgroundCheckpointer;
  Database(sqlite3* db, std::filesystem::path path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_ = nullptr;
  std::filesystem::path path_;
};

/// RAII transaction: BEGIN IMMEDIATE on construction, ROLLBACK on destruction unless Commit() ran.
/// Each user action runs in exactly one Transaction, so a failure leaves the database as it was.
class Transaction {
 public:
  static Result<Transaction> Begin(Database& db);
  Transaction(Transaction&&) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();
  Status Commit();

 private:
  explicit Transaction(Database* db) : db_(db) {}
  Database* db_ = nullptr;
};

/// For a bulk write such as an import: while alive, the write-ahead log is copied into the database file
/// (checkpointed) every `interval` by a thread of its own, on a second connection, instead of by the
/// writing connection itself every 1,000 pages. The writer then never waits for a checkpoint's copying and
/// its two disk syncs (~3 ms each on the project's VMs), and the log stays small, so that closing the
/// database has little left to copy. Checkpoints are PASSIVE: they never block the writer. Once the log
/// holds 8 MiB, the writer checkpoints the little a background checkpoint left, right after a commit, so
/// that SQLite can restart the log (docs/storage.md). Every commit stays atomic and survives a killed
/// process as before. Best effort: when the second connection cannot be opened (or for ":memory:"), the
/// writer checkpoints as usual. On destruction the thread stops and the writer's default (1,000 pages) is
/// restored. REQUIRES: `db` outlives the scope; `db` is used on one thread at a time.
class BackgroundCheckpointer {
 public:
  BackgroundCheckpointer(Database& db, std::chrono::milliseconds interval);
  BackgroundCheckpointer(const BackgroundCheckpointer&) = delete;
  BackgroundCheckpointer& operator=(const BackgroundCheckpointer&) = delete;
  ~BackgroundCheckpointer();

 private:
  struct State;
  Database* db_;
  std::unique_ptr<State> state_;
};

}  // namespace stride::store

#endif  // STRIDE_STORE_DATABASE_H_
