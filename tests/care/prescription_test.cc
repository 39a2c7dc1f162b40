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

// --- Routines pinned to the day, the injury's rehab items, and stopped running ---

// A custom routine of catalogue exercises, as the runner would pin it.
DayRoutine Pinned(std::string id, RoutinePhase phase, std::vector<std::string> exercises, bool replace = false) {
  Routine r;
  r.id = std::move(id);
  r.name = "Custom " + r.id;
  r.phase = phase;
  r.source = "physio";
  for (std::string& e : exercises) r.steps.push_back({std::move(e), {}, ""});
  return {std::move(r), replace};
}

bool FromRoutine(const std::vector<Item>& items, std::string_view routine) {
  return std::any_of(items.begin(), items.end(), [&](const Item& i) { return i.routine == routine; });
}

TEST(PrescribeDayTest, PinnedRoutinesGoWhereTheirPhaseSays) {
  DayContext ctx = Day(kThursday, {Session("easy")});
  ctx.pinned = {Pinned("my-strength", RoutinePhase::kStrength, {"clamshell"}),
                Pinned("my-rehab", RoutinePhase::kRehab, {"glute-bridge"}),
                Pinned("my-mobility", RoutinePhase::kAny, {"cat-camel"}),
                Pinned("my-after", RoutinePhase::kPostRun, {"quad-stretch"})};
  DayPrescription day = Prescribe(ctx);
  EXPECT_TRUE(FromRoutine(day.strength, "my-strength"));
  EXPECT_TRUE(FromRoutine(day.rehab, "my-rehab"));
  EXPECT_TRUE(FromRoutine(day.mobility, "my-mobility"));
  EXPECT_TRUE(FromRoutine(day.mobility, "my-after"));
  EXPECT_TRUE(FromRoutine(day.mobility, "post-run-stretch"));  // joined, not replaced
  ASSERT_FALSE(day.strength.empty());
  EXPECT_EQ(day.strength[0].when, "strength");
  EXPECT_EQ(day.rehab[0].when, "rehab");
}

TEST(PrescribeDayTest, PinnedReplaceTakesThePlaceOfTheCatalogueRoutine) {
  DayContext ctx = Day(kThursday, {Session("tempo", 10000)});
  ctx.pinned = {Pinned("my-warmup", RoutinePhase::kPreRun, {"walk-brisk", "leg-swing-front"}, true)};
  DayPrescription day = Prescribe(ctx);
  ASSERT_EQ(day.warmup.size(), 2u);
  EXPECT_EQ(day.warmup[0].id, "walk-brisk");
  EXPECT_EQ(day.warmup[0].when, "before_run");
  EXPECT_FALSE(FromRoutine(day.warmup, "quality-warmup"));
}

TEST(PrescribeDayTest, PinnedRoutineAroundARunWaitsForARunDay) {
  DayContext ctx = Day(kThursday, {Session("rest")});
  ctx.pinned = {Pinned("my-warmup", RoutinePhase::kPreRun, {"leg-swing-front"})};
  DayPrescription day = Prescribe(ctx);
  EXPECT_TRUE(day.warmup.empty());
  EXPECT_TRUE(HasNote(day, "your routine 'Custom my-warmup' is for before a run and today has none: keep it for your "
                           "next run day"));
}

TEST(PrescribeDayTest, PinnedItemsPassTheSafetyRules) {
  DayContext ctx = Day(kThursday, {Session("long", 20000), Session("strength")});
  ctx.hours_since_acute_injury = 24;
  ctx.pinned = {Pinned("my-heat", RoutinePhase::kRecovery, {"sauna-post-run", "plunge-pool"})};
  DayPrescription day = Prescribe(ctx);
  EXPECT_FALSE(HasKind(day.recovery, ItemKind::kSauna));       // acute injury: no heat
  EXPECT_FALSE(HasKind(day.recovery, ItemKind::kPlungePool));  // strength day: no cold
}

TEST(PrescribeDayTest, StoppedRunningPrescribesNoRunOrJogAnywhere) {
  DayContext ctx = Day(kThursday, {Session("cross")});
  ctx.stop_running = true;
  ctx.pinned = {Pinned("my-any", RoutinePhase::kAny, {"jog-easy", "cat-camel"})};
  Item walk_run{"walk-run-intervals", "Walk-run", ItemKind::kRun, {}, {}, "rehab", "", "trials-2023-rtr",
                Evidence::kMedium, "walk-run"};
  ctx.rehab = {walk_run};
  DayPrescription day = Prescribe(ctx);
  for (const std::vector<Item>* list : {&day.warmup, &day.mobility, &day.rehab}) {
    EXPECT_FALSE(HasKind(*list, ItemKind::kJog));
    EXPECT_FALSE(HasKind(*list, ItemKind::kRun));
  }
  EXPECT_TRUE(FromRoutine(day.mobility, "my-any"));  // the rest of the routine stays
  EXPECT_TRUE(HasNote(day, "no Easy jog: running is stopped; it starts again with the walk-run phases"));
}

TEST(PrescribeDayTest, RehabItemsKeepTheirRoutineButPassEquipmentAndRules) {
  core::Athlete athlete;  // no roller, no sauna
  athlete.facilities = {Facility::kSauna};
  DayContext ctx = Day(kThursday, {Session("rest")});
  ctx.hours_since_acute_injury = 0;
  Item clamshell{"clamshell", "Clamshell", ItemKind::kStrength, {}, {}, "rehab", "", "fredericson-2000-itbs",
                 Evidence::kHigh, "itb-rehab"};
  Item roll = clamshell;
  roll.id = "roll-it-band";
  roll.kind = ItemKind::kFoamRolling;
  Item sauna = clamshell;
  sauna.id = "sauna-post-run";
  sauna.kind = ItemKind::kSauna;
  ctx.rehab = {clamshell, roll, sauna, clamshell};
  DayPrescription day = Prescribe(ctx, athlete);
  ASSERT_EQ(day.rehab.size(), 1u);  // no roller, no heat in the first 72 h, no duplicate
  EXPECT_EQ(day.rehab[0].id, "clamshell");
  EXPECT_EQ(day.rehab[0].routine, "itb-rehab");
}

TEST(PrescribeDayTest, WalkRunDayWarmsUpWithABriskWalkInsteadOfAJog) {
  DayPrescription day = Prescribe(Day(kThursday, {Session("walk_run", 1600)}));
  ASSERT_NE(FindItem(day.warmup, "walk-brisk"), nullptr);
  EXPECT_EQ(FindItem(day.warmup, "jog-easy"), nullptr);
  EXPECT_NE(FindItem(day.warmup, "leg-swing-front"), nullptr);
}

}  // namespace
}  // namespace stride::care
