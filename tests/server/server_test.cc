// SPDX-License-Identifier: MIT
// The JSON API against a real server on 127.0.0.1: every endpoint, uploads, and the error statuses.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/sample_history.h"
#include "formats/gpx_writer.h"
#include "test_server.h"

namespace stride::testing {
namespace {

using nlohmann::json;

json Body(const httplib::Result& r) { return json::parse(r->body); }

class ServerApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir();
    seeded_ = SeedDatabase(dir_ / "stride.db", 3);
    server_ = std::make_unique<TestServer>(dir_ / "stride.db");
    ASSERT_TRUE(server_->started());
    client_ = server_->Client();
  }
  void TearDown() override {
    client_.reset();
    server_.reset();
    std::filesystem::remove_all(dir_);
  }

  size_t ActivityCount() {
    auto r = client_->Get("/api/activities");
    return r && r->status == 200 ? Body(r).size() : 0;
  }

  // The GPX text of a run that is not in the seeded history (a week later).
  static std::string NewRunGpx(size_t index = 0) {
    auto runs = app::SampleHistory(core::Date::FromYmd(2026, 3, 8), 1);
    return formats::WriteGpx(runs.at(index));
  }

  std::filesystem::path dir_;
  size_t seeded_ = 0;
  std::unique_ptr<TestServer> server_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(ServerApiTest, AthleteReturnsTheStoredProfile) {
  auto r = client_->Get("/api/athlete");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json");
  EXPECT_EQ(Body(r)["name"], "Sam");
  EXPECT_EQ(Body(r)["hr_max_bpm"], 190);
}

TEST_F(ServerApiTest, PutAthleteChangesTheProfile) {
  auto r = client_->Put("/api/athlete", R"({"hr_max_bpm": 185, "training_days": ["tue", "sun"]})", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  auto again = client_->Get("/api/athlete");
  EXPECT_EQ(Body(again)["hr_max_bpm"], 185);
  EXPECT_EQ(Body(again)["training_days"], json({"tue", "sun"}));
  EXPECT_EQ(Body(again)["name"], "Sam");  // unchanged fields stay
}

TEST_F(ServerApiTest, MalformedJsonBodyIs400) {
  auto r = client_->Put("/api/athlete", "{\"hr_max_bpm\": ", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(Body(r)["error"]["code"], "invalid_argument");
  EXPECT_EQ(Body(r)["error"]["message"], "malformed json body");
}

TEST_F(ServerApiTest, WrongFieldTypeIs400NamingTheField) {
  auto r = client_->Put("/api/athlete", R"({"hr_max_bpm": "fast"})", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(Body(r)["error"]["where"], "hr_max_bpm");
}

TEST_F(ServerApiTest, ListsImportedActivities) {
  ASSERT_GT(seeded_, 0u);
  auto r = client_->Get("/api/activities");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  json list = Body(r);
  ASSERT_EQ(list.size(), seeded_);
  EXPECT_TRUE(list[0]["id"].is_number_integer());
  EXPECT_EQ(list[0]["sport"], "running");
  auto since = client_->Get("/api/activities?from=2026-02-23");
  EXPECT_LT(Body(since).size(), seeded_);
}

TEST_F(ServerApiTest, ActivityHasDownsampledStreams) {
  const int64_t id = Body(client_->Get("/api/activities"))[0]["id"];
  auto r = client_->Get("/api/activities/" + std::to_string(id) + "?points=100");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  json streams = Body(r)["streams"];
  EXPECT_EQ(streams["points"], 100);
  EXPECT_GT(streams["source_points"].get<int>(), 100);
  for (const char* channel : {"time_s", "distance_m", "speed_mps", "pace_s_per_km", "heart_rate_bpm", "altitude_m"}) {
    EXPECT_EQ(streams[channel].size(), 100u) << channel;
  }
  // An easy run: paces between 3 and 12 min/km, heart rates between 80 and 200.
  const double pace = streams["pace_s_per_km"][50];
  EXPECT_GT(pace, 180);
  EXPECT_LT(pace, 720);
  const double hr = streams["heart_rate_bpm"][50];
  EXPECT_GT(hr, 80);
  EXPECT_LT(hr, 200);
  auto full = client_->Get("/api/activities/" + std::to_string(id));
  EXPECT_LE(Body(full)["streams"]["points"].get<int>(), 2000);
}

TEST_F(ServerApiTest, UnknownActivityIs404AndBadIdIs400) {
  auto missing = client_->Get("/api/activities/999999");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(Body(missing)["error"]["code"], "not_found");
  auto bad = client_->Get("/api/activities/abc");
  EXPECT_EQ(bad->status, 400);
  auto points = client_->Get("/api/activities/1?points=1");
  EXPECT_EQ(points->status, 400);
}

TEST_F(ServerApiTest, LoadReturnsDailySeriesAndWeeks) {
  auto r = client_->Get("/api/load?from=2026-02-01&to=2026-03-01");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  json load = Body(r);
  EXPECT_EQ(load["to"], "2026-03-01");
  ASSERT_FALSE(load["days"].empty());
  EXPECT_EQ(load["days"].back()["date"], "2026-03-01");
  EXPECT_GT(load["days"].back()["ctl"].get<double>(), 0);
  EXPECT_FALSE(load["weeks"].empty());
  auto bad = client_->Get("/api/load?to=2026-02-30");
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(Body(bad)["error"]["where"], "to");
  auto reversed = client_->Get("/api/load?from=2026-03-02&to=2026-03-01");
  EXPECT_EQ(reversed->status, 400);
}

TEST_F(ServerApiTest, FitnessReturnsEstimates) {
  auto r = client_->Get("/api/fitness");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_TRUE(Body(r).contains("predictions"));
  EXPECT_TRUE(Body(r).contains("history"));
}

TEST_F(ServerApiTest, InfoListsSectionsThatAreLive) {
  auto r = client_->Get("/api/info");
  ASSERT_TRUE(r);
  EXPECT_EQ(Body(r)["today"], "2026-03-01");
  EXPECT_TRUE(Body(r)["features"].contains("plan"));
}

TEST_F(ServerApiTest, RawUploadImportsAGpx) {
  const size_t before = ActivityCount();
  auto r = client_->Post("/api/import?name=new-run.gpx", NewRunGpx(), "application/gpx+xml");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(Body(r)["imported"], 1);
  EXPECT_EQ(Body(r)["activities"][0]["file"], "new-run.gpx");
  EXPECT_EQ(ActivityCount(), before + 1);
  auto again = client_->Post("/api/import?name=new-run.gpx", NewRunGpx(), "application/gpx+xml");
  EXPECT_EQ(Body(again)["duplicates"], 1);
  EXPECT_EQ(ActivityCount(), before + 1);
}

TEST_F(ServerApiTest, MultipartUploadImportsAGpx) {
  const size_t before = ActivityCount();
  httplib::MultipartFormDataItems items = {{"file", NewRunGpx(1), "../../evil name.gpx", "application/gpx+xml"}};
  auto r = client_->Post("/api/import", items);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(Body(r)["imported"], 1);
  EXPECT_EQ(Body(r)["activities"][0]["file"], "evil_name.gpx");  // no path from the client survives
  EXPECT_EQ(ActivityCount(), before + 1);
}

TEST_F(ServerApiTest, UploadThatIsNoActivityIs422) {
  auto r = client_->Post("/api/import?name=notes.txt", "just some text", "text/plain");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 422) << r->body;
  EXPECT_EQ(Body(r)["imported"], 0);
  EXPECT_TRUE(Body(r).contains("error"));
}

TEST_F(ServerApiTest, UploadWithoutNameOrBodyIs400) {
  EXPECT_EQ(client_->Post("/api/import", NewRunGpx(), "application/gpx+xml")->status, 400);
  EXPECT_EQ(client_->Post("/api/import?name=a.gpx", "", "application/gpx+xml")->status, 400);
}

TEST_F(ServerApiTest, UploadOverTheLimitIs413) {
  const std::string big(2 << 20, 'x');  // the test server allows 1 MiB
  auto r = client_->Post("/api/import?name=big.gpx", big, "application/gpx+xml");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(Body(r)["error"]["code"], "payload_too_large");
}

TEST_F(ServerApiTest, UnknownRouteIs404) {
  auto r = client_->Get("/api/nothing-here");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(Body(r)["error"]["code"], "not_found");
}

TEST_F(ServerApiTest, WrongMethodIs405WithAllow) {
  auto r = client_->Delete("/api/athlete");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 405);
  EXPECT_EQ(r->get_header_value("Allow"), "GET, PUT");
  EXPECT_EQ(Body(r)["error"]["code"], "method_not_allowed");
  EXPECT_EQ(client_->Post("/api/load", "", "text/plain")->status, 405);
}

TEST_F(ServerApiTest, ServesTheEmbeddedPageOnly) {
  auto page = client_->Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(page->body.find("<main"), std::string::npos);
  EXPECT_NE(page->get_header_value("Content-Security-Policy").find("script-src 'self'"), std::string::npos);
  EXPECT_EQ(client_->Get("/vendor/uPlot.min.js")->status, 200);
  EXPECT_EQ(client_->Get("/app.js")->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(client_->Get("/web/index.html")->status, 404);
  EXPECT_EQ(client_->Get("/../CMakeLists.txt")->status, 404);
  EXPECT_EQ(client_->Get("/%2e%2e/CMakeLists.txt")->status, 404);
}

TEST_F(ServerApiTest, RefusesForeignHostAndCrossOriginPosts) {
  auto rebinding = client_->Get("/api/athlete", {{"Host", "evil.example:8080"}});
  ASSERT_TRUE(rebinding);
  EXPECT_EQ(rebinding->status, 403);
  auto cross = client_->Post("/api/import?name=a.gpx", {{"Origin", "http://evil.example"}}, NewRunGpx(),
                             "application/gpx+xml");
  ASSERT_TRUE(cross);
  EXPECT_EQ(cross->status, 403);
}

}  // namespace
}  // namespace stride::testing
