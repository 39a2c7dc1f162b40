// SPDX-License-Identifier: MIT
#include "server/athlete_body.h"

#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

namespace stride::server {
namespace {

using nlohmann::json;

core::Error WrongType(const std::string& field, const char* expected) {
  return {core::ErrorCode::kInvalidArgument, std::string("expected ") + expected, field};
}

// Reads body[field] into *out with `parse` (string -> Result<T>) when present.
template <class T, class Parse>
Status ReadParsed(const json& body, const std::string& field, Parse parse, std::optional<T>* out) {
  if (!body.contains(field) || body[field].is_null()) return Ok();
  if (!body[field].is_string()) return Fail(WrongType(field, "a string"));
  auto value = parse(body[field].get<std::string>());
  if (!value) return Fail(core::ErrorCode::kInvalidArgument, value.error().message, field);
  *out = *value;
  return Ok();
}

template <class T>
Status ReadNumber(const json& body, const std::string& field, std::optional<T>* out) {
  if (!body.contains(field) || body[field].is_null()) return Ok();
  if constexpr (std::is_integral_v<T>) {
    constexpr int64_t kLimit = 1'000'000;  // no profile number comes near; keeps the cast defined
    if (!body[field].is_number_integer()) return Fail(WrongType(field, "a whole number"));
    const int64_t v = body[field].get<int64_t>();
    if (v < -kLimit || v > kLimit) return Fail(core::ErrorCode::kInvalidArgument, "out of range", field);
    *out = static_cast<T>(v);
  } else {
    if (!body[field].is_number()) return Fail(WrongType(field, "a number"));
    *out = body[field].get<T>();
  }
  return Ok();
}

// Reads a list of strings, each parsed with `parse`.
template <class T, class Parse>
Result<std::optional<std::vector<T>>> ReadList(const json& body, const std::string& field, Parse parse) {
  if (!body.contains(field) || body[field].is_null()) return std::optional<std::vector<T>>();
  if (!body[field].is_array()) return Fail(WrongType(field, "a list of strings"));
  std::vector<T> out;
  for (const json& item : body[field]) {
    if (!item.is_string()) return Fail(WrongType(field, "a list of strings"));
    auto value = parse(item.get<std::string>());
    if (!value) return Fail(core::ErrorCode::kInvalidArgument, value.error().message, field);
    out.push_back(*value);
  }
  return std::optional<std::vector<T>>(std::move(out));
}

template <class T>
std::set<T> ToSet(const std::vector<T>& v) {
  return std::set<T>(v.begin(), v.end());
}

Status ReadScalars(const json& body, app::AthleteChanges* c) {
  auto text = [](const std::string& s) -> Result<std::string> { return s; };
  Status s = ReadParsed(body, "name", text, &c->name);
  if (s) s = ReadParsed(body, "sex", core::ParseSex, &c->sex);
  if (s) s = ReadParsed(body, "units", core::ParseUnitSystem, &c->units);
  if (s) s = ReadParsed(body, "long_run_day", core::ParseWeekday, &c->long_run_day);
  if (s) s = ReadNumber(body, "birth_year", &c->birth_year);
  if (s) s = ReadNumber(body, "hr_rest_bpm", &c->hr_rest_bpm);
  if (s) s = ReadNumber(body, "hr_max_bpm", &c->hr_max_bpm);
  if (s) s = ReadNumber(body, "weekly_distance_m", &c->weekly_distance_m);
  if (s) s = ReadNumber(body, "longest_run_m", &c->longest_run_m);
  return s;
}

}  // namespace

Result<app::AthleteChanges> AthleteChangesFromJson(const json& body) {
  app::AthleteChanges changes;
  if (auto s = ReadScalars(body, &changes); !s) return Fail(s.error());
  auto days = ReadList<core::Weekday>(body, "training_days", core::ParseWeekday);
  if (!days) return Fail(days.error());
  changes.training_days = *days;
  auto facilities = ReadList<core::Facility>(body, "facilities", core::ParseFacility);
  if (!facilities) return Fail(facilities.error());
  if (*facilities) changes.facilities = ToSet(**facilities);
  auto health = ReadList<core::HealthFlag>(body, "health", core::ParseHealthFlag);
  if (!health) return Fail(health.error());
  if (*health) changes.health = ToSet(**health);
  auto races = ReadList<core::RaceResult>(body, "races", core::ParseRaceResult);
  if (!races) return Fail(races.error());
  if (*races) {
    changes.clear_races = true;
    changes.add_races = **races;
  }
  return changes;
}

}  // namespace stride::server
