// SPDX-License-Identifier: MIT
// SQL for injuries, pain logs and routines pinned to injuries (injury_repository.h).
#include "store/injury_repository.h"

#include <fmt/format.h>

#include "store/database.h"

namespace stride::store {
namespace {

using core::ErrorCode;

constexpr std::string_view kInjuryColumns =
    "id, site, side, onset_date, pain, pain_at_rest, pain_night, swelling, bone_tenderness, cannot_bear_weight, "
    "numbness, onset, notes, red_flags_cleared_on, resolved_on";

std::optional<std::string> OptionalText(const Statement& stmt, int column) {
  return stmt.IsNull(column) ? std::nullopt : std::optional<std::string>(stmt.ColumnText(column));
}

Result<core::Date> DateColumn(const Statement& stmt, int column, const std::string& where) {
  auto date = core::ParseDate(stmt.ColumnText(column));
  if (!date) return Fail(ErrorCode::kCorruptData, "stored date does not parse: " + date.error().message, where);
  return *date;
}

Result<std::optional<core::Date>> OptionalDateColumn(const Statement& stmt, int column, const std::string& where) {
  if (stmt.IsNull(column)) return std::optional<core::Date>();
  auto date = DateColumn(stmt, column, where);
  if (!date) return Fail(date.error());
  return std::optional<core::Date>(*date);
}

Result<InjuryRow> ReadInjury(const Statement& stmt) {
  InjuryRow r;
  r.id = stmt.ColumnInt(0);
  const std::string where = fmt::format("injury/{}", r.id);
  r.site = stmt.ColumnText(1);
  r.side = OptionalText(stmt, 2);
  auto onset = DateColumn(stmt, 3, where);
  if (!onset) return Fail(onset.error());
  r.onset_date = *onset;
  r.pain = static_cast<int>(stmt.ColumnInt(4));
  if (auto rest = stmt.ColumnOptionalInt(5)) r.pain_at_rest = static_cast<int>(*rest);
  r.pain_night = stmt.ColumnInt(6) != 0;
  r.swelling = stmt.ColumnInt(7) != 0;
  r.bone_tenderness = stmt.ColumnInt(8) != 0;
  r.cannot_bear_weight = stmt.ColumnInt(9) != 0;
  r.numbness = stmt.ColumnInt(10) != 0;
  r.onset = OptionalText(stmt, 11);
  r.notes = stmt.ColumnText(12);
  auto cleared = OptionalDateColumn(stmt, 13, where);
  if (!cleared) return Fail(cleared.error());
  r.red_flags_cleared_on = *cleared;
  auto resolved = OptionalDateColumn(stmt, 14, where);
  if (!resolved) return Fail(resolved.error());
  r.resolved_on = *resolved;
  return r;
}

std::optional<std::string> OptionalDateText(const std::optional<core::Date>& date) {
  return date ? std::optional<std::string>(core::FormatDate(*date)) : std::nullopt;
}

// Runs an UPDATE of one injury row; kNotFound when no row has the id.
Status UpdateInjury(Database& db, std::string_view sql, int64_t id, const std::optional<std::string>& value) {
  auto stmt = db.Prepare(sql);
  if (!stmt) return Fail(stmt.error());
  stmt->Bind(1, value).Bind(2, id);
  if (auto s = stmt->Run(); !s) return s;
  if (db.Changes() == 0) return Fail(ErrorCode::kNotFound, fmt::format("no injury with id {}", id), "injury");
  return Ok();
}

}  // namespace

Result<int64_t> InsertInjury(Database& db, const InjuryRow& row) {
  auto stmt = db.Prepare(
      "INSERT INTO injury (site, side, onset_date, pain, pain_at_rest, pain_night, swelling, bone_tenderness, "
      "cannot_bear_weight, numbness, onset, notes, red_flags_cleared_on, resolved_on) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
  if (!stmt) return Fail(stmt.error());
  stmt->Bind(1, std::string_view(row.site)).Bind(2, row.side).Bind(3, std::string_view(core::FormatDate(row.onset_date)));
  stmt->Bind(4, row.pain).Bind(5, row.pain_at_rest).Bind(6, row.pain_night ? 1 : 0).Bind(7, row.swelling ? 1 : 0);
  stmt->Bind(8, row.bone_tenderness ? 1 : 0).Bind(9, row.cannot_bear_weight ? 1 : 0).Bind(10, row.numbness ? 1 : 0);
  stmt->Bind(11, row.onset).Bind(12, std::string_view(row.notes));
  stmt->Bind(13, OptionalDateText(row.red_flags_cleared_on)).Bind(14, OptionalDateText(row.resolved_on));
  if (auto s = stmt->Run(); !s) return Fail(s.error());
  return db.LastInsertId();
}

Result<std::optional<InjuryRow>> LoadInjury(Database& db, int64_t id) {
  auto stmt = db.Prepare(fmt::format("SELECT {} FROM injury WHERE id = ?1", kInjuryColumns));
  if (!stmt) return Fail(stmt.error());
  stmt->Bind(1, id);
  auto row = stmt->Step();
  if (!row) return Fail(row.error());
  if (!*row) return std::optional<InjuryRow>();
  auto injury = ReadInjury(*stmt);
  if (!injury) return Fail(injury.error());
  return std::optional<InjuryRow>(std::move(*injury));
}

Result<std::vector<InjuryRow>> ListInjuries(Database& db) {
  auto stmt = db.Prepare(fmt::format("SELECT {} FROM injury ORDER BY onset_date, id", kInjuryColumns));
  if (!stmt) return Fail(stmt.error());
  std::vector<InjuryRow> out;
  while (true) {
    auto row = stmt->Step();
    if (!row) return Fail(row.error());
    if (!*row) break;
    auto injury = ReadInjury(*stmt);
    if (!injury) return Fail(injury.error());
    out.push_back(std::move(*injury));
  }
  return out;
}

Status SetInjuryResolved(Database& db, int64_t id, std::optional<core::Date> resolved_on) {
  return UpdateInjury(db, "UPDATE injury SET resolved_on = ?1 WHERE id = ?2", id, OptionalDateText(resolved_on));
}

Status SetRedFlagsCleared(Database& db, int64_t id, core::Date date) {
  return UpdateInjury(db, "UPDATE injury SET red_flags_cleared_on = ?1 WHERE id = ?2", id,
                      std::optional<std::string>(core::FormatDate(date)));
}

Result<bool> UpsertPainLog(Database& db, const PainLogRow& row) {
  const std::string date = core::FormatDate(row.log_date);
  auto exists = db.Prepare("SELECT count(*) FROM pain_log WHERE injury_id = ?1 AND log_date = ?2");
  if (!exists) return Fail(exists.error());
  exists->Bind(1, row.injury_id).Bind(2, std::string_view(date));
  if (auto r = exists->Step(); !r) return Fail(r.error());
  const bool replaced = exists->ColumnInt(0) > 0;
  auto stmt = db.Prepare(
      "INSERT INTO pain_log (injury_id, log_date, pain_during, pain_after, pain_next_morning, walk_min, hop_test) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (injury_id, log_date) DO UPDATE SET "
      "pain_during = excluded.pain_during, pain_after = excluded.pain_after, "
      "pain_next_morning = excluded.pain_next_morning, walk_min = excluded.walk_min, hop_test = excluded.hop_test");
  if (!stmt) return Fail(stmt.error());
  stmt->Bind(1, row.injury_id).Bind(2, std::string_view(date)).Bind(3, row.pain_during).Bind(4, row.pain_after);
  stmt->Bind(5, row.pain_next_morning).Bind(6, row.walk_min).Bind(7, row.hop_test);
  if (auto s = stmt->Run(); !s) return Fail(s.error());
  return replaced;
}

Result<std::vector<PainLogRow>> ListPainLogs(Database& db, int64_t injury_id) {
  auto stmt = db.Prepare(
      "SELECT log_date, pain_during, pain_after, pain_next_morning, walk_min, hop_test FROM pain_log "
      "WHERE injury_id = ?1 ORDER BY log_date");
  if (!stmt) return Fail(stmt.error());
  stmt->Bind(1, injury_id);
  std::vector<PainLogRow> out;
  while (true) {
    auto row = stmt->Step();
    if (!row) return Fail(row.error());
    if (!*row) break;
    PainLogRow r;
    r.injury_id = injury_id;
    auto date = DateColumn(*stmt, 0, fmt::format("pain_log/{}", injury_id));
    if (!date) return Fail(date.error());
    r.log_date = *date;
    r.pain_during = static_cast<int>(stmt->ColumnInt(1));
    r.pain_after = static_cast<int>(stmt->ColumnInt(2));
    r.pain_next_morning = static_cast<int>(stmt->ColumnInt(3));
    r.walk_min = stmt->ColumnOptionalDouble(4);
    r.hop_test = OptionalText(*stmt, 5);
    out.push_back(std::move(r));
  }
  return out;
}

Result<bool> PinCustomRoutineToInjury(Database& db, std::string_view name, int64_t injury_id, bool replace) {
  auto stmt = db.Prepare("UPDATE custom_routine SET injury_id = ?1, mode = ?2 WHERE name = ?3");
  if (!stmt) return Fail(stmt.error());
  stmt->Bind(1, injury_id).Bind(2, std::string_view(replace ? "replace" : "join")).Bind(3, name);
  if (auto s = stmt->Run(); !s) return Fail(s.error());
  return db.Changes() > 0;
}

Result<std::vector<InjuryRoutineRow>> ListInjuryRoutines(Database& db, int64_t injury_id) {
  auto stmt = db.Prepare(
      "SELECT name, file_name, toml_text, mode FROM custom_routine WHERE injury_id = ?1 ORDER BY name");
  if (!stmt) return Fail(stmt.error());
  stmt->Bind(1, injury_id);
  std::vector<InjuryRoutineRow> out;
  while (true) {
    auto row = stmt->Step();
    if (!row) return Fail(row.error());
    if (!*row) break;
    const std::string mode = stmt->ColumnText(3);
    if (mode != "join" && mode != "replace") {
      return Fail(ErrorCode::kCorruptData, fmt::format("stored mode '{}' is unknown", mode), "custom_routine");
    }
    out.push_back({stmt->ColumnText(0), stmt->ColumnText(1), stmt->ColumnText(2), mode == "replace"});
  }
  return out;
}

}  // namespace stride::store
