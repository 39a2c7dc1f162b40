// SPDX-License-Identifier: MIT
// `stride status` end to end: without a plan it shows the load only; with Sam's plan it shows this week
// planned against done, day by day, the missed sessions, and the plan's versions with their reasons.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "gpx_fixture.h"
#include "run_stride.h"

namespace stride::testing {
namespace {

using nlohmann::json;

std::filesystem::path SamWithPlan(const std::string& name) {
  auto dir = FreshTempDir(name);
  auto db = dir / "s.db";
  auto r = RunStride({"athlete", "set", "--name", "Sam", "--sex", "female", "--birth-year", "1992", "--units", "km",
                      "--weekly-distance", "25km", "--longest-run", "12km", "--days", "tue,thu,sat,sun",
                      "--long-run-day", "sun", "--date", "2026-11-24"},
                     db);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  r = RunStride({"plan", "new", "--race-date", "2027-04-11", "--date", "2026-11-24"}, db);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return db;
}

TEST(StatusCliTest, WithoutAPlanShowsLoadAndSaysHowToMakeOne) {
  auto db = FreshTempDir("status-noplan") / "s.db";
  auto r = RunStride({"status", "--date", "2026-11-24"}, db);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("No plan yet"), std::string::npos) << r.out;
  r = RunStride({"status", "--date", "2026-11-24", "--json"}, db);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json j = json::parse(r.out);
  EXPECT_TRUE(j["plan"].is_null());
  EXPECT_TRUE(j.contains("weeks"));  // the load report's shape is kept
}

TEST(StatusCliTest, ShowsThisWeekPlannedAgainstDone) {
  auto db = SamWithPlan("status-week");
  WriteTextFile(db.parent_path() / "tue.gpx", GpxRun("2026-11-24", 25));  // 4.5 km
  auto r = RunStride({"import", (db.parent_path() / "tue.gpx").string()}, db);
  ASSERT_EQ(r.exit_code, 0) << r.err;

  r = RunStride({"status", "--date", "2026-11-26", "--json"}, db);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json plan = json::parse(r.out)["plan"];
  ASSERT_FALSE(plan.is_null());
  EXPECT_EQ(plan["race_date"], "2027-04-11");
  EXPECT_EQ(plan["days_to_race"], 136);
  const json& week = plan["week"];
  ASSERT_FALSE(week.is_null());
  EXPECT_EQ(week["number"], 1);
  EXPECT_NEAR(week["done_m"].get<double>(), 4500, 60);
  double planned_sum = 0, planned_to_date = 0;
  for (const json& d : week["days"]) {
    planned_sum += d["planned_m"].get<double>();
    if (d["date"].get<std::string>() <= "2026-11-26") planned_to_date += d["planned_m"].get<double>();
    if (d["date"] == "2026-11-24") EXPECT_NEAR(d["done_m"].get<double>(), 4500, 60);
    else EXPECT_EQ(d["done_m"].get<double>(), 0.0);
    EXPECT_FALSE(d["planned"].empty());
  }
  EXPECT_NEAR(week["planned_m"].get<double>(), planned_sum, 1e-6);
  EXPECT_NEAR(week["planned_to_date_m"].get<double>(), planned_to_date, 1e-6);
  EXPECT_GT(planned_to_date, 4500);  // Thursday's run was planned and not done

  r = RunStride({"status", "--date", "2026-11-26"}, db);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Plan week 1 of"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("done 4.5 km"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("missed"), std::string::npos) << r.out;  // Thursday
}

TEST(StatusCliTest, ListsWhatStrideChangedInThePlanAndWhy) {
  auto db = SamWithPlan("status-changes");
  auto r = RunStride({"plan", "adapt", "--date", "2026-12-01"}, db);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = RunStride({"status", "--date", "2026-12-01", "--json"}, db);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json changes = json::parse(r.out)["plan"]["changes"];
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0]["reason"], "new plan");
  EXPECT_FALSE(changes[1]["reason"].get<std::string>().empty());
  r = RunStride({"status", "--date", "2026-12-01"}, db);
  EXPECT_NE(r.out.find("Plan changes"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("v2 "), std::string::npos) << r.out;
}

}  // namespace
}  // namespace stride::testing
