// SPDX-License-Identifier: MIT
// GET /api/plan: the latest plan version with the running done each week (app::ShowPlan), as `stride plan
// show --json` (views::PlanJson). 404 naming `stride plan new` when there is no plan yet.
#include "app/plan.h"
#include "server/api.h"
#include "server/http.h"
#include "views/json_output.h"

namespace stride::server {

void HandleGetPlan(const ApiContext& ctx, const httplib::Request& req, const PathParams&, httplib::Response& res) {
  auto date = QueryDateOr(req, "date", ctx.today());
  if (!date) return SendError(res, date.error());
  auto db = ctx.OpenDatabase();
  if (!db) return SendError(res, db.error());
  auto view = app::ShowPlan(*db, *date);
  if (!view) return SendError(res, view.error());
  nlohmann::json body = views::PlanJson(*view);
  body["as_of"] = core::FormatDate(*date);  // the day the page highlights; an addition to the CLI's shape
  SendJson(res, body);
}

}  // namespace stride::server
