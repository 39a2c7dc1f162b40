// SPDX-License-Identifier: MIT
// Stores injuries, their daily pain logs (tables injury and pain_log, schema v4) and which custom routines
// are pinned to an injury (table custom_routine). Rows hold the persisted names ("it-band", "left", "pass");
// app/ turns them into care::Injury values, so store/ needs only core.
#ifndef STRIDE_STORE_INJURY_REPOSITORY_H_
#define STRIDE_STORE_INJURY_REPOSITORY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace stride::store {

class Database;

/// One row of table injury. `site`, `side`, `onset` hold care's persisted names.
struct InjuryRow {
  int64_t id = 0;  // set by InsertInjury
  std::string site;
  std::optional<std::string> side;  // "left" or "right"
  core::Date onset_date;
  int pain = 0;
  std::optional<int> pain_at_rest;
  bool pain_night = false;
  bool swelling = false;
  bool bone_tenderness = false;
  bool cannot_bear_weight = false;
  bool numbness = false;
  std::optional<std::string> onset;  // "sudden" or "gradual"
  std::string notes;
  std::optional<core::Date> red_flags_cleared_on;
  std::optional<core::Date> resolved_on;
};

/// One row of table pain_log.
struct PainLogRow {
  int64_t injury_id = 0;
  core::Date log_date;
  int pain_during = 0;
  int pain_after = 0;
  int pain_next_morning = 0;
  std::optional<double> walk_min;
  std::optional<std::string> hop_test;  // "pass" or "fail"
};

/// A custom routine pinned to an injury: its stored TOML, and whether it replaces the stage's routine.
struct InjuryRoutineRow {
  std::string name;
  std::string file_name;
  std::string toml_text;
  bool replace = false;
};

/// Inserts an injury and returns its id. Runs inside the caller's transaction. Fails with kConflict when a
/// value breaks a table constraint (pain outside 0-10, unknown side or onset), kIoError otherwise.
Result<int64_t> InsertInjury(Database& db, const InjuryRow& row);

/// The injury with `id`; nullopt when there is none. Fails with kIoError, or kCorruptData for a stored
/// date that does not parse.
Result<std::optional<InjuryRow>> LoadInjury(Database& db, int64_t id);

/// Every injury, oldest onset first (then by id).
Result<std::vector<InjuryRow>> ListInjuries(Database& db);

/// Sets resolved_on (nullopt: active again). Fails with kNotFound when no injury has `id`.
Status SetInjuryResolved(Database& db, int64_t id, std::optional<core::Date> resolved_on);

/// Records that a clinician cleared the red flags on `date`. Fails with kNotFound when no injury has `id`.
Status SetRedFlagsCleared(Database& db, int64_t id, core::Date date);

/// Writes the log for (injury_id, log_date), replacing an existing one: returns true when it replaced one.
/// Fails with kConflict when injury_id names no injury or a value breaks a constraint.
Result<bool> UpsertPainLog(Database& db, const PainLogRow& row);

/// The logs of one injury in date order.
Result<std::vector<PainLogRow>> ListPainLogs(Database& db, int64_t injury_id);

/// Pins the stored custom routine `name` to an injury (replace: it replaces the stage's routine, else it
/// joins it). Returns false when no custom routine has that name. kConflict when the injury does not exist.
Result<bool> PinCustomRoutineToInjury(Database& db, std::string_view name, int64_t injury_id, bool replace);

/// The custom routines pinned to an injury, by name.
Result<std::vector<InjuryRoutineRow>> ListInjuryRoutines(Database& db, int64_t injury_id);

}  // namespace stride::store

#endif  // STRIDE_STORE_INJURY_REPOSITORY_H_
