// SPDX-License-Identifier: MIT
#include "core/athlete.h"

#include <gtest/gtest.h>

#include "testing/status_matchers.h"

namespace stride::core {
namespace {

TEST(AthleteTest, ParsesRaceResults) {
  auto r = ParseRaceResult("10k=52:30@2026-10-18");
  ASSERT_OK(r);
  EXPECT_DOUBLE_EQ(r->distance.metres(), 10000);
  EXPECT_DOUBLE_EQ(r->time_s, 3150);
  ASSERT_TRUE(r->date.has_value());
  EXPECT_EQ(FormatDate(*r->date), "2026-10-18");
  auto half = ParseRaceResult("half=1:55:00");
  ASSERT_OK(half);
  EXPECT_FALSE(half->date.has_value());
}

TEST(AthleteTest, RejectsImplausibleRaces) {
  EXPECT_FALSE(ParseRaceResult("10k").has_value());
  EXPECT_FALSE(ParseRaceResult("10k=5:00").has_value());       // faster than the world record
  EXPECT_FALSE(ParseRaceResult("5k=3:00:00").has_value());     // slower than walking
  EXPECT_FALSE(ParseRaceResult("10k=52:30@2026-13-01").has_value());
}

TEST(AthleteTest, NamesRoundTrip) {
  for (Facility f : AllFacilities()) EXPECT_EQ(*ParseFacility(FacilityName(f)), f);
  for (HealthFlag h : AllHealthFlags()) EXPECT_EQ(*ParseHealthFlag(HealthFlagName(h)), h);
  EXPECT_EQ(ParseFacility("hot-tub").error().message,
            "unknown facility 'hot-tub'; use one of: foam-roller, textured-roller, sauna, plunge-pool, massage, gym");
}

TEST(AthleteTest, ValidationNamesTheField) {
  Date today = *ParseDate("2026-11-24");
  Athlete a;
  a.hr_rest_bpm = 100;
  a.hr_max_bpm = 100;
  auto s = ValidateAthlete(a, today);
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().where, "--hr-rest");
  a = Athlete{};
  a.hr_max_bpm = 260;
  EXPECT_EQ(ValidateAthlete(a, today).error().where, "--hr-max");
  a = Athlete{};
  a.birth_year = 2030;
  EXPECT_EQ(ValidateAthlete(a, today).error().where, "--birth-year");
  a = Athlete{};
  a.training_days = {Weekday::kTuesday, Weekday::kSaturday};
  a.long_run_day = Weekday::kSunday;
  EXPECT_EQ(ValidateAthlete(a, today).error().where, "--long-run-day");
  a.long_run_day = Weekday::kSaturday;
  EXPECT_OK(ValidateAthlete(a, today));
}

TEST(AthleteTest, LatestRacePrefersTheNewestDate) {
  Athlete a;
  a.races.push_back(*ParseRaceResult("10k=50:00@2026-09-01"));
  a.races.push_back(*ParseRaceResult("5k=24:00@2026-06-01"));
  EXPECT_DOUBLE_EQ(a.LatestRace()->distance.metres(), 10000);
}

}  // namespace
}  // namespace stride::core
