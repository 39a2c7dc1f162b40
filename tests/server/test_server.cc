// SPDX-License-Identifier: MIT
#include "test_server.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include "app/athlete.h"
#include "app/import.h"
#include "app/sample_history.h"
#include "store/database.h"

namespace stride::testing {

core::Date TestToday() { return core::Date::FromYmd(2026, 3, 1); }

std::filesystem::path MakeTempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "stride-server-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) ADD_FAILURE() << "mkdtemp failed";
  return pattern;
}

size_t SeedDatabase(const std::filesystem::path& db_path, int weeks) {
  auto db = store::Database::Open(db_path);
  if (!db) {
    ADD_FAILURE() << db.error().ToString();
    return 0;
  }
  app::AthleteChanges changes;
  changes.name = "Sam";
  changes.hr_rest_bpm = 50;
  changes.hr_max_bpm = 190;
  if (auto a = app::UpdateAthlete(*db, changes, TestToday()); !a) ADD_FAILURE() << a.error().ToString();
  const auto runs = db_path.parent_path() / "runs";
  auto written = app::WriteSampleHistory(runs, TestToday(), weeks);
  if (!written) {
    ADD_FAILURE() << written.error().ToString();
    return 0;
  }
  auto report = app::ImportPaths(*db, {runs}, app::ImportOptions{});
  if (!report) {
    ADD_FAILURE() << report.error().ToString();
    return 0;
  }
  return report->imported.size();
}

TestServer::TestServer(const std::filesystem::path& db_path, std::optional<std::string> token,
                       uint64_t max_upload_bytes) {
  server::ServerOptions options;
  options.port = 0;
  options.db_path = db_path;
  options.token = std::move(token);
  options.max_upload_bytes = max_upload_bytes;
  options.today = TestToday;
  auto created = server::DashboardServer::Create(std::move(options));
  if (!created) {
    ADD_FAILURE() << created.error().ToString();
    return;
  }
  server_ = std::move(*created);
  thread_ = std::thread([this] {
    if (auto s = server_->Run(); !s) ADD_FAILURE() << s.error().ToString();
  });
}

TestServer::~TestServer() {
  if (!server_) return;
  server_->Stop();
  thread_.join();
}

std::unique_ptr<httplib::Client> TestServer::Client() const {
  auto client = std::make_unique<httplib::Client>("127.0.0.1", port());
  client->set_connection_timeout(5);
  client->set_read_timeout(5);
  client->set_write_timeout(5);
  return client;
}

}  // namespace stride::testing
