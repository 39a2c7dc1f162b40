// SPDX-License-Identifier: MIT
// `stride plan ...` end to end with Sam from JOURNEY.md: a new plan, its JSON, iCalendar export with stable
// UIDs, adaptation after importing runs, history, and an infeasible race that still exits 0.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/date.h"
#include "run_stride.h"

namespace stride::testing {
namespace {

using nlohmann::json;

void SetUpSam(const std::filesystem::path& db) {
  auto r = RunStride({"athlete", "set", "--name", "Sam", "--sex", "female", "--birth-year", "1992", "--units", "km",
                      "--weekly-distance", "25km", "--longest-run", "12km", "--race", "10k=52:30@2026-10-18",
                      "--days", "tue,thu,sat,sun", "--long-run-day", "sun", "--facilities",
                      "foam-roller,textured-roller,sauna,plunge-pool,gym", "--date", "2026-11-24"},
                     db);
  ASSERT_EQ(r.exit_code, 0) << r.err;
}

json NewSamPlan(const std::filesystem::path& db, const std::string& goal) {
  auto r = RunStride({"plan", "new", "--race-date", "2027-04-11", "--goal", goal, "--date", "2026-11-24", "--json"}, db);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(r.out);
}

std::vector<std::string> Uids(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("UID:", 0) == 0) out.push_back(line);
  }
  return out;
}

TEST(PlanCliTest, NewPlanHasPhasesInOrderAndSundayLongRuns) {
  auto db = FreshTempDir("plan-new") / "s.db";
  SetUpSam(db);
  json j = NewSamPlan(db, "4:30:00");
  EXPECT_EQ(j["version"], 1);
  EXPECT_EQ(j["reason"], "new plan");
  EXPECT_TRUE(j["feasible"].get<bool>());
  EXPECT_EQ(j["race"]["date"], "2027-04-11");
  ASSERT_EQ(j["weeks"].size(), 20u);
  const std::vector<std::string> order = {"base", "build", "peak", "taper", "race"};
  size_t phase_at = 0;
  int long_runs = 0;
  for (const json& w : j["weeks"]) {
    std::string phase = w["phase"];
    while (phase_at < order.size() && order[phase_at] != phase) ++phase_at;
    ASSERT_LT(phase_at, order.size()) << "phase out of order: " << phase;
    for (const json& d : w["days"]) {
      auto date = core::ParseDate(d["date"].get<std::string>());
      ASSERT_TRUE(date.has_value());
      for (const json& s : d["sessions"]) {
        EXPECT_TRUE(s.contains("steps") && s.contains("mobility") && s.contains("recovery")) << s;
        if (s["kind"] != "long") continue;
        ++long_runs;
        EXPECT_EQ(date->weekday(), core::Weekday::kSunday) << d["date"];
        EXPECT_EQ(s["mobility"][0], "post-long-run");
      }
    }
  }
  EXPECT_EQ(order[phase_at], "race");
  EXPECT_GE(long_runs, 15);
  json shown = json::parse(RunStride({"plan", "show", "--json", "--date", "2026-11-24"}, db).out);
  EXPECT_EQ(shown["weeks"], j["weeks"]);
  auto text = RunStride({"plan", "show", "--week", "1", "--date", "2026-11-24"}, db);
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("/km"), std::string::npos);
  EXPECT_NE(text.out.find("Long run"), std::string::npos);
}

TEST(PlanCliTest, GoalBeyondFitnessIsWarned) {
  auto db = FreshTempDir("plan-goal") / "s.db";
  SetUpSam(db);
  json j = NewSamPlan(db, "3:15:00");
  bool warned = false;
  for (const json& w : j["warnings"]) warned |= w.get<std::string>().find("goal") != std::string::npos;
  EXPECT_TRUE(warned) << j["warnings"];
}

