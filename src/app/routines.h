// SPDX-License-Identifier: MIT
// Use cases for routines as a user sees them (`stride routine ...`): the built-in catalogue routines plus
// custom ones (a physio's TOML file), listed, shown with every step resolved, added and removed.
// Custom routines are stored as text and re-parsed against the built-in catalogue on every load.
#ifndef STRIDE_APP_ROUTINES_H_
#define STRIDE_APP_ROUTINES_H_

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "care/catalogue.h"
#include "core/date.h"
#include "core/result.h"

namespace stride::store {
class Database;
}

namespace stride::app {

/// How a custom routine was pinned by the runner; all empty/false for built-in routines.
struct RoutinePinning {
  std::vector<core::Weekday> days;   // sorted, unique; empty: not pinned to days
  std::optional<int64_t> injury_id;  // pinned to this injury
  bool replace = false;              // replaces the day's built-in routine instead of joining it
};

/// One line of `stride routine list`.
struct RoutineSummary {
  std::string id;
  std::string name;
  care::RoutinePhase phase = care::RoutinePhase::kAny;
  bool custom = false;
  size_t step_count = 0;
  std::vector<care::ItemKind> kinds;  // distinct item kinds, in step order
  RoutinePinning pinning;
};

/// One step with its exercise resolved and its effective dose (the step's override, else the default).
struct ResolvedStep {
  care::Exercise exercise;
  care::Dose dose;
  std::string easier_name;  // name of the easier variant; empty when none
  std::string harder_name;  // name of the harder variant; empty when none
};

/// A routine ready to show or print.
struct RoutineDetail {
  care::Routine routine;
  bool custom = false;
  std::string file_name;  // custom routines: the file it was added from
  RoutinePinning pinning;
  std::vector<ResolvedStep> steps;
};

/// Built-in routines in catalogue order, then custom ones by name. Fails with kIoError, or kCorruptData
/// when a stored routine no longer parses against the catalogue (where = its file name and line).
Result<std::vector<RoutineSummary>> ListRoutines(store::Database& db);

/// The routine with id `name`, built-in or custom. Fails with kNotFound (the message suggests the
/// nearest known id when one is close), kIoError or kCorruptData as ListRoutines.
Result<RoutineDetail> GetRoutine(store::Database& db, std::string_view name);

struct AddRoutineRequest {
  std::filesystem::path path;  // the TOML file, as the user named it
  RoutinePinning pinning;
  bool force = false;  // overwrite a custom routine with the same id
};

/// Reads, parses (care::ParseCustomRoutine) and stores a custom routine in one transaction, returning it.
/// Fails with kNotFound when the file is missing or unreadable, or injury_id names no injury;
/// kCorruptData for a bad file (where = "path:line"); kConflict when the id is a built-in routine's, or a
/// custom routine's and !force. Nothing is written on failure.
Result<RoutineDetail> AddRoutine(store::Database& db, const AddRoutineRequest& request);

/// Deletes a custom routine. Fails with kNotFound when none has that id (with a suggestion), and
/// kInvalidArgument for a built-in routine's id.
Status RemoveRoutine(store::Database& db, std::string_view name);

/// The nearest of `names` to `word` by edit distance, when close enough to be a likely typo; else empty.
std::string NearestName(std::string_view word, const std::vector<std::string>& names);

}  // namespace stride::app

#endif  // STRIDE_APP_ROUTINES_H_
