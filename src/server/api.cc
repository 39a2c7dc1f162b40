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

// Plans, today's prescription, injuries and rehab join here once their app/ use cases exist
// (docs/dashboard.md "Adding an endpoint"); /api/info tells the page which sections are live.
constexpr ApiRoute kApiRoutes[] = {
    {"GET", "/api/info", HandleGetInfo},
    {"GET", "/api/athlete", HandleGetAthlete},
    {"PUT", "/api/athlete", HandlePutAthlete},
    {"GET", "/api/activities", HandleListActivities},
    {"GET", "/api/activities/{id}", HandleGetActivity},
    {"GET", "/api/load", HandleGetLoad},
    {"GET", "/api/fitness", HandleGetFitness},
    {"POST", "/api/import", HandleImport},
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
