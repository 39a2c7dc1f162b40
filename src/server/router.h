// SPDX-License-Identifier: MIT
// The server's route table: {method, path pattern, handler}, like the CLI's command table. Patterns are
// literal segments and `{name}` captures ("/api/activities/{id}"). Dispatch answers 404 for an unknown
// path and 405 (with Allow) for a known path asked with another method, and turns any exception a
// handler lets escape into a 500, so no request can crash the server. Read-only after set-up:
// Dispatch may run on many threads at once.
#ifndef STRIDE_SERVER_ROUTER_H_
#define STRIDE_SERVER_ROUTER_H_

#include <httplib.h>

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace stride::server {

/// What a handler gets besides the raw request: the `{name}` captures of its pattern.
struct PathParams {
  std::map<std::string, std::string> values;
  const std::string& at(const std::string& name) const { return values.at(name); }
};

using Handler = std::function<void(const httplib::Request&, const PathParams&, httplib::Response&)>;

class Router {
 public:
  /// Adds a route. `method` is "GET", "POST", "PUT" or "DELETE" (GET also answers HEAD).
  /// REQUIRES: pattern starts with '/'.
  void Add(std::string method, std::string pattern, Handler handler);

  /// Finds the route for `req` and runs it, or answers 404/405 with a JSON error.
  void Dispatch(const httplib::Request& req, httplib::Response& res) const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;
    Handler handler;
  };
  std::vector<Route> routes_;
};

/// Splits "/a/b/" into {"a", "b"} (empty segments dropped).
std::vector<std::string> PathSegments(std::string_view path);

}  // namespace stride::server

#endif  // STRIDE_SERVER_ROUTER_H_
