// SPDX-License-Identifier: MIT
#include "server/http.h"

namespace stride::server {

int HttpStatusFor(core::ErrorCode code) {
  switch (code) {
    case core::ErrorCode::kInvalidArgument: return 400;
    case core::ErrorCode::kNotFound: return 404;
    case core::ErrorCode::kConflict: return 409;
    case core::ErrorCode::kCorruptData:
    case core::ErrorCode::kUnsupported: return 422;
    case core::ErrorCode::kIoError:
    case core::ErrorCode::kInternal: return 500;
  }
  return 500;
}

void SendJson(httplib::Response& res, const nlohmann::json& body, int status) {
  res.status = status;
  // Invalid UTF-8 from a file (an activity name) is replaced rather than failing the whole response.
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json");
}

void SendError(httplib::Response& res, int status, std::string_view code, std::string_view message,
               std::string_view where) {
  SendJson(res, {{"error", {{"code", code}, {"message", message}, {"where", where}}}}, status);
}

void SendError(httplib::Response& res, const core::Error& error) {
  SendError(res, HttpStatusFor(error.code), core::ErrorCodeName(error.code), error.message, error.where);
}

Result<std::optional<core::Date>> QueryDate(const httplib::Request& req, const std::string& name) {
  if (!req.has_param(name)) return std::optional<core::Date>();
  auto date = core::ParseDate(req.get_param_value(name));
  if (!date) return Fail(core::ErrorCode::kInvalidArgument, date.error().message, name);
  return std::optional<core::Date>(*date);
}

Result<core::Date> QueryDateOr(const httplib::Request& req, const std::string& name, core::Date fallback) {
  auto date = QueryDate(req, name);
  if (!date) return Fail(date.error());
  return date->value_or(fallback);
}

Result<nlohmann::json> JsonObjectBody(const httplib::Request& req) {
  nlohmann::json body = nlohmann::json::parse(req.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) return Fail(core::ErrorCode::kInvalidArgument, "malformed json body", "body");
  if (!body.is_object()) return Fail(core::ErrorCode::kInvalidArgument, "expected a json object", "body");
  return body;
}

}  // namespace stride::server
