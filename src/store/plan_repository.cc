// SPDX-License-Identifier: MIT
// plan_version rows <-> PlanVersion. The plan and request are JSON text (plan_codec.h).
#include "store/plan_repository.h"

#include <nlohmann/json.hpp>

#include "store/database.h"
#include "store/plan_codec.h"

namespace stride::store {
namespace {

Result<core::Date> ReadDate(const std::string& text) {
  auto d = core::ParseDate(text);
  if (!d) return Fail(core::ErrorCode::kCorruptData, "stored plan version has a bad date: " + text);
  return *d;
}

Result<nlohmann::json> ReadJson(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Fail(core::ErrorCode::kCorruptData, "stored plan version is not valid JSON");
  return j;
}

}  // namespace

Result<int> SavePlanVersion(Database& db, const PlanVersion& version) {
  auto max = db.Prepare("SELECT coalesce(max(version), 0) FROM plan_version");
  if (!max) return Fail(max.error());
  if (auto row = max->Step(); !row) return Fail(row.error());
  const int next = static_cast<int>(max->ColumnInt(0)) + 1;
  auto stmt = db.Prepare(
      "INSERT INTO plan_version (version, created_on, reason, race_date, race_distance_m, goal_time_s, "
      "request_json, plan_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  if (!stmt) return Fail(stmt.error());
  const plan::Plan& p = version.plan;
  stmt->Bind(1, next)
      .Bind(2, core::FormatDate(version.created_on))
      .Bind(3, version.reason)
      .Bind(4, core::FormatDate(p.race_date))
      .Bind(5, p.race_distance_m)
      .Bind(6, p.goal_time_s)
      .Bind(7, PlanRequestToJson(version.request).dump())
      .Bind(8, PlanToJson(p).dump());
  if (auto s = stmt->Run(); !s) return Fail(s.error());
  return next;
}

Result<std::optional<PlanVersion>> LoadLatestPlanVersion(Database& db) {
  auto stmt = db.Prepare(
      "SELECT version, created_on, reason, request_json, plan_json FROM plan_version ORDER BY version DESC "
      "LIMIT 1");
  if (!stmt) return Fail(stmt.error());
  auto row = stmt->Step();
  if (!row) return Fail(row.error());
  if (!*row) return std::optional<PlanVersion>();
  PlanVersion v;
  v.version = static_cast<int>(stmt->ColumnInt(0));
  auto created = ReadDate(stmt->ColumnText(1));
  if (!created) return Fail(created.error());
  v.created_on = *created;
  v.reason = stmt->ColumnText(2);
  auto request_json = ReadJson(stmt->ColumnText(3));
  if (!request_json) return Fail(request_json.error());
  auto request = PlanRequestFromJson(*request_json);
  if (!request) return Fail(request.error());
  v.request = *request;
  auto plan_json = ReadJson(stmt->ColumnText(4));
  if (!plan_json) return Fail(plan_json.error());
  auto p = PlanFromJson(*plan_json);
  if (!p) return Fail(p.error());
  v.plan = std::move(*p);
  return std::optional<PlanVersion>(std::move(v));
}

Result<std::vector<PlanVersionSummary>> ListPlanVersions(Database& db) {
  auto stmt = db.Prepare(
      "SELECT version, created_on, reason, race_date, race_distance_m, goal_time_s FROM plan_version "
      "ORDER BY version");
  if (!stmt) return Fail(stmt.error());
  std::vector<PlanVersionSummary> out;
  while (true) {
    auto row = stmt->Step();
    if (!row) return Fail(row.error());
    if (!*row) break;
    PlanVersionSummary s;
    s.version = static_cast<int>(stmt->ColumnInt(0));
    auto created = ReadDate(stmt->ColumnText(1));
    auto race = ReadDate(stmt->ColumnText(3));
    if (!created) return Fail(created.error());
    if (!race) return Fail(race.error());
    s.created_on = *created;
    s.reason = stmt->ColumnText(2);
    s.race_date = *race;
    s.race_distance_m = stmt->ColumnDouble(4);
    s.goal_time_s = stmt->ColumnOptionalDouble(5);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace stride::store
