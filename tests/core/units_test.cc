// SPDX-License-Identifier: MIT
#include "core/units.h"

#include <gtest/gtest.h>

#include <random>

#include "testing/status_matchers.h"

namespace stride::core {
namespace {

TEST(UnitsTest, ParsesDistancesRunnersType) {
  struct Case {
    const char* text;
    double metres;
  } cases[] = {{"42.195km", 42195},       {"26.2mi", 26.2 * 1609.344}, {"5000m", 5000}, {"10k", 10000},
               {"10K", 10000},            {"half", 21097.5},           {"marathon", 42195},
               {"1.5 km", 1500},          {"13.1 miles", 13.1 * 1609.344}, {"half-marathon", 21097.5}};
  for (const Case& c : cases) {
    auto d = ParseDistance(c.text);
    ASSERT_OK(d);
    EXPECT_NEAR(d->metres(), c.metres, 1e-6) << c.text;
  }
}

TEST(UnitsTest, BareNumberNeedsDefaultUnits) {
  EXPECT_FALSE(ParseDistance("25").has_value());
  auto d = ParseDistance("25", UnitSystem::kMiles);
  ASSERT_OK(d);
  EXPECT_NEAR(d->miles(), 25, 1e-9);
}

TEST(UnitsTest, RejectsNonsenseDistanceWithHelpfulMessage) {
  for (const char* bad : {"", "km", "-5km", "abc", "10x", "1.2.3km", "0km"}) {
    auto d = ParseDistance(bad);
    ASSERT_FALSE(d.has_value()) << bad;
    EXPECT_EQ(d.error().code, ErrorCode::kInvalidArgument);
  }
  EXPECT_EQ(ParseDistance("abc").error().message,
            "cannot read distance 'abc'; write e.g. 42.195km, 26.2mi, 5000m, 10k, half or marathon");
}

TEST(UnitsTest, ParsesDurations) {
  EXPECT_DOUBLE_EQ(*ParseDuration("3:45:00"), 3 * 3600 + 45 * 60);
  EXPECT_DOUBLE_EQ(*ParseDuration("45:30"), 45 * 60 + 30);
  EXPECT_DOUBLE_EQ(*ParseDuration("52:30"), 52 * 60 + 30);
  EXPECT_DOUBLE_EQ(*ParseDuration("1:05:30.5"), 3930.5);
  EXPECT_DOUBLE_EQ(*ParseDuration("1h30m"), 5400);
  EXPECT_DOUBLE_EQ(*ParseDuration("90s"), 90);
  EXPECT_DOUBLE_EQ(*ParseDuration("45min"), 2700);
}

TEST(UnitsTest, RejectsMalformedDurations) {
  for (const char* bad : {"", "3:75:00", "45:7", "1:2:3:4", "abc", ":30", "45:", "0:00", "1:60"}) {
    EXPECT_FALSE(ParseDuration(bad).has_value()) << bad;
  }
}

TEST(UnitsTest, ParsesPaces) {
  auto km = ParsePace("4:30/km");
  ASSERT_OK(km);
  EXPECT_DOUBLE_EQ(km->seconds_per_km(), 270);
  auto mi = ParsePace("7:15/mi");
  ASSERT_OK(mi);
  EXPECT_NEAR(mi->SecondsPer(UnitSystem::kMiles), 435, 1e-9);
  EXPECT_NEAR(mi->seconds_per_km(), 435 / 1.609344, 1e-9);
  EXPECT_FALSE(ParsePace("4:30").has_value());
  EXPECT_OK(ParsePace("4:30", UnitSystem::kKilometres));
  EXPECT_FALSE(ParsePace("4:30/furlong").has_value());
}

TEST(UnitsTest, FormatsInRunnersUnits) {
  EXPECT_EQ(FormatDistance(Distance::Km(12.5), UnitSystem::kKilometres), "12.5 km");
  EXPECT_EQ(FormatDistance(Distance::Km(12), UnitSystem::kKilometres), "12 km");
  EXPECT_EQ(FormatDistance(Distance::Metres(42195), UnitSystem::kMiles), "26.22 mi");
  EXPECT_EQ(FormatDuration(3 * 3600 + 45 * 60), "3:45:00");
  EXPECT_EQ(FormatDuration(45 * 60 + 30), "45:30");
  EXPECT_EQ(FormatDuration(59.6), "1:00");
  EXPECT_EQ(FormatPace(Pace::SecondsPerKm(270), UnitSystem::kKilometres), "4:30/km");
  EXPECT_EQ(FormatPace(Pace::SecondsPerKm(270), UnitSystem::kMiles), "7:15/mi");
  EXPECT_EQ(FormatPace(Pace::SecondsPerKm(299.7), UnitSystem::kKilometres), "5:00/km");
  EXPECT_EQ(FormatSpeed(10.0 / 3.6, UnitSystem::kKilometres), "10.0 km/h");
}

// Property: canonical strings survive parse -> format unchanged.
TEST(UnitsTest, CanonicalStringsRoundTrip) {
  for (const char* s : {"3:45:00", "45:30", "1:00:00", "0:59", "10:05:09"}) EXPECT_EQ(FormatDuration(*ParseDuration(s)), s);
  for (const char* s : {"4:30/km", "7:15/mi", "10:00/km", "3:05/mi"}) {
    UnitSystem u = std::string(s).ends_with("mi") ? UnitSystem::kMiles : UnitSystem::kKilometres;
    EXPECT_EQ(FormatPace(*ParsePace(s), u), s);
  }
  for (const char* s : {"42.195 km", "26.2 mi", "5 km", "0.4 km"}) {
    UnitSystem u = std::string(s).ends_with("mi") ? UnitSystem::kMiles : UnitSystem::kKilometres;
    EXPECT_EQ(FormatDistance(*ParseDistance(s), u, 3), s);
  }
}

// Property: for many random values, format then parse gives the value back within the printed precision.
TEST(UnitsTest, RandomValuesRoundTripWithinPrecision) {
  std::mt19937 rng(20261124);
  std::uniform_real_distribution<double> metres(1, 200000), seconds(1, 48 * 3600), pace(120, 1200);
  for (int i = 0; i < 5000; ++i) {
    for (UnitSystem u : {UnitSystem::kKilometres, UnitSystem::kMiles}) {
      Distance d = Distance::Metres(metres(rng));
      auto back = ParseDistance(FormatDistance(d, u, 3));
      ASSERT_OK(back);
      EXPECT_NEAR(back->In(u), d.In(u), 0.0005 + 1e-9);

      Pace p = Pace::SecondsPerKm(pace(rng));
      auto pb = ParsePace(FormatPace(p, u));
      ASSERT_OK(pb);
      EXPECT_NEAR(pb->SecondsPer(u), p.SecondsPer(u), 0.5 + 1e-9);
    }
    double s = seconds(rng);
    auto sb = ParseDuration(FormatDuration(s));
    ASSERT_OK(sb);
    EXPECT_NEAR(*sb, s, 0.5 + 1e-9);
  }
}

TEST(UnitsTest, UnitSystemNames) {
  EXPECT_EQ(*ParseUnitSystem("km"), UnitSystem::kKilometres);
  EXPECT_EQ(*ParseUnitSystem("MI"), UnitSystem::kMiles);
  EXPECT_EQ(ParseUnitSystem("furlongs").error().message, "unknown unit system 'furlongs'; use km or mi");
}

}  // namespace
}  // namespace stride::core
