// SPDX-License-Identifier: MIT
// `stride today` end to end: Sam's tempo day (warm-up drills, IT band and hip-flexor rolling, sauna), a
// day without a plan, routines pinned to a weekday and to an injury, and the red-flag guard.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "run_stride.h"

namespace stride::testing {
namespace {

using nlohmann::json;

bool HasItem(const json& items, const std::string& needle) {
  for (const json& i : items) {
    if (i.dump().find(needle) != std::string::npos) return true;
  }
  return false;
}

TEST(TodayCliTest, TempoDayHasDrillsRollingAndTheSaunaNote) {
  auto db = FreshTempDir("today-tempo") / "s.db";
  ASSERT_EQ(RunStride({"athlete", "set", "--name", "Sam", "--units", "km", "--weekly-distance", "25km",
                       "--longest-run", "12km", "--race", "10k=52:30@2026-10-18", "--days", "tue,thu,sat,sun",
                       "--long-run-day", "sun", "--facilities", "foam-roller,textured-roller,sauna,plunge-pool,gym",
                       "--date", "2026-11-24"},
                      db)
                .exit_code,
            0);
  ASSERT_EQ(RunStride({"plan", "new", "--race-date", "2027-04-11", "--goal", "4:30:00", "--date", "2026-11-24"}, db)
                .exit_code,
            0);
  // The generator places the tempo of this week on Thursday 2027-01-14, as JOURNEY.md has it.
  auto r = RunStride({"today", "--date", "2027-01-14", "--json"}, db);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json j = json::parse(r.out);
  EXPECT_TRUE(j["has_plan"].get<bool>());
  EXPECT_EQ(j["days_to_race"], 87);
  ASSERT_FALSE(j["sessions"].empty());
  const json& s = j["sessions"][0];
  EXPECT_EQ(s["kind"], "tempo");
  EXPECT_TRUE(HasItem(s["warmup"], "A-skips")) << s["warmup"];
  EXPECT_TRUE(HasItem(s["warmup"], "\"type\":\"warmup\"")) << s["warmup"];
  EXPECT_TRUE(HasItem(s["main"], "pace_s_per_km")) << s["main"];
  EXPECT_TRUE(HasItem(s["mobility"], "it_band")) << s["mobility"];
  EXPECT_TRUE(HasItem(s["mobility"], "hip_flexors")) << s["mobility"];
  EXPECT_TRUE(HasItem(s["recovery"], "\"kind\":\"sauna\"")) << s["recovery"];
  EXPECT_FALSE(HasItem(s["recovery"], "plunge_pool")) << s["recovery"];
  bool plunge_note = false;
  for (const json& n : j["notes"]) plunge_note |= n["text"].get<std::string>().find("plunge") != std::string::npos;
  EXPECT_TRUE(plunge_note) << j["notes"];

  auto text = RunStride({"today", "--date", "2027-01-14"}, db);
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("Sauna"), std::string::npos);
  EXPECT_NE(text.out.find("/km"), std::string::npos);
  EXPECT_NE(text.out.find("per side"), std::string::npos);
}

TEST(TodayCliTest, WithoutAPlanTheDayIsRestWithANote) {
  auto db = FreshTempDir("today-none") / "s.db";
  auto r = RunStride({"today", "--date", "2026-11-24", "--json"}, db);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json j = json::parse(r.out);
  EXPECT_FALSE(j["has_plan"].get<bool>());
  EXPECT_EQ(j["sessions"][0]["kind"], "rest");
  EXPECT_NE(j["notes"].dump().find("stride plan new"), std::string::npos) << j["notes"];
}

// Sam's profile and 20-week plan; 2027-01-12 is a Tuesday with a run.
std::filesystem::path SamWithPlan(const std::string& name) {
  auto db = FreshTempDir(name) / "s.db";
  auto athlete = RunStride({"athlete", "set", "--name", "Sam", "--units", "km", "--weekly-distance", "25km",
                            "--longest-run", "12km", "--race", "10k=52:30@2026-10-18", "--days", "tue,thu,sat,sun",
                            "--long-run-day", "sun", "--facilities", "foam-roller,textured-roller,sauna,plunge-pool,gym",
                            "--date", "2026-11-24"},
                           db);
  EXPECT_EQ(athlete.exit_code, 0) << athlete.err;
  auto plan = RunStride({"plan", "new", "--race-date", "2027-04-11", "--goal", "4:30:00", "--date", "2026-11-24"}, db);
  EXPECT_EQ(plan.exit_code, 0) << plan.err;
  return db;
}

// A physio's routine file (rehab phase) in the test's folder.
std::string PhysioFile(const std::filesystem::path& dir, const std::string& id) {
  const auto path = dir / (id + ".toml");
  std::ofstream(path) << "[routine]\nid = \"" << id << "\"\nname = \"Physio " << id << "\"\nphase = \"rehab\"\n"
                      << "steps = [\n  { exercise = \"clamshell\", dose = { reps = 20, sets = 3, per_side = true } },\n"
                      << "  { exercise = \"physio-side-step\" },\n]\n\n[[exercise]]\nid = \"physio-side-step\"\n"
                      << "name = \"Banded side steps\"\nkind = \"strength\"\nequipment = [\"band\"]\n"
                      << "dose = { reps = 10, sets = 3, per_side = true }\n";
  return path.string();
}

bool HasRoutine(const json& items, const std::string& routine) {
  for (const json& i : items) {
    if (i["routine"] == routine) return true;
  }
  return false;
}

const char* const kRunKinds[] = {"easy", "long", "recovery", "tempo", "intervals", "marathon_pace", "strides", "race",
                                 "walk_run"};

bool AnyRun(const json& sessions) {
  for (const json& s : sessions) {
    for (const char* kind : kRunKinds) {
      if (s["kind"] == kind) return true;
    }
  }
  return false;
}

json TodayJson(const std::filesystem::path& db, const std::string& date) {
  auto r = RunStride({"today", "--date", date, "--json"}, db);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.exit_code == 0 ? json::parse(r.out) : json::object();
}

TEST(TodayCliTest, RoutinePinnedToTuesdayShowsOnTuesdayAndNotOnWednesday) {
  auto db = SamWithPlan("today-pinned-day");
  auto add = RunStride({"routine", "add", PhysioFile(db.parent_path(), "physio-tue"), "--days", "tue"}, db);
  ASSERT_EQ(add.exit_code, 0) << add.err;
  json tuesday = TodayJson(db, "2027-01-12");
  EXPECT_TRUE(HasRoutine(tuesday["rehab"], "physio-tue")) << tuesday["rehab"];
  EXPECT_TRUE(HasRoutine(tuesday["sessions"][0]["rehab"], "physio-tue"));
  EXPECT_EQ(tuesday["pinned_routines"], json::array({"physio-tue"}));
  EXPECT_TRUE(tuesday["injury"].is_null());
  EXPECT_TRUE(AnyRun(tuesday["sessions"])) << tuesday["sessions"];  // no injury: the planned run stands
  bool side_steps = false;
  for (const json& i : tuesday["rehab"]) side_steps = side_steps || (i["name"] == "Banded side steps" && i["reps"] == 10);
  EXPECT_TRUE(side_steps) << tuesday["rehab"];
  json wednesday = TodayJson(db, "2027-01-13");
  EXPECT_FALSE(HasRoutine(wednesday["rehab"], "physio-tue")) << wednesday["rehab"];

  auto text = RunStride({"today", "--date", "2027-01-12"}, db);
  ASSERT_EQ(text.exit_code, 0) << text.err;
  for (const char* part : {"Warm-up", "Main set", "Cool-down", "Mobility", "Rehab", "Banded side steps", "/km", "why:"}) {
    EXPECT_NE(text.out.find(part), std::string::npos) << part << "\n" << text.out;
  }
}

TEST(TodayCliTest, PhysioRoutinePinnedToTheInjuryJoinsThenReplacesTheStageRoutine) {
  auto db = SamWithPlan("today-pinned-injury");
  ASSERT_EQ(RunStride({"injury", "add", "--site", "it-band", "--side", "left", "--pain", "4", "--date", "2027-01-05"}, db)
                .exit_code,
            0);
  ASSERT_EQ(RunStride({"injury", "log", "--date", "2027-01-08", "--pain-during", "0", "--pain-after", "0",
                       "--pain-next-morning", "0"},
                      db)
                .exit_code,
            0);
  auto add = RunStride({"routine", "add", PhysioFile(db.parent_path(), "physio-itb2"), "--injury", "1"}, db);
  ASSERT_EQ(add.exit_code, 0) << add.err;
  json joined = TodayJson(db, "2027-01-08");
  ASSERT_FALSE(joined["injury"].is_null());
  EXPECT_EQ(joined["injury"]["injuries"][0]["stage"], "rehab") << joined["injury"];
  EXPECT_TRUE(HasRoutine(joined["rehab"], "itb-rehab")) << joined["rehab"];
  EXPECT_TRUE(HasRoutine(joined["rehab"], "physio-itb2")) << joined["rehab"];
  EXPECT_FALSE(AnyRun(joined["sessions"])) << joined["sessions"];

  ASSERT_EQ(RunStride({"injury", "routine", "1", "physio-itb2", "--replace"}, db).exit_code, 0);
  json replaced = TodayJson(db, "2027-01-08");
  EXPECT_FALSE(HasRoutine(replaced["rehab"], "itb-rehab")) << replaced["rehab"];
  EXPECT_TRUE(HasRoutine(replaced["rehab"], "physio-itb2")) << replaced["rehab"];
}

TEST(TodayCliTest, RedFlagStopsThePlannedRunAndSaysToSeeAClinician) {
  auto db = SamWithPlan("today-red-flag");
  const json planned = TodayJson(db, "2027-01-12")["sessions"];
  ASSERT_TRUE(AnyRun(planned)) << planned;
  ASSERT_EQ(RunStride({"injury", "add", "--site", "shin", "--pain", "5", "--bone-tenderness", "--date", "2027-01-11"}, db)
                .exit_code,
            0);
  json j = TodayJson(db, "2027-01-12");
  EXPECT_FALSE(AnyRun(j["sessions"])) << j["sessions"];
  EXPECT_TRUE(j["stop_running"].get<bool>());
  EXPECT_TRUE(j["injury"]["see_clinician"].get<bool>());
  // The saved plan may already have been re-planned around the injury; the guard holds either way.
  for (const json& r : j["injury"]["replaced"]) EXPECT_EQ(r["kind"], planned[0]["kind"]) << j["injury"];
  EXPECT_NE(j["injury"]["reasons"].dump().find("see a clinician"), std::string::npos) << j["injury"];
  EXPECT_TRUE(j["warmup"].empty()) << j["warmup"];
  EXPECT_FALSE(HasRoutine(j["recovery"], "sauna-stretching")) << j["recovery"];  // 72 h: no heat

  auto text = RunStride({"today", "--date", "2027-01-12"}, db);
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("RED FLAG"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("see a clinician"), std::string::npos) << text.out;
}

}  // namespace
}  // namespace stride::testing
