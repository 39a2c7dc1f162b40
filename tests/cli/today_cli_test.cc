// SPDX-License-Identifier: MIT
// `stride today` end to end: Sam's tempo day (warm-up drills, IT band and hip-flexor rolling, sauna) and
// a day without a plan.
#include <gtest/gtest.h>

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
  // The generator places the first tempo of the build on Tuesday 2027-01-12.
  auto r = RunStride({"today", "--date", "2027-01-12", "--json"}, db);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json j = json::parse(r.out);
  EXPECT_TRUE(j["has_plan"].get<bool>());
  EXPECT_EQ(j["days_to_race"], 89);
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

  auto text = RunStride({"today", "--date", "2027-01-12"}, db);
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

}  // namespace
}  // namespace stride::testing
