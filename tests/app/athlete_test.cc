// SPDX-License-Identifier: MIT
#include "app/athlete.h"

#include <gtest/gtest.h>

#include "store/database.h"
#include "testing/status_matchers.h"

namespace stride::app {
namespace {

core::Date Today() { return *core::ParseDate("2026-11-24"); }

TEST(AppAthleteTest, SettingOneFieldKeepsTheOthers) {
  auto db = store::Database::Open(":memory:");
  ASSERT_OK(db);
  AthleteChanges first;
  first.name = "Sam";
  first.hr_max_bpm = 188;
  first.training_days = std::vector{core::Weekday::kSunday, core::Weekday::kTuesday, core::Weekday::kTuesday};
  first.add_races.push_back(*core::ParseRaceResult("10k=52:30@2026-10-18"));
  ASSERT_OK(UpdateAthlete(*db, first, Today()));

  AthleteChanges second;
  second.hr_rest_bpm = 52;
  second.add_races.push_back(*core::ParseRaceResult("10k=51:00@2026-10-18"));  // same race corrected
  second.add_races.push_back(*core::ParseRaceResult("5k=24:30"));
  auto a = UpdateAthlete(*db, second, Today());
  ASSERT_OK(a);
  EXPECT_EQ(a->name, "Sam");
  EXPECT_EQ(a->hr_max_bpm, 188);
  EXPECT_EQ(a->hr_rest_bpm, 52);
  EXPECT_EQ(a->training_days, (std::vector{core::Weekday::kTuesday, core::Weekday::kSunday}));
  ASSERT_EQ(a->races.size(), 2u);
  EXPECT_DOUBLE_EQ(a->races[0].time_s, 51 * 60);
}

TEST(AppAthleteTest, InvalidChangeWritesNothing) {
  auto db = store::Database::Open(":memory:");
  ASSERT_OK(db);
  AthleteChanges ok;
  ok.hr_max_bpm = 188;
  ASSERT_OK(UpdateAthlete(*db, ok, Today()));
  AthleteChanges bad;
  bad.name = "Changed";
  bad.hr_rest_bpm = 190;  // above max
  auto r = UpdateAthlete(*db, bad, Today());
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().where, "--hr-rest");
  auto stored = GetAthlete(*db);
  ASSERT_OK(stored);
  EXPECT_EQ(stored->name, "");
  EXPECT_FALSE(stored->hr_rest_bpm.has_value());
}

TEST(AppAthleteTest, MissingProfileIsNotFound) {
  auto db = store::Database::Open(":memory:");
  ASSERT_OK(db);
  auto a = GetAthlete(*db);
  ASSERT_FALSE(a.has_value());
  EXPECT_EQ(a.error().code, core::ErrorCode::kNotFound);
}

}  // namespace
}  // namespace stride::app
