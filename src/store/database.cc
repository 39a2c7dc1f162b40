// SPDX-License-Identifier: MIT
#include "store/database.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <system_error>
#include <thread>

#include "store/migrations.h"
#include "store/wal_write_buffer.h"

namespace stride::store {
namespace {

using core::ErrorCode;

tl::unexpected<core::Error> SqliteError(sqlite3* db, int rc, std::string_view what) {
  ErrorCode code = ErrorCode::kIoError;
  int primary = rc & 0xFF;
  if (primary == SQLITE_CONSTRAINT) code = ErrorCode::kConflict;
  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) code = ErrorCode::kCorruptData;
  std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  return Fail(code, fmt::format("{}: {}", what, message), "database");
}

}  // namespace

// --- Statement ---

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(other.stmt_), bind_error_(other.bind_error_) {
  other.stmt_ = nullptr;
}
Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    db_ = other.db_;
    stmt_ = other.stmt_;
    bind_error_ = other.bind_error_;
    other.stmt_ = nullptr;
  }
  return *this;
}
Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::Bind(int index, int64_t value) {
  if (int rc = sqlite3_bind_int64(stmt_, index, value)) bind_error_ = rc;
  return *this;
}
Statement& Statement::Bind(int index, double value) {
  if (int rc = sqlite3_bind_double(stmt_, index, value)) bind_error_ = rc;
  return *this;
}
Statement& Statement::Bind(int index, std::string_view text) {
  // An empty view may have a null data(), which SQLite would bind as NULL: bind "" instead.
  if (int rc = sqlite3_bind_text(stmt_, index, text.data() ? text.data() : "", static_cast<int>(text.size()), SQLITE_TRANSIENT)) {
    bind_error_ = rc;
  }
  return *this;
}
Statement& Statement::BindBlob(int index, const void* data, size_t size) {
  if (int rc = sqlite3_bind_blob64(stmt_, index, data, size, SQLITE_TRANSIENT)) bind_error_ = rc;
  return *this;
}
Statement& Statement::BindNull(int index) {
  if (int rc = sqlite3_bind_null(stmt_, index)) bind_error_ = rc;
  return *this;
}

Result<bool> Statement::Step() {
  if (bind_error_) return SqliteError(db_, bind_error_, "bind");
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return SqliteError(db_, rc, "step");
}

Status Statement::Run() {
  auto r = Step();
  if (!r) return Fail(r.error());
  return Ok();
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_error_ = 0;
}

bool Statement::IsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
int64_t Statement::ColumnInt(int column) const { return sqlite3_column_int64(stmt_, column); }
double Statement::ColumnDouble(int column) const { return sqlite3_column_double(stmt_, column); }
std::string Statement::ColumnText(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  return text ? std::string(reinterpret_cast<const char*>(text), static_cast<size_t>(sqlite3_column_bytes(stmt_, column)))
              : std::string();
}
std::vector<uint8_t> Statement::ColumnBlob(int column) const {
  const auto* data = static_cast<const uint8_t*>(sqlite3_column_blob(stmt_, column));
  int size = sqlite3_column_bytes(stmt_, column);
  return data ? std::vector<uint8_t>(data, data + size) : std::vector<uint8_t>();
}
std::optional<int64_t> Statement::ColumnOptionalInt(int column) const {
  if (IsNull(column)) return std::nullopt;
  return ColumnInt(column);
}
std::optional<double> Statement::ColumnOptionalDouble(int column) const {
  if (IsNull(column)) return std::nullopt;
  return ColumnDouble(column);
}

// --- Database ---

Result<Database> Database::OpenRaw(const std::filesystem::path& path) {
  if (path != ":memory:" && path.has_parent_path()) {
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    if (ec) {
      return Fail(ErrorCode::kIoError, fmt::format("cannot create folder {}: {}", path.parent_path().string(), ec.message()),
                  path.string());
    }
  }
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                           WalWriteBufferVfs());
  Database db(raw, path);
  if (rc != SQLITE_OK) {
    return Fail(ErrorCode::kIoError, fmt::format("cannot open database: {}", raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)),
                path.string());
  }
  sqlite3_busy_timeout(raw, 5000);
  sqlite3_extended_result_codes(raw, 1);
  // WAL for crash safety and concurrent readers (the dashboard reads while the CLI writes).
  if (path != ":memory:") {
    auto wal = db.Exec("PRAGMA journal_mode=WAL");
    if (!wal) {
      return Fail(wal.error().code == ErrorCode::kCorruptData ? ErrorCode::kCorruptData : ErrorCode::kIoError,
                  "not a Stride database (or unreadable): " + wal.error().message, path.string());
    }
  }
  if (auto s = db.Exec("PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL"); !s) return Fail(s.error());
  return db;
}

Result<Database> Database::Open(const std::filesystem::path& path) {
  auto db = OpenRaw(path);
  if (!db) return db;
  if (auto s = Migrate(*db); !s) {
    core::Error e = s.error();
    if (e.where.empty() || e.where == "database") e.where = path.string();
    return Fail(std::move(e));
  }
  return db;
}

