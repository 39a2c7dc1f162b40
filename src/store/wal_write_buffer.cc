// SPDX-License-Identifier: MIT
// How the WAL write buffer stays safe (checked against SQLite 3.40's wal.c, os_unix.c and pager.c).
//
// SQLite appends a transaction's frames to the log in order, each as a 24-byte frame header then the page,
// and only after the last one publishes the transaction in the shared wal-index, where other connections
// (and a checkpoint) find it and read the frames back with their own file handles. Between the last frame
// and that publication it makes no call on the log file, so the buffer must reach the file by the end of
// the commit frame, and an error writing it must surface on a call that fails the transaction. Hence:
//   * a commit frame (the one whose header holds a non-zero database size, bytes 4-7:
//     https://www.sqlite.org/fileformat.html#wal_file_format) is written out with its page, in the same
//     call as the frames buffered before it;
//   * a commit header written on its own (SQLite rewriting the checksums of frames it overwrote in place,
//     each header after a read) is written at once, and so is everything after a commit frame (the padding
//     of synchronous=FULL) until the next transaction's first header;
//   * the buffer is written before any write that does not follow on, before every other call on the log
//     (read, sync, truncate, size, lock, file control, close), and when it would pass kCapacity;
//   * the database file's wrapper writes its log's buffer before the connection gives up the WAL write
//     lock, so that frames of a rolled-back transaction are never written after another writer's.
// A process killed with frames still buffered loses a transaction that was never published: what a kill
// in the middle of SQLite's own writes would lose. Files other than the log are not buffered.
#include "store/wal_write_buffer.h"

#include <sqlite3.h>

#include <cstring>
#include <mutex>

