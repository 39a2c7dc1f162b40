// SPDX-License-Identifier: MIT
// The today, plan, rehab and injury endpoints against a real server on 127.0.0.1: the same JSON as the
// CLI's --json (built by views/ from the same app/ calls), injury add and pain log with bad input, wrong
// methods, malformed JSON, the token and the body size limit.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>

#include "app/athlete.h"
#include "app/injury.h"
#include "app/plan.h"
#include "app/today.h"
#include "store/database.h"
#include "test_server.h"
#include "views/json_output.h"

namespace stride::testing {
namespace {

using nlohmann::json;

constexpr const char* kToken = "0123456789abcdef-secret";
constexpr const char* kJson = "application/json";

json Body(const httplib::Result& r) { return json::parse(r->body); }

// The race 20 weeks after TestToday() (a Sunday), as in JOURNEY.md.
core::Date RaceDay() { return TestToday().AddDays(20 * 7); }

class CareApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir();
    SeedDatabase(db_path(), 3);
  }
  void TearDown() override {
    client_.reset();
    server_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::filesystem::path db_path() const { return dir_ / "stride.db"; }

  void Start(std::optional<std::string> token = std::nullopt) {
    server_ = std::make_unique<TestServer>(db_path(), std::move(token));
    ASSERT_TRUE(server_->started());
    client_ = server_->Client();
  }

  void MakePlan() {
    auto db = store::Database::Open(db_path());
    ASSERT_TRUE(db) << db.error().ToString();
    // Sam's week (JOURNEY.md): four runs, the long one on Sunday, a foam roller and a sauna at hand.
    app::AthleteChanges changes;
    changes.training_days = {core::Weekday::kTuesday, core::Weekday::kThursday, core::Weekday::kSaturday,
                             core::Weekday::kSunday};
    changes.long_run_day = core::Weekday::kSunday;
    changes.facilities = {core::Facility::kFoamRoller, core::Facility::kSauna};
    auto athlete = app::UpdateAthlete(*db, changes, TestToday());
    ASSERT_TRUE(athlete) << athlete.error().ToString();
    app::NewPlanOptions options;
    options.race_date = RaceDay();
    options.goal_time_s = 4.5 * 3600;
    auto view = app::NewPlan(*db, options, TestToday());
    ASSERT_TRUE(view) << view.error().ToString();
  }

  // What `stride today --date D --json` prints for the same database.
  json CliToday(core::Date date) {
    auto db = store::Database::Open(db_path());
    auto report = app::ComputeToday(*db, date);
    EXPECT_TRUE(report) << report.error().ToString();
    return report ? views::TodayJson(*report) : json();
  }

  // The first date on or after TestToday() whose plan has a run with a warm-up.
  std::optional<core::Date> FirstWorkoutDay() {
    for (int d = 0; d < 21; ++d) {
      const core::Date date = TestToday().AddDays(d);
      const json day = CliToday(date);
      for (const json& s : day["sessions"]) {
        if (!s["main"].empty() && !s["warmup"].empty()) return date;
      }
    }
    return std::nullopt;
  }

  httplib::Result PostJson(const std::string& path, const json& body) {
    return client_->Post(path, body.dump(), kJson);
  }

  std::filesystem::path dir_;
  std::unique_ptr<TestServer> server_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(CareApiTest, TodayWithoutAPlanIsARestDayThatSaysHowToMakeOne) {
  Start();
  auto r = client_->Get("/api/today");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(Body(r)["date"], "2026-03-01");
  EXPECT_EQ(Body(r)["has_plan"], false);
  EXPECT_EQ(Body(r), CliToday(TestToday()));
}

TEST_F(CareApiTest, TodayIsTheCliJsonForAPlannedWorkout) {
  MakePlan();
  Start();
  const auto day = FirstWorkoutDay();
  ASSERT_TRUE(day) << "the plan has no run with a warm-up in its first three weeks";
  auto r = client_->Get("/api/today?date=" + core::FormatDate(*day));
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const json body = Body(r);
  EXPECT_EQ(body["has_plan"], true);
  EXPECT_EQ(body["date"], core::FormatDate(*day));
  EXPECT_FALSE(body["sessions"][0]["warmup"].empty());
  EXPECT_FALSE(body["mobility"].empty());
  EXPECT_EQ(body, CliToday(*day));
}

TEST_F(CareApiTest, TodayRejectsAMalformedDate) {
  Start();
  auto r = client_->Get("/api/today?date=2026-13-40");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(Body(r)["error"]["code"], "invalid_argument");
  EXPECT_EQ(Body(r)["error"]["where"], "date");
}

TEST_F(CareApiTest, PlanWithoutOneIs404NamingPlanNew) {
  Start();
  auto r = client_->Get("/api/plan");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_NE(Body(r)["error"]["message"].get<std::string>().find("stride plan new"), std::string::npos) << r->body;
}

TEST_F(CareApiTest, PlanHasWeeksWithPhasesTaperAndRaceAndDoneDistance) {
  MakePlan();
  Start();
  auto r = client_->Get("/api/plan");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const json body = Body(r);
  EXPECT_EQ(body["as_of"], "2026-03-01");
  ASSERT_GE(body["weeks"].size(), 18u);
  std::set<std::string> phases;
  for (const json& w : body["weeks"]) {
    phases.insert(w["phase"].get<std::string>());
    EXPECT_TRUE(w.contains("done_distance_m"));
    EXPECT_TRUE(w.contains("planned_distance_m"));
  }
  EXPECT_TRUE(phases.count("taper")) << body["weeks"].dump();
  EXPECT_TRUE(phases.count("race"));
  EXPECT_TRUE(phases.count("base"));
  // The same document as `stride plan show --json`, plus as_of.
  auto db = store::Database::Open(db_path());
  auto view = app::ShowPlan(*db, TestToday());
  ASSERT_TRUE(view);
  json expected = views::PlanJson(*view);
  expected["as_of"] = "2026-03-01";
  EXPECT_EQ(body, expected);
}

TEST_F(CareApiTest, RehabWithoutAnInjuryIsStageNone) {
  Start();
  auto r = client_->Get("/api/rehab");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(Body(r)["stage"], "none");
  EXPECT_TRUE(Body(r)["injury"].is_null());
  EXPECT_EQ(Body(r)["date"], "2026-03-01");
}

TEST_F(CareApiTest, AddedInjuryIsListedAndDrivesTheRehabPanel) {
  Start();
  auto added = PostJson("/api/injuries", {{"site", "it-band"}, {"side", "left"}, {"pain", 4}});
  ASSERT_TRUE(added);
  ASSERT_EQ(added->status, 201) << added->body;
  EXPECT_EQ(Body(added)["injury"]["site"], "it-band");
  EXPECT_EQ(Body(added)["injury"]["side"], "left");
  EXPECT_EQ(Body(added)["injury"]["onset_date"], "2026-03-01");
  EXPECT_EQ(Body(added)["stage"], "protect");
  EXPECT_EQ(Body(added)["stop_running"], true);

  auto list = client_->Get("/api/injuries");
  ASSERT_EQ(list->status, 200);
  ASSERT_EQ(Body(list).size(), 1u);
  EXPECT_EQ(Body(list)[0]["injury"]["id"], Body(added)["injury"]["id"]);

  auto rehab = client_->Get("/api/rehab");
  ASSERT_EQ(rehab->status, 200);
  const json panel = Body(rehab);
  EXPECT_EQ(panel["stage"], "protect");
  EXPECT_FALSE(panel["routine"].empty());
  EXPECT_FALSE(panel["next_stage_criteria"].empty());
  EXPECT_FALSE(panel["regress_if"].empty());
  auto db = store::Database::Open(db_path());
  auto report = app::ComputeRehabReport(*db, TestToday());
  ASSERT_TRUE(report);
  EXPECT_EQ(panel, views::RehabJson(*report));  // as `stride rehab --json`
}

TEST_F(CareApiTest, AddInjuryRejectsBadInputWithTheCliMessages) {
  Start();
  struct Case {
    json body;
    const char* where;
    const char* message;
  };
  const Case cases[] = {
      {{{"site", "it-band"}, {"pain", 11}}, "pain", "pain must be a whole number from 0 to 10, got '11'"},
      {{{"site", "it-band"}, {"pain", "x"}}, "pain", "pain must be a whole number from 0 to 10, got 'x'"},
      {{{"site", "it-band"}, {"pain", 4.5}}, "pain", "pain must be a whole number from 0 to 10, got '4.5'"},
      {{{"site", "it-band"}}, "pain", "pain is required"},
      {{{"site", "it-band"}, {"pain", 3}, {"swelling", "yes"}}, "swelling", "expected true or false"},
      {{{"site", "it-band"}, {"pain", 3}, {"date", "yesterday"}}, "date", nullptr},
      {{{"site", "elbow"}, {"pain", 3}}, "site", nullptr},
      {{{"pain", 3}}, "site", nullptr},
      {{{"site", "it-band"}, {"pain", 3}, {"side", "middle"}}, "side", nullptr},
  };
  for (const Case& c : cases) {
    auto r = PostJson("/api/injuries", c.body);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400) << c.body.dump();
    EXPECT_EQ(Body(r)["error"]["code"], "invalid_argument");
    EXPECT_EQ(Body(r)["error"]["where"], c.where) << c.body.dump();
    if (c.message) {
      EXPECT_EQ(Body(r)["error"]["message"], c.message);
    }
  }
  EXPECT_EQ(Body(client_->Get("/api/injuries")).size(), 0u) << "nothing was stored";
}

TEST_F(CareApiTest, UnknownSiteMessageListsTheAcceptedSites) {
  Start();
  auto r = PostJson("/api/injuries", {{"site", "elbow"}, {"pain", 3}});
  ASSERT_TRUE(r);
  const std::string message = Body(r)["error"]["message"];
  EXPECT_NE(message.find("elbow"), std::string::npos);
  EXPECT_NE(message.find("it-band"), std::string::npos);
}

TEST_F(CareApiTest, PainLogWithRedFlagPainStopsRunning) {
  Start();
  auto added = PostJson("/api/injuries", {{"site", "it-band"}, {"pain", 4}, {"date", "2026-02-20"}});
  ASSERT_EQ(added->status, 201) << added->body;
  auto before = Body(client_->Get("/api/rehab"));
  EXPECT_TRUE(before["red_flags"].empty());
  auto logged = PostJson("/api/injuries/log", {{"pain_during", 8}, {"pain_after", 6}, {"pain_next_morning", 5}});
  ASSERT_TRUE(logged);
  ASSERT_EQ(logged->status, 200) << logged->body;
  EXPECT_EQ(Body(logged)["replaced"], false);
  EXPECT_FALSE(Body(logged)["red_flags"].empty());
  auto after = Body(client_->Get("/api/rehab"));
  EXPECT_FALSE(after["red_flags"].empty()) << after.dump();
  EXPECT_EQ(after["stop_running"], true);
  ASSERT_EQ(after["logs"].size(), 1u);
  EXPECT_EQ(after["logs"][0]["pain_during"], 8);
  // A second log of the same day replaces the first.
  auto again = PostJson("/api/injuries/log", {{"pain_during", 1}, {"pain_after", 1}, {"pain_next_morning", 0}});
  ASSERT_EQ(again->status, 200) << again->body;
  EXPECT_EQ(Body(again)["replaced"], true);
}

TEST_F(CareApiTest, PainLogRejectsBadInput) {
  Start();
  ASSERT_EQ(PostJson("/api/injuries", {{"site", "calf"}, {"pain", 3}})->status, 201);
  struct Case {
    json body;
    const char* where;
    const char* message;
  };
  const json good{{"pain_during", 1}, {"pain_after", 1}, {"pain_next_morning", 0}};
  auto with = [&](const char* field, json value) {
    json b = good;
    if (value.is_null()) b.erase(field);
    else b[field] = std::move(value);
    return b;
  };
  const Case cases[] = {
      {with("pain_after", nullptr), "pain_after", "pain_after is required"},
      {with("pain_during", -1), "pain_during", "pain must be a whole number from 0 to 10, got '-1'"},
      {with("walk_min", 2000), "walk_min", "walking minutes must be 0-1440, got '2000'"},
      {with("hop_test", "maybe"), "hop_test", nullptr},
      {with("injury", "two"), "injury", "the injury id must be a whole number, got 'two'"},
  };
  for (const Case& c : cases) {
    auto r = PostJson("/api/injuries/log", c.body);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400) << c.body.dump();
    EXPECT_EQ(Body(r)["error"]["where"], c.where) << r->body;
    if (c.message) {
      EXPECT_EQ(Body(r)["error"]["message"], c.message);
    }
  }
  auto unknown = PostJson("/api/injuries/log", with("injury", 99));
  EXPECT_EQ(unknown->status, 404) << unknown->body;
}

