// SPDX-License-Identifier: MIT
// Properties of PrescribeDay over generated athletes and days (fixed seed, so failures reproduce):
// the safety rules of SCIENCE.md hold whatever the facilities, health flags, sessions and injuries.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>

#include "care/dose_limits.h"
#include "care/prescription.h"

namespace stride::care {
namespace {

using core::Facility;

constexpr int kCases = 3000;
const char* const kSessionKinds[] = {"easy",    "long", "recovery", "tempo",    "intervals", "marathon_pace",
                                     "strides", "race", "rest",     "strength", "cross",     "walk_run"};

struct Case {
  core::Athlete athlete;
  DayContext ctx;
};

Case Generate(std::mt19937& rng) {
  auto chance = [&](double p) { return std::bernoulli_distribution(p)(rng); };
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  auto sessions = [&](int max) {
    std::vector<DaySession> out(static_cast<std::size_t>(pick(0, max)));
    for (DaySession& s : out) s = DaySession{kSessionKinds[pick(0, 11)], pick(3, 42) * 1000.0, 0, chance(0.3)};
    return out;
  };
  Case c;
  for (Facility f : core::AllFacilities()) {
    if (chance(0.5)) c.athlete.facilities.insert(f);
  }
  for (core::HealthFlag h : core::AllHealthFlags()) {
    if (chance(0.12)) c.athlete.health.insert(h);
  }
  c.ctx.date = core::Date::FromYmd(2026, 1, 1).AddDays(pick(0, 800));
  c.ctx.today = sessions(2);
  c.ctx.tomorrow = sessions(1);
  if (chance(0.7)) c.ctx.days_to_race = pick(0, 140);
  c.ctx.strength_today = chance(0.25);
  if (chance(0.3)) c.ctx.hours_since_acute_injury = pick(0, 200);
  c.ctx.in_build_phase = chance(0.5);
  if (chance(0.5)) c.ctx.last_massage = c.ctx.date.AddDays(-pick(0, 40));
  c.ctx.bone_stress_injury = chance(0.1);
  return c;
}

std::vector<const Item*> AllItems(const DayPrescription& day) {
  std::vector<const Item*> out;
  for (const auto* list : {&day.warmup, &day.cooldown, &day.mobility, &day.strength, &day.recovery}) {
    for (const Item& item : *list) out.push_back(&item);
  }
  return out;
}

bool IsHeat(const Item& item) { return item.kind == ItemKind::kSauna || item.kind == ItemKind::kContrast || item.routine == "sauna-stretching"; }
bool IsCold(const Item& item) { return item.kind == ItemKind::kPlungePool || item.kind == ItemKind::kContrast; }

bool QualityTomorrow(const DayContext& ctx) {
  const auto& quality = BuiltinCatalogue().quality_session_kinds;
  return std::any_of(ctx.tomorrow.begin(), ctx.tomorrow.end(), [&](const DaySession& s) {
    return std::find(quality.begin(), quality.end(), s.kind) != quality.end();
  });
}

bool Any(const std::vector<DaySession>& sessions, std::string_view kind) {
  return std::any_of(sessions.begin(), sessions.end(), [&](const DaySession& s) { return s.kind == kind; });
}

// Checks every property for one generated case; returns a description of the first broken one.
std::string BrokenProperty(const Case& c, const DayPrescription& day) {
  const Catalogue& catalogue = BuiltinCatalogue();
  const bool strength_day = c.ctx.strength_today || Any(c.ctx.today, "strength");
  const bool race_soon = Any(c.ctx.today, "race") || (c.ctx.days_to_race && *c.ctx.days_to_race <= 3);
  for (const Item* item : AllItems(day)) {
    const Exercise* e = catalogue.FindExercise(item->id);
    if (e == nullptr) return "unknown item " + item->id;
    if (!BuiltinSourceIds().contains(item->source)) return "unknown source on " + item->id;
    if (c.ctx.hours_since_acute_injury && *c.ctx.hours_since_acute_injury < 72 && IsHeat(*item)) {
      return "heat within 72 h of an acute injury: " + item->id;
    }
    if (QualityTomorrow(c.ctx) && IsHeat(*item)) return "heat before a quality session: " + item->id;
    if (race_soon && item->kind == ItemKind::kMassage) return "massage within 3 days of the race";
    if (strength_day && IsCold(*item)) return "cold water on a strength day: " + item->id;
    if (item->kind == ItemKind::kContrast &&
        !(c.athlete.Has(Facility::kSauna) && c.athlete.Has(Facility::kPlungePool))) {
      return "contrast without both sauna and plunge pool";
    }
    if (item->kind == ItemKind::kSauna && !c.athlete.Has(Facility::kSauna)) return "sauna without a sauna";
    if (item->kind == ItemKind::kFoamRolling && !FoamRollingDoseOk(item->dose)) return "foam rolling dose " + item->id;
    for (const std::string& id : e->contraindications) {
      const Rule* rule = catalogue.FindRule(id);
      if (rule->condition != RuleCondition::kHealthFlag) continue;
      if (c.athlete.Has(*core::ParseHealthFlag(rule->flag))) return item->id + " despite health flag " + rule->flag;
    }
  }
  for (const Item& item : day.warmup) {
    if (!PreRunHoldOk(item.kind, item.dose)) return "pre-run static hold of 60 s or more: " + item.id;
  }
  return "";
}

TEST(PrescribeDayPropertyTest, SafetyRulesHoldForGeneratedDays) {
  std::mt19937 rng(20270425);
  int with_recovery = 0;
  for (int i = 0; i < kCases; ++i) {
    Case c = Generate(rng);
    auto day = PrescribeDay(c.ctx, c.athlete, BuiltinCatalogue());
    ASSERT_TRUE(day.has_value()) << "case " << i << ": " << day.error().ToString();
    const std::string broken = BrokenProperty(c, *day);
    ASSERT_EQ(broken, "") << "case " << i << " on " << core::FormatDate(c.ctx.date);
    with_recovery += day->recovery.empty() ? 0 : 1;
  }
  // The generator must exercise the recovery paths, or the properties above prove little.
  EXPECT_GT(with_recovery, kCases / 4);
}

TEST(PrescribeDayPropertyTest, EveryRuledOutItemLeavesANote) {
  std::mt19937 rng(7);
  int notes = 0;
  for (int i = 0; i < kCases; ++i) {
    Case c = Generate(rng);
    auto day = PrescribeDay(c.ctx, c.athlete, BuiltinCatalogue());
    ASSERT_TRUE(day.has_value());
    for (const Note& note : day->notes) {
      ASSERT_FALSE(note.text.empty());
      ASSERT_TRUE(BuiltinSourceIds().contains(note.source)) << note.text;
      ASSERT_EQ(note.text.find('{'), std::string::npos) << note.text;  // every placeholder filled
    }
    notes += static_cast<int>(day->notes.size());
  }
  EXPECT_GT(notes, kCases);
}

}  // namespace
}  // namespace stride::care
