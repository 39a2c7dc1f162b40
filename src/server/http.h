// SPDX-License-Identifier: MIT
// Small HTTP helpers shared by the server's handlers: the ErrorCode -> HTTP status table (STYLE.md
// "Errors"), JSON responses and error bodies, and parsing of query values and JSON request bodies.
#ifndef STRIDE_SERVER_HTTP_H_
#define STRIDE_SERVER_HTTP_H_

#include <httplib.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/error.h"
#include "core/result.h"

namespace stride::server {

/// The one table: kInvalidArgument 400, kNotFound 404, kConflict 409, kCorruptData/kUnsupported 422,
/// kIoError/kInternal 500.
int HttpStatusFor(core::ErrorCode code);

/// Sets `body` (serialised) as the response, with a JSON content type and `status`.
void SendJson(httplib::Response& res, const nlohmann::json& body, int status = 200);

/// The error body every failure uses: {"error": {"code", "message", "where"}} with `status`.
void SendError(httplib::Response& res, int status, std::string_view code, std::string_view message,
               std::string_view where = {});
/// A library error, with the status HttpStatusFor gives.
void SendError(httplib::Response& res, const core::Error& error);

/// Query parameter `name` as a date (YYYY-MM-DD): nullopt when absent; kInvalidArgument naming `name`
/// when present but malformed.
Result<std::optional<core::Date>> QueryDate(const httplib::Request& req, const std::string& name);
/// Query parameter `name` as a date, or `fallback` when absent; kInvalidArgument as QueryDate.
Result<core::Date> QueryDateOr(const httplib::Request& req, const std::string& name, core::Date fallback);

/// The request body as a JSON object. kInvalidArgument ("malformed json body: ..." or "expected a json
/// object") otherwise.
Result<nlohmann::json> JsonObjectBody(const httplib::Request& req);

}  // namespace stride::server

#endif  // STRIDE_SERVER_HTTP_H_