namespace stride::store {
namespace {

// Bytes gathered at most before a write: 124 KiB, because SQLite's unix VFS writes at most 128 KiB - 1
// bytes per call (it masks the length with 0x1ffff, and reports a longer write as a full disk).
constexpr int kCapacity = 124 * 1024;
constexpr int kFrameHeaderBytes = 24;    // WAL frame header: page number, database size if commit, salts, checksums

sqlite3_vfs* g_root = nullptr;  // the default VFS this one wraps

// Our file object; the root VFS's own file object follows it in the same allocation (szOsFile).
struct File {
  sqlite3_file base;
  sqlite3_file* real;
  bool is_log;
  bool commit_page_next;  // the last write was a commit frame's header, appended to the buffer
  bool after_commit;      // a commit frame was written: write through until the next transaction's frames
  unsigned char* buffer;  // kCapacity bytes, allocated on the first write of a log
  int buffered;
  sqlite3_int64 buffer_offset;
  File* log;  // for a database file: its open log, whose buffer is written before the WAL write lock goes
  File* database;  // for a log: its database file's wrapper (to unlink `log` on close)
};

File* AsFile(sqlite3_file* f) { return reinterpret_cast<File*>(f); }
sqlite3_file* Real(sqlite3_file* f) { return AsFile(f)->real; }

int Flush(File* f) {
  if (f->buffered == 0) return SQLITE_OK;
  int size = f->buffered;
  f->buffered = 0;
  return f->real->pMethods->xWrite(f->real, f->buffer, size, f->buffer_offset);
}

int Close(sqlite3_file* file) {
  File* f = AsFile(file);
  int rc = Flush(f);
  if (f->database != nullptr && f->database->log == f) f->database->log = nullptr;
  int closed = f->real->pMethods ? f->real->pMethods->xClose(f->real) : SQLITE_OK;
  sqlite3_free(f->buffer);
  f->buffer = nullptr;
  return rc != SQLITE_OK ? rc : closed;
}

int Read(sqlite3_file* file, void* out, int amount, sqlite3_int64 offset) {
  if (int rc = Flush(AsFile(file)); rc != SQLITE_OK) return rc;
  return Real(file)->pMethods->xRead(Real(file), out, amount, offset);
}

int WriteThrough(File* f, const void* data, int amount, sqlite3_int64 offset) {
  return f->real->pMethods->xWrite(f->real, data, amount, offset);
}

int Write(sqlite3_file* file, const void* data, int amount, sqlite3_int64 offset) {
  File* f = AsFile(file);
  if (!f->is_log) return WriteThrough(f, data, amount, offset);
  const auto* bytes = static_cast<const unsigned char*>(data);
  const bool header = amount == kFrameHeaderBytes;
  const bool commit_header = header && (bytes[4] | bytes[5] | bytes[6] | bytes[7]) != 0;
  if (header && !commit_header) f->after_commit = false;  // a new transaction's first frame
  const bool follows = f->buffered > 0 && offset == f->buffer_offset + f->buffered;
  if (f->buffered > 0 && (!follows || f->buffered + amount > kCapacity)) {
    if (int rc = Flush(f); rc != SQLITE_OK) return rc;
  }
  if (commit_header && !follows) f->after_commit = true;  // a lone commit header: checksums rewritten
  if (f->after_commit || amount > kCapacity) return WriteThrough(f, data, amount, offset);
  if (!f->buffer) {
    f->buffer = static_cast<unsigned char*>(sqlite3_malloc(kCapacity));
    if (!f->buffer) return WriteThrough(f, data, amount, offset);
  }
  if (f->buffered == 0) f->buffer_offset = offset;
  std::memcpy(f->buffer + f->buffered, data, static_cast<size_t>(amount));
  f->buffered += amount;
  if (commit_header) {
    f->commit_page_next = true;  // written out with its page, next
    return SQLITE_OK;
  }
  if (!f->commit_page_next) return SQLITE_OK;
  f->commit_page_next = false;
  f->after_commit = true;
  return Flush(f);
}

int Truncate(sqlite3_file* file, sqlite3_int64 size) {
  if (int rc = Flush(AsFile(file)); rc != SQLITE_OK) return rc;
  return Real(file)->pMethods->xTruncate(Real(file), size);
}
int Sync(sqlite3_file* file, int flags) {
  if (int rc = Flush(AsFile(file)); rc != SQLITE_OK) return rc;
  return Real(file)->pMethods->xSync(Real(file), flags);
}
int FileSize(sqlite3_file* file, sqlite3_int64* size) {
  if (int rc = Flush(AsFile(file)); rc != SQLITE_OK) return rc;
  return Real(file)->pMethods->xFileSize(Real(file), size);
}
int Lock(sqlite3_file* file, int level) {
  if (int rc = Flush(AsFile(file)); rc != SQLITE_OK) return rc;
  return Real(file)->pMethods->xLock(Real(file), level);
}
int Unlock(sqlite3_file* file, int level) {
  if (int rc = Flush(AsFile(file)); rc != SQLITE_OK) return rc;
  return Real(file)->pMethods->xUnlock(Real(file), level);
}
int CheckReservedLock(sqlite3_file* file, int* out) {
  if (int rc = Flush(AsFile(file)); rc != SQLITE_OK) return rc;
  return Real(file)->pMethods->xCheckReservedLock(Real(file), out);
}
int FileControl(sqlite3_file* file, int op, void* arg) {
  if (int rc = Flush(AsFile(file)); rc != SQLITE_OK) return rc;
  return Real(file)->pMethods->xFileControl(Real(file), op, arg);
}
int SectorSize(sqlite3_file* file) { return Real(file)->pMethods->xSectorSize(Real(file)); }
int DeviceCharacteristics(sqlite3_file* file) {
  return Real(file)->pMethods->xDeviceCharacteristics(Real(file));
}
int ShmMap(sqlite3_file* file, int region, int size, int extend, void volatile** out) {
  return Real(file)->pMethods->xShmMap(Real(file), region, size, extend, out);
}
int ShmLock(sqlite3_file* file, int offset, int n, int flags) {
  // Slot 0 is the WAL write lock (wal.c's WAL_WRITE_LOCK); when it goes, what the log still buffers can
  // only be frames of a rolled-back transaction, which must not land after another writer's frames.
  constexpr int kWalWriteLockSlot = 0;
  File* f = AsFile(file);
  if (offset == kWalWriteLockSlot && flags == (SQLITE_SHM_UNLOCK | SQLITE_SHM_EXCLUSIVE) && f->log != nullptr) {
    (void)Flush(f->log);  // still under the lock; a failure only loses frames nobody will read
  }
  return Real(file)->pMethods->xShmLock(Real(file), offset, n, flags);
}
void ShmBarrier(sqlite3_file* file) { Real(file)->pMethods->xShmBarrier(Real(file)); }
int ShmUnmap(sqlite3_file* file, int delete_flag) {
  return Real(file)->pMethods->xShmUnmap(Real(file), delete_flag);
}
int Fetch(sqlite3_file* file, sqlite3_int64 offset, int amount, void** out) {
  if (int rc = Flush(AsFile(file)); rc != SQLITE_OK) return rc;
  return Real(file)->pMethods->xFetch(Real(file), offset, amount, out);
}
int Unfetch(sqlite3_file* file, sqlite3_int64 offset, void* page) {
  return Real(file)->pMethods->xUnfetch(Real(file), offset, page);
}

const sqlite3_io_methods kMethods = {
    3,        Close,        Read,    Write,    Truncate,          Sync,       FileSize,
    Lock,     Unlock,       CheckReservedLock, FileControl,       SectorSize, DeviceCharacteristics,
    ShmMap,   ShmLock,      ShmBarrier,        ShmUnmap,          Fetch,      Unfetch,
};

constexpr int RealOffset() { return (static_cast<int>(sizeof(File)) + 7) & ~7; }

int Open(sqlite3_vfs* /*vfs*/, const char* name, sqlite3_file* file, int flags, int* out_flags) {
  File* f = AsFile(file);
  std::memset(f, 0, sizeof(File));
  f->real = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(file) + RealOffset());
  int rc = g_root->xOpen(g_root, name, f->real, flags, out_flags);
  // The root VFS leaves pMethods null when its open fails, and then SQLite must not call ours either.
  if (rc != SQLITE_OK || !f->real->pMethods) return rc;
  // Every method here forwards to the root's; a root older than version 3 (no shared memory) is not wrapped.
  if (f->real->pMethods->iVersion < 3) {
    f->real->pMethods->xClose(f->real);
    return SQLITE_CANTOPEN;
  }
  f->is_log = (flags & SQLITE_OPEN_WAL) != 0;
  f->base.pMethods = &kMethods;
  if (f->is_log) {
    // The database file of this log, opened through this VFS too (the same connection opened it).
    sqlite3_file* database = sqlite3_database_file_object(name);
    if (database != nullptr && database->pMethods == &kMethods) {
      f->database = AsFile(database);
      f->database->log = f;
    }
  }
  return SQLITE_OK;
}

sqlite3_vfs g_vfs;

}  // namespace

const char* WalWriteBufferVfs() {
  static std::once_flag once;
  static bool registered = false;
  std::call_once(once, [] {
    g_root = sqlite3_vfs_find(nullptr);
    if (!g_root || g_root->iVersion < 1) return;
    g_vfs = *g_root;  // forwards every VFS method but opening files to the default VFS
    g_vfs.pNext = nullptr;
    g_vfs.szOsFile = RealOffset() + g_root->szOsFile;
    g_vfs.zName = "stride-wal-buffer";
    g_vfs.xOpen = Open;
    registered = sqlite3_vfs_register(&g_vfs, 0) == SQLITE_OK;
  });
  return registered ? g_vfs.zName : nullptr;
}

}  // namespace stride::store
