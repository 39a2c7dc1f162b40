// SPDX-License-Identifier: MIT
// The JSON API: one handler per endpoint, each parsing the request, calling one app/ use case on its own
// database connection, and serialising the result with views/ (the same shapes as `stride ... --json`).
// Handlers hold no SQL and no maths. To add an endpoint: write a handler in an api_*.cc file, declare it
// below, and add one line to the table in AddApiRoutes (api.cc).
#ifndef STRIDE_SERVER_API_H_
#define STRIDE_SERVER_API_H_

#include <httplib.h>

#include <cstdint>
#include <filesystem>
#include <functional>

#include "core/date.h"
#include "core/result.h"
#include "server/router.h"
#include "store/database.h"

namespace stride::server {

/// What every handler shares. Read-only once the server runs; safe to use from many threads.
struct ApiContext {
  std::filesystem::path db_path;
  /// The day that counts as today (the server's local date unless a test fixes it).
  std::function<core::Date()> today;
  /// Opens a fresh connection for one request (each request has its own connection and transactions,
  /// so an interrupted request rolls back alone).
  Result<store::Database> OpenDatabase() const { return store::Database::Open(db_path); }
};

/// Registers every /api/ route on `router`. `context` must outlive the router.
void AddApiRoutes(Router& router, const ApiContext& context);

// Handlers (api_profile.cc, api_activities.cc, api_today.cc, api_plan.cc, api_injury.cc). Each answers with JSON and never throws past its caller.
using ApiHandler = void (*)(const ApiContext&, const httplib::Request&, const PathParams&, httplib::Response&);
void HandleGetInfo(const ApiContext&, const httplib::Request&, const PathParams&, httplib::Response&);
void HandleGetAthlete(const ApiContext&, const httplib::Request&, const PathParams&, httplib::Response&);
void HandlePutAthlete(const ApiContext&, const httplib::Request&, const PathParams&, httplib::Response&);
void HandleGetLoad(const ApiContext&, const httplib::Request&, const PathParams&, httplib::Response&);
void HandleGetFitness(const ApiContext&, const httplib::Request&, const PathParams&, httplib::Response&);
void HandleListActivities(const ApiContext&, const httplib::Request&, const PathParams&, httplib::Response&);
void HandleGetActivity(const ApiContext&, const httplib::Request&, const PathParams&, httplib::Response&);
void HandleImport(const ApiContext&, const httplib::Request&, const PathParams&, httplib::Response&);
void HandleGetToday(const ApiContext&, const httplib::Request&, const PathParams&, httplib::Response&);
void HandleGetPlan(const ApiContext&, const httplib::Request&, const PathParams&, httplib::Response&);
void HandleGetRehab(const ApiContext&, const httplib::Request&, const PathParams&, httplib::Response&);
void HandleListInjuries(const ApiContext&, const httplib::Request&, const PathParams&, httplib::Response&);
void HandleAddInjury(const ApiContext&, const httplib::Request&, const PathParams&, httplib::Response&);
void HandleLogPain(const ApiContext&, const httplib::Request&, const PathParams&, httplib::Response&);

}  // namespace stride::server

#endif  // STRIDE_SERVER_API_H_
