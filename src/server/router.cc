// SPDX-License-Identifier: MIT
#include "server/router.h"

#include <exception>

#include "core/check.h"
#include "server/http.h"

namespace stride::server {
namespace {

bool Matches(const std::vector<std::string>& pattern, const std::vector<std::string>& path, PathParams* params) {
  if (pattern.size() != path.size()) return false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const std::string& p = pattern[i];
    if (p.size() > 2 && p.front() == '{' && p.back() == '}') {
      params->values[p.substr(1, p.size() - 2)] = path[i];
    } else if (p != path[i]) {
      return false;
    }
  }
  return true;
}

void RunGuarded(const Handler& handler, const httplib::Request& req, const PathParams& params,
                httplib::Response& res) {
  try {
    handler(req, params, res);
  } catch (const std::exception& e) {
    SendError(res, 500, "internal", std::string("unexpected failure: ") + e.what(), req.path);
  } catch (...) {
    SendError(res, 500, "internal", "unexpected failure", req.path);
  }
}

}  // namespace

std::vector<std::string> PathSegments(std::string_view path) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    if (slash > start) out.emplace_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

void Router::Add(std::string method, std::string pattern, Handler handler) {
  STRIDE_CHECK(!pattern.empty() && pattern.front() == '/');
  routes_.push_back({std::move(method), PathSegments(pattern), std::move(handler)});
}

void Router::Dispatch(const httplib::Request& req, httplib::Response& res) const {
  const std::vector<std::string> path = PathSegments(req.path);
  const std::string method = req.method == "HEAD" ? "GET" : req.method;
  std::string allowed;
  for (const Route& route : routes_) {
    PathParams params;
    if (!Matches(route.segments, path, &params)) continue;
    if (route.method == method) return RunGuarded(route.handler, req, params, res);
    allowed += (allowed.empty() ? "" : ", ") + route.method;
  }
  if (allowed.empty()) return SendError(res, 404, "not_found", "no such resource", req.path);
  res.set_header("Allow", allowed);
  SendError(res, 405, "method_not_allowed", req.method + " is not allowed here; use " + allowed, req.path);
}

}  // namespace stride::server
