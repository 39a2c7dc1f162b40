// SPDX-License-Identifier: MIT
// The day prescription: Sam's days from JOURNEY.md, the safety rules one by one, and properties that
// must hold over thousands of generated athletes and days.
#include "care/prescription.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <random>
#include <string>

#include "care/dose_limits.h"
#include "testing/status_matchers.h"

namespace stride::care {
namespace {

using core::Date;
using core::Facility;
using core::HealthFlag;

core::Athlete Sam() {
  core::Athlete sam;
  sam.name = "Sam";
  sam.facilities = {Facility::kFoamRoller, Facility::kTexturedRoller, Facility::kSauna, Facility::kPlungePool,
                    Facility::kGym};
  return sam;
}

DaySession Session(std::string kind, double distance_m = 0) { return DaySession{std::move(kind), distance_m, 0, false}; }

const Item* FindItem(const std::vector<Item>& items, std::string_view id) {
  auto it = std::find_if(items.begin(), items.end(), [&](const Item& i) { return i.id == id; });
  return it == items.end() ? nullptr : &*it;
}

bool HasKind(const std::vector<Item>& items, ItemKind kind) {
  return std::any_of(items.begin(), items.end(), [&](const Item& i) { return i.kind == kind; });
}

bool HasNote(const DayPrescription& day, std::string_view text) {
  return std::any_of(day.notes.begin(), day.notes.end(), [&](const Note& n) { return n.text == text; });
}

DayContext Day(Date date, std::vector<DaySession> today, std::vector<DaySession> tomorrow = {},
               std::optional<int> days_to_race = std::nullopt) {
  DayContext ctx;
  ctx.date = date;
  ctx.today = std::move(today);
  ctx.tomorrow = std::move(tomorrow);
  ctx.days_to_race = days_to_race;
  return ctx;
}

DayPrescription Prescribe(const DayContext& ctx, const core::Athlete& athlete = Sam()) {
  auto day = PrescribeDay(ctx, athlete, BuiltinCatalogue());
  EXPECT_OK(day);
  return day ? *day : DayPrescription{};
}

// Week 6 of Sam's plan (race 2027-04-25, 20 weeks): Thursday 2027-01-14.
const Date kThursday = Date::FromYmd(2027, 1, 14);

TEST(PrescribeDayTest, SamsThursdayTempo) {
  ASSERT_EQ(kThursday.weekday(), core::Weekday::kThursday);
  DayContext ctx = Day(kThursday, {Session("tempo", 10000)}, {Session("rest")}, 101);
  DayPrescription day = Prescribe(ctx);
  // Warm-up: 10 min easy, drills, 4 strides (SCIENCE.md D5).
  ASSERT_NE(FindItem(day.warmup, "jog-easy"), nullptr);
  EXPECT_EQ(FindItem(day.warmup, "jog-easy")->dose.minutes, 10.0);
  for (const char* drill : {"leg-swing-front", "walking-lunge", "a-skip"}) {
    EXPECT_NE(FindItem(day.warmup, drill), nullptr) << drill;
  }
  ASSERT_NE(FindItem(day.warmup, "strides"), nullptr);
  EXPECT_EQ(FindItem(day.warmup, "strides")->dose.sets, 4);
  EXPECT_NE(FindItem(day.cooldown, "jog-easy"), nullptr);
  // Mobility: stretches, IT band and hip-flexor rolling, textured roller for the calves.
  for (const char* id : {"calf-stretch-straight", "hamstring-stretch", "kneeling-hip-flexor-stretch",
                         "roll-it-band-textured", "roll-hip-flexors", "roll-calves-textured", "roll-quads-textured"}) {
    EXPECT_NE(FindItem(day.mobility, id), nullptr) << id;
  }
  EXPECT_EQ(FindItem(day.mobility, "roll-calves"), nullptr);
  // Recovery: the sauna is fine (next hard session is Sunday), with its stretches; no plunge after a tempo.
  ASSERT_NE(FindItem(day.recovery, "sauna-post-run"), nullptr);
  EXPECT_EQ(FindItem(day.recovery, "sauna-post-run")->routine, "sauna-stretching");
  EXPECT_NE(FindItem(day.recovery, "sauna-hip-flexor-stretch"), nullptr);
  EXPECT_FALSE(HasKind(day.recovery, ItemKind::kPlungePool));
  EXPECT_TRUE(HasNote(day, "no plunge pool today: cold water earns its place after long runs and races, or when "
                           "the next hard session is less than 24 h away"));
  EXPECT_TRUE(day.strength.empty());
}

TEST(PrescribeDayTest, SamsSundayLongRunEndsInThePlungePool) {
  DayContext ctx = Day(kThursday.AddDays(3), {Session("long", 22000)}, {Session("rest")}, 98);
  DayPrescription day = Prescribe(ctx);
  const Item* plunge = FindItem(day.recovery, "plunge-pool");
  ASSERT_NE(plunge, nullptr);
  EXPECT_EQ(plunge->dose.minutes, 10.0);  // SCIENCE.md D8 [machado-2016-cwi]: 10-15 C, 10-15 min
  EXPECT_GE(*plunge->dose.temperature_c, 10.0);
  EXPECT_LE(*plunge->dose.temperature_c, 15.0);
  EXPECT_EQ(plunge->source, "machado-2016-cwi");
  EXPECT_EQ(FindItem(day.recovery, "sauna-post-run"), nullptr);  // one heat or cold session a day
  ASSERT_NE(FindItem(day.recovery, "contrast-bath"), nullptr);    // both facilities: offered as an option
  EXPECT_EQ(FindItem(day.recovery, "contrast-bath")->when, "instead_of_plunge");
  for (const char* id : {"roll-calves-textured", "roll-quads-textured", "roll-glutes", "hamstring-stretch"}) {
    EXPECT_NE(FindItem(day.mobility, id), nullptr) << id;
  }
  EXPECT_NE(FindItem(day.recovery, "muscle-rub"), nullptr);
}

TEST(PrescribeDayTest, SamsMondayRestIsSaunaWithStretching) {
  DayContext ctx = Day(kThursday.AddDays(4), {Session("rest")}, {Session("easy")}, 97);
  DayPrescription day = Prescribe(ctx);
  EXPECT_TRUE(day.warmup.empty());
  EXPECT_TRUE(day.mobility.empty());
  ASSERT_NE(FindItem(day.recovery, "sauna-post-run"), nullptr);
  EXPECT_EQ(FindItem(day.recovery, "sauna-post-run")->when, "evening");
  EXPECT_NE(FindItem(day.recovery, "sauna-hamstring-stretch"), nullptr);
  EXPECT_FALSE(HasKind(day.recovery, ItemKind::kPlungePool));
}

TEST(PrescribeDayTest, NoSaunaTheEveningBeforeAQualitySession) {
  DayContext ctx = Day(kThursday.AddDays(-1), {Session("easy")}, {Session("tempo")});
  core::Athlete athlete = Sam();
  athlete.facilities.erase(Facility::kPlungePool);
  DayPrescription day = Prescribe(ctx, athlete);
  EXPECT_FALSE(HasKind(day.recovery, ItemKind::kSauna));
  EXPECT_TRUE(HasNote(day, "no sauna tonight: tempo run tomorrow"));
}

TEST(PrescribeDayTest, NoMassageInTheThreeDaysBeforeTheRace) {
  core::Athlete athlete = Sam();
  athlete.facilities.insert(Facility::kMassage);
  DayContext ctx = Day(kThursday, {Session("easy")}, {Session("rest")}, 3);
  ctx.in_build_phase = true;
  DayPrescription day = Prescribe(ctx, athlete);
  EXPECT_FALSE(HasKind(day.recovery, ItemKind::kMassage));
  EXPECT_TRUE(HasNote(day, "no massage: the race is 3 days away or less"));
  ctx.days_to_race = 30;
  ctx.last_massage = kThursday.AddDays(-20);
  EXPECT_NE(FindItem(Prescribe(ctx, athlete).recovery, "sports-massage"), nullptr);
  ctx.last_massage = kThursday.AddDays(-5);  // booked 5 days ago: not due yet
  EXPECT_FALSE(HasKind(Prescribe(ctx, athlete).recovery, ItemKind::kMassage));
}

TEST(PrescribeDayTest, NoColdWaterOnStrengthDays) {
  DayContext ctx = Day(kThursday.AddDays(3), {Session("long", 22000)}, {Session("rest")});
  ctx.strength_today = true;
  DayPrescription day = Prescribe(ctx);
  EXPECT_FALSE(HasKind(day.recovery, ItemKind::kPlungePool));
  EXPECT_FALSE(HasKind(day.recovery, ItemKind::kContrast));
  EXPECT_TRUE(HasNote(day, "no plunge pool today: cold water after strength work blunts strength gains"));
  EXPECT_FALSE(day.strength.empty());
}

TEST(PrescribeDayTest, StrengthAlternatesAAndBByIsoWeek) {
  DayContext ctx = Day(Date::FromYmd(2027, 1, 12), {Session("strength")});  // ISO week 2
  EXPECT_EQ(Prescribe(ctx).strength.at(0).routine, "runner-strength-a");
  ctx.date = ctx.date.AddDays(7);  // week 3
  EXPECT_EQ(Prescribe(ctx).strength.at(0).routine, "runner-strength-b");
}

TEST(PrescribeDayTest, HealthFlagsRuleOutHeatAndCold) {
  core::Athlete athlete = Sam();
  athlete.health = {HealthFlag::kHeartCondition};
  DayContext ctx = Day(kThursday.AddDays(3), {Session("long", 22000)}, {Session("rest")});
  DayPrescription day = Prescribe(ctx, athlete);
  EXPECT_TRUE(day.recovery.empty() || !HasKind(day.recovery, ItemKind::kPlungePool));
  EXPECT_FALSE(HasKind(day.recovery, ItemKind::kSauna));
  EXPECT_TRUE(HasNote(day, "no plunge pool: ruled out with a heart condition (unstable angina, recent heart "
                           "attack, aortic stenosis)"));
}

TEST(PrescribeDayTest, NoHeatWithin72HoursOfAnAcuteInjury) {
  DayContext ctx = Day(kThursday, {Session("rest")});
  ctx.hours_since_acute_injury = 30;
  DayPrescription day = Prescribe(ctx);
  EXPECT_FALSE(HasKind(day.recovery, ItemKind::kSauna));
  EXPECT_TRUE(HasNote(day, "no sauna: an acute injury is less than 72 h old"));
  ctx.hours_since_acute_injury = 80;
  EXPECT_TRUE(HasKind(Prescribe(ctx).recovery, ItemKind::kSauna));
}

TEST(PrescribeDayTest, RaceMorningGetsTheShortWarmup) {
  DayContext ctx = Day(Date::FromYmd(2027, 4, 25), {Session("race", 42195)}, {}, 0);
  DayPrescription day = Prescribe(ctx);
  EXPECT_EQ(day.warmup.at(0).routine, "race-morning-warmup");
  EXPECT_FALSE(HasKind(day.recovery, ItemKind::kSauna));
}

TEST(PrescribeDayTest, RulesAreData) {
  Catalogue catalogue = BuiltinCatalogue();
  std::erase_if(catalogue.rules, [](const Rule& r) { return r.id == "no-heat-before-quality"; });
  DayContext ctx = Day(kThursday, {Session("easy")}, {Session("tempo")});
  core::Athlete athlete = Sam();
  athlete.facilities.erase(Facility::kPlungePool);
  auto day = PrescribeDay(ctx, athlete, catalogue);
  ASSERT_OK(day);
  EXPECT_TRUE(HasKind(day->recovery, ItemKind::kSauna));
}

TEST(PrescribeDayTest, WithoutARollerThereIsANoteInstead) {
  core::Athlete athlete;
  DayPrescription day = Prescribe(Day(kThursday, {Session("easy")}), athlete);
  EXPECT_FALSE(HasKind(day.mobility, ItemKind::kFoamRolling));
  EXPECT_TRUE(HasNote(day, "no foam rolling: add a foam roller to your facilities to get it after runs"));
  EXPECT_TRUE(day.recovery.empty());
}

TEST(PrescribeDayTest, RejectsUnknownSessionKinds) {
  auto day = PrescribeDay(Day(kThursday, {Session("jogging")}), Sam(), BuiltinCatalogue());
  ASSERT_FALSE(day.has_value());
  EXPECT_EQ(day.error().ToString(), "today: unknown session kind 'jogging'");
}

TEST(IsoWeekNumberTest, MatchesTheIsoCalendar) {
  EXPECT_EQ(IsoWeekNumber(Date::FromYmd(2026, 1, 1)), 1);    // a Thursday
  EXPECT_EQ(IsoWeekNumber(Date::FromYmd(2026, 12, 31)), 53);
  EXPECT_EQ(IsoWeekNumber(Date::FromYmd(2027, 1, 3)), 53);   // Sunday, still 2026-W53
  EXPECT_EQ(IsoWeekNumber(Date::FromYmd(2027, 1, 4)), 1);
  EXPECT_EQ(IsoWeekNumber(Date::FromYmd(2024, 12, 30)), 1);  // Monday of 2025-W01
}

}  // namespace
}  // namespace stride::care
