// SPDX-License-Identifier: MIT
// A real DashboardServer on 127.0.0.1 and an ephemeral port, over a temporary database seeded with a
// profile and three weeks of the demo runner's history; and an httplib client pointed at it.
#ifndef STRIDE_TESTS_SERVER_TEST_SERVER_H_
#define STRIDE_TESTS_SERVER_TEST_SERVER_H_

#include <httplib.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "core/date.h"
#include "server/server.h"

namespace stride::testing {

/// The fixed "today" of every server test.
core::Date TestToday();

/// A fresh temporary folder, removed by the caller.
std::filesystem::path MakeTempDir();

/// Seeds `db_path` with a profile (name "Sam", HR 50/190) and `weeks` weeks of history ending TestToday().
/// Returns how many activities were imported.
size_t SeedDatabase(const std::filesystem::path& db_path, int weeks);

class TestServer {
 public:
  /// Starts a server on `db_path`; fails the current test (and returns an unstarted server) on error.
  explicit TestServer(const std::filesystem::path& db_path, std::optional<std::string> token = std::nullopt,
                      uint64_t max_upload_bytes = 1 << 20);
  ~TestServer();

  bool started() const { return server_ != nullptr; }
  int port() const { return server_->port(); }
  /// A client for this server (5 s timeouts).
  std::unique_ptr<httplib::Client> Client() const;

 private:
  std::unique_ptr<server::DashboardServer> server_;
  std::thread thread_;
};

}  // namespace stride::testing

#endif  // STRIDE_TESTS_SERVER_TEST_SERVER_H_
