// SPDX-License-Identifier: MIT
#include "app/paces.h"

#include <gtest/gtest.h>

#include "app/athlete.h"
#include "store/database.h"
#include "testing/status_matchers.h"

namespace stride::app {
namespace {

TEST(AppPacesTest, UsesTheLatestStoredRace) {
  auto db = store::Database::Open(":memory:");
  ASSERT_OK(db);
  auto none = ComputePaces(*db, std::nullopt);
  ASSERT_FALSE(none.has_value());
  EXPECT_EQ(none.error().code, core::ErrorCode::kNotFound);

  AthleteChanges c;
  c.add_races.push_back(*core::ParseRaceResult("5k=30:40@2025-01-01"));
  c.add_races.push_back(*core::ParseRaceResult("10k=41:21@2026-10-01"));
  ASSERT_OK(UpdateAthlete(*db, c, *core::ParseDate("2026-11-24")));
  auto r = ComputePaces(*db, std::nullopt);
  ASSERT_OK(r);
  EXPECT_TRUE(r->race_from_profile);
  EXPECT_NEAR(r->vdot, 50, 0.1);  // 10k 41:21 is VDOT 50 in Daniels' table
  ASSERT_EQ(r->predictions.size(), 4u);
  EXPECT_EQ(r->predictions[3].key, "marathon");
  EXPECT_NEAR(r->predictions[3].time_s, 3 * 3600 + 10 * 60 + 49, 35);
}

TEST(AppPacesTest, ExplicitRaceWins) {
  auto db = store::Database::Open(":memory:");
  ASSERT_OK(db);
  auto r = ComputePaces(*db, *core::ParseRaceResult("marathon=3:49:45"));
  ASSERT_OK(r);
  EXPECT_FALSE(r->race_from_profile);
  EXPECT_NEAR(r->vdot, 40, 0.1);
}

TEST(AppPacesTest, TooShortAnEffortNamesTheOption) {
  auto r = PacesFromRace(*core::ParseRaceResult("1k=3:10"), core::UnitSystem::kKilometres);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().where, "--race");
}

}  // namespace
}  // namespace stride::app
