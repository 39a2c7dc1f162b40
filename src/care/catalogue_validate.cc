// SPDX-License-Identifier: MIT
// ValidateCatalogue: cross-references, doses, sources and the dose rules SCIENCE.md sets for warm-up
// stretching and foam rolling. Each failure names the file:line, the item and the problem.
#include <fmt/format.h>

#include <set>
#include <string>

#include "care/catalogue.h"
#include "care/dose_limits.h"

namespace stride::care {
namespace {

using core::ErrorCode;

tl::unexpected<core::Error> Problem(const std::string& origin, std::string message) {
  return Fail(ErrorCode::kCorruptData, std::move(message), origin);
}

Status CheckSource(const std::string& source, const std::set<std::string>& known, const std::string& what,
                   const std::string& origin) {
  if (source.empty()) return Problem(origin, fmt::format("{}: missing source", what));
  if (!known.contains(source)) return Problem(origin, fmt::format("{}: unknown source '{}'", what, source));
  return Ok();
}

// Dose rules that hold wherever an exercise is used (its own dose or a routine's override).
Status CheckDose(const Exercise& exercise, const Dose& dose, const std::string& what, const std::string& origin) {
  if (dose.Empty()) return Problem(origin, fmt::format("{}: missing dose", what));
  if (exercise.kind == ItemKind::kFoamRolling && !FoamRollingDoseOk(dose)) {
    return Problem(origin, fmt::format("{}: foam rolling dose of {} s is outside {}-{} s per muscle "
                                       "[nakamura-2021-fr]",
                                       what, dose.seconds.value_or(0), kMinFoamRollingSeconds,
                                       kMaxFoamRollingSeconds));
  }
  return Ok();
}

Status CheckExercise(const Exercise& e, const Catalogue& catalogue, const std::set<std::string>& known_sources) {
  const std::string what = fmt::format("exercise '{}'", e.id);
  if (auto s = CheckDose(e, e.dose, what, e.origin); !s) return s;
  if (auto s = CheckSource(e.source, known_sources, what, e.origin); !s) return s;
  for (const std::string& item : e.equipment) {
    if (!KnownEquipment().contains(item)) return Problem(e.origin, fmt::format("{}: unknown equipment '{}'", what, item));
  }
  for (const std::string& id : e.contraindications) {
    if (catalogue.FindRule(id) == nullptr) {
      return Problem(e.origin, fmt::format("{}: unknown contraindication '{}'", what, id));
    }
  }
  for (auto [label, id] : {std::pair{"easier", &e.easier}, std::pair{"harder", &e.harder}}) {
    if (!id->empty() && catalogue.FindExercise(*id) == nullptr) {
      return Problem(e.origin, fmt::format("{}: unknown {} variant '{}'", what, label, *id));
    }
  }
  return Ok();
}

Status CheckRoutine(const Routine& r, const Catalogue& catalogue, const std::set<std::string>& known_sources) {
  const std::string what = fmt::format("routine '{}'", r.id);
  if (auto s = CheckSource(r.source, known_sources, what, r.origin); !s) return s;
  for (const RoutineStep& step : r.steps) {
    const Exercise* exercise = catalogue.FindExercise(step.exercise_id);
    if (exercise == nullptr) {
      return Problem(step.origin, fmt::format("{}: unknown exercise '{}'", what, step.exercise_id));
    }
    const Dose& dose = step.dose.Empty() ? exercise->dose : step.dose;
    const std::string step_what = fmt::format("{} step '{}'", what, step.exercise_id);
    if (auto s = CheckDose(*exercise, dose, step_what, step.origin); !s) return s;
    if (r.phase == RoutinePhase::kPreRun && !PreRunHoldOk(exercise->kind, dose)) {
      return Problem(step.origin, fmt::format("{}: static hold of {} s in a pre-run routine; keep holds before "
                                              "running under {} s per muscle [kay-blazevich-2012]",
                                              step_what, dose.HoldSecondsPerMuscle(), kMaxPreRunStaticHoldSeconds));
    }
  }
  return Ok();
}

template <class T>
Status CheckUniqueIds(const std::vector<T>& items, const char* noun) {
  std::set<std::string> seen;
  for (const T& item : items) {
    if (!seen.insert(item.id).second) return Problem(item.origin, fmt::format("duplicate {} id '{}'", noun, item.id));
  }
  return Ok();
}

}  // namespace

Status ValidateCatalogue(const Catalogue& catalogue, const std::set<std::string>& known_sources) {
  if (auto s = CheckUniqueIds(catalogue.exercises, "exercise"); !s) return s;
  if (auto s = CheckUniqueIds(catalogue.routines, "routine"); !s) return s;
  if (auto s = CheckUniqueIds(catalogue.rules, "rule"); !s) return s;
  for (const Rule& rule : catalogue.rules) {
    if (auto s = CheckSource(rule.source, known_sources, fmt::format("rule '{}'", rule.id), rule.origin); !s) return s;
  }
  for (const Exercise& e : catalogue.exercises) {
    if (auto s = CheckExercise(e, catalogue, known_sources); !s) return s;
  }
  for (const Routine& r : catalogue.routines) {
    if (auto s = CheckRoutine(r, catalogue, known_sources); !s) return s;
  }
  return Ok();
}

}  // namespace stride::care
