// SPDX-License-Identifier: MIT
// The plan reacts to injuries, through the real binary (JOURNEY.md week 7): an injury re-plans the saved plan
// with rehab and return weeks and a build after them; a red flag leaves no running at all; clearing the flag
// and resolving the injury re-plan again, each as a new version whose reason says why.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "run_stride.h"

namespace stride::testing {
namespace {

using nlohmann::json;

constexpr const char* kToday = "2027-01-18";  // a Monday, week 8 of Sam's plan

std::filesystem::path SamWithPlan(const std::string& name) {
  const auto db = FreshTempDir(name) / "s.db";
  auto set = RunStride({"athlete", "set", "--name", "Sam", "--sex", "female", "--birth-year", "1992", "--units", "km",
                        "--weekly-distance", "25km", "--longest-run", "12km", "--race", "10k=52:30@2026-10-18",
                        "--days", "tue,thu,sat,sun", "--long-run-day", "sun", "--date", "2026-11-24"},
                       db);
  EXPECT_EQ(set.exit_code, 0) << set.err;
  auto plan = RunStride({"plan", "new", "--race-date", "2027-04-25", "--goal", "finish", "--date", kToday}, db);
  EXPECT_EQ(plan.exit_code, 0) << plan.err;
  return db;
}

json Show(const std::filesystem::path& db) {
  auto r = RunStride({"plan", "show", "--json", "--date", kToday}, db);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(r.out);
}

bool IsRunKind(const std::string& kind) { return kind != "rest" && kind != "strength" && kind != "cross"; }

// The number of days with a run before `until` (ISO dates compare as text).
int RunDaysBefore(const json& plan, const std::string& until) {
  int n = 0;
  for (const json& w : plan["weeks"]) {
    for (const json& d : w["days"]) {
      bool run = false;
      for (const json& s : d["sessions"]) run = run || IsRunKind(s["kind"]);
      n += run && d["date"].get<std::string>() < until;
    }
  }
  return n;
}

TEST(PlanInjuryCliTest, AnInjuryReplansWithRehabAndReturnWeeksThenTheBuild) {
  const auto db = SamWithPlan("plan_injury");
  auto add = RunStride({"injury", "add", "--site", "it-band", "--side", "left", "--pain", "4", "--date", kToday}, db);
  ASSERT_EQ(add.exit_code, 0) << add.err;
  EXPECT_NE(add.out.find("Plan re-made: version 2 (stride plan show): injury it-band (left) added"), std::string::npos)
      << add.out;
  json plan = Show(db);
  EXPECT_EQ(plan["version"], 2);
  const std::string reason = plan["reason"];
  EXPECT_EQ(reason.rfind("injury it-band (left) added", 0), 0u) << reason;
  EXPECT_NE(reason.find("build re-planned from"), std::string::npos) << reason;
  // Protect and rehab take the first days (Saturday brings walk-run phase 1, so the week is a return week).
  EXPECT_EQ(plan["weeks"][0]["phase"], "return") << plan["weeks"][0].dump();
  EXPECT_EQ(plan["weeks"][0]["days"][0]["sessions"][0]["title"], "Rehab routine");
  bool saw_return = false, saw_build = false;
  std::string first_walk_run;
  for (const json& w : plan["weeks"]) {
    const std::string phase = w["phase"];
    saw_return = saw_return || phase == "return";
    saw_build = saw_build || phase == "base" || phase == "build";
    for (const json& d : w["days"]) {
      for (const json& s : d["sessions"]) {
        if (s["kind"] != "walk_run") continue;
        EXPECT_EQ(phase, "return");
        if (first_walk_run.empty()) first_walk_run = d["date"];
        ASSERT_FALSE(s["steps"].empty());
      }
    }
  }
  EXPECT_TRUE(saw_return);
  EXPECT_TRUE(saw_build);
  ASSERT_FALSE(first_walk_run.empty());
  EXPECT_EQ(RunDaysBefore(plan, first_walk_run), 0);
  EXPECT_EQ(plan["weeks"].back()["days"].back()["sessions"][0]["kind"], "race");
  auto text = RunStride({"plan", "show", "--date", kToday}, db);
  EXPECT_NE(text.out.find("rehab"), std::string::npos);
  EXPECT_NE(text.out.find("Walk-run phase 1"), std::string::npos) << text.out;

  auto resolve = RunStride({"injury", "resolve", "1", "--date", kToday, "--json"}, db);
  ASSERT_EQ(resolve.exit_code, 0) << resolve.err;
  const json reaction = json::parse(resolve.out)["plan"];
  EXPECT_EQ(reaction["outcome"], "replanned");
  EXPECT_EQ(reaction["version"], 3);
  json resolved = Show(db);
  EXPECT_EQ(resolved["version"], 3);
  EXPECT_EQ(resolved["reason"].get<std::string>().rfind("injury it-band (left) resolved", 0), 0u);
  EXPECT_NE(resolved["weeks"][0]["phase"], "rehab");
}

TEST(PlanInjuryCliTest, ARedFlagLeavesNoRunningUntilClearedThenReplans) {
  const auto db = SamWithPlan("plan_injury_flag");
  auto add = RunStride({"injury", "add", "--site", "shin", "--pain", "5", "--pain-night", "--date", kToday}, db);
  ASSERT_EQ(add.exit_code, 0) << add.err;
  json flagged = Show(db);
  EXPECT_EQ(flagged["feasible"], false);
  EXPECT_EQ(RunDaysBefore(flagged, "9999-12-31"), 0);
  ASSERT_FALSE(flagged["warnings"].empty());
  EXPECT_NE(flagged["warnings"][0].get<std::string>().find("see a clinician"), std::string::npos);

  auto log = RunStride({"injury", "log", "--date", kToday, "--pain-during", "3", "--pain-after", "3",
                        "--pain-next-morning", "3"},
                       db);
  ASSERT_EQ(log.exit_code, 0) << log.err;
  EXPECT_EQ(Show(db)["version"], 2);  // a log that changes nothing does not re-plan

  ASSERT_EQ(RunStride({"injury", "clear-flags", "1", "--date", kToday}, db).exit_code, 0);
  json cleared = Show(db);
  EXPECT_EQ(cleared["version"], 3);
  EXPECT_EQ(cleared["reason"].get<std::string>().rfind("red flags of injury shin cleared", 0), 0u);
  EXPECT_EQ(cleared["weeks"][0]["phase"], "return");
  EXPECT_EQ(RunDaysBefore(cleared, "2027-01-21"), 0);
  EXPECT_EQ(cleared["weeks"].back()["days"].back()["sessions"][0]["kind"], "race");
}

TEST(PlanInjuryCliTest, APlanThatCannotBeRemadeSaysWhyAndIsKept) {
  const auto dir = FreshTempDir("plan_injury_not_remade");
  const auto db = dir / "s.db";
  // No declared volume: the plan comes from four weeks of runs, then nothing is recorded for seven weeks.
  ASSERT_EQ(RunStride({"athlete", "set", "--name", "Sam", "--units", "km", "--days", "tue,thu,sat,sun",
                       "--long-run-day", "sun", "--date", "2026-11-24"},
                      db)
                .exit_code,
            0);
  ASSERT_EQ(RunStride({"sample-data", (dir / "runs").string(), "--weeks", "4", "--date", "2026-11-29"}, db).exit_code, 0);
  ASSERT_EQ(RunStride({"import", (dir / "runs").string()}, db).exit_code, 0);
  auto plan = RunStride({"plan", "new", "--race-date", "2027-04-25", "--date", "2026-11-30"}, db);
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  auto add = RunStride({"injury", "add", "--site", "achilles", "--pain", "3", "--date", kToday}, db);
  ASSERT_EQ(add.exit_code, 0) << add.err;
  EXPECT_NE(add.out.find("Plan not re-made: no recent runs"), std::string::npos) << add.out;
  EXPECT_NE(add.out.find("then run stride plan adapt"), std::string::npos) << add.out;
  EXPECT_EQ(Show(db)["version"], 1);
  auto log = RunStride({"injury", "log", "--date", kToday, "--pain-during", "2", "--pain-after", "2",
                        "--pain-next-morning", "2", "--json"},
                       db);
  ASSERT_EQ(log.exit_code, 0) << log.err;
  const json reaction = json::parse(log.out)["plan"];
  EXPECT_TRUE(reaction["outcome"] == "unchanged" || reaction["outcome"] == "not_remade") << reaction.dump();
  EXPECT_TRUE(reaction["version"].is_null());
}

}  // namespace
}  // namespace stride::testing
