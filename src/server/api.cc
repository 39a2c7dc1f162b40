// SPDX-License-Identifier: MIT
// The API's route table: one line per endpoint.
#include "server/api.h"

namespace stride::server {
namespace {

struct ApiRoute {
  const char* method;
  const char* pattern;
  ApiHandler handler;
};

// New endpoints join here (docs/dashboard.md "Adding an endpoint"); /api/info tells the page which
// sections are live.
constexpr ApiRoute kApiRoutes[] = {
    {"GET", "/api/info", HandleGetInfo},
    {"GET", "/api/athlete", HandleGetAthlete},
    {"PUT", "/api/athlete", HandlePutAthlete},
    {"GET", "/api/activities", HandleListActivities},
    {"GET", "/api/activities/{id}", HandleGetActivity},
    {"GET", "/api/load", HandleGetLoad},
    {"GET", "/api/fitness", HandleGetFitness},
    {"POST", "/api/import", HandleImport},
    {"GET", "/api/today", HandleGetToday},
    {"GET", "/api/plan", HandleGetPlan},
    {"GET", "/api/rehab", HandleGetRehab},
    {"GET", "/api/injuries", HandleListInjuries},
    {"POST", "/api/injuries", HandleAddInjury},
    {"POST", "/api/injuries/log", HandleLogPain},
};

}  // namespace

void AddApiRoutes(Router& router, const ApiContext& context) {
  for (const ApiRoute& route : kApiRoutes) {
    ApiHandler handler = route.handler;
    router.Add(route.method, route.pattern,
               [&context, handler](const httplib::Request& req, const PathParams& params, httplib::Response& res) {
                 handler(context, req, params, res);
               });
  }
}

}  // namespace stride::server
