// SPDX-License-Identifier: MIT
// Injuries and rehab: GET /api/rehab (`stride rehab --json`), GET /api/injuries (`stride injury list
// --json`), POST /api/injuries (`stride injury add`) and POST /api/injuries/log (`stride injury log`).
// Each write is one app/injury.h call, which runs in one transaction.
#include "app/injury.h"
#include "server/api.h"
#include "server/http.h"
#include "server/injury_body.h"
#include "views/json_output.h"

namespace stride::server {

void HandleGetRehab(const ApiContext& ctx, const httplib::Request& req, const PathParams&, httplib::Response& res) {
  auto date = QueryDateOr(req, "date", ctx.today());
  if (!date) return SendError(res, date.error());
  auto db = ctx.OpenDatabase();
  if (!db) return SendError(res, db.error());
  auto report = app::ComputeRehabReport(*db, *date);
  if (!report) return SendError(res, report.error());
  SendJson(res, views::RehabJson(*report));
}

void HandleListInjuries(const ApiContext& ctx, const httplib::Request& req, const PathParams&,
                        httplib::Response& res) {
  auto date = QueryDateOr(req, "date", ctx.today());
  if (!date) return SendError(res, date.error());
  auto db = ctx.OpenDatabase();
  if (!db) return SendError(res, db.error());
  auto list = app::ListInjuries(*db, *date);
  if (!list) return SendError(res, list.error());
  nlohmann::json out = nlohmann::json::array();
  for (const app::InjuryStatus& status : *list) out.push_back(views::InjuryStatusJson(status));
  SendJson(res, out);
}

// 201 with the injury and its stage on the onset day.
void HandleAddInjury(const ApiContext& ctx, const httplib::Request& req, const PathParams&, httplib::Response& res) {
  auto body = JsonObjectBody(req);
  if (!body) return SendError(res, body.error());
  auto injury = InjuryFromJson(*body, ctx.today());
  if (!injury) return SendError(res, injury.error());
  auto db = ctx.OpenDatabase();
  if (!db) return SendError(res, db.error());
  auto added = app::AddInjury(*db, std::move(*injury));
  if (!added) return SendError(res, added.error());
  nlohmann::json out = views::InjuryStatusJson(added->status);
  out["plan"] = views::PlanReactionJson(added->plan);
  SendJson(res, out, 201);
}

// The injury with its stage after the log, plus `replaced` (an earlier log of that day was replaced).
void HandleLogPain(const ApiContext& ctx, const httplib::Request& req, const PathParams&, httplib::Response& res) {
  auto body = JsonObjectBody(req);
  if (!body) return SendError(res, body.error());
  auto request = PainLogFromJson(*body, ctx.today());
  if (!request) return SendError(res, request.error());
  auto db = ctx.OpenDatabase();
  if (!db) return SendError(res, db.error());
  auto logged = app::LogPain(*db, *request);
  if (!logged) return SendError(res, logged.error());
  nlohmann::json out = views::InjuryStatusJson(logged->status);
  out["replaced"] = logged->replaced;
  out["plan"] = views::PlanReactionJson(logged->plan);
  SendJson(res, out);
}

}  // namespace stride::server