TEST(PlanCliTest, IcsExportKeepsUidsStableAcrossExports) {
  auto dir = FreshTempDir("plan-ics");
  SetUpSam(dir / "s.db");
  NewSamPlan(dir / "s.db", "4:30:00");
  ASSERT_EQ(RunStride({"plan", "export", "--ics", (dir / "a.ics").string()}, dir / "s.db").exit_code, 0);
  ASSERT_EQ(RunStride({"plan", "export", "--ics", (dir / "b.ics").string()}, dir / "s.db").exit_code, 0);
  auto a = Uids(dir / "a.ics");
  EXPECT_GT(a.size(), 60u);
  EXPECT_EQ(a, Uids(dir / "b.ics"));
  EXPECT_EQ(a.front(), "UID:stride-2027-04-11-2026-11-24-0@stride.local\r");
  std::stringstream text;
  text << std::ifstream(dir / "a.ics").rdbuf();
  EXPECT_NE(text.str().find("BEGIN:VEVENT"), std::string::npos);
  EXPECT_NE(text.str().find("Pace"), std::string::npos);  // intervals.icu text in DESCRIPTION
}

TEST(PlanCliTest, AdaptAfterImportingRunsSavesVersionTwoWithAReason) {
  auto dir = FreshTempDir("plan-adapt");
  auto db = dir / "s.db";
  SetUpSam(db);
  NewSamPlan(db, "4:30:00");
  ASSERT_EQ(RunStride({"sample-data", (dir / "runs").string(), "--weeks", "8", "--date", "2026-11-24"}, db).exit_code, 0);
  ASSERT_EQ(RunStride({"import", (dir / "runs").string()}, db).exit_code, 0);
  auto r = RunStride({"plan", "adapt", "--date", "2026-12-15", "--json"}, db);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json j = json::parse(r.out);
  EXPECT_EQ(j["version"], 2);
  std::string reason = j["reason"];
  EXPECT_NE(reason.find("long run of 2026-12-13 missed"), std::string::npos) << reason;
  EXPECT_NE(reason.find("re-planned from 2026-12-15"), std::string::npos) << reason;
  EXPECT_EQ(j["race"]["date"], "2027-04-11");
  EXPECT_EQ(j["weeks"][0]["start"], "2026-12-15");
  json history = json::parse(RunStride({"plan", "history", "--json"}, db).out);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0]["reason"], "new plan");
  EXPECT_EQ(history[1]["reason"], reason);
}

TEST(PlanCliTest, ImpossibleRaceIsInfeasibleWithOptionsAndExitsZero) {
  auto db = FreshTempDir("plan-infeasible") / "s.db";
  ASSERT_EQ(RunStride({"athlete", "set", "--weekly-distance", "10km", "--longest-run", "5km", "--days",
                       "tue,thu,sat,sun", "--date", "2026-11-24"},
                      db)
                .exit_code,
            0);
  auto r = RunStride({"plan", "new", "--race-date", "2026-12-22", "--date", "2026-11-24", "--json"}, db);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json j = json::parse(r.out);
  EXPECT_FALSE(j["feasible"].get<bool>());
  EXPECT_FALSE(j["earliest_feasible_race_date"].is_null());
  std::string all;
  for (const json& w : j["warnings"]) all += w.get<std::string>() + "\n";
  EXPECT_NE(all.find("option: a later race"), std::string::npos) << all;
}

TEST(PlanCliTest, ErrorsNameTheOptionOrCommand) {
  auto db = FreshTempDir("plan-errors") / "s.db";
  auto no_profile = RunStride({"plan", "new", "--race-date", "2027-04-11", "--date", "2026-11-24"}, db);
  EXPECT_EQ(no_profile.exit_code, 1);
  EXPECT_NE(no_profile.err.find("stride athlete set"), std::string::npos) << no_profile.err;
  SetUpSam(db);
  auto past = RunStride({"plan", "new", "--race-date", "2026-11-01", "--date", "2026-11-24"}, db);
  EXPECT_EQ(past.exit_code, 1);
  EXPECT_NE(past.err.find("--race-date"), std::string::npos) << past.err;
  auto goal = RunStride({"plan", "new", "--race-date", "2027-04-11", "--goal", "soon"}, db);
  EXPECT_NE(goal.err.find("--goal"), std::string::npos) << goal.err;
  auto none = RunStride({"plan", "show"}, db);
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_NE(none.err.find("stride plan new"), std::string::npos) << none.err;
}

}  // namespace
}  // namespace stride::testing
