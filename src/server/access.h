// SPDX-License-Identifier: MIT
// Who may use the server (docs/dashboard.md "Security"): on loopback, only requests whose Host names the
// loopback (so a web page cannot reach the API through DNS rebinding); with a token, every /api/ call must
// carry `Authorization: Bearer TOKEN`, compared in constant time; a state-changing call from a browser
// must come from the dashboard's own origin (no cross-site form posts).
#ifndef STRIDE_SERVER_ACCESS_H_
#define STRIDE_SERVER_ACCESS_H_

#include <httplib.h>

#include <optional>
#include <string>
#include <string_view>

namespace stride::server {

struct AccessPolicy {
  std::optional<std::string> token;  // when set, required on every /api/ request
  bool loopback_only = true;         // bound to a loopback address: check the Host header
};

/// Why a request is refused: an HTTP status (401 or 403) and a message.
struct Rejection {
  int status;
  std::string code;
  std::string message;
};

/// nullopt when `req` may proceed, else the rejection to send.
std::optional<Rejection> CheckAccess(const httplib::Request& req, const AccessPolicy& policy);

/// True when `a` equals `b`; the time taken depends only on the lengths, not on where they differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

/// True for "localhost", "127.0.0.0/8" addresses and "::1" (with or without brackets).
bool IsLoopbackHost(std::string_view host);

}  // namespace stride::server

#endif  // STRIDE_SERVER_ACCESS_H_
