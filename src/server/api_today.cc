// SPDX-License-Identifier: MIT
// GET /api/today: the day's sessions with the care around them (app::ComputeToday), as `stride today
// --json` (views::TodayJson).
#include "app/today.h"
#include "server/api.h"
#include "server/http.h"
#include "views/json_output.h"

namespace stride::server {

void HandleGetToday(const ApiContext& ctx, const httplib::Request& req, const PathParams&, httplib::Response& res) {
  auto date = QueryDateOr(req, "date", ctx.today());
  if (!date) return SendError(res, date.error());
  auto db = ctx.OpenDatabase();
  if (!db) return SendError(res, db.error());
  auto report = app::ComputeToday(*db, *date);
  if (!report) return SendError(res, report.error());
  SendJson(res, views::TodayJson(*report));
}

}  // namespace stride::server
