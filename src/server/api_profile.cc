// SPDX-License-Identifier: MIT
// Handlers for the athlete profile, training load and fitness, and the server's self-description.
#include "app/athlete.h"
#include "app/training_load.h"
#include "server/api.h"
#include "server/athlete_body.h"
#include "server/http.h"
#include "views/json_output.h"

namespace stride::server {
namespace {

constexpr const char* kVersion = "0.1.0";

// The date in ?name=, else today.
Result<core::Date> DateOr(const ApiContext& ctx, const httplib::Request& req, const std::string& name) {
  auto date = QueryDate(req, name);
  if (!date) return Fail(date.error());
  return date->value_or(ctx.today());
}

}  // namespace

void HandleGetInfo(const ApiContext& ctx, const httplib::Request&, const PathParams&, httplib::Response& res) {
  // Sections of the page whose API does not exist yet show a placeholder.
  SendJson(res, {{"version", kVersion},
                 {"today", core::FormatDate(ctx.today())},
                 {"features", {{"plan", false}, {"today", false}, {"injuries", false}, {"rehab", false}}}});
}

void HandleGetAthlete(const ApiContext& ctx, const httplib::Request&, const PathParams&, httplib::Response& res) {
  auto db = ctx.OpenDatabase();
  if (!db) return SendError(res, db.error());
  auto athlete = app::GetAthlete(*db);
  if (!athlete) return SendError(res, athlete.error());
  SendJson(res, views::AthleteJson(*athlete));
}

void HandlePutAthlete(const ApiContext& ctx, const httplib::Request& req, const PathParams&, httplib::Response& res) {
  auto body = JsonObjectBody(req);
  if (!body) return SendError(res, body.error());
  auto changes = AthleteChangesFromJson(*body);
  if (!changes) return SendError(res, changes.error());
  auto db = ctx.OpenDatabase();
  if (!db) return SendError(res, db.error());
  auto athlete = app::UpdateAthlete(*db, *changes, ctx.today());
  if (!athlete) return SendError(res, athlete.error());
  SendJson(res, views::AthleteJson(*athlete));
}

void HandleGetLoad(const ApiContext& ctx, const httplib::Request& req, const PathParams&, httplib::Response& res) {
  auto to = DateOr(ctx, req, "to");
  if (!to) return SendError(res, to.error());
  auto from = QueryDate(req, "from");
  if (!from) return SendError(res, from.error());
  if (*from && **from > *to) return SendError(res, {core::ErrorCode::kInvalidArgument, "from is after to", "from"});
  auto db = ctx.OpenDatabase();
  if (!db) return SendError(res, db.error());
  auto report = app::ComputeLoadReport(*db, *to, *from);
  if (!report) return SendError(res, report.error());
  SendJson(res, views::LoadJson(*report));
}

void HandleGetFitness(const ApiContext& ctx, const httplib::Request& req, const PathParams&, httplib::Response& res) {
  auto date = DateOr(ctx, req, "date");
  if (!date) return SendError(res, date.error());
  auto db = ctx.OpenDatabase();
  if (!db) return SendError(res, db.error());
  auto report = app::ComputeFitnessReport(*db, *date);
  if (!report) return SendError(res, report.error());
  SendJson(res, views::FitnessJson(*report));
}

}  // namespace stride::server
