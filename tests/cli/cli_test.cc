// SPDX-License-Identifier: MIT
// The CLI as a user meets it: the real binary, real database files, good and bad input.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "run_stride.h"

namespace stride::testing {
namespace {

using nlohmann::json;

const std::vector<std::string> kSamProfile = {
    "athlete", "set", "--name", "Sam", "--sex", "female", "--birth-year", "1992", "--units", "km",
    "--weekly-distance", "25km", "--longest-run", "12km", "--race", "10k=52:30@2026-10-18",
    "--days", "tue,thu,sat,sun", "--long-run-day", "sun",
    "--facilities", "foam-roller,textured-roller,sauna,plunge-pool,gym", "--date", "2026-11-24"};

TEST(CliTest, SamSetsHerProfileAndReadsItBack) {
  auto db = FreshTempDir("sam") / "sub" / "stride.db";
  auto set = RunStride(kSamProfile, db);
  ASSERT_EQ(set.exit_code, 0) << set.err;
  EXPECT_NE(set.out.find("Sam (female, born 1992)"), std::string::npos) << set.out;
  EXPECT_NE(set.out.find("10 km in 52:30 on 2026-10-18"), std::string::npos);

  auto show = RunStride({"athlete", "show", "--json"}, db);
  ASSERT_EQ(show.exit_code, 0) << show.err;
  json j = json::parse(show.out);
  EXPECT_EQ(j["name"], "Sam");
  EXPECT_EQ(j["sex"], "female");
  EXPECT_EQ(j["units"], "km");
  EXPECT_EQ(j["weekly_distance_m"], 25000.0);
  EXPECT_EQ(j["longest_run_m"], 12000.0);
  EXPECT_EQ(j["training_days"], json({"tue", "thu", "sat", "sun"}));
  EXPECT_EQ(j["long_run_day"], "sun");
  EXPECT_EQ(j["facilities"], json({"foam-roller", "textured-roller", "sauna", "plunge-pool", "gym"}));
  EXPECT_EQ(j["races"][0]["time_s"], 3150.0);
}

TEST(CliTest, SettingOneFieldKeepsTheOthers) {
  auto db = FreshTempDir("keep") / "stride.db";
  ASSERT_EQ(RunStride(kSamProfile, db).exit_code, 0);
  auto r = RunStride({"athlete", "set", "--hr-max", "188", "--hr-rest", "52"}, db);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json j = json::parse(RunStride({"--json", "athlete", "show"}, db).out);
  EXPECT_EQ(j["name"], "Sam");
  EXPECT_EQ(j["hr_max_bpm"], 188);
  EXPECT_EQ(j["hr_rest_bpm"], 52);
  EXPECT_EQ(j["training_days"].size(), 4u);
}

TEST(CliTest, BadValuesExitOneAndNameTheField) {
  auto db = FreshTempDir("bad") / "stride.db";
  ASSERT_EQ(RunStride(kSamProfile, db).exit_code, 0);
  struct Case {
    std::vector<std::string> args;
    std::string expected;
  } cases[] = {
      {{"athlete", "set", "--sex", "robot"}, "--sex: unknown sex 'robot'; use one of: female, male"},
      {{"athlete", "set", "--hr-max", "400"}, "--hr-max: maximum heart rate 400 is out of range; use 100-230 bpm"},
      {{"athlete", "set", "--hr-max", "fast"}, "--hr-max: maximum heart rate 'fast' is not a whole number"},
      {{"athlete", "set", "--units", "furlongs"}, "--units: unknown unit system 'furlongs'; use km or mi"},
      {{"athlete", "set", "--days", "mon,funday"}, "--days: unknown day 'funday'"},
      {{"athlete", "set", "--facilities", "hot-tub"}, "--facilities: unknown facility 'hot-tub'"},
      {{"athlete", "set", "--health", "flu"}, "--health: unknown health flag 'flu'"},
      {{"athlete", "set", "--weekly-distance", "lots"}, "--weekly-distance: cannot read distance 'lots'"},
      {{"athlete", "set", "--race", "10k=5:00"}, "--race: race '10k=5:00' is faster than world-record pace"},
      {{"athlete", "set", "--long-run-day", "mon"}, "--long-run-day: long-run day mon is not one of the training days"},
      {{"athlete", "set", "--birth-year", "2031", "--date", "2026-11-24"}, "--birth-year: birth year 2031 is out of range"},
  };
  for (const Case& c : cases) {
    auto r = RunStride(c.args, db);
    EXPECT_EQ(r.exit_code, 1) << c.expected;
    EXPECT_NE(r.err.find(c.expected), std::string::npos) << "stderr was: " << r.err;
  }
  // Nothing was changed by the failed attempts.
  json j = json::parse(RunStride({"athlete", "show", "--json"}, db).out);
  EXPECT_EQ(j["sex"], "female");
  EXPECT_EQ(j["hr_max_bpm"], nullptr);
}

TEST(CliTest, PacesFromARaceAndFromTheProfile) {
  auto db = FreshTempDir("paces") / "stride.db";
  auto r = RunStride({"paces", "--race", "10k=41:21", "--json"}, db);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json j = json::parse(r.out);
  EXPECT_NEAR(j["vdot"].get<double>(), 50.0, 0.1);
  EXPECT_NEAR(j["predictions"]["marathon"].get<double>(), 3 * 3600 + 10 * 60 + 49, 35);
  EXPECT_NEAR(j["predictions"]["5k"].get<double>(), 19 * 60 + 57, 4);
  EXPECT_NEAR(j["paces"]["threshold"].get<double>(), 255, 3);
  EXPECT_EQ(j["paces"]["easy"].size(), 2u);

  ASSERT_EQ(RunStride(kSamProfile, db).exit_code, 0);
  auto human = RunStride({"paces"}, db);
  ASSERT_EQ(human.exit_code, 0) << human.err;
  EXPECT_NE(human.out.find("(your latest race)"), std::string::npos);
  EXPECT_NE(human.out.find("/km"), std::string::npos);

  ASSERT_EQ(RunStride({"athlete", "set", "--units", "mi"}, db).exit_code, 0);
  auto miles = RunStride({"paces"}, db);
  EXPECT_NE(miles.out.find("/mi"), std::string::npos);
  EXPECT_EQ(miles.out.find("/km"), std::string::npos);
}

TEST(CliTest, PacesWithoutAnyRaceSaysWhatToDo) {
  auto db = FreshTempDir("noraces") / "stride.db";
  auto r = RunStride({"paces"}, db);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no race to work from"), std::string::npos) << r.err;
}

TEST(CliTest, HelpVersionAndTypos) {
  auto help = RunStride({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("athlete"), std::string::npos);
  EXPECT_NE(help.out.find("paces"), std::string::npos);
  auto sub = RunStride({"athlete", "set", "--help"});
  EXPECT_EQ(sub.exit_code, 0);
  EXPECT_NE(sub.out.find("Examples:"), std::string::npos);
  auto version = RunStride({"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_NE(version.out.find("stride 0."), std::string::npos);
  auto typo = RunStride({"pacse"});
  EXPECT_EQ(typo.exit_code, 1);
  EXPECT_NE(typo.err.find("did you mean 'paces'?"), std::string::npos) << typo.err;
  auto none = RunStride({});
  EXPECT_EQ(none.exit_code, 1);
}

TEST(CliTest, DatabaseGoesWhereAsked) {
  auto dir = FreshTempDir("where");
  auto r = RunStride({"athlete", "set", "--name", "Kim", "--db", (dir / "x" / "k.db").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(std::filesystem::exists(dir / "x" / "k.db"));
  // Default: $XDG_DATA_HOME unset, so under $HOME (the runner's temporary home).
  auto unreadable = RunStride({"athlete", "show", "--db", (dir / "x").string()});
  EXPECT_NE(unreadable.exit_code, 0);
  EXPECT_NE(unreadable.err.find("stride: error:"), std::string::npos);
}

}  // namespace
}  // namespace stride::testing
