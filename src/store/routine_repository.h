// SPDX-License-Identifier: MIT
// Stores custom routines (`stride routine add`): the TOML text as the user gave it, its file name, and how
// the runner pinned it (days, injury, join or replace). Parsing is app/'s job, so the catalogue stays the
// source of truth: a stored routine is re-read with care::ParseCustomRoutine each time it is loaded.
#ifndef STRIDE_STORE_ROUTINE_REPOSITORY_H_
#define STRIDE_STORE_ROUTINE_REPOSITORY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace stride::store {

class Database;

/// One row of table custom_routine.
struct StoredRoutine {
  std::string name;        // the routine id from the file; unique
  std::string file_name;   // the file it came from, for messages (no folder)
  std::string toml_text;   // the file's text, unchanged
  std::optional<int64_t> injury_id;  // pinned to this injury (table injury), if any
  bool replace = false;    // true: replaces the day's built-in routine ("replace"); false: joins it ("join")
  std::vector<core::Weekday> days;  // pinned weekdays, sorted; empty when not pinned to days
};

/// Inserts `routine`, or overwrites the row with the same name. Runs inside the caller's transaction.
/// Fails with kConflict when injury_id names no stored injury (foreign key), kIoError otherwise.
Status SaveCustomRoutine(Database& db, const StoredRoutine& routine);

/// The routine called `name`; nullopt when none is stored. Fails with kIoError, or kCorruptData when
/// a stored value (mode, day) is unknown to this binary.
Result<std::optional<StoredRoutine>> LoadCustomRoutine(Database& db, std::string_view name);

/// Every stored routine, ordered by name.
Result<std::vector<StoredRoutine>> ListCustomRoutines(Database& db);

/// Deletes the routine called `name`; returns false when there was none.
Result<bool> DeleteCustomRoutine(Database& db, std::string_view name);

}  // namespace stride::store

#endif  // STRIDE_STORE_ROUTINE_REPOSITORY_H_
