// SPDX-License-Identifier: MIT
// The safety-rule engine: evaluates the rules of data/catalogue/rules.toml against the facts of one day,
// so that which item is ruled out, and why, is data rather than C++ branches. Used by prescription.cc.
#ifndef STRIDE_CARE_RULES_H_
#define STRIDE_CARE_RULES_H_

#include <optional>
#include <set>
#include <string>

#include "care/catalogue.h"
#include "core/athlete.h"

namespace stride::care {

/// What the rules need to know about a day.
struct DayFacts {
  std::set<core::HealthFlag> health;
  std::optional<int> hours_since_acute_injury;  // set while an acute injury exists
  bool bone_stress_injury = false;
  std::optional<std::string> quality_tomorrow;  // label of tomorrow's quality session, e.g. "tempo run"
  bool race_today = false;
  std::optional<int> days_to_race;
  bool strength_today = false;
};

/// A rule that holds today for an exercise, with its note filled in ("no sauna tonight: tempo run tomorrow").
struct RuleHit {
  const Rule* rule = nullptr;
  std::string note;
};

/// True when the rule's condition holds on this day (whatever items it applies to).
bool ConditionHolds(const Rule& rule, const DayFacts& facts);

/// The first rule that rules `exercise` out today: a rule whose `kinds` include the exercise's kind, or a
/// rule named in its contraindications. nullopt when the exercise is allowed. REQUIRES: the exercise's
/// contraindications name rules of `catalogue` (ValidateCatalogue checks this; unknown names are ignored).
std::optional<RuleHit> RuleOut(const Exercise& exercise, const DayFacts& facts, const Catalogue& catalogue);

/// How a kind reads in a note: "sauna", "plunge pool", "contrast bath", "massage", "muscle rub", ...
std::string KindLabel(ItemKind kind);

}  // namespace stride::care

#endif  // STRIDE_CARE_RULES_H_
