// SPDX-License-Identifier: MIT
// The dashboard server behind `stride serve`: the JSON API (api.h) and the embedded page (assets.h) over
// cpp-httplib. It binds to loopback unless given a token, opens one database connection per request, and
// stops cleanly: Stop() ends accepting, lets in-flight requests finish, then Run() returns.
#ifndef STRIDE_SERVER_SERVER_H_
#define STRIDE_SERVER_SERVER_H_

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/date.h"
#include "core/result.h"

namespace stride::server {

inline constexpr uint64_t kDefaultMaxUploadBytes = uint64_t{256} << 20;  // 256 MiB
/// A token must be at least this long to guard a non-loopback bind.
inline constexpr size_t kMinTokenLength = 16;

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (see DashboardServer::port)
  /// Required (>= kMinTokenLength characters) when `host` is not a loopback address; then every /api/
  /// request must carry `Authorization: Bearer TOKEN`. Optional on loopback.
  std::optional<std::string> token;
  std::filesystem::path db_path;
  /// Larger request bodies get 413 before they are read.
  uint64_t max_upload_bytes = kDefaultMaxUploadBytes;
  /// The day that counts as today; empty means the local date from the system clock.
  std::function<core::Date()> today;
};

class DashboardServer {
 public:
  /// Checks `options`, opens (creating and migrating) the database once and binds the port; the server
  /// accepts connections once Run() is called. Fails with kInvalidArgument when a non-loopback host has no
  /// (or too short a) token, with the database's error when it cannot be opened, and with kIoError when the
  /// address cannot be bound.
  static Result<std::unique_ptr<DashboardServer>> Create(ServerOptions options);
  ~DashboardServer();

  /// The bound port (the chosen one when options.port was 0).
  int port() const;
  /// "http://HOST:PORT/".
  std::string url() const;

  /// Serves until Stop(). Returns after every in-flight request has finished. Call once.
  Status Run();
  /// Asks Run() to return. Thread-safe; harmless before Run() (Run then returns at once) or after.
  void Stop();

 private:
  struct Impl;
  explicit DashboardServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// Runs `server` until SIGINT or SIGTERM arrives, then stops it and returns Run()'s status. Blocks those
/// signals in the calling thread (and so in the server's worker threads) while it runs.
Status RunUntilSignalled(DashboardServer& server);

}  // namespace stride::server

#endif  // STRIDE_SERVER_SERVER_H_