Database::Database(Database&& other) noexcept : db_(other.db_), path_(std::move(other.path_)) { other.db_ = nullptr; }
Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    sqlite3_close_v2(db_);
    db_ = other.db_;
    path_ = std::move(other.path_);
    other.db_ = nullptr;
  }
  return *this;
}
Database::~Database() { sqlite3_close_v2(db_); }

Status Database::Exec(std::string_view sql) {
  std::string text(sql);
  char* err = nullptr;
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string message = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    ErrorCode code = (rc & 0xFF) == SQLITE_NOTADB || (rc & 0xFF) == SQLITE_CORRUPT ? ErrorCode::kCorruptData
                     : (rc & 0xFF) == SQLITE_CONSTRAINT                              ? ErrorCode::kConflict
                                                                                     : ErrorCode::kIoError;
    return Fail(code, message, "database");
  }
  return Ok();
}

Result<Statement> Database::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) {
    auto e = SqliteError(db_, rc, "prepare");
    if ((rc & 0xFF) == SQLITE_ERROR) e.value().code = ErrorCode::kInternal;
    return e;
  }
  return Statement(db_, stmt);
}

int64_t Database::LastInsertId() const { return sqlite3_last_insert_rowid(db_); }
int Database::Changes() const { return sqlite3_changes(db_); }

// --- Transaction ---

Result<Transaction> Transaction::Begin(Database& db) {
  if (auto s = db.Exec("BEGIN IMMEDIATE"); !s) return Fail(s.error());
  return Transaction(&db);
}
Transaction::Transaction(Transaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
Transaction::~Transaction() {
  if (db_) (void)db_->Exec("ROLLBACK");
}
Status Transaction::Commit() {
  if (!db_) return Fail(core::ErrorCode::kInternal, "transaction already finished");
  auto s = db_->Exec("COMMIT");
  if (s) db_ = nullptr;
  return s;
}

namespace {
constexpr int kDefaultWalCheckpointPages = 1000;  // SQLite's SQLITE_DEFAULT_WAL_AUTOCHECKPOINT
}  // namespace

// A background checkpoint copies the log into the database while the writer goes on; but the writer keeps
// appending, so the log is never wholly copied when the writer starts its next transaction, the one moment
// SQLite can restart the log from its beginning. Without more, an import's log grew to 8 times the
// database (160 MB for 3,000 runs): all of it new page cache to fill, sync and finally delete. So once the
// log holds kRestartFrames, the writer itself, right after a commit (SQLite's WAL hook) and only when a
// background checkpoint has finished since its last try, checkpoints what that one left (the frames
// committed while it ran: a few milliseconds of copying and two syncs). Its next transaction then restarts
// the log, which stays at a few MB rewritten in place.
struct BackgroundCheckpointer::State {
  static constexpr int kRestartFrames = 2048;  // 8 MiB of 4 KiB pages

  Database checkpointer;
  std::chrono::milliseconds interval;
  std::mutex mutex;
  std::condition_variable wake;
  bool stop = false;
  std::thread thread;
  std::atomic<bool> fresh{false};  // a background checkpoint finished since the writer's last try

  void Run() {
    std::unique_lock lock(mutex);
    while (!wake.wait_for(lock, interval, [this] { return stop; })) {
      lock.unlock();
      if (sqlite3_wal_checkpoint_v2(checkpointer.db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr) ==
          SQLITE_OK) {
        fresh.store(true);
      }
      lock.lock();
    }
  }

  // The writer's WAL hook, after each commit; `frames` is the log's length.
  static int AfterCommit(void* self, sqlite3* writer, const char* /*schema*/, int frames) {
    auto* state = static_cast<State*>(self);
    if (frames < kRestartFrames || !state->fresh.exchange(false)) return SQLITE_OK;
    // Busy (the background thread is checkpointing again) or failed: the log grows until the next try.
    (void)sqlite3_wal_checkpoint_v2(writer, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    return SQLITE_OK;
  }
};

BackgroundCheckpointer::BackgroundCheckpointer(Database& db, std::chrono::milliseconds interval) : db_(&db) {
  if (db.path().empty() || db.path() == ":memory:") return;
  auto second = Database::OpenRaw(db.path());
  if (!second) return;
  if (!db.Exec("PRAGMA wal_autocheckpoint=0")) return;
  state_.reset(new State{std::move(*second), interval, {}, {}, false, {}, {}});
  sqlite3_wal_hook(db.db_, &State::AfterCommit, state_.get());
  state_->thread = std::thread([state = state_.get()] { state->Run(); });
}

BackgroundCheckpointer::~BackgroundCheckpointer() {
  if (!state_) return;
  {
    std::lock_guard lock(state_->mutex);
    state_->stop = true;
  }
  state_->wake.notify_one();
  state_->thread.join();
  // Restores SQLite's own checkpoints on the writer (this replaces the hook above with SQLite's).
  (void)db_->Exec(fmt::format("PRAGMA wal_autocheckpoint={}", kDefaultWalCheckpointPages));
}

}  // namespace stride::store