TEST_F(CareApiTest, PainLogWithoutAnActiveInjuryIs404) {
  Start();
  auto r = PostJson("/api/injuries/log", {{"pain_during", 1}, {"pain_after", 1}, {"pain_next_morning", 0}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404) << r->body;
  EXPECT_EQ(Body(r)["error"]["code"], "not_found");
}

TEST_F(CareApiTest, MalformedJsonIs400) {
  Start();
  for (const char* path : {"/api/injuries", "/api/injuries/log"}) {
    auto broken = client_->Post(path, "{\"site\": ", kJson);
    ASSERT_TRUE(broken);
    EXPECT_EQ(broken->status, 400) << path;
    EXPECT_EQ(Body(broken)["error"]["message"], "malformed json body");
    auto array = client_->Post(path, "[1, 2]", kJson);
    EXPECT_EQ(array->status, 400) << path;
    EXPECT_EQ(Body(array)["error"]["message"], "expected a json object");
  }
}

TEST_F(CareApiTest, WrongMethodIs405WithAllow) {
  Start();
  auto del = client_->Delete("/api/injuries");
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 405);
  EXPECT_EQ(del->get_header_value("Allow"), "GET, POST");
  EXPECT_EQ(Body(del)["error"]["code"], "method_not_allowed");
  EXPECT_EQ(client_->Post("/api/today", "{}", kJson)->status, 405);
  EXPECT_EQ(client_->Put("/api/plan", "{}", kJson)->status, 405);
  EXPECT_EQ(client_->Post("/api/rehab", "{}", kJson)->status, 405);
  auto get_log = client_->Get("/api/injuries/log");
  EXPECT_EQ(get_log->status, 405);
  EXPECT_EQ(get_log->get_header_value("Allow"), "POST");
}

