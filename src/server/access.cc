// SPDX-License-Identifier: MIT
#include "server/access.h"

#include "server/router.h"

namespace stride::server {
namespace {

// "127.0.0.1:8080" -> "127.0.0.1", "[::1]:8080" -> "[::1]", "localhost" -> "localhost".
std::string_view HostName(std::string_view host_header) {
  if (host_header.starts_with("[")) {
    size_t close = host_header.find(']');
    return close == std::string_view::npos ? host_header : host_header.substr(0, close + 1);
  }
  return host_header.substr(0, host_header.find(':'));
}

bool IsStateChanging(const std::string& method) { return method != "GET" && method != "HEAD" && method != "OPTIONS"; }

}  // namespace

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  const size_t n = a.size() < b.size() ? a.size() : b.size();
  for (size_t i = 0; i < n; ++i) diff = static_cast<unsigned char>(diff | (a[i] ^ b[i]));
  // Also walk the rest of the longer one, so the time depends on the lengths only.
  for (size_t i = n; i < a.size(); ++i) diff = static_cast<unsigned char>(diff | a[i]);
  for (size_t i = n; i < b.size(); ++i) diff = static_cast<unsigned char>(diff | b[i]);
  return diff == 0 && a.size() == b.size();
}

bool IsLoopbackHost(std::string_view host) {
  if (host.starts_with("[") && host.ends_with("]")) host = host.substr(1, host.size() - 2);
  return host == "localhost" || host == "::1" || host.starts_with("127.");
}

std::optional<Rejection> CheckAccess(const httplib::Request& req, const AccessPolicy& policy) {
  const std::string host = req.get_header_value("Host");
  if (policy.loopback_only && !host.empty() && !IsLoopbackHost(HostName(host))) {
    return Rejection{403, "forbidden", "this server answers only requests addressed to the loopback"};
  }
  if (IsStateChanging(req.method) && req.has_header("Origin") && req.get_header_value("Origin") != "http://" + host) {
    return Rejection{403, "forbidden", "cross-origin requests are refused"};
  }
  // The router's own reading of the path decides what is API, so "//api/x" cannot slip past.
  const auto segments = PathSegments(req.path);
  if (policy.token && !segments.empty() && segments.front() == "api") {
    const std::string presented = req.get_header_value("Authorization");
    if (!ConstantTimeEquals(presented, "Bearer " + *policy.token)) {
      return Rejection{401, "unauthorized", "missing or wrong token: send 'Authorization: Bearer TOKEN'"};
    }
  }
  return std::nullopt;
}

}  // namespace stride::server
