// SPDX-License-Identifier: MIT
// Handlers for the athlete profile, training load and fitness, and the server's self-description.
#include <string>
#include <vector>

#include "app/athlete.h"
#include "care/injury.h"
#include "app/training_load.h"
#include "server/api.h"
#include "server/athlete_body.h"
#include "server/http.h"
#include "views/json_output.h"

namespace stride::server {
namespace {

constexpr const char* kVersion = "0.1.0";

// "a, b, c" -> {"a", "b", "c"}.
std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t comma = text.find(", ", start);
    if (comma == std::string::npos) comma = text.size();
    out.push_back(text.substr(start, comma - start));
    start = comma + 2;
  }
  return out;
}

}  // namespace

void HandleGetInfo(const ApiContext& ctx, const httplib::Request&, const PathParams&, httplib::Response& res) {
  // Sections of the page whose API does not exist yet show a placeholder; injury_sites feeds the page's
  // injury form.
  nlohmann::json sites = nlohmann::json::array();
  for (const std::string& site : SplitList(care::AcceptedInjurySites())) sites.push_back(site);
  SendJson(res, {{"version", kVersion},
                 {"today", core::FormatDate(ctx.today())},
                 {"features", {{"plan", true}, {"today", true}, {"injuries", true}, {"rehab", true}}},
                 {"injury_sites", sites}});
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
  auto to = QueryDateOr(req, "to", ctx.today());
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
  auto date = QueryDateOr(req, "date", ctx.today());
  if (!date) return SendError(res, date.error());
  auto db = ctx.OpenDatabase();
  if (!db) return SendError(res, db.error());
  auto report = app::ComputeFitnessReport(*db, *date);
  if (!report) return SendError(res, report.error());
  SendJson(res, views::FitnessJson(*report));
}

}  // namespace stride::server