TEST_F(CareApiTest, EveryNewEndpointNeedsTheToken) {
  Start(kToken);
  const httplib::Headers auth{{"Authorization", std::string("Bearer ") + kToken}};
  for (const char* path : {"/api/today", "/api/plan", "/api/rehab", "/api/injuries"}) {
    EXPECT_EQ(client_->Get(path)->status, 401) << path;
    EXPECT_NE(client_->Get(path, auth)->status, 401) << path;
  }
  const std::string body = json{{"site", "calf"}, {"pain", 2}}.dump();
  EXPECT_EQ(client_->Post("/api/injuries", body, kJson)->status, 401);
  EXPECT_EQ(Body(client_->Get("/api/injuries", auth)).size(), 0u) << "a refused call stores nothing";
  EXPECT_EQ(client_->Post("/api/injuries", auth, body, kJson)->status, 201);
  EXPECT_EQ(client_->Post("/api/injuries/log", "{}", kJson)->status, 401);
}

TEST_F(CareApiTest, CrossSitePostsAreRefused) {
  Start();
  const std::string body = json{{"site", "calf"}, {"pain", 2}}.dump();
  auto r = client_->Post("/api/injuries", {{"Origin", "http://evil.example"}}, body, kJson);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  EXPECT_EQ(Body(client_->Get("/api/injuries")).size(), 0u);
}

TEST_F(CareApiTest, OversizedBodyIs413) {
  Start();  // the test server allows 1 MiB
  const std::string huge = "{\"notes\": \"" + std::string(2 << 20, 'a') + "\"}";
  auto r = client_->Post("/api/injuries", huge, kJson);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(Body(client_->Get("/api/injuries")).size(), 0u);
}

}  // namespace
}  // namespace stride::testing
