// SPDX-License-Identifier: MIT
#include "store/athlete_repository.h"

#include <gtest/gtest.h>

#include "store/database.h"
#include "testing/status_matchers.h"

namespace stride::store {
namespace {

TEST(AthleteRepositoryTest, RoundTripsEveryField) {
  auto db = Database::Open(":memory:");
  ASSERT_OK(db);
  auto none = LoadAthlete(*db);
  ASSERT_OK(none);
  EXPECT_FALSE(none->has_value());

  core::Athlete a;
  a.name = "Sam";
  a.sex = core::Sex::kFemale;
  a.birth_year = 1992;
  a.hr_rest_bpm = 52;
  a.hr_max_bpm = 188;
  a.units = core::UnitSystem::kMiles;
  a.weekly_distance_m = 25000;
  a.longest_run_m = 12000;
  a.races.push_back(*core::ParseRaceResult("10k=52:30@2026-10-18"));
  a.races.push_back(*core::ParseRaceResult("half=1:59:00"));
  a.training_days = {core::Weekday::kTuesday, core::Weekday::kSunday};
  a.long_run_day = core::Weekday::kSunday;
  a.facilities = {core::Facility::kSauna, core::Facility::kTexturedRoller};
  a.health = {core::HealthFlag::kRaynauds};
  ASSERT_OK(SaveAthlete(*db, a));

  auto loaded = LoadAthlete(*db);
  ASSERT_OK(loaded);
  ASSERT_TRUE(loaded->has_value());
  const core::Athlete& b = **loaded;
  EXPECT_EQ(b.name, "Sam");
  EXPECT_EQ(b.sex, core::Sex::kFemale);
  EXPECT_EQ(b.birth_year, 1992);
  EXPECT_EQ(b.hr_rest_bpm, 52);
  EXPECT_EQ(b.hr_max_bpm, 188);
  EXPECT_EQ(b.units, core::UnitSystem::kMiles);
  EXPECT_EQ(b.weekly_distance_m, 25000);
  EXPECT_EQ(b.longest_run_m, 12000);
  ASSERT_EQ(b.races.size(), 2u);
  EXPECT_EQ(core::FormatDate(*b.races[0].date), "2026-10-18");
  EXPECT_FALSE(b.races[1].date.has_value());
  EXPECT_EQ(b.training_days, a.training_days);
  EXPECT_EQ(b.long_run_day, core::Weekday::kSunday);
  EXPECT_EQ(b.facilities, a.facilities);
  EXPECT_EQ(b.health, a.health);
}

TEST(AthleteRepositoryTest, UnknownStoredNameIsCorruptData) {
  auto db = Database::Open(":memory:");
  ASSERT_OK(db);
  ASSERT_OK(db->Exec("INSERT INTO athlete (id, facilities) VALUES (1, 'sauna,hot-tub')"));
  auto loaded = LoadAthlete(*db);
  ASSERT_FALSE(loaded.has_value());
  EXPECT_EQ(loaded.error().code, core::ErrorCode::kCorruptData);
}

}  // namespace
}  // namespace stride::store
