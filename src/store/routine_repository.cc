// SPDX-License-Identifier: MIT
// SQL for table custom_routine (migration 4). Days are stored as "mon,thu"; mode as "join" or "replace".
#include "store/routine_repository.h"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "store/database.h"

namespace stride::store {
namespace {

using core::ErrorCode;

constexpr std::string_view kColumns = "name, file_name, toml_text, injury_id, mode, days";

std::string JoinDays(const std::vector<core::Weekday>& days) {
  std::string out;
  for (core::Weekday d : days) {
    if (!out.empty()) out += ',';
    out += core::WeekdayName(d);
  }
  return out;
}

Result<std::vector<core::Weekday>> SplitDays(const std::string& text, const std::string& name) {
  std::vector<core::Weekday> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = std::min(text.find(',', start), text.size());
    auto day = core::ParseWeekday(text.substr(start, end - start));
    if (!day) return Fail(ErrorCode::kCorruptData, "stored day is unknown", "custom_routine/" + name);
    out.push_back(*day);
    start = end + 1;
  }
  return out;
}

// Reads the current row of a statement selecting kColumns.
Result<StoredRoutine> ReadRow(const Statement& stmt) {
  StoredRoutine r;
  r.name = stmt.ColumnText(0);
  r.file_name = stmt.ColumnText(1);
  r.toml_text = stmt.ColumnText(2);
  r.injury_id = stmt.ColumnOptionalInt(3);
  std::string mode = stmt.ColumnText(4);
  if (mode != "join" && mode != "replace") {
    return Fail(ErrorCode::kCorruptData, fmt::format("stored mode '{}' is unknown", mode), "custom_routine/" + r.name);
  }
  r.replace = mode == "replace";
  auto days = SplitDays(stmt.ColumnText(5), r.name);
  if (!days) return Fail(days.error());
  r.days = std::move(*days);
  return r;
}

}  // namespace

Status SaveCustomRoutine(Database& db, const StoredRoutine& routine) {
  auto stmt = db.Prepare(fmt::format(
      "INSERT INTO custom_routine ({}) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
      "ON CONFLICT(name) DO UPDATE SET file_name = excluded.file_name, toml_text = excluded.toml_text, "
      "injury_id = excluded.injury_id, mode = excluded.mode, days = excluded.days",
      kColumns));
  if (!stmt) return Fail(stmt.error());
  stmt->Bind(1, routine.name).Bind(2, routine.file_name).Bind(3, routine.toml_text);
  stmt->Bind(4, routine.injury_id).Bind(5, std::string_view(routine.replace ? "replace" : "join"));
  stmt->Bind(6, JoinDays(routine.days));
  return stmt->Run();
}

Result<std::optional<StoredRoutine>> LoadCustomRoutine(Database& db, std::string_view name) {
  auto stmt = db.Prepare(fmt::format("SELECT {} FROM custom_routine WHERE name = ?1", kColumns));
  if (!stmt) return Fail(stmt.error());
  stmt->Bind(1, name);
  auto row = stmt->Step();
  if (!row) return Fail(row.error());
  if (!*row) return std::optional<StoredRoutine>();
  auto routine = ReadRow(*stmt);
  if (!routine) return Fail(routine.error());
  return std::optional<StoredRoutine>(std::move(*routine));
}

Result<std::vector<StoredRoutine>> ListCustomRoutines(Database& db) {
  auto stmt = db.Prepare(fmt::format("SELECT {} FROM custom_routine ORDER BY name", kColumns));
  if (!stmt) return Fail(stmt.error());
  std::vector<StoredRoutine> out;
  while (true) {
    auto row = stmt->Step();
    if (!row) return Fail(row.error());
    if (!*row) break;
    auto routine = ReadRow(*stmt);
    if (!routine) return Fail(routine.error());
    out.push_back(std::move(*routine));
  }
  return out;
}

Result<bool> DeleteCustomRoutine(Database& db, std::string_view name) {
  auto stmt = db.Prepare("DELETE FROM custom_routine WHERE name = ?1");
  if (!stmt) return Fail(stmt.error());
  stmt->Bind(1, name);
  if (auto s = stmt->Run(); !s) return Fail(s.error());
  return db.Changes() > 0;
}

}  // namespace stride::store
