// SPDX-License-Identifier: MIT
// JOURNEY.md week 7 through the real binary: Sam's IT band from the first twinge back to walk-run, a bad
// day stepping her back, a red-flag injury, the physio's routine, and the errors that name their option.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <string>

#include "run_stride.h"

namespace stride::testing {
namespace {

using nlohmann::json;

std::string Day(int n) {  // 2026-05-04 + n
  return fmt::format("2026-05-{:02d}", 4 + n);
}

json Rehab(const std::filesystem::path& db, int day) {
  auto r = RunStride({"rehab", "--json", "--date", Day(day)}, db);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(r.out);
}

StrideRun GoodLog(const std::filesystem::path& db, int day) {
  return RunStride({"injury", "log", "--date", Day(day), "--pain-during", "2", "--pain-after", "1",
                    "--pain-next-morning", "0", "--walk-min", "30", "--hop-test", "pass"},
                   db);
}

TEST(InjuryCliTest, SamsItBandGoesFromProtectToWalkRunAndStepsBackOnABadDay) {
  const auto db = FreshTempDir("injury_journey") / "s.db";
  auto none = Rehab(db, 0);
  EXPECT_EQ(none["stage"], "none");
  EXPECT_EQ(none["stop_running"], false);

  auto add = RunStride({"injury", "add", "--site", "it-band", "--side", "left", "--pain", "4", "--date", Day(0)}, db);
  ASSERT_EQ(add.exit_code, 0) << add.err;
  EXPECT_NE(add.out.find("protect"), std::string::npos) << add.out;

  json protect = Rehab(db, 0);
  EXPECT_EQ(protect["stage"], "protect");
  EXPECT_EQ(protect["stop_running"], true);
  EXPECT_TRUE(protect["red_flags"].empty());
  EXPECT_EQ(protect["injury"]["site"], "it-band");
  EXPECT_EQ(protect["no_heat_until"], Day(3));
  EXPECT_NE(protect["why"].get<std::string>().find("no heat"), std::string::npos);
  ASSERT_FALSE(protect["routine"].empty());
  for (const json& item : protect["routine"]) {
    EXPECT_NE(item["kind"], "sauna");
    EXPECT_NE(item["kind"], "run");
  }
  ASSERT_FALSE(protect["next_stage_criteria"].empty());
  EXPECT_EQ(protect["next_stage_criteria"][0]["met"], false);
  EXPECT_FALSE(protect["regress_if"].empty());

  for (int d = 1; d <= 4; ++d) ASSERT_EQ(GoodLog(db, d).exit_code, 0);
  json rehab3 = Rehab(db, 3);
  EXPECT_EQ(rehab3["stage"], "rehab");
  bool clamshell = false;
  for (const json& item : rehab3["routine"]) clamshell = clamshell || item["id"] == "clamshell";
  EXPECT_TRUE(clamshell) << rehab3["routine"].dump();

  json ret = Rehab(db, 4);
  EXPECT_EQ(ret["stage"], "return");
  EXPECT_EQ(ret["stop_running"], false);
  EXPECT_EQ(ret["walk_run"]["walk_min"], 2);
  EXPECT_EQ(ret["walk_run"]["run_min"], 3);
  EXPECT_EQ(ret["routine"].back()["kind"], "run");
  EXPECT_EQ(ret["outlook"]["running_resumes"], Day(4));
  EXPECT_FALSE(ret["outlook"]["full_training_resumes"].is_null());
  EXPECT_FALSE(ret["outlook"]["sessions"].empty());

  auto bad = RunStride({"injury", "log", "--date", Day(5), "--pain-during", "6", "--pain-after", "4",
                        "--pain-next-morning", "2"},
                       db);
  ASSERT_EQ(bad.exit_code, 0) << bad.err;
  json back = Rehab(db, 5);
  EXPECT_EQ(back["stage"], "rehab");
  EXPECT_EQ(back["stop_running"], true);
  EXPECT_NE(back["why"].get<std::string>().find("stepped back"), std::string::npos);
}

TEST(InjuryCliTest, RedFlagStopsRunningAndSaysSeeAClinician) {
  const auto db = FreshTempDir("injury_flag") / "s.db";
  auto add = RunStride({"injury", "add", "--site", "shin", "--pain", "5", "--pain-night", "--date", Day(0)}, db);
  ASSERT_EQ(add.exit_code, 0) << add.err;
  EXPECT_NE(add.out.find("see a clinician"), std::string::npos) << add.out;
  json flagged = Rehab(db, 10);
  EXPECT_EQ(flagged["stop_running"], true);
  ASSERT_EQ(flagged["red_flags"].size(), 1u);
  EXPECT_NE(flagged["why"].get<std::string>().find("see a clinician"), std::string::npos);
  EXPECT_TRUE(flagged["routine"].empty());
  EXPECT_TRUE(flagged["outlook"]["needs_clinician"].get<bool>());
  auto cleared = RunStride({"injury", "clear-flags", "1", "--date", Day(10)}, db);
  ASSERT_EQ(cleared.exit_code, 0) << cleared.err;
  json after = Rehab(db, 10);
  EXPECT_TRUE(after["red_flags"].empty());
  EXPECT_EQ(after["injury"]["red_flags_cleared_on"], Day(10));
}

TEST(InjuryCliTest, SecondLogSameDayReplacesTheFirstAndSaysSo) {
  const auto db = FreshTempDir("injury_replace") / "s.db";
  ASSERT_EQ(RunStride({"injury", "add", "--site", "achilles", "--pain", "3", "--date", Day(0)}, db).exit_code, 0);
  ASSERT_EQ(GoodLog(db, 1).exit_code, 0);
  auto again = RunStride({"injury", "log", "--json", "--date", Day(1), "--pain-during", "3", "--pain-after", "3",
                          "--pain-next-morning", "1"},
                         db);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(json::parse(again.out)["replaced"], true);
  EXPECT_NE(again.err.find("replaced"), std::string::npos);
  auto show = RunStride({"injury", "show", "1", "--json", "--date", Day(1)}, db);
  ASSERT_EQ(show.exit_code, 0) << show.err;
  json j = json::parse(show.out);
  ASSERT_EQ(j["logs"].size(), 1u);
  EXPECT_EQ(j["logs"][0]["pain_during"], 3);
}

TEST(InjuryCliTest, SeveralActiveInjuriesNeedInjuryOption) {
  const auto db = FreshTempDir("injury_several") / "s.db";
  ASSERT_EQ(RunStride({"injury", "add", "--site", "calf", "--pain", "3", "--date", Day(0)}, db).exit_code, 0);
  ASSERT_EQ(RunStride({"injury", "add", "--site", "hamstring", "--pain", "2", "--date", Day(0)}, db).exit_code, 0);
  auto ambiguous = GoodLog(db, 1);
  EXPECT_EQ(ambiguous.exit_code, 1);
  EXPECT_NE(ambiguous.err.find("--injury"), std::string::npos) << ambiguous.err;
  auto chosen = RunStride({"injury", "log", "--injury", "2", "--date", Day(1), "--pain-during", "1", "--pain-after",
                           "1", "--pain-next-morning", "0"},
                          db);
  EXPECT_EQ(chosen.exit_code, 0) << chosen.err;
  ASSERT_EQ(RunStride({"injury", "resolve", "1", "--date", Day(2)}, db).exit_code, 0);
  auto list = RunStride({"injury", "list", "--json", "--date", Day(2)}, db);
  ASSERT_EQ(list.exit_code, 0);
  json j = json::parse(list.out);
  ASSERT_EQ(j.size(), 2u);
  EXPECT_EQ(j[0]["injury"]["resolved_on"], Day(2));
  EXPECT_EQ(j[0]["stage"], "none");
  EXPECT_EQ(j[1]["stage"], "protect");
}

TEST(InjuryCliTest, BadValuesExitOneNamingTheOption) {
  const auto db = FreshTempDir("injury_errors") / "s.db";
  auto site = RunStride({"injury", "add", "--site", "knee", "--pain", "3"}, db);
  EXPECT_EQ(site.exit_code, 1);
  EXPECT_NE(site.err.find("--site"), std::string::npos) << site.err;
  EXPECT_NE(site.err.find("it-band"), std::string::npos) << site.err;
  auto pain = RunStride({"injury", "add", "--site", "calf", "--pain", "11"}, db);
  EXPECT_EQ(pain.exit_code, 1);
  EXPECT_NE(pain.err.find("--pain: pain must be a whole number from 0 to 10"), std::string::npos) << pain.err;
  auto text = RunStride({"injury", "add", "--site", "calf", "--pain", "3.5"}, db);
  EXPECT_EQ(text.exit_code, 1);
  auto side = RunStride({"injury", "add", "--site", "calf", "--pain", "3", "--side", "both"}, db);
  EXPECT_EQ(side.exit_code, 1);
  EXPECT_NE(side.err.find("--side"), std::string::npos) << side.err;
  auto no_injury = GoodLog(db, 1);
  EXPECT_EQ(no_injury.exit_code, 1);
  auto hop = RunStride({"injury", "log", "--pain-during", "1", "--pain-after", "1", "--pain-next-morning", "1",
                        "--hop-test", "maybe"},
                       db);
  EXPECT_EQ(hop.exit_code, 1);
  EXPECT_NE(hop.err.find("--hop-test"), std::string::npos) << hop.err;
  auto missing = RunStride({"injury", "show", "9"}, db);
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("no injury with id 9"), std::string::npos) << missing.err;
}

TEST(InjuryCliTest, PhysioRoutinePinnedToTheInjuryJoinsTheRehabRoutine) {
  const auto db = FreshTempDir("injury_physio") / "s.db";
  ASSERT_EQ(RunStride({"injury", "add", "--site", "it-band", "--pain", "3", "--date", Day(0)}, db).exit_code, 0);
  auto no_routine = RunStride({"injury", "routine", "1", "physio-itb"}, db);
  EXPECT_EQ(no_routine.exit_code, 1);
  EXPECT_NE(no_routine.err.find("stride routine add"), std::string::npos) << no_routine.err;
  const auto toml = std::filesystem::current_path() / "docs" / "examples" / "physio-itb.toml";
  auto added = RunStride({"routine", "add", toml.string(), "--injury", "1"}, db);
  ASSERT_EQ(added.exit_code, 0) << added.err;
  for (int d = 1; d <= 3; ++d) ASSERT_EQ(GoodLog(db, d).exit_code, 0);
  json joined = Rehab(db, 3);
  ASSERT_EQ(joined["stage"], "rehab");
  bool physio = false, default_item = false;
  for (const json& item : joined["routine"]) {
    physio = physio || item["id"] == "physio-banded-side-step";
    default_item = default_item || item["routine"] == "itb-rehab";
  }
  EXPECT_TRUE(physio && default_item) << joined["routine"].dump();
  ASSERT_EQ(RunStride({"injury", "routine", "1", "physio-itb", "--replace"}, db).exit_code, 0);
  json replaced = Rehab(db, 3);
  for (const json& item : replaced["routine"]) EXPECT_EQ(item["routine"], "physio-itb") << item.dump();
}

}  // namespace
}  // namespace stride::testing
