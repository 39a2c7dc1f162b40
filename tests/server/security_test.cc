// SPDX-License-Identifier: MIT
// The server's access rules (token, loopback-only binding), its small pure helpers, and upload names.
#include <gtest/gtest.h>

#include "app/import_upload.h"
#include "server/access.h"
#include "server/http.h"
#include "server/router.h"
#include "test_server.h"

namespace stride::testing {
namespace {

constexpr const char* kToken = "0123456789abcdef-secret";

class ServerTokenTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir();
    SeedDatabase(dir_ / "stride.db", 1);
    server_ = std::make_unique<TestServer>(dir_ / "stride.db", kToken);
    ASSERT_TRUE(server_->started());
    client_ = server_->Client();
  }
  void TearDown() override {
    client_.reset();
    server_.reset();
    std::filesystem::remove_all(dir_);
  }
  std::filesystem::path dir_;
  std::unique_ptr<TestServer> server_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(ServerTokenTest, ApiNeedsTheBearerToken) {
  auto none = client_->Get("/api/athlete");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 401);
  EXPECT_EQ(none->get_header_value("WWW-Authenticate"), "Bearer");
  EXPECT_EQ(client_->Get("/api/athlete", {{"Authorization", "Bearer wrong-token-0000000"}})->status, 401);
  EXPECT_EQ(client_->Get("//api//athlete")->status, 401);  // no way around by spelling the path oddly
  EXPECT_EQ(client_->Get("/api/nothing")->status, 401);     // unknown API paths reveal nothing either
  auto good = client_->Get("/api/athlete", {{"Authorization", std::string("Bearer ") + kToken}});
  ASSERT_TRUE(good);
  EXPECT_EQ(good->status, 200);
}

TEST_F(ServerTokenTest, PageLoadsWithoutTheToken) { EXPECT_EQ(client_->Get("/")->status, 200); }

TEST(DashboardServerTest, NonLoopbackBindNeedsAToken) {
  server::ServerOptions options;
  options.host = "0.0.0.0";
  options.port = 0;
  options.db_path = ":memory:";
  auto refused = server::DashboardServer::Create(options);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, core::ErrorCode::kInvalidArgument);
  EXPECT_EQ(refused.error().where, "--host");
  options.token = "short";
  auto too_short = server::DashboardServer::Create(options);
  ASSERT_FALSE(too_short);
  EXPECT_EQ(too_short.error().where, "--token");
}

TEST(DashboardServerTest, StopBeforeRunMakesRunReturn) {
  server::ServerOptions options;
  options.port = 0;
  options.db_path = ":memory:";
  auto server = server::DashboardServer::Create(options);
  ASSERT_TRUE(server) << server.error().ToString();
  EXPECT_GT((*server)->port(), 0);
  EXPECT_EQ((*server)->url(), "http://127.0.0.1:" + std::to_string((*server)->port()) + "/");
  (*server)->Stop();
  EXPECT_TRUE((*server)->Run());
}

TEST(ServerHelpersTest, ConstantTimeEqualsComparesWholeStrings) {
  EXPECT_TRUE(server::ConstantTimeEquals("Bearer abc", "Bearer abc"));
  EXPECT_FALSE(server::ConstantTimeEquals("Bearer abc", "Bearer abd"));
  EXPECT_FALSE(server::ConstantTimeEquals("Bearer ab", "Bearer abc"));
  EXPECT_FALSE(server::ConstantTimeEquals("", "x"));
  EXPECT_TRUE(server::ConstantTimeEquals("", ""));
}

TEST(ServerHelpersTest, LoopbackHosts) {
  EXPECT_TRUE(server::IsLoopbackHost("127.0.0.1"));
  EXPECT_TRUE(server::IsLoopbackHost("localhost"));
  EXPECT_TRUE(server::IsLoopbackHost("[::1]"));
  EXPECT_FALSE(server::IsLoopbackHost("0.0.0.0"));
  EXPECT_FALSE(server::IsLoopbackHost("192.168.1.2"));
  EXPECT_FALSE(server::IsLoopbackHost("localhost.evil.example"));
}

TEST(ServerHelpersTest, ErrorCodesMapToStatuses) {
  using core::ErrorCode;
  EXPECT_EQ(server::HttpStatusFor(ErrorCode::kInvalidArgument), 400);
  EXPECT_EQ(server::HttpStatusFor(ErrorCode::kNotFound), 404);
  EXPECT_EQ(server::HttpStatusFor(ErrorCode::kConflict), 409);
  EXPECT_EQ(server::HttpStatusFor(ErrorCode::kCorruptData), 422);
  EXPECT_EQ(server::HttpStatusFor(ErrorCode::kUnsupported), 422);
  EXPECT_EQ(server::HttpStatusFor(ErrorCode::kIoError), 500);
  EXPECT_EQ(server::HttpStatusFor(ErrorCode::kInternal), 500);
}

TEST(ServerHelpersTest, PathSegmentsDropEmptyParts) {
  EXPECT_EQ(server::PathSegments("/api//activities/42/"), (std::vector<std::string>{"api", "activities", "42"}));
  EXPECT_TRUE(server::PathSegments("/").empty());
}

TEST(ServerHelpersTest, RouterCatchesHandlerExceptions) {
  server::Router router;
  router.Add("GET", "/boom", [](const httplib::Request&, const server::PathParams&, httplib::Response&) {
    throw std::runtime_error("kaboom");
  });
  httplib::Request req;
  req.method = "GET";
  req.path = "/boom";
  httplib::Response res;
  router.Dispatch(req, res);
  EXPECT_EQ(res.status, 500);
  EXPECT_NE(res.body.find("kaboom"), std::string::npos);
}

TEST(SafeUploadNameTest, KeepsOnlyASafeBaseName) {
  EXPECT_EQ(app::SafeUploadName("../../etc/passwd"), "passwd");
  EXPECT_EQ(app::SafeUploadName("C:\\Users\\sam\\run 1.fit"), "run_1.fit");
  EXPECT_EQ(app::SafeUploadName("export_123.zip"), "export_123.zip");
  EXPECT_EQ(app::SafeUploadName(".."), "upload");
  EXPECT_EQ(app::SafeUploadName(""), "upload");
}

}  // namespace
}  // namespace stride::testing
