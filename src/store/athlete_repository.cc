// SPDX-License-Identifier: MIT
#include "store/athlete_repository.h"

#include <fmt/format.h>

#include <string>
#include <vector>

#include "store/database.h"

namespace stride::store {
namespace {

using core::ErrorCode;

std::vector<std::string> SplitComma(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

template <class T, class NameFn>
std::string JoinNames(const T& values, NameFn name) {
  std::string out;
  for (const auto& v : values) {
    if (!out.empty()) out += ',';
    out += name(v);
  }
  return out;
}

// Reads a comma list of persisted names back into values; a name this binary does not know is corrupt data.
template <class Container, class ParseFn>
Status ParseList(const std::string& text, Container* out, ParseFn parse, const char* column) {
  for (const std::string& item : SplitComma(text)) {
    auto value = parse(item);
    if (!value) return Fail(ErrorCode::kCorruptData, fmt::format("stored {} '{}' is unknown", column, item), "athlete");
    out->insert(out->end(), *value);
  }
  return Ok();
}

}  // namespace

Result<std::optional<core::Athlete>> LoadAthlete(Database& db) {
  auto stmt = db.Prepare(
      "SELECT name, sex, birth_year, hr_rest_bpm, hr_max_bpm, units, weekly_distance_m, longest_run_m, "
      "training_days, long_run_day, facilities, health FROM athlete WHERE id = 1");
  if (!stmt) return Fail(stmt.error());
  auto row = stmt->Step();
  if (!row) return Fail(row.error());
  if (!*row) return std::optional<core::Athlete>();
  core::Athlete a;
  a.name = stmt->ColumnText(0);
  if (!stmt->IsNull(1)) {
    auto sex = core::ParseSex(stmt->ColumnText(1));
    if (!sex) return Fail(ErrorCode::kCorruptData, "stored sex is unknown", "athlete");
    a.sex = *sex;
  }
  auto opt_int = [&](int col) -> std::optional<int> {
    auto v = stmt->ColumnOptionalInt(col);
    return v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
  };
  a.birth_year = opt_int(2);
  a.hr_rest_bpm = opt_int(3);
  a.hr_max_bpm = opt_int(4);
  auto units = core::ParseUnitSystem(stmt->ColumnText(5));
  if (!units) return Fail(ErrorCode::kCorruptData, "stored units are unknown", "athlete");
  a.units = *units;
  a.weekly_distance_m = stmt->ColumnOptionalDouble(6);
  a.longest_run_m = stmt->ColumnOptionalDouble(7);
  if (auto s = ParseList(stmt->ColumnText(8), &a.training_days, core::ParseWeekday, "training day"); !s) return Fail(s.error());
  if (!stmt->IsNull(9)) {
    auto day = core::ParseWeekday(stmt->ColumnText(9));
    if (!day) return Fail(ErrorCode::kCorruptData, "stored long-run day is unknown", "athlete");
    a.long_run_day = *day;
  }
  if (auto s = ParseList(stmt->ColumnText(10), &a.facilities, core::ParseFacility, "facility"); !s) return Fail(s.error());
  if (auto s = ParseList(stmt->ColumnText(11), &a.health, core::ParseHealthFlag, "health flag"); !s) return Fail(s.error());

  auto races = db.Prepare("SELECT distance_m, time_s, race_date FROM race_result WHERE athlete_id = 1 ORDER BY id");
  if (!races) return Fail(races.error());
  while (true) {
    auto more = races->Step();
    if (!more) return Fail(more.error());
    if (!*more) break;
    core::RaceResult r;
    r.distance = core::Distance::Metres(races->ColumnDouble(0));
    r.time_s = races->ColumnDouble(1);
    if (!races->IsNull(2)) {
      auto date = core::ParseDate(races->ColumnText(2));
      if (!date) return Fail(ErrorCode::kCorruptData, "stored race date is unreadable", "race_result");
      r.date = *date;
    }
    a.races.push_back(r);
  }
  return std::optional<core::Athlete>(std::move(a));
}

Status SaveAthlete(Database& db, const core::Athlete& a) {
  auto stmt = db.Prepare(
      "INSERT INTO athlete (id, name, sex, birth_year, hr_rest_bpm, hr_max_bpm, units, weekly_distance_m, "
      "longest_run_m, training_days, long_run_day, facilities, health) "
      "VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
      "ON CONFLICT (id) DO UPDATE SET name = excluded.name, sex = excluded.sex, birth_year = excluded.birth_year, "
      "hr_rest_bpm = excluded.hr_rest_bpm, hr_max_bpm = excluded.hr_max_bpm, units = excluded.units, "
      "weekly_distance_m = excluded.weekly_distance_m, longest_run_m = excluded.longest_run_m, "
      "training_days = excluded.training_days, long_run_day = excluded.long_run_day, "
      "facilities = excluded.facilities, health = excluded.health");
  if (!stmt) return Fail(stmt.error());
  stmt->Bind(1, a.name);
  if (a.sex) stmt->Bind(2, std::string_view(core::SexName(*a.sex)));
  else stmt->BindNull(2);
  stmt->Bind(3, a.birth_year).Bind(4, a.hr_rest_bpm).Bind(5, a.hr_max_bpm);
  stmt->Bind(6, std::string_view(core::UnitName(a.units)));
  stmt->Bind(7, a.weekly_distance_m).Bind(8, a.longest_run_m);
  stmt->Bind(9, JoinNames(a.training_days, core::WeekdayName));
  if (a.long_run_day) stmt->Bind(10, std::string_view(core::WeekdayName(*a.long_run_day)));
  else stmt->BindNull(10);
  stmt->Bind(11, JoinNames(a.facilities, core::FacilityName));
  stmt->Bind(12, JoinNames(a.health, core::HealthFlagName));
  if (auto s = stmt->Run(); !s) return s;

  if (auto s = db.Exec("DELETE FROM race_result WHERE athlete_id = 1"); !s) return s;
  auto insert = db.Prepare("INSERT INTO race_result (athlete_id, distance_m, time_s, race_date) VALUES (1, ?1, ?2, ?3)");
  if (!insert) return Fail(insert.error());
  for (const core::RaceResult& r : a.races) {
    insert->Reset();
    insert->Bind(1, r.distance.metres()).Bind(2, r.time_s);
    if (r.date) insert->Bind(3, core::FormatDate(*r.date));
    else insert->BindNull(3);
    if (auto s = insert->Run(); !s) return s;
  }
  return Ok();
}

}  // namespace stride::store
