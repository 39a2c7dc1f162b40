// SPDX-License-Identifier: MIT
// Rule evaluation: conditions against DayFacts, and notes with their {placeholders} filled in.
#include "care/rules.h"

#include <algorithm>
#include <string_view>

namespace stride::care {
namespace {

void ReplaceAll(std::string& text, std::string_view from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

std::string FillNote(const Rule& rule, const Exercise& exercise, const DayFacts& facts) {
  std::string note = rule.note;
  ReplaceAll(note, "{kind}", KindLabel(exercise.kind));
  ReplaceAll(note, "{name}", exercise.name);
  ReplaceAll(note, "{session}", facts.quality_tomorrow.value_or("a quality session"));
  ReplaceAll(note, "{hours}", std::to_string(rule.hours));
  ReplaceAll(note, "{days}", std::to_string(rule.days));
  return note;
}

bool AppliesTo(const Rule& rule, const Exercise& exercise) {
  if (std::find(rule.kinds.begin(), rule.kinds.end(), exercise.kind) != rule.kinds.end()) return true;
  return std::find(exercise.contraindications.begin(), exercise.contraindications.end(), rule.id) !=
         exercise.contraindications.end();
}

}  // namespace

bool ConditionHolds(const Rule& rule, const DayFacts& facts) {
  switch (rule.condition) {
    case RuleCondition::kHealthFlag: {
      auto flag = core::ParseHealthFlag(rule.flag);
      return flag && facts.health.contains(*flag);
    }
    case RuleCondition::kAcuteInjuryWithinHours:
      return facts.hours_since_acute_injury && *facts.hours_since_acute_injury < rule.hours;
    case RuleCondition::kBoneStressInjury:
      return facts.bone_stress_injury;
    case RuleCondition::kQualityTomorrow:
      return facts.quality_tomorrow.has_value();
    case RuleCondition::kRaceToday:
      return facts.race_today;
    case RuleCondition::kRaceWithinDays:
      return facts.days_to_race && *facts.days_to_race >= 0 && *facts.days_to_race <= rule.days;
    case RuleCondition::kStrengthToday:
      return facts.strength_today;
  }
  return false;
}

std::optional<RuleHit> RuleOut(const Exercise& exercise, const DayFacts& facts, const Catalogue& catalogue) {
  for (const Rule& rule : catalogue.rules) {
    if (AppliesTo(rule, exercise) && ConditionHolds(rule, facts)) {
      return RuleHit{&rule, FillNote(rule, exercise, facts)};
    }
  }
  return std::nullopt;
}

std::string KindLabel(ItemKind kind) {
  switch (kind) {
    case ItemKind::kPlungePool:
      return "plunge pool";
    case ItemKind::kContrast:
      return "contrast bath";
    case ItemKind::kRub:
      return "muscle rub";
    case ItemKind::kFoamRolling:
      return "foam rolling";
    default:
      break;
  }
  std::string label = ItemKindName(kind);
  std::replace(label.begin(), label.end(), '_', ' ');
  return label;
}

}  // namespace stride::care
