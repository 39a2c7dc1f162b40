// SPDX-License-Identifier: MIT
// Handlers for the activity list, one activity with its sample streams, and uploads to import.
#include <charconv>
#include <span>
#include <string_view>

#include "app/import_upload.h"
#include "server/api.h"
#include "server/http.h"
#include "store/activity_repository.h"
#include "views/json_output.h"

namespace stride::server {
namespace {

// The stream cap a client may ask for with ?points=.
constexpr size_t kMinPoints = 2;
constexpr size_t kMaxPoints = 10000;

Result<int64_t> ParseId(const std::string& text) {
  int64_t id = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, id);
  if (ec != std::errc() || ptr != end || id <= 0) {
    return Fail(core::ErrorCode::kInvalidArgument, "activity id must be a positive whole number", "id");
  }
  return id;
}

Result<size_t> PointsParam(const httplib::Request& req) {
  if (!req.has_param("points")) return views::kMaxStreamPoints;
  auto n = ParseId(req.get_param_value("points"));
  if (!n || static_cast<size_t>(*n) < kMinPoints || static_cast<size_t>(*n) > kMaxPoints) {
    return Fail(core::ErrorCode::kInvalidArgument, "points must be between 2 and 10000", "points");
  }
  return static_cast<size_t>(*n);
}

struct Upload {
  std::string name;
  std::span<const uint8_t> bytes;  // points into the request, valid while it lives
};

std::span<const uint8_t> AsBytes(const std::string& s) {
  return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}

// A multipart form's "file" field (else its first file), or a raw body named by ?name= or X-Filename.
Result<Upload> ReadUpload(const httplib::Request& req) {
  if (req.is_multipart_form_data()) {
    auto it = req.files.find("file");
    if (it == req.files.end()) it = req.files.begin();
    if (it == req.files.end()) return Fail(core::ErrorCode::kInvalidArgument, "the form holds no file", "file");
    return Upload{it->second.filename, AsBytes(it->second.content)};
  }
  std::string name = req.get_param_value("name");
  if (name.empty()) name = httplib::detail::decode_url(req.get_header_value("X-Filename"), false);
  if (name.empty()) {
    return Fail(core::ErrorCode::kInvalidArgument, "name the file with ?name= or an X-Filename header", "name");
  }
  return Upload{name, AsBytes(req.body)};
}

}  // namespace

void HandleListActivities(const ApiContext& ctx, const httplib::Request& req, const PathParams&,
                          httplib::Response& res) {
  auto from = QueryDate(req, "from");
  if (!from) return SendError(res, from.error());
  auto to = QueryDate(req, "to");
  if (!to) return SendError(res, to.error());
  auto db = ctx.OpenDatabase();
  if (!db) return SendError(res, db.error());
  auto list = store::ListActivities(*db, *from, *to);
  if (!list) return SendError(res, list.error());
  nlohmann::json out = nlohmann::json::array();
  for (const auto& activity : *list) out.push_back(views::StoredActivityJson(activity));
  SendJson(res, out);
}

void HandleGetActivity(const ApiContext& ctx, const httplib::Request& req, const PathParams& params,
                       httplib::Response& res) {
  auto id = ParseId(params.at("id"));
  if (!id) return SendError(res, id.error());
  auto points = PointsParam(req);
  if (!points) return SendError(res, points.error());
  auto db = ctx.OpenDatabase();
  if (!db) return SendError(res, db.error());
  auto activity = store::LoadActivity(*db, *id, /*with_samples=*/true);
  if (!activity) return SendError(res, activity.error());
  SendJson(res, views::ActivityDetailJson(*activity, *points));
}

// 200 with the import report; 422 (the report plus "error") when nothing in the upload was an activity.
void HandleImport(const ApiContext& ctx, const httplib::Request& req, const PathParams&, httplib::Response& res) {
  auto upload = ReadUpload(req);
  if (!upload) return SendError(res, upload.error());
  auto db = ctx.OpenDatabase();
  if (!db) return SendError(res, db.error());
  auto report = app::ImportBytes(*db, upload->bytes, upload->name, app::ImportOptions{});
  if (!report) return SendError(res, report.error());
  nlohmann::json body = views::ImportJson(*report);
  if (report->imported.empty() && report->duplicates.empty() && !report->failed.empty()) {
    const core::Error& first = report->failed.front().error;
    body["error"] = {{"code", core::ErrorCodeName(first.code)}, {"message", first.message}, {"where", first.where}};
    return SendJson(res, body, 422);
  }
  SendJson(res, body);
}

}  // namespace stride::server
