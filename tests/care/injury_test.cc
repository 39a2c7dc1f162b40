// SPDX-License-Identifier: MIT
// Injury names, pain validation, red-flag triage [warden-2014-bsi] and the no-heat window [fiba-wabc].
#include "care/injury.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "testing/status_matchers.h"

namespace stride::care {
namespace {

using core::Date;

Injury ItBand() {
  Injury injury;
  injury.id = 1;
  injury.site = InjurySite::kItBand;
  injury.side = Side::kLeft;
  injury.onset_date = Date::FromYmd(2026, 5, 4);
  injury.pain = 4;
  return injury;
}

std::vector<RedFlag> Flags(const std::vector<RedFlagHit>& hits) {
  std::vector<RedFlag> out;
  for (const auto& h : hits) out.push_back(h.flag);
  return out;
}

TEST(InjuryTest, SiteNamesRoundTrip) {
  for (const char* name : {"it-band", "hip-flexor", "knee-front", "achilles", "calf", "plantar-fascia", "shin",
                           "hamstring", "lower-back", "bone-stress", "other"}) {
    auto site = ParseInjurySite(name);
    ASSERT_OK(site);
    EXPECT_STREQ(InjurySiteName(*site), name);
  }
}

TEST(InjuryTest, UnknownSiteListsTheAcceptedOnes) {
  auto site = ParseInjurySite("knee");
  ASSERT_FALSE(site);
  EXPECT_EQ(site.error().code, core::ErrorCode::kInvalidArgument);
  EXPECT_THAT(site.error().message, ::testing::HasSubstr("unknown site 'knee'"));
  EXPECT_THAT(site.error().message, ::testing::HasSubstr("it-band, hip-flexor, knee-front"));
}

TEST(InjuryTest, PainOutsideZeroToTenIsRejectedNamingTheOption) {
  EXPECT_OK(CheckPain(0, "--pain"));
  EXPECT_OK(CheckPain(10, "--pain"));
  auto bad = CheckPain(11, "--pain-during");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().where, "--pain-during");
  PainLog log;
  log.pain_next_morning = -1;
  auto s = ValidatePainLog(log);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().where, "--pain-next-morning");
}

TEST(InjuryTest, PlainInjuryHasNoRedFlags) {
  EXPECT_TRUE(InjuryRedFlags(ItBand()).empty());
}

TEST(InjuryTest, EachWarningSignIsARedFlag) {
  Injury injury = ItBand();
  injury.pain = 7;
  injury.pain_at_rest = 3;
  injury.pain_night = true;
  injury.swelling = true;
  injury.bone_tenderness = true;
  injury.cannot_bear_weight = true;
  injury.numbness = true;
  EXPECT_THAT(Flags(InjuryRedFlags(injury)),
              ::testing::UnorderedElementsAre(RedFlag::kPainAtRest, RedFlag::kPainAtNight, RedFlag::kBoneTenderness,
                                              RedFlag::kSwelling, RedFlag::kCannotBearWeight, RedFlag::kSeverePain,
                                              RedFlag::kNumbness));
}

TEST(InjuryTest, MildRestPainAndPainSixAreNotRedFlags) {
  Injury injury = ItBand();
  injury.pain = 6;
  injury.pain_at_rest = 2;  // the 0-2 "safe" zone [silbernagel-2007-pain]
  EXPECT_TRUE(InjuryRedFlags(injury).empty());
}

TEST(InjuryTest, ClearedFlagsStayClearedButLaterSeverePainCounts) {
  Injury injury = ItBand();
  injury.pain_night = true;
  const Date day = injury.onset_date.AddDays(5);
  EXPECT_EQ(ActiveRedFlags(injury, {}, day).size(), 1u);
  injury.red_flags_cleared_on = injury.onset_date.AddDays(2);
  EXPECT_TRUE(ActiveRedFlags(injury, {}, day).empty());
  // Not yet cleared on the day before the clinician saw the runner.
  EXPECT_EQ(ActiveRedFlags(injury, {}, injury.onset_date.AddDays(1)).size(), 1u);
  PainLog bad{1, injury.onset_date.AddDays(4), 8, 3, 2, std::nullopt, std::nullopt};
  auto flags = ActiveRedFlags(injury, {bad}, day);
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].flag, RedFlag::kSeverePain);
  EXPECT_TRUE(ActiveRedFlags(injury, {bad}, bad.date.AddDays(-1)).empty());
}

TEST(InjuryTest, ShinWithBoneTendernessIsBoneStress) {
  Injury shin = ItBand();
  shin.site = InjurySite::kShin;
  EXPECT_FALSE(IsBoneStress(shin));
  shin.bone_tenderness = true;
  EXPECT_TRUE(IsBoneStress(shin));
  Injury bone = ItBand();
  bone.site = InjurySite::kBoneStress;
  EXPECT_TRUE(IsBoneStress(bone));
}

TEST(InjuryTest, NoHeatWindowCoversSeventyTwoHoursFromAnyTimeOfTheOnsetDay) {
  const Injury injury = ItBand();
  EXPECT_EQ(HoursSinceAcuteInjury(injury, injury.onset_date), 0);
  EXPECT_EQ(HoursSinceAcuteInjury(injury, injury.onset_date.AddDays(3)), 48);
  EXPECT_EQ(HoursSinceAcuteInjury(injury, injury.onset_date.AddDays(4)), std::nullopt);
  EXPECT_EQ(HoursSinceAcuteInjury(injury, injury.onset_date.AddDays(-1)), std::nullopt);
  EXPECT_EQ(LastNoHeatDay(injury), injury.onset_date.AddDays(3));
}

TEST(InjuryTest, SitesMapToTheirCatalogueRoutines) {
  EXPECT_STREQ(SiteRehabRoutineId(InjurySite::kItBand), "itb-rehab");
  EXPECT_STREQ(SiteRehabRoutineId(InjurySite::kAchilles), "achilles-rehab");
  EXPECT_STREQ(SiteRehabRoutineId(InjurySite::kPlantarFascia), "plantar-fascia-rehab");
  EXPECT_STREQ(SiteRehabRoutineId(InjurySite::kKneeFront), "knee-front-rehab");
  EXPECT_STREQ(SiteRehabRoutineId(InjurySite::kShin), "shin-rehab");
}

}  // namespace
}  // namespace stride::care
