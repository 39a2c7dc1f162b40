// SPDX-License-Identifier: MIT
// Use cases over activity files: inspect (decode without storing) and import (store, idempotently).
// Files, folders, .gz and export .zip archives are walked entry by entry; one broken file never stops
// the rest, and each file is stored in its own transaction. Import is pipelined: a reading thread walks,
// inflates and hashes files while the calling thread decodes and stores the ones before.
#ifndef STRIDE_APP_IMPORT_H_
#define STRIDE_APP_IMPORT_H_

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/activity.h"
#include "core/result.h"
#include "formats/archive/activity_source.h"

namespace stride::store {
class Database;
}

namespace stride::app {

struct ImportProgress {
  uint64_t files_done = 0;
  uint64_t files_total = 0;  // 0 when unknown
  uint64_t bytes_done = 0;   // input bytes consumed
  uint64_t bytes_total = 0;  // 0 when unknown
  std::string current;
};

struct ImportOptions {
  bool salvage = false;
  archive::SourceLimits limits;
  /// Called after each file, on the calling thread; may be empty.
  std::function<void(const ImportProgress&)> on_progress;
  /// Files read ahead of the one being stored, on a second thread, which also decodes and encodes some of
  /// them (memory: at most this many walked files, or bytes_in_flight of them, with their encoded samples,
  /// besides the one being stored). 0 reads, decodes and stores each file in turn on the calling thread.
  /// Results and their order are the same either way. The default lets the reading thread work on through
  /// the storing thread's checkpoint pauses (docs/benchmarks.md, "Importing an export archive").
  size_t files_in_flight = 256;
  size_t bytes_in_flight = 64 * 1024 * 1024;
  /// The reading thread decodes queued files only while at least this many wait for the storing thread.
  size_t reader_helps_after = 8;
};

struct ImportedActivity {
  std::string file;
  int64_t id = 0;
  core::Activity summary;  // without samples
};

struct ImportFailure {
  std::string file;
  core::Error error;
};

struct ImportReport {
  std::vector<ImportedActivity> imported;
  std::vector<std::string> duplicates;
  std::vector<ImportFailure> failed;
  std::vector<std::string> skipped;  // not activities (e.g. monitoring files), with the reason
  uint64_t input_bytes = 0;
  uint64_t files = 0;
};

/// Imports every activity file under `paths`, in walk order. Fails only on a database error that stops
/// everything (files stored before it stay stored); problems with single files are listed in the report.
/// Each file is one transaction: an import killed part-way keeps every file finished before.
Result<ImportReport> ImportPaths(store::Database& db, const std::vector<std::filesystem::path>& paths,
                                 const ImportOptions& options);

struct InspectedFile {
  std::string file;
  std::optional<core::Error> error;
  std::vector<core::Activity> activities;  // usually one; a multi-activity TCX holds several
  std::vector<core::Diagnostic> warnings;
};

/// Decodes every activity file under `paths` without storing anything.
std::vector<InspectedFile> InspectPaths(const std::vector<std::filesystem::path>& paths, bool salvage,
                                        const archive::SourceLimits& limits);

}  // namespace stride::app

#endif  // STRIDE_APP_IMPORT_H_
